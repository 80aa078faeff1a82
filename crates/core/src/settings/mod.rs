//! Settings: the one file an administrator (or a test, or the demo) uses to point the app at an
//! organisation's tenant, app registration and servers.
//!
//! This module owns reading, validating and defaulting the settings file (TOML). Everything
//! else receives a validated [`Settings`]; nothing downstream checks a setting again.
//!
//! ```toml
//! [microsoft]
//! cloud     = "global"                            # or "usgov", "china": login and mail hosts
//! authority = "https://login.microsoftonline.com"  # authority base URL (https only); overrides cloud
//! tenant    = "contoso.onmicrosoft.com"           # tenant id, verified domain, or organizations
//! client_id = "11111111-2222-3333-4444-555555555555"
//! client_type = "public"                          # or "confidential" for a "Web" registration
//! redirect  = "http://localhost"                  # registered form; or "http://127.0.0.1"
//! admin_accounts = ["admin@contoso.com"]          # never accepted as a mailbox's sign-in
//! start_page_seconds = 5                          # the local page shown before Microsoft's
//!
//! [google]                                         # "Sign in with Google" (else App Passwords)
//! client_id = "1234-abc.apps.googleusercontent.com"
//!
//! [outlook]                                        # personal accounts (Outlook.com, Hotmail)
//! client_id = "22222222-3333-4444-5555-666666666666"
//!
//! [autoconfig]
//! ispdb = "https://autoconfig.thunderbird.net/v1.1/"
//!
//! [dns]
//! server = "10.0.0.53:53"                          # resolver for discovery (default: the system's)
//!
//! [servers]                                        # override the provider's mail servers
//! smtp = "smtp.office365.com:587"
//! imap = "outlook.office365.com:993"
//!
//! [tls]
//! extra_ca_file = "corp-ca.pem"                    # trusted in addition to the OS roots
//!
//! [timeouts]                                       # all in seconds (decimals allowed)
//! connect = 10                                     # connect + TLS when signing in / verifying
//! probe = 2.5                                      # connect in the connection check
//! ```
//! Empty values count as missing (the default applies). Unknown fields and invalid values fail
//! at load with the field named. Relative paths are relative to the settings file. A client
//! secret never goes into this file: an administrator enters it in the app, which keeps it in
//! the OS vault.
//!
//! Where the file is found, first match wins: an explicit path (`--config`), `$MAILSETUP_CONFIG`,
//! the per-user file ([`user_file`]), then the file IT deploys for every user of the computer
//! ([`system_file`]).

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;
use url::Url;

use crate::provider::Cloud;

/// Environment variable naming a settings file (used when no path is given explicitly).
pub const CONFIG_ENV: &str = "MAILSETUP_CONFIG";
/// The per-user settings file on this computer: `~/.config/mailsetup/settings.toml`,
/// `%APPDATA%\mailsetup\settings.toml`, `~/Library/Application Support/mailsetup/settings.toml`
/// ([`crate::platform::paths::user_settings_file`]).
pub fn user_file() -> Option<PathBuf> {
    use crate::platform::{Folders, Os, paths};
    paths::user_settings_file(Os::current(), &Folders::current())
}

/// The settings file IT deploys for every user of the computer:
/// `/etc/mailsetup/settings.toml` (Linux), `%ProgramData%\mailsetup\settings.toml` (Windows),
/// `/Library/Application Support/mailsetup/settings.toml` (macOS)
/// ([`crate::platform::paths::system_settings_file`]).
pub fn system_file() -> Option<PathBuf> {
    use crate::platform::{Folders, Os, paths};
    paths::system_settings_file(Os::current(), &Folders::current())
}

/// Default tenant: any work or school account (facts §1.1 `{tenant}` values).
pub const DEFAULT_TENANT: &str = "organizations";

