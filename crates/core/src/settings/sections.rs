//! The validated value of each settings section, with its defaults. `raw/convert.rs` makes
//! them from the file; everything downstream reads them as they are.

use std::time::Duration;

use url::Url;

use super::DEFAULT_TENANT;
use crate::provider::Cloud;
use crate::provider::RedirectForm;

/// Explicit timeouts for every network step. Values are seconds in the file (decimals allowed,
/// e.g. `probe = 2.5`), from 0.1 to 3600.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// DNS lookup plus TCP connect plus TLS handshake, per server. Default 10 s.
    pub connect: Duration,
    /// One SMTP/IMAP command and its reply. Default 30 s.
    pub command: Duration,
    /// One HTTPS request to the identity provider (token, discovery). Default 30 s.
    pub http: Duration,
    /// Waiting for the user to finish signing in in the browser. Default 300 s (5 min).
    pub sign_in: Duration,
    /// Waiting for the test message to appear over IMAP. Default 10 s.
    pub message_arrival: Duration,
    /// Each discovery lookup (MX, OpenID configuration). Default 5 s.
    pub discovery: Duration,
    /// The connection check's TCP connect to each port: a black-holed port gets its verdict
    /// after this long. Default 2.5 s: by then two SYNs went unanswered (Linux resends the
    /// first after 1 s), and the verdict stays within 3 s.
    pub probe: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            connect: Duration::from_secs(10),
            command: Duration::from_secs(30),
            http: Duration::from_secs(30),
            sign_in: Duration::from_secs(300),
            message_arrival: Duration::from_secs(10),
            discovery: Duration::from_secs(5),
            probe: Duration::from_millis(2500),
        }
    }
}

/// Whether the app registration is a public client ("Mobile and desktop applications", PKCE,
/// no secret) or a confidential one ("Web", needs a client secret):
/// <https://learn.microsoft.com/entra/identity-platform/scenario-desktop-app-registration>.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClientType {
    /// Public client: the right registration for a desktop app.
    #[default]
    Public,
    /// Confidential ("Web") registration: the secret comes from the vault.
    Confidential,
}

/// Microsoft Entra ID sign-in settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MicrosoftSettings {
    /// National cloud (login and mail hosts).
    pub cloud: Cloud,
    /// Whether the settings chose the cloud (`cloud`, or an `authority` of a known cloud); when
    /// they did not, the cloud discovery finds for the organisation is used.
    pub cloud_provisioned: bool,
    /// Authority base URL, no trailing slash: the cloud's unless overridden.
    pub authority: Url,
    /// Tenant id (GUID), verified domain, or `organizations` / `common` / `consumers`.
    pub tenant: String,
    /// Whether the settings name a tenant (an id or domain; not `organizations`, `common` or
    /// `consumers`), which discovery must then not change.
    pub tenant_provisioned: bool,
    /// Application (client) id of the app registration, a GUID. `None` until IT sets it.
    pub client_id: Option<String>,
    /// Public or confidential registration.
    pub client_type: ClientType,
    /// The registered redirect URI form.
    pub redirect: RedirectForm,
    /// Accounts (normalised addresses) that must never be accepted as a mailbox's sign-in,
    /// e.g. the tenant administrators.
    pub admin_accounts: Vec<String>,
    /// Seconds the local start page waits before going on to Microsoft (0 = at once).
    pub start_page_seconds: u32,
}

impl Default for MicrosoftSettings {
    fn default() -> Self {
        MicrosoftSettings {
            cloud: Cloud::Global,
            cloud_provisioned: false,
            authority: Cloud::Global.authority(),
            tenant: DEFAULT_TENANT.into(),
            tenant_provisioned: false,
            client_id: None,
            client_type: ClientType::Public,
            redirect: RedirectForm::default(),
            admin_accounts: Vec::new(),
            start_page_seconds: 5,
        }
    }
}

/// "Sign in with Google" for Gmail / Google Workspace
/// (<https://developers.google.com/identity/protocols/oauth2/native-app>). Without a client
/// id, Google mailboxes use an App Password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoogleSettings {
    /// OAuth client id of a "Desktop app" client, e.g. `1234-abc.apps.googleusercontent.com`.
    /// Its client secret (Google's Desktop clients have one that is not really secret) goes into
    /// the vault with `mailsetup admin set-client-secret --google`, never into this file.
    pub client_id: Option<String>,
    /// Authorization endpoint.
    pub authorize_url: Url,
    /// Token endpoint.
    pub token_url: Url,
}

impl Default for GoogleSettings {
    fn default() -> Self {
        GoogleSettings {
            client_id: None,
            authorize_url: constant_url("https://accounts.google.com/o/oauth2/v2/auth"),
            token_url: constant_url("https://oauth2.googleapis.com/token"),
        }
    }
}

/// Personal Microsoft accounts (Outlook.com, Hotmail): their own app registration, used with
/// the `consumers` authority
/// (<https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc>).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutlookSettings {
    /// Application (client) id of a registration that accepts personal Microsoft accounts.
    pub client_id: Option<String>,
}

/// Where Thunderbird's autoconfig database (ISPDB, <https://github.com/thunderbird/autoconfig>)
/// is asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AutoconfigSettings {
    /// The ISPDB base URL; the domain is appended.
    pub ispdb: Url,
}

impl Default for AutoconfigSettings {
    fn default() -> Self {
        AutoconfigSettings {
            ispdb: constant_url("https://autoconfig.thunderbird.net/v1.1/"),
        }
    }
}

/// A default URL written in this file.
fn constant_url(text: &'static str) -> Url {
    // Cannot fire: only the constant, valid URLs above are passed (every default is built by
    // `defaults_point_at_microsoft` and `provider_sections_are_checked_when_loaded`).
    Url::parse(text).expect("constant URL")
}
