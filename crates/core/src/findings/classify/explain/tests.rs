//! `explain` over every documented Entra error and mail server reply, and the transcripts of
//! public problem reports (the `field_…` tests).

use super::explain;
use crate::findings::FindingCode as C;

fn codes(text: &str) -> Vec<C> {
    explain(text).iter().map(|f| f.code).collect()
}

fn first(text: &str) -> C {
    codes(text)[0]
}

/// Every AADSTS code the app knows, pasted as a browser error page shows it
/// (<https://learn.microsoft.com/entra/identity-platform/reference-error-codes>).
#[test]
fn every_documented_entra_code_has_its_own_finding() {
    #[rustfmt::skip]
    let table: &[(u64, C)] = &[
        (50011, C::AppRedirectNotRegistered), (50020, C::SignedInAsDifferentAccount),
        (50034, C::AccountNotInTenant), (50053, C::AccountBlocked), (50055, C::AccountBlocked),
        (50056, C::AccountBlocked), (50057, C::AccountBlocked), (50058, C::InteractiveRequired),
        (50072, C::MfaSetupRequired), (50074, C::MfaRequired), (50076, C::MfaRequired), (50079, C::MfaSetupRequired),
        (50097, C::BlockedByPolicy), (50129, C::BlockedByPolicy), (53000, C::BlockedByPolicy),
        (53001, C::BlockedByPolicy), (50105, C::UserNotAssigned), (50126, C::AccountBlocked),
        (50131, C::BlockedByPolicy), (50135, C::AccountBlocked), (50173, C::ReauthRequired),
        (50194, C::AppSingleTenantEndpoint), (500011, C::ExchangeNotLicensed),
        (500021, C::BlockedByPolicy), (500022, C::BlockedByPolicy), (500208, C::PersonalAccountNotAllowed),
        (500212, C::BlockedByPolicy), (500213, C::BlockedByPolicy), (53003, C::BlockedByPolicy),
        (530035, C::BlockedByPolicy), (530032, C::BlockedByPolicy), (53004, C::MfaSetupRequired),
        (54005, C::AppBadAuthRequest), (65001, C::AdminConsentRequired), (65004, C::ConsentDeclined),
        (650052, C::ExchangeNotLicensed), (650056, C::AppPermissionsMissing), (650057, C::AppPermissionsMissing),
        (70000, C::RefreshTokenReused), (70001, C::AppDisabled), (7000112, C::AppDisabled),
        (700005, C::TokenStoreAuthorityMismatch), (70008, C::ReauthInactivity), (700016, C::AppNotFoundInTenant),
        (700011, C::AppNotFoundInTenant), (7000215, C::ClientSecretInvalid), (7000218, C::AppRegistrationNotPublicClient),
        (7000222, C::ClientSecretInvalid), (700022, C::AppScopeConfig), (700025, C::AppRegistrationIsPublicClient),
        (700054, C::AppBadAuthRequest), (70011, C::AppScopeConfig), (70016, C::InteractiveRequired),
        (70018, C::AppBadAuthRequest), (70019, C::DeviceCodeExpired), (70043, C::ReauthPolicy),
        (700082, C::ReauthInactivity), (90002, C::TenantNotFound), (90014, C::AppBadAuthRequest),
        (900144, C::AppBadAuthRequest), (9002313, C::AppBadAuthRequest), (9002327, C::AppRegistrationIsSpa),
        (90072, C::AccountNotInTenant), (90094, C::AdminConsentRequired), (90095, C::AdminConsentRequired),
        (900971, C::AppBadAuthRequest), (90102, C::AppBadAuthRequest), (90120, C::DeviceCodeDeclined),
        (500113, C::AppRedirectNotRegistered), (1002016, C::TlsFailed), (50196, C::TooManyRequests),
        (90055, C::TooManyRequests), (28000, C::AppScopeConfig), (7000012, C::TokenStoreAuthorityMismatch),
    ];
    for &(n, want) in table {
        let pasted = format!(
            "Sorry, but we're having trouble signing you in.\nAADSTS{n}: Something about the request.\nTrace ID: 0f1e2d3c-0000-4000-8000-000000000000"
        );
        let found = explain(&pasted);
        assert_eq!(found.len(), 1, "AADSTS{n}: {found:?}");
        assert_eq!(found[0].code, want, "AADSTS{n}");
        assert!(!found[0].steps.is_empty(), "AADSTS{n} has fix steps");
        assert!(
            found[0].doc_url.is_some(),
            "AADSTS{n} has a documentation link"
        );
    }
}

