//! Which certificates the app trusts, and the TLS handshake (its failures: [`TlsError`]).
//!
//! Certificates are always verified, by the operating system's own verifier through
//! `rustls-platform-verifier` (the rustls project's crate): on Windows the CryptoAPI chain
//! engine (`CertGetCertificateChain`, which fetches missing intermediates and roots on demand,
//! checks revocation and applies enterprise policy), on macOS the Security framework
//! (`SecTrustEvaluateWithError`), on Linux and the other Unixes webpki with the OS root store
//! (`rustls-native-certs`) — exactly what the app did on Linux before, so one code path serves
//! every OS. The settings' `[tls] extra_ca_file` is trusted in addition
//! (`Verifier::new_with_extra_roots`). See
//! <https://github.com/rustls/rustls-platform-verifier#readme> for each platform's behaviour.
//!
//! When the OS verifier cannot be set up (Wine, for one, refuses the chain engine the Windows
//! verifier makes for extra roots: `E_INVALIDARG`), the app verifies with webpki and the OS root
//! store (`rustls-native-certs`) plus the extra CA, as it did before, logs why, and the
//! connection check says which verifier is in use ([`Trust::describe`]).
//!
//! Every TLS user takes its trust from one [`Trust`]: IMAP, the implicit-TLS SMTP handshake
//! and the connection check's probe through [`Trust::handshake`] and
//! [`Trust::handshake_inspected`], HTTPS (`reqwest`) through [`Trust::http_tls_config`], and
//! lettre's STARTTLS, which takes no rustls configuration of ours, builds the same platform
//! verifier from [`Trust::extra_roots`] (lettre's `rustls-platform-verifier` feature).
//!
//! There is no switch to turn verification off. For diagnosis, [`Trust::handshake_inspected`]
//! also keeps the certificate chain the server presented, so a failed verification can say
//! *which* certificate was wrong (expired on what date, issued for which names, by whom). It
//! records and then delegates to the same verifier; it never accepts anything the normal
//! handshake would refuse.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;

use super::cert::CertFacts;
use super::tls::TlsError;
use crate::findings::{Finding, FindingCode, Param};

/// Which certificate authorities the app trusts: the operating system's (through its own
/// verifier) plus the settings' extra CA. Certificates are always verified; there is no switch
/// to turn verification off.
#[derive(Clone)]
pub struct Trust {
    extra: Vec<CertificateDer<'static>>,
    verifier: Arc<dyn ServerCertVerifier>,
    /// Which verifier is in use, in words.
    kind: String,
    /// The roots webpki uses when the OS verifier could not be set up.
    fallback_roots: Option<Arc<Vec<CertificateDer<'static>>>>,
    config: Arc<rustls::ClientConfig>,
}

impl std::fmt::Debug for Trust {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Trust")
            .field("extra_ca", &!self.extra.is_empty())
            .finish()
    }
}

/// What a client that builds its own verifier must trust ([`Trust::client_roots`]).
#[derive(Debug, Clone, Copy)]
pub enum ClientRoots<'a> {
    /// The OS verifier, plus these extra roots.
    OsVerifier {
        /// The settings' extra CA certificates.
        extra: &'a [CertificateDer<'static>],
    },
    /// webpki with exactly these roots (the OS verifier could not be set up).
    Only(&'a [CertificateDer<'static>]),
}

/// The outcome of a handshake made with [`Trust::handshake_inspected`]: the stream (or why not)
/// and the certificate the server presented, verified or not.
pub struct Inspected {
    /// The secured stream, or the finding that explains the failure (its evidence names the
    /// presented certificate).
    pub stream: Result<TlsStream<TcpStream>, Finding>,
    /// Facts about the presented certificate chain, when the server got as far as sending one.
    pub certificate: Option<CertFacts>,
}

fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

