//! The token endpoint, behind a seam: the assistant redeems authorization codes and refresh
//! tokens through [`TokenEndpoint`]. The app uses [`HttpTokenEndpoint`] (the `oauth2` crate over
//! HTTPS, [`super::client`]); unit tests of the sign-in and renewal steps use a scripted one.

use async_trait::async_trait;
use oauth2::{AuthorizationCode, PkceCodeVerifier};
use secrecy::SecretString;
use url::Url;

use super::client::{self, Tokens};
use crate::findings::Finding;
use crate::provider::OAuthProfile;

/// Where codes and refresh tokens are redeemed for tokens.
#[async_trait]
pub trait TokenEndpoint: Send + Sync {
    /// Redeems the authorization code with the PKCE `code_verifier`
    /// ([RFC 7636 §4.5](https://www.rfc-editor.org/rfc/rfc7636#section-4.5)).
    ///
    /// # Errors
    /// The provider's error as a finding (see [`client::exchange_code`]).
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
    /// As [`client::refresh`]; `invalid_grant` maps to the `REAUTH_*` findings.
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
        client::exchange_code(&self.0, profile, redirect_uri, code, verifier, secret).await
    }

    async fn refresh(
        &self,
        profile: &OAuthProfile,
        refresh_token: &SecretString,
        secret: Option<&SecretString>,
    ) -> Result<Tokens, Finding> {
        client::refresh(&self.0, profile, refresh_token, secret).await
    }
}
