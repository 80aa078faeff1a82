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

mod raw;
mod sections;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::provider::HostPort;

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
        let text = read_capped(path).map_err(|e| SettingsError {
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
        check_size(text)?;
        raw::RawFile::read(text)?.into_settings(base_dir)
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
fn check_size(text: &str) -> Result<(), SettingsError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(SettingsError {
            path: None,
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
fn read_capped(path: &Path) -> std::io::Result<String> {
    use std::io::Read as _;
    let mut text = String::new();
    std::fs::File::open(path)?
        .take(MAX_FILE_BYTES as u64 + 1)
        .read_to_string(&mut text)?;
    Ok(text)
}

#[cfg(test)]
mod tests;
