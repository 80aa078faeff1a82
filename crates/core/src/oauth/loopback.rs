//! The loopback redirect listener (RFC 8252 §7.3): a tiny HTTP server on this computer that
//! shows the start page and receives the browser's redirect with the authorization code.
//!
//! It owns binding, reading requests safely, deciding what a request means, and answering the
//! browser. It hands back exactly one [`Received`] (a code, or an error from the identity
//! provider) together with a [`Reply`] that the caller uses to tell the browser which account
//! was received, or says why nothing came ([`LoopbackError`]).
//!
//! The browser is opened at [`Loopback::start_url`], a one-time address (a random path known
//! only to the browser launch, served once), where a local page says which account to sign in
//! with and then goes on to Microsoft. The start page carries the request's `state` and `nonce`
//! in the authorization URL: no other local process or web page can read them first. The same
//! address is shown to the person as the link to open by hand (no browser could be started, or
//! another window is wanted); the listener waits for it just the same, and a second request
//! for it gets a page that says the link was used, never the authorization URL.
//!
//! Safety rules, each tested:
//! - binds loopback addresses only, on one ephemeral port; for the `http://localhost` form it
//!   listens on *every* loopback address `localhost` resolves to (test
//!   `field_f10_listener_addresses_match_the_redirect_uri`), so the
//!   browser's connection lands whichever family it picks;
//! - answers only requests whose `Host` is the loopback name and port the app itself sent (a
//!   web page reaching the port through DNS rebinding sends its own name: test
//!   `a_request_for_another_host_is_refused`);
//! - accepts only `GET` on the registered path (a favicon request or any other path is answered
//!   404 and ignored);
//! - compares `state` in constant time; a wrong or missing `state` is refused and the listener
//!   keeps waiting — for an `error=` redirect too, so nobody without the `state` can end the
//!   sign-in (test `an_error_without_the_right_state_is_ignored_not_obeyed`);
//! - an `error=` redirect with the right `state` wins over any `code` in the same request (test
//!   `field_f11_error_wins_over_code_and_is_decoded`);
//! - never panics or hangs on what a client sends: each connection has a 10 s read limit and a
//!   16 KiB head limit, runs in its own task, and garbage or TLS bytes get a 400;
//! - pages are self-contained (no scripts, `no-store`, `no-referrer`);
//! - stops on the timeout or on cancel, and frees the port.

mod page;

pub use page::Page;

use std::io;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use oauth2::{AuthorizationCode, CsrfToken};
use subtle::ConstantTimeEq;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;
use url::Url;

use crate::findings::classify::EntraError;
use crate::provider::{LoopbackHost, RedirectForm};

/// Longest request head accepted, in bytes.
pub const MAX_HEAD_BYTES: usize = 16 * 1024;
/// How long one connection may take to send its request head.
pub const READ_TIMEOUT: Duration = Duration::from_secs(10);
/// How many ports to try when another program takes the port on one loopback family.
const BIND_ATTEMPTS: usize = 8;

/// What the browser brought back.
#[derive(Debug)]
pub enum Callback {
    /// An authorization code (secret).
    Code(AuthorizationCode),
    /// An error redirect from the identity provider (`error`, `error_description`, ...).
    Error(EntraError),
}

/// The browser's answer, and the connection to tell the browser how it went.
#[derive(Debug)]
pub struct Received {
    /// What the browser brought back.
    pub callback: Callback,
    /// The held browser connection (for a code; already answered for an error).
    pub reply: Reply,
}

/// The browser connection that brought the code, held open until the app knows which account
/// signed in. Dropping it unanswered sends a neutral page.
#[derive(Debug)]
pub struct Reply {
    stream: Option<TcpStream>,
}

impl Reply {
    /// A reply with no connection (nothing to answer).
    pub fn none() -> Reply {
        Reply { stream: None }
    }

    /// Sends `page` to the browser and closes the connection.
    pub async fn send(mut self, page: Page) {
        if let Some(mut stream) = self.stream.take() {
            write_page(&mut stream, &page).await;
        }
    }
}

impl Drop for Reply {
    fn drop(&mut self) {
        if let Some(mut stream) = self.stream.take()
            && let Ok(rt) = tokio::runtime::Handle::try_current()
        {
            rt.spawn(async move { write_page(&mut stream, &Page::received()).await });
        }
    }
}

