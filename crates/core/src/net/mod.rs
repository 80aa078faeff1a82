//! Network edges shared by every protocol: name lookup, TCP connect, TLS trust, and turning
//! their failures into findings.
//!
//! This module owns *how* the app connects (explicit timeouts, every resolved address tried in
//! turn, certificates always verified) and *which* certificates it trusts: the operating
//! system's roots plus, optionally, the administrator's extra CA from the settings file. SMTP,
//! IMAP and HTTPS all take their trust from one [`Trust`] value.

use std::io;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use tokio::net::TcpStream;

use crate::findings::human_duration;
use crate::findings::{Finding, FindingCode, Param};

pub mod body;
pub mod cert;
pub mod proxy;
pub mod resolver;
mod tls;
mod trust;

pub use cert::CertFacts;
pub use tls::{TlsError, find_rustls, tls_finding};
pub use trust::{ClientRoots, Inspected, Trust, tls_version};

/// Why a connection could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    /// The name did not resolve.
    #[error("name lookup failed: {0}")]
    Dns(io::Error),
    /// Every address refused.
    #[error("connection refused")]
    Refused,
    /// No answer within the timeout (lookup plus connect).
    #[error("timed out after {0:?}")]
    Timeout(Duration),
    /// Another socket error (network unreachable, ...).
    #[error("{0}")]
    Other(io::Error),
}

impl ConnectError {
    /// The finding for a failed connection to `server` (`host:port`).
    pub fn finding(&self, server: &str) -> Finding {
        let host = server.rsplit_once(':').map_or(server, |(h, _)| h);
        match self {
            ConnectError::Dns(e) => Finding::new(FindingCode::DnsFailed)
                .with(Param::Server, host)
                .with_evidence(e.to_string()),
            ConnectError::Refused => Finding::new(FindingCode::ConnectRefused)
                .with(Param::Server, server)
                .with_evidence(format!("{server}: connection refused")),
            ConnectError::Timeout(d) => Finding::new(FindingCode::ConnectTimeout)
                .with(Param::Server, server)
                .with(Param::Duration, human_duration(*d))
                .with_evidence(format!("{server}: no answer within {} ms", d.as_millis())),
            ConnectError::Other(e) => Finding::new(FindingCode::ConnectRefused)
                .with(Param::Server, server)
                .with_evidence(format!("{server}: {e}")),
        }
    }
}

/// Resolves `host` and connects to `port`, trying each address in turn, all within `timeout`.
///
/// The socket keeps Nagle's algorithm on; protocols that want `TCP_NODELAY` set it (see
/// [`NoDelay`] for SMTP's reasons).
///
/// # Errors
/// [`ConnectError`]: DNS failure, refused, timed out, or another socket error (the last one
/// seen when several addresses failed).
pub async fn connect(host: &str, port: u16, timeout: Duration) -> Result<TcpStream, ConnectError> {
    let deadline = Instant::now() + timeout;
    let addrs: Vec<SocketAddr> =
        match tokio::time::timeout(timeout, tokio::net::lookup_host((host, port))).await {
            Err(_) => return Err(ConnectError::Timeout(timeout)),
            Ok(Err(e)) => return Err(ConnectError::Dns(e)),
            Ok(Ok(a)) => a.collect(),
        };
    if addrs.is_empty() {
        return Err(ConnectError::Dns(io::Error::new(
            io::ErrorKind::NotFound,
            "no addresses",
        )));
    }
    let mut last = ConnectError::Timeout(timeout);
    for addr in addrs {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(ConnectError::Timeout(timeout));
        }
        match tokio::time::timeout(left, TcpStream::connect(addr)).await {
            Ok(Ok(stream)) => return Ok(stream),
            Ok(Err(e)) if e.kind() == io::ErrorKind::ConnectionRefused => {
                last = ConnectError::Refused
            }
            Ok(Err(e)) => last = ConnectError::Other(e),
            Err(_) => last = ConnectError::Timeout(timeout),
        }
    }
    Err(last)
}

/// Runs `fut` for at most `timeout`.
///
/// # Errors
/// `SERVER_TIMEOUT` naming `server` and the time waited when it did not finish in time.
pub async fn within<T>(
    timeout: Duration,
    server: &str,
    fut: impl Future<Output = T>,
) -> Result<T, Finding> {
    tokio::time::timeout(timeout, fut)
        .await
        .map_err(|_| timeout_finding(server, timeout))
}

