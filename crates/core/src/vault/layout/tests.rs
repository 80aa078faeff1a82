//! The layout against an in-memory store that enforces each OS's documented limits: at and one
//! past every boundary, crashes between any two writes, damaged and raced parts.

use super::*;
use crate::platform::Os;
use crate::vault::store::limits;
use crate::vault::store::memory::MemoryStore;

const WIN: Limits = limits(Os::Windows);

fn value(len: usize, seed: u8) -> Vec<u8> {
    (0..len)
        .map(|i| b'!' + ((i as u8).wrapping_add(seed)) % 90)
        .collect()
}

fn read_ok(store: &MemoryStore, user: &str) -> Option<Vec<u8>> {
    read(store, user).unwrap().map(|v| v.to_vec())
}

#[test]
fn a_value_that_fits_is_one_entry_at_the_boundary() {
    let store = MemoryStore::new(Os::Windows);
    let v = value(2560, 1);
    write(&store, WIN, "a@x", &v).unwrap();
    assert_eq!(store.users(), ["a@x"]);
    assert_eq!(read_ok(&store, "a@x"), Some(v));
}

#[test]
fn one_byte_past_the_boundary_is_split_and_read_back_whole() {
    let store = MemoryStore::new(Os::Windows);
    let v = value(2561, 2);
    write(&store, WIN, "a@x", &v).unwrap();
    assert_eq!(
        store.users().len(),
        3,
        "head + 2 parts: {:?}",
        store.users()
    );
    let head = store.entries.lock().unwrap()["a@x"].clone();
    assert!(head.starts_with(MANIFEST_MARK) && head.len() <= 2560);
    assert_eq!(read_ok(&store, "a@x"), Some(v));
}

#[test]
fn the_layout_holds_sixteen_entries_and_refuses_one_byte_more_without_writing() {
    let store = MemoryStore::new(Os::Windows);
    let max = max_value(WIN).unwrap();
    assert_eq!(max, 40_960);
    let v = value(max, 3);
    write(&store, WIN, "a@x", &v).unwrap();
    assert_eq!(read_ok(&store, "a@x"), Some(v.clone()));
    let before = store.users();
    let err = write(&store, WIN, "a@x", &value(max + 1, 4)).unwrap_err();
    assert_eq!(err.kind(), StoreErrorKind::TooLarge);
    assert_eq!(store.users(), before, "nothing written");
    assert_eq!(read_ok(&store, "a@x"), Some(v), "the old value stays");
}

#[test]
fn without_a_limit_a_large_value_is_one_entry() {
    for os in [Os::Linux, Os::MacOs] {
        let store = MemoryStore::new(os);
        let v = value(100_000, 5);
        write(&store, limits(os), "a@x", &v).unwrap();
        assert_eq!(store.users(), ["a@x"]);
        assert_eq!(read_ok(&store, "a@x"), Some(v));
    }
}

#[test]
fn production_sized_sign_ins_fit_every_os() {
    // An Entra device-code sign-in with an access token of 2,931 characters and a refresh token
    // of 1,524 (https://github.com/osodevops/ms-teams-cli/issues/67); the largest seen: 4,000
    // and 2,000.
    for os in Os::ALL {
        for len in [2_100, 2_931 + 40, 4_000 + 40, 6_000] {
            let store = MemoryStore::new(os);
            let v = value(len, 6);
            write(&store, limits(os), "a@x", &v).unwrap();
            assert_eq!(read_ok(&store, "a@x"), Some(v), "{os:?} {len}");
        }
    }
}

#[test]
fn replacing_a_split_value_deletes_the_old_parts() {
    let store = MemoryStore::new(Os::Windows);
    write(&store, WIN, "a@x", &value(6000, 7)).unwrap();
    write(&store, WIN, "a@x", &value(5000, 8)).unwrap();
    assert_eq!(store.users().len(), 1 + 2);
    write(&store, WIN, "a@x", &value(100, 9)).unwrap();
    assert_eq!(store.users(), ["a@x"]);
    assert_eq!(read_ok(&store, "a@x"), Some(value(100, 9)));
}

