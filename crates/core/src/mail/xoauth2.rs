//! SASL XOAUTH2, the mechanism Microsoft and Google use for IMAP and SMTP
//! (<https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth>,
//! <https://developers.google.com/workspace/gmail/imap/xoauth2-protocol>).
//!
//! Initial client response: `user=<mailbox>` 0x01 `auth=Bearer <access token>` 0x01 0x01, sent
//! base64-encoded (standard alphabet, RFC 4648 §4). On failure the server sends a challenge with
//! base64 JSON (`{"status":"400","schemes":"Bearer","scope":...}`); the client must answer with
//! an empty response to get the final `535`/`NO` (Google's XOAUTH2 protocol page).

use base64::Engine as _;
use secrecy::{ExposeSecret, SecretString};

/// The raw (not yet base64-encoded) XOAUTH2 initial response. Secret: it holds the token.
pub fn initial_response(user: &str, access_token: &SecretString) -> SecretString {
    SecretString::from(format!(
        "user={user}\x01auth=Bearer {}\x01\x01",
        access_token.expose_secret()
    ))
}

/// The base64 form of [`initial_response`], as sent on the wire. Secret.
pub fn encoded_initial_response(user: &str, access_token: &SecretString) -> SecretString {
    let raw = initial_response(user, access_token);
    SecretString::from(
        base64::engine::general_purpose::STANDARD.encode(raw.expose_secret().as_bytes()),
    )
}

/// An `async_imap` authenticator: answers the first (empty) challenge with the initial response
/// and any later challenge (the error JSON) with an empty response, keeping the decoded error.
pub struct ImapXoauth2 {
    response: SecretString,
    sent: bool,
    /// The decoded error challenge, if the server sent one.
    pub error_challenge: Option<String>,
}

impl ImapXoauth2 {
    /// An authenticator for `user` with `access_token`.
    pub fn new(user: &str, access_token: &SecretString) -> Self {
        ImapXoauth2 {
            response: initial_response(user, access_token),
            sent: false,
            error_challenge: None,
        }
    }
}

impl async_imap::Authenticator for &mut ImapXoauth2 {
    type Response = Vec<u8>;
    fn process(&mut self, challenge: &[u8]) -> Vec<u8> {
        if self.sent {
            self.error_challenge = Some(String::from_utf8_lossy(challenge).into_owned());
            Vec::new()
        } else {
            self.sent = true;
            self.response.expose_secret().as_bytes().to_vec()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_matches_the_documented_example() {
        // The example of Microsoft's and Google's XOAUTH2 pages: base64("user=user@example.edu\x01auth=Bearer ACCESS_TOKEN\x01\x01")
        let token = SecretString::from("ACCESS_TOKEN");
        assert_eq!(
            encoded_initial_response("user@example.edu", &token).expose_secret(),
            "dXNlcj11c2VyQGV4YW1wbGUuZWR1AWF1dGg9QmVhcmVyIEFDQ0VTU19UT0tFTgEB"
        );
        let shared = encoded_initial_response("shared@example.edu", &token);
        assert_eq!(
            shared.expose_secret(),
            "dXNlcj1zaGFyZWRAZXhhbXBsZS5lZHUBYXV0aD1CZWFyZXIgQUNDRVNTX1RPS0VOAQE="
        );
    }

    #[test]
    fn authenticator_answers_error_challenge_with_empty_response() {
        use async_imap::Authenticator as _;
        let mut a = ImapXoauth2::new("u@example.edu", &SecretString::from("T"));
        let mut auth = &mut a;
        assert_eq!(
            auth.process(b""),
            b"user=u@example.edu\x01auth=Bearer T\x01\x01"
        );
        assert!(auth.process(br#"{"status":"401"}"#).is_empty());
        assert_eq!(a.error_challenge.as_deref(), Some(r#"{"status":"401"}"#));
    }

    #[test]
    fn debug_never_shows_the_token() {
        let s = initial_response("u@example.edu", &SecretString::from("TOPSECRET"));
        assert!(!format!("{s:?}").contains("TOPSECRET"));
    }
}
