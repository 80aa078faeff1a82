//! The SMTP transcripts walked through with lettre 0.11, as crates/core drives it.

mod common;

use std::time::Duration;

use base64::Engine as _;
use common::*;
use lettre::address::Envelope;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use mailsetup_testkit::{Script, ScriptedServer, TestCa, transcripts};

const WAIT: Duration = Duration::from_secs(5);

fn server(ca: &TestCa, transcript: &str) -> ScriptedServer {
    ScriptedServer::smtp(Script::new(transcript), localhost(ca))
}

fn credentials() -> Credentials {
    Credentials::new(USER.into(), PASSWORD.into())
}

fn envelope(from: &str) -> Envelope {
    Envelope::new(
        Some(from.parse().unwrap()),
        vec!["user@example.com".parse().unwrap()],
    )
    .unwrap()
}

const MESSAGE: &[u8] =
    b"From: a@example.com\r\nTo: user@example.com\r\nSubject: test\r\n\r\nHello.\r\n";

#[tokio::test]
async fn exchange_tenant_disabled_with_xoauth2() {
    let ca = TestCa::new();
    let server = server(&ca, transcripts::EXCHANGE_SMTP_AUTH_DISABLED_TENANT);
    let mut conn = smtp_tls(&server, &ca).await;
    assert!(
        conn.server_info()
            .supports_auth_mechanism(Mechanism::Xoauth2)
    );
    assert!(conn.server_info().supports_auth_mechanism(Mechanism::Login));
    assert!(!conn.server_info().supports_auth_mechanism(Mechanism::Plain));

    let e = conn
        .command(Line(smtp_xoauth2_command().trim_end()))
        .await
        .unwrap_err();
    assert_eq!(
        smtp_error_text(&e),
        "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [MN2PR05CA0004.namprd05.prod.outlook.com 2023-09-12T20:59:57.214Z 08DBB276B7E699C4]"
    );
    let bye = conn.quit().await.unwrap();
    assert_eq!(bye.code().to_string(), "221");
    drop(conn);
    assert!(server.wait_closed(WAIT));

    let t = server.transcript();
    assert_eq!(t[0], "! connection 1");
    assert!(t[1].starts_with("S: 220 MN2PR05CA0004.outlook.office365.com Microsoft ESMTP"));
    assert!(t[2].starts_with("C: EHLO "));
    assert!(t.contains(&"C: STARTTLS".to_string()));
    assert!(t.contains(&"! starttls".to_string()));
    assert!(t.contains(&"S: 250-AUTH LOGIN XOAUTH2".to_string()));
    assert!(
        t.contains(&"C: AUTH XOAUTH2 <redacted>".to_string()),
        "{t:#?}"
    );
    assert!(t.ends_with(&[
        "C: QUIT".to_string(),
        "S: 221 2.0.0 Service closing transmission channel".to_string(),
        "! close".to_string(),
    ]));
    assert!(server.mismatches().is_empty(), "{t:#?}");
    assert_no_secrets(&server);

    // The raw AUTH line is kept apart: the XOAUTH2 user can be decoded from it.
    let auth = server.received_auth();
    assert_eq!(auth.len(), 1);
    let b64 = auth[0].strip_prefix("AUTH XOAUTH2 ").unwrap();
    let raw = base64::engine::general_purpose::STANDARD
        .decode(b64)
        .unwrap();
    assert_eq!(String::from_utf8(raw).unwrap(), xoauth2_raw(USER, TOKEN));
}

#[tokio::test]
async fn quit_is_optional() {
    let ca = TestCa::new();
    let server = server(&ca, transcripts::EXCHANGE_SMTP_AUTH_DISABLED_MAILBOX);
    let mut conn = smtp_tls(&server, &ca).await;
    let e = conn
        .command(Line(smtp_xoauth2_command().trim_end()))
        .await
        .unwrap_err();
    assert!(smtp_error_text(&e).starts_with(
        "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox."
    ));
    drop(conn); // no QUIT
    assert!(server.wait_closed(WAIT));
    let t = server.transcript();
    assert_eq!(t.last().unwrap(), "! client closed", "{t:#?}");
    assert!(server.mismatches().is_empty());
}