/// Every Exchange Online and Gmail reply the app knows, as a person would copy it.
#[test]
fn every_documented_mail_reply_is_recognised() {
    #[rustfmt::skip]
    let table: &[(&str, C)] = &[
        ("535 5.7.3 Authentication unsuccessful [SN4PR0201CA0045.namprd02.prod.outlook.com]", C::AuthRejected),
        ("535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information.", C::M365SmtpAuthDisabled),
        ("535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.", C::M365SmtpAuthDisabled),
        ("535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator.", C::BlockedByPolicy),
        ("535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.", C::BlockedByPolicy),
        ("535 5.7.139 Authentication unsuccessful, basic authentication is disabled.", C::BasicAuthBlocked),
        ("550 5.7.30 Basic authentication is not supported for Client Submission.", C::BasicAuthBlocked),
        ("530 5.7.57 Client not authenticated to send anonymous mail during MAIL FROM [AM0PR01CA0001.eurprd01.prod.exchangelabs.com]", C::NotAuthenticatedBeforeSend),
        ("550 5.7.57 Client not authenticated to send anonymous mail during MAIL FROM", C::NotAuthenticatedBeforeSend),
        ("5.7.60 SMTP; Client does not have permissions to send as this sender", C::SendAsDenied),
        ("554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message Cannot submit message.", C::SendAsDenied),
        ("554 5.2.252 SendAsDenied; office@example.edu not allowed to send as billing@example.edu; STOREDRV.Submit", C::SendAsDenied),
        ("421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls", C::TlsFailed),
        ("451 4.7.0 Temporary server error. Please try again later. PRX4", C::M365AuthFrontendError),
        ("451 4.7.0 Temporary server error. Please try again later.", C::ServerTemporaryFailure),
        ("451 4.7.500 Server busy. Please try again later from [203.0.113.7]. (AS761)", C::TooManyRequests),
        ("550 5.7.705 Access denied, tenant has exceeded threshold", C::TenantSendingBlocked),
        ("550 5.7.708 Access denied, traffic not accepted from this IP", C::TenantSendingBlocked),
        ("550 5.7.750 Client blocked from sending from unregistered domain", C::SenderDomainNotAccepted),
        ("550 5.1.8 Bad outbound sender", C::MailboxSendingRestricted),
        ("4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded", C::TooManyRequests),
        ("432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded [Hostname=AB1PR01MB0001]", C::TooManyRequests),
        ("504 5.7.4 Unrecognized authentication type [VI1PR0101CA0062.eurprd01.prod.exchangelabs.com]", C::AuthMechanismUnavailable),
        ("535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.", C::AuthRejected),
        ("535 5.7.139 Authentication unsuccessful, account locked.", C::AccountBlocked),
        ("A1 NO AUTHENTICATE failed.", C::AuthRejected),
        ("A2 BAD User is authenticated but not connected.", C::WrongAccountOrNoMailboxAccess),
        ("-ERR Authentication failure: unknown user name or bad password.", C::AuthRejected),
        // Gmail (the support.google.com pages named in the replies).
        ("534-5.7.9 Application-specific password required. Learn more at\n534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor o13sm2119833lfg.90 - gsmtp", C::GmailAppPasswordRequired),
        ("535-5.7.8 Username and Password not accepted. For more information, go to\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials a640c23a62f3a-abc - gsmtp", C::GmailBadAppPassword),
        ("534-5.7.14 <https://accounts.google.com/signin/continue?sarp=1&scc=1&plt=AKgnsbs>\n534-5.7.14 Please log in via your web browser and\n534-5.7.14 then try again.\n534-5.7.14  Learn more at\n534 5.7.14  https://support.google.com/mail/answer/78754 t10sm1 - gsmtp", C::GmailWebLoginRequired),
        ("454-4.7.0 Too many login attempts, please try again later. For more information, go to\n454 4.7.0  https://support.google.com/mail/answer/7126229 x1sm - gsmtp", C::TooManyRequests),
        ("334 eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==", C::AuthRejected),
        ("+ eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==", C::AuthRejected),
        ("* NO [WEBALERT https://accounts.google.com/signin/continue?sarp=1&scc=1&plt=AKgnsbv] Web login required.", C::GmailWebLoginRequired),
        ("a1 NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)", C::GmailAppPasswordRequired),
        ("a1 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)", C::AuthRejected),
    ];
    for &(text, want) in table {
        let found = explain(text);
        assert_eq!(found[0].code, want, "{text}\n→ {found:?}");
        assert!(found[0].doc_url.is_some(), "{text}: documentation link");
        assert!(!found[0].steps.is_empty(), "{text}: fix steps");
    }
}

