//! The token endpoint, behind a seam: the assistant redeems authorization codes and refresh
//! tokens through [`TokenEndpoint`]. The app uses [`HttpTokenEndpoint`] (the `oauth2` crate over
//! HTTPS, [`super::client`]); unit tests of the sign-in and renewal steps use a scripted one.

use std::time::SystemTime;

use async_trait::async_trait;
use oauth2::{AuthorizationCode, PkceCodeVerifier, RefreshToken, Scope};
use secrecy::{ExposeSecret, SecretString};
use url::Url;

use super::client::{self, Tokens, token_error};
use crate::findings::Finding;
use crate::findings::classify::EntraPhase;
use crate::provider::OAuthProfile;

/// Where codes and refresh tokens are redeemed for tokens.
#[async_trait]
pub trait TokenEndpoint: Send + Sync {
    /// Redeems the authorization code with the PKCE `code_verifier`
    /// ([RFC 7636 §4.5](https://www.rfc-editor.org/rfc/rfc7636#section-4.5)).
    ///
    /// # Errors
    /// A finding from the provider's error (e.g. AADSTS7000218 →
    /// `APP_REGISTRATION_NOT_PUBLIC_CLIENT`), or `NETWORK_IDP_UNREACHABLE`,
    /// `TLS_CERTIFICATE_INVALID`, `IDP_ERROR`.
    async fn exchange_code(
        &self,
        profile: &OAuthProfile,
        redirect_uri: &Url,
        code: AuthorizationCode,
        verifier: PkceCodeVerifier,
        secret: Option<&SecretString>,
    ) -> Result<Tokens, Finding>;

    /// New tokens for a refresh token
    /// ([RFC 6749 §6](https://www.rfc-editor.org/rfc/rfc6749#section-6)).
    ///
    /// # Errors
    /// As [`TokenEndpoint::exchange_code`]; `invalid_grant` maps to the `REAUTH_*` findings.
    async fn refresh(
        &self,
        profile: &OAuthProfile,
        refresh_token: &SecretString,
        secret: Option<&SecretString>,
    ) -> Result<Tokens, Finding>;
}

/// The provider's real token endpoint over HTTPS.
#[derive(Debug, Clone)]
pub struct HttpTokenEndpoint(pub reqwest::Client);

#[async_trait]
impl TokenEndpoint for HttpTokenEndpoint {
    async fn exchange_code(
        &self,
        profile: &OAuthProfile,
        redirect_uri: &Url,
        code: AuthorizationCode,
        verifier: PkceCodeVerifier,
        secret: Option<&SecretString>,
    ) -> Result<Tokens, Finding> {
        let client = client::client(profile, Some(redirect_uri), secret)?;
        let received = SystemTime::now();
        let resp = client
            .exchange_code(code)
            .set_pkce_verifier(verifier)
            .request_async(&self.0)
            .await
            .map_err(|e| token_error(e, &profile.token_url(), EntraPhase::CodeExchange))?;
        Ok(Tokens::from_response(&resp, received))
    }

    async fn refresh(
        &self,
        profile: &OAuthProfile,
        refresh_token: &SecretString,
        secret: Option<&SecretString>,
    ) -> Result<Tokens, Finding> {
        let client = client::client(profile, None, secret)?;
        let rt = RefreshToken::new(refresh_token.expose_secret().to_owned());
        let received = SystemTime::now();
        let resp = client
            .exchange_refresh_token(&rt)
            .add_scopes(profile.scopes.iter().map(|s| Scope::new(s.clone())))
            .request_async(&self.0)
            .await
            .map_err(|e| token_error(e, &profile.token_url(), EntraPhase::Refresh))?;
        Ok(Tokens::from_response(&resp, received))
    }
}
