//! Findings: every failure the app can report, explained for a person.
//!
//! This module owns the *words*. Other modules detect what went wrong and name it with a
//! [`FindingCode`]; the [`catalogue`] turns the code into a title, an explanation and numbered
//! fix steps for the right [`Audience`]; [`classify`] maps raw server and identity-provider
//! replies to codes; [`redact`] makes sure evidence never carries a secret or a per-call id.
//!
//! The JSON shape of a [`Finding`] is the contract with the desktop page and with scripts
//! (`mailsetup --json`): `{code, audience, title, explanation, steps[], evidence?, docUrl?}`,
//! and for an `INTERNAL` finding its redacted `cause?`.
//! The page switches on `code` only and never parses text. The shape is pinned by a test.

pub mod catalogue;
mod claims;
pub mod classify;
mod param;
mod recovery;
pub mod redact;

pub use claims::ClaimsChallenge;
pub use param::Param;
pub use recovery::HelperFailure;

use std::fmt;

use serde::{Deserialize, Serialize};

/// Who can act on a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// The person setting up their own mailbox: the fix is in their hands.
    User,
    /// The helpdesk: look at the user's computer or network, or pass it on.
    Helpdesk,
    /// The organisation's Microsoft 365 / Google Workspace administrator (or the app's
    /// registration owner).
    Admin,
}