/// What the start page shows before going on to the identity provider.
#[derive(Debug, Clone)]
pub struct StartPage {
    /// The account to sign in with (the mailbox, or the delegate for a shared mailbox).
    pub account: String,
    /// The authorization request URL (holds `state`: only ever served on this listener).
    pub authorize_url: Url,
    /// Seconds before going on automatically (0 = redirect at once).
    pub delay_secs: u32,
}

/// Path prefix of the start page on the listener (never the registered redirect path); the
/// start page itself is at `START_PATH/<one-time secret>`.
pub const START_PATH: &str = "/mailsetup-start";

/// Why no callback was received.
#[derive(Debug, thiserror::Error)]
pub enum LoopbackError {
    /// No loopback port could be opened.
    #[error("could not open a local port: {0}")]
    Bind(io::Error),
    /// Nothing came back before the timeout. `state_mismatch` is true when answers with a wrong
    /// `state` were refused meanwhile.
    #[error("no sign-in answer within {timeout:?}")]
    TimedOut {
        /// The timeout that elapsed.
        timeout: Duration,
        /// Whether a forged or stale answer was refused.
        state_mismatch: bool,
    },
    /// The sign-in was cancelled by the app or the user.
    #[error("cancelled")]
    Cancelled,
    /// The one-time start page was asked for a second time: reloaded, opened again with Back,
    /// or fetched by another program that read its address (a browser's command line can be
    /// read by other programs of the same user). The sign-in stops: the person is not left
    /// waiting at a page that will never come, and a stranger holding the first copy cannot
    /// finish it.
    #[error("the sign-in page was opened a second time")]
    StartReopened,
}

/// A bound loopback listener, ready to receive one redirect.
pub struct Loopback {
    listeners: Vec<TcpListener>,
    redirect_uri: Url,
    path: String,
    /// `START_PATH/<random>`: the one-time start page address.
    start_path: String,
}

impl std::fmt::Debug for Loopback {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Loopback")
            .field("redirect_uri", &self.redirect_uri.as_str())
            .field("addrs", &self.local_addrs())
            .finish()
    }
}

impl Loopback {
    /// Binds an ephemeral port on the loopback address(es) that match `form`.
    ///
    /// # Errors
    /// [`LoopbackError::Bind`] when no port could be opened.
    pub async fn bind(form: &RedirectForm) -> Result<Loopback, LoopbackError> {
        let ips = loopback_ips(form.host()).await;
        Self::bind_on(form, &ips, std::iter::repeat_n(0, BIND_ATTEMPTS)).await
    }

