//! Where the vault's bytes go: one small trait over the OS credential stores, and the stores.
//!
//! - Windows Credential Manager and the macOS Keychain through `keyring` (`windows-native`,
//!   `apple-native`), storing **bytes** (`set_secret`), not UTF-16 passwords: Windows limits a
//!   credential blob to 2,560 bytes, and keyring's `set_password` would spend two of them on
//!   every character (<https://github.com/osodevops/ms-teams-cli/issues/67>).
//! - The Secret Service on Linux (GNOME Keyring, KWallet) through `dbus-secret-service`, the
//!   library keyring itself uses, holding **one** D-Bus connection and one encrypted session
//!   for the whole run (keyring opens a new connection and Diffie-Hellman session for every
//!   call: ~30 ms per write). Items carry keyring's attributes (`service`, `username`,
//!   `target=default`, `application=rust-keyring`), so `secret-tool lookup service mailsetup
//!   username <address>` finds them as before.
//!
//! Every store reports failures as a [`StoreError`], already sorted into what a person can do
//! about it ([`StoreError::kind`]); the words are the findings catalogue's.

pub use super::error::{StoreError, StoreErrorKind};
use crate::platform::Os;

/// One store of secrets for one service name: the entries are keyed by a user name.
pub trait SecretStore: Send + Sync + 'static {
    /// The value of `user`, `None` when there is no entry.
    ///
    /// # Errors
    /// The store's failure.
    fn get(&self, user: &str) -> Result<Option<Vec<u8>>, StoreError>;
    /// Creates or replaces the entry `user` in one call.
    ///
    /// # Errors
    /// The store's failure, [`StoreErrorKind::TooLarge`] for a value over its limit.
    fn set(&self, user: &str, value: &[u8]) -> Result<(), StoreError>;
    /// Deletes the entry `user`; whether there was one.
    ///
    /// # Errors
    /// The store's failure.
    fn delete(&self, user: &str) -> Result<bool, StoreError>;
}

/// The documented limits of each OS's credential store that the layout must respect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest value one entry holds, in bytes; `None` when the store sets no practical limit.
    pub max_value: Option<usize>,
    /// Longest user name of an entry, in bytes.
    pub max_user: Option<usize>,
}

/// Windows: `CRED_MAX_CREDENTIAL_BLOB_SIZE` = 5 × 512 = 2,560 bytes per credential blob and
/// `CRED_MAX_USERNAME_LENGTH` = 513 characters
/// (<https://learn.microsoft.com/windows/win32/api/wincred/ns-wincred-credentialw>), which
/// keyring 3.6 enforces before calling `CredWriteW` (measured under Wine: 2,560 bytes stored,
/// 2,561 refused). The macOS Keychain (`kSecValueData`) and the Secret Service (a D-Bus byte
/// array) document no limit.
pub const fn limits(os: Os) -> Limits {
    match os {
        Os::Windows => Limits {
            max_value: Some(2560),
            max_user: Some(513),
        },
        Os::MacOs | Os::Linux => Limits {
            max_value: None,
            max_user: None,
        },
    }
}

/// The store for `service` on this OS.
pub fn os_store(service: &str) -> Box<dyn SecretStore> {
    #[cfg(target_os = "linux")]
    {
        Box::new(super::secret_service::SecretServiceStore::new(service))
    }
    #[cfg(any(windows, target_os = "macos"))]
    {
        Box::new(KeyringStore::new(service))
    }
    #[cfg(not(any(target_os = "linux", windows, target_os = "macos")))]
    {
        Box::new(Unsupported(service.to_owned()))
    }
}

/// A store on an OS without a supported vault: every call fails, nothing is kept elsewhere.
#[cfg(not(any(target_os = "linux", windows, target_os = "macos")))]
struct Unsupported(String);

#[cfg(not(any(target_os = "linux", windows, target_os = "macos")))]
impl SecretStore for Unsupported {
    fn get(&self, _: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Err(self.error())
    }
    fn set(&self, _: &str, _: &[u8]) -> Result<(), StoreError> {
        Err(self.error())
    }
    fn delete(&self, _: &str) -> Result<bool, StoreError> {
        Err(self.error())
    }
}