/// A settings file that cannot be used: which file, which field, what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsError {
    /// The file, when there was one.
    pub path: Option<PathBuf>,
    /// Dotted field name, e.g. `microsoft.client_id`; empty for whole-file problems.
    pub field: String,
    /// What is wrong, in words.
    pub problem: String,
}

impl fmt::Display for SettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(p) = &self.path {
            write!(f, "{}: ", p.display())?;
        }
        if !self.field.is_empty() {
            write!(f, "field `{}`: ", self.field)?;
        }
        f.write_str(&self.problem)
    }
}

impl std::error::Error for SettingsError {}

impl From<SettingsError> for crate::findings::Finding {
    fn from(e: SettingsError) -> Self {
        crate::findings::Finding::new(crate::findings::FindingCode::SettingsInvalid)
            .with(crate::findings::Param::Problem, e.to_string())
    }
}

/// Which loopback host the registered redirect URI names (facts §1.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoopbackHost {
    /// `http://localhost`: accepted by the Entra portal; the app listens on every address
    /// `localhost` resolves to, on one port.
    Localhost,
    /// `http://127.0.0.1`: recommended by RFC 8252 §8.3; in Entra only via the manifest.
    Ipv4,
}

/// The registered redirect URI form, without a port (the app picks a free port each time;
/// Entra ignores the port of loopback redirect URIs, facts §1.4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedirectForm {
    /// The host.
    pub host: LoopbackHost,
    /// The path, starting with `/` (`/` when none was registered).
    pub path: String,
}

impl Default for RedirectForm {
    fn default() -> Self {
        RedirectForm {
            host: LoopbackHost::Localhost,
            path: "/".into(),
        }
    }
}

impl RedirectForm {
    /// Parses `http://localhost[/path]` or `http://127.0.0.1[/path]`.
    ///
    /// # Errors
    /// A text explaining the rule that was broken.
    pub fn parse(text: &str) -> Result<Self, String> {
        let url = Url::parse(text).map_err(|e| format!("{text:?} is not a URL ({e})"))?;
        if url.scheme() != "http" {
            return Err(
                "must start with http:// (loopback redirects use plain http on this computer only)"
                    .into(),
            );
        }
        let host = match url.host_str() {
            Some("localhost") => LoopbackHost::Localhost,
            Some("127.0.0.1") => LoopbackHost::Ipv4,
            Some("[::1]") => return Err("http://[::1] is not supported by Microsoft Entra; use http://localhost or http://127.0.0.1".into()),
            _ => return Err("must be http://localhost or http://127.0.0.1".into()),
        };
        if url.port().is_some() {
            return Err("leave the port out: the app picks a free port each time, and Microsoft ignores the port for loopback addresses".into());
        }
        if url.query().is_some() || url.fragment().is_some() || !url.username().is_empty() {
            return Err("must not contain a query (?), fragment (#) or user name".into());
        }
        Ok(RedirectForm {
            host,
            path: url.path().to_string(),
        })
    }

    /// The redirect URI for a listener on `port`, e.g. `http://localhost:53211/`.
    pub fn uri(&self, port: u16) -> Url {
        Url::parse(&format!("http://{}:{port}{}", self.host_name(), self.path))
            .expect("validated form")
    }

    /// The redirect URI to register, without a port (Microsoft ignores the port of a loopback
    /// redirect URI) or a final `/`, e.g. `http://localhost`.
    pub fn registered(&self) -> String {
        format!(
            "http://{}{}",
            self.host_name(),
            self.path.trim_end_matches('/')
        )
    }

    fn host_name(&self) -> &'static str {
        match self.host {
            LoopbackHost::Localhost => "localhost",
            LoopbackHost::Ipv4 => "127.0.0.1",
        }
    }
}

/// A server name and port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostPort {
    /// DNS name or IP literal (no brackets).
    pub host: String,
    /// TCP port.
    pub port: u16,
}