#[test]
fn field_f01_transcript_names_smtp_auth_disabled_without_per_call_ids() {
    let transcript = "S: 220 XXXX.outlook.office365.com Microsoft ESMTP MAIL Service ready
C: EHLO client
S: 250-XXXX.outlook.office365.com Hello
S: 250-STARTTLS
S: 250 SMTPUTF8
C: STARTTLS
S: 220 2.0.0 SMTP server ready
C: EHLO client
S: 250-AUTH LOGIN XOAUTH2
S: 250 SMTPUTF8
C: AUTH XOAUTH2 dXNlcj11c2VyQGV4YW1wbGUuZWR1AWF1dGg9QmVhcmVyIEFDQ0VTU19UT0tFTgEB
S: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [MN2PR05CA0004.namprd05.prod.outlook.com 2023-09-12T20:59:57.214Z 08DBB276B7E699C4]";
    let found = explain(transcript);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].code, C::M365SmtpAuthDisabled);
    assert!(found[0].explanation.contains("whole organisation"));
    let json = serde_json::to_string(&found).unwrap();
    for secret in [
        "dXNlcj11c2Vy",
        "ACCESS_TOKEN",
        "MN2PR05CA0004",
        "08DBB276B7E699C4",
    ] {
        assert!(!json.contains(secret), "{secret} leaked: {json}");
    }
}

#[test]
fn field_f02_basic_auth_transcripts_from_either_protocol() {
    let smtp = "C: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: dXNlckBleGFtcGxlLmVkdQ==\nS: 334 UGFzc3dvcmQ6\nC: c2VjcmV0\nS: 535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [PN0PR01CA0024.INDPRD01.PROD.OUTLOOK.COM 2025-01-26T18:54:30.055Z 08DD3DD7D75D7743]";
    let imap = "S: * OK Microsoft Exchange IMAP4 service ready.\nC: a1 LOGIN user@hotmail.example ***\nS: a1 NO Basic authentication is disabled.\nS: * BYE Microsoft Exchange Server IMAP4 server signing off.";
    assert_eq!(codes(smtp), [C::BasicAuthBlocked]);
    assert_eq!(codes(imap), [C::BasicAuthBlocked]);
}

#[test]
fn field_f03_transcript_is_wrong_account_or_no_access() {
    let transcript = "S: * OK The Microsoft Exchange IMAP4 service is ready. [TQBOADIAUABSADAANQBDAEEAMAAwADAANAAuAG4AYQBtAHAAcgBkADAANQAuAHAAcgBvAGQALgBvAHUAdABsAG8AbwBrAC4AYwBvAG0A]
C: A0 CAPABILITY
S: * CAPABILITY IMAP4 IMAP4rev1 AUTH=PLAIN AUTH=XOAUTH2 SASL-IR UIDPLUS ID UNSELECT CHILDREN IDLE NAMESPACE LITERAL+
S: A0 OK CAPABILITY completed.
C: A1 AUTHENTICATE XOAUTH2 dXNlcj11c2VyQGV4YW1wbGUuZWR1AWF1dGg9QmVhcmVyIEFDQ0VTU19UT0tFTgEB
S: A1 OK AUTHENTICATE completed.
C: A2 SELECT INBOX
S: A2 BAD User is authenticated but not connected.
S: * BYE Connection closed. 14";
    assert_eq!(codes(transcript), [C::WrongAccountOrNoMailboxAccess]);
}

#[test]
fn field_f08_browser_page_text_is_a_redirect_registration_problem() {
    let page = "Sign in\nSorry, but we're having trouble signing you in.\n\nAADSTS50011: The redirect URI 'http://localhost:8080/finish' specified in the request does not match the redirect URIs configured for the application '<client-id>'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.";
    let found = explain(page);
    assert_eq!(found[0].code, C::AppRedirectNotRegistered);
    assert_ne!(
        found[0].audience,
        crate::findings::Audience::User,
        "never a user error"
    );
}

