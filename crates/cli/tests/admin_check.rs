//! `mailsetup admin check` end to end: the real binary, the headless test browser signing the
//! administrator in with Microsoft's Graph tools app at the local provider, and the provider's
//! Graph view of each registration scenario (tests/peers/README.md, "Registration scenarios").
//! One test per item and scenario; each asserts the exit code, the failed item's finding and that
//! the other items still pass — and that nothing of the administrator is kept.

mod common;

use common::{TestEnv, secret_tool_lookup};
use serde_json::{Value, json};

const ADMIN: &str = "admin@example.edu";

/// Runs `admin check --as <admin>` in `env`; returns (exit code, report).
fn check_as(env: &TestEnv, admin: &str) -> (i32, Value) {
    env.run_json(&["admin", "check", "--as", admin])
}

fn check(env: &TestEnv) -> (i32, Value) {
    check_as(env, ADMIN)
}

/// The item `id` of a report (panics with the report when it is missing).
fn item<'a>(report: &'a Value, id: &str) -> &'a Value {
    report["items"]
        .as_array()
        .and_then(|items| items.iter().find(|i| i["id"] == id))
        .unwrap_or_else(|| panic!("no item {id} in {report:#}"))
}

/// `(id, status, finding code)` of every item, for one-line assertions.
fn verdicts(report: &Value) -> Vec<(String, String, String)> {
    report["items"]
        .as_array()
        .unwrap_or_else(|| panic!("no items in {report:#}"))
        .iter()
        .map(|i| {
            (
                i["id"].as_str().unwrap().to_owned(),
                i["status"].as_str().unwrap().to_owned(),
                i["finding"]["code"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

/// The items that did not pass, as `(id, finding code)`.
fn failures(report: &Value) -> Vec<(String, String)> {
    verdicts(report)
        .into_iter()
        .filter(|(_, status, _)| status != "passed")
        .map(|(id, _, code)| (id, code))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

/// A client secret of the shape Entra hands out: 40 characters, `8Q~` after the first three.
fn entra_secret() -> String {
    let tail = format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    );
    format!("{}8Q~{}", &tail[..3], &tail[3..37])
}

/// This env's settings say the registration is confidential ("Web").
fn confidential(env: &TestEnv) {
    env.write_settings(&[(
        "redirect = \"http://localhost\"",
        "redirect = \"http://localhost\"\nclient_type = \"confidential\"",
    )]);
}

#[test]
fn the_registration_the_app_needs_passes_every_item_and_nothing_of_the_admin_is_kept() {
    let env = TestEnv::new("regok", json!({}));
    let (code, v) = check(&env);
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(v["passed"], true);
    assert_eq!(
        v["summary"],
        "The app registration is ready: every item passed."
    );
    assert_eq!(v["clientId"], env.client_id);
    assert_eq!(v["tenantId"], env.peers.info["tenant_edu"]);
    assert_eq!(v["signedIn"], ADMIN);
    let ids: Vec<String> = verdicts(&v).into_iter().map(|(id, _, _)| id).collect();
    assert_eq!(
        ids,
        [
            "registration",
            "enabled",
            "public_client",
            "redirect",
            "permissions",
            "consent",
            "unneeded"
        ]
    );
    assert!(failures(&v).is_empty(), "{v:#}");
    assert!(
        item(&v, "redirect")["detail"]
            .as_str()
            .unwrap()
            .contains("http://localhost is registered under \"Mobile and desktop applications\"")
    );
    // Nothing of the administrator's sign-in was stored: no vault entry, no account.
    assert!(secret_tool_lookup(ADMIN).is_none());
    let (_, accounts) = env.run_json(&["accounts", "list"]);
    assert_eq!(accounts, json!([]), "{accounts:#}");
    // The text form marks every item.
    let (code, text, _) = env.run(&["-q", "admin", "check", "--as", ADMIN]);
    assert_eq!(code, 0);
    assert_eq!(text.matches("✓ ").count(), 7, "{text}");
    assert!(text.contains("nothing of this sign-in was saved"), "{text}");
}

#[test]
fn an_unknown_client_id_is_not_found_in_the_organisation() {
    let env = TestEnv::new("regnone", json!({}));
    let unknown = uuid::Uuid::new_v4().to_string();
    let id = env.client_id.clone();
    env.write_settings(&[(id.as_str(), unknown.as_str())]);
    let (code, v) = check(&env);
    assert_eq!(code, 1, "{v:#}");
    let first = item(&v, "registration");
    assert_eq!(first["status"], "failed");
    assert_eq!(first["finding"]["code"], "REGISTRATION_NOT_FOUND");
    assert!(
        first["finding"]["title"]
            .as_str()
            .unwrap()
            .contains(&unknown)
    );
    assert_eq!(
        verdicts(&v)
            .iter()
            .filter(|(_, s, _)| s == "not_checked")
            .count(),
        6
    );
}

#[test]
fn a_disabled_app_fails_the_enabled_item() {
    let env = TestEnv::new("regoff", json!({ "scenario": { "disabled": true } }));
    let (code, v) = check(&env);
    assert_eq!(code, 1);
    assert_eq!(
        failures(&v),
        pairs(&[("enabled", "REGISTRATION_DISABLED")]),
        "{v:#}"
    );
    let steps = item(&v, "enabled")["finding"]["steps"].to_string();
    assert!(
        steps.contains("Enabled for users to sign-in? → Yes"),
        "{steps}"
    );
    // The administrator reads it: it does not tell them to send it to their administrator.
    assert!(item(&v, "enabled")["finding"].get("forUser").is_none());
    // The provider agrees: the app's token requests are refused with AADSTS7000112.
    let (status, body) = env.peers.token_request(
        "organizations",
        &[
            ("client_id", env.client_id.as_str()),
            ("grant_type", "refresh_token"),
            ("refresh_token", "1.Ax"),
        ],
    );
    assert_eq!(
        (status, body["error_codes"][0].as_u64()),
        (400, Some(7000112))
    );
}

#[test]
fn field_f17_a_web_platform_registration_is_not_a_public_client() {
    let env = TestEnv::new("regweb", json!({ "type": "web", "secret": entra_secret() }));
    let (code, v) = check(&env);
    assert_eq!(code, 1);
    assert_eq!(
        failures(&v),
        pairs(&[
            ("public_client", "REGISTRATION_NOT_PUBLIC_CLIENT"),
            ("redirect", "REGISTRATION_REDIRECT_WRONG_PLATFORM"),
        ]),
        "{v:#}"
    );
    let f = &item(&v, "public_client")["finding"];
    assert!(
        f["explanation"]
            .as_str()
            .unwrap()
            .contains("it has only the Web platform")
    );
    let f = &item(&v, "redirect")["finding"];
    assert!(
        f["explanation"]
            .as_str()
            .unwrap()
            .contains("instead registered under Web (http://localhost)"),
        "{f:#}"
    );
}

#[test]
fn public_client_flows_off_is_named() {
    let env = TestEnv::new("regflows", json!({ "scenario": { "public_flows": false } }));
    let (code, v) = check(&env);
    assert_eq!(code, 1);
    assert_eq!(
        failures(&v),
        pairs(&[("public_client", "REGISTRATION_PUBLIC_FLOWS_OFF")]),
        "{v:#}"
    );
    assert!(
        item(&v, "public_client")["finding"]["steps"]
            .to_string()
            .contains("Allow public client flows")
    );
}

#[test]
fn field_f09_a_redirect_the_app_does_not_use_is_missing() {
    // The registration lists http://127.0.0.1; the settings send http://localhost.
    let env = TestEnv::new("regredir", json!({ "redirect_uris": ["http://127.0.0.1"] }));
    let (code, v) = check(&env);
    assert_eq!(code, 1);
    assert_eq!(
        failures(&v),
        pairs(&[("redirect", "REGISTRATION_REDIRECT_MISSING")]),
        "{v:#}"
    );
    assert_eq!(
        item(&v, "redirect")["finding"]["title"],
        "The app's redirect URI http://localhost is not registered"
    );
    // With the settings' redirect switched to the registered form, it passes.
    env.write_settings(&[(
        "redirect = \"http://localhost\"",
        "redirect = \"http://127.0.0.1\"",
    )]);
    let (code, v) = check(&env);
    assert_eq!(code, 0, "{v:#}");
}

#[test]
fn a_leftover_web_entry_for_localhost_on_another_port_is_the_wrong_platform() {
    let env = TestEnv::new(
        "regleft",
        json!({ "scenario": { "extra_redirects": { "web": ["http://localhost:3000"] } } }),
    );
    let (code, v) = check(&env);
    assert_eq!(code, 1);
    assert_eq!(
        failures(&v),
        pairs(&[("redirect", "REGISTRATION_REDIRECT_WRONG_PLATFORM")])
    );
    assert!(
        item(&v, "redirect")["finding"]["explanation"]
            .as_str()
            .unwrap()
            .contains("also registered under Web (http://localhost:3000)")
    );
}

#[test]
fn field_f16_missing_admin_consent_gives_the_consent_link() {
    let env = TestEnv::new(
        "regconsent",
        json!({ "scenario": { "admin_consent": false } }),
    );
    let (code, v) = check(&env);
    assert_eq!(code, 1);
    assert_eq!(
        failures(&v),
        pairs(&[("consent", "REGISTRATION_CONSENT_MISSING")]),
        "{v:#}"
    );
    let link = format!(
        "{}/{}/adminconsent?client_id={}",
        env.peers.idp(),
        env.peers.info["tenant_edu"].as_str().unwrap(),
        env.client_id
    );
    let f = &item(&v, "consent")["finding"];
    assert!(f["steps"][0].as_str().unwrap().contains(&link), "{f:#}");
    // Partly consented: only what is missing is named.
    env.peers.register_client(json!({ "client_id": env.client_id, "scenario": { "admin_consent": ["openid", "profile", "email", "offline_access"] } }));
    let (_, v) = check(&env);
    assert_eq!(
        item(&v, "consent")["finding"]["title"],
        "No administrator has consented to SMTP.Send, IMAP.AccessAsUser.All"
    );
}

#[test]
fn missing_delegated_permissions_are_named() {
    let env = TestEnv::new(
        "regperm",
        json!({ "scenario": { "delegated": ["openid", "profile", "email", "offline_access", "User.Read"] } }),
    );
    let (code, v) = check(&env);
    assert_eq!(code, 1);
    assert_eq!(
        failures(&v),
        pairs(&[
            ("permissions", "REGISTRATION_PERMISSIONS_MISSING"),
            ("consent", "REGISTRATION_CONSENT_MISSING"),
        ]),
        "{v:#}"
    );
    assert!(
        item(&v, "permissions")["finding"]["explanation"]
            .as_str()
            .unwrap()
            .contains("SMTP.Send, IMAP.AccessAsUser.All")
    );
    // User.Read is more than the app needs, but delegated: a note, not a failure.
    assert!(
        item(&v, "unneeded")["detail"]
            .as_str()
            .unwrap()
            .contains("User.Read (Microsoft Graph)")
    );
}

#[test]
fn the_vendor_documents_graph_application_permissions_are_named_as_unneeded() {
    let env = TestEnv::new(
        "regroles",
        json!({ "scenario": { "application_permissions": ["Mail.ReadWrite", "Mail.Send", "Directory.Read.All"] } }),
    );
    let (code, v) = check(&env);
    assert_eq!(code, 1);
    assert_eq!(
        failures(&v),
        pairs(&[("unneeded", "REGISTRATION_PERMISSIONS_UNNEEDED")]),
        "{v:#}"
    );
    let why = item(&v, "unneeded")["finding"]["explanation"]
        .as_str()
        .unwrap()
        .to_owned();
    for name in ["Mail.ReadWrite", "Mail.Send", "Directory.Read.All"] {
        assert!(why.contains(&format!("{name} (Microsoft Graph)")), "{why}");
    }
    assert!(why.contains("without anyone signing in"), "{why}");
}

#[test]
fn an_app_registered_in_another_organisation_is_said_so() {
    let env = TestEnv::new("regelse", json!({}));
    let other = env.peers.info["tenant_other"].as_str().unwrap().to_owned();
    env.peers.register_client(
        json!({ "client_id": env.client_id, "scenario": { "home_tenant": other } }),
    );
    let (code, v) = check(&env);
    assert_eq!(code, 1, "{v:#}");
    let first = item(&v, "registration");
    assert_eq!(first["status"], "passed");
    assert!(
        first["detail"]
            .as_str()
            .unwrap()
            .contains(&format!("belongs to another organisation (tenant {other})"))
    );
    for id in ["public_client", "redirect", "permissions"] {
        let i = item(&v, id);
        assert_eq!(i["status"], "not_checked", "{i:#}");
        assert_eq!(i["finding"]["code"], "REGISTRATION_IN_OTHER_TENANT");
    }
    for id in ["enabled", "consent", "unneeded"] {
        assert_eq!(item(&v, id)["status"], "passed", "{v:#}");
    }
    // Its own organisation's administrator sees the registration.
    let (code, v) = check_as(&env, "admin@other.example");
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(v["tenantId"], other);
}

#[test]
fn an_account_that_may_not_read_the_directory_is_told_which_role_it_needs() {
    let env = TestEnv::new("regrole", json!({}));
    let (code, v) = check_as(&env, "teacher@example.edu");
    assert_eq!(code, 1);
    assert_eq!(v["items"], json!([]));
    assert_eq!(
        v["finding"]["code"], "REGISTRATION_CHECK_FORBIDDEN",
        "{v:#}"
    );
    assert!(
        v["finding"]["steps"][0]
            .as_str()
            .unwrap()
            .contains("Global Reader")
    );
}

#[test]
fn without_a_client_id_there_is_nothing_to_check() {
    let env = TestEnv::new("regunset", json!({}));
    let line = format!("client_id = \"{}\"\n", env.client_id);
    env.write_settings(&[(line.as_str(), "")]);
    let (code, v) = check(&env);
    assert_eq!(code, 1);
    assert_eq!(v["finding"]["code"], "APP_NOT_CONFIGURED", "{v:#}");
}

#[test]
fn a_web_registration_needs_a_stored_secret_that_microsoft_accepts() {
    let secret = entra_secret();
    let env = TestEnv::new("regsecret", json!({ "type": "web", "secret": secret }));
    confidential(&env);
    let (code, v) = check(&env);
    assert_eq!(code, 1);
    assert_eq!(
        failures(&v),
        pairs(&[("client_secret", "REGISTRATION_SECRET_NOT_STORED")]),
        "{v:#}"
    );
    // The Web platform is right for a confidential registration.
    assert_eq!(item(&v, "redirect")["status"], "passed");

    // The secret's ID pasted instead of its value.
    let (code, _) = env.run_with_stdin(
        &["admin", "set-client-secret"],
        &format!("{}\n", uuid::Uuid::new_v4()),
    );
    assert_eq!(code, 0);
    let (code, v) = check(&env);
    assert_eq!(code, 1);
    assert_eq!(
        failures(&v),
        pairs(&[("client_secret", "REGISTRATION_SECRET_REFUSED")])
    );
    assert!(
        item(&v, "client_secret")["finding"]["explanation"]
            .as_str()
            .unwrap()
            .contains("AADSTS7000215")
    );

    let (code, _) = env.run_with_stdin(&["admin", "set-client-secret"], &format!("{secret}\n"));
    assert_eq!(code, 0);
    let (code, v) = check(&env);
    assert_eq!(code, 0, "{v:#}");
    assert!(
        item(&v, "client_secret")["detail"]
            .as_str()
            .unwrap()
            .contains("Microsoft accepted the client secret")
    );
    env.assert_no_secret_printed(&[secret]);
}

#[test]
fn a_web_registration_whose_secrets_expired_says_so() {
    let secret = entra_secret();
    let env = TestEnv::new(
        "regexpired",
        json!({ "type": "web", "secret": secret, "scenario": { "secret_expired": true } }),
    );
    confidential(&env);
    let (code, _) = env.run_with_stdin(&["admin", "set-client-secret"], &format!("{secret}\n"));
    assert_eq!(code, 0);
    let (code, v) = check(&env);
    assert_eq!(code, 1);
    assert_eq!(
        failures(&v),
        pairs(&[("client_secret", "REGISTRATION_NO_CURRENT_SECRET")]),
        "{v:#}"
    );
    assert!(
        item(&v, "client_secret")["finding"]["explanation"]
            .as_str()
            .unwrap()
            .contains("its last client secret expired on")
    );
}

/// Issue 12 item 6: after a check that passed, `--save DIR` writes the deployment files for
/// staff with the values checked — the client id and the organisation's tenant id in place of
/// the settings' "organizations" — so nobody types a GUID twice; the settings file read back
/// gives the same registration. A check that did not pass saves nothing.
#[test]
fn a_passed_check_saves_the_files_for_staff_with_the_checked_values() {
    let env = TestEnv::new("regsave", json!({}));
    let dir = env.dir.path().join("files for staff");
    let dir_arg = dir.to_str().unwrap();
    let (code, v) = env.run_json(&["admin", "check", "--as", ADMIN, "--save", dir_arg]);
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(v["passed"], true);
    let tenant = env.peers.info["tenant_edu"].as_str().unwrap();
    let saved = &v["saved"];
    assert_eq!(saved["folder"], dir.display().to_string(), "{v:#}");
    let names: Vec<&str> = saved["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "mailsetup.admx",
            "en-US/mailsetup.adml",
            "mailsetup.mobileconfig",
            "settings.toml"
        ]
    );
    for f in saved["files"].as_array().unwrap() {
        assert!(std::path::Path::new(f["path"].as_str().unwrap()).is_file());
        assert!(!f["purpose"].as_str().unwrap().is_empty());
    }
    let value = |key: &str| {
        saved["values"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["key"] == key)
            .map(|x| x["value"].clone())
    };
    assert_eq!(value("microsoft.client_id"), Some(json!(env.client_id)));
    assert_eq!(value("microsoft.tenant"), Some(json!(tenant)));

    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    let toml = read("settings.toml");
    assert!(
        toml.contains(&format!("client_id = \"{}\"", env.client_id)),
        "{toml}"
    );
    assert!(toml.contains(&format!("tenant = \"{tenant}\"")), "{toml}");
    assert!(!toml.contains("tenant = \"organizations\""), "{toml}");
    let adml = read("en-US/mailsetup.adml");
    assert!(
        adml.contains(&format!("<defaultValue>{}</defaultValue>", env.client_id)),
        "the policy box starts with the client id"
    );
    assert!(adml.contains(&format!("<defaultValue>{tenant}</defaultValue>")));
    let profile = read("mailsetup.mobileconfig");
    assert!(profile.contains(&format!("<string>{}</string>", env.client_id)));
    assert!(profile.contains(&format!("<string>{tenant}</string>")));

    // The settings file for staff, read by the app, is the registration that was checked.
    let staff = dir.join("settings.toml");
    let (code, shown) = env.run_json(&["--config", staff.to_str().unwrap(), "admin", "show"]);
    assert_eq!(code, 0, "{shown:#}");
    assert_eq!(shown["clientId"], env.client_id);
    assert_eq!(shown["tenant"], tenant);

    // The text form names each file and what it is for.
    let again = env.dir.path().join("again");
    let (code, text, _) = env.run(&[
        "-q",
        "admin",
        "check",
        "--as",
        ADMIN,
        "--save",
        again.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("The files for staff are saved in"), "{text}");
    assert!(text.contains("/etc/mailsetup/settings.toml"), "{text}");
    assert!(text.contains(&format!("Tenant: {tenant}")), "{text}");
}

#[test]
fn a_check_that_did_not_pass_saves_no_files_for_staff() {
    let env = TestEnv::new("regnosave", json!({}));
    let unknown = uuid::Uuid::new_v4().to_string();
    let id = env.client_id.clone();
    env.write_settings(&[(id.as_str(), unknown.as_str())]);
    let dir = env.dir.path().join("files for staff");
    let (code, v) = env.run_json(&[
        "admin",
        "check",
        "--as",
        ADMIN,
        "--save",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{v:#}");
    assert_eq!(v["passed"], false);
    assert!(v.get("saved").is_none(), "{v:#}");
    assert!(!dir.exists(), "nothing written");
}
