//! Field cases that need the real binary and the local peers: failures reported in public bug
//! trackers, one test per case (named after its id), each with the report's address.
//! Cases that are pure functions are tested next to the code (classify, loopback, address).

mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::Instant;

use common::{TestEnv, codes, first_finding, repo, step};
use serde_json::{Value, json};

/// The user cancels in the browser: <https://github.com/MultiMC/Launcher/issues/4015>.
#[test]
fn field_f11_cancel_in_browser_is_signin_cancelled() {
    let env = TestEnv::new("cancel", json!({ "scenario": { "deny": true } }));
    let (code, v) = env.run_json(&["signin", &env.address]);
    assert_eq!(code, 1);
    assert_eq!(codes(&v), ["SIGNIN_CANCELLED"], "{v:#}");
    assert!(env.vault_record().is_none());
    let page = env.browser_page(&v);
    assert!(page.contains("Sign-in cancelled"), "{page}");
    assert!(
        !page.contains("code="),
        "the browser page never shows a code"
    );
}

/// A loopback redirect registered as "Web":
/// <https://github.com/Azure/azure-sdk-for-go/issues/22386>.
#[test]
fn field_f17_web_registration_asks_for_a_secret() {
    let env = TestEnv::new("webapp", json!({ "type": "web", "secret": "s3cret-value" }));
    let (code, v) = env.run_json(&["signin", &env.address]);
    assert_eq!(code, 1);
    let f = first_finding(&v);
    assert_eq!(f["code"], "APP_REGISTRATION_NOT_PUBLIC_CLIENT", "{v:#}");
    assert_eq!(f["audience"], "admin");
    assert!(f["evidence"].as_str().unwrap().contains("AADSTS7000218"));
    assert!(
        f["evidence"].as_str().unwrap().contains("Trace ID:"),
        "trace id kept for support"
    );
    assert!(env.vault_record().is_none());
}

/// An unregistered redirect URI (<https://github.com/pdobsan/oama/issues/44>) that ends in a
/// bare timeout (<https://github.com/OpenWhispr/openwhispr/pull/2124>).
#[test]
fn field_f08_field_f09_unregistered_redirect_times_out_with_guidance() {
    // Registered under another path: Entra shows AADSTS50011 in the browser and never calls back.
    let env = TestEnv::new(
        "redirect",
        json!({ "redirect_uris": ["http://localhost/finish"] }),
    );
    let t = Instant::now();
    let (code, v) = env.run_json(&["signin", &env.address, "--timeout", "4"]);
    assert_eq!(code, 1);
    let f = first_finding(&v);
    assert_eq!(f["code"], "SIGNIN_NO_CALLBACK", "{v:#}");
    assert!(f["steps"][0].as_str().unwrap().contains("AADSTS"));
    assert!(t.elapsed().as_secs() < 30);
    let page = env.browser_page(&v);
    assert!(
        page.contains("AADSTS50011"),
        "the browser shows the redirect error: {page}"
    );
}

/// A refresh token unused for 90 days: <https://github.com/blobfile/blobfile/issues/93>.
#[test]
fn field_f14_refresh_expired_by_inactivity_removes_the_dead_token() {
    let env = TestEnv::new(
        "inactive",
        json!({ "scenario": { "access_token_lifetime": 5 } }),
    );
    env.sign_in_ok();
    env.peers.register_client(json!({ "client_id": env.client_id, "scenario": { "access_token_lifetime": 5, "refresh_error": 700082 } }));
    let (code, v) = env.run_json(&["verify", &env.address]);
    assert_eq!(code, 1);
    let f = first_finding(&v);
    assert_eq!(f["code"], "REAUTH_INACTIVITY", "{v:#}");
    assert!(f["title"].as_str().unwrap().contains("sign in again"));
    assert!(
        !f["explanation"].as_str().unwrap().contains("AADSTS"),
        "no raw text in the explanation"
    );
    assert!(
        env.vault_record().is_none(),
        "the dead refresh token is removed"
    );
}

