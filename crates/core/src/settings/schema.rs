//! The one list of every setting: its section, key, kind of value and example; its label and
//! description are Fluent messages (`settings.ftl`, [`Spec::message_id`]). The deployment files ([`crate::deploy`]: ADMX/ADML, `.mobileconfig`, TOML sample),
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
    /// An example value.
    pub example: Example,
}

impl Spec {
    /// The dotted name, e.g. `microsoft.client_id` (as settings errors name fields).
    pub fn dotted(&self) -> String {
        format!("{}.{}", self.section, self.key)
    }

    /// Its Fluent message (`settings.ftl`): `setting-<section>-<key>`.
    pub fn message_id(&self) -> String {
        format!("setting-{}-{}", self.section, self.key.replace('_', "-"))
    }

    /// A short label in plain words in the current language, e.g. `Application (client) ID`.
    pub fn label(&self) -> String {
        crate::l10n::tr(&self.message_id())
    }

    /// What it does, for the administrator (one or two sentences), in the current language.
    pub fn description(&self) -> String {
        crate::l10n::tr_attribute(&self.message_id(), Some("description"), &[])
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

/// A section's title in the current language (`settings-section-<name>`).
pub fn section_title(section: &str) -> String {
    crate::l10n::tr(&format!("settings-section-{section}"))
}

/// The sections in the order the files list them.
pub const SECTIONS: &[&str] = &[
    "app",
    "microsoft",
    "google",
    "outlook",
    "autoconfig",
    "dns",
    "servers",
    "tls",
    "timeouts",
];

const fn spec(section: &'static str, key: &'static str, kind: Kind, example: Example) -> Spec {
    Spec {
        section,
        key,
        kind,
        example,
    }
}

use Example as E;
use Kind::*;

/// Every setting, section by section.
pub const SCHEMA: &[Spec] = &[
    spec("app", "language", Choice(&["en", "es"]), E::Text("es")),
    spec(
        "microsoft",
        "cloud",
        Choice(&["global", "usgov", "china"]),
        E::Text("global"),
    ),
    spec(
        "microsoft",
        "authority",
        Text,
        E::Text("https://login.microsoftonline.com"),
    ),
    spec(
        "microsoft",
        "tenant",
        Text,
        E::Text("contoso.onmicrosoft.com"),
    ),
    spec(
        "microsoft",
        "client_id",
        Text,
        E::Text("11111111-2222-3333-4444-555555555555"),
    ),
    spec(
        "microsoft",
        "client_type",
        Choice(&["public", "confidential"]),
        E::Text("public"),
    ),
    spec("microsoft", "redirect", Text, E::Text("http://localhost")),
    spec(
        "microsoft",
        "admin_accounts",
        TextList,
        E::List(&["admin@contoso.com"]),
    ),
    spec(
        "microsoft",
        "start_page_seconds",
        Integer { min: 0, max: 60 },
        E::Integer(5),
    ),
    spec(
        "microsoft",
        "graph",
        Text,
        E::Text("https://graph.microsoft.com"),
    ),
    spec(
        "microsoft",
        "check_client_id",
        Text,
        E::Text("14d82eec-204b-4c2f-b7e8-296a70dab67e"),
    ),
    spec(
        "google",
        "client_id",
        Text,
        E::Text("1234-abc.apps.googleusercontent.com"),
    ),
    spec(
        "google",
        "authorize_url",
        Text,
        E::Text("https://accounts.google.com/o/oauth2/v2/auth"),
    ),
    spec(
        "google",
        "token_url",
        Text,
        E::Text("https://oauth2.googleapis.com/token"),
    ),
    spec(
        "outlook",
        "client_id",
        Text,
        E::Text("22222222-3333-4444-5555-666666666666"),
    ),
    spec(
        "autoconfig",
        "ispdb",
        Text,
        E::Text("https://autoconfig.thunderbird.net/v1.1/"),
    ),
    spec("dns", "server", Text, E::Text("10.0.0.53:53")),
    spec("servers", "smtp", Text, E::Text("smtp.office365.com:587")),
    spec(
        "servers",
        "imap",
        Text,
        E::Text("outlook.office365.com:993"),
    ),
    spec("tls", "extra_ca_file", Text, E::Text("corp-ca.pem")),
    spec("timeouts", "connect", Seconds, E::Seconds(10.0)),
    spec("timeouts", "command", Seconds, E::Seconds(30.0)),
    spec("timeouts", "http", Seconds, E::Seconds(30.0)),
    spec("timeouts", "sign_in", Seconds, E::Seconds(300.0)),
    spec("timeouts", "message_arrival", Seconds, E::Seconds(10.0)),
    spec("timeouts", "discovery", Seconds, E::Seconds(5.0)),
    spec("timeouts", "probe", Seconds, E::Seconds(2.5)),
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
        .copied()
        .find(|s| s.eq_ignore_ascii_case(name))
}

/// The setting named by a settings error's field (`microsoft.admin_accounts[0]` names
/// `microsoft.admin_accounts`).
pub fn by_field(field: &str) -> Option<&'static Spec> {
    let field = field.split('[').next().unwrap_or(field);
    let (section, key) = field.split_once('.')?;
    find(section, key)
}
