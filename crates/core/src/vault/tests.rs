//! The vault over in-memory stores with each OS's limits; the findings per OS.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::store::memory::MemoryStore;
use super::*;
use crate::provider::ProviderKind;

/// A refresh or access token of `len` characters, shaped like Entra's.
fn token(prefix: &str, len: usize) -> SecretString {
    let body: String = (0..len - prefix.len())
        .map(|i| {
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_."[i * 7 % 65] as char
        })
        .collect();
    SecretString::from(format!("{prefix}{body}"))
}

fn record(refresh_len: usize) -> AccountRecord {
    AccountRecord {
        mailbox: "admissions@school.example.edu".into(),
        provider: ProviderKind::Microsoft365,
        authority: "https://login.microsoftonline.com".into(),
        tenant: "6f0a8c2e-3b1d-4e5f-9a7b-1c2d3e4f5a6b".into(),
        client_id: "11111111-2222-3333-4444-555555555555".into(),
        scopes: [
            "https://outlook.office.com/SMTP.Send",
            "https://outlook.office.com/IMAP.AccessAsUser.All",
            "offline_access",
            "openid",
            "profile",
            "email",
        ]
        .map(String::from)
        .to_vec(),
        account: AccountIds {
            oid: Some("0a1b2c3d-4e5f-6789-abcd-ef0123456789".into()),
            tid: Some("6f0a8c2e-3b1d-4e5f-9a7b-1c2d3e4f5a6b".into()),
            username: Some("admissions@school.example.edu".into()),
        },
        sign_in_as: Some("registrar.office@school.example.edu".into()),
        confidential: false,
        credential: Credential::RefreshToken(token("1.AXwA", refresh_len)),
        saved_at: 1_796_000_000,
    }
}

fn address() -> Address {
    Address::parse("admissions@school.example.edu").unwrap()
}

fn rt(r: &AccountRecord) -> String {
    match &r.credential {
        Credential::RefreshToken(t) => t.expose_secret().to_owned(),
        Credential::Password { .. } => panic!("not a refresh token"),
    }
}

#[tokio::test]
async fn field_n01_production_sized_tokens_are_kept_by_windows_credential_manager() {
    // https://github.com/osodevops/ms-teams-cli/issues/67: an Entra device-code sign-in gave an
    // access token of 2,931 characters and a refresh token of 1,524; saved as one UTF-16
    // password (2 bytes a character) neither fits 2,560 bytes, and the record with the refresh
    // token alone is already over 1,280 characters.
    let store = Arc::new(MemoryStore::new(Os::Windows));
    let vault = Vault::on(store.clone(), Os::Windows);
    let rec = record(1_524);
    assert!(
        rec.to_json().unwrap().len() > 1_280,
        "as UTF-16 it would not fit"
    );
    vault.save(&rec).await.unwrap();
    let access = CachedAccessToken {
        token: token("eyJ0eXAiOiJKV1QiLCJub25jZSI6", 2_931),
        expires_at: 1_796_003_599,
    };
    vault.save_access_token(&address(), &access).await.unwrap();

    // Read back through a new vault over the same store (a new run).
    let again = Vault::on(store.clone(), Os::Windows);
    let back = again.load(&address()).await.unwrap().unwrap();
    assert_eq!(rt(&back), rt(&rec));
    assert_eq!(back.sign_in_as, rec.sign_in_as);
    let cached = again.load_access_token(&address()).await.unwrap().unwrap();
    assert_eq!(cached.token.expose_secret(), access.token.expose_secret());
    assert_eq!(cached.expires_at, access.expires_at);

    // Rotation: the new refresh token replaces the old one; sign-out leaves nothing behind.
    let mut rotated = rec.clone();
    rotated.credential = Credential::RefreshToken(token("1.AXwB", 2_000));
    again.save(&rotated).await.unwrap();
    assert_eq!(
        rt(&again.load(&address()).await.unwrap().unwrap()),
        rt(&rotated)
    );
    assert!(again.delete(&address()).await.unwrap());
    assert!(store.users().is_empty(), "left: {:?}", store.users());
}

