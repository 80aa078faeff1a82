//! Exchange Online replies the local Postfix/Dovecot cannot produce, replayed
//! over TLS by the test kit's scripted servers. The sign-in is real (the local OpenID provider);
//! only the mail server on one side is scripted, so the other side is checked for real.

mod common;

use common::*;
use mailsetup_testkit::{LeafOptions, Script, ScriptedServer, TestCa, transcripts};
use serde_json::json;

fn secrets(env: &TestEnv) -> Vec<String> {
    let mut out = vec![
        env.vault_record().unwrap()["refresh_token"]
            .as_str()
            .unwrap()
            .to_owned(),
    ];
    if let Some(at) = env.vault_access_token() {
        out.push(at["access_token"].as_str().unwrap().to_owned());
    }
    out
}

#[test]
fn field_f01_exchange_smtp_auth_disabled_keeps_the_sign_in_and_checks_imap() {
    let env = TestEnv::new("f01", json!({}));
    env.sign_in_ok();
    let before = env.vault_record().unwrap();
    let ca = TestCa::new();
    let smtp = ScriptedServer::smtp(
        Script::new(transcripts::EXCHANGE_SMTP_AUTH_DISABLED_TENANT),
        ca.server_config(&["localhost", "127.0.0.1"]),
    );
    env.use_scripted(&ca, Some(&smtp), None);
    let (code, v) = env.run_json(&["verify", &env.address]);
    assert_eq!(code, 1);
    assert_eq!(codes(&v), ["M365_SMTP_AUTH_DISABLED"], "{v:#}");
    let f = first_finding(&v);
    assert_eq!(f["audience"], "admin");
    assert!(
        f["explanation"]
            .as_str()
            .unwrap()
            .contains("whole organisation"),
        "{f}"
    );
    assert!(
        f["steps"]
            .to_string()
            .contains("-SmtpClientAuthenticationDisabled $false"),
        "{f}"
    );
    assert!(
        !f["evidence"].as_str().unwrap().contains("MN2PR05CA0004"),
        "per-call ids removed"
    );
    // IMAP is checked for real on its own and passes; the sign-in is kept (no re-sign-in loop).
    assert_eq!(step(&v, "imap_select")["status"], "passed");
    assert_eq!(
        env.vault_record().unwrap()["refresh_token"],
        before["refresh_token"]
    );
    assert!(smtp.mismatches().is_empty(), "{:?}", smtp.transcript());
    assert!(
        smtp.transcript()
            .iter()
            .any(|l| l == "C: AUTH XOAUTH2 <redacted>"),
        "{:?}",
        smtp.transcript()
    );
    env.assert_no_secret_printed(&secrets(&env));
}

#[test]
fn mailbox_level_smtp_auth_switch_gets_the_mailbox_steps() {
    let env = TestEnv::new("mbxauth", json!({}));
    env.sign_in_ok();
    let ca = TestCa::new();
    let smtp = ScriptedServer::smtp(
        Script::new(transcripts::EXCHANGE_SMTP_AUTH_DISABLED_MAILBOX),
        ca.server_config(&["127.0.0.1"]),
    );
    env.use_scripted(&ca, Some(&smtp), None);
    let (_, v) = env.run_json(&["verify", &env.address]);
    let f = first_finding(&v);
    assert_eq!(f["code"], "M365_SMTP_AUTH_DISABLED");
    assert!(
        f["explanation"]
            .as_str()
            .unwrap()
            .contains("for this mailbox"),
        "{f}"
    );
    assert!(
        f["steps"]
            .to_string()
            .contains(&format!("Set-CASMailbox -Identity {}", env.address)),
        "the steps name the mailbox: {f}"
    );
}

