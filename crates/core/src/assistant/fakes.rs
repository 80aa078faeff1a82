//! In-memory stand-ins for the assistant's seams, for unit tests of its stages: a vault over
//! [`MemoryStore`], the account list in memory, a scripted token endpoint and a fixed clock.
//! Tokens have production's shape and size (Entra access tokens ~2,900 characters, refresh
//! tokens ~1,500, ID tokens ~1,500), so size limits show up here as they would for real.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use async_trait::async_trait;
use secrecy::SecretString;

use super::{Assistant, Seams};
use crate::accounts::MemoryAccounts;
use crate::clock::FixedClock;
use crate::findings::Finding;
use crate::oauth::client::Tokens;
use crate::oauth::endpoint::{CodeGrant, RefreshGrant, TokenEndpoint};
use crate::platform::Os;
use crate::provider::OAuthProfile;
use crate::settings::Settings;
use crate::vault::store::memory::MemoryStore;
use crate::vault::{SecretStore, StoreError, Vault};

/// A store that counts the reads of each entry (a macOS keychain read can prompt the person).
pub struct CountingStore {
    inner: MemoryStore,
    pub reads: Mutex<std::collections::BTreeMap<String, usize>>,
}

impl CountingStore {
    /// An empty store with `os`'s limits.
    pub fn new(os: Os) -> CountingStore {
        CountingStore {
            inner: MemoryStore::new(os),
            reads: Mutex::default(),
        }
    }
}

impl SecretStore for CountingStore {
    fn get(&self, user: &str) -> Result<Option<Vec<u8>>, StoreError> {
        *self
            .reads
            .lock()
            .unwrap()
            .entry(user.to_owned())
            .or_default() += 1;
        self.inner.get(user)
    }
    fn set(&self, user: &str, value: &[u8]) -> Result<(), StoreError> {
        self.inner.set(user, value)
    }
    fn delete(&self, user: &str) -> Result<bool, StoreError> {
        self.inner.delete(user)
    }
}

/// 2026-12-01 00:00 UTC.
pub const NOW: u64 = 1_796_083_200;

/// A token endpoint that answers from a script, in order, and counts its calls.
#[derive(Default)]
pub struct ScriptedEndpoint {
    replies: Mutex<VecDeque<Result<Tokens, Finding>>>,
    pub calls: AtomicUsize,
    /// Runs once, at the next refresh, before it answers (what another process does meanwhile).
    meanwhile: Mutex<Option<futures_util::future::BoxFuture<'static, ()>>>,
}

impl ScriptedEndpoint {
    /// Queues the next answer.
    pub fn answer(&self, reply: Result<Tokens, Finding>) {
        self.replies.lock().unwrap().push_back(reply);
    }

    /// Runs `f` at the next refresh, before its answer.
    pub fn meanwhile(&self, f: impl std::future::Future<Output = ()> + Send + 'static) {
        *self.meanwhile.lock().unwrap() = Some(Box::pin(f));
    }

    fn next(&self) -> Result<Tokens, Finding> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        self.replies
            .lock()
            .unwrap()
            .pop_front()
            .expect("the test scripted an answer for every call")
    }
}

#[async_trait]
impl TokenEndpoint for ScriptedEndpoint {
    async fn exchange_code(&self, _: &OAuthProfile, _: CodeGrant<'_>) -> Result<Tokens, Finding> {
        self.next()
    }

    async fn refresh(&self, _: &OAuthProfile, _: RefreshGrant<'_>) -> Result<Tokens, Finding> {
        let meanwhile = self.meanwhile.lock().unwrap().take();
        if let Some(f) = meanwhile {
            f.await;
        }
        self.next()
    }
}

/// An assistant over in-memory seams, and handles on them.
pub struct Harness {
    pub assistant: Assistant,
    pub endpoint: Arc<ScriptedEndpoint>,
    pub accounts: Arc<MemoryAccounts>,
    pub clock: Arc<FixedClock>,
    /// The folder of the renewal locks, removed with the harness.
    _locks: tempfile::TempDir,
}

/// An assistant with `settings` over in-memory seams (a vault with Windows' entry limit, the
/// tightest), the clock at [`NOW`].
pub fn harness(settings: Settings) -> Harness {
    harness_on(
        settings,
        Arc::new(MemoryStore::new(Os::Windows)),
        Os::Windows,
    )
}

/// As [`harness`], with the vault over `store` as `os` uses it.
pub fn harness_on(settings: Settings, store: Arc<dyn SecretStore>, os: Os) -> Harness {
    let endpoint = Arc::new(ScriptedEndpoint::default());
    let accounts = Arc::new(MemoryAccounts::default());
    let clock = Arc::new(FixedClock::at(NOW));
    let locks = tempfile::tempdir().expect("a temporary folder for the locks");
    let seams = Seams {
        vault: Vault::on(store, os),
        accounts: Arc::clone(&accounts) as _,
        token_endpoint: Some(Arc::clone(&endpoint) as _),
        clock: Arc::clone(&clock) as _,
        locks: crate::locks::Locks::in_dir(locks.path()),
    };
    Harness {
        assistant: Assistant::with_seams(settings, seams).expect("assistant"),
        endpoint,
        accounts,
        clock,
        _locks: locks,
    }
}

/// A compact JWT with `claims`, about `size` characters long.
pub fn jwt(claims: serde_json::Value, size: usize) -> String {
    crate::oauth::jwt::unsigned(&claims.to_string(), size)
}

/// An Entra token response for `username` in tenant `tid`, production-sized, with the mail
/// permissions granted and `nonce` echoed in the ID token.
pub fn entra_tokens(username: &str, tid: &str, client_id: &str, nonce: Option<&str>) -> Tokens {
    let access = jwt(
        serde_json::json!({
            "aud": "https://outlook.office.com", "tid": tid, "upn": username,
            "scp": "IMAP.AccessAsUser.All SMTP.Send", "exp": NOW + 3_900,
        }),
        2_900,
    );
    let id = jwt(
        serde_json::json!({
            "aud": client_id, "tid": tid, "oid": "00000000-0000-0000-0000-0000000000a1",
            "preferred_username": username, "nonce": nonce,
            "iss": format!("https://login.microsoftonline.com/{tid}/v2.0"),
        }),
        1_500,
    );
    Tokens {
        access_token: SecretString::from(access),
        refresh_token: Some(SecretString::from(format!("1.AV0A{}", "r".repeat(1_518)))),
        id_token: Some(SecretString::from(id)),
        expires_at: Some(SystemTime::UNIX_EPOCH + Duration::from_secs(NOW + 3_900)),
        scopes: Some(vec![
            "https://outlook.office.com/IMAP.AccessAsUser.All".into(),
            "https://outlook.office.com/SMTP.Send".into(),
        ]),
        clock_skew_secs: Some(0),
        refresh_expires_at: None,
    }
}