    /// Binds the first IP on each candidate port (0 = ephemeral) and the other IPs on the
    /// same port; moves on to the next candidate when the port is taken on any of them.
    /// Addresses this computer does not have (e.g. `::1` without IPv6) are skipped.
    pub(crate) async fn bind_on(
        form: &RedirectForm,
        ips: &[IpAddr],
        ports: impl IntoIterator<Item = u16>,
    ) -> Result<Loopback, LoopbackError> {
        let (first, rest) = ips
            .split_first()
            .ok_or_else(|| LoopbackError::Bind(io::Error::other("no loopback address")))?;
        let mut last_err = io::Error::new(io::ErrorKind::AddrInUse, "no free port");
        'ports: for candidate in ports {
            let primary = match TcpListener::bind(SocketAddr::new(*first, candidate)).await {
                Ok(l) => l,
                Err(e) => {
                    last_err = e;
                    continue;
                }
            };
            let port = primary.local_addr().map_err(LoopbackError::Bind)?.port();
            let mut listeners = vec![primary];
            for ip in rest {
                match TcpListener::bind(SocketAddr::new(*ip, port)).await {
                    Ok(l) => listeners.push(l),
                    Err(e) if e.kind() == io::ErrorKind::AddrNotAvailable => {}
                    Err(e) if e.kind() == io::ErrorKind::Unsupported => {}
                    Err(e) => {
                        last_err = e;
                        continue 'ports;
                    }
                }
            }
            return Ok(Loopback {
                listeners,
                redirect_uri: form.uri(port),
                path: form.path().to_owned(),
                start_path: format!("{START_PATH}/{}", CsrfToken::new_random().secret()),
            });
        }
        Err(LoopbackError::Bind(last_err))
    }

    /// The exact `redirect_uri` to send, e.g. `http://localhost:53211/`.
    pub fn redirect_uri(&self) -> &Url {
        &self.redirect_uri
    }

    /// The address to open in the browser: the local start page, served once.
    pub fn start_url(&self) -> Url {
        let mut u = self.redirect_uri.clone();
        u.set_path(&self.start_path);
        u.set_query(None);
        u
    }

    /// The socket addresses being listened on.
    pub fn local_addrs(&self) -> Vec<SocketAddr> {
        self.listeners
            .iter()
            .filter_map(|l| l.local_addr().ok())
            .collect()
    }

    /// Serves `start` and waits for the redirect carrying `state`, at most `timeout`, until
    /// `cancel` fires.
    ///
    /// # Errors
    /// [`LoopbackError::TimedOut`] or [`LoopbackError::Cancelled`].
    pub async fn wait(
        self,
        state: &CsrfToken,
        start: StartPage,
        timeout: Duration,
        cancel: &CancellationToken,
    ) -> Result<Received, LoopbackError> {
        let shared = Arc::new(Shared {
            expect: Expect {
                host: self.redirect_uri[url::Position::BeforeHost..url::Position::AfterPort]
                    .to_owned(),
                start_path: self.start_path,
                path: self.path,
                state: CsrfToken::new(state.secret().clone()),
            },
            start,
            start_served: AtomicBool::new(false),
            mismatch: AtomicBool::new(false),
        });
        let (tx, mut rx) = mpsc::channel::<Result<Received, LoopbackError>>(1);
        let mut accept_tasks = JoinSet::new();
        for listener in self.listeners {
            accept_tasks.spawn(accept_loop(listener, Arc::clone(&shared), tx.clone()));
        }
        drop(tx);
        let result = tokio::select! {
            biased;
            _ = cancel.cancelled() => Err(LoopbackError::Cancelled),
            got = rx.recv() => got.unwrap_or(Err(LoopbackError::Cancelled)),
            _ = tokio::time::sleep(timeout) => Err(LoopbackError::TimedOut {
                timeout,
                state_mismatch: shared.mismatch.load(Ordering::Relaxed),
            }),
        };
        accept_tasks.shutdown().await;
        result
    }
}

/// The loopback IPs to listen on for `host`: 127.0.0.1 first, then every other loopback address
/// the name `localhost` resolves to here (usually `::1`).
async fn loopback_ips(host: LoopbackHost) -> Vec<IpAddr> {
    let mut ips = vec![IpAddr::V4(Ipv4Addr::LOCALHOST)];
    if host == LoopbackHost::Localhost
        && let Ok(addrs) = tokio::net::lookup_host(("localhost", 0)).await
    {
        for a in addrs {
            if a.ip().is_loopback() && !ips.contains(&a.ip()) {
                ips.push(a.ip());
            }
        }
    }
    ips
}

struct Shared {
    expect: Expect,
    start: StartPage,
    start_served: AtomicBool,
    mismatch: AtomicBool,
}

/// What a request must match to be answered.
pub(crate) struct Expect {
    /// The `Host` the browser sends: the loopback name and port of the redirect URI.
    pub(crate) host: String,
    /// The one-time start page path.
    pub(crate) start_path: String,
    /// The registered redirect path.
    pub(crate) path: String,
    /// This sign-in's `state`.
    pub(crate) state: CsrfToken,
}

/// What the listener hands the waiting sign-in: a callback, or the reason to stop waiting.
type Outcome = Result<Received, LoopbackError>;

