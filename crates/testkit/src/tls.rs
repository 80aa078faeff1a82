//! A throwaway certificate authority made at runtime with `rcgen`, and rustls configurations
//! for the scripted servers (valid, expired, wrong-name and self-signed leaves) and for test
//! clients that trust it.
//!
//! Every configuration is built with the `ring` provider explicitly
//! (`builder_with_provider`); nothing relies on a process-default crypto provider.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose,
};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use rustls::{ClientConfig, RootCertStore, ServerConfig};

const DAY: Duration = Duration::from_secs(24 * 60 * 60);

/// The `ring` crypto provider, as used for every configuration made here.
pub fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// A certificate authority that exists only for the lifetime of a test.
pub struct TestCa {
    issuer: Issuer<'static, KeyPair>,
    cert: rcgen::Certificate,
}

/// What the leaf certificate of a [`TestCa::server_config_with`] configuration looks like.
///
/// Build one with [`LeafOptions::new`], [`LeafOptions::expired`] or struct update syntax
/// (`LeafOptions { names: vec!["wrong.example".into()], ..LeafOptions::default() }`).
#[derive(Debug, Clone)]
pub struct LeafOptions {
    /// Subject alternative names: DNS names, or IP addresses such as `127.0.0.1`.
    pub names: Vec<String>,
    /// Start of validity.
    pub not_before: SystemTime,
    /// End of validity; a time in the past makes an expired certificate.
    pub not_after: SystemTime,
    /// Sign the leaf with its own key instead of the CA's (an "unknown issuer" for clients).
    pub self_signed: bool,
}

impl Default for LeafOptions {
    /// Valid for `localhost` and `127.0.0.1`, from yesterday for 30 days, signed by the CA.
    fn default() -> Self {
        LeafOptions::new(&["localhost", "127.0.0.1"])
    }
}

impl LeafOptions {
    /// A currently valid, CA-signed leaf for `names` (from yesterday for 30 days).
    pub fn new(names: &[&str]) -> Self {
        let now = SystemTime::now();
        LeafOptions {
            names: names.iter().map(|n| (*n).to_string()).collect(),
            not_before: now - DAY,
            not_after: now + 30 * DAY,
            self_signed: false,
        }
    }

    /// A CA-signed leaf for `names` that expired yesterday (valid for 60 days before that).
    pub fn expired(names: &[&str]) -> Self {
        let now = SystemTime::now();
        LeafOptions {
            not_before: now - 61 * DAY,
            not_after: now - DAY,
            ..LeafOptions::new(names)
        }
    }
}

impl Default for TestCa {
    fn default() -> Self {
        TestCa::new()
    }
}

impl TestCa {
    /// Makes a new CA (ECDSA P-256, valid from yesterday for a year).
    ///
    /// # Panics
    /// If key generation or signing fails (it does not with the `ring` backend).
    pub fn new() -> Self {
        let key = KeyPair::generate().expect("generate CA key");
        let mut params = CertificateParams::default();
        params.distinguished_name = rcgen::DistinguishedName::new();
        // A unique name per CA, so that a client trusting another test CA sees an unknown
        // issuer (not a bad signature from a same-named CA).
        let id: String = key.public_key_raw()[1..9]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        params
            .distinguished_name
            .push(DnType::CommonName, format!("mailsetup testkit CA {id}"));
        params
            .distinguished_name
            .push(DnType::OrganizationName, "mailsetup testkit");
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.key_usages = vec![
            KeyUsagePurpose::KeyCertSign,
            KeyUsagePurpose::CrlSign,
            KeyUsagePurpose::DigitalSignature,
        ];
        let now = SystemTime::now();
        params.not_before = (now - DAY).into();
        params.not_after = (now + 365 * DAY).into();
        let cert = params.self_signed(&key).expect("self-sign CA");
        TestCa {
            issuer: Issuer::new(params, key),
            cert,
        }
    }

    /// The CA certificate in PEM (`-----BEGIN CERTIFICATE-----`).
    pub fn pem(&self) -> String {
        self.cert.pem()
    }

    /// The CA certificate in DER, e.g. for `lettre::…::Certificate::from_der`.
    pub fn der(&self) -> CertificateDer<'static> {
        self.cert.der().clone()
    }

    /// Writes [`TestCa::pem`] to `dir/ca.pem` and returns that path.
    ///
    /// # Panics
    /// If the file cannot be written.
    pub fn write_pem(&self, dir: &Path) -> PathBuf {
        let path = dir.join("ca.pem");
        std::fs::write(&path, self.pem())
            .unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        path
    }

    /// A root store holding only this CA.
    pub fn root_store(&self) -> RootCertStore {
        let mut roots = RootCertStore::empty();
        roots
            .add(self.der())
            .expect("add the test CA to a root store");
        roots
    }

    /// A verifying client configuration (ring provider) that trusts only this CA.
    pub fn client_config(&self) -> Arc<ClientConfig> {
        let config = ClientConfig::builder_with_provider(provider())
            .with_safe_default_protocol_versions()
            .expect("ring supports the default protocol versions")
            .with_root_certificates(self.root_store())
            .with_no_client_auth();
        Arc::new(config)
    }

    /// A server configuration with a valid leaf for `names` (DNS names or IP addresses, e.g.
    /// `&["localhost", "127.0.0.1"]`).
    pub fn server_config(&self, names: &[&str]) -> Arc<ServerConfig> {
        self.server_config_with(LeafOptions::new(names))
    }

    /// A server configuration with a leaf made as `options` says (expired, wrong name,
    /// self-signed…), for TLS diagnosis tests.
    ///
    /// # Panics
    /// If a name is not a valid DNS name or IP address.
    pub fn server_config_with(&self, options: LeafOptions) -> Arc<ServerConfig> {
        let (leaf, key) = self.leaf(&options);
        let config = ServerConfig::builder_with_provider(provider())
            .with_safe_default_protocol_versions()
            .expect("ring supports the default protocol versions")
            .with_no_client_auth()
            .with_single_cert(vec![leaf], key)
            .expect("leaf certificate and key match");
        Arc::new(config)
    }

    fn leaf(&self, options: &LeafOptions) -> (CertificateDer<'static>, PrivateKeyDer<'static>) {
        let key = KeyPair::generate().expect("generate leaf key");
        let mut params = CertificateParams::new(options.names.clone())
            .unwrap_or_else(|e| panic!("leaf names {:?}: {e}", options.names));
        params.distinguished_name = rcgen::DistinguishedName::new();
        let cn = options.names.first().map_or("testkit leaf", String::as_str);
        params.distinguished_name.push(DnType::CommonName, cn);
        params.is_ca = IsCa::NoCa;
        params.key_usages = vec![
            KeyUsagePurpose::DigitalSignature,
            KeyUsagePurpose::KeyEncipherment,
        ];
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        params.not_before = options.not_before.into();
        params.not_after = options.not_after.into();
        let cert = if options.self_signed {
            params.self_signed(&key)
        } else {
            params.use_authority_key_identifier_extension = true;
            params.signed_by(&key, &self.issuer)
        }
        .expect("sign leaf");
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
        (cert.der().clone(), key)
    }
}
