//! Microsoft Entra ID errors → findings.
//!
//! Errors are matched on the AADSTS number from `error_codes` (or the description) and fall back
//! to the OAuth `error` field (facts §5: Microsoft says to branch on `error`, use the numbers for
//! help text, and always show the trace and correlation ids — they stay in the evidence).

use serde::{Deserialize, Serialize};

use crate::findings::{Finding, FindingCode, Param};

use FindingCode as C;

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
            if desc.contains("live.com")
                || desc.contains(crate::oauth::claims::CONSUMER_TENANT_ID)
                || code != Some(50020) =>
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
        Some(700084) => (
            C::AppRegistrationIsSpa,
            "an SPA refresh token reached its 24-hour limit (AADSTS700084)".into(),
        ),
        Some(n @ (50173 | 50132 | 50133 | 70000 | 50089)) => {
            (C::ReauthRequired, format!("Microsoft code AADSTS{n}"))
        }
        Some(50058) | Some(70016) => (C::InteractiveRequired, String::new()),
        Some(n @ (500011 | 650052)) => (C::ExchangeNotLicensed, format!("AADSTS{n}")),
        Some(n @ (650056 | 650057)) => (C::AppPermissionsMissing, format!("AADSTS{n}")),
        Some(n @ (70001 | 7000112)) => (C::AppDisabled, format!("AADSTS{n}")),
        Some(n @ (50196 | 90055)) => (C::TooManyRequests, format!("Microsoft code AADSTS{n}")),
        Some(n @ (50194 | 9001023 | 90124 | 90130)) => {
            (C::AppSingleTenantEndpoint, format!("AADSTS{n}"))
        }
        Some(70019) => (C::DeviceCodeExpired, String::new()),
        Some(90120) => (C::DeviceCodeDeclined, String::new()),
        Some(50143) => (C::SignedInAsDifferentAccount, String::new()),
        Some(1002016) => (
            C::TlsFailed,
            "TLS 1.0/1.1 is no longer accepted by Microsoft (AADSTS1002016)".into(),
        ),
        Some(
            n @ (501481 | 50147 | 501491 | 900144 | 90014 | 9002313 | 900971 | 90102 | 70007
            | 700054 | 54005 | 50148 | 70018),
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
    let mut f = Finding::new(finding).with_if_used(Param::Problem, problem);
    if let Some(n) = code {
        // Microsoft's live lookup page for the code (facts §5).
        f = f.with_doc_fallback(format!("https://login.microsoftonline.com/error?code={n}"));
    }
    if let Some(account) = quoted_account(err.error_description.as_deref().unwrap_or("")) {
        f = f.with_if_used(Param::SignedIn, account);
    }
    f.with_evidence(err.evidence())
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
}
