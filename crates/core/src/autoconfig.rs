//! Thunderbird autoconfig: a mail provider's server settings, published by the provider or kept
//! in Thunderbird's database (ISPDB, <https://github.com/thunderbird/autoconfig>), for
//! providers the app does not know.
//!
//! Lookup order (first answer wins; all are asked at once, each under the discovery timeout):
//! 1. `https://autoconfig.<domain>/mail/config-v1.1.xml?emailaddress=<address>`;
//! 2. `https://<domain>/.well-known/autoconfig/mail/config-v1.1.xml`;
//! 3. the ISPDB: `<ispdb>/<domain>` (`https://autoconfig.thunderbird.net/v1.1/` by default);
//! 4. the ISPDB for the base domain of the domain's MX host.
//!
//! Only HTTPS with verified certificates, no redirects. From a config the app takes the first
//! IMAP server with TLS (`SSL`; IMAP STARTTLS is not used) and the first SMTP server with
//! `STARTTLS` or `SSL`, each offering a password method: plaintext servers and POP are skipped,
//! never used (a password only travels over TLS). `%EMAILADDRESS%`, `%EMAILLOCALPART%` and
//! `%EMAILDOMAIN%` in the username are expanded.

use std::time::Duration;

use crate::address::Address;
use crate::provider::{Endpoint, MailServers, Security};

/// Why one candidate gave no usable settings. Its text becomes a discovery note for the
/// helpdesk; it never becomes a finding of its own.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct AutoconfigError(Kind);

#[derive(Debug, thiserror::Error)]
enum Kind {
    /// No connection could be made.
    #[error("not reachable")]
    Unreachable,
    /// No answer within the discovery timeout.
    #[error("no answer within {} s", .0.as_secs_f32())]
    Timeout(Duration),
    /// The request or the reading of the answer failed otherwise.
    #[error("{0}")]
    Request(reqwest::Error),
    /// The server answered with an error status (e.g. `404 Not Found`).
    #[error("HTTP {0}")]
    Status(reqwest::StatusCode),
    /// The answer is larger than any configuration.
    #[error("the answer is too large to be a mail configuration")]
    TooLarge,
    /// The answer is not text.
    #[error("not UTF-8 text")]
    NotUtf8,
    /// The answer is not XML.
    #[error("not a mail configuration ({0})")]
    NotXml(roxmltree::Error),
    /// The XML has no `emailProvider`.
    #[error("no emailProvider in the configuration")]
    NoProvider,
    /// No IMAP server the app may use (TLS and a password method).
    #[error("no IMAP server with TLS and a password method")]
    NoImap,
    /// No SMTP server the app may use (TLS and a password method).
    #[error("no SMTP server with TLS and a password method")]
    NoSmtp,
}

/// The candidate config URLs for `address`, in priority order, with a short name for each.
pub fn candidate_urls(
    address: &Address,
    mx: &[String],
    ispdb: &url::Url,
) -> Vec<(String, url::Url)> {
    let domain = address.domain();
    let mut out = Vec::new();
    let mut push = |name: String, text: String| {
        if let Ok(u) = url::Url::parse(&text) {
            out.push((name, u));
        }
    };
    push(
        format!("autoconfig.{domain}"),
        format!(
            "https://autoconfig.{domain}/mail/config-v1.1.xml?emailaddress={}",
            url::form_urlencoded::byte_serialize(address.normalized().as_bytes())
                .collect::<String>()
        ),
    );
    push(
        format!("{domain}/.well-known"),
        format!("https://{domain}/.well-known/autoconfig/mail/config-v1.1.xml"),
    );
    push("Thunderbird ISPDB".into(), format!("{ispdb}{domain}"));
    if let Some(base) = mx.first().map(|h| base_domain(h)).filter(|b| b != domain) {
        push(
            format!("Thunderbird ISPDB (mail server {base})"),
            format!("{ispdb}{base}"),
        );
    }
    out
}

/// Asks every candidate at once; the highest-priority usable answer wins. `Err` holds what each
/// lookup said (for the helpdesk).
pub async fn lookup(
    http: &reqwest::Client,
    address: &Address,
    mx: &[String],
    ispdb: &url::Url,
    timeout: Duration,
) -> Result<MailServers, Vec<String>> {
    let candidates = candidate_urls(address, mx, ispdb);
    let answers = futures_util::future::join_all(candidates.iter().map(|(_, url)| async move {
        match tokio::time::timeout(timeout, fetch(http, url)).await {
            Ok(r) => r,
            Err(_) => Err(AutoconfigError(Kind::Timeout(timeout))),
        }
    }))
    .await;
    let mut notes = Vec::new();
    for ((name, _), answer) in candidates.iter().zip(answers) {
        match answer.and_then(|xml| parse(&xml, address)) {
            Ok(mut servers) => {
                servers.source = name.clone();
                return Ok(servers);
            }
            Err(e) => notes.push(format!("autoconfig {name}: {e}")),
        }
    }
    Err(notes)
}

