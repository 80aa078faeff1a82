//! The connection check's SMTP conversation: greeting, `EHLO`, `STARTTLS`, `EHLO` again,
//! `QUIT`. It never sends a credential; it learns what the server offers before and after TLS,
//! which TLS version it speaks and which certificate it shows.
//!
//! This is diagnosis, so it speaks the few commands itself (lettre hides the TLS version and
//! the raw EHLO lines). Rules: replies are read line by line (RFC 5321 §4.2.1, `NNN-` continues,
//! `NNN ` ends), each line at most 4096 bytes and each reply at most 100 lines; every reply has
//! the `command` timeout; after `220` to `STARTTLS` nothing may be buffered (RFC 3207 §4 — a
//! server or middlebox that sends early is refused, the "STARTTLS command injection" class);
//! a STARTTLS endpoint that does not offer STARTTLS is refused, never used in plain text.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};

use crate::findings::{Finding, FindingCode, Param, classify};
use crate::net::{self, CertFacts, Trust};
use crate::provider::{Endpoint, Security};
use crate::settings::Timeouts;

/// Longest reply line accepted, in bytes (RFC 5321 §4.5.3.1.5 allows 512; servers stretch it).
const MAX_LINE: u64 = 4096;
/// Most lines in one reply.
const MAX_LINES: usize = 100;

/// The TLS side of a connection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TlsFacts {
    /// Negotiated version, e.g. `TLS 1.3`.
    pub version: String,
    /// The certificate the server presented.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub certificate: Option<CertFacts>,
}

impl TlsFacts {
    /// E.g. `TLS 1.3, certificate for smtp.office365.com ... (87 days left)`.
    pub fn describe(&self) -> String {
        match &self.certificate {
            Some(c) => format!("{}, {}", self.version, c.describe()),
            None => self.version.clone(),
        }
    }
}

/// What an SMTP submission server offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SmtpFacts {
    /// `host:port`.
    pub server: String,
    /// The greeting line (after the code).
    pub greeting: String,
    /// EHLO extensions before TLS (empty for implicit TLS), e.g. `["STARTTLS", "SIZE 35882577"]`.
    pub ehlo_before_tls: Vec<String>,
    /// EHLO extensions on the secured connection, e.g. `["AUTH LOGIN XOAUTH2", "SMTPUTF8"]`.
    pub ehlo_after_tls: Vec<String>,
    /// TLS version and certificate.
    pub tls: TlsFacts,
}

impl SmtpFacts {
    /// AUTH mechanisms offered on the secured connection, upper case.
    pub fn auth_mechanisms(&self) -> Vec<String> {
        auth_in(&self.ehlo_after_tls)
    }

    /// One line for progress.
    pub fn describe(&self) -> String {
        let mechs = self.auth_mechanisms();
        format!(
            "{} · AUTH {}",
            self.tls.describe(),
            if mechs.is_empty() {
                "none offered".into()
            } else {
                mechs.join(" ")
            }
        )
    }
}

fn auth_in(ehlo: &[String]) -> Vec<String> {
    ehlo.iter()
        .filter_map(|l| {
            let upper = l.to_ascii_uppercase();
            upper
                .strip_prefix("AUTH ")
                .or_else(|| upper.strip_prefix("AUTH="))
                .map(str::to_owned)
        })
        .flat_map(|l| l.split_whitespace().map(str::to_owned).collect::<Vec<_>>())
        .collect()
}

/// One reply: code and text lines.
struct Reply {
    code: u16,
    lines: Vec<String>,
}