impl Trust {
    /// Builds the trust: the OS verifier plus `extra_ca_pem` (already validated at settings
    /// load). When the OS verifier cannot be set up, webpki with the OS root store (see the
    /// module docs); the reason is logged and [`Trust::describe`] says so.
    ///
    /// Without any root certificate (none from the OS, no `extra_ca_file`; rustls refuses an
    /// empty root store) the trust still builds, and every TLS connection ends in a finding for
    /// the helpdesk that says what to install or set ([`Trust::ensure_roots`]).
    pub fn new(extra_ca_pem: Option<&[u8]>) -> Trust {
        use rustls::pki_types::pem::PemObject;
        let extra: Vec<CertificateDer<'static>> = extra_ca_pem
            .map(|pem| {
                CertificateDer::pem_slice_iter(pem)
                    .filter_map(Result::ok)
                    .filter(|c| {
                        let ok = rustls::RootCertStore::empty().add(c.clone()).is_ok();
                        if !ok {
                            tracing::warn!(
                                "an extra CA certificate from the settings cannot be used as a root: left out"
                            );
                        }
                        ok
                    })
                    .collect()
            })
            .unwrap_or_default();
        let chosen = os_verifier(&extra);
        Trust::from_chosen(extra, chosen)
    }

    /// The trust around the verifier [`os_verifier`] or [`fallback`] chose.
    fn from_chosen(extra: Vec<CertificateDer<'static>>, chosen: Chosen) -> Trust {
        let config = client_config(chosen.verifier.clone());
        Trust {
            extra,
            verifier: chosen.verifier,
            kind: chosen.kind,
            fallback_roots: chosen.fallback_roots.map(Arc::new),
            config,
        }
    }

    /// Checks that there is at least one root certificate to verify servers with. A client
    /// that builds its own verifier from [`Trust::client_roots`] (lettre) asks this first; the
    /// handshakes made here end in the same finding by themselves.
    ///
    /// # Errors
    /// The finding for `host` that this computer trusts no certificate authority at all
    /// (`TLS_CERTIFICATE_INVALID`, for the helpdesk: install the OS root certificates or set
    /// `extra_ca_file`).
    pub fn ensure_roots(&self, host: &str) -> Result<(), Finding> {
        match &self.fallback_roots {
            Some(roots) if roots.is_empty() => Err(no_roots_finding(host)),
            _ => Ok(()),
        }
    }

    /// The rustls client configuration (TLS 1.2 and 1.3, verified certificates).
    pub fn rustls_config(&self) -> Arc<rustls::ClientConfig> {
        Arc::clone(&self.config)
    }

    /// The rustls configuration for HTTPS (`reqwest`'s `use_preconfigured_tls`): the same
    /// verifier, offering HTTP/2 and HTTP/1.1 by ALPN.
    pub fn http_tls_config(&self) -> rustls::ClientConfig {
        let mut config = (*self.config).clone();
        config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
        config
    }

    /// The extra CA certificates from the settings.
    pub fn extra_roots(&self) -> &[CertificateDer<'static>] {
        &self.extra
    }

    /// What a client that builds its own verifier (lettre) must trust to match this one.
    pub fn client_roots(&self) -> ClientRoots<'_> {
        match &self.fallback_roots {
            None => ClientRoots::OsVerifier { extra: &self.extra },
            Some(roots) => ClientRoots::Only(roots),
        }
    }

    /// Which verifier checks certificates, and whether the settings add a CA, e.g. `the
    /// operating system's certificate verifier, plus 1 CA certificate from the settings`.
    pub fn describe(&self) -> String {
        match self.extra.len() {
            0 => self.kind.clone(),
            1 => format!("{}, plus 1 CA certificate from the settings", self.kind),
            n => format!("{}, plus {n} CA certificates from the settings", self.kind),
        }
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
        handshake_with(self.rustls_config(), tcp, host, timeout)
            .await
            .map_err(|e| e.finding())
    }

    /// As [`Trust::handshake`], and also returns facts about the certificate the server
    /// presented (for diagnosis and reports), whether or not it verified.
    pub async fn handshake_inspected(
        &self,
        tcp: TcpStream,
        host: &str,
        timeout: Duration,
    ) -> Inspected {
        let recorder = Arc::new(Recorder {
            inner: self.verifier.clone(),
            seen: Mutex::new(Vec::new()),
        });
        let stream = handshake_with(client_config(recorder.clone()), tcp, host, timeout).await;
        let chain = recorder.seen.lock().map(|c| c.clone()).unwrap_or_default();
        let certificate = CertFacts::from_chain(&chain, host);
        let stream = stream.map_err(|e| match &certificate {
            Some(c) if e.is_certificate() => e
                .finding()
                .with_evidence(format!("{host} presented: {}", c.describe())),
            _ => e.finding(),
        });
        Inspected {
            stream,
            certificate,
        }
    }
}

