//! Mail server replies → findings: SMTP (single or multi-line, RFC 5321 §4.2.1) and IMAP
//! (`NO`/`BAD`/`BYE`, response codes such as `[AUTHENTICATIONFAILED]` or `[ALERT]`).
//!
//! Rules match on the status code, the enhanced status code (RFC 3463) and keywords, never on
//! whole strings, because providers reword their texts and append per-call ids. The first
//! matching rule wins, so specific rules come before generic ones.

use crate::findings::{Finding, FindingCode, Param};

/// Which side of the conversation produced a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    /// SMTP submission.
    Smtp,
    /// IMAP.
    Imap,
}

/// One keyword rule. All of `keywords` must appear (case-insensitive) in the joined text.
struct Rule {
    protocol: Option<Protocol>,
    /// Basic status code prefix, e.g. `"535"`, or `""` for any.
    status: &'static str,
    /// Enhanced status code prefix, e.g. `"5.7.139"`, or `""` for any.
    enhanced: &'static str,
    keywords: &'static [&'static str],
    code: FindingCode,
    /// Fills `{problem}`: a message id in `details.ftl`, or `""` for none.
    problem: &'static str,
}

const fn r(
    protocol: Option<Protocol>,
    status: &'static str,
    enhanced: &'static str,
    keywords: &'static [&'static str],
    code: FindingCode,
    problem: &'static str,
) -> Rule {
    Rule {
        protocol,
        status,
        enhanced,
        keywords,
        code,
        problem,
    }
}

use FindingCode as C;
use Protocol::{Imap, Smtp};