#[tokio::test]
async fn lettre_auth_login_gets_prompts_then_basic_auth_disabled() {
    let ca = TestCa::new();
    let server = server(&ca, transcripts::EXCHANGE_SMTP_BASIC_AUTH_DISABLED);
    let mut conn = smtp_tls(&server, &ca).await;
    let e = conn
        .auth(&[Mechanism::Login], &credentials())
        .await
        .unwrap_err();
    assert_eq!(
        smtp_error_text(&e),
        "535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [PN0PR01CA0024.INDPRD01.PROD.OUTLOOK.COM 2025-01-26T18:54:30.055Z 08DD3DD7D75D7743]"
    );
    // A failure inside lettre's challenge loop makes lettre abort: it sends QUIT itself.
    assert!(conn.has_broken());
    drop(conn);
    assert!(server.wait_closed(WAIT));
    let t = server.transcript();
    assert!(t.ends_with(&[
        "C: QUIT".to_string(),
        "S: 221 2.0.0 Service closing transmission channel".to_string(),
        "! close".to_string(),
    ]));
    let auth_at = t.iter().position(|l| l == "C: AUTH LOGIN").unwrap();
    assert_eq!(
        t[auth_at..auth_at + 5],
        [
            "C: AUTH LOGIN",
            "S: 334 VXNlcm5hbWU6",
            "C: <redacted>",
            "S: 334 UGFzc3dvcmQ6",
            "C: <redacted>",
        ]
    );
    assert!(server.mismatches().is_empty(), "{t:#?}");
    assert_no_secrets(&server);
    assert_eq!(
        server.received_auth(),
        [
            "AUTH LOGIN".to_string(),
            b64(USER.as_bytes()),
            b64(PASSWORD.as_bytes())
        ]
    );
}

#[tokio::test]
async fn gmail_app_password_required_plain_and_login() {
    let ca = TestCa::new();
    let expected = "534 5.7.9 Application-specific password required. Learn more at https://support.google.com/mail/?p=InvalidSecondFactor o13sm2119833lfg.90 - gsmtp";

    let plain = server(&ca, transcripts::GMAIL_SMTP_APP_PASSWORD_REQUIRED_PLAIN);
    let mut conn = smtp_tls(&plain, &ca).await;
    assert_eq!(
        conn.server_info().to_string().split_whitespace().next(),
        Some("smtp.gmail.com")
    );
    let e = conn
        .auth(&[Mechanism::Plain], &credentials())
        .await
        .unwrap_err();
    assert_eq!(joined_error(&e), expected);
    conn.quit().await.unwrap();

    // The same (one-step) script also serves AUTH LOGIN, with made-up prompts.
    let mut conn = smtp_tls(&plain, &ca).await;
    let e = conn
        .auth(&[Mechanism::Login], &credentials())
        .await
        .unwrap_err();
    assert_eq!(joined_error(&e), expected);
    drop(conn);

    let login = server(&ca, transcripts::GMAIL_SMTP_APP_PASSWORD_REQUIRED_LOGIN);
    let mut conn = smtp_tls(&login, &ca).await;
    let e = conn
        .auth(&[Mechanism::Login], &credentials())
        .await
        .unwrap_err();
    assert_eq!(joined_error(&e), expected);
    drop(conn);

    for s in [&plain, &login] {
        assert!(s.wait_closed(WAIT));
        assert!(s.mismatches().is_empty(), "{:#?}", s.transcript());
        assert_no_secrets(s);
    }
    assert_eq!(plain.connections(), 2);
    let t = plain.transcript();
    assert_eq!(
        t.iter()
            .filter(|l| *l == "C: AUTH PLAIN <redacted>")
            .count(),
        1,
        "{t:#?}"
    );
}

