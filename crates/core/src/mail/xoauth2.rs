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

/// Why no XOAUTH2 response was built, so nothing was sent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidUser {
    /// The `user=` is not a plain mail address (empty, a display name, spaces or control
    /// characters).
    #[error("the XOAUTH2 user {0:?} is not a plain mail address")]
    User(String),
    /// The access token is empty (or blank): sent anyway, Exchange answers with errors that
    /// look temporary (`451 4.7.0 ... PRX4`, <https://github.com/harishkrupo/oauth2ms/issues/5>;
    /// test `field_n09_an_empty_token_is_never_sent`).
    #[error("the access token for the XOAUTH2 sign-in is empty")]
    EmptyToken,
}

impl InvalidUser {
    /// `XOAUTH2_BAD_USERNAME` for `server`; an empty token is the app's own fault: `INTERNAL`.
    pub fn finding(&self, server: &str) -> crate::findings::Finding {
        use crate::findings::{Finding, FindingCode, Param};
        match self {
            InvalidUser::User(_) => Finding::new(FindingCode::Xoauth2BadUsername)
                .with(Param::Server, server)
                .with(Param::Problem, self.to_string()),
            InvalidUser::EmptyToken => {
                Finding::internal(format!("{self}; nothing was sent to {server}"))
            }
        }
    }
}

/// The raw (not yet base64-encoded) XOAUTH2 initial response. Secret: it holds the token.
///
/// # Errors
/// [`InvalidUser::User`] unless `user` is a plain address (what [`crate::address::Address`]
/// accepts, in its normalised form): Exchange answers anything else with `501 5.5.124` (test
/// `field_t05_xoauth2_user_must_be_a_plain_address`); [`InvalidUser::EmptyToken`] for an empty
/// or blank token.
pub fn initial_response(
    user: &str,
    access_token: &SecretString,
) -> Result<SecretString, InvalidUser> {
    let plain = crate::address::Address::parse(user).is_ok_and(|a| a.normalized() == user);
    if !plain {
        return Err(InvalidUser::User(user.chars().take(100).collect()));
    }
    if access_token.expose_secret().trim().is_empty() {
        return Err(InvalidUser::EmptyToken);
    }
    Ok(SecretString::from(format!(
        "user={user}\x01auth=Bearer {}\x01\x01",
        access_token.expose_secret()
    )))
}

/// The base64 form of [`initial_response`], as sent on the wire. Secret.
///
/// # Errors
/// As [`initial_response`].
pub fn encoded_initial_response(
    user: &str,
    access_token: &SecretString,
) -> Result<SecretString, InvalidUser> {
    let raw = initial_response(user, access_token)?;
    Ok(SecretString::from(
        base64::engine::general_purpose::STANDARD.encode(raw.expose_secret().as_bytes()),
    ))
}

/// What the error challenge of a refused XOAUTH2 sign-in says about the refusal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Status 401 (or RFC 6750's `invalid_token`): the token expired or is not valid —
    /// renewing it can help.
    Token,
    /// Status 400 (`invalid_request`): the request — the `user=`, the token's audience — not
    /// the token's validity.
    Request,
}

/// The refusal an error challenge (its decoded JSON, e.g.
/// `{"status":"401","schemes":"bearer","scope":"https://mail.google.com/"}`) names. Google's
/// XOAUTH2 page gives `status` as an HTTP status in a string; RFC 7628 §3.2.2 (OAUTHBEARER,
/// which Dovecot also uses for XOAUTH2) as an RFC 6750 §3.1 error code.
pub fn refusal(challenge: &str) -> Option<Refusal> {
    let json: serde_json::Value = serde_json::from_str(challenge).ok()?;
    let status = match json.get("status")? {
        serde_json::Value::String(s) => s.trim().to_ascii_lowercase(),
        serde_json::Value::Number(n) => n.to_string(),
        _ => return None,
    };
    match status.as_str() {
        "401" | "invalid_token" => Some(Refusal::Token),
        "400" | "invalid_request" => Some(Refusal::Request),
        _ => None,
    }
}

