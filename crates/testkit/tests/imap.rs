//! The IMAP transcripts walked through with async-imap 0.12 (and a raw client for what
//! async-imap does not send), as crates/core drives it.

mod common;

use std::time::Duration;

use base64::Engine as _;
use common::*;
use mailsetup_testkit::{Script, ScriptedServer, TestCa, transcripts};

const WAIT: Duration = Duration::from_secs(5);

fn server(ca: &TestCa, transcript: &str) -> ScriptedServer {
    ScriptedServer::imap(Script::new(transcript), localhost(ca))
}

#[tokio::test]
async fn exchange_authenticated_but_not_connected() {
    let ca = TestCa::new();
    let server = server(&ca, transcripts::EXCHANGE_IMAP_AUTHENTICATED_NOT_CONNECTED);
    let (client, greeting) = imap_client(&server, &ca).await;
    assert!(greeting.starts_with("* OK The Microsoft Exchange IMAP4 service is ready. [TQBOADIA"));
    let mut auth = Xoauth2::new();
    let mut session = client
        .authenticate("XOAUTH2", &mut auth)
        .await
        .map_err(|(e, _)| e)
        .unwrap();
    assert!(auth.error_challenge.is_none());
    let e = session.select("INBOX").await.unwrap_err();
    match &e {
        async_imap::error::Error::Bad(text) => {
            assert!(
                text.contains("User is authenticated but not connected."),
                "{text}"
            );
        }
        other => panic!("expected BAD, got {other:?}"),
    }
    drop(session);
    assert!(server.wait_closed(WAIT));

    let t = server.transcript();
    // async-imap skips CAPABILITY, tags A0001…, and waits for "+ " before the token.
    assert_eq!(
        t,
        [
            "! connection 1",
            "! tls",
            "S: * OK The Microsoft Exchange IMAP4 service is ready. [TQBOADIAUABSADAANQBDAEEAMAAwADAANAAuAG4AYQBtAHAAcgBkADAANQAuAHAAcgBvAGQALgBvAHUAdABsAG8AbwBrAC4AYwBvAG0A]",
            "C: A0001 AUTHENTICATE XOAUTH2",
            "S: + ",
            "C: <redacted>",
            "S: A0001 OK AUTHENTICATE completed.",
            "C: A0002 SELECT \"INBOX\"",
            "S: A0002 BAD User is authenticated but not connected.",
            "S: * BYE Connection closed. 14",
            "! close",
        ]
    );
    assert_no_secrets(&server);
    let auth = server.received_auth();
    assert_eq!(auth[0], "A0001 AUTHENTICATE XOAUTH2");
    let raw = base64::engine::general_purpose::STANDARD
        .decode(&auth[1])
        .unwrap();
    assert_eq!(String::from_utf8(raw).unwrap(), xoauth2_raw(USER, TOKEN));
}

#[tokio::test]
async fn exchange_ok_selects_inbox_and_answers_capability_generically() {
    let ca = TestCa::new();
    let server = server(&ca, transcripts::EXCHANGE_IMAP_OK);
    let (client, _) = imap_client(&server, &ca).await;
    let mut auth = Xoauth2::new();
    let mut session = client
        .authenticate("XOAUTH2", &mut auth)
        .await
        .map_err(|(e, _)| e)
        .unwrap();
    // Not in the script at this point: answered from the script's CAPABILITY line.
    let caps = session.capabilities().await.unwrap();
    assert!(caps.has_str("AUTH=XOAUTH2"));
    assert!(caps.has_str("SASL-IR"));
    let mailbox = session.select("INBOX").await.unwrap();
    assert_eq!(mailbox.exists, 3);
    assert_eq!(mailbox.uid_validity, Some(14));
    session.noop().await.unwrap();
    session.logout().await.unwrap();
    drop(session);
    assert!(server.wait_closed(WAIT));
    let t = server.transcript();
    assert!(server.mismatches().is_empty(), "{t:#?}");
    assert!(
        t.contains(&"S: A0002 OK CAPABILITY completed.".into()),
        "{t:#?}"
    );
    assert!(t.contains(&"S: A0003 OK [READ-WRITE] SELECT completed.".into()));
    assert!(t.contains(&"S: A0004 OK NOOP completed.".into()));
    assert!(t.contains(&"S: A0005 OK LOGOUT completed.".into()));
    assert_eq!(t.last().unwrap(), "! close");
    assert_no_secrets(&server);
}

