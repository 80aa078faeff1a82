//! The token endpoint, behind a seam: the assistant redeems authorization codes and refresh
//! tokens through [`TokenEndpoint`]. The app uses [`HttpTokenEndpoint`] (the `oauth2` crate over
//! HTTPS, [`super::client`]); unit tests of the sign-in and renewal steps use a scripted one.

use std::time::SystemTime;

use async_trait::async_trait;
use oauth2::{AuthorizationCode, PkceCodeVerifier, RefreshToken, Scope};
use secrecy::{ExposeSecret, SecretString};
use url::Url;

use super::client::{self, Dated, Tokens, token_error};
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
        let http = Dated::new(&self.0);
        let resp = client
            .exchange_code(grant.code)
            .set_pkce_verifier(grant.verifier)
            .request_async(&http)
            .await
            .map_err(|e| {
                token_error(
                    e,
                    &profile.token_url(),
                    EntraPhase::CodeExchange,
                    profile.flavour,
                )
            })?;
        Ok(Tokens::from_response(
            &resp,
            SystemTime::now(),
            http.date().as_deref(),
        ))
    }

    async fn refresh(
        &self,
        profile: &OAuthProfile,
        grant: RefreshGrant<'_>,
    ) -> Result<Tokens, Finding> {
        let client = client::client(profile, None, grant.secret)?;
        let rt = RefreshToken::new(grant.refresh_token.expose_secret().to_owned());
        let http = Dated::new(&self.0);
        let resp = client
            .exchange_refresh_token(&rt)
            .add_scopes(profile.scopes.iter().map(|s| Scope::new(s.clone())))
            .request_async(&http)
            .await
            .map_err(|e| {
                token_error(
                    e,
                    &profile.token_url(),
                    EntraPhase::Refresh,
                    profile.flavour,
                )
            })?;
        Ok(Tokens::from_response(
            &resp,
            SystemTime::now(),
            http.date().as_deref(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::net::Trust;
    use crate::provider::{OAuthFlavour, RedirectForm};
    use mailsetup_testkit::TestCa;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    /// A token endpoint on 127.0.0.1 over TLS that answers every request with a production-sized
    /// token response and the HTTP `Date` `date`.
    async fn token_endpoint(ca: &TestCa, date: String) -> u16 {
        let config = ca.server_config(&["127.0.0.1"]);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let body = serde_json::json!({
            "token_type": "Bearer", "expires_in": 3599,
            "access_token": format!("eyJ0eXAiOiJKV1QifQ.{}.sig", "a".repeat(2_900)),
            "refresh_token": format!("1.AV0A{}", "r".repeat(1_518)),
        })
        .to_string();
        tokio::spawn(async move {
            while let Ok((tcp, _)) = listener.accept().await {
                let acceptor = tokio_rustls::TlsAcceptor::from(config.clone());
                let (body, date) = (body.clone(), date.clone());
                tokio::spawn(async move {
                    let Ok(mut tls) = acceptor.accept(tcp).await else {
                        return;
                    };
                    let mut request = Vec::new();
                    let mut buf = [0u8; 4096];
                    while let Ok(n) = tls.read(&mut buf).await {
                        request.extend_from_slice(&buf[..n]);
                        let text = String::from_utf8_lossy(&request);
                        if n == 0 || text.contains("grant_type=") {
                            break;
                        }
                    }
                    let response = format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nDate: {date}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                        body.len()
                    );
                    let _ = tls.write_all(response.as_bytes()).await;
                    let _ = tls.shutdown().await;
                });
            }
        });
        port
    }

    /// T30 (https://github.com/canonical/authd/issues/1822): this computer's clock 2 hours
    /// ahead of the token endpoint's. The expiry counts from the local receive time, so the
    /// fresh token is good for its hour; the skew comes from the `Date` header.
    #[tokio::test]
    async fn field_t30_the_skew_comes_from_the_token_endpoints_date() {
        let ca = TestCa::new();
        let two_hours_ago = jiff::Timestamp::now() - jiff::SignedDuration::from_hours(2);
        let date = jiff::fmt::rfc2822::DateTimePrinter::new()
            .timestamp_to_rfc9110_string(&two_hours_ago)
            .unwrap();
        let port = token_endpoint(&ca, date).await;
        let trust = Trust::new(Some(ca.pem().as_bytes()));
        let http = reqwest::Client::builder()
            .use_preconfigured_tls(trust.http_tls_config())
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .build()
            .unwrap();
        let profile = OAuthProfile {
            flavour: OAuthFlavour::Entra,
            authority: url::Url::parse(&format!("https://127.0.0.1:{port}")).unwrap(),
            tenant: "organizations".into(),
            client_id: Some("11111111-2222-3333-4444-555555555555".into()),
            redirect: RedirectForm::default(),
            scopes: vec!["https://outlook.office.com/SMTP.Send".into()],
            authorize_endpoint: None,
        };
        let rt = SecretString::from("1.AV0Aold");
        let before = SystemTime::now();
        let tokens = HttpTokenEndpoint(http)
            .refresh(
                &profile,
                RefreshGrant {
                    refresh_token: &rt,
                    secret: None,
                },
            )
            .await
            .unwrap_or_else(|f| panic!("{f}"));
        let skew = tokens.clock_skew_secs.expect("the Date header was read");
        assert!((7_190..=7_210).contains(&skew), "{skew}");
        let left = tokens.expires_at.unwrap().duration_since(before).unwrap();
        assert!(left.as_secs() >= 3_590, "a fresh hour: {left:?}");
        let f = tokens.clock_finding("Microsoft").unwrap().finish();
        assert_eq!(f.code, crate::findings::FindingCode::ClockSkew);
        assert_eq!(f.audience, crate::findings::Audience::User);
        assert!(
            f.explanation.contains("about 2 hours ahead"),
            "{}",
            f.explanation
        );
        assert!(f.steps[0].contains("automatically"));
    }
}
