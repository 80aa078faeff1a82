//! The OS credential vault: the only place a refresh token, access token or password is kept.
//!
//! Stores ([`store`]): Windows Credential Manager and the macOS Keychain through `keyring`, the
//! Secret Service on Linux through `dbus-secret-service` with one connection per run. There is
//! no in-memory or file fallback: a missing, locked or refusing vault is a finding
//! (`VAULT_UNAVAILABLE`, `VAULT_LOCKED`, `VAULT_ACCESS_DENIED`), with advice for this OS only.
//!
//! Entries (service [`SERVICE`], user names):
//! - `<address>`: the [`AccountRecord`] as JSON (refresh token + authority + tenant + client
//!   id + scopes + account ids, or for a password account the password and login name);
//! - `<address>#access`: the current access token and its expiry (a cache);
//! - `<address>#relay`: the local passwords of programs that send through the relay
//!   ([`crate::relay`]; `vault::relay`);
//! - `client-secret:<client id>`: a confidential registration's secret (entered by an admin).
//!
//! Each is written through the layout (`vault::layout`), which splits a value that does not fit one entry of
//! this OS's store (Windows: 2,560 bytes; an Entra access token alone is 2,000–3,000
//! characters, a record with its ~1,500-character refresh token ~2,100:
//! <https://github.com/osodevops/ms-teams-cli/issues/67>; test
//! `field_n01_production_sized_tokens_are_kept_by_windows_credential_manager` in
//! crates/core/src/vault/tests.rs) and
//! commits it with one final write, so a rotated refresh token is stored whole before the
//! caller drops the old one and a crash between two writes keeps the last good sign-in.
//!
//! On macOS every read of an unsigned app's keychain item can ask the person for permission,
//! so a [`Vault`] there reads each entry at most once and remembers what it read and wrote.

mod error;
mod layout;
mod record;
mod relay;
#[cfg(target_os = "linux")]
mod secret_service;
pub mod store;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use secrecy::{ExposeSecret, SecretString};
use zeroize::Zeroizing;

pub use error::{StoreError, StoreErrorKind};
pub use record::{AccountIds, AccountRecord, CachedAccessToken, Credential};
pub use relay::RelayProgram;
pub use store::SecretStore;

use crate::address::Address;
use crate::findings::{Finding, FindingCode, Param, catalogue};
use crate::platform::Os;
use store::Limits;

/// Vault service name for all entries of this app.
pub const SERVICE: &str = "mailsetup";

/// The size of the value the self-check writes: larger than any sign-in the vault must keep
/// (the largest Entra access token seen, ~4,000 characters, with its JSON), so that a vault
/// that would refuse a real sign-in refuses the check before the browser opens.
pub const SELF_CHECK_BYTES: usize = 6_000;

type Cache = Mutex<HashMap<String, Option<Zeroizing<Vec<u8>>>>>;

/// The vault for one service name.
#[derive(Clone)]
pub struct Vault {
    store: Arc<dyn SecretStore>,
    os: Os,
    limits: Limits,
    /// What this vault read or wrote, when each entry is read at most once (macOS).
    cache: Option<Arc<Cache>>,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vault")
            .field("os", &self.os)
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
}

impl Default for Vault {
    fn default() -> Self {
        Vault::with_service(SERVICE)
    }
}

/// Whether a vault on `os` reads each entry at most once per run: macOS, where a read of an
/// unsigned app's keychain item can prompt the person every time.
pub const fn reads_once(os: Os) -> bool {
    matches!(os, Os::MacOs)
}

impl Vault {
    /// A vault using another service name (tests and side-by-side installs).
    pub fn with_service(service: impl Into<String>) -> Vault {
        Vault::on(Arc::from(store::os_store(&service.into())), Os::current())
    }

    /// A vault over `store`, laid out for `os`'s limits.
    pub fn on(store: Arc<dyn SecretStore>, os: Os) -> Vault {
        Vault {
            store,
            os,
            limits: store::limits(os),
            cache: reads_once(os).then(Default::default),
        }
    }

