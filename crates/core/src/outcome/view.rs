//! An [`Outcome`] as the desktop page shows it: the outcome's own JSON fields, plus what the
//! core works out from them for display, so that the page decides nothing itself (the
//! de-duplicated findings, the action in words). The CLI's `--json` output and the saved report
//! keep the plain [`Outcome`].

use serde::Serialize;

use super::Outcome;
use crate::findings::Finding;

/// An [`Outcome`] for the page. JSON: every field of the outcome, unchanged, then
/// `actionLabel` ([`super::Action::label`]) and `findings` ([`Outcome::findings`]: the failed
/// steps' findings in order, each once).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OutcomeView {
    /// The outcome itself.
    #[serde(flatten)]
    pub outcome: Outcome,
    /// What was done, in words, e.g. `Connection check`.
    pub action_label: String,
    /// The findings to show, each once (steps that run concurrently can fail for one reason).
    pub findings: Vec<Finding>,
}

impl From<Outcome> for OutcomeView {
    fn from(outcome: Outcome) -> OutcomeView {
        OutcomeView {
            action_label: outcome.action.label(),
            findings: outcome.findings().cloned().collect(),
            outcome,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::{FindingCode, Param};
    use crate::outcome::Action;
    use crate::progress::{Status, Step, StepRecord};

    fn failed(step: Step, finding: &Finding) -> StepRecord {
        StepRecord {
            step,
            status: Status::Failed,
            start_ms: 0,
            ms: 5,
            detail: None,
            finding: Some(finding.clone()),
        }
    }

    #[test]
    fn the_view_adds_the_label_and_each_finding_once_to_the_outcome_json() {
        let dns = Finding::new(FindingCode::DnsFailed).with(Param::Server, "smtp.example.edu");
        let outcome = Outcome {
            action: Action::Check,
            address: "Ann@example.edu".into(),
            passed: false,
            steps: vec![
                failed(Step::SmtpConnect, &dns),
                failed(Step::ImapConnect, &dns),
            ],
            discovery: None,
            account: None,
            confirm: None,
            token: None,
            diagnosis: None,
        };
        let plain = serde_json::to_value(&outcome).unwrap();
        let mut view = serde_json::to_value(OutcomeView::from(outcome)).unwrap();
        assert_eq!(view["actionLabel"], "Connection check");
        assert_eq!(
            view["findings"],
            serde_json::json!([plain["steps"][0]["finding"]])
        );
        let fields = view.as_object_mut().unwrap();
        fields.remove("actionLabel");
        fields.remove("findings");
        assert_eq!(view, plain, "the outcome's own fields are unchanged");
    }
}
