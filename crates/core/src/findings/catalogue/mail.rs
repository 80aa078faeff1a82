//! The mail protocols (SMTP and IMAP): what a mail server says about the connection, the
//! sign-in and the test message, whoever runs it.

use super::{Entry, e};
use crate::findings::Audience::*;
use crate::findings::FindingCode::*;
use crate::findings::Param::*;

/// The entries of this subject.
pub(super) const ENTRIES: &[Entry] = &[
    e(
        StarttlsUnavailable,
        Helpdesk,
        &[Server],
        "{server} does not offer a secure connection",
        "The sending server did not offer STARTTLS, so the app will not send your sign-in over this connection. Something on the network may be stripping encryption, or this is not the right server.",
        &[
            "Check the server and port in the settings (Microsoft 365: smtp.office365.com port 587).",
            "Ask the network administrator whether a firewall rewrites mail traffic (\"SMTP inspection\").",
        ],
        None,
    ),
    e(
        AuthMechanismUnavailable,
        Admin,
        &[Server, Problem],
        "{server} does not offer the sign-in method this account needs",
        "The server did not list {problem} among its sign-in methods after the connection was secured.",
        &[
            "Check that the server in the settings is the right one for this provider.",
            "For Microsoft 365, make sure SMTP AUTH is enabled for the mailbox (see the next steps if sending fails).",
        ],
        Some(
            "https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission",
        ),
    ),
    // XOAUTH2's error challenge, status 401 (Google's XOAUTH2 protocol page); a saved token
    // refused so is renewed and tried once (test
    // `field_t25_a_refused_saved_token_is_dropped_renewed_and_tried_once`).
    e(
        AccessTokenRefused,
        Helpdesk,
        &[Server, Mailbox],
        "{server} did not accept the sign-in token",
        "The mail server said the access token for {mailbox} has expired or is not valid (XOAUTH2 status 401). A saved token refused like this is renewed and tried once more; when a token this new is refused too, it was usually made without the mail permission or for another service.",
        &[
            "Sign in again as {mailbox}: Sign in in the app, or `mailsetup signin {mailbox}`.",
            "If it happens again, ask the administrator to check that the app registration has the mail permissions (Microsoft: SMTP.Send and IMAP.AccessAsUser.All; Google: https://mail.google.com/).",
        ],
        Some("https://developers.google.com/workspace/gmail/imap/xoauth2-protocol"),
    ),
    // XOAUTH2's error challenge, status 400 (test `field_t25_xoauth2_challenge_status_400_and_401_are_told_apart`).
    e(
        Xoauth2BadRequest,
        Helpdesk,
        &[Server, Mailbox],
        "{server} could not use the sign-in request",
        "The mail server answered the sign-in for {mailbox} with status 400 (bad request): the user name sent with the token does not belong to the token's account, or the token was made for another service. Renewing the token would not help.",
        &[
            "Sign in again as {mailbox}, choosing exactly that account in the browser.",
            "If {mailbox} is a shared mailbox, set it up with the shared mailbox option, so that you sign in with your own account.",
        ],
        Some("https://developers.google.com/workspace/gmail/imap/xoauth2-protocol"),
    ),
    e(
        AuthRejected,
        Helpdesk,
        &[Server, Mailbox],
        "{server} refused the sign-in",
        "The mail server did not accept the sign-in for {mailbox}. Common causes: the sign-in belongs to another account, the token has expired or was made for the wrong service, or sending/reading by apps is disabled for this mailbox.",
        &[
            "Sign in again in this app, and make sure you choose {mailbox} in the browser.",
            "Ask the administrator to check that SMTP AUTH and IMAP are enabled for {mailbox} (Get-CASMailbox -Identity {mailbox} | Format-List SmtpClientAuthenticationDisabled,ImapEnabled).",
        ],
        Some(
            "https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth",
        ),
    ),
    e(
        PasswordRejected,
        User,
        &[Server, Mailbox],
        "{server} did not accept the password for {mailbox}",
        "The mail server refused the password, so nothing was saved. Either it was mistyped, or the provider wants a different kind of password for mail programs.",
        &[
            "Type the password again (check Caps Lock and the keyboard layout).",
            "Some providers need a separate password for mail programs (an \"app password\") when two-step sign-in is on: look in your mail account's security settings.",
            "If it keeps failing, ask your mail provider or IT team whether IMAP and SMTP access are allowed for your mailbox.",
        ],
        Some("https://support.mozilla.org/kb/manual-account-configuration"),
    ),
    e(
        TestMessageNotFound,
        Helpdesk,
        &[Mailbox, Duration],
        "The test message did not arrive",
        "The test message was accepted for sending, but it did not show up in the inbox of {mailbox} within {duration}.",
        &[
            "Wait a minute and look in the inbox and the junk folder for \"Mail Setup Assistant test message\".",
            "If it never arrives, a mail flow rule or filter may be holding it; the administrator can trace it in the Exchange admin center → Mail flow → Message trace.",
        ],
        None,
    ),
    e(
        MessageRejected,
        Helpdesk,
        &[Problem],
        "The server would not accept the test message",
        "Signing in worked, but the server refused the message ({problem}).",
        &["Give the evidence to the administrator: it says why the server refused."],
        None,
    ),
    e(
        UnrecognisedReply,
        Helpdesk,
        &[],
        "The app does not recognise this answer",
        "The app has no explanation for this text (a server reply or an error message) yet. The text is kept below, with personal and secret parts removed.",
        &[
            "Send the text below to your helpdesk; the helpdesk passes it on to the app's maintainers, so that the app learns to explain it.",
        ],
        None,
    ),
    // The cap is `MAX_TEXT_BYTES` in findings/classify/explain.rs (test
    // `a_text_over_the_cap_is_refused_with_its_size_before_any_parsing` there).
    e(
        PastedTextTooLong,
        Helpdesk,
        &[Problem],
        "The pasted text is too long",
        "The text is {problem}: the app reads at most 1 MB of pasted text. An error message or a server's reply is a few lines; a whole log is too much to explain.",
        &[
            "Copy only the lines with the error (for example the line starting with a number such as 535, or the AADSTS message) and paste them again.",
        ],
        None,
    ),
    e(
        Xoauth2BadUsername,
        Helpdesk,
        &[Server, Problem],
        "{server} refused the sign-in name sent with the token",
        "The mail server says the user name inside the XOAUTH2 sign-in is not a valid mail address ({problem}). This is not a password or permission problem: the app must send the mailbox's plain address (no display name, no spaces).",
        &[
            "Check that the mailbox address saved for this account is a plain address (Helpdesk → the account), then sign in again.",
            "If it is, save the report and send it with the app's version to the Mail Setup Assistant maintainers.",
        ],
        Some(
            "https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth#sasl-xoauth2",
        ),
    ),
    e(
        ServerTemporaryFailure,
        Helpdesk,
        &[Problem],
        "The mail server had a temporary problem",
        "The server answered with a temporary error ({problem}). Nothing is wrong with the account.",
        &[
            "Try again in a few minutes.",
            "If it lasts more than an hour, check the provider's service status page.",
        ],
        Some(
            "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online",
        ),
    ),
    e(
        TooManyRequests,
        Helpdesk,
        &[Problem],
        "Too many attempts in a short time",
        "The server is slowing down requests from this computer or account ({problem}). This is temporary.",
        &[
            "Wait 15 minutes, then try once.",
            "Make sure no other program keeps trying to sign in to this mailbox with an old password.",
        ],
        Some(
            "https://learn.microsoft.com/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits",
        ),
    ),
    // 530 5.7.57 (https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-57-in-exchange-online).
    e(
        NotAuthenticatedBeforeSend,
        Helpdesk,
        &[],
        "The program tried to send without signing in first",
        "The server refused to accept mail because no sign-in had succeeded on the connection (530 5.7.57). The sign-in was skipped or failed without the program noticing.",
        &[
            "Check the program's sending settings: it must sign in (SMTP AUTH) on port 587 after STARTTLS before sending.",
        ],
        Some(
            "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-57-in-exchange-online",
        ),
    ),
];
