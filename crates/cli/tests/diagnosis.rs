//! The connection diagnosis against the real local peers, black-holed and refused ports, the
//! sign-in service behind a dead proxy (test
//! `field_f23_diagnose_names_the_proxy_and_keeps_mail_checks_apart`), and reports.

mod common;

use std::time::{Duration, Instant};

use common::*;
use serde_json::{Value, json};

#[test]
fn diagnose_reports_every_part_from_the_real_servers() {
    let env = TestEnv::new("diagall", json!({}));
    let (code, v) = env.run_json(&["diagnose", &env.address]);
    assert_eq!(code, 0, "{v:#}");
    for (name, status) in [
        ("discover", "passed"),
        ("dns", "passed"),
        ("smtp_connect", "passed"),
        ("imap_connect", "passed"),
        ("identity_provider", "passed"),
        ("port25", "info"),
        ("port465", "info"),
        ("proxy", "info"),
    ] {
        assert_eq!(step(&v, name)["status"], status, "{name}: {v:#}");
    }
    let d = &v["diagnosis"];
    let smtp = &d["smtp"];
    let before: Vec<&str> = smtp["ehloBeforeTls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    let after: Vec<&str> = smtp["ehloAfterTls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    assert!(before.contains(&"STARTTLS"), "{before:?}");
    assert!(
        !before.iter().any(|l| l.starts_with("AUTH")),
        "Postfix offers no AUTH before TLS: {before:?}"
    );
    assert!(
        after
            .iter()
            .any(|l| l.starts_with("AUTH") && l.contains("XOAUTH2")),
        "{after:?}"
    );
    assert!(
        smtp["tls"]["version"]
            .as_str()
            .unwrap()
            .starts_with("TLS 1.")
    );
    let cert = &smtp["tls"]["certificate"];
    assert_eq!(cert["matchesHost"], true, "{cert}");
    assert!(cert["daysLeft"].as_i64().unwrap() > 0);
    assert!(
        cert["names"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n == "127.0.0.1" || n == "localhost"),
        "{cert}"
    );
    let caps: Vec<&str> = d["imap"]["capabilities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    assert!(
        caps.contains(&"AUTH=XOAUTH2") && caps.contains(&"IMAP4rev1"),
        "{caps:?}"
    );
    assert_eq!(d["identityProvider"]["status"], 200);
    assert!(
        d["addresses"][0]["ipv4"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "127.0.0.1")
    );
    assert_eq!(d["ports"].as_array().unwrap().len(), 2);
    assert!(
        step(&v, "port25")["detail"]
            .as_str()
            .unwrap()
            .contains("never on 25")
    );
}

#[test]
fn black_holed_port_gives_its_verdict_within_the_probe_timeout() {
    let env = TestEnv::new("blackhole", json!({}));
    let hole = BlackHole::new();
    let smtp = format!("smtp = \"127.0.0.1:{}\"", env.peers.info["smtp_port"]);
    let black_holed = format!("smtp = \"127.0.0.1:{}\"", hole.port);
    env.write_settings(&[(&smtp, &black_holed)]);
    let t = Instant::now();
    let (code, v) = env.run_json(&["diagnose", &env.address]);
    let took = t.elapsed();
    assert_eq!(code, 1);
    assert_eq!(codes(&v), ["CONNECT_TIMEOUT"], "{v:#}");
    let f = &step(&v, "smtp_connect")["finding"];
    assert!(
        f["title"].as_str().unwrap().ends_with("within 2.5 seconds"),
        "{f}"
    );
    // The other steps ran at the same time: the whole diagnosis takes about the probe timeout.
    assert!(took < Duration::from_secs(6), "took {took:?}");
    assert_eq!(step(&v, "imap_connect")["status"], "passed");

    // The probe timeout is a setting.
    env.write_settings(&[
        (&smtp, &black_holed),
        ("[timeouts]", "[timeouts]\nprobe = 1"),
    ]);
    let t = Instant::now();
    let (_, v) = env.run_json(&["diagnose", &env.address]);
    assert_eq!(codes(&v), ["CONNECT_TIMEOUT"], "{v:#}");
    assert!(
        t.elapsed() < Duration::from_secs(4),
        "took {:?}",
        t.elapsed()
    );
    assert!(
        step(&v, "smtp_connect")["finding"]["title"]
            .as_str()
            .unwrap()
            .ends_with("within 1 second")
    );
}

#[test]
fn field_f23_diagnose_names_the_proxy_and_keeps_mail_checks_apart() {
    let env = TestEnv::new("diagproxy", json!({}));
    let dead = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let env = env.with_env(
        "HTTPS_PROXY",
        &format!("http://helpdesk:pa55word@127.0.0.1:{dead}"),
    );
    let (code, v) = env.run_json(&["diagnose", &env.address]);
    assert_eq!(code, 1);
    assert_eq!(codes(&v), ["NETWORK_IDP_UNREACHABLE"], "{v:#}");
    // Mail does not use a web proxy: those checks still pass and say so.
    assert_eq!(step(&v, "smtp_connect")["status"], "passed");
    let proxy = step(&v, "proxy")["detail"].as_str().unwrap();
    assert!(
        proxy.contains(&format!("HTTPS_PROXY=http://127.0.0.1:{dead}")),
        "{proxy}"
    );
    assert!(
        !v.to_string().contains("pa55word"),
        "proxy password never shown"
    );
}

#[test]
fn diagnose_writes_a_report_in_each_format() {
    let env = TestEnv::new("diagreport", json!({}));
    for ext in ["html", "json", "txt"] {
        let path = outputs_dir("reports").join(format!("{}.{ext}", env.address.to_lowercase()));
        let (code, _, stderr) =
            env.run(&["diagnose", &env.address, "--report", path.to_str().unwrap()]);
        assert_eq!(code, 0, "{stderr}");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(&env.address), "{ext}");
        assert!(
            text.contains("XOAUTH2"),
            "{ext}: server capabilities in the report"
        );
        match ext {
            "html" => assert!(text.starts_with("<!doctype html>") && !text.contains("<script")),
            "json" => {
                let r: Value = serde_json::from_str(&text).unwrap();
                assert_eq!(r["results"][0]["action"], "check");
                assert!(r["os"].as_str().unwrap().contains("linux"));
            }
            _ => assert!(text.contains("== Connection check: passed ==")),
        }
    }
}