/// Stable finding codes. Serialised as `SCREAMING_SNAKE_CASE`; a code never changes meaning.
/// `FindingCode::iter()` (strum's `IntoEnumIterator`) lists every code in this order.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum FindingCode {
    /// The typed text is not a mailbox address.
    InvalidAddress,
    /// The settings cannot be used: a settings file or a policy IT set has an invalid field.
    SettingsInvalid,
    /// The deployment files (ADMX/ADML, .mobileconfig, settings file) could not be saved.
    DeploymentFilesNotSaved,
    /// The daily renewal could not be registered with (or removed from) the OS's scheduler.
    ScheduleFailed,
    /// The local relay was asked to listen on an address other computers can reach.
    RelayNotLoopback,
    /// The local relay cannot listen on its port (taken by another program, or not allowed).
    RelayCannotListen,
    /// The relay's listening address is not an address and port.
    RelayListenInvalid,
    /// A program's name for the relay cannot be used.
    RelayProgramNameInvalid,
    /// A program sent mail to the relay without signing in (AUTH) first.
    RelayAuthRequired,
    /// A program gave the relay a user name or local password it does not know.
    RelayPasswordRefused,
    /// A program asked the relay to send from an address it was not added for.
    RelaySenderNotAllowed,
    /// A message to the relay was larger than its limit.
    RelayMessageTooBig,
    /// The files for staff were asked for before the app registration passed its check.
    DeploymentNeedsPassedCheck,
    /// No app registration (client id) has been configured for Microsoft sign-in.
    AppNotConfigured,
    /// A server name does not resolve.
    DnsFailed,
    /// A server actively refused the connection (nothing listens on that port, or a firewall
    /// rejects it).
    ConnectRefused,
    /// No answer from a server within the connect timeout (black-holed port, firewall, proxy).
    ConnectTimeout,
    /// The server's certificate is not trusted, expired or for another name.
    TlsCertificateInvalid,
    /// The TLS handshake failed for another reason (old protocol version, interception).
    TlsFailed,
    /// The submission server does not offer STARTTLS, so credentials cannot be sent safely.
    StarttlsUnavailable,
    /// The server does not offer the sign-in method the account needs (e.g. XOAUTH2).
    AuthMechanismUnavailable,
    /// A server stopped answering in the middle of a conversation.
    ServerTimeout,
    /// Microsoft 365 has SMTP AUTH switched off for the tenant or the mailbox (`535 5.7.139`).
    M365SmtpAuthDisabled,
    /// Password (basic) sign-in is blocked; the account must use "Sign in with Microsoft".
    BasicAuthBlocked,
    /// Microsoft 365 refused a password sign-in (`535 5.7.3` after `AUTH LOGIN`/`PLAIN`): a wrong
    /// password, or Basic authentication switched off.
    M365PasswordRefused,
    /// A High Volume Email account sent to a recipient outside the organisation (`550 5.5.105`).
    HighVolumeEmailExternalRecipient,
    /// The mail server refused the sign-in token or password (generic `535 5.7.3` / `NO`).
    AuthRejected,
    /// Signed in, but the identity cannot open this mailbox (Exchange "authenticated but not
    /// connected").
    WrongAccountOrNoMailboxAccess,
    /// The account that signed in in the browser is not the mailbox being set up.
    SignedInAsDifferentAccount,
    /// The user cancelled or declined the sign-in in the browser.
    SigninCancelled,
    /// The browser never came back to the app before the time limit.
    SigninNoCallback,
    /// A sign-in answer arrived that this sign-in did not ask for (`state` mismatch).
    SigninStateMismatch,
    /// The one-time sign-in link was opened a second time; the sign-in was stopped.
    SigninLinkReopened,
    /// Microsoft refused the sign-in request as malformed (`invalid_request`, ...).
    AppBadAuthRequest,
    /// The app could not open a local port to receive the sign-in answer.
    LoopbackPortUnavailable,
    /// The system browser could not be started (the sign-in goes on: the link is shown to be
    /// opened by hand).
    BrowserOpenFailed,
    /// The app's redirect address is not registered on the Entra app (AADSTS50011).
    AppRedirectNotRegistered,
    /// The Entra registration is a "Web" (confidential) app: a secret is demanded (AADSTS7000218).
    AppRegistrationNotPublicClient,
    /// A client secret was sent to a public registration (AADSTS700025).
    AppRegistrationIsPublicClient,
    /// The loopback address is registered as a single-page application (AADSTS9002327).
    AppRegistrationIsSpa,
    /// The client id is not known in the tenant (AADSTS700016).
    AppNotFoundInTenant,
    /// The requested scopes are wrong (AADSTS28000 / 70011 / 700022).
    AppScopeConfig,
    /// The app needs admin consent (AADSTS90094 / 90095 / 65001 when users may not consent).
    AdminConsentRequired,
    /// The user has not consented yet (AADSTS65001 at refresh time): sign in interactively.
    InteractiveRequired,
    /// The user declined consent (AADSTS65004).
    ConsentDeclined,
    /// A personal Microsoft account was used where only work/school accounts are allowed.
    PersonalAccountNotAllowed,
    /// The account does not exist in this tenant (AADSTS50034 / 90072).
    AccountNotInTenant,
    /// The tenant in the settings does not exist (AADSTS90002).
    TenantNotFound,
    /// The organisation is in another Microsoft cloud (US Government, China) than the one the
    /// app is set up for, or the settings mix two clouds (AADSTS900382, 90038, ...).
    NationalCloudMismatch,
    /// Multi-factor authentication must be completed or registered.
    MfaRequired,
    /// No second sign-in step is registered for the account yet (AADSTS50079 / 50072 / 53004).
    MfaSetupRequired,
    /// Blocked by Conditional Access, security defaults or device policy.
    BlockedByPolicy,
    /// The user account is locked, disabled or its password expired.
    AccountBlocked,
    /// The account is marked as a minor and consent for it is not recorded (AADSTS54000 /
    /// 50015).
    MinorConsentRequired,
    /// The organisation's own sign-in set-up (federation, pass-through agents, seamless SSO,
    /// certificate sign-in, external MFA) failed.
    OrgSignInSetupFailed,
    /// The user is not assigned to the app (AADSTS50105).
    UserNotAssigned,
    /// The refresh token was refreshed at another authority (AADSTS7000012).
    TokenStoreAuthorityMismatch,
    /// The saved sign-in expired after a long time unused (AADSTS700082 / 70008).
    ReauthInactivity,
    /// The organisation requires signing in again periodically (AADSTS70043).
    ReauthPolicy,
    /// The saved sign-in was revoked (password change, admin revoked sessions: AADSTS50173 ...).
    ReauthRequired,
    /// The provider says the saved refresh token was already used (AADSTS70000) and this
    /// computer never got its replacement: a renewal's answer lost in flight.
    RefreshTokenReused,
    /// Another run of the app kept renewing this sign-in for longer than the wait.
    SignInBusy,
    /// Microsoft's sign-in service answered with an error the app does not recognise.
    IdpError,
    /// The sign-in service had a temporary problem on its side (AADSTS50000, 90033, ...,
    /// `temporarily_unavailable`).
    IdpTemporaryFailure,
    /// The sign-in page was opened in a built-in browser the provider refuses
    /// (`disallowed_useragent`).
    EmbeddedBrowserRefused,
    /// Microsoft sign-in (the identity provider) cannot be reached: network or proxy.
    NetworkIdpUnreachable,
    /// The sign-in answer lacked or contradicted the identity token (nonce, audience, claims).
    IdTokenInvalid,
    /// The token response is missing something the app asked for (refresh token, mail scopes).
    TokenIncomplete,
    /// The OS credential vault cannot be used: no vault service, or it failed.
    VaultUnavailable,
    /// The OS credential vault is locked (Linux keyring, macOS keychain).
    VaultLocked,
    /// The vault service runs but has no default keyring to keep entries in (Linux: no default
    /// collection; macOS: no default keychain).
    VaultNotSetUp,
    /// The person or a policy refused the app access to the vault (macOS "Deny").
    VaultAccessDenied,
    /// The vault refused a value as too large: the app's fault (its layout must fit).
    VaultValueTooLarge,
    /// A saved entry could not be read back whole (parts missing or not matching).
    VaultEntryDamaged,
    /// There is no saved sign-in for this address in the vault.
    NotSignedIn,
    /// A token was asked for (`mailsetup token`, the relay) but the mailbox signs in with a
    /// password (App Password): there is no token.
    PasswordSignInHasNoToken,
    /// The test message was sent but did not show up in the inbox in time.
    TestMessageNotFound,
    /// The server refused the test message.
    MessageRejected,
    /// A server reply the catalogue does not recognise; the redacted text is kept.
    UnrecognisedReply,
    /// A pasted text is longer than `explain` reads
    /// ([`MAX_TEXT_BYTES`](classify::explain::MAX_TEXT_BYTES)): paste only the error lines.
    PastedTextTooLong,
    /// The `user=` of an XOAUTH2 response is not a mail address (a fault of the app or of the
    /// stored account, never the password).
    Xoauth2BadUsername,
    /// The mail server refused the access token as expired or invalid (XOAUTH2 status 401).
    AccessTokenRefused,
    /// The mail server answered XOAUTH2 with status 400: the request (user, token audience),
    /// not the token's validity.
    Xoauth2BadRequest,
    /// An administrator's account signed in instead of the mailbox.
    SignedInAsAdmin,
    /// A related account signed in and the person must confirm it (non-interactive use).
    AccountConfirmationNeeded,
    /// The registration is confidential ("Web") but no client secret is in the vault.
    ClientSecretMissing,
    /// The client secret of a confidential registration is wrong or expired (AADSTS7000215/7000222).
    ClientSecretInvalid,
    /// No browser with a private mode could be started.
    PrivateWindowUnavailable,
    /// The delegate cannot open the shared mailbox (Full Access missing).
    SharedMailboxNoFullAccess,
    /// The delegate cannot send as the shared mailbox (Send As missing).
    SharedMailboxNoSendAs,
    /// The access token is for another service than Exchange mail (e.g. Microsoft Graph).
    TokenWrongResource,
    /// The device code expired before it was entered.
    DeviceCodeExpired,
    /// The sign-in with the device code was declined.
    DeviceCodeDeclined,
    /// The organisation's Conditional Access blocks signing in with a code on another device
    /// (AADSTS530033, or AADSTS53003 during a device-code sign-in).
    DeviceCodeBlocked,
    /// Signing in with a code on another device is not possible for this mailbox's provider.
    DeviceCodeUnavailable,
    /// The tenant has no Exchange Online (or no licence for it): AADSTS500011 / 650052.
    ExchangeNotLicensed,
    /// The app registration lacks the permissions it asks for (AADSTS650056 / 650057).
    AppPermissionsMissing,
    /// The app is disabled in the tenant (AADSTS70001 / 7000112).
    AppDisabled,
    /// Too many requests or login attempts: wait and try again (AADSTS50196 / 90055, SMTP 454
    /// 4.7.0, 451 4.7.5xx, 4.3.2 thread limit).
    TooManyRequests,
    /// A single-tenant app was used through a multi-tenant endpoint (AADSTS50194, 9001023, ...).
    AppSingleTenantEndpoint,
    /// A temporary server error (451 4.7.0, 421): try again later.
    ServerTemporaryFailure,
    /// Exchange Online's front end failed on the sign-in (`451 4.7.0 ... PRXn` in reply to
    /// AUTH): not temporary, despite its words.
    M365AuthFrontendError,
    /// Microsoft 365 blocks the organisation from sending (550 5.7.705 / 5.7.708).
    TenantSendingBlocked,
    /// Sending from a domain the organisation has not added (550 5.7.750).
    SenderDomainNotAccepted,
    /// The mailbox is restricted from sending (550 5.1.8, outbound spam).
    MailboxSendingRestricted,
    /// The account may not send as the From address (5.7.60, SendAsDenied).
    SendAsDenied,
    /// Mail was sent before sign-in succeeded (530 5.7.57).
    NotAuthenticatedBeforeSend,
    /// Gmail: 2-Step Verification is on, an App Password is needed (534 5.7.9).
    GmailAppPasswordRequired,
    /// Gmail: the App Password (or password) was not accepted (535 5.7.8).
    GmailBadAppPassword,
    /// Google refused a password that is not an App Password's 16 letters (most likely the
    /// Google account password).
    GmailNotAnAppPassword,
    /// Gmail: Google wants a sign-in in the browser first (534 5.7.14, `[WEBALERT]`).
    GmailWebLoginRequired,
    /// The right account signed in, but the server would not open its mailbox (IMAP off for
    /// it, no Exchange licence, no mailbox yet): "authenticated but not connected" with matching
    /// claims (test `field_f03_accepted_then_not_connected_with_matching_claims_is_a_closed_mailbox`
    /// in crates/cli/tests/scripted.rs).
    MailboxAccessDenied,
    /// No server settings are known for a provider the app does not recognise.
    ServerSettingsNeeded,
    /// "Sign in with Google" has no client id in the settings.
    GoogleSignInNotConfigured,
    /// The Google Workspace administrator does not allow the app (`admin_policy_enforced`).
    GoogleAppBlockedByAdmin,
    /// Google Workspace for Education blocks unconfigured apps for users designated as under 18
    /// (`access_not_configured`).
    GoogleAppNotConfigured,
    /// The Google OAuth client accepts only accounts of its own organisation (`org_internal`).
    GoogleAppInternalOnly,
    /// The Google OAuth client or its secret is not accepted (`invalid_client`,
    /// `unauthorized_client`).
    GoogleClientInvalid,
    /// The Google OAuth client was deleted (`deleted_client`).
    GoogleClientDeleted,
    /// The Google OAuth client is not a "Desktop app" client (`redirect_uri_mismatch`,
    /// `origin_mismatch`).
    GoogleClientNotDesktop,
    /// The app's Google project is in testing or unverified for Gmail (`403 access_denied`).
    GoogleAppUnverified,
    /// Google's Advanced Protection Program blocks the app (`policy_enforced`).
    GoogleAdvancedProtection,
    /// The person did not tick Gmail access on Google's consent page (granular consent).
    GoogleScopeNotGranted,
    /// Personal Microsoft accounts have no app registration in the settings.
    PersonalSignInNotConfigured,
    /// The mail server refused the password.
    PasswordRejected,
    /// The computer's clock differs from the sign-in service's by more than five minutes.
    ClockSkew,
    /// A provider that signs in only with a password was asked for a browser sign-in.
    PasswordSignInNeeded,
    /// Registration check: the client id is neither an app registration nor an enterprise
    /// application in the administrator's organisation.
    RegistrationNotFound,
    /// Registration check: the app is registered in another organisation; its settings can only
    /// be read there.
    RegistrationInOtherTenant,
    /// Registration check: the enterprise application is disabled (sign-ins fail with AADSTS7000112).
    RegistrationDisabled,
    /// Registration check: the registration has no "Mobile and desktop applications" platform.
    RegistrationNotPublicClient,
    /// Registration check: "Allow public client flows" is off (the device code fails with
    /// AADSTS7000218).
    RegistrationPublicFlowsOff,
    /// Registration check: a "Web" registration, but no client secret is stored on this computer.
    RegistrationSecretNotStored,
    /// Registration check: the registration has no client secret that is still valid.
    RegistrationNoCurrentSecret,
    /// Registration check: Microsoft refused the stored client secret.
    RegistrationSecretRefused,
    /// Registration check: the loopback redirect URI the app uses is not registered.
    RegistrationRedirectMissing,
    /// Registration check: the redirect URI is registered under another platform too or instead.
    RegistrationRedirectWrongPlatform,
    /// Registration check: delegated permissions the app needs are not in the registration.
    RegistrationPermissionsMissing,
    /// Registration check: no administrator consented to permissions the app needs.
    RegistrationConsentMissing,
    /// Registration check: the registration has application permissions this app never uses.
    RegistrationPermissionsUnneeded,
    /// Registration check: the administrator's account may not read app registrations.
    RegistrationCheckForbidden,
    /// An unexpected internal error; details are in the log.
    Internal,
}