async fn fetch(http: &reqwest::Client, url: &url::Url) -> Result<String, AutoconfigError> {
    let resp = http.get(url.clone()).send().await.map_err(|e| {
        AutoconfigError(if e.is_connect() {
            Kind::Unreachable
        } else {
            Kind::Request(e)
        })
    })?;
    if !resp.status().is_success() {
        return Err(AutoconfigError(Kind::Status(resp.status())));
    }
    let bytes = crate::net::body::read_capped(resp, MAX_BYTES)
        .await
        .map_err(|e| match e {
            crate::net::body::BodyError::TooLarge(_) => AutoconfigError(Kind::TooLarge),
            crate::net::body::BodyError::Read(e) => AutoconfigError(Kind::Request(e)),
        })?;
    String::from_utf8(bytes).map_err(|_| AutoconfigError(Kind::NotUtf8))
}

/// The largest configuration read: 256 KiB. Thunderbird's ISPDB files are 1–10 KB; a larger
/// answer is not a mail configuration and is refused before parsing.
pub const MAX_BYTES: usize = 256 * 1024;

/// Reads a `clientConfig` document (Thunderbird's config-v1.1 format).
///
/// # Errors
/// Why the document gives no usable settings.
pub fn parse(xml: &str, address: &Address) -> Result<MailServers, AutoconfigError> {
    if xml.len() > MAX_BYTES {
        return Err(AutoconfigError(Kind::TooLarge));
    }
    let doc = roxmltree::Document::parse(xml).map_err(|e| AutoconfigError(Kind::NotXml(e)))?;
    let provider = doc
        .descendants()
        .find(|n| n.has_tag_name("emailProvider"))
        .ok_or(AutoconfigError(Kind::NoProvider))?;
    let server = |tag: &str, kind: &str, allowed: &[&str]| {
        provider
            .children()
            .filter(|n| n.has_tag_name(tag) && n.attribute("type") == Some(kind))
            .find_map(|n| {
                let text = |t: &str| {
                    n.children()
                        .find(|c| c.has_tag_name(t))
                        .and_then(|c| c.text())
                        .map(|s| s.trim().to_owned())
                };
                let socket = text("socketType")?.to_ascii_uppercase();
                if !allowed.contains(&socket.as_str()) {
                    return None;
                }
                let password = n.children().any(|c| {
                    c.has_tag_name("authentication")
                        && c.text().is_some_and(|t| t.trim().starts_with("password-"))
                });
                if !password {
                    return None;
                }
                let endpoint = Endpoint {
                    host: text("hostname")?,
                    port: text("port")?.parse().ok()?,
                    security: if socket == "SSL" {
                        Security::ImplicitTls
                    } else {
                        Security::StartTls
                    },
                };
                Some((endpoint, text("username").map(|u| expand(&u, address))))
            })
    };
    let (imap, imap_user) =
        server("incomingServer", "imap", &["SSL"]).ok_or(AutoconfigError(Kind::NoImap))?;
    let (smtp, smtp_user) = server("outgoingServer", "smtp", &["STARTTLS", "SSL"])
        .ok_or(AutoconfigError(Kind::NoSmtp))?;
    let username = imap_user
        .or(smtp_user)
        .filter(|u| !u.eq_ignore_ascii_case(address.normalized()));
    Ok(MailServers {
        smtp,
        imap,
        username,
        source: String::new(),
    })
}

fn expand(template: &str, address: &Address) -> String {
    template
        .replace("%EMAILADDRESS%", address.normalized())
        .replace("%EMAILLOCALPART%", address.local_part())
        .replace("%EMAILDOMAIN%", address.domain())
}

