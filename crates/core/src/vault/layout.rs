//! How one value (an account record, the access-token cache, a client secret) is laid out in a
//! store whose entries have a size limit (Windows Credential Manager: 2,560 bytes).
//!
//! A value that fits is stored as is, in the entry named by its user name (so on Linux and
//! macOS, which set no limit, every value is one entry, readable with the OS's own tools).
//! A larger value is split: its bytes go into part entries `<user>#part:<id>:<n>` under a
//! fresh random `<id>`, and then **one** write of the head entry `<user>` commits it: the head
//! holds a manifest (part count, length, SHA-256 of the whole value). Only after that commit
//! are the previous value's parts deleted. So:
//! - a crash before the head is written leaves the previous head and its parts untouched: the
//!   last good value (e.g. the last good refresh token) is still read;
//! - a value is only ever read back whole and checked against its digest: parts that are
//!   missing, or were written by a writer that lost a race, are never read as valid
//!   ([`ReadError::Damaged`]); a read that meets a half-replaced value reads the head again
//!   once before giving up.
//!
//! A manifest starts with a NUL byte, which no value the vault stores starts with (JSON, or a
//! secret a person typed), so a head is never mistaken for a value or the other way round.
//! Parts left behind by a crash between the part writes and the commit are not reachable from
//! any head and hold at most one unused copy of a value; the next write under the same name
//! does not reuse them.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use super::error::ReadError;
use super::store::{Limits, SecretStore, StoreError, StoreErrorKind};

/// The first bytes of a manifest.
const MANIFEST_MARK: &[u8] = b"\0mailsetup-split\0";

/// At most this many parts per value: 16 × 2,560 bytes = 40 KiB on Windows.
pub const MAX_PARTS: usize = 16;

/// The largest value the layout stores on a store with `limits`, in bytes (`None`: no limit
/// of the layout's own).
pub fn max_value(limits: Limits) -> Option<usize> {
    limits.max_value.map(|m| m * MAX_PARTS)
}

#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
struct Manifest {
    id: String,
    parts: usize,
    len: usize,
    sha256: String,
}

fn part_user(user: &str, id: &str, n: usize) -> String {
    format!("{user}#part:{id}:{n}")
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn manifest_of(head: &[u8]) -> Option<Result<Manifest, ReadError>> {
    let body = head.strip_prefix(MANIFEST_MARK)?;
    Some(
        serde_json::from_slice::<Manifest>(body)
            .ok()
            .filter(|m| m.parts <= MAX_PARTS)
            .ok_or(ReadError::Damaged("the entry's part list is unreadable")),
    )
}

/// Stores `value` under `user`, split when it does not fit one entry; see the module.
///
/// # Errors
/// The store's failure; [`StoreErrorKind::TooLarge`] for a value over [`max_value`] (nothing is
/// written then). A failure before the head is written leaves the previous value readable.
pub fn write(
    store: &dyn SecretStore,
    limits: Limits,
    user: &str,
    value: &[u8],
) -> Result<(), StoreError> {
    if value.starts_with(b"\0") {
        return Err(StoreError::new(
            StoreErrorKind::Failed,
            "a vault value may not start with a NUL byte",
        ));
    }
    let Some(max) = limits.max_value else {
        // No limit: never split, so there are never parts to clean up either.
        return store.set(user, value);
    };
    if value.len() > max * MAX_PARTS {
        return Err(StoreError::new(
            StoreErrorKind::TooLarge,
            format!(
                "a value of {} bytes is over the {} bytes the vault layout holds ({MAX_PARTS} entries of {max} bytes)",
                value.len(),
                max * MAX_PARTS
            ),
        ));
    }
    let previous = match store.get(user)? {
        Some(head) => manifest_of(&head).and_then(Result::ok),
        None => None,
    };
    if value.len() <= max {
        store.set(user, value)?;
    } else {
        let id = uuid::Uuid::new_v4().simple().to_string()[..12].to_owned();
        let chunks: Vec<&[u8]> = value.chunks(max).collect();
        for (n, chunk) in chunks.iter().enumerate() {
            store.set(&part_user(user, &id, n), chunk)?;
        }
        let manifest = Manifest {
            id,
            parts: chunks.len(),
            len: value.len(),
            sha256: sha256_hex(value),
        };
        let mut head = MANIFEST_MARK.to_vec();
        // Cannot fire: a struct of strings and numbers always serialises to JSON bytes.
        head.extend(serde_json::to_vec(&manifest).expect("a manifest serialises"));
        store.set(user, &head)?;
    }
    if let Some(old) = previous {
        delete_parts(store, user, &old);
    }
    Ok(())
}

/// Deletes the parts of `manifest`. Best effort: a leftover part is unreachable and harmless.
fn delete_parts(store: &dyn SecretStore, user: &str, manifest: &Manifest) {
    for n in 0..manifest.parts {
        if let Err(e) = store.delete(&part_user(user, &manifest.id, n)) {
            tracing::warn!(error = %e, "an old part of a vault entry could not be deleted");
        }
    }
}

/// The value under `user`, joined and checked when it was split; `None` when there is none.
///
/// # Errors
/// The store's failure; [`ReadError::Damaged`] when a split value cannot be read back whole
/// (twice, reading the head again in between).
pub fn read(store: &dyn SecretStore, user: &str) -> Result<Option<Zeroizing<Vec<u8>>>, ReadError> {
    let mut last = None;
    for _ in 0..2 {
        let Some(head) = store.get(user)? else {
            return Ok(None);
        };
        let head = Zeroizing::new(head);
        let manifest = match manifest_of(&head) {
            None => return Ok(Some(head)),
            Some(m) => m?,
        };
        match join(store, user, &manifest)? {
            Ok(value) => return Ok(Some(value)),
            Err(why) => last = Some(why),
        }
    }
    Err(ReadError::Damaged(last.unwrap_or("unknown")))
}

fn join(
    store: &dyn SecretStore,
    user: &str,
    manifest: &Manifest,
) -> Result<Result<Zeroizing<Vec<u8>>, &'static str>, StoreError> {
    let mut value = Zeroizing::new(Vec::with_capacity(manifest.len));
    for n in 0..manifest.parts {
        match store.get(&part_user(user, &manifest.id, n))? {
            Some(part) => value.extend_from_slice(&Zeroizing::new(part)),
            None => return Ok(Err("a part of the entry is missing")),
        }
    }
    if value.len() != manifest.len || sha256_hex(&value) != manifest.sha256 {
        return Ok(Err("the entry's parts do not match its checksum"));
    }
    Ok(Ok(value))
}

/// Deletes the value under `user` with its parts; whether there was one.
///
/// # Errors
/// The store's failure.
pub fn remove(store: &dyn SecretStore, limits: Limits, user: &str) -> Result<bool, StoreError> {
    let previous = match limits.max_value {
        Some(_) => store
            .get(user)?
            .and_then(|head| manifest_of(&head).and_then(Result::ok)),
        None => None,
    };
    let existed = store.delete(user)?;
    if let Some(old) = previous {
        delete_parts(store, user, &old);
    }
    Ok(existed)
}

#[cfg(test)]
mod tests;