#[test]
fn remove_deletes_the_head_and_its_parts() {
    let store = MemoryStore::new(Os::Windows);
    write(&store, WIN, "a@x", &value(6000, 10)).unwrap();
    write(&store, WIN, "b@x", &value(10, 11)).unwrap();
    assert!(remove(&store, WIN, "a@x").unwrap());
    assert_eq!(store.users(), ["b@x"]);
    assert!(!remove(&store, WIN, "a@x").unwrap());
}

#[test]
fn a_crash_between_any_two_writes_keeps_the_last_good_value() {
    // Old and new values of every shape: one entry or split, either way round.
    for (old_len, new_len) in [(6000, 5000), (100, 6000), (6000, 100), (2561, 2560)] {
        let old = value(old_len, 12);
        let new = value(new_len, 13);
        for allowed in 0..8 {
            let store = MemoryStore::new(Os::Windows);
            write(&store, WIN, "a@x", &old).unwrap();
            store.crash_after(allowed);
            let done = write(&store, WIN, "a@x", &new).is_ok();
            let got = read_ok(&store, "a@x").expect("never lost");
            if done {
                assert_eq!(got, new);
            } else {
                assert!(
                    got == old || got == new,
                    "{old_len}->{new_len} after {allowed} writes"
                );
            }
        }
    }
}

#[test]
fn a_missing_or_altered_part_is_never_read_as_valid() {
    let store = MemoryStore::new(Os::Windows);
    write(&store, WIN, "a@x", &value(6000, 14)).unwrap();
    let part = store
        .users()
        .into_iter()
        .find(|u| u.ends_with(":1"))
        .unwrap();
    let original = store.entries.lock().unwrap()[&part].clone();
    let mut altered = original.clone();
    altered[0] ^= 1;
    store.entries.lock().unwrap().insert(part.clone(), altered);
    assert!(matches!(read(&store, "a@x"), Err(ReadError::Damaged(_))));
    store.entries.lock().unwrap().remove(&part);
    assert!(matches!(read(&store, "a@x"), Err(ReadError::Damaged(_))));
    store.entries.lock().unwrap().insert(part, original);
    assert_eq!(read_ok(&store, "a@x"), Some(value(6000, 14)));
}

#[test]
fn a_garbled_head_is_damaged_not_a_value() {
    let store = MemoryStore::new(Os::Windows);
    let mut head = MANIFEST_MARK.to_vec();
    head.extend(b"{not json");
    store.set("a@x", &head).unwrap();
    assert!(matches!(read(&store, "a@x"), Err(ReadError::Damaged(_))));
}

#[test]
fn a_value_starting_with_nul_is_refused() {
    let store = MemoryStore::new(Os::Linux);
    assert!(write(&store, limits(Os::Linux), "a@x", b"\0abc").is_err());
    assert!(store.users().is_empty());
}

#[test]
fn concurrent_writers_never_leave_a_mixed_value() {
    use std::sync::Arc;
    let store = Arc::new(MemoryStore::new(Os::Windows));
    let values: Vec<Vec<u8>> = (0..4).map(|i| value(5000 + i * 700, i as u8)).collect();
    let threads: Vec<_> = values
        .iter()
        .cloned()
        .map(|v| {
            let store = store.clone();
            std::thread::spawn(move || {
                for _ in 0..50 {
                    write(&*store, WIN, "a@x", &v).unwrap();
                }
            })
        })
        .collect();
    let reader = {
        let store = store.clone();
        let values = values.clone();
        std::thread::spawn(move || {
            for _ in 0..200 {
                match read(&*store, "a@x") {
                    Ok(Some(v)) => assert!(values.iter().any(|x| x[..] == v[..]), "a mixed value"),
                    Ok(None) | Err(ReadError::Damaged(_)) => {}
                    Err(e) => panic!("{e:?}"),
                }
            }
        })
    };
    for t in threads {
        t.join().unwrap();
    }
    reader.join().unwrap();
    assert!(values.contains(&read_ok(&store, "a@x").unwrap()));
}
