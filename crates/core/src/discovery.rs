//! Discovery: who provides a mailbox, worked out from its domain.
//!
//! This module owns the question "which provider, which tenant, which cloud?". It
//! asks, concurrently and each under the `discovery` timeout:
//! - DNS for the domain's MX records (hickory-resolver; the settings' `[dns] server` or the
//!   system's resolver): `*.mail.protection.outlook.com` means Microsoft 365
//!   (<https://learn.microsoft.com/exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365>),
//!   Google's MX hosts mean Gmail / Google Workspace;
//! - Entra's OpenID configuration for the domain (`{authority}/{domain}/v2.0/.well-known/
//!   openid-configuration`): a 200 whose `issuer` names a tenant GUID means the domain is a
//!   verified domain of that tenant; `cloud_instance_name` names the national cloud; the consumer
//!   tenant means personal Microsoft accounts
//!   (<https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc>);
//! - `getuserrealm.srf` (undocumented, best effort) for the organisation's display name.
//!
//! A failed or slow lookup is a note, never an error: discovery only informs. It hands a
//! [`Discovery`] to the profile choice ([`crate::profile::for_address`]) and to the
//! page, which shows [`Discovery::summary`].

use crate::l10n;
use std::net::SocketAddr;
use std::time::Duration;

use hickory_resolver::proto::rr::RData;
use serde::{Deserialize, Serialize};

use crate::address::Address;
use crate::provider::Cloud;
use crate::provider::domains::{CONSUMER_DOMAINS, CONSUMER_TENANT_ID, GOOGLE_MX, M365_MX};

/// The kind of provider discovery found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Found {
    /// A Microsoft 365 work or school mailbox.
    Microsoft365,
    /// A personal Microsoft account (Outlook.com, Hotmail).
    MicrosoftPersonal,
    /// Gmail or Google Workspace.
    Google,
    /// Not recognised: settings must be entered by hand.
    Unknown,
}

/// What discovery found about a domain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Discovery {
    /// The domain looked at (ASCII form).
    pub domain: String,
    /// The provider.
    pub found: Found,
    /// Entra tenant id, when the domain is a verified domain of a tenant.
    pub tenant_id: Option<String>,
    /// The organisation's display name, when Microsoft said.
    pub organization: Option<String>,
    /// National cloud, when Microsoft said.
    pub cloud: Option<Cloud>,
    /// MX hosts, by preference.
    pub mx: Vec<String>,
    /// One sentence for the person, e.g. "This is a Microsoft 365 work or school account at
    /// Example College."
    pub summary: String,
    /// Lookups that failed or timed out (for the helpdesk).
    pub notes: Vec<String>,
    /// For a provider the app does not know: the servers autoconfig found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub servers: Option<crate::provider::MailServers>,
}

/// The OpenID configuration fields discovery reads.
#[derive(Debug, Deserialize)]
pub(crate) struct OpenIdConfiguration {
    issuer: String,
    #[serde(default)]
    cloud_instance_name: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct UserRealm {
    #[serde(rename = "NameSpaceType", default)]
    namespace_type: Option<String>,
    #[serde(rename = "FederationBrandName", default)]
    brand: Option<String>,
}

/// Where discovery asks: the Microsoft authority, the DNS server, the autoconfig database, and
/// the HTTPS client for autoconfig (it resolves names through the same DNS server).
pub struct Sources<'a> {
    /// Microsoft's authority base URL.
    pub authority: &'a url::Url,
    /// DNS server for MX lookups; the system's when `None`.
    pub dns_server: Option<SocketAddr>,
    /// The ISPDB base URL.
    pub ispdb: &'a url::Url,
    /// HTTPS client for Microsoft's discovery endpoints.
    pub http: &'a reqwest::Client,
    /// HTTPS client for autoconfig lookups.
    pub autoconfig_http: &'a reqwest::Client,
}

/// Looks up `address`'s domain. Never fails: problems become [`Discovery::notes`]. For a
/// provider it does not recognise, it asks autoconfig ([`crate::autoconfig`]).
pub async fn discover(address: &Address, sources: &Sources<'_>, timeout: Duration) -> Discovery {
    let mut d = discover_provider(
        address,
        sources.authority,
        sources.dns_server,
        sources.http,
        timeout,
    )
    .await;
    if d.found == Found::Unknown {
        match crate::autoconfig::lookup(
            sources.autoconfig_http,
            address,
            &d.mx,
            sources.ispdb,
            timeout,
        )
        .await
        {
            Ok(servers) => {
                d.summary = l10n::tr_with(
                    "discovery-autoconfig",
                    &[
                        ("domain", d.domain.clone().into()),
                        ("source", servers.source.to_string().into()),
                    ],
                );
                d.servers = Some(servers);
            }
            Err(notes) => d.notes.extend(notes),
        }
    }
    d
}

