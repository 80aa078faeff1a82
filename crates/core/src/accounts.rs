//! The account index: the non-secret list of mailboxes set up on this computer.
//!
//! OS vaults cannot list their entries portably, so the app keeps a small JSON file beside its
//! other data (`<data dir>/mailsetup/accounts.json`: `~/.local/share/mailsetup/` on Linux,
//! `%APPDATA%\mailsetup\` on Windows, `~/Library/Application Support/mailsetup/` on macOS; see
//! [`crate::platform::paths::data_dir`]). It holds **no secret**: addresses, who signed in, when,
//! and the last check's result. Secrets live only in [`crate::vault`]. Writes go to a temporary
//! file that is then renamed over the old one, so a crash never leaves half a file.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::address::Address;
use crate::findings::Finding;
use crate::provider::ProviderKind;

/// One mailbox set up on this computer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountSummary {
    /// The address as the user typed it (display form).
    pub address: String,
    /// Normalised address (the vault key).
    pub mailbox: String,
    /// Provider kind.
    pub provider: ProviderKind,
    /// Who signed in (`preferred_username`); for a shared mailbox, the delegate.
    #[serde(default)]
    pub signed_in_as: Option<String>,
    /// Whether this is a shared mailbox used through a delegate's sign-in.
    #[serde(default)]
    pub shared: bool,
    /// Tenant id.
    #[serde(default)]
    pub tenant_id: Option<String>,
    /// When the sign-in was saved, seconds since the epoch.
    pub added_at: u64,
    /// When the last full check ran, seconds since the epoch.
    #[serde(default)]
    pub last_check_at: Option<u64>,
    /// Whether the last full check passed.
    #[serde(default)]
    pub last_check_passed: Option<bool>,
    /// When the last successful check ran, seconds since the epoch.
    #[serde(default)]
    pub last_success_at: Option<u64>,
    /// When the sign-in was last renewed with the refresh token, seconds since the epoch.
    #[serde(default)]
    pub last_refresh_at: Option<u64>,
    /// When the current access token expires, seconds since the epoch (not secret: a time).
    #[serde(default)]
    pub token_expires_at: Option<u64>,
    /// When the sign-in stops working if it is not used before then (seconds since the epoch):
    /// the refresh token's end ([`crate::health`]). Not secret: a time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_expires_at: Option<u64>,
    /// Whether [`AccountSummary::refresh_expires_at`] comes whatever happens (Google's OAuth
    /// client in "Testing"), not only when the sign-in goes unused.
    #[serde(default)]
    pub refresh_expiry_fixed: bool,
    /// The provider's policy that ended or limits the sign-in, when it said so (sign-in
    /// frequency, MFA, inactivity, revocation): the finding code of its answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limited_by: Option<crate::findings::FindingCode>,
    /// For a provider the app does not know: its servers (from autoconfig or typed in).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub servers: Option<crate::provider::MailServers>,
    /// How it signs in.
    #[serde(default = "oauth_method")]
    pub method: crate::provider::SignInMethod,
    /// The claims challenge that came with the last failed verification (e.g. the organisation
    /// now asks for MFA), for the next sign-in — which may be another process (`mailsetup
    /// verify`, then `mailsetup signin`). Not a secret: which conditions the provider asks for
    /// (<https://learn.microsoft.com/entra/identity-platform/claims-challenge>). Used up by a
    /// sign-in that passes (it writes a fresh entry).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claims_challenge: Option<crate::findings::ClaimsChallenge>,
}

impl AccountSummary {
    /// A fresh entry for `address`, set up `now` with `provider` and `method`; nothing checked yet.
    pub fn new(
        address: &Address,
        provider: ProviderKind,
        method: crate::provider::SignInMethod,
        now: u64,
    ) -> AccountSummary {
        AccountSummary {
            address: address.display().to_owned(),
            mailbox: address.normalized().to_owned(),
            provider,
            signed_in_as: None,
            shared: false,
            tenant_id: None,
            added_at: now,
            last_check_at: None,
            last_check_passed: None,
            last_success_at: None,
            last_refresh_at: None,
            token_expires_at: None,
            refresh_expires_at: None,
            refresh_expiry_fixed: false,
            limited_by: None,
            servers: None,
            method,
            claims_challenge: None,
        }
    }
}

