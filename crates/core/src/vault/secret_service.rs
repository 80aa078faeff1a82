//! The Secret Service (GNOME Keyring, KWallet) on Linux, with one D-Bus connection and one
//! encrypted (Diffie-Hellman) session for the whole run.
//!
//! Uses `dbus-secret-service`, the library keyring's `sync-secret-service` backend is built on,
//! and writes items the way keyring does (same attributes, default collection), so entries stay
//! findable with `secret-tool lookup service mailsetup username <address>`. The connection is
//! opened on first use and dropped after a D-Bus failure, so a restarted keyring daemon is found
//! again on the next call.

use std::collections::HashMap;
use std::sync::Mutex;

use dbus_secret_service::{EncryptionType, Error, SecretService};

use super::store::{SecretStore, StoreError, StoreErrorKind};

/// The store; see the module.
pub struct SecretServiceStore {
    service: String,
    connection: Mutex<Option<SecretService>>,
}

impl SecretServiceStore {
    /// The store for `service`; nothing is connected until the first call.
    pub fn new(service: &str) -> SecretServiceStore {
        SecretServiceStore {
            service: service.to_owned(),
            connection: Mutex::new(None),
        }
    }

    fn attributes<'a>(&'a self, user: &'a str) -> HashMap<&'a str, &'a str> {
        HashMap::from([
            ("service", self.service.as_str()),
            ("username", user),
            ("target", "default"),
        ])
    }

    /// Runs `f` on the run's connection, opening it first if needed.
    fn with<T>(&self, f: impl FnOnce(&SecretService) -> Result<T, Error>) -> Result<T, StoreError> {
        // A poisoned lock only means another call panicked mid-way; the connection is either
        // there or not, and is checked below.
        let mut guard = self
            .connection
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if guard.is_none() {
            *guard = Some(SecretService::connect(EncryptionType::Dh).map_err(store_error)?);
        }
        // Cannot fire: when it was empty, it was filled just above (or we returned the error).
        let ss = guard.as_ref().expect("connected above");
        let result = f(ss);
        if matches!(result, Err(Error::Dbus(_))) {
            *guard = None;
        }
        result.map_err(store_error)
    }
}

impl SecretStore for SecretServiceStore {
    fn get(&self, user: &str) -> Result<Option<Vec<u8>>, StoreError> {
        self.with(|ss| {
            let found = ss.search_items(self.attributes(user))?;
            let Some(item) = found.unlocked.first().or(found.locked.first()) else {
                return Ok(None);
            };
            item.ensure_unlocked()?;
            item.get_secret().map(Some)
        })
    }

    fn set(&self, user: &str, value: &[u8]) -> Result<(), StoreError> {
        self.with(|ss| {
            let collection = ss.get_default_collection()?;
            collection.ensure_unlocked()?;
            let mut attributes = self.attributes(user);
            attributes.insert("application", "rust-keyring");
            let label = format!("{user}@{}:default (mailsetup)", self.service);
            // `replace`: an item with the same attributes is overwritten in the same call.
            collection.create_item(&label, attributes, value, true, "text/plain")?;
            Ok(())
        })
    }

    fn delete(&self, user: &str) -> Result<bool, StoreError> {
        self.with(|ss| {
            let found = ss.search_items(self.attributes(user))?;
            let mut any = false;
            for item in found.unlocked.iter().chain(found.locked.iter()) {
                item.ensure_unlocked()?;
                item.delete()?;
                any = true;
            }
            Ok(any)
        })
    }
}

/// What a Secret Service error means for the person.
fn store_error(e: Error) -> StoreError {
    let kind = match &e {
        Error::Locked | Error::NoResult => StoreErrorKind::Locked,
        Error::Prompt => StoreErrorKind::Denied,
        Error::Unavailable => StoreErrorKind::Missing,
        Error::Dbus(d) => dbus_kind(d.name()),
        _ => StoreErrorKind::Failed,
    };
    StoreError::new(kind, e.to_string())
}

/// A D-Bus error by name: no bus or no Secret Service on it is a missing vault
/// (<https://dbus.freedesktop.org/doc/dbus-specification.html>, standard error names).
fn dbus_kind(name: Option<&str>) -> StoreErrorKind {
    match name {
        Some(
            "org.freedesktop.DBus.Error.ServiceUnknown"
            | "org.freedesktop.DBus.Error.NoServer"
            | "org.freedesktop.DBus.Error.NoReply"
            | "org.freedesktop.DBus.Error.Spawn.ExecFailed"
            | "org.freedesktop.DBus.Error.NotSupported"
            | "org.freedesktop.DBus.Error.FileNotFound"
            | "org.freedesktop.DBus.Error.Disconnected",
        ) => StoreErrorKind::Missing,
        _ => StoreErrorKind::Failed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_bus_or_no_service_is_a_missing_vault() {
        assert_eq!(
            dbus_kind(Some("org.freedesktop.DBus.Error.ServiceUnknown")),
            StoreErrorKind::Missing
        );
        assert_eq!(
            dbus_kind(Some("org.freedesktop.DBus.Error.NotSupported")),
            StoreErrorKind::Missing
        );
        assert_eq!(
            dbus_kind(Some("org.freedesktop.Secret.Error.IsLocked")),
            StoreErrorKind::Failed
        );
        assert_eq!(
            store_error(Error::Prompt).kind(),
            StoreErrorKind::Denied,
            "a dismissed unlock prompt is a refusal"
        );
        assert_eq!(store_error(Error::Locked).kind(), StoreErrorKind::Locked);
    }
}