/// Conditional Access sign-in frequency:
/// <https://github.com/simonrob/email-oauth2-proxy/issues/181>.
#[test]
fn field_f15_sign_in_frequency_policy_is_explained() {
    let env = TestEnv::new(
        "policy",
        json!({ "scenario": { "access_token_lifetime": 5 } }),
    );
    env.sign_in_ok();
    env.peers.register_client(json!({ "client_id": env.client_id, "scenario": { "access_token_lifetime": 5, "refresh_error": 70043 } }));
    let (code, v) = env.run_json(&["verify", &env.address]);
    assert_eq!(code, 1);
    let f = first_finding(&v);
    assert_eq!(f["code"], "REAUTH_POLICY", "{v:#}");
    assert!(f["explanation"].as_str().unwrap().contains("policy"));
}

/// The token endpoint unreachable behind a proxy:
/// <https://github.com/O365/python-o365/issues/550>.
#[test]
fn field_f23_unreachable_identity_provider_keeps_the_token() {
    let env = TestEnv::new(
        "proxy",
        json!({ "scenario": { "access_token_lifetime": 5 } }),
    );
    env.sign_in_ok();
    let before = env.vault_record().unwrap();
    // The system proxy setting points at nothing: the token endpoint is unreachable.
    let dead = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let env = env.with_env("HTTPS_PROXY", &format!("http://127.0.0.1:{dead}"));
    let (code, v) = env.run_json(&["verify", &env.address]);
    assert_eq!(code, 1);
    let f = first_finding(&v);
    assert_eq!(f["code"], "NETWORK_IDP_UNREACHABLE", "{v:#}");
    assert_eq!(f["audience"], "helpdesk");
    assert_eq!(
        env.vault_record().unwrap()["refresh_token"],
        before["refresh_token"],
        "token kept"
    );
}

/// A refresh sent to another tenant's endpoint:
/// <https://github.com/tarickb/sasl-xoauth2/issues/54>.
#[test]
fn field_f13_refresh_goes_to_the_stored_tenant() {
    let env = TestEnv::new(
        "authority",
        json!({ "scenario": { "access_token_lifetime": 5 } }),
    );
    env.sign_in_ok();
    // The administrator later changes the settings' tenant: refresh must still use the stored one.
    env.write_settings(&[("tenant = \"organizations\"", "tenant = \"consumers\"")]);
    let (code, v) = env.run_json(&["verify", &env.address]);
    assert_eq!(code, 0, "{v:#}");
}

/// The app in a D-Bus session of its own, set up by `setup` (a shell snippet run first), with
/// `config` as the session bus's configuration (`None`: the standard one, which starts
/// gnome-keyring when asked). No display: no unlock window can be shown, as over SSH.
fn in_own_session(
    env: &TestEnv,
    config: Option<&std::path::Path>,
    setup: &str,
    args: &[&str],
) -> (i32, serde_json::Value) {
    let app = env.command(args);
    let mut cmd = std::process::Command::new("dbus-run-session");
    if let Some(c) = config {
        cmd.arg(format!("--config-file={}", c.display()));
    }
    cmd.args(["--", "sh", "-c", &format!("{setup}\nexec \"$0\" \"$@\"")])
        .arg(app.get_program())
        .args(app.get_args());
    for (k, v) in app.get_envs() {
        match v {
            Some(v) => cmd.env(k, v),
            None => cmd.env_remove(k),
        };
    }
    let out = cmd
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let v = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {stdout}\nstderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().unwrap_or(-1), v)
}

