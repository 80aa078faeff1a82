//! One connection to the relay: lines in, mailin's state machine, replies out, with the
//! relay's limits. The handler makes the decisions (who, which sender, how big) and reaches
//! the [`Gateway`] from mailin's synchronous callbacks through `block_in_place`.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use mailin::{Action, AuthMechanism, Handler, Response, SessionBuilder};
use secrecy::SecretString;
use tokio::io::{AsyncBufReadExt as _, AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;

use super::{Gateway, Limits, MAX_LINE, MAX_RECIPIENTS, Sender, reply};
use crate::findings::{Finding, FindingCode, Param};

/// The name in the greeting.
const NAME: &str = "localhost";
/// Wrong passwords before the connection is closed.
const MAX_AUTH_FAILURES: u32 = 3;

/// Tells a client over the connection limit to come back later.
pub(super) async fn busy(mut stream: TcpStream) {
    let _ = stream
        .write_all(b"421 4.7.0 mailsetup relay: too many programs at once, try again shortly\r\n")
        .await;
}

/// Serves one connection until the client quits, times out or breaks a limit.
pub(super) async fn serve(
    stream: TcpStream,
    peer: SocketAddr,
    gateway: Arc<dyn Gateway>,
    limits: Limits,
) {
    let _ = stream.set_nodelay(true);
    let (read, mut write) = stream.into_split();
    let mut read = tokio::io::BufReader::new(read);
    let shared = Arc::new(Shared::default());
    let handler = RelayHandler {
        gateway,
        runtime: tokio::runtime::Handle::current(),
        limits,
        sender: None,
        shared: shared.clone(),
        envelope: None,
        message: Vec::new(),
        oversize: false,
    };
    let mut session = SessionBuilder::new(NAME)
        .enable_auth(AuthMechanism::Plain)
        .enable_auth(AuthMechanism::Login)
        .insecure_enable_plaintext_auth()
        .build(peer.ip(), handler);
    if send(&mut write, &session.greeting()).await.is_err() {
        return;
    }
    let mut line = Vec::with_capacity(1024);
    loop {
        line.clear();
        let response =
            match tokio::time::timeout(limits.idle, next_line(&mut read, &mut line)).await {
                Err(_) => closing("4.4.2 mailsetup relay: nothing received for too long"),
                Ok(Err(_) | Ok(Line::End)) => return,
                Ok(Ok(Line::TooLong)) => closing("5.5.2 mailsetup relay: a line was too long"),
                Ok(Ok(Line::Complete)) => {
                    let r = tokio::task::block_in_place(|| session.process(&line));
                    shared
                        .end_of_data
                        .lock()
                        .ok()
                        .and_then(|mut e| e.take())
                        .unwrap_or(r)
                }
            };
        let close = response.action == Action::Close
            || shared.failures.load(Ordering::Relaxed) >= MAX_AUTH_FAILURES;
        if response.action != Action::NoReply && send(&mut write, &response).await.is_err() {
            return;
        }
        if close {
            let _ = write.shutdown().await;
            return;
        }
    }
}

fn closing(text: &str) -> Response {
    Response::custom(421, text.to_owned())
}

async fn send(
    write: &mut tokio::net::tcp::OwnedWriteHalf,
    response: &Response,
) -> std::io::Result<()> {
    write.write_all(&response.buffer()?).await
}

/// What reading one line gave.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Line {
    /// A line, ending in CRLF (a bare LF is taken as CRLF).
    Complete,
    /// Longer than [`MAX_LINE`].
    TooLong,
    /// The client closed the connection (a last line without its line end is dropped).
    End,
}

/// Reads one line into `line` (at most [`MAX_LINE`] bytes).
pub(super) async fn next_line(
    read: &mut (impl tokio::io::AsyncBufRead + Unpin),
    line: &mut Vec<u8>,
) -> std::io::Result<Line> {
    let n = read
        .take(MAX_LINE as u64 + 1)
        .read_until(b'\n', line)
        .await?;
    if n == 0 || !line.ends_with(b"\n") {
        return Ok(if line.len() > MAX_LINE {
            Line::TooLong
        } else {
            Line::End
        });
    }
    if !line.ends_with(b"\r\n") {
        line.pop();
        line.extend_from_slice(b"\r\n");
    }
    Ok(Line::Complete)
}

/// What the handler tells the connection loop.
#[derive(Default)]
struct Shared {
    /// Wrong passwords so far (the loop closes the connection after 3).
    failures: AtomicU32,
    /// The reply to the end of a message. mailin keeps a transaction open after a failed end
    /// of data (its next lines would be taken as message text), so the handler always tells it
    /// OK and the loop sends this reply instead (RFC 5321 §4.1.1.4: the transaction ends
    /// with the reply, whatever it is).
    end_of_data: std::sync::Mutex<Option<Response>>,
}

