//! What the assistant remembers within this process, in one owner: discovery results per
//! domain, sign-ins waiting for the person's confirmation, the latest outcome of each action per
//! mailbox (for reports), server settings typed in for a mailbox, and the domains whose
//! organisation refused a sign-in with a code.
//!
//! Each map sits behind its own lock. A lock poisoned by a panic elsewhere is taken over, not
//! ignored: every change to a map is one `insert`/`remove`, so a panicking holder cannot leave a
//! map half-changed, and ignoring the lock would silently lose what it holds (a parked sign-in).

use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, MutexGuard, PoisonError};

use super::signin::PendingSignIn;
use crate::address::Address;
use crate::discovery::Discovery;
use crate::outcome::Outcome;
use crate::provider::MailServers;

/// The per-process memory of one [`super::Assistant`].
#[derive(Default)]
pub(super) struct Memory {
    discovered: Mutex<HashMap<String, Discovery>>,
    pending: Mutex<HashMap<String, PendingSignIn>>,
    recent: Mutex<HashMap<String, Vec<Outcome>>>,
    typed: Mutex<HashMap<String, MailServers>>,
    device_code_blocked: Mutex<HashSet<String>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Memory {
    /// What discovery found for `address`'s domain, if it ran in this process.
    pub fn discovery(&self, address: &Address) -> Option<Discovery> {
        lock(&self.discovered).get(address.domain()).cloned()
    }

    /// Keeps what discovery found for `address`'s domain.
    pub fn keep_discovery(&self, address: &Address, d: Discovery) {
        lock(&self.discovered).insert(address.domain().to_owned(), d);
    }

    /// Parks a sign-in until the person answers (replacing an older one for the mailbox).
    pub fn park(&self, address: &Address, pending: PendingSignIn) {
        lock(&self.pending).insert(address.normalized().to_owned(), pending);
    }

    /// Takes the sign-in parked for `address`, if any.
    pub fn take_pending(&self, address: &Address) -> Option<PendingSignIn> {
        lock(&self.pending).remove(address.normalized())
    }

    /// Keeps `outcome` as the latest of its action for `address`.
    pub fn remember(&self, address: &Address, outcome: &Outcome) {
        let mut recent = lock(&self.recent);
        let list = recent.entry(address.normalized().to_owned()).or_default();
        list.retain(|o| o.action != outcome.action);
        list.push(outcome.clone());
        list.sort_by_key(|o| o.action as u8);
    }

    /// The latest outcome of each action for `address`.
    pub fn recent(&self, address: &Address) -> Vec<Outcome> {
        lock(&self.recent)
            .get(address.normalized())
            .cloned()
            .unwrap_or_default()
    }

    /// The servers typed in for `address`.
    pub fn typed_servers(&self, address: &Address) -> Option<MailServers> {
        lock(&self.typed).get(address.normalized()).cloned()
    }

    /// Keeps the servers typed in for `address`.
    pub fn type_servers(&self, address: &Address, servers: MailServers) {
        lock(&self.typed).insert(address.normalized().to_owned(), servers);
    }

    /// Remembers that the organisation of `account` refused a sign-in with a code (by its
    /// domain: the app knows no more of the organisation before a sign-in).
    pub fn block_device_code(&self, account: &Address) {
        lock(&self.device_code_blocked).insert(account.domain().to_owned());
    }

    /// Whether the organisation of `account` refused a sign-in with a code in this process.
    pub fn device_code_blocked(&self, account: &Address) -> bool {
        lock(&self.device_code_blocked).contains(account.domain())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outcome::Action;

    fn outcome(action: Action, passed: bool) -> Outcome {
        Outcome {
            action,
            address: "ann@example.edu".into(),
            passed,
            steps: Vec::new(),
            discovery: None,
            account: None,
            confirm: None,
            token: None,
            diagnosis: None,
        }
    }

    #[test]
    fn the_latest_outcome_of_each_action_is_kept_in_order() {
        let m = Memory::default();
        let a = Address::parse("Ann@Example.edu").unwrap();
        m.remember(&a, &outcome(Action::Verify, false));
        m.remember(&a, &outcome(Action::Check, true));
        m.remember(&a, &outcome(Action::Verify, true));
        let kept = m.recent(&Address::parse("ann@example.edu").unwrap());
        assert_eq!(
            kept.iter()
                .map(|o| (o.action, o.passed))
                .collect::<Vec<_>>(),
            [(Action::Check, true), (Action::Verify, true)]
        );
    }

    #[test]
    fn a_poisoned_lock_loses_nothing() {
        let m = std::sync::Arc::new(Memory::default());
        let a = Address::parse("ann@example.edu").unwrap();
        m.remember(&a, &outcome(Action::Check, true));
        let m2 = std::sync::Arc::clone(&m);
        let _ = std::thread::spawn(move || {
            let _held = m2.recent.lock().unwrap();
            panic!("a panic while the lock is held");
        })
        .join();
        assert!(m.recent.is_poisoned());
        assert_eq!(m.recent(&a).len(), 1, "what was kept is still there");
        m.remember(&a, &outcome(Action::Verify, true));
        assert_eq!(m.recent(&a).len(), 2, "and new outcomes are still kept");
    }
}
