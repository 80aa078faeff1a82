//! Reading the registration from Microsoft Graph v1.0 with the administrator's token (kept by
//! the caller, in memory, for this check only). Read-only calls, each documented on
//! learn.microsoft.com:
//!
//! - `GET /applications(appId='{id}')`: the application object — platforms
//!   (`publicClient`, `web`, `spa` redirect URIs), `isFallbackPublicClient` ("Allow public client
//!   flows"), `requiredResourceAccess` (the permissions it asks for), `passwordCredentials`
//!   (client secrets: names and end dates only, never their values)
//!   (<https://learn.microsoft.com/graph/api/application-get>). Exists only in the organisation
//!   that registered the app;
//! - `GET /servicePrincipals(appId='{id}')`: the enterprise application in this organisation —
//!   `accountEnabled`, `appOwnerOrganizationId`
//!   (<https://learn.microsoft.com/graph/api/serviceprincipal-get>);
//! - `GET /servicePrincipals/{id}/oauth2PermissionGrants`: the delegated permissions consented,
//!   `consentType` `AllPrincipals` for admin consent
//!   (<https://learn.microsoft.com/graph/api/serviceprincipal-list-oauth2permissiongrants>);
//! - `GET /servicePrincipals/{id}/appRoleAssignments`: the application permissions granted
//!   (<https://learn.microsoft.com/graph/api/serviceprincipal-list-approleassignments>);
//! - the resource service principals of Microsoft Graph and Office 365 Exchange Online, whose
//!   `oauth2PermissionScopes` and `appRoles` name the permission ids the others hold.
//!
//! A missing object is a 404 (`Request_ResourceNotFound`): `None`, not an error. 401/403 mean the
//! account may not read the directory (`REGISTRATION_CHECK_FORBIDDEN`); lists follow
//! `@odata.nextLink` (<https://learn.microsoft.com/graph/paging>) on the same service only.

use reqwest::StatusCode;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use url::Url;

use super::{EXCHANGE_APP_ID, GRAPH_APP_ID};
use crate::findings::{Finding, FindingCode, Param};

/// At most this many pages of one list (a registration has a handful of grants).
const MAX_PAGES: usize = 20;

/// A platform's redirect URIs (`publicClient`, `web`, `spa`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Platform {
    /// The redirect URIs registered under the platform.
    pub redirect_uris: Vec<String>,
}

/// One permission a registration asks for (`resourceAccess`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ResourceAccess {
    /// The permission's id in the resource's `oauth2PermissionScopes` or `appRoles`.
    pub id: String,
    /// `Scope` (delegated) or `Role` (application).
    #[serde(rename = "type")]
    pub kind: String,
}

/// The permissions a registration asks for from one API (`requiredResourceAccess`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequiredResourceAccess {
    /// The API's application id (e.g. Microsoft Graph's).
    pub resource_app_id: String,
    /// The permissions.
    #[serde(default)]
    pub resource_access: Vec<ResourceAccess>,
}

/// A client secret's metadata (the value is never readable).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PasswordCredential {
    /// Its name in the admin center.
    pub display_name: Option<String>,
    /// When it expires (ISO 8601).
    pub end_date_time: Option<String>,
}

/// The application object (the registration).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Application {
    /// The Application (client) ID.
    pub app_id: String,
    /// Its name.
    pub display_name: Option<String>,
    /// "Allow public client flows".
    pub is_fallback_public_client: Option<bool>,
    /// "Mobile and desktop applications".
    pub public_client: Option<Platform>,
    /// "Web".
    pub web: Option<Platform>,
    /// "Single-page application".
    pub spa: Option<Platform>,
    /// The API permissions it asks for.
    pub required_resource_access: Vec<RequiredResourceAccess>,
    /// Its client secrets.
    pub password_credentials: Vec<PasswordCredential>,
}

/// A permission an API offers: a delegated scope or an app role.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct NamedPermission {
    /// Its id.
    pub id: String,
    /// Its name, e.g. `SMTP.Send`.
    #[serde(default)]
    pub value: Option<String>,
}

/// A service principal: the enterprise application of the app under test, or of an API.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ServicePrincipal {
    /// Its object id in this organisation.
    pub id: String,
    /// The application id.
    pub app_id: String,
    /// Its name.
    pub display_name: Option<String>,
    /// "Enabled for users to sign-in?".
    pub account_enabled: Option<bool>,
    /// The tenant that registered the app.
    pub app_owner_organization_id: Option<String>,
    /// The delegated permissions it offers (for an API).
    pub oauth2_permission_scopes: Vec<NamedPermission>,
    /// The application permissions it offers (for an API).
    pub app_roles: Vec<NamedPermission>,
}

/// A delegated permission grant (consent).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PermissionGrant {
    /// `AllPrincipals` (admin consent for everyone) or `Principal` (one user's own consent).
    pub consent_type: String,
    /// The API's service principal object id.
    pub resource_id: String,
    /// The permissions, separated by spaces.
    #[serde(default)]
    pub scope: Option<String>,
}

/// An application permission granted to the app.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AppRoleAssignment {
    /// The app role's id in the API's `appRoles`.
    pub app_role_id: String,
    /// The API's service principal object id.
    pub resource_id: String,
    /// The API's name.
    #[serde(default)]
    pub resource_display_name: Option<String>,
}

/// What Microsoft Graph says about the registration, in the administrator's organisation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    /// The application object; `None` when the app is not registered in this organisation.
    pub application: Option<Application>,
    /// The enterprise application; `None` when the app has none here.
    pub service_principal: Option<ServicePrincipal>,
    /// Its delegated permission grants.
    pub grants: Vec<PermissionGrant>,
    /// Its application permissions granted.
    pub app_roles: Vec<AppRoleAssignment>,
    /// Microsoft Graph's and Exchange Online's service principals (those this tenant has).
    pub apis: Vec<ServicePrincipal>,
}