/// The base domain of a host for the ISPDB lookup: the last two labels, or three under a
/// two-letter country code with a short second level (`mx.example.co.uk` → `example.co.uk`).
pub fn base_domain(host: &str) -> String {
    let labels: Vec<&str> = host.trim_end_matches('.').split('.').collect();
    let n = labels.len();
    let keep = if n >= 3 && labels[n - 1].len() == 2 && labels[n - 2].len() <= 3 {
        3
    } else {
        2
    };
    labels[n.saturating_sub(keep)..].join(".")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addr() -> Address {
        Address::parse("Ann.Lee@small.example").unwrap()
    }

    #[test]
    fn picks_tls_imap_and_smtp_skipping_pop_and_plaintext() {
        let xml = r#"<?xml version="1.0"?>
<clientConfig version="1.1"><emailProvider id="small.example">
  <domain>small.example</domain>
  <incomingServer type="pop3"><hostname>pop.small.example</hostname><port>995</port><socketType>SSL</socketType><username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication></incomingServer>
  <incomingServer type="imap"><hostname>imap.small.example</hostname><port>143</port><socketType>plain</socketType><username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication></incomingServer>
  <incomingServer type="imap"><hostname>imap.small.example</hostname><port>993</port><socketType>SSL</socketType><username>%EMAILLOCALPART%</username><authentication>password-cleartext</authentication></incomingServer>
  <outgoingServer type="smtp"><hostname>smtp.small.example</hostname><port>25</port><socketType>plain</socketType><authentication>password-cleartext</authentication></outgoingServer>
  <outgoingServer type="smtp"><hostname>smtp.small.example</hostname><port>587</port><socketType>STARTTLS</socketType><username>%EMAILLOCALPART%</username><authentication>password-cleartext</authentication></outgoingServer>
</emailProvider></clientConfig>"#;
        let s = parse(xml, &addr()).unwrap();
        assert_eq!(
            s.imap,
            Endpoint {
                host: "imap.small.example".into(),
                port: 993,
                security: Security::ImplicitTls
            }
        );
        assert_eq!(
            s.smtp,
            Endpoint {
                host: "smtp.small.example".into(),
                port: 587,
                security: Security::StartTls
            }
        );
        assert_eq!(s.username.as_deref(), Some("ann.lee"));
    }

    #[test]
    fn a_config_over_the_size_cap_is_refused_before_parsing() {
        let small = r#"<clientConfig version="1.1"><emailProvider id="small.example">
  <incomingServer type="imap"><hostname>imap.small.example</hostname><port>993</port><socketType>SSL</socketType><authentication>password-cleartext</authentication></incomingServer>
  <outgoingServer type="smtp"><hostname>smtp.small.example</hostname><port>587</port><socketType>STARTTLS</socketType><authentication>password-cleartext</authentication></outgoingServer>
</emailProvider></clientConfig>"#;
        assert!(parse(small, &addr()).is_ok());
        // The same configuration, padded with a comment past the cap.
        let padded = format!("{small}<!--{}-->", "x".repeat(MAX_BYTES));
        let e = parse(&padded, &addr()).unwrap_err();
        assert!(e.to_string().contains("too large"), "{e}");
    }

    #[test]
    fn plaintext_only_or_oauth_only_configs_are_refused() {
        let plain = r#"<clientConfig><emailProvider id="x"><incomingServer type="imap"><hostname>h</hostname><port>143</port><socketType>plain</socketType><authentication>password-cleartext</authentication></incomingServer><outgoingServer type="smtp"><hostname>h</hostname><port>25</port><socketType>plain</socketType><authentication>password-cleartext</authentication></outgoingServer></emailProvider></clientConfig>"#;
        assert_eq!(
            parse(plain, &addr()).unwrap_err().to_string(),
            "no IMAP server with TLS and a password method"
        );
        let oauth = plain
            .replace("plain</socketType>", "SSL</socketType>")
            .replace("password-cleartext", "OAuth2");
        assert!(parse(&oauth, &addr()).is_err());
        assert!(parse("<html>not found</html>", &addr()).is_err());
        assert!(parse("\u{0}<<", &addr()).is_err());
    }

    #[test]
    fn candidates_follow_thunderbirds_order() {
        let ispdb = url::Url::parse("https://autoconfig.thunderbird.net/v1.1/").unwrap();
        let urls: Vec<String> =
            candidate_urls(&addr(), &["mx1.hosted-mail.example".into()], &ispdb)
                .into_iter()
                .map(|(_, u)| u.to_string())
                .collect();
        assert_eq!(
            urls,
            [
                "https://autoconfig.small.example/mail/config-v1.1.xml?emailaddress=ann.lee%40small.example",
                "https://small.example/.well-known/autoconfig/mail/config-v1.1.xml",
                "https://autoconfig.thunderbird.net/v1.1/small.example",
                "https://autoconfig.thunderbird.net/v1.1/hosted-mail.example",
            ]
        );
        assert_eq!(base_domain("mx.example.co.uk"), "example.co.uk");
        assert_eq!(base_domain("aspmx.l.google.com."), "google.com");
    }
}