#[test]
fn field_f11_redirect_urls_with_an_error() {
    assert_eq!(
        first(
            "http://127.0.0.1:53211/?error=access_denied&error_description=The+user+has+denied+access+to+the+scope+requested+by+the+client+application.&state=abc"
        ),
        C::SigninCancelled
    );
    assert_eq!(
        first(
            "GET /?error=invalid_request&error_description=The%20provided%20request%20must%20include%20a%20%27response_type%27%20input%20parameter. HTTP/1.1"
        ),
        C::AppBadAuthRequest
    );
}

#[test]
fn field_f12_personal_account_message() {
    assert_eq!(
        first(
            "AADSTS50020: User account 'user@outlook.com' from identity provider 'live.com' does not exist in tenant '' and cannot access the application '<client-id>' in that tenant."
        ),
        C::PersonalAccountNotAllowed
    );
}

#[test]
fn field_f14_f15_token_endpoint_bodies_json_and_python() {
    assert_eq!(
        first(
            r#"HTTP/1.1 400
{"error":"invalid_grant","error_description":"AADSTS700082: The refresh token has expired due to inactivity. The token was issued on 2024-01-28T19:43:52.3866932Z and was inactive for 90.00:00:00. Trace ID: <id> Correlation ID: <id> Timestamp: 2024-05-23 19:17:36Z","error_codes":[700082],"error_uri":"https://login.microsoftonline.com/error?code=700082"}"#
        ),
        C::ReauthInactivity
    );
    assert_eq!(
        first(
            r"{'error':'invalid_grant','error_description':'AADSTS70043: The refresh token has expired or is invalid due to sign-in frequency checks by conditional access. The token was issued on 2023-06-02T14:27:05Z and the maximum allowed lifetime for this request is 86400.\r\nTrace ID: x','error_codes':[70043],'suberror':'token_expired'}"
        ),
        C::ReauthPolicy
    );
}

#[test]
fn field_f16_f17_pasted_messages() {
    assert_eq!(
        first(
            "AADSTS65001: The user or administrator has not consented to use the application with ID '<client-id>' named 'DavMail'. Send an interactive authorization request for this user and resource."
        ),
        C::AdminConsentRequired
    );
    assert_eq!(
        first(
            r#"{"error":"invalid_client","error_description":"AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'. Trace ID: x","error_codes":[7000218]}"#
        ),
        C::AppRegistrationNotPublicClient
    );
}

#[test]
fn field_f18_gmail_app_password_required_on_both_protocols() {
    let smtp = "S: 534-5.7.9 Application-specific password required. Learn more at\nS: 534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor o13sm2119833lfg.90 - gsmtp";
    let found = explain(smtp);
    assert_eq!(
        found.len(),
        1,
        "continuation lines are one reply: {found:?}"
    );
    assert_eq!(found[0].code, C::GmailAppPasswordRequired);
    assert!(
        !found[0]
            .evidence
            .as_deref()
            .unwrap()
            .contains("o13sm2119833lfg")
    );
    assert_eq!(
        first(
            "S: a1 NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)"
        ),
        C::GmailAppPasswordRequired
    );
}

#[test]
fn field_f20_first_definitive_error_comes_first() {
    let transcript = "C: AUTH LOGIN ...
S: 535-5.7.8 Username and Password not accepted. For more information, go to
S: 535 5.7.8  https://support.google.com/mail/?p=BadCredentials a640c23a62f3a-abc - gsmtp
C: AUTH XOAUTH2 dXNlcj1hQGdtYWlsLmV4YW1wbGUBYXV0aD1CZWFyZXIgYWJjZAEB
S: 334 eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==";
    assert_eq!(codes(transcript)[0], C::GmailBadAppPassword);
}

#[test]
fn bounce_messages_quote_the_reply_mid_line() {
    assert_eq!(
        first(
            "Remote Server returned '554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception'"
        ),
        C::SendAsDenied
    );
    assert_eq!(
        first(
            "Diagnostic-Code: smtp; 550 5.7.750 Client blocked from sending from unregistered domain"
        ),
        C::SenderDomainNotAccepted
    );
}

