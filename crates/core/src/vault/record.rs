//! What the vault keeps for a mailbox, and its wire form. Only this module turns a secret into
//! JSON, and only to hand it to the vault.

use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::findings::{Finding, FindingCode};
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

    /// The record from the vault's JSON, checked: a record this app wrote always names where
    /// and for whom it renews, so a missing, empty or unusable value means the entry is damaged
    /// (T16, <https://github.com/huacnlee/omamail/issues/230>: an empty tenant read as valid sent
    /// every renewal to the wrong place). Checked when read, before anything uses it.
    ///
    /// # Errors
    /// `VAULT_ENTRY_DAMAGED`, naming what is wrong (never the secret), for a record that is not
    /// readable or not whole: the person signs in again, which replaces it.
    pub(super) fn from_json(json: &[u8]) -> Result<AccountRecord, Finding> {
        // serde's words are left out of the evidence: they can quote the record (a token).
        let wire: RecordWire = serde_json::from_slice(json)
            .map_err(|_| damaged("it is not readable as a saved sign-in"))?;
        let credential = match (wire.refresh_token, wire.password) {
            (_, Some(p)) if p.trim().is_empty() => return Err(damaged("its password is empty")),
            (_, Some(p)) => Credential::Password {
                secret: SecretString::from(p.as_str()),
                username: wire.username.filter(|u| !u.trim().is_empty()),
            },
            (Some(t), None) if t.trim().is_empty() => {
                return Err(damaged("its refresh token is empty"));
            }
            (Some(t), None) => Credential::RefreshToken(SecretString::from(t.as_str())),
            (None, None) => return Err(damaged("it holds no refresh token and no password")),
        };
        let record = AccountRecord {
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
        };
        record.check().map_err(damaged)?;
        Ok(record)
    }

    /// What is wrong with a record that renews with a refresh token: the values it needs to
    /// renew are there and usable. Google's records have no tenant
    /// (<https://developers.google.com/identity/protocols/oauth2/native-app>); Microsoft's always
    /// have one (<https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow>).
    fn check(&self) -> Result<(), &'static str> {
        let blank = |v: &str| v.trim().is_empty();
        if blank(&self.mailbox) {
            return Err("its mailbox address is empty");
        }
        if matches!(self.credential, Credential::Password { .. }) {
            return Ok(());
        }
        if blank(&self.client_id) {
            return Err("its app registration (client id) is empty");
        }
        if blank(&self.authority) {
            return Err("its sign-in authority is empty");
        }
        if url::Url::parse(&self.authority).map_or(true, |u| u.scheme() != "https") {
            return Err("its sign-in authority is not an https:// address");
        }
        if blank(&self.tenant) && self.provider != ProviderKind::Google {
            return Err("its tenant is empty");
        }
        Ok(())
    }
}

/// `VAULT_ENTRY_DAMAGED` for a saved sign-in that is not whole, saying `why`.
fn damaged(why: &str) -> Finding {
    Finding::new(FindingCode::VaultEntryDamaged)
        .with_evidence(format!("The saved sign-in cannot be used: {why}."))
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

    /// The cache entry from its JSON; `None` when it is not readable or its token is empty
    /// (it is only a cache: a new token is fetched; an empty one is never sent, test
    /// `field_n09_an_empty_token_is_never_sent`).
    pub(super) fn from_json(json: &[u8]) -> Option<CachedAccessToken> {
        serde_json::from_slice::<AccessWire>(json)
            .ok()
            .filter(|w| !w.access_token.trim().is_empty())
            .map(|w| CachedAccessToken {
                token: SecretString::from(w.access_token.as_str()),
                expires_at: w.expires_at,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record as this app writes it, production-sized (a 1,524-character refresh token).
    fn wire() -> serde_json::Value {
        serde_json::json!({
            "version": 1, "mailbox": "ann@example.edu", "provider": "microsoft365",
            "authority": "https://login.microsoftonline.com",
            "tenant": "72f988bf-86f1-41af-91ab-2d7cd011db47",
            "client_id": "11111111-2222-3333-4444-555555555555",
            "scopes": ["https://outlook.office.com/SMTP.Send"],
            "account": {"oid": null, "tid": null, "username": "ann@example.edu"},
            "refresh_token": format!("1.AV0A{}", "r".repeat(1_518)),
            "saved_at": 1_796_083_200u64,
        })
    }

    fn read(v: &serde_json::Value) -> Result<AccountRecord, Finding> {
        AccountRecord::from_json(&serde_json::to_vec(v).unwrap())
    }

    /// T16 (https://github.com/huacnlee/omamail/issues/230): an empty tenant, authority or client
    /// id in a saved record is caught when it is read, as a damaged saved sign-in (sign in
    /// again), not as a settings problem and not as an internal error; the token never shows.
    #[test]
    fn field_t16_empty_values_in_a_saved_sign_in_are_caught_when_read() {
        assert!(read(&wire()).is_ok());
        for (field, value, says) in [
            ("tenant", "", "tenant is empty"),
            ("tenant", "  ", "tenant is empty"),
            ("authority", "", "authority is empty"),
            (
                "authority",
                "login.microsoftonline.com",
                "not an https:// address",
            ),
            ("client_id", "", "client id) is empty"),
            ("mailbox", "", "mailbox address is empty"),
            ("refresh_token", "", "refresh token is empty"),
        ] {
            let mut v = wire();
            v[field] = serde_json::json!(value);
            let f = read(&v)
                .err()
                .unwrap_or_else(|| panic!("{field}={value:?} accepted"));
            assert_eq!(f.code, FindingCode::VaultEntryDamaged, "{field}");
            let text = f.clone().finish().to_text();
            assert!(
                f.evidence.as_deref().unwrap().contains(says),
                "{field}: {text}"
            );
            assert!(text.contains("Sign in again"), "{text}");
            assert!(
                !text.contains("settings"),
                "not blamed on the settings: {text}"
            );
            assert!(!text.contains("rrrrrrrr"), "no token in the words: {text}");
        }
        // Google's records have no tenant; password records need none of the OAuth values.
        let mut google = wire();
        google["provider"] = serde_json::json!("google");
        google["tenant"] = serde_json::json!("");
        google["authority"] = serde_json::json!("https://oauth2.googleapis.com/token");
        assert!(read(&google).is_ok());
        let mut password = wire();
        password["refresh_token"] = serde_json::Value::Null;
        password["password"] = serde_json::json!("abcdefghijklmnop");
        password["authority"] = serde_json::json!("");
        password["tenant"] = serde_json::json!("");
        password["client_id"] = serde_json::json!("");
        assert!(read(&password).is_ok());
        password["password"] = serde_json::json!("");
        assert_eq!(
            read(&password).err().unwrap().code,
            FindingCode::VaultEntryDamaged
        );
        // Not JSON at all: damaged too, and serde's words (which may quote it) stay out.
        let f = AccountRecord::from_json(b"{\"refresh_token\": \"1.AV0Asecret")
            .err()
            .unwrap();
        assert_eq!(f.code, FindingCode::VaultEntryDamaged);
        assert!(!format!("{f:?}").contains("secret"));
    }

    #[test]
    fn an_empty_cached_access_token_is_no_cache() {
        assert!(CachedAccessToken::from_json(br#"{"access_token":"","expires_at":1}"#).is_none());
        assert!(
            CachedAccessToken::from_json(br#"{"access_token":"eyJx","expires_at":1}"#).is_some()
        );
    }
}
