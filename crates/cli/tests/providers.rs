//! End to end on the real local peers: a Gmail-style App Password account, Google
//! sign-in (the local provider's Google mode), a personal Microsoft account, and other
//! providers found by Thunderbird autoconfig or typed in; Gmail's error replies replayed by the
//! scripted servers (tests `field_f18_*`, `field_f19_*`, `field_f20_*`; `field_f02_*` for
//! passwords sent to Microsoft).

mod common;

use common::*;
use mailsetup_testkit::{Script, ScriptedServer, TestCa, transcripts};
use serde_json::json;

const GOOGLE_DEMO: &str = "123456789012-mailsetupdemo.apps.googleusercontent.com";
const OUTLOOK_DEMO: &str = "0b7a5c3d-2e4f-4a6b-8c9d-1e2f3a4b5c6d";

/// Settings substitutions: Google sign-in off, so Gmail uses App Passwords.
fn no_google_sign_in() -> (String, String) {
    (
        format!("client_id = \"{GOOGLE_DEMO}\""),
        "client_id = \"\"".into(),
    )
}

/// A Gmail-style account set up with its App Password (real Dovecot/Postfix).
fn app_password_account(name: &str, password: &str) -> TestEnv {
    let env = TestEnv::at(name, "gmail.example", json!({}));
    let (a, b) = no_google_sign_in();
    env.write_settings(&[(&a, &b)]);
    env.peers
        .add_app_password(&env.address.to_lowercase(), password);
    env
}

#[test]
fn field_f19_app_password_pasted_with_spaces_sets_up_and_verifies() {
    let env = app_password_account("gmailapp", "abcdefghijklmnop");
    let (code, v) = env.run_with_stdin(
        &["signin", &env.address, "--password"],
        "abcd efgh ijkl mnop \n",
    );
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(v["account"]["method"], "password");
    assert_eq!(v["account"]["provider"], "google");
    let note = step(&v, "password_form");
    assert_eq!(note["status"], "info");
    assert!(
        note["detail"].as_str().unwrap().contains("spaces"),
        "{note}"
    );
    assert_eq!(step(&v, "imap_auth")["status"], "passed");
    let record = env.vault_record().unwrap();
    assert_eq!(record["password"], "abcdefghijklmnop", "stored normalised");
    assert!(record.get("refresh_token").is_none());

    let (code, v) = env.run_json(&["verify", &env.address, "--send-test"]);
    assert_eq!(code, 0, "{v:#}");
    assert!(
        !has_step(&v, "token_refresh"),
        "no token for a password account"
    );
    assert_eq!(
        step(&v, "smtp_auth")["detail"],
        format!("password as {}", env.address.to_lowercase())
    );
    assert_eq!(step(&v, "imap_find")["status"], "passed");
    env.assert_no_secret_printed(&["abcdefghijklmnop".into(), "abcd efgh ijkl mnop".into()]);
}

#[test]
fn field_f18_normal_google_password_is_explained_on_both_protocols() {
    // IMAP at sign-in: Gmail's [ALERT] reply; nothing is stored.
    let env = TestEnv::at("gmailf18", "gmail.example", json!({}));
    let ca = TestCa::new();
    let imap = ScriptedServer::imap(
        Script::new(transcripts::GMAIL_IMAP_APP_PASSWORD_REQUIRED),
        ca.server_config(&["127.0.0.1"]),
    );
    let (a, b) = no_google_sign_in();
    env.use_scripted_with(&ca, None, Some(&imap), &[(&a, &b)]);
    let (code, v) = env.run_with_stdin(
        &["signin", &env.address, "--password"],
        "MyGooglePassw0rd\n",
    );
    assert_eq!(code, 1);
    assert_eq!(codes(&v), ["GMAIL_APP_PASSWORD_REQUIRED"], "{v:#}");
    assert!(
        step(&v, "password_form")["detail"]
            .as_str()
            .unwrap()
            .contains("normal Google password")
    );
    assert!(env.vault_record().is_none(), "nothing stored");
    assert!(
        imap.transcript()
            .iter()
            .any(|l| l.contains("LOGIN <redacted>")),
        "{:?}",
        imap.transcript()
    );

    // SMTP at verification: the multi-line 534-5.7.9 reply, joined.
    let env = app_password_account("gmailf18s", "qrstuvwxyzabcdef");
    let (code, v) = env.run_with_stdin(
        &["signin", &env.address, "--password"],
        "qrstuvwxyzabcdef\n",
    );
    assert_eq!(code, 0, "{v:#}");
    let smtp = ScriptedServer::smtp(
        Script::new(transcripts::GMAIL_SMTP_APP_PASSWORD_REQUIRED),
        ca.server_config(&["127.0.0.1"]),
    );
    let (a, b) = no_google_sign_in();
    env.use_scripted_with(&ca, Some(&smtp), None, &[(&a, &b)]);
    let (code, v) = env.run_json(&["verify", &env.address]);
    assert_eq!(code, 1);
    assert_eq!(codes(&v), ["GMAIL_APP_PASSWORD_REQUIRED"], "{v:#}");
    let f = first_finding(&v);
    assert!(
        f["steps"][0]
            .as_str()
            .unwrap()
            .contains("myaccount.google.com/apppasswords"),
        "{f}"
    );
    assert_eq!(
        f["docUrl"],
        "https://support.google.com/mail/?p=InvalidSecondFactor"
    );
    assert_eq!(
        step(&v, "imap_select")["status"],
        "passed",
        "IMAP is checked for real"
    );
}