#[test]
fn unknown_text_is_kept_redacted_and_said_to_be_unknown() {
    let found = explain(
        "The printer says: cannot connect. Token: eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2ln",
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].code, C::UnrecognisedReply);
    let ev = found[0].evidence.as_deref().unwrap();
    assert!(ev.contains("The printer says"), "{ev}");
    assert!(!ev.contains("eyJzdWIiOiJ4In0"), "tokens are removed: {ev}");
    assert_eq!(codes("")[0], C::UnrecognisedReply);
    // Success replies and version numbers are not failures.
    assert_eq!(
        codes("250 2.0.0 OK queued\nTLS 1.2.3 in use"),
        [C::UnrecognisedReply]
    );
}

#[test]
fn arbitrary_bytes_never_panic() {
    for text in [
        "\u{0}\u{1}",
        "5",
        "5.",
        "5.7.",
        "555-",
        "'554",
        "{",
        "{'error':",
        "?error=",
        "AADSTS",
        "AADSTS99999999999999999999",
        "a NO",
        "+ ",
        "334 ",
        "é5.7.1 x",
        "x 4.4.4",
    ] {
        let found = explain(text);
        assert!(!found.is_empty(), "{text:?}");
    }
}

#[test]
fn a_closing_brace_before_the_opening_one_is_not_a_crash() {
    // Fuzzing found this shape: the last `}` before the first `{`.
    let text = "S: 535 5.7.3 Authentication unsuccessful [Hostname=} {ID]";
    assert_eq!(first(text), C::AuthRejected);
    assert_eq!(codes("} {"), [C::UnrecognisedReply]);
}

#[test]
fn pasted_braces_are_words_not_placeholders_and_secrets_are_redacted() {
    let found = explain(r#"{"error":"{problem} refresh_token=0.AXYZsecretsecretSECRET"}"#);
    let text = found[0].to_text();
    assert!(!text.contains("SECRET"), "{text}");
    assert!(text.contains("(problem)"), "{text}");
    let url = explain("http://localhost/?error=%7Bmailbox%7D&state=x");
    assert!(
        url[0].to_text().contains("(mailbox)"),
        "{}",
        url[0].to_text()
    );
}

#[test]
fn a_long_line_without_a_reply_is_unrecognised() {
    // 100 KB of `-a` took minutes when every position rescanned the rest of the line (the
    // bench, not this test, is where time is measured).
    let long = "-a".repeat(50_000);
    assert_eq!(codes(&long), [C::UnrecognisedReply]);
    let braces = format!("{}{}", "{".repeat(50_000), "}".repeat(50_000));
    assert_eq!(codes(&braces), [C::UnrecognisedReply]);
}

#[test]
fn every_repeated_shape_is_read_to_its_end() {
    // 100 KB of each shape that could make a scan start over at every position or every line
    // (`fuzz/run.sh bench` times 1 MiB of them; a quadratic scan of one takes minutes here).
    let shapes: &[(&str, C)] = &[
        ("[", C::UnrecognisedReply),
        ("}", C::UnrecognisedReply),
        (" ", C::UnrecognisedReply),
        ("\n", C::UnrecognisedReply),
        ("S: 535 ", C::UnrecognisedReply),
        ("QUJDREVGR0hJSktMTU5PUFFSU1RVVldY", C::UnrecognisedReply),
        ("535-5.7.8 x\n", C::AuthRejected),
        (
            "S: 535 5.7.3 Authentication unsuccessful\n",
            C::AuthRejected,
        ),
        ("AADSTS50076\n", C::MfaRequired),
        ("+ ", C::UnrecognisedReply),
        ("error=", C::IdpError),
        ("'{\"error\":", C::UnrecognisedReply),
        ("5.7.1 ", C::UnrecognisedReply),
    ];
    for (unit, code) in shapes {
        let text = unit.repeat(100_000 / unit.len());
        assert_eq!(codes(&text), [*code], "{unit:?}");
    }
}

#[test]
fn a_text_over_the_cap_is_refused_with_its_size_before_any_parsing() {
    use super::MAX_TEXT_BYTES;
    // A whole log: the error is in it, but over the cap nothing is parsed.
    let line = "S: 535 5.7.3 Authentication unsuccessful\n";
    let log = line.repeat(MAX_TEXT_BYTES / line.len() + 1);
    let found = explain(&log);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].code, C::PastedTextTooLong);
    let text = found[0].to_text();
    assert!(text.contains("1,048,616 bytes long (1.0 MB)"), "{text}");
    assert!(text.contains("paste them again"), "{text}");
    // At the cap, the text is read.
    let at_cap = format!("{}{}", " ".repeat(MAX_TEXT_BYTES - line.len()), line);
    assert_eq!(at_cap.len(), MAX_TEXT_BYTES);
    assert_eq!(first(&at_cap), C::AuthRejected);
    assert!(
        super::too_long(2_411_724)
            .explanation
            .contains("2,411,724 bytes long (2.3 MB)")
    );
}

