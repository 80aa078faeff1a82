//! `mailsetup token`, the token helper, used by real mail programs no one here wrote — msmtp and
//! curl from Debian, Python's `smtplib` and `imaplib` — against the local Postfix and Dovecot,
//! exactly as the README's recipes use it. Also: exit codes a calling program can act on, and
//! many helpers started at once spending the refresh token once.
//!
//! The helper prints a token by design: its standard output is never recorded in the outputs
//! the suite scans for secrets; its standard error is, and must hold none.

mod common;

use std::process::{Command, Stdio};

use common::TestEnv;
use common::mail::{ca, curl, message, port, record_stderr, run_with_input, token, wait_for};
use serde_json::{Value, json};

/// The shell command a mail program runs to get the token (the README's recipes).
fn helper_command(env: &TestEnv, args: &str) -> String {
    format!(
        "'{}' token '{}' {args}",
        common::cli_binary().display(),
        env.address
    )
}

#[test]
fn msmtp_and_curl_send_and_curl_and_python_read_with_the_token_helper() {
    let env = TestEnv::new("token", json!({ "type": "public" }));
    env.sign_in_ok();

    // The bare token: one line on stdout, nothing of it on stderr.
    let (code, out, err) = token(&env, &[]);
    assert_eq!(code, 0, "{err}");
    let bare = out.strip_suffix('\n').expect("one line");
    assert!(bare.len() > 1_000 && !bare.contains('\n'), "a whole token");
    assert!(!err.contains(bare), "the token is not on stderr");
    let (code, json_out, _) = token(&env, &["--format", "json"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&json_out).unwrap();
    assert_eq!(v["access_token"], bare, "the cached token, not a renewal");
    assert_eq!(v["token_type"], "Bearer");
    assert!(v["expires_in"].as_u64().unwrap() > 60);
    assert_eq!(v["user"], env.address.to_lowercase());

    // msmtp (Debian's, its built-in XOAUTH2) asks the helper through `passwordeval`.
    let (id, text) = message(&env, "msmtp");
    let rc = env.dir.path().join("msmtprc");
    std::fs::write(
        &rc,
        format!(
            "account default\nhost 127.0.0.1\nport {}\ntls on\ntls_starttls on\ntls_trust_file {}\nauth xoauth2\nuser {a}\nfrom {a}\npasswordeval {}\n",
            port(&env, "smtp_port"),
            ca(&env),
            helper_command(&env, "--for smtp"),
            a = env.address
        ),
    )
    .unwrap();
    let mut msmtp = env.program("msmtp");
    msmtp.arg("-C").arg(&rc).args(["-t"]);
    let out = run_with_input(msmtp, &text);
    assert!(
        out.status.success(),
        "msmtp failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    wait_for(&env, &id);

    // curl sends over SMTP (OAUTHBEARER or XOAUTH2, as said above).
    let (id, text) = message(&env, "curl");
    let (_, bearer, _) = token(&env, &["--for", "smtp"]);
    let mail = env.dir.path().join("curl.eml");
    std::fs::write(&mail, &text).unwrap();
    let config = format!(
        "url = \"smtp://127.0.0.1:{}\"\nssl-reqd\nuser = \"{a}\"\noauth2-bearer = \"{}\"\ncacert = \"{}\"\nmail-from = \"{a}\"\nmail-rcpt = \"{a}\"\nupload-file = \"{}\"\n",
        port(&env, "smtp_port"),
        bearer.trim(),
        ca(&env),
        mail.display(),
        a = env.address
    );
    let out = curl(&env, &config);
    assert!(
        out.status.success(),
        "curl SMTP failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    wait_for(&env, &id);

    // Python's smtplib sends and imaplib reads, as the README's recipe does.
    let (id, text) = message(&env, "python");
    let script = r#"
import base64, imaplib, smtplib, ssl, subprocess, sys, time
ca, smtp_port, imap_port, helper, addr, msg_id = sys.argv[1:7]
ctx = ssl.create_default_context(cafile=ca)
def token(*args):
    return subprocess.run([helper, "token", addr, *args], check=True, capture_output=True).stdout.rstrip(b"\n")
s = smtplib.SMTP("127.0.0.1", int(smtp_port), timeout=30)
s.starttls(context=ctx)
s.ehlo()
code, reply = s.docmd("AUTH", "XOAUTH2 " + token("--format", "xoauth2", "--for", "smtp").decode())
assert code == 235, (code, reply)
s.sendmail(addr, [addr], sys.stdin.read().encode())
s.quit()
m = imaplib.IMAP4_SSL("127.0.0.1", int(imap_port), ssl_context=ctx, timeout=30)
m.authenticate("XOAUTH2", lambda _: token("--format", "xoauth2-raw"))
m.select("INBOX")
for _ in range(40):
    typ, data = m.search(None, "HEADER", "Message-ID", msg_id)
    if data[0].split():
        print("found", msg_id)
        break
    time.sleep(0.25)
m.logout()
"#;
    let mut python = env.program("python3");
    python
        .args(["-c", script, &ca(&env)])
        .arg(port(&env, "smtp_port").to_string())
        .arg(port(&env, "imap_port").to_string())
        .arg(common::cli_binary())
        .args([env.address.as_str(), id.as_str()]);
    let out = run_with_input(python, &text);
    assert!(
        out.status.success(),
        "python failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("found {id}")
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains(bare), "no token on stderr");
}

#[test]
fn many_helpers_at_once_spend_the_refresh_token_once() {
    let env = TestEnv::new("token-race", json!({ "type": "public" }));
    env.sign_in_ok();
    let (_, spent_before) = env.peers.refresh_tokens(&env.client_id);
    // The cached access token goes (as if it had expired): every helper must renew, or take
    // the token the first renewal saved.
    let cleared = Command::new("secret-tool")
        .args(["clear", "service", "mailsetup", "username"])
        .arg(format!("{}#access", env.address.to_lowercase()))
        .status()
        .unwrap();
    assert!(cleared.success());
    assert!(env.vault_access_token().is_none());
    let children: Vec<_> = (0..6)
        .map(|_| {
            env.command(&["token", &env.address])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut tokens = Vec::new();
    for child in children {
        let out = child.wait_with_output().unwrap();
        record_stderr(&env, &["token", &env.address], &out);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        tokens.push(String::from_utf8(out.stdout).unwrap());
    }
    tokens.dedup();
    assert_eq!(
        tokens.len(),
        1,
        "every helper printed the one renewed token"
    );
    let (active, spent_after) = env.peers.refresh_tokens(&env.client_id);
    assert_eq!(
        spent_after - spent_before,
        1,
        "the refresh token was spent once"
    );
    assert_eq!(active.len(), 1);
    let record = env.vault_record().unwrap();
    assert_eq!(
        common::sha256_hex(record["refresh_token"].as_str().unwrap()),
        active[0],
        "the vault holds the one live refresh token"
    );
}

#[test]
fn a_calling_program_can_tell_sign_in_again_from_try_later() {
    let env = TestEnv::new("token-codes", json!({ "type": "public" }));
    // Never signed in: 77 (EX_NOPERM), the reason on stderr, nothing on stdout.
    let (code, out, err) = token(&env, &[]);
    assert_eq!(code, 77, "{err}");
    assert!(out.is_empty());
    assert!(err.contains("is not signed in on this computer"), "{err}");
    assert!(err.contains("mailsetup signin"), "{err}");

    env.sign_in_ok();
    // The provider cannot be reached (nothing listens where the sign-in renews): 75
    // (EX_TEMPFAIL), and the sign-in is kept for the next try.
    let cleared = Command::new("secret-tool")
        .args(["clear", "service", "mailsetup", "username"])
        .arg(format!("{}#access", env.address.to_lowercase()))
        .status()
        .unwrap();
    assert!(cleared.success());
    let dead_port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let record = env.vault_record().unwrap();
    let authority = record["authority"].as_str().unwrap().to_owned();
    rewrite_authority(&env, &authority, &format!("https://127.0.0.1:{dead_port}"));
    let (code, out, err) = token(&env, &[]);
    assert_eq!(code, 75, "{err}");
    assert!(out.is_empty());
    assert!(env.vault_record().is_some(), "the sign-in is kept");
    rewrite_authority(&env, &format!("https://127.0.0.1:{dead_port}"), &authority);
    let (code, _, err) = token(&env, &[]);
    assert_eq!(code, 0, "{err}");

    // A command-line mistake: 2.
    let (code, out, _) = token(&env, &["--format", "nonsense"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
}

/// Points the saved sign-in's record at another authority (with `secret-tool`, not our code).
fn rewrite_authority(env: &TestEnv, from: &str, to: &str) {
    let mut record = env.vault_record().unwrap();
    assert_eq!(record["authority"], from);
    record["authority"] = Value::String(to.to_owned());
    common::secret_tool_store(&env.address.to_lowercase(), &record.to_string());
}