#[cfg(not(any(target_os = "linux", windows, target_os = "macos")))]
impl Unsupported {
    fn error(&self) -> StoreError {
        StoreError::new(
            StoreErrorKind::Missing,
            format!("no supported credential vault on this OS for {}", self.0),
        )
    }
}

/// Windows Credential Manager and the macOS Keychain, through `keyring`.
#[cfg(any(windows, target_os = "macos"))]
pub struct KeyringStore {
    service: String,
}

#[cfg(any(windows, target_os = "macos"))]
impl KeyringStore {
    /// The store for `service`.
    pub fn new(service: &str) -> KeyringStore {
        KeyringStore {
            service: service.to_owned(),
        }
    }

    fn entry(&self, user: &str) -> Result<keyring::Entry, StoreError> {
        keyring::Entry::new(&self.service, user).map_err(from_keyring)
    }
}

#[cfg(any(windows, target_os = "macos"))]
impl SecretStore for KeyringStore {
    fn get(&self, user: &str) -> Result<Option<Vec<u8>>, StoreError> {
        match self.entry(user)?.get_secret() {
            Ok(v) => Ok(Some(v)),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(from_keyring(e)),
        }
    }

    fn set(&self, user: &str, value: &[u8]) -> Result<(), StoreError> {
        self.entry(user)?.set_secret(value).map_err(from_keyring)
    }

    fn delete(&self, user: &str) -> Result<bool, StoreError> {
        match self.entry(user)?.delete_credential() {
            Ok(()) => Ok(true),
            Err(keyring::Error::NoEntry) => Ok(false),
            Err(e) => Err(from_keyring(e)),
        }
    }
}

/// Sorts a keyring error for this OS.
#[cfg(any(windows, target_os = "macos"))]
fn from_keyring(e: keyring::Error) -> StoreError {
    let status = match &e {
        #[cfg(target_os = "macos")]
        keyring::Error::PlatformFailure(inner) | keyring::Error::NoStorageAccess(inner) => inner
            .downcast_ref::<security_framework::base::Error>()
            .map(|s| s.code()),
        _ => None,
    };
    let raw = match &e {
        keyring::Error::TooLong(..) => RawKind::TooLong,
        keyring::Error::NoStorageAccess(_) => RawKind::NoAccess,
        keyring::Error::PlatformFailure(_) => RawKind::Platform,
        _ => RawKind::Other,
    };
    StoreError::new(classify(Os::current(), raw, status), e.to_string())
}

/// keyring's error variants, as data (so [`classify`] is a pure function).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RawKind {
    /// `keyring::Error::TooLong`.
    TooLong,
    /// `keyring::Error::NoStorageAccess`.
    NoAccess,
    /// `keyring::Error::PlatformFailure`.
    Platform,
    /// Anything else.
    Other,
}

/// What a keyring error means on `os`, from its variant and (macOS) the `OSStatus`.
///
/// macOS (Security framework result codes,
/// <https://developer.apple.com/documentation/security/1542001-security_framework_result_codes>):
/// errSecUserCanceled −128 and errSecAuthFailed −25293 are a refusal at the access prompt;
/// errSecInteractionNotAllowed −25308 is a locked keychain that may not prompt; errSecNoSuchKeychain
/// −25294 and errSecNoDefaultKeychain −25307 are a keychain that was never set up; errSecNotAvailable
/// −25291 and errSecInvalidKeychain −25295 are a missing or unusable keychain.
/// Windows: keyring's `NoStorageAccess` is `ERROR_NO_SUCH_LOGON_SESSION` (1312): this logon
/// session has no credential store (a service, a scheduled task, a policy that forbids stored
/// credentials) — <https://learn.microsoft.com/windows/win32/api/wincred/nf-wincred-credwritew>.
pub fn classify(os: Os, raw: RawKind, status: Option<i32>) -> StoreErrorKind {
    use StoreErrorKind::*;
    if raw == RawKind::TooLong {
        return TooLarge;
    }
    match (os, raw, status) {
        (Os::MacOs, _, Some(-128 | -25293)) => Denied,
        (Os::MacOs, _, Some(-25308)) => Locked,
        (Os::MacOs, _, Some(-25294 | -25307)) => NotSetUp,
        (Os::MacOs, _, Some(-25291 | -25295)) => Missing,
        (Os::MacOs, RawKind::NoAccess, _) => Locked,
        (Os::Windows, RawKind::NoAccess, _) => Missing,
        (Os::Linux, RawKind::NoAccess, _) => Locked,
        (Os::Linux, RawKind::Platform, _) => Missing,
        _ => Failed,
    }
}

