//! Microsoft Entra ID errors → findings.
//!
//! Errors are matched on the AADSTS number from `error_codes` (or the description) and fall back
//! to the OAuth `error` field (Microsoft says to branch on `error`, use the numbers for help
//! text, and always show the trace and correlation ids — they stay in the evidence:
//! <https://learn.microsoft.com/entra/identity-platform/reference-error-codes>).

use serde::{Deserialize, Serialize};

use crate::findings::{Finding, FindingCode, Param};

use FindingCode as C;

/// An error answer from Microsoft Entra ID (token endpoint JSON, or the `error` parameters of an
/// authorize redirect). Field names as in Entra's error body
/// (<https://learn.microsoft.com/entra/identity-platform/reference-error-codes>).
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
                out = if self.error.is_empty() {
                    first.to_owned()
                } else {
                    format!("{}: {first}", self.error)
                };
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
    /// Signing in with a code on another device (asking for the code, then polling).
    DeviceCode,
}

/// Maps an Entra error to a finding: by its `AADSTS` code
/// (<https://learn.microsoft.com/entra/identity-platform/reference-error-codes>), else by the
/// OAuth `error` ([RFC 6749 §5.2](https://www.rfc-editor.org/rfc/rfc6749#section-5.2),
/// [§4.1.2.1](https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1)).
pub fn entra(err: &EntraError, phase: EntraPhase) -> Finding {
    let code = err.aadsts();
    let desc = err
        .error_description
        .as_deref()
        .unwrap_or("")
        .to_lowercase();
    let (finding, problem) = code
        .and_then(|n| {
            device_flow(n, phase)
                .or_else(|| registration(n, phase))
                .or_else(|| account(n, &desc))
                .or_else(|| session(n))
        })
        .unwrap_or_else(|| by_error(err, phase));
    let mut f = Finding::new(finding).with_if_used(Param::Problem, problem);
    if let Some(n) = code {
        // Microsoft's live lookup page for the code.
        f = f.with_doc_fallback(format!("https://login.microsoftonline.com/error?code={n}"));
    }
    if let Some(account) = quoted_account(err.error_description.as_deref().unwrap_or("")) {
        f = f.with_if_used(Param::SignedIn, account);
    }
    f.with_evidence(err.evidence())
}

/// A finding code and the `{problem}` words for it.
type Mapped = (FindingCode, String);

fn plain(code: FindingCode) -> Option<Mapped> {
    Some((code, String::new()))
}

/// Codes that block signing in with a code on another device: AADSTS530033 ("remote device flow
/// blocked due to device based conditional access", in Entra's sign-in logs:
/// <https://github.com/microsoft/azure-devops-intellij/issues/584>) wherever it appears, and
/// Conditional Access's AADSTS53003 when it answers the device code flow
/// (<https://learn.microsoft.com/entra/identity/conditional-access/policy-block-authentication-flows>).
fn device_flow(n: u64, phase: EntraPhase) -> Option<Mapped> {
    match (n, phase) {
        (530033, _) | (53003, EntraPhase::DeviceCode) => plain(C::DeviceCodeBlocked),
        _ => None,
    }
}

/// Codes about the app registration, its permissions and consent: the IT administrator's.
fn registration(n: u64, phase: EntraPhase) -> Option<Mapped> {
    let named = |c: FindingCode| Some((c, format!("AADSTS{n}")));
    match n {
        50011 | 500113 => plain(C::AppRedirectNotRegistered),
        7000218 => plain(C::AppRegistrationNotPublicClient),
        700025 => plain(C::AppRegistrationIsPublicClient),
        7000215 => Some((
            C::ClientSecretInvalid,
            "AADSTS7000215: invalid secret".into(),
        )),
        7000222 => Some((
            C::ClientSecretInvalid,
            "AADSTS7000222: the secret expired".into(),
        )),
        9002327 => plain(C::AppRegistrationIsSpa),
        700084 => Some((
            C::AppRegistrationIsSpa,
            "an SPA refresh token reached its 24-hour limit (AADSTS700084)".into(),
        )),
        700016 | 700011 => plain(C::AppNotFoundInTenant),
        28000 | 70011 | 700022 => Some((
            C::AppScopeConfig,
            "the request named more than one service or an unknown permission".into(),
        )),
        90094 | 90095 => plain(C::AdminConsentRequired),
        65001 if phase == EntraPhase::Refresh => plain(C::InteractiveRequired),
        65001 => plain(C::AdminConsentRequired),
        65004 => plain(C::ConsentDeclined),
        7000012 | 700005 => plain(C::TokenStoreAuthorityMismatch),
        500011 | 650052 => named(C::ExchangeNotLicensed),
        650056 | 650057 => named(C::AppPermissionsMissing),
        70001 | 7000112 => named(C::AppDisabled),
        50194 | 9001023 | 90124 | 90130 => named(C::AppSingleTenantEndpoint),
        501481 | 50147 | 501491 | 900144 | 90014 | 9002313 | 900971 | 90102 | 70007 | 700054
        | 54005 | 50148 | 70018 => named(C::AppBadAuthRequest),
        1002016 => Some((
            C::TlsFailed,
            "TLS 1.0/1.1 is no longer accepted by Microsoft (AADSTS1002016)".into(),
        )),
        _ => None,
    }
}