#[test]
fn a_help_link_carrying_a_token_is_not_taken_as_the_documentation_link() {
    let token = "AXEA6WgJJ9X2qk7ZyB2Kq1hFq3bW9xRkP0c8sTz5N2LyQrU1dXNv";
    let f = &explain(&format!(
        "535 5.7.3 Authentication unsuccessful https://aka.ms/x?t={token}"
    ))[0];
    assert_eq!(f.code, C::AuthRejected);
    assert!(!f.doc_url.as_deref().unwrap_or("").contains(token), "{f:?}");
    assert!(!f.to_text().contains(token));
}

/// Microsoft's end of password sending (issue 13): every form of the refusal, the password sign-in
/// that `535 5.7.3` answers in a transcript (`C:` lines and swaks' arrows), and the High Volume
/// Email reply. A bare `535 5.7.3` (no sign-in shown) stays a refused sign-in: it answers
/// tokens too.
#[test]
fn every_form_of_the_basic_authentication_refusal_is_recognised() {
    #[rustfmt::skip]
    let table: &[(&str, C)] = &[
        ("550 5.7.30 Basic authentication is not supported for Client Submission.", C::BasicAuthBlocked),
        ("535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [BN9PR03CA0123.namprd03.prod.outlook.com 2026-12-31T08:00:00.000Z 08DD3DD7D75D7743]", C::BasicAuthBlocked),
        ("535 5.7.139 Authentication unsuccessful, the organization configuration does not allow this authentication request. Visit https://aka.ms/smtp_auth_disabled for more information.", C::BasicAuthBlocked),
        ("535 5.7.139 Authentication unsuccessful, the organization configuration doesn't allow this authentication request", C::BasicAuthBlocked),
        ("C: EHLO scanner\nS: 250-AUTH LOGIN XOAUTH2\nC: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: c2Nhbm5lckBleGFtcGxlLmVkdQ==\nS: 334 UGFzc3dvcmQ6\nC: ***\nS: 535 5.7.3 Authentication unsuccessful [SN4PR0201CA0045.namprd02.prod.outlook.com]", C::M365PasswordRefused),
        (" ~> AUTH PLAIN AGFubkBleGFtcGxlLmVkdQBzZWNyZXQ=\n<~  535 5.7.3 Authentication unsuccessful [SN4PR0201CA0045.namprd02.prod.outlook.com]", C::M365PasswordRefused),
        ("C: AUTH XOAUTH2 dXNlcj1h\nS: 535 5.7.3 Authentication unsuccessful [SN4PR0201CA0045.namprd02.prod.outlook.com]", C::AuthRejected),
        ("535 5.7.3 Authentication unsuccessful [SN4PR0201CA0045.namprd02.prod.outlook.com]", C::AuthRejected),
        ("550 5.5.105 External sending is not supported for High Volume Email accounts", C::HighVolumeEmailExternalRecipient),
    ];
    for (text, code) in table {
        assert_eq!(codes(text), [*code], "{text}");
    }
    // The date is in the words the person reads, and no credential of the transcript is.
    let f = &explain(table[4].0)[0];
    assert!(
        f.explanation.contains("end of December 2026"),
        "{}",
        f.explanation
    );
    assert!(f.steps.iter().any(|s| s.contains("mailsetup token")));
    let all = serde_json::to_string(&explain(table[5].0)).unwrap();
    assert!(!all.contains("AGFubkBleGFtcGxlLmVkdQBzZWNyZXQ="), "{all}");
    let f = &explain(table[0].0)[0];
    assert!(
        f.explanation.contains("end of December 2026"),
        "{}",
        f.explanation
    );
}

