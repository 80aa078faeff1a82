//! Talking to the authorization server with the `oauth2` crate: the authorization request
//! (authorization code + PKCE S256 + `state` + `nonce`), the code exchange and the refresh.
//!
//! Protocol rules and their sources:
//! - PKCE with `code_challenge_method=S256` always sent explicitly (RFC 7636; Entra takes a
//!   challenge without a method as `plain`:
//!   <https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow>);
//! - `response_mode=query` for a loopback listener (same page);
//! - the same `redirect_uri` at authorize and token time (RFC 6749 §4.1.3);
//! - scopes of one resource plus OIDC scopes (same page; test
//!   `field_f07_scopes_name_one_resource_only` in crates/core/src/profile/tests.rs);
//! - the HTTP client follows no redirects (oauth2-rs SSRF advice), has explicit timeouts, only
//!   speaks https with verified certificates and honours the system proxy settings;
//! - errors keep Entra's `error`, AADSTS number, trace and correlation ids
//!   (<https://learn.microsoft.com/entra/identity-platform/reference-error-codes>).

use std::time::{Duration, SystemTime};

use oauth2::basic::{
    BasicRevocationErrorResponse, BasicTokenIntrospectionResponse, BasicTokenType,
};
use oauth2::{
    AuthType, AuthUrl, ClientId, ClientSecret, CsrfToken, EndpointNotSet, EndpointSet,
    ExtraTokenFields, HttpClientError, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl,
    RequestTokenError, Scope, StandardRevocableToken, StandardTokenResponse, TokenResponse as _,
    TokenUrl,
};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use url::Url;

use crate::findings::classify::{self, EntraError, EntraPhase};
use crate::findings::{Finding, FindingCode, Param};
use crate::net::Trust;
use crate::provider::{OAuthFlavour, OAuthProfile};

/// The ID token as received (a JWT). Redacted in `Debug`.
#[derive(Clone, Serialize, Deserialize, Default)]
pub struct IdTokenField {
    /// The raw JWT, when the response carried one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_token: Option<String>,
    /// Google's lifetime of the refresh token in seconds, sent only when the refresh token
    /// expires: 7 days for an OAuth client whose publishing status is "Testing"
    /// (<https://developers.google.com/identity/protocols/oauth2#expiration>). A value that is
    /// not a number of seconds is ignored, never a failed sign-in.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_secs"
    )]
    pub refresh_token_expires_in: Option<u64>,
}

/// A number of seconds as a JSON number or a string of digits; anything else is `None`.
fn lenient_secs<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::Number(n) => n.as_u64(),
        serde_json::Value::String(s) => s.trim().parse().ok(),
        _ => None,
    })
}

impl std::fmt::Debug for IdTokenField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.id_token.is_some() {
            "IdTokenField([redacted])"
        } else {
            "IdTokenField(None)"
        })
    }
}

impl ExtraTokenFields for IdTokenField {}

/// A token endpoint response with Entra's `id_token`.
pub type EntraTokenResponse = StandardTokenResponse<IdTokenField, BasicTokenType>;

pub(crate) type EntraClient = oauth2::Client<
    EntraError,
    EntraTokenResponse,
    BasicTokenIntrospectionResponse,
    StandardRevocableToken,
    BasicRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointSet,
>;

/// Tokens received from the token endpoint, with the local receive time.
pub struct Tokens {
    /// The access token (secret).
    pub access_token: SecretString,
    /// The refresh token (secret), when `offline_access` produced one.
    pub refresh_token: Option<SecretString>,
    /// The raw ID token (secret), when `openid` produced one.
    pub id_token: Option<SecretString>,
    /// When the access token expires: local receive time + `expires_in`.
    pub expires_at: Option<SystemTime>,
    /// The granted scopes (`scope` of the response), when the server said.
    pub scopes: Option<Vec<String>>,
    /// How far this computer's clock was ahead (positive) or behind the token endpoint's HTTP
    /// `Date` when the response arrived, in seconds ([`crate::clock::skew_secs`]). The expiry
    /// above never depends on it.
    pub clock_skew_secs: Option<i64>,
    /// When the refresh token expires whatever happens, when the provider said
    /// (`refresh_token_expires_in`: Google's OAuth clients in "Testing").
    pub refresh_expires_at: Option<SystemTime>,
}

