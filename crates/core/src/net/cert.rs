//! Facts about a server certificate, for diagnosis and reports (parsed with `x509-parser`).
//!
//! Verification itself is webpki's job ([`super::Trust`]); this only describes what the server
//! presented: names, issuer, validity and chain length, so a helpdesk can see at a glance why a
//! certificate was refused or when it will expire.

use rustls::pki_types::CertificateDer;
use serde::{Deserialize, Serialize};
use x509_parser::prelude::*;

/// What a server's certificate says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CertFacts {
    /// Subject common name (or the whole subject when it has none).
    pub subject: String,
    /// DNS names and IP addresses the certificate is valid for (subjectAltName).
    pub names: Vec<String>,
    /// Issuer common name (or the whole issuer).
    pub issuer: String,
    /// Valid from, RFC 3339 (UTC).
    pub not_before: String,
    /// Valid until, RFC 3339 (UTC).
    pub not_after: String,
    /// Whole days from now until `not_after` (negative once expired).
    pub days_left: i64,
    /// Whether one of `names` covers the host the app connected to (RFC 6125 wildcard rules:
    /// `*` stands for exactly one leftmost label).
    pub matches_host: bool,
    /// Certificates the server sent (leaf plus intermediates).
    pub chain_len: usize,
}

impl CertFacts {
    /// Reads the leaf of `chain` (DER, leaf first) as presented by `host`. `None` when the
    /// chain is empty or the leaf cannot be parsed.
    pub fn from_chain(chain: &[CertificateDer<'_>], host: &str) -> Option<CertFacts> {
        let (_, leaf) = X509Certificate::from_der(chain.first()?.as_ref()).ok()?;
        let names: Vec<String> = leaf
            .subject_alternative_name()
            .ok()
            .flatten()
            .map(|san| {
                san.value
                    .general_names
                    .iter()
                    .filter_map(|n| match n {
                        GeneralName::DNSName(d) => Some(d.to_string()),
                        GeneralName::IPAddress(ip) => ip_text(ip),
                        _ => None,
                    })
                    .collect()
            })
            .unwrap_or_default();
        let validity = leaf.validity();
        let now = jiff::Timestamp::now().as_second();
        let not_after = validity.not_after.timestamp();
        Some(CertFacts {
            subject: common_name(leaf.subject()),
            matches_host: names.iter().any(|n| name_matches(n, host)),
            names,
            issuer: common_name(leaf.issuer()),
            not_before: rfc3339(validity.not_before.timestamp()),
            not_after: rfc3339(not_after),
            days_left: (not_after - now).div_euclid(86_400),
            chain_len: chain.len(),
        })
    }

    /// One line for evidence, e.g. `certificate for mail.example.edu, *.example.edu, issued by
    /// Example CA, valid until 2026-12-01 (2 days left), chain of 2`.
    pub fn describe(&self) -> String {
        let until = self.not_after.get(..10).unwrap_or(&self.not_after);
        let left = match self.days_left {
            d if d < 0 => format!("EXPIRED {} days ago", -d),
            1 => "1 day left".into(),
            d => format!("{d} days left"),
        };
        let names = if self.names.is_empty() {
            self.subject.clone()
        } else {
            self.names.join(", ")
        };
        format!(
            "certificate for {names}{}, issued by {}, valid until {until} ({left}), chain of {}",
            if self.matches_host {
                ""
            } else {
                " (NOT this server's name)"
            },
            self.issuer,
            self.chain_len
        )
    }
}

fn common_name(name: &X509Name<'_>) -> String {
    name.iter_common_name()
        .next()
        .and_then(|cn| cn.as_str().ok())
        .map_or_else(|| name.to_string(), str::to_string)
}

fn ip_text(bytes: &[u8]) -> Option<String> {
    match bytes.len() {
        4 => <[u8; 4]>::try_from(bytes)
            .ok()
            .map(|b| std::net::Ipv4Addr::from(b).to_string()),
        16 => <[u8; 16]>::try_from(bytes)
            .ok()
            .map(|b| std::net::Ipv6Addr::from(b).to_string()),
        _ => None,
    }
}

fn rfc3339(epoch: i64) -> String {
    jiff::Timestamp::from_second(epoch).map_or_else(|_| epoch.to_string(), |t| t.to_string())
}

/// RFC 6125 §6.4: case-insensitive; a leading `*.` matches exactly one label.
fn name_matches(pattern: &str, host: &str) -> bool {
    let (pattern, host) = (
        pattern.to_ascii_lowercase(),
        host.trim_end_matches('.').to_ascii_lowercase(),
    );
    match pattern.strip_prefix("*.") {
        Some(rest) => host
            .split_once('.')
            .is_some_and(|(first, tail)| !first.is_empty() && tail == rest),
        None => pattern == host,
    }
}

#[cfg(test)]
mod tests {
    use super::name_matches;

    #[test]
    fn wildcards_cover_one_label_only() {
        assert!(name_matches("*.example.edu", "mail.example.edu"));
        assert!(name_matches("MAIL.example.edu", "mail.EXAMPLE.edu."));
        assert!(!name_matches("*.example.edu", "a.b.example.edu"));
        assert!(!name_matches("*.example.edu", "example.edu"));
        assert!(!name_matches("mail.example.edu", "smtp.example.edu"));
    }
}
