//! What the app knows about mail providers, as plain data: the provider kinds, servers, ports
//! and TLS modes ([`Endpoint`]), OAuth endpoints ([`OAuthProfile`]), national clouds
//! ([`Cloud`]) and the domain lists ([`domains`]). Building a mailbox's [`Profile`] from the
//! settings and discovery is [`crate::profile`]'s job.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::address::Address;

mod cloud;
pub mod domains;
mod oauth;
mod redirect;

pub use cloud::Cloud;
pub use oauth::{GOOGLE_SCOPES, OAuthFlavour, OAuthProfile};
pub use redirect::{LoopbackHost, RedirectForm};

/// The OpenID Connect scopes sent with every Microsoft sign-in
/// (<https://learn.microsoft.com/entra/identity-platform/scopes-oidc>): `offline_access` for
/// a refresh token, `openid profile email` for the ID token and its claims.
pub const OIDC_SCOPES: &[&str] = &["offline_access", "openid", "profile", "email"];

/// The delegated mail permissions the app needs, without the resource prefix
/// (<https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth>).
pub const MAIL_PERMISSIONS: &[&str] = &["SMTP.Send", "IMAP.AccessAsUser.All"];

/// The app an administrator signs in with for the registration check: Microsoft's own
/// "Microsoft Graph Command Line Tools" (the client of Microsoft Graph PowerShell, whose
/// `Connect-MgGraph` says "Connected via delegated access using 14d82eec-…"), a public client that
/// every tenant can use and that signs in through `http://localhost` with any port
/// (<https://github.com/microsoftgraph/msgraph-sdk-powershell/issues/3433>). Not the registration
/// under test, which may be the broken thing. `[microsoft] check_client_id` replaces it where an
/// organisation blocks it.
pub const GRAPH_TOOLS_CLIENT_ID: &str = "14d82eec-204b-4c2f-b7e8-296a70dab67e";

/// The kind of mailbox provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProviderKind {
    /// Microsoft 365 (Exchange Online) work or school mailbox.
    Microsoft365,
    /// A personal Microsoft account: Outlook.com, Hotmail, Live.
    MicrosoftPersonal,
    /// Gmail or Google Workspace.
    Google,
    /// Any other provider: servers from autoconfig or typed in; password sign-in.
    Other,
}

impl ProviderKind {
    /// The provider in words, for the page.
    pub fn label(self) -> String {
        crate::l10n::tr(match self {
            ProviderKind::Microsoft365 => "provider-microsoft365",
            ProviderKind::MicrosoftPersonal => "provider-microsoft-personal",
            ProviderKind::Google => "provider-google",
            ProviderKind::Other => "provider-other",
        })
    }

    /// The kind known from the domain alone, without the network: the big consumer domains.
    pub fn of_domain(domain: &str) -> Option<ProviderKind> {
        if domains::CONSUMER_DOMAINS.contains(&domain) {
            Some(ProviderKind::MicrosoftPersonal)
        } else if domains::GOOGLE_DOMAINS.contains(&domain) {
            Some(ProviderKind::Google)
        } else {
            None
        }
    }
}

/// A server name and port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostPort {
    /// DNS name or IP literal (no brackets).
    pub host: String,
    /// TCP port.
    pub port: u16,
}

impl HostPort {
    /// Parses `host:port` (`[v6]:port` for IPv6 literals).
    ///
    /// # Errors
    /// A text explaining what is wrong.
    pub fn parse(text: &str) -> Result<Self, String> {
        let (host, port) = text
            .rsplit_once(':')
            .ok_or_else(|| format!("{text:?} needs a port, like smtp.example.edu:587"))?;
        let port: u16 = port
            .parse()
            .ok()
            .filter(|p| *p != 0)
            .ok_or_else(|| format!("{port:?} is not a port number (1-65535)"))?;
        let host = host.trim_start_matches('[').trim_end_matches(']');
        if host.is_empty() || host.contains(['/', ' ', '@']) {
            return Err(format!("{text:?} does not start with a valid server name"));
        }
        Ok(HostPort {
            host: host.to_ascii_lowercase(),
            port,
        })
    }
}

impl fmt::Display for HostPort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.host.contains(':') {
            write!(f, "[{}]:{}", self.host, self.port)
        } else {
            write!(f, "{}:{}", self.host, self.port)
        }
    }
}

/// How a connection is secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Security {
    /// Plain connect, then STARTTLS is **required** before any credential (RFC 3207).
    StartTls,
    /// TLS from the first byte (RFC 8314).
    ImplicitTls,
}

/// A server to connect to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Endpoint {
    /// DNS name or IP literal.
    pub host: String,
    /// TCP port.
    pub port: u16,
    /// TLS mode.
    pub security: Security,
}

impl Endpoint {
    /// The endpoint `hp` names, else `default`.
    pub fn new(hp: Option<&HostPort>, default: (&str, u16), security: Security) -> Self {
        match hp {
            Some(hp) => Endpoint {
                host: hp.host.clone(),
                port: hp.port,
                security,
            },
            None => Endpoint {
                host: default.0.into(),
                port: default.1,
                security,
            },
        }
    }