/// The verifier [`os_verifier`] chose.
struct Chosen {
    verifier: Arc<dyn ServerCertVerifier>,
    kind: String,
    fallback_roots: Option<Vec<CertificateDer<'static>>>,
}

/// The OS verifier trusting `extra` too; when it cannot be set up, [`fallback`] with the OS
/// root store.
fn os_verifier(extra: &[CertificateDer<'static>]) -> Chosen {
    use rustls_platform_verifier::Verifier;
    let os = if extra.is_empty() {
        Verifier::new(provider())
    } else {
        Verifier::new_with_extra_roots(extra.iter().cloned(), provider())
    };
    match os {
        Ok(v) => Chosen {
            verifier: Arc::new(v),
            kind: "the operating system's certificate verifier".into(),
            fallback_roots: None,
        },
        Err(reason) => {
            tracing::warn!(error = %reason, "the OS certificate verifier could not be set up; using webpki with the OS root certificates");
            fallback(
                &reason.to_string(),
                rustls_native_certs::load_native_certs().certs,
                extra,
            )
        }
    }
}

/// webpki with `native` (the OS root store) and `extra`; without any root, a verifier that
/// refuses every certificate.
fn fallback(
    reason: &str,
    native: Vec<CertificateDer<'static>>,
    extra: &[CertificateDer<'static>],
) -> Chosen {
    let mut all = native;
    all.extend_from_slice(extra);
    let mut roots = rustls::RootCertStore::empty();
    roots.add_parsable_certificates(all.iter().cloned());
    match rustls::client::WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider())
        .build()
    {
        Ok(v) => Chosen {
            verifier: v,
            kind: format!(
                "webpki with the OS root certificates (the OS verifier could not be set up: {reason})"
            ),
            fallback_roots: Some(all),
        },
        // rustls refuses an empty root store; the trust still builds, and every handshake ends
        // in [`no_roots_finding`] (see [`RefuseAll`]).
        Err(e) => {
            tracing::warn!(error = %e, "no root certificate at all: every certificate will be refused");
            Chosen {
                verifier: Arc::new(RefuseAll(provider())),
                kind: format!(
                    "none: no root certificate could be loaded, every certificate is refused ({reason})"
                ),
                fallback_roots: Some(Vec::new()),
            }
        }
    }
}

fn client_config(verifier: Arc<dyn ServerCertVerifier>) -> Arc<rustls::ClientConfig> {
    Arc::new(
        rustls::ClientConfig::builder_with_provider(provider())
            .with_safe_default_protocol_versions()
            // Cannot fire: rustls refuses only a provider without cipher suites or key exchange
            // groups for these versions, and ring's default provider has both for TLS 1.2 and
            // 1.3 (every handshake test builds this configuration).
            .expect("ring supports the default TLS versions")
            .dangerous()
            // Not dangerous here: every verifier passed in is the OS verifier, the recorder
            // that delegates every decision to it, or one that refuses every certificate.
            .with_custom_certificate_verifier(verifier)
            .with_no_client_auth(),
    )
}

async fn handshake_with(
    config: Arc<rustls::ClientConfig>,
    tcp: TcpStream,
    host: &str,
    timeout: Duration,
) -> Result<TlsStream<TcpStream>, TlsError> {
    let name = ServerName::try_from(host.to_string()).map_err(|_| TlsError::invalid_name(host))?;
    let connector = TlsConnector::from(config);
    tokio::time::timeout(timeout, connector.connect(name, tcp))
        .await
        .map_err(|_| TlsError::timeout(host, timeout))?
        .map_err(|e| TlsError::from_chain(host, &e))
}

/// Used when there is no root certificate at all: refuses every certificate with
/// [`NoRootCertificates`] (there is nothing to trust it with), which [`TlsError::finding`] turns into
/// [`no_roots_finding`].
#[derive(Debug)]
struct RefuseAll(Arc<rustls::crypto::CryptoProvider>);

/// Why [`RefuseAll`] refused a certificate.
#[derive(Debug)]
struct NoRootCertificates;

impl std::fmt::Display for NoRootCertificates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("no root certificate is installed or configured on this computer")
    }
}

