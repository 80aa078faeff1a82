//! The replay engine: plays one [`Script`] on one connection.

use std::io;
use std::sync::Arc;
use std::time::Duration;

use rustls::ServerConfig;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::time::timeout;
use tokio_rustls::TlsAcceptor;

use crate::READ_TIMEOUT;
use crate::protocol::{Protocol, REDACTED, SaslStart};
use crate::script::{Script, Step};
use crate::server::Shared;

/// The longest client line accepted (longer lines are cut).
const MAX_LINE: u64 = 1 << 20;

trait Stream: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Stream for T {}
type Conn = BufReader<Box<dyn Stream>>;

/// Whether the session goes on.
enum Flow {
    Continue,
    Stop,
}

/// Serves one accepted connection with `script`, recording into `shared`.
pub(crate) async fn serve(
    proto: Protocol,
    script: Arc<Script>,
    tls: Arc<ServerConfig>,
    shared: Arc<Shared>,
    tcp: TcpStream,
) {
    let _open = shared.open();
    let mut session = Session {
        proto,
        script,
        tls,
        shared,
        conn: Some(BufReader::new(Box::new(tcp))),
        out: String::new(),
        pos: 0,
        tag: None,
        verb: String::new(),
        after_continuation: false,
    };
    session.run().await;
}

struct Session {
    proto: Protocol,
    script: Arc<Script>,
    tls: Arc<ServerConfig>,
    shared: Arc<Shared>,
    /// `None` only while the TLS handshake owns the stream.
    conn: Option<Conn>,
    /// Server lines not yet written.
    out: String,
    /// Index of the next step.
    pos: usize,
    /// IMAP: the tag of the client's last command.
    tag: Option<String>,
    /// The verb of the client's last command.
    verb: String,
    /// Whether the last server line asked for SASL data (the next client line is secret).
    after_continuation: bool,
}

impl Session {
    fn steps(&self) -> &[Step] {
        self.script.steps()
    }

    fn record(&self, entry: impl Into<String>) {
        self.shared.record(entry.into());
    }

    fn conn(&mut self) -> &mut Conn {
        self.conn
            .as_mut()
            .expect("connection present outside the TLS handshake")
    }

    async fn run(&mut self) {
        if self.proto.implicit_tls() && !self.upgrade("! tls").await {
            return;
        }
        loop {
            let flow = match self.play().await {
                Ok(flow) => flow,
                Err(e) => return self.record(format!("! io error: {e}")),
            };
            if matches!(flow, Flow::Stop) || self.pos >= self.steps().len() {
                return self.close().await;
            }
            let Some(line) = self.read_line().await else {
                return;
            };
            match self.on_client_line(line).await {
                Ok(Flow::Continue) => {}
                Ok(Flow::Stop) => return self.close().await,
                Err(e) => return self.record(format!("! io error: {e}")),
            }
        }
    }

    /// Plays server steps up to the next expected client line (or the end, or a close).
    async fn play(&mut self) -> io::Result<Flow> {
        while let Some(step) = self.steps().get(self.pos).cloned() {
            match step {
                Step::Expect { .. } => break,
                Step::Send(line) => {
                    self.pos += 1;
                    let line = self.proto.rewrite(&line, self.tag.as_deref());
                    self.send(&line);
                    if self.proto.starts_body(&self.verb, &line) {
                        self.flush().await?;
                        if !self.read_body().await {
                            return Ok(Flow::Stop);
                        }
                    }
                }
                Step::StartTls => {
                    self.pos += 1;
                    self.flush().await?;
                    if !self.upgrade("! starttls").await {
                        return Ok(Flow::Stop);
                    }
                }
                Step::Close => {
                    self.pos += 1;
                    self.flush().await?;
                    return Ok(Flow::Stop);
                }
                Step::Sleep(d) => {
                    self.pos += 1;
                    self.flush().await?;
                    tokio::time::sleep(d).await;
                }
            }
        }
        self.flush().await?;
        Ok(Flow::Continue)
    }

