//! Helpers for end-to-end tests of the `mailsetup` binary against the real local peers
//! (tests/peers/peers.sh), the real Secret Service (gnome-keyring in the test's D-Bus session)
//! and headless Chromium as the system browser.
//!
//! These tests need the environment that `tests/run-all.sh` provides; run alone they fail with
//! an explanation rather than silently skipping.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicU32, Ordering};

use serde_json::Value;

// The Windows build under Wine (tests/windows.rs): its command, paths and vault oracle.
pub mod wine;
// Test messages, curl, and waiting for the INBOX (tests/token.rs, tests/relay.rs).
pub mod mail;

/// The repository root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// The `mailsetup` binary the tests run: `$MAILSETUP_CLI` when set (an installed one, e.g.
/// `/usr/bin/mailsetup` from the `.deb`: `scripts/package.sh ci`), else this build's.
pub fn cli_binary() -> PathBuf {
    match std::env::var_os("MAILSETUP_CLI") {
        Some(path) => {
            let path = PathBuf::from(path);
            assert!(
                path.is_file(),
                "MAILSETUP_CLI names {}, which is not a file (is the package installed?)",
                path.display()
            );
            path
        }
        None => PathBuf::from(env!("CARGO_BIN_EXE_mailsetup")),
    }
}

/// The running peers, from `<peers dir>/peers.json`.
pub struct Peers {
    pub info: Value,
    pub dir: PathBuf,
    http: reqwest::blocking::Client,
}

