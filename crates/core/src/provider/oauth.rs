//! OAuth 2.0 endpoints and parameters of one identity provider: Microsoft Entra ID (work or
//! school tenants, personal accounts) or Google.

use url::Url;

use super::RedirectForm;

/// Which identity provider speaks at the endpoints (their error shapes and claims differ).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OAuthFlavour {
    /// Microsoft Entra ID v2.0
    /// (<https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow>).
    Entra,
    /// Google OAuth 2.0 for desktop apps
    /// (<https://developers.google.com/identity/protocols/oauth2/native-app>).
    Google,
}

/// The Gmail scope for IMAP, POP and SMTP
/// (<https://developers.google.com/workspace/gmail/imap/xoauth2-protocol>), plus the OIDC
/// scopes that give
/// the ID token with the account's address.
pub const GOOGLE_SCOPES: &[&str] = &["https://mail.google.com/", "openid", "email"];

/// OAuth 2.0 settings for one provider (and, for Entra, one tenant).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OAuthProfile {
    /// Whose endpoints these are.
    pub flavour: OAuthFlavour,
    /// Entra: the authority base URL, e.g. `https://login.microsoftonline.com`. Google: the
    /// token endpoint (what a refresh needs).
    pub authority: Url,
    /// Entra: the tenant path segment. Google: empty.
    pub tenant: String,
    /// Client id; `None` when not configured.
    pub client_id: Option<String>,
    /// Registered redirect form.
    pub redirect: RedirectForm,
    /// Scopes to request.
    pub scopes: Vec<String>,
    /// Google: the authorization endpoint (Entra derives both from authority and tenant).
    pub authorize_endpoint: Option<Url>,
}

impl OAuthProfile {
    /// Entra: `{authority}/{tenant}` without a trailing slash. Google: the token endpoint.
    pub fn tenant_url(&self) -> String {
        match self.flavour {
            OAuthFlavour::Entra => format!(
                "{}/{}",
                self.authority.as_str().trim_end_matches('/'),
                self.tenant
            ),
            OAuthFlavour::Google => self.authority.to_string(),
        }
    }

    /// The authorization endpoint (Entra:
    /// <https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow>; Google: as
    /// configured, listed in <https://accounts.google.com/.well-known/openid-configuration>).
    pub fn authorize_url(&self) -> String {
        match &self.authorize_endpoint {
            Some(u) => u.to_string(),
            None => format!("{}/oauth2/v2.0/authorize", self.tenant_url()),
        }
    }

    /// The token endpoint (the same sources as [`OAuthProfile::authorize_url`]).
    pub fn token_url(&self) -> String {
        match self.flavour {
            OAuthFlavour::Entra => format!("{}/oauth2/v2.0/token", self.tenant_url()),
            OAuthFlavour::Google => self.authority.to_string(),
        }
    }

    /// The OpenID configuration document, used to check the sign-in service is reachable.
    /// Google's sits at the issuer's root (`https://accounts.google.com/.well-known/...`).
    pub fn openid_configuration_url(&self) -> String {
        match (&self.flavour, &self.authorize_endpoint) {
            (OAuthFlavour::Google, Some(auth)) => {
                let base = auth.as_str();
                let root = base.strip_suffix("/o/oauth2/v2/auth").unwrap_or(base);
                format!(
                    "{}/.well-known/openid-configuration",
                    root.trim_end_matches('/')
                )
            }
            _ => format!(
                "{}/v2.0/.well-known/openid-configuration",
                self.tenant_url()
            ),
        }
    }

    /// Extra authorize parameters the provider needs: Google issues a refresh token only with
    /// `access_type=offline` (Google's auth library documents it:
    /// <https://cloud.google.com/nodejs/docs/reference/google-auth-library/7.4.1/google-auth-library/generateauthurlopts>).
    pub fn extra_authorize_params(&self) -> &'static [(&'static str, &'static str)] {
        match self.flavour {
            OAuthFlavour::Entra => &[("response_mode", "query")],
            OAuthFlavour::Google => &[("access_type", "offline")],
        }
    }

    /// The identity provider's name, for the page ("Sign in with …").
    pub fn provider_name(&self) -> &'static str {
        match self.flavour {
            OAuthFlavour::Entra => "Microsoft",
            OAuthFlavour::Google => "Google",
        }
    }
}
