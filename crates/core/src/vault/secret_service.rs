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
    fn with<T>(
        &self,
        f: impl FnOnce(&SecretService) -> Result<T, Failure>,
    ) -> Result<T, StoreError> {
        // A poisoned lock only means another call panicked mid-way; the connection is either
        // there or not, and is checked below.
        let mut guard = self
            .connection
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if guard.is_none() {
            let connected = SecretService::connect(EncryptionType::Dh);
            *guard = Some(connected.map_err(|e| store_error(Failure::Connect(e)))?);
        }
        // Cannot fire: when it was empty, it was filled just above (or we returned the error).
        let ss = guard.as_ref().expect("connected above");
        let result = f(ss);
        if let Err(Failure::Call(Error::Dbus(_)) | Failure::Unlock(Error::Dbus(_))) = &result {
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
            item.ensure_unlocked().map_err(Failure::Unlock)?;
            Ok(item.get_secret().map(Some)?)
        })
    }

    fn set(&self, user: &str, value: &[u8]) -> Result<(), StoreError> {
        self.with(|ss| {
            let collection = ss.get_default_collection().map_err(Failure::Default)?;
            collection.ensure_unlocked().map_err(Failure::Unlock)?;
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
                item.ensure_unlocked().map_err(Failure::Unlock)?;
                item.delete()?;
                any = true;
            }
            Ok(any)
        })
    }
}

/// A Secret Service failure with the stage it happened in: the stage tells a missing service
/// from a keyring never set up from a locked one (test `field_n03_…` below).
#[derive(Debug)]
enum Failure {
    /// Connecting to the session bus and opening a session with the service.
    Connect(Error),
    /// Reading the `default` alias: `/` (no result) means no default collection exists.
    Default(Error),
    /// Unlocking a locked collection or item (a prompt that could not be shown or was closed).
    Unlock(Error),
    /// Any other call.
    Call(Error),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        Failure::Call(e)
    }
}

/// What a Secret Service failure means for the person.
fn store_error(failure: Failure) -> StoreError {
    let (kind, e) = match failure {
        Failure::Connect(e) => (connect_kind(&e), e),
        Failure::Default(e @ Error::NoResult) => (StoreErrorKind::NotSetUp, e),
        // Once connected, a failed unlock means the keyring stays locked, whatever the D-Bus
        // error of the prompt says: never "no vault service" when the service answered.
        Failure::Unlock(e) => (StoreErrorKind::Locked, e),
        Failure::Default(e) | Failure::Call(e) => (call_kind(&e), e),
    };
    StoreError::new(kind, e.to_string())
}

fn connect_kind(e: &Error) -> StoreErrorKind {
    match e {
        Error::Dbus(d) => dbus_kind(d.name()),
        _ => StoreErrorKind::Missing,
    }
}

fn call_kind(e: &Error) -> StoreErrorKind {
    match e {
        Error::Locked | Error::Prompt => StoreErrorKind::Locked,
        Error::NoResult => StoreErrorKind::NotSetUp,
        Error::Unavailable => StoreErrorKind::Missing,
        Error::Dbus(d) => dbus_kind(d.name()),
        _ => StoreErrorKind::Failed,
    }
}

/// A D-Bus error by name: no bus or no Secret Service on it is a missing vault
/// (<https://dbus.freedesktop.org/doc/dbus-specification.html>, standard error names); the
/// Secret Service's own `IsLocked` is a locked keyring
/// (<https://specifications.freedesktop.org/secret-service/latest/errors.html>).
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
        Some("org.freedesktop.Secret.Error.IsLocked") => StoreErrorKind::Locked,
        _ => StoreErrorKind::Failed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::FindingCode;
    use crate::platform::Os;

    fn dbus(name: &str, text: &str) -> Error {
        Error::Dbus(dbus::Error::new_custom(name, text))
    }

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
            StoreErrorKind::Locked
        );
        assert_eq!(
            store_error(Failure::Call(Error::Locked)).kind(),
            StoreErrorKind::Locked
        );
    }

    /// The three states of N03, as the Secret Service reports them (measured against
    /// gnome-keyring 46 in a private D-Bus session; the end-to-end test
    /// `field_n03_no_service_no_keyring_and_locked_keyring_are_three_findings` in
    /// crates/cli/tests/field_cases.rs drives the real daemon): no service on the bus; a
    /// service without a `default` collection; a locked collection whose unlock prompt could not
    /// be shown (dismissed).
    #[test]
    fn field_n03_missing_not_set_up_and_locked_are_three_findings() {
        let missing = store_error(Failure::Connect(dbus(
            "org.freedesktop.DBus.Error.ServiceUnknown",
            "The name org.freedesktop.secrets was not provided by any .service files",
        )));
        let not_set_up = store_error(Failure::Default(Error::NoResult));
        let locked = store_error(Failure::Unlock(Error::Prompt));
        let kinds = [missing.kind(), not_set_up.kind(), locked.kind()];
        assert_eq!(
            kinds,
            [
                StoreErrorKind::Missing,
                StoreErrorKind::NotSetUp,
                StoreErrorKind::Locked
            ]
        );
        let f: Vec<_> = [&missing, &not_set_up, &locked]
            .iter()
            .map(|e| e.finding(Os::Linux).finish())
            .collect();
        assert_eq!(f[0].code, FindingCode::VaultUnavailable);
        assert_eq!(f[1].code, FindingCode::VaultNotSetUp);
        assert_eq!(f[2].code, FindingCode::VaultLocked);
        assert_eq!(f[0].audience, crate::findings::Audience::Helpdesk);
        assert_eq!(f[2].audience, crate::findings::Audience::User);
        assert!(f[1].steps.iter().any(|s| s.contains("Set as default")));
        assert!(f[2].steps.iter().any(|s| s.contains("unlock")));
        // Whatever the prompt's D-Bus error, a failed unlock is a locked keyring, never "no
        // vault service is running".
        for e in [
            Error::Prompt,
            dbus("org.freedesktop.DBus.Error.ServiceUnknown", "no prompter"),
            dbus("org.freedesktop.DBus.Error.NoReply", "no answer"),
        ] {
            let f = store_error(Failure::Unlock(e)).finding(Os::Linux).finish();
            assert_eq!(f.code, FindingCode::VaultLocked);
            assert!(!f.to_text().contains("no vault service"), "{}", f.to_text());
        }
    }
}