#[tokio::test]
async fn exchange_basic_auth_disabled_login_and_authenticate_plain() {
    let ca = TestCa::new();
    let server = server(&ca, transcripts::EXCHANGE_IMAP_BASIC_AUTH_DISABLED);

    let (client, greeting) = imap_client(&server, &ca).await;
    assert_eq!(greeting, "* OK Microsoft Exchange IMAP4 service ready.");
    let (e, _client) = client.login(USER, PASSWORD).await.unwrap_err();
    assert!(
        matches!(&e, async_imap::error::Error::No(t) if t.contains("Basic authentication is disabled.")),
        "{e:?}"
    );

    let (client, _) = imap_client(&server, &ca).await;
    let (e, _client) = client.authenticate("PLAIN", Plain).await.unwrap_err();
    assert!(
        matches!(&e, async_imap::error::Error::No(t) if t.contains("Basic authentication is disabled.")),
        "{e:?}"
    );
    drop(_client);

    assert!(server.wait_closed(WAIT));
    let t = server.transcript();
    assert!(t.contains(&"C: A0001 LOGIN <redacted>".into()), "{t:#?}");
    // Without an initial response, AUTHENTICATE PLAIN first gets the "+ " a real server sends.
    let at = t
        .iter()
        .position(|l| l == "C: A0001 AUTHENTICATE PLAIN")
        .unwrap();
    assert_eq!(
        t[at..at + 5],
        [
            "C: A0001 AUTHENTICATE PLAIN",
            "S: + ",
            "C: <redacted>",
            "S: A0001 NO Basic authentication is disabled.",
            "S: * BYE Microsoft Exchange Server IMAP4 server signing off.",
        ]
    );
    assert!(server.mismatches().is_empty(), "{t:#?}");
    assert_no_secrets(&server);
}

#[tokio::test]
async fn gmail_app_password_required_and_webalert() {
    let ca = TestCa::new();
    let app = server(&ca, transcripts::GMAIL_IMAP_APP_PASSWORD_REQUIRED);
    let (client, greeting) = imap_client(&app, &ca).await;
    assert_eq!(
        greeting,
        "* OK Gimap ready for requests from 203.0.113.9 a1mb123"
    );
    let (e, _) = client.login(USER, PASSWORD).await.unwrap_err();
    let text = e.to_string();
    assert!(text.contains("Alert"), "{text}");
    assert!(
        text.contains("Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)"),
        "{text}"
    );

    let web = server(&ca, transcripts::GMAIL_IMAP_WEBALERT);
    let (client, _) = imap_client(&web, &ca).await;
    let (e, _) = client.login(USER, PASSWORD).await.unwrap_err();
    assert!(
        e.to_string()
            .contains("Please log in via your web browser: https://support.google.com/mail/accounts/answer/78754 (Failure)"),
        "{e}"
    );

    for s in [&app, &web] {
        assert!(s.wait_closed(WAIT));
        assert!(s.mismatches().is_empty(), "{:#?}", s.transcript());
        assert_no_secrets(s);
    }
    assert!(web.transcript().contains(
        &"S: * NO [WEBALERT https://accounts.google.com/signin/continue?sarp=1&scc=1&plt=AKgnsbsExample] Web login required.".into()
    ));
}

