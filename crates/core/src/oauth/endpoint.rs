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

/// An authorization code to redeem, with what binds it to this sign-in.
pub struct CodeGrant<'a> {
    /// The exact `redirect_uri` of the authorization request.
    pub redirect_uri: &'a Url,
    /// The authorization code.
    pub code: AuthorizationCode,
    /// The PKCE `code_verifier`.
    pub verifier: PkceCodeVerifier,
    /// The registration's client secret, for a confidential client.
    pub secret: Option<&'a SecretString>,
}

/// A refresh token to redeem.
pub struct RefreshGrant<'a> {
    /// The refresh token.
    pub refresh_token: &'a SecretString,
    /// The registration's client secret, for a confidential client.
    pub secret: Option<&'a SecretString>,
}

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
        grant: CodeGrant<'_>,
    ) -> Result<Tokens, Finding>;

    /// New tokens for a refresh token
    /// ([RFC 6749 §6](https://www.rfc-editor.org/rfc/rfc6749#section-6)).
    ///
    /// # Errors
    /// As [`TokenEndpoint::exchange_code`]; `invalid_grant` maps to the `REAUTH_*` findings.
    async fn refresh(
        &self,
        profile: &OAuthProfile,
        grant: RefreshGrant<'_>,
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
        grant: CodeGrant<'_>,
    ) -> Result<Tokens, Finding> {
        let client = client::client(profile, Some(grant.redirect_uri), grant.secret)?;
        let received = SystemTime::now();
        let resp = client
            .exchange_code(grant.code)
            .set_pkce_verifier(grant.verifier)
            .request_async(&client::CappedHttp(&self.0))
            .await
            .map_err(|e| token_error(e, &profile.token_url(), EntraPhase::CodeExchange))?;
        Ok(Tokens::from_response(&resp, received))
    }

    async fn refresh(
        &self,
        profile: &OAuthProfile,
        grant: RefreshGrant<'_>,
    ) -> Result<Tokens, Finding> {
        let client = client::client(profile, None, grant.secret)?;
        let rt = RefreshToken::new(grant.refresh_token.expose_secret().to_owned());
        let received = SystemTime::now();
        let resp = client
            .exchange_refresh_token(&rt)
            .add_scopes(profile.scopes.iter().map(|s| Scope::new(s.clone())))
            .request_async(&client::CappedHttp(&self.0))
            .await
            .map_err(|e| token_error(e, &profile.token_url(), EntraPhase::Refresh))?;
        Ok(Tokens::from_response(&resp, received))
    }
}
