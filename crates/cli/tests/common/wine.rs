//! The Windows build of `mailsetup` under Wine (tests/windows.rs, run by `scripts/windows.sh
//! test`): how to start it, Windows paths, and an oracle for Wine's Credential Manager.
//!
//! The oracle reads the credential store the way Wine keeps it, without any of our code: Wine's
//! `advapi32` (dlls/advapi32/cred.c) stores each credential as a registry key
//! `HKCU\Software\Wine\Credential Manager\Generic: <target name>` with the values `(Default)` =
//! the target name, `UserName`, `Comment`, `Type`, `Flags`, `Persist`, `LastWritten` and
//! `Password` = the credential blob encrypted with RC4 under the 8-byte `EncryptionKey` value of
//! the `Credential Manager` key. `keyring`'s target name is `<user>.<service>`. We read the
//! registry with Wine's own `reg query` and decrypt the blob here.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use super::TestEnv;

/// The Windows program and the Wine prefix it runs in.
#[derive(Debug, Clone)]
pub struct Wine {
    /// `mailsetup.exe` (a Unix path; Wine accepts it).
    pub exe: PathBuf,
    /// The Wine prefix (`WINEPREFIX`).
    pub prefix: PathBuf,
    /// `wine64` (never the `wine` wrapper, which starts the 32-bit loader).
    pub wine64: PathBuf,
}

impl Wine {
    /// From `MAILSETUP_WINDOWS_EXE` and `WINEPREFIX`, which scripts/windows.sh sets. Without
    /// them the test fails (it must never pass without having run the Windows program).
    pub fn from_env() -> Wine {
        Self::try_from_env().unwrap_or_else(|e| panic!("{e}"))
    }

