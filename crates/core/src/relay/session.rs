//! One connection to the relay: lines in, mailin's state machine, replies out, with the
//! relay's limits. The decisions are the handler's ([`super::handler`]).
//!
//! Around mailin: a line ending in a bare LF is read as ending in CRLF, but a `.` line ends a
//! message only when it and the line before it ended in a real CRLF (else it is text: no SMTP
//! smuggling, <https://www.postfix.org/smtp-smuggling.html>); a bare CR inside a line becomes
//! CRLF; `STARTTLS` (never offered) is refused; `RSET`, `EHLO` and `HELO` after AUTH keep the
//! program signed in (mailin would forget it: the loop starts a fresh state machine and signs
//! it in with the connection's own secret).

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use base64::Engine as _;
use mailin::{Action, AuthMechanism, Response, Session, SessionBuilder};
use secrecy::ExposeSecret as _;
use tokio::io::{AsyncBufReadExt as _, AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;

use super::handler::{RelayHandler, Shared};
use super::{Gateway, Limits, MAX_LINE, reply};
use crate::findings::{Finding, FindingCode};

/// The name in the greeting.
const NAME: &str = "localhost";
/// Wrong passwords before the connection is closed.
const MAX_AUTH_FAILURES: u32 = 3;
/// Refused commands before the connection is closed.
const MAX_BAD_COMMANDS: u32 = 20;

/// Tells a client over the connection limit to come back later.
pub(super) async fn busy(mut stream: TcpStream) {
    let _ = stream
        .write_all(b"421 4.7.0 mailsetup relay: too many programs at once, try again shortly\r\n")
        .await;
}

/// One connection's state machine and what the loop knows of it.
struct Conn {
    session: Session<RelayHandler>,
    shared: Arc<Shared>,
    gateway: Arc<dyn Gateway>,
    limits: Limits,
    ip: IpAddr,
}

impl Conn {
    fn machine(ip: IpAddr, handler: RelayHandler) -> Session<RelayHandler> {
        SessionBuilder::new(NAME)
            .enable_auth(AuthMechanism::Plain)
            .enable_auth(AuthMechanism::Login)
            .insecure_enable_plaintext_auth()
            .build(ip, handler)
    }

    fn new(ip: IpAddr, gateway: Arc<dyn Gateway>, limits: Limits) -> Conn {
        let shared = Arc::new(Shared::new());
        let handler = RelayHandler::new(gateway.clone(), limits, shared.clone());
        Conn {
            session: Conn::machine(ip, handler),
            shared,
            gateway,
            limits,
            ip,
        }
    }

    /// A fresh state machine for a signed-in program, signed in again; `hello` (the program's
    /// EHLO or HELO) gives the reply, else `250 OK` (RSET). A hello the state machine refuses
    /// leaves the old one as it was.
    fn restart(&mut self, hello: Option<&[u8]>) -> Response {
        let handler = RelayHandler::new(self.gateway.clone(), self.limits, self.shared.clone());
        let old = std::mem::replace(&mut self.session, Conn::machine(self.ip, handler));
        let reply = self.session.process(hello.unwrap_or(b"EHLO localhost\r\n"));
        if reply.is_error {
            self.session = old;
            return reply;
        }
        let user = self
            .shared
            .sender
            .lock()
            .ok()
            .and_then(|s| s.as_ref().map(|s| s.mailbox.normalized().to_owned()))
            .unwrap_or_default();
        let blob = base64::engine::general_purpose::STANDARD
            .encode(format!("\0{user}\0{}", self.shared.resume.expose_secret()));
        let _ = self
            .session
            .process(format!("AUTH PLAIN {blob}\r\n").as_bytes());
        match hello {
            Some(_) => reply,
            None => Response::custom(250, "2.0.0 OK".into()),
        }
    }

    /// The reply to one line.
    fn line(&mut self, line: &[u8]) -> Response {
        if !self.shared.in_data.load(Ordering::Relaxed) {
            let verb = line
                .split(|b| b.is_ascii_whitespace())
                .next()
                .map(<[u8]>::to_ascii_uppercase)
                .unwrap_or_default();
            match verb.as_slice() {
                b"STARTTLS" => {
                    return Response::custom(502, "5.5.1 mailsetup relay: STARTTLS is not offered (the relay is on this computer only)".into());
                }
                b"MAIL" | b"RCPT" | b"DATA" if !self.shared.signed_in() => {
                    let r = reply::for_finding(&Finding::new(FindingCode::RelayAuthRequired));
                    return Response::custom(r.code, r.text());
                }
                b"RSET" if self.shared.signed_in() => return self.restart(None),
                b"EHLO" | b"HELO" if self.shared.signed_in() => return self.restart(Some(line)),
                _ => {}
            }
        }
        let r = tokio::task::block_in_place(|| self.session.process(line));
        self.shared
            .end_of_data
            .lock()
            .ok()
            .and_then(|mut e| e.take())
            .unwrap_or(r)
    }
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
    let mut conn = Conn::new(peer.ip(), gateway, limits);
    if send(&mut write, &conn.session.greeting()).await.is_err() {
        return;
    }
    let started = Instant::now();
    let (mut line, mut previous_bare, mut bad) = (Vec::with_capacity(1024), false, 0);
    loop {
        line.clear();
        let signed_in = conn.shared.signed_in();
        let wait = wait_for(started, signed_in, &limits);
        let read = tokio::time::timeout(wait, next_line(&mut read, &mut line)).await;
        let late = !signed_in && started.elapsed() >= limits.sign_in_within;
        let response = match read {
            // Also when a line was waiting: the deadline is the deadline.
            _ if late => closing("4.7.0 mailsetup relay: a program must sign in (AUTH) first"),
            Err(_) => closing("4.4.2 mailsetup relay: nothing received for too long"),
            Ok(Err(_) | Ok(Line::End)) => return,
            Ok(Ok(Line::TooLong)) => closing("5.5.2 mailsetup relay: a line was too long"),
            Ok(Ok(Line::Complete { bare_lf })) => {
                if line == b".\r\n" && (bare_lf || previous_bare) {
                    // Not the end of the message: text (the state machine removes one dot).
                    line.insert(0, b'.');
                }
                previous_bare = bare_lf;
                conn.line(&line)
            }
        };
        // Refused commands count before AUTH only (a program's own refusals, e.g. recipients
        // over the limit, are normal SMTP).
        if response.is_error && !conn.shared.signed_in() {
            bad += 1;
        }
        let close = response.action == Action::Close
            || bad > MAX_BAD_COMMANDS
            || conn.shared.failures.load(Ordering::Relaxed) >= MAX_AUTH_FAILURES;
        // A program that does not read its replies cannot hold the connection either.
        let sent = match response.action {
            Action::NoReply => Ok(Ok(())),
            _ => tokio::time::timeout(limits.idle, send(&mut write, &response)).await,
        };
        if !matches!(sent, Ok(Ok(()))) {
            return;
        }
        if close {
            let _ = write.shutdown().await;
            return;
        }
    }
}

/// How long the next line may take: the idle limit, and before AUTH no later than
/// `sign_in_within` after the connection opened.
fn wait_for(started: Instant, signed_in: bool, limits: &Limits) -> Duration {
    if signed_in {
        return limits.idle;
    }
    limits
        .idle
        .min(limits.sign_in_within.saturating_sub(started.elapsed()))
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
    /// A line, now ending in CRLF; `bare_lf` when it ended in a LF alone.
    Complete { bare_lf: bool },
    /// Longer than [`MAX_LINE`].
    TooLong,
    /// The client closed the connection (a last line without its line end is dropped).
    End,
}

/// Reads one line into `line` (at most [`MAX_LINE`] bytes), ending it in CRLF; a bare CR
/// inside it becomes CRLF too.
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
    let bare_lf = !line.ends_with(b"\r\n");
    let body_end = line.len() - if bare_lf { 1 } else { 2 };
    let mut out = Vec::with_capacity(line.len() + 2);
    for (i, &b) in line[..body_end].iter().enumerate() {
        out.push(b);
        if b == b'\r' && line.get(i + 1) != Some(&b'\n') {
            out.push(b'\n');
        }
    }
    out.extend_from_slice(b"\r\n");
    *line = out;
    Ok(Line::Complete { bare_lf })
}