#[test]
fn field_f03_accepted_then_not_connected_with_matching_claims_is_a_closed_mailbox() {
    let env = TestEnv::new("f03", json!({}));
    env.sign_in_ok();
    let ca = TestCa::new();
    let imap = ScriptedServer::imap(
        Script::new(transcripts::EXCHANGE_IMAP_AUTHENTICATED_NOT_CONNECTED),
        ca.server_config(&["127.0.0.1"]),
    );
    env.use_scripted(&ca, None, Some(&imap));
    let (code, v) = env.run_json(&["verify", &env.address]);
    assert_eq!(code, 1);
    // The claims matched at sign-in, so this is not the wrong-account trap but the reply's other
    // cause: the signed-in account has no access to the mailbox.
    assert_eq!(codes(&v), ["MAILBOX_ACCESS_DENIED"], "{v:#}");
    assert_eq!(
        step(&v, "imap_auth")["status"],
        "passed",
        "AUTHENTICATE alone is not success"
    );
    assert_eq!(step(&v, "imap_select")["status"], "failed");
    assert_eq!(
        step(&v, "smtp_auth")["status"],
        "passed",
        "SMTP is checked for real"
    );
    let f = first_finding(&v);
    assert_eq!(f["audience"], "helpdesk");
    assert!(
        f["steps"][0].as_str().unwrap().contains("ImapEnabled"),
        "{f}"
    );
    assert!(imap.mismatches().is_empty(), "{:?}", imap.transcript());
    assert!(
        imap.transcript()
            .iter()
            .any(|l| l.contains("AUTHENTICATE XOAUTH2")),
        "{:?}",
        imap.transcript()
    );
    env.assert_no_secret_printed(&secrets(&env));
}

#[test]
fn send_as_denied_at_submission_is_explained() {
    let env = TestEnv::new("sendas", json!({}));
    env.sign_in_ok();
    let ca = TestCa::new();
    let smtp = ScriptedServer::smtp(
        Script::new(transcripts::EXCHANGE_SMTP_SEND_AS_DENIED),
        ca.server_config(&["127.0.0.1"]),
    );
    env.use_scripted(&ca, Some(&smtp), None);
    let (code, v) = env.run_json(&["verify", &env.address, "--send-test"]);
    assert_eq!(code, 1);
    assert_eq!(codes(&v), ["SEND_AS_DENIED"], "{v:#}");
    assert_eq!(step(&v, "smtp_auth")["status"], "passed");
    assert!(
        smtp.transcript()
            .iter()
            .any(|l| l.starts_with("C: <message body")),
        "{:?}",
        smtp.transcript()
    );
}

#[test]
fn diagnose_names_an_expired_or_misnamed_certificate() {
    let env = TestEnv::new("badcert", json!({}));
    let ca = TestCa::new();
    let expired = ScriptedServer::smtp(
        Script::new(transcripts::EXCHANGE_SMTP_OK),
        ca.server_config_with(LeafOptions::expired(&["127.0.0.1"])),
    );
    let misnamed = ScriptedServer::imap(
        Script::new(transcripts::EXCHANGE_IMAP_OK),
        ca.server_config(&["outlook.office365.com"]),
    );
    env.use_scripted(&ca, Some(&expired), Some(&misnamed));
    let (code, v) = env.run_json(&["diagnose", &env.address]);
    assert_eq!(code, 1);
    assert_eq!(
        codes(&v),
        ["TLS_CERTIFICATE_INVALID", "TLS_CERTIFICATE_INVALID"],
        "{v:#}"
    );
    let smtp = &step(&v, "smtp_connect")["finding"];
    assert!(
        smtp["explanation"].as_str().unwrap().contains("expired"),
        "{smtp}"
    );
    assert!(
        smtp["evidence"].as_str().unwrap().contains("EXPIRED"),
        "{smtp}"
    );
    let imap = &step(&v, "imap_connect")["finding"];
    let ev = imap["evidence"].as_str().unwrap();
    assert!(
        ev.contains("certificate for outlook.office365.com (NOT this server's name)"),
        "{ev}"
    );
    assert!(
        expired.received_auth().is_empty() && misnamed.received_auth().is_empty(),
        "no credential sent"
    );
}

#[test]
fn diagnose_reads_exchange_capabilities_from_the_transcript() {
    let env = TestEnv::new("exdiag", json!({}));
    let ca = TestCa::new();
    let smtp = ScriptedServer::smtp(
        Script::new(transcripts::EXCHANGE_SMTP_OK),
        ca.server_config(&["127.0.0.1"]),
    );
    env.use_scripted(&ca, Some(&smtp), None);
    let (code, v) = env.run_json(&["diagnose", &env.address]);
    assert_eq!(code, 0, "{v:#}");
    let d = &v["diagnosis"]["smtp"];
    assert!(
        d["greeting"]
            .as_str()
            .unwrap()
            .contains("Microsoft ESMTP MAIL Service ready"),
        "{d}"
    );
    assert!(d["ehloBeforeTls"].to_string().contains("STARTTLS"));
    assert!(
        d["ehloAfterTls"].to_string().contains("AUTH LOGIN XOAUTH2"),
        "{d}"
    );
    assert!(smtp.mismatches().is_empty(), "{:?}", smtp.transcript());
}