impl FindingCode {
    /// The stable text form, e.g. `M365_SMTP_AUTH_DISABLED` (the same as its JSON).
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl fmt::Display for FindingCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One explained failure.
///
/// Build one with [`Finding::new`] (catalogue text) and refine it with [`Finding::with`]
/// (fills `{placeholders}` in the text), [`Finding::with_evidence`] (redacted automatically) and
/// [`Finding::with_step`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Stable code the UI and scripts switch on.
    pub code: FindingCode,
    /// Who can fix it.
    pub audience: Audience,
    /// One short sentence: what happened.
    pub title: String,
    /// Plain-language explanation: why it matters and what it means.
    pub explanation: String,
    /// Numbered fix steps, in order, for [`Finding::audience`].
    pub steps: Vec<String>,
    /// The redacted server reply, error code or trace id that proves it.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub evidence: Option<String>,
    /// Vendor documentation for the fix.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub doc_url: Option<String>,
    /// For a finding the user reads but only an administrator can fully fix: the words for the
    /// administrator, kept apart from the user's.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub for_admin: Option<AdminPart>,
    /// For an administrator's finding: one sentence telling the user what to do with it.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub for_user: Option<String>,
    /// For an `INTERNAL` finding only: the unexpected error behind it, redacted, for the log
    /// and the helpdesk report (technical detail; the person reads the catalogue's words).
    /// Set by [`Finding::internal`] alone.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub cause: Option<String>,
    /// A claims challenge the provider sent with this failure: the next interactive sign-in of
    /// the mailbox passes it on ([`ClaimsChallenge`]). Not part of the JSON: the page and
    /// scripts have nothing to do with it; the assistant keeps it for the next sign-in.
    #[serde(skip)]
    pub claims: Option<ClaimsChallenge>,
}

