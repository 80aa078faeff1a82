//! The device authorization grant (RFC 8628; Entra's form:
//! <https://learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code>): sign in on another
//! device with a short
//! code, for computers where no browser can be opened (remote desktop, kiosks).
//!
//! [`start`] asks for a code; the person enters it at the verification address on any device;
//! [`poll`] asks the token endpoint at the server's interval (the `oauth2` crate handles
//! `authorization_pending` and `slow_down`, which adds 5 s) until the tokens come, the code
//! expires (`expired_token`), the person declines (`authorization_declined` / `access_denied`), or
//! the app cancels. Registrations need "Allow public client flows" (AADSTS7000218 otherwise).

use std::time::{Duration, SystemTime};

use oauth2::{DeviceAuthorizationUrl, RequestTokenError, Scope};
use oauth2::{DeviceCodeErrorResponseType, StandardDeviceAuthorizationResponse};
use serde::{Deserialize, Serialize};
use tokio_util::sync::CancellationToken;

use crate::findings::classify::{self, EntraError, EntraPhase};
use crate::findings::{Finding, FindingCode, Param};
use crate::oauth::client::{CappedHttp, Tokens, client, reqwest_finding, token_error};
use crate::provider::OAuthProfile;

/// What to show the person: the code and where to enter it. No secret here (the device code
/// itself stays inside [`DeviceAuthorization`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeviceCodePrompt {
    /// The short code to type, e.g. `ABCD-1234`.
    pub user_code: String,
    /// Where to type it.
    pub verification_uri: String,
    /// How long the code is valid, in seconds.
    pub expires_in_secs: u64,
}

/// A started device authorization (holds the secret device code).
pub struct DeviceAuthorization {
    response: StandardDeviceAuthorizationResponse,
}

impl std::fmt::Debug for DeviceAuthorization {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DeviceAuthorization")
            .field("prompt", &self.prompt())
            .finish_non_exhaustive()
    }
}

impl DeviceAuthorization {
    /// The part to show the person.
    pub fn prompt(&self) -> DeviceCodePrompt {
        let r = &self.response;
        DeviceCodePrompt {
            user_code: r.user_code().secret().clone(),
            verification_uri: r.verification_uri().to_string(),
            expires_in_secs: r.expires_in().as_secs(),
        }
    }
}

/// The device authorization endpoint next to the token endpoint
/// (<https://learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code>).
pub fn device_authorization_url(profile: &OAuthProfile) -> String {
    format!("{}/oauth2/v2.0/devicecode", profile.tenant_url())
}

/// Asks for a device code.
///
/// # Errors
/// Entra errors as findings; network findings.
pub async fn start(
    http: &reqwest::Client,
    profile: &OAuthProfile,
) -> Result<DeviceAuthorization, Finding> {
    let c = client(profile, None, None)?.set_device_authorization_url(
        DeviceAuthorizationUrl::new(device_authorization_url(profile))
            .map_err(Finding::internal)?,
    );
    let response: StandardDeviceAuthorizationResponse = c
        .exchange_device_code()
        .add_scopes(profile.scopes.iter().map(|s| Scope::new(s.clone())))
        .request_async(&CappedHttp(http))
        .await
        .map_err(|e| {
            token_error(
                e,
                &device_authorization_url(profile),
                EntraPhase::DeviceCode,
                profile.flavour,
            )
        })?;
    Ok(DeviceAuthorization { response })
}

/// Polls until the person has signed in, at most until the code expires (or `limit`, when
/// given and shorter), until `cancel` fires.
///
/// # Errors
/// `DEVICE_CODE_EXPIRED` (also when `limit` ran out first), `DEVICE_CODE_DECLINED`,
/// `SIGNIN_CANCELLED`, Entra errors (e.g. AADSTS7000218 when public client flows are off),
/// network findings.
pub async fn poll(
    http: &reqwest::Client,
    profile: &OAuthProfile,
    auth: &DeviceAuthorization,
    limit: Option<Duration>,
    cancel: &CancellationToken,
) -> Result<Tokens, Finding> {
    let c = client(profile, None, None)?;
    let http = CappedHttp(http);
    let received = SystemTime::now();
    // Saturating: `expires_in` is whatever number the server sent.
    let lifetime = auth
        .response
        .expires_in()
        .saturating_add(Duration::from_secs(5));
    let limit = limit.map_or(lifetime, |l| l.min(lifetime));
    let polling = c
        .exchange_device_access_token(&auth.response)
        .request_async(&http, tokio::time::sleep, Some(limit));
    let result = tokio::select! {
        _ = cancel.cancelled() => return Err(Finding::new(FindingCode::SigninCancelled).with_evidence("cancelled in the app while waiting for the code")),
        // The oauth2 crate's own limit ends the polling only between two polls.
        _ = tokio::time::sleep(limit) => return Err(Finding::new(FindingCode::DeviceCodeExpired).with_evidence(format!("no sign-in within {} s", limit.as_secs()))),
        r = polling => r,
    };
    match result {
        Ok(resp) => Ok(Tokens::from_response(&resp, received, None)),
        Err(RequestTokenError::ServerResponse(e)) => Err(match e.error() {
            // The server said so, or the oauth2 crate's own limit (the same `limit`) ended the
            // polling a moment before the select above did: the same words either way (the CLI
            // test `device_code_sign_in_approved_declined_and_expired` failed on that race).
            DeviceCodeErrorResponseType::ExpiredToken => {
                Finding::new(FindingCode::DeviceCodeExpired)
                    .with_evidence(format!("no sign-in within {} s", limit.as_secs()))
            }
            DeviceCodeErrorResponseType::AccessDenied => {
                Finding::new(FindingCode::DeviceCodeDeclined)
            }
            _ => {
                // Keep Entra's words: error, AADSTS number in the description.
                let entra: EntraError = serde_json::to_value(&e)
                    .ok()
                    .and_then(|v| serde_json::from_value(v).ok())
                    .unwrap_or_default();
                if entra.error == "authorization_declined" {
                    Finding::new(FindingCode::DeviceCodeDeclined).with_evidence(entra.evidence())
                } else {
                    classify::entra(&entra, EntraPhase::DeviceCode)
                }
            }
        }),
        Err(RequestTokenError::Request(oauth2::HttpClientError::Reqwest(e))) => Err(
            reqwest_finding(profile.authority.host_str().unwrap_or_default(), &e),
        ),
        Err(RequestTokenError::Other(s)) if s.contains("timed out") || s.contains("Timed out") => {
            Err(Finding::new(FindingCode::DeviceCodeExpired).with_evidence(s))
        }
        Err(e) => Err(Finding::new(FindingCode::IdpError)
            .with(Param::Problem, e.to_string())
            .with_evidence(e.to_string())),
    }
}