/// First match wins: specific rules before generic ones. Sources: Microsoft's Exchange Online
/// pages (SMTP AUTH, client submission, non-delivery reports), the support.google.com pages the
/// Gmail replies name, public problem reports (pinned by the `field_f01_…`, `field_f02_…`,
/// `field_f03_…` tests below and `field_f18_…`, `field_f20_…` in explain/tests.rs), and
/// Postfix's own wording for local tests.
#[rustfmt::skip]
const RULES: &[Rule] = &[
    // Exchange Online: SMTP AUTH and basic authentication
    // (https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission).
    // Exchange Online: the address inside the XOAUTH2 data is not valid (test `field_t05_…`).
    r(Some(Smtp), "501", "5.5.124", &[], C::Xoauth2BadUsername, "detail-reply-xoauth2-user"),
    r(Some(Smtp), "535", "5.7.139", &["smtpclientauthentication is disabled", "tenant"], C::M365SmtpAuthDisabled, "detail-reply-smtp-auth-off-tenant"),
    r(Some(Smtp), "535", "5.7.139", &["smtpclientauthentication is disabled", "mailbox"], C::M365SmtpAuthDisabled, "detail-reply-smtp-auth-off-mailbox"),
    r(Some(Smtp), "535", "5.7.139", &["smtpclientauthentication is disabled"], C::M365SmtpAuthDisabled, "detail-reply-smtp-auth-off-either"),
    r(Some(Smtp), "535", "5.7.139", &["basic authentication is disabled"], C::BasicAuthBlocked, ""),
    r(Some(Smtp), "535", "5.7.139", &["organization configuration", "authentication request"], C::BasicAuthBlocked, ""),
    r(Some(Smtp), "550", "5.5.105", &["high volume email"], C::HighVolumeEmailExternalRecipient, ""),
    r(Some(Smtp), "535", "5.7.139", &["security defaults"], C::BlockedByPolicy, "detail-reply-security-defaults"),
    r(Some(Smtp), "535", "5.7.139", &["did not meet the criteria"], C::BlockedByPolicy, "detail-reply-sign-in-criteria"),
    r(Some(Smtp), "535", "5.7.139", &["account locked"], C::AccountBlocked, "detail-reply-account-locked"),
    r(Some(Smtp), "535", "5.7.139", &["credentials were incorrect"], C::AuthRejected, ""),
    r(Some(Smtp), "550", "5.7.30", &["basic authentication"], C::BasicAuthBlocked, ""),
    r(Some(Smtp), "421", "4.7.66", &["tls"], C::TlsFailed, "detail-reply-tls-too-old"),
    r(Some(Smtp), "504", "5.7.4", &[], C::AuthMechanismUnavailable, "detail-reply-sign-in-method"),
    r(Some(Smtp), "530", "5.7.57", &[], C::NotAuthenticatedBeforeSend, ""),
    r(Some(Smtp), "550", "5.7.57", &[], C::NotAuthenticatedBeforeSend, ""),
    // Gmail (the support.google.com pages the replies name): before the generic 535 rules.
    r(Some(Smtp), "534", "5.7.9", &[], C::GmailAppPasswordRequired, ""),
    r(Some(Smtp), "534", "5.7.14", &[], C::GmailWebLoginRequired, ""),
    r(Some(Smtp), "535", "5.7.8", &["username and password not accepted"], C::GmailBadAppPassword, ""),
    r(Some(Smtp), "454", "4.7.0", &["too many login attempts"], C::TooManyRequests, "detail-reply-google-too-many-attempts"),
    // Generic authentication failures.
    r(Some(Smtp), "535", "5.7.3", &[], C::AuthRejected, ""),
    r(Some(Smtp), "535", "", &["authentication"], C::AuthRejected, ""),
    r(Some(Smtp), "535", "5.7.8", &[], C::AuthRejected, ""),
    // Sending (Exchange Online non-delivery reports and Send As,
    // https://learn.microsoft.com/exchange/mail-flow-best-practices/fix-issues-with-printers-scanners-and-lob-applications-that-send-email-using-off).
    r(Some(Smtp), "5", "5.7.60", &[], C::SendAsDenied, "detail-reply-no-send-as"),
    r(Some(Smtp), "554", "5.2.0", &["sendasdenied"], C::SendAsDenied, "detail-reply-send-as-denied"),
    r(Some(Smtp), "554", "5.2.252", &["sendasdenied"], C::SendAsDenied, "detail-reply-send-as-denied"),
    r(Some(Smtp), "553", "5.7.1", &["not owned by user"], C::SendAsDenied, "detail-reply-sender-not-owned"),
    r(Some(Smtp), "550", "5.7.705", &[], C::TenantSendingBlocked, "detail-reply-tenant-threshold"),
    r(Some(Smtp), "550", "5.7.708", &[], C::TenantSendingBlocked, "detail-reply-tenant-ip-refused"),
    r(Some(Smtp), "550", "5.7.750", &[], C::SenderDomainNotAccepted, ""),
    r(Some(Smtp), "550", "5.1.8", &[], C::MailboxSendingRestricted, ""),
    // Exchange Online's front end (PRX codes): not temporary despite the words, in reply to AUTH
    // it repeats (test `field_n09_prx_after_auth_is_a_front_end_error_not_a_temporary_one`).
    r(Some(Smtp), "451", "4.7.0", &["prx"], C::M365AuthFrontendError, ""),
    // Temporary conditions.
    r(Some(Smtp), "451", "4.7.5", &[], C::TooManyRequests, "detail-reply-throttled"),
    r(Some(Smtp), "4", "4.3.2", &["thread limit"], C::TooManyRequests, "detail-reply-thread-limit"),
    r(Some(Smtp), "451", "4.7.0", &[], C::ServerTemporaryFailure, "detail-reply-temporary-451"),
    r(Some(Smtp), "421", "", &[], C::ServerTemporaryFailure, "detail-reply-closing"),
    // IMAP (and POP): tests `field_f02_basic_auth_blocked_on_both_protocols` and
    // `field_f03_authenticated_but_not_connected` below, and
    // `field_f18_gmail_app_password_required_on_both_protocols` in explain/tests.rs.
    r(Some(Imap), "", "", &["basic authentication is disabled"], C::BasicAuthBlocked, ""),
    r(Some(Imap), "", "", &["authenticated but not connected"], C::WrongAccountOrNoMailboxAccess, ""),
    r(Some(Imap), "", "", &["application-specific password required"], C::GmailAppPasswordRequired, ""),
    r(Some(Imap), "", "", &["[webalert"], C::GmailWebLoginRequired, ""),
    r(Some(Imap), "", "", &["authenticationfailed"], C::AuthRejected, ""),
    r(Some(Imap), "", "", &["authenticate failed"], C::AuthRejected, ""),
    r(Some(Imap), "", "", &["login failed"], C::AuthRejected, ""),
    r(Some(Imap), "", "", &["invalid credentials"], C::AuthRejected, ""),
    r(Some(Imap), "", "", &["authentication failure"], C::AuthRejected, ""),
];

