//! Provider profiles: which servers, ports, TLS modes, sign-in method and OAuth authority a
//! mailbox uses.
//!
//! This module owns the facts about providers (facts §1, §2, §6.1) and combines them with the
//! administrator's [`Settings`]. It hands a [`Profile`] to the connection check, the sign-in and
//! the verification; those never look at settings for servers or endpoints themselves.

use serde::{Deserialize, Serialize};

use crate::address::Address;
use crate::findings::{Finding, FindingCode};
use crate::settings::{HostPort, Settings};

mod cloud;
mod oauth;

pub use cloud::Cloud;
pub use oauth::{GOOGLE_SCOPES, OAuthFlavour, OAuthProfile};

/// The OpenID Connect scopes sent with every Microsoft sign-in (facts §2.1): `offline_access` for
/// a refresh token, `openid profile email` for the ID token and its claims.
pub const OIDC_SCOPES: &[&str] = &["offline_access", "openid", "profile", "email"];

/// The delegated mail permissions the app needs (facts §2.1), without the resource prefix.
pub const MAIL_PERMISSIONS: &[&str] = &["SMTP.Send", "IMAP.AccessAsUser.All"];

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
    pub fn label(self) -> &'static str {
        match self {
            ProviderKind::Microsoft365 => "Microsoft 365 work or school account",
            ProviderKind::MicrosoftPersonal => "personal Microsoft account (Outlook.com, Hotmail)",
            ProviderKind::Google => "Gmail or Google Workspace account",
            ProviderKind::Other => "mailbox at another provider",
        }
    }

    /// The kind known from the domain alone, without the network: the big consumer domains.
    pub fn of_domain(domain: &str) -> Option<ProviderKind> {
        if crate::discovery::CONSUMER_DOMAINS.contains(&domain) {
            Some(ProviderKind::MicrosoftPersonal)
        } else if GOOGLE_DOMAINS.contains(&domain) {
            Some(ProviderKind::Google)
        } else {
            None
        }
    }
}

