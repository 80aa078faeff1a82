//! The catalogue: for every [`FindingCode`], who it is for and the words that explain it.
//!
//! Texts may hold `{placeholders}` that the detecting module fills with [`Finding::with`]
//! (`{mailbox}`, `{signed_in}`, `{server}`, `{tenant}`, `{client_id}`, `{duration}`, `{problem}`).
//! Sources for each fix are in `../shared/facts.md` (§ given in the comment of each entry).
//!
//! [`Finding::with`]: super::Finding::with

use super::{Audience, FindingCode};
use crate::platform::Os;

/// The fixed text of one catalogue entry.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// Who can act on it.
    pub audience: Audience,
    /// What happened, in one short sentence.
    pub title: &'static str,
    /// Why, in plain words.
    pub explanation: &'static str,
    /// What to do, in order.
    pub steps: &'static [&'static str],
    /// Vendor documentation.
    pub doc_url: Option<&'static str>,
}

const fn e(
    audience: Audience,
    title: &'static str,
    explanation: &'static str,
    steps: &'static [&'static str],
    doc_url: Option<&'static str>,
) -> Entry {
    Entry {
        audience,
        title,
        explanation,
        steps,
        doc_url,
    }
}

const ENTRA_APP_STEPS_HEAD: &str = "Open the Microsoft Entra admin center (entra.microsoft.com) → Identity → Applications → App registrations → the Mail Setup Assistant registration ({client_id}).";

