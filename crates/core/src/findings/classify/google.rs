//! Google OAuth 2.0 errors → findings: the errors Google documents for installed apps at its
//! authorization endpoint (shown on Google's page or sent to the redirect) and its token
//! endpoint (code exchange and renewal).
//!
//! Sources: the "Authorization errors" of
//! <https://developers.google.com/identity/protocols/oauth2/native-app> and of the web-server
//! guide <https://developers.google.com/identity/protocols/oauth2/web-server> (`admin_policy_enforced`,
//! `disallowed_useragent`, `org_internal`, `invalid_client`, `deleted_client`, `invalid_grant`,
//! `redirect_uri_mismatch`, `invalid_request`, `origin_mismatch`); the person's view of the same
//! codes, with `access_not_configured` (Google Workspace for Education's block on unconfigured
//! apps for users designated as under 18): <https://support.google.com/accounts/answer/16668185>;
//! `policy_enforced`, Advanced Protection's limit on third-party apps
//! (<https://support.google.com/accounts/answer/7539956>; the code from public reports);
//! refresh-token expiry (including the
//! 7-day limit of apps in "Testing"): <https://developers.google.com/identity/protocols/oauth2#expiration>;
//! the generic errors of RFC 6749 §4.1.2.1 and §5.2 and RFC 6750 §3.1 (`insufficient_scope`).
//! Pinned by the test `every_documented_google_error_has_its_own_finding`.

use super::entra::{EntraError, EntraPhase};
use crate::findings::{Finding, FindingCode, Param};

use FindingCode as C;

/// Google's guide for desktop apps, where the errors are listed.
pub const GOOGLE_ERRORS: &str =
    "https://developers.google.com/identity/protocols/oauth2/native-app";

/// Google's page on refresh tokens that stop working.
const REFRESH_EXPIRY: &str = "https://developers.google.com/identity/protocols/oauth2#expiration";

/// The OAuth `error` values only Google sends (so a pasted text with one is Google's).
pub const GOOGLE_ONLY: &[&str] = &[
    "admin_policy_enforced",
    "access_not_configured",
    "org_internal",
    "disallowed_useragent",
    "deleted_client",
    "redirect_uri_mismatch",
    "origin_mismatch",
    "policy_enforced",
    "invalid_rapt",
];

/// Maps an error of Google's OAuth endpoints (same shape as Entra's: `error`,
/// `error_description`, and Google's `error_subtype`) to a finding that names Google.
pub fn google(err: &EntraError, phase: EntraPhase) -> Finding {
    let desc = err
        .error_description
        .as_deref()
        .unwrap_or("")
        .to_lowercase();
    let named = || format!("{} {}", err.error, err.summary()).trim().to_owned();
    let (code, problem) = match err.error.as_str() {
        "admin_policy_enforced" => (C::GoogleAppBlockedByAdmin, String::new()),
        "access_not_configured" => (C::GoogleAppNotConfigured, String::new()),
        "org_internal" => (C::GoogleAppInternalOnly, String::new()),
        "disallowed_useragent" => (C::EmbeddedBrowserRefused, String::new()),
        "invalid_client" | "unauthorized_client" => (C::GoogleClientInvalid, named()),
        "deleted_client" => (C::GoogleClientDeleted, String::new()),
        "redirect_uri_mismatch" | "origin_mismatch" => (C::GoogleClientNotDesktop, String::new()),
        "policy_enforced" => (C::GoogleAdvancedProtection, String::new()),
        "insufficient_scope" => (C::GoogleScopeNotGranted, String::new()),
        "access_denied" if unverified(&desc) => (C::GoogleAppUnverified, String::new()),
        "access_denied" => (C::SigninCancelled, String::new()),
        "invalid_grant" => invalid_grant(err, &desc, phase),
        "invalid_request"
        | "invalid_scope"
        | "unsupported_response_type"
        | "unsupported_grant_type"
        | "invalid_dpop_proof"
        | "use_dpop_nonce" => (C::AppBadAuthRequest, named()),
        "consent_required"
        | "interaction_required"
        | "login_required"
        | "account_selection_required" => (C::InteractiveRequired, String::new()),
        "temporarily_unavailable" | "server_error" | "internal_failure" => {
            (C::IdpTemporaryFailure, named())
        }
        _ => (C::IdpError, err.unrecognised()),
    };
    let mut f = Finding::new(code)
        .with_if_used(Param::Provider, "Google")
        .with_if_used(Param::Problem, problem)
        .with_if_used(Param::Link, GOOGLE_ERRORS);
    if code == C::ReauthRequired {
        f.doc_url = Some(REFRESH_EXPIRY.to_owned());
    }
    f.with_doc_fallback(GOOGLE_ERRORS)
        .with_evidence(err.evidence())
}