/// An SMTP reply split into its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmtpReply {
    /// Basic status code, e.g. 535.
    pub status: u16,
    /// Enhanced status code (RFC 3463), e.g. `5.7.139`, when present.
    pub enhanced: Option<String>,
    /// The text of all lines joined with spaces, without codes.
    pub text: String,
}

impl SmtpReply {
    /// Parses a possibly multi-line reply (`535-5.7.8 line one` / `535 5.7.8 line two`).
    /// Lines that do not start with a status code are treated as continuation text; a reply
    /// quoted with its enhanced code only (`4.3.2 STOREDRV...`) gets the basic status of its
    /// class (400 or 500). `None` when no line has a status.
    pub fn parse(raw: &str) -> Option<SmtpReply> {
        let mut status = None;
        let mut enhanced = None;
        let mut parts = Vec::new();
        for line in raw.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let (code, rest) = split_status(line);
            if let Some(code) = code {
                status.get_or_insert(code);
                let (enh, rest) = split_enhanced(rest);
                if let Some(enh) = enh {
                    enhanced.get_or_insert(enh);
                }
                parts.push(rest.trim().to_string());
            } else if let (None, (Some(enh), rest)) = (status, split_enhanced(line)) {
                // An enhanced code alone, as NDRs quote it (`5.7.60 SMTP; Client does not ...`):
                // its class gives the basic status (RFC 3463 §3.1: 2, 4 or 5).
                status = enh[..1].parse::<u16>().ok().map(|class| class * 100);
                enhanced.get_or_insert(enh);
                parts.push(rest.trim().to_string());
            } else {
                parts.push(line.to_string());
            }
        }
        Some(SmtpReply {
            status: status?,
            enhanced,
            text: parts.join(" "),
        })
    }

    /// Reassembles the reply as one line for evidence.
    pub fn one_line(&self) -> String {
        match &self.enhanced {
            Some(e) => format!("{} {} {}", self.status, e, self.text),
            None => format!("{} {}", self.status, self.text),
        }
    }
}

/// A reply line's basic status (RFC 5321 §4.2: three digits, then a space, `-` or the end)
/// and the rest of the line after the separator.
pub(crate) fn split_status(line: &str) -> (Option<u16>, &str) {
    let b = line.as_bytes();
    if b.len() >= 3
        && b[..3].iter().all(u8::is_ascii_digit)
        && (b.len() == 3 || b[3] == b' ' || b[3] == b'-')
    {
        let code = line[..3].parse().ok();
        (code, line.get(4..).unwrap_or(""))
    } else {
        (None, line)
    }
}

/// Whether `token` is an enhanced status code (RFC 3463 §2: `class.subject.detail`, class 2, 4
/// or 5, each part 1 to 3 digits).
pub(crate) fn is_enhanced_code(token: &str) -> bool {
    let parts: Vec<&str> = token.split('.').collect();
    parts.len() == 3
        && matches!(parts[0], "2" | "4" | "5")
        && parts
            .iter()
            .all(|p| (1..=3).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_digit()))
}