/// A transcript the app does not recognise keeps the server's lines as evidence, never the
/// client's: they may hold credentials (an `AUTH PLAIN` blob too short for the redaction).
#[test]
fn client_lines_never_reach_the_evidence() {
    for text in [
        " ~> AUTH PLAIN AGFubkBleGFtcGxlLmVkdQBzZWNyZXQ=\n<~  235 2.7.0 Authentication successful",
        "C: AUTH PLAIN AGFubkBleGFtcGxlLmVkdQBzZWNyZXQ=\nS: 235 2.7.0 Authentication successful",
        "AUTH PLAIN AGFubkBleGFtcGxlLmVkdQBzZWNyZXQ=\n235 2.7.0 Authentication successful",
        "C: c2VjcmV0\nS: 250 OK",
    ] {
        let all = serde_json::to_string(&explain(text)).unwrap();
        assert!(!all.contains("AGFubkBleGFtcGxlLmVkdQBzZWNyZXQ="), "{all}");
        assert!(!all.contains("c2VjcmV0"), "{all}");
    }
}

#[test]
fn the_relays_replies_and_a_code_typed_alone_are_this_apps_own_findings() {
    let pasted = "535 5.7.8 mailsetup relay: The program's user name or relay password is not right. In the program's mail settings, put the mailbox address as user name and the relay password shown when the program was added (copy it; it is case-sensitive). [RELAY_PASSWORD_REFUSED]";
    let found = explain(pasted);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].code,
        C::RelayPasswordRefused,
        "not Microsoft's AUTH_REJECTED"
    );
    assert_eq!(
        explain("RELAY_SENDER_NOT_ALLOWED")[0].code,
        C::RelaySenderNotAllowed
    );
    assert_eq!(
        explain("signed_in_as_different_account")[0].code,
        C::SignedInAsDifferentAccount,
        "a code in small letters"
    );
    assert_ne!(
        explain("internal")[0].code,
        C::Internal,
        "a word is not a code"
    );
    let swaks = "<~  250 OK\n ~> DATA\n<~  354 Start mail input\n<** 552 5.3.4 mailsetup relay: The message is too large. Send smaller attachments. [RELAY_MESSAGE_TOO_BIG]";
    assert_eq!(explain(swaks)[0].code, C::RelayMessageTooBig);
    // Anyone's bracketed word is not a code, and a code inside other text is not one typed alone.
    assert_ne!(
        explain("550 5.7.1 mailsetup relay: no [SUCH_CODE]")[0].code,
        C::Internal
    );
    assert_ne!(
        explain("see RELAY_PASSWORD_REFUSED above")[0].code,
        C::RelayPasswordRefused
    );
}

#[test]
fn every_code_typed_alone_is_explained() {
    use strum::IntoEnumIterator as _;
    for code in C::iter() {
        let name: &str = code.into();
        assert_eq!(first(name), code, "{name}");
    }
}

/// A code typed alone names no one: each name reads as the placeholder a fix step shows
/// (`<mailbox address>`), never as a neutral word that makes two names the same ("signed in as
/// the account, not the account"), in every language.
#[test]
fn a_code_typed_alone_shows_placeholders_for_names() {
    use crate::l10n::{Language, with};
    let title = |language| {
        with(language, || {
            explain("SIGNED_IN_AS_DIFFERENT_ACCOUNT")[0].title.clone()
        })
    };
    assert_eq!(
        title(Language::English),
        "The browser signed in as <signed-in account>, not <mailbox address>"
    );
    let spanish = title(Language::Spanish);
    assert!(
        spanish.contains("<cuenta que inició sesión>") && spanish.contains("<dirección del buzón>"),
        "{spanish}"
    );
    let shared = explain("SHARED_MAILBOX_NO_FULL_ACCESS")[0].clone();
    assert_eq!(
        shared.title,
        "<signed-in account> cannot open the shared mailbox <mailbox address>"
    );
    assert!(!shared.explanation.contains('{'), "{}", shared.explanation);
    // A title that starts with a name starts with a capital letter.
    let server = |language| with(language, || explain("PASSWORD_REJECTED")[0].title.clone());
    assert!(
        server(Language::English).starts_with("The server "),
        "{}",
        server(Language::English)
    );
    assert!(
        server(Language::Spanish).starts_with("Este servidor "),
        "{}",
        server(Language::Spanish)
    );
}
