//! The one list of every setting: its section, key, kind of value, label, description and
//! example. The deployment files ([`crate::deploy`]: ADMX/ADML, `.mobileconfig`, TOML sample),
//! the registry source's typing of values ([`super::managed`]), `admin show` and the
//! administrator page are all made from it, and a test proves it lists every field the settings
//! parser accepts (`schema_lists_every_field_the_parser_accepts`).

/// What kind of value a setting takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// Free text (an id, a URL, an address, a path).
    Text,
    /// One of a few words.
    Choice(&'static [&'static str]),
    /// A whole number in `min..=max`.
    Integer {
        /// Smallest value accepted.
        min: u32,
        /// Largest value accepted.
        max: u32,
    },
    /// Seconds, decimals allowed (from 0.1 to 3600).
    Seconds,
    /// A list of text values.
    TextList,
}

/// An example value, as written in the deployment files.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Example {
    /// Text.
    Text(&'static str),
    /// A whole number.
    Integer(u32),
    /// Seconds.
    Seconds(f64),
    /// A list of texts.
    List(&'static [&'static str]),
}

/// One setting.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spec {
    /// The TOML section (and registry subkey, and plist dictionary), e.g. `microsoft`.
    pub section: &'static str,
    /// The key in the section, e.g. `client_id`.
    pub key: &'static str,
    /// The kind of value.
    pub kind: Kind,
    /// A short label in plain words, e.g. `Application (client) ID`.
    pub label: &'static str,
    /// What it does, for the administrator (one or two sentences).
    pub description: &'static str,
    /// An example value.
    pub example: Example,
}

impl Spec {
    /// The dotted name, e.g. `microsoft.client_id` (as settings errors name fields).
    pub fn dotted(&self) -> String {
        format!("{}.{}", self.section, self.key)
    }

    /// The example as a TOML value.
    pub fn example_value(&self) -> toml::Value {
        match self.example {
            Example::Text(t) => toml::Value::String(t.into()),
            Example::Integer(n) => toml::Value::Integer(n.into()),
            Example::Seconds(s) => seconds_value(s),
            Example::List(l) => {
                toml::Value::Array(l.iter().map(|s| toml::Value::String((*s).into())).collect())
            }
        }
    }
}

/// Seconds as a TOML value: a whole number as an integer (`10`), else a float (`2.5`).
pub fn seconds_value(s: f64) -> toml::Value {
    if s.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&s) {
        // Cannot truncate: a whole number within u32's range.
        toml::Value::Integer(s as i64)
    } else {
        toml::Value::Float(s)
    }
}

/// The sections in the order the files list them.
pub const SECTIONS: &[(&str, &str)] = &[
    ("app", "The app"),
    ("microsoft", "Microsoft 365 sign-in"),
    ("google", "Sign in with Google"),
    ("outlook", "Personal Microsoft accounts (Outlook.com)"),
    ("autoconfig", "Server discovery"),
    ("dns", "DNS"),
    ("servers", "Mail servers"),
    ("tls", "Trusted certificates"),
    ("timeouts", "Timeouts"),
];

const fn spec(
    section: &'static str,
    key: &'static str,
    kind: Kind,
    label: &'static str,
    description: &'static str,
    example: Example,
) -> Spec {
    Spec {
        section,
        key,
        kind,
        label,
        description,
        example,
    }
}

use Example as E;
use Kind::*;