impl std::fmt::Debug for Tokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tokens")
            .field(
                "refresh_token",
                &self.refresh_token.as_ref().map(|_| "[redacted]"),
            )
            .field("expires_at", &self.expires_at)
            .field("scopes", &self.scopes)
            .finish_non_exhaustive()
    }
}

impl Tokens {
    /// The tokens of `resp`, received at local time `received` with the server's `Date`
    /// header `date`. The access token's expiry is `received + expires_in` (RFC 6749 §5.1: a
    /// lifetime, not a time), so it holds whatever this computer's clock says (test
    /// `field_t30_a_clock_two_hours_ahead_is_a_warning_only`).
    pub(crate) fn from_response(
        resp: &EntraTokenResponse,
        received: SystemTime,
        date: Option<&str>,
    ) -> Tokens {
        Tokens {
            access_token: SecretString::from(resp.access_token().secret().to_owned()),
            refresh_token: resp
                .refresh_token()
                .map(|r| SecretString::from(r.secret().to_owned())),
            id_token: resp.extra_fields().id_token.clone().map(SecretString::from),
            // A lifetime too large for the clock (a server's `expires_in` is any u64) is no
            // known expiry, not a crash.
            expires_at: resp.expires_in().and_then(|d| received.checked_add(d)),
            scopes: resp
                .scopes()
                .map(|s| s.iter().map(|x| x.to_string()).collect()),
            clock_skew_secs: date.and_then(|d| crate::clock::skew_secs(received, d)),
            refresh_expires_at: resp
                .extra_fields()
                .refresh_token_expires_in
                .and_then(|secs| received.checked_add(std::time::Duration::from_secs(secs))),
        }
    }

    /// `CLOCK_SKEW` when this computer's clock is off from `provider`'s by more than
    /// [`crate::clock::SKEW_TOLERANCE_SECS`]: a warning, the tokens still work.
    pub fn clock_finding(&self, provider: &str) -> Option<Finding> {
        let skew = self
            .clock_skew_secs
            .filter(|s| s.unsigned_abs() > crate::clock::SKEW_TOLERANCE_SECS)?;
        Some(
            Finding::new(FindingCode::ClockSkew)
                .with(Param::Problem, crate::clock::skew_words(skew))
                .with(Param::Provider, provider)
                .with_evidence(format!(
                    "this computer's clock was {skew} s off the sign-in service's Date header"
                )),
        )
    }
}

/// An HTTP client for the token endpoint that remembers the response's `Date` header (RFC 9110
/// §6.6.1), to tell a wrong local clock (test `field_t30_a_clock_two_hours_ahead_is_a_warning_only`).
pub(crate) struct Dated<'a> {
    http: &'a reqwest::Client,
    date: std::sync::Mutex<Option<String>>,
}

impl<'a> Dated<'a> {
    pub(crate) fn new(http: &'a reqwest::Client) -> Dated<'a> {
        Dated {
            http,
            date: std::sync::Mutex::new(None),
        }
    }

    /// The `Date` of the last response.
    pub(crate) fn date(&self) -> Option<String> {
        self.date
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }
}

impl<'c> oauth2::AsyncHttpClient<'c> for Dated<'_> {
    type Error = HttpClientError<reqwest::Error>;
    type Future = std::pin::Pin<
        Box<
            dyn std::future::Future<Output = Result<oauth2::HttpResponse, Self::Error>>
                + Send
                + Sync
                + 'c,
        >,
    >;

    fn call(&'c self, request: oauth2::HttpRequest) -> Self::Future {
        Box::pin(async move {
            // The body is read with the JSON size cap (crate::net::body).
            let response = capped_call(self.http, request).await?;
            let date = response
                .headers()
                .get(oauth2::http::header::DATE)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned);
            *self
                .date
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner) = date;
            Ok(response)
        })
    }
}