/// lettre joins the lines of a multi-line reply with a space, without their enhanced codes.
fn joined_error(e: &lettre::transport::smtp::Error) -> String {
    smtp_error_text(e)
}

#[tokio::test]
async fn gmail_bad_credentials_multi_line() {
    let ca = TestCa::new();
    let server = server(&ca, transcripts::GMAIL_SMTP_BAD_CREDENTIALS);
    let mut conn = smtp_tls(&server, &ca).await;
    let e = conn
        .auth(&[Mechanism::Plain], &credentials())
        .await
        .unwrap_err();
    assert_eq!(
        smtp_error_text(&e),
        "535 5.7.8 Username and Password not accepted. For more information, go to https://support.google.com/mail/?p=BadCredentials a640c23a62f3a-abc - gsmtp"
    );
    conn.quit().await.unwrap();
    drop(conn);
    assert!(server.wait_closed(WAIT));
    let t = server.transcript();
    assert!(t.contains(
        &"S: 535-5.7.8 Username and Password not accepted. For more information, go to".into()
    ));
    assert!(server.mismatches().is_empty());
    assert_no_secrets(&server);
}

#[tokio::test]
async fn gmail_xoauth2_error_challenge_answered_with_empty_line() {
    let ca = TestCa::new();
    let server = server(&ca, transcripts::GMAIL_SMTP_XOAUTH2_CHALLENGE);
    let mut conn = smtp_tls(&server, &ca).await;
    let challenge = conn
        .command(Line(smtp_xoauth2_command().trim_end()))
        .await
        .unwrap();
    assert_eq!(challenge.code().to_string(), "334");
    let json = base64::engine::general_purpose::STANDARD
        .decode(challenge.first_word().unwrap())
        .unwrap();
    assert_eq!(
        String::from_utf8(json).unwrap(),
        r#"{"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}"#
    );
    let e = conn.command(Line("")).await.unwrap_err();
    assert!(smtp_error_text(&e).starts_with("535 5.7.8 Username and Password not accepted."));
    conn.quit().await.unwrap();
    drop(conn);
    assert!(server.wait_closed(WAIT));
    let t = server.transcript();
    let at = t
        .iter()
        .position(|l| l == "C: AUTH XOAUTH2 <redacted>")
        .unwrap();
    assert!(t[at + 1].starts_with("S: 334 eyJzdGF0dXMiOiI0MDAi"));
    assert_eq!(t[at + 2], "C: ", "the empty answer is shown as is");
    assert!(server.mismatches().is_empty());
    assert_no_secrets(&server);
}

#[tokio::test]
async fn exchange_send_as_denied_after_data() {
    let ca = TestCa::new();
    let server = server(&ca, transcripts::EXCHANGE_SMTP_SEND_AS_DENIED);
    let mut conn = smtp_tls(&server, &ca).await;
    let ok = conn
        .command(Line(smtp_xoauth2_command().trim_end()))
        .await
        .unwrap();
    assert_eq!(ok.code().to_string(), "235");
    // lettre's send: MAIL, RCPT, DATA, body, "."; on the 554 it sends QUIT itself (abort).
    let e = conn
        .send(&envelope("shared@example.com"), MESSAGE)
        .await
        .unwrap_err();
    assert_eq!(
        smtp_error_text(&e),
        "554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message Cannot submit message. 0.35250:0A000000, 1.36674:0A000000 [Hostname=AB1PR01MB0001.eurprd01.prod.exchangelabs.com]"
    );
    drop(conn);
    assert!(server.wait_closed(WAIT));
    let t = server.transcript();
    let at = t.iter().position(|l| l == "C: DATA").unwrap();
    assert_eq!(
        t[at..at + 4],
        [
            "C: DATA",
            "S: 354 Start mail input; end with <CRLF>.<CRLF>",
            // 5 message lines + the CRLF lettre adds before the final ".".
            "C: <message body: 6 lines>",
            "C: .",
        ]
    );
    assert!(t.contains(&"C: QUIT".into()), "{t:#?}");
    assert!(server.mismatches().is_empty(), "{t:#?}");
    assert_no_secrets(&server);
}