async fn accept_loop(listener: TcpListener, shared: Arc<Shared>, tx: mpsc::Sender<Outcome>) {
    let mut connections = JoinSet::new();
    loop {
        match listener.accept().await {
            Ok((stream, _)) => {
                connections.spawn(handle(stream, Arc::clone(&shared), tx.clone()));
            }
            Err(e) => {
                tracing::debug!(error = %e, "loopback accept failed");
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
        while connections.try_join_next().is_some() {}
    }
}

async fn handle(mut stream: TcpStream, shared: Arc<Shared>, tx: mpsc::Sender<Outcome>) {
    let page = match tokio::time::timeout(READ_TIMEOUT, read_head(&mut stream)).await {
        Err(_) => return, // idle or slow connection (browser pre-connect): just close
        Ok(Err(status)) => Page::plain(status),
        Ok(Ok(head)) => {
            let start = (!shared.start_served.load(Ordering::SeqCst)).then_some(&shared.start);
            let mut decision = decide(&head, &shared.expect, start);
            // Served once: a second request for the start page (even a concurrent one) gets 404
            // and ends the sign-in (`LoopbackError::StartReopened`).
            if decision.started && shared.start_served.swap(true, Ordering::SeqCst) {
                decision = Decision {
                    reopened: true,
                    ..Decision::ignore(Page::start_used())
                };
            }
            if decision.reopened {
                write_page(&mut stream, &decision.page).await;
                let _ = tx.send(Err(LoopbackError::StartReopened)).await;
                return;
            }
            if decision.state_mismatch {
                shared.mismatch.store(true, Ordering::Relaxed);
            }
            match decision.callback {
                // Hold the connection: the app answers once it knows who signed in.
                Some(callback @ Callback::Code(_)) => {
                    let reply = Reply {
                        stream: Some(stream),
                    };
                    let _ = tx.send(Ok(Received { callback, reply })).await;
                    return;
                }
                Some(callback) => {
                    write_page(&mut stream, &decision.page).await;
                    let _ = tx
                        .send(Ok(Received {
                            callback,
                            reply: Reply::none(),
                        }))
                        .await;
                    return;
                }
                None => decision.page,
            }
        }
    };
    write_page(&mut stream, &page).await;
}

/// Reads up to the end of the request head. Errors carry the HTTP status to answer with.
async fn read_head(stream: &mut TcpStream) -> Result<RequestHead, u16> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 2048];
    loop {
        let n = stream.read(&mut chunk).await.map_err(|_| 400u16)?;
        if n == 0 {
            return Err(400);
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(head) = parse_head(&buf)? {
            return Ok(head);
        }
    }
}

/// The request head in the bytes read so far: `Ok(None)` while it is incomplete and shorter
/// than [`MAX_HEAD_BYTES`]. Errors carry the HTTP status to answer with (400, or 431 for a head
/// that is too long).
pub(crate) fn parse_head(buf: &[u8]) -> Result<Option<RequestHead>, u16> {
    let mut headers = [httparse::EMPTY_HEADER; 64];
    let mut req = httparse::Request::new(&mut headers);
    match req.parse(buf) {
        Ok(httparse::Status::Complete(_)) => {
            let host = req
                .headers
                .iter()
                .find(|h| h.name.eq_ignore_ascii_case("host"))
                .and_then(|h| std::str::from_utf8(h.value).ok())
                .map(|v| v.trim().to_owned());
            Ok(Some(RequestHead {
                method: req.method.unwrap_or_default().to_string(),
                target: req.path.unwrap_or_default().to_string(),
                host,
            }))
        }
        Ok(httparse::Status::Partial) if buf.len() < MAX_HEAD_BYTES => Ok(None),
        Ok(httparse::Status::Partial) => Err(431),
        Err(_) => Err(400),
    }
}

/// The parts of a request that matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RequestHead {
    pub(crate) method: String,
    pub(crate) target: String,
    /// The `Host` header, when sent.
    pub(crate) host: Option<String>,
}

/// What to do with one request.
#[derive(Debug)]
pub(crate) struct Decision {
    pub(crate) page: Page,
    pub(crate) callback: Option<Callback>,
    pub(crate) state_mismatch: bool,
    /// Whether this serves the one-time start page.
    pub(crate) started: bool,
    /// Whether this asks for the start page once it was served.
    pub(crate) reopened: bool,
}

impl Decision {
    /// Answer with `page`, nothing else.
    fn ignore(page: Page) -> Decision {
        Decision {
            page,
            callback: None,
            state_mismatch: false,
            started: false,
            reopened: false,
        }
    }

    /// Answer with `page`, and count a refused `state`.
    fn mismatch(page: Page) -> Decision {
        Decision {
            state_mismatch: true,
            ..Decision::ignore(page)
        }
    }
}