/// Microsoft Graph at `base` (its service root), read with `token`.
pub struct Graph<'a> {
    http: &'a reqwest::Client,
    base: &'a Url,
    token: &'a SecretString,
    /// The administrator, for the words of a refusal.
    signed_in: &'a str,
}

#[derive(Deserialize)]
struct Page<T> {
    #[serde(default = "Vec::new")]
    value: Vec<T>,
    #[serde(rename = "@odata.nextLink", default)]
    next: Option<String>,
}

impl<'a> Graph<'a> {
    /// Graph at `base` with the administrator `signed_in`'s `token`.
    pub fn new(
        http: &'a reqwest::Client,
        base: &'a Url,
        token: &'a SecretString,
        signed_in: &'a str,
    ) -> Graph<'a> {
        Graph {
            http,
            base,
            token,
            signed_in,
        }
    }

    /// Everything the verdict needs about the app `client_id`.
    ///
    /// # Errors
    /// `REGISTRATION_CHECK_FORBIDDEN`, `NETWORK_IDP_UNREACHABLE`, `TLS_CERTIFICATE_INVALID`,
    /// `IDP_ERROR` (an answer the app could not read).
    pub async fn read(&self, client_id: &str) -> Result<Facts, Finding> {
        const APP: &str = "appId,displayName,isFallbackPublicClient,publicClient,web,spa,requiredResourceAccess,passwordCredentials";
        const SP: &str = "id,appId,displayName,accountEnabled,appOwnerOrganizationId";
        const API: &str = "id,appId,displayName,oauth2PermissionScopes,appRoles";
        let application = self
            .get(&format!("applications(appId='{client_id}')?$select={APP}"))
            .await?;
        let service_principal: Option<ServicePrincipal> = self
            .get(&format!(
                "servicePrincipals(appId='{client_id}')?$select={SP}"
            ))
            .await?;
        let (mut grants, mut app_roles) = (Vec::new(), Vec::new());
        if let Some(sp) = &service_principal {
            grants = self
                .list(&format!(
                    "servicePrincipals/{}/oauth2PermissionGrants",
                    sp.id
                ))
                .await?;
            app_roles = self
                .list(&format!("servicePrincipals/{}/appRoleAssignments", sp.id))
                .await?;
        }
        let mut apis = Vec::new();
        for api in [GRAPH_APP_ID, EXCHANGE_APP_ID] {
            let path = format!("servicePrincipals(appId='{api}')?$select={API}");
            apis.extend(self.get::<ServicePrincipal>(&path).await?);
        }
        Ok(Facts {
            application,
            service_principal,
            grants,
            app_roles,
            apis,
        })
    }

    /// `GET {base}/v1.0/{path}`; `None` for 404.
    async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<Option<T>, Finding> {
        let url = format!("{}/v1.0/{path}", self.base.as_str().trim_end_matches('/'));
        self.fetch(&url).await
    }

    /// Every item of the collection at `path`, following `@odata.nextLink`.
    async fn list<T: DeserializeOwned>(&self, path: &str) -> Result<Vec<T>, Finding> {
        let root = format!("{}/", self.base.as_str().trim_end_matches('/'));
        let mut url = format!("{root}v1.0/{path}");
        let mut out = Vec::new();
        for _ in 0..MAX_PAGES {
            let Some(page) = self.fetch::<Page<T>>(&url).await? else {
                break;
            };
            out.extend(page.value);
            // The token only ever goes to the Graph service it was issued for.
            match page.next {
                Some(next) if next.starts_with(&root) => url = next,
                _ => break,
            }
        }
        Ok(out)
    }

    async fn fetch<T: DeserializeOwned>(&self, url: &str) -> Result<Option<T>, Finding> {
        let host = self.base.host_str().unwrap_or_default();
        let resp = self
            .http
            .get(url)
            .bearer_auth(self.token.expose_secret())
            .header("Accept", "application/json")
            .send()
            .await
            .map_err(|e| crate::oauth::client::reqwest_finding(host, &e))?;
        let status = resp.status();
        let body = resp
            .text()
            .await
            .map_err(|e| crate::oauth::client::reqwest_finding(host, &e))?;
        match status {
            StatusCode::NOT_FOUND => Ok(None),
            s if s.is_success() => serde_json::from_str(&body).map(Some).map_err(|e| {
                unreadable(
                    &format!("Microsoft Graph sent an answer the app could not read ({e})"),
                    &body,
                )
            }),
            StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => {
                Err(Finding::new(FindingCode::RegistrationCheckForbidden)
                    .with(Param::SignedIn, self.signed_in)
                    .with_evidence(format!("{status}: {}", graph_error(&body))))
            }
            s => Err(unreadable(&format!("Microsoft Graph answered {s}"), &body)),
        }
    }
}

/// `IDP_ERROR` for an answer of Graph's that the check cannot use.
fn unreadable(problem: &str, body: &str) -> Finding {
    Finding::new(FindingCode::IdpError)
        .with(Param::Provider, "Microsoft Graph")
        .with(Param::Problem, problem)
        .with_evidence(graph_error(body))
}

/// Graph's error `code: message` (<https://learn.microsoft.com/graph/errors>), else the start of
/// the body.
fn graph_error(body: &str) -> String {
    #[derive(Deserialize)]
    struct Wrapper {
        error: Inner,
    }
    #[derive(Deserialize)]
    struct Inner {
        #[serde(default)]
        code: String,
        #[serde(default)]
        message: String,
    }
    match serde_json::from_str::<Wrapper>(body) {
        Ok(w) => format!("{}: {}", w.error.code, w.error.message),
        Err(_) => body.chars().take(300).collect(),
    }
}
