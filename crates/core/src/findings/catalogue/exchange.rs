//! Exchange Online: SMTP AUTH and IMAP for the mailbox, shared mailboxes, licences and the
//! sending blocks of Microsoft 365.

use super::{AdminWords, Entry, e};
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
        "Sending is switched off for apps in your organisation",
        "Microsoft 365 accepted the sign-in, but SMTP AUTH (\"Authenticated SMTP\") is disabled {problem}. Apps can only send mail after an administrator turns it on, even with the modern sign-in. The saved sign-in is fine; reading mail (IMAP) still works.",
        &[
            "Microsoft 365 admin center → Users → Active users → {mailbox} → Mail → Manage email apps → tick \"Authenticated SMTP\" → Save.",
            "Or in Exchange Online PowerShell: Set-CASMailbox -Identity {mailbox} -SmtpClientAuthenticationDisabled $false",
            "If the whole organisation has it switched off, the per-mailbox setting above overrides it; to change it for everyone: Set-TransportConfig -SmtpClientAuthenticationDisabled $false",
            "Wait up to an hour for the change to apply, then verify the mailbox again.",
        ],
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
        "This mailbox does not accept passwords here",
        "Microsoft 365 mailboxes sign in with \"Sign in with Microsoft\", not with a password. Reading mail with a password was switched off earlier, and Microsoft switches off sending with a password (Basic authentication for SMTP) for existing organisations at the end of December 2026. Typing the password again will not help.",
        &[
            "Sign in with Microsoft instead of typing a password: in the app, choose \"Sign in with Microsoft\" (on the command line: mailsetup signin followed by the address).",
            "A program that sends with the mailbox password (a script, a scanner, an older mail program) stops working then too. If it can use a sign-in token, give it `mailsetup token` followed by the address instead of the password (the README shows how for msmtp, curl and Python); if it only knows passwords, let it send through the app's local relay (`mailsetup relay add` followed by the address and a name for the program, or Helpdesk → \"Programs that only know a password\" in the app).",
        ],
        Some(
            "https://techcommunity.microsoft.com/blog/exchange/updated-exchange-online-smtp-auth-basic-authentication-deprecation-timeline/4489835",
        ),
    )
    .admin(AdminWords {
        explanation: "Password (Basic) sign-in for SMTP AUTH is disabled by default for existing Exchange Online tenants at the end of December 2026 (the 27 January 2026 update of the timeline; new tenants never have it); Basic authentication for IMAP and POP is already retired, and an authentication policy or security defaults can block it sooner (\"the organization configuration doesn't allow this authentication request\"). OAuth SMTP AUTH (XOAUTH2) stays supported.",
        steps: &[
            "Move every program that sends with a mailbox password to OAuth: this app signs people in and hands tokens to programs that take one (`mailsetup token`), and runs a local relay on the computer for programs that only know passwords (`mailsetup relay`: loopback only, a relay password per program, sent on with XOAUTH2).",
            "List what still sends with passwords before the date: Microsoft Entra admin center → Sign-in logs, filter \"Client app\" = Authenticated SMTP.",
        ],
    }),
    // 535 5.7.3 in answer to AUTH LOGIN or AUTH PLAIN in a pasted transcript: Exchange's answer to
    // any failed password sign-in; pinned by the test
    // `every_form_of_the_basic_authentication_refusal_is_recognised`.
    e(
        M365PasswordRefused,
        User,
        &[],
        "Microsoft 365 refused the password",
        "The program signed in with a password (what Microsoft calls Basic authentication) and Microsoft 365 said no. Either the password is wrong, or password sign-in is switched off for this mailbox: Microsoft switches off sending with a password for existing organisations at the end of December 2026.",
        &[
            "Set the mailbox up with \"Sign in with Microsoft\" in this app (on the command line: mailsetup signin followed by the address).",
            "If the program can use a sign-in token, give it `mailsetup token` followed by the address instead of the password (the README shows how for msmtp, curl and Python); if it only knows passwords, let it send through the app's local relay (`mailsetup relay add` followed by the address and a name for the program).",
        ],
        Some(
            "https://techcommunity.microsoft.com/blog/exchange/updated-exchange-online-smtp-auth-basic-authentication-deprecation-timeline/4489835",
        ),
    )
    .admin(AdminWords {
        explanation: "Exchange Online answers `535 5.7.3 Authentication unsuccessful` to any failed AUTH LOGIN/PLAIN: a wrong password, or Basic authentication blocked (security defaults, an authentication policy, Conditional Access, or SMTP AUTH Basic disabled by default for existing tenants from the end of December 2026).",
        steps: &[
            "Microsoft Entra admin center → Sign-in logs, filter \"Client app\" = Authenticated SMTP, find the user: the failure reason says which.",
            "Move the program to OAuth (`mailsetup token` gives it a token).",
        ],
    }),
    // 550 5.5.105: pinned by the test `every_form_of_the_basic_authentication_refusal_is_recognised`.
    e(
        HighVolumeEmailExternalRecipient,
        Admin,
        &[],
        "This High Volume Email account cannot send outside your organisation",
        "The message came from a High Volume Email (HVE) account of Exchange Online, and Microsoft refused it because a recipient is outside your organisation. The sign-in itself worked.",
        &[
            "Send from the HVE account only to recipients inside your organisation.",
            "Send mail for outside recipients from a normal mailbox (signed in with this app) or through a service made for bulk external mail, such as Azure Communication Services Email.",
        ],
        None,
    ),
    // IMAP "User is authenticated but not connected"; pinned by the test
    // `field_f03_authenticated_but_not_connected`.
    e(
        WrongAccountOrNoMailboxAccess,
        User,
        &[Mailbox, SignedIn],
        "Signed in, but this account cannot open {mailbox}",
        "The server accepted the sign-in of {signed_in} but could not open the mailbox {mailbox}. Either the browser signed in a different account, or that account has no access to this mailbox.",
        &[
            "Sign in again and choose {mailbox} in the browser (use a private window if another account is signed in).",
            "If {mailbox} is a shared mailbox, ask the administrator for Full Access (reading) and Send As (sending) permissions for {signed_in}.",
        ],
        Some(
            "https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth",
        ),
    )
    .admin(AdminWords {
        explanation: "The identity that signed in cannot open the mailbox named in the sign-in.",
        steps: &[
            "For a shared mailbox: Add-MailboxPermission -Identity {mailbox} -User {signed_in} -AccessRights FullAccess",
            "Check that IMAP is enabled for the mailbox: Get-CASMailbox -Identity {mailbox} | Format-List ImapEnabled",
        ],
    }),
    // IMAP "authenticated but not connected" although the right account signed in
    // (https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/pop3-and-imap4/enable-or-disable-pop3-or-imap4-access);
    // pinned by the test `field_f03_accepted_then_not_connected_with_matching_claims_is_a_closed_mailbox`.
    e(
        MailboxAccessDenied,
        Helpdesk,
        &[Mailbox],
        "{mailbox} signed in, but the server would not open its mailbox",
        "The sign-in is right: it is {mailbox}. Yet the mail server refused to open the mailbox after accepting the sign-in. Usually IMAP is turned off for this mailbox, or the account has no Exchange Online mailbox (licence) yet.",
        &[
            "Ask the administrator to check that IMAP is on for the mailbox: Get-CASMailbox -Identity {mailbox} | Format-List ImapEnabled (turn it on with Set-CASMailbox -Identity {mailbox} -ImapEnabled $true), or in the Microsoft 365 admin center → Users → Active users → the user → Mail → Manage email apps → IMAP.",
            "Check that the user has a licence that includes Exchange Online and that the mailbox exists (it can take a few hours after licensing).",
            "Then verify the mailbox again. The saved sign-in is kept.",
        ],
        Some(
            "https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/pop3-and-imap4/enable-or-disable-pop3-or-imap4-access",
        ),
    ),
    e(
        SharedMailboxNoFullAccess,
        Admin,
        &[SignedIn, Mailbox],
        "{signed_in} cannot open the shared mailbox {mailbox}",
        "The mail server did not let {signed_in} open {mailbox}. Reading a shared mailbox needs the Full Access permission.",
        &[
            "Exchange admin center → Recipients → Mailboxes → {mailbox} → Delegation → Read and manage (Full Access) → add {signed_in}.",
            "Or in Exchange Online PowerShell: Add-MailboxPermission -Identity {mailbox} -User {signed_in} -AccessRights FullAccess",
            "Wait up to an hour, then verify the mailbox again.",
        ],
        Some("https://learn.microsoft.com/exchange/collaboration-exo/shared-mailboxes"),
    ),
    e(
        SharedMailboxNoSendAs,
        Admin,
        &[SignedIn, Mailbox, Problem],
        "{signed_in} cannot send as the shared mailbox {mailbox}",
        "The sending server refused a message from {mailbox} sent by {signed_in}. Sending as a shared mailbox needs the Send As permission ({problem}).",
        &[
            "Exchange admin center → Recipients → Mailboxes → {mailbox} → Delegation → Send as → add {signed_in}.",
            "Or in Exchange Online PowerShell: Add-RecipientPermission -Identity {mailbox} -Trustee {signed_in} -AccessRights SendAs",
            "Wait up to an hour, then verify the mailbox again.",
        ],
        Some("https://learn.microsoft.com/exchange/collaboration-exo/shared-mailboxes"),
    ),
    e(
        TokenWrongResource,
        Admin,
        &[Problem],
        "The sign-in token is for another service",
        "The access token was issued for {problem}, not for Exchange mail (https://outlook.office.com). Mail servers refuse such tokens.",
        &[
            "Request the scopes https://outlook.office.com/SMTP.Send and https://outlook.office.com/IMAP.AccessAsUser.All (not Microsoft Graph scopes such as User.Read) and sign in again.",
            "In the app registration, add the delegated permissions under \"Office 365 Exchange Online\" and grant consent.",
        ],
        Some(
            "https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth",
        ),
    ),
    // AADSTS500011, 650052 (https://learn.microsoft.com/entra/identity-platform/reference-error-codes).
    e(
        ExchangeNotLicensed,
        Admin,
        &[Problem],
        "Your organisation has no Exchange Online mailbox service for this account",
        "Microsoft says the service the app needs (Office 365 Exchange Online) is not available in the tenant or not licensed for this user ({problem}).",
        &[
            "Microsoft 365 admin center → Users → Active users → the user → Licenses and apps: assign a licence that includes Exchange Online.",
            "If the tenant has no Exchange Online at all, mail for this domain is hosted elsewhere: ask who runs it.",
        ],
        Some("https://learn.microsoft.com/entra/identity-platform/reference-error-codes"),
    ),
    // 550 5.7.705 / 5.7.708 (https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-700-through-5-7-750).
    e(
        TenantSendingBlocked,
        Admin,
        &[Problem],
        "Microsoft 365 has blocked your organisation from sending",
        "Exchange Online refused to send because the whole organisation is blocked ({problem}). This usually follows spam from a compromised account, or happens on trial tenants.",
        &[
            "Microsoft 365 Defender portal → Email & collaboration → Review → Restricted entities: check for blocked accounts and secure them.",
            "Open a support request with Microsoft to lift the tenant block; on a trial tenant, buy licences first.",
        ],
        Some(
            "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-700-through-5-7-750",
        ),
    ),
    // 550 5.7.750 (https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-700-through-5-7-750).
    e(
        SenderDomainNotAccepted,
        Admin,
        &[],
        "The sending domain is not part of your organisation",
        "Exchange Online refused the message because it comes from a domain that is not an accepted domain of the tenant (550 5.7.750).",
        &[
            "Exchange admin center → Mail flow → Accepted domains: add and verify the domain, or send from an address in an accepted domain.",
        ],
        Some(
            "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-700-through-5-7-750",
        ),
    ),
    // 550 5.1.8 (https://learn.microsoft.com/exchange/mail-flow-best-practices/fix-issues-with-printers-scanners-and-lob-applications-that-send-email-using-off).
    e(
        MailboxSendingRestricted,
        Admin,
        &[Mailbox],
        "This mailbox has been blocked from sending",
        "Microsoft 365 restricted {mailbox} from sending, usually after it sent spam (550 5.1.8 Bad outbound sender).",
        &[
            "Reset the mailbox password and review its sign-ins and forwarding rules.",
            "Microsoft 365 Defender portal → Review → Restricted entities → remove {mailbox}.",
        ],
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
        "This account may not send from that address",
        "The server refused the message because the sender address is not the signed-in mailbox and the account has no Send As permission for it ({problem}).",
        &[
            "Send from the signed-in address, or",
            "Exchange admin center → Recipients → Mailboxes → the sending address → Delegation → Send as → add the signed-in account (Add-RecipientPermission -Identity <address> -Trustee <account> -AccessRights SendAs).",
        ],
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
        "Exchange Online's front end failed the sign-in to {server}",
        "The server answered the sign-in with \"451 4.7.0 Temporary server error\" and the code {problem}. Despite the word \"temporary\", this error from Exchange Online's front-end servers usually comes back every time: the front end could not hand the sign-in on to the mailbox (for example an empty or expired token, or a mailbox it cannot find).",
        &[
            "Try once more in a few minutes; if the same code comes back, it is not temporary.",
            "Check that the mailbox exists in Exchange Online with a licence, and that Authenticated SMTP is on for it (Microsoft 365 admin center → Users → the user → Mail → Manage email apps).",
            "If it persists, open a Microsoft support case with the evidence below (the code and the server name).",
        ],
        Some(
            "https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission",
        ),
    ),
];
