//! The settings file as written: one struct per TOML section, every field optional, unknown
//! fields refused. [`convert`] checks each section and gives its typed value.

mod convert;

use std::path::Path;

use serde::Deserialize;
use toml::Table;

use super::{Settings, SettingsError};
use convert::err;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFile {
    app: Option<RawApp>,
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
struct RawApp {
    language: Option<String>,
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
    graph: Option<String>,
    check_client_id: Option<String>,
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

    /// Reads settings already parsed into a table (a policy's, or several sources merged): a
    /// wrong field is named by its dotted name.
    pub(super) fn from_table(table: Table) -> Result<RawFile, SettingsError> {
        serde_path_to_error::deserialize(toml::Value::Table(table)).map_err(|e| {
            let field = e.path().to_string();
            err(
                if field == "." { "" } else { &field },
                e.inner().message().trim(),
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
        let language = convert::language(self.app.unwrap_or_default())?;
        let microsoft = convert::microsoft(self.microsoft.unwrap_or_default())?;
        let google = convert::google(self.google.unwrap_or_default())?;
        let outlook = convert::outlook(self.outlook.unwrap_or_default())?;
        let autoconfig = convert::autoconfig(self.autoconfig.unwrap_or_default())?;
        let dns_server = convert::dns(self.dns.unwrap_or_default())?;
        let smtp = convert::server("servers.smtp", servers.smtp)?;
        let imap = convert::server("servers.imap", servers.imap)?;
        let (extra_ca_file, extra_ca_pem) = convert::tls(self.tls.unwrap_or_default(), base_dir)?
            .map_or((None, None), |(f, pem)| (Some(f), Some(pem)));
        let settings = Settings {
            language,
            microsoft,
            google,
            outlook,
            autoconfig,
            dns_server,
            smtp,
            imap,
            extra_ca_pem,
            extra_ca_file,
            timeouts: convert::timeouts(self.timeouts.unwrap_or_default())?,
            ..Settings::default()
        };
        convert::servers_in_cloud(
            settings.microsoft.cloud,
            [
                ("servers.smtp", settings.smtp.as_ref()),
                ("servers.imap", settings.imap.as_ref()),
            ],
        )?;
        Ok(settings)
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

/// The schema lists every field the parser accepts, and nothing else.
#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use serde::de::{Deserialize, Deserializer, Error as _, Visitor, value::Error};

    use super::*;
    use crate::settings::schema::{SCHEMA, SECTIONS};

    /// A deserializer that only records the field names a derived `Deserialize` for a struct
    /// declares (serde hands them to `deserialize_struct`).
    struct Fields<'a>(&'a mut &'static [&'static str]);

    impl<'de> Deserializer<'de> for Fields<'_> {
        type Error = Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Error> {
            Err(Error::custom("not a struct"))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Error> {
            *self.0 = fields;
            Err(Error::custom("fields recorded"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
            ignored_any
        }
    }

    fn fields<T: Deserialize<'static>>() -> Vec<&'static str> {
        let mut out: &'static [&'static str] = &[];
        let _ = T::deserialize(Fields(&mut out));
        out.to_vec()
    }

    #[test]
    fn schema_lists_every_field_the_parser_accepts() {
        // Every section of the file, then each section's fields.
        let sections: BTreeSet<&str> = fields::<RawFile>().into_iter().collect();
        assert_eq!(sections, SECTIONS.iter().copied().collect());
        let per_section = [
            ("app", fields::<RawApp>()),
            ("microsoft", fields::<RawMicrosoft>()),
            ("google", fields::<RawGoogle>()),
            ("outlook", fields::<RawOutlook>()),
            ("autoconfig", fields::<RawAutoconfig>()),
            ("servers", fields::<RawServers>()),
            ("dns", fields::<RawDns>()),
            ("tls", fields::<RawTls>()),
            ("timeouts", fields::<RawTimeouts>()),
        ];
        assert_eq!(
            per_section.iter().map(|(s, _)| *s).collect::<BTreeSet<_>>(),
            sections,
            "each section's struct is listed here"
        );
        let parser: BTreeSet<String> = per_section
            .iter()
            .flat_map(|(s, fs)| fs.iter().map(move |f| format!("{s}.{f}")))
            .collect();
        let schema: BTreeSet<String> = SCHEMA.iter().map(|s| s.dotted()).collect();
        assert_eq!(parser, schema);
        // And each one's example is accepted where it is written.
        for spec in SCHEMA {
            let mut section = toml::Table::new();
            section.insert(spec.key.into(), spec.example_value());
            let mut table = toml::Table::new();
            table.insert(spec.section.into(), toml::Value::Table(section));
            assert!(RawFile::from_table(table).is_ok(), "{}", spec.dotted());
        }
    }
}