#[test]
fn field_f20_app_password_account_never_falls_back_to_xoauth2() {
    let env = app_password_account("gmailf20", "bcdefghijklmnopq");
    let (code, v) = env.run_with_stdin(
        &["signin", &env.address, "--password"],
        "bcdefghijklmnopq\n",
    );
    assert_eq!(code, 0, "{v:#}");
    let ca = TestCa::new();
    let smtp = ScriptedServer::smtp(
        Script::new(transcripts::GMAIL_SMTP_BAD_CREDENTIALS),
        ca.server_config(&["127.0.0.1"]),
    );
    let (a, b) = no_google_sign_in();
    env.use_scripted_with(&ca, Some(&smtp), None, &[(&a, &b)]);
    let (code, v) = env.run_json(&["verify", &env.address]);
    assert_eq!(code, 1);
    assert_eq!(
        codes(&v),
        ["GMAIL_BAD_APP_PASSWORD"],
        "the first definitive error: {v:#}"
    );
    let sent: Vec<String> = smtp
        .transcript()
        .into_iter()
        .filter(|l| l.starts_with("C: AUTH"))
        .collect();
    assert_eq!(sent.len(), 1, "one attempt only: {sent:?}");
    assert!(sent[0].starts_with("C: AUTH PLAIN"), "{sent:?}");
    assert!(
        !smtp
            .transcript()
            .iter()
            .any(|l| l.contains("XOAUTH2 <redacted>")),
        "never XOAUTH2"
    );
}

#[test]
fn google_sign_in_end_to_end_with_xoauth2() {
    let env = TestEnv::at("googleoauth", "school.example", json!({}));
    let google = env.peers.register_google_client(json!({}));
    env.write_settings(&[(GOOGLE_DEMO, &google)]);
    let (code, v) = env.run_json(&["signin", &env.address]);
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(v["account"]["provider"], "google");
    assert_eq!(v["account"]["method"], "oauth");
    // A refresh token came back: the authorize request asked for offline access.
    assert_eq!(step(&v, "token_check")["detail"], "Gmail access granted");
    let record = env.vault_record().unwrap();
    assert!(
        record["authority"]
            .as_str()
            .unwrap()
            .ends_with("/google/token"),
        "{record}"
    );
    let (code, v) = env.run_json(&["verify", &env.address, "--send-test"]);
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(
        step(&v, "smtp_auth")["detail"],
        format!("XOAUTH2 as {}", env.address.to_lowercase())
    );
    assert_eq!(step(&v, "imap_find")["status"], "passed");
}

#[test]
fn google_sign_in_refuses_another_google_account() {
    let env = TestEnv::at("googlewrong", "gmail.example", json!({}));
    let other = format!("someone-else-{}@gmail.example", std::process::id());
    let google = env
        .peers
        .register_google_client(json!({ "scenario": { "signed_in_as": other } }));
    env.write_settings(&[(GOOGLE_DEMO, &google)]);
    let (code, v) = env.run_json(&["signin", &env.address]);
    assert_eq!(code, 1);
    assert_eq!(codes(&v), ["SIGNED_IN_AS_DIFFERENT_ACCOUNT"], "{v:#}");
    let f = first_finding(&v);
    assert!(f["title"].as_str().unwrap().contains(&other));
    assert!(
        f["explanation"]
            .as_str()
            .unwrap()
            .contains("Google returned a sign-in"),
        "{f}"
    );
    assert!(env.vault_record().is_none(), "nothing stored");
}