    /// Handles a client line at an expected step.
    async fn on_client_line(&mut self, line: String) -> io::Result<Flow> {
        let verb = self.proto.client_verb(&line);
        let shown = self.shown(&line);
        self.record(format!("C: {shown}"));
        if let Some(j) = self.find_match(&verb) {
            let any = self.steps()[j].is_any();
            self.pos = j + 1;
            if !any {
                self.tag = self.proto.client_tag(&line);
                self.verb = verb;
                if let Some(sasl) = self.proto.sasl_start(&line) {
                    return self.sasl(&sasl).await;
                }
            }
            return Ok(Flow::Continue);
        }
        if let Some(generic) = self.proto.generic(&verb, &line, &self.script) {
            for reply in &generic.lines {
                self.send(reply);
            }
            self.flush().await?;
            return Ok(if generic.close {
                Flow::Stop
            } else {
                Flow::Continue
            });
        }
        let expected = self.expected_text();
        self.record(format!("MISMATCH expected {expected} got {shown}"));
        let reply = self.proto.mismatch_reply(&line);
        self.send(&reply);
        self.flush().await?;
        Ok(Flow::Stop)
    }

    /// The index of the expected step `verb` matches, skipping optional steps (and their
    /// replies) in between.
    fn find_match(&self, verb: &str) -> Option<usize> {
        let steps = self.steps();
        let mut j = self.pos;
        loop {
            let Step::Expect { text, .. } = steps.get(j)? else {
                return None;
            };
            if text == "*" || self.proto.script_verbs(text).iter().any(|v| v == verb) {
                return Some(j);
            }
            if !self.is_optional(&steps[j]) {
                return None;
            }
            j = (j + 1..steps.len()).find(|&k| matches!(steps[k], Step::Expect { .. }))?;
        }
    }

    /// Adapts the script to the client's SASL style: an initial response makes an empty
    /// continuation + `C: *` in the script unnecessary; without one, a script that answers
    /// right away gets the continuation(s) a real server would send first.
    async fn sasl(&mut self, sasl: &SaslStart) -> io::Result<Flow> {
        let steps = self.steps();
        let (next, after) = (steps.get(self.pos), steps.get(self.pos + 1));
        if sasl.initial_response {
            if let (Some(Step::Send(l)), Some(s)) = (next, after)
                && self.proto.is_empty_continuation(l)
                && s.is_any()
            {
                self.pos += 2;
            }
        } else if let Some(Step::Send(l)) = next
            && !self.proto.is_continuation(l)
        {
            for prompt in self.proto.sasl_prompts(&sasl.mechanism) {
                self.send(&prompt);
                self.flush().await?;
                let Some(answer) = self.read_line().await else {
                    return Ok(Flow::Stop);
                };
                let shown = self.shown(&answer);
                self.record(format!("C: {shown}"));
            }
        }
        Ok(Flow::Continue)
    }

    /// Reads a message body up to the `.` line (SMTP `DATA`); skips a following `C: .`.
    async fn read_body(&mut self) -> bool {
        let mut lines = 0usize;
        loop {
            let Some(line) = self.read_line().await else {
                return false;
            };
            if line == "." {
                break;
            }
            lines += 1;
        }
        self.record(format!("C: <message body: {lines} lines>"));
        self.record("C: .");
        if let Some(Step::Expect { text, .. }) = self.steps().get(self.pos)
            && text == "."
        {
            self.pos += 1;
        }
        true
    }

    /// The client line as recorded: SASL data and credentials replaced by `<redacted>` (the raw
    /// line then goes to `received_auth`).
    fn shown(&self, line: &str) -> String {
        if self.after_continuation {
            self.shared.record_auth(line.to_string());
            return if line.is_empty() {
                String::new()
            } else {
                REDACTED.to_string()
            };
        }
        match self.proto.redact_command(line) {
            Some(redacted) => {
                self.shared.record_auth(line.to_string());
                redacted
            }
            None => line.to_string(),
        }
    }

