//! Mail helpers for the tests of programs that use the app's sign-in (the token helper,
//! crates/cli/tests/token.rs; the relay, crates/cli/tests/relay.rs): test messages, curl and
//! the local peers' ports, waiting for a message in Dovecot's INBOX, and the relay run as a
//! process with swaks sending through it (tests/relay.rs, and under Wine tests/windows.rs).

use std::io::BufRead as _;
use std::process::{Child, Command, Output, Stdio};

use serde_json::Value;

use super::TestEnv;

/// `mailsetup token <address> <args>`: (exit code, stdout, stderr); only stderr is recorded.
pub fn token(env: &TestEnv, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["token", env.address.as_str()];
    all.extend_from_slice(args);
    let out = env.command(&all).output().unwrap();
    record_stderr(env, &all, &out);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

pub fn record_stderr(env: &TestEnv, args: &[&str], out: &Output) {
    let only_stderr = Output {
        status: out.status,
        stdout: Vec::new(),
        stderr: out.stderr.clone(),
    };
    env.record(args, &only_stderr);
}

/// A message with a unique Message-ID, from and to the mailbox.
pub fn message(env: &TestEnv, via: &str) -> (String, String) {
    let id = format!("<{}.{via}@mailsetup.test>", uuid::Uuid::new_v4());
    let text = format!(
        "From: {a}\r\nTo: {a}\r\nSubject: sent by {via} with mailsetup token\r\nMessage-ID: {id}\r\n\r\nHello from {via}.\r\n",
        a = env.address
    );
    (id, text)
}

pub fn run_with_input(mut cmd: Command, input: &str) -> Output {
    use std::io::Write;
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{cmd:?} cannot start ({e}): scripts/setup.sh installs it"));
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// curl with `config` (a curl config file: it holds the token) on its standard input.
pub fn curl(env: &TestEnv, config: &str) -> Output {
    let mut curl = env.program("curl");
    curl.args([
        "--silent",
        "--show-error",
        "--max-time",
        "30",
        "--config",
        "-",
    ]);
    run_with_input(curl, config)
}

pub fn port(env: &TestEnv, name: &str) -> u64 {
    env.peers.info[name].as_u64().unwrap()
}

pub fn ca(env: &TestEnv) -> String {
    env.peers.info["ca"].as_str().unwrap().to_owned()
}

/// Whether the message with `id` is in the INBOX, asked with curl over IMAP (XOAUTH2).
pub fn curl_imap_finds(env: &TestEnv, id: &str) -> bool {
    let (code, bearer, _) = token(env, &[]);
    assert_eq!(code, 0);
    // The token goes to curl in a config file on its standard input, never on a command line
    // (other local users can read command lines). curl picks OAUTHBEARER when the server offers
    // it (Dovecot does; `login-options AUTH=XOAUTH2` does not change that in curl 7.88), else
    // XOAUTH2: the same bearer token either way.
    let config = format!(
        "url = \"imaps://127.0.0.1:{}/INBOX\"\nuser = \"{}\"\noauth2-bearer = \"{}\"\ncacert = \"{}\"\nrequest = \"SEARCH HEADER Message-ID {id}\"\n",
        port(env, "imap_port"),
        env.address,
        bearer.trim(),
        ca(env)
    );
    let out = curl(env, &config);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "curl IMAP failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
        .lines()
        .any(|l| l.starts_with("* SEARCH") && l.split_whitespace().count() > 2)
}

/// Polls with curl until the message with `id` is in the INBOX (delivery takes a moment).
pub fn wait_for(env: &TestEnv, id: &str) {
    for _ in 0..40 {
        if curl_imap_finds(env, id) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(250));
    }
    panic!("{id} never reached the INBOX");
}

/// A running `mailsetup relay` on a port the OS chose; killed when dropped.
pub struct RelayProcess {
    child: Child,
    pub port: u16,
    log: std::path::PathBuf,
}

impl RelayProcess {
    pub fn start(env: &TestEnv, args: &[&str]) -> RelayProcess {
        let log = env
            .dir
            .path()
            .join(format!("relay-{}.log", uuid::Uuid::new_v4()));
        let mut all = vec!["relay", "--listen", "127.0.0.1:0"];
        all.extend_from_slice(args);
        let mut child = env
            .command(&all)
            // The relay's own log at its most talkative, its SMTP library's trace asked for by
            // name: it must still say nothing secret.
            .env("MAILSETUP_LOG", "trace,mailin::fsm=trace")
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap();
        let mut first = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        let port = first
            .trim()
            .trim_end_matches('.')
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {first:?}"));
        RelayProcess { child, port, log }
    }

    /// Everything the relay printed on standard error so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for RelayProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `relay add` for the env's mailbox: the program's password.
pub fn add_program(env: &TestEnv, name: &str) -> String {
    let args = ["--json", "relay", "add", env.address.as_str(), name];
    let out = env.command(&args).output().unwrap();
    record_stderr(env, &args, &out);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["user"], env.address.to_lowercase());
    assert_eq!(v["host"], "127.0.0.1");
    v["password"].as_str().unwrap().to_owned()
}

/// swaks (Debian's) sending through the relay: (exit code, its transcript).
pub fn swaks(
    relay: &RelayProcess,
    user: &str,
    password: &str,
    from: &str,
    to: &str,
    extra: &[&str],
) -> (i32, String) {
    let port = relay.port.to_string();
    let out = Command::new("swaks")
        .args(["--server", "127.0.0.1", "--port", &port, "--timeout", "60"])
        .args([
            "--auth",
            "PLAIN",
            "--auth-user",
            user,
            "--auth-password",
            password,
        ])
        .args(["--from", from, "--to", to])
        .args(extra)
        .output()
        .unwrap_or_else(|e| panic!("swaks cannot start ({e}): scripts/setup.sh installs it"));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}