/// The administrator's words for findings that a user reads but an administrator may have to
/// fix (issue 3 item 10: user and admin wording kept apart). Facts §5.
pub fn admin_part(code: FindingCode) -> Option<(&'static str, &'static [&'static str])> {
    use FindingCode::*;
    Some(match code {
        MfaRequired => (
            "The user must complete or register multi-factor authentication (AADSTS50072/50074/50076/50079).",
            &[
                "If the user cannot register: Entra admin center → Protection → Authentication methods → Registration campaign / policies; make sure a method is allowed for them.",
                "Check the sign-in logs for the Conditional Access policy that requires MFA.",
            ],
        ),
        AccountBlocked => (
            "Microsoft says the account is locked, disabled, or its password expired or must change ({problem}).",
            &[
                "Microsoft 365 admin center → Users → Active users → the user: unblock sign-in or reset the password.",
                "Entra admin center → Monitoring → Sign-in logs: look at the failure reason and any risk detections.",
            ],
        ),
        AccountNotInTenant => (
            "The account is not a member of the tenant the app signs in to ({tenant}) (AADSTS50034/50020/90072).",
            &[
                "Confirm the user exists in this tenant, or invite them as a guest.",
                "Check the tenant in the app's settings ([microsoft] tenant).",
            ],
        ),
        PersonalAccountNotAllowed => (
            "A personal Microsoft account was used with a work or school registration (AADSTS50020/500208).",
            &[
                "If personal Outlook.com mailboxes must be supported, provide the Outlook.com setup with its own app registration that allows personal accounts.",
            ],
        ),
        InteractiveRequired | ConsentDeclined => (
            "Users are asked to accept the app's permissions. If users may not consent in your organisation, grant consent once for everyone.",
            &[
                "Open {authority}/{tenant}/adminconsent?client_id={client_id} as an administrator and accept.",
                "Or: Entra admin center → Enterprise applications → the app → Permissions → Grant admin consent.",
            ],
        ),
        ReauthPolicy => (
            "A Conditional Access sign-in frequency policy sets how often users must sign in again (AADSTS70043).",
            &[
                "Entra admin center → Protection → Conditional Access → the policy with Session → Sign-in frequency: adjust it if the interval is too short for mail apps.",
            ],
        ),
        BasicAuthBlocked => (
            "Password sign-in for SMTP/IMAP is disabled or retired in Exchange Online; apps must use OAuth.",
            &[
                "Give users an app that signs in with OAuth (this one), registered as described in its README.",
            ],
        ),
        WrongAccountOrNoMailboxAccess => (
            "The identity that signed in cannot open the mailbox named in the sign-in.",
            &[
                "For a shared mailbox: Add-MailboxPermission -Identity {mailbox} -User {signed_in} -AccessRights FullAccess",
                "Check that IMAP is enabled for the mailbox: Get-CASMailbox -Identity {mailbox} | Format-List ImapEnabled",
            ],
        ),
        SignedInAsDifferentAccount | SignedInAsAdmin => (
            "Another account than the mailbox signed in; nothing was stored.",
            &[
                "If this keeps happening on shared computers, ask users to sign out of Microsoft in the browser, or use private windows.",
            ],
        ),
        _ => return None,
    })
}

/// The catalogue entry for `code`.
pub fn entry(code: FindingCode) -> Entry {
    use Audience::*;
    use FindingCode::*;
    match code {
        InvalidAddress => e(
            User,
            "That is not an email address we can use",
            "{problem}",
            &["Type just the mailbox address, for example ann@example.edu, and try again."],
            None,
        ),
        SettingsInvalid => e(
            Admin,
            "The settings file cannot be used",
            "The app could not use its settings file: {problem}",
            &[
                "Check that the settings file named above exists and can be read, and correct the field that is named, if any.",
                "Leave a field out (or empty) to use the standard value.",
                "Start the app again.",
            ],
            None,
        ),
        AppNotConfigured => e(
            Admin,
            "Microsoft sign-in is not set up for this app yet",
            "To sign in with Microsoft, the app needs your organisation's app registration (a client ID). None is configured, so the app cannot open the Microsoft sign-in page.",
            &[
                "In the Microsoft Entra admin center, register an app: Identity → Applications → App registrations → New registration.",
                "Under Authentication, add the platform \"Mobile and desktop applications\" with the redirect URI http://localhost.",
                "Under API permissions, add the delegated permissions SMTP.Send and IMAP.AccessAsUser.All (listed under Microsoft Graph → Office 365 Exchange Online), plus openid, profile, email and offline_access, and grant consent.",
                "Put the tenant ID and the application (client) ID into the Mail Setup Assistant settings file, [microsoft] client_id and tenant.",
            ],
            Some(
                "https://learn.microsoft.com/entra/identity-platform/scenario-desktop-app-registration",
            ),
        ),
        DnsFailed => e(
            Helpdesk,
            "The mail server name {server} could not be found",
            "This computer could not look up the address of {server}. Usually the internet connection is down, the DNS server is not answering, or the name is mistyped in the settings.",
            &[
                "Check that this computer can open web pages.",
                "If it can, check the server name in the settings for typos.",
                "On a company network, ask whoever runs the network whether {server} is blocked.",
            ],
            None,
        ),
        ConnectRefused => e(
            Helpdesk,
            "{server} refused the connection",
            "The server answered, but said nothing is accepting connections on that port, or a firewall on the way rejected it.",
            &[
                "Check the port number in the settings (submission is 587, IMAP is 993).",
                "Ask the network administrator whether outgoing connections to this port are allowed.",
            ],
            None,
        ),
        ConnectTimeout => e(
            Helpdesk,
            "No answer from {server} within {duration}",
            "The connection got no reply at all. A firewall, a web filter or a proxy is probably dropping traffic to this port silently.",
            &[
                "Try from another network (for example a phone hotspot) to see whether the local network is blocking it.",
                "Ask the network administrator to allow outgoing connections to {server}.",
                "If the network only allows web traffic through a proxy, mail programs cannot work there; ask for an exception.",
            ],
            None,
        ),
        TlsCertificateInvalid => e(
            Helpdesk,
            "The secure connection to {server} could not be trusted",
            "The server's certificate is not trusted by this computer, has expired, or was issued for another name. Sign-in details are never sent over such a connection. This often means a security product or proxy intercepts secure connections. ({problem})",
            &[
                "Check that the computer's date and time are correct.",
                "If the organisation uses a TLS-inspecting proxy or security product, its certificate authority must be trusted: add it as extra_ca_file in the [tls] section of the settings, or exclude {server} from inspection.",
                "Check the server name in the settings.",
            ],
            None,
        ),
        TlsFailed => e(
            Helpdesk,
            "The secure connection to {server} failed",
            "The encrypted connection could not be set up ({problem}). Microsoft 365 and Gmail require TLS 1.2 or newer.",
            &[
                "Check whether a security product or proxy interferes with secure connections.",
                "Try from another network to compare.",
            ],
            Some(
                "https://learn.microsoft.com/troubleshoot/entra/entra-id/app-integration/application-using-tls-1dot0-1dot1-authentication-fail",
            ),
        ),
        StarttlsUnavailable => e(
            Helpdesk,
            "{server} does not offer a secure connection",
            "The sending server did not offer STARTTLS, so the app will not send your sign-in over this connection. Something on the network may be stripping encryption, or this is not the right server.",
            &[
                "Check the server and port in the settings (Microsoft 365: smtp.office365.com port 587).",
                "Ask the network administrator whether a firewall rewrites mail traffic (\"SMTP inspection\").",
            ],
            None,
        ),
        AuthMechanismUnavailable => e(
            Admin,
            "{server} does not offer the sign-in method this account needs",
            "The server did not list {problem} among its sign-in methods after the connection was secured.",
            &[
                "Check that the server in the settings is the right one for this provider.",
                "For Microsoft 365, make sure SMTP AUTH is enabled for the mailbox (see the next steps if sending fails).",
            ],
            Some(
                "https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission",
            ),
        ),
        ServerTimeout => e(
            Helpdesk,
            "{server} stopped answering",
            "The server accepted the connection but did not reply within {duration}.",
            &[
                "Try again in a few minutes.",
                "If it keeps happening, try from another network.",
            ],
            None,
        ),
        // facts §6.1–6.2; field case F01.
        M365SmtpAuthDisabled => e(
            Admin,
            "Sending is switched off for apps in your organisation",
            "Microsoft 365 accepted the sign-in, but SMTP AUTH (\"Authenticated SMTP\") is disabled {problem}. Apps can only send mail after an administrator turns it on, even with the modern sign-in. The saved sign-in is fine; reading mail (IMAP) still works.",
            &[
                "Microsoft 365 admin center → Users → Active users → {mailbox} → Mail → Manage email apps → tick \"Authenticated SMTP\" → Save.",
                "Or in Exchange Online PowerShell: Set-CASMailbox -Identity {mailbox} -SmtpClientAuthenticationDisabled $false",
                "If the whole organisation has it switched off, the per-mailbox setting above overrides it; to change it for everyone: Set-TransportConfig -SmtpClientAuthenticationDisabled $false",
                "Wait up to an hour for the change to apply, then verify the mailbox again.",
            ],
            Some(
                "https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission",
            ),
        ),
        // F02.
        BasicAuthBlocked => e(
            User,
            "This mailbox does not accept passwords here",
            "Microsoft accounts must use \"Sign in with Microsoft\" for mail apps. Passwords and app passwords are refused by the server, so typing the password again will not help.",
            &["Use the Microsoft sign-in in this app instead of a password."],
            Some(
                "https://techcommunity.microsoft.com/blog/exchange/updated-exchange-online-smtp-auth-basic-authentication-deprecation-timeline/4489835",
            ),
        ),
        AuthRejected => e(
            Helpdesk,
            "{server} refused the sign-in",
            "The mail server did not accept the sign-in for {mailbox}. Common causes: the sign-in belongs to another account, the token has expired or was made for the wrong service, or sending/reading by apps is disabled for this mailbox.",
            &[
                "Sign in again in this app, and make sure you choose {mailbox} in the browser.",
                "Ask the administrator to check that SMTP AUTH and IMAP are enabled for {mailbox} (Get-CASMailbox -Identity {mailbox} | Format-List SmtpClientAuthenticationDisabled,ImapEnabled).",
            ],
            Some(
                "https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth",
            ),
        ),
        // F03.
        WrongAccountOrNoMailboxAccess => e(
            User,
            "Signed in, but this account cannot open {mailbox}",
            "The server accepted the sign-in of {signed_in} but could not open the mailbox {mailbox}. Either the browser signed in a different account, or that account has no access to this mailbox.",
            &[
                "Sign in again and choose {mailbox} in the browser (use a private window if another account is signed in).",
                "If {mailbox} is a shared mailbox, ask the administrator for Full Access (reading) and Send As (sending) permissions for {signed_in}.",
            ],
            Some(
                "https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth",
            ),
        ),
        // F04 and the mission's "classic trap".
        SignedInAsDifferentAccount => e(
            User,
            "The browser signed in as {signed_in}, not {mailbox}",
            "You are setting up {mailbox}, but {provider} returned a sign-in for {signed_in}. This usually happens when the browser is already signed in to another {provider} account. Nothing was saved.",
            &[
                "Try again in a private (incognito/InPrivate) browser window, where no account is signed in.",
                "Or, on the {provider} page, choose \"Use another account\" and sign in as {mailbox}.",
                "If {mailbox} is a shared mailbox, sign in with your own account and use the shared mailbox option.",
            ],
            None,
        ),
        // F11.
        SigninCancelled => e(
            User,
            "The sign-in was cancelled",
            "The sign-in was stopped before it finished (cancelled in the app, or the permissions were declined in the browser), so the app did not get access. Nothing was saved.",
            &[
                "Start the sign-in again and accept the permissions {provider} asks for, choosing {mailbox}.",
            ],
            None,
        ),
        // F09.
        SigninNoCallback => e(
            User,
            "The sign-in did not come back to the app",
            "The app waited {duration} but the browser never returned to it. Either the sign-in was not finished, or Microsoft showed an error page instead of returning.",
            &[
                "Look at the browser window: if it shows a code starting with AADSTS, read it to the helpdesk or paste it into the app's error box.",
                "Otherwise start the sign-in again and finish it in the browser.",
                "For the helpdesk: the app's redirect URI must be registered exactly as configured (http://localhost or http://127.0.0.1) under \"Mobile and desktop applications\".",
            ],
            None,
        ),
        SigninStateMismatch => e(
            Helpdesk,
            "A sign-in answer arrived that this app did not ask for",
            "The browser delivered a sign-in answer whose security check (state) did not match. It may be from an older sign-in tab, or something else on this computer tried to inject a sign-in. It was ignored.",
            &[
                "Close old sign-in tabs and start the sign-in again.",
                "If it happens repeatedly, check the computer for unwanted software.",
            ],
            None,
        ),
        // F11.
        AppBadAuthRequest => e(
            Admin,
            "{provider} refused the sign-in request",
            "{provider} said the sign-in request was not valid ({problem}). This is a configuration problem of the app or its settings, not a user mistake.",
            &[
                "Check the [microsoft] settings: authority, tenant and client_id.",
                "Report the evidence below to the app's maintainers.",
            ],
            Some("https://learn.microsoft.com/entra/identity-platform/reference-error-codes"),
        ),
        // F22.
        LoopbackPortUnavailable => e(
            Helpdesk,
            "Another program or security software is blocking sign-in",
            "To receive the sign-in answer, the app opens a private port on this computer (127.0.0.1). It could not open one ({problem}).",
            &[
                "Close other programs that may hold many local ports, then try again.",
                "Check whether security software blocks programs from listening on 127.0.0.1 and allow Mail Setup Assistant.",
            ],
            None,
        ),
        BrowserOpenFailed => e(
            User,
            "The web browser could not be opened",
            "The app tried to open your web browser for the Microsoft sign-in, but it did not start ({problem}).",
            &[
                "Open your web browser yourself and go to the sign-in link shown by the app.",
                "Or set a default web browser in your computer's settings and try again.",
            ],
            None,
        ),
        // F08.
        AppRedirectNotRegistered => e(
            Admin,
            "The app's sign-in return address is not registered",
            "Microsoft refused to send the sign-in back to the app because the redirect URI the app uses is not registered on the app registration {client_id} (AADSTS50011). Users cannot fix this.",
            &[
                ENTRA_APP_STEPS_HEAD,
                "Authentication → Add a platform → Mobile and desktop applications → add exactly the redirect URI from the settings (http://localhost, or http://127.0.0.1 via the manifest). The port does not matter; the path and host do.",
                "Remove any \"Web\" or \"Single-page application\" entries for localhost with the same path.",
            ],
            Some("https://learn.microsoft.com/entra/identity-platform/reply-url"),
        ),
        // F17.
        AppRegistrationNotPublicClient => e(
            Admin,
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
        AppRegistrationIsPublicClient => e(
            Admin,
            "The app sent a secret to a public app registration",
            "The app registration is a public client, so Microsoft refuses a client secret (AADSTS700025).",
            &[
                "Remove the client secret from the Mail Setup Assistant settings and vault, then sign in again.",
            ],
            Some("https://learn.microsoft.com/entra/identity-platform/reference-error-codes"),
        ),
        AppRegistrationIsSpa => e(
            Admin,
            "The app's return address is registered as a single-page app",
            "Microsoft refused to hand the tokens to a desktop app because the redirect URI is registered under \"Single-page application\" (AADSTS9002327).",
            &[
                ENTRA_APP_STEPS_HEAD,
                "Authentication: delete the redirect URI under \"Single-page application\" and add it under \"Mobile and desktop applications\".",
            ],
            Some("https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow"),
        ),
        AppNotFoundInTenant => e(
            Admin,
            "Microsoft does not know this app in your organisation",
            "The client ID {client_id} was not found in the tenant {tenant} (AADSTS700016). Either the ID is mistyped, the tenant is wrong, or the app was never consented in this organisation.",
            &[
                "Compare client_id in the settings with the Application (client) ID on the registration's Overview page.",
                "Check the tenant in the settings.",
                "If the registration lives in another tenant, make it multi-tenant and grant admin consent here.",
            ],
            Some("https://learn.microsoft.com/entra/identity-platform/reference-error-codes"),
        ),
        // F07.
        AppScopeConfig => e(
            Admin,
            "The app asked Microsoft for the wrong permissions",
            "Microsoft refused the requested permissions (scopes): {problem}. A token can be for one service only; mail needs the https://outlook.office.com/ permissions.",
            &[
                "Check any scope overrides in the settings; remove Microsoft Graph scopes such as User.Read from the mail sign-in.",
            ],
            Some("https://learn.microsoft.com/entra/identity-platform/scopes-oidc"),
        ),
        // F16.
        AdminConsentRequired => e(
            Admin,
            "An administrator must approve this app first",
            "Your organisation lets only administrators approve apps that read and send mail (\"Need admin approval\"). Users cannot continue until an administrator grants consent.",
            &[
                "An administrator opens {authority}/{tenant}/adminconsent?client_id={client_id} and accepts.",
                "Or: Entra admin center → Enterprise applications → the app → Permissions → Grant admin consent.",
                "Then the user signs in again.",
            ],
            Some("https://learn.microsoft.com/entra/identity-platform/v2-admin-consent"),
        ),
        InteractiveRequired => e(
            User,
            "Please sign in again",
            "{provider} needs you to confirm the sign-in in the browser again (for example to accept permissions or complete multi-factor authentication).",
            &[
                "Sign in again (Sign in in the app, or `mailsetup signin {mailbox}`) and finish the steps {provider} shows in the browser.",
            ],
            None,
        ),
        ConsentDeclined => e(
            User,
            "The permissions were declined",
            "{provider} asked for permission to send and read mail and it was declined, so the app cannot work with the mailbox.",
            &["Sign in again and choose Accept on the permissions page."],
            None,
        ),
        // F12.
        PersonalAccountNotAllowed => e(
            User,
            "This is a personal Microsoft account",
            "The account used is a personal Microsoft account (Outlook.com, Hotmail, Live), but this setup is for work or school accounts.",
            &[
                "If this is your work or school mailbox, sign in with the work or school account instead (use a private window if the browser keeps choosing the personal one).",
                "If it really is a personal Outlook.com/Hotmail mailbox, start again with that address: the app then uses the sign-in for personal accounts.",
            ],
            None,
        ),
        AccountNotInTenant => e(
            User,
            "Microsoft did not find that account in your organisation",
            "The account does not exist in the organisation the app signs in to ({tenant}).",
            &[
                "Check the spelling of the address.",
                "Helpdesk: confirm the user exists in the tenant named in the settings.",
            ],
            None,
        ),
        TenantNotFound => e(
            Admin,
            "The organisation (tenant) in the settings does not exist",
            "Microsoft does not know the tenant {tenant} (AADSTS90002).",
            &[
                "Correct tenant in the [microsoft] settings (a tenant ID, a verified domain, or organizations).",
            ],
            None,
        ),
        MfaRequired => e(
            User,
            "Multi-factor authentication needs to be completed",
            "Your organisation requires a second sign-in step (for example the Authenticator app) that was not completed or is not set up yet.",
            &[
                "Sign in again and complete the extra step.",
                "If you have never set it up, go to https://aka.ms/mfasetup first.",
            ],
            Some("https://aka.ms/mfasetup"),
        ),
        BlockedByPolicy => e(
            Admin,
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
        AccountBlocked => e(
            User,
            "The account cannot sign in right now",
            "Microsoft says the account is locked, disabled or needs a new password ({problem}).",
            &[
                "If you changed or forgot your password, reset it first.",
                "Otherwise ask the helpdesk to check the account in the Microsoft 365 admin center.",
            ],
            Some("https://learn.microsoft.com/entra/identity-platform/reference-error-codes"),
        ),
        UserNotAssigned => e(
            Admin,
            "This user is not allowed to use the app",
            "The app is set to \"assignment required\" and the user is not assigned to it (AADSTS50105).",
            &[
                "Entra admin center → Enterprise applications → the app → Users and groups → Add user/group.",
            ],
            None,
        ),
        // F13.
        TokenStoreAuthorityMismatch => e(
            Helpdesk,
            "The saved sign-in was renewed at the wrong place",
            "The saved sign-in belongs to another Microsoft tenant than the one the app asked (AADSTS7000012). This is an app configuration problem, not a user mistake.",
            &[
                "Remove the account in the app and sign in again.",
                "Check that the tenant in the settings did not change since the account was added.",
            ],
            None,
        ),
        // F14.
        ReauthInactivity => e(
            User,
            "Not used for a while: please sign in again",
            "The saved sign-in expired because it was not used for a long time (Microsoft lets it lapse after about 90 days without use). A sign-in in this state cannot be renewed, so the app removes it from this computer's vault.",
            &["Sign in again as {mailbox}: Sign in in the app, or `mailsetup signin {mailbox}`."],
            Some("https://learn.microsoft.com/entra/identity-platform/refresh-tokens"),
        ),
        // F15.
        ReauthPolicy => e(
            User,
            "Your organisation requires you to sign in again",
            "Your organisation's security policy asks everyone to sign in again regularly (sign-in frequency). This is expected, not a fault.",
            &["Sign in again as {mailbox}: Sign in in the app, or `mailsetup signin {mailbox}`."],
            Some(
                "https://learn.microsoft.com/entra/identity/conditional-access/concept-session-lifetime",
            ),
        ),
        ReauthRequired => e(
            User,
            "Please sign in again",
            "The saved sign-in is no longer valid ({problem}). This happens after a password change or when an administrator signs you out everywhere. A sign-in in this state cannot be renewed, so the app removes it from this computer's vault.",
            &["Sign in again as {mailbox}: Sign in in the app, or `mailsetup signin {mailbox}`."],
            Some("https://learn.microsoft.com/entra/identity-platform/refresh-tokens"),
        ),
        IdpError => e(
            Helpdesk,
            "{provider} sign-in reported an error",
            "{provider} answered with an error the app does not recognise ({problem}).",
            &[
                "Look up the AADSTS code at https://login.microsoftonline.com/error?code=<number>.",
                "Send the evidence (it holds the trace and correlation IDs Microsoft support asks for) to the administrator.",
            ],
            Some("https://learn.microsoft.com/entra/identity-platform/reference-error-codes"),
        ),
        // F23.
        NetworkIdpUnreachable => e(
            Helpdesk,
            "Can't reach {provider} sign-in",
            "The app could not reach the {provider} sign-in service ({problem}). This is a network or proxy problem, not a problem with the account; the saved sign-in was kept.",
            &[
                "Check the internet connection.",
                "If the organisation uses a proxy, make sure it is set in the system settings or in HTTPS_PROXY, and that it allows the sign-in service (login.microsoftonline.com for Microsoft; accounts.google.com and oauth2.googleapis.com for Google).",
                "Try again later.",
            ],
            None,
        ),
        IdTokenInvalid => e(
            Admin,
            "{provider}'s answer did not say reliably who signed in",
            "The identity token was missing or did not match this sign-in ({problem}). For safety nothing was saved.",
            &[
                "Make sure the app registration has the openid, profile and email permissions.",
                "Sign in again; if it repeats, send the evidence to the app's maintainers.",
            ],
            None,
        ),
        TokenIncomplete => e(
            Admin,
            "{provider} did not grant everything the app needs",
            "The sign-in worked, but {problem}. Nothing was saved.",
            &[
                "App registration → API permissions: add the delegated permissions SMTP.Send, IMAP.AccessAsUser.All and offline_access, then grant consent.",
                "Sign in again.",
            ],
            Some(
                "https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth",
            ),
        ),
        VaultUnavailable => e(
            Helpdesk,
            "The computer's password vault cannot be used",
            "The app keeps sign-ins only in {vault}, never in a file. It is missing or did not answer ({problem}).",
            vault_steps(VaultUnavailable, Os::current()).unwrap_or(&[]),
            None,
        ),
        VaultLocked => e(
            User,
            "{vault} is locked",
            "The app keeps your sign-in only in {vault}, and it is locked, so the app cannot save or read the sign-in. Nothing was lost.",
            vault_steps(VaultLocked, Os::current()).unwrap_or(&[]),
            None,
        ),
        VaultAccessDenied => e(
            User,
            "The app was not allowed to use {vault}",
            "The computer asked whether Mail Setup Assistant may use its saved sign-in, and the answer was no (or the question was closed). Without it the app cannot save or read the sign-in. Nothing was lost.",
            vault_steps(VaultAccessDenied, Os::current()).unwrap_or(&[]),
            None,
        ),
        VaultValueTooLarge => e(
            Helpdesk,
            "The sign-in could not be saved: {vault} refused it as too large",
            "The sign-in itself worked, but {vault} refused to keep it because it is larger than one of its entries may be ({problem}). This is a fault in Mail Setup Assistant, not in the account or the computer: the app must fit what it saves to the vault. Nothing was saved.",
            &[
                "Save the report (Helpdesk → Save report, or `mailsetup verify {mailbox} --report report.html`) and send it with the app's version to the Mail Setup Assistant maintainers: the evidence below says which limit was hit.",
                "Until a fixed version is installed, the mailbox keeps working in webmail and on other devices.",
            ],
            None,
        ),
        VaultEntryDamaged => e(
            Helpdesk,
            "The saved sign-in for {mailbox} could not be read back whole",
            "Part of what the app saved in {vault} is missing or does not match the rest, so the app does not use it. The mailbox itself is fine.",
            &[
                "Sign in again (in the app, or `mailsetup signin {mailbox}`): that replaces the damaged entry.",
                "If it happens again, save the report and send it to the Mail Setup Assistant maintainers.",
            ],
            None,
        ),
        NotSignedIn => e(
            User,
            "{mailbox} is not signed in on this computer",
            "There is no saved sign-in for this mailbox in the computer's vault.",
            &[
                "Sign in first (Sign in in the app, or `mailsetup signin {mailbox}`), then verify again.",
            ],
            None,
        ),
        TestMessageNotFound => e(
            Helpdesk,
            "The test message did not arrive",
            "The test message was accepted for sending, but it did not show up in the inbox of {mailbox} within {duration}.",
            &[
                "Wait a minute and look in the inbox and the junk folder for \"Mail Setup Assistant test message\".",
                "If it never arrives, a mail flow rule or filter may be holding it; the administrator can trace it in the Exchange admin center → Mail flow → Message trace.",
            ],
            None,
        ),
        MessageRejected => e(
            Helpdesk,
            "The server would not accept the test message",
            "Signing in worked, but the server refused the message ({problem}).",
            &["Give the evidence to the administrator: it says why the server refused."],
            None,
        ),
        UnrecognisedReply => e(
            Helpdesk,
            "The app does not recognise this answer",
            "The app has no explanation for this text (a server reply or an error message) yet. The text is kept below, with personal and secret parts removed.",
            &["Send the evidence to the helpdesk or the app's maintainers."],
            None,
        ),
        SignedInAsAdmin => e(
            User,
            "An administrator account signed in instead of {mailbox}",
            "Microsoft returned a sign-in for {signed_in}, which is an administrator account. An administrator's sign-in is never used for someone else's mailbox. Nothing was saved.",
            &[
                "Try again and pick the account {mailbox} in Microsoft's account list, or use a private window where no account is signed in.",
                "If you are the IT person helping, sign out of your administrator account in this browser first.",
                "If {mailbox} is a shared mailbox, sign in with your own account and use the shared mailbox option.",
            ],
            None,
        ),
        AccountConfirmationNeeded => e(
            User,
            "Is {signed_in} the right account for {mailbox}?",
            "{provider} signed in {signed_in}, which belongs to the same organisation as {mailbox} but has another name (for example an alias or a different sign-in name). The app needs you to confirm it before saving anything.",
            &[
                "Run the sign-in again in a terminal and answer the question, or add --accept-account {signed_in} if you are sure.",
                "If it is not the right account, sign in again and pick {mailbox}.",
            ],
            None,
        ),
        ClientSecretMissing => e(
            Admin,
            "The app registration needs a client secret",
            "The settings say the app registration {client_id} is a confidential (\"Web\") registration, so Microsoft requires a client secret, but none is stored on this computer.",
            &[
                "Preferably, change the registration to a public client: move the redirect URI to \"Mobile and desktop applications\" and set client_type = \"public\" in the settings.",
                "Otherwise enter the secret once in the app's Admin page (or run: mailsetup admin set-client-secret). It is kept only in this computer's password vault.",
            ],
            Some(
                "https://learn.microsoft.com/entra/identity-platform/scenario-desktop-app-registration",
            ),
        ),
        ClientSecretInvalid => e(
            Admin,
            "The app registration's client secret is not accepted",
            "Microsoft refused the client secret stored for the app registration {client_id}: it is wrong (often the secret's ID was copied instead of its value) or it has expired ({problem}).",
            &[
                "Entra admin center → App registrations → {client_id} → Certificates & secrets: create a new client secret and copy its Value (not the Secret ID).",
                "Enter it in the app's Admin page, or run: mailsetup admin set-client-secret",
                "Better: register the app as a public client (Mobile and desktop applications) so no secret is needed.",
            ],
            Some("https://learn.microsoft.com/entra/identity-platform/reference-error-codes"),
        ),
        PrivateWindowUnavailable => e(
            User,
            "A private window could not be opened automatically",
            "The app could not start a browser in private mode ({problem}). You can open one yourself.",
            &[
                "Open a private window in your browser: Ctrl+Shift+N in Edge and Chrome (\"InPrivate\" / \"Incognito\"), Ctrl+Shift+P in Firefox, Cmd+Shift+N in Safari.",
                "Copy this address into it and press Enter: {link}",
                "Sign in there as {mailbox}. The app continues by itself.",
            ],
            None,
        ),
        SharedMailboxNoFullAccess => e(
            Admin,
            "{signed_in} cannot open the shared mailbox {mailbox}",
            "The mail server did not let {signed_in} open {mailbox}. Reading a shared mailbox needs the Full Access permission.",
            &[
                "Exchange admin center → Recipients → Mailboxes → {mailbox} → Delegation → Read and manage (Full Access) → add {signed_in}.",
                "Or in Exchange Online PowerShell: Add-MailboxPermission -Identity {mailbox} -User {signed_in} -AccessRights FullAccess",
                "Wait up to an hour, then verify the mailbox again.",
            ],
            Some("https://learn.microsoft.com/exchange/collaboration-exo/shared-mailboxes"),
        ),
        SharedMailboxNoSendAs => e(
            Admin,
            "{signed_in} cannot send as the shared mailbox {mailbox}",
            "The sending server refused a message from {mailbox} sent by {signed_in}. Sending as a shared mailbox needs the Send As permission ({problem}).",
            &[
                "Exchange admin center → Recipients → Mailboxes → {mailbox} → Delegation → Send as → add {signed_in}.",
                "Or in Exchange Online PowerShell: Add-RecipientPermission -Identity {mailbox} -Trustee {signed_in} -AccessRights SendAs",
                "Wait up to an hour, then verify the mailbox again.",
            ],
            Some("https://learn.microsoft.com/exchange/collaboration-exo/shared-mailboxes"),
        ),
        TokenWrongResource => e(
            Admin,
            "The sign-in token is for another service",
            "The access token was issued for {problem}, not for Exchange mail (https://outlook.office.com). Mail servers refuse such tokens.",
            &[
                "Request the scopes https://outlook.office.com/SMTP.Send and https://outlook.office.com/IMAP.AccessAsUser.All (not Microsoft Graph scopes such as User.Read) and sign in again.",
                "In the app registration, add the delegated permissions under \"Office 365 Exchange Online\" and grant consent.",
            ],
            Some(
                "https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth",
            ),
        ),
        DeviceCodeExpired => e(
            User,
            "The sign-in code expired",
            "The code was not entered in time (codes are valid for about 15 minutes). Nothing was saved.",
            &["Start the sign-in with a code again and enter the new code promptly."],
            Some("https://learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code"),
        ),
        DeviceCodeDeclined => e(
            User,
            "The sign-in with the code was declined",
            "On the other device the sign-in was cancelled or declined. Nothing was saved.",
            &[
                "Start the sign-in with a code again and accept on the other device, signing in as {mailbox}.",
            ],
            None,
        ),
        // facts §5: AADSTS500011, 650052.
        ExchangeNotLicensed => e(
            Admin,
            "Your organisation has no Exchange Online mailbox service for this account",
            "Microsoft says the service the app needs (Office 365 Exchange Online) is not available in the tenant or not licensed for this user ({problem}).",
            &[
                "Microsoft 365 admin center → Users → Active users → the user → Licenses and apps: assign a licence that includes Exchange Online.",
                "If the tenant has no Exchange Online at all, mail for this domain is hosted elsewhere: ask who runs it.",
            ],
            Some("https://learn.microsoft.com/entra/identity-platform/reference-error-codes"),
        ),
        // facts §5: AADSTS650056, 650057.
        AppPermissionsMissing => e(
            Admin,
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
        // facts §5: AADSTS70001, 7000112.
        AppDisabled => e(
            Admin,
            "The app is disabled in your organisation",
            "Microsoft says the app {client_id} is disabled in the tenant ({problem}).",
            &[
                "Entra admin center → Enterprise applications → the app → Properties → Enabled for users to sign in: Yes → Save.",
            ],
            Some("https://learn.microsoft.com/entra/identity-platform/reference-error-codes"),
        ),
        TooManyRequests => e(
            Helpdesk,
            "Too many attempts in a short time",
            "The server is slowing down requests from this computer or account ({problem}). This is temporary.",
            &[
                "Wait 15 minutes, then try once.",
                "Make sure no other program keeps trying to sign in to this mailbox with an old password.",
            ],
            Some(
                "https://learn.microsoft.com/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits",
            ),
        ),
        // facts §1.1: AADSTS50194, 9001023, 90124, 90130.
        AppSingleTenantEndpoint => e(
            Admin,
            "The app registration only works with your organisation's own address",
            "The registration {client_id} is single-tenant, or the request needs a specific tenant, but the app used a shared endpoint such as /common or /consumers ({problem}).",
            &[
                "Set tenant in the [microsoft] settings to your tenant ID or verified domain (not common or consumers).",
            ],
            Some("https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc"),
        ),
        ServerTemporaryFailure => e(
            Helpdesk,
            "The mail server had a temporary problem",
            "The server answered with a temporary error ({problem}). Nothing is wrong with the account.",
            &[
                "Try again in a few minutes.",
                "If it lasts more than an hour, check the provider's service status page.",
            ],
            Some(
                "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online",
            ),
        ),
        // facts §6.1: 550 5.7.705 / 5.7.708.
        TenantSendingBlocked => e(
            Admin,
            "Microsoft 365 has blocked your organisation from sending",
            "Exchange Online refused to send because the whole organisation is blocked ({problem}). This usually follows spam from a compromised account, or happens on trial tenants.",
            &[
                "Microsoft 365 Defender portal → Email & collaboration → Review → Restricted entities: check for blocked accounts and secure them.",
                "Open a support request with Microsoft to lift the tenant block; on a trial tenant, buy licences first.",
            ],
            Some(
                "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-700-through-5-7-750",
            ),
        ),
        // facts §6.1: 550 5.7.750.
        SenderDomainNotAccepted => e(
            Admin,
            "The sending domain is not part of your organisation",
            "Exchange Online refused the message because it comes from a domain that is not an accepted domain of the tenant (550 5.7.750).",
            &[
                "Exchange admin center → Mail flow → Accepted domains: add and verify the domain, or send from an address in an accepted domain.",
            ],
            Some(
                "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-700-through-5-7-750",
            ),
        ),
        // facts §6.1: 550 5.1.8.
        MailboxSendingRestricted => e(
            Admin,
            "This mailbox has been blocked from sending",
            "Microsoft 365 restricted {mailbox} from sending, usually after it sent spam (550 5.1.8 Bad outbound sender).",
            &[
                "Reset the mailbox password and review its sign-ins and forwarding rules.",
                "Microsoft 365 Defender portal → Review → Restricted entities → remove {mailbox}.",
            ],
            Some(
                "https://learn.microsoft.com/defender-office-365/outbound-spam-restore-restricted-users",
            ),
        ),
        // facts §6.1 and §6.3: 5.7.60, SendAsDenied.
        SendAsDenied => e(
            Admin,
            "This account may not send from that address",
            "The server refused the message because the sender address is not the signed-in mailbox and the account has no Send As permission for it ({problem}).",
            &[
                "Send from the signed-in address, or",
                "Exchange admin center → Recipients → Mailboxes → the sending address → Delegation → Send as → add the signed-in account (Add-RecipientPermission -Identity <address> -Trustee <account> -AccessRights SendAs).",
            ],
            Some("https://learn.microsoft.com/exchange/collaboration-exo/shared-mailboxes"),
        ),
        // facts §6.1: 530 5.7.57.
        NotAuthenticatedBeforeSend => e(
            Helpdesk,
            "The program tried to send without signing in first",
            "The server refused to accept mail because no sign-in had succeeded on the connection (530 5.7.57). The sign-in was skipped or failed without the program noticing.",
            &[
                "Check the program's sending settings: it must sign in (SMTP AUTH) on port 587 after STARTTLS before sending.",
            ],
            Some(
                "https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-57-in-exchange-online",
            ),
        ),
        // facts §6.4 and §7.1; field case F18.
        GmailAppPasswordRequired => e(
            User,
            "That is your Google password; Gmail needs an App Password here",
            "Your Google account has 2-Step Verification, so mail programs must use a 16-letter App Password instead of your normal password.",
            &[
                "Go to https://myaccount.google.com/apppasswords (sign in if asked).",
                "Create an App Password named \"Mail Setup Assistant\" and copy the 16 letters.",
                "Paste them into the app's password field (spaces do not matter).",
            ],
            Some("https://support.google.com/accounts/answer/185833"),
        ),
        // facts §6.4; field case F20.
        GmailBadAppPassword => e(
            User,
            "Google rejected the App Password",
            "Google did not accept the App Password: it is mistyped, or it was revoked (changing your Google password revokes all App Passwords).",
            &[
                "Create a new App Password at https://myaccount.google.com/apppasswords.",
                "Paste it into the app (spaces do not matter) and try again.",
                "Check that the username is the full address.",
            ],
            Some("https://support.google.com/mail/?p=BadCredentials"),
        ),
        // facts §6.4: 534 5.7.14, [WEBALERT].
        GmailWebLoginRequired => e(
            User,
            "Google wants you to confirm the sign-in in a browser first",
            "Google blocked this sign-in as unusual until you confirm it on the web.",
            &[
                "Sign in to Gmail in a web browser on this computer and confirm it was you if Google asks.",
                "Then try again here, using an App Password or the Google sign-in.",
            ],
            Some("https://support.google.com/mail/answer/78754"),
        ),
        // F03 with matching claims; facts §6.1 ("IMAP disabled for the mailbox"), §6.2.
        MailboxAccessDenied => e(
            Helpdesk,
            "{mailbox} signed in, but the server would not open its mailbox",
            "The sign-in is right: it is {mailbox}. Yet the mail server refused to open the mailbox after accepting the sign-in. Usually IMAP is turned off for this mailbox, or the account has no Exchange Online mailbox (licence) yet.",
            &[
                "Ask the administrator to check that IMAP is on for the mailbox: Get-CASMailbox -Identity {mailbox} | Format-List ImapEnabled (turn it on with Set-CASMailbox -Identity {mailbox} -ImapEnabled $true), or in the Microsoft 365 admin center → Users → Active users → the user → Mail → Manage email apps → IMAP.",
                "Check that the user has a licence that includes Exchange Online and that the mailbox exists (it can take a few hours after licensing).",
                "Then verify the mailbox again. The saved sign-in is kept.",
            ],
            Some(
                "https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/pop3-and-imap4/enable-or-disable-pop3-or-imap4-access",
            ),
        ),
        // facts §9: autoconfig found nothing.
        ServerSettingsNeeded => e(
            User,
            "The app needs the mail server settings for {domain}",
            "The app could not find out which servers handle mail for {domain}: the provider publishes no automatic settings.",
            &[
                "Enter the incoming (IMAP) and outgoing (SMTP) server names and ports. Your mail provider's help pages or your IT team have them.",
                "Use the secure ports: IMAP 993 (SSL/TLS), SMTP 587 (STARTTLS) or 465 (SSL/TLS). The app never sends a password over an unencrypted connection.",
                "On the command line, add them to the command: `--imap imap.example.net:993 --smtp smtp.example.net:587` (and `--username NAME` when the login is not the address).",
            ],
            Some("https://support.mozilla.org/kb/manual-account-configuration"),
        ),
        PasswordSignInNeeded => e(
            User,
            "{domain} signs in with a password",
            "This provider offers mail programs no sign-in in the browser. The app signs in with the mailbox's password instead: it checks the password on the mail server (only over an encrypted connection) and keeps it only in this computer's vault.",
            &[
                "Use the password sign-in: Password in the app, or `mailsetup signin {mailbox} --password`.",
            ],
            Some("https://support.mozilla.org/kb/manual-account-configuration"),
        ),
        // facts §7.2.
        GoogleSignInNotConfigured => e(
            Admin,
            "\"Sign in with Google\" is not set up for this app",
            "To sign in with Google, the app needs an OAuth client of your organisation. None is configured; Gmail and Google Workspace mailboxes can still use an App Password.",
            &[
                "In the Google Cloud console (APIs & Services → Credentials), create an OAuth client ID of type \"Desktop app\".",
                "On the OAuth consent screen, add the scope https://mail.google.com/ (a restricted scope: for use outside your own Workspace, Google's verification is required), and publish the app: in \"Testing\" status refresh tokens expire after 7 days.",
                "Put the client id into the settings file, [google] client_id, and store the client's secret in the vault with: mailsetup admin set-client-secret --google.",
            ],
            Some("https://developers.google.com/identity/protocols/oauth2/native-app"),
        ),
        // facts §1.1 (consumers authority).
        PersonalSignInNotConfigured => e(
            Admin,
            "Sign-in for personal Microsoft accounts is not set up for this app",
            "Outlook.com and Hotmail accounts sign in at Microsoft's consumer service, which needs an app registration that accepts personal accounts. None is configured.",
            &[
                "In the Microsoft Entra admin center, register an app whose supported account types include \"Personal Microsoft accounts\".",
                "Under Authentication, add the platform \"Mobile and desktop applications\" with the redirect URI http://localhost; add the delegated permissions IMAP.AccessAsUser.All and SMTP.Send (Office 365 Exchange Online), plus offline_access.",
                "Put its application (client) ID into the settings file, [outlook] client_id.",
            ],
            Some(
                "https://learn.microsoft.com/entra/identity-platform/supported-accounts-validation",
            ),
        ),
        PasswordRejected => e(
            User,
            "{server} did not accept the password for {mailbox}",
            "The mail server refused the password, so nothing was saved. Either it was mistyped, or the provider wants a different kind of password for mail programs.",
            &[
                "Type the password again (check Caps Lock and the keyboard layout).",
                "Some providers need a separate password for mail programs (an \"app password\") when two-step sign-in is on: look in your mail account's security settings.",
                "If it keeps failing, ask your mail provider or IT team whether IMAP and SMTP access are allowed for your mailbox.",
            ],
            Some("https://support.mozilla.org/kb/manual-account-configuration"),
        ),
        Internal => e(
            Helpdesk,
            "Something unexpected went wrong in the app",
            "The app ran into an error it did not expect. No sign-in details were lost.",
            &[
                "Try again.",
                "If it repeats, send the report to the app's maintainers.",
            ],
            None,
        ),
    }
}

/// The name of the OS's credential vault, as a person sees it.
pub const fn vault_name(os: Os) -> &'static str {
    match os {
        Os::Windows => "Windows Credential Manager",
        Os::MacOs => "the macOS keychain",
        Os::Linux => "the computer's keyring (Secret Service)",
    }
}

/// The fix steps of a vault finding for `os`: the advice that applies on that OS only.
/// Sources: Windows — `CredWriteW` fails with `ERROR_NO_SUCH_LOGON_SESSION` where the logon
/// session has no credential store
/// (<https://learn.microsoft.com/windows/win32/api/wincred/nf-wincred-credwritew>), which the
/// policy "Network access: Do not allow storage of passwords and credentials for network
/// authentication" also causes
/// (<https://learn.microsoft.com/windows/security/threat-protection/security-policy-settings/network-access-do-not-allow-storage-of-passwords-and-credentials-for-network-authentication>);
/// macOS — Keychain Access (<https://support.apple.com/guide/keychain-access/>); Linux — the
/// Secret Service API (<https://specifications.freedesktop.org/secret-service/>).
pub fn vault_steps(code: FindingCode, os: Os) -> Option<&'static [&'static str]> {
    use FindingCode::*;
    Some(match (code, os) {
        (VaultUnavailable, Os::Windows) => &[
            "Start the app from your own Windows desktop session: Credential Manager is not available to a program started as a service, as a scheduled task without your profile, or with \"Run as different user\".",
            "If it still fails, the policy \"Network access: Do not allow storage of passwords and credentials for network authentication\" may be on: IT can check it (Local Security Policy → Security Options, or the Group Policy that sets it).",
            "Try again.",
        ],
        (VaultUnavailable, Os::MacOs) => &[
            "Open Keychain Access (Applications → Utilities) and check that a \"login\" keychain is listed; if it is missing or damaged, Keychain Access → Settings → Reset Default Keychains creates a new one (saved passwords in the old one are kept aside).",
            "Try again.",
        ],
        (VaultUnavailable, Os::Linux) => &[
            "Log in to a desktop session (GNOME, KDE): it starts the keyring. Check that \"Passwords and Keys\" (Seahorse) or KWallet opens.",
            "Without a desktop session (e.g. over SSH), the Secret Service needs a D-Bus session bus and a running keyring: for example `dbus-run-session -- bash`, then start gnome-keyring-daemon --unlock --components=secrets inside it.",
            "Try again.",
        ],
        (VaultLocked, Os::Windows) => {
            &["Sign out of Windows and sign in again with your own account, then try again."]
        }
        (VaultLocked, Os::MacOs) => &[
            "Open Keychain Access (Applications → Utilities), select the \"login\" keychain and unlock it with your Mac password (File → Unlock Keychain \"login\").",
            "Try again.",
        ],
        (VaultLocked, Os::Linux) => &[
            "Unlock the login keyring: log in to the desktop session with your password (it unlocks with it), or open \"Passwords and Keys\" (Seahorse) and unlock \"Login\".",
            "Try again.",
        ],
        (VaultAccessDenied, Os::Windows) => &[
            "Start the app from your own Windows account (not \"Run as different user\"), then try again.",
        ],
        (VaultAccessDenied, Os::MacOs) => &[
            "Try again. When the Mac asks whether Mail Setup Assistant may use its item in your keychain, type your Mac password and click \"Always Allow\" (\"Deny\" stops the app from using the sign-in).",
            "If the question does not appear: Keychain Access → login → search \"mailsetup\" → open the item → Access Control → add Mail Setup Assistant.",
        ],
        (VaultAccessDenied, Os::Linux) => &[
            "Try again. When the keyring asks for a password to unlock, type your login password (closing that window refuses access).",
        ],
        _ => return None,
    })
}
