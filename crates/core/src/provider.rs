//! Provider profiles: which servers, ports, TLS modes, sign-in method and OAuth authority a
//! mailbox uses.
//!
//! This module owns the facts about providers (facts §1, §2, §6.1) and combines them with the
//! administrator's [`Settings`]. It hands a [`Profile`] to the connection check, the sign-in and
//! the verification; those never look at settings for servers or endpoints themselves.

use serde::{Deserialize, Serialize};
use url::Url;

use crate::address::Address;
use crate::settings::{HostPort, RedirectForm, Settings};

/// The OpenID Connect scopes sent with every Microsoft sign-in (facts §2.1): `offline_access` for
/// a refresh token, `openid profile email` for the ID token and its claims.
pub const OIDC_SCOPES: &[&str] = &["offline_access", "openid", "profile", "email"];

/// The delegated mail permissions the app needs (facts §2.1), without the resource prefix.
pub const MAIL_PERMISSIONS: &[&str] = &["SMTP.Send", "IMAP.AccessAsUser.All"];

/// A Microsoft cloud instance: where sign-in and mail live.
///
/// Global values: facts §1.1 and §6.1. National clouds: the authorities are from Microsoft's
/// "National clouds" page (learn.microsoft.com/entra/identity-platform/authentication-national-cloud);
/// their Exchange Online hosts and resource ids (`outlook.office365.us`, `partner.outlook.cn`) are
/// the published service endpoints but were not verified from here — every one of them can be
/// overridden in the settings (`[microsoft] authority`, `[servers]`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cloud {
    /// The worldwide Microsoft 365.
    #[default]
    Global,
    /// Microsoft 365 US Government (GCC High / DoD).
    UsGov,
    /// Microsoft 365 operated by 21Vianet in China.
    China,
}

impl Cloud {
    /// Parses `global`, `usgov` or `china` (the settings names).
    pub fn parse(name: &str) -> Option<Cloud> {
        match name.to_ascii_lowercase().as_str() {
            "global" | "public" | "worldwide" => Some(Cloud::Global),
            "usgov" | "us-gov" | "gcchigh" | "dod" => Some(Cloud::UsGov),
            "china" | "21vianet" => Some(Cloud::China),
            _ => None,
        }
    }

    /// From the `cloud_instance_name` of an OpenID configuration document.
    pub fn from_instance_name(name: &str) -> Option<Cloud> {
        match name {
            "microsoftonline.com" => Some(Cloud::Global),
            "microsoftonline.us" => Some(Cloud::UsGov),
            "partner.microsoftonline.cn" | "chinacloudapi.cn" => Some(Cloud::China),
            _ => None,
        }
    }

    /// The authority base URL.
    pub fn authority(self) -> Url {
        Url::parse(match self {
            Cloud::Global => "https://login.microsoftonline.com",
            Cloud::UsGov => "https://login.microsoftonline.us",
            Cloud::China => "https://login.partner.microsoftonline.cn",
        })
        .expect("constant URL")
    }

    /// SMTP submission server (port 587, STARTTLS).
    pub fn smtp(self) -> (&'static str, u16) {
        match self {
            Cloud::Global => ("smtp.office365.com", 587),
            Cloud::UsGov => ("smtp.office365.us", 587),
            Cloud::China => ("smtp.partner.outlook.cn", 587),
        }
    }

    /// IMAP server (port 993, implicit TLS).
    pub fn imap(self) -> (&'static str, u16) {
        match self {
            Cloud::Global => ("outlook.office365.com", 993),
            Cloud::UsGov => ("outlook.office365.us", 993),
            Cloud::China => ("partner.outlook.cn", 993),
        }
    }

    /// The Exchange Online resource the mail scopes are prefixed with.
    pub fn mail_resource(self) -> &'static str {
        match self {
            Cloud::Global => "https://outlook.office.com",
            Cloud::UsGov => "https://outlook.office365.us",
            Cloud::China => "https://partner.outlook.cn",
        }
    }

    /// The scopes for a sign-in: the mail permissions of one resource plus the OIDC scopes.
    /// One resource per token request (facts §2.2; field case F07): never mix Graph scopes in.
    pub fn scopes(self) -> Vec<String> {
        MAIL_PERMISSIONS
            .iter()
            .map(|p| format!("{}/{p}", self.mail_resource()))
            .chain(OIDC_SCOPES.iter().map(|s| s.to_string()))
            .collect()
    }

    /// The cloud in words.
    pub fn label(self) -> &'static str {
        match self {
            Cloud::Global => "Microsoft 365",
            Cloud::UsGov => "Microsoft 365 US Government",
            Cloud::China => "Microsoft 365 operated by 21Vianet",
        }
    }
}

