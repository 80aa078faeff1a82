//! The SMTP session against scripted Exchange Online replies (the test kit's servers, over TLS
//! with a test CA): what is sent, and how Exchange's answers read.

use secrecy::SecretString;

use super::Smtp;
use crate::findings::{Audience, FindingCode};
use crate::net::Trust;
use crate::provider::{Endpoint, Security};
use crate::settings::Timeouts;
use mailsetup_testkit::{Script, ScriptedServer, TestCa};

/// Exchange Online up to the EHLO after STARTTLS (the greeting and EHLO lines of
/// <https://github.com/simonrob/email-oauth2-proxy/issues/193>).
const PRELUDE: &str =
    "S: 220 AM0PR01CA0001.outlook.office365.com Microsoft ESMTP MAIL Service ready
C: EHLO client.example
S: 250-AM0PR01CA0001.outlook.office365.com Hello [203.0.113.9]
S: 250-SIZE 157286400
S: 250-ENHANCEDSTATUSCODES
S: 250-STARTTLS
S: 250 SMTPUTF8
C: STARTTLS
S: 220 2.0.0 SMTP server ready
!starttls
C: EHLO client.example
S: 250-AM0PR01CA0001.outlook.office365.com Hello [203.0.113.9]
S: 250-ENHANCEDSTATUSCODES
S: 250-AUTH LOGIN XOAUTH2
S: 250 SMTPUTF8
";

/// A session with `after` following the prelude, and the app connected to it.
async fn session(after: &str) -> (ScriptedServer, Smtp) {
    let ca = TestCa::new();
    let server = ScriptedServer::smtp(
        Script::new(&format!("{PRELUDE}{after}")),
        ca.server_config(&["localhost", "127.0.0.1"]),
    );
    let trust = Trust::new(Some(ca.pem().as_bytes()));
    let endpoint = Endpoint {
        host: "127.0.0.1".into(),
        port: server.port(),
        security: Security::StartTls,
    };
    let smtp = Smtp::connect(&endpoint, &trust, &Timeouts::default())
        .await
        .expect("the prelude connects");
    (server, smtp)
}

/// A production-sized Entra access token (2,900 characters).
fn token() -> SecretString {
    SecretString::from(format!(
        "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.{}",
        "a".repeat(2_863)
    ))
}

/// N09 (https://github.com/harishkrupo/oauth2ms/issues/5, https://github.com/jstedfast/MailKit/issues/566):
/// `451 4.7.0 Temporary server error ... PRX4` in reply to AUTH is Exchange's front end failing
/// the sign-in, for the helpdesk, not a temporary failure to wait out.
#[tokio::test]
async fn field_n09_prx_after_auth_is_a_front_end_error_not_a_temporary_one() {
    let (server, mut smtp) = session(
        "C: AUTH XOAUTH2 <token>
S: 451 4.7.0 Temporary server error. Please try again later. PRX4 [AM0PR01CA0001.eurprd01.prod.exchangelabs.com]
",
    )
    .await;
    let f = smtp
        .auth_xoauth2("ann@example.edu", &token())
        .await
        .unwrap_err()
        .finish();
    assert_eq!(f.code, FindingCode::M365AuthFrontendError, "{f:?}");
    assert_eq!(f.audience, Audience::Helpdesk);
    assert!(f.explanation.contains("PRX4"), "{}", f.explanation);
    assert!(
        f.title.contains(&format!("127.0.0.1:{}", server.port())),
        "{}",
        f.title
    );
    assert!(server.mismatches().is_empty(), "{:?}", server.transcript());
}

/// N09: an empty access token is refused before anything is sent (the server sees no AUTH),
/// as the app's own fault.
#[tokio::test]
async fn field_n09_an_empty_token_is_never_sent() {
    let (server, mut smtp) =
        session("C?: QUIT\nS: 221 2.0.0 Service closing transmission channel\n").await;
    for empty in ["", "   "] {
        let f = smtp
            .auth_xoauth2("ann@example.edu", &SecretString::from(empty))
            .await
            .unwrap_err();
        assert_eq!(f.code, FindingCode::Internal);
        assert!(f.cause.unwrap().contains("empty"));
    }
    smtp.quit().await;
    assert!(
        server.received_auth().is_empty(),
        "{:?}",
        server.transcript()
    );
    // IMAP builds its answer the same way.
    assert!(
        crate::mail::xoauth2::ImapXoauth2::new("ann@example.edu", &SecretString::from("")).is_err()
    );
}