impl Reply {
    fn joined(&self) -> String {
        self.lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let sep = if i + 1 == self.lines.len() { ' ' } else { '-' };
                format!("{}{sep}{l}", self.code)
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

struct Conversation<S> {
    io: BufReader<S>,
    server: String,
    timeout: Duration,
}

impl<S: AsyncRead + AsyncWrite + Unpin> Conversation<S> {
    fn new(io: S, server: &str, timeout: Duration) -> Self {
        Conversation {
            io: BufReader::new(io),
            server: server.to_owned(),
            timeout,
        }
    }

    async fn reply(&mut self) -> Result<Reply, Finding> {
        let (timeout, server) = (self.timeout, self.server.clone());
        net::within(timeout, &server, self.read_reply()).await?
    }

    async fn read_reply(&mut self) -> Result<Reply, Finding> {
        let mut lines = Vec::new();
        loop {
            let mut raw = Vec::new();
            let n = (&mut self.io)
                .take(MAX_LINE)
                .read_until(b'\n', &mut raw)
                .await
                .map_err(|e| self.broken(&e.to_string()))?;
            if n == 0 {
                return Err(self.broken("the server closed the connection"));
            }
            let line = String::from_utf8_lossy(&raw).trim_end().to_string();
            let (Some(code), text) = classify::reply::split_status(&line) else {
                return Err(self.broken(&format!("not an SMTP reply: {line:.80}")));
            };
            lines.push((code, text.to_string()));
            if line.as_bytes().get(3) != Some(&b'-') {
                return Ok(Reply {
                    code,
                    lines: lines.into_iter().map(|(_, l)| l).collect(),
                });
            }
            if lines.len() >= MAX_LINES {
                return Err(self.broken("the reply never ended"));
            }
        }
    }

    async fn command(&mut self, line: &str) -> Result<Reply, Finding> {
        let io = self.io.get_mut();
        let sent = async {
            io.write_all(format!("{line}\r\n").as_bytes()).await?;
            io.flush().await
        };
        tokio::time::timeout(self.timeout, sent)
            .await
            .map_err(|_| self.broken("the server stopped reading"))?
            .map_err(|e| self.broken(&e.to_string()))?;
        self.reply().await
    }

    /// `EHLO`; the extension lines (all but the first).
    async fn ehlo(&mut self, name: &str) -> Result<Vec<String>, Finding> {
        let r = self.command(&format!("EHLO {name}")).await?;
        if r.code != 250 {
            return Err(self.refused(&r));
        }
        Ok(r.lines.into_iter().skip(1).collect())
    }

    fn refused(&self, r: &Reply) -> Finding {
        classify::smtp_reply(&r.joined()).with_if_used(Param::Server, &self.server)
    }

    fn broken(&self, what: &str) -> Finding {
        Finding::new(FindingCode::UnrecognisedReply)
            .with_evidence(format!("{}: {what}", self.server))
    }
}

/// Talks to `endpoint` without signing in and reports what it offers.
///
/// The TCP connect has the `probe` timeout (a black-holed port is known after it), the TLS
/// handshake the `connect` timeout, each reply the `command` timeout.
///
/// # Errors
/// DNS, connect, TLS (the evidence names the presented certificate), timeout,
/// `STARTTLS_UNAVAILABLE`, or the classified reply when the server refuses (e.g. `421`).
pub async fn probe(endpoint: &Endpoint, trust: &Trust, t: &Timeouts) -> Result<SmtpFacts, Finding> {
    let server = endpoint.label();
    let name = client_name();
    let tcp = net::connect(&endpoint.host, endpoint.port, t.probe)
        .await
        .map_err(|e| e.finding(&server))?;
    let (tcp, greeting, ehlo_before_tls) = match endpoint.security {
        Security::ImplicitTls => (tcp, None, Vec::new()),
        Security::StartTls => {
            let mut plain = Conversation::new(tcp, &server, t.command);
            let greeting = greet(&mut plain).await?;
            let ehlo = plain.ehlo(&name).await?;
            if !ehlo.iter().any(|l| l.eq_ignore_ascii_case("STARTTLS")) {
                return Err(Finding::new(FindingCode::StarttlsUnavailable)
                    .with(Param::Server, &server)
                    .with_evidence(format!(
                        "EHLO from {server} lists no STARTTLS: {}",
                        ehlo.join(" | ")
                    )));
            }
            let r = plain.command("STARTTLS").await?;
            if r.code != 220 {
                return Err(plain.refused(&r));
            }
            if !plain.io.buffer().is_empty() {
                return Err(Finding::new(FindingCode::TlsFailed)
                    .with(Param::Server, &server)
                    .with(
                        Param::Problem,
                        crate::l10n::tr("detail-tls-data-before-handshake"),
                    ));
            }
            (plain.io.into_inner(), Some(greeting), ehlo)
        }
    };
    let inspected = trust
        .handshake_inspected(tcp, &endpoint.host, t.connect)
        .await;
    let tls_stream = inspected.stream?;
    let tls = TlsFacts {
        version: net::tls_version(&tls_stream),
        certificate: inspected.certificate,
    };
    let mut secure = Conversation::new(tls_stream, &server, t.command);
    let greeting = match greeting {
        Some(g) => g,
        None => greet(&mut secure).await?,
    };
    let ehlo_after_tls = secure.ehlo(&name).await?;
    let _ = tokio::time::timeout(Duration::from_secs(2), secure.command("QUIT")).await;
    Ok(SmtpFacts {
        server,
        greeting,
        ehlo_before_tls,
        ehlo_after_tls,
        tls,
    })
}

async fn greet<S: AsyncRead + AsyncWrite + Unpin>(
    c: &mut Conversation<S>,
) -> Result<String, Finding> {
    let r = c.reply().await?;
    if r.code != 220 {
        return Err(c.refused(&r));
    }
    Ok(r.lines.join(" "))
}

/// The name sent with EHLO: this computer's host name when it is a usable domain, else an
/// address literal (RFC 5321 §4.1.4).
fn client_name() -> String {
    lettre::transport::smtp::extension::ClientId::default().to_string()
}
