//! One renewal at a time per mailbox, across threads **and processes**: the desktop app, the
//! command line, a scheduled check and a token helper may all renew the same sign-in.
//!
//! Entra rotates the refresh token on every use
//! (<https://learn.microsoft.com/entra/identity-platform/refresh-tokens>); two renewals of one
//! sign-in at once send the same refresh token twice, and a provider that refuses reuse answers
//! the second with `invalid_grant` — the race that cost sign-ins (test
//! `concurrent_renewals_in_separate_processes_keep_the_sign_in` in
//! crates/cli/tests/renewal.rs). The lock is an OS file lock (`flock` on Linux and macOS through
//! `std::fs::File::try_lock`; on Windows the file opened without sharing), which the OS releases
//! when the process ends — also after `kill -9` — so a crashed renewal never blocks the next.
//!
//! Files: one empty file per mailbox in [`crate::platform::paths::lock_dir`], named by the
//! SHA-256 of the normalised address (an address may hold characters a file name may not).

use std::fs::{File, OpenOptions, TryLockError};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

use crate::address::Address;

/// How often a waiting renewal tries the lock again.
const POLL: Duration = Duration::from_millis(20);

/// Where the per-mailbox lock files are.
#[derive(Debug, Clone)]
pub struct Locks {
    dir: PathBuf,
}

/// A held lock; dropping it (or the process ending) releases it.
#[derive(Debug)]
pub struct MailboxLock {
    _file: File,
    /// How long the caller waited for it.
    pub waited: Duration,
}

/// Why a lock was not taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another renewal of the same mailbox held it for longer than the wait.
    #[error("another renewal of this sign-in is still running after {0:?}")]
    Busy(Duration),
    /// The lock file could not be created or opened.
    #[error("the lock file {path} cannot be used: {source}")]
    Io {
        /// The lock file.
        path: PathBuf,
        /// The OS's reason.
        source: std::io::Error,
    },
}

impl Locks {
    /// Lock files in `dir` (created when first needed).
    pub fn in_dir(dir: impl Into<PathBuf>) -> Locks {
        Locks { dir: dir.into() }
    }

    /// The platform's lock folder ([`crate::platform::paths::lock_dir`]); the user's own
    /// folder in the temporary folder when the OS names no home
    /// ([`crate::platform::paths::no_home_dir`]).
    pub fn default_location() -> Locks {
        use crate::platform::{Folders, Os, paths};
        Locks::in_dir(
            paths::lock_dir(Os::current(), &Folders::current())
                .unwrap_or_else(|| paths::no_home_dir_current().join("locks")),
        )
    }

    /// The lock file of `mailbox`.
    pub fn path(&self, mailbox: &Address) -> PathBuf {
        let digest = Sha256::digest(mailbox.normalized().as_bytes());
        let name: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        self.dir.join(format!("{name}.lock"))
    }

    /// Takes the lock of `mailbox`, waiting up to `wait` for another holder to finish.
    ///
    /// # Errors
    /// [`LockError::Busy`] after `wait`; [`LockError::Io`] when the file cannot be used.
    pub async fn acquire(
        &self,
        mailbox: &Address,
        wait: Duration,
    ) -> Result<MailboxLock, LockError> {
        let path = self.path(mailbox);
        let io = |source| LockError::Io {
            path: path.clone(),
            source,
        };
        private_dir(&self.dir).map_err(io)?;
        let start = Instant::now();
        loop {
            match try_take(&path) {
                Ok(file) => {
                    return Ok(MailboxLock {
                        _file: file,
                        waited: start.elapsed(),
                    });
                }
                Err(TryLockError::WouldBlock) if start.elapsed() < wait => {
                    tokio::time::sleep(POLL).await;
                }
                Err(TryLockError::WouldBlock) => return Err(LockError::Busy(wait)),
                Err(TryLockError::Error(e)) => return Err(io(e)),
            }
        }
    }
}

/// Linux and macOS: an exclusive `flock` on the file (`File::try_lock`).
#[cfg(not(windows))]
fn try_take(path: &std::path::Path) -> Result<File, TryLockError> {
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(TryLockError::Error)?;
    file.try_lock()?;
    Ok(file)
}

