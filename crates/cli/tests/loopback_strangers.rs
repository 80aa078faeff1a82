//! A stranger on loopback while a sign-in waits: every attack on the loopback redirect listener
//! that issue 11 reported, tried against the real `mailsetup signin` with the real local
//! provider. The listener must answer only the browser the app sent (crates/core/src/oauth/loopback.rs):
//! - the start page is at a one-time address known only to the browser launch: `GET
//!   /mailsetup-start` by anyone else learns no `state` or `nonce`;
//! - a request whose `Host` is not the loopback name and port the app sent (DNS rebinding: a web
//!   page's script reaching `127.0.0.1` under its own name) is refused;
//! - `error=access_denied` without the right `state` is ignored, not obeyed;
//! - a code the stranger got with its own request (its own `state`, its own `login_hint`) is
//!   rejected.
//!
//! And after all that, the real browser still completes the sign-in as the right account.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Stdio;
use std::time::Duration;

use common::{TestEnv, repo};
use serde_json::{Value, json};

/// One raw HTTP/1.1 request to the listener (the `Host` header as given); the whole answer.
fn raw_get(port: u16, target: &str, host: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

fn status(answer: &str) -> u16 {
    answer
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0)
}

#[test]
fn a_stranger_on_loopback_learns_nothing_and_changes_nothing() {
    let env = TestEnv::new("stranger", json!({}));
    // A "browser" that only writes down the address it was given: the test opens it later.
    let launched = env.dir.path().join("launched-url");
    let recorder = env.dir.path().join("record-browser.sh");
    std::fs::write(
        &recorder,
        format!("#!/bin/sh\nprintf '%s' \"$1\" > {}\n", launched.display()),
    )
    .unwrap();
    std::fs::set_permissions(
        &recorder,
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .unwrap();
    let args = ["--json", "signin", &env.address, "--timeout", "120"];
    let child = env
        .command(&args)
        .env("BROWSER", &recorder)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut url = String::new();
    for _ in 0..300 {
        url = std::fs::read_to_string(&launched).unwrap_or_default();
        if !url.is_empty() {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(
        url.contains("/mailsetup-start/"),
        "the browser got the one-time start address: {url}"
    );
    let port: u16 = url
        .split(':')
        .nth(2)
        .and_then(|p| p.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap();
    let host = format!("localhost:{port}");

    // 1. A foreign request before the browser: the start page's plain address gives nothing.
    let start = raw_get(port, "/mailsetup-start", &host);
    assert!(status(&start) >= 400, "{start}");
    assert!(
        !start.contains("state=") && !start.contains("nonce="),
        "{start}"
    );

    // 2. DNS rebinding: the real start address, under another name, is refused.
    let path = url.splitn(4, '/').nth(3).map(|p| format!("/{p}")).unwrap();
    let rebound = raw_get(port, &path, &format!("attacker.example:{port}"));
    assert!(status(&rebound) >= 400, "{rebound}");
    assert!(!rebound.contains("state="), "{rebound}");

    // 3. A forged error without the right state: ignored, the sign-in goes on waiting.
    let forged = raw_get(
        port,
        "/?error=access_denied&error_description=You+cancelled",
        &host,
    );
    assert!(status(&forged) >= 400, "{forged}");

    // 4. The stranger's own authorization, as mallory, delivered to the listener: rejected.
    let idp = env.peers.idp();
    let tenant = env.peers.info["tenant_edu"].as_str().unwrap().to_owned();
    let client = reqwest::blocking::Client::builder()
        .add_root_certificate(
            reqwest::Certificate::from_pem(
                &std::fs::read(env.peers.info["ca"].as_str().unwrap()).unwrap(),
            )
            .unwrap(),
        )
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let redirect = format!("http://localhost:{port}/");
    let answer = client
        .get(format!("{idp}/{tenant}/oauth2/v2.0/authorize"))
        .query(&[
            ("client_id", env.client_id.as_str()),
            ("response_type", "code"),
            ("redirect_uri", redirect.as_str()),
            (
                "scope",
                "openid offline_access https://outlook.office.com/SMTP.Send",
            ),
            ("state", "the-strangers-own-state"),
            ("login_hint", "mallory@example.edu"),
        ])
        .send()
        .unwrap();
    let location = answer.headers()["location"].to_str().unwrap().to_owned();
    assert!(
        location.contains("code="),
        "the provider gave the stranger a code: {location}"
    );
    let target = location.trim_start_matches(&redirect[..redirect.len() - 1]);
    let swapped = raw_get(port, target, &host);
    assert!(status(&swapped) >= 400, "{swapped}");

    // The person's browser now opens what the app launched, and the sign-in completes as them.
    let opened = std::process::Command::new(repo().join("tests/peers/browser.sh"))
        .arg(&url)
        .env("MAILSETUP_PEERS_DIR", &env.peers.dir)
        .status()
        .unwrap();
    assert!(opened.success());
    let out = child.wait_with_output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{v:#}");
    assert_eq!(v["account"]["signedInAs"], env.address.to_lowercase());
    assert!(
        !v.to_string().contains("mallory"),
        "nothing of the stranger's sign-in reached the outcome"
    );
}
