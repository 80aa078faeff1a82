//! Classification: raw replies from mail servers and the identity provider → findings.
//!
//! Rules match on the status code, the enhanced status code (RFC 3463) and keywords, never on
//! whole strings, because providers reword their texts and append per-call ids
//! (facts §6.1 note). Multi-line SMTP replies are joined first (RFC 5321 §4.2.1).
//! Entra errors are matched on the AADSTS number from `error_codes` (or the description) and
//! fall back to the OAuth `error` field (facts §5: Microsoft says to branch on `error`, use the
//! numbers for help text, and always show the trace and correlation ids).

use serde::{Deserialize, Serialize};

use super::{Finding, FindingCode};

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
    /// Fills `{problem}`.
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

/// First match wins: specific rules before generic ones. Sources: facts §6.1 (Exchange) and
/// §6.4 (Gmail), field cases F01–F03.
const RULES: &[Rule] = &[
    r(
        Some(Smtp),
        "535",
        "5.7.139",
        &["smtpclientauthentication is disabled", "tenant"],
        C::M365SmtpAuthDisabled,
        "for your whole organisation (tenant)",
    ),
    r(
        Some(Smtp),
        "535",
        "5.7.139",
        &["smtpclientauthentication is disabled", "mailbox"],
        C::M365SmtpAuthDisabled,
        "for this mailbox",
    ),
    r(
        Some(Smtp),
        "535",
        "5.7.139",
        &["smtpclientauthentication is disabled"],
        C::M365SmtpAuthDisabled,
        "for this mailbox or organisation",
    ),
    r(
        Some(Smtp),
        "535",
        "5.7.139",
        &["basic authentication is disabled"],
        C::BasicAuthBlocked,
        "",
    ),
    r(
        Some(Smtp),
        "535",
        "5.7.139",
        &["security defaults"],
        C::BlockedByPolicy,
        "security defaults block sending with a password",
    ),
    r(
        Some(Smtp),
        "535",
        "5.7.139",
        &["did not meet the criteria"],
        C::BlockedByPolicy,
        "the request did not meet the organisation's sign-in criteria",
    ),
    r(
        Some(Smtp),
        "535",
        "5.7.139",
        &["account locked"],
        C::AccountBlocked,
        "the account is locked",
    ),
    r(
        Some(Smtp),
        "535",
        "5.7.139",
        &["credentials were incorrect"],
        C::AuthRejected,
        "",
    ),
    r(
        Some(Smtp),
        "553",
        "5.7.1",
        &["not owned by user"],
        C::MessageRejected,
        "this account is not allowed to send as that address (Send As)",
    ),
    r(
        Some(Smtp),
        "550",
        "5.7.30",
        &["basic authentication"],
        C::BasicAuthBlocked,
        "",
    ),
    r(
        Some(Smtp),
        "421",
        "4.7.66",
        &["tls"],
        C::TlsFailed,
        "the server requires TLS 1.2 or newer",
    ),
    r(
        Some(Smtp),
        "504",
        "5.7.4",
        &[],
        C::AuthMechanismUnavailable,
        "the sign-in method",
    ),
    r(Some(Smtp), "530", "5.7.57", &[], C::AuthRejected, ""),
    r(Some(Smtp), "535", "5.7.3", &[], C::AuthRejected, ""),
    r(
        Some(Smtp),
        "535",
        "",
        &["authentication"],
        C::AuthRejected,
        "",
    ),
    r(
        Some(Smtp),
        "5",
        "5.7.60",
        &[],
        C::MessageRejected,
        "this account is not allowed to send as that address (Send As)",
    ),
    r(
        Some(Smtp),
        "554",
        "5.2.0",
        &["sendasdenied"],
        C::MessageRejected,
        "this account is not allowed to send as that address (Send As)",
    ),
    r(
        Some(Smtp),
        "554",
        "5.2.252",
        &["sendasdenied"],
        C::MessageRejected,
        "this account is not allowed to send as that address (Send As)",
    ),
    r(
        Some(Smtp),
        "550",
        "5.7.705",
        &[],
        C::MessageRejected,
        "the organisation is blocked from sending (tenant over threshold)",
    ),
    r(
        Some(Smtp),
        "550",
        "5.7.708",
        &[],
        C::MessageRejected,
        "the sending IP is not accepted (often a trial tenant)",
    ),
    r(
        Some(Smtp),
        "550",
        "5.7.750",
        &[],
        C::MessageRejected,
        "sending from an unregistered domain",
    ),
    r(
        Some(Smtp),
        "550",
        "5.1.8",
        &[],
        C::MessageRejected,
        "the mailbox is restricted from sending (outbound spam)",
    ),
    r(
        Some(Imap),
        "",
        "",
        &["basic authentication is disabled"],
        C::BasicAuthBlocked,
        "",
    ),
    r(
        Some(Imap),
        "",
        "",
        &["authenticated but not connected"],
        C::WrongAccountOrNoMailboxAccess,
        "",
    ),
    r(
        Some(Imap),
        "",
        "",
        &["authenticationfailed"],
        C::AuthRejected,
        "",
    ),
    r(
        Some(Imap),
        "",
        "",
        &["authenticate failed"],
        C::AuthRejected,
        "",
    ),
    r(Some(Imap), "", "", &["login failed"], C::AuthRejected, ""),
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
    /// Lines that do not start with a status code are treated as continuation text.
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

fn split_status(line: &str) -> (Option<u16>, &str) {
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

fn split_enhanced(rest: &str) -> (Option<String>, &str) {
    let rest = rest.trim_start();
    let token = rest.split_whitespace().next().unwrap_or("");
    let parts: Vec<&str> = token.split('.').collect();
    if parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()))
    {
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
            .with("problem", rule.problem)
            .with_evidence(evidence),
        None => Finding::new(C::UnrecognisedReply).with_evidence(evidence),
    }
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

/// An error answer from Microsoft Entra ID (token endpoint JSON, or the `error` parameters of an
/// authorize redirect). Field names as in Entra's error body (facts §1.5).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntraError {
    /// OAuth `error`, e.g. `invalid_grant`.
    pub error: String,
    /// `error_description`, usually `AADSTSnnnn: text ... Trace ID: ...`.
    #[serde(default)]
    pub error_description: Option<String>,
    /// `error_codes`, e.g. `[700082]`.
    #[serde(default)]
    pub error_codes: Vec<u64>,
    /// `trace_id`.
    #[serde(default)]
    pub trace_id: Option<String>,
    /// `correlation_id`.
    #[serde(default)]
    pub correlation_id: Option<String>,
    /// `suberror`, e.g. `token_expired`.
    #[serde(default)]
    pub suberror: Option<String>,
    /// `error_uri`.
    #[serde(default)]
    pub error_uri: Option<String>,
}