/// Google's consumer mail domains (facts §9).
pub const GOOGLE_DOMAINS: &[&str] = &["gmail.com", "googlemail.com"];

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
    fn new(hp: Option<&HostPort>, default: (&str, u16), security: Security) -> Self {
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
    pub fn label(self, kind: ProviderKind) -> &'static str {
        match (self, kind) {
            (SignInMethod::OAuth, _) => "OAuth 2.0 in the browser (XOAUTH2)",
            (SignInMethod::Password, ProviderKind::Google) => "Google App Password",
            (SignInMethod::Password, _) => "Password",
        }
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
    /// The Microsoft 365 profile with the administrator's overrides applied.
    pub fn microsoft365(settings: &Settings) -> Profile {
        let ms = &settings.microsoft;
        Profile {
            kind: ProviderKind::Microsoft365,
            smtp: Endpoint::new(settings.smtp.as_ref(), ms.cloud.smtp(), Security::StartTls),
            imap: Endpoint::new(
                settings.imap.as_ref(),
                ms.cloud.imap(),
                Security::ImplicitTls,
            ),
            oauth: Some(OAuthProfile {
                flavour: OAuthFlavour::Entra,
                authority: ms.authority.clone(),
                tenant: ms.tenant.clone(),
                client_id: ms.client_id.clone(),
                redirect: ms.redirect.clone(),
                scopes: ms.cloud.scopes(),
                authorize_endpoint: None,
            }),
            password: false,
            username: None,
            servers_known: true,
        }
    }

    /// A personal Microsoft account: the `consumers` authority, the personal-accounts
    /// registration (`[outlook] client_id`), Outlook.com's servers (ISPDB outlook.com, facts
    /// §9; the same Exchange resource and scopes as work accounts, facts §2.1).
    pub fn microsoft_personal(settings: &Settings) -> Profile {
        let ms = &settings.microsoft;
        Profile {
            kind: ProviderKind::MicrosoftPersonal,
            smtp: Endpoint::new(
                settings.smtp.as_ref(),
                ("smtp-mail.outlook.com", 587),
                Security::StartTls,
            ),
            imap: Endpoint::new(
                settings.imap.as_ref(),
                ("outlook.office365.com", 993),
                Security::ImplicitTls,
            ),
            oauth: Some(OAuthProfile {
                flavour: OAuthFlavour::Entra,
                authority: ms.authority.clone(),
                tenant: "consumers".into(),
                client_id: settings.outlook.client_id.clone(),
                redirect: ms.redirect.clone(),
                scopes: Cloud::Global.scopes(),
                authorize_endpoint: None,
            }),
            password: false,
            username: None,
            servers_known: true,
        }
    }

    /// Gmail / Google Workspace (facts §6.4 hosts): Google sign-in when configured, and an App
    /// Password always possible.
    pub fn google(settings: &Settings) -> Profile {
        Profile {
            kind: ProviderKind::Google,
            smtp: Endpoint::new(
                settings.smtp.as_ref(),
                ("smtp.gmail.com", 587),
                Security::StartTls,
            ),
            imap: Endpoint::new(
                settings.imap.as_ref(),
                ("imap.gmail.com", 993),
                Security::ImplicitTls,
            ),
            oauth: settings
                .google
                .client_id
                .is_some()
                .then(|| OAuthProfile::google(&settings.google)),
            password: true,
            username: None,
            servers_known: true,
        }
    }

    /// Another provider with `servers` (autoconfig or typed in); password sign-in. Without
    /// servers the profile says so ([`Profile::servers_known`]).
    pub fn other(settings: &Settings, servers: Option<&MailServers>) -> Profile {
        let (smtp, imap, username) = match servers {
            Some(s) => (s.smtp.clone(), s.imap.clone(), s.username.clone()),
            None => (
                Endpoint {
                    host: String::new(),
                    port: 587,
                    security: Security::StartTls,
                },
                Endpoint {
                    host: String::new(),
                    port: 993,
                    security: Security::ImplicitTls,
                },
                None,
            ),
        };
        let smtp = match &settings.smtp {
            Some(hp) => Endpoint::new(Some(hp), ("", 0), smtp.security),
            None => smtp,
        };
        let imap = match &settings.imap {
            Some(hp) => Endpoint::new(Some(hp), ("", 0), imap.security),
            None => imap,
        };
        Profile {
            kind: ProviderKind::Other,
            servers_known: servers.is_some()
                || (settings.smtp.is_some() && settings.imap.is_some()),
            smtp,
            imap,
            oauth: None,
            password: true,
            username,
        }
    }

    /// The profile for `address`: the provider discovery found (or the domain tells), with the
    /// administrator's settings, the tenant discovery found when the settings name none, and
    /// for other providers the servers known for the account (stored, typed in or autoconfig).
    pub fn for_address(
        address: &Address,
        settings: &Settings,
        discovery: Option<&crate::discovery::Discovery>,
        servers: Option<&MailServers>,
    ) -> Profile {
        Self::for_kind(address, settings, None, discovery, servers)
    }

    /// As [`Profile::for_address`], when the provider is already known (a set-up account):
    /// `known` wins over discovery.
    pub fn for_kind(
        address: &Address,
        settings: &Settings,
        known: Option<ProviderKind>,
        discovery: Option<&crate::discovery::Discovery>,
        servers: Option<&MailServers>,
    ) -> Profile {
        use crate::discovery::Found;
        let found = discovery.map(|d| match d.found {
            Found::Microsoft365 => ProviderKind::Microsoft365,
            Found::MicrosoftPersonal => ProviderKind::MicrosoftPersonal,
            Found::Google => ProviderKind::Google,
            Found::Unknown => ProviderKind::Other,
        });
        let kind = known
            .or(found)
            .or_else(|| ProviderKind::of_domain(address.domain()))
            .unwrap_or(ProviderKind::Microsoft365);
        match kind {
            ProviderKind::Microsoft365 => {
                let mut profile = Profile::microsoft365(settings);
                if !settings.microsoft.tenant_provisioned
                    && let Some(tenant) = discovery.and_then(|d| d.tenant_id.clone())
                    && let Some(oauth) = profile.oauth.as_mut()
                {
                    oauth.tenant = tenant;
                }
                profile
            }
            ProviderKind::MicrosoftPersonal => Profile::microsoft_personal(settings),
            ProviderKind::Google => Profile::google(settings),
            ProviderKind::Other => Profile::other(
                settings,
                servers.or(discovery.and_then(|d| d.servers.as_ref())),
            ),
        }
    }

    /// The sign-in method used unless the person picks another: OAuth where the app is set up
    /// for it, else a password.
    pub fn default_method(&self) -> SignInMethod {
        if self.oauth.as_ref().is_some_and(|o| o.client_id.is_some()) || !self.password {
            SignInMethod::OAuth
        } else {
            SignInMethod::Password
        }
    }

    /// Why the browser sign-in (OAuth) cannot start for `address`, or `None` when it can (a
    /// client id is set up): the registration missing in the settings, by provider; for other
    /// providers, that they sign in with a password (or need their server settings first).
    pub fn oauth_unavailable(&self, address: &Address) -> Option<Finding> {
        if self.oauth.as_ref().is_some_and(|o| o.client_id.is_some()) {
            return None;
        }
        Some(match self.kind {
            ProviderKind::Google => Finding::new(FindingCode::GoogleSignInNotConfigured),
            ProviderKind::MicrosoftPersonal => {
                Finding::new(FindingCode::PersonalSignInNotConfigured)
            }
            ProviderKind::Microsoft365 => Finding::new(FindingCode::AppNotConfigured),
            ProviderKind::Other if self.servers_known => {
                Finding::new(FindingCode::PasswordSignInNeeded)
                    .with("domain", address.domain())
                    .with("mailbox", address.display())
            }
            ProviderKind::Other => {
                Finding::new(FindingCode::ServerSettingsNeeded).with("domain", address.domain())
            }
        })
    }

    /// The login name for password sign-in.
    pub fn login_for(&self, address: &Address) -> String {
        self.username
            .clone()
            .unwrap_or_else(|| address.normalized().to_owned())
    }
}

#[cfg(test)]
mod tests;
