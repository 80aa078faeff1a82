//! The result of one action of the assistant (connection check, sign-in, verification): its
//! steps, what discovery found and what was stored. The assistant builds it; the report and the
//! page read it.

use serde::{Deserialize, Serialize};

use crate::accounts::AccountSummary;
use crate::address::Address;
use crate::discovery::Discovery;
use crate::findings::Finding;
use crate::progress::{Run, Status, Step, StepRecord};

mod view;
pub use view::OutcomeView;

/// What the assistant was asked to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Connection check.
    Check,
    /// Sign-in.
    SignIn,
    /// Verification.
    Verify,
}

impl Action {
    /// In words, e.g. `Connection check`.
    pub fn label(self) -> String {
        crate::l10n::tr(match self {
            Action::Check => "action-check",
            Action::SignIn => "action-sign-in",
            Action::Verify => "action-verify",
        })
    }
}

/// The result of one action: every step with its status, duration and finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    /// What was done.
    pub action: Action,
    /// The mailbox (display form).
    pub address: String,
    /// True only when every step passed.
    pub passed: bool,
    /// The steps in completion order.
    pub steps: Vec<StepRecord>,
    /// What discovery found, when it ran.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub discovery: Option<Discovery>,
    /// The stored account, after a successful sign-in.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub account: Option<AccountSummary>,
    /// A related account signed in: the person must confirm it ([`crate::assistant::Assistant::confirm_sign_in`]).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub confirm: Option<AccountConfirmation>,
    /// The access token's claims (never the token), after a verification that got one.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub token: Option<crate::oauth::claims::TokenClaims>,
    /// What the connection check learned about the servers (also after a failure).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub diagnosis: Option<crate::diagnosis::Diagnosis>,
}

impl Outcome {
    /// The outcome of `run`: passed when `result` is `Ok` and no step failed.
    pub(crate) fn from_run(
        action: Action,
        address: &Address,
        run: Run<'_>,
        result: Result<(), Finding>,
    ) -> Outcome {
        let mut steps = run.into_records();
        let passed = result.is_ok() && steps.iter().all(|s| s.status != Status::Failed);
        // A failure outside any step (rare) still reaches the person.
        if let Err(f) = &result
            && !steps.iter().any(|s| s.finding.as_ref() == Some(f))
            && steps.iter().all(|s| s.status != Status::Failed)
        {
            steps.push(StepRecord {
                step: Step::Prepare,
                status: Status::Failed,
                start_ms: 0,
                ms: 0,
                detail: None,
                finding: Some(f.clone()),
            });
        }
        Outcome {
            action,
            address: address.display().to_owned(),
            passed,
            steps,
            discovery: None,
            account: None,
            confirm: None,
            token: None,
            diagnosis: None,
        }
    }

    /// The findings of the failed steps, in order, each once (steps that run concurrently can
    /// fail for the same reason, e.g. a DNS failure seen by SMTP and IMAP alike).
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        let mut seen = Vec::new();
        self.steps
            .iter()
            .filter_map(|s| s.finding.as_ref())
            .filter(move |f| {
                let key = (f.code, f.title.clone());
                let new = !seen.contains(&key);
                seen.push(key);
                new
            })
    }
}

/// A related account signed in: the question for the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountConfirmation {
    /// The mailbox being set up (display form).
    pub mailbox: String,
    /// Who signed in.
    pub signed_in: String,
    /// The question, in words.
    pub question: String,
}