async fn discover_provider(
    address: &Address,
    authority: &url::Url,
    dns_server: Option<SocketAddr>,
    http: &reqwest::Client,
    timeout: Duration,
) -> Discovery {
    let domain = address.domain().to_owned();
    let base = authority.as_str().trim_end_matches('/').to_owned();
    let (mx, oidc, realm) = tokio::join!(
        within(timeout, mx_hosts(&domain, dns_server)),
        within(
            timeout,
            get_json::<OpenIdConfiguration>(
                http,
                format!("{base}/{domain}/v2.0/.well-known/openid-configuration")
            )
        ),
        within(
            timeout,
            get_json::<UserRealm>(
                http,
                format!(
                    "{base}/getuserrealm.srf?login={}&json=1",
                    urlencode(address.normalized())
                )
            )
        ),
    );
    let mut notes = Vec::new();
    let mx = mx.unwrap_or_else(|e| {
        notes.push(format!("MX lookup for {domain}: {e}"));
        Vec::new()
    });
    let oidc = oidc
        .map_err(|e| notes.push(format!("Microsoft sign-in discovery for {domain}: {e}")))
        .ok();
    let realm = realm.ok();
    decide(&domain, mx, oidc, realm, notes)
}

pub(crate) fn decide(
    domain: &str,
    mx: Vec<String>,
    oidc: Option<OpenIdConfiguration>,
    realm: Option<UserRealm>,
    notes: Vec<String>,
) -> Discovery {
    let tenant = oidc.as_ref().and_then(|c| tenant_from_issuer(&c.issuer));
    let cloud = oidc
        .as_ref()
        .and_then(|c| c.cloud_instance_name.as_deref())
        .and_then(Cloud::from_instance_name);
    let organization = realm
        .as_ref()
        .filter(|r| r.namespace_type.as_deref() != Some("Unknown"))
        .and_then(|r| r.brand.clone())
        .filter(|b| !b.trim().is_empty());
    let mx_m365 = mx.iter().any(|h| M365_MX.iter().any(|s| h.ends_with(s)));
    let mx_google = mx.iter().any(|h| {
        GOOGLE_MX
            .iter()
            .any(|g| h == g || h.ends_with(&format!(".{g}")))
    });
    let personal =
        CONSUMER_DOMAINS.contains(&domain) || tenant.as_deref() == Some(CONSUMER_TENANT_ID);
    let found = if personal {
        Found::MicrosoftPersonal
    } else if tenant.is_some() || mx_m365 {
        Found::Microsoft365
    } else if mx_google {
        Found::Google
    } else {
        Found::Unknown
    };
    let domain_arg = || ("domain", l10n::Value::from(domain.to_owned()));
    let summary = match (found, &organization, cloud) {
        (Found::Microsoft365, Some(org), Some(c)) if c != Cloud::Global => l10n::tr_with(
            "discovery-m365-cloud-org",
            &[("cloud", c.label().into()), ("org", org.clone().into())],
        ),
        (Found::Microsoft365, Some(org), _) => {
            l10n::tr_with("discovery-m365-org", &[("org", org.clone().into())])
        }
        (Found::Microsoft365, None, _) => l10n::tr("discovery-m365"),
        (Found::MicrosoftPersonal, ..) => l10n::tr("discovery-personal"),
        (Found::Google, ..) => l10n::tr("discovery-google"),
        (Found::Unknown, ..) => l10n::tr_with("discovery-unknown", &[domain_arg()]),
    };
    Discovery {
        domain: domain.to_owned(),
        found,
        tenant_id: tenant.filter(|t| t != CONSUMER_TENANT_ID),
        organization,
        cloud,
        mx,
        summary,
        notes,
        servers: None,
    }
}

/// The tenant GUID in an issuer such as `https://login.microsoftonline.com/<guid>/v2.0`.
fn tenant_from_issuer(issuer: &str) -> Option<String> {
    let url = url::Url::parse(issuer).ok()?;
    let first = url.path_segments()?.next()?.to_ascii_lowercase();
    uuid::Uuid::try_parse(&first).ok().map(|_| first)
}