    /// The next required client line (past optional ones), for messages.
    fn expected_text(&self) -> String {
        let steps = self.steps();
        let mut first = None;
        for step in &steps[self.pos.min(steps.len())..] {
            if let Step::Expect { text, .. } = step {
                first.get_or_insert(text);
                if !self.is_optional(step) {
                    return text.clone();
                }
            }
        }
        first.map_or_else(|| "<end of script>".into(), Clone::clone)
    }

    /// Whether `step` is an expected client line the client may leave out.
    fn is_optional(&self, step: &Step) -> bool {
        match step {
            Step::Expect { text, optional } => {
                *optional
                    || self
                        .proto
                        .script_verbs(text)
                        .iter()
                        .all(|v| self.proto.is_optional(v))
            }
            _ => false,
        }
    }

    fn expected_is_optional(&self) -> bool {
        self.steps()
            .get(self.pos)
            .is_none_or(|s| self.is_optional(s))
    }

    fn send(&mut self, line: &str) {
        self.record(format!("S: {line}"));
        self.after_continuation = self.proto.is_continuation(line);
        self.out.push_str(line);
        self.out.push_str("\r\n");
    }

    async fn flush(&mut self) -> io::Result<()> {
        if self.out.is_empty() {
            return Ok(());
        }
        let out = std::mem::take(&mut self.out);
        let conn = self.conn();
        let write = async {
            conn.write_all(out.as_bytes()).await?;
            conn.flush().await
        };
        timeout(READ_TIMEOUT, write)
            .await
            .map_err(|_| io::Error::new(io::ErrorKind::TimedOut, "write timed out"))?
    }

    /// Reads one client line (without CRLF); `None` (recorded) on close, timeout or error.
    async fn read_line(&mut self) -> Option<String> {
        let mut buf = Vec::new();
        let conn = self.conn();
        let read = timeout(
            READ_TIMEOUT,
            (&mut *conn).take(MAX_LINE).read_until(b'\n', &mut buf),
        )
        .await;
        let entry = match read {
            Ok(Ok(n)) if n > 0 => {
                while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                    buf.pop();
                }
                return Some(String::from_utf8_lossy(&buf).into_owned());
            }
            // A TLS client that just drops the socket (no close_notify) has closed too.
            Ok(Ok(_)) => self.closed_entry(),
            Ok(Err(e)) if e.kind() == io::ErrorKind::UnexpectedEof => self.closed_entry(),
            Ok(Err(e)) => format!("! io error: {e}"),
            Err(_) => format!(
                "! timeout: no client line within {} s, expected C: {}",
                READ_TIMEOUT.as_secs(),
                self.expected_text()
            ),
        };
        self.record(entry);
        None
    }

    fn closed_entry(&self) -> String {
        if self.expected_is_optional() {
            "! client closed".into()
        } else {
            format!("! client closed, expected C: {}", self.expected_text())
        }
    }

    /// The server side of a TLS handshake; records `done` (or the failure).
    async fn upgrade(&mut self, done: &str) -> bool {
        let conn = self.conn.take().expect("connection present");
        if !conn.buffer().is_empty() {
            self.record("! client sent data before the TLS handshake (discarded)");
        }
        let acceptor = TlsAcceptor::from(Arc::clone(&self.tls));
        let handshake = timeout(READ_TIMEOUT, acceptor.accept(conn.into_inner())).await;
        match handshake {
            Ok(Ok(tls)) => {
                self.conn = Some(BufReader::new(Box::new(tls)));
                self.record(done);
                true
            }
            Ok(Err(e)) => {
                self.record(format!("! tls failed: {e}"));
                false
            }
            Err(_) => {
                self.record("! tls failed: handshake timed out");
                false
            }
        }
    }

    /// Closes the connection (TLS close_notify, then FIN).
    async fn close(&mut self) {
        self.record("! close");
        if let Some(conn) = self.conn.as_mut() {
            let _ = timeout(Duration::from_secs(2), conn.shutdown()).await;
        }
    }
}
