//! The settings and what the person typed: the address, the settings file, the app
//! registrations and server settings the app needs, and the app's own internal error.

use super::{Entry, e};
use crate::findings::Audience::*;
use crate::findings::FindingCode::*;
use crate::findings::Param::*;

/// The words for an unexpected internal error (also what [`super::entry`] falls back to).
pub(super) const INTERNAL: Entry = e(
    Internal,
    Helpdesk,
    &[],
    "Something unexpected went wrong in the app",
    "The app ran into an error it did not expect. No sign-in details were lost.",
    &[
        "Try again.",
        "If it repeats, send the report to the app's maintainers.",
    ],
    None,
);

/// The entries of this subject.
pub(super) const ENTRIES: &[Entry] = &[
    e(
        InvalidAddress,
        User,
        &[Problem],
        "That is not an email address we can use",
        "{problem}",
        &["Type just the mailbox address, for example ann@example.edu, and try again."],
        None,
    ),
    e(
        SettingsInvalid,
        Admin,
        &[Problem],
        "The settings cannot be used",
        "The app could not use its settings: {problem}",
        &[
            "Correct the field named above where it is set: in the settings file named, or, when a registry key (HKLM\\SOFTWARE\\Policies\\mailsetup) or a managed preferences file is named, in the Group Policy, Intune or MDM profile that IT deploys.",
            "Leave a field out (or empty) to use the standard value.",
            "Start the app again.",
        ],
        None,
    ),
    e(
        DeploymentFilesNotSaved,
        Admin,
        &[Problem],
        "The deployment files could not be saved",
        "The app could not save the deployment files: {problem}",
        &[
            "Choose a folder you can write to, for example your Documents folder, and save again.",
            "On a network share, check that the share is reachable and that you may write to it.",
        ],
        None,
    ),
    // crate::schedule; pinned by crates/cli/tests/schedule.rs.
    e(
        ScheduleFailed,
        Helpdesk,
        &[Problem],
        "The daily renewal could not be set up",
        "The app could not register its daily renewal of sign-ins with this computer's scheduler: {problem}. Nothing else changed: the sign-ins still work, and opening the app renews the ones that need it.",
        &[
            "Run `mailsetup renew --schedule` again in a terminal of the person's account (not as an administrator): the task belongs to their account.",
            "If it fails again, renew by hand from time to time instead (`mailsetup renew --all`), or let IT schedule that command with their own tools.",
        ],
        None,
    ),
    // The values put into the files for staff are the ones the registration check confirmed
    // (crates/cli/tests/admin_check.rs, `a_passed_check_saves_the_files_for_staff_with_the_checked_values`).
    e(
        DeploymentNeedsPassedCheck,
        Admin,
        &[],
        "Check the app registration first",
        "The files for staff carry the app registration that the check confirmed. No check has passed since the app started, so no files were saved.",
        &[
            "Choose \"Check the app registration\" and sign in with your administrator account.",
            "When every item has passed, save the files for staff again.",
        ],
        None,
    ),
    e(
        AppNotConfigured,
        Admin,
        &[],
        "Microsoft sign-in is not set up for this app yet",
        "To sign in with Microsoft, the app needs your organisation's app registration (a client ID). None is configured, so the app cannot open the Microsoft sign-in page.",
        &[
            "In the Microsoft Entra admin center, register an app: Identity → Applications → App registrations → New registration.",
            "Under Authentication, add the platform \"Mobile and desktop applications\" with the redirect URI http://localhost.",
            "Under API permissions, add the delegated permissions SMTP.Send and IMAP.AccessAsUser.All (listed under Microsoft Graph → Office 365 Exchange Online), plus openid, profile, email and offline_access, and grant consent.",
            "Put the tenant ID and the application (client) ID into the Mail Setup Assistant settings file, [microsoft] client_id and tenant.",
        ],
        Some(
            "https://learn.microsoft.com/entra/identity-platform/scenario-desktop-app-registration",
        ),
    ),
    // The consumers authority (https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc).
    e(
        PersonalSignInNotConfigured,
        Admin,
        &[],
        "Sign-in for personal Microsoft accounts is not set up for this app",
        "Outlook.com and Hotmail accounts sign in at Microsoft's consumer service, which needs an app registration that accepts personal accounts. None is configured.",
        &[
            "In the Microsoft Entra admin center, register an app whose supported account types include \"Personal Microsoft accounts\".",
            "Under Authentication, add the platform \"Mobile and desktop applications\" with the redirect URI http://localhost; add the delegated permissions IMAP.AccessAsUser.All and SMTP.Send (Office 365 Exchange Online), plus offline_access.",
            "Put its application (client) ID into the settings file, [outlook] client_id.",
        ],
        Some("https://learn.microsoft.com/entra/identity-platform/supported-accounts-validation"),
    ),
    e(
        ClientSecretMissing,
        Admin,
        &[ClientId],
        "The app registration needs a client secret",
        "The settings say the app registration {client_id} is a confidential (\"Web\") registration, so Microsoft requires a client secret, but none is stored on this computer.",
        &[
            "Preferably, change the registration to a public client: move the redirect URI to \"Mobile and desktop applications\" and set client_type = \"public\" in the settings.",
            "Otherwise enter the secret once in the app's Admin page (or run: mailsetup admin set-client-secret). It is kept only in this computer's password vault.",
        ],
        Some(
            "https://learn.microsoft.com/entra/identity-platform/scenario-desktop-app-registration",
        ),
    ),
    // Autoconfig (https://github.com/thunderbird/autoconfig) found nothing.
    e(
        ServerSettingsNeeded,
        User,
        &[Domain],
        "The app needs the mail server settings for {domain}",
        "The app could not find out which servers handle mail for {domain}: the provider publishes no automatic settings.",
        &[
            "Enter the incoming (IMAP) and outgoing (SMTP) server names and ports. Your mail provider's help pages or your IT team have them.",
            "Use the secure ports: IMAP 993 (SSL/TLS), SMTP 587 (STARTTLS) or 465 (SSL/TLS). The app never sends a password over an unencrypted connection.",
            "On the command line, add them to the command: `--imap imap.example.net:993 --smtp smtp.example.net:587` (and `--username NAME` when the login is not the address).",
        ],
        Some("https://support.mozilla.org/kb/manual-account-configuration"),
    ),
    e(
        PasswordSignInNeeded,
        User,
        &[Domain, Mailbox],
        "{domain} signs in with a password",
        "This provider offers mail programs no sign-in in the browser. The app signs in with the mailbox's password instead: it checks the password on the mail server (only over an encrypted connection) and keeps it only in this computer's vault.",
        &[
            "Use the password sign-in: Password in the app, or `mailsetup signin {mailbox} --password`.",
        ],
        Some("https://support.mozilla.org/kb/manual-account-configuration"),
    ),
    INTERNAL,
];
