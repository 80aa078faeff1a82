//! The mail protocols (SMTP and IMAP): what a mail server says about the connection, the
//! sign-in and the test message, whoever runs it.

use super::{Entry, e};
use crate::findings::Audience::*;
use crate::findings::FindingCode::*;
use crate::findings::Param::*;

/// The entries of this subject.
pub(super) const ENTRIES: &[Entry] = &[
    e(StarttlsUnavailable, Helpdesk, &[Server], None),
    e(
        AuthMechanismUnavailable,
        Admin,
        &[Server, Problem],
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
        Some("https://developers.google.com/workspace/gmail/imap/xoauth2-protocol"),
    ),
    // XOAUTH2's error challenge, status 400 (test `field_t25_xoauth2_challenge_status_400_and_401_are_told_apart`).
    e(
        Xoauth2BadRequest,
        Helpdesk,
        &[Server, Mailbox],
        Some("https://developers.google.com/workspace/gmail/imap/xoauth2-protocol"),
    ),
    e(
        AuthRejected,
        Helpdesk,
        &[Server, Mailbox],
        Some(
            "https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth",
        ),
    ),
    e(
        PasswordRejected,
        User,
        &[Server, Mailbox],
        Some("https://support.mozilla.org/kb/manual-account-configuration"),
    ),
    e(TestMessageNotFound, Helpdesk, &[Mailbox, Duration], None),
    e(MessageRejected, Helpdesk, &[Problem], None),
    e(UnrecognisedReply, Helpdesk, &[], None),
    // The cap is `MAX_TEXT_BYTES` in findings/classify/explain.rs (test
    // `a_text_over_the_cap_is_refused_with_its_size_before_any_parsing` there).
    e(PastedTextTooLong, Helpdesk, &[Problem], None),
    e(
        Xoauth2BadUsername,
        Helpdesk,
        &[Server, Problem],
        Some(
            "https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth#sasl-xoauth2",
        ),
    ),
    e(
        ServerTemporaryFailure,
        Helpdesk,
        &[Problem],
        Some(
            "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online",
        ),
    ),
    e(
        TooManyRequests,
        Helpdesk,
        &[Problem],
        Some(
            "https://learn.microsoft.com/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits",
        ),
    ),
    // 530 5.7.57 (https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-57-in-exchange-online).
    e(
        NotAuthenticatedBeforeSend,
        Helpdesk,
        &[],
        Some(
            "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-57-in-exchange-online",
        ),
    ),
];
