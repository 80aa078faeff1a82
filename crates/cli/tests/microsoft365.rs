//! Microsoft 365 in depth with the real binary against the local peers: discovery,
//! the wrong-account trap in all its forms, the account picker, private windows, the device
//! code, confidential registrations, shared mailboxes, token sanity and consent.

mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{TestEnv, codes, first_finding, repo, step};
use serde_json::{Value, json};

#[test]
fn discovery_names_the_provider_and_the_organisation() {
    let env = TestEnv::new("disc", json!({}));
    let (code, v) = env.run_json(&["diagnose", &env.address]);
    assert_eq!(code, 0, "{v:#}");
    let d = &v["discovery"];
    assert_eq!(d["found"], "microsoft365");
    assert_eq!(
        d["summary"],
        "This is a Microsoft 365 work or school account at Example College."
    );
    assert_eq!(d["tenantId"], env.peers.info["tenant_edu"]);
    assert_eq!(d["mx"][0], "example-edu.mail.protection.outlook.com");
    for (domain, found) in [
        ("gmail.example", "google"),
        ("small.example", "unknown"),
        ("hotmail.example", "microsoft_personal"),
    ] {
        let (_, v) = env.run_json(&["diagnose", &format!("someone@{domain}")]);
        assert_eq!(
            v["discovery"]["found"], found,
            "{domain}: {:#}",
            v["discovery"]
        );
    }
}

#[test]
fn another_organisations_account_is_refused() {
    let env = TestEnv::new(
        "tenant",
        json!({ "scenario": { "signed_in_as": "ann@other.example" } }),
    );
    let (code, v) = env.run_json(&["signin", &env.address]);
    assert_eq!(code, 1);
    let f = first_finding(&v);
    assert_eq!(f["code"], "SIGNED_IN_AS_DIFFERENT_ACCOUNT", "{v:#}");
    assert!(f["title"].as_str().unwrap().contains("ann@other.example"));
    assert!(env.vault_record().is_none());
    let page = env.browser_page(&v);
    assert!(
        page.contains("ann@other.example"),
        "the browser is told: {page}"
    );
}

#[test]
fn a_colleague_in_the_same_organisation_is_asked_about_and_can_be_declined() {
    let env = TestEnv::new(
        "colleague",
        json!({ "scenario": { "signed_in_as": "other@example.edu" } }),
    );
    let (code, v) = env.run_json(&["signin", &env.address]);
    assert_eq!(code, 1);
    assert_eq!(v["finding"]["code"], "ACCOUNT_CONFIRMATION_NEEDED", "{v:#}");
    assert!(
        v["finding"]["title"]
            .as_str()
            .unwrap()
            .contains("other@example.edu")
    );
    assert!(
        env.vault_record().is_none(),
        "nothing stored while unconfirmed"
    );
}

#[test]
fn pick_account_asks_microsoft_for_the_account_picker() {
    // The browser is signed in as someone else; with the picker the person chooses the mailbox.
    let env = TestEnv::new("picker", json!({}));
    env.peers.register_client(json!({ "client_id": env.client_id, "scenario": { "signed_in_as": "ann@other.example", "pick_as": env.address } }));
    let (code, v) = env.run_json(&["signin", &env.address]);
    assert_eq!(
        (code, codes(&v)),
        (1, vec!["SIGNED_IN_AS_DIFFERENT_ACCOUNT".to_string()])
    );
    let (code, v) = env.run_json(&["signin", &env.address, "--pick-account"]);
    assert_eq!(code, 0, "{v:#}");
    assert!(env.vault_record().is_some());
}

#[test]
fn field_f04_alias_in_the_same_organisation_asks_before_storing() {
    let env = TestEnv::new("alias", json!({}));
    let alias = format!("alias-{}", env.address.to_lowercase());
    env.peers.register_client(json!({ "client_id": env.client_id, "scenario": { "upn_for": { env.address.to_lowercase(): alias, }, "no_email_claim": true } }));
    // Not a terminal and no --accept-account: the question cannot be asked, nothing is stored.
    let (code, v) = env.run_json(&["signin", &env.address]);
    assert_eq!(code, 1);
    assert_eq!(v["finding"]["code"], "ACCOUNT_CONFIRMATION_NEEDED", "{v:#}");
    assert!(env.vault_record().is_none());
    // Accepting a different name than the one Microsoft returned is not accepting.
    let (code, _) = env.run_json(&[
        "signin",
        &env.address,
        "--accept-account",
        "someone.else@example.edu",
    ]);
    assert_eq!(code, 1);
    assert!(env.vault_record().is_none());
    let (code, v) = env.run_json(&["signin", &env.address, "--accept-account", &alias]);
    assert_eq!(code, 0, "{v:#}");
    let record = env.vault_record().expect("stored after confirmation");
    assert_eq!(
        record["mailbox"],
        env.address.to_lowercase(),
        "the mailbox stays the typed address (XOAUTH2 user=)"
    );
    assert_eq!(record["account"]["username"], alias);
}

