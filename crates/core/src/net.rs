//! Network edges shared by every protocol: name lookup, TCP connect, TLS trust, and turning
//! their failures into findings.
//!
//! This module owns *how* the app connects (explicit timeouts, every resolved address tried in
//! turn, certificates always verified) and *which* certificates it trusts: the operating
//! system's roots plus, optionally, the administrator's extra CA from the settings file. SMTP,
//! IMAP and HTTPS all take their trust from one [`Trust`] value.

use std::io;
use std::net::SocketAddr;
use std::sync::{Arc, LazyLock};
use std::time::{Duration, Instant};

use rustls::pki_types::{CertificateDer, ServerName};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;

use crate::findings::human_duration;
use crate::findings::{Finding, FindingCode};

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
                .with("server", host)
                .with_evidence(e.to_string()),
            ConnectError::Refused => Finding::new(FindingCode::ConnectRefused)
                .with("server", server)
                .with_evidence(format!("{server}: connection refused")),
            ConnectError::Timeout(d) => Finding::new(FindingCode::ConnectTimeout)
                .with("server", server)
                .with("duration", human_duration(*d))
                .with_evidence(format!("{server}: no answer within {} ms", d.as_millis())),
            ConnectError::Other(e) => Finding::new(FindingCode::ConnectRefused)
                .with("server", server)
                .with_evidence(format!("{server}: {e}")),
        }
    }
}

/// Resolves `host` and connects to `port`, trying each address in turn, all within `timeout`.
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
            Ok(Ok(stream)) => {
                let _ = stream.set_nodelay(true);
                return Ok(stream);
            }
            Ok(Err(e)) if e.kind() == io::ErrorKind::ConnectionRefused => {
                last = ConnectError::Refused
            }
            Ok(Err(e)) => last = ConnectError::Other(e),
            Err(_) => last = ConnectError::Timeout(timeout),
        }
    }
    Err(last)
}

static NATIVE_ROOTS: LazyLock<Vec<CertificateDer<'static>>> = LazyLock::new(|| {
    let result = rustls_native_certs::load_native_certs();
    if !result.errors.is_empty() {
        tracing::debug!(
            errors = result.errors.len(),
            "some OS root certificates could not be loaded"
        );
    }
    result.certs
});

/// Which certificate authorities the app trusts: the OS roots plus the settings' extra CA.
/// Certificates are always verified; there is no switch to turn verification off.
#[derive(Clone)]
pub struct Trust {
    extra_pem: Option<Vec<u8>>,
    config: Arc<rustls::ClientConfig>,
}

impl std::fmt::Debug for Trust {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Trust")
            .field("extra_ca", &self.extra_pem.is_some())
            .finish()
    }
}

impl Trust {
    /// Builds the trust from the OS roots plus `extra_ca_pem` (already validated at settings
    /// load).
    pub fn new(extra_ca_pem: Option<&[u8]>) -> Trust {
        use rustls::pki_types::pem::PemObject;
        let mut roots = rustls::RootCertStore::empty();
        let (_added, _ignored) = roots.add_parsable_certificates(NATIVE_ROOTS.iter().cloned());
        if let Some(pem) = extra_ca_pem {
            let extra: Vec<_> = CertificateDer::pem_slice_iter(pem)
                .filter_map(Result::ok)
                .collect();
            roots.add_parsable_certificates(extra);
        }
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("ring supports the default TLS versions")
            .with_root_certificates(roots)
            .with_no_client_auth();
        Trust {
            extra_pem: extra_ca_pem.map(<[u8]>::to_vec),
            config: Arc::new(config),
        }
    }

    /// The rustls client configuration (TLS 1.2 and 1.3, verified certificates).
    pub fn rustls_config(&self) -> Arc<rustls::ClientConfig> {
        Arc::clone(&self.config)
    }

