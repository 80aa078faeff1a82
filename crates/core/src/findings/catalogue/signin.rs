//! The sign-in in the browser and the saved sign-in: cancelled or lost answers, the wrong
//! account, device codes, consent and sign-ins that must be renewed, whichever provider.

use super::{Entry, e};
use crate::findings::Audience::*;
use crate::findings::FindingCode::*;
use crate::findings::Param::*;

/// The entries of this subject.
pub(super) const ENTRIES: &[Entry] = &[
    // The browser was already signed in to another account; pinned by the tests
    // `field_f04_admin_token_for_sender_mailbox_is_a_mismatch` and
    // `field_f04_wrong_account_stores_nothing_and_says_who`.
    e(
        SignedInAsDifferentAccount,
        User,
        &[SignedIn, Mailbox, Provider],
        None,
    ),
    // Pinned by the test `field_f11_cancel_in_browser_is_signin_cancelled`.
    e(SigninCancelled, User, &[Provider, Mailbox], None),
    // Pinned by the test `field_f09_no_callback_times_out_reports_mismatch_and_frees_the_port`.
    e(SigninNoCallback, User, &[Duration], None),
    e(SigninStateMismatch, Helpdesk, &[], None),
    // Pinned by the test `a_second_request_for_the_start_page_ends_the_sign_in`.
    e(SigninLinkReopened, User, &[], None),
    // The sign-in goes on without the browser: the listener keeps waiting for the link to be
    // opened by hand (tests `field_n11_no_browser_program_shows_the_link_and_the_sign_in_completes`
    // and `a_browser_that_cannot_be_opened_leaves_the_sign_in_waiting`). The link only works on
    // this computer: it is the local listener's address (RFC 8252 §7.3).
    e(BrowserOpenFailed, User, &[Problem, Link, Mailbox], None),
    e(
        PrivateWindowUnavailable,
        User,
        &[Problem, Link, Mailbox],
        None,
    ),
    e(SignedInAsAdmin, User, &[Mailbox, SignedIn], None),
    e(
        AccountConfirmationNeeded,
        User,
        &[SignedIn, Mailbox, Provider],
        None,
    ),
    e(
        DeviceCodeExpired,
        User,
        &[],
        Some("https://learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code"),
    ),
    e(DeviceCodeDeclined, User, &[Mailbox], None),
    // AADSTS530033 ("remote device flow blocked due to device based conditional access", as
    // Entra's sign-in log words it) and AADSTS53003 during a device-code sign-in; after it the
    // app no longer offers the code for that organisation (test
    // `a_device_code_block_means_no_device_code_offer`).
    e(
        DeviceCodeBlocked,
        User,
        &[Mailbox, Provider],
        Some(
            "https://learn.microsoft.com/entra/identity/conditional-access/policy-block-authentication-flows",
        ),
    ),
    // Google's device flow does not allow the mail scope
    // (<https://developers.google.com/identity/protocols/oauth2/limited-input-device#allowedscopes>).
    e(DeviceCodeUnavailable, User, &[Provider, Mailbox], None),
    e(
        InteractiveRequired,
        User,
        &[Provider, Mailbox, Authority, Tenant, ClientId],
        None,
    ),
    e(
        ConsentDeclined,
        User,
        &[Provider, Authority, Tenant, ClientId],
        None,
    ),
    // An error the catalogue does not know, shown with its code, the provider's own (redacted)
    // description and the provider's look-up page for it (Microsoft:
    // https://login.microsoftonline.com/error?code=<number>, named in
    // https://learn.microsoft.com/entra/identity-platform/reference-error-codes); pinned by the test
    // `an_unrecognised_aadsts_code_shows_its_code_description_and_lookup_link`.
    e(IdpError, Helpdesk, &[Provider, Problem, Link], None),
    // AADSTS50000, 50033, 90033, ... and `temporarily_unavailable` / `server_error`
    // (https://learn.microsoft.com/entra/identity-platform/reference-error-codes,
    // RFC 6749 §4.1.2.1).
    e(IdpTemporaryFailure, User, &[Provider, Problem], None),
    // `disallowed_useragent`: Google refuses sign-in in embedded browsers
    // (https://developers.google.com/identity/protocols/oauth2/policies#browsers); pinned by the
    // test `every_documented_google_error_has_its_own_finding`.
    e(
        EmbeddedBrowserRefused,
        User,
        &[Provider],
        Some("https://developers.google.com/identity/protocols/oauth2/policies#browsers"),
    ),
    e(IdTokenInvalid, Admin, &[Provider, Problem], None),
    e(
        TokenIncomplete,
        Admin,
        &[Provider, Problem],
        Some(
            "https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth",
        ),
    ),
    // AADSTS700082 / 70008; pinned by the test `field_f14_f15_refresh_errors`.
    e(
        ReauthInactivity,
        User,
        &[Mailbox],
        Some("https://learn.microsoft.com/entra/identity-platform/refresh-tokens"),
    ),
    // AADSTS70000 when renewing: the refresh token was spent by a renewal whose answer never
    // reached the vault (test `a_kill_during_renewal_never_loses_the_sign_in` in
    // crates/cli/tests/renewal.rs); the record is kept, the person signs in again.
    e(
        RefreshTokenReused,
        User,
        &[Provider, Mailbox],
        Some("https://learn.microsoft.com/entra/identity-platform/refresh-tokens"),
    ),
    // Waiting for another process's renewal of the same mailbox (crate::locks).
    e(SignInBusy, User, &[Mailbox, Problem], None),
    e(
        ReauthRequired,
        User,
        &[Problem, Mailbox],
        Some("https://learn.microsoft.com/entra/identity-platform/refresh-tokens"),
    ),
];