/// Linux without a usable Secret Service (https://github.com/enarx/enarx/issues/2019,
/// https://github.com/open-source-cooperative/keyring-rs/issues/167): (a) no Secret Service on
/// the session bus; (b) gnome-keyring running but never set up (no default keyring); (c) the
/// login keyring locked, with no window to unlock it. Three findings, each for the right
/// person, found before the browser opens — never "no vault service" for a locked keyring.
#[test]
fn field_n03_no_service_no_keyring_and_locked_keyring_are_three_findings() {
    let env = TestEnv::new("n03", json!({}));
    let no_services = env.dir.path().join("no-services.conf");
    std::fs::write(
        &no_services,
        r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:tmpdir=/tmp</listen>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy></busconfig>"#,
    )
    .unwrap();
    let signin = ["--json", "signin", env.address.as_str()];
    let lock = "dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null";
    let cases = [
        (
            Some(no_services.as_path()),
            String::new(),
            "VAULT_UNAVAILABLE",
            "helpdesk",
        ),
        (
            None,
            "gnome-keyring-daemon --start --components=secrets >/dev/null 2>&1".to_owned(),
            "VAULT_NOT_SET_UP",
            "user",
        ),
        (
            None,
            format!(
                "printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1\nsleep 0.3\n{lock}"
            ),
            "VAULT_LOCKED",
            "user",
        ),
    ];
    let mut words = Vec::new();
    for (config, setup, code, audience) in cases {
        let data = tempfile::tempdir().unwrap();
        let setup = format!("export XDG_DATA_HOME={}\n{setup}", data.path().display());
        let (exit, v) = in_own_session(&env, config, &setup, &signin);
        assert_eq!(exit, 1, "{v:#}");
        assert_eq!(codes(&v), [code], "{v:#}");
        let f = first_finding(&v);
        assert_eq!(f["audience"], audience, "{f:#}");
        assert!(
            !common::has_step(&v, "open_browser"),
            "no sign-in started: {v:#}"
        );
        if code == "VAULT_LOCKED" {
            assert!(
                !f.to_string().contains("did not answer")
                    && !f.to_string().contains("no vault service"),
                "{f:#}"
            );
        }
        words.push((f["title"].to_string(), f["steps"].to_string()));
    }
    assert!(words[0] != words[1] && words[1] != words[2] && words[0] != words[2]);
    assert!(env.vault_record().is_none());
}

/// MFA switched on after the sign-in (https://github.com/DougHennig/SFMail/issues/15; 50079:
/// https://github.com/microsoft/vscode/issues/192806): the renewal is refused; 50076 asks for
/// the second step in a new sign-in, 50079 for setting one up first. No retry loop, and the
/// saved sign-in and settings are kept.
#[test]
fn field_n07_mfa_at_renewal_is_told_apart_and_the_sign_in_is_kept() {
    let env = TestEnv::new("n07", json!({ "scenario": { "access_token_lifetime": 5 } }));
    env.sign_in_ok();
    let before = env.vault_record().unwrap();
    for (aadsts, code, says) in [
        (50076, "MFA_REQUIRED", "mailsetup signin"),
        (50079, "MFA_SETUP_REQUIRED", "https://aka.ms/mfasetup"),
    ] {
        env.peers.register_client(json!({ "client_id": env.client_id, "scenario": { "access_token_lifetime": 5, "refresh_error": aadsts } }));
        let (exit, v) = env.run_json(&["verify", &env.address]);
        assert_eq!(exit, 1);
        let f = first_finding(&v);
        assert_eq!(f["code"], code, "{v:#}");
        assert_eq!(f["audience"], "user");
        assert!(f["steps"].to_string().contains(says), "{f:#}");
        assert_eq!(
            env.vault_record().unwrap()["refresh_token"],
            before["refresh_token"],
            "the sign-in is kept"
        );
    }
}

/// Google's OAuth errors at renewal, in Google's words and for the person who must act
/// (https://developers.google.com/identity/protocols/oauth2/native-app, "Authorization
/// errors"; the local provider answers as Google does).
#[test]
fn google_oauth_errors_at_renewal_name_google_and_who_must_act() {
    let env = TestEnv::at("googleerr", "school.example", json!({}));
    let google = env
        .peers
        .register_google_client(json!({ "scenario": { "access_token_lifetime": 5 } }));
    env.write_settings(&[(
        "123456789012-mailsetupdemo.apps.googleusercontent.com",
        &google,
    )]);
    let (exit, v) = env.run_json(&["signin", &env.address]);
    assert_eq!(exit, 0, "{v:#}");
    for (which, code, audience) in [
        ("deleted_client", "GOOGLE_CLIENT_DELETED", "admin"),
        (
            "admin_policy_enforced",
            "GOOGLE_APP_BLOCKED_BY_ADMIN",
            "admin",
        ),
        ("unauthorized_client", "GOOGLE_CLIENT_INVALID", "admin"),
        ("invalid_rapt", "REAUTH_REQUIRED", "user"),
    ] {
        env.peers.register_google_client(json!({ "client_id": google, "scenario": { "access_token_lifetime": 5, "refresh_error": which } }));
        let (exit, v) = env.run_json(&["verify", &env.address]);
        assert_eq!(exit, 1);
        let f = first_finding(&v);
        assert_eq!(f["code"], code, "{which}: {v:#}");
        assert_eq!(f["audience"], audience, "{which}");
        let text = f.to_string();
        assert!(
            !text.contains("Microsoft") && !text.contains("Entra"),
            "{which}: {text}"
        );
    }
}