/// An in-memory store that enforces one OS's documented limits, for the layout's tests. It can
/// be told to fail after a number of writes (a crash between two writes).
#[cfg(test)]
pub mod memory {
    use std::collections::BTreeMap;
    use std::sync::Mutex;

    use super::*;

    /// The store; see the module.
    pub struct MemoryStore {
        limits: Limits,
        pub(crate) entries: Mutex<BTreeMap<String, Vec<u8>>>,
        writes_left: Mutex<Option<usize>>,
    }

    impl MemoryStore {
        /// An empty store with `os`'s limits.
        pub fn new(os: Os) -> MemoryStore {
            MemoryStore {
                limits: limits(os),
                entries: Mutex::default(),
                writes_left: Mutex::new(None),
            }
        }

        /// From now on, `n` more writes (sets or deletes) succeed, then every one fails, as
        /// when the process is killed.
        pub fn crash_after(&self, n: usize) {
            *self.writes_left.lock().unwrap() = Some(n);
        }

        /// The entry names in order.
        pub fn users(&self) -> Vec<String> {
            self.entries.lock().unwrap().keys().cloned().collect()
        }

        fn write_allowed(&self) -> Result<(), StoreError> {
            let mut left = self.writes_left.lock().unwrap();
            match left.as_mut() {
                Some(0) => Err(StoreError::new(StoreErrorKind::Failed, "killed")),
                Some(n) => {
                    *n -= 1;
                    Ok(())
                }
                None => Ok(()),
            }
        }
    }

    impl SecretStore for MemoryStore {
        fn get(&self, user: &str) -> Result<Option<Vec<u8>>, StoreError> {
            Ok(self.entries.lock().unwrap().get(user).cloned())
        }

        fn set(&self, user: &str, value: &[u8]) -> Result<(), StoreError> {
            if let Some(max) = self.limits.max_user
                && user.len() > max
            {
                return Err(StoreError::new(StoreErrorKind::TooLarge, "user too long"));
            }
            if let Some(max) = self.limits.max_value
                && value.len() > max
            {
                return Err(StoreError::new(
                    StoreErrorKind::TooLarge,
                    format!("Attribute 'secret' is longer than platform limit of {max} chars"),
                ));
            }
            self.write_allowed()?;
            self.entries
                .lock()
                .unwrap()
                .insert(user.to_owned(), value.to_vec());
            Ok(())
        }

        fn delete(&self, user: &str) -> Result<bool, StoreError> {
            self.write_allowed()?;
            Ok(self.entries.lock().unwrap().remove(user).is_some())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_limits_are_credential_managers() {
        assert_eq!(limits(Os::Windows).max_value, Some(2560));
        assert_eq!(limits(Os::MacOs).max_value, None);
        assert_eq!(limits(Os::Linux).max_value, None);
    }

    #[test]
    fn errors_are_sorted_per_os() {
        use RawKind::*;
        use StoreErrorKind::*;
        // macOS: "Deny" at the prompt, and a wrong password there, are refusals.
        assert_eq!(classify(Os::MacOs, Platform, Some(-128)), Denied);
        assert_eq!(classify(Os::MacOs, Platform, Some(-25293)), Denied);
        assert_eq!(classify(Os::MacOs, Platform, Some(-25308)), Locked);
        assert_eq!(classify(Os::MacOs, NoAccess, Some(-25294)), NotSetUp);
        assert_eq!(classify(Os::MacOs, NoAccess, Some(-25291)), Missing);
        assert_eq!(classify(Os::MacOs, NoAccess, None), Locked);
        assert_eq!(classify(Os::MacOs, Platform, Some(-50)), Failed);
        // Windows: no credential store for this logon session.
        assert_eq!(classify(Os::Windows, NoAccess, None), Missing);
        assert_eq!(classify(Os::Windows, Platform, None), Failed);
        // Every OS: too long is the app's fault.
        for os in Os::ALL {
            assert_eq!(classify(os, TooLong, None), TooLarge);
        }
    }
}
