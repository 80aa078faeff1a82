//! `mailsetup explain`: pasted text in, findings out. Needs no peers, settings or vault.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

fn explain(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(common::cli_binary())
        .arg("explain")
        .args(args)
        // No settings file may be needed: point at one that does not exist.
        .env("MAILSETUP_CONFIG", "/nonexistent/mailsetup.toml")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Exchange Online refusing SMTP AUTH for the tenant, as reported in
/// <https://github.com/simonrob/email-oauth2-proxy/issues/193>.
const F01: &str = "S: 220 XXXX.outlook.office365.com Microsoft ESMTP MAIL Service ready
C: EHLO client
S: 250-XXXX.outlook.office365.com Hello
S: 250-STARTTLS
S: 250 SMTPUTF8
C: STARTTLS
S: 220 2.0.0 SMTP server ready
C: EHLO client
S: 250-AUTH LOGIN XOAUTH2
S: 250 SMTPUTF8
C: AUTH XOAUTH2 dXNlcj11c2VyQGV4YW1wbGUuZWR1AWF1dGg9QmVhcmVyIEFDQ0VTU19UT0tFTgEB
S: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [MN2PR05CA0004.namprd05.prod.outlook.com 2023-09-12T20:59:57.214Z 08DBB276B7E699C4]
";

#[test]
fn field_f01_transcript_from_stdin_gives_the_admin_steps() {
    let (code, stdout, stderr) = explain(&["-"], F01);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("-SmtpClientAuthenticationDisabled $false"),
        "{stdout}"
    );
    assert!(
        stdout.contains("[M365_SMTP_AUTH_DISABLED · for the administrator]"),
        "{stdout}"
    );
    for secret in ["dXNlcj11c2Vy", "ACCESS_TOKEN", "MN2PR05CA0004"] {
        assert!(
            !stdout.contains(secret) && !stderr.contains(secret),
            "{secret} printed"
        );
    }
}

#[test]
fn json_for_scripts_and_text_as_arguments() {
    let (code, stdout, _) = explain(
        &[
            "--json",
            "AADSTS50011:",
            "The",
            "redirect",
            "URI",
            "'http://localhost:8080/finish'",
            "specified",
            "in",
            "the",
            "request",
            "does",
            "not",
            "match",
        ],
        "",
    );
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&stdout).unwrap();
    let f = &v["findings"][0];
    assert_eq!(f["code"], "APP_REDIRECT_NOT_REGISTERED");
    assert_eq!(f["audience"], "admin");
    assert!(f["steps"].as_array().is_some_and(|s| !s.is_empty()));
    assert!(
        f["docUrl"]
            .as_str()
            .is_some_and(|u| u.starts_with("https://"))
    );
}

#[test]
fn field_f18_field_f20_gmail_replies_pasted_together() {
    let pasted = "535-5.7.8 Username and Password not accepted. For more information, go to\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials a640c23a62f3a-abc - gsmtp\n\na1 NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)\n";
    let (code, stdout, _) = explain(&["--json"], pasted);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&stdout).unwrap();
    let codes: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        ["GMAIL_BAD_APP_PASSWORD", "GMAIL_APP_PASSWORD_REQUIRED"]
    );
}

#[test]
fn unrecognised_text_is_kept_redacted_and_exits_1() {
    let (code, stdout, _) = explain(
        &["--json"],
        "Something went wrong, password=hunter2 Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2ln\n",
    );
    assert_eq!(code, 1);
    let v: Value = serde_json::from_str(&stdout).unwrap();
    let f = &v["findings"][0];
    assert_eq!(f["code"], "UNRECOGNISED_REPLY");
    let ev = f["evidence"].as_str().unwrap();
    assert!(ev.contains("Something went wrong"), "{ev}");
    assert!(
        !ev.contains("hunter2") && !ev.contains("eyJzdWIiOiJ4In0"),
        "secrets removed: {ev}"
    );
}

#[test]
fn binary_garbage_on_stdin_is_not_a_crash() {
    let (code, stdout, stderr) = explain(&[], "\u{0}\u{7f}\u{fffd}535-\n+ ===\n{'error':\n");
    assert!(code == 0 || code == 1, "{stdout}{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn a_whole_log_on_stdin_is_refused_with_its_size_not_cut_silently() {
    // 2 MiB of a real reply: past the 1 MiB cap, the size is counted and said.
    let line = "S: 535 5.7.3 Authentication unsuccessful [AB1PR01.prod.outlook.com]\n";
    let log = line.repeat(2 * 1024 * 1024 / line.len() + 1);
    let (code, stdout, stderr) = explain(&["--json"], &log);
    assert_eq!(code, 1, "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    let f = &v["findings"][0];
    assert_eq!(f["code"], "PASTED_TEXT_TOO_LONG");
    let words = f["explanation"].as_str().unwrap();
    let size = log.len().to_string();
    let grouped = format!("{},{},{}", &size[..1], &size[1..4], &size[4..]);
    assert!(
        words.contains(&format!("{grouped} bytes long (2.0 MB)")),
        "{words}"
    );
    assert_eq!(v["findings"].as_array().unwrap().len(), 1);
}

#[cfg(unix)]
#[test]
fn an_endless_input_on_stdin_ends_with_the_size_read() {
    // `mailsetup explain - < /dev/zero`: past the cap the rest is counted only up to a limit,
    // then the answer says "at least".
    let out = Command::new(env!("CARGO_BIN_EXE_mailsetup"))
        .args(["explain", "--json", "-"])
        .env("MAILSETUP_CONFIG", "/nonexistent/mailsetup.toml")
        .stdin(Stdio::from(std::fs::File::open("/dev/zero").unwrap()))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = &v["findings"][0];
    assert_eq!(f["code"], "PASTED_TEXT_TOO_LONG");
    let words = f["explanation"].as_str().unwrap();
    assert!(words.contains("at least 68,157,441 bytes long"), "{words}");
}