#[tokio::test]
async fn exchange_ok_sends() {
    let ca = TestCa::new();
    let server = server(&ca, transcripts::EXCHANGE_SMTP_OK);
    let mut conn = smtp_tls(&server, &ca).await;
    conn.command(Line(smtp_xoauth2_command().trim_end()))
        .await
        .unwrap();
    let queued = conn
        .send(&envelope("user@example.com"), MESSAGE)
        .await
        .unwrap();
    assert_eq!(queued.code().to_string(), "250");
    assert_eq!(
        queued.message().collect::<Vec<_>>(),
        [
            "2.0.0 OK <AB1PR01MB0001F00DCAFE0123@AB1PR01MB0001.eurprd01.prod.exchangelabs.com> [Hostname=AB1PR01MB0001.eurprd01.prod.exchangelabs.com]"
        ]
    );
    conn.quit().await.unwrap();
    drop(conn);
    assert!(server.wait_closed(WAIT));
    assert!(server.mismatches().is_empty(), "{:#?}", server.transcript());
}

#[tokio::test]
async fn unexpected_command_is_recorded_and_refused() {
    let ca = TestCa::new();
    let server = server(&ca, transcripts::EXCHANGE_SMTP_OK);
    let mut conn = smtp_tls(&server, &ca).await;
    // NOOP is answered generically and does not disturb the script.
    conn.command(Line("NOOP")).await.unwrap();
    let e = conn.command(Line("VRFY postmaster")).await.unwrap_err();
    assert_eq!(smtp_error_text(&e), "500 5.5.2 unexpected command");
    drop(conn);
    assert!(server.wait_closed(WAIT));
    assert_eq!(
        server.mismatches(),
        ["MISMATCH expected AUTH XOAUTH2 <initial-response> got VRFY postmaster"]
    );
    let t = server.transcript();
    assert!(t.contains(&"S: 250 2.0.0 OK".into()));
    assert_eq!(t.last().unwrap(), "! close");
}

#[tokio::test]
async fn mismatched_auth_line_is_still_redacted() {
    let ca = TestCa::new();
    let script = Script::new("S: 220 hi\nC: EHLO x\nS: 250 hi\nC: MAIL FROM:<a@b>\nS: 250 ok\n");
    let server = ScriptedServer::smtp(script, localhost(&ca));
    let mut conn = smtp_plain(&server).await;
    let e = conn
        .command(Line(smtp_xoauth2_command().trim_end()))
        .await
        .unwrap_err();
    assert_eq!(e.status().unwrap().to_string(), "500");
    drop(conn);
    assert!(server.wait_closed(WAIT));
    assert_eq!(
        server.mismatches(),
        ["MISMATCH expected MAIL FROM:<a@b> got AUTH XOAUTH2 <redacted>"]
    );
    assert_no_secrets(&server);
}

#[test]
fn works_from_a_sync_test_and_serves_every_connection() {
    let ca = TestCa::new();
    let server = server(&ca, transcripts::GMAIL_SMTP_BAD_CREDENTIALS);
    for _ in 0..3 {
        let tcp = std::net::TcpStream::connect(server.addr()).unwrap();
        tcp.set_read_timeout(Some(WAIT)).unwrap();
        let mut reader = std::io::BufReader::new(tcp);
        let mut greeting = String::new();
        std::io::BufRead::read_line(&mut reader, &mut greeting).unwrap();
        assert_eq!(
            greeting,
            "220 smtp.gmail.com ESMTP a640c23a62f3a-abc - gsmtp\r\n"
        );
    }
    assert!(server.wait_closed(WAIT));
    assert_eq!(server.connections(), 3);
    let t = server.transcript();
    assert_eq!(
        t.iter()
            .filter(|l| l.starts_with("! client closed"))
            .count(),
        3
    );
    assert!(
        t.contains(&"! client closed, expected C: EHLO client.example".to_string()),
        "{t:#?}"
    );
}
