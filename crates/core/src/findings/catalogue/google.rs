//! Gmail and Google Workspace: App Passwords, Google's own refusals and "Sign in with Google".

use super::{Entry, e};
use crate::findings::Audience::*;
use crate::findings::FindingCode::*;

/// The entries of this subject.
pub(super) const ENTRIES: &[Entry] = &[
    // 534 5.7.9 (https://support.google.com/accounts/answer/185833); pinned by the test
    // `field_f18_gmail_app_password_required_on_both_protocols`.
    e(
        GmailAppPasswordRequired,
        User,
        &[],
        "That is your Google password; Gmail needs an App Password here",
        "Your Google account has 2-Step Verification, so mail programs must use a 16-letter App Password instead of your normal password.",
        &[
            "Go to https://myaccount.google.com/apppasswords (sign in if asked).",
            "Create an App Password named \"Mail Setup Assistant\" and copy the 16 letters.",
            "Paste them into the app's password field (spaces do not matter).",
        ],
        Some("https://support.google.com/accounts/answer/185833"),
    ),
    // 535 5.7.8 (https://support.google.com/mail/?p=BadCredentials); pinned by the test
    // `field_f20_first_definitive_error_comes_first`.
    e(
        GmailBadAppPassword,
        User,
        &[],
        "Google rejected the App Password",
        "Google did not accept the App Password: it is mistyped, or it was revoked (changing your Google password revokes all App Passwords).",
        &[
            "Create a new App Password at https://myaccount.google.com/apppasswords.",
            "Paste it into the app (spaces do not matter) and try again.",
            "Check that the username is the full address.",
        ],
        Some("https://support.google.com/mail/?p=BadCredentials"),
    ),
    // 534 5.7.14 and IMAP `[WEBALERT]` (https://support.google.com/mail/answer/78754).
    e(
        GmailWebLoginRequired,
        User,
        &[],
        "Google wants you to confirm the sign-in in a browser first",
        "Google blocked this sign-in as unusual until you confirm it on the web.",
        &[
            "Sign in to Gmail in a web browser on this computer and confirm it was you if Google asks.",
            "Then try again here, using an App Password or the Google sign-in.",
        ],
        Some("https://support.google.com/mail/answer/78754"),
    ),
    // https://developers.google.com/identity/protocols/oauth2/native-app.
    e(
        GoogleSignInNotConfigured,
        Admin,
        &[],
        "\"Sign in with Google\" is not set up for this app",
        "To sign in with Google, the app needs an OAuth client of your organisation. None is configured; Gmail and Google Workspace mailboxes can still use an App Password.",
        &[
            "In the Google Cloud console (APIs & Services → Credentials), create an OAuth client ID of type \"Desktop app\".",
            "On the OAuth consent screen, add the scope https://mail.google.com/ (a restricted scope: for use outside your own Workspace, Google's verification is required), and publish the app: in \"Testing\" status refresh tokens expire after 7 days.",
            "Put the client id into the settings file, [google] client_id, and store the client's secret in the vault with: mailsetup admin set-client-secret --google.",
        ],
        Some("https://developers.google.com/identity/protocols/oauth2/native-app"),
    ),
];
