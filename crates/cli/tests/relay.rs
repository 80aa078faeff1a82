//! `mailsetup relay`, the local relay for programs that only know a password, driven by real
//! clients no one here wrote — swaks from Debian, and Python's `smtplib` as a legacy program
//! (AUTH PLAIN and AUTH LOGIN) — through to the local Postfix (XOAUTH2) and Dovecot's INBOX;
//! and every abuse refused with its SMTP reply: a non-loopback address, a wrong relay
//! password, no AUTH, a sender the program was not added for, an oversize message, a silent
//! client, the real server refusing after DATA, a sign-in that ended, a revoked program.
//!
//! `relay add` prints the program's password by design (shown once): its standard output is
//! never recorded in the outputs the suite scans for secrets; its standard error is, and so is
//! everything the running relay prints, which must hold no password and no message text.

mod common;

use std::process::Command;

use common::TestEnv;
use common::mail::{RelayProcess, add_program, swaks, wait_for};
use serde_json::json;

/// Python's smtplib as a legacy program: `script` gets the port, user, password and address.
fn python(relay: &RelayProcess, user: &str, password: &str, script: &str) -> (i32, String) {
    let out = Command::new("python3")
        .args(["-c", script])
        .args([&relay.port.to_string(), user, password])
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

const SMTPLIB: &str = r#"
import smtplib, sys, uuid
port, user, password = sys.argv[1:4]
def message(via, extra=""):
    mid = "<%s.%s@mailsetup.test>" % (uuid.uuid4(), via)
    return mid, ("From: %s\r\nTo: %s\r\nSubject: sent by %s through the relay\r\nMessage-ID: %s\r\n\r\nHello from %s.\r\n%s" % (user, user, via, mid, via, extra))
# AUTH PLAIN (smtplib's choice among PLAIN LOGIN), then AUTH LOGIN as an older program does it.
for how in ("plain", "login"):
    s = smtplib.SMTP("127.0.0.1", int(port), timeout=60)
    s.ehlo()
    if how == "plain":
        s.login(user, password)
    else:
        s.user, s.password = user, password
        s.auth("LOGIN", s.auth_login, initial_response_ok=False)
    mid, text = message("smtplib-" + how)
    s.sendmail(user, [user], text)
    print("SENT", mid)
    s.quit()
"#;

#[test]
fn swaks_and_python_smtplib_send_through_the_relay_into_the_inbox_and_every_abuse_is_refused() {
    let env = TestEnv::new("relay", json!({ "type": "public" }));
    env.sign_in_ok();
    let password = add_program(&env, "scanner");
    assert_eq!(password.len(), 23, "{password}");
    let relay = RelayProcess::start(&env, &["--max-size", "1", "--idle-timeout", "3"]);
    let me = env.address.as_str();

    // swaks, AUTH PLAIN, into the INBOX.
    let id = format!("<{}.swaks@mailsetup.test>", uuid::Uuid::new_v4());
    let header = format!("Message-Id: {id}");
    let (code, out) = swaks(&relay, me, &password, me, me, &["--header", &header]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("250 2.0.0 mailsetup relay: sent"), "{out}");
    wait_for(&env, &id);

    // Python smtplib, AUTH PLAIN and AUTH LOGIN, into the INBOX.
    let (code, out) = python(&relay, me, &password, SMTPLIB);
    assert_eq!(code, 0, "{out}");
    let ids: Vec<&str> = out
        .lines()
        .filter_map(|l| l.strip_prefix("SENT "))
        .collect();
    assert_eq!(ids.len(), 2, "{out}");
    for id in ids {
        wait_for(&env, id);
    }

    // A wrong relay password; the mailbox's address with someone else's password.
    let (code, out) = swaks(&relay, me, "abcde-fghij-kmnpq-rstuv", me, me, &[]);
    assert_ne!(code, 0);
    assert!(
        out.contains("535 5.7.8 mailsetup relay: ") && out.contains("[RELAY_PASSWORD_REFUSED]"),
        "{out}"
    );
    let (code, out) = swaks(&relay, "other@example.edu", &password, me, me, &[]);
    assert_ne!(code, 0);
    assert!(out.contains("535 5.7.8"), "{out}");

    // A sender it was not added for: refused by the relay, never sent on.
    let (code, out) = swaks(&relay, me, &password, "boss@example.edu", me, &[]);
    assert_ne!(code, 0);
    assert!(
        out.contains("550 5.7.1 mailsetup relay: ") && out.contains("[RELAY_SENDER_NOT_ALLOWED]"),
        "{out}"
    );

    // The real server refuses after DATA (Postfix's content policy): its codes reach the program.
    let (code, out) = swaks(
        &relay,
        me,
        &password,
        me,
        me,
        &["--header", "Subject: REFUSE-AFTER-DATA"],
    );
    assert_ne!(code, 0);
    assert!(out.contains("550 5.7.1 mailsetup relay: "), "{out}");

    // No AUTH, an oversize message, a silent client.
    let abuse = r#"
import smtplib, socket, sys, time
port, user, password = sys.argv[1:4]
s = smtplib.SMTP("127.0.0.1", int(port), timeout=60)
s.ehlo()
try:
    s.sendmail(user, [user], "Subject: no auth\r\n\r\nx\r\n")
    print("NOAUTH accepted")
except smtplib.SMTPException as e:
    print("NOAUTH refused", e)
s.quit()
s = smtplib.SMTP("127.0.0.1", int(port), timeout=60)
s.login(user, password)
try:
    s.sendmail(user, [user], "Subject: big\r\n\r\n" + ("x" * 998 + "\r\n") * 1500)
    print("BIG accepted")
except smtplib.SMTPDataError as e:
    print("BIG refused", e.smtp_code, e.smtp_error.decode())
s.quit()
c = socket.create_connection(("127.0.0.1", int(port)), timeout=60)
f = c.makefile("rb")
f.readline()
started = time.time()
line = f.readline().decode()
print("SILENT after %.0f s: %s" % (time.time() - started, line.strip()))
"#;
    let (code, out) = python(&relay, me, &password, abuse);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("NOAUTH refused"), "{out}");
    assert!(
        out.contains("BIG refused 552 5.3.4 mailsetup relay: "),
        "{out}"
    );
    assert!(out.contains("SILENT after 3 s: 421 4.4.2"), "{out}");

    // Only loopback.
    let (code, v) = env.run_json(&["relay", "--listen", "0.0.0.0:0"]);
    assert_eq!(code, 1);
    assert_eq!(
        common::first_finding(&v)["code"],
        "RELAY_NOT_LOOPBACK",
        "{v:#}"
    );

    // The relay's log: the mailbox and the program, never the password or a message.
    let log = relay.log();
    env.record(
        &["relay (its log)"],
        &std::process::Output {
            status: std::process::ExitStatus::default(),
            stdout: Vec::new(),
            stderr: log.clone().into_bytes(),
        },
    );
    assert!(
        log.contains("relay: sent") && log.contains("scanner"),
        "{log}"
    );
    for never in [
        password.as_str(),
        "Hello from",
        "REFUSE-AFTER-DATA",
        "AUTH PLAIN",
    ] {
        assert!(!log.contains(never), "the relay logged {never:?}");
    }
}