impl Peers {
    pub fn get() -> Peers {
        let dir = std::env::var_os("MAILSETUP_PEERS_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| repo().join("target/peers"));
        let text = std::fs::read_to_string(dir.join("peers.json")).unwrap_or_else(|_| {
            panic!(
                "the local peers are not running ({}/peers.json is missing).\n\
                 Run the tests with tests/run-all.sh, or start them with: sudo tests/peers/peers.sh start",
                dir.display()
            )
        });
        let info: Value = serde_json::from_str(&text).unwrap();
        let ca = std::fs::read(info["ca"].as_str().unwrap()).unwrap();
        let http = reqwest::blocking::Client::builder()
            .add_root_certificate(reqwest::Certificate::from_pem(&ca).unwrap())
            .no_proxy()
            .build()
            .unwrap();
        let peers = Peers { info, dir, http };
        let health = peers
            .http
            .get(format!("{}/_test/health", peers.idp()))
            .send();
        assert!(
            health.is_ok_and(|r| r.status().is_success()),
            "the local OpenID provider does not answer: restart the peers (tests/peers/peers.sh start)"
        );
        peers
    }

    pub fn idp(&self) -> String {
        self.info["idp"].as_str().unwrap().to_string()
    }

    /// Registers an app registration with a scenario; returns its client id.
    pub fn register_client(&self, registration: Value) -> String {
        let mut body = registration;
        if body.get("client_id").is_none() {
            body["client_id"] = Value::String(uuid::Uuid::new_v4().to_string());
        }
        let resp = self
            .http
            .post(format!("{}/_test/clients", self.idp()))
            .json(&body)
            .send()
            .unwrap();
        assert!(resp.status().is_success());
        body["client_id"].as_str().unwrap().to_string()
    }

    /// SHA-256 (hex) of the refresh tokens the provider still accepts for `client_id`, and how
    /// many were spent by rotation.
    pub fn refresh_tokens(&self, client_id: &str) -> (Vec<String>, u64) {
        let v: Value = self
            .http
            .get(format!(
                "{}/_test/refresh_tokens?client_id={client_id}",
                self.idp()
            ))
            .send()
            .unwrap()
            .json()
            .unwrap();
        let active = v["active"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_string())
            .collect();
        (active, v["spent"].as_u64().unwrap())
    }

    /// Grants (or revokes) Full Access and Send As on a shared mailbox to a delegate.
    pub fn grant(&self, mailbox: &str, delegate: &str, full_access: bool, send_as: bool) {
        let r = self
            .http
            .post(format!("{}/_test/grants", self.idp()))
            .json(&serde_json::json!({ "mailbox": mailbox, "delegate": delegate, "full_access": full_access, "send_as": send_as }))
            .send()
            .unwrap();
        assert!(r.status().is_success());
    }

    /// Approves or declines a device code as `user`.
    pub fn device_decision(&self, user_code: &str, user: &str, decision: &str) {
        let r = self
            .http
            .post(format!("{}/_test/device", self.idp()))
            .json(
                &serde_json::json!({ "user_code": user_code, "user": user, "decision": decision }),
            )
            .send()
            .unwrap();
        assert!(r.status().is_success(), "device decision: {}", r.status());
    }

    /// Gives `user` a mail password (an App Password for Gmail-style accounts) in Dovecot's
    /// password database; returns once Dovecot sees it.
    pub fn add_app_password(&self, user: &str, password: &str) {
        let r = self
            .http
            .post(format!("{}/_test/app_passwords", self.idp()))
            .json(&serde_json::json!({ "user": user, "password": password }))
            .send()
            .unwrap();
        assert!(r.status().is_success(), "app password: {}", r.status());
    }

    /// Registers a Google OAuth client (Google mode of the local provider); returns its id.
    pub fn register_google_client(&self, registration: Value) -> String {
        let mut body = registration;
        body["provider"] = Value::String("google".into());
        if body.get("client_id").is_none() {
            body["client_id"] = Value::String(format!(
                "{}-test.apps.googleusercontent.com",
                uuid::Uuid::new_v4().simple()
            ));
        }
        self.register_client(body)
    }

    /// Raw POST to the provider's token endpoint (to prove a spent refresh token is refused).
    pub fn token_request(&self, tenant: &str, form: &[(&str, &str)]) -> (u16, Value) {
        let r = self
            .http
            .post(format!("{}/{tenant}/oauth2/v2.0/token", self.idp()))
            .form(form)
            .send()
            .unwrap();
        (r.status().as_u16(), r.json().unwrap_or(Value::Null))
    }
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// One test's world: its own HOME/XDG dirs, settings file and mailbox address.
pub struct TestEnv {
    pub peers: Peers,
    pub dir: tempfile::TempDir,
    pub settings: PathBuf,
    pub client_id: String,
    pub address: String,
    extra_env: Vec<(String, String)>,
    pub transcript: std::cell::RefCell<String>,
    /// Runs the Windows build under Wine instead (see [`TestEnv::under_wine`]).
    wine: Option<wine::Wine>,
}

impl TestEnv {
    /// A test env with a fresh app registration (`registration` merged into a public client) and
    /// a unique address `<name>-<n>@example.edu`.
    pub fn new(name: &str, registration: Value) -> TestEnv {
        Self::at(name, "example.edu", registration)
    }

    /// As [`TestEnv::new`] with the address at `domain` (e.g. `gmail.example`).
    pub fn at(name: &str, domain: &str, registration: Value) -> TestEnv {
        let peers = Peers::get();
        let client_id = peers.register_client(registration);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let address = format!("{name}-{}-{n}@{domain}", std::process::id());
        let dir = tempfile::tempdir().unwrap();
        let env = TestEnv {
            settings: dir.path().join("settings.toml"),
            peers,
            dir,
            client_id,
            address,
            extra_env: Vec::new(),
            transcript: Default::default(),
            wine: None,
        };
        env.write_settings(&[]);
        env
    }

    /// Rewrites the settings from the peers' file with this env's client id and `replace`
    /// (`(from, to)` substitutions).
    pub fn write_settings(&self, replace: &[(&str, &str)]) {
        let base = std::fs::read_to_string(self.peers.info["settings"].as_str().unwrap()).unwrap();
        let ca = self.peers.info["ca"].as_str().unwrap();
        let mut text = base
            .replace(
                self.peers.info["demo_client_id"].as_str().unwrap(),
                &self.client_id,
            )
            .replace(
                "extra_ca_file = \"tls/ca.crt\"",
                &format!("extra_ca_file = \"{ca}\""),
            );
        for (from, to) in replace {
            assert!(text.contains(from), "settings have no {from:?}");
            text = text.replace(from, to);
        }
        if self.wine.is_some() {
            text = wine::windows_paths_in_settings(&text);
        }
        std::fs::write(&self.settings, text).unwrap();
    }

    /// Runs `mailsetup <args>` with `stdin` piped in (e.g. a password).
    pub fn run_with_stdin(&self, args: &[&str], stdin: &str) -> (i32, Value) {
        use std::io::Write;
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let mut child = self
            .command(&all)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        self.record(&all, &out);
        let stdout = String::from_utf8_lossy(&out.stdout);
        let v = serde_json::from_str(&stdout).unwrap_or_else(|e| {
            panic!(
                "not JSON ({e}): {stdout}\nstderr: {}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
        (out.status.code().unwrap_or(-1), v)
    }

    /// Points this env at scripted servers (either side may stay real) and trusts the test CA
    /// as well as the peers' CA.
    pub fn use_scripted(
        &self,
        ca: &mailsetup_testkit::TestCa,
        smtp: Option<&mailsetup_testkit::ScriptedServer>,
        imap: Option<&mailsetup_testkit::ScriptedServer>,
    ) {
        self.use_scripted_with(ca, smtp, imap, &[]);
    }

    /// As [`TestEnv::use_scripted`], with more settings substitutions.
    pub fn use_scripted_with(
        &self,
        ca: &mailsetup_testkit::TestCa,
        smtp: Option<&mailsetup_testkit::ScriptedServer>,
        imap: Option<&mailsetup_testkit::ScriptedServer>,
        more: &[(&str, &str)],
    ) {
        let bundle = self.dir.path().join("cas.pem");
        let peers_ca = std::fs::read_to_string(self.peers.info["ca"].as_str().unwrap()).unwrap();
        std::fs::write(&bundle, format!("{peers_ca}\n{}", ca.pem())).unwrap();
        let real_smtp = format!("smtp = \"127.0.0.1:{}\"", self.peers.info["smtp_port"]);
        let real_imap = format!("imap = \"127.0.0.1:{}\"", self.peers.info["imap_port"]);
        let new_smtp = smtp.map(|s| format!("smtp = \"127.0.0.1:{}\"", s.port()));
        let new_imap = imap.map(|s| format!("imap = \"127.0.0.1:{}\"", s.port()));
        let ca_line = format!(
            "extra_ca_file = \"{}\"",
            self.peers.info["ca"].as_str().unwrap()
        );
        let bundle_line = format!("extra_ca_file = \"{}\"", bundle.display());
        let mut all = vec![
            (
                real_smtp.as_str(),
                new_smtp.as_deref().unwrap_or(&real_smtp),
            ),
            (
                real_imap.as_str(),
                new_imap.as_deref().unwrap_or(&real_imap),
            ),
            (ca_line.as_str(), bundle_line.as_str()),
        ];
        all.extend_from_slice(more);
        self.write_settings(&all);
    }

    /// This env runs the Windows build (`MAILSETUP_WINDOWS_EXE`) under Wine (`WINEPREFIX`),
    /// with Windows paths in its settings; its vault is Wine's Credential Manager.
    pub fn under_wine(mut self) -> TestEnv {
        self.wine = Some(wine::Wine::from_env());
        self.write_settings(&[]);
        self
    }

    pub fn with_env(mut self, key: &str, value: &str) -> TestEnv {
        self.extra_env.push((key.into(), value.into()));
        self
    }

    /// Runs `mailsetup <args>` in this env; returns (exit code, stdout, stderr).
    pub fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = self.command(args).output().unwrap();
        self.record(args, &out);
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into(),
            String::from_utf8_lossy(&out.stderr).into(),
        )
    }

    /// Runs with `--json` and parses stdout.
    pub fn run_json(&self, args: &[&str]) -> (i32, Value) {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let (code, stdout, stderr) = self.run(&all);
        let v = serde_json::from_str(&stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {stdout}\nstderr: {stderr}"));
        (code, v)
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let cmd = match &self.wine {
            None => Command::new(cli_binary()),
            Some(wine) => wine.mailsetup(),
        };
        let mut cmd = self.in_env(cmd);
        cmd.args(args);
        cmd
    }

    /// `program` (e.g. msmtp) with this env's environment, so that the `mailsetup` it runs
    /// finds this env's settings and vault.
    pub fn program(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        self.in_env(Command::new(program))
    }

    fn in_env(&self, mut cmd: Command) -> Command {
        let home = self.dir.path();
        cmd.env("MAILSETUP_CONFIG", &self.settings)
            .env("BROWSER", repo().join("tests/peers/browser.sh"))
            .env("MAILSETUP_PEERS_DIR", &self.peers.dir)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            // Debug logs too go to stderr, so the secret scan covers the app's log.
            .env("MAILSETUP_LOG", "mailsetup_core=debug,mailsetup=debug,warn")
            .env_remove("HTTPS_PROXY")
            .env_remove("https_proxy")
            .env_remove("ALL_PROXY");
        if self.wine.is_some() {
            // A Windows path; the browser is Wine's (the prefix's hook), never $BROWSER.
            cmd.env("MAILSETUP_CONFIG", wine::windows_path(&self.settings))
                .env_remove("BROWSER");
        }
        for (k, v) in &self.extra_env {
            cmd.env(k, v);
        }
        cmd
    }

    /// Keeps what a run printed, for the suite's secret scan and [`TestEnv::assert_no_secret_printed`].
    pub fn record(&self, args: &[&str], out: &Output) {
        let entry = format!(
            "$ mailsetup {}\n{}{}",
            args.join(" "),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        // Kept for the suite's secret scan (tests/secrets/scan.mjs): every CLI output.
        let dir = outputs_dir("cli");
        let _ = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(dir.join(format!("{}.log", self.address.to_lowercase())))
            .and_then(|mut f| std::io::Write::write_all(&mut f, entry.as_bytes()));
        self.transcript.borrow_mut().push_str(&entry);
    }

    /// The vault record for this env's address, read with `secret-tool` (not with our code).
    pub fn vault_record(&self) -> Option<Value> {
        secret_tool_lookup(&self.address.to_lowercase())
    }

    pub fn vault_access_token(&self) -> Option<Value> {
        secret_tool_lookup(&format!("{}#access", self.address.to_lowercase()))
    }

    /// Signs in and asserts success.
    pub fn sign_in_ok(&self) -> Value {
        let (code, v) = self.run_json(&["signin", &self.address]);
        assert_eq!(code, 0, "signin failed: {v:#}");
        assert_eq!(v["passed"], true);
        v
    }

    /// The page the test browser ended on for a sign-in outcome (found by the loopback port).
    pub fn browser_page(&self, outcome: &Value) -> String {
        let detail = outcome["steps"]
            .as_array()
            .and_then(|s| s.iter().find(|s| s["step"] == "loopback"))
            .and_then(|s| s["detail"].as_str())
            .unwrap_or_default();
        let port = detail
            .rsplit(':')
            .next()
            .unwrap_or_default()
            .trim_end_matches('/');
        let file = self.peers.dir.join(format!("browser/port-{port}.html"));
        // The browser writes the page when it has finished loading, which can be a moment
        // after the app has its answer.
        for _ in 0..50 {
            match std::fs::read_to_string(&file) {
                Ok(page) if page.contains("</html>") => return page,
                _ => std::thread::sleep(std::time::Duration::from_millis(100)),
            }
        }
        std::fs::read_to_string(&file).unwrap_or_default()
    }

    /// Asserts no secret from the vault ever appeared in anything the CLI printed.
    pub fn assert_no_secret_printed(&self, secrets: &[String]) {
        let t = self.transcript.borrow();
        for s in secrets.iter().filter(|s| s.len() >= 8) {
            assert!(!t.contains(s.as_str()), "a secret was printed by the CLI");
        }
    }
}

pub fn secret_tool_lookup(user: &str) -> Option<Value> {
    let out = Command::new("secret-tool")
        .args(["lookup", "service", "mailsetup", "username", user])
        .output()
        .expect("secret-tool (libsecret-tools) is installed");
    if !out.status.success() || out.stdout.is_empty() {
        return None;
    }
    Some(serde_json::from_slice(&out.stdout).expect("vault entries are JSON"))
}

/// Writes a vault entry with `secret-tool` (not with our code), as the app's keyring crate
/// names it.
pub fn secret_tool_store(user: &str, value: &str) {
    use std::io::Write;
    let mut store = Command::new("secret-tool")
        .args([
            "store",
            "--label=test",
            "service",
            "mailsetup",
            "username",
            user,
        ])
        .args(["target", "default", "application", "rust-keyring"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .expect("secret-tool (libsecret-tools) is installed");
    store
        .stdin
        .take()
        .unwrap()
        .write_all(value.as_bytes())
        .unwrap();
    assert!(store.wait().unwrap().success(), "secret-tool store failed");
}

pub fn sha256_hex(s: &str) -> String {
    sha256_hex_bytes(s.as_bytes())
}

pub fn sha256_hex_bytes(b: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(b)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The finding codes of a JSON outcome.
pub fn codes(outcome: &Value) -> Vec<String> {
    outcome["steps"]
        .as_array()
        .map(|steps| {
            steps
                .iter()
                .filter_map(|s| s["finding"]["code"].as_str().map(String::from))
                .collect()
        })
        .unwrap_or_else(|| {
            outcome["finding"]["code"]
                .as_str()
                .map(|c| vec![c.to_string()])
                .unwrap_or_default()
        })
}

/// The first finding of a JSON outcome (or of a pre-step failure).
pub fn first_finding(outcome: &Value) -> Value {
    outcome["steps"]
        .as_array()
        .and_then(|steps| steps.iter().find_map(|s| s.get("finding").cloned()))
        .or_else(|| outcome.get("finding").cloned())
        .unwrap_or(Value::Null)
}

/// A TCP port that never answers: a listener whose accept queue is full drops further SYNs,
/// exactly like a firewall that silently drops packets. Keep the value alive while in use.
pub struct BlackHole {
    _listener: socket2::Socket,
    _held: Vec<std::net::TcpStream>,
    pub port: u16,
}

impl BlackHole {
    pub fn new() -> BlackHole {
        use socket2::{Domain, Socket, Type};
        let listener = Socket::new(Domain::IPV4, Type::STREAM, None).unwrap();
        listener
            .bind(
                &"127.0.0.1:0"
                    .parse::<std::net::SocketAddr>()
                    .unwrap()
                    .into(),
            )
            .unwrap();
        listener.listen(0).unwrap();
        let addr = listener.local_addr().unwrap().as_socket().unwrap();
        let mut held = Vec::new();
        for _ in 0..8 {
            match std::net::TcpStream::connect_timeout(&addr, std::time::Duration::from_millis(300))
            {
                Ok(s) => held.push(s),
                Err(_) => break,
            }
        }
        BlackHole {
            _listener: listener,
            _held: held,
            port: addr.port(),
        }
    }
}

/// `target/test-outputs/<kind>/`: outputs kept for the suite's secret scan.
pub fn outputs_dir(kind: &str) -> PathBuf {
    let dir = repo().join("target/test-outputs").join(kind);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The record of step `name` in an outcome (panics with the outcome when it is missing).
pub fn step<'a>(v: &'a Value, name: &str) -> &'a Value {
    v["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["step"] == name)
        .unwrap_or_else(|| panic!("no step {name} in {v:#}"))
}

/// Whether an outcome has a step `name`.
pub fn has_step(v: &Value, name: &str) -> bool {
    v["steps"]
        .as_array()
        .is_some_and(|s| s.iter().any(|s| s["step"] == name))
}
