//! The relay's local passwords ([`crate::relay`]): one vault entry per mailbox,
//! `<address>#relay`, holding every program's password as JSON. Only this module turns them into
//! JSON, and only to hand it to the vault.

use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::{Vault, relay_user};
use crate::address::Address;
use crate::findings::{Finding, FindingCode, Param};

/// A program allowed to send through the local relay as a mailbox. `Debug` hides the password.
#[derive(Clone)]
pub struct RelayProgram {
    /// The name the person gave it ("scanner", "accounts app").
    pub name: String,
    /// The local password the app generated for it (secret; never the mailbox's).
    pub password: SecretString,
    /// Other `MAIL FROM` addresses it may use (the mailbox's aliases or Send As rights).
    pub send_as: Vec<String>,
    /// When it was added, seconds since the epoch.
    pub added_at: u64,
    /// A random id of this password (not secret): a message is sent only while the program's
    /// password is still the one it signed in with (not removed, not replaced).
    pub id: String,
}

impl std::fmt::Debug for RelayProgram {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RelayProgram")
            .field("name", &self.name)
            .field("send_as", &self.send_as)
            .field("added_at", &self.added_at)
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

#[derive(Serialize, Deserialize)]
struct Wire {
    version: u32,
    programs: Vec<ProgramWire>,
}

#[derive(Serialize, Deserialize)]
struct ProgramWire {
    name: String,
    password: Zeroizing<String>,
    #[serde(default)]
    send_as: Vec<String>,
    added_at: u64,
    #[serde(default)]
    id: String,
}

fn to_json(programs: &[RelayProgram]) -> Result<Zeroizing<Vec<u8>>, Finding> {
    let wire = Wire {
        version: 1,
        programs: programs
            .iter()
            .map(|p| ProgramWire {
                name: p.name.clone(),
                password: Zeroizing::new(p.password.expose_secret().to_owned()),
                send_as: p.send_as.clone(),
                added_at: p.added_at,
                id: p.id.clone(),
            })
            .collect(),
    };
    serde_json::to_vec(&wire)
        .map(Zeroizing::new)
        .map_err(Finding::internal)
}

fn from_json(json: &[u8]) -> Option<Vec<RelayProgram>> {
    let wire: Wire = serde_json::from_slice(json).ok()?;
    Some(
        wire.programs
            .into_iter()
            .filter(|p| !p.password.is_empty())
            .map(|p| RelayProgram {
                name: p.name,
                password: SecretString::from(p.password.as_str()),
                send_as: p.send_as,
                added_at: p.added_at,
                id: p.id,
            })
            .collect(),
    )
}

impl Vault {
    /// The programs allowed to use the relay as `mailbox` (none when there is no entry), as the
    /// store holds them now: read again even where this vault reads each entry once (macOS), so
    /// that a program removed by another process (`mailsetup relay remove` while the relay runs)
    /// stops working at once and two processes adding programs never lose one.
    ///
    /// # Errors
    /// The vault's finding; `VAULT_ENTRY_DAMAGED` for an entry that cannot be read (the relay
    /// then refuses every program of this mailbox rather than guess).
    pub async fn load_relay_programs(
        &self,
        mailbox: &Address,
    ) -> Result<Vec<RelayProgram>, Finding> {
        self.forget_cached(&relay_user(mailbox));
        match self.get(relay_user(mailbox)).await? {
            None => Ok(Vec::new()),
            Some(json) => from_json(&json).ok_or_else(|| {
                Finding::new(FindingCode::VaultEntryDamaged)
                    .with_if_used(Param::Mailbox, mailbox.display())
                    .with_evidence("The relay's local passwords cannot be read.")
            }),
        }
    }

    /// Replaces the relay programs of `mailbox` (an empty list removes the entry).
    ///
    /// # Errors
    /// The vault's finding.
    pub async fn save_relay_programs(
        &self,
        mailbox: &Address,
        programs: &[RelayProgram],
    ) -> Result<(), Finding> {
        if programs.is_empty() {
            return self.remove(relay_user(mailbox)).await.map(|_| ());
        }
        self.set(relay_user(mailbox), to_json(programs)?).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn program(name: &str) -> RelayProgram {
        RelayProgram {
            name: name.into(),
            password: SecretString::from(format!("{name}-password-0123456789")),
            send_as: Vec::new(),
            added_at: 1,
            id: name.into(),
        }
    }

    /// On macOS a vault reads each entry once per run; the relay's entry is always read again:
    /// a program removed by another process (the CLI) stops working in a running relay.
    #[tokio::test]
    async fn another_process_s_changes_are_seen_even_where_entries_are_read_once() {
        use crate::platform::Os;
        use crate::vault::store::memory::MemoryStore;
        let store = std::sync::Arc::new(MemoryStore::new(Os::MacOs));
        let relay = Vault::on(store.clone(), Os::MacOs);
        let cli = Vault::on(store, Os::MacOs);
        let ann = Address::parse("ann@example.edu").unwrap();
        cli.save_relay_programs(&ann, &[program("scanner")])
            .await
            .unwrap();
        assert_eq!(relay.load_relay_programs(&ann).await.unwrap().len(), 1);
        cli.save_relay_programs(&ann, &[]).await.unwrap();
        assert!(relay.load_relay_programs(&ann).await.unwrap().is_empty());
        cli.save_relay_programs(&ann, &[program("printer")])
            .await
            .unwrap();
        let mut both = relay.load_relay_programs(&ann).await.unwrap();
        both.push(program("accounts"));
        relay.save_relay_programs(&ann, &both).await.unwrap();
        let names: Vec<String> = cli
            .load_relay_programs(&ann)
            .await
            .unwrap()
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(names, ["printer", "accounts"]);
    }

    #[test]
    fn the_wire_form_keeps_every_field_and_debug_hides_the_password() {
        let p = RelayProgram {
            name: "scanner".into(),
            password: SecretString::from("abcde-fghij-kmnpq-rstuv"),
            send_as: vec!["office@example.edu".into()],
            added_at: 7,
            id: "a1".into(),
        };
        let back = from_json(&to_json(std::slice::from_ref(&p)).unwrap()).unwrap();
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].name, "scanner");
        assert_eq!(back[0].password.expose_secret(), "abcde-fghij-kmnpq-rstuv");
        assert_eq!(back[0].send_as, ["office@example.edu"]);
        assert_eq!(back[0].added_at, 7);
        assert_eq!(back[0].id, "a1");
        assert!(!format!("{p:?}").contains("abcde"));
        assert!(from_json(b"{\"version\":1,\"programs\":[{").is_none());
    }
}