fn oauth_method() -> crate::provider::SignInMethod {
    crate::provider::SignInMethod::OAuth
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct IndexFile {
    version: u32,
    accounts: Vec<AccountSummary>,
}

/// Serialises read-modify-write of index files within this process (a batch verification
/// updates many entries at once; the temporary file name is per process).
static WRITE_LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// The index file.
#[derive(Debug, Clone)]
pub struct AccountIndex {
    path: PathBuf,
}

impl AccountIndex {
    /// The index in the platform data dir ([`crate::platform::paths::data_dir`]; the user's own
    /// folder in the temporary folder when the OS names no home).
    pub fn default_location() -> AccountIndex {
        use crate::platform::{Folders, Os, paths};
        let dir = paths::data_dir(Os::current(), &Folders::current())
            .unwrap_or_else(paths::no_home_dir_current);
        AccountIndex {
            path: dir.join("accounts.json"),
        }
    }

    /// An index at `path`.
    pub fn at(path: impl Into<PathBuf>) -> AccountIndex {
        AccountIndex { path: path.into() }
    }

    /// Where the file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// All accounts, sorted by address. A missing file is an empty list.
    ///
    /// # Errors
    /// `INTERNAL` when the file exists but cannot be read.
    pub fn list(&self) -> Result<Vec<AccountSummary>, Finding> {
        Ok(self.read()?.accounts)
    }

    /// The entry for `mailbox`.
    ///
    /// # Errors
    /// As [`AccountIndex::list`].
    pub fn get(&self, mailbox: &Address) -> Result<Option<AccountSummary>, Finding> {
        Ok(self
            .read()?
            .accounts
            .into_iter()
            .find(|a| a.mailbox == mailbox.normalized()))
    }

    /// Inserts or replaces the entry for `summary.mailbox`.
    ///
    /// # Errors
    /// `INTERNAL` when the file cannot be written.
    pub fn upsert(&self, summary: AccountSummary) -> Result<(), Finding> {
        let _guard = WRITE_LOCK.lock();
        let mut file = self.read()?;
        file.accounts.retain(|a| a.mailbox != summary.mailbox);
        file.accounts.push(summary);
        self.write(file)
    }

    /// Changes the entry for `mailbox` with `f`, if there is one.
    ///
    /// # Errors
    /// As [`AccountIndex::upsert`].
    pub fn update(
        &self,
        mailbox: &Address,
        f: impl FnOnce(&mut AccountSummary),
    ) -> Result<(), Finding> {
        let _guard = WRITE_LOCK.lock();
        let mut file = self.read()?;
        if let Some(a) = file
            .accounts
            .iter_mut()
            .find(|a| a.mailbox == mailbox.normalized())
        {
            f(a);
            self.write(file)?;
        }
        Ok(())
    }

    /// Removes the entry for `mailbox`; returns whether there was one.
    ///
    /// # Errors
    /// As [`AccountIndex::upsert`].
    pub fn remove(&self, mailbox: &Address) -> Result<bool, Finding> {
        let _guard = WRITE_LOCK.lock();
        let mut file = self.read()?;
        let before = file.accounts.len();
        file.accounts.retain(|a| a.mailbox != mailbox.normalized());
        let removed = file.accounts.len() != before;
        if removed {
            self.write(file)?;
        }
        Ok(removed)
    }

    fn read(&self) -> Result<IndexFile, Finding> {
        match std::fs::read(&self.path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map_err(|e| Finding::internal(format!("{}: {e}", self.path.display()))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(IndexFile::default()),
            Err(e) => Err(Finding::internal(format!("{}: {e}", self.path.display()))),
        }
    }

    fn write(&self, mut file: IndexFile) -> Result<(), Finding> {
        file.version = 1;
        file.accounts.sort_by(|a, b| a.mailbox.cmp(&b.mailbox));
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(Finding::internal)?;
        let tmp = dir.join(format!(".accounts.{}.tmp", std::process::id()));
        std::fs::write(
            &tmp,
            serde_json::to_vec_pretty(&file).map_err(Finding::internal)?,
        )
        .map_err(Finding::internal)?;
        std::fs::rename(&tmp, &self.path).map_err(Finding::internal)
    }
}

/// The account list as the assistant sees it: the file ([`AccountIndex`]) in the app, an
/// in-memory list ([`MemoryAccounts`]) in unit tests.
pub trait AccountStore: Send + Sync {
    /// All accounts, sorted by address.
    ///
    /// # Errors
    /// `INTERNAL` when the list cannot be read.
    fn list(&self) -> Result<Vec<AccountSummary>, Finding>;

    /// The entry for `mailbox`.
    ///
    /// # Errors
    /// As [`AccountStore::list`].
    fn get(&self, mailbox: &Address) -> Result<Option<AccountSummary>, Finding>;

    /// Inserts or replaces the entry for `summary.mailbox`.
    ///
    /// # Errors
    /// `INTERNAL` when the list cannot be written.
    fn upsert(&self, summary: AccountSummary) -> Result<(), Finding>;

    /// Changes the entry for `mailbox` with `f`, if there is one.
    ///
    /// # Errors
    /// As [`AccountStore::upsert`].
    fn update(
        &self,
        mailbox: &Address,
        f: &mut dyn FnMut(&mut AccountSummary),
    ) -> Result<(), Finding>;

    /// Removes the entry for `mailbox`; returns whether there was one.
    ///
    /// # Errors
    /// As [`AccountStore::upsert`].
    fn remove(&self, mailbox: &Address) -> Result<bool, Finding>;
}

impl AccountStore for AccountIndex {
    fn list(&self) -> Result<Vec<AccountSummary>, Finding> {
        AccountIndex::list(self)
    }
    fn get(&self, mailbox: &Address) -> Result<Option<AccountSummary>, Finding> {
        AccountIndex::get(self, mailbox)
    }
    fn upsert(&self, summary: AccountSummary) -> Result<(), Finding> {
        AccountIndex::upsert(self, summary)
    }
    fn update(
        &self,
        mailbox: &Address,
        f: &mut dyn FnMut(&mut AccountSummary),
    ) -> Result<(), Finding> {
        AccountIndex::update(self, mailbox, f)
    }
    fn remove(&self, mailbox: &Address) -> Result<bool, Finding> {
        AccountIndex::remove(self, mailbox)
    }
}

/// An account list in memory, for unit tests of the assistant's steps.
#[derive(Debug, Default)]
pub struct MemoryAccounts(std::sync::Mutex<IndexFile>);

impl MemoryAccounts {
    fn with<T>(&self, f: impl FnOnce(&mut Vec<AccountSummary>) -> T) -> T {
        let mut file = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let out = f(&mut file.accounts);
        file.accounts.sort_by(|a, b| a.mailbox.cmp(&b.mailbox));
        out
    }
}

impl AccountStore for MemoryAccounts {
    fn list(&self) -> Result<Vec<AccountSummary>, Finding> {
        Ok(self.with(|a| a.clone()))
    }
    fn get(&self, mailbox: &Address) -> Result<Option<AccountSummary>, Finding> {
        Ok(self.with(|a| {
            a.iter()
                .find(|s| s.mailbox == mailbox.normalized())
                .cloned()
        }))
    }
    fn upsert(&self, summary: AccountSummary) -> Result<(), Finding> {
        self.with(|a| {
            a.retain(|s| s.mailbox != summary.mailbox);
            a.push(summary);
        });
        Ok(())
    }
    fn update(
        &self,
        mailbox: &Address,
        f: &mut dyn FnMut(&mut AccountSummary),
    ) -> Result<(), Finding> {
        self.with(|a| {
            a.iter_mut()
                .filter(|s| s.mailbox == mailbox.normalized())
                .for_each(f)
        });
        Ok(())
    }
    fn remove(&self, mailbox: &Address) -> Result<bool, Finding> {
        Ok(self.with(|a| {
            let before = a.len();
            a.retain(|s| s.mailbox != mailbox.normalized());
            a.len() != before
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::SignInMethod;

    fn summary(addr: &str) -> AccountSummary {
        let a = Address::parse(addr).unwrap();
        AccountSummary::new(&a, ProviderKind::Microsoft365, SignInMethod::OAuth, 1)
    }

    fn round_trip(idx: &dyn AccountStore) {
        assert!(idx.list().unwrap().is_empty());
        idx.upsert(summary("B@example.edu")).unwrap();
        idx.upsert(summary("a@example.edu")).unwrap();
        idx.upsert(summary("b@EXAMPLE.edu")).unwrap();
        let list = idx.list().unwrap();
        assert_eq!(
            list.iter().map(|a| a.mailbox.as_str()).collect::<Vec<_>>(),
            ["a@example.edu", "b@example.edu"]
        );
        let b = Address::parse("b@example.edu").unwrap();
        idx.update(&b, &mut |s| s.last_check_passed = Some(true))
            .unwrap();
        assert_eq!(idx.get(&b).unwrap().unwrap().last_check_passed, Some(true));
        assert!(idx.remove(&b).unwrap());
        assert!(!idx.remove(&b).unwrap());
        assert_eq!(idx.list().unwrap().len(), 1);
    }

    #[test]
    fn upsert_update_remove_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        round_trip(&AccountIndex::at(dir.path().join("sub/accounts.json")));
    }

    #[test]
    fn the_memory_list_behaves_as_the_file() {
        round_trip(&MemoryAccounts::default());
    }
}
