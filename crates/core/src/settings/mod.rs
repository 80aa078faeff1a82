//! Settings: the one file an administrator (or a test, or the demo) uses to point the app at an
//! organisation's tenant, app registration and servers.
//!
//! This module owns reading, validating and defaulting the settings file (TOML). Everything
//! else receives a validated [`Settings`]; nothing downstream checks a setting again.
//! The file as written (`raw.rs`) is checked one section at a time (`raw/convert.rs`) into its
//! typed value (`sections.rs`, `redirect.rs`).
//!
//! ```toml
//! [microsoft]
//! cloud     = "global"                            # or "usgov", "china": login and mail hosts
//! authority = "https://login.microsoftonline.com"  # authority base URL (https only); a known
//!                                                 # cloud's brings that cloud, another is a proxy
//! tenant    = "contoso.onmicrosoft.com"           # tenant id, verified domain, or organizations
//! client_id = "11111111-2222-3333-4444-555555555555"
//! client_type = "public"                          # or "confidential" for a "Web" registration
//! redirect  = "http://localhost"                  # registered form; or "http://127.0.0.1"
//! admin_accounts = ["admin@contoso.com"]          # never accepted as a mailbox's sign-in
//! start_page_seconds = 5                          # the local page shown before Microsoft's
//! graph     = "https://graph.microsoft.com"       # Microsoft Graph, for `admin check`; overrides cloud
//! check_client_id = "14d82eec-204b-4c2f-b7e8-296a70dab67e" # the app the administrator signs in with
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
//! Empty values count as missing (the default applies). Without `cloud` or a known cloud's
//! authority, the cloud discovery finds for the organisation is used; a cloud, an authority or
//! a `[servers]` host of two different clouds is refused. Unknown fields and invalid values fail
//! at load with the field named. Relative paths are relative to the settings file. A client
//! secret never goes into this file: an administrator enters it in the app, which keeps it in
//! the OS vault.
//!
//! Where settings come from ([`layers`]), key by key, highest first: the policy IT sets for
//! the computer (Windows registry `HKLM\SOFTWARE\Policies\mailsetup`, macOS managed
//! preferences), IT's settings file for the computer ([`system_file`]; on Linux
//! `/etc/mailsetup/settings.toml`), then the user's file ([`user_file`]) — or, in its place, the
//! file given with `--config` or `$MAILSETUP_CONFIG`. Whatever IT sets wins over both: a user
//! cannot step around IT by naming another file. [`Settings::values`] says where each value
//! came from; [`schema`] lists every setting.

mod effective;
pub mod layers;
pub mod managed;
mod origin;
mod raw;
pub mod schema;
mod sections;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::provider::HostPort;

pub use layers::{Layer, Locations};
pub use origin::{Origin, SettingValue};
pub use sections::{
    AutoconfigSettings, ClientType, GoogleSettings, MicrosoftSettings, OutlookSettings, Timeouts,
};

/// The largest settings file read: 1 MiB. A real one is a few hundred bytes; a larger file is
/// not a settings file (or not the one meant) and is refused before parsing.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;

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

/// Default tenant: any work or school account (the `{tenant}` values:
/// <https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc>).
pub const DEFAULT_TENANT: &str = "organizations";

/// Settings that cannot be used: which source (file, policy key), which field, what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsError {
    /// The file or policy, when known.
    pub source: Option<Origin>,
    /// Dotted field name, e.g. `microsoft.client_id`; empty for whole-file problems.
    pub field: String,
    /// What is wrong, in words.
    pub problem: String,
}

impl fmt::Display for SettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(p) = self.source.as_ref().and_then(Origin::place) {
            write!(f, "{p}: ")?;
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

/// Validated settings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// The language of the app's words (`[app] language`); `None`: the OS's
    /// ([`crate::l10n::from_os`]).
    pub language: Option<crate::l10n::Language>,
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
    /// The file `extra_ca_pem` was read from.
    pub extra_ca_file: Option<PathBuf>,
    /// DNS server for discovery lookups (MX); the system resolver when `None`.
    pub dns_server: Option<std::net::SocketAddr>,
    /// Network timeouts.
    pub timeouts: Timeouts,
    /// The settings file in use, if any: the user's (or `--config`'s) file, else IT's file
    /// for the computer. [`Settings::sources`] lists every source read.
    pub source: Option<PathBuf>,
    /// Every source read, highest first (a policy, IT's file, the user's file).
    pub sources: Vec<Origin>,
    /// Where each value set somewhere came from, by dotted key (`microsoft.client_id`); a key
    /// not here has its default.
    pub origins: BTreeMap<String, Origin>,
}

