//! Microsoft Entra ID errors → findings.
//!
//! Errors are matched on the AADSTS number from `error_codes` (or the description) and fall back
//! to the OAuth `error` field (Microsoft says to branch on `error`, use the numbers for help
//! text, and always show the trace and correlation ids — they stay in the evidence:
//! <https://learn.microsoft.com/entra/identity-platform/reference-error-codes>).

use serde::{Deserialize, Serialize};

mod known;

use crate::findings::{ClaimsChallenge, Finding, FindingCode, Param};

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
    /// `claims`: a claims challenge the next interactive sign-in must carry
    /// (<https://learn.microsoft.com/entra/identity-platform/claims-challenge>).
    #[serde(default)]
    pub claims: Option<String>,
    /// Google's `error_subtype`, e.g. `invalid_rapt`.
    #[serde(default)]
    pub error_subtype: Option<String>,
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

    /// The claims challenge in the answer, when it is one the app can pass on.
    pub fn claims_challenge(&self) -> Option<ClaimsChallenge> {
        self.claims.as_deref().and_then(ClaimsChallenge::parse)
    }

    /// The first line of the description, without Microsoft's trace, correlation and time.
    pub fn summary(&self) -> String {
        let desc = self.error_description.as_deref().unwrap_or("");
        let first = desc.split(['\r', '\n']).next().unwrap_or("");
        let cut = ["Trace ID:", "Correlation ID:", "Timestamp:"]
            .iter()
            .filter_map(|m| first.find(m))
            .min()
            .unwrap_or(first.len());
        first[..cut].trim().chars().take(300).collect()
    }

    /// The words for an error the app does not recognise: its code (AADSTS number, else the
    /// OAuth `error`) and the provider's own description.
    pub fn unrecognised(&self) -> String {
        let summary = self.summary();
        let named = match self.aadsts() {
            Some(n) if summary.starts_with(&format!("AADSTS{n}")) => return summary,
            Some(n) => format!("AADSTS{n}"),
            None if self.error.is_empty() => crate::l10n::tr("detail-entra-no-code"),
            None => self.error.clone(),
        };
        if summary.is_empty() {
            named
        } else {
            format!("{named}: {summary}")
        }
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

/// Microsoft's look-up page for AADSTS code `n`
/// (<https://learn.microsoft.com/entra/identity-platform/reference-error-codes>, "Lookup current
/// error code information").
pub fn lookup_url(n: u64) -> String {
    format!("https://login.microsoftonline.com/error?code={n}")
}

/// Maps an Entra error to a finding: by its `AADSTS` code
/// (<https://learn.microsoft.com/entra/identity-platform/reference-error-codes>, the table in
/// `entra/known.rs`), else by the OAuth `error` ([RFC 6749 §5.2](https://www.rfc-editor.org/rfc/rfc6749#section-5.2),
/// [§4.1.2.1](https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1)). A code the app does not
/// know is shown with its number, Microsoft's description and Microsoft's look-up page. A
/// `claims` challenge in the answer is kept in [`Finding::claims`] for the next sign-in.
pub fn entra(err: &EntraError, phase: EntraPhase) -> Finding {
    let code = err.aadsts();
    let desc = err
        .error_description
        .as_deref()
        .unwrap_or("")
        .to_lowercase();
    let (finding, problem) = code
        .and_then(|n| special(n, phase, &desc).or_else(|| from_table(n)))
        .unwrap_or_else(|| by_error(err, phase, code.is_some()));
    let link = code.map_or_else(
        || "https://learn.microsoft.com/entra/identity-platform/reference-error-codes".to_owned(),
        lookup_url,
    );
    let mut f = Finding::new(finding)
        .with_if_used(Param::Problem, problem)
        .with_if_used(Param::Link, &link);
    if code.is_some() || finding == C::IdpError {
        f = f.with_doc_fallback(link);
    }
    if let Some(account) = quoted_account(err.error_description.as_deref().unwrap_or("")) {
        f = f.with_if_used(Param::SignedIn, account);
    }
    f.claims = err.claims_challenge();
    f.with_evidence(err.evidence())
}

/// A finding code and the `{problem}` words for it.
type Mapped = (FindingCode, String);

fn plain(code: FindingCode) -> Option<Mapped> {
    Some((code, String::new()))
}

/// Codes whose meaning depends on when they came or on the words around them.
fn special(n: u64, phase: EntraPhase, desc: &str) -> Option<Mapped> {
    match n {
        // A personal account (live.com, the consumer tenant) where only work accounts may sign
        // in, or another organisation's account: the wrong-account trap (test
        // `field_f12_personal_account_vs_other_tenant`).
        50020
            if desc.contains("live.com")
                || desc.contains(crate::provider::domains::CONSUMER_TENANT_ID) =>
        {
            plain(C::PersonalAccountNotAllowed)
        }
        50020 => plain(C::SignedInAsDifferentAccount),
        // Consent missing: at renewal the person can give it interactively; at sign-in it means
        // users may not consent (test `field_f16_consent_depends_on_phase`).
        65001 if phase == EntraPhase::Refresh => plain(C::InteractiveRequired),
        65001 => plain(C::AdminConsentRequired),
        // Codes that block signing in with a code on another device: AADSTS530033 ("remote
        // device flow blocked due to device based conditional access", in Entra's sign-in logs:
        // <https://github.com/microsoft/azure-devops-intellij/issues/584>) wherever it appears,
        // and Conditional Access's AADSTS53003 when it answers the device code flow
        // (<https://learn.microsoft.com/entra/identity/conditional-access/policy-block-authentication-flows>).
        530033 => plain(C::DeviceCodeBlocked),
        53003 if phase == EntraPhase::DeviceCode => plain(C::DeviceCodeBlocked),
        _ => None,
    }
}

/// A code of Microsoft's published list.
fn from_table(n: u64) -> Option<Mapped> {
    let row = known::known(n)?;
    let words = match row.words {
        known::Words::None => String::new(),
        known::Words::Code => format!("AADSTS{n}"),
        known::Words::MsCode => crate::l10n::tr_with(
            "detail-entra-microsoft-code",
            &[("code", format!("AADSTS{n}").into())],
        ),
        known::Words::Fixed(id) => crate::l10n::tr(id),
    };
    Some((row.finding, words))
}

/// Without a known code: the OAuth `error` field where it decides what to do (cancelled, sign
/// in again, retry later); otherwise the error is shown as it came, with its code (`coded`: an
/// AADSTS number the app does not know says more than `invalid_request`).
fn by_error(err: &EntraError, phase: EntraPhase, coded: bool) -> Mapped {
    match (err.error.as_str(), phase) {
        ("access_denied", _) => (C::SigninCancelled, String::new()),
        ("consent_required" | "interaction_required" | "login_required", _) => {
            (C::InteractiveRequired, String::new())
        }
        // Without a code, a refused refresh token; with a code the app does not know (e.g. a
        // Conditional Access refusal), not proof the sign-in is dead: shown as it came, and the
        // saved sign-in is kept (assistant/tokens.rs deletes only for REAUTH_* findings).
        ("invalid_grant", EntraPhase::Refresh) if !coded => (
            C::ReauthRequired,
            crate::l10n::tr("detail-entra-no-longer-accepted"),
        ),
        (
            "invalid_request"
            | "unsupported_response_type"
            | "invalid_scope"
            | "unsupported_grant_type"
            | "invalid_resource",
            _,
        ) if !coded => (C::AppBadAuthRequest, err.error.clone()),
        ("unauthorized_client", _) if !coded => (C::AppNotFoundInTenant, String::new()),
        ("temporarily_unavailable" | "server_error", _) => {
            (C::IdpTemporaryFailure, err.error.clone())
        }
        _ => (C::IdpError, err.unrecognised()),
    }
}

#[cfg(test)]
mod unknown_refusal_tests {
    use super::*;

    #[test]
    fn an_unknown_code_refusing_a_renewal_keeps_the_sign_in() {
        let err: EntraError = serde_json::from_str(
            r#"{"error":"invalid_grant","error_description":"AADSTS9999001: Something new.","error_codes":[9999001]}"#,
        )
        .unwrap();
        let f = entra(&err, EntraPhase::Refresh);
        assert_eq!(
            f.code,
            C::IdpError,
            "not a REAUTH_* finding, so not deleted"
        );
        let plain: EntraError =
            serde_json::from_str(r#"{"error":"invalid_grant","error_description":"expired"}"#)
                .unwrap();
        assert_eq!(entra(&plain, EntraPhase::Refresh).code, C::ReauthRequired);
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

/// The whole kind: every code of the published list, MFA step-up, national clouds and codes
/// the app does not know.
#[cfg(test)]
mod published {
    use super::*;
    use crate::findings::Audience;

    fn json(text: &str) -> EntraError {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn each_code_is_known_once() {
        let mut seen = std::collections::HashSet::new();
        for row in known::KNOWN {
            if let known::Words::Fixed(id) = row.words {
                let words = crate::l10n::text(id, None, &crate::l10n::Args::new());
                assert!(words.is_some(), "{id}: no such message");
            }
            for n in row.codes {
                assert!(seen.insert(*n), "AADSTS{n} is in two rows");
                assert!(
                    special(*n, EntraPhase::Refresh, "").is_none(),
                    "AADSTS{n} is special"
                );
            }
        }
    }

    /// Every code of the table gives its own finding, with words, fix steps, a link, and
    /// never the "not recognised" one.
    #[test]
    fn every_code_a_mail_app_meets_is_explained() {
        for row in known::KNOWN {
            for &n in row.codes {
                let err = EntraError {
                    error: "invalid_request".into(),
                    error_description: Some(format!("AADSTS{n}: Some words. Trace ID: t")),
                    ..Default::default()
                };
                let f = entra(&err, EntraPhase::CodeExchange).finish();
                assert_eq!(f.code, row.finding, "AADSTS{n}");
                assert_ne!(f.code, C::IdpError, "AADSTS{n}");
                assert!(!f.steps.is_empty() && f.doc_url.is_some(), "AADSTS{n}");
                assert!(!f.to_text().contains('{'), "AADSTS{n}: {}", f.to_text());
            }
        }
    }

    #[test]
    fn an_unrecognised_aadsts_code_shows_its_code_description_and_lookup_link() {
        let err = json(
            r#"{"error":"invalid_request","error_description":"AADSTS9900123: The sign-in was stopped by a rule this app has never heard of.\r\nTrace ID: 0f1e2d3c-0000-4000-8000-000000000000\r\nCorrelation ID: 1a2b3c4d-0000-4000-8000-000000000000\r\nTimestamp: 2026-12-01 10:00:00Z","error_codes":[9900123],"trace_id":"0f1e2d3c-0000-4000-8000-000000000000","correlation_id":"1a2b3c4d-0000-4000-8000-000000000000"}"#,
        );
        let f = entra(&err, EntraPhase::Authorize).finish();
        assert_eq!(f.code, C::IdpError);
        assert_eq!(f.title, "Microsoft sign-in reported an error");
        assert_eq!(
            f.explanation,
            "Microsoft answered with an error the app does not recognise: AADSTS9900123: The sign-in was stopped by a rule this app has never heard of."
        );
        let link = "https://login.microsoftonline.com/error?code=9900123";
        assert_eq!(
            f.steps[0],
            format!("Look the error up at {link}: the page explains it and its fix.")
        );
        assert_eq!(f.doc_url.as_deref(), Some(link));
        assert!(!f.to_text().contains("( ("), "{}", f.to_text());
        assert!(!f.to_text().contains("<number>"), "{}", f.to_text());
        // Microsoft's ids stay in the evidence for support, not in the words.
        assert!(!f.explanation.contains("Trace ID"));
        assert!(f.evidence.unwrap().contains("Trace ID: 0f1e2d3c"));
        // Without an error word, and without any code at all.
        let bare = EntraError {
            error: String::new(),
            error_codes: vec![5309901],
            error_description: Some("AADSTS5309901: Access blocked for this request.".into()),
            ..Default::default()
        };
        let f = entra(&bare, EntraPhase::Authorize);
        assert!(
            f.explanation
                .ends_with("recognise: AADSTS5309901: Access blocked for this request."),
            "{}",
            f.explanation
        );
        let none = EntraError {
            error: "weird_error".into(),
            ..Default::default()
        };
        let f = entra(&none, EntraPhase::Authorize);
        assert!(
            f.explanation.ends_with("recognise: weird_error"),
            "{}",
            f.explanation
        );
        assert!(f.steps[0].contains("reference-error-codes"));
    }

    /// N07 (https://github.com/DougHennig/SFMail/issues/15 and, for 50079,
    /// https://github.com/microsoft/vscode/issues/192806): MFA switched on after the mail token was
    /// obtained. 50076: complete the second step in a new sign-in; 50079: register a method first.
    /// A claims challenge is kept for the next sign-in.
    #[test]
    fn field_n07_mfa_now_and_mfa_setup_are_told_apart() {
        let now = json(
            r#"{"error":"invalid_grant","error_description":"AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '00000002-0000-0ff1-ce00-000000000000'. Trace ID: t Correlation ID: c Timestamp: 2024-01-01 00:00:00Z","error_codes":[50076],"error_uri":"https://login.microsoftonline.com/error?code=50076","suberror":"basic_action"}"#,
        );
        let setup = json(
            r#"{"error":"invalid_grant","error_description":"AADSTS50079: Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multi-factor authentication to access '00000002-0000-0ff1-ce00-000000000000'.","error_codes":[50079],"suberror":"basic_action"}"#,
        );
        let a = entra(&now, EntraPhase::Refresh)
            .with_if_used(Param::Mailbox, "ann@example.edu")
            .finish();
        let b = entra(&setup, EntraPhase::Refresh).finish();
        assert_eq!(a.code, C::MfaRequired);
        assert_eq!(b.code, C::MfaSetupRequired);
        assert_ne!(a.title, b.title);
        assert_eq!(a.audience, Audience::User);
        assert_eq!(b.audience, Audience::User);
        assert!(
            a.steps[0].contains("mailsetup signin ann@example.edu"),
            "{:?}",
            a.steps
        );
        assert!(
            b.steps[0].contains("https://aka.ms/mfasetup"),
            "{:?}",
            b.steps
        );
        assert!(a.claims.is_none(), "no challenge in these answers");
        // The claims variant (interaction_required with a Conditional Access challenge).
        let challenge = r#"{"access_token":{"capolids":{"essential":true,"values":["5f2d9a1e-0000-4000-8000-000000000000"]}}}"#;
        let with_claims = json(&format!(
            r#"{{"error":"interaction_required","error_description":"AADSTS50079: The user is required to use multi-factor authentication.","error_codes":[50079],"claims":{},"suberror":"basic_action"}}"#,
            serde_json::to_string(challenge).unwrap()
        ));
        let f = entra(&with_claims, EntraPhase::Refresh);
        assert_eq!(f.code, C::MfaSetupRequired);
        assert_eq!(f.claims.as_ref().map(|c| c.as_str()), Some(challenge));
        let text = serde_json::to_string(&f).unwrap();
        assert!(
            !text.contains("capolids"),
            "the challenge is not shown: {text}"
        );
        // The renewal's finding carries it on when it is re-worded.
        assert_eq!(f.clone().recode(C::InteractiveRequired).claims, f.claims);
    }

    /// N06 (https://github.com/ecederstrand/exchangelib/issues/1063): a Government tenant's
    /// code redeemed at the worldwide cloud.
    #[test]
    fn field_n06_national_cloud_mismatch_is_explained() {
        for body in [
            r#"{"error":"invalid_request","error_description":"AADSTS900382: Confidential Client is not supported in Cross Cloud request. Trace ID: t"}"#,
            r#"{"error":"invalid_request","error_description":"AADSTS90038: Tenant 'x' belongs to the National Cloud 'USGovernment'.","error_codes":[90038]}"#,
        ] {
            let f = entra(&json(body), EntraPhase::CodeExchange).finish();
            assert_eq!(f.code, C::NationalCloudMismatch, "{body}");
            assert_eq!(f.audience, Audience::Admin);
            assert!(f.steps[0].contains("usgov"), "{:?}", f.steps);
            assert!(
                f.doc_url
                    .as_deref()
                    .unwrap()
                    .contains("authentication-national-cloud")
            );
        }
        let pasted = crate::findings::classify::explain(
            "(invalid_request) AADSTS900382: Confidential Client is not supported in Cross Cloud request.",
        );
        assert_eq!(pasted[0].code, C::NationalCloudMismatch);
    }
}