/// `f` (the server's final verdict, classified) told apart by the error challenge: a token
/// refusal becomes `ACCESS_TOKEN_REFUSED`, a bad request `XOAUTH2_BAD_REQUEST`; the challenge
/// is kept as evidence (test `field_t25_xoauth2_challenge_status_400_and_401_are_told_apart`).
pub fn refused(
    f: crate::findings::Finding,
    challenge: Option<&str>,
    server: &str,
) -> crate::findings::Finding {
    use crate::findings::{FindingCode, Param};
    let Some(challenge) = challenge else {
        return f;
    };
    let code = match refusal(challenge) {
        Some(Refusal::Token) => Some(FindingCode::AccessTokenRefused),
        Some(Refusal::Request) => Some(FindingCode::Xoauth2BadRequest),
        None => None,
    };
    let f = match code {
        Some(code) => f.recode(code).with(Param::Server, server),
        None => f,
    };
    f.with_evidence(format!("XOAUTH2 challenge: {challenge}"))
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
    ///
    /// # Errors
    /// As [`initial_response`].
    pub fn new(user: &str, access_token: &SecretString) -> Result<Self, InvalidUser> {
        Ok(ImapXoauth2 {
            response: initial_response(user, access_token)?,
            sent: false,
            error_challenge: None,
        })
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
    use crate::findings::{Finding, FindingCode};

    #[test]
    fn field_t25_xoauth2_challenge_status_400_and_401_are_told_apart() {
        // The challenge of the field report, decoded; Google's form; Dovecot's RFC 7628 form.
        let bad_request =
            r#"{"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}"#;
        let expired =
            r#"{"status":"401","schemes":"bearer mac","scope":"https://mail.google.com/"}"#;
        let dovecot = r#"{"status":"invalid_token","schemes":"bearer","scope":"mail"}"#;
        assert_eq!(refusal(bad_request), Some(Refusal::Request));
        assert_eq!(refusal(expired), Some(Refusal::Token));
        assert_eq!(refusal(dovecot), Some(Refusal::Token));
        assert_eq!(refusal(r#"{"status":"403"}"#), None);
        assert_eq!(refusal("not json"), None);
        let rejected = || Finding::new(FindingCode::AuthRejected);
        let f = refused(rejected(), Some(bad_request), "imap.gmail.com:993");
        assert_eq!(f.code, FindingCode::Xoauth2BadRequest);
        assert!(f.evidence.as_deref().unwrap().contains("\"400\""));
        let f = refused(rejected(), Some(expired), "imap.gmail.com:993");
        assert_eq!(f.code, FindingCode::AccessTokenRefused);
        assert!(
            f.to_text().contains("imap.gmail.com:993"),
            "{}",
            f.to_text()
        );
        // No challenge (Exchange answers 535 5.7.3 at once): the classified verdict stays.
        assert_eq!(
            refused(rejected(), None, "x").code,
            FindingCode::AuthRejected
        );
    }

    #[test]
    fn encoding_matches_the_documented_example() {
        // The example of Microsoft's and Google's XOAUTH2 pages: base64("user=user@example.edu\x01auth=Bearer ACCESS_TOKEN\x01\x01")
        let token = SecretString::from("ACCESS_TOKEN");
        assert_eq!(
            encoded_initial_response("user@example.edu", &token)
                .unwrap()
                .expose_secret(),
            "dXNlcj11c2VyQGV4YW1wbGUuZWR1AWF1dGg9QmVhcmVyIEFDQ0VTU19UT0tFTgEB"
        );
        let shared = encoded_initial_response("shared@example.edu", &token).unwrap();
        assert_eq!(
            shared.expose_secret(),
            "dXNlcj1zaGFyZWRAZXhhbXBsZS5lZHUBYXV0aD1CZWFyZXIgQUNDRVNTX1RPS0VOAQE="
        );
    }

    #[test]
    fn authenticator_answers_error_challenge_with_empty_response() {
        use async_imap::Authenticator as _;
        let mut a = ImapXoauth2::new("u@example.edu", &SecretString::from("T")).unwrap();
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
        let s = initial_response("u@example.edu", &SecretString::from("TOPSECRET")).unwrap();
        assert!(!format!("{s:?}").contains("TOPSECRET"));
    }

    #[test]
    fn field_t05_xoauth2_user_must_be_a_plain_address() {
        // The bad payloads of sasl-xoauth2#110: nothing is built for them, so nothing is sent.
        let token = SecretString::from("ACCESS_TOKEN");
        for user in [
            "",
            "Jane Doe <user@example.edu>",
            " user@example.edu ",
            "user@example.edu\x01auth=Bearer x",
            "User@Example.edu",
        ] {
            let err = initial_response(user, &token).unwrap_err();
            assert!(ImapXoauth2::new(user, &token).is_err(), "{user:?}");
            let f = err.finding("smtp.office365.com:587");
            assert_eq!(f.code, crate::findings::FindingCode::Xoauth2BadUsername);
            assert!(!f.to_text().contains("ACCESS_TOKEN"));
        }
        // What Exchange answers when it gets one anyway is named for what it is.
        let reply = "501 5.5.124 Invalid XOAUTH2 auth data - User address provided is not valid. Please ensure the auth d";
        let f = crate::findings::classify::smtp_reply(reply);
        assert_eq!(f.code, crate::findings::FindingCode::Xoauth2BadUsername);
        assert!(
            f.audience != crate::findings::Audience::User,
            "not the person's password"
        );
    }
}