impl std::fmt::Display for EntraError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.aadsts() {
            Some(n) => write!(f, "{} (AADSTS{n})", self.error),
            None => f.write_str(&self.error),
        }
    }
}

impl oauth2::ErrorResponse for EntraError {}

impl EntraError {
    /// The AADSTS number: the first of `error_codes`, else the first `AADSTSnnnn` in the
    /// description.
    pub fn aadsts(&self) -> Option<u64> {
        self.error_codes
            .first()
            .copied()
            .or_else(|| self.error_description.as_deref().and_then(aadsts_in))
    }

    /// Evidence text: the AADSTS line (first sentence of the description) and Microsoft's
    /// trace and correlation ids.
    pub fn evidence(&self) -> String {
        let mut out = self.error.clone();
        if let Some(desc) = &self.error_description {
            let first = desc.split(['\r', '\n']).next().unwrap_or("").trim();
            if !first.is_empty() {
                out = format!("{}: {first}", self.error);
            }
        }
        if let Some(t) = &self.trace_id {
            out.push_str(&format!("\nTrace ID: {t}"));
        }
        if let Some(c) = &self.correlation_id {
            out.push_str(&format!("\nCorrelation ID: {c}"));
        }
        out
    }
}

/// The account Entra names in "User account 'x@y' ..." (AADSTS50020 and similar).
fn quoted_account(description: &str) -> Option<&str> {
    let rest = description.split("User account '").nth(1)?;
    rest.split('\'').next().filter(|a| a.contains('@'))
}