fn split_enhanced(rest: &str) -> (Option<String>, &str) {
    let rest = rest.trim_start();
    let token = rest.split_whitespace().next().unwrap_or("");
    if is_enhanced_code(token) {
        (Some(token.to_string()), &rest[token.len()..])
    } else {
        (None, rest)
    }
}

fn find_rule(
    protocol: Protocol,
    status: &str,
    enhanced: &str,
    text: &str,
) -> Option<&'static Rule> {
    let lower = text.to_lowercase();
    RULES.iter().find(|rule| {
        rule.protocol.is_none_or(|p| p == protocol)
            && status.starts_with(rule.status)
            && enhanced.starts_with(rule.enhanced)
            && rule.keywords.iter().all(|k| lower.contains(k))
    })
}

fn finding_from(rule: Option<&Rule>, evidence: &str) -> Finding {
    match rule {
        Some(rule) => Finding::new(rule.code)
            .with_if_used(Param::Problem, problem_of(rule, evidence))
            .with_vendor_link_from(evidence)
            .with_evidence(evidence),
        None => Finding::new(C::UnrecognisedReply).with_evidence(evidence),
    }
}

/// The `{problem}` words of `rule` for the reply `text`: the rule's own in the person's
/// language, or for Exchange's front-end errors the `PRX` code the reply names.
fn problem_of(rule: &Rule, text: &str) -> String {
    if rule.code != C::M365AuthFrontendError {
        return match rule.problem {
            "" => String::new(),
            id => crate::l10n::tr(id),
        };
    }
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .find(|w| w.len() > 3 && w.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("prx")))
        .map_or_else(|| "PRX".to_owned(), str::to_ascii_uppercase)
}

/// Classifies an SMTP reply (single or multi-line).
pub fn smtp_reply(raw: &str) -> Finding {
    match SmtpReply::parse(raw) {
        Some(reply) => smtp(&reply),
        None => Finding::new(C::UnrecognisedReply).with_evidence(raw),
    }
}

/// Classifies a parsed SMTP reply.
pub fn smtp(reply: &SmtpReply) -> Finding {
    let status = reply.status.to_string();
    let enhanced = reply.enhanced.as_deref().unwrap_or("");
    finding_from(
        find_rule(Smtp, &status, enhanced, &reply.text),
        &reply.one_line(),
    )
}

/// Classifies an IMAP failure text (the tagged `NO`/`BAD` line or an untagged `BYE`).
pub fn imap(text: &str) -> Finding {
    finding_from(find_rule(Imap, "", "", text), text)
}

