//! The test CA: valid leaves are accepted, expired / wrong-name / self-signed leaves are
//! rejected by a verifying rustls client (directly and through lettre's STARTTLS).

mod common;

use std::time::Duration;

use common::*;
use lettre::transport::smtp::client::Certificate;
use lettre::transport::smtp::extension::ClientId;
use mailsetup_testkit::{LeafOptions, Script, ScriptedServer, TestCa, transcripts};
use rustls::{CertificateError, Error as TlsError};

const WAIT: Duration = Duration::from_secs(5);

fn imap_with(ca: &TestCa, leaf: LeafOptions) -> ScriptedServer {
    ScriptedServer::imap(
        Script::new(transcripts::EXCHANGE_IMAP_OK),
        ca.server_config_with(leaf),
    )
}

/// The rustls error inside a failed client handshake.
async fn handshake_error(server: &ScriptedServer, ca: &TestCa, name: &str) -> TlsError {
    let e = tls_connect(server, ca, name).await.unwrap_err();
    e.get_ref()
        .and_then(|inner| inner.downcast_ref::<TlsError>())
        .unwrap_or_else(|| panic!("not a rustls error: {e:?}"))
        .clone()
}

fn tls_failed_on_server(server: &ScriptedServer) -> bool {
    assert!(server.wait_closed(WAIT));
    server
        .transcript()
        .iter()
        .any(|l| l.starts_with("! tls failed: "))
}

#[tokio::test]
async fn valid_leaf_for_name_and_ip_is_accepted() {
    let ca = TestCa::new();
    let server = imap_with(&ca, LeafOptions::default());
    for name in ["localhost", "127.0.0.1"] {
        let mut raw = RawClient::connect(&server, &ca).await;
        let greeting = raw.line().await.unwrap();
        assert!(
            greeting.starts_with("* OK The Microsoft Exchange IMAP4"),
            "{name}"
        );
    }
}

#[tokio::test]
async fn expired_leaf_is_rejected() {
    let ca = TestCa::new();
    let server = imap_with(&ca, LeafOptions::expired(&["localhost"]));
    let e = handshake_error(&server, &ca, "localhost").await;
    assert!(
        matches!(
            e,
            TlsError::InvalidCertificate(CertificateError::ExpiredContext { .. })
                | TlsError::InvalidCertificate(CertificateError::Expired)
        ),
        "{e:?}"
    );
    assert!(tls_failed_on_server(&server));
}

#[tokio::test]
async fn wrong_name_is_rejected() {
    let ca = TestCa::new();
    let server = imap_with(&ca, LeafOptions::new(&["mail.wrong.example"]));
    let e = handshake_error(&server, &ca, "localhost").await;
    assert!(
        matches!(
            e,
            TlsError::InvalidCertificate(CertificateError::NotValidForNameContext { .. })
                | TlsError::InvalidCertificate(CertificateError::NotValidForName)
        ),
        "{e:?}"
    );
    assert!(tls_failed_on_server(&server));
}

#[tokio::test]
async fn self_signed_leaf_is_an_unknown_issuer() {
    let ca = TestCa::new();
    let server = imap_with(
        &ca,
        LeafOptions {
            self_signed: true,
            ..LeafOptions::default()
        },
    );
    let e = handshake_error(&server, &ca, "localhost").await;
    assert!(
        matches!(
            e,
            TlsError::InvalidCertificate(CertificateError::UnknownIssuer)
        ),
        "{e:?}"
    );
}

#[tokio::test]
async fn another_ca_is_not_trusted() {
    let ca = TestCa::new();
    let other = TestCa::new();
    let server = imap_with(&ca, LeafOptions::default());
    let e = handshake_error(&server, &other, "localhost").await;
    assert!(
        matches!(
            e,
            TlsError::InvalidCertificate(CertificateError::UnknownIssuer)
        ),
        "{e:?}"
    );
}

#[tokio::test]
async fn lettre_starttls_rejects_an_expired_leaf() {
    let ca = TestCa::new();
    let server = ScriptedServer::smtp(
        Script::new(transcripts::EXCHANGE_SMTP_OK),
        ca.server_config_with(LeafOptions::expired(&["localhost", "127.0.0.1"])),
    );
    let mut conn = smtp_plain(&server).await;
    let e = conn
        .starttls(tls_parameters(&ca, "localhost"), &ClientId::default())
        .await
        .unwrap_err();
    let text = format!("{e:?}");
    assert!(text.contains("Expired"), "{text}");
    drop(conn);
    assert!(tls_failed_on_server(&server));
    let t = server.transcript();
    assert!(t.contains(&"S: 220 2.0.0 SMTP server ready".into()));
}

#[test]
fn pem_is_written_and_parses() {
    let ca = TestCa::new();
    let dir = tempfile::tempdir().unwrap();
    let path = ca.write_pem(dir.path());
    assert_eq!(path, dir.path().join("ca.pem"));
    let pem = std::fs::read_to_string(&path).unwrap();
    assert_eq!(pem, ca.pem());
    assert!(pem.starts_with("-----BEGIN CERTIFICATE-----"));
    Certificate::from_pem(pem.as_bytes()).unwrap();
    assert_eq!(ca.root_store().len(), 1);
}