/// Builds the HTTPS client used for the identity provider: no redirects, explicit timeouts,
/// https only, the app's [`Trust`] (the OS verifier plus the settings' extra CA), and the proxy
/// of [`crate::net::proxy::configure`] (the environment variables, else the system setting).
///
/// # Errors
/// `INTERNAL` if the TLS backend cannot be initialised.
pub fn http_client(trust: &Trust, timeout: Duration) -> Result<reqwest::Client, Finding> {
    http_client_via(trust, timeout, None)
}

/// As [`http_client`], resolving names through `dns_server` when set (autoconfig lookups
/// must see the same DNS as the MX lookup).
///
/// # Errors
/// `INTERNAL` if the TLS backend or the resolver cannot be initialised.
pub fn http_client_via(
    trust: &Trust,
    timeout: Duration,
    dns_server: Option<std::net::SocketAddr>,
) -> Result<reqwest::Client, Finding> {
    let mut builder = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .https_only(true)
        .connect_timeout(timeout)
        .timeout(timeout)
        .user_agent(concat!("mailsetup/", env!("CARGO_PKG_VERSION")))
        .use_preconfigured_tls(trust.http_tls_config());
    builder = crate::net::proxy::configure(builder);
    if dns_server.is_some() {
        let resolver = crate::net::resolver::resolver(dns_server).map_err(Finding::internal)?;
        builder = builder.dns_resolver(std::sync::Arc::new(crate::net::resolver::HickoryResolve(
            std::sync::Arc::new(resolver),
        )));
    }
    builder.build().map_err(Finding::internal)
}

/// Everything one authorization request needs to remember until the redirect comes back.
pub struct AuthRequest {
    /// The URL to open in the browser (contains `state`, `nonce` and the PKCE challenge: show
    /// it only via [`super::redact_url`]).
    pub url: Url,
    /// The CSRF `state` (secret).
    pub state: CsrfToken,
    /// The OIDC `nonce` (secret).
    pub nonce: CsrfToken,
    /// The PKCE `code_verifier` (secret).
    pub verifier: PkceCodeVerifier,
    /// The exact `redirect_uri` sent.
    pub redirect_uri: Url,
}

impl std::fmt::Debug for AuthRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuthRequest")
            .field("redirect_uri", &self.redirect_uri.as_str())
            .finish_non_exhaustive()
    }
}

/// Extra parameters for the authorize request.
#[derive(Debug, Clone, Default)]
pub struct AuthOptions {
    /// `login_hint`: pre-fills the account name
    /// (<https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow>).
    pub login_hint: Option<String>,
    /// `domain_hint`.
    pub domain_hint: Option<String>,
    /// `prompt` (`select_account`, `login`, ...).
    pub prompt: Option<String>,
    /// `claims`: the challenge a failed renewal brought back, so that this sign-in satisfies it
    /// (<https://learn.microsoft.com/entra/identity-platform/claims-challenge>).
    pub claims: Option<crate::findings::ClaimsChallenge>,
}

/// The client for `profile`. A confidential ("Web") registration authenticates with its secret
/// in the request body (client_secret_post); a public one sends only its client id
/// (<https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow>).
pub(crate) fn client(
    profile: &OAuthProfile,
    redirect_uri: Option<&Url>,
    secret: Option<&SecretString>,
) -> Result<EntraClient, Finding> {
    let client_id = profile
        .client_id
        .clone()
        .ok_or_else(|| Finding::new(FindingCode::AppNotConfigured))?;
    let mut c = oauth2::Client::new(ClientId::new(client_id))
        .set_auth_uri(AuthUrl::new(profile.authorize_url()).map_err(Finding::internal)?)
        .set_token_uri(TokenUrl::new(profile.token_url()).map_err(Finding::internal)?)
        .set_auth_type(AuthType::RequestBody);
    if let Some(uri) = redirect_uri {
        c = c.set_redirect_uri(RedirectUrl::from_url(uri.clone()));
    }
    if let Some(secret) = secret {
        c = c.set_client_secret(ClientSecret::new(secret.expose_secret().to_owned()));
    }
    Ok(c)
}

