//! One conversion per settings section: the section as written ([`super`]) in, its checked,
//! typed value out, or a [`SettingsError`] naming the field. Empty values count as missing
//! (the default stays).

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::time::Duration;

use url::Url;

use super::{
    RawApp, RawAutoconfig, RawDns, RawGoogle, RawMicrosoft, RawOutlook, RawTimeouts, RawTls,
    Seconds,
};
use crate::l10n::Language;
use crate::provider::{Cloud, HostPort, RedirectForm};
use crate::settings::{
    AutoconfigSettings, ClientType, GoogleSettings, MicrosoftSettings, OutlookSettings,
    SettingsError, Timeouts,
};

/// The error for `field` (dotted, e.g. `microsoft.client_id`; empty for the whole file).
pub(super) fn err(field: &str, problem: impl Into<String>) -> SettingsError {
    SettingsError {
        source: None,
        field: field.into(),
        problem: problem.into(),
    }
}

/// `Some(trimmed)` for a non-empty value, `None` for missing or empty.
fn present(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// `value` checked by `check`, whose complaint becomes the error for `field`; `None` when the
/// value is missing or empty.
fn checked<T>(
    field: &str,
    value: Option<String>,
    check: impl FnOnce(&str) -> Result<T, String>,
) -> Result<Option<T>, SettingsError> {
    present(value)
        .map(|v| check(&v).map_err(|p| err(field, p)))
        .transpose()
}

/// `[microsoft]`: cloud, authority, tenant, registration, redirect form, admin accounts, start
/// page delay, and what the registration check uses (Microsoft Graph, the administrator's app).
pub(super) fn microsoft(raw: RawMicrosoft) -> Result<MicrosoftSettings, SettingsError> {
    let mut ms = MicrosoftSettings::default();
    (ms.cloud, ms.cloud_provisioned, ms.authority) = cloud_and_authority(raw.cloud, raw.authority)?;
    // Microsoft Graph of the sign-in's cloud, unless set (a national cloud's own address, or the
    // local provider in tests).
    ms.graph = ms.cloud.graph();
    if let Some(g) = checked("microsoft.graph", raw.graph, authority)? {
        ms.graph = g;
    }
    if let Some(c) = checked("microsoft.check_client_id", raw.check_client_id, |c| {
        application_id(c, "")
    })? {
        ms.check_client_id = c;
    }
    if let Some(t) = checked("microsoft.tenant", raw.tenant, tenant)? {
        // The meta-tenants name no organisation: discovery may still find the real one.
        ms.tenant_provisioned = !matches!(t.as_str(), "organizations" | "common" | "consumers");
        ms.tenant = t;
    }
    ms.client_id = checked("microsoft.client_id", raw.client_id, |c| {
        application_id(c, " (copy it from the app registration's Overview page)")
    })?;
    if let Some(r) = checked("microsoft.redirect", raw.redirect, RedirectForm::parse)? {
        ms.redirect = r;
    }
    if let Some(t) = checked("microsoft.client_type", raw.client_type, client_type)? {
        ms.client_type = t;
    }
    ms.admin_accounts = admin_accounts(raw.admin_accounts.unwrap_or_default())?;
    if let Some(n) = raw.start_page_seconds {
        if n > 60 {
            return Err(err(
                "microsoft.start_page_seconds",
                format!("{n} is out of range: use 0 to 60 seconds"),
            ));
        }
        ms.start_page_seconds = n;
    }
    Ok(ms)
}

/// The cloud and the authority, as one: an authority of a known cloud alone brings that cloud
/// (its permissions and mail servers); a cloud and an authority of another cloud are refused
/// (<https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud>; test
/// `field_n06_an_authority_alone_brings_its_cloud_and_mixed_clouds_are_refused`).
fn cloud_and_authority(
    raw_cloud: Option<String>,
    raw_authority: Option<String>,
) -> Result<(Cloud, bool, Url), SettingsError> {
    let chosen = checked("microsoft.cloud", raw_cloud, cloud)?;
    let authority = checked("microsoft.authority", raw_authority, authority)?;
    let of_authority = authority.as_ref().and_then(Cloud::of_authority);
    if let (Some(c), Some(a)) = (chosen, of_authority)
        && c != a
    {
        return Err(err(
            "microsoft.authority",
            format!(
                "is the sign-in address of {}, but cloud says {}: sign-in, permissions and mail servers must come from one cloud (set cloud, and leave authority out unless it is a proxy)",
                a.label(),
                c.label()
            ),
        ));
    }
    let cloud = chosen.or(of_authority).unwrap_or_default();
    let provisioned = chosen.is_some() || of_authority.is_some();
    Ok((
        cloud,
        provisioned,
        authority.unwrap_or_else(|| cloud.authority()),
    ))
}

/// Fails when a `[servers]` host is a Microsoft 365 server of another cloud than the sign-in's
/// (test `field_n06_an_authority_alone_brings_its_cloud_and_mixed_clouds_are_refused`).
pub(super) fn servers_in_cloud(
    cloud: Cloud,
    servers: [(&str, Option<&HostPort>); 2],
) -> Result<(), SettingsError> {
    for (field, hp) in servers {
        if let Some(other) = hp.and_then(|hp| Cloud::of_mail_host(&hp.host))
            && other != cloud
        {
            return Err(err(
                field,
                format!(
                    "is a mail server of {}, but the sign-in is set for {}: set [microsoft] cloud to the organisation's cloud, or name that cloud's server",
                    other.label(),
                    cloud.label()
                ),
            ));
        }
    }
    Ok(())
}

fn cloud(name: &str) -> Result<Cloud, String> {
    Cloud::parse(name).ok_or_else(|| format!("{name:?} is not a cloud: use global, usgov or china"))
}

/// An `https://host[/path]` authority base URL, without a trailing slash.
fn authority(text: &str) -> Result<Url, String> {
    let url = setting_url(text)?;
    if url.scheme() != "https" {
        return Err("must start with https:// (sign-in details only travel over TLS)".into());
    }
    if url.host_str().is_none() || url.query().is_some() || url.fragment().is_some() {
        return Err("must be a plain https://host[/path] address without ? or #".into());
    }
    let trimmed = url.as_str().trim_end_matches('/').to_string();
    Url::parse(&trimmed).map_err(|e| e.to_string())
}

/// A tenant id, verified domain or meta-tenant, lower-cased.
fn tenant(t: &str) -> Result<String, String> {
    if !t
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
    {
        return Err(format!(
            "{t:?} is not a tenant id, domain, organizations, common or consumers"
        ));
    }
    Ok(t.to_ascii_lowercase())
}

/// An application (client) id, a GUID, lower-cased; `hint` ends the complaint.
fn application_id(c: &str, hint: &str) -> Result<String, String> {
    uuid::Uuid::try_parse(c).map_err(|_| {
        format!("{c:?} is not an application (client) ID; it looks like 11111111-2222-3333-4444-555555555555{hint}")
    })?;
    Ok(c.to_ascii_lowercase())
}

fn client_type(t: &str) -> Result<ClientType, String> {
    match t {
        "public" => Ok(ClientType::Public),
        "confidential" | "web" => Ok(ClientType::Confidential),
        _ => Err(format!(
            "{t:?} is not a client type: use public (Mobile and desktop applications) or confidential (Web)"
        )),
    }
}

/// Each account's normalised address; an error names the entry by its index.
fn admin_accounts(accounts: Vec<String>) -> Result<Vec<String>, SettingsError> {
    accounts
        .iter()
        .enumerate()
        .map(|(i, a)| {
            crate::address::Address::parse(a)
                .map(|addr| addr.normalized().to_owned())
                .map_err(|e| err(&format!("microsoft.admin_accounts[{i}]"), e.to_string()))
        })
        .collect()
}

/// `[google]`: the client id and, for tests and proxies, the endpoints.
pub(super) fn google(raw: RawGoogle) -> Result<GoogleSettings, SettingsError> {
    let defaults = GoogleSettings::default();
    Ok(GoogleSettings {
        client_id: checked("google.client_id", raw.client_id, google_client_id)?,
        authorize_url: checked("google.authorize_url", raw.authorize_url, https_url)?
            .unwrap_or(defaults.authorize_url),
        token_url: checked("google.token_url", raw.token_url, https_url)?
            .unwrap_or(defaults.token_url),
    })
}

fn google_client_id(c: &str) -> Result<String, String> {
    if !c.ends_with(".apps.googleusercontent.com") || c.contains(char::is_whitespace) {
        return Err(format!(
            "{c:?} is not a Google OAuth client id; it ends with .apps.googleusercontent.com (Google Cloud console → APIs & Services → Credentials)"
        ));
    }
    Ok(c.to_string())
}

/// `[outlook]`: the registration for personal Microsoft accounts.
pub(super) fn outlook(raw: RawOutlook) -> Result<OutlookSettings, SettingsError> {
    Ok(OutlookSettings {
        client_id: checked("outlook.client_id", raw.client_id, |c| {
            application_id(c, "")
        })?,
    })
}

/// `[autoconfig]`: the ISPDB base URL, ending in `/` so the domain can be appended.
/// `[app] language`: `en` or `es` (any case); absent, the OS's language is used.
pub(super) fn language(raw: RawApp) -> Result<Option<Language>, SettingsError> {
    let Some(tag) = raw.language else {
        return Ok(None);
    };
    match Language::from_tag(&tag) {
        Some(language) if language != Language::Pseudo => Ok(Some(language)),
        _ => Err(err(
            "app.language",
            format!(
                "{tag:?} is not a language the app speaks: use en (English) or es (Spanish), or leave it out to follow the computer's language"
            ),
        )),
    }
}

pub(super) fn autoconfig(raw: RawAutoconfig) -> Result<AutoconfigSettings, SettingsError> {
    let mut a = AutoconfigSettings::default();
    if let Some(mut url) = checked("autoconfig.ispdb", raw.ispdb, https_url)? {
        if !url.path().ends_with('/') {
            url.set_path(&format!("{}/", url.path()));
        }
        a.ispdb = url;
    }
    Ok(a)
}

/// `[dns]`: the resolver's address; port 53 when none is given.
pub(super) fn dns(raw: RawDns) -> Result<Option<SocketAddr>, SettingsError> {
    checked("dns.server", raw.server, |d| {
        d.parse::<SocketAddr>()
            .or_else(|_| d.parse::<IpAddr>().map(|ip| SocketAddr::new(ip, 53)))
            .map_err(|_| format!("{d:?} is not an IP address (with optional :port)"))
    })
}

/// `[servers]`: one server override, `servers.smtp` or `servers.imap`.
pub(super) fn server(
    field: &str,
    value: Option<String>,
) -> Result<Option<HostPort>, SettingsError> {
    checked(field, value, HostPort::parse)
}

/// `[tls]`: the extra CA file and its PEM bytes; a relative path is relative to `base_dir`.
pub(super) fn tls(
    raw: RawTls,
    base_dir: Option<&Path>,
) -> Result<Option<(PathBuf, Vec<u8>)>, SettingsError> {
    checked("tls.extra_ca_file", raw.extra_ca_file, |f| {
        let path = match base_dir {
            Some(b) if Path::new(f).is_relative() => b.join(f),
            _ => PathBuf::from(f),
        };
        read_ca(&path).map(|pem| (path, pem))
    })
}

/// `[timeouts]`: each one in seconds, the default where missing or empty.
pub(super) fn timeouts(raw: RawTimeouts) -> Result<Timeouts, SettingsError> {
    let d = Timeouts::default();
    Ok(Timeouts {
        connect: seconds("timeouts.connect", raw.connect, d.connect)?,
        command: seconds("timeouts.command", raw.command, d.command)?,
        http: seconds("timeouts.http", raw.http, d.http)?,
        sign_in: seconds("timeouts.sign_in", raw.sign_in, d.sign_in)?,
        message_arrival: seconds(
            "timeouts.message_arrival",
            raw.message_arrival,
            d.message_arrival,
        )?,
        discovery: seconds("timeouts.discovery", raw.discovery, d.discovery)?,
        probe: seconds("timeouts.probe", raw.probe, d.probe)?,
    })
}

/// One timeout: a number (or numeric text) from 0.1 to 3600 seconds.
fn seconds(field: &str, v: Option<Seconds>, default: Duration) -> Result<Duration, SettingsError> {
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
}

/// A URL as written in the settings: parsed as it reads. The URL standard drops tabs and line
/// breaks inside a URL and trims control characters and spaces around it
/// (<https://url.spec.whatwg.org/#concept-basic-url-parser>), so a value that holds any is
/// refused rather than silently read as another address; a user name or password in the URL
/// is refused too (a secret does not belong in a settings file, and would be sent to a server).
fn setting_url(text: &str) -> Result<Url, String> {
    if text.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(format!(
            "{text:?} holds a space, tab, line break or control character: write the address alone"
        ));
    }
    let url = Url::parse(text).map_err(|e| format!("{text:?} is not a URL ({e})"))?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err("must not hold a user name or password (user:password@): remove them".into());
    }
    Ok(url)
}

/// An `https://` URL (credentials and tokens never go over plain HTTP).
fn https_url(text: &str) -> Result<Url, String> {
    let url = setting_url(text)?;
    if url.scheme() != "https" {
        return Err(format!("{text:?} must start with https://"));
    }
    Ok(url)
}

/// The largest CA file read: 4 MiB (Mozilla's whole root store is about 220 KB as PEM).
const MAX_CA_BYTES: u64 = 4 * 1024 * 1024;

/// The PEM file's bytes, when it holds at least one certificate and nothing unreadable.
fn read_ca(path: &Path) -> Result<Vec<u8>, String> {
    use rustls_pki_types::pem::PemObject;
    let pem = crate::settings::read_file_capped(path, MAX_CA_BYTES)
        .map_err(|e| format!("cannot read {} ({e})", path.display()))?;
    if pem.len() as u64 > MAX_CA_BYTES {
        return Err(format!(
            "{} is larger than {MAX_CA_BYTES} bytes: not a CA certificate file",
            path.display()
        ));
    }
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