impl std::error::Error for NoRootCertificates {}

/// Whether `err` is [`RefuseAll`]'s refusal.
pub(super) fn refused_for_no_roots(err: &rustls::Error) -> bool {
    matches!(
        err,
        rustls::Error::InvalidCertificate(rustls::CertificateError::Other(other))
            if other.0.downcast_ref::<NoRootCertificates>().is_some()
    )
}

/// The finding when this computer trusts no certificate authority at all: for the helpdesk,
/// who installs the OS root certificates or names the organisation's CA in the settings.
pub(super) fn no_roots_finding(host: &str) -> Finding {
    Finding::new(FindingCode::TlsCertificateInvalid)
        .with(Param::Server, host)
        .with(Param::Problem, crate::l10n::tr("detail-tls-no-roots"))
        .with_first_step(crate::l10n::tr("detail-tls-no-roots-step"))
        .with_evidence(format!("{host}: {NoRootCertificates}"))
}

impl ServerCertVerifier for RefuseAll {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Err(rustls::Error::InvalidCertificate(
            rustls::CertificateError::Other(rustls::OtherError(Arc::new(NoRootCertificates))),
        ))
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// Keeps the chain a server presents, then lets the OS verifier decide exactly as usual.
#[derive(Debug)]
struct Recorder {
    inner: Arc<dyn ServerCertVerifier>,
    seen: Mutex<Vec<CertificateDer<'static>>>,
}

impl ServerCertVerifier for Recorder {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if let Ok(mut seen) = self.seen.lock() {
            *seen = std::iter::once(end_entity)
                .chain(intermediates)
                .map(|c| c.clone().into_owned())
                .collect();
        }
        self.inner
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.inner.supported_verify_schemes()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::FindingCode;
    use mailsetup_testkit::{LeafOptions, TestCa};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    /// A TLS server on 127.0.0.1 that answers one HTTP request with `200 OK`.
    async fn server(config: Arc<rustls::ServerConfig>) -> u16 {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        tokio::spawn(async move {
            while let Ok((tcp, _)) = listener.accept().await {
                let acceptor = tokio_rustls::TlsAcceptor::from(config.clone());
                tokio::spawn(async move {
                    if let Ok(mut tls) = acceptor.accept(tcp).await {
                        let mut buf = [0u8; 1024];
                        let _ = tls.read(&mut buf).await;
                        let _ = tls
                            .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
                            .await;
                        let _ = tls.shutdown().await;
                    }
                });
            }
        });
        port
    }

    async fn handshake(trust: &Trust, port: u16) -> Inspected {
        let tcp = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        trust
            .handshake_inspected(tcp, "127.0.0.1", Duration::from_secs(5))
            .await
    }

    /// An HTTPS GET to 127.0.0.1 with `trust`'s configuration, as `reqwest` makes it.
    async fn https_get(trust: &Trust, port: u16) -> reqwest::Result<reqwest::Response> {
        let http = reqwest::Client::builder()
            .use_preconfigured_tls(trust.http_tls_config())
            .no_proxy()
            .build()?;
        http.get(format!("https://127.0.0.1:{port}/")).send().await
    }

    #[tokio::test]
    async fn the_settings_ca_is_trusted_through_the_os_verifier() {
        let ca = TestCa::new();
        let port = server(ca.server_config(&["localhost", "127.0.0.1"])).await;
        let trust = Trust::new(Some(ca.pem().as_bytes()));
        let seen = handshake(&trust, port).await;
        assert!(seen.stream.is_ok(), "{:?}", seen.stream.err());
        assert!(seen.certificate.is_some(), "certificate facts kept");
        // HTTPS (reqwest) goes through the same verifier.
        let body = https_get(&trust, port).await.unwrap().text().await.unwrap();
        assert_eq!(body, "ok");
    }