/// The administrator's part of a user's finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminPart {
    /// What it means for the administrator.
    pub explanation: String,
    /// Numbered steps for the administrator.
    pub steps: Vec<String>,
}

/// What the user is told to do with a finding only an administrator can fix (`admin-handoff`).
pub fn admin_handoff() -> String {
    crate::l10n::tr("admin-handoff")
}

impl Finding {
    /// The catalogue finding for `code` in the person's language ([`crate::l10n`]), with
    /// `{placeholders}` left for [`Finding::with`].
    pub fn new(code: FindingCode) -> Self {
        let entry = catalogue::entry(code);
        let words = catalogue::words(code);
        Finding {
            code,
            audience: entry.audience,
            title: words.title,
            explanation: words.explanation,
            steps: words.steps,
            evidence: None,
            doc_url: entry.doc_url.map(str::to_string),
            for_admin: words
                .admin
                .map(|(explanation, steps)| AdminPart { explanation, steps }),
            for_user: (entry.audience == Audience::Admin).then(admin_handoff),
            cause: None,
            claims: None,
        }
    }

    /// Replaces the placeholder of `param` with `value` in the title, explanation and steps.
    ///
    /// `param` must be one the catalogue declares for this code ([`catalogue::Entry::params`]):
    /// any other would show nowhere, so a debug build stops there (pinned by the test
    /// `with_an_undeclared_param_is_caught`). A helper that fills the same value into findings
    /// of several codes uses [`Finding::with_if_used`].
    pub fn with(self, param: Param, value: impl AsRef<str>) -> Self {
        debug_assert!(
            catalogue::entry(self.code).params.contains(&param),
            "{}: {param} is not a parameter of this finding",
            self.code
        );
        self.with_if_used(param, value)
    }