/// Builds the authorization request for `redirect_uri` (authorization code flow with PKCE S256,
/// random `state` and `nonce`).
///
/// # Errors
/// `APP_NOT_CONFIGURED` when no client id is set.
pub fn authorization_request(
    profile: &OAuthProfile,
    redirect_uri: &Url,
    opts: &AuthOptions,
) -> Result<AuthRequest, Finding> {
    let client = client(profile, Some(redirect_uri), None)?;
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let nonce = CsrfToken::new_random();
    let mut req = client
        .authorize_url(CsrfToken::new_random)
        .add_scopes(profile.scopes.iter().map(|s| Scope::new(s.clone())))
        .set_pkce_challenge(challenge)
        .add_extra_param("nonce", nonce.secret().clone());
    for (k, v) in profile.extra_authorize_params() {
        req = req.add_extra_param(*k, *v);
    }
    if let Some(h) = &opts.login_hint {
        req = req.add_extra_param("login_hint", h.clone());
    }
    if let Some(h) = &opts.domain_hint {
        req = req.add_extra_param("domain_hint", h.clone());
    }
    if let Some(p) = &opts.prompt {
        req = req.add_extra_param("prompt", p.clone());
    }
    if let Some(c) = &opts.claims {
        req = req.add_extra_param("claims", c.as_str().to_owned());
    }
    let (url, state) = req.url();
    Ok(AuthRequest {
        url,
        state,
        nonce,
        verifier,
        redirect_uri: redirect_uri.clone(),
    })
}

/// What the identity provider said to a client secret ([`try_client_secret`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecretAnswer {
    /// It issued a token (dropped at once, unused).
    Accepted,
    /// It refused: its words, e.g. `invalid_client: AADSTS7000215: Invalid client secret
    /// provided...` (the first line of the description, without trace ids).
    Refused(String),
}

/// Tries the confidential registration `profile`'s client `secret` with a client credentials
/// request for `scope` (a resource's `/.default`): the one request that proves a secret without
/// a user ([RFC 6749 §4.4](https://www.rfc-editor.org/rfc/rfc6749#section-4.4); Entra:
/// <https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow>).
/// The token it may bring is dropped here, unused: it carries only what an administrator granted
/// the app itself.
///
/// # Errors
/// Why the provider could not be asked: `NETWORK_IDP_UNREACHABLE`, `TLS_CERTIFICATE_INVALID`,
/// `IDP_ERROR` (an answer the app could not read), `APP_NOT_CONFIGURED`.
pub async fn try_client_secret(
    http: &reqwest::Client,
    profile: &OAuthProfile,
    secret: &SecretString,
    scope: &str,
) -> Result<SecretAnswer, Finding> {
    let client = client(profile, None, Some(secret))?;
    let answer = client
        .exchange_client_credentials()
        .add_scope(Scope::new(scope.to_owned()))
        .request_async(http)
        .await;
    match answer {
        Ok(_dropped) => Ok(SecretAnswer::Accepted),
        Err(RequestTokenError::ServerResponse(e)) => Ok(SecretAnswer::Refused(
            e.evidence().lines().next().unwrap_or_default().to_owned(),
        )),
        Err(e) => Err(token_error(
            e,
            &profile.token_url(),
            EntraPhase::CodeExchange,
            profile.flavour,
        )),
    }
}

type TokenError = RequestTokenError<HttpClientError<reqwest::Error>, EntraError>;

/// The finding for a failed token request to `flavour`'s endpoint at `url`: the provider's
/// error (its own words: [`classify::oauth_error`]), a network failure, or an answer that is not
/// an OAuth error body.
pub(crate) fn token_error(
    err: TokenError,
    url: &str,
    phase: EntraPhase,
    flavour: OAuthFlavour,
) -> Finding {
    let host = Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_default();
    match err {
        RequestTokenError::ServerResponse(e) => classify::oauth_error(&e, phase, flavour),
        RequestTokenError::Request(HttpClientError::Reqwest(e)) => reqwest_finding(&host, &e),
        // From `capped_call`: an answer larger than any token answer.
        RequestTokenError::Request(HttpClientError::Other(s)) => {
            Finding::new(FindingCode::IdpError)
                .with(
                    Param::Problem,
                    crate::l10n::tr_with(
                        "detail-oauth-unreadable-from",
                        &[("host", host.clone().into())],
                    ),
                )
                .with_evidence(s)
        }
        RequestTokenError::Request(e) => Finding::new(FindingCode::NetworkIdpUnreachable)
            .with(Param::Problem, e.to_string())
            .with_evidence(e.to_string()),
        RequestTokenError::Parse(e, body) => unreadable_answer(&e, &body, phase),
        RequestTokenError::Other(s) => Finding::new(FindingCode::IdpError)
            .with(Param::Problem, &s)
            .with_evidence(s),
    }
}

