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

/// Where every fix on the registration starts.
const APP_REGISTRATION: &str = "Open the Microsoft Entra admin center (entra.microsoft.com) → Identity → Applications → App registrations → All applications → the registration with Application (client) ID {client_id}.";
/// Where every fix on the enterprise application (the app in this organisation) starts.
const ENTERPRISE_APP: &str = "Open the Microsoft Entra admin center (entra.microsoft.com) → Identity → Applications → Enterprise applications → remove the \"Application type\" filter → search for {client_id}.";

/// The entries of this subject.
pub(super) const ENTRIES: &[Entry] = &[
    // GET /applications(appId=) and /servicePrincipals(appId=) both 404
    // (https://learn.microsoft.com/graph/api/application-get).
    e(
        RegistrationNotFound,
        Admin,
        &[ClientId, Tenant, Link],
        "The app {client_id} does not exist in your organisation",
        "Your organisation ({tenant}) has neither an app registration nor an enterprise application with the Application (client) ID {client_id}, which the app's settings name. Every sign-in will fail with AADSTS700016.",
        &[
            "Check that you signed in to the right organisation: the check reads the organisation of the account you signed in with.",
            "Compare client_id in the [microsoft] settings with the Application (client) ID on the registration's Overview page; correct the settings, or register the app (App registrations → New registration).",
            "If the registration belongs to another organisation (a multi-tenant app), an administrator here must consent to it first: open {link} and accept.",
        ],
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
        "The app is registered in another organisation",
        "The app {client_id} is used in your organisation as an enterprise application, but its registration (platforms, redirect URIs, requested permissions) belongs to another organisation (tenant {tenant}). Those settings can only be read and changed there.",
        &[
            "Ask an administrator of the organisation that owns the registration (tenant {tenant}) to run this check there, or to confirm its platform, redirect URI and permissions.",
            "Or register the app in your own organisation and put its Application (client) ID in the [microsoft] settings.",
        ],
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
        "The app is disabled in your organisation",
        "The enterprise application {client_id} is switched off, so nobody can sign in with it (AADSTS7000112).",
        &[
            ENTERPRISE_APP,
            "Properties → Enabled for users to sign-in? → Yes → Save.",
        ],
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
        "The registration is not set up for a desktop app",
        "The registration {client_id} has no \"Mobile and desktop applications\" platform ({problem}). Microsoft then treats the app as a confidential web app and asks for a client secret it cannot keep (AADSTS7000218).",
        &[
            APP_REGISTRATION,
            "Authentication → Add a platform → Mobile and desktop applications → add the redirect URI from the settings → Configure.",
            "Delete the \"Web\" and \"Single-page application\" entries for the same address.",
            "If the app is meant to stay a \"Web\" registration with a client secret, set client_type = \"confidential\" in the [microsoft] settings instead.",
        ],
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
        "\"Allow public client flows\" is off",
        "Signing in with a code on another device (for computers without a usable browser) fails with AADSTS7000218 while \"Allow public client flows\" is off on the registration {client_id}. Sign-in in the browser is not affected.",
        &[
            APP_REGISTRATION,
            "Authentication → Advanced settings → Allow public client flows → Enable the following mobile and desktop flows: Yes → Save.",
        ],
        Some(
            "https://learn.microsoft.com/troubleshoot/entra/entra-id/app-integration/confidential-client-application-authentication-error-aadsts7000218",
        ),
    ),
    e(
        RegistrationSecretNotStored,
        Admin,
        &[ClientId],
        "No client secret is stored on this computer",
        "The settings say the registration {client_id} is a confidential (\"Web\") app, so every sign-in must send its client secret, and none is in this computer's password vault.",
        &[
            "Enter the secret's Value on the Administrator settings page, or run: mailsetup admin set-client-secret",
            "Better: register the app as a public client (Mobile and desktop applications) and set client_type = \"public\": then no secret is needed on any computer.",
        ],
        Some("https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials"),
    ),
    // passwordCredentials empty or every endDateTime past
    // (https://learn.microsoft.com/graph/api/resources/passwordcredential).
    e(
        RegistrationNoCurrentSecret,
        Admin,
        &[ClientId, Problem],
        "The registration has no valid client secret",
        "The registration {client_id} is used as a confidential (\"Web\") app, but {problem}, so Microsoft refuses every sign-in (AADSTS7000222 for an expired secret).",
        &[
            APP_REGISTRATION,
            "Certificates & secrets → Client secrets → New client secret → copy its Value (not the Secret ID).",
            "Enter it on the Administrator settings page of every computer, or run: mailsetup admin set-client-secret",
        ],
        Some("https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials"),
    ),
    // AADSTS7000215 / 7000222 to a client credentials request
    // (https://learn.microsoft.com/entra/identity-platform/reference-error-codes).
    e(
        RegistrationSecretRefused,
        Admin,
        &[ClientId, Problem],
        "Microsoft refused the stored client secret",
        "The app asked Microsoft for a token with the client secret stored on this computer, and Microsoft refused it ({problem}). Often the secret's ID was copied instead of its Value, or the secret expired.",
        &[
            APP_REGISTRATION,
            "Certificates & secrets → Client secrets → New client secret → copy its Value (not the Secret ID).",
            "Enter it on the Administrator settings page, or run: mailsetup admin set-client-secret",
        ],
        Some("https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials"),
    ),
    // The loopback rules: port ignored, host and path exact
    // (https://learn.microsoft.com/entra/identity-platform/reply-url).
    e(
        RegistrationRedirectMissing,
        Admin,
        &[ClientId, Redirect, Platform],
        "The app's redirect URI {redirect} is not registered",
        "Microsoft sends the sign-in back to {redirect} on the person's own computer (any port), and the registration {client_id} does not list that address under \"{platform}\". Every browser sign-in stops on Microsoft's page with AADSTS50011.",
        &[
            APP_REGISTRATION,
            "Authentication → Add a platform (or the existing \"{platform}\" platform) → add the redirect URI {redirect} exactly (no port; the path must match) → Save.",
            "The admin center's box refuses http://127.0.0.1: for that address edit the Manifest instead (the platform's redirectUris), or set redirect = \"http://localhost\" in the settings and register that.",
        ],
        Some("https://learn.microsoft.com/entra/identity-platform/reply-url"),
    ),
    // Two entries for one loopback address: Entra picks one arbitrarily and applies its platform
    // (https://learn.microsoft.com/entra/identity-platform/reply-url; AADSTS7000218 / 9002327).
    e(
        RegistrationRedirectWrongPlatform,
        Admin,
        &[ClientId, Redirect, Platform, Problem],
        "The redirect URI {redirect} is registered under the wrong platform",
        "The app needs {redirect} under \"{platform}\", but on the registration {client_id} {problem}. Microsoft ignores the port of loopback addresses, takes one of the matching entries and treats the app by that entry's platform: sign-ins fail with AADSTS7000218 (Web) or AADSTS9002327 (Single-page application).",
        &[
            APP_REGISTRATION,
            "Authentication: delete every entry for this address (any port) that is not under \"{platform}\".",
            "Keep or add {redirect} under \"{platform}\" → Save.",
        ],
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
        "The registration does not ask for permissions the app needs",
        "To send and read mail for the person who signs in, the registration {client_id} must list these delegated permissions, and it does not: {permissions}. Without them sign-ins end with AADSTS650057 or ask every user for consent the organisation may not allow.",
        &[
            APP_REGISTRATION,
            "API permissions → Add a permission → Microsoft Graph → Delegated permissions → tick {permissions} → Add permissions.",
            "Then grant admin consent (the next item of this check).",
        ],
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
        "No administrator has consented to {permissions}",
        "Nobody granted consent for the whole organisation to {permissions} for the app {client_id}. Where users may not consent themselves, every sign-in stops at \"Need admin approval\" (AADSTS90094 / 65001).",
        &[
            "Open {link} as an administrator and accept: it grants the permissions the registration lists, for everyone.",
            "Or: App registrations → the registration → API permissions → Grant admin consent → Yes.",
            "Permissions the registration does not list yet are not granted by either: add them first (the item above).",
        ],
        Some("https://learn.microsoft.com/entra/identity/enterprise-apps/grant-admin-consent"),
    ),
    // Application permissions act without a signed-in user; a desktop app uses delegated ones
    // only (https://learn.microsoft.com/entra/identity-platform/permissions-consent-overview,
    // https://learn.microsoft.com/entra/identity-platform/scenario-desktop-app-registration).
    e(
        RegistrationPermissionsUnneeded,
        Admin,
        &[ClientId, Permissions],
        "The registration has permissions this app never uses",
        "The registration {client_id} has application permissions: {permissions}. Application permissions let the app itself, without anyone signing in, use them across the whole organisation (for example read or send every mailbox); anyone who gets its client secret can too. This app only ever acts for the person who signs in, with delegated permissions, so it needs none of them.",
        &[
            APP_REGISTRATION,
            "API permissions → for each of {permissions}: … → Remove permission → Yes, remove.",
            "Enterprise applications → the app → Permissions: check that the admin consent for them is gone (revoke it there if it is still listed).",
        ],
        Some("https://learn.microsoft.com/entra/identity-platform/permissions-consent-overview"),
    ),
    // Graph 403 Authorization_RequestDenied; the roles that may read app registrations:
    // https://learn.microsoft.com/graph/api/serviceprincipal-list-oauth2permissiongrants.
    e(
        RegistrationCheckForbidden,
        Admin,
        &[SignedIn],
        "{signed_in} may not read the app registrations",
        "Microsoft Graph refused to show the organisation's app registrations to {signed_in}. The check reads them only, and needs an account with a role that may read them, and consent to read the directory.",
        &[
            "Run the check again and sign in with an account that has the Global Reader, Application Administrator or Cloud Application Administrator role.",
            "If Microsoft asked for approval to let \"Microsoft Graph Command Line Tools\" read the directory, an administrator must accept it once.",
        ],
        Some("https://learn.microsoft.com/graph/api/serviceprincipal-list-oauth2permissiongrants"),
    ),
];
