//! What the vault keeps for a mailbox, and its wire form. Only this module turns a secret into
//! JSON, and only to hand it to the vault.

use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::findings::Finding;
use crate::provider::ProviderKind;

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
    /// Authority base URL used at sign-in (refresh goes to the same place; test
    /// `field_f13_refresh_goes_to_the_stored_tenant` in crates/cli/tests/field_cases.rs).
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

impl Credential {
    /// Whether `other` is the same secret (a newer refresh token is not): compared in memory
    /// only, never shown.
    pub fn same_as(&self, other: &Credential) -> bool {
        use secrecy::ExposeSecret;
        match (self, other) {
            (Credential::RefreshToken(a), Credential::RefreshToken(b)) => {
                a.expose_secret() == b.expose_secret()
            }
            (
                Credential::Password {
                    secret: a,
                    username: ua,
                },
                Credential::Password {
                    secret: b,
                    username: ub,
                },
            ) => a.expose_secret() == b.expose_secret() && ua == ub,
            _ => false,
        }
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
    /// Whether it is still valid `margin` after `now` (seconds since the epoch).
    pub fn valid_at(&self, now: u64, margin: Duration) -> bool {
        now + margin.as_secs() < self.expires_at
    }
}

// The wire forms are private (see the module).
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
    refresh_token: Option<Zeroizing<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    password: Option<Zeroizing<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    username: Option<String>,
    saved_at: u64,
}

#[derive(Serialize, Deserialize)]
struct AccessWire {
    access_token: Zeroizing<String>,
    expires_at: u64,
}

impl AccountRecord {
    /// The record as the JSON the vault keeps.
    ///
    /// # Errors
    /// `INTERNAL` if it cannot be serialised.
    pub(super) fn to_json(&self) -> Result<Zeroizing<Vec<u8>>, Finding> {
        let wire = RecordWire {
            version: RECORD_VERSION,
            mailbox: self.mailbox.clone(),
            provider: self.provider,
            authority: self.authority.clone(),
            tenant: self.tenant.clone(),
            client_id: self.client_id.clone(),
            scopes: self.scopes.clone(),
            account: self.account.clone(),
            sign_in_as: self.sign_in_as.clone(),
            confidential: self.confidential,
            refresh_token: match &self.credential {
                Credential::RefreshToken(t) => Some(Zeroizing::new(t.expose_secret().to_owned())),
                Credential::Password { .. } => None,
            },
            password: match &self.credential {
                Credential::Password { secret, .. } => {
                    Some(Zeroizing::new(secret.expose_secret().to_owned()))
                }
                Credential::RefreshToken(_) => None,
            },
            username: match &self.credential {
                Credential::Password { username, .. } => username.clone(),
                Credential::RefreshToken(_) => None,
            },
            saved_at: self.saved_at,
        };
        serde_json::to_vec(&wire)
            .map(Zeroizing::new)
            .map_err(Finding::internal)
    }

    /// The record from the vault's JSON.
    ///
    /// # Errors
    /// `INTERNAL` for a record that is not readable.
    pub(super) fn from_json(json: &[u8]) -> Result<AccountRecord, Finding> {
        // serde's words are left out of the cause: they can quote the record (a token).
        let wire: RecordWire = serde_json::from_slice(json)
            .map_err(|_| Finding::internal("vault record is not readable"))?;
        let credential = match (wire.refresh_token, wire.password) {
            (_, Some(p)) => Credential::Password {
                secret: SecretString::from(p.as_str()),
                username: wire.username,
            },
            (Some(t), None) => Credential::RefreshToken(SecretString::from(t.as_str())),
            (None, None) => return Err(Finding::internal("vault record holds no credential")),
        };
        Ok(AccountRecord {
            mailbox: wire.mailbox,
            provider: wire.provider,
            authority: wire.authority,
            tenant: wire.tenant,
            client_id: wire.client_id,
            scopes: wire.scopes,
            account: wire.account,
            sign_in_as: wire.sign_in_as,
            confidential: wire.confidential,
            credential,
            saved_at: wire.saved_at,
        })
    }
}

impl CachedAccessToken {
    /// The cache entry's JSON.
    ///
    /// # Errors
    /// `INTERNAL` if it cannot be serialised.
    pub(super) fn to_json(&self) -> Result<Zeroizing<Vec<u8>>, Finding> {
        let wire = AccessWire {
            access_token: Zeroizing::new(self.token.expose_secret().to_owned()),
            expires_at: self.expires_at,
        };
        serde_json::to_vec(&wire)
            .map(Zeroizing::new)
            .map_err(Finding::internal)
    }

    /// The cache entry from its JSON; `None` when it is not readable (it is only a cache).
    pub(super) fn from_json(json: &[u8]) -> Option<CachedAccessToken> {
        serde_json::from_slice::<AccessWire>(json)
            .ok()
            .map(|w| CachedAccessToken {
                token: SecretString::from(w.access_token.as_str()),
                expires_at: w.expires_at,
            })
    }
}