/// Decides what one request means. Pure, so every case is unit-tested. `start` is the start
/// page while it has not been served yet.
pub(crate) fn decide(head: &RequestHead, expect: &Expect, start: Option<&StartPage>) -> Decision {
    if head.method != "GET" {
        return Decision::ignore(Page::plain(405));
    }
    // DNS rebinding and strangers: only the name and port the app itself sent.
    let host_ok = head
        .host
        .as_deref()
        .is_some_and(|h| h.eq_ignore_ascii_case(&expect.host));
    if !host_ok {
        return Decision::ignore(Page::plain(400));
    }
    let Some(url) = origin_form(&head.target) else {
        return Decision::ignore(Page::plain(400));
    };
    if url.path() == expect.start_path {
        return match start {
            Some(s) => Decision {
                started: true,
                ..Decision::ignore(Page::start(
                    &s.account,
                    s.authorize_url.as_str(),
                    s.delay_secs,
                ))
            },
            None => Decision {
                reopened: true,
                ..Decision::ignore(Page::start_used())
            },
        };
    }
    if url.path() != expect.path {
        return Decision::ignore(Page::plain(404));
    }
    callback(Query::of(&url), &expect.state)
}

/// The request target as a URL: only origin-form targets ("/path?query",
/// [RFC 9112 §3.2.1](https://www.rfc-editor.org/rfc/rfc9112#section-3.2.1)), never absolute or
/// authority forms.
fn origin_form(target: &str) -> Option<Url> {
    if !target.starts_with('/') || target.starts_with("//") {
        return None;
    }
    Url::parse("http://loopback.invalid")
        .and_then(|base| base.join(target))
        .ok()
}

/// What a request to the redirect path brought: an authorization code with the right `state`,
/// an error redirect ([RFC 6749 §4.1.2](https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2)),
/// or nothing usable.
fn callback(q: Query, state: &CsrfToken) -> Decision {
    let state_ok = q
        .state
        .as_deref()
        .is_some_and(|s| bool::from(s.as_bytes().ct_eq(state.secret().as_bytes())));
    if !state_ok {
        // Neither a code nor an error without this sign-in's `state` counts: a stranger must not
        // be able to end the sign-in. The listener keeps waiting.
        return match (&q.code, &q.error) {
            (None, None) => Decision::ignore(Page::plain(400)),
            _ => Decision::mismatch(Page::stale()),
        };
    }
    if let Some(error) = q.error.filter(|e| !e.is_empty()) {
        // An error wins over any code.
        let err = EntraError {
            error,
            error_description: q.error_description,
            error_uri: q.error_uri,
            ..Default::default()
        };
        return Decision {
            page: Page::provider_error(&err),
            callback: Some(Callback::Error(err)),
            ..Decision::ignore(Page::received())
        };
    }
    match q.code.filter(|c| !c.is_empty()) {
        Some(code) => Decision {
            callback: Some(Callback::Code(AuthorizationCode::new(code))),
            ..Decision::ignore(Page::received())
        },
        None => Decision::ignore(Page::plain(400)),
    }
}

#[derive(Default)]
struct Query {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
    error_description: Option<String>,
    error_uri: Option<String>,
}

impl Query {
    /// The parameters that matter, the first of each.
    fn of(url: &Url) -> Query {
        let mut q = Query::default();
        for (k, v) in url.query_pairs() {
            let slot = match k.as_ref() {
                "code" => &mut q.code,
                "state" => &mut q.state,
                "error" => &mut q.error,
                "error_description" => &mut q.error_description,
                "error_uri" => &mut q.error_uri,
                _ => continue,
            };
            slot.get_or_insert_with(|| v.into_owned());
        }
        q
    }
}

async fn write_page(stream: &mut TcpStream, page: &Page) {
    let bytes = page.render();
    let _ = tokio::time::timeout(READ_TIMEOUT, async {
        let _ = stream.write_all(&bytes).await;
        let _ = stream.shutdown().await;
    })
    .await;
    // Lingering close: read what the client still sends for a moment, so closing with unread
    // input does not reset the connection before the browser has read the page.
    let mut sink = [0u8; 4096];
    let _ = tokio::time::timeout(Duration::from_millis(200), async {
        let mut total = 0usize;
        while let Ok(n) = stream.read(&mut sink).await {
            total += n;
            if n == 0 || total > 64 * 1024 {
                break;
            }
        }
    })
    .await;
}

#[cfg(test)]
mod tests;
