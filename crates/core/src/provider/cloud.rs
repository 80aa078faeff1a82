//! Microsoft clouds: the worldwide service and the national clouds, with their sign-in and mail
//! hosts and the scopes of their Exchange Online resource.

use serde::{Deserialize, Serialize};
use url::Url;

use super::{MAIL_PERMISSIONS, OIDC_SCOPES};

/// A Microsoft cloud instance: where sign-in and mail live.
///
/// Global values: the authority from
/// <https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow>, the mail hosts from
/// <https://learn.microsoft.com/exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365>.
/// National clouds: the authorities are from Microsoft's
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
    /// Every cloud.
    pub const ALL: [Cloud; 3] = [Cloud::Global, Cloud::UsGov, Cloud::China];

    /// The cloud whose sign-in address `authority` is (its host, as Microsoft's national
    /// clouds page lists them:
    /// <https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud>);
    /// `None` for any other host (a proxy, a test server).
    pub fn of_authority(authority: &Url) -> Option<Cloud> {
        let host = authority.host_str()?.to_ascii_lowercase();
        Cloud::ALL
            .into_iter()
            .find(|c| c.authority().host_str() == Some(host.as_str()))
    }

    /// The cloud whose Exchange Online mail server `host` is; `None` for any other host.
    pub fn of_mail_host(host: &str) -> Option<Cloud> {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        Cloud::ALL
            .into_iter()
            .find(|c| c.smtp().0 == host || c.imap().0 == host)
    }

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
        // Cannot fire: three constant, valid URLs (pinned by the settings test
        // `every_cloud_names_its_authority`).
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
    /// One resource per token request
    /// (<https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow>; test
    /// `field_f07_scopes_name_one_resource_only` in crates/core/src/profile/tests.rs): never mix
    /// Graph scopes in.
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
