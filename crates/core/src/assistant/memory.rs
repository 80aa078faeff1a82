//! What the assistant remembers within this process, in one owner: discovery results per
//! domain, sign-ins waiting for the person's confirmation, the latest outcome of each action per
//! mailbox (for reports), server settings typed in for a mailbox, the domains whose
//! organisation refused a sign-in with a code, the claims challenge the provider sent with
//! a mailbox's last failure, for its next sign-in (a verification also saves it with the
//! account, for a sign-in in another process), and the latest registration check if it passed
//! (what the files for staff carry).
//!
//! Each map sits behind its own lock. A lock poisoned by a panic elsewhere is taken over, not
//! ignored: every change to a map is one `insert`/`remove`, so a panicking holder cannot leave a
//! map half-changed, and ignoring the lock would silently lose what it holds (a parked sign-in).

use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, MutexGuard, PoisonError};

use super::signin::PendingSignIn;
use crate::address::Address;
use crate::discovery::Discovery;
use crate::findings::ClaimsChallenge;
use crate::outcome::{Action, Outcome};
use crate::provider::MailServers;
use crate::registration::RegistrationReport;

/// The per-process memory of one [`super::Assistant`].
#[derive(Default)]
pub(super) struct Memory {
    discovered: Mutex<HashMap<String, Discovery>>,
    pending: Mutex<HashMap<String, PendingSignIn>>,
    recent: Mutex<HashMap<String, Vec<Outcome>>>,
    typed: Mutex<HashMap<String, MailServers>>,
    device_code_blocked: Mutex<HashSet<String>>,
    claims: Mutex<HashMap<String, ClaimsChallenge>>,
    passed_check: Mutex<Option<RegistrationReport>>,
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

    /// Keeps `outcome` as the latest of its action for `address`, and the claims challenge of
    /// its failure for the next sign-in (a sign-in that passed used it up).
    pub fn remember(&self, address: &Address, outcome: &Outcome) {
        self.keep_claims(address, outcome);
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

    /// The claims challenge the next interactive sign-in of `address` must carry
    /// (<https://learn.microsoft.com/entra/identity-platform/claims-challenge>).
    pub fn claims(&self, address: &Address) -> Option<ClaimsChallenge> {
        lock(&self.claims).get(address.normalized()).cloned()
    }

    fn keep_claims(&self, address: &Address, outcome: &Outcome) {
        let key = address.normalized().to_owned();
        if outcome.action == Action::SignIn && outcome.passed {
            lock(&self.claims).remove(&key);
        } else if let Some(c) = outcome.findings().find_map(|f| f.claims.clone()) {
            lock(&self.claims).insert(key, c);
        }
    }

    /// Keeps the latest registration check: a passed one is kept, any other forgets the one
    /// before (the files for staff follow the latest check only).
    pub fn keep_check(&self, report: &RegistrationReport) {
        *lock(&self.passed_check) = report.passed.then(|| report.clone());
    }

    /// The latest registration check, if it passed.
    pub fn passed_check(&self) -> Option<RegistrationReport> {
        lock(&self.passed_check).clone()
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

    /// N07: the challenge of a failed renewal waits for the next sign-in; a passed sign-in
    /// used it up; an outcome without one leaves it alone.
    #[test]
    fn field_n07_a_claims_challenge_waits_for_the_next_sign_in() {
        use crate::findings::{Finding, FindingCode};
        use crate::progress::{Status, Step, StepRecord};
        let m = Memory::default();
        let a = Address::parse("Ann@Example.edu").unwrap();
        let challenge = ClaimsChallenge::parse(
            r#"{"access_token":{"capolids":{"essential":true,"values":["p1"]}}}"#,
        )
        .unwrap();
        let mut failed = outcome(Action::Verify, false);
        let mut f = Finding::new(FindingCode::MfaRequired);
        f.claims = Some(challenge.clone());
        failed.steps.push(StepRecord {
            step: Step::TokenRefresh,
            status: Status::Failed,
            start_ms: 0,
            ms: 1,
            detail: None,
            finding: Some(f),
        });
        m.remember(&a, &failed);
        assert_eq!(m.claims(&a), Some(challenge.clone()));
        m.remember(&a, &outcome(Action::Check, true));
        m.remember(&a, &outcome(Action::SignIn, false));
        assert_eq!(m.claims(&a), Some(challenge), "kept until a sign-in passes");
        m.remember(&a, &outcome(Action::SignIn, true));
        assert_eq!(m.claims(&a), None);
    }
}
