//! Microsoft Entra: the app registration, the tenant, consent and the organisation's sign-in
//! policies (the AADSTS errors of <https://learn.microsoft.com/entra/identity-platform/reference-error-codes>).

use super::{AdminWords, Entry, e};
use crate::findings::Audience::*;
use crate::findings::FindingCode::*;
use crate::findings::Param::*;

const ENTRA_APP_STEPS_HEAD: &str = "Open the Microsoft Entra admin center (entra.microsoft.com) → Identity → Applications → App registrations → the Mail Setup Assistant registration ({client_id}).";

/// The entries of this subject.
pub(super) const ENTRIES: &[Entry] = &[
    // `error=invalid_request` on the redirect; pinned by the test `field_f11_authorize_errors`.
    e(
        AppBadAuthRequest,
        Admin,
        &[Provider, Problem],
        "{provider} refused the sign-in request",
        "{provider} said the sign-in request was not valid ({problem}). This is a configuration problem of the app or its settings, not a user mistake.",
        &[
            "Check the sign-in settings ([microsoft] or [google]): authority, tenant and client_id.",
            "Report the evidence below to the app's maintainers.",
        ],
        Some("https://learn.microsoft.com/entra/identity-platform/reference-error-codes"),
    ),
    // AADSTS50011; pinned by the test
    // `field_f08_browser_page_text_is_a_redirect_registration_problem`.
    e(
        AppRedirectNotRegistered,
        Admin,
        &[ClientId],
        "The app's sign-in return address is not registered",
        "Microsoft refused to send the sign-in back to the app because the redirect URI the app uses is not registered on the app registration {client_id} (AADSTS50011). Users cannot fix this.",
        &[
            ENTRA_APP_STEPS_HEAD,
            "Authentication → Add a platform → Mobile and desktop applications → add exactly the redirect URI from the settings (http://localhost, or http://127.0.0.1 via the manifest). The port does not matter; the path and host do.",
            "Remove any \"Web\" or \"Single-page application\" entries for localhost with the same path.",
        ],
        Some("https://learn.microsoft.com/entra/identity-platform/reply-url"),
    ),
    // AADSTS7000218; pinned by the test `field_f17_web_registration_asks_for_a_secret`.
    e(
        AppRegistrationNotPublicClient,
        Admin,
        &[ClientId],
        "The app registration is set up as a web app",
        "Microsoft treated this desktop app as a confidential web app and asked for a client secret (AADSTS7000218). A desktop app must be registered as a public client.",
        &[
            ENTRA_APP_STEPS_HEAD,
            "Authentication: move the redirect URI from \"Web\" to \"Mobile and desktop applications\" (delete the Web entry).",
            "Authentication → Advanced settings: set \"Allow public client flows\" to Yes.",
            "Never put a client secret into the app for this: desktop apps cannot keep it secret.",
        ],
        Some(
            "https://learn.microsoft.com/troubleshoot/entra/entra-id/app-integration/confidential-client-application-authentication-error-aadsts7000218",
        ),
    ),
    e(
        AppRegistrationIsPublicClient,
        Admin,
        &[],
        "The app sent a secret to a public app registration",
        "The app registration is a public client, so Microsoft refuses a client secret (AADSTS700025).",
        &[
            "Remove the client secret from the Mail Setup Assistant settings and vault, then sign in again.",
        ],
        Some("https://learn.microsoft.com/entra/identity-platform/reference-error-codes"),
    ),
    e(
        AppRegistrationIsSpa,
        Admin,
        &[ClientId],
        "The app's return address is registered as a single-page app",
        "Microsoft refused to hand the tokens to a desktop app because the redirect URI is registered under \"Single-page application\" (AADSTS9002327).",
        &[
            ENTRA_APP_STEPS_HEAD,
            "Authentication: delete the redirect URI under \"Single-page application\" and add it under \"Mobile and desktop applications\".",
        ],
        Some("https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow"),
    ),
    e(
        AppNotFoundInTenant,
        Admin,
        &[ClientId, Tenant],
        "Microsoft does not know this app in your organisation",
        "The client ID {client_id} was not found in the tenant {tenant} (AADSTS700016). Either the ID is mistyped, the tenant is wrong, or the app was never consented in this organisation.",
        &[
            "Compare client_id in the settings with the Application (client) ID on the registration's Overview page.",
            "Check the tenant in the settings.",
            "If the registration lives in another tenant, make it multi-tenant and grant admin consent here.",
        ],
        Some("https://learn.microsoft.com/entra/identity-platform/reference-error-codes"),
    ),
    // AADSTS70011 / 700022 (https://learn.microsoft.com/entra/identity-platform/reference-error-codes);
    // pinned by the test `field_f07_scopes_name_one_resource_only`.
    e(
        AppScopeConfig,
        Admin,
        &[Problem],
        "The app asked Microsoft for the wrong permissions",
        "Microsoft refused the requested permissions (scopes): {problem}. A token can be for one service only; mail needs the https://outlook.office.com/ permissions.",
        &[
            "Check any scope overrides in the settings; remove Microsoft Graph scopes such as User.Read from the mail sign-in.",
        ],
        Some("https://learn.microsoft.com/entra/identity-platform/scopes-oidc"),
    ),
    // AADSTS65001 / 90094 / 90095 (https://learn.microsoft.com/entra/identity-platform/reference-error-codes);
    // pinned by the test `field_f16_consent_depends_on_phase`.
    e(
        AdminConsentRequired,
        Admin,
        &[Authority, Tenant, ClientId],
        "An administrator must approve this app first",
        "Your organisation lets only administrators approve apps that read and send mail (\"Need admin approval\"). Users cannot continue until an administrator grants consent.",
        &[
            "An administrator opens {authority}/{tenant}/adminconsent?client_id={client_id} and accepts.",
            "Or: Entra admin center → Enterprise applications → the app → Permissions → Grant admin consent.",
            "Then the user signs in again.",
        ],
        Some("https://learn.microsoft.com/entra/identity-platform/v2-admin-consent"),
    ),
    // AADSTS50020 / 500208 (https://learn.microsoft.com/entra/identity-platform/reference-error-codes);
    // pinned by the test `field_f12_personal_account_vs_other_tenant`.
    e(
        PersonalAccountNotAllowed,
        User,
        &[],
        "This is a personal Microsoft account",
        "The account used is a personal Microsoft account (Outlook.com, Hotmail, Live), but this setup is for work or school accounts.",
        &[
            "If this is your work or school mailbox, sign in with the work or school account instead (use a private window if the browser keeps choosing the personal one).",
            "If it really is a personal Outlook.com/Hotmail mailbox, start again with that address: the app then uses the sign-in for personal accounts.",
        ],
        None,
    )
    .admin(AdminWords {
        explanation: "A personal Microsoft account was used with a work or school registration (AADSTS50020/500208).",
        steps: &[
            "If personal Outlook.com mailboxes must be supported, provide the Outlook.com setup with its own app registration that allows personal accounts.",
        ],
    }),
    e(
        AccountNotInTenant,
        User,
        &[Tenant],
        "Microsoft did not find that account in your organisation",
        "The account does not exist in the organisation the app signs in to ({tenant}).",
        &[
            "Check the spelling of the address.",
            "Helpdesk: confirm the user exists in the tenant named in the settings.",
        ],
        None,
    )
    .admin(AdminWords {
        explanation: "The account is not a member of the tenant the app signs in to ({tenant}) (AADSTS50034/50020/90072).",
        steps: &[
            "Confirm the user exists in this tenant, or invite them as a guest.",
            "Check the tenant in the app's settings ([microsoft] tenant).",
        ],
    }),
    e(
        TenantNotFound,
        Admin,
        &[Tenant],
        "The organisation (tenant) in the settings does not exist",
        "Microsoft does not know the tenant {tenant} (AADSTS90002).",
        &[
            "Correct tenant in the [microsoft] settings (a tenant ID, a verified domain, or organizations).",
        ],
        None,
    ),
    // The national clouds' sign-in addresses, permissions and mail servers go together
    // (https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud); AADSTS900382,
    // 900432, 90038, 90043, 90051, 1000104
    // (https://learn.microsoft.com/entra/identity-platform/reference-error-codes). Pinned by the test
    // `field_n06_national_cloud_mismatch_is_explained`.
    e(
        NationalCloudMismatch,
        Admin,
        &[Problem],
        "The app is set up for another Microsoft cloud than this organisation",
        "This organisation's Microsoft 365 is in another Microsoft cloud than the one the app is set up for ({problem}). Sign-in, permissions and mail servers must all come from the organisation's cloud: a worldwide app registration or server does not work in the US Government or China clouds, and the other way round.",
        &[
            "In the settings file, set [microsoft] cloud to the organisation's cloud (\"usgov\" for GCC High and DoD, \"china\" for 21Vianet, \"global\" for the worldwide service), and remove any authority or [servers] lines that name another cloud.",
            "Register the app in that cloud's Entra admin center (a registration of another cloud is not found there) and put its client ID into client_id.",
            "Users then sign in again.",
        ],
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
        "Confirm your sign-in with your second step",
        "Your organisation now asks for your second sign-in step (for example the Authenticator app) before the app may use your mail, because of a new policy or because you signed in from a new place. The saved sign-in cannot do that on its own; your settings are kept.",
        &[
            "Sign in again as {mailbox} (Sign in in the app, or `mailsetup signin {mailbox}`) and complete the second step in the browser.",
        ],
        Some("https://learn.microsoft.com/entra/identity/authentication/concept-mfa-howitworks"),
    )
    .admin(AdminWords {
        explanation: "A Conditional Access policy or per-user MFA now requires multi-factor authentication for Exchange Online (AADSTS50076/50074/50078); the user must complete it interactively once.",
        steps: &[
            "Entra admin center → Monitoring → Sign-in logs: the sign-in names the policy that required MFA.",
        ],
    }),
    // AADSTS50079 / 50072 / 53004: no method is registered yet
    // (https://learn.microsoft.com/entra/identity-platform/reference-error-codes); pinned by the
    // test `field_n07_mfa_now_and_mfa_setup_are_told_apart`.
    e(
        MfaSetupRequired,
        User,
        &[],
        "Set up your second sign-in step first",
        "Your organisation requires a second sign-in step (for example the Microsoft Authenticator app or a text message), and none is set up for your account yet. Until it is, Microsoft does not let the app use your mail; your settings are kept.",
        &[
            "Go to https://aka.ms/mfasetup, sign in and add a method (the Microsoft Authenticator app, or your phone number).",
            "Then sign in again in the app.",
        ],
        Some("https://aka.ms/mfasetup"),
    )
    .admin(AdminWords {
        explanation: "The user must register multi-factor authentication methods before signing in (AADSTS50079/50072/53004).",
        steps: &[
            "Entra admin center → Protection → Authentication methods → Policies: make sure a method is enabled for the user.",
            "If they cannot register alone (no phone, a new device), issue a Temporary Access Pass.",
            "AADSTS53010: the organisation only lets methods be registered from certain places or devices; the user registers from there.",
        ],
    }),
    e(
        BlockedByPolicy,
        Admin,
        &[Problem],
        "Your organisation's security policy blocked the sign-in",
        "A Conditional Access policy, security defaults or a device rule stopped this sign-in ({problem}).",
        &[
            "Entra admin center → Monitoring → Sign-in logs → find this sign-in → Conditional Access tab: see which policy applied.",
            "Exclude the app or the user, or meet the policy's conditions (for example a managed device).",
        ],
        Some(
            "https://learn.microsoft.com/entra/identity/conditional-access/troubleshoot-conditional-access",
        ),
    ),
    e(
        AccountBlocked,
        User,
        &[Problem],
        "The account cannot sign in right now",
        "Microsoft says the account is locked, disabled or needs a new password ({problem}).",
        &[
            "If you changed or forgot your password, reset it first.",
            "Otherwise ask the helpdesk to check the account in the Microsoft 365 admin center.",
        ],
        Some("https://learn.microsoft.com/entra/identity-platform/reference-error-codes"),
    )
    .admin(AdminWords {
        explanation: "Microsoft says the account is locked, disabled, or its password expired or must change ({problem}).",
        steps: &[
            "Microsoft 365 admin center → Users → Active users → the user: unblock sign-in or reset the password.",
            "Entra admin center → Monitoring → Sign-in logs: look at the failure reason and any risk detections.",
        ],
    }),
    // AADSTS54000 / 50015 (https://learn.microsoft.com/entra/identity-platform/reference-error-codes).
    e(
        MinorConsentRequired,
        Admin,
        &[],
        "This account is marked as a minor: consent must be recorded first",
        "Microsoft blocked the sign-in because the account belongs to a person the organisation has marked as a minor, and no consent for them to use apps is recorded (AADSTS54000/50015).",
        &[
            "Once consent is obtained as your rules require: Entra admin center → Users → the user → Properties → Parental controls: set \"Consent provided for minor\" (and check \"Age group\").",
            "Then the user signs in again.",
        ],
        Some("https://learn.microsoft.com/entra/identity-platform/reference-error-codes"),
    ),
    // Federation (20001, 40008, 50008, 90081 ...), pass-through authentication agents (80001 ...),
    // seamless single sign-on (81004 ...), certificate sign-in (50017, 50192), external MFA
    // controls (50158 ...): https://learn.microsoft.com/entra/identity-platform/reference-error-codes.
    e(
        OrgSignInSetupFailed,
        Admin,
        &[Problem],
        "Your organisation's own sign-in set-up reported a problem",
        "Microsoft handed part of the sign-in to something the organisation runs or configures — a federation server such as AD FS, the pass-through authentication agents, seamless single sign-on, certificate sign-in or an external multi-factor service — and it failed ({problem}). Users cannot fix this.",
        &[
            "Entra admin center → Monitoring → Sign-in logs: find this sign-in (trace ID in the evidence) and read its failure reason.",
            "Check the part the code names: AD FS or the other identity provider, the Microsoft Entra Connect authentication agents, seamless SSO's computer account, or the certificate authorities for certificate sign-in.",
        ],
        Some("https://learn.microsoft.com/entra/identity-platform/reference-error-codes"),
    ),
    e(
        UserNotAssigned,
        Admin,
        &[],
        "This user is not allowed to use the app",
        "The app is set to \"assignment required\" and the user is not assigned to it (AADSTS50105).",
        &[
            "Entra admin center → Enterprise applications → the app → Users and groups → Add user/group.",
        ],
        None,
    ),
    // AADSTS7000012; pinned by the test `field_f13_refresh_at_another_tenant_is_an_app_problem`.
    e(
        TokenStoreAuthorityMismatch,
        Helpdesk,
        &[],
        "The saved sign-in was renewed at the wrong place",
        "The saved sign-in belongs to another Microsoft tenant than the one the app asked (AADSTS7000012). This is an app configuration problem, not a user mistake.",
        &[
            "Remove the account in the app and sign in again.",
            "Check that the tenant in the settings did not change since the account was added.",
        ],
        None,
    ),
    // AADSTS70043; pinned by the test `field_f14_f15_refresh_errors`.
    e(
        ReauthPolicy,
        User,
        &[Mailbox],
        "Your organisation requires you to sign in again",
        "Your organisation's security policy asks everyone to sign in again regularly (sign-in frequency). This is expected, not a fault.",
        &["Sign in again as {mailbox}: Sign in in the app, or `mailsetup signin {mailbox}`."],
        Some(
            "https://learn.microsoft.com/entra/identity/conditional-access/concept-session-lifetime",
        ),
    )
    .admin(AdminWords {
        explanation: "A Conditional Access sign-in frequency policy sets how often users must sign in again (AADSTS70043).",
        steps: &[
            "Entra admin center → Protection → Conditional Access → the policy with Session → Sign-in frequency: adjust it if the interval is too short for mail apps.",
        ],
    }),
    e(
        ClientSecretInvalid,
        Admin,
        &[ClientId, Problem],
        "The app registration's client secret is not accepted",
        "Microsoft refused the client secret stored for the app registration {client_id}: it is wrong (often the secret's ID was copied instead of its value) or it has expired ({problem}).",
        &[
            "Entra admin center → App registrations → {client_id} → Certificates & secrets: create a new client secret and copy its Value (not the Secret ID).",
            "Enter it in the app's Admin page, or run: mailsetup admin set-client-secret",
            "Better: register the app as a public client (Mobile and desktop applications) so no secret is needed.",
        ],
        Some("https://learn.microsoft.com/entra/identity-platform/reference-error-codes"),
    ),
    // AADSTS650056, 650057 (https://learn.microsoft.com/entra/identity-platform/reference-error-codes).
    e(
        AppPermissionsMissing,
        Admin,
        &[ClientId, Problem],
        "The app registration does not list the mail permissions",
        "Microsoft refused because the app registration {client_id} does not include the permissions the app asks for, or consent for them is missing ({problem}).",
        &[
            "Entra admin center → App registrations → {client_id} → API permissions → Add a permission → APIs my organization uses → Office 365 Exchange Online → Delegated: SMTP.Send, IMAP.AccessAsUser.All.",
            "Also add Microsoft Graph → openid, profile, email, offline_access, then Grant admin consent.",
        ],
        Some(
            "https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth",
        ),
    ),
    // AADSTS70001, 7000112 (https://learn.microsoft.com/entra/identity-platform/reference-error-codes).
    e(
        AppDisabled,
        Admin,
        &[ClientId, Problem],
        "The app is disabled in your organisation",
        "Microsoft says the app {client_id} is disabled in the tenant ({problem}).",
        &[
            "Entra admin center → Enterprise applications → the app → Properties → Enabled for users to sign in: Yes → Save.",
        ],
        Some("https://learn.microsoft.com/entra/identity-platform/reference-error-codes"),
    ),
    // AADSTS50194, 9001023, 90124, 90130 (https://learn.microsoft.com/entra/identity-platform/reference-error-codes).
    e(
        AppSingleTenantEndpoint,
        Admin,
        &[ClientId, Problem],
        "The app registration only works with your organisation's own address",
        "The registration {client_id} is single-tenant, or the request needs a specific tenant, but the app used a shared endpoint such as /common or /consumers ({problem}).",
        &[
            "Set tenant in the [microsoft] settings to your tenant ID or verified domain (not common or consumers).",
        ],
        Some("https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc"),
    ),
];