/// `SERVER_TIMEOUT`: `server` did not finish within `timeout`.
fn timeout_finding(server: &str, timeout: Duration) -> Finding {
    Finding::new(FindingCode::ServerTimeout)
        .with(Param::Server, server)
        .with(Param::Duration, human_duration(timeout))
}

/// A second handle on a connected socket, to turn on `TCP_NODELAY` after the stream itself has
/// been handed to a library (lettre owns the SMTP stream once the session starts).
///
/// Why later and not at once, measured against Postfix on loopback (30 connections each): with
/// `TCP_NODELAY` from the start, 22 of 30 `connect + EHLO + STARTTLS + EHLO` took 44–50 ms
/// instead of 3–5 ms. After a TLS 1.3 handshake the server sends its session tickets in
/// separate segments; a first command sent at once has the server's reply queued behind an
/// unacknowledged ticket until our delayed ACK (~40 ms on Linux) goes out. With Nagle's
/// algorithm on, our first command itself carries that ACK. Once the session is secured,
/// `TCP_NODELAY` is what we want: lettre writes a message and its terminating `.` in two writes,
/// and with Nagle's algorithm the second waits for an ACK (~40 ms again).
///
/// Drop it as soon as it has been used: while it lives the socket stays open.
pub struct NoDelay(std::net::TcpStream);

impl NoDelay {
    /// Splits a handle off `tcp` (a duplicate of its descriptor).
    ///
    /// # Errors
    /// The operating system's, when the descriptor cannot be duplicated.
    pub fn split(tcp: TcpStream) -> io::Result<(TcpStream, NoDelay)> {
        let std = tcp.into_std()?;
        let handle = std.try_clone()?;
        Ok((TcpStream::from_std(std)?, NoDelay(handle)))
    }

    /// Sets `TCP_NODELAY` on the socket (best effort: a failure only costs speed).
    pub fn enable(self) {
        let _ = self.0.set_nodelay(true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn unknown_name_is_a_dns_failure() {
        let err = connect("no-such-host.invalid", 993, Duration::from_secs(5))
            .await
            .unwrap_err();
        assert!(matches!(err, ConnectError::Dns(_)), "{err:?}");
        let f = err.finding("no-such-host.invalid:993");
        assert_eq!(f.code, FindingCode::DnsFailed);
        assert!(f.title.contains("no-such-host.invalid"));
    }

    #[tokio::test]
    async fn closed_port_is_refused_at_once() {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let start = Instant::now();
        let err = connect("127.0.0.1", port, Duration::from_secs(5))
            .await
            .unwrap_err();
        assert!(matches!(err, ConnectError::Refused), "{err:?}");
        assert!(start.elapsed() < Duration::from_secs(1));
        assert_eq!(
            err.finding(&format!("127.0.0.1:{port}")).code,
            FindingCode::ConnectRefused
        );
    }

    #[tokio::test]
    async fn black_holed_port_times_out_within_the_limit() {
        // A listener whose accept queue is full drops further SYNs: the client hears nothing,
        // exactly like a firewall that silently drops packets.
        let sock =
            socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None).unwrap();
        sock.bind(&"127.0.0.1:0".parse::<SocketAddr>().unwrap().into())
            .unwrap();
        sock.listen(0).unwrap();
        let addr = sock.local_addr().unwrap().as_socket().unwrap();
        let mut held = Vec::new();
        for _ in 0..8 {
            match tokio::time::timeout(Duration::from_millis(300), TcpStream::connect(addr)).await {
                Ok(Ok(s)) => held.push(s),
                _ => break,
            }
        }
        let start = Instant::now();
        let err = connect("127.0.0.1", addr.port(), Duration::from_millis(700))
            .await
            .unwrap_err();
        let took = start.elapsed();
        assert!(matches!(err, ConnectError::Timeout(_)), "{err:?}");
        assert!(
            took >= Duration::from_millis(650) && took < Duration::from_secs(3),
            "{took:?}"
        );
        let f = err.finding(&addr.to_string());
        assert_eq!(f.code, FindingCode::ConnectTimeout);
        assert!(f.title.ends_with("within 0.7 seconds"), "{}", f.title);
    }
}
