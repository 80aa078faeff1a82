//! The registration check (`mailsetup admin check`, the administrator page): what is wrong with
//! the organisation's app registration, item by item, with the fix in the Microsoft Entra admin
//! center's words. Read by the administrator who ran the check, so every entry is theirs.
//!
//! The rules each entry explains are pinned by the verdict's unit tests in
//! `crates/core/src/registration/tests.rs` and end to end by `crates/cli/tests/admin_check.rs`.

use super::{Entry, e};
use crate::findings::Audience::*;
use crate::findings::FindingCode::*;
use crate::findings::Param::*;

/// The entries of this subject.
pub(super) const ENTRIES: &[Entry] = &[
    // GET /applications(appId=) and /servicePrincipals(appId=) both 404
    // (https://learn.microsoft.com/graph/api/application-get).
    e(
        RegistrationNotFound,
        Admin,
        &[ClientId, Tenant, Link],
        Some(
            "https://learn.microsoft.com/entra/identity-platform/scenario-desktop-app-registration",
        ),
    ),
    // No application object here, a service principal owned by another tenant
    // (https://learn.microsoft.com/entra/identity-platform/app-objects-and-service-principals).
    e(
        RegistrationInOtherTenant,
        Admin,
        &[ClientId, Tenant],
        Some(
            "https://learn.microsoft.com/entra/identity-platform/app-objects-and-service-principals",
        ),
    ),
    // servicePrincipal.accountEnabled = false; sign-ins then fail with AADSTS7000112
    // (https://learn.microsoft.com/entra/identity-platform/reference-error-codes).
    e(
        RegistrationDisabled,
        Admin,
        &[ClientId],
        Some(
            "https://learn.microsoft.com/entra/identity/enterprise-apps/disable-user-sign-in-portal",
        ),
    ),
    // No publicClient.redirectUris: Entra treats the app as confidential (AADSTS7000218;
    // https://learn.microsoft.com/entra/identity-platform/scenario-desktop-app-registration).
    e(
        RegistrationNotPublicClient,
        Admin,
        &[ClientId, Problem],
        Some(
            "https://learn.microsoft.com/entra/identity-platform/scenario-desktop-app-registration",
        ),
    ),
    // isFallbackPublicClient is not true: flows without a redirect URI (device code) are
    // confidential (https://learn.microsoft.com/troubleshoot/entra/entra-id/app-integration/confidential-client-application-authentication-error-aadsts7000218).
    e(
        RegistrationPublicFlowsOff,
        Admin,
        &[ClientId],
        Some(
            "https://learn.microsoft.com/troubleshoot/entra/entra-id/app-integration/confidential-client-application-authentication-error-aadsts7000218",
        ),
    ),
    e(
        RegistrationSecretNotStored,
        Admin,
        &[ClientId],
        Some("https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials"),
    ),
    // passwordCredentials empty or every endDateTime past
    // (https://learn.microsoft.com/graph/api/resources/passwordcredential).
    e(
        RegistrationNoCurrentSecret,
        Admin,
        &[ClientId, Problem],
        Some("https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials"),
    ),
    // AADSTS7000215 / 7000222 to a client credentials request
    // (https://learn.microsoft.com/entra/identity-platform/reference-error-codes).
    e(
        RegistrationSecretRefused,
        Admin,
        &[ClientId, Problem],
        Some("https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials"),
    ),
    // The loopback rules: port ignored, host and path exact
    // (https://learn.microsoft.com/entra/identity-platform/reply-url).
    e(
        RegistrationRedirectMissing,
        Admin,
        &[ClientId, Redirect, Platform],
        Some("https://learn.microsoft.com/entra/identity-platform/reply-url"),
    ),
    // Two entries for one loopback address: Entra picks one arbitrarily and applies its platform
    // (https://learn.microsoft.com/entra/identity-platform/reply-url; AADSTS7000218 / 9002327).
    e(
        RegistrationRedirectWrongPlatform,
        Admin,
        &[ClientId, Redirect, Platform, Problem],
        Some("https://learn.microsoft.com/entra/identity-platform/reply-url"),
    ),
    // The delegated permissions of
    // https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth
    // (the admin center lists SMTP.Send and IMAP.AccessAsUser.All under Microsoft Graph) and
    // https://learn.microsoft.com/entra/identity-platform/scopes-oidc.
    e(
        RegistrationPermissionsMissing,
        Admin,
        &[ClientId, Permissions],
        Some(
            "https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth",
        ),
    ),
    // oauth2PermissionGrants with consentType AllPrincipals
    // (https://learn.microsoft.com/graph/api/resources/oauth2permissiongrant).
    e(
        RegistrationConsentMissing,
        Admin,
        &[ClientId, Permissions, Link],
        Some("https://learn.microsoft.com/entra/identity/enterprise-apps/grant-admin-consent"),
    ),
    // Application permissions act without a signed-in user; a desktop app uses delegated ones
    // only (https://learn.microsoft.com/entra/identity-platform/permissions-consent-overview,
    // https://learn.microsoft.com/entra/identity-platform/scenario-desktop-app-registration).
    e(
        RegistrationPermissionsUnneeded,
        Admin,
        &[ClientId, Permissions],
        Some("https://learn.microsoft.com/entra/identity-platform/permissions-consent-overview"),
    ),
    // Graph 403 Authorization_RequestDenied; the roles that may read app registrations:
    // https://learn.microsoft.com/graph/api/serviceprincipal-list-oauth2permissiongrants.
    e(
        RegistrationCheckForbidden,
        Admin,
        &[SignedIn],
        Some("https://learn.microsoft.com/graph/api/serviceprincipal-list-oauth2permissiongrants"),
    ),
];
