//! Microsoft Entra: the app registration, the tenant, consent and the organisation's sign-in
//! policies (the AADSTS errors of <https://learn.microsoft.com/entra/identity-platform/reference-error-codes>).

use super::{Entry, e};
use crate::findings::Audience::*;
use crate::findings::FindingCode::*;
use crate::findings::Param::*;

/// The entries of this subject.
pub(super) const ENTRIES: &[Entry] = &[
    // `error=invalid_request` on the redirect; pinned by the test `field_f11_authorize_errors`.
    e(
        AppBadAuthRequest,
        Admin,
        &[Provider, Problem],
        Some("https://learn.microsoft.com/entra/identity-platform/reference-error-codes"),
    ),
    // AADSTS50011; pinned by the test
    // `field_f08_browser_page_text_is_a_redirect_registration_problem`.
    e(
        AppRedirectNotRegistered,
        Admin,
        &[ClientId],
        Some("https://learn.microsoft.com/entra/identity-platform/reply-url"),
    ),
    // AADSTS7000218; pinned by the test `field_f17_web_registration_asks_for_a_secret`.
    e(
        AppRegistrationNotPublicClient,
        Admin,
        &[ClientId],
        Some(
            "https://learn.microsoft.com/troubleshoot/entra/entra-id/app-integration/confidential-client-application-authentication-error-aadsts7000218",
        ),
    ),
    e(
        AppRegistrationIsPublicClient,
        Admin,
        &[],
        Some("https://learn.microsoft.com/entra/identity-platform/reference-error-codes"),
    ),
    e(
        AppRegistrationIsSpa,
        Admin,
        &[ClientId],
        Some("https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow"),
    ),
    e(
        AppNotFoundInTenant,
        Admin,
        &[ClientId, Tenant],
        Some("https://learn.microsoft.com/entra/identity-platform/reference-error-codes"),
    ),
    // AADSTS70011 / 700022 (https://learn.microsoft.com/entra/identity-platform/reference-error-codes);
    // pinned by the test `field_f07_scopes_name_one_resource_only`.
    e(
        AppScopeConfig,
        Admin,
        &[Problem],
        Some("https://learn.microsoft.com/entra/identity-platform/scopes-oidc"),
    ),
    // AADSTS65001 / 90094 / 90095 (https://learn.microsoft.com/entra/identity-platform/reference-error-codes);
    // pinned by the test `field_f16_consent_depends_on_phase`.
    e(
        AdminConsentRequired,
        Admin,
        &[Authority, Tenant, ClientId],
        Some("https://learn.microsoft.com/entra/identity-platform/v2-admin-consent"),
    ),
    // AADSTS50020 / 500208 (https://learn.microsoft.com/entra/identity-platform/reference-error-codes);
    // pinned by the test `field_f12_personal_account_vs_other_tenant`.
    e(PersonalAccountNotAllowed, User, &[], None),
    e(AccountNotInTenant, User, &[Tenant], None),
    e(TenantNotFound, Admin, &[Tenant], None),
    // The national clouds' sign-in addresses, permissions and mail servers go together
    // (https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud); AADSTS900382,
    // 900432, 90038, 90043, 90051, 1000104
    // (https://learn.microsoft.com/entra/identity-platform/reference-error-codes). Pinned by the test
    // `field_n06_national_cloud_mismatch_is_explained`.
    e(
        NationalCloudMismatch,
        Admin,
        &[Problem],
        Some("https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud"),
    ),
    // AADSTS50076 / 50074 / 50078: the second step is required now, and can be done in a new
    // interactive sign-in ("Retry with a new authorize request for the resource",
    // https://learn.microsoft.com/entra/identity-platform/reference-error-codes); pinned by the
    // test `field_n07_mfa_now_and_mfa_setup_are_told_apart`.
    e(
        MfaRequired,
        User,
        &[Mailbox],
        Some("https://learn.microsoft.com/entra/identity/authentication/concept-mfa-howitworks"),
    ),
    // AADSTS50079 / 50072 / 53004: no method is registered yet
    // (https://learn.microsoft.com/entra/identity-platform/reference-error-codes); pinned by the
    // test `field_n07_mfa_now_and_mfa_setup_are_told_apart`.
    e(MfaSetupRequired, User, &[], Some("https://aka.ms/mfasetup")),
    e(
        BlockedByPolicy,
        Admin,
        &[Problem],
        Some(
            "https://learn.microsoft.com/entra/identity/conditional-access/troubleshoot-conditional-access",
        ),
    ),
    e(
        AccountBlocked,
        User,
        &[Problem],
        Some("https://learn.microsoft.com/entra/identity-platform/reference-error-codes"),
    ),
    // AADSTS54000 / 50015 (https://learn.microsoft.com/entra/identity-platform/reference-error-codes).
    e(
        MinorConsentRequired,
        Admin,
        &[],
        Some("https://learn.microsoft.com/entra/identity-platform/reference-error-codes"),
    ),
    // Federation (20001, 40008, 50008, 90081 ...), pass-through authentication agents (80001 ...),
    // seamless single sign-on (81004 ...), certificate sign-in (50017, 50192), external MFA
    // controls (50158 ...): https://learn.microsoft.com/entra/identity-platform/reference-error-codes.
    e(
        OrgSignInSetupFailed,
        Admin,
        &[Problem],
        Some("https://learn.microsoft.com/entra/identity-platform/reference-error-codes"),
    ),
    e(UserNotAssigned, Admin, &[], None),
    // AADSTS7000012; pinned by the test `field_f13_refresh_at_another_tenant_is_an_app_problem`.
    e(TokenStoreAuthorityMismatch, Helpdesk, &[], None),
    // AADSTS70043; pinned by the test `field_f14_f15_refresh_errors`.
    e(
        ReauthPolicy,
        User,
        &[Mailbox],
        Some(
            "https://learn.microsoft.com/entra/identity/conditional-access/concept-session-lifetime",
        ),
    ),
    e(
        ClientSecretInvalid,
        Admin,
        &[ClientId, Problem],
        Some("https://learn.microsoft.com/entra/identity-platform/reference-error-codes"),
    ),
    // AADSTS650056, 650057 (https://learn.microsoft.com/entra/identity-platform/reference-error-codes).
    e(
        AppPermissionsMissing,
        Admin,
        &[ClientId, Problem],
        Some(
            "https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth",
        ),
    ),
    // AADSTS70001, 7000112 (https://learn.microsoft.com/entra/identity-platform/reference-error-codes).
    e(
        AppDisabled,
        Admin,
        &[ClientId, Problem],
        Some("https://learn.microsoft.com/entra/identity-platform/reference-error-codes"),
    ),
    // AADSTS50194, 9001023, 90124, 90130 (https://learn.microsoft.com/entra/identity-platform/reference-error-codes).
    e(
        AppSingleTenantEndpoint,
        Admin,
        &[ClientId, Problem],
        Some("https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc"),
    ),
];
