//! The sign-in in the browser and the saved sign-in: cancelled or lost answers, the wrong
//! account, device codes, consent and sign-ins that must be renewed, whichever provider.

use super::{AdminWords, Entry, e};
use crate::findings::Audience::*;
use crate::findings::FindingCode::*;
use crate::findings::Param::*;

const CONSENT_ADMIN: AdminWords = AdminWords {
    explanation: "Users are asked to accept the app's permissions. If users may not consent in your organisation, grant consent once for everyone.",
    steps: &[
        "Open {authority}/{tenant}/adminconsent?client_id={client_id} as an administrator and accept.",
        "Or: Entra admin center → Enterprise applications → the app → Permissions → Grant admin consent.",
    ],
};

const OTHER_ACCOUNT_ADMIN: AdminWords = AdminWords {
    explanation: "Another account than the mailbox signed in; nothing was stored.",
    steps: &[
        "If this keeps happening on shared computers, ask users to sign out of Microsoft in the browser, or use private windows.",
    ],
};

/// The entries of this subject.
pub(super) const ENTRIES: &[Entry] = &[
    // The browser was already signed in to another account; pinned by the tests
    // `field_f04_admin_token_for_sender_mailbox_is_a_mismatch` and
    // `field_f04_wrong_account_stores_nothing_and_says_who`.
    e(
        SignedInAsDifferentAccount,
        User,
        &[SignedIn, Mailbox, Provider],
        "The browser signed in as {signed_in}, not {mailbox}",
        "You are setting up {mailbox}, but {provider} returned a sign-in for {signed_in}. This usually happens when the browser is already signed in to another {provider} account. Nothing was saved.",
        &[
            "Try again in a private (incognito/InPrivate) browser window, where no account is signed in.",
            "Or, on the {provider} page, choose \"Use another account\" and sign in as {mailbox}.",
            "If {mailbox} is a shared mailbox, sign in with your own account and use the shared mailbox option.",
        ],
        None,
    )
    .admin(OTHER_ACCOUNT_ADMIN),
    // Pinned by the test `field_f11_cancel_in_browser_is_signin_cancelled`.
    e(
        SigninCancelled,
        User,
        &[Provider, Mailbox],
        "The sign-in was cancelled",
        "The sign-in was stopped before it finished (cancelled in the app, or the permissions were declined in the browser), so the app did not get access. Nothing was saved.",
        &[
            "Start the sign-in again and accept the permissions {provider} asks for, choosing {mailbox}.",
        ],
        None,
    ),
    // Pinned by the test `field_f09_no_callback_times_out_reports_mismatch_and_frees_the_port`.
    e(
        SigninNoCallback,
        User,
        &[Duration],
        "The sign-in did not come back to the app",
        "The app waited {duration} but the browser never returned to it. Either the sign-in was not finished, or Microsoft showed an error page instead of returning.",
        &[
            "Look at the browser window: if it shows a code starting with AADSTS, read it to the helpdesk or paste it into the app's error box.",
            "Otherwise start the sign-in again and finish it in the browser.",
            "For the helpdesk: the app's redirect URI must be registered exactly as configured (http://localhost or http://127.0.0.1) under \"Mobile and desktop applications\".",
        ],
        None,
    ),
    e(
        SigninStateMismatch,
        Helpdesk,
        &[],
        "A sign-in answer arrived that this app did not ask for",
        "The browser delivered a sign-in answer whose security check (state) did not match. It may be from an older sign-in tab, or something else on this computer tried to inject a sign-in. It was ignored.",
        &[
            "Close old sign-in tabs and start the sign-in again.",
            "If it happens repeatedly, check the computer for unwanted software.",
        ],
        None,
    ),
    // Pinned by the test `a_second_request_for_the_start_page_ends_the_sign_in`.
    e(
        SigninLinkReopened,
        User,
        &[],
        "The sign-in page was opened twice",
        "The sign-in link from this app opens once. It was opened a second time (the page was reloaded, Back was pressed, or another program on this computer opened it), so the app stopped this sign-in to keep it safe. Nothing was saved.",
        &[
            "Start the sign-in again and go through it in the browser without reloading the page or going back.",
            "If this happens again without anyone reloading the page, ask the helpdesk to check this computer for unwanted software.",
        ],
        None,
    ),
    // The sign-in goes on without the browser: the listener keeps waiting for the link to be
    // opened by hand (tests `field_n11_no_browser_program_shows_the_link_and_the_sign_in_completes`
    // and `a_browser_that_cannot_be_opened_leaves_the_sign_in_waiting`). The link only works on
    // this computer: it is the local listener's address (RFC 8252 §7.3).
    e(
        BrowserOpenFailed,
        User,
        &[Problem, Link, Mailbox],
        "The web browser could not be opened",
        "The app tried to open your web browser for the sign-in, but no browser started ({problem}). The sign-in is still waiting: you can open the sign-in page yourself.",
        &[
            "Open a web browser on this computer, copy this address into it and press Enter: {link} (it works once, while the app is waiting).",
            "Sign in there as {mailbox}. The app continues by itself.",
            "To have the browser open by itself next time, set a default web browser in your computer's settings.",
        ],
        None,
    ),
    e(
        PrivateWindowUnavailable,
        User,
        &[Problem, Link, Mailbox],
        "A private window could not be opened automatically",
        "The app could not start a browser in private mode ({problem}). The sign-in is still waiting: you can open a private window yourself.",
        &[
            "Open a private window in your browser: Ctrl+Shift+N in Edge and Chrome (\"InPrivate\" / \"Incognito\"), Ctrl+Shift+P in Firefox, Cmd+Shift+N in Safari.",
            "Copy this address into it and press Enter: {link} (it works once, while the app is waiting).",
            "Sign in there as {mailbox}. The app continues by itself.",
        ],
        None,
    ),
    e(
        SignedInAsAdmin,
        User,
        &[Mailbox, SignedIn],
        "An administrator account signed in instead of {mailbox}",
        "Microsoft returned a sign-in for {signed_in}, which is an administrator account. An administrator's sign-in is never used for someone else's mailbox. Nothing was saved.",
        &[
            "Try again and pick the account {mailbox} in Microsoft's account list, or use a private window where no account is signed in.",
            "If you are the IT person helping, sign out of your administrator account in this browser first.",
            "If {mailbox} is a shared mailbox, sign in with your own account and use the shared mailbox option.",
        ],
        None,
    )
    .admin(OTHER_ACCOUNT_ADMIN),
    e(
        AccountConfirmationNeeded,
        User,
        &[SignedIn, Mailbox, Provider],
        "Is {signed_in} the right account for {mailbox}?",
        "{provider} signed in {signed_in}, which belongs to the same organisation as {mailbox} but has another name (for example an alias or a different sign-in name). The app needs you to confirm it before saving anything.",
        &[
            "Run the sign-in again in a terminal and answer the question, or add --accept-account {signed_in} if you are sure.",
            "If it is not the right account, sign in again and pick {mailbox}.",
        ],
        None,
    ),
    e(
        DeviceCodeExpired,
        User,
        &[],
        "The sign-in code was not used in time",
        "The code was not entered in time: codes are valid for about 15 minutes, and the app stops waiting sooner when it was started with a shorter time limit (the evidence says how long it waited). Nothing was saved.",
        &["Start the sign-in with a code again and enter the new code promptly."],
        Some("https://learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code"),
    ),
    e(
        DeviceCodeDeclined,
        User,
        &[Mailbox],
        "The sign-in with the code was declined",
        "On the other device the sign-in was cancelled or declined. Nothing was saved.",
        &[
            "Start the sign-in with a code again and accept on the other device, signing in as {mailbox}.",
        ],
        None,
    ),
    // AADSTS530033 ("remote device flow blocked due to device based conditional access", as
    // Entra's sign-in log words it) and AADSTS53003 during a device-code sign-in; after it the
    // app no longer offers the code for that organisation (test
    // `a_device_code_block_means_no_device_code_offer`).
    e(
        DeviceCodeBlocked,
        User,
        &[Mailbox, Provider],
        "Your organisation does not allow signing in with a code",
        "{provider} refused the sign-in with a code on another device: a Conditional Access rule of your organisation blocks it (for example a rule that only allows sign-ins from managed computers). Nothing was saved.",
        &[
            "Sign in in a web browser on this computer instead (Sign in in the app, or `mailsetup signin {mailbox}`). If no browser opens by itself, copy the link the app shows into a browser on this computer.",
            "If this computer has no web browser at all, ask your IT administrator how to set up mail on it.",
        ],
        Some(
            "https://learn.microsoft.com/entra/identity/conditional-access/policy-block-authentication-flows",
        ),
    )
    .admin(AdminWords {
        explanation: "A Conditional Access policy refused the device code flow for this user: AADSTS530033 when a device-based policy cannot check the other device, AADSTS53003 when a policy (for example one on authentication flows) does not allow the token.",
        steps: &[
            "Entra admin center → Sign-in logs → this sign-in → Conditional Access: see which policy applied.",
            "If people must set up mail on computers without a browser, allow the device code flow for this app and these users, or help them sign in in a browser.",
        ],
    }),
    // Google's device flow does not allow the mail scope
    // (<https://developers.google.com/identity/protocols/oauth2/limited-input-device#allowedscopes>).
    e(
        DeviceCodeUnavailable,
        User,
        &[Provider, Mailbox],
        "Signing in with a code is not possible for {mailbox}",
        "{provider} does not offer signing in to mail with a code on another device. Nothing was saved.",
        &[
            "Sign in in a web browser on this computer instead (Sign in in the app, or `mailsetup signin {mailbox}`). If no browser opens by itself, copy the link the app shows into a browser on this computer.",
        ],
        None,
    ),
    e(
        InteractiveRequired,
        User,
        &[Provider, Mailbox, Authority, Tenant, ClientId],
        "Please sign in again",
        "{provider} needs you to confirm the sign-in in the browser again (for example to accept permissions or complete multi-factor authentication).",
        &[
            "Sign in again (Sign in in the app, or `mailsetup signin {mailbox}`) and finish the steps {provider} shows in the browser.",
        ],
        None,
    )
    .admin(CONSENT_ADMIN),
    e(
        ConsentDeclined,
        User,
        &[Provider, Authority, Tenant, ClientId],
        "The permissions were declined",
        "{provider} asked for permission to send and read mail and it was declined, so the app cannot work with the mailbox.",
        &["Sign in again and choose Accept on the permissions page."],
        None,
    )
    .admin(CONSENT_ADMIN),
    // An error the catalogue does not know, shown with its code, the provider's own (redacted)
    // description and the provider's look-up page for it (Microsoft:
    // https://login.microsoftonline.com/error?code=<number>, named in
    // https://learn.microsoft.com/entra/identity-platform/reference-error-codes); pinned by the test
    // `an_unrecognised_aadsts_code_shows_its_code_description_and_lookup_link`.
    e(
        IdpError,
        Helpdesk,
        &[Provider, Problem, Link],
        "{provider} sign-in reported an error",
        "{provider} answered with an error the app does not recognise: {problem}",
        &[
            "Look the error up at {link}: the page explains it and its fix.",
            "Send the evidence below (it holds the IDs {provider} support asks for) to the administrator.",
        ],
        None,
    ),
    // AADSTS50000, 50033, 90033, ... and `temporarily_unavailable` / `server_error`
    // (https://learn.microsoft.com/entra/identity-platform/reference-error-codes,
    // RFC 6749 §4.1.2.1).
    e(
        IdpTemporaryFailure,
        User,
        &[Provider, Problem],
        "{provider}'s sign-in service had a temporary problem",
        "{provider} could not finish the sign-in just now ({problem}). The problem is on {provider}'s side: nothing is wrong with your account or this computer, and nothing was changed.",
        &[
            "Wait a few minutes and try again.",
            "If it keeps happening, give the helpdesk the evidence below: it names the error and its trace IDs.",
        ],
        None,
    ),
    // `disallowed_useragent`: Google refuses sign-in in embedded browsers
    // (https://developers.google.com/identity/protocols/oauth2/policies#browsers); pinned by the
    // test `every_documented_google_error_has_its_own_finding`.
    e(
        EmbeddedBrowserRefused,
        User,
        &[Provider],
        "{provider} does not allow signing in inside this window",
        "The sign-in page was opened inside another program's built-in browser (for example in a chat or mail program), where {provider} does not allow signing in.",
        &[
            "Copy the sign-in link the app shows and open it in your usual web browser (Chrome, Edge, Firefox or Safari).",
            "Or make a normal web browser your computer's default browser, then start the sign-in again.",
        ],
        Some("https://developers.google.com/identity/protocols/oauth2/policies#browsers"),
    ),
    e(
        IdTokenInvalid,
        Admin,
        &[Provider, Problem],
        "{provider}'s answer did not say reliably who signed in",
        "The identity token was missing or did not match this sign-in ({problem}). For safety nothing was saved.",
        &[
            "Make sure the app registration has the openid, profile and email permissions.",
            "Sign in again; if it repeats, send the evidence to the app's maintainers.",
        ],
        None,
    ),
    e(
        TokenIncomplete,
        Admin,
        &[Provider, Problem],
        "{provider} did not grant everything the app needs",
        "The sign-in worked, but {problem}. Nothing was saved.",
        &[
            "App registration → API permissions: add the delegated permissions SMTP.Send, IMAP.AccessAsUser.All and offline_access, then grant consent.",
            "Sign in again.",
        ],
        Some(
            "https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth",
        ),
    ),
    // AADSTS700082 / 70008; pinned by the test `field_f14_f15_refresh_errors`.
    e(
        ReauthInactivity,
        User,
        &[Mailbox],
        "Not used for a while: please sign in again",
        "The saved sign-in expired because it was not used for a long time (Microsoft lets it lapse after about 90 days without use). A sign-in in this state cannot be renewed, so the app removes it from this computer's vault.",
        &["Sign in again as {mailbox}: Sign in in the app, or `mailsetup signin {mailbox}`."],
        Some("https://learn.microsoft.com/entra/identity-platform/refresh-tokens"),
    ),
    // AADSTS70000 when renewing: the refresh token was spent by a renewal whose answer never
    // reached the vault (test `a_kill_during_renewal_never_loses_the_sign_in` in
    // crates/cli/tests/renewal.rs); the record is kept, the person signs in again.
    e(
        RefreshTokenReused,
        User,
        &[Provider, Mailbox],
        "The sign-in was renewed, but the answer never arrived",
        "{provider} says the saved sign-in for {mailbox} was already used to get a new one, and this computer never received the new one. That happens when the app is stopped, or the connection breaks, exactly while {provider} is answering a renewal. Nothing else is wrong; the saved sign-in stays until you sign in again.",
        &["Sign in again as {mailbox}: Sign in in the app, or `mailsetup signin {mailbox}`."],
        Some("https://learn.microsoft.com/entra/identity-platform/refresh-tokens"),
    ),
    // Waiting for another process's renewal of the same mailbox (crate::locks).
    e(
        SignInBusy,
        User,
        &[Mailbox, Problem],
        "Another copy of the app is renewing this sign-in",
        "The sign-in of {mailbox} is being renewed by another copy of Mail Setup Assistant (the desktop app, a command window or a scheduled check), and it has not finished: {problem}. Nothing was changed.",
        &[
            "Wait a minute and try again.",
            "If this keeps happening, close the other copies of Mail Setup Assistant (or restart the computer) and try again.",
        ],
        None,
    ),
    e(
        ReauthRequired,
        User,
        &[Problem, Mailbox],
        "Please sign in again",
        "The saved sign-in is no longer valid ({problem}). This happens after a password change or when an administrator signs you out everywhere. A sign-in in this state cannot be renewed, so the app removes it from this computer's vault.",
        &["Sign in again as {mailbox}: Sign in in the app, or `mailsetup signin {mailbox}`."],
        Some("https://learn.microsoft.com/entra/identity-platform/refresh-tokens"),
    ),
];
