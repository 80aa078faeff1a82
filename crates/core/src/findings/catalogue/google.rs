//! Gmail and Google Workspace: App Passwords, Google's own refusals and "Sign in with Google".

use super::{Entry, e};
use crate::findings::Audience::*;
use crate::findings::FindingCode::*;
use crate::findings::Param::*;

/// Google's guide for desktop apps, whose "Authorization errors" list the OAuth errors of its
/// authorization and token endpoints.
const NATIVE_APP: &str = "https://developers.google.com/identity/protocols/oauth2/native-app";

/// The entries of this subject.
pub(super) const ENTRIES: &[Entry] = &[
    // 534 5.7.9 (https://support.google.com/accounts/answer/185833); pinned by the test
    // `field_f18_gmail_app_password_required_on_both_protocols`.
    e(
        GmailAppPasswordRequired,
        User,
        &[],
        Some("https://support.google.com/accounts/answer/185833"),
    ),
    // 535 5.7.8 (https://support.google.com/mail/?p=BadCredentials); pinned by the test
    // `field_f20_first_definitive_error_comes_first`.
    e(
        GmailBadAppPassword,
        User,
        &[],
        Some("https://support.google.com/mail/?p=BadCredentials"),
    ),
    // Refused, and the password typed is not 16 letters (test
    // `a_google_account_password_instead_of_an_app_password_says_so` in
    // crates/cli/tests/providers.rs; App Passwords: https://support.google.com/accounts/answer/185833).
    e(
        GmailNotAnAppPassword,
        User,
        &[],
        Some("https://support.google.com/accounts/answer/185833"),
    ),
    // 534 5.7.14 and IMAP `[WEBALERT]` (https://support.google.com/mail/answer/78754).
    e(
        GmailWebLoginRequired,
        User,
        &[],
        Some("https://support.google.com/mail/answer/78754"),
    ),
    // https://developers.google.com/identity/protocols/oauth2/native-app.
    e(
        GoogleSignInNotConfigured,
        Admin,
        &[],
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
        Some("https://support.google.com/a/answer/13288950"),
    ),
    // `org_internal` (https://developers.google.com/identity/protocols/oauth2/native-app,
    // https://support.google.com/cloud/answer/10311615#user-type).
    e(
        GoogleAppInternalOnly,
        User,
        &[ClientId],
        Some("https://support.google.com/cloud/answer/10311615#user-type"),
    ),
    // `invalid_client`, `unauthorized_client`
    // (https://developers.google.com/identity/protocols/oauth2/native-app, RFC 6749 §5.2).
    e(
        GoogleClientInvalid,
        Admin,
        &[ClientId, Problem],
        Some(NATIVE_APP),
    ),
    // `deleted_client` (https://developers.google.com/identity/protocols/oauth2/native-app,
    // https://support.google.com/cloud/answer/15549257).
    e(
        GoogleClientDeleted,
        Admin,
        &[ClientId],
        Some("https://support.google.com/cloud/answer/15549257"),
    ),
    // `redirect_uri_mismatch` (and `origin_mismatch`, a web client's error): a Desktop app client
    // takes a loopback address with any port
    // (https://developers.google.com/identity/protocols/oauth2/native-app).
    e(GoogleClientNotDesktop, Admin, &[ClientId], Some(NATIVE_APP)),
    // `Error 403: access_denied` on Google's page for an app in testing or not verified for a
    // restricted scope (https://support.google.com/cloud/answer/15549945,
    // https://developers.google.com/workspace/gmail/imap/xoauth2-protocol: https://mail.google.com/
    // is restricted).
    e(
        GoogleAppUnverified,
        Admin,
        &[ClientId],
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
        Some("https://support.google.com/accounts/answer/7539956"),
    ),
    // Granular consent: the person may untick a permission; the token response's `scope` then
    // lacks it (https://developers.google.com/identity/protocols/oauth2/resources/granular-permissions).
    e(
        GoogleScopeNotGranted,
        User,
        &[],
        Some(
            "https://developers.google.com/identity/protocols/oauth2/resources/granular-permissions",
        ),
    ),
];