#[test]
fn google_xoauth2_error_challenge_is_answered_and_read() {
    let env = TestEnv::at("googlechal", "school.example", json!({}));
    let google = env.peers.register_google_client(json!({}));
    env.write_settings(&[(GOOGLE_DEMO, &google)]);
    let (code, v) = env.run_json(&["signin", &env.address]);
    assert_eq!(code, 0, "{v:#}");
    let ca = TestCa::new();
    let smtp = ScriptedServer::smtp(
        Script::new(transcripts::GMAIL_SMTP_XOAUTH2_CHALLENGE),
        ca.server_config(&["127.0.0.1"]),
    );
    env.use_scripted_with(&ca, Some(&smtp), None, &[(GOOGLE_DEMO, &google)]);
    let (code, v) = env.run_json(&["verify", &env.address]);
    assert_eq!(code, 1);
    // A request refused by Google (status 400: user or token audience), not a password problem
    // and not an expired token: the challenge was answered and read (test
    // `field_t25_xoauth2_challenge_status_400_and_401_are_told_apart`).
    assert_eq!(codes(&v), ["XOAUTH2_BAD_REQUEST"], "{v:#}");
    let ev = first_finding(&v)["evidence"].as_str().unwrap().to_owned();
    assert!(
        ev.contains(r#""status":"400""#) && ev.contains("Username and Password not accepted"),
        "{ev}"
    );
    assert!(smtp.mismatches().is_empty(), "{:?}", smtp.transcript());
    assert!(
        smtp.transcript().iter().any(|l| l == "C: "),
        "the empty answer to the challenge: {:?}",
        smtp.transcript()
    );
}

#[test]
fn personal_outlook_account_end_to_end() {
    let env = TestEnv::at("kim", "hotmail.example", json!({}));
    let (code, v) = env.run_json(&["signin", &env.address]);
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(v["account"]["provider"], "microsoft_personal");
    let record = env.vault_record().unwrap();
    assert_eq!(
        record["client_id"], OUTLOOK_DEMO,
        "the personal-accounts registration"
    );
    let (code, v) = env.run_json(&["verify", &env.address, "--send-test"]);
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(step(&v, "imap_find")["status"], "passed");

    // Without a personal-accounts registration the administrator is told what to set up.
    let env = TestEnv::at("kim2", "hotmail.example", json!({}));
    env.write_settings(&[(
        &format!("client_id = \"{OUTLOOK_DEMO}\""),
        "client_id = \"\"",
    )]);
    let (code, v) = env.run_json(&["signin", &env.address]);
    assert_eq!(code, 1);
    assert_eq!(codes(&v), ["PERSONAL_SIGN_IN_NOT_CONFIGURED"], "{v:#}");
}

#[test]
fn field_f02_passwords_for_microsoft_mailboxes_route_to_microsoft_sign_in() {
    // A personal Microsoft account never takes a password here.
    let env = TestEnv::at("f02p", "hotmail.example", json!({}));
    let (code, v) = env.run_with_stdin(
        &["signin", &env.address, "--password"],
        "hunter22hunter22\n",
    );
    assert_eq!(code, 1);
    assert_eq!(codes(&v), ["BASIC_AUTH_BLOCKED"], "{v:#}");
    assert!(!has_step(&v, "imap_auth"), "the password is never sent");
    // A mailbox at an unknown domain whose server is really Exchange: IMAP refuses basic auth.
    let env = TestEnv::at("f02x", "nothing.example", json!({}));
    let ca = TestCa::new();
    let imap = ScriptedServer::imap(
        Script::new(transcripts::EXCHANGE_IMAP_BASIC_AUTH_DISABLED),
        ca.server_config(&["127.0.0.1"]),
    );
    env.use_scripted(&ca, None, Some(&imap));
    let (code, v) =
        env.run_with_stdin(&["signin", &env.address, "--password"], "Some-Password-1\n");
    assert_eq!(code, 1);
    assert_eq!(codes(&v), ["BASIC_AUTH_BLOCKED"], "{v:#}");
    assert!(
        first_finding(&v)["explanation"]
            .as_str()
            .unwrap()
            .contains("Sign in with Microsoft")
    );
    assert!(env.vault_record().is_none());
}

/// Settings without `[servers]`, so the providers' own settings (autoconfig) are used.
fn autoconfig_env(name: &str, domain: &str) -> TestEnv {
    let env = TestEnv::at(name, domain, json!({}));
    let smtp = format!("smtp = \"127.0.0.1:{}\"", env.peers.info["smtp_port"]);
    let imap = format!("imap = \"127.0.0.1:{}\"", env.peers.info["imap_port"]);
    env.write_settings(&[(&smtp, ""), (&imap, "")]);
    env
}

#[test]
fn autoconfig_provider_end_to_end() {
    let env = autoconfig_env("lee", "small.example");
    env.peers
        .add_app_password(&env.address.to_lowercase(), "Lee-Password-2026");
    let (code, v) = env.run_json(&["diagnose", &env.address]);
    assert_eq!(code, 0, "{v:#}");
    let servers = &v["discovery"]["servers"];
    assert_eq!(servers["source"], "autoconfig.small.example", "{v:#}");
    assert_eq!(servers["imap"]["port"], env.peers.info["imap_port"]);
    assert!(
        v["discovery"]["summary"]
            .as_str()
            .unwrap()
            .contains("autoconfig.small.example")
    );
    assert!(
        !has_step(&v, "identity_provider"),
        "no sign-in service for a password provider"
    );
    // A browser sign-in asked for: the servers are known, the way to sign in is named.
    let (code, v) = env.run_json(&["signin", &env.address]);
    assert_eq!(code, 1, "{v:#}");
    assert_eq!(codes(&v), ["PASSWORD_SIGN_IN_NEEDED"], "{v:#}");
    let how = format!("mailsetup signin {} --password", env.address);
    assert!(v.to_string().contains(&how), "{v:#}");
    let (code, v) = env.run_with_stdin(
        &["signin", &env.address, "--password"],
        "Lee-Password-2026\n",
    );
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(v["account"]["provider"], "other");
    assert_eq!(
        v["account"]["servers"]["smtp"]["port"],
        env.peers.info["smtp_port"]
    );
    let (code, v) = env.run_json(&["verify", &env.address, "--send-test"]);
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(step(&v, "imap_find")["status"], "passed");
    env.assert_no_secret_printed(&["Lee-Password-2026".into()]);
}

#[test]
fn autoconfig_follows_thunderbirds_order_then_asks_for_settings() {
    // No autoconfig host: the domain's .well-known file; POP and plaintext IMAP are skipped.
    let env = autoconfig_env("wk", "wellknown.example");
    let (_, v) = env.run_json(&["diagnose", &env.address]);
    let servers = &v["discovery"]["servers"];
    assert_eq!(servers["source"], "wellknown.example/.well-known", "{v:#}");
    assert_eq!(servers["imap"]["security"], "implicit_tls");
    assert_eq!(servers["imap"]["port"], env.peers.info["imap_port"]);
    // Only the ISPDB knows it, under the MX host's domain.
    let env = autoconfig_env("isp", "ispdb-only.example");
    let (code, v) = env.run_json(&["diagnose", &env.address]);
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(
        v["discovery"]["servers"]["source"],
        "Thunderbird ISPDB (mail server hosted-mail.example)"
    );
    // The hoster sends over implicit TLS (its SMTP port is TLS from the first byte).
    let smtp = &v["discovery"]["servers"]["smtp"];
    assert_eq!(smtp["security"], "implicit_tls", "{v:#}");
    assert_eq!(smtp["port"], env.peers.info["smtps_port"]);
    env.peers
        .add_app_password(&env.address.to_lowercase(), "Hosted-Password-9");
    let (code, v) = env.run_with_stdin(
        &["signin", &env.address, "--password"],
        "Hosted-Password-9\n",
    );
    assert_eq!(code, 0, "{v:#}");
    let (code, v) = env.run_json(&["verify", &env.address, "--send-test"]);
    assert_eq!(code, 0, "{v:#}");
    assert!(
        step(&v, "smtp_connect")["detail"]
            .as_str()
            .unwrap()
            .starts_with("TLS ·"),
        "{v:#}"
    );
    assert_eq!(step(&v, "imap_find")["status"], "passed");
    // Nobody knows it: the person types the servers in.
    let env = autoconfig_env("none", "nothing.example");
    let (code, v) = env.run_json(&["diagnose", &env.address]);
    assert_eq!(code, 1);
    assert_eq!(codes(&v), ["SERVER_SETTINGS_NEEDED"], "{v:#}");
    let imap = format!("127.0.0.1:{}", env.peers.info["imap_port"]);
    let smtp = format!("127.0.0.1:{}", env.peers.info["smtp_port"]);
    let (code, v) = env.run_json(&["diagnose", &env.address, "--imap", &imap, "--smtp", &smtp]);
    assert_eq!(code, 0, "{v:#}");
    let (code, v) = env.run_json(&[
        "diagnose",
        &env.address,
        "--imap",
        "127.0.0.1:143",
        "--smtp",
        &smtp,
    ]);
    assert_eq!(code, 1);
    assert!(
        v["finding"]["steps"][0]
            .as_str()
            .unwrap()
            .contains("not encrypted"),
        "{v:#}"
    );
}

#[test]
fn a_google_account_password_instead_of_an_app_password_says_so() {
    // A person types their Google account password (17 characters, not 16 letters): Google (here
    // the real Dovecot, which knows only the App Password) refuses it, and the finding says it
    // is not an App Password and where to make one. A wrong 16-letter one is a bad App Password.
    let env = app_password_account("gmailnotapp", "cdefghijklmnopqr");
    let (code, v) = env.run_with_stdin(
        &["signin", &env.address, "--password"],
        "MyGoogle#Pass2026\n",
    );
    assert_eq!(code, 1, "{v:#}");
    assert_eq!(codes(&v), ["GMAIL_NOT_AN_APP_PASSWORD"], "{v:#}");
    let text = v.to_string();
    assert!(text.contains("myaccount.google.com/apppasswords"), "{text}");
    assert!(
        !text.contains("MyGoogle#Pass2026"),
        "the password is never shown"
    );
    let (code, v) = env.run_with_stdin(
        &["signin", &env.address, "--password"],
        "abcd efgh ijkl mnop\n",
    );
    assert_eq!(code, 1, "{v:#}");
    assert_eq!(codes(&v), ["GMAIL_BAD_APP_PASSWORD"], "{v:#}");
}

/// Issue 13 item 3: a Google OAuth client left in "Testing" — its token responses say the
/// refresh token ends in 7 days (`refresh_token_expires_in`) — and an Entra sign-in (90 days
/// unused) each say how long they last, with dates, in `accounts list` and in the report.
#[test]
fn each_sign_in_says_how_long_it_lasts_in_the_list_and_the_report() {
    let env = TestEnv::at("health", "school.example", json!({}));
    let google = env
        .peers
        .register_google_client(json!({ "scenario": { "publishing_status": "testing" } }));
    env.write_settings(&[(GOOGLE_DEMO, &google)]);
    let (code, v) = env.run_json(&["signin", &env.address]);
    assert_eq!(code, 0, "{v:#}");
    let work = format!(
        "health-{}",
        env.address.replace("school.example", "example.edu")
    );
    let (code, v) = env.run_json(&["signin", &work]);
    assert_eq!(code, 0, "{v:#}");

    let (code, v) = env.run_json(&["accounts", "list"]);
    assert_eq!(code, 0);
    let of = |mailbox: &str| {
        v.as_array()
            .unwrap()
            .iter()
            .find(|a| a["mailbox"] == mailbox.to_lowercase())
            .unwrap()["health"]
            .clone()
    };
    let g = of(&env.address);
    assert_eq!(g["state"], "ends_soon", "{g:#}");
    assert_eq!(g["endsWhateverHappens"], true);
    let words = g["words"].as_str().unwrap();
    assert!(
        words.contains("Testing") && words.contains("in 7 days"),
        "{words}"
    );
    let m = of(&work);
    assert_eq!(m["state"], "good", "{m:#}");
    assert_eq!(m["endsWhateverHappens"], false);
    let ends = m["endsAt"].as_u64().unwrap() - m["renewedAt"].as_u64().unwrap();
    assert_eq!(ends, 90 * 86_400, "Entra: 90 days from the sign-in");
    assert!(m["words"].as_str().unwrap().contains("in 90 days"), "{m:#}");

    // A renewal keeps the Google end (no rotation) and says so again.
    let (code, _) = env.run_json(&["verify", &env.address]);
    assert_eq!(code, 0);
    let (_, text, _) = env.run(&["accounts", "list"]);
    assert!(text.contains("Google ends this sign-in on"), "{text}");
    assert!(text.contains("Unused, it stops working on"), "{text}");

    let report = env.dir.path().join("report.txt");
    let (code, _, err) = env.run(&["verify", &work, "--report", report.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(text.contains("How long the sign-in lasts"), "{text}");
    assert!(text.contains("Unused, it stops working on"), "{text}");
}