    /// Like [`Finding::with`], for a value that only some of the codes a helper builds use:
    /// a finding whose words do not name `param` stays as it is.
    ///
    /// The value is text from a server, a person or a file: its braces are shown as
    /// parentheses so that nothing in it can read as a placeholder, and it is redacted like
    /// evidence (a `{problem}` is often a server's words, a `{signed_in}` account is quoted from
    /// an error text) — except a `{link}`, which the person must be able to open as it is.
    pub fn with_if_used(mut self, param: Param, value: impl AsRef<str>) -> Self {
        let key = param.placeholder();
        let value = literal(value.as_ref());
        let value = if param == Param::Link {
            value
        } else {
            redact::redact(&value)
        };
        let value = value.as_str();
        self.title = self.title.replace(key, value);
        self.explanation = self.explanation.replace(key, value);
        for step in &mut self.steps {
            *step = step.replace(key, value);
        }
        if let Some(admin) = &mut self.for_admin {
            admin.explanation = admin.explanation.replace(key, value);
            for step in &mut admin.steps {
                *step = step.replace(key, value);
            }
        }
        self
    }

    /// The parameters the catalogue declares for this code that no one filled: their
    /// placeholder is still in the words (until [`Finding::finish`] puts neutral words there).
    pub fn unfilled(&self) -> Vec<Param> {
        let mut texts = vec![&self.title, &self.explanation];
        texts.extend(&self.steps);
        if let Some(admin) = &self.for_admin {
            texts.push(&admin.explanation);
            texts.extend(&admin.steps);
        }
        catalogue::entry(self.code)
            .params
            .iter()
            .copied()
            .filter(|p| texts.iter().any(|t| t.contains(p.placeholder())))
            .collect()
    }

