//! Thunderbird autoconfig: a mail provider's server settings, published by the provider or kept
//! in Thunderbird's database (ISPDB), for providers the app does not know (facts §9).
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
            Err(_) => Err(format!("no answer within {} s", timeout.as_secs_f32())),
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

async fn fetch(http: &reqwest::Client, url: &url::Url) -> Result<String, String> {
    let resp = http.get(url.clone()).send().await.map_err(|e| {
        if e.is_connect() {
            "not reachable".to_string()
        } else {
            e.to_string()
        }
    })?;
    if !resp.status().is_success() {
        return Err(format!("HTTP {}", resp.status()));
    }
    let bytes = resp.bytes().await.map_err(|e| e.to_string())?;
    if bytes.len() > 256 * 1024 {
        return Err("the answer is too large to be a mail configuration".into());
    }
    String::from_utf8(bytes.to_vec()).map_err(|_| "not UTF-8 text".into())
}

/// Reads a `clientConfig` document (Thunderbird's config-v1.1 format).
///
/// # Errors
/// Why the document gives no usable settings.
pub fn parse(xml: &str, address: &Address) -> Result<MailServers, String> {
    let doc =
        roxmltree::Document::parse(xml).map_err(|e| format!("not a mail configuration ({e})"))?;
    let provider = doc
        .descendants()
        .find(|n| n.has_tag_name("emailProvider"))
        .ok_or("no emailProvider in the configuration")?;
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
    let (imap, imap_user) = server("incomingServer", "imap", &["SSL"])
        .ok_or("no IMAP server with TLS and a password method")?;
    let (smtp, smtp_user) = server("outgoingServer", "smtp", &["STARTTLS", "SSL"])
        .ok_or("no SMTP server with TLS and a password method")?;
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
    fn plaintext_only_or_oauth_only_configs_are_refused() {
        let plain = r#"<clientConfig><emailProvider id="x"><incomingServer type="imap"><hostname>h</hostname><port>143</port><socketType>plain</socketType><authentication>password-cleartext</authentication></incomingServer><outgoingServer type="smtp"><hostname>h</hostname><port>25</port><socketType>plain</socketType><authentication>password-cleartext</authentication></outgoingServer></emailProvider></clientConfig>"#;
        assert!(
            parse(plain, &addr())
                .unwrap_err()
                .contains("IMAP server with TLS")
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
