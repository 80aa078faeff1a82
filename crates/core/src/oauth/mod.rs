//! OAuth 2.0 / OpenID Connect sign-in with Microsoft Entra ID (and any authority that speaks
//! the same v2.0 protocol, such as the local test provider).
//!
//! - [`client`]: authorization request, code exchange and refresh with the `oauth2` crate;
//! - [`loopback`]: the loopback redirect listener;
//! - [`claims`]: the ID token claims and the account match;
//! - [`device`]: the device code flow for computers without a browser.
//!
//! The flow that strings these together (open the browser, wait, exchange, check the account,
//! store) lives in [`crate::assistant`]; this module has no knowledge of the vault.

pub mod claims;
pub mod client;
pub mod device;
pub mod endpoint;
pub mod jwt;
pub mod loopback;

use url::Url;

/// Query parameters that must never be shown: they are secret or single-use.
const SECRET_PARAMS: &[&str] = &["state", "nonce", "code_challenge", "code", "code_verifier"];

/// The URL with secret query parameters replaced by `[removed]`, for progress and logs.
pub fn redact_url(url: &Url) -> String {
    let mut out = url.clone();
    let pairs: Vec<(String, String)> = url
        .query_pairs()
        .map(|(k, v)| {
            let v = if SECRET_PARAMS.contains(&k.as_ref()) {
                "[removed]".to_string()
            } else {
                v.into_owned()
            };
            (k.into_owned(), v)
        })
        .collect();
    if pairs.is_empty() {
        return out.to_string();
    }
    out.query_pairs_mut().clear().extend_pairs(pairs);
    out.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redact_url_removes_state_nonce_and_challenge() {
        let u = Url::parse("https://login.example/t/oauth2/v2.0/authorize?client_id=c&state=S3CRET&nonce=N0NCE&code_challenge=CH&login_hint=a%40b.c").unwrap();
        let r = redact_url(&u);
        assert!(
            !r.contains("S3CRET") && !r.contains("N0NCE") && !r.contains("=CH"),
            "{r}"
        );
        assert!(
            r.contains("client_id=c") && r.contains("login_hint=a%40b.c"),
            "{r}"
        );
    }
}