    /// The same failure read as `code`: a new finding of that code that keeps this one's
    /// evidence (already redacted), e.g. a refused token that Gmail worded as a password.
    pub fn recode(self, code: FindingCode) -> Finding {
        let mut out = Finding::new(code);
        out.evidence = self.evidence;
        out.claims = self.claims;
        out
    }

    /// Attaches evidence after redacting secrets and per-call identifiers from it.
    pub fn with_evidence(mut self, evidence: impl AsRef<str>) -> Self {
        let text = redact::redact(evidence.as_ref());
        self.evidence = Some(match self.evidence.take() {
            Some(before) if !before.is_empty() => format!("{before}\n{text}"),
            _ => text,
        });
        self
    }

    /// Sets the documentation link when the catalogue has none (e.g. Microsoft's per-code
    /// error lookup page).
    pub fn with_doc_fallback(mut self, url: impl Into<String>) -> Self {
        self.doc_url.get_or_insert_with(|| url.into());
        self
    }

    /// Uses the vendor's own help link quoted in a server reply (`Learn more at
    /// https://support.google.com/mail/?p=InvalidSecondFactor`, `Visit https://aka.ms/...`) as
    /// the documentation link: it is the most specific one. Only links to the vendors' help
    /// sites are taken, so a pasted text cannot plant a link.
    pub fn with_vendor_link_from(mut self, reply: &str) -> Self {
        const HELP_SITES: &[&str] = &[
            "https://support.google.com/",
            "https://aka.ms/",
            "https://learn.microsoft.com/",
        ];
        let link = reply
            .split(|c: char| {
                c.is_whitespace() || matches!(c, '<' | '>' | '\'' | '"' | '(' | ')' | '[' | ']')
            })
            .find(|w| HELP_SITES.iter().any(|site| w.starts_with(site)))
            .map(|w| w.trim_end_matches(['.', ',', ';']))
            // A link that carries a secret (a token or code in its query) is not a help link.
            .filter(|w| redact::redact(w) == *w);
        if let Some(link) = link {
            self.doc_url = Some(link.to_string());
        }
        self
    }