/// Decodes an XOAUTH2 error challenge (base64 JSON such as
/// `{"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}`, Google's XOAUTH2
/// page, <https://developers.google.com/workspace/gmail/imap/xoauth2-protocol>) into readable text.
pub fn xoauth2_challenge(b64: &str) -> Option<String> {
    use base64::Engine as _;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(b64.trim())
        .ok()?;
    let value: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    Some(value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_f01_smtp_auth_disabled_for_tenant() {
        let f = smtp_reply(
            "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [MN2PR05CA0004.namprd05.prod.outlook.com 2023-09-12T20:59:57.214Z 08DBB276B7E699C4]",
        );
        assert_eq!(f.code, C::M365SmtpAuthDisabled);
        assert!(f.explanation.contains("whole organisation"));
        assert!(
            f.steps
                .iter()
                .any(|s| s.contains("-SmtpClientAuthenticationDisabled $false"))
        );
        let ev = f.evidence.unwrap();
        assert!(
            ev.contains("5.7.139") && !ev.contains("MN2PR05CA0004"),
            "{ev}"
        );
    }

    #[test]
    fn smtp_auth_disabled_for_mailbox_and_reworded_variants() {
        for raw in [
            "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information. [X.prod.outlook.com]",
            "535-5.7.139 Authentication unsuccessful,\r\n535 5.7.139 SmtpClientAuthentication is disabled for the mailbox",
        ] {
            let f = smtp_reply(raw);
            assert_eq!(f.code, C::M365SmtpAuthDisabled, "{raw}");
            assert!(
                f.explanation.contains("for this mailbox"),
                "{}",
                f.explanation
            );
        }
    }

    #[test]
    fn field_f02_basic_auth_blocked_on_both_protocols() {
        let f = smtp_reply(
            "535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [PN0PR01CA0024.INDPRD01.PROD.OUTLOOK.COM 2025-01-26T18:54:30.055Z 08DD3DD7D75D7743]",
        );
        assert_eq!(f.code, C::BasicAuthBlocked);
        assert_eq!(
            imap("a1 NO Basic authentication is disabled.").code,
            C::BasicAuthBlocked
        );
        assert_eq!(
            smtp_reply("550 5.7.30 Basic authentication is not supported for Client Submission.")
                .code,
            C::BasicAuthBlocked
        );
    }

    #[test]
    fn multi_line_replies_are_joined() {
        let r = SmtpReply::parse("535-5.7.8 Username and Password not accepted. For more information, go to\r\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials a640c23a62f3a-abc - gsmtp").unwrap();
        assert_eq!(r.status, 535);
        assert_eq!(r.enhanced.as_deref(), Some("5.7.8"));
        assert!(r.text.starts_with(
            "Username and Password not accepted. For more information, go to https://"
        ));
    }

    #[test]
    fn unknown_replies_keep_the_redacted_text() {
        let f = smtp_reply("451 4.3.0 Something odd happened [AB1PR01.prod.outlook.com 1 2]");
        assert_eq!(f.code, C::UnrecognisedReply);
        assert_eq!(
            f.evidence.as_deref(),
            Some("451 4.3.0 Something odd happened [server details removed]")
        );
    }

    #[test]
    fn field_f03_authenticated_but_not_connected() {
        assert_eq!(
            imap("A2 BAD User is authenticated but not connected.").code,
            C::WrongAccountOrNoMailboxAccess
        );
    }

    #[test]
    fn xoauth2_challenge_decodes() {
        let txt = xoauth2_challenge("eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==").unwrap();
        assert!(txt.contains("\"status\":\"400\""), "{txt}");
        assert!(xoauth2_challenge("not base64!").is_none());
    }

    /// N09's transcript (https://github.com/harishkrupo/oauth2ms/issues/5): the client sent mail
    /// without a working sign-in, then got a "temporary" PRX error in reply to AUTH. Neither is
    /// read as a temporary failure.
    #[test]
    fn field_n09_not_authenticated_and_prx_are_not_temporary() {
        let f =
            smtp_reply("530 5.7.57 Client not authenticated to send mail. [XXXX.prod.outlook.com]");
        assert_eq!(f.code, C::NotAuthenticatedBeforeSend);
        let found = crate::findings::classify::explain(
            "S: 250-AUTH LOGIN XOAUTH2
C: AUTH XOAUTH2
S: 530 5.7.57 Client not authenticated to send mail. [XXXX.prod.outlook.com]
S: 451 4.7.0 Temporary server error. Please try again later. PRX4  [XXXX.prod.outlook.com]
S: 221 2.0.0 Service closing transmission channel",
        );
        let codes: Vec<_> = found.iter().map(|f| f.code).collect();
        assert_eq!(
            codes,
            [C::NotAuthenticatedBeforeSend, C::M365AuthFrontendError]
        );
        assert!(found[1].explanation.contains("PRX4"));
        assert!(!codes.contains(&C::ServerTemporaryFailure));
    }

    #[test]
    fn every_rule_problem_is_a_message() {
        // Every language has the English messages (l10n's `every_message_exists_in_every_language`).
        for rule in RULES.iter().filter(|r| !r.problem.is_empty()) {
            let found = crate::l10n::text(rule.problem, None, &crate::l10n::Args::new());
            assert!(found.is_some(), "{}: no such message", rule.problem);
        }
    }
}