#[tokio::test]
async fn the_largest_sign_ins_fit_on_every_os_and_one_past_the_layout_is_its_own_finding() {
    for os in Os::ALL {
        let vault = Vault::on(Arc::new(MemoryStore::new(os)), os);
        let rec = record(2_000);
        vault.save(&rec).await.unwrap();
        let access = CachedAccessToken {
            token: token("eyJ0eXAi", 4_000),
            expires_at: 1,
        };
        vault.save_access_token(&address(), &access).await.unwrap();
        assert_eq!(
            rt(&vault.load(&address()).await.unwrap().unwrap()),
            rt(&rec)
        );
        let Some(max) = vault.max_value() else {
            continue;
        };
        // A record whose JSON is exactly the layout's maximum is kept; one byte more is not.
        let overhead = record(10).to_json().unwrap().len() - 10;
        vault.save(&record(max - overhead)).await.unwrap();
        let err = vault.save(&record(max - overhead + 1)).await.unwrap_err();
        assert_eq!(err.code, FindingCode::VaultValueTooLarge);
        let text = err.finish().to_text();
        assert!(
            !text.contains("nlock"),
            "never unlock advice for a size refusal: {text}"
        );
        assert!(text.contains("Windows Credential Manager"), "{text}");
        // The last good record is still there.
        assert_eq!(
            rt(&vault.load(&address()).await.unwrap().unwrap()),
            rt(&record(max - overhead))
        );
    }
}

#[tokio::test]
async fn the_self_check_writes_a_production_sized_value_and_leaves_nothing() {
    for os in Os::ALL {
        let store = Arc::new(MemoryStore::new(os));
        Vault::on(store.clone(), os).self_check().await.unwrap();
        assert!(store.users().is_empty(), "{os:?}: {:?}", store.users());
        assert!(SELF_CHECK_BYTES > store::limits(Os::Windows).max_value.unwrap() * 2);
    }
}

#[tokio::test]
async fn the_self_check_fails_before_sign_in_where_a_real_sign_in_would_not_fit() {
    // A store that takes small values only (what keyring's UTF-16 passwords gave on Windows).
    struct Small(MemoryStore);
    impl SecretStore for Small {
        fn get(&self, user: &str) -> Result<Option<Vec<u8>>, StoreError> {
            self.0.get(user)
        }
        fn set(&self, user: &str, value: &[u8]) -> Result<(), StoreError> {
            if value.len() > 100 {
                return Err(StoreError::new(StoreErrorKind::TooLarge, "too long"));
            }
            self.0.set(user, value)
        }
        fn delete(&self, user: &str) -> Result<bool, StoreError> {
            self.0.delete(user)
        }
    }
    let vault = Vault::on(Arc::new(Small(MemoryStore::new(Os::Linux))), Os::Linux);
    let err = vault.self_check().await.unwrap_err();
    assert_eq!(err.code, FindingCode::VaultValueTooLarge);
}

/// Counts the reads of the store underneath.
struct Counting {
    inner: MemoryStore,
    reads: AtomicUsize,
}

impl SecretStore for Counting {
    fn get(&self, user: &str) -> Result<Option<Vec<u8>>, StoreError> {
        self.reads.fetch_add(1, Ordering::SeqCst);
        self.inner.get(user)
    }
    fn set(&self, user: &str, value: &[u8]) -> Result<(), StoreError> {
        self.inner.set(user, value)
    }
    fn delete(&self, user: &str) -> Result<bool, StoreError> {
        self.inner.delete(user)
    }
}

#[tokio::test]
async fn on_macos_each_entry_is_read_at_most_once_per_run() {
    let store = Arc::new(Counting {
        inner: MemoryStore::new(Os::MacOs),
        reads: AtomicUsize::new(0),
    });
    Vault::on(store.clone(), Os::MacOs)
        .save(&record(1_500))
        .await
        .unwrap();
    assert_eq!(
        store.reads.load(Ordering::SeqCst),
        0,
        "a write reads nothing"
    );
    let run = Vault::on(store.clone(), Os::MacOs);
    for _ in 0..3 {
        run.load(&address()).await.unwrap().unwrap();
        assert!(run.load_access_token(&address()).await.unwrap().is_none());
    }
    assert_eq!(
        store.reads.load(Ordering::SeqCst),
        2,
        "record and cache once each"
    );
    // What the run writes, it knows without reading.
    let mut rotated = record(1_500);
    rotated.credential = Credential::RefreshToken(token("1.AXwC", 1_500));
    run.save(&rotated).await.unwrap();
    assert_eq!(
        rt(&run.load(&address()).await.unwrap().unwrap()),
        rt(&rotated)
    );
    assert_eq!(store.reads.load(Ordering::SeqCst), 2);
    // Linux and Windows read the vault each time (another process may have rotated it).
    let linux = Vault::on(store.clone(), Os::Linux);
    linux.load(&address()).await.unwrap();
    linux.load(&address()).await.unwrap();
    assert_eq!(store.reads.load(Ordering::SeqCst), 4);
}