/// Windows: the file opened with no sharing at all (`dwShareMode` 0,
/// <https://learn.microsoft.com/windows/win32/api/fileapi/nf-fileapi-createfilew>): a second
/// open fails with `ERROR_SHARING_VIOLATION` (32) until the handle is closed, which the OS does
/// when the process ends. (Byte-range `LockFileEx` locks left Wine's server spinning after the
/// process exited: the Windows suite under Wine hung.)
#[cfg(windows)]
fn try_take(path: &std::path::Path) -> Result<File, TryLockError> {
    use std::os::windows::fs::OpenOptionsExt as _;
    const ERROR_SHARING_VIOLATION: i32 = 32;
    OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .share_mode(0)
        .open(path)
        .map_err(|e| {
            if e.raw_os_error() == Some(ERROR_SHARING_VIOLATION) {
                TryLockError::WouldBlock
            } else {
                TryLockError::Error(e)
            }
        })
}

/// Creates `dir` (only its owner may enter it, on Unix) and checks, on Unix, that it belongs to
/// this user: a folder another user made first (in a shared temporary folder) is refused, so
/// nobody else can hold this user's locks.
fn private_dir(dir: &std::path::Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt as _, MetadataExt as _};
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
        // This user's id: the owner of a file it creates.
        let probe = dir.join(format!(".owner-{}", std::process::id()));
        let mine = std::fs::File::create(&probe)
            .and_then(|f| f.metadata())
            .map(|m| m.uid());
        let _ = std::fs::remove_file(&probe);
        if std::fs::metadata(dir)?.uid() != mine? {
            return Err(std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                "the folder belongs to another user",
            ));
        }
        Ok(())
    }
    #[cfg(not(unix))]
    std::fs::create_dir_all(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ann() -> Address {
        Address::parse("Ann@Example.edu").unwrap()
    }

    #[tokio::test]
    async fn a_second_holder_waits_and_gets_it_when_the_first_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let locks = Locks::in_dir(dir.path().join("locks"));
        let first = locks.acquire(&ann(), Duration::ZERO).await.unwrap();
        // Held: a second open of the same file (as another process would) cannot take it.
        let busy = locks.acquire(&ann(), Duration::from_millis(50)).await;
        assert!(matches!(busy, Err(LockError::Busy(_))), "{busy:?}");
        let other = Address::parse("bob@example.edu").unwrap();
        locks.acquire(&other, Duration::ZERO).await.unwrap();
        let waiter = {
            let locks = locks.clone();
            tokio::spawn(async move { locks.acquire(&ann(), Duration::from_secs(30)).await })
        };
        tokio::time::sleep(Duration::from_millis(100)).await;
        // Not "waited at least 50 ms": on a loaded computer (Wine, 2 cores) the waiter may first
        // run late; what matters is that it waits until the first holder lets go.
        assert!(!waiter.is_finished(), "the lock was given twice");
        drop(first);
        let second = waiter.await.unwrap().unwrap();
        assert!(second.waited > Duration::ZERO, "{second:?}");
    }

    #[test]
    fn the_file_name_is_the_same_for_every_spelling_of_the_address_and_holds_no_address() {
        let locks = Locks::in_dir("/x");
        let a = locks.path(&ann());
        let b = locks.path(&Address::parse("ann@example.edu").unwrap());
        assert_eq!(a, b);
        let name = a.file_name().unwrap().to_str().unwrap();
        assert_eq!(name.len(), 64 + ".lock".len());
        assert!(!name.contains("ann"));
    }

    #[cfg(unix)]
    #[tokio::test]
    async fn a_lock_folder_another_user_made_is_refused() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let theirs = dir.path().join("locks");
        std::fs::create_dir(&theirs).unwrap();
        std::fs::set_permissions(&theirs, std::fs::Permissions::from_mode(0o777)).unwrap();
        // Made by another user (`nobody`); only an administrator can give a folder away, so
        // elsewhere (a normal user's run) only the folder of one's own is checked.
        if std::os::unix::fs::chown(&theirs, Some(65534), Some(65534)).is_ok() {
            let refused = Locks::in_dir(&theirs).acquire(&ann(), Duration::ZERO).await;
            assert!(
                matches!(&refused, Err(LockError::Io { source, .. })
                    if source.kind() == std::io::ErrorKind::PermissionDenied),
                "{refused:?}"
            );
        }
        let mine = dir.path().join("mine/locks");
        Locks::in_dir(&mine)
            .acquire(&ann(), Duration::ZERO)
            .await
            .unwrap();
        let mode = std::fs::metadata(&mine).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
    }
}