    /// The extra CA PEM, if any (for clients that build their own TLS configuration).
    pub fn extra_ca_pem(&self) -> Option<&[u8]> {
        self.extra_pem.as_deref()
    }

    /// Wraps `tcp` in TLS for `host`, verifying the certificate, within `timeout`.
    ///
    /// # Errors
    /// A finding: `TLS_CERTIFICATE_INVALID`, `TLS_FAILED` or `SERVER_TIMEOUT`.
    pub async fn handshake(
        &self,
        tcp: TcpStream,
        host: &str,
        timeout: Duration,
    ) -> Result<TlsStream<TcpStream>, Finding> {
        let name = ServerName::try_from(host.to_string()).map_err(|_| {
            Finding::new(FindingCode::TlsFailed)
                .with("server", host)
                .with("problem", "the server name is not valid")
        })?;
        let connector = TlsConnector::from(self.rustls_config());
        match tokio::time::timeout(timeout, connector.connect(name, tcp)).await {
            Err(_) => Err(Finding::new(FindingCode::ServerTimeout)
                .with("server", host)
                .with("duration", human_duration(timeout))),
            Ok(Err(e)) => Err(tls_finding(host, &e)),
            Ok(Ok(s)) => Ok(s),
        }
    }
}

/// Describes a TLS stream for progress details, e.g. `TLS 1.3`.
pub fn tls_version(stream: &TlsStream<TcpStream>) -> String {
    let (_, conn) = stream.get_ref();
    match conn.protocol_version() {
        Some(rustls::ProtocolVersion::TLSv1_3) => "TLS 1.3".into(),
        Some(rustls::ProtocolVersion::TLSv1_2) => "TLS 1.2".into(),
        Some(v) => format!("{v:?}"),
        None => "TLS".into(),
    }
}

/// The finding for a TLS failure anywhere in `err`'s source chain.
pub fn tls_finding(host: &str, err: &(dyn std::error::Error + 'static)) -> Finding {
    if let Some(rustls_err) = find_rustls(err) {
        return rustls_finding(host, rustls_err);
    }
    Finding::new(FindingCode::TlsFailed)
        .with("server", host)
        .with("problem", err.to_string())
        .with_evidence(err.to_string())
}

/// Finds a rustls error in a source chain, looking inside (nested) `io::Error`s, whose
/// `source()` skips the wrapped error.
pub fn find_rustls<'a>(err: &'a (dyn std::error::Error + 'static)) -> Option<&'a rustls::Error> {
    let mut next: Option<&'a (dyn std::error::Error + 'static)> = Some(err);
    while let Some(e) = next {
        if let Some(r) = e.downcast_ref::<rustls::Error>() {
            return Some(r);
        }
        next = match e.downcast_ref::<io::Error>().and_then(|io| io.get_ref()) {
            Some(inner) => Some(inner as &(dyn std::error::Error + 'static)),
            None => e.source(),
        };
    }
    None
}

fn rustls_finding(host: &str, err: &rustls::Error) -> Finding {
    use rustls::CertificateError as CE;
    let problem = match err {
        rustls::Error::InvalidCertificate(ce) => match ce {
            CE::UnknownIssuer => "it was issued by an authority this computer does not trust",
            CE::Expired | CE::ExpiredContext { .. } => "it has expired",
            CE::NotValidYet | CE::NotValidYetContext { .. } => {
                "it is not valid yet (check the computer's clock)"
            }
            CE::NotValidForName | CE::NotValidForNameContext { .. } => {
                "it was issued for another server name"
            }
            CE::Revoked => "it has been revoked",
            _ => "it is not valid",
        },
        _ => {
            return Finding::new(FindingCode::TlsFailed)
                .with("server", host)
                .with("problem", err.to_string())
                .with_evidence(err.to_string());
        }
    };
    Finding::new(FindingCode::TlsCertificateInvalid)
        .with("server", host)
        .with("problem", problem)
        .with_evidence(format!("{host}: {err}"))
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
