//! [`ScriptedServer`]: a loopback listener on its own thread and tokio runtime that replays a
//! [`Script`] for every connection and records what happened.

use std::net::SocketAddr;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

use rustls::ServerConfig;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

use crate::protocol::Protocol;
use crate::script::Script;
use crate::session;

/// A scripted SMTP or IMAP server on `127.0.0.1`.
///
/// Each connection is served with the same script, from its first step. Client lines are
/// matched by command verb only (SMTP: the first word; IMAP: the word after the tag), since a
/// real client sends its own host names, tags and tokens; IMAP tagged replies are re-tagged
/// with the tag the client used. Beyond the script:
///
/// * Optional commands — lines written `C?:` and the verbs `QUIT`/`NOOP`/`RSET` (SMTP) or
///   `CAPABILITY`/`NOOP`/`ID`/`LOGOUT` (IMAP) — may be skipped by the client (their scripted
///   replies are skipped too); sent when the script expects something else, they get a generic
///   reply (IMAP `CAPABILITY` uses the script's `* CAPABILITY` line or greeting code), and
///   `QUIT`/`LOGOUT` then close. A client closing the connection at an optional step (e.g. not
///   sending the final `QUIT`) is not an error.
/// * SASL: a client `AUTH`/`AUTHENTICATE` with an initial response skips a scripted empty
///   continuation (`334 ` / `+ `) followed by `C: *`; one without an initial response, where
///   the script answers at once, first gets the continuation(s) a real server sends (SMTP
///   `AUTH LOGIN`: `334 VXNlcm5hbWU6`, `334 UGFzc3dvcmQ6`; otherwise `334 ` / `+ `).
/// * SMTP `DATA`: after a `354` reply the message body is read up to the `.` line (not
///   matched); a scripted `C: .` right after is taken as matched.
/// * A line that matches nothing is recorded as `MISMATCH expected X got Y`, answered with
///   `500 5.5.2 unexpected command` (SMTP) or `<tag> BAD unexpected command` (IMAP), and the
///   connection is closed.
/// * The server closes the connection at the end of the script or at `!close`; every read
///   has a [`crate::READ_TIMEOUT`].
///
/// Dropping the server stops it and closes its connections.
pub struct ScriptedServer {
    addr: SocketAddr,
    shared: Arc<Shared>,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl ScriptedServer {
    /// An SMTP server: plain TCP first (like port 587), TLS with `tls` at `!starttls`.
    ///
    /// # Panics
    /// If no loopback port can be bound or the thread cannot be started.
    pub fn smtp(script: Script, tls: Arc<ServerConfig>) -> ScriptedServer {
        ScriptedServer::start(Protocol::Smtp, script, tls)
    }

    /// An IMAP server: implicit TLS with `tls` from the first byte (like port 993).
    ///
    /// # Panics
    /// If no loopback port can be bound or the thread cannot be started.
    pub fn imap(script: Script, tls: Arc<ServerConfig>) -> ScriptedServer {
        ScriptedServer::start(Protocol::Imap, script, tls)
    }

    fn start(proto: Protocol, script: Script, tls: Arc<ServerConfig>) -> ScriptedServer {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        listener
            .set_nonblocking(true)
            .expect("make the listener non-blocking");
        let addr = listener.local_addr().expect("listener address");
        let shared = Arc::new(Shared::default());
        let (stop, stopped) = oneshot::channel();
        let thread = {
            let shared = Arc::clone(&shared);
            std::thread::Builder::new()
                .name(format!("testkit-{proto:?}-{}", addr.port()).to_lowercase())
                .spawn(move || {
                    let runtime = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                        .expect("build the server runtime");
                    runtime.block_on(accept(proto, script, tls, shared, listener, stopped));
                })
                .expect("start the server thread")
        };
        ScriptedServer {
            addr,
            shared,
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    /// The listening address (`127.0.0.1:<port>`).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The listening port.
    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// What happened so far, over all connections, in order:
    ///
    /// * `! connection N` when connection N (from 1) is accepted;
    /// * `! tls` (IMAP, implicit) / `! starttls` when a handshake completed, or
    ///   `! tls failed: <error>`;
    /// * `S: <line>` for each line sent (IMAP tags as sent), `C: <line>` for each client line —
    ///   with `AUTH`/`AUTHENTICATE`/`LOGIN` arguments and SASL responses replaced by
    ///   `<redacted>` (an empty SASL response shows as `C: `), and a message body shown as
    ///   `C: <message body: N lines>`;
    /// * `MISMATCH expected <script text> got <client line>`;
    /// * `! close` (server closed), `! client closed` (at an optional step) or
    ///   `! client closed, expected C: <text>`, `! timeout: …`, `! io error: …`.
    pub fn transcript(&self) -> Vec<String> {
        self.shared.lock().transcript.clone()
    }

    /// The raw (unredacted) credential lines: `AUTH`/`AUTHENTICATE`/`LOGIN` commands and the
    /// SASL responses, e.g. to decode the XOAUTH2 user. Never print these.
    pub fn received_auth(&self) -> Vec<String> {
        self.shared.lock().auth.clone()
    }

    /// The `MISMATCH …` entries of [`ScriptedServer::transcript`].
    pub fn mismatches(&self) -> Vec<String> {
        self.shared
            .lock()
            .transcript
            .iter()
            .filter(|e| e.starts_with("MISMATCH"))
            .cloned()
            .collect()
    }

    /// How many connections were accepted.
    pub fn connections(&self) -> usize {
        self.shared.lock().connections
    }

    /// Waits up to `within` until at least one connection was accepted and all accepted ones
    /// are finished (so the transcript is complete); returns whether that happened. A client
    /// that keeps its connection open makes this wait the whole time.
    pub fn wait_closed(&self, within: Duration) -> bool {
        let log = self.shared.lock();
        let (log, _) = self
            .shared
            .changed
            .wait_timeout_while(log, within, |l| l.connections == 0 || l.active > 0)
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        log.connections > 0 && log.active == 0
    }
}

impl Drop for ScriptedServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

async fn accept(
    proto: Protocol,
    script: Script,
    tls: Arc<ServerConfig>,
    shared: Arc<Shared>,
    listener: std::net::TcpListener,
    mut stopped: oneshot::Receiver<()>,
) {
    let listener = match TcpListener::from_std(listener) {
        Ok(l) => l,
        Err(e) => return shared.record(format!("! listener error: {e}")),
    };
    let script = Arc::new(script);
    loop {
        tokio::select! {
            _ = &mut stopped => return,
            accepted = listener.accept() => match accepted {
                Ok((tcp, _)) => {
                    tokio::spawn(session::serve(
                        proto,
                        Arc::clone(&script),
                        Arc::clone(&tls),
                        Arc::clone(&shared),
                        tcp,
                    ));
                }
                Err(e) => shared.record(format!("! accept error: {e}")),
            },
        }
    }
}

/// State shared between the server's connections and its owner.
#[derive(Default)]
pub(crate) struct Shared {
    log: Mutex<Log>,
    changed: Condvar,
}

#[derive(Default)]
struct Log {
    transcript: Vec<String>,
    auth: Vec<String>,
    connections: usize,
    active: usize,
}

/// Marks a connection as finished when dropped (also when its task is cancelled).
pub(crate) struct OpenConnection(Arc<Shared>);

impl Drop for OpenConnection {
    fn drop(&mut self) {
        self.0.lock().active -= 1;
        self.0.changed.notify_all();
    }
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Log> {
        self.log
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Appends a transcript entry.
    pub(crate) fn record(&self, entry: String) {
        self.lock().transcript.push(entry);
    }

    /// Keeps a raw credential line.
    pub(crate) fn record_auth(&self, line: String) {
        self.lock().auth.push(line);
    }

    /// Counts a new connection and records `! connection N`.
    pub(crate) fn open(self: &Arc<Self>) -> OpenConnection {
        let mut log = self.lock();
        log.connections += 1;
        log.active += 1;
        let n = log.connections;
        log.transcript.push(format!("! connection {n}"));
        drop(log);
        OpenConnection(Arc::clone(self))
    }
}
