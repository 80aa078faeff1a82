//! The OS credential vault: the only place a refresh token, access token or password is kept.
//!
//! Backends are chosen in one place, `Cargo.toml`: macOS Keychain (`apple-native`), Windows
//! Credential Manager (`windows-native`) and the Secret Service on Linux
//! (`sync-secret-service`, e.g. gnome-keyring or KWallet). keyring's silent in-memory mock is
//! never used: with real backends compiled in, a missing or locked vault is an error
//! (`VAULT_UNAVAILABLE`), never a fallback, and there is no file fallback.
//!
//! Layout: service [`SERVICE`], one entry per mailbox (user = normalised address) holding the
//! [`AccountRecord`] as JSON (refresh token + authority + tenant + client id + scopes + account
//! ids, or for a password account the password and login name), a second entry `<address>#access` caching the current access token and its expiry, and
//! `client-secret:<client id>` for a confidential registration's secret (entered by an admin).
//! They are separate because Windows limits one credential to 2,560 bytes and an Entra refresh
//! or access token alone can be 1–2.5 KB (environment.md §2).
//!
//! Writes replace the entry in one call, so a rotated refresh token is stored before the
//! caller drops the old one.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

use crate::address::Address;
use crate::findings::{Finding, FindingCode};
use crate::provider::ProviderKind;

/// Vault service name for all entries of this app.
pub const SERVICE: &str = "mailsetup";

/// Current record format.
const RECORD_VERSION: u32 = 1;

/// The account identifiers from the ID token (not secret).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountIds {
    /// Object id in the tenant.
    pub oid: Option<String>,
    /// Tenant id.
    pub tid: Option<String>,
    /// The sign-in name (`preferred_username`).
    pub username: Option<String>,
}

/// Everything needed to get new access tokens for one mailbox. `Debug` hides the token.
#[derive(Clone)]
pub struct AccountRecord {
    /// The mailbox (normalised address).
    pub mailbox: String,
    /// Provider kind.
    pub provider: ProviderKind,
    /// Authority base URL used at sign-in (refresh goes to the same place; field case F13).
    pub authority: String,
    /// Tenant path segment to refresh at (the `tid` from the ID token when known).
    pub tenant: String,
    /// Client id of the app registration.
    pub client_id: String,
    /// Scopes requested.
    pub scopes: Vec<String>,
    /// Account ids.
    pub account: AccountIds,
    /// For a shared mailbox: the delegate who signed in (normalised address); `None` when the
    /// mailbox's own account signed in.
    pub sign_in_as: Option<String>,
    /// Whether the registration is confidential (the client secret comes from the vault).
    pub confidential: bool,
    /// The refresh token or the password (secret).
    pub credential: Credential,
    /// When this record was written, seconds since the epoch.
    pub saved_at: u64,
}

impl std::fmt::Debug for AccountRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AccountRecord")
            .field("mailbox", &self.mailbox)
            .field("authority", &self.authority)
            .field("tenant", &self.tenant)
            .field("client_id", &self.client_id)
            .field("credential", &self.credential)
            .finish_non_exhaustive()
    }
}

/// What signs the account in. Both are secrets; `Debug` never shows them.
#[derive(Clone)]
pub enum Credential {
    /// An OAuth refresh token (Microsoft, Google); the OAuth fields of the record say where it
    /// is renewed.
    RefreshToken(SecretString),
    /// A password: a Google App Password or another provider's password (normalised).
    Password {
        /// The password.
        secret: SecretString,
        /// The login name, when it is not the address.
        username: Option<String>,
    },
}

impl std::fmt::Debug for Credential {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Credential::RefreshToken(_) => "RefreshToken([redacted])",
            Credential::Password { .. } => "Password([redacted])",
        })
    }
}

/// A cached access token. `Debug` hides the token.
#[derive(Clone)]
pub struct CachedAccessToken {
    /// The token (secret).
    pub token: SecretString,
    /// Expiry, seconds since the epoch (local receive time + `expires_in`).
    pub expires_at: u64,
}

impl std::fmt::Debug for CachedAccessToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CachedAccessToken")
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

impl CachedAccessToken {
    /// True when the token is valid for at least `margin` more.
    pub fn valid_for(&self, margin: Duration) -> bool {
        now_secs() + margin.as_secs() < self.expires_at
    }
}

/// Seconds since the Unix epoch, now.
pub fn now_secs() -> u64 {
    epoch_secs(SystemTime::now())
}