    /// As [`Wine::from_env`], with the explanation as the error.
    pub fn try_from_env() -> Result<Wine, String> {
        let exe = std::env::var_os("MAILSETUP_WINDOWS_EXE")
            .map(PathBuf::from)
            .ok_or(
                "MAILSETUP_WINDOWS_EXE is not set: these tests run the Windows build of \
                 mailsetup under Wine.\nRun them with: scripts/windows.sh test (it builds \
                 mailsetup.exe, makes a Wine prefix and sets both)",
            )?;
        if !exe.is_file() {
            return Err(format!(
                "MAILSETUP_WINDOWS_EXE={} does not exist: run scripts/windows.sh build",
                exe.display()
            ));
        }
        let prefix = std::env::var_os("WINEPREFIX").map(PathBuf::from).ok_or(
            "WINEPREFIX is not set: these tests need a throw-away Wine prefix with the test \
             browser as its browser. Run them with: scripts/windows.sh test",
        )?;
        let wine64 = std::env::var_os("MAILSETUP_WINE64")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("/usr/lib/wine/wine64"));
        Ok(Wine {
            exe,
            prefix,
            wine64,
        })
    }

    /// `wine64 <program>` in this prefix.
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut cmd = Command::new(&self.wine64);
        cmd.arg(program)
            .env("WINEPREFIX", &self.prefix)
            .env("WINEDEBUG", "-all")
            .env("WINEDLLOVERRIDES", "mscoree,mshtml=");
        cmd
    }

    /// `wine64 mailsetup.exe` in this prefix.
    pub fn mailsetup(&self) -> Command {
        self.command(&self.exe)
    }

    /// `reg <args>` in this prefix (Wine's reg.exe); panics when it fails.
    pub fn reg(&self, args: &[&str]) {
        let out = self
            .command("reg")
            .args(args)
            .output()
            .expect("wine64 reg runs");
        assert!(
            out.status.success(),
            "reg {args:?} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// The prefix's `C:\ProgramData` (`%ProgramData%`) as a Unix path.
    pub fn program_data(&self) -> PathBuf {
        self.prefix.join("drive_c").join("ProgramData")
    }

    /// Every credential in Wine's Credential Manager, read from the prefix's registry.
    pub fn credentials(&self) -> Vec<WineCredential> {
        let out = self
            .command("reg")
            .args(["query", CRED_KEY, "/s"])
            .output()
            .expect("wine64 reg query runs");
        let text = String::from_utf8_lossy(&out.stdout).replace('\r', "");
        if !out.status.success() {
            // No credential was ever written: Wine has not made the key yet.
            return Vec::new();
        }
        parse_credentials(&text)
    }
}

const CRED_KEY: &str = r"HKCU\Software\Wine\Credential Manager";

/// One credential in Wine's store, its blob decrypted.
#[derive(Debug, Clone)]
pub struct WineCredential {
    /// The target name (`<user>.<service>` for keyring).
    pub target: String,
    /// `UserName`.
    pub user: String,
    /// The credential blob (keyring's `set_password` stores UTF-16LE, `set_secret` raw bytes).
    pub blob: Vec<u8>,
}

impl WineCredential {
    /// The value the app stored: the blob, or the text of a blob that keyring's
    /// `set_password` wrote as UTF-16LE (every other byte 0 for ASCII text).
    pub fn value(&self) -> Vec<u8> {
        let b = &self.blob;
        let utf16 = b.len().is_multiple_of(2)
            && !b.is_empty()
            && b.iter().skip(1).step_by(2).all(|&x| x == 0);
        if utf16 {
            let units: Vec<u16> = b
                .chunks(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&units).into_bytes()
        } else {
            b.clone()
        }
    }
}

/// The vault as this env's Windows program sees it: Wine's Credential Manager.
impl TestEnv {
    /// This env's Wine (panics when the env does not run the Windows program).
    pub fn wine(&self) -> &Wine {
        self.wine
            .as_ref()
            .expect("a TestEnv made with .under_wine()")
    }

    /// The app's credentials (service `mailsetup`) for this env's address, in Wine's store:
    /// the user is the address, or starts with `<address>#` (the access-token cache, parts).
    pub fn wine_vault_entries(&self) -> Vec<WineCredential> {
        let address = self.address.to_lowercase();
        self.wine()
            .credentials()
            .into_iter()
            .filter(|c| c.target == format!("{}.{}", c.user, SERVICE))
            .filter(|c| c.user == address || c.user.starts_with(&format!("{address}#")))
            .collect()
    }

    /// The value stored under `user` (service `mailsetup`), read from Wine's store: the blob
    /// itself or, for a value split across entries (crates/core/src/vault/layout.rs: a head
    /// `"\0mailsetup-split\0" + {"id","parts","len","sha256"}` and parts
    /// `<user>#part:<id>:<n>`), the parts joined and checked against the head's digest.
    pub fn wine_vault_value(&self, user: &str) -> Option<Vec<u8>> {
        let creds: Vec<WineCredential> = self
            .wine()
            .credentials()
            .into_iter()
            .filter(|c| c.target == format!("{}.{}", c.user, SERVICE))
            .collect();
        let get = |u: &str| creds.iter().find(|c| c.user == u).map(|c| c.value());
        let head = get(user)?;
        let Some(manifest) = head.strip_prefix(SPLIT_MARK) else {
            return Some(head);
        };
        let m: Value = serde_json::from_slice(manifest).expect("a split value's head is JSON");
        let id = m["id"].as_str().expect("the head names its parts");
        let mut value = Vec::new();
        for n in 0..m["parts"].as_u64().expect("the head counts its parts") {
            value.extend(
                get(&format!("{user}#part:{id}:{n}"))
                    .unwrap_or_else(|| panic!("part {n} of {user} is missing from the vault")),
            );
        }
        assert_eq!(
            Some(value.len() as u64),
            m["len"].as_u64(),
            "{user}: length"
        );
        assert_eq!(
            Some(super::sha256_hex_bytes(&value).as_str()),
            m["sha256"].as_str(),
            "{user}: the parts add up to the value the head describes"
        );
        Some(value)
    }

    /// The account record for this env's address (JSON), from Wine's store.
    pub fn wine_vault_record(&self) -> Option<Value> {
        self.wine_vault_value(&self.address.to_lowercase())
            .map(|v| serde_json::from_slice(&v).expect("the account record is JSON"))
    }

    /// The cached access token's entry (JSON), from Wine's store.
    pub fn wine_vault_access_token(&self) -> Option<Value> {
        self.wine_vault_value(&format!("{}#access", self.address.to_lowercase()))
            .map(|v| serde_json::from_slice(&v).expect("the access-token cache is JSON"))
    }
}

/// keyring's service name for the app's entries.
const SERVICE: &str = "mailsetup";
/// The first bytes of a split value's head.
const SPLIT_MARK: &[u8] = b"\0mailsetup-split\0";

/// Windows path of a Unix path under Wine's default `Z:` drive (`/tmp/x` → `Z:\tmp\x`).
pub fn windows_path(p: &Path) -> String {
    let p = p.to_str().expect("a UTF-8 path");
    assert!(p.starts_with('/'), "an absolute path: {p}");
    format!("Z:{}", p.replace('/', "\\"))
}

/// Rewrites `extra_ca_file = "<unix path>"` lines of a settings file as Windows paths (a TOML
/// literal string, so the backslashes need no escaping).
pub fn windows_paths_in_settings(text: &str) -> String {
    text.lines()
        .map(|line| {
            let t = line.trim_start();
            match t
                .strip_prefix("extra_ca_file = \"/")
                .and_then(|rest| rest.strip_suffix('"'))
            {
                Some(rest) => format!(
                    "extra_ca_file = '{}'",
                    windows_path(Path::new(&format!("/{rest}")))
                ),
                None => line.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// Parses `reg query <Credential Manager> /s` output (Wine's reg.exe: a key line, then
/// `    <name>    <REG_TYPE>    <data>` lines, binary data as hex) and decrypts each blob.
fn parse_credentials(text: &str) -> Vec<WineCredential> {
    struct Key {
        name: String,
        values: Vec<(String, String, String)>,
    }
    let mut keys: Vec<Key> = Vec::new();
    for line in text.lines() {
        if line.starts_with("HKEY_") {
            keys.push(Key {
                name: line.trim().to_string(),
                values: Vec::new(),
            });
        } else if let Some(key) = keys.last_mut() {
            let parts: Vec<&str> = line.trim().splitn(3, "    ").collect();
            if parts.len() >= 2 && parts[1].starts_with("REG_") {
                key.values.push((
                    parts[0].trim().to_string(),
                    parts[1].trim().to_string(),
                    parts
                        .get(2)
                        .map(|s| s.trim().to_string())
                        .unwrap_or_default(),
                ));
            }
        }
    }
    let value = |key: &Key, name: &str| {
        key.values
            .iter()
            .find(|(n, _, _)| n == name)
            .map(|(_, _, d)| d.clone())
    };
    let root = keys
        .iter()
        .find(|k| k.name.ends_with(r"\Credential Manager"));
    let Some(enc_key) = root
        .and_then(|k| value(k, "EncryptionKey"))
        .map(|h| hex(&h))
    else {
        return Vec::new();
    };
    keys.iter()
        .filter(|k| k.name.contains(r"\Credential Manager\Generic: "))
        .map(|k| WineCredential {
            target: value(k, "(Default)")
                .or_else(|| value(k, "(default)"))
                .unwrap_or_else(|| k.name.rsplit("Generic: ").next().unwrap().to_string()),
            user: value(k, "UserName").unwrap_or_default(),
            blob: rc4(&enc_key, &hex(&value(k, "Password").unwrap_or_default())),
        })
        .collect()
}

fn hex(s: &str) -> Vec<u8> {
    let s: String = s.chars().filter(|c| c.is_ascii_hexdigit()).collect();
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
        .collect()
}

/// RC4 (Wine's SystemFunction032), which encrypts and decrypts alike.
pub fn rc4(key: &[u8], data: &[u8]) -> Vec<u8> {
    if key.is_empty() {
        return data.to_vec();
    }
    let mut s: Vec<u8> = (0..=255).collect();
    let mut j = 0u8;
    for i in 0..256 {
        j = j.wrapping_add(s[i]).wrapping_add(key[i % key.len()]);
        s.swap(i, j as usize);
    }
    let (mut i, mut j) = (0u8, 0u8);
    data.iter()
        .map(|b| {
            i = i.wrapping_add(1);
            j = j.wrapping_add(s[i as usize]);
            s.swap(i as usize, j as usize);
            b ^ s[s[i as usize].wrapping_add(s[j as usize]) as usize]
        })
        .collect()
}