/// The HTTPS client for token and device code requests: as the `oauth2` crate's own reqwest
/// client, but it reads an answer only up to
/// [`MAX_JSON_BYTES`](crate::net::body::MAX_JSON_BYTES) (that client reads any length). A longer
/// answer is `HttpClientError::Other`.
pub(crate) struct CappedHttp<'a>(pub(crate) &'a reqwest::Client);

impl<'c> oauth2::AsyncHttpClient<'c> for CappedHttp<'_> {
    type Error = HttpClientError<reqwest::Error>;
    type Future = std::pin::Pin<
        Box<dyn Future<Output = Result<oauth2::HttpResponse, Self::Error>> + Send + 'c>,
    >;

    fn call(&'c self, request: oauth2::HttpRequest) -> Self::Future {
        Box::pin(capped_call(self.0, request))
    }
}

async fn capped_call(
    http: &reqwest::Client,
    request: oauth2::HttpRequest,
) -> Result<oauth2::HttpResponse, HttpClientError<reqwest::Error>> {
    use crate::net::body::{BodyError, MAX_JSON_BYTES, read_capped};
    let response = http
        .execute(request.try_into().map_err(Box::new)?)
        .await
        .map_err(Box::new)?;
    let mut builder = oauth2::http::Response::builder()
        .status(response.status())
        .version(response.version());
    for (name, value) in response.headers() {
        builder = builder.header(name, value);
    }
    let body = read_capped(response, MAX_JSON_BYTES)
        .await
        .map_err(|e| match e {
            BodyError::TooLarge(_) => HttpClientError::Other(e.to_string()),
            BodyError::Read(e) => HttpClientError::Reqwest(Box::new(e)),
        })?;
    builder.body(body).map_err(HttpClientError::Http)
}

/// The finding for a token endpoint answer that is not the JSON expected (`error` says why):
/// an Entra error of another shape still has its AADSTS number.
pub(crate) fn unreadable_answer(
    error: &dyn std::fmt::Display,
    body: &[u8],
    phase: EntraPhase,
) -> Finding {
    let text = String::from_utf8_lossy(body);
    if let Some(n) = classify::aadsts_in(&text) {
        let entra = EntraError {
            error: "unknown".into(),
            error_codes: vec![n],
            error_description: Some(text.chars().take(300).collect()),
            ..Default::default()
        };
        return classify::entra(&entra, phase);
    }
    Finding::new(FindingCode::IdpError)
        .with(Param::Problem, crate::l10n::tr("detail-oauth-unreadable"))
        .with_evidence(format!(
            "{error}; body: {}",
            text.chars().take(300).collect::<String>()
        ))
}

/// The finding for an HTTPS request that did not get an answer.
pub fn reqwest_finding(host: &str, e: &reqwest::Error) -> Finding {
    let tls = crate::net::TlsError::from_chain(host, e);
    if tls.is_certificate() {
        return tls.finding();
    }
    let id = if e.is_timeout() {
        "detail-oauth-no-answer-in-time"
    } else if e.is_connect() {
        "detail-oauth-could-not-connect"
    } else {
        "detail-oauth-request-failed"
    };
    let problem = crate::l10n::tr_with(id, &[("host", host.to_owned().into())]);
    let mut chain = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        chain.push_str(&format!(": {s}"));
        source = s.source();
    }
    Finding::new(FindingCode::NetworkIdpUnreachable)
        .with(Param::Problem, problem)
        .with_evidence(chain)
}
