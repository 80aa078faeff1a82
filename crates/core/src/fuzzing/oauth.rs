//! What the identity provider and the browser send: JSON bodies, JWTs, the loopback callback.

use std::time::SystemTime;

use base64::Engine as _;
use oauth2::CsrfToken;
use secrecy::ExposeSecret as _;
use url::Url;

use super::checks::{finished, no_secret_from};
use crate::discovery::{OpenIdConfiguration, UserRealm, decide};
use crate::findings::Finding;
use crate::findings::classify::{EntraError, EntraPhase, entra};
use crate::oauth::claims::{IdClaims, TokenClaims, access_token_hint};
use crate::oauth::client::{EntraTokenResponse, Tokens, unreadable_answer};
use crate::oauth::loopback::{Expect, StartPage, decide as answer, parse_head};

const PHASES: [EntraPhase; 3] = [
    EntraPhase::Authorize,
    EntraPhase::CodeExchange,
    EntraPhase::Refresh,
];

/// JSON bodies: a token endpoint answer (tokens, or an Entra error of the expected shape or any
/// other), the OpenID configuration and the user realm read by discovery.
pub fn json(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(resp) = serde_json::from_slice::<EntraTokenResponse>(data) {
        for received in [SystemTime::UNIX_EPOCH, SystemTime::now()] {
            let tokens = Tokens::from_response(&resp, received, None);
            let shown = format!("{tokens:?}");
            let secret = tokens.access_token.expose_secret();
            assert!(secret.len() < 16 || !shown.contains(secret), "{shown}");
        }
    }
    let mut found = Vec::new();
    if let Ok(err) = serde_json::from_slice::<EntraError>(data) {
        let _ = (err.evidence(), err.aadsts(), err.to_string());
        found.extend(PHASES.iter().map(|p| entra(&err, *p)));
    }
    // The phase only picks the words of an AADSTS number found in the body: one is enough.
    found.push(unreadable_answer(&"not JSON", data, EntraPhase::Refresh));
    let found: Vec<Finding> = found.into_iter().map(Finding::finish).collect();
    found.iter().for_each(finished);
    no_secret_from(&text, &found);
    let oidc = serde_json::from_slice::<OpenIdConfiguration>(data).ok();
    let realm = serde_json::from_slice::<UserRealm>(data).ok();
    let mx = vec!["example-edu.mail.protection.outlook.com".to_owned()];
    let _ = decide("example.edu", mx, oidc, realm, Vec::new());
}

/// An ID token's header, for wrapping fuzzed payloads into a JWT.
const JWT_HEADER: &str = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9";

/// A JWT as the app reads tokens: the bytes as a whole token, and as the payload of one.
pub fn jwt(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(data);
    for token in [
        text.to_string(),
        format!("{JWT_HEADER}.{payload}.c2lnbmF0dXJl"),
    ] {
        let _ = crate::oauth::jwt::payload(&token);
        let mut found = Vec::new();
        match IdClaims::decode_unverified(&token) {
            Ok(claims) => {
                let _ = (claims.account_name(), claims.is_personal_account());
                found.extend(claims.check(Some("n0nce"), "client-id").err());
                found.extend(claims.check(None, "client-id").err());
                let _ = claims.exp.map(|e| crate::report::when(e.unsigned_abs()));
            }
            Err(e) => found.push(e.finding()),
        }
        let _ = access_token_hint(&token).describe();
        if let Some(claims) = TokenClaims::read(&token) {
            let _ = claims.exp.map(crate::report::when);
        }
        let found: Vec<Finding> = found.into_iter().map(Finding::finish).collect();
        found.iter().for_each(finished);
        no_secret_from(&token, &found);
    }
}

/// The listener's `state` and the start page's `nonce` in these tests: long enough never to
/// show up in a page by chance.
const STATE: &str = "st4te-Secret-0f-This-Sign-In";
const NONCE: &str = "n0nce-Secret-0f-This-Sign-In";
const HOST: &str = "127.0.0.1:53682";

/// The loopback listener: a request head (as read from the socket) and what the listener does
/// with it, start page not yet served and already served. No page but the start page shows this
/// sign-in's `state` or `nonce` unless the request itself carried it.
pub fn loopback(data: &[u8]) {
    let Ok(Some(head)) = parse_head(data) else {
        return;
    };
    let expect = Expect {
        host: HOST.into(),
        start_path: "/mailsetup-start/0neT1me".into(),
        path: "/".into(),
        state: CsrfToken::new(STATE.into()),
    };
    let start = StartPage {
        account: "ann@example.edu".into(),
        authorize_url: Url::parse(&format!(
            "https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize?client_id=c&state={STATE}&nonce={NONCE}"
        ))
        .expect("a valid URL"),
        delay_secs: 0,
    };
    let carried = carried(data);
    for decision in [
        answer(&head, &expect, Some(&start)),
        answer(&head, &expect, None),
    ] {
        let page = String::from_utf8_lossy(&decision.page.render()).into_owned();
        if !decision.started {
            for secret in [STATE, NONCE] {
                assert!(
                    !page.contains(secret) || carried.contains(secret),
                    "a page shows a secret of this sign-in: {page}"
                );
            }
        }
        // The start page is only a page: it never ends the sign-in.
        assert!(!(decision.started && decision.callback.is_some()));
    }
}

/// The request as text, and its query decoded (a `state` may come percent-encoded).
fn carried(data: &[u8]) -> String {
    let text = String::from_utf8_lossy(data);
    let decoded: String = url::form_urlencoded::parse(data)
        .map(|(k, v)| format!("{k}={v}\n"))
        .collect();
    format!("{text}\n{decoded}")
}