    /// The largest value this vault keeps in bytes (`None`: no limit of its own).
    pub fn max_value(&self) -> Option<usize> {
        layout::max_value(self.limits)
    }

    /// Saves (replaces) the account record.
    ///
    /// # Errors
    /// The vault's finding (`VAULT_*`).
    pub async fn save(&self, record: &AccountRecord) -> Result<(), Finding> {
        self.set(record.mailbox.clone(), record.to_json()?).await
    }

    /// Loads the account record, `None` when there is none.
    ///
    /// # Errors
    /// The vault's finding; `VAULT_ENTRY_DAMAGED` for a record that is unreadable or not whole
    /// (an empty tenant, authority, client id or token).
    pub async fn load(&self, mailbox: &Address) -> Result<Option<AccountRecord>, Finding> {
        match self.get(mailbox.normalized().to_owned()).await? {
            Some(json) => AccountRecord::from_json(&json).map(Some).map_err(|f| {
                f.with_if_used(Param::Mailbox, mailbox.display())
                    .with_if_used(Param::Vault, catalogue::vault_name(self.os))
            }),
            None => Ok(None),
        }
    }

    /// The record and the access token cache as the store holds them now: read again even
    /// where this vault reads each entry once (macOS), since another process may have renewed
    /// the sign-in meanwhile ([`crate::locks`]).
    ///
    /// # Errors
    /// As [`Vault::load`] and [`Vault::load_access_token`].
    pub async fn reload(
        &self,
        mailbox: &Address,
    ) -> Result<(Option<AccountRecord>, Option<CachedAccessToken>), Finding> {
        self.forget_cached(mailbox.normalized());
        self.forget_cached(&access_user(mailbox));
        let (record, cached) = tokio::join!(self.load(mailbox), self.load_access_token(mailbox));
        Ok((record?, cached?))
    }

    /// Caches the access token.
    ///
    /// # Errors
    /// The vault's finding.
    pub async fn save_access_token(
        &self,
        mailbox: &Address,
        token: &CachedAccessToken,
    ) -> Result<(), Finding> {
        self.set(access_user(mailbox), token.to_json()?).await
    }

    /// The cached access token, if any (an unreadable cache is none).
    ///
    /// # Errors
    /// The vault's finding.
    pub async fn load_access_token(
        &self,
        mailbox: &Address,
    ) -> Result<Option<CachedAccessToken>, Finding> {
        Ok(self
            .get(access_user(mailbox))
            .await?
            .and_then(|json| CachedAccessToken::from_json(&json)))
    }

    /// Deletes the sign-in of `mailbox`: its record and access token (the relay's passwords stay:
    /// programs keep working after the person signs in again). Returns whether anything was there.
    ///
    /// # Errors
    /// The vault's finding.
    pub async fn delete(&self, mailbox: &Address) -> Result<bool, Finding> {
        let a = self.remove(mailbox.normalized().to_owned()).await?;
        let b = self.remove(access_user(mailbox)).await?;
        Ok(a || b)
    }

    /// Deletes only the cached access token.
    ///
    /// # Errors
    /// The vault's finding.
    pub async fn delete_access_token(&self, mailbox: &Address) -> Result<(), Finding> {
        self.remove(access_user(mailbox)).await.map(|_| ())
    }

    /// Stores the client secret of a confidential ("Web") app registration. Entered once by an
    /// administrator; never written to a file.
    ///
    /// # Errors
    /// The vault's finding.
    pub async fn save_client_secret(
        &self,
        client_id: &str,
        secret: &SecretString,
    ) -> Result<(), Finding> {
        let bytes = Zeroizing::new(secret.expose_secret().as_bytes().to_vec());
        self.set(secret_user(client_id), bytes).await
    }

