//! The settings and what the person typed: the address, the settings file, the app
//! registrations and server settings the app needs, and the app's own internal error.

use super::{Entry, e};
use crate::findings::Audience::*;
use crate::findings::FindingCode::*;
use crate::findings::Param::*;

/// The words for an unexpected internal error (also what [`super::entry`] falls back to).
pub(super) const INTERNAL: Entry = e(Internal, Helpdesk, &[], None);

/// The entries of this subject.
pub(super) const ENTRIES: &[Entry] = &[
    e(InvalidAddress, User, &[Problem], None),
    e(SettingsInvalid, Admin, &[Problem], None),
    e(DeploymentFilesNotSaved, Admin, &[Problem], None),
    // crate::schedule; pinned by crates/cli/tests/schedule.rs.
    e(ScheduleFailed, Helpdesk, &[Problem], None),
    // The values put into the files for staff are the ones the registration check confirmed
    // (crates/cli/tests/admin_check.rs, `a_passed_check_saves_the_files_for_staff_with_the_checked_values`).
    e(DeploymentNeedsPassedCheck, Admin, &[], None),
    e(
        AppNotConfigured,
        Admin,
        &[],
        Some(
            "https://learn.microsoft.com/entra/identity-platform/scenario-desktop-app-registration",
        ),
    ),
    // The consumers authority (https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc).
    e(
        PersonalSignInNotConfigured,
        Admin,
        &[],
        Some("https://learn.microsoft.com/entra/identity-platform/supported-accounts-validation"),
    ),
    e(
        ClientSecretMissing,
        Admin,
        &[ClientId],
        Some(
            "https://learn.microsoft.com/entra/identity-platform/scenario-desktop-app-registration",
        ),
    ),
    // Autoconfig (https://github.com/thunderbird/autoconfig) found nothing.
    e(
        ServerSettingsNeeded,
        User,
        &[Domain],
        Some("https://support.mozilla.org/kb/manual-account-configuration"),
    ),
    e(
        PasswordSignInNeeded,
        User,
        &[Domain, Mailbox],
        Some("https://support.mozilla.org/kb/manual-account-configuration"),
    ),
    INTERNAL,
];
