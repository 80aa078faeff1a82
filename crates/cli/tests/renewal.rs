//! Renewal that never loses a sign-in (crates/core/src/locks.rs, crates/core/src/assistant/tokens.rs):
//! several `mailsetup` processes renewing one sign-in at once, and processes killed (`kill -9`)
//! at random moments of a renewal, against the local provider, which rotates refresh tokens
//! and refuses a spent one (AADSTS70000), and the real Secret Service.
//!
//! The provider's own record says what happened: which refresh tokens it still accepts. Here a
//! few rounds; `scripts/bench.sh renewal` runs 1,000 races and 200 kills (BENCHMARKS.md).

mod common;

use std::process::Stdio;
use std::time::Duration;

use common::{TestEnv, codes, sha256_hex};
use serde_json::{Value, json};

/// 30-second access tokens: inside the app's 60-second margin, so every run renews.
fn env(name: &str) -> TestEnv {
    TestEnv::new(
        name,
        json!({ "scenario": { "access_token_lifetime": 30, "refresh_latency_ms": 60 } }),
    )
}

/// The SHA-256 of the refresh token in the vault, `None` without a record.
fn saved_refresh_token(env: &TestEnv) -> Option<String> {
    env.vault_record()
        .and_then(|r| r["refresh_token"].as_str().map(sha256_hex))
}

#[test]
fn concurrent_renewals_in_separate_processes_keep_the_sign_in() {
    let env = env("race");
    env.sign_in_ok();
    for round in 0..6 {
        let n = 2 + round % 3;
        let children: Vec<_> = (0..n)
            .map(|_| {
                env.command(&["--json", "-q", "verify", &env.address])
                    .stdout(Stdio::piped())
                    .stderr(Stdio::null())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            let v: Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(
                out.status.code(),
                Some(0),
                "round {round}: every run passes: {:?}",
                codes(&v)
            );
        }
        // The provider accepts exactly one refresh token of this sign-in: the saved one.
        let (active, _) = env.peers.refresh_tokens(&env.client_id);
        let saved = saved_refresh_token(&env).expect("the sign-in is kept");
        assert_eq!(active, vec![saved], "round {round}: nothing orphaned");
    }
}

#[test]
fn a_kill_during_renewal_never_loses_the_sign_in() {
    let env = env("kill");
    env.sign_in_ok();
    let (mut kept, mut in_flight) = (0, 0);
    for i in 0..12u64 {
        let mut child = env
            .command(&["--json", "-q", "verify", &env.address])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Spread over start-up, the renewal (60 ms at the provider) and the vault write.
        std::thread::sleep(Duration::from_millis(20 + (i * 37) % 160));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        // A request already at the provider still rotates the token after the kill (the
        // provider's 60 ms): let it finish before reading its record.
        std::thread::sleep(Duration::from_millis(150));
        let saved = saved_refresh_token(&env);
        assert!(saved.is_some(), "kill {i}: the record is never deleted");
        let (active, _) = env.peers.refresh_tokens(&env.client_id);
        if active.contains(saved.as_ref().unwrap()) {
            kept += 1;
            // Only the tokens lost in flight (below) are orphaned at the provider.
            assert_eq!(
                active.len(),
                1 + in_flight,
                "kill {i}: nothing else orphaned"
            );
        } else {
            // Killed while the provider's answer was on its way: the provider spent the saved
            // token and its successor never arrived. The next run says so, keeps the record.
            in_flight += 1;
            let (code, v) = env.run_json(&["verify", &env.address]);
            assert_eq!(code, 1);
            assert_eq!(codes(&v), ["REFRESH_TOKEN_REUSED"], "{v:#}");
            assert!(env.vault_record().is_some());
            env.sign_in_ok();
        }
        // Whatever happened, the next run works (or, after the window, after signing in).
        let (code, v) = env.run_json(&["verify", &env.address]);
        assert_eq!(code, 0, "kill {i}: {:?}", codes(&v));
    }
    eprintln!("kills: {kept} kept the sign-in, {in_flight} in the in-flight window");
    assert!(kept > 0);
}
