//! Gmail and Google Workspace: App Passwords, Google's own refusals and "Sign in with Google".

use super::{AdminWords, Entry, e};
use crate::findings::Audience::*;
use crate::findings::FindingCode::*;
use crate::findings::Param::*;

/// Google's guide for desktop apps, whose "Authorization errors" list the OAuth errors of its
/// authorization and token endpoints.
const NATIVE_APP: &str = "https://developers.google.com/identity/protocols/oauth2/native-app";

/// Where a Google Workspace administrator decides which apps may use the organisation's data.
const ADMIN_APP_ACCESS: &str = "Google Admin console (admin.google.com) → Security → Access and data control → API controls → Manage third-party app access → Add app → OAuth App Name Or Client ID → search for {client_id}";

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
    // Refused, and the password typed is not 16 letters (test
    // `a_google_account_password_instead_of_an_app_password_says_so` in
    // crates/cli/tests/providers.rs; App Passwords: https://support.google.com/accounts/answer/185833).
    e(
        GmailNotAnAppPassword,
        User,
        &[],
        "This is not a Google App Password",
        "Google refused the password, and it does not look like an App Password (16 letters that Google shows once when you create one). It is probably your Google account password: Google does not accept that in mail apps.",
        &[
            "Create an App Password at https://myaccount.google.com/apppasswords (2-Step Verification must be on for your Google account).",
            "Paste the 16 letters Google shows into the app (spaces do not matter) and try again.",
        ],
        Some("https://support.google.com/accounts/answer/185833"),
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
    // `admin_policy_enforced` (https://developers.google.com/identity/protocols/oauth2/native-app,
    // https://support.google.com/a/answer/7281227); also at renewal when an administrator
    // restricted Gmail (https://developers.google.com/identity/protocols/oauth2#expiration).
    // Pinned by the test `every_documented_google_error_has_its_own_finding`.
    e(
        GoogleAppBlockedByAdmin,
        Admin,
        &[ClientId],
        "Your organisation's Google administrator does not allow this app",
        "Google refused because the organisation's Google Workspace administrator decides which apps may use its Google data, and this app (OAuth client {client_id}) may not read and send mail (admin_policy_enforced).",
        &[
            ADMIN_APP_ACCESS,
            "Choose the app and set its access to Trusted for the users or organisational units who need it (Gmail is a restricted service: Limited is not enough when Gmail is set to Restricted under API controls → Google services).",
            "Then the user signs in again.",
        ],
        Some("https://support.google.com/a/answer/7281227"),
    ),
    // `access_not_configured`: Google Workspace for Education blocks unconfigured third-party
    // apps for users designated as under 18 (https://support.google.com/accounts/answer/16668185,
    // https://support.google.com/a/answer/13288950). Pinned by the test
    // `google_workspace_for_education_blocks_unconfigured_apps_for_under_18s`.
    e(
        GoogleAppNotConfigured,
        Admin,
        &[ClientId],
        "Your school's Google Workspace has not set up this app for this account",
        "Google Workspace for Education blocks every app an administrator has not reviewed for accounts designated as under 18, and this app (OAuth client {client_id}) has no access setting yet (access_not_configured). The person can only ask for access; an administrator must decide.",
        &[
            ADMIN_APP_ACCESS,
            "Choose the app and set its access (Trusted, as it reads and sends mail) for the organisational units of these users.",
            "Your organisation is responsible for any parental consent it needs before allowing apps for users under 18.",
            "Then the user signs in again.",
        ],
        Some("https://support.google.com/a/answer/13288950"),
    ),
    // `org_internal` (https://developers.google.com/identity/protocols/oauth2/native-app,
    // https://support.google.com/cloud/answer/10311615#user-type).
    e(
        GoogleAppInternalOnly,
        User,
        &[ClientId],
        "This app only accepts accounts of its own Google organisation",
        "The Google sign-in of this app is set to \"Internal\": only accounts of the organisation that owns it may sign in, and the account used is not one of them (org_internal).",
        &[
            "Sign in with your organisation's Google account (your work or school address); use a private window if the browser keeps choosing another account.",
        ],
        Some("https://support.google.com/cloud/answer/10311615#user-type"),
    )
    .admin(AdminWords {
        explanation: "The OAuth client {client_id} belongs to a Google Cloud project whose audience (user type) is Internal.",
        steps: &[
            "If accounts outside the organisation must use it: Google Cloud console → Google Auth Platform → Audience → make the app External (then publish it; Gmail access needs Google's verification for the public).",
        ],
    }),
    // `invalid_client`, `unauthorized_client`
    // (https://developers.google.com/identity/protocols/oauth2/native-app, RFC 6749 §5.2).
    e(
        GoogleClientInvalid,
        Admin,
        &[ClientId, Problem],
        "Google does not accept the app's OAuth client",
        "Google did not accept the OAuth client in the settings ({client_id}): its ID or secret is wrong, or it may not sign in this way ({problem}).",
        &[
            "Google Cloud console → Google Auth Platform → Clients: check that {client_id} exists in the project and is of type \"Desktop app\".",
            "Store its current client secret again: Admin page in the app, or `mailsetup admin set-client-secret --google`.",
            "Then the user signs in again.",
        ],
        Some(NATIVE_APP),
    ),
    // `deleted_client` (https://developers.google.com/identity/protocols/oauth2/native-app,
    // https://support.google.com/cloud/answer/15549257).
    e(
        GoogleClientDeleted,
        Admin,
        &[ClientId],
        "The app's Google OAuth client was deleted",
        "The OAuth client {client_id} named in the settings was deleted in its Google Cloud project, by someone or automatically because it was unused (deleted_client). Nobody can sign in with it until it is restored or replaced.",
        &[
            "Google Cloud console → Google Auth Platform → Clients → Deleted clients: restore {client_id} (possible for 30 days after the deletion).",
            "Otherwise create a new client of type \"Desktop app\", put its ID into the settings ([google] client_id) and store its secret with `mailsetup admin set-client-secret --google`.",
            "Then users sign in again.",
        ],
        Some("https://support.google.com/cloud/answer/15549257"),
    ),
    // `redirect_uri_mismatch` (and `origin_mismatch`, a web client's error): a Desktop app client
    // takes a loopback address with any port
    // (https://developers.google.com/identity/protocols/oauth2/native-app).
    e(
        GoogleClientNotDesktop,
        Admin,
        &[ClientId],
        "The Google OAuth client is not a desktop app client",
        "Google refused the address the sign-in returns to (redirect_uri_mismatch): the OAuth client {client_id} is not of type \"Desktop app\", so it does not accept the app's local return address (http://127.0.0.1 with a port chosen at each sign-in).",
        &[
            "Google Cloud console → Google Auth Platform → Clients → Create client → Application type: Desktop app.",
            "Put its client ID into the settings ([google] client_id) and store its secret with `mailsetup admin set-client-secret --google`.",
        ],
        Some(NATIVE_APP),
    ),
    // `Error 403: access_denied` on Google's page for an app in testing or not verified for a
    // restricted scope (https://support.google.com/cloud/answer/15549945,
    // https://developers.google.com/workspace/gmail/imap/xoauth2-protocol: https://mail.google.com/
    // is restricted).
    e(
        GoogleAppUnverified,
        Admin,
        &[ClientId],
        "Google blocks this app until its Google project is ready for these users",
        "The app's Google project (client {client_id}) is in \"Testing\" and this account is not one of its test users, or it asks for Gmail access — a restricted permission — without having finished Google's verification (Error 403: access_denied).",
        &[
            "Google Cloud console → Google Auth Platform → Audience: for a trial, add the account as a test user (sign-ins of test users expire after 7 days).",
            "For everyone: publish the app and complete Google's verification for the https://mail.google.com/ scope; for one Google Workspace organisation only, make the app Internal instead (no verification needed).",
        ],
        Some("https://support.google.com/cloud/answer/15549945"),
    ),
    // `policy_enforced`: Google's Advanced Protection Program "limits which third-party apps can
    // access your data" (https://support.google.com/accounts/answer/7539956); the code as accounts
    // in it meet it is from public reports (Google's error-code page,
    // https://support.google.com/accounts/answer/16668185, was not read to its end from here).
    e(
        GoogleAdvancedProtection,
        User,
        &[],
        "Google's Advanced Protection blocks this app for your account",
        "Your Google Account is in Google's Advanced Protection Program, which lets only Google's own apps and a few checked ones use your Gmail (policy_enforced). This app cannot be allowed for the account while the protection is on.",
        &[
            "Use Gmail in the browser or in Google's own apps with this account.",
            "Or, if your account may leave the programme, turn Advanced Protection off in your Google Account's security settings, then sign in again.",
        ],
        Some("https://support.google.com/accounts/answer/7539956"),
    ),
    // Granular consent: the person may untick a permission; the token response's `scope` then
    // lacks it (https://developers.google.com/identity/protocols/oauth2/resources/granular-permissions).
    e(
        GoogleScopeNotGranted,
        User,
        &[],
        "The Google sign-in did not allow access to your mail",
        "On Google's permission page the box that lets the app read and send your mail was not ticked, so the app cannot use your mailbox. Nothing was saved.",
        &[
            "Sign in again and, on Google's page, tick \"Read, compose, send and permanently delete all your email from Gmail\" before you continue.",
        ],
        Some("https://developers.google.com/identity/protocols/oauth2/resources/granular-permissions"),
    ),
];