/// Finds `AADSTS<digits>` in free text.
pub fn aadsts_in(text: &str) -> Option<u64> {
    let at = text.find("AADSTS")?;
    let digits: String = text[at + 6..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// When in the sign-in an Entra error happened; the same code can mean different things.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntraPhase {
    /// The browser's authorize step (error in the redirect).
    Authorize,
    /// Redeeming the authorization code.
    CodeExchange,
    /// Renewing with a saved refresh token.
    Refresh,
}

/// Maps an Entra error to a finding (facts §4.3 and §5).
pub fn entra(err: &EntraError, phase: EntraPhase) -> Finding {
    let code = err.aadsts();
    let desc = err
        .error_description
        .as_deref()
        .unwrap_or("")
        .to_lowercase();
    let (finding, problem): (FindingCode, String) = match code {
        Some(50011) | Some(500113) => (C::AppRedirectNotRegistered, String::new()),
        Some(7000218) => (C::AppRegistrationNotPublicClient, String::new()),
        Some(700025) => (C::AppRegistrationIsPublicClient, String::new()),
        Some(7000215) => (
            C::ClientSecretInvalid,
            "AADSTS7000215: invalid secret".into(),
        ),
        Some(7000222) => (
            C::ClientSecretInvalid,
            "AADSTS7000222: the secret expired".into(),
        ),
        Some(9002327) => (C::AppRegistrationIsSpa, String::new()),
        Some(700016) | Some(700011) => (C::AppNotFoundInTenant, String::new()),
        Some(28000) | Some(70011) | Some(700022) => (
            C::AppScopeConfig,
            "the request named more than one service or an unknown permission".into(),
        ),
        Some(90094) | Some(90095) => (C::AdminConsentRequired, String::new()),
        Some(65001) if phase == EntraPhase::Refresh => (C::InteractiveRequired, String::new()),
        Some(65001) => (C::AdminConsentRequired, String::new()),
        Some(65004) => (C::ConsentDeclined, String::new()),
        Some(50020) | Some(500208) | Some(9002332)
            if desc.contains("live.com") || code != Some(50020) =>
        {
            (C::PersonalAccountNotAllowed, String::new())
        }
        // Another organisation's account signed in: the wrong-account trap, named as such.
        Some(50020) => (C::SignedInAsDifferentAccount, String::new()),
        Some(50034) | Some(90072) => (C::AccountNotInTenant, String::new()),
        Some(90002) => (C::TenantNotFound, String::new()),
        Some(50072) | Some(50074) | Some(50076) | Some(50079) => (C::MfaRequired, String::new()),
        Some(53003) => (
            C::BlockedByPolicy,
            "blocked by Conditional Access (AADSTS53003)".into(),
        ),
        Some(530035) => (
            C::BlockedByPolicy,
            "blocked by security defaults (AADSTS530035)".into(),
        ),
        Some(
            n @ (530032 | 50131 | 50097 | 50129 | 53000 | 53001 | 53004 | 500021 | 500022 | 500212
            | 500213),
        ) => (C::BlockedByPolicy, format!("AADSTS{n}")),
        Some(n @ (50053 | 50055 | 50056 | 50057 | 50126 | 50135)) => {
            (C::AccountBlocked, format!("AADSTS{n}"))
        }
        Some(50105) => (C::UserNotAssigned, String::new()),
        Some(7000012) | Some(700005) => (C::TokenStoreAuthorityMismatch, String::new()),
        Some(700082) | Some(70008) => (C::ReauthInactivity, String::new()),
        Some(70043) => (C::ReauthPolicy, String::new()),
        Some(n @ (50173 | 50132 | 50133 | 70000 | 50089 | 700084)) => {
            (C::ReauthRequired, format!("Microsoft code AADSTS{n}"))
        }
        Some(50058) => (C::InteractiveRequired, String::new()),
        Some(
            n @ (501481 | 50147 | 501491 | 900144 | 90014 | 9002313 | 900971 | 90102 | 70007
            | 700054),
        ) => (C::AppBadAuthRequest, format!("AADSTS{n}")),
        _ => match (err.error.as_str(), phase) {
            ("access_denied", _) => (C::SigninCancelled, String::new()),
            ("consent_required" | "interaction_required" | "login_required", _) => {
                (C::InteractiveRequired, String::new())
            }
            ("invalid_grant", EntraPhase::Refresh) => {
                (C::ReauthRequired, "Microsoft no longer accepts it".into())
            }
            (
                "invalid_request"
                | "unsupported_response_type"
                | "invalid_scope"
                | "unsupported_grant_type",
                _,
            ) => (C::AppBadAuthRequest, err.error.clone()),
            _ => (C::IdpError, err.to_string()),
        },
    };
    let mut f = Finding::new(finding).with("problem", problem);
    if let Some(account) = quoted_account(err.error_description.as_deref().unwrap_or("")) {
        f = f.with("signed_in", account);
    }
    f.with_evidence(err.evidence())
}

/// Decodes an XOAUTH2 error challenge (base64 JSON such as
/// `{"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}`, Google's XOAUTH2
/// page and facts §3.1) into readable text.
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

    fn entra_json(json: &str) -> EntraError {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn field_f14_f15_refresh_errors() {
        let f14 = entra_json(
            r#"{"error":"invalid_grant","error_description":"AADSTS700082: The refresh token has expired due to inactivity. The token was issued on 2024-01-28T19:43:52.3866932Z and was inactive for 90.00:00:00. Trace ID: t Correlation ID: c Timestamp: 2024-05-23 19:17:36Z","error_codes":[700082],"error_uri":"https://login.microsoftonline.com/error?code=700082"}"#,
        );
        assert_eq!(entra(&f14, EntraPhase::Refresh).code, C::ReauthInactivity);
        let f15 = entra_json(
            r#"{"error":"invalid_grant","error_description":"AADSTS70043: The refresh token has expired or is invalid due to sign-in frequency checks by conditional access.\r\nTrace ID: x","error_codes":[70043],"suberror":"token_expired"}"#,
        );
        let f = entra(&f15, EntraPhase::Refresh);
        assert_eq!(f.code, C::ReauthPolicy);
        assert!(
            f.evidence
                .unwrap()
                .starts_with("invalid_grant: AADSTS70043")
        );
    }

    #[test]
    fn aadsts_number_from_description_when_codes_missing() {
        let e = EntraError {
            error: "invalid_client".into(),
            error_description: Some("AADSTS7000218: The request body must contain ...".into()),
            ..Default::default()
        };
        assert_eq!(e.aadsts(), Some(7000218));
        assert_eq!(
            entra(&e, EntraPhase::CodeExchange).code,
            C::AppRegistrationNotPublicClient
        );
    }

    #[test]
    fn field_f11_authorize_errors() {
        let denied = EntraError {
            error: "access_denied".into(),
            error_description: Some(
                "The user has denied access to the scope requested by the client application."
                    .into(),
            ),
            ..Default::default()
        };
        assert_eq!(
            entra(&denied, EntraPhase::Authorize).code,
            C::SigninCancelled
        );
        let bad = EntraError {
            error: "invalid_request".into(),
            error_description: Some(
                "The provided request must include a 'response_type' input parameter.".into(),
            ),
            ..Default::default()
        };
        assert_eq!(
            entra(&bad, EntraPhase::Authorize).code,
            C::AppBadAuthRequest
        );
    }

    #[test]
    fn field_f12_personal_account_vs_other_tenant() {
        let personal = EntraError { error: "invalid_request".into(), error_description: Some("AADSTS50020: User account 'user@outlook.com' from identity provider 'live.com' does not exist in tenant '' and cannot access the application '<client-id>' in that tenant.".into()), ..Default::default() };
        assert_eq!(
            entra(&personal, EntraPhase::Authorize).code,
            C::PersonalAccountNotAllowed
        );
        let guest = EntraError { error: "invalid_request".into(), error_description: Some("AADSTS50020: User account 'u@other.example' from identity provider 'https://sts.windows.net/x/' does not exist in tenant 'T'.".into()), ..Default::default() };
        let f = entra(&guest, EntraPhase::Authorize).with("mailbox", "ann@example.edu");
        assert_eq!(f.code, C::SignedInAsDifferentAccount);
        assert_eq!(
            f.title,
            "The browser signed in as u@other.example, not ann@example.edu"
        );
    }

    #[test]
    fn field_f13_refresh_at_another_tenant_is_an_app_problem() {
        let e = entra_json(
            r#"{"error":"invalid_grant","error_description":"AADSTS7000012: The grant was obtained for a different tenant.\r\nTrace ID: x","error_codes":[7000012]}"#,
        );
        let f = entra(&e, EntraPhase::Refresh);
        assert_eq!(f.code, C::TokenStoreAuthorityMismatch);
        assert_ne!(
            f.audience,
            crate::findings::Audience::User,
            "do not blame the user"
        );
    }

    #[test]
    fn field_f16_consent_depends_on_phase() {
        let e = EntraError {
            error: "invalid_grant".into(),
            error_codes: vec![65001],
            ..Default::default()
        };
        assert_eq!(entra(&e, EntraPhase::Refresh).code, C::InteractiveRequired);
        assert_eq!(
            entra(&e, EntraPhase::CodeExchange).code,
            C::AdminConsentRequired
        );
    }

    #[test]
    fn xoauth2_challenge_decodes() {
        let txt = xoauth2_challenge("eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ==").unwrap();
        assert!(txt.contains("\"status\":\"400\""), "{txt}");
        assert!(xoauth2_challenge("not base64!").is_none());
    }
}