#[tokio::test]
async fn gmail_xoauth2_error_challenge() {
    let ca = TestCa::new();
    let server = server(&ca, transcripts::GMAIL_IMAP_XOAUTH2_CHALLENGE);
    let (client, _) = imap_client(&server, &ca).await;
    let mut auth = Xoauth2::new();
    let (e, _) = client
        .authenticate("XOAUTH2", &mut auth)
        .await
        .map(|_| ())
        .unwrap_err();
    assert_eq!(
        auth.error_challenge.as_deref(),
        Some(r#"{"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}"#)
    );
    assert!(
        matches!(&e, async_imap::error::Error::No(t) if t.contains("Invalid credentials (Failure)")),
        "{e:?}"
    );
    assert!(server.wait_closed(WAIT));
    let t = server.transcript();
    let at = t
        .iter()
        .position(|l| l == "C: A0001 AUTHENTICATE XOAUTH2")
        .unwrap();
    assert_eq!(t[at + 1], "S: + ");
    assert_eq!(t[at + 2], "C: <redacted>");
    assert!(t[at + 3].starts_with("S: + eyJzdGF0dXMiOiI0MDAi"));
    assert_eq!(t[at + 4], "C: ");
    assert_eq!(
        t[at + 5],
        "S: A0001 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)"
    );
    assert_eq!(t.last().unwrap(), "! client closed");
    assert!(server.mismatches().is_empty(), "{t:#?}");
    assert_no_secrets(&server);
}

#[tokio::test]
async fn sasl_ir_skips_the_empty_continuation() {
    let ca = TestCa::new();
    let server = server(&ca, transcripts::GMAIL_IMAP_XOAUTH2_CHALLENGE);
    let mut raw = RawClient::connect(&server, &ca).await;
    raw.line().await.unwrap();
    raw.send("c1 CAPABILITY").await;
    let caps = raw.until("c1 ").await;
    assert!(caps[0].starts_with("* CAPABILITY IMAP4rev1 UNSELECT"));
    assert_eq!(caps[1], "c1 OK Thats all she wrote! a1mb123");
    let ir = b64(xoauth2_raw(USER, TOKEN).as_bytes());
    raw.send(&format!("c2 AUTHENTICATE XOAUTH2 {ir}")).await;
    let challenge = raw.line().await.unwrap();
    assert!(challenge.starts_with("+ eyJ"), "{challenge}");
    raw.send("").await;
    assert_eq!(
        raw.line().await.unwrap(),
        "c2 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)"
    );
    raw.send("c3 LOGOUT").await;
    assert_eq!(
        raw.until("c3 ").await,
        ["* BYE LOGOUT Requested", "c3 OK 73 good day (Success)"]
    );
    assert_eq!(raw.line().await, None);
    assert!(server.wait_closed(WAIT));
    let t = server.transcript();
    assert!(t.contains(&"C: c2 AUTHENTICATE XOAUTH2 <redacted>".into()));
    assert!(server.mismatches().is_empty(), "{t:#?}");
    assert_no_secrets(&server);
}

#[tokio::test]
async fn unexpected_command_is_recorded_and_refused() {
    let ca = TestCa::new();
    let server = server(&ca, transcripts::EXCHANGE_IMAP_OK);
    let mut raw = RawClient::connect(&server, &ca).await;
    raw.line().await.unwrap();
    raw.send("x1 ID (\"name\" \"mailsetup\")").await;
    assert_eq!(raw.until("x1 ").await, ["* ID NIL", "x1 OK ID completed."]);
    raw.send("x2 FETCH 1 BODY[]").await;
    assert_eq!(raw.line().await.unwrap(), "x2 BAD unexpected command");
    assert_eq!(raw.line().await, None);
    assert!(server.wait_closed(WAIT));
    assert_eq!(
        server.mismatches(),
        ["MISMATCH expected A1 AUTHENTICATE XOAUTH2 got x2 FETCH 1 BODY[]"]
    );
}
