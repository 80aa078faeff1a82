//! TLS failures: found in any error's source chain (rustls' own error, even inside nested
//! `io::Error`s), asked questions ([`TlsError::is_certificate`]) and turned into findings in
//! one place ([`TlsError::finding`]).

use std::io;
use std::time::Duration;

use crate::findings::{Finding, FindingCode, Param};

/// Why a TLS connection to a host failed.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{host}: {kind}")]
pub struct TlsError {
    host: String,
    kind: Kind,
}

#[derive(Debug, Clone, thiserror::Error)]
enum Kind {
    /// rustls refused: a certificate, or the handshake itself.
    #[error("{0}")]
    Rustls(rustls::Error),
    /// Another failure on the way (no rustls error in its chain): its text.
    #[error("{0}")]
    Other(String),
    /// The host is not a valid DNS name or IP address for TLS.
    #[error("the server name is not valid")]
    InvalidName,
    /// The handshake did not finish in time.
    #[error("no TLS handshake within {0:?}")]
    Timeout(Duration),
}

impl TlsError {
    /// The TLS failure in `err`'s source chain while talking to `host`: rustls' error when
    /// there is one ([`find_rustls`]), else `err`'s text.
    pub fn from_chain(host: &str, err: &(dyn std::error::Error + 'static)) -> TlsError {
        let kind = match find_rustls(err) {
            Some(e) => Kind::Rustls(e.clone()),
            None => Kind::Other(err.to_string()),
        };
        TlsError::new(host, kind)
    }

    /// `host` is not a name TLS can check a certificate against.
    pub(crate) fn invalid_name(host: &str) -> TlsError {
        TlsError::new(host, Kind::InvalidName)
    }

    /// The handshake with `host` did not finish within `timeout`.
    pub(crate) fn timeout(host: &str, timeout: Duration) -> TlsError {
        TlsError::new(host, Kind::Timeout(timeout))
    }

    fn new(host: &str, kind: Kind) -> TlsError {
        TlsError {
            host: host.to_owned(),
            kind,
        }
    }

    /// Whether the server's certificate was refused (untrusted, expired, another name...).
    pub fn is_certificate(&self) -> bool {
        matches!(
            self.kind,
            Kind::Rustls(rustls::Error::InvalidCertificate(_))
        )
    }

    /// Whether the handshake ran out of time.
    pub fn is_timeout(&self) -> bool {
        matches!(self.kind, Kind::Timeout(_))
    }

    /// The finding: `TLS_CERTIFICATE_INVALID` saying what is wrong with the certificate,
    /// `SERVER_TIMEOUT`, or `TLS_FAILED` with the reason.
    pub fn finding(&self) -> Finding {
        let host = self.host.as_str();
        match &self.kind {
            Kind::Rustls(e) if super::trust::refused_for_no_roots(e) => {
                super::trust::no_roots_finding(host)
            }
            Kind::Rustls(rustls::Error::InvalidCertificate(ce)) => {
                Finding::new(FindingCode::TlsCertificateInvalid)
                    .with(Param::Server, host)
                    .with(Param::Problem, certificate_problem(ce))
                    .with_evidence(self.to_string())
            }
            Kind::Rustls(_) | Kind::Other(_) => {
                let reason = self.kind.to_string();
                Finding::new(FindingCode::TlsFailed)
                    .with(Param::Server, host)
                    .with(Param::Problem, &reason)
                    .with_evidence(reason)
            }
            Kind::InvalidName => Finding::new(FindingCode::TlsFailed)
                .with(Param::Server, host)
                .with(Param::Problem, crate::l10n::tr("detail-tls-invalid-name")),
            Kind::Timeout(d) => super::timeout_finding(host, *d),
        }
    }
}

/// What is wrong with a refused certificate, in words for `{problem}`.
fn certificate_problem(ce: &rustls::CertificateError) -> String {
    use rustls::CertificateError as CE;
    crate::l10n::tr(match ce {
        CE::UnknownIssuer => "detail-tls-certificate-unknown-issuer",
        CE::Expired | CE::ExpiredContext { .. } => "detail-tls-certificate-expired",
        CE::NotValidYet | CE::NotValidYetContext { .. } => "detail-tls-certificate-not-yet-valid",
        CE::NotValidForName | CE::NotValidForNameContext { .. } => {
            "detail-tls-certificate-other-name"
        }
        CE::Revoked => "detail-tls-certificate-revoked",
        _ => "detail-tls-certificate-invalid",
    })
}

/// The finding for a TLS failure anywhere in `err`'s source chain (see
/// [`TlsError::from_chain`]).
pub fn tls_finding(host: &str, err: &(dyn std::error::Error + 'static)) -> Finding {
    TlsError::from_chain(host, err).finding()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_certificate_refusal_inside_nested_io_errors_is_found_and_explained() {
        let expired = rustls::Error::InvalidCertificate(rustls::CertificateError::Expired);
        let inner = io::Error::new(io::ErrorKind::InvalidData, expired);
        let outer = io::Error::other(inner);
        let e = TlsError::from_chain("mail.example.edu", &outer);
        assert!(e.is_certificate() && !e.is_timeout());
        let f = e.finding();
        assert_eq!(f.code, FindingCode::TlsCertificateInvalid);
        assert!(f.explanation.contains("(it has expired)"), "{f:?}");
        assert!(f.title.contains("mail.example.edu"), "{}", f.title);
        assert_eq!(
            f.evidence.as_deref(),
            Some("mail.example.edu: invalid peer certificate: Expired")
        );
    }

    #[test]
    fn other_failures_keep_their_words() {
        let reset = io::Error::new(io::ErrorKind::ConnectionReset, "connection reset by peer");
        let e = TlsError::from_chain("mail.example.edu", &reset);
        assert!(!e.is_certificate());
        let f = e.finding();
        assert_eq!(f.code, FindingCode::TlsFailed);
        assert!(
            f.explanation.contains("(connection reset by peer)"),
            "{f:?}"
        );
        assert_eq!(f.evidence.as_deref(), Some("connection reset by peer"));
        let f = TlsError::invalid_name("bad name").finding();
        assert_eq!(f.code, FindingCode::TlsFailed);
        assert!(f.explanation.contains("the server name is not valid"));
        let slow = TlsError::timeout("mail.example.edu", Duration::from_secs(10));
        assert!(slow.is_timeout());
        let f = slow.finding();
        assert_eq!(f.code, FindingCode::ServerTimeout);
        assert!(f.explanation.contains("within 10 seconds"), "{f:?}");
    }
}