/// The kind of mailbox provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProviderKind {
    /// Microsoft 365 (Exchange Online) work or school mailbox.
    Microsoft365,
}

impl ProviderKind {
    /// The provider in words, for the page.
    pub fn label(self) -> &'static str {
        match self {
            ProviderKind::Microsoft365 => "Microsoft 365 work or school account",
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

/// OAuth 2.0 settings for one provider and tenant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OAuthProfile {
    /// Authority base URL, e.g. `https://login.microsoftonline.com`.
    pub authority: Url,
    /// Tenant path segment.
    pub tenant: String,
    /// Client id; `None` when not configured.
    pub client_id: Option<String>,
    /// Registered redirect form.
    pub redirect: RedirectForm,
    /// Scopes to request.
    pub scopes: Vec<String>,
}

impl OAuthProfile {
    /// `{authority}/{tenant}` without a trailing slash.
    pub fn tenant_url(&self) -> String {
        format!(
            "{}/{}",
            self.authority.as_str().trim_end_matches('/'),
            self.tenant
        )
    }

    /// The v2.0 authorize endpoint (facts §1.1).
    pub fn authorize_url(&self) -> String {
        format!("{}/oauth2/v2.0/authorize", self.tenant_url())
    }

    /// The v2.0 token endpoint (facts §1.1).
    pub fn token_url(&self) -> String {
        format!("{}/oauth2/v2.0/token", self.tenant_url())
    }

    /// The OpenID configuration document (facts §1.1), used to check the sign-in service is
    /// reachable.
    pub fn openid_configuration_url(&self) -> String {
        format!(
            "{}/v2.0/.well-known/openid-configuration",
            self.tenant_url()
        )
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
    /// OAuth settings.
    pub oauth: OAuthProfile,
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
            oauth: OAuthProfile {
                authority: ms.authority.clone(),
                tenant: ms.tenant.clone(),
                client_id: ms.client_id.clone(),
                redirect: ms.redirect.clone(),
                scopes: ms.cloud.scopes(),
            },
        }
    }

    /// The profile for `address`: Microsoft 365 with the administrator's settings, and the
    /// tenant discovery found when the settings do not name one.
    pub fn for_address(
        _address: &Address,
        settings: &Settings,
        discovery: Option<&crate::discovery::Discovery>,
    ) -> Profile {
        let mut profile = Profile::microsoft365(settings);
        if !settings.microsoft.tenant_provisioned
            && let Some(tenant) = discovery.and_then(|d| d.tenant_id.clone())
        {
            profile.oauth.tenant = tenant;
        }
        profile
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn microsoft_defaults_match_the_facts() {
        let p = Profile::microsoft365(&Settings::default());
        assert_eq!(
            p.smtp,
            Endpoint {
                host: "smtp.office365.com".into(),
                port: 587,
                security: Security::StartTls
            }
        );
        assert_eq!(
            p.imap,
            Endpoint {
                host: "outlook.office365.com".into(),
                port: 993,
                security: Security::ImplicitTls
            }
        );
        assert_eq!(
            p.oauth.authorize_url(),
            "https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize"
        );
        assert_eq!(
            p.oauth.token_url(),
            "https://login.microsoftonline.com/organizations/oauth2/v2.0/token"
        );
    }

    #[test]
    fn field_f07_scopes_name_one_resource_only() {
        let p = Profile::microsoft365(&Settings::default());
        let resources: std::collections::BTreeSet<_> = p
            .oauth
            .scopes
            .iter()
            .filter_map(|s| s.strip_prefix("https://").and_then(|r| r.split('/').next()))
            .collect();
        assert_eq!(
            resources.into_iter().collect::<Vec<_>>(),
            ["outlook.office.com"]
        );
        for s in &p.oauth.scopes {
            assert!(
                s.starts_with("https://outlook.office.com/")
                    || ["openid", "profile", "email", "offline_access"].contains(&s.as_str()),
                "{s}"
            );
        }
    }

    #[test]
    fn settings_override_servers_and_authority() {
        let s = Settings::parse("[microsoft]\nauthority=\"https://127.0.0.1:9/base/\"\ntenant=\"t1\"\n[servers]\nsmtp=\"127.0.0.1:2587\"", None).unwrap();
        let p = Profile::microsoft365(&s);
        assert_eq!(p.smtp.label(), "127.0.0.1:2587");
        assert_eq!(p.imap.port, 993);
        assert_eq!(
            p.oauth.token_url(),
            "https://127.0.0.1:9/base/t1/oauth2/v2.0/token"
        );
    }
}
