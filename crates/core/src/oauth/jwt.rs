//! Compact JWTs ([RFC 7519](https://www.rfc-editor.org/rfc/rfc7519)) as the app reads them: the
//! payload only, signature unchecked — the tokens come straight from the token endpoint over
//! verified TLS, which is what makes that acceptable for a public client
//! (<https://learn.microsoft.com/entra/identity-platform/id-tokens#validate-tokens>).

use base64::Engine as _;
use serde::{Deserialize, Deserializer};

/// Deserializes a claim that is one string or an array of strings (`aud`, RFC 7519 §4.1.3).
///
/// # Errors
/// When the claim is neither.
pub fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match Option::<OneOrMany>::deserialize(d)? {
        None => Vec::new(),
        Some(OneOrMany::One(s)) => vec![s],
        Some(OneOrMany::Many(v)) => v,
    })
}

/// The decoded payload of a compact JWT: the middle of its three base64url parts (RFC 7519
/// §3, RFC 7515 §7.1). The signature is not checked.
///
/// # Errors
/// The end of a sentence about the token: `is not a JWT (no payload part)` or
/// `payload is not base64url`.
pub fn payload(token: &str) -> Result<Vec<u8>, &'static str> {
    let mut parts = token.split('.');
    let (Some(_), Some(payload), Some(_), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err("is not a JWT (no payload part)");
    };
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .map_err(|_| "payload is not base64url")
}

/// A compact JWT with `payload` and a stand-in signature that pads it to about `size`
/// characters, for tests (production tokens: ID ~1,500, Entra access ~2,900).
#[cfg(test)]
pub(crate) fn unsigned(payload: &str, size: usize) -> String {
    let b = |s: &[u8]| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
    let head = b(br#"{"typ":"JWT","alg":"RS256","kid":"nOo3ZDrODXEK1jKWhXslHR_KXEg"}"#);
    let body = b(payload.as_bytes());
    let sig = size.saturating_sub(head.len() + body.len() + 2).max(3);
    format!("{head}.{body}.{}", "S".repeat(sig))
}