/// Google's consent page lets the person untick Gmail (granular consent,
/// https://developers.google.com/identity/protocols/oauth2/resources/granular-permissions): the
/// sign-in names it for the person, and nothing is saved.
#[test]
fn google_sign_in_without_the_gmail_permission_is_the_persons_to_tick() {
    let env = TestEnv::at("googlescope", "school.example", json!({}));
    let google = env.peers.register_google_client(
        json!({ "scenario": { "granted_scopes": ["openid", "https://www.googleapis.com/auth/userinfo.email"] } }),
    );
    env.write_settings(&[(
        "123456789012-mailsetupdemo.apps.googleusercontent.com",
        &google,
    )]);
    let (exit, v) = env.run_json(&["signin", &env.address]);
    assert_eq!(exit, 1);
    let f = first_finding(&v);
    assert_eq!(f["code"], "GOOGLE_SCOPE_NOT_GRANTED", "{v:#}");
    assert_eq!(f["audience"], "user");
    assert!(env.vault_record().is_none());
}

/// XOAUTH2's error challenge (<https://github.com/Webklex/php-imap/issues/30>,
/// <https://github.com/mscdex/node-imap/issues/233>): the real Postfix and Dovecot refuse a
/// saved access token with a `{"status":"401",…}` challenge; the app answers it, reads the
/// verdict as an expired or invalid token, drops the token, renews the sign-in and tries both
/// servers once more — never with the refused token.
#[test]
fn field_t25_a_refused_saved_token_is_dropped_renewed_and_tried_once() {
    let env = TestEnv::new("t25", json!({}));
    env.sign_in_ok();
    // Replace the saved access token with one the servers refuse (still "valid" by its time).
    let bogus = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.bm90LXNpZ25lZA";
    let user = format!("{}#access", env.address.to_lowercase());
    let entry = format!(r#"{{"access_token":"{bogus}","expires_at":9999999999}}"#);
    common::secret_tool_store(&user, &entry);

    let (code, v) = env.run_json(&["verify", &env.address]);
    assert_eq!(code, 0, "renewed and passed on the second try: {v:#}");
    let steps = v["steps"].as_array().unwrap();
    let refused: Vec<_> = steps
        .iter()
        .filter(|s| s["finding"]["code"] == "ACCESS_TOKEN_REFUSED")
        .collect();
    assert_eq!(
        refused.len(),
        2,
        "both servers refused the saved token: {v:#}"
    );
    for s in &refused {
        assert_eq!(
            s["status"], "info",
            "a refusal overcome is information: {s}"
        );
        let evidence = s["finding"]["evidence"].as_str().unwrap();
        assert!(evidence.contains(r#""status":"401""#), "{evidence}");
        assert!(
            !evidence.contains("bm90LXNpZ25lZA"),
            "the token never reaches the evidence"
        );
    }
    let renewals = steps
        .iter()
        .filter(|s| s["step"] == "token_refresh")
        .count();
    assert_eq!(renewals, 2, "the saved token, then one renewal");
    for step in ["smtp_auth", "imap_auth"] {
        assert!(
            steps
                .iter()
                .any(|s| s["step"] == step && s["status"] == "passed"),
            "{step} passed with the new token"
        );
    }
    let cached = env.vault_access_token().expect("the new token is cached");
    assert_ne!(cached["access_token"], bogus, "the refused token is gone");
}

/// The same refusal when the renewal cannot help (the provider refuses the refresh token):
/// one renewal, no second try with the refused token, and the person is told why.
#[test]
fn field_t25_a_refused_token_is_not_sent_again_when_renewal_fails() {
    let env = TestEnv::new("t25b", json!({}));
    env.sign_in_ok();
    let user = format!("{}#access", env.address.to_lowercase());
    common::secret_tool_store(
        &user,
        r#"{"access_token":"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.bm90LXNpZ25lZA","expires_at":9999999999}"#,
    );
    env.peers.register_client(
        json!({ "client_id": env.client_id, "scenario": { "refresh_error": 50173 } }),
    );
    let (code, v) = env.run_json(&["verify", &env.address]);
    assert_eq!(code, 1);
    let codes = codes(&v);
    // Each server's refusal (they name different servers), then why renewing did not help.
    assert_eq!(
        codes,
        [
            "ACCESS_TOKEN_REFUSED",
            "ACCESS_TOKEN_REFUSED",
            "REAUTH_REQUIRED"
        ],
        "{v:#}"
    );
    let auths = v["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["step"] == "smtp_auth" || s["step"] == "imap_auth")
        .count();
    assert_eq!(auths, 2, "the refused token is not sent a second time");
    assert!(
        env.vault_access_token().is_none(),
        "the refused token is dropped"
    );
}

/// `mailsetup <args>` on a computer where no program can open a browser: `PATH` holds no
/// opener (no `xdg-open`, `gio`, `x-www-browser`, no browser) and `BROWSER` is unset. While
/// it waits, the link is read from what it prints and opened by hand in the headless test
/// browser, as a person would copy it. Returns the exit code, the JSON outcome and stderr.
fn sign_in_without_a_browser(env: &TestEnv, extra: &[&str]) -> (i32, Value, String) {
    let no_programs = env.dir.path().join("no-programs");
    std::fs::create_dir_all(&no_programs).unwrap();
    let mut args = vec!["--json", "signin", &env.address, "--timeout", "120"];
    args.extend_from_slice(extra);
    let mut child = env
        .command(&args)
        .env("PATH", &no_programs)
        .env_remove("BROWSER")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read all of stderr (debug logs go there too, so it must never stop being read), and hand
    // over the link as soon as it is printed.
    let stderr = BufReader::new(child.stderr.take().unwrap());
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut all = String::new();
        for line in stderr.lines().map_while(Result::ok) {
            let link = line.trim();
            if link.starts_with("http://") && link.contains("/mailsetup-start/") {
                let _ = tx.send(link.to_owned());
            }
            all.push_str(&line);
            all.push('\n');
        }
        all
    });
    let link = rx
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("the link is printed while the sign-in waits");
    let opened = std::process::Command::new(repo().join("tests/peers/browser.sh"))
        .arg(&link)
        .env("MAILSETUP_PEERS_DIR", &env.peers.dir)
        .status()
        .unwrap();
    assert!(opened.success(), "the test browser opened {link}");
    let out = child.wait_with_output().unwrap();
    let stderr = reader.join().unwrap();
    let printed = std::process::Output {
        stderr: stderr.clone().into_bytes(),
        ..out
    };
    env.record(&args, &printed);
    let stdout = String::from_utf8_lossy(&printed.stdout);
    let v = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {stdout}\nstderr: {stderr}"));
    (printed.status.code().unwrap_or(-1), v, stderr)
}

/// Linux or WSL without `xdg-open`: the tool cannot open the browser and does not print the
/// address (<https://github.com/render-oss/cli/issues/13>,
/// <https://github.com/hickford/git-credential-oauth/issues/62>). Here the sign-in goes on:
/// the link is printed while the listener waits, the code is offered as the other way, and
/// the link opened by hand completes the sign-in.
#[test]
fn field_n11_no_browser_program_shows_the_link_and_the_sign_in_completes() {
    let env = TestEnv::new("nobrowser", json!({}));
    let (code, v, stderr) = sign_in_without_a_browser(&env, &[]);
    assert_eq!(code, 0, "{v:#}\n{stderr}");
    assert_eq!(v["passed"], true);
    assert!(env.vault_record().is_some(), "the sign-in is saved");
    let open = step(&v, "open_browser");
    assert_eq!(open["status"], "info", "{open:#}");
    assert!(
        stderr.contains("The web browser could not be opened"),
        "{stderr}"
    );
    assert!(
        stderr.contains("--device-code"),
        "the code is offered: {stderr}"
    );
    let page = env.browser_page(&v);
    assert!(page.contains("Signed in as"), "{page}");
}

/// `--private` with no browser that has a private mode: the link shown must lead somewhere
/// (it used to be printed after the listener had closed: connection refused).
#[test]
fn field_n11_private_window_unavailable_link_still_works() {
    let env = TestEnv::new("noprivate", json!({}));
    let (code, v, stderr) = sign_in_without_a_browser(&env, &["--private"]);
    assert_eq!(code, 0, "{v:#}\n{stderr}");
    assert!(env.vault_record().is_some());
    assert!(
        stderr.contains("A private window could not be opened automatically"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Ctrl+Shift+N"),
        "how to open one by hand: {stderr}"
    );
}