#[test]
fn private_window_starts_the_browser_with_its_private_flag() {
    let env = TestEnv::new("private", json!({}));
    let log = env.dir.path().join("browser-args.log");
    let path = format!(
        "{}:{}",
        repo().join("tests/peers/fake-browsers").display(),
        std::env::var("PATH").unwrap()
    );
    let env = env
        .with_env("PATH", &path)
        .with_env("FAKE_BROWSER_LOG", log.to_str().unwrap());
    let (code, v) = env.run_json(&["signin", &env.address, "--private"]);
    assert_eq!(code, 0, "{v:#}");
    let args = std::fs::read_to_string(&log).expect("the private browser was started");
    assert!(args.starts_with("--incognito http://localhost:"), "{args}");
    assert!(
        args.contains("/mailsetup-start"),
        "the browser gets the local start page, no secret: {args}"
    );
    assert!(!args.contains("state="));

    // A browser that is not installed: the copy-link way, with an address that holds no secret.
    let (code, v) = env.run_json(&[
        "signin",
        &env.address,
        "--private",
        "firefox",
        "--timeout",
        "2",
    ]);
    assert_eq!(code, 1);
    let f = first_finding(&v);
    assert_eq!(f["code"], "PRIVATE_WINDOW_UNAVAILABLE", "{v:#}");
    let steps = f["steps"].to_string();
    assert!(
        steps.contains("Ctrl+Shift+N") && steps.contains("/mailsetup-start"),
        "{steps}"
    );
}