#[test]
fn each_failure_gets_its_own_finding_with_advice_for_that_os_only() {
    use StoreErrorKind::*;
    let f = |os, kind| StoreError::new(kind, "backend text").finding(os).finish();
    assert_eq!(f(Os::Linux, Locked).code, FindingCode::VaultLocked);
    assert_eq!(f(Os::MacOs, Denied).code, FindingCode::VaultAccessDenied);
    assert_eq!(f(Os::Windows, Missing).code, FindingCode::VaultUnavailable);
    assert_eq!(
        f(Os::Windows, TooLarge).code,
        FindingCode::VaultValueTooLarge
    );
    for kind in [Locked, Denied, Missing, Failed, TooLarge] {
        let win = f(Os::Windows, kind).to_text();
        assert!(
            !win.contains("keyring") && !win.contains("Keychain") && !win.contains("D-Bus"),
            "{win}"
        );
        let mac = f(Os::MacOs, kind).to_text();
        assert!(
            !mac.contains("keyring") && !mac.contains("Windows") && !mac.contains("D-Bus"),
            "{mac}"
        );
        let linux = f(Os::Linux, kind).to_text();
        assert!(
            !linux.contains("Keychain") && !linux.contains("Windows"),
            "{linux}"
        );
        assert!(
            !linux.contains('{') && !win.contains('{'),
            "placeholders filled: {linux}"
        );
        assert!(
            win.contains("backend text"),
            "the backend's words are the evidence"
        );
    }
    assert!(f(Os::MacOs, Denied).to_text().contains("Always Allow"));
    assert!(f(Os::MacOs, Locked).to_text().contains("Keychain Access"));
    assert!(f(Os::Linux, Locked).to_text().contains("keyring"));
    assert!(
        f(Os::Windows, Missing)
            .to_text()
            .contains("Credential Manager")
    );
}

#[tokio::test]
async fn a_damaged_entry_is_its_own_finding_and_is_not_deleted() {
    let store = Arc::new(MemoryStore::new(Os::Windows));
    let vault = Vault::on(store.clone(), Os::Windows);
    vault.save(&record(3_000)).await.unwrap();
    let part = store
        .users()
        .into_iter()
        .find(|u| u.contains("#part:"))
        .unwrap();
    store.delete(&part).unwrap();
    let err = vault.load(&address()).await.unwrap_err();
    assert_eq!(err.code, FindingCode::VaultEntryDamaged);
    assert!(
        store
            .users()
            .contains(&"admissions@school.example.edu".to_string())
    );
}

/// The same boundaries against the real Windows Credential Manager (`CredWriteW`/`CredReadW`;
/// under Wine in CI: scripts/windows.sh).
#[cfg(windows)]
mod windows_credential_manager {
    use super::*;
    use crate::vault::store::KeyringStore;

    fn service() -> String {
        format!("mailsetup-unit-{}", uuid::Uuid::new_v4().simple())
    }

    #[test]
    fn one_entry_holds_2560_bytes_and_refuses_2561() {
        let store = KeyringStore::new(&service());
        store.set("edge@x", &[b'a'; 2560]).unwrap();
        assert_eq!(store.get("edge@x").unwrap().unwrap().len(), 2560);
        let err = store.set("edge@x", &[b'a'; 2561]).unwrap_err();
        assert_eq!(err.kind(), StoreErrorKind::TooLarge, "{err}");
        assert!(store.delete("edge@x").unwrap());
        assert_eq!(store.get("edge@x").unwrap(), None);
    }

    #[tokio::test]
    async fn field_n01_and_the_largest_sign_ins_are_kept_and_removed_whole() {
        let store = Arc::new(KeyringStore::new(&service()));
        let vault = Vault::on(store.clone(), Os::Windows);
        vault.self_check().await.unwrap();
        for (refresh, access) in [(1_524, 2_931), (2_000, 4_000)] {
            let rec = record(refresh);
            vault.save(&rec).await.unwrap();
            let cached = CachedAccessToken {
                token: token("eyJ0eXAi", access),
                expires_at: 1,
            };
            vault.save_access_token(&address(), &cached).await.unwrap();
            let again = Vault::on(store.clone(), Os::Windows);
            assert_eq!(
                rt(&again.load(&address()).await.unwrap().unwrap()),
                rt(&rec)
            );
            let back = again.load_access_token(&address()).await.unwrap().unwrap();
            assert_eq!(back.token.expose_secret(), cached.token.expose_secret());
        }
        let max = vault.max_value().unwrap();
        let overhead = record(10).to_json().unwrap().len() - 10;
        vault.save(&record(max - overhead)).await.unwrap();
        let err = vault.save(&record(max - overhead + 1)).await.unwrap_err();
        assert_eq!(err.code, FindingCode::VaultValueTooLarge);
        assert!(vault.delete(&address()).await.unwrap());
        assert!(vault.load(&address()).await.unwrap().is_none());
    }
}