#[test]
fn verify_report_has_token_claims_and_capabilities_but_no_secret() {
    let env = TestEnv::new("fullreport", json!({}));
    env.sign_in_ok();
    let path = outputs_dir("reports").join(format!("{}.json", env.address.to_lowercase()));
    let (code, v) = env.run_json(&[
        "verify",
        &env.address,
        "--send-test",
        "--report",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(
        v.as_array().map(Vec::len),
        Some(2),
        "check and verify: {v:#}"
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let r: Value = serde_json::from_str(&text).unwrap();
    let actions: Vec<&str> = r["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["check", "verify"]);
    let token = &r["results"][1]["token"];
    for claim in ["tid", "oid", "upn", "scp", "aud", "exp"] {
        assert!(!token[claim].is_null(), "{claim} in {token}");
    }
    assert_eq!(token["upn"], env.address.to_lowercase());
    assert!(token["scp"].as_str().unwrap().contains("SMTP.Send"));
    assert_eq!(r["account"]["mailbox"], env.address.to_lowercase());
    assert!(r["account"]["lastSuccessAt"].as_u64().is_some());
    assert!(r["account"]["tokenExpiresAt"].as_u64().is_some());
    assert!(
        r["results"][0]["diagnosis"]["imap"]["capabilities"]
            .to_string()
            .contains("AUTH=XOAUTH2")
    );
    // Neither the tokens in the vault nor any other secret is in the report.
    let record = env.vault_record().unwrap();
    let access = env.vault_access_token().unwrap();
    for secret in [
        record["refresh_token"].as_str().unwrap(),
        access["access_token"].as_str().unwrap(),
    ] {
        assert!(!text.contains(secret), "a token reached the report");
    }
    assert!(!text.contains("eyJ"), "no JWT-looking text in the report");
}

#[test]
fn a_report_that_cannot_be_written_keeps_the_outcome_one_json_document() {
    // The diagnosis ran and passed; only the report's folder is missing: standard output is
    // still the one JSON outcome, the report's failure is on standard error, the exit code 1.
    let env = TestEnv::new("diagnowrite", json!({}));
    let path = env.dir.path().join("no-such-folder/report.json");
    let (code, stdout, stderr) = env.run(&[
        "--json",
        "diagnose",
        &env.address,
        "--report",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{stderr}");
    let v: Value = serde_json::from_str(&stdout).expect("one JSON document");
    assert_eq!(v["passed"], true, "{v:#}");
    assert!(stderr.contains("The report was not written to"), "{stderr}");
    assert!(!path.exists());
}