/// Codes about the account that signed in and the policies that apply to it.
fn account(n: u64, desc: &str) -> Option<Mapped> {
    let named = |c: FindingCode| Some((c, format!("AADSTS{n}")));
    match n {
        50020 | 500208 | 9002332
            if n != 50020
                || desc.contains("live.com")
                || desc.contains(crate::provider::domains::CONSUMER_TENANT_ID) =>
        {
            plain(C::PersonalAccountNotAllowed)
        }
        // Another organisation's account signed in: the wrong-account trap, named as such.
        50020 | 50143 => plain(C::SignedInAsDifferentAccount),
        50034 | 90072 => plain(C::AccountNotInTenant),
        90002 => plain(C::TenantNotFound),
        50072 | 50074 | 50076 | 50079 => plain(C::MfaRequired),
        53003 => Some((
            C::BlockedByPolicy,
            "blocked by Conditional Access (AADSTS53003)".into(),
        )),
        530035 => Some((
            C::BlockedByPolicy,
            "blocked by security defaults (AADSTS530035)".into(),
        )),
        530032 | 50131 | 50097 | 50129 | 53000 | 53001 | 53004 | 500021 | 500022 | 500212
        | 500213 => named(C::BlockedByPolicy),
        50053 | 50055 | 50056 | 50057 | 50126 | 50135 => named(C::AccountBlocked),
        50105 => plain(C::UserNotAssigned),
        _ => None,
    }
}

/// Codes about the sign-in session: expired, revoked, throttled, or needing the person again.
fn session(n: u64) -> Option<Mapped> {
    let ms_code = |c: FindingCode| Some((c, format!("Microsoft code AADSTS{n}")));
    match n {
        700082 | 70008 => plain(C::ReauthInactivity),
        70043 => plain(C::ReauthPolicy),
        50173 | 50132 | 50133 | 50089 => ms_code(C::ReauthRequired),
        // "The refresh token was already used": reuse, not a dead sign-in (crate::locks).
        70000 => plain(C::RefreshTokenReused),
        50058 | 70016 => plain(C::InteractiveRequired),
        50196 | 90055 => ms_code(C::TooManyRequests),
        70019 => plain(C::DeviceCodeExpired),
        90120 => plain(C::DeviceCodeDeclined),
        _ => None,
    }
}

/// Without a known code: the OAuth `error` field.
fn by_error(err: &EntraError, phase: EntraPhase) -> Mapped {
    match (err.error.as_str(), phase) {
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let f = entra(&guest, EntraPhase::Authorize).with(Param::Mailbox, "ann@example.edu");
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
    fn a_conditional_access_block_of_the_code_flow_is_named_as_such() {
        let remote = entra_json(
            r#"{"error":"invalid_grant","error_description":"AADSTS530033: Remote device flow blocked due to device based conditional access.\r\nTrace ID: t","error_codes":[530033]}"#,
        );
        for phase in [EntraPhase::DeviceCode, EntraPhase::CodeExchange] {
            assert_eq!(entra(&remote, phase).code, C::DeviceCodeBlocked);
        }
        let policy = entra_json(
            r#"{"error":"invalid_grant","error_description":"AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.\r\nTrace ID: t","error_codes":[53003]}"#,
        );
        assert_eq!(
            entra(&policy, EntraPhase::DeviceCode).code,
            C::DeviceCodeBlocked
        );
        assert_eq!(
            entra(&policy, EntraPhase::Authorize).code,
            C::BlockedByPolicy,
            "in the browser, 53003 is the policy block it always was"
        );
    }
}