#[test]
fn a_sign_in_that_ended_and_a_revoked_program_are_refused_with_the_reason() {
    let env = TestEnv::new(
        "relayend",
        json!({ "type": "public", "scenario": { "access_token_lifetime": 5 } }),
    );
    env.sign_in_ok();
    let first = add_program(&env, "accounts app");
    // The same name in other letters replaces its password: the first one stops working.
    let args = [
        "--json",
        "relay",
        "add",
        env.address.as_str(),
        "Accounts App",
    ];
    let out = env.command(&args).output().unwrap();
    common::mail::record_stderr(&env, &args, &out);
    let again: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        again["replaced"],
        true,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(again["port"], 1587);
    let password = again["password"].as_str().unwrap().to_owned();
    assert_ne!(password, first);
    let second = add_program(&env, "script");
    let relay = RelayProcess::start(&env, &[]);
    let me = env.address.as_str();
    let (code, out) = swaks(&relay, me, &password, me, me, &[]);
    assert_eq!(code, 0, "{out}");
    let (_, out) = swaks(&relay, me, &first, me, me, &[]);
    assert!(
        out.contains("[RELAY_PASSWORD_REFUSED]"),
        "the replaced password: {out}"
    );

    // Listed without passwords; the revoked program's password stops working, the other works.
    let (code, list, _) = env.run(&["relay", "list"]);
    assert_eq!(code, 0);
    assert!(
        list.contains("Accounts App: may send as") && list.contains("script: may send as"),
        "{list}"
    );
    assert!(!list.contains(&password) && !list.contains(&second));
    let (code, _, _) = env.run(&["relay", "remove", me, "accounts app"]);
    assert_eq!(code, 0);
    let (_, out) = swaks(&relay, me, &password, me, me, &[]);
    assert!(out.contains("[RELAY_PASSWORD_REFUSED]"), "{out}");

    // The password was changed at the provider: the sign-in is revoked (AADSTS50173).
    env.peers.register_client(json!({ "client_id": env.client_id, "scenario": { "access_token_lifetime": 5, "refresh_error": 50173 } }));
    std::thread::sleep(std::time::Duration::from_secs(6));
    let (code, out) = swaks(&relay, me, &second, me, me, &[]);
    assert_ne!(code, 0);
    assert!(
        out.contains("535 5.7.8 mailsetup relay: ") && out.contains("[REAUTH_REQUIRED]"),
        "{out}"
    );
}