    /// The client secret for `client_id`, if an administrator stored one.
    ///
    /// # Errors
    /// The vault's finding.
    pub async fn load_client_secret(
        &self,
        client_id: &str,
    ) -> Result<Option<SecretString>, Finding> {
        Ok(self
            .get(secret_user(client_id))
            .await?
            .map(|bytes| SecretString::from(String::from_utf8_lossy(&bytes).into_owned())))
    }

    /// Removes the client secret for `client_id`; returns whether there was one.
    ///
    /// # Errors
    /// The vault's finding.
    pub async fn delete_client_secret(&self, client_id: &str) -> Result<bool, Finding> {
        self.remove(secret_user(client_id)).await
    }

    /// Writes a production-sized value ([`SELF_CHECK_BYTES`]), reads it back and deletes it:
    /// proves, before anyone signs in, that the vault works now and keeps a real sign-in.
    ///
    /// # Errors
    /// The vault's finding with the backend's reason.
    pub async fn self_check(&self) -> Result<(), Finding> {
        let user = format!("self-check-{}", uuid::Uuid::new_v4().simple());
        let probe: Vec<u8> = user.bytes().cycle().take(SELF_CHECK_BYTES).collect();
        self.set(user.clone(), Zeroizing::new(probe.clone()))
            .await?;
        let back = self.get(user.clone()).await;
        self.remove(user).await?;
        match back? {
            Some(v) if *v == probe => Ok(()),
            _ => Err(Finding::new(FindingCode::VaultUnavailable)
                .with(Param::Vault, catalogue::vault_name(self.os))
                .with(Param::Problem, crate::l10n::tr("detail-vault-test-entry"))),
        }
    }

    /// Drops what this vault remembers of `user` (macOS), so the next read asks the store.
    fn forget_cached(&self, user: &str) {
        if let Some(cache) = &self.cache {
            lock(cache).remove(user);
        }
    }

    async fn set(&self, user: String, value: Zeroizing<Vec<u8>>) -> Result<(), Finding> {
        let (store, limits, os) = (self.store.clone(), self.limits, self.os);
        let cache = self.cache.clone();
        blocking(move || {
            layout::write(&*store, limits, &user, &value).map_err(|e| e.finding(os))?;
            if let Some(cache) = cache {
                lock(&cache).insert(user, Some(value));
            }
            Ok(())
        })
        .await
    }

    async fn get(&self, user: String) -> Result<Option<Zeroizing<Vec<u8>>>, Finding> {
        if let Some(cache) = &self.cache
            && let Some(known) = lock(cache).get(&user)
        {
            return Ok(known.clone());
        }
        let (store, os) = (self.store.clone(), self.os);
        let cache = self.cache.clone();
        blocking(move || {
            let value = layout::read(&*store, &user).map_err(|e| e.finding(os))?;
            if let Some(cache) = cache {
                lock(&cache).insert(user, value.clone());
            }
            Ok(value)
        })
        .await
    }

    async fn remove(&self, user: String) -> Result<bool, Finding> {
        let (store, limits, os) = (self.store.clone(), self.limits, self.os);
        let cache = self.cache.clone();
        blocking(move || {
            let existed = layout::remove(&*store, limits, &user).map_err(|e| e.finding(os))?;
            if let Some(cache) = cache {
                lock(&cache).insert(user, None);
            }
            Ok(existed)
        })
        .await
    }
}

/// The cache's lock; a panic elsewhere while it was held leaves plain data that is still whole
/// (every insert is one call).
fn lock(cache: &Cache) -> std::sync::MutexGuard<'_, HashMap<String, Option<Zeroizing<Vec<u8>>>>> {
    cache
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn secret_user(client_id: &str) -> String {
    format!("client-secret:{}", client_id.to_ascii_lowercase())
}

fn access_user(mailbox: &Address) -> String {
    format!("{}#access", mailbox.normalized())
}

fn relay_user(mailbox: &Address) -> String {
    format!("{}#relay", mailbox.normalized())
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, Finding> + Send + 'static,
) -> Result<T, Finding> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| Finding::task_stopped(&e))?
}

#[cfg(test)]
mod tests;
