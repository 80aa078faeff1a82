//! Client helpers shared by the integration tests: lettre and async-imap set up the way
//! crates/core uses them, a raw TLS line client, and XOAUTH2 encoding.

#![allow(dead_code)]

use std::sync::Arc;
use std::time::Duration;

use base64::Engine as _;
use lettre::transport::smtp::client::{AsyncSmtpConnection, Certificate, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use mailsetup_testkit::{ScriptedServer, TestCa};
use rustls::pki_types::ServerName;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;

/// The token used in tests; it must never appear in a transcript.
pub const TOKEN: &str = "ya29.SECRET-ACCESS-TOKEN";
/// The user used in tests.
pub const USER: &str = "user@example.com";
/// The password used in tests; it must never appear in a transcript.
pub const PASSWORD: &str = "hunter2-SECRET-PASSWORD";

/// The transcript must hold no secret, neither in clear nor base64-encoded.
pub fn assert_no_secrets(server: &ScriptedServer) {
    let t = server.transcript().join("\n");
    for secret in [TOKEN, PASSWORD] {
        assert!(!t.contains(secret), "{secret} in transcript:\n{t}");
    }
    for raw in [xoauth2_raw(USER, TOKEN), format!("\0{USER}\0{PASSWORD}")] {
        let b64 = b64(raw.as_bytes());
        assert!(!t.contains(&b64), "credentials in transcript:\n{t}");
    }
    assert!(!t.contains(&b64(PASSWORD.as_bytes())), "{t}");
}

pub fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

pub fn xoauth2_raw(user: &str, token: &str) -> String {
    format!("user={user}\x01auth=Bearer {token}\x01\x01")
}

/// `AUTH XOAUTH2 <base64>` as crates/core sends it.
pub fn smtp_xoauth2_command() -> String {
    format!(
        "AUTH XOAUTH2 {}\r\n",
        b64(xoauth2_raw(USER, TOKEN).as_bytes())
    )
}

/// Like crates/core's `Line`: a command sent verbatim.
pub struct Line<'a>(pub &'a str);

impl std::fmt::Display for Line<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}\r\n", self.0)
    }
}

/// lettre TLS parameters trusting only the test CA.
pub fn tls_parameters(ca: &TestCa, host: &str) -> TlsParameters {
    TlsParameters::builder(host.to_string())
        .add_root_certificate(Certificate::from_der(ca.der().to_vec()).unwrap())
        .build_rustls()
        .unwrap()
}

/// Connects with lettre over a tokio TcpStream (greeting + EHLO), as crates/core does.
pub async fn smtp_plain(server: &ScriptedServer) -> AsyncSmtpConnection {
    let tcp = TcpStream::connect(server.addr()).await.unwrap();
    AsyncSmtpConnection::connect_with_transport(Box::new(tcp), &ClientId::default())
        .await
        .unwrap()
}

/// [`smtp_plain`] then STARTTLS + EHLO, verifying `localhost` against the test CA.
pub async fn smtp_tls(server: &ScriptedServer, ca: &TestCa) -> AsyncSmtpConnection {
    let mut conn = smtp_plain(server).await;
    assert!(conn.can_starttls());
    conn.starttls(tls_parameters(ca, "localhost"), &ClientId::default())
        .await
        .unwrap();
    assert!(conn.is_encrypted());
    conn
}

/// The first line and code of a lettre error: `"535 <text>"`.
pub fn smtp_error_text(e: &lettre::transport::smtp::Error) -> String {
    let code = e.status().expect("a server reply");
    let text = std::error::Error::source(e)
        .map(|s| s.to_string())
        .unwrap_or_default();
    format!("{code} {text}")
}

/// A TLS connection to `server` verified for `name` against the test CA (ring provider).
pub async fn tls_connect(
    server: &ScriptedServer,
    ca: &TestCa,
    name: &str,
) -> std::io::Result<TlsStream<TcpStream>> {
    let tcp = TcpStream::connect(server.addr()).await?;
    let connector = TlsConnector::from(ca.client_config());
    let name = ServerName::try_from(name.to_string()).unwrap();
    connector.connect(name, tcp).await
}

/// An async-imap client (greeting read) as crates/core makes it, and the greeting line.
pub async fn imap_client(
    server: &ScriptedServer,
    ca: &TestCa,
) -> (async_imap::Client<TlsStream<TcpStream>>, String) {
    let tls = tls_connect(server, ca, "localhost").await.unwrap();
    let mut client = async_imap::Client::new(tls);
    let greeting = client.read_response().await.unwrap().unwrap();
    // The owner buffer may be longer than the response: keep the first line.
    let raw = String::from_utf8_lossy(greeting.borrow_owner()).into_owned();
    let line = raw.split("\r\n").next().unwrap_or_default().to_string();
    (client, line)
}

/// crates/core's XOAUTH2 authenticator: the initial response first, then an empty answer to
/// the error challenge (kept).
pub struct Xoauth2 {
    pub sent: bool,
    pub error_challenge: Option<String>,
}

impl Xoauth2 {
    pub fn new() -> Self {
        Xoauth2 {
            sent: false,
            error_challenge: None,
        }
    }
}

impl async_imap::Authenticator for &mut Xoauth2 {
    type Response = Vec<u8>;
    fn process(&mut self, challenge: &[u8]) -> Vec<u8> {
        if self.sent {
            self.error_challenge = Some(String::from_utf8_lossy(challenge).into_owned());
            Vec::new()
        } else {
            self.sent = true;
            xoauth2_raw(USER, TOKEN).into_bytes()
        }
    }
}

/// SASL PLAIN, for `AUTHENTICATE PLAIN`.
pub struct Plain;

impl async_imap::Authenticator for Plain {
    type Response = Vec<u8>;
    fn process(&mut self, _challenge: &[u8]) -> Vec<u8> {
        format!("\0{USER}\0{PASSWORD}").into_bytes()
    }
}

/// A raw line client over TLS, for what the libraries do not send (SASL-IR, bad commands).
pub struct RawClient {
    stream: BufReader<TlsStream<TcpStream>>,
}

impl RawClient {
    pub async fn connect(server: &ScriptedServer, ca: &TestCa) -> RawClient {
        let tls = tls_connect(server, ca, "localhost").await.unwrap();
        RawClient {
            stream: BufReader::new(tls),
        }
    }

    pub async fn send(&mut self, line: &str) {
        let s = self.stream.get_mut();
        s.write_all(format!("{line}\r\n").as_bytes()).await.unwrap();
        s.flush().await.unwrap();
    }

    /// The next line without CRLF, or `None` at end of stream.
    pub async fn line(&mut self) -> Option<String> {
        let mut buf = String::new();
        let n = tokio::time::timeout(Duration::from_secs(5), self.stream.read_line(&mut buf))
            .await
            .expect("a server line within 5 s")
            .ok()?;
        (n > 0).then(|| buf.trim_end_matches(['\r', '\n']).to_string())
    }

    /// Lines up to and including the first one starting with `prefix`.
    pub async fn until(&mut self, prefix: &str) -> Vec<String> {
        let mut lines = Vec::new();
        while let Some(l) = self.line().await {
            let done = l.starts_with(prefix);
            lines.push(l);
            if done {
                break;
            }
        }
        lines
    }
}

/// Shorthand for `Arc<rustls::ServerConfig>` for localhost.
pub fn localhost(ca: &TestCa) -> Arc<rustls::ServerConfig> {
    ca.server_config(&["localhost", "127.0.0.1"])
}