    #[tokio::test]
    #[cfg_attr(
        windows,
        ignore = "Wine's chain engine answers a revocation failure (0x800B010E) for an unknown CA"
    )]
    async fn an_unknown_or_expired_certificate_is_refused_and_described() {
        let ca = TestCa::new();
        let port = server(ca.server_config(&["localhost", "127.0.0.1"])).await;
        let unknown = handshake(&Trust::new(None), port).await;
        let f = unknown.stream.expect_err("an unknown CA is refused");
        assert_eq!(f.code, FindingCode::TlsCertificateInvalid);
        assert!(f.explanation.contains("does not trust"), "{f:?}");
        assert!(
            unknown.certificate.is_some(),
            "the presented certificate is still described"
        );
        let expired = server(ca.server_config_with(LeafOptions::expired(&["127.0.0.1"]))).await;
        let trust = Trust::new(Some(ca.pem().as_bytes()));
        let f = handshake(&trust, expired)
            .await
            .stream
            .expect_err("expired is refused");
        assert_eq!(f.code, FindingCode::TlsCertificateInvalid);
        assert!(f.explanation.contains("expired"), "{f:?}");
        // The HTTPS client refuses it too.
        assert!(https_get(&trust, expired).await.is_err());
    }

    #[test]
    fn an_unusable_extra_certificate_does_not_disable_the_others() {
        let ca = TestCa::new();
        let mut pem =
            String::from("-----BEGIN CERTIFICATE-----\nMIIBAA==\n-----END CERTIFICATE-----\n");
        pem.push_str(&ca.pem());
        let trust = Trust::new(Some(pem.as_bytes()));
        assert_eq!(trust.extra_roots().len(), 1);
        assert!(
            format!("{:?}", trust.verifier).contains("Verifier"),
            "{:?}",
            trust.verifier
        );
    }

    /// Where the OS verifier cannot be set up (Wine), webpki with the OS roots and the
    /// settings' CA still verifies, and lettre is told to build the same.
    #[tokio::test]
    async fn the_fallback_verifies_with_the_roots_it_names() {
        let ca = TestCa::new();
        let port = server(ca.server_config(&["localhost", "127.0.0.1"])).await;
        let chosen = fallback("E_INVALIDARG", Vec::new(), &[ca.der()]);
        assert!(
            chosen
                .kind
                .starts_with("webpki with the OS root certificates"),
            "{}",
            chosen.kind
        );
        let trust = Trust::from_chosen(vec![ca.der()], chosen);
        assert!(handshake(&trust, port).await.stream.is_ok());
        assert!(matches!(trust.client_roots(), ClientRoots::Only(r) if r.len() == 1));
        assert!(trust.ensure_roots("127.0.0.1").is_ok());
    }

    /// No root certificate at all (no OS root certificates, no extra CA; rustls refuses such a
    /// root store): the trust still builds, and every TLS user gets the same finding for the
    /// helpdesk, naming what to install or set.
    #[tokio::test]
    async fn without_any_root_certificate_every_connection_says_what_to_install() {
        let ca = TestCa::new();
        let port = server(ca.server_config(&["localhost", "127.0.0.1"])).await;
        let trust = Trust::from_chosen(Vec::new(), fallback("no roots", Vec::new(), &[]));
        assert!(
            trust.describe().starts_with("none: no root certificate"),
            "{}",
            trust.describe()
        );
        assert!(matches!(trust.client_roots(), ClientRoots::Only([])));
        let seen = handshake(&trust, port).await;
        assert!(
            seen.certificate.is_some(),
            "the presented certificate is described"
        );
        let f = seen.stream.expect_err("nothing can be verified");
        assert_eq!(f.code, FindingCode::TlsCertificateInvalid);
        assert_eq!(f.audience, crate::findings::Audience::Helpdesk);
        assert!(
            f.explanation.contains("no trusted root certificates"),
            "{f:?}"
        );
        assert!(f.steps[0].contains("ca-certificates"), "{f:?}");
        assert!(f.steps[0].contains("extra_ca_file"), "{f:?}");
        // HTTPS gets the same finding; lettre, which builds its own verifier, asks first.
        let e = https_get(&trust, port).await.unwrap_err();
        let over_https = crate::net::tls_finding("127.0.0.1", &e);
        let asked = trust.ensure_roots("127.0.0.1").unwrap_err();
        assert_eq!(over_https, asked);
        assert_eq!(
            (asked.code, &asked.explanation, &asked.steps),
            (f.code, &f.explanation, &f.steps)
        );
        assert!(
            f.evidence.as_deref().is_some_and(|e| e
                .starts_with("127.0.0.1: no root certificate is installed")
                && e.contains("presented")),
            "{f:?}"
        );
    }
}