    /// `host:port` for messages.
    pub fn label(&self) -> String {
        HostPort {
            host: self.host.clone(),
            port: self.port,
        }
        .to_string()
    }
}

/// A mailbox's servers when the provider is not one the app knows: found by autoconfig or
/// typed in by the person. Stored (not secret) with the account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MailServers {
    /// SMTP submission server.
    pub smtp: Endpoint,
    /// IMAP server.
    pub imap: Endpoint,
    /// The login name when it is not the address (e.g. the local part).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// Where they came from, e.g. `autoconfig.small.example`, `ISPDB`, `typed in`.
    pub source: String,
}

/// What is wrong with servers typed in ([`MailServers::typed`]); its text, a sentence for the
/// person, is the first fix step of `SERVER_SETTINGS_NEEDED`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ServersError {
    /// A value is not `host:port`.
    #[error("{role} server: {problem}")]
    NotHostPort {
        /// `IMAP` or `SMTP`.
        role: &'static str,
        /// What is wrong with it, in words.
        problem: String,
    },
    /// IMAP on port 143, which is not encrypted.
    #[error("IMAP server: port 143 is not encrypted; use the TLS port (usually 993)")]
    ImapNotEncrypted,
    /// SMTP on port 25, the port between servers.
    #[error(
        "SMTP server: port 25 is for servers, not for sending from a mail program; use 587 (STARTTLS) or 465 (TLS)"
    )]
    SmtpRelayPort,
}

impl MailServers {
    /// Servers typed in as `host:port`: IMAP over implicit TLS; SMTP with STARTTLS, or implicit
    /// TLS on port 465 (RFC 8314). There is no plaintext choice.
    ///
    /// # Errors
    /// What is wrong with a value ([`ServersError`]).
    pub fn typed(
        imap: &str,
        smtp: &str,
        username: Option<String>,
    ) -> Result<MailServers, ServersError> {
        let host_port = |role, text| {
            HostPort::parse(text).map_err(|problem| ServersError::NotHostPort { role, problem })
        };
        let imap = host_port("IMAP", imap)?;
        let smtp = host_port("SMTP", smtp)?;
        if imap.port == 143 {
            return Err(ServersError::ImapNotEncrypted);
        }
        if smtp.port == 25 {
            return Err(ServersError::SmtpRelayPort);
        }
        Ok(MailServers {
            smtp: Endpoint {
                security: if smtp.port == 465 {
                    Security::ImplicitTls
                } else {
                    Security::StartTls
                },
                host: smtp.host,
                port: smtp.port,
            },
            imap: Endpoint {
                host: imap.host,
                port: imap.port,
                security: Security::ImplicitTls,
            },
            username: username
                .map(|u| u.trim().to_owned())
                .filter(|u| !u.is_empty()),
            source: "typed in".into(),
        })
    }
}

/// How the mailbox signs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignInMethod {
    /// OAuth 2.0 in the system browser (Microsoft or Google).
    #[serde(rename = "oauth")]
    OAuth,
    /// A password: a Google App Password or the provider's own password (PLAIN/LOGIN over TLS).
    Password,
}

impl SignInMethod {
    /// In words, for `kind`'s mailboxes: `OAuth 2.0 in the browser (XOAUTH2)`,
    /// `Google App Password` or `Password`.
    pub fn label(self, kind: ProviderKind) -> String {
        crate::l10n::tr(match (self, kind) {
            (SignInMethod::OAuth, _) => "sign-in-method-oauth",
            (SignInMethod::Password, ProviderKind::Google) => "sign-in-method-app-password",
            (SignInMethod::Password, _) => "sign-in-method-password",
        })
    }
}

/// Everything needed to set up and check one mailbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// Provider kind.
    pub kind: ProviderKind,
    /// SMTP submission server.
    pub smtp: Endpoint,
    /// IMAP server.
    pub imap: Endpoint,
    /// OAuth settings, when the provider signs in with OAuth here (Microsoft always; Google when
    /// an administrator configured a client id).
    pub oauth: Option<OAuthProfile>,
    /// Whether a password (Google App Password, other providers' password) is possible.
    pub password: bool,
    /// The login name for password sign-in, when not the address.
    pub username: Option<String>,
    /// False when no servers are known for an unrecognised provider: autoconfig found nothing
    /// and none were typed in.
    pub servers_known: bool,
}

impl Profile {
    /// The sign-in method used unless the person picks another: OAuth where the app is set up
    /// for it, else a password.
    pub fn default_method(&self) -> SignInMethod {
        if self.oauth.as_ref().is_some_and(|o| o.client_id.is_some()) || !self.password {
            SignInMethod::OAuth
        } else {
            SignInMethod::Password
        }
    }

    /// The login name for password sign-in.
    pub fn login_for(&self, address: &Address) -> String {
        self.username
            .clone()
            .unwrap_or_else(|| address.normalized().to_owned())
    }
}