/// The relay's decisions for one connection.
struct RelayHandler {
    gateway: Arc<dyn Gateway>,
    runtime: tokio::runtime::Handle,
    limits: Limits,
    /// The program that authenticated.
    sender: Option<Sender>,
    /// Shared with the connection loop.
    shared: Arc<Shared>,
    /// `MAIL FROM` and the recipients of the message being received.
    envelope: Option<(String, Vec<String>)>,
    /// The message being received.
    message: Vec<u8>,
    /// It grew past the size limit: dropped, refused at its end.
    oversize: bool,
}

impl RelayHandler {
    fn refuse(&self, f: &Finding) -> Response {
        let r = reply::for_finding(f);
        tracing::info!(code = %f.code, reply = r.code, "relay: refused");
        Response::custom(r.code, r.text())
    }

    fn authenticate(&mut self, user: &str, password: &str) -> Response {
        let password = SecretString::from(password);
        match self
            .runtime
            .block_on(self.gateway.authenticate(user, &password))
        {
            Ok(sender) => {
                tracing::info!(mailbox = %sender.mailbox.normalized(), program = %sender.program, "relay: program signed in");
                self.sender = Some(sender);
                mailin::response::AUTH_OK
            }
            Err(f) => {
                if f.code == FindingCode::RelayPasswordRefused {
                    self.shared.failures.fetch_add(1, Ordering::Relaxed);
                    // Slows down guessing (the passwords are long and random anyway).
                    std::thread::sleep(std::time::Duration::from_millis(300));
                }
                self.refuse(&f)
            }
        }
    }
}

impl RelayHandler {
    fn end_of_data(&mut self) -> Response {
        let message = std::mem::take(&mut self.message);
        if std::mem::take(&mut self.oversize) {
            let mb = self.limits.max_message_bytes.div_ceil(1024 * 1024);
            return self.refuse(
                &Finding::new(FindingCode::RelayMessageTooBig)
                    .with(Param::Problem, format!("{mb} MB")),
            );
        }
        let Some(sender) = self.sender.clone() else {
            return mailin::response::AUTHENTICATION_REQUIRED;
        };
        let (from, to) = self.envelope.take().unwrap_or_default();
        self.submit(&sender, &from, &to, &message)
    }

    fn submit(&self, sender: &Sender, from: &str, to: &[String], message: &[u8]) -> Response {
        let started = std::time::Instant::now();
        match self
            .runtime
            .block_on(self.gateway.submit(sender, from, to, message))
        {
            Ok(()) => {
                tracing::info!(
                    mailbox = %sender.mailbox.normalized(),
                    program = %sender.program,
                    bytes = message.len(),
                    recipients = to.len(),
                    ms = started.elapsed().as_millis() as u64,
                    "relay: sent"
                );
                Response::custom(
                    250,
                    format!(
                        "2.0.0 mailsetup relay: sent with the sign-in of {}",
                        sender.mailbox.normalized()
                    ),
                )
            }
            Err(f) => self.refuse(&f),
        }
    }
}

impl Handler for RelayHandler {
    fn mail(&mut self, _ip: IpAddr, _domain: &str, from: &str) -> Response {
        let Some(sender) = &self.sender else {
            return mailin::response::AUTHENTICATION_REQUIRED;
        };
        if sender.may_send_as(from) {
            return mailin::response::OK;
        }
        let shown = if from.is_empty() { "<>" } else { from };
        self.refuse(
            &Finding::new(FindingCode::RelaySenderNotAllowed)
                .with(Param::Mailbox, sender.mailbox.display())
                .with(Param::Problem, shown),
        )
    }

    fn rcpt(&mut self, to: &str) -> Response {
        if to.parse::<lettre::Address>().is_err() {
            return Response::custom(
                553,
                "5.1.3 mailsetup relay: that recipient is not an address".into(),
            );
        }
        mailin::response::OK
    }

    fn data_start(&mut self, _domain: &str, from: &str, _is8bit: bool, to: &[String]) -> Response {
        if to.len() > MAX_RECIPIENTS {
            return Response::custom(
                452,
                format!("4.5.3 mailsetup relay: at most {MAX_RECIPIENTS} recipients per message"),
            );
        }
        self.envelope = Some((from.to_owned(), to.to_vec()));
        self.message.clear();
        self.oversize = false;
        mailin::response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        if self.message.len() + buf.len() > self.limits.max_message_bytes {
            self.oversize = true;
            self.message = Vec::new();
        } else if !self.oversize {
            self.message.extend_from_slice(buf);
        }
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        let reply = self.end_of_data();
        if let Ok(mut slot) = self.shared.end_of_data.lock() {
            *slot = Some(reply);
        }
        mailin::response::OK
    }

    fn auth_plain(
        &mut self,
        authorization_id: &str,
        authentication_id: &str,
        password: &str,
    ) -> Response {
        if !authorization_id.is_empty() && authorization_id != authentication_id {
            // Acting for someone else (RFC 4616 §2) is not offered.
            self.shared.failures.fetch_add(1, Ordering::Relaxed);
            return self.refuse(&Finding::new(FindingCode::RelayPasswordRefused));
        }
        self.authenticate(authentication_id, password)
    }

    fn auth_login(&mut self, username: &str, password: &str) -> Response {
        self.authenticate(username, password)
    }
}
