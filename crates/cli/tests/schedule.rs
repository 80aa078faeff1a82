//! The daily renewal registered with the OS's own scheduler and run from there (issue 13 item 3),
//! for real on Linux: the user's crontab here (no systemd user session in the test machine; the
//! systemd units are checked with systemd's own `systemd-analyze verify`). Under Wine the Windows
//! Task Scheduler: crates/cli/tests/windows.rs.
//!
//! The test changes the crontab of the user who runs it: what was there is put back at the end,
//! whatever happens.

mod common;

use std::process::{Command, Stdio};

use common::{TestEnv, sha256_hex};
use serde_json::json;

/// The crontab as it was, put back when the test ends (also on a failed assertion).
struct CrontabGuard(Option<String>);

impl CrontabGuard {
    fn save() -> CrontabGuard {
        let out = Command::new("crontab")
            .arg("-l")
            .output()
            .expect("crontab (Debian's cron) is installed: scripts/setup.sh installs it");
        CrontabGuard(
            out.status
                .success()
                .then(|| String::from_utf8(out.stdout).unwrap()),
        )
    }
}

impl Drop for CrontabGuard {
    fn drop(&mut self) {
        match &self.0 {
            Some(text) => {
                use std::io::Write;
                let mut child = Command::new("crontab")
                    .arg("-")
                    .stdin(Stdio::piped())
                    .spawn()
                    .unwrap();
                child
                    .stdin
                    .take()
                    .unwrap()
                    .write_all(text.as_bytes())
                    .unwrap();
                let _ = child.wait();
            }
            None => {
                let _ = Command::new("crontab").arg("-r").status();
            }
        }
    }
}

fn crontab() -> String {
    let out = Command::new("crontab").arg("-l").output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_daily_renewal_registers_runs_and_is_removed() {
    let systemd_session = Command::new("systemctl")
        .args(["--user", "show-environment"])
        .output()
        .is_ok_and(|o| o.status.success());
    if systemd_session {
        // A developer's desktop: this test would register a real timer in their session.
        eprintln!(
            "skipped: a systemd user session answers here (the test is for the crontab path)"
        );
        return;
    }
    let _guard = CrontabGuard::save();
    let env = TestEnv::new("schedule", json!({}));
    env.sign_in_ok();
    let (code, out, err) = env.run(&["renew", "--schedule"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("registered with your crontab"), "{out}");
    let table = crontab();
    let line = table
        .lines()
        .find(|l| l.ends_with("(Mail Setup Assistant: daily renewal of sign-ins)"))
        .unwrap_or_else(|| panic!("our line is in the crontab:\n{table}"));
    assert!(line.starts_with("0 12 * * * "), "{line}");
    assert!(
        line.contains(&format!("'--config' '{}'", env.settings.display())),
        "the settings of this run go with it: {line}"
    );
    // Registering again leaves one line.
    let (code, _, _) = env.run(&["renew", "--schedule"]);
    assert_eq!(code, 0);
    assert_eq!(crontab().matches("mailsetup-renew").count(), 1);

    // What cron would run, run by the shell as cron runs it (`/bin/sh -c`, the rest of the line,
    // no session bus in its environment: the line brings it).
    let (_, spent_before) = env.peers.refresh_tokens(&env.client_id);
    let command = line
        .strip_prefix("0 12 * * * ")
        .unwrap()
        .replace(r"\%", "%");
    assert!(
        command.starts_with("DBUS_SESSION_BUS_ADDRESS="),
        "{command}"
    );
    let ran = env
        .program("/bin/sh")
        .args(["-c", &command])
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .env_remove("MAILSETUP_CONFIG")
        .output()
        .unwrap();
    assert!(
        ran.status.success(),
        "{}",
        String::from_utf8_lossy(&ran.stderr)
    );
    let (active, spent_after) = env.peers.refresh_tokens(&env.client_id);
    assert_eq!(
        spent_after - spent_before,
        1,
        "the scheduled run renewed the sign-in"
    );
    let saved = env.vault_record().unwrap();
    assert_eq!(
        vec![sha256_hex(saved["refresh_token"].as_str().unwrap())],
        active
    );

    // As if it had also been registered from a desktop session with systemd: both go.
    let units = env.dir.path().join("config/systemd/user");
    std::fs::create_dir_all(&units).unwrap();
    for unit in ["mailsetup-renew.service", "mailsetup-renew.timer"] {
        std::fs::write(units.join(unit), "[Unit]\n").unwrap();
    }
    let (code, out, _) = env.run(&["renew", "--unschedule"]);
    assert_eq!(code, 0);
    assert!(out.contains("removed"), "{out}");
    assert!(!crontab().contains("mailsetup-renew"));
    assert!(
        !units.join("mailsetup-renew.timer").exists(),
        "the systemd timer too"
    );
    assert!(!units.join("mailsetup-renew.service").exists());
}

/// The systemd units the app writes pass systemd's own check.
#[test]
fn the_systemd_units_pass_systemd_analyze_verify() {
    use mailsetup_core::schedule::{SYSTEMD_TIMER, systemd_service};
    let dir = tempfile::tempdir().unwrap();
    let exe = common::cli_binary();
    let command = vec![
        exe.display().to_string(),
        "renew".to_owned(),
        "--all".to_owned(),
        "--quiet".to_owned(),
    ];
    std::fs::write(
        dir.path().join("mailsetup-renew.service"),
        systemd_service(&command),
    )
    .unwrap();
    std::fs::write(dir.path().join("mailsetup-renew.timer"), SYSTEMD_TIMER).unwrap();
    let out = Command::new("systemd-analyze")
        .args(["verify", "--man=no"])
        .arg(dir.path().join("mailsetup-renew.service"))
        .arg(dir.path().join("mailsetup-renew.timer"))
        .output()
        .expect("systemd-analyze (Debian's systemd) is installed");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(
        !said.contains("mailsetup-renew"),
        "no complaint about our units: {said}"
    );
}