/// Google's page for an app in testing, or one not verified for a restricted scope.
fn unverified(desc: &str) -> bool {
    [
        "verification process",
        "being tested",
        "currently being tested",
        "test user",
    ]
    .iter()
    .any(|w| desc.contains(w))
}

/// `invalid_grant`: at renewal the saved sign-in is dead (revoked, unused for six months, a
/// password change with Gmail scopes, an app in "Testing" after 7 days, or the organisation's
/// reauthentication policy: `invalid_rapt`); during the sign-in, the code or its PKCE check
/// was refused.
fn invalid_grant(err: &EntraError, desc: &str, phase: EntraPhase) -> (FindingCode, String) {
    let rapt =
        desc.contains("invalid_rapt") || err.error_subtype.as_deref() == Some("invalid_rapt");
    match phase {
        EntraPhase::Refresh if rapt => (
            C::ReauthRequired,
            crate::l10n::tr("detail-google-session-length"),
        ),
        EntraPhase::Refresh => (
            C::ReauthRequired,
            crate::l10n::tr("detail-google-no-longer-accepted"),
        ),
        _ => (
            C::AppBadAuthRequest,
            crate::l10n::tr("detail-google-code-refused"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::Audience;
    use crate::findings::classify::explain;

    fn err(error: &str, description: &str) -> EntraError {
        EntraError {
            error: error.into(),
            error_description: (!description.is_empty()).then(|| description.into()),
            ..Default::default()
        }
    }

    /// Every error Google documents for installed apps, at the authorization endpoint (sent to
    /// the redirect or shown on Google's page) and the token endpoint, with who must act.
    #[test]
    fn every_documented_google_error_has_its_own_finding() {
        use Audience::*;
        use EntraPhase::*;
        #[rustfmt::skip]
        let table: &[(&str, &str, EntraPhase, FindingCode, Audience)] = &[
            ("admin_policy_enforced", "", Authorize, C::GoogleAppBlockedByAdmin, Admin),
            ("admin_policy_enforced", "", Refresh, C::GoogleAppBlockedByAdmin, Admin),
            ("access_not_configured", "", Authorize, C::GoogleAppNotConfigured, Admin),
            ("org_internal", "", Authorize, C::GoogleAppInternalOnly, User),
            ("disallowed_useragent", "", Authorize, C::EmbeddedBrowserRefused, User),
            ("invalid_client", "The OAuth client was not found.", CodeExchange, C::GoogleClientInvalid, Admin),
            ("invalid_client", "Unauthorized", Refresh, C::GoogleClientInvalid, Admin),
            ("unauthorized_client", "Unauthorized", Refresh, C::GoogleClientInvalid, Admin),
            ("deleted_client", "The OAuth client was deleted.", Authorize, C::GoogleClientDeleted, Admin),
            ("redirect_uri_mismatch", "", Authorize, C::GoogleClientNotDesktop, Admin),
            ("origin_mismatch", "", Authorize, C::GoogleClientNotDesktop, Admin),
            ("policy_enforced", "", Authorize, C::GoogleAdvancedProtection, User),
            ("access_denied", "", Authorize, C::SigninCancelled, User),
            ("access_denied", "Mail Setup Assistant has not completed the Google verification process.", Authorize, C::GoogleAppUnverified, Admin),
            ("invalid_grant", "Token has been expired or revoked.", Refresh, C::ReauthRequired, User),
            ("invalid_grant", "reauth related error (invalid_rapt)", Refresh, C::ReauthRequired, User),
            ("invalid_grant", "Malformed auth code.", CodeExchange, C::AppBadAuthRequest, Admin),
            ("invalid_request", "Missing required parameter: code_challenge", Authorize, C::AppBadAuthRequest, Admin),
            ("invalid_scope", "Some requested scopes were invalid.", Authorize, C::AppBadAuthRequest, Admin),
            ("unsupported_grant_type", "", CodeExchange, C::AppBadAuthRequest, Admin),
            ("insufficient_scope", "", Refresh, C::GoogleScopeNotGranted, User),
            ("interaction_required", "", Authorize, C::InteractiveRequired, User),
            ("temporarily_unavailable", "", Authorize, C::IdpTemporaryFailure, User),
            ("server_error", "", CodeExchange, C::IdpTemporaryFailure, User),
        ];
        for &(error, description, phase, code, audience) in table {
            let f = google(&err(error, description), phase).finish();
            assert_eq!(f.code, code, "{error} ({description})");
            assert_eq!(f.audience, audience, "{error}");
            assert!(!f.steps.is_empty() && f.doc_url.is_some(), "{error}");
            let text = f.to_text();
            assert!(
                !text.contains("Microsoft") && !text.contains("Entra"),
                "{error}: {text}"
            );
            assert!(!text.contains('{'), "{error}: {text}");
        }
        // Renewal: the reasons Google lists, and its own page.
        let f = google(
            &err("invalid_grant", "Token has been expired or revoked."),
            Refresh,
        );
        assert!(f.explanation.contains("7 days"), "{}", f.explanation);
        assert_eq!(f.doc_url.as_deref(), Some(REFRESH_EXPIRY));
        // Something Google adds later: its code, its words and Google's list.
        let f = google(&err("brand_new_error", "Something new."), Authorize).finish();
        assert_eq!(f.code, C::IdpError);
        assert!(
            f.explanation.contains("brand_new_error: Something new."),
            "{}",
            f.explanation
        );
        assert!(f.steps[0].contains(GOOGLE_ERRORS));
    }

    /// Google Workspace for Education blocks unconfigured third-party apps for users designated
    /// as under 18 (https://support.google.com/a/answer/13288950): as the person copies Google's
    /// page, and as a redirect.
    #[test]
    fn google_workspace_for_education_blocks_unconfigured_apps_for_under_18s() {
        let page = "Access blocked: Mail Setup Assistant's request does not comply with Google's policies\n\nstudent@school.example.edu\n\nError 400: access_not_configured\n\nThis app isn't configured for access by users designated as under 18 by your administrator.";
        let f = &explain(page)[0];
        assert_eq!(f.code, C::GoogleAppNotConfigured);
        assert_eq!(f.audience, Audience::Admin);
        assert!(f.explanation.contains("under 18"));
        assert!(
            f.steps
                .iter()
                .any(|s| s.contains("Manage third-party app access"))
        );
        assert_eq!(
            f.doc_url.as_deref(),
            Some("https://support.google.com/a/answer/13288950")
        );
        let redirect = explain("http://127.0.0.1:5123/?error=access_not_configured&state=x");
        assert_eq!(redirect[0].code, C::GoogleAppNotConfigured);
    }

    #[test]
    fn google_pages_and_bodies_pasted_are_read_as_googles() {
        assert_eq!(
            explain("Authorization Error\nError 400: admin_policy_enforced")[0].code,
            C::GoogleAppBlockedByAdmin
        );
        assert_eq!(
            explain("Access blocked: authorisation error\nError 401: deleted_client\nThe OAuth client was deleted.")[0].code,
            C::GoogleClientDeleted
        );
        assert_eq!(
            explain(r#"{"error":"invalid_grant","error_description":"reauth related error (invalid_rapt)","error_uri":"https://support.google.com/a/answer/9368756","error_subtype":"invalid_rapt"}"#)[0].code,
            C::ReauthRequired
        );
        assert_eq!(
            explain("Error 403: org_internal")[0].code,
            C::GoogleAppInternalOnly
        );
    }
}