/// Every setting, section by section.
pub const SCHEMA: &[Spec] = &[
    spec(
        "app",
        "language",
        Choice(&["en", "es"]),
        "Language",
        "The language of the app's words: en (English) or es (Spanish). Leave it out to follow the computer's language.",
        E::Text("es"),
    ),
    spec(
        "microsoft",
        "cloud",
        Choice(&["global", "usgov", "china"]),
        "Microsoft cloud",
        "global, usgov or china: the tenant's national cloud, which sets the sign-in and mail hosts.",
        E::Text("global"),
    ),
    spec(
        "microsoft",
        "authority",
        Text,
        "Sign-in authority",
        "The base address of Microsoft's sign-in service (https only). Leave it empty: the cloud sets it.",
        E::Text("https://login.microsoftonline.com"),
    ),
    spec(
        "microsoft",
        "tenant",
        Text,
        "Tenant",
        "The Microsoft Entra tenant: its ID, a verified domain, or organizations for any work or school account.",
        E::Text("contoso.onmicrosoft.com"),
    ),
    spec(
        "microsoft",
        "client_id",
        Text,
        "Application (client) ID",
        "Copy it from the app registration's Overview page in the Microsoft Entra admin center (a GUID).",
        E::Text("11111111-2222-3333-4444-555555555555"),
    ),
    spec(
        "microsoft",
        "client_type",
        Choice(&["public", "confidential"]),
        "Registration type",
        "public for a \"Mobile and desktop applications\" registration (recommended); confidential for a \"Web\" registration, whose client secret is entered once on the administrator page and kept in each computer's vault.",
        E::Text("public"),
    ),
    spec(
        "microsoft",
        "redirect",
        Text,
        "Redirect URI",
        "The redirect URI registered for the app: http://localhost or http://127.0.0.1, with an optional path (the app adds the port).",
        E::Text("http://localhost"),
    ),
    spec(
        "microsoft",
        "admin_accounts",
        TextList,
        "Administrator accounts",
        "Accounts that must never be accepted as a mailbox's sign-in, such as the tenant's administrators (a list of addresses; in a policy, one per line).",
        E::List(&["admin@contoso.com"]),
    ),
    spec(
        "microsoft",
        "start_page_seconds",
        Integer { min: 0, max: 60 },
        "Start page delay (seconds)",
        "Seconds the app's own start page is shown before the Microsoft sign-in page (0 to 60).",
        E::Integer(5),
    ),
    spec(
        "microsoft",
        "graph",
        Text,
        "Microsoft Graph address",
        "The Microsoft Graph the registration check reads (https only). Leave it empty: the cloud sets it (a US Government DoD tenant sets https://dod-graph.microsoft.us).",
        E::Text("https://graph.microsoft.com"),
    ),
    spec(
        "microsoft",
        "check_client_id",
        Text,
        "Registration check app (client) ID",
        "The app an administrator signs in with to check the registration. Leave it empty: Microsoft's \"Microsoft Graph Command Line Tools\"; set another only if your organisation blocks that one.",
        E::Text("14d82eec-204b-4c2f-b7e8-296a70dab67e"),
    ),
    spec(
        "google",
        "client_id",
        Text,
        "Google OAuth client ID",
        "The client ID of a Google \"Desktop app\" OAuth client, for \"Sign in with Google\". Without it, Gmail and Google Workspace use App Passwords.",
        E::Text("1234-abc.apps.googleusercontent.com"),
    ),
    spec(
        "google",
        "authorize_url",
        Text,
        "Google authorization endpoint",
        "Google's authorization endpoint (https). Leave it empty unless a proxy requires another address.",
        E::Text("https://accounts.google.com/o/oauth2/v2/auth"),
    ),
    spec(
        "google",
        "token_url",
        Text,
        "Google token endpoint",
        "Google's token endpoint (https). Leave it empty unless a proxy requires another address.",
        E::Text("https://oauth2.googleapis.com/token"),
    ),
    spec(
        "outlook",
        "client_id",
        Text,
        "Personal accounts (Outlook.com) client ID",
        "The Application (client) ID of a registration that accepts personal Microsoft accounts (Outlook.com, Hotmail).",
        E::Text("22222222-3333-4444-5555-666666666666"),
    ),
    spec(
        "autoconfig",
        "ispdb",
        Text,
        "Thunderbird autoconfig database",
        "Where the app looks up other providers' mail servers (https).",
        E::Text("https://autoconfig.thunderbird.net/v1.1/"),
    ),
    spec(
        "dns",
        "server",
        Text,
        "DNS server",
        "The DNS server for looking up a domain's mail servers, as IP address with optional :port. Empty: the computer's own.",
        E::Text("10.0.0.53:53"),
    ),
    spec(
        "servers",
        "smtp",
        Text,
        "Sending server (SMTP)",
        "host:port of the SMTP submission server, instead of the provider's.",
        E::Text("smtp.office365.com:587"),
    ),
    spec(
        "servers",
        "imap",
        Text,
        "Mailbox server (IMAP)",
        "host:port of the IMAP server, instead of the provider's.",
        E::Text("outlook.office365.com:993"),
    ),
    spec(
        "tls",
        "extra_ca_file",
        Text,
        "Extra CA certificates file",
        "A PEM file of certificates trusted in addition to the computer's, e.g. for a TLS-inspecting proxy. A relative path is relative to the settings file; for a policy, to the folder of the computer's settings file.",
        E::Text("corp-ca.pem"),
    ),
    spec(
        "timeouts",
        "connect",
        Seconds,
        "Connect timeout (seconds)",
        "Connecting to a server, with TLS, when signing in or checking (default 10).",
        E::Seconds(10.0),
    ),
    spec(
        "timeouts",
        "command",
        Seconds,
        "Command timeout (seconds)",
        "One SMTP or IMAP command and its reply (default 30).",
        E::Seconds(30.0),
    ),
    spec(
        "timeouts",
        "http",
        Seconds,
        "Web request timeout (seconds)",
        "One request to the sign-in service (default 30).",
        E::Seconds(30.0),
    ),
    spec(
        "timeouts",
        "sign_in",
        Seconds,
        "Sign-in wait (seconds)",
        "How long the app waits for the person to finish signing in in the browser (default 300).",
        E::Seconds(300.0),
    ),
    spec(
        "timeouts",
        "message_arrival",
        Seconds,
        "Test message wait (seconds)",
        "How long the app waits for the test message to arrive (default 10).",
        E::Seconds(10.0),
    ),
    spec(
        "timeouts",
        "discovery",
        Seconds,
        "Discovery timeout (seconds)",
        "Each lookup of a domain's provider (default 5).",
        E::Seconds(5.0),
    ),
    spec(
        "timeouts",
        "probe",
        Seconds,
        "Port check timeout (seconds)",
        "Each port check in the connection check (default 2.5).",
        E::Seconds(2.5),
    ),
];

/// The setting `section.key`, the names compared without regard to case: registry key names
/// are not case sensitive (<https://learn.microsoft.com/windows/win32/sysinfo/structure-of-the-registry>),
/// and neither are the value names Windows looks up, so an administrator's `Client_ID` is
/// `client_id`.
pub fn find(section: &str, key: &str) -> Option<&'static Spec> {
    SCHEMA
        .iter()
        .find(|s| s.section.eq_ignore_ascii_case(section) && s.key.eq_ignore_ascii_case(key))
}

/// The section named `name`, compared without regard to case.
pub fn section(name: &str) -> Option<&'static str> {
    SECTIONS
        .iter()
        .map(|(s, _)| *s)
        .find(|s| s.eq_ignore_ascii_case(name))
}

/// The setting named by a settings error's field (`microsoft.admin_accounts[0]` names
/// `microsoft.admin_accounts`).
pub fn by_field(field: &str) -> Option<&'static Spec> {
    let field = field.split('[').next().unwrap_or(field);
    let (section, key) = field.split_once('.')?;
    find(section, key)
}