impl HostPort {
    /// Parses `host:port` (`[v6]:port` for IPv6 literals).
    ///
    /// # Errors
    /// A text explaining what is wrong.
    pub fn parse(text: &str) -> Result<Self, String> {
        let (host, port) = text
            .rsplit_once(':')
            .ok_or_else(|| format!("{text:?} needs a port, like smtp.example.edu:587"))?;
        let port: u16 = port
            .parse()
            .ok()
            .filter(|p| *p != 0)
            .ok_or_else(|| format!("{port:?} is not a port number (1-65535)"))?;
        let host = host.trim_start_matches('[').trim_end_matches(']');
        if host.is_empty() || host.contains(['/', ' ', '@']) {
            return Err(format!("{text:?} does not start with a valid server name"));
        }
        Ok(HostPort {
            host: host.to_ascii_lowercase(),
            port,
        })
    }
}

impl fmt::Display for HostPort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.host.contains(':') {
            write!(f, "[{}]:{}", self.host, self.port)
        } else {
            write!(f, "{}:{}", self.host, self.port)
        }
    }
}

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
/// no secret) or a confidential one ("Web", needs a client secret): facts §1.3.
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

/// "Sign in with Google" for Gmail / Google Workspace (facts §7.2). Without a client id,
/// Google mailboxes use an App Password.
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
            authorize_url: Url::parse("https://accounts.google.com/o/oauth2/v2/auth")
                .expect("constant URL"),
            token_url: Url::parse("https://oauth2.googleapis.com/token").expect("constant URL"),
        }
    }
}

/// Personal Microsoft accounts (Outlook.com, Hotmail): their own app registration, used with
/// the `consumers` authority (facts §1.1).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutlookSettings {
    /// Application (client) id of a registration that accepts personal Microsoft accounts.
    pub client_id: Option<String>,
}

/// Where Thunderbird's autoconfig database (ISPDB) is asked (facts §9).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AutoconfigSettings {
    /// The ISPDB base URL; the domain is appended.
    pub ispdb: Url,
}

impl Default for AutoconfigSettings {
    fn default() -> Self {
        AutoconfigSettings {
            ispdb: Url::parse("https://autoconfig.thunderbird.net/v1.1/").expect("constant URL"),
        }
    }
}