impl Settings {
    /// Finds and loads the settings on this computer: what IT manages, then `explicit` (from
    /// `--config`) or the file named by `$MAILSETUP_CONFIG` or else the user's file.
    ///
    /// # Errors
    /// [`SettingsError`] naming the source and field.
    pub fn discover(explicit: Option<&Path>) -> Result<Settings, SettingsError> {
        let env = std::env::var_os(CONFIG_ENV)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from);
        Settings::discover_at(&Locations::current(), explicit.or(env.as_deref()))
    }

    /// As [`Settings::discover`], with the sources looked for at `locations` and `config` in
    /// place of the user's file.
    ///
    /// # Errors
    /// [`SettingsError`] naming the source and field.
    pub fn discover_at(
        locations: &Locations,
        config: Option<&Path>,
    ) -> Result<Settings, SettingsError> {
        Settings::from_layers(locations.read(config)?)
    }

    /// Loads and validates one settings file (nothing IT manages).
    ///
    /// # Errors
    /// [`SettingsError`] naming the file and field.
    pub fn load(path: &Path) -> Result<Settings, SettingsError> {
        Settings::discover_at(&Locations::default(), Some(path))
    }

    /// Parses settings from TOML text; relative paths resolve against `base_dir`.
    ///
    /// # Errors
    /// [`SettingsError`] naming the field.
    pub fn parse(text: &str, base_dir: Option<&Path>) -> Result<Settings, SettingsError> {
        check_size(text)?;
        let layer = Layer::from_text(text, Origin::Text, base_dir).map_err(|mut e| {
            e.source = None;
            e
        })?;
        Settings::from_layers(vec![layer])
    }

    /// The settings the layers give (highest first), merged key by key, then checked once.
    ///
    /// # Errors
    /// [`SettingsError`] naming the source of the wrong value and its field.
    pub fn from_layers(layers: Vec<Layer>) -> Result<Settings, SettingsError> {
        let (merged, origins) = layers::merge(&layers);
        let named = |mut e: SettingsError| {
            let key = schema::by_field(&e.field).map(|s| s.dotted());
            e.source = key
                .and_then(|k| origins.get(&k))
                .cloned()
                .filter(|o| *o != Origin::Text);
            e
        };
        let mut s = raw::RawFile::from_table(merged)
            .map_err(named)?
            .into_settings(None)
            .map_err(named)?;
        s.sources = layers.into_iter().map(|l| l.origin).collect();
        s.source = s
            .sources
            .iter()
            .find(|o| matches!(o, Origin::UserFile(_) | Origin::ConfigFile(_)))
            .or_else(|| {
                s.sources
                    .iter()
                    .find(|o| matches!(o, Origin::MachineFile(_)))
            })
            .and_then(Origin::place)
            .map(PathBuf::from);
        s.origins = origins;
        Ok(s)
    }

    /// Every setting of the [`schema`] with its value in effect and where it came from.
    pub fn values(&self) -> Vec<SettingValue> {
        schema::SCHEMA
            .iter()
            .map(|spec| {
                let key = spec.dotted();
                let origin = self.origins.get(&key).cloned().unwrap_or(Origin::Default);
                let value = effective::value_of(self, spec).map(|v| effective::shown(&v));
                SettingValue {
                    from: match (&origin, &value) {
                        (Origin::Default, None) => crate::l10n::tr("origin-not-set"),
                        _ => origin.describe(),
                    },
                    value,
                    label: spec.label(),
                    it_managed: origin.it_managed(),
                    origin,
                    key,
                }
            })
            .collect()
    }

    /// The value in effect of `spec` (set or its default), as a settings file writes it;
    /// `None` when it is not set and has no default.
    pub fn value_of(&self, spec: &schema::Spec) -> Option<toml::Value> {
        effective::value_of(self, spec)
    }

    /// The values set somewhere (not defaults), as written in a settings file: what the
    /// deployment files carry ([`crate::deploy`]).
    pub fn set_values(&self) -> Vec<(&'static schema::Spec, toml::Value)> {
        schema::SCHEMA
            .iter()
            .filter(|spec| self.origins.contains_key(&spec.dotted()))
            .filter_map(|spec| effective::value_of(self, spec).map(|v| (spec, v)))
            .collect()
    }

    /// As [`Settings::parse`], but a `[tls]` section's CA file is not read: for the fuzzer and
    /// the corpus tests, which must not open whatever path their input names.
    pub(crate) fn parse_without_files(text: &str) -> Result<Settings, SettingsError> {
        check_size(text)?;
        raw::RawFile::read(text)?
            .without_files()
            .into_settings(None)
    }
}

/// Refuses a text over [`MAX_FILE_BYTES`] before parsing.
pub(super) fn check_size(text: &str) -> Result<(), SettingsError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(SettingsError {
            source: None,
            field: String::new(),
            problem: format!(
                "the file is {} bytes long, more than any settings file (at most {MAX_FILE_BYTES} bytes): is it the right file?",
                text.len()
            ),
        });
    }
    Ok(())
}

/// The file's text, reading at most one byte over [`MAX_FILE_BYTES`] (so a device or a huge
/// file named by mistake is refused by the size check, not read whole).
pub(super) fn read_capped(path: &Path) -> std::io::Result<String> {
    let bytes = read_file_capped(path, MAX_FILE_BYTES as u64)?;
    String::from_utf8(bytes)
        .map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidData, "not UTF-8 text"))
}

/// At most `cap` + 1 bytes of the regular file at `path` (one more than the cap tells the
/// caller it is too long). Anything else that can be opened by name — a named pipe, a device
/// such as `/dev/zero` or a terminal — is refused before it is opened: opening a pipe waits for
/// a writer, and reading a device may never end.
pub(super) fn read_file_capped(path: &Path, cap: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read as _;
    if !std::fs::metadata(path)?.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file",
        ));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(cap + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[cfg(test)]
mod layered_tests;
#[cfg(test)]
mod tests;