    /// Appends one more fix step.
    pub fn with_step(mut self, step: impl Into<String>) -> Self {
        self.steps.push(literal(&step.into()));
        self
    }

    /// Puts a step first (e.g. a more specific hint).
    pub fn with_first_step(mut self, step: impl Into<String>) -> Self {
        self.steps.insert(0, literal(&step.into()));
        self
    }

    /// Replaces any placeholder still in the text with a neutral word, so nothing like
    /// `{mailbox}` reaches a person.
    ///
    /// Context a finding was built without (whose mailbox, which server: a pasted server reply
    /// names neither) reads well in neutral words. A parameter that must be filled
    /// ([`Param::must_be_filled`]) cannot be: a debug build stops here when one is left, naming
    /// it (pinned by the test `finish_requires_the_problem`); a release build tidies it too.
    pub fn finish(mut self) -> Self {
        debug_assert!(
            !self.unfilled().iter().any(|p| p.must_be_filled()),
            "{}: {:?} left unfilled",
            self.code,
            self.unfilled()
        );
        // In sentences, a word; in fix steps (commands, portal paths), a placeholder to fill.
        let prose = |name: &str| Param::from_name(name).map_or_else(String::new, Param::prose);
        let in_steps =
            |name: &str| Param::from_name(name).map_or_else(String::new, Param::in_steps);
        let tidy = |s: &mut String, neutral: &dyn Fn(&str) -> String| {
            while let (Some(a), Some(b)) = (s.find('{'), s.find('}')) {
                if b <= a {
                    break;
                }
                let mut word = neutral(&s[a + 1..b]);
                if a == 0 {
                    // A neutral word that starts the text starts its sentence: "The server…".
                    word = capitalized(&word);
                }
                s.replace_range(a..=b, &word);
            }
        };
        tidy(&mut self.title, &prose);
        tidy(&mut self.explanation, &prose);
        self.steps.iter_mut().for_each(|s| tidy(s, &in_steps));
        if let Some(admin) = &mut self.for_admin {
            tidy(&mut admin.explanation, &prose);
            admin.steps.iter_mut().for_each(|s| tidy(s, &in_steps));
        }
        self
    }

