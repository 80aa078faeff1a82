//! A claims challenge: what an identity provider asks the next interactive sign-in to prove.

use serde::{Deserialize, Serialize};

/// The `claims` of a token endpoint's error (Microsoft Entra: `interaction_required` or
/// `invalid_grant` after a Conditional Access or MFA change), to be sent unchanged as the
/// `claims` parameter of the next authorization request
/// (<https://learn.microsoft.com/entra/identity-platform/claims-challenge>, "Claims challenge
/// header format" and "the claims request parameter"; OpenID Connect Core §5.5).
///
/// It names policies and claims (e.g. `{"access_token":{"capolids":{"essential":true,
/// "values":["<policy-id>"]}}}`), never a credential, so it may be shown in `Debug` output, and
/// is kept with the account in the account index for the next sign-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimsChallenge(String);

/// The longest challenge passed on; Microsoft's are a few hundred bytes.
const MAX_LEN: usize = 4_096;

impl ClaimsChallenge {
    /// The challenge in `text`: a JSON object of at most 4 KiB (anything else cannot be a
    /// claims request and is not passed on to the browser).
    pub fn parse(text: &str) -> Option<ClaimsChallenge> {
        let text = text.trim();
        if text.is_empty() || text.len() > MAX_LEN {
            return None;
        }
        serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(text)
            .ok()
            .map(|_| ClaimsChallenge(text.to_owned()))
    }

    /// The JSON, as the authorize request's `claims` parameter takes it.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_json_object_of_sensible_size_is_a_challenge() {
        let c = r#"{"access_token":{"capolids":{"essential":true,"values":["c1"]}}}"#;
        assert_eq!(ClaimsChallenge::parse(c).unwrap().as_str(), c);
        assert!(ClaimsChallenge::parse("not json").is_none());
        assert!(ClaimsChallenge::parse("[1,2]").is_none());
        assert!(ClaimsChallenge::parse("").is_none());
        let huge = format!(r#"{{"a":"{}"}}"#, "x".repeat(5_000));
        assert!(ClaimsChallenge::parse(&huge).is_none());
    }
}