/// Validated settings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// Microsoft sign-in.
    pub microsoft: MicrosoftSettings,
    /// Google sign-in.
    pub google: GoogleSettings,
    /// Personal Microsoft accounts.
    pub outlook: OutlookSettings,
    /// Thunderbird autoconfig.
    pub autoconfig: AutoconfigSettings,
    /// SMTP submission server override.
    pub smtp: Option<HostPort>,
    /// IMAP server override.
    pub imap: Option<HostPort>,
    /// Extra trusted CA certificates (PEM bytes), from `tls.extra_ca_file`.
    pub extra_ca_pem: Option<Vec<u8>>,
    /// DNS server for discovery lookups (MX); the system resolver when `None`.
    pub dns_server: Option<std::net::SocketAddr>,
    /// Network timeouts.
    pub timeouts: Timeouts,
    /// The file these settings came from, if any.
    pub source: Option<PathBuf>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawFile {
    microsoft: Option<RawMicrosoft>,
    google: Option<RawGoogle>,
    outlook: Option<RawOutlook>,
    autoconfig: Option<RawAutoconfig>,
    servers: Option<RawServers>,
    dns: Option<RawDns>,
    tls: Option<RawTls>,
    timeouts: Option<RawTimeouts>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawMicrosoft {
    cloud: Option<String>,
    authority: Option<String>,
    tenant: Option<String>,
    client_id: Option<String>,
    client_type: Option<String>,
    redirect: Option<String>,
    admin_accounts: Option<Vec<String>>,
    start_page_seconds: Option<u32>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawGoogle {
    client_id: Option<String>,
    authorize_url: Option<String>,
    token_url: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawOutlook {
    client_id: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawAutoconfig {
    ispdb: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawDns {
    server: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawServers {
    smtp: Option<String>,
    imap: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawTls {
    extra_ca_file: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawTimeouts {
    connect: Option<Seconds>,
    command: Option<Seconds>,
    http: Option<Seconds>,
    sign_in: Option<Seconds>,
    message_arrival: Option<Seconds>,
    discovery: Option<Seconds>,
    probe: Option<Seconds>,
}

/// A number of seconds as written: a number, or text (empty means "the default").
#[derive(Deserialize)]
#[serde(untagged)]
enum Seconds {
    Number(f64),
    Text(String),
}

/// `Some(trimmed)` for a non-empty value, `None` for missing or empty.
fn present(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

impl Settings {
    /// Finds and loads the settings: `explicit` if given, else the file named by
    /// `$MAILSETUP_CONFIG`, else the per-user file if it exists, else the defaults.
    ///
    /// # Errors
    /// [`SettingsError`] naming the file and field.
    pub fn discover(explicit: Option<&Path>) -> Result<Settings, SettingsError> {
        if let Some(p) = explicit {
            return Settings::load(p);
        }
        if let Some(p) = std::env::var_os(CONFIG_ENV).filter(|v| !v.is_empty()) {
            return Settings::load(Path::new(&p));
        }
        for p in user_file().into_iter().chain(system_file()) {
            if p.is_file() {
                return Settings::load(&p);
            }
        }
        Ok(Settings::default())
    }

    /// Loads and validates one settings file.
    ///
    /// # Errors
    /// [`SettingsError`] naming the file and field.
    pub fn load(path: &Path) -> Result<Settings, SettingsError> {
        let text = std::fs::read_to_string(path).map_err(|e| SettingsError {
            path: Some(path.to_path_buf()),
            field: String::new(),
            problem: format!("cannot read the file ({e})"),
        })?;
        let mut s = Settings::parse(&text, path.parent()).map_err(|mut e| {
            e.path = Some(path.to_path_buf());
            e
        })?;
        s.source = Some(path.to_path_buf());
        Ok(s)
    }

    /// Parses settings from TOML text; relative paths resolve against `base_dir`.
    ///
    /// # Errors
    /// [`SettingsError`] naming the field.
    pub fn parse(text: &str, base_dir: Option<&Path>) -> Result<Settings, SettingsError> {
        let err = |field: &str, problem: String| SettingsError {
            path: None,
            field: field.into(),
            problem,
        };
        let de = toml::Deserializer::parse(text).map_err(|e| err("", toml_problem(text, &e)))?;
        let raw: RawFile = serde_path_to_error::deserialize(de).map_err(|e| {
            let field = e.path().to_string();
            err(
                if field == "." { "" } else { &field },
                toml_problem(text, e.inner()),
            )
        })?;

        let mut s = Settings::default();
        let ms = raw.microsoft.unwrap_or_default();
        if let Some(c) = present(ms.cloud) {
            s.microsoft.cloud = Cloud::parse(&c).ok_or_else(|| {
                err(
                    "microsoft.cloud",
                    format!("{c:?} is not a cloud: use global, usgov or china"),
                )
            })?;
            s.microsoft.authority = s.microsoft.cloud.authority();
        }
        if let Some(a) = present(ms.authority) {
            s.microsoft.authority =
                parse_authority(&a).map_err(|p| err("microsoft.authority", p))?;
        }
        if let Some(t) = present(ms.tenant) {
            if !t
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
            {
                return Err(err(
                    "microsoft.tenant",
                    format!("{t:?} is not a tenant id, domain, organizations, common or consumers"),
                ));
            }
            s.microsoft.tenant = t.to_ascii_lowercase();
            // The meta-tenants name no organisation: discovery may still find the real one.
            s.microsoft.tenant_provisioned = !matches!(
                s.microsoft.tenant.as_str(),
                "organizations" | "common" | "consumers"
            );
        }
        if let Some(c) = present(ms.client_id) {
            uuid::Uuid::try_parse(&c).map_err(|_| {
                err("microsoft.client_id", format!("{c:?} is not an application (client) ID; it looks like 11111111-2222-3333-4444-555555555555 (copy it from the app registration's Overview page)"))
            })?;
            s.microsoft.client_id = Some(c.to_ascii_lowercase());
        }
        if let Some(r) = present(ms.redirect) {
            s.microsoft.redirect =
                RedirectForm::parse(&r).map_err(|p| err("microsoft.redirect", p))?;
        }
        if let Some(t) = present(ms.client_type) {
            s.microsoft.client_type = match t.as_str() {
                "public" => ClientType::Public,
                "confidential" | "web" => ClientType::Confidential,
                _ => {
                    return Err(err(
                        "microsoft.client_type",
                        format!(
                            "{t:?} is not a client type: use public (Mobile and desktop applications) or confidential (Web)"
                        ),
                    ));
                }
            };
        }
        for (i, a) in ms.admin_accounts.unwrap_or_default().iter().enumerate() {
            let addr = crate::address::Address::parse(a)
                .map_err(|e| err(&format!("microsoft.admin_accounts[{i}]"), e.to_string()))?;
            s.microsoft
                .admin_accounts
                .push(addr.normalized().to_owned());
        }
        if let Some(n) = ms.start_page_seconds {
            if n > 60 {
                return Err(err(
                    "microsoft.start_page_seconds",
                    format!("{n} is out of range: use 0 to 60 seconds"),
                ));
            }
            s.microsoft.start_page_seconds = n;
        }
        let g = raw.google.unwrap_or_default();
        if let Some(c) = present(g.client_id) {
            if !c.ends_with(".apps.googleusercontent.com") || c.contains(char::is_whitespace) {
                return Err(err(
                    "google.client_id",
                    format!(
                        "{c:?} is not a Google OAuth client id; it ends with .apps.googleusercontent.com (Google Cloud console → APIs & Services → Credentials)"
                    ),
                ));
            }
            s.google.client_id = Some(c);
        }
        if let Some(u) = present(g.authorize_url) {
            s.google.authorize_url = https_url(&u).map_err(|p| err("google.authorize_url", p))?;
        }
        if let Some(u) = present(g.token_url) {
            s.google.token_url = https_url(&u).map_err(|p| err("google.token_url", p))?;
        }
        if let Some(c) = present(raw.outlook.unwrap_or_default().client_id) {
            uuid::Uuid::try_parse(&c).map_err(|_| {
                err("outlook.client_id", format!("{c:?} is not an application (client) ID; it looks like 11111111-2222-3333-4444-555555555555"))
            })?;
            s.outlook.client_id = Some(c.to_ascii_lowercase());
        }
        if let Some(u) = present(raw.autoconfig.unwrap_or_default().ispdb) {
            let mut url = https_url(&u).map_err(|p| err("autoconfig.ispdb", p))?;
            if !url.path().ends_with('/') {
                url.set_path(&format!("{}/", url.path()));
            }
            s.autoconfig.ispdb = url;
        }
        if let Some(d) = present(raw.dns.unwrap_or_default().server) {
            let addr = d
                .parse::<std::net::SocketAddr>()
                .or_else(|_| {
                    d.parse::<std::net::IpAddr>()
                        .map(|ip| std::net::SocketAddr::new(ip, 53))
                })
                .map_err(|_| {
                    err(
                        "dns.server",
                        format!("{d:?} is not an IP address (with optional :port)"),
                    )
                })?;
            s.dns_server = Some(addr);
        }

        let servers = raw.servers.unwrap_or_default();
        if let Some(v) = present(servers.smtp) {
            s.smtp = Some(HostPort::parse(&v).map_err(|p| err("servers.smtp", p))?);
        }
        if let Some(v) = present(servers.imap) {
            s.imap = Some(HostPort::parse(&v).map_err(|p| err("servers.imap", p))?);
        }

        if let Some(f) = present(raw.tls.unwrap_or_default().extra_ca_file) {
            let path = match base_dir {
                Some(b) if Path::new(&f).is_relative() => b.join(&f),
                _ => PathBuf::from(&f),
            };
            s.extra_ca_pem = Some(read_ca(&path).map_err(|p| err("tls.extra_ca_file", p))?);
        }

        let t = raw.timeouts.unwrap_or_default();
        let secs = |field: &str,
                    v: Option<Seconds>,
                    default: Duration|
         -> Result<Duration, SettingsError> {
            let v = match v {
                None => None,
                Some(Seconds::Number(n)) => Some(n),
                Some(Seconds::Text(t)) if t.trim().is_empty() => None,
                Some(Seconds::Text(t)) => Some(
                    t.trim()
                        .parse::<f64>()
                        .map_err(|_| err(field, format!("{t:?} is not a number of seconds")))?,
                ),
            };
            match v {
                None => Ok(default),
                Some(n) if (0.1..=3600.0).contains(&n) => Ok(Duration::from_secs_f64(n)),
                Some(n) => Err(err(
                    field,
                    format!("{n} is out of range: use 0.1 to 3600 seconds"),
                )),
            }
        };
        let d = Timeouts::default();
        s.timeouts = Timeouts {
            connect: secs("timeouts.connect", t.connect, d.connect)?,
            command: secs("timeouts.command", t.command, d.command)?,
            http: secs("timeouts.http", t.http, d.http)?,
            sign_in: secs("timeouts.sign_in", t.sign_in, d.sign_in)?,
            message_arrival: secs(
                "timeouts.message_arrival",
                t.message_arrival,
                d.message_arrival,
            )?,
            discovery: secs("timeouts.discovery", t.discovery, d.discovery)?,
            probe: secs("timeouts.probe", t.probe, d.probe)?,
        };
        Ok(s)
    }
}

/// An `https://` URL (credentials and tokens never go over plain HTTP).
fn https_url(text: &str) -> Result<Url, String> {
    let url = Url::parse(text).map_err(|e| format!("{text:?} is not a URL ({e})"))?;
    if url.scheme() != "https" {
        return Err(format!("{text:?} must start with https://"));
    }
    Ok(url)
}

fn toml_problem(text: &str, e: &toml::de::Error) -> String {
    let msg = e.message().trim().to_string();
    match e.span() {
        Some(span) => {
            let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
            format!("{msg} (line {line})")
        }
        None => msg,
    }
}

fn parse_authority(text: &str) -> Result<Url, String> {
    let url = Url::parse(text).map_err(|e| format!("{text:?} is not a URL ({e})"))?;
    if url.scheme() != "https" {
        return Err("must start with https:// (sign-in details only travel over TLS)".into());
    }
    if url.host_str().is_none() || url.query().is_some() || url.fragment().is_some() {
        return Err("must be a plain https://host[/path] address without ? or #".into());
    }
    let trimmed = url.as_str().trim_end_matches('/').to_string();
    Url::parse(&trimmed).map_err(|e| e.to_string())
}

fn read_ca(path: &Path) -> Result<Vec<u8>, String> {
    use rustls_pki_types::pem::PemObject;
    let pem = std::fs::read(path).map_err(|e| format!("cannot read {} ({e})", path.display()))?;
    let count = rustls_pki_types::CertificateDer::pem_slice_iter(&pem)
        .map(|c| c.map_err(|e| format!("{} is not a PEM certificate file ({e:?})", path.display())))
        .collect::<Result<Vec<_>, _>>()?
        .len();
    if count == 0 {
        return Err(format!(
            "{} holds no PEM certificate (-----BEGIN CERTIFICATE-----)",
            path.display()
        ));
    }
    Ok(pem)
}

#[cfg(test)]
mod tests;
