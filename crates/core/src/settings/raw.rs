//! The settings file as written: one struct per TOML section, every field optional, unknown
//! fields refused. [`convert`] checks each section and gives its typed value.

mod convert;

use std::path::Path;

use serde::Deserialize;

use super::{Settings, SettingsError};
use convert::err;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFile {
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

impl RawFile {
    /// Reads the TOML text: a syntax error names its line, a wrong field its dotted name.
    pub(super) fn read(text: &str) -> Result<RawFile, SettingsError> {
        let de = toml::Deserializer::parse(text).map_err(|e| err("", toml_problem(text, &e)))?;
        serde_path_to_error::deserialize(de).map_err(|e| {
            let field = e.path().to_string();
            err(
                if field == "." { "" } else { &field },
                toml_problem(text, e.inner()),
            )
        })
    }

    /// The same sections without the one that names a file to read (`[tls]`).
    pub(super) fn without_files(self) -> RawFile {
        RawFile { tls: None, ..self }
    }

    /// The settings these sections give; a relative `extra_ca_file` resolves against
    /// `base_dir`.
    pub(super) fn into_settings(self, base_dir: Option<&Path>) -> Result<Settings, SettingsError> {
        let servers = self.servers.unwrap_or_default();
        // Checked in this order, section by section: with several wrong fields, the first one
        // named is always the same.
        Ok(Settings {
            microsoft: convert::microsoft(self.microsoft.unwrap_or_default())?,
            google: convert::google(self.google.unwrap_or_default())?,
            outlook: convert::outlook(self.outlook.unwrap_or_default())?,
            autoconfig: convert::autoconfig(self.autoconfig.unwrap_or_default())?,
            dns_server: convert::dns(self.dns.unwrap_or_default())?,
            smtp: convert::server("servers.smtp", servers.smtp)?,
            imap: convert::server("servers.imap", servers.imap)?,
            extra_ca_pem: convert::tls(self.tls.unwrap_or_default(), base_dir)?,
            timeouts: convert::timeouts(self.timeouts.unwrap_or_default())?,
            source: None,
        })
    }
}

fn toml_problem(text: &str, e: &toml::de::Error) -> String {
    let msg = e.message().trim().to_string();
    match e.span() {
        Some(span) => {
            // Bytes, not a `str` slice: a span that is not on a character boundary cannot panic.
            let before = &text.as_bytes()[..span.start.min(text.len())];
            let line = before.iter().filter(|b| **b == b'\n').count() + 1;
            format!("{msg} (line {line})")
        }
        None => msg,
    }
}