/// Seconds since the epoch for `t`.
pub fn epoch_secs(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

// The wire forms are private: only this module ever turns a secret into JSON, and only to hand
// it to the vault.
#[derive(Serialize, Deserialize)]
struct RecordWire {
    version: u32,
    mailbox: String,
    provider: ProviderKind,
    authority: String,
    tenant: String,
    client_id: String,
    scopes: Vec<String>,
    account: AccountIds,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sign_in_as: Option<String>,
    #[serde(default)]
    confidential: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    refresh_token: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    password: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    username: Option<String>,
    saved_at: u64,
}

#[derive(Serialize, Deserialize)]
struct AccessWire {
    access_token: String,
    expires_at: u64,
}

/// The vault for one service name.
#[derive(Debug, Clone)]
pub struct Vault {
    service: String,
}

impl Default for Vault {
    fn default() -> Self {
        Vault {
            service: SERVICE.into(),
        }
    }
}

impl Vault {
    /// A vault using another service name (tests and side-by-side installs).
    pub fn with_service(service: impl Into<String>) -> Vault {
        Vault {
            service: service.into(),
        }
    }

    fn entry(&self, user: &str) -> Result<keyring::Entry, Finding> {
        keyring::Entry::new(&self.service, user).map_err(vault_finding)
    }

    /// Saves (replaces) the account record.
    ///
    /// # Errors
    /// `VAULT_UNAVAILABLE`.
    pub async fn save(&self, record: &AccountRecord) -> Result<(), Finding> {
        let wire = RecordWire {
            version: RECORD_VERSION,
            mailbox: record.mailbox.clone(),
            provider: record.provider,
            authority: record.authority.clone(),
            tenant: record.tenant.clone(),
            client_id: record.client_id.clone(),
            scopes: record.scopes.clone(),
            account: record.account.clone(),
            sign_in_as: record.sign_in_as.clone(),
            confidential: record.confidential,
            refresh_token: match &record.credential {
                Credential::RefreshToken(t) => Some(t.expose_secret().to_owned()),
                Credential::Password { .. } => None,
            },
            password: match &record.credential {
                Credential::Password { secret, .. } => Some(secret.expose_secret().to_owned()),
                Credential::RefreshToken(_) => None,
            },
            username: match &record.credential {
                Credential::Password { username, .. } => username.clone(),
                Credential::RefreshToken(_) => None,
            },
            saved_at: record.saved_at,
        };
        let json = SecretString::from(serde_json::to_string(&wire).map_err(Finding::internal)?);
        drop(wire);
        self.set(record.mailbox.clone(), json).await
    }

    /// Loads the account record, `None` when there is none.
    ///
    /// # Errors
    /// `VAULT_UNAVAILABLE`; `INTERNAL` for an unreadable record.
    pub async fn load(&self, mailbox: &Address) -> Result<Option<AccountRecord>, Finding> {
        let Some(json) = self.get(mailbox.normalized().to_owned()).await? else {
            return Ok(None);
        };
        let wire: RecordWire = serde_json::from_str(json.expose_secret())
            .map_err(|_| Finding::internal("vault record is not readable"))?;
        Ok(Some(AccountRecord {
            mailbox: wire.mailbox,
            provider: wire.provider,
            authority: wire.authority,
            tenant: wire.tenant,
            client_id: wire.client_id,
            scopes: wire.scopes,
            account: wire.account,
            sign_in_as: wire.sign_in_as,
            confidential: wire.confidential,
            credential: match (wire.refresh_token, wire.password) {
                (_, Some(p)) => Credential::Password {
                    secret: SecretString::from(p),
                    username: wire.username,
                },
                (Some(t), None) => Credential::RefreshToken(SecretString::from(t)),
                (None, None) => return Err(Finding::internal("vault record holds no credential")),
            },
            saved_at: wire.saved_at,
        }))
    }

    /// Caches the access token.
    ///
    /// # Errors
    /// `VAULT_UNAVAILABLE`.
    pub async fn save_access_token(
        &self,
        mailbox: &Address,
        token: &CachedAccessToken,
    ) -> Result<(), Finding> {
        let wire = AccessWire {
            access_token: token.token.expose_secret().to_owned(),
            expires_at: token.expires_at,
        };
        let json = SecretString::from(serde_json::to_string(&wire).map_err(Finding::internal)?);
        self.set(access_user(mailbox), json).await
    }

    /// The cached access token, if any.
    ///
    /// # Errors
    /// `VAULT_UNAVAILABLE`.
    pub async fn load_access_token(
        &self,
        mailbox: &Address,
    ) -> Result<Option<CachedAccessToken>, Finding> {
        let Some(json) = self.get(access_user(mailbox)).await? else {
            return Ok(None);
        };
        Ok(serde_json::from_str::<AccessWire>(json.expose_secret())
            .ok()
            .map(|w| CachedAccessToken {
                token: SecretString::from(w.access_token),
                expires_at: w.expires_at,
            }))
    }

    /// Deletes both entries of `mailbox`. Returns whether anything was there.
    ///
    /// # Errors
    /// `VAULT_UNAVAILABLE`.
    pub async fn delete(&self, mailbox: &Address) -> Result<bool, Finding> {
        let a = self.remove(mailbox.normalized().to_owned()).await?;
        let b = self.remove(access_user(mailbox)).await?;
        Ok(a || b)
    }

    /// Deletes only the cached access token.
    ///
    /// # Errors
    /// `VAULT_UNAVAILABLE`.
    pub async fn delete_access_token(&self, mailbox: &Address) -> Result<(), Finding> {
        self.remove(access_user(mailbox)).await.map(|_| ())
    }

    /// Stores the client secret of a confidential ("Web") app registration. Entered once by an
    /// administrator; never written to a file.
    ///
    /// # Errors
    /// `VAULT_UNAVAILABLE`.
    pub async fn save_client_secret(
        &self,
        client_id: &str,
        secret: &SecretString,
    ) -> Result<(), Finding> {
        self.set(secret_user(client_id), secret.clone()).await
    }

    /// The client secret for `client_id`, if an administrator stored one.
    ///
    /// # Errors
    /// `VAULT_UNAVAILABLE`.
    pub async fn load_client_secret(
        &self,
        client_id: &str,
    ) -> Result<Option<SecretString>, Finding> {
        self.get(secret_user(client_id)).await
    }

    /// Removes the client secret for `client_id`; returns whether there was one.
    ///
    /// # Errors
    /// `VAULT_UNAVAILABLE`.
    pub async fn delete_client_secret(&self, client_id: &str) -> Result<bool, Finding> {
        self.remove(secret_user(client_id)).await
    }

    /// Writes, reads back and deletes a probe entry: proves the vault works now.
    ///
    /// # Errors
    /// `VAULT_UNAVAILABLE` with the backend's reason.
    pub async fn self_check(&self) -> Result<(), Finding> {
        let user = format!("self-check-{}", uuid::Uuid::new_v4());
        self.set(user.clone(), SecretString::from("probe")).await?;
        let back = self.get(user.clone()).await?;
        self.remove(user).await?;
        match back {
            Some(v) if v.expose_secret() == "probe" => Ok(()),
            _ => Err(Finding::new(FindingCode::VaultUnavailable)
                .with("problem", "a test entry could not be read back")),
        }
    }

    async fn set(&self, user: String, value: SecretString) -> Result<(), Finding> {
        let entry = self.entry(&user)?;
        blocking(move || {
            entry
                .set_password(value.expose_secret())
                .map_err(vault_finding)
        })
        .await
    }

    async fn get(&self, user: String) -> Result<Option<SecretString>, Finding> {
        let entry = self.entry(&user)?;
        blocking(move || match entry.get_password() {
            Ok(v) => Ok(Some(SecretString::from(v))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(vault_finding(e)),
        })
        .await
    }

    async fn remove(&self, user: String) -> Result<bool, Finding> {
        let entry = self.entry(&user)?;
        blocking(move || match entry.delete_credential() {
            Ok(()) => Ok(true),
            Err(keyring::Error::NoEntry) => Ok(false),
            Err(e) => Err(vault_finding(e)),
        })
        .await
    }
}

fn secret_user(client_id: &str) -> String {
    format!("client-secret:{}", client_id.to_ascii_lowercase())
}

fn access_user(mailbox: &Address) -> String {
    format!("{}#access", mailbox.normalized())
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, Finding> + Send + 'static,
) -> Result<T, Finding> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(Finding::internal)?
}

/// The finding for a keyring error. The backend's text goes into evidence (it never contains
/// the secret: keyring errors carry no values).
pub fn vault_finding(e: keyring::Error) -> Finding {
    let problem = match &e {
        keyring::Error::NoStorageAccess(_) => "the vault is locked or the app was refused access",
        keyring::Error::PlatformFailure(_) => "no vault service is running or it did not answer",
        keyring::Error::TooLong(..) => "the sign-in data is too long for this vault",
        keyring::Error::NoEntry => "the entry is missing",
        _ => "the vault reported an error",
    };
    Finding::new(FindingCode::VaultUnavailable)
        .with("problem", problem)
        .with_evidence(e.to_string())
}
