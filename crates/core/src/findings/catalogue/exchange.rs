//! Exchange Online: SMTP AUTH and IMAP for the mailbox, shared mailboxes, licences and the
//! sending blocks of Microsoft 365.

use super::{Entry, e};
use crate::findings::Audience::*;
use crate::findings::FindingCode::*;
use crate::findings::Param::*;

/// The entries of this subject.
pub(super) const ENTRIES: &[Entry] = &[
    // 535 5.7.139 (https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission);
    // pinned by the test `field_f01_smtp_auth_disabled_for_tenant`.
    e(
        M365SmtpAuthDisabled,
        Admin,
        &[Problem, Mailbox],
        Some(
            "https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission",
        ),
    ),
    // 535 5.7.139 "basic authentication is disabled" or "the organization configuration doesn't
    // allow this authentication request", 550 5.7.30; a password for a Microsoft mailbox. The
    // date: the Exchange Team's timeline (doc link), updated 27 January 2026. Pinned by the tests
    // `field_f02_basic_auth_blocked_on_both_protocols` and
    // `every_form_of_the_basic_authentication_refusal_is_recognised`.
    e(
        BasicAuthBlocked,
        User,
        &[],
        Some(
            "https://techcommunity.microsoft.com/blog/exchange/updated-exchange-online-smtp-auth-basic-authentication-deprecation-timeline/4489835",
        ),
    ),
    // 535 5.7.3 in answer to AUTH LOGIN or AUTH PLAIN in a pasted transcript: Exchange's answer to
    // any failed password sign-in; pinned by the test
    // `every_form_of_the_basic_authentication_refusal_is_recognised`.
    e(
        M365PasswordRefused,
        User,
        &[],
        Some(
            "https://techcommunity.microsoft.com/blog/exchange/updated-exchange-online-smtp-auth-basic-authentication-deprecation-timeline/4489835",
        ),
    ),
    // 550 5.5.105: pinned by the test `every_form_of_the_basic_authentication_refusal_is_recognised`.
    e(HighVolumeEmailExternalRecipient, Admin, &[], None),
    // IMAP "User is authenticated but not connected"; pinned by the test
    // `field_f03_authenticated_but_not_connected`.
    e(
        WrongAccountOrNoMailboxAccess,
        User,
        &[Mailbox, SignedIn],
        Some(
            "https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth",
        ),
    ),
    // IMAP "authenticated but not connected" although the right account signed in
    // (https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/pop3-and-imap4/enable-or-disable-pop3-or-imap4-access);
    // pinned by the test `field_f03_accepted_then_not_connected_with_matching_claims_is_a_closed_mailbox`.
    e(
        MailboxAccessDenied,
        Helpdesk,
        &[Mailbox],
        Some(
            "https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/pop3-and-imap4/enable-or-disable-pop3-or-imap4-access",
        ),
    ),
    e(
        SharedMailboxNoFullAccess,
        Admin,
        &[SignedIn, Mailbox],
        Some("https://learn.microsoft.com/exchange/collaboration-exo/shared-mailboxes"),
    ),
    e(
        SharedMailboxNoSendAs,
        Admin,
        &[SignedIn, Mailbox, Problem],
        Some("https://learn.microsoft.com/exchange/collaboration-exo/shared-mailboxes"),
    ),
    e(
        TokenWrongResource,
        Admin,
        &[Problem],
        Some(
            "https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth",
        ),
    ),
    // AADSTS500011, 650052 (https://learn.microsoft.com/entra/identity-platform/reference-error-codes).
    e(
        ExchangeNotLicensed,
        Admin,
        &[Problem],
        Some("https://learn.microsoft.com/entra/identity-platform/reference-error-codes"),
    ),
    // 550 5.7.705 / 5.7.708 (https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-700-through-5-7-750).
    e(
        TenantSendingBlocked,
        Admin,
        &[Problem],
        Some(
            "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-700-through-5-7-750",
        ),
    ),
    // 550 5.7.750 (https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-700-through-5-7-750).
    e(
        SenderDomainNotAccepted,
        Admin,
        &[],
        Some(
            "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-700-through-5-7-750",
        ),
    ),
    // 550 5.1.8 (https://learn.microsoft.com/exchange/mail-flow-best-practices/fix-issues-with-printers-scanners-and-lob-applications-that-send-email-using-off).
    e(
        MailboxSendingRestricted,
        Admin,
        &[Mailbox],
        Some(
            "https://learn.microsoft.com/defender-office-365/outbound-spam-restore-restricted-users",
        ),
    ),
    // 5.7.60 (https://learn.microsoft.com/exchange/mail-flow-best-practices/fix-issues-with-printers-scanners-and-lob-applications-that-send-email-using-off) and SendAsDenied
    // (https://learn.microsoft.com/exchange/collaboration-exo/shared-mailboxes).
    e(
        SendAsDenied,
        Admin,
        &[Problem],
        Some("https://learn.microsoft.com/exchange/collaboration-exo/shared-mailboxes"),
    ),
    // `451 4.7.0 Temporary server error. Please try again later. PRX4` in reply to AUTH: it
    // repeated for months for the same users (https://github.com/jstedfast/MailKit/issues/566),
    // after an empty credential (https://github.com/harishkrupo/oauth2ms/issues/5). Pinned by the
    // test `field_n09_prx_after_auth_is_a_front_end_error_not_a_temporary_one`.
    e(
        M365AuthFrontendError,
        Helpdesk,
        &[Server, Problem],
        Some(
            "https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission",
        ),
    ),
];
