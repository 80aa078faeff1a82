//! The administrator's check of the organisation's app registration: is the app that staff sign
//! in with set up the way this app needs it?
//!
//! This module owns the facts and the verdict. [`graph`] reads what Microsoft Graph says about
//! the registration with the administrator's token (the application object, the enterprise
//! application, its consent grants and app role assignments, and the names of the permissions
//! they point at); [`judge`] turns those facts into the report's [`CheckItem`]s, each passed,
//! failed with a finding that says the fix in the Entra admin center's words, or not checked and
//! why. Signing the administrator in, trying a stored client secret and assembling the
//! [`RegistrationReport`] are the assistant's (`Assistant::check_registration`). After a passed
//! check, [`staff_values`] are the settings for staff that the deployment files carry.

mod for_staff;
pub mod graph;
mod verdict;

#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::findings::Finding;
use crate::progress::StepRecord;

pub use for_staff::{FilledValue, StaffFiles, filled, staff_values};
pub use graph::Facts;
pub use verdict::{Expected, SecretTrial, judge};

/// Microsoft Graph's application id, the same in every tenant
/// (<https://learn.microsoft.com/troubleshoot/entra/entra-id/governance/verify-first-party-apps-sign-in>).
pub const GRAPH_APP_ID: &str = "00000003-0000-0000-c000-000000000000";
/// Office 365 Exchange Online's application id, the same in every tenant (same page).
pub const EXCHANGE_APP_ID: &str = "00000002-0000-0ff1-ce00-000000000000";

/// One thing the check looks at. Serialised in `snake_case`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, strum::EnumIter)]
#[serde(rename_all = "snake_case")]
pub enum ItemId {
    /// The client id is an app of this organisation (or one it consented to).
    Registration,
    /// The enterprise application is enabled.
    Enabled,
    /// A public client: "Mobile and desktop applications", public client flows allowed.
    PublicClient,
    /// A confidential ("Web") registration: a client secret is stored here and accepted.
    ClientSecret,
    /// The loopback redirect URI the app uses is registered under the right platform.
    Redirect,
    /// The delegated permissions the app needs are in the registration.
    Permissions,
    /// An administrator consented to them for the whole organisation.
    Consent,
    /// No permissions the app does not need (application permissions above all).
    Unneeded,
}

impl ItemId {
    /// What the item checks, in plain words in the app's language (`check-item-*` in
    /// `registration.ftl`).
    pub fn label(self) -> String {
        crate::l10n::tr(match self {
            ItemId::Registration => "check-item-registration",
            ItemId::Enabled => "check-item-enabled",
            ItemId::PublicClient => "check-item-public-client",
            ItemId::ClientSecret => "check-item-client-secret",
            ItemId::Redirect => "check-item-redirect",
            ItemId::Permissions => "check-item-permissions",
            ItemId::Consent => "check-item-consent",
            ItemId::Unneeded => "check-item-unneeded",
        })
    }
}

/// How an item came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    /// Set up as the app needs it.
    Passed,
    /// Not set up as the app needs it: the item's finding says the fix.
    Failed,
    /// Could not be checked (the detail says why; the finding, when there is one, what to do).
    NotChecked,
}

/// One item of the check.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckItem {
    /// Which item.
    pub id: ItemId,
    /// What it checks, in plain words.
    pub label: String,
    /// How it came out.
    pub status: ItemStatus,
    /// What the check saw, in one sentence.
    pub detail: String,
    /// The fix (failed), or what to do about an item that could not be checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub finding: Option<Finding>,
}

impl CheckItem {
    pub(crate) fn passed(id: ItemId, detail: impl Into<String>) -> CheckItem {
        CheckItem {
            id,
            label: id.label(),
            status: ItemStatus::Passed,
            detail: detail.into(),
            finding: None,
        }
    }

    /// A failed item; its detail is the finding's title.
    pub(crate) fn failed(id: ItemId, finding: Finding) -> CheckItem {
        let finding = for_the_administrator(finding);
        CheckItem {
            id,
            label: id.label(),
            status: ItemStatus::Failed,
            detail: finding.title.clone(),
            finding: Some(finding),
        }
    }

    pub(crate) fn not_checked(
        id: ItemId,
        detail: impl Into<String>,
        finding: Option<Finding>,
    ) -> CheckItem {
        CheckItem {
            id,
            label: id.label(),
            status: ItemStatus::NotChecked,
            detail: detail.into(),
            finding: finding.map(for_the_administrator),
        }
    }
}

/// An administrator's finding as the administrator who ran the check reads it: without the
/// sentence that tells a user to pass it on.
pub(crate) fn for_the_administrator(finding: Finding) -> Finding {
    Finding {
        for_user: None,
        ..finding.finish()
    }
}

/// The result of the registration check, for `mailsetup admin check` and the administrator page.
/// Nothing of the administrator's sign-in is in it but the account's name.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RegistrationReport {
    /// True only when every item passed.
    pub passed: bool,
    /// The result in one sentence.
    pub summary: String,
    /// The registration checked (`[microsoft] client_id`).
    pub client_id: Option<String>,
    /// The organisation checked: the tenant of the administrator who signed in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    /// The administrator's account (shown, never stored).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed_in: Option<String>,
    /// The registration's display name, when it was found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_name: Option<String>,
    /// The items, in order; empty when the check could not run.
    pub items: Vec<CheckItem>,
    /// Why the check could not run (or stopped), when it did not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub finding: Option<Finding>,
    /// The steps it took (the administrator's sign-in, reading the registration, the secret).
    pub steps: Vec<StepRecord>,
}

impl RegistrationReport {
    /// The report of a check that ran: passed when every item passed.
    pub fn new(items: Vec<CheckItem>, steps: Vec<StepRecord>) -> RegistrationReport {
        let failed = items
            .iter()
            .filter(|i| i.status == ItemStatus::Failed)
            .count();
        let unchecked = items
            .iter()
            .filter(|i| i.status == ItemStatus::NotChecked)
            .count();
        let count = |n: usize| crate::l10n::Value::from(n);
        let args = [
            ("failed", count(failed)),
            ("unchecked", count(unchecked)),
            ("total", count(items.len())),
        ];
        let id = match (failed, unchecked) {
            (0, 0) => "check-summary-ready",
            (_, 0) => "check-summary-failed",
            (0, _) => "check-summary-unchecked",
            _ => "check-summary-failed-unchecked",
        };
        let summary = crate::l10n::tr_with(id, &args);
        RegistrationReport {
            passed: !items.is_empty() && failed == 0 && unchecked == 0,
            summary,
            client_id: None,
            tenant_id: None,
            signed_in: None,
            app_name: None,
            items,
            finding: None,
            steps,
        }
    }

    /// The report of a check that could not run: `finding` says why.
    pub fn stopped(finding: Finding, steps: Vec<StepRecord>) -> RegistrationReport {
        let finding = for_the_administrator(finding);
        RegistrationReport {
            summary: crate::l10n::tr_with(
                "check-summary-stopped",
                &[("title", finding.title.clone().into())],
            ),
            finding: Some(finding),
            ..RegistrationReport::new(Vec::new(), steps)
        }
    }
}
