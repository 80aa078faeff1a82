//! The helpdesk report: everything a helpdesk needs to act on one mailbox's setup, and nothing
//! secret. Data first ([`Report`] is plain serde data); renderings in [`text`] (for a ticket or
//! a chat), JSON (`serde_json`) and [`html`] (one self-contained page: inline style, no script,
//! no outside resources).
//!
//! What it holds: app version, OS (its real version: [`crate::platform::version`]), where the
//! app's log is, time, the account (address, who signed in, status times),
//! the profile (servers, authority, tenant, client id — none of them secret), and the latest
//! check, sign-in and verification: each step with status, duration, detail and finding (whose
//! evidence is already redacted), the access token's claims (`tid`, `oid`, `upn`, `scp`,
//! `aud`, `exp`; never the token) and the servers' capabilities.

pub mod html;
mod outline;
pub mod text;

use serde::{Deserialize, Serialize};

use crate::accounts::AccountSummary;
use crate::findings::Finding;
use crate::outcome::Outcome;
use crate::provider::{Profile, Security, SignInMethod};

/// The report on one mailbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// `Mail Setup Assistant 0.1.0`.
    pub app: String,
    /// Operating system, its version and the architecture, e.g.
    /// `Windows 11 Pro 24H2 (build 26100.2314) (windows x86_64)`.
    pub os: String,
    /// Where the app's log is ([`crate::logging::described`]).
    #[serde(default)]
    pub log: String,
    /// When the report was made, RFC 3339 UTC.
    pub created_at: String,
    /// The mailbox (display form).
    pub mailbox: String,
    /// The account as saved on this computer, when it is set up.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub account: Option<AccountSummary>,
    /// The servers and sign-in settings in use.
    pub profile: ProfileFacts,
    /// The latest results, oldest first (check, sign-in, verification).
    pub results: Vec<Outcome>,
}

/// The profile as the report shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileFacts {
    /// Provider in words.
    pub provider: String,
    /// e.g. `smtp.office365.com:587 (STARTTLS)`.
    pub smtp: String,
    /// e.g. `outlook.office365.com:993 (TLS)`.
    pub imap: String,
    /// How the mailbox signs in, in words: e.g. `Google App Password`, `OAuth 2.0 (XOAUTH2)`.
    #[serde(default)]
    pub sign_in: String,
    /// e.g. `https://login.microsoftonline.com/<tenant>`; only for OAuth sign-in.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub authority: Option<String>,
    /// Application (client) id: public, not a secret.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub client_id: Option<String>,
    /// Scopes asked for.
    pub scopes: Vec<String>,
}

impl ProfileFacts {
    /// From a provider profile and the sign-in method in use (the OAuth facts only for OAuth).
    pub fn from_profile(p: &Profile, method: SignInMethod) -> ProfileFacts {
        let tls = |s: Security| match s {
            Security::StartTls => "STARTTLS",
            Security::ImplicitTls => "TLS",
        };
        let oauth = match method {
            SignInMethod::OAuth => p.oauth.as_ref(),
            SignInMethod::Password => None,
        };
        ProfileFacts {
            sign_in: method.label(p.kind).to_owned(),
            provider: p.kind.label().to_owned(),
            smtp: format!("{} ({})", p.smtp.label(), tls(p.smtp.security)),
            imap: format!("{} ({})", p.imap.label(), tls(p.imap.security)),
            authority: oauth.map(|o| o.tenant_url()),
            client_id: oauth.and_then(|o| o.client_id.clone()),
            scopes: oauth.map(|o| o.scopes.clone()).unwrap_or_default(),
        }
    }
}

impl Report {
    /// A report made now.
    pub fn new(
        mailbox: &str,
        account: Option<AccountSummary>,
        profile: ProfileFacts,
        results: Vec<Outcome>,
    ) -> Report {
        Report {
            app: format!("Mail Setup Assistant {}", env!("CARGO_PKG_VERSION")),
            os: crate::platform::version::describe_current(),
            log: crate::logging::described(),
            created_at: jiff::Timestamp::now()
                .round(jiff::Unit::Second)
                .map_or_else(|_| jiff::Timestamp::now().to_string(), |t| t.to_string()),
            mailbox: mailbox.to_owned(),
            account,
            profile,
            results,
        }
    }

    /// Whether every result in the report passed.
    pub fn passed(&self) -> bool {
        !self.results.is_empty() && self.results.iter().all(|o| o.passed)
    }

    /// Pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    }

    /// The format for a file name: `.json` → JSON, `.html`/`.htm` → HTML, anything else text.
    pub fn render_for_file(&self, path: &std::path::Path) -> String {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("json") => self.to_json(),
            Some("html" | "htm") => html::render(self),
            _ => text::render(self),
        }
    }

    /// Writes the report to `path`, in the format its extension names (see
    /// [`Self::render_for_file`]).
    ///
    /// # Errors
    /// `INTERNAL`, naming the file and the I/O error, when it cannot be written.
    pub fn write_to(&self, path: &std::path::Path) -> Result<(), Finding> {
        std::fs::write(path, self.render_for_file(path)).map_err(|e| {
            Finding::internal(format!(
                "the report could not be written to {}: {e}",
                path.display()
            ))
        })
    }

    /// Writes the report into `dir` as `html`, `json` or `txt` (anything else: `html`);
    /// returns the file's path.
    ///
    /// # Errors
    /// As [`Self::write_to`].
    pub fn save_in(
        &self,
        dir: &std::path::Path,
        extension: &str,
    ) -> Result<std::path::PathBuf, Finding> {
        let extension = match extension {
            "html" | "json" | "txt" => extension,
            _ => "html",
        };
        // Two mailboxes whose names differ only in characters a file name cannot hold
        // (`ann+x@…`, `ann-x@…`) in the same minute: the second gets `-2`, never overwrites.
        let name = self.file_name(extension);
        let stem = name.trim_end_matches(&format!(".{extension}")).to_owned();
        let mut path = dir.join(&name);
        let mut n = 2;
        while path.exists() {
            path = dir.join(format!("{stem}-{n}.{extension}"));
            n += 1;
        }
        self.write_to(&path)?;
        Ok(path)
    }

    /// A file name for saving, e.g. `mailsetup-report-ann-example.edu-20261129-1640.html`.
    pub fn file_name(&self, extension: &str) -> String {
        let safe: String = self
            .mailbox
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        let stamp: String = self
            .created_at
            .chars()
            .filter(char::is_ascii_digit)
            .take(12)
            .collect();
        format!("mailsetup-report-{safe}-{stamp}.{extension}")
    }
}

/// Where reports are saved by default: the Downloads folder, else the home folder.
pub fn default_dir() -> std::path::PathBuf {
    dirs::download_dir()
        .or_else(dirs::home_dir)
        .unwrap_or_else(std::env::temp_dir)
}

pub use crate::clock::when;

#[cfg(test)]
mod tests;
