//! What the connection check learned about a mailbox's servers: data for the page, the CLI and
//! the helpdesk report. Filled by [`crate::assistant::Assistant::check_connection`]; every
//! field is a fact seen on the wire, never a secret.

use serde::{Deserialize, Serialize};

use crate::mail::probe::{SmtpFacts, TlsFacts};
use crate::net::proxy::ProxyFacts;

/// Everything the connection check saw. Parts are `None` when their step failed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnosis {
    /// The domain's MX hosts, by preference.
    pub mx: Vec<String>,
    /// The addresses of the mail servers: the sending (SMTP) server's, then the mailbox (IMAP)
    /// server's; empty when the lookup failed.
    pub addresses: Vec<HostAddresses>,
    /// The submission server.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub smtp: Option<SmtpFacts>,
    /// The IMAP server.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub imap: Option<ImapFacts>,
    /// Ports checked for information (25, 465).
    pub ports: Vec<PortFacts>,
    /// The identity provider, when the account signs in with OAuth.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub identity_provider: Option<IdentityProviderFacts>,
    /// The proxy settings in effect (environment and system).
    pub proxy: ProxyFacts,
    /// Which verifier checks certificates ([`crate::net::Trust::describe`]).
    #[serde(default)]
    pub certificates: String,
}

/// A server name and its addresses (A and AAAA).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HostAddresses {
    /// The name looked up.
    pub host: String,
    /// IPv4 addresses.
    pub ipv4: Vec<String>,
    /// IPv6 addresses.
    pub ipv6: Vec<String>,
}

impl HostAddresses {
    /// `host → 192.0.2.1, 2001:db8::1`.
    pub fn describe(&self) -> String {
        let all: Vec<&str> = self
            .ipv4
            .iter()
            .chain(&self.ipv6)
            .map(String::as_str)
            .collect();
        format!("{} → {}", self.host, all.join(", "))
    }
}

/// What the IMAP server offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImapFacts {
    /// `host:port`.
    pub server: String,
    /// Capabilities before sign-in, e.g. `["IMAP4rev1", "AUTH=XOAUTH2", "SASL-IR"]`.
    pub capabilities: Vec<String>,
    /// TLS version and certificate.
    pub tls: TlsFacts,
}

impl ImapFacts {
    /// One line for progress.
    pub fn describe(&self) -> String {
        let auth = crate::mail::imap::auth_mechanisms(&self.capabilities);
        format!(
            "{} · AUTH {}",
            self.tls.describe(),
            if auth.is_empty() {
                "not listed".into()
            } else {
                auth.join(" ")
            }
        )
    }
}

/// How a TCP port answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PortState {
    /// The connection opened.
    Open,
    /// Actively refused (something answered "closed").
    Refused,
    /// No answer within the probe timeout: dropped by a firewall on the way.
    NoAnswer,
    /// The name did not resolve.
    NameNotFound,
    /// Another network error.
    Error,
}

/// One port checked for information.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PortFacts {
    /// Server name.
    pub host: String,
    /// Port.
    pub port: u16,
    /// What happened.
    pub state: PortState,
    /// Time to the verdict, in milliseconds.
    pub ms: u64,
}

/// The identity provider's sign-in service, as reached over HTTPS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IdentityProviderFacts {
    /// The OpenID configuration URL asked.
    pub url: String,
    /// HTTP status, when it answered.
    pub status: Option<u16>,
    /// Time to the answer, in milliseconds.
    pub ms: u64,
}
