//! The main job end to end with the real binary: `mailsetup signin` in headless Chromium against
//! the local OpenID provider, tokens in the real Secret Service, `verify --send-test` through
//! Postfix and Dovecot, the refresh path with rotation, and the account commands.

mod common;

use std::time::{Duration, Instant};

use common::{TestEnv, codes, first_finding, sha256_hex};
use serde_json::json;

#[test]
fn signin_verify_refresh_and_forget_end_to_end() {
    let started = Instant::now();
    // A short access-token lifetime makes every verify renew the sign-in with the refresh token.
    let env = TestEnv::new(
        "e2e",
        json!({ "type": "public", "scenario": { "access_token_lifetime": 30 } }),
    );

    let signin = env.sign_in_ok();
    assert_eq!(signin["account"]["signedInAs"], env.address.to_lowercase());
    let record = env
        .vault_record()
        .expect("the sign-in is in the Secret Service");
    assert_eq!(record["mailbox"], env.address.to_lowercase());
    assert_eq!(record["client_id"], env.client_id);
    assert_eq!(
        record["tenant"], env.peers.info["tenant_edu"],
        "refresh goes to the issuing tenant"
    );
    assert!(
        record["authority"]
            .as_str()
            .unwrap()
            .starts_with("https://127.0.0.1:")
    );
    assert_eq!(record["scopes"].as_array().unwrap().len(), 6);
    let first_rt = record["refresh_token"].as_str().unwrap().to_string();
    assert!(
        env.vault_access_token().is_some(),
        "the access token is cached in the vault"
    );

    let (active, _) = env.peers.refresh_tokens(&env.client_id);
    assert_eq!(active, vec![sha256_hex(&first_rt)]);

    // verify --send-test: refresh (token lifetime 30 s < 60 s margin), SMTP send, IMAP find.
    let (code, v) = env.run_json(&["verify", &env.address, "--send-test"]);
    assert_eq!(code, 0, "verify failed: {v:#}");
    let steps: Vec<&str> = v["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["step"].as_str().unwrap())
        .collect();
    for step in [
        "vault_read",
        "token_refresh",
        "smtp_connect",
        "smtp_auth",
        "smtp_send",
        "imap_connect",
        "imap_auth",
        "imap_select",
        "imap_find",
        "vault_store",
    ] {
        assert!(steps.contains(&step), "missing step {step} in {steps:?}");
    }
    let step = |name: &str| {
        v["steps"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["step"] == name)
            .unwrap()
            .clone()
    };
    assert_eq!(
        step("token_refresh")["detail"],
        "renewed; the new refresh token is saved before it is used"
    );
    assert_eq!(step("vault_store")["detail"], "new refresh token saved");
    // Connecting overlaps the renewal; signing in waits for the new token, and the new token
    // is used only once the rotated refresh token is in the vault (a crash in between would
    // leave a spent token behind: crates/cli/tests/renewal.rs).
    let end = |s: &serde_json::Value| s["startMs"].as_u64().unwrap() + s["ms"].as_u64().unwrap();
    for auth in ["smtp_auth", "imap_auth"] {
        let started = step(auth)["startMs"].as_u64().unwrap();
        assert!(started >= end(&step("token_refresh")), "{auth}");
        assert!(
            started >= end(&step("vault_store")),
            "{auth} after the vault write"
        );
    }

    // The rotated refresh token is the one stored, and the old one is spent.
    let second_rt = env.vault_record().unwrap()["refresh_token"]
        .as_str()
        .unwrap()
        .to_string();
    assert_ne!(second_rt, first_rt);
    let (active, spent) = env.peers.refresh_tokens(&env.client_id);
    assert_eq!(active, vec![sha256_hex(&second_rt)]);
    assert_eq!(spent, 1);
    let (status, body) = env.peers.token_request(
        "organizations",
        &[
            ("grant_type", "refresh_token"),
            ("client_id", &env.client_id),
            ("refresh_token", &first_rt),
        ],
    );
    assert_eq!(status, 400, "the spent refresh token is refused: {body}");

    // Again: rotates again, keeps working.
    let (code, v) = env.run_json(&["verify", &env.address]);
    assert_eq!(code, 0, "second verify failed: {v:#}");
    let third_rt = env.vault_record().unwrap()["refresh_token"]
        .as_str()
        .unwrap()
        .to_string();
    assert_ne!(third_rt, second_rt);
    assert_eq!(
        env.peers.refresh_tokens(&env.client_id).0,
        vec![sha256_hex(&third_rt)]
    );

    // The test message really is in the Dovecot mailbox on disk.
    let (local, domain) = env
        .address
        .to_lowercase()
        .split_once('@')
        .map(|(l, d)| (l.to_string(), d.to_string()))
        .unwrap();
    let maildir = std::path::Path::new(env.peers.info["mail_dir"].as_str().unwrap())
        .join(domain)
        .join(local);
    assert!(maildir.exists(), "Dovecot delivered into {maildir:?}");

    // accounts list / remove.
    let (code, list) = env.run_json(&["accounts", "list"]);
    assert_eq!(code, 0);
    let me = list
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["mailbox"] == env.address.to_lowercase())
        .expect("listed");
    assert_eq!(me["inVault"], true);
    assert_eq!(me["lastCheckPassed"], true);
    let (code, removed) = env.run_json(&["accounts", "remove", &env.address.to_uppercase()]);
    assert_eq!((code, removed["removed"].clone()), (0, json!(true)));
    assert!(
        env.vault_record().is_none() && env.vault_access_token().is_none(),
        "both vault entries are gone"
    );
    let (_, list) = env.run_json(&["accounts", "list"]);
    assert!(list.as_array().unwrap().is_empty());

    env.assert_no_secret_printed(&[first_rt, second_rt, third_rt]);
    eprintln!("CLI end-to-end: {:.1} s", started.elapsed().as_secs_f64());
}