    /// The internal finding for an unexpected error. The person sees the catalogue's generic
    /// text; the detail, redacted, goes to the log and stays in [`Finding::cause`] for the
    /// helpdesk report (it may name files or programs; secrets are removed by [`redact`]).
    pub fn internal(detail: impl fmt::Display) -> Self {
        let cause = redact::redact(&detail.to_string());
        tracing::error!(detail = %cause, "internal error");
        Finding {
            cause: Some(cause),
            ..Finding::new(FindingCode::Internal)
        }
    }

    /// [`Finding::internal`] for a background task that did not finish: a fixed text, never
    /// the panic's message (it may quote a value the task held; the panic hook prints only
    /// where it happened).
    pub fn task_stopped(e: &tokio::task::JoinError) -> Self {
        Finding::internal(if e.is_panic() {
            "a background task stopped unexpectedly (panic)"
        } else {
            "a background task was cancelled"
        })
    }

    /// Plain text rendering: title, explanation, numbered steps, evidence.
    pub fn to_text(&self) -> String {
        let mut out = format!("{}\n{}\n", self.title, self.explanation);
        for (i, step) in self.steps.iter().enumerate() {
            out.push_str(&format!("  {}. {}\n", i + 1, step));
        }
        if let Some(doc) = &self.doc_url {
            out.push_str(&format!("  {} {doc}\n", crate::l10n::tr("finding-more")));
        }
        if let Some(ev) = &self.evidence {
            let label = crate::l10n::tr("finding-evidence");
            let indent = format!("\n{}", " ".repeat(label.chars().count() + 3));
            out.push_str(&format!("  {label} {}\n", ev.replace('\n', &indent)));
        }
        let audience = match self.audience {
            Audience::User => "user",
            Audience::Helpdesk => "helpdesk",
            Audience::Admin => "admin",
        };
        let audience = crate::l10n::tr_with("finding-for", &[("audience", audience.into())]);
        out.push_str(&format!("  [{} · {audience}]\n", self.code));
        out
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.title, self.code)
    }
}

impl std::error::Error for Finding {}

/// Text from outside the catalogue (a server's words, a value typed in) as it goes into a
/// finding's words: braces shown as parentheses, so nothing in it reads as a placeholder.
fn literal(text: &str) -> String {
    text.replace('{', "(").replace('}', ")")
}

/// `words` with its first letter in capitals ("the server" → "The server").
pub(crate) fn capitalized(words: &str) -> String {
    let mut chars = words.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A duration in words for findings: "1 second", "10 seconds", "0.7 seconds", "2.5 seconds",
/// "5 minutes", "10,001 seconds" (`duration-seconds`, `duration-minutes`: plural rules of the
/// language; numbers as the language writes them).
pub fn human_duration(d: std::time::Duration) -> String {
    let secs = d.as_secs_f64();
    let whole = d.subsec_millis() == 0;
    let (id, n): (&str, crate::l10n::Value) = if secs < 1.0 || (!whole && secs < 60.0) {
        // A number with decimals, as the language writes it (text, so Fluent's plural rules
        // take their "other" form: "0.7 seconds").
        ("duration-seconds", crate::l10n::number(secs, 1).into())
    } else if d.as_secs() >= 120 && d.as_secs().is_multiple_of(60) {
        ("duration-minutes", (d.as_secs() / 60).into())
    } else if d.as_secs() >= 1000 {
        // Grouped as the language writes it; a number this large takes the "other" plural form
        // in English and Spanish.
        (
            "duration-seconds",
            crate::l10n::number(secs.floor(), 0).into(),
        )
    } else {
        ("duration-seconds", d.as_secs().into())
    };
    crate::l10n::tr_with(id, &[("n", n)])
}

impl From<crate::address::AddressError> for Finding {
    fn from(e: crate::address::AddressError) -> Self {
        Finding::new(FindingCode::InvalidAddress).with(Param::Problem, e.words())
    }
}

#[cfg(test)]
mod tests;