/// Runs `signin --device-code`, reads the code from the progress, lets the provider approve or
/// decline it, and returns the JSON outcome.
fn device_sign_in(env: &TestEnv, decision: Option<&str>, extra: &[&str]) -> (i32, Value) {
    let mut args = vec!["--json", "signin", &env.address, "--device-code"];
    args.extend_from_slice(extra);
    let mut child = env
        .command(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = BufReader::new(child.stderr.take().unwrap());
    let mut code = None;
    for line in stderr.lines().map_while(Result::ok) {
        if code.is_none()
            && line.trim().len() >= 6
            && line.trim().chars().all(|c| c.is_ascii_alphanumeric())
            && line.starts_with("        ")
        {
            code = Some(line.trim().to_string());
            if let Some(decision) = decision {
                env.peers
                    .device_decision(code.as_deref().unwrap(), &env.address, decision);
            }
        }
    }
    let out = child.wait_with_output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(code.is_some(), "the code was shown");
    (out.status.code().unwrap_or(-1), v)
}

/// Conditional Access blocks the code flow (AADSTS530033): the person is told it is the
/// organisation's rule, with the browser sign-in as the way on, and nothing is stored.
#[test]
fn a_device_code_blocked_by_the_organisation_is_named_as_such() {
    let env = TestEnv::new(
        "devblock",
        json!({ "scenario": { "device_interval": 1, "device_error": 530033 } }),
    );
    let (code, v) = device_sign_in(&env, Some("approve"), &[]);
    assert_eq!(
        (code, codes(&v)),
        (1, vec!["DEVICE_CODE_BLOCKED".to_string()]),
        "{v:#}"
    );
    assert!(
        v.to_string().contains("530033"),
        "the code is in the evidence"
    );
    assert!(env.vault_record().is_none());
}

#[test]
fn device_code_sign_in_approved_declined_and_expired() {
    let env = TestEnv::new("device", json!({ "scenario": { "device_interval": 1 } }));
    let (code, v) = device_sign_in(&env, Some("approve"), &[]);
    assert_eq!(code, 0, "{v:#}");
    assert!(env.vault_record().is_some());
    assert!(
        step(&v, "device_code")["detail"]
            .as_str()
            .unwrap()
            .contains("/devicelogin")
    );

    let declined = TestEnv::new("declined", json!({ "scenario": { "device_interval": 1 } }));
    let (code, v) = device_sign_in(&declined, Some("decline"), &[]);
    assert_eq!(
        (code, codes(&v)),
        (1, vec!["DEVICE_CODE_DECLINED".to_string()]),
        "{v:#}"
    );

    let expired = TestEnv::new(
        "expired",
        json!({ "scenario": { "device_interval": 1, "device_expires_in": 2 } }),
    );
    let t = Instant::now();
    let (code, v) = device_sign_in(&expired, None, &[]);
    assert_eq!(
        (code, codes(&v)),
        (1, vec!["DEVICE_CODE_EXPIRED".to_string()]),
        "{v:#}"
    );
    assert!(t.elapsed() < Duration::from_secs(30));
    assert!(expired.vault_record().is_none());

    // --timeout ends the wait before the code itself expires (15 minutes here).
    let waited = TestEnv::new("waited", json!({ "scenario": { "device_interval": 1 } }));
    let t = Instant::now();
    let (code, v) = device_sign_in(&waited, None, &["--timeout", "2"]);
    assert_eq!(
        (code, codes(&v)),
        (1, vec!["DEVICE_CODE_EXPIRED".to_string()]),
        "{v:#}"
    );
    assert!(t.elapsed() < Duration::from_secs(30), "{:?}", t.elapsed());
    assert!(v.to_string().contains("no sign-in within 2 s"), "{v:#}");
}

#[test]
fn confidential_registration_uses_the_secret_from_the_vault_only() {
    let secret = format!("s3cret-{}", std::process::id());
    let env = TestEnv::new(
        "webreg",
        json!({ "type": "web", "secret": secret, "scenario": { "access_token_lifetime": 5 } }),
    );
    env.write_settings(&[(
        "redirect = \"http://localhost\"",
        "redirect = \"http://localhost\"\nclient_type = \"confidential\"",
    )]);
    let (code, v) = env.run_json(&["signin", &env.address]);
    assert_eq!(code, 1);
    assert_eq!(codes(&v), ["CLIENT_SECRET_MISSING"], "{v:#}");

    // A wrong secret (the secret's ID pasted instead of its value) is explained.
    let mut cmd = env.command(&["admin", "set-client-secret"]);
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), b"not-the-secret\n").unwrap();
    assert!(child.wait().unwrap().success());
    let (_, v) = env.run_json(&["signin", &env.address]);
    assert_eq!(codes(&v), ["CLIENT_SECRET_INVALID"], "{v:#}");

    let mut child = env
        .command(&["admin", "set-client-secret"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    std::io::Write::write_all(
        &mut child.stdin.take().unwrap(),
        format!("{secret}\n").as_bytes(),
    )
    .unwrap();
    assert!(child.wait().unwrap().success());
    let (code, show) = env.run_json(&["admin", "show"]);
    assert_eq!(code, 0);
    assert_eq!(show["clientSecretStored"], true);
    assert_eq!(show["clientType"], "confidential");
    assert!(
        !show.to_string().contains(&secret),
        "the secret is never shown"
    );
    let (code, v) = env.run_json(&["signin", &env.address]);
    assert_eq!(code, 0, "{v:#}");
    // Refresh (5 s tokens) also authenticates with the secret.
    let (code, v) = env.run_json(&["verify", &env.address]);
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(
        step(&v, "token_refresh")["detail"],
        "renewed; the new refresh token is saved before it is used"
    );
    assert_eq!(step(&v, "vault_store")["detail"], "new refresh token saved");
    env.assert_no_secret_printed(&[secret]);
}

#[test]
fn public_registration_refuses_a_secret() {
    let env = TestEnv::new("pubsecret", json!({ "type": "public" }));
    env.write_settings(&[(
        "redirect = \"http://localhost\"",
        "redirect = \"http://localhost\"\nclient_type = \"confidential\"",
    )]);
    let mut child = env
        .command(&["admin", "set-client-secret"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), b"some-secret\n").unwrap();
    assert!(child.wait().unwrap().success());
    let (_, v) = env.run_json(&["signin", &env.address]);
    assert_eq!(codes(&v), ["APP_REGISTRATION_IS_PUBLIC_CLIENT"], "{v:#}");
}

#[test]
fn field_f16_admin_consent_required_gives_the_consent_url() {
    let env = TestEnv::new("consent", json!({ "scenario": { "token_error": 90094 } }));
    let (code, v) = env.run_json(&["signin", &env.address]);
    assert_eq!(code, 1);
    let f = first_finding(&v);
    assert_eq!(f["code"], "ADMIN_CONSENT_REQUIRED", "{v:#}");
    let url = format!(
        "{}/{}/adminconsent?client_id={}",
        env.peers.idp(),
        env.peers.info["tenant_edu"].as_str().unwrap(),
        env.client_id
    );
    assert!(
        f["steps"][0].as_str().unwrap().contains(&url),
        "{}",
        f["steps"][0]
    );
    assert!(f["forUser"].as_str().unwrap().contains("IT administrator"));
}

#[test]
fn token_sanity_is_checked_before_anything_is_stored() {
    let env = TestEnv::new(
        "norefresh",
        json!({ "scenario": { "no_refresh_token": true } }),
    );
    let (_, v) = env.run_json(&["signin", &env.address]);
    assert_eq!(codes(&v), ["TOKEN_INCOMPLETE"], "{v:#}");
    assert!(
        first_finding(&v)["explanation"]
            .as_str()
            .unwrap()
            .contains("offline_access")
    );
    assert!(env.vault_record().is_none());

    let env = TestEnv::new(
        "noscope",
        json!({ "scenario": { "granted_scopes": ["https://outlook.office.com/IMAP.AccessAsUser.All"] } }),
    );
    let (_, v) = env.run_json(&["signin", &env.address]);
    assert_eq!(codes(&v), ["TOKEN_INCOMPLETE"], "{v:#}");
    assert!(
        first_finding(&v)["explanation"]
            .as_str()
            .unwrap()
            .contains("SMTP.Send")
    );
    assert!(env.vault_record().is_none());
}

#[test]
fn field_f06_token_for_another_service_is_caught_before_storing() {
    let env = TestEnv::new(
        "graphtoken",
        json!({ "scenario": { "access_token_audience": "https://graph.microsoft.com" } }),
    );
    let (_, v) = env.run_json(&["signin", &env.address]);
    assert_eq!(codes(&v), ["TOKEN_WRONG_RESOURCE"], "{v:#}");
    assert!(
        first_finding(&v)["explanation"]
            .as_str()
            .unwrap()
            .contains("https://graph.microsoft.com")
    );
    assert!(env.vault_record().is_none());
}

#[test]
fn field_f12_personal_account_on_a_work_registration() {
    // The browser signs in a personal account while the work mailbox is set up: the work
    // registration (organizations authority) refuses it with AADSTS50020.
    let personal = format!("personal-{}@hotmail.example", std::process::id());
    let env = TestEnv::new(
        "personal",
        json!({ "scenario": { "signed_in_as": personal } }),
    );
    let (code, v) = env.run_json(&["signin", &env.address]);
    assert_eq!(code, 1);
    let f = first_finding(&v);
    assert_eq!(f["code"], "PERSONAL_ACCOUNT_NOT_ALLOWED", "{v:#}");
    assert!(f["evidence"].as_str().unwrap().contains("AADSTS50020"));
}

#[test]
fn field_f05_shared_mailbox_full_access_and_send_as_checked_separately() {
    let env = TestEnv::new("shared", json!({}));
    let shared = env.address.clone();
    let delegate = format!("delegate-{}", env.address.to_lowercase());
    env.peers.grant(&shared, &delegate, true, true);
    let (code, v) = env.run_json(&["signin", &shared, "--as", &delegate]);
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(v["account"]["shared"], true);
    assert_eq!(v["account"]["signedInAs"], delegate);
    let (code, v) = env.run_json(&["verify", &shared, "--send-test"]);
    assert_eq!(code, 0, "{v:#}");
    // SMTP: user= the delegate (the token owner), MAIL FROM the shared mailbox; IMAP: user= shared.
    assert_eq!(
        step(&v, "smtp_auth")["detail"],
        format!("XOAUTH2 as {delegate}")
    );
    assert_eq!(
        step(&v, "imap_auth")["detail"],
        format!("XOAUTH2 as {}", shared.to_lowercase())
    );

    env.peers.grant(&shared, &delegate, true, false);
    let (code, v) = env.run_json(&["verify", &shared, "--send-test"]);
    assert_eq!(code, 1);
    assert_eq!(codes(&v), ["SHARED_MAILBOX_NO_SEND_AS"], "{v:#}");
    let f = first_finding(&v);
    assert!(f["steps"][1].as_str().unwrap().contains(&format!(
        "Add-RecipientPermission -Identity {} -Trustee {delegate} -AccessRights SendAs",
        shared.to_lowercase()
    )));
    assert_eq!(
        step(&v, "imap_select")["status"],
        "passed",
        "IMAP is checked separately"
    );

    env.peers.grant(&shared, &delegate, false, true);
    let (code, v) = env.run_json(&["verify", &shared]);
    assert_eq!(code, 1);
    assert_eq!(codes(&v), ["SHARED_MAILBOX_NO_FULL_ACCESS"], "{v:#}");
    assert_eq!(
        step(&v, "smtp_auth")["status"],
        "passed",
        "SMTP is checked separately"
    );
}