#[test]
fn cached_access_token_is_used_while_valid() {
    let env = TestEnv::new("cached", json!({ "type": "public" }));
    env.sign_in_ok();
    let (code, v) = env.run_json(&["verify", &env.address]);
    assert_eq!(code, 0, "{v:#}");
    let refresh = v["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["step"] == "token_refresh")
        .unwrap();
    assert!(
        refresh["detail"]
            .as_str()
            .unwrap()
            .starts_with("saved access token valid"),
        "{refresh}"
    );
    assert_eq!(
        env.peers.refresh_tokens(&env.client_id).1,
        0,
        "no refresh needed"
    );
}

#[test]
fn field_f04_wrong_account_stores_nothing_and_says_who() {
    // The browser is already signed in as the tenant admin and ignores login_hint.
    let env = TestEnv::new(
        "sender",
        json!({ "scenario": { "signed_in_as": "admin@example.edu" } }),
    );
    let (code, v) = env.run_json(&["signin", &env.address]);
    assert_eq!(code, 1);
    let f = first_finding(&v);
    assert_eq!(f["code"], "SIGNED_IN_AS_ADMIN");
    assert_eq!(f["audience"], "user");
    let title = f["title"].as_str().unwrap();
    assert!(
        title.contains("administrator") && title.contains(&env.address.to_lowercase()),
        "{title}"
    );
    assert!(
        f["explanation"]
            .as_str()
            .unwrap()
            .contains("admin@example.edu")
    );
    assert!(
        f["steps"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s.as_str().unwrap().contains("private"))
    );
    assert!(
        env.vault_record().is_none() && env.vault_access_token().is_none(),
        "nothing stored"
    );
    let (_, list) = env.run_json(&["accounts", "list"]);
    assert!(list.as_array().unwrap().is_empty(), "nothing listed");
    let steps: Vec<&str> = v["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["step"].as_str().unwrap())
        .collect();
    assert!(!steps.contains(&"vault_store"), "{steps:?}");
}

#[test]
fn field_f21_typed_case_does_not_matter() {
    let env = TestEnv::new("NextAvailableDCC", json!({}));
    let shouty = env.address.replace("example.edu", "Example.EDU");
    let (code, v) = env.run_json(&["signin", &format!("  {shouty} ")]);
    assert_eq!(code, 0, "{v:#}");
    assert!(
        v["address"]
            .as_str()
            .unwrap()
            .starts_with("NextAvailableDCC"),
        "display form kept: {}",
        v["address"]
    );
    assert!(
        env.vault_record().is_some(),
        "stored under the normalised key"
    );
    let (code, v) = env.run_json(&["verify", &env.address.to_lowercase()]);
    assert_eq!(code, 0, "{v:#}");
}

#[test]
fn field_f10_ipv4_redirect_form_signs_in() {
    let env = TestEnv::new("ipv4form", json!({ "redirect_uris": ["http://127.0.0.1"] }));
    env.write_settings(&[(
        "redirect = \"http://localhost\"",
        "redirect = \"http://127.0.0.1\"",
    )]);
    let (code, v) = env.run_json(&["signin", &env.address]);
    assert_eq!(code, 0, "{v:#}");
    let lb = v["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["step"] == "loopback")
        .unwrap();
    assert!(
        lb["detail"]
            .as_str()
            .unwrap()
            .starts_with("listening on http://127.0.0.1:"),
        "{lb}"
    );
}

#[test]
fn diagnose_passes_against_the_peers_and_reads_capabilities() {
    let env = TestEnv::new("diag", json!({}));
    let (code, v) = env.run_json(&["diagnose", &env.address]);
    assert_eq!(code, 0, "{v:#}");
    let detail = |step: &str| {
        v["steps"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["step"] == step)
            .unwrap()["detail"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert!(
        detail("smtp_connect").contains("AUTH XOAUTH2"),
        "{}",
        detail("smtp_connect")
    );
    assert!(
        detail("imap_connect").contains("TLS 1."),
        "{}",
        detail("imap_connect")
    );
    assert!(detail("dns").contains("127.0.0.1"));
}

#[test]
fn untrusted_certificates_are_refused() {
    let env = TestEnv::new("untrusted", json!({}));
    let ca = env.peers.info["ca"].as_str().unwrap().to_string();
    env.write_settings(&[(&format!("extra_ca_file = \"{ca}\""), "")]);
    let (code, v) = env.run_json(&["diagnose", &env.address]);
    assert_eq!(code, 1);
    // SMTP, IMAP and the sign-in service all present the same untrusted certificate.
    assert_eq!(
        codes(&v),
        [
            "TLS_CERTIFICATE_INVALID",
            "TLS_CERTIFICATE_INVALID",
            "TLS_CERTIFICATE_INVALID"
        ],
        "{v:#}"
    );
    // Steps finish in any order: look at the mail server's step, which read the certificate.
    let f = v["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["step"] == "smtp_connect")
        .unwrap()["finding"]
        .clone();
    assert!(
        f["evidence"]
            .as_str()
            .unwrap()
            .contains("presented: certificate for"),
        "the evidence names the certificate: {f}"
    );
    assert!(
        f["explanation"]
            .as_str()
            .unwrap()
            .contains("does not trust"),
        "{f}"
    );
    // The sign-in's token call is refused too: nothing is stored.
    let (code, v) = env.run_json(&["signin", &env.address]);
    assert_eq!(code, 1);
    assert_eq!(codes(&v), ["TLS_CERTIFICATE_INVALID"], "{v:#}");
    assert!(env.vault_record().is_none());
}

#[test]
fn refused_port_is_reported_at_once() {
    let env = TestEnv::new("refused", json!({}));
    let dead = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let smtp = format!("smtp = \"127.0.0.1:{}\"", env.peers.info["smtp_port"]);
    env.write_settings(&[(&smtp, &format!("smtp = \"127.0.0.1:{dead}\""))]);
    let t = Instant::now();
    let (code, v) = env.run_json(&["diagnose", &env.address]);
    assert_eq!(code, 1);
    assert_eq!(codes(&v), ["CONNECT_REFUSED"], "{v:#}");
    assert!(t.elapsed() < Duration::from_secs(5));
}

#[test]
fn verify_without_signin_says_sign_in_first() {
    let env = TestEnv::new("nobody", json!({}));
    let (code, v) = env.run_json(&["verify", &env.address]);
    assert_eq!(code, 1);
    assert_eq!(codes(&v), ["NOT_SIGNED_IN"]);
    let (code, out, _) = env.run(&["verify", &env.address]);
    assert_eq!(code, 1);
    assert!(
        out.contains("is not signed in on this computer") && out.contains("Sign in first"),
        "{out}"
    );
}

#[test]
fn invalid_input_is_refused_before_any_network() {
    let env = TestEnv::new("bad", json!({}));
    env.write_settings(&[(
        "authority = \"https://127.0.0.1",
        "authority = \"https://192.0.2.1",
    )]);
    let t = Instant::now();
    let (code, v) = env.run_json(&["signin", "Ann Smith <ann@example.edu>"]);
    assert_eq!(code, 1);
    assert_eq!(v["finding"]["code"], "INVALID_ADDRESS");
    assert!(t.elapsed() < Duration::from_secs(3));
    let (code, _, stderr) = env.run(&["verify", "not-an-address"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("needs an @"), "{stderr}");
    // Exit code 2 for command-line mistakes.
    assert_eq!(env.run(&["frobnicate"]).0, 2);
}

#[test]
fn invalid_settings_name_the_field() {
    let env = TestEnv::new("settings", json!({}));
    env.write_settings(&[(
        "redirect = \"http://localhost\"",
        "redirect = \"http://localhost:8080\"",
    )]);
    let (code, v) = env.run_json(&["diagnose", &env.address]);
    assert_eq!(code, 1);
    assert_eq!(v["finding"]["code"], "SETTINGS_INVALID");
    let text = v["finding"]["explanation"].as_str().unwrap();
    assert!(
        text.contains("microsoft.redirect") && text.contains("port"),
        "{text}"
    );
}

#[test]
fn missing_vault_is_a_clear_finding_not_a_fallback() {
    let env = TestEnv::new("novault", json!({}))
        .with_env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus");
    let (code, v) = env.run_json(&["verify", &env.address]);
    assert_eq!(code, 1);
    let f = first_finding(&v);
    assert_eq!(f["code"], "VAULT_UNAVAILABLE", "{v:#}");
    assert!(
        f["explanation"]
            .as_str()
            .unwrap()
            .contains("never in a file")
    );
}

/// Reading the settings needs no vault: `admin show` without one shows every setting and says
/// why it cannot tell whether a client secret is stored.
#[test]
fn admin_show_works_without_a_vault() {
    let env = TestEnv::new("novault-admin", json!({}))
        .with_env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus");
    let (code, v) = env.run_json(&["admin", "show"]);
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(v["vaultProblem"]["code"], "VAULT_UNAVAILABLE", "{v:#}");
    assert_eq!(v["clientSecretStored"], false);
    assert!(
        v["settings"].as_array().is_some_and(|s| s.len() > 20),
        "{v:#}"
    );
}

#[test]
fn a_port_that_does_not_speak_tls_is_a_tls_failure() {
    let env = TestEnv::new("notls", json!({}));
    let imap = format!("imap = \"127.0.0.1:{}\"", env.peers.info["imap_port"]);
    // Point IMAP (implicit TLS) at the SMTP submission port, which greets in plain text.
    env.write_settings(&[(
        &imap,
        &format!("imap = \"127.0.0.1:{}\"", env.peers.info["smtp_port"]),
    )]);
    let (code, v) = env.run_json(&["diagnose", &env.address]);
    assert_eq!(code, 1);
    assert_eq!(codes(&v), ["TLS_FAILED"], "{v:#}");
}

#[test]
fn verify_all_without_any_mailbox_says_so_and_does_not_pass() {
    let env = TestEnv::new("none", json!({}));
    let (code, out, _) = env.run(&["verify", "--all"]);
    assert_eq!(code, 1, "nothing verified is not a pass: {out}");
    assert!(out.contains("No mailbox is set up"), "{out}");
    assert!(out.contains("mailsetup signin"), "{out}");
}

/// `verify --all --report DIR` (issue 13 item 5): one helpdesk report per mailbox, each with
/// its connection check and verification, none holding a secret.
#[test]
fn verify_all_writes_one_report_per_mailbox() {
    let env = TestEnv::new("reports", json!({}));
    env.sign_in_ok();
    let other = format!("second-{}", env.address);
    let (code, v) = env.run_json(&["signin", &other]);
    assert_eq!(code, 0, "{v:#}");
    let dir = env.dir.path().join("reports for the helpdesk");
    let (code, out, err) = env.run(&["verify", "--all", "--report", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}\n{err}");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 2, "{files:?}");
    let mut secrets = Vec::new();
    for mailbox in [env.address.to_lowercase(), other.to_lowercase()] {
        let record = common::secret_tool_lookup(&mailbox).unwrap();
        secrets.push(record["refresh_token"].as_str().unwrap().to_owned());
        let access = common::secret_tool_lookup(&format!("{mailbox}#access")).unwrap();
        secrets.push(access["access_token"].as_str().unwrap().to_owned());
    }
    for (file, mailbox) in files.iter().zip([&env.address, &other]) {
        let html = std::fs::read_to_string(file).unwrap();
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.ends_with(".html"), "{name}");
        assert!(
            html.contains(&mailbox.to_lowercase()),
            "{name} is {mailbox}'s report"
        );
        // Both parts of the full check are in it.
        assert!(
            html.contains("Signing in to the sending server"),
            "{name}: the verification"
        );
        assert!(
            html.contains("Looking up the mail servers"),
            "{name}: the connection check"
        );
        for s in &secrets {
            assert!(!html.contains(s.as_str()), "{name} holds a secret");
        }
        assert!(err.contains(&name), "the report's path is said: {err}");
    }
    env.assert_no_secret_printed(&secrets);
}

/// `mailsetup renew` (issue 13 item 3): renews now with the refresh token (rotated, the new one
/// in the vault), and says how long the sign-in lasts; `--all` does every mailbox.
#[test]
fn renew_starts_the_90_days_again_and_says_so() {
    let env = TestEnv::new("renew", json!({}));
    env.sign_in_ok();
    let before = env.vault_record().unwrap()["refresh_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let (_, spent_before) = env.peers.refresh_tokens(&env.client_id);
    let (code, v) = env.run_json(&["renew", &env.address]);
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(v[0]["renewed"], true);
    assert!(
        v[0]["health"]["words"]
            .as_str()
            .unwrap()
            .contains("in 90 days"),
        "{v:#}"
    );
    let after = env.vault_record().unwrap()["refresh_token"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_ne!(before, after, "rotated, and the new refresh token saved");
    let (active, spent_after) = env.peers.refresh_tokens(&env.client_id);
    assert_eq!(spent_after - spent_before, 1);
    assert_eq!(active, vec![sha256_hex(&after)]);

    let (code, out, err) = env.run(&["renew", "--all"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains(&format!("✓ {}: renewed.", env.address)),
        "{out}"
    );
    assert!(out.contains("Unused, it stops working on"), "{out}");
    env.assert_no_secret_printed(&[before, after]);
}