/// Why one lookup gave nothing: a note for the helpdesk, never an error for the person.
#[derive(Debug, thiserror::Error)]
enum LookupError {
    /// The lookup's timeout elapsed.
    #[error("no answer within {} s", .0.as_secs_f32())]
    Timeout(Duration),
    /// No resolver could be set up.
    #[error(transparent)]
    Resolver(#[from] crate::net::resolver::ResolverError),
    /// The DNS query failed.
    #[error(transparent)]
    Dns(#[from] hickory_resolver::net::NetError),
    /// The HTTPS request failed.
    #[error(transparent)]
    Http(#[from] reqwest::Error),
    /// The server answered with an error status.
    #[error("HTTP {0}")]
    Status(reqwest::StatusCode),
    /// The answer could not be read whole, or is larger than any real one.
    #[error(transparent)]
    Read(#[from] crate::net::body::BodyError),
    /// The answer was not the JSON expected.
    #[error("unexpected answer ({0})")]
    Body(serde_json::Error),
}

async fn within<T>(
    timeout: Duration,
    fut: impl Future<Output = Result<T, LookupError>>,
) -> Result<T, LookupError> {
    tokio::time::timeout(timeout, fut)
        .await
        .unwrap_or(Err(LookupError::Timeout(timeout)))
}

async fn get_json<T: for<'de> Deserialize<'de>>(
    http: &reqwest::Client,
    url: String,
) -> Result<T, LookupError> {
    let resp = http.get(&url).send().await?;
    let status = resp.status();
    if !status.is_success() {
        return Err(LookupError::Status(status));
    }
    let body = crate::net::body::read_capped(resp, crate::net::body::MAX_JSON_BYTES).await?;
    serde_json::from_slice(&body).map_err(LookupError::Body)
}

/// MX hosts of `domain`, lowest preference first, lower case without the trailing dot.
async fn mx_hosts(domain: &str, server: Option<SocketAddr>) -> Result<Vec<String>, LookupError> {
    let resolver = crate::net::resolver::resolver(server)?;
    let lookup = resolver.mx_lookup(format!("{domain}.")).await?;
    let mut mx: Vec<(u16, String)> = lookup
        .answers()
        .iter()
        .filter_map(|r| match &r.data {
            RData::MX(mx) => Some((
                mx.preference,
                mx.exchange
                    .to_ascii()
                    .trim_end_matches('.')
                    .to_ascii_lowercase(),
            )),
            _ => None,
        })
        .collect();
    mx.sort();
    Ok(mx.into_iter().map(|(_, h)| h).collect())
}

fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn oidc(issuer: &str, cloud: &str) -> Option<OpenIdConfiguration> {
        Some(OpenIdConfiguration {
            issuer: issuer.into(),
            cloud_instance_name: Some(cloud.into()),
        })
    }

    #[test]
    fn tenant_from_oidc_issuer_and_org_name() {
        let d = decide(
            "example.edu",
            vec![],
            oidc(
                "https://login.microsoftonline.com/5F0A7C4E-1b2d-4c3e-9f10-1234567890ab/v2.0",
                "microsoftonline.com",
            ),
            Some(UserRealm {
                namespace_type: Some("Managed".into()),
                brand: Some("Example College".into()),
            }),
            vec![],
        );
        assert_eq!(d.found, Found::Microsoft365);
        assert_eq!(
            d.tenant_id.as_deref(),
            Some("5f0a7c4e-1b2d-4c3e-9f10-1234567890ab")
        );
        assert_eq!(
            d.summary,
            "This is a Microsoft 365 work or school account at Example College."
        );
        assert_eq!(d.cloud, Some(Cloud::Global));
    }

    #[test]
    fn mx_alone_identifies_microsoft_and_google() {
        let m = decide(
            "contoso.com",
            vec!["contoso-com.mail.protection.outlook.com".into()],
            None,
            None,
            vec![],
        );
        assert_eq!(
            (m.found, m.summary.as_str()),
            (
                Found::Microsoft365,
                "This is a Microsoft 365 work or school account."
            )
        );
        let g = decide(
            "school.example",
            vec![
                "aspmx.l.google.com".into(),
                "alt1.aspmx.l.google.com".into(),
            ],
            None,
            None,
            vec![],
        );
        assert_eq!(g.found, Found::Google);
        let g2 = decide(
            "new.example",
            vec!["smtp.google.com".into()],
            None,
            None,
            vec![],
        );
        assert_eq!(g2.found, Found::Google);
    }

    #[test]
    fn personal_accounts_by_domain_or_consumer_tenant() {
        assert_eq!(
            decide("outlook.com", vec![], None, None, vec![]).found,
            Found::MicrosoftPersonal
        );
        let d = decide(
            "hotmail.example",
            vec![],
            oidc(
                &format!("https://login.microsoftonline.com/{CONSUMER_TENANT_ID}/v2.0"),
                "microsoftonline.com",
            ),
            None,
            vec![],
        );
        assert_eq!(d.found, Found::MicrosoftPersonal);
        assert_eq!(d.tenant_id, None);
    }

    #[test]
    fn national_cloud_is_named() {
        let d = decide(
            "agency.example",
            vec![],
            oidc(
                "https://login.microsoftonline.us/8c2d4b6a-3e5f-4a7b-9c1d-0e2f4a6b8c0d/v2.0",
                "microsoftonline.us",
            ),
            Some(UserRealm {
                namespace_type: Some("Federated".into()),
                brand: Some("Agency".into()),
            }),
            vec![],
        );
        assert_eq!(d.cloud, Some(Cloud::UsGov));
        assert_eq!(
            d.summary,
            "This is a Microsoft 365 US Government work or school account at Agency."
        );
    }

    #[test]
    fn unknown_keeps_notes_and_says_what_to_do() {
        let d = decide(
            "small.example",
            vec!["mx.small.example".into()],
            None,
            None,
            vec!["MX lookup: timeout".into()],
        );
        assert_eq!(d.found, Found::Unknown);
        assert!(d.summary.contains("enter the mail server settings"));
        assert_eq!(d.notes.len(), 1);
    }
}
