//! SMTP submission with lettre: connect, require STARTTLS, read capabilities, authenticate with
//! XOAUTH2, send.
//!
//! Rules: STARTTLS is required before any credential on a STARTTLS endpoint (RFC 3207; no
//! downgrade: a server that does not offer it is refused); certificates are verified with the
//! app's [`Trust`]; every command has the `command` timeout. XOAUTH2 is driven here rather than
//! by lettre's `auth()` because the server's error *challenge* (`334 <base64 JSON>`) must be
//! answered with an empty line to receive the final `535` reply
//! (<https://developers.google.com/workspace/gmail/imap/xoauth2-protocol>; lettre would report
//! only "does not expect a challenge").

use std::fmt;
use std::time::Duration;

use lettre::transport::smtp::authentication::Mechanism;
use lettre::transport::smtp::client::{AsyncSmtpConnection, Certificate, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use secrecy::{ExposeSecret, SecretString};

use crate::findings::{Finding, FindingCode, Param, classify};
use crate::mail::xoauth2;
use crate::net::{self, Trust};
use crate::provider::{Endpoint, Security, SignInMethod};
use crate::settings::Timeouts;

/// An open SMTP session, secured with TLS.
pub struct Smtp {
    conn: AsyncSmtpConnection,
    server: String,
    host: String,
    command_timeout: Duration,
    /// AUTH mechanisms offered before STARTTLS (normally none).
    pub auth_before_tls: Vec<String>,
}

/// A TLS stream lettre can drive (its own TLS is only used for STARTTLS).
#[derive(Debug)]
struct Tls(tokio_rustls::client::TlsStream<tokio::net::TcpStream>);

impl tokio::io::AsyncRead for Tls {
    fn poll_read(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.0).poll_read(cx, buf)
    }
}

impl tokio::io::AsyncWrite for Tls {
    fn poll_write(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &[u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        std::pin::Pin::new(&mut self.0).poll_write(cx, buf)
    }

    fn poll_flush(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.0).poll_flush(cx)
    }

    fn poll_shutdown(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.0).poll_shutdown(cx)
    }
}

impl lettre::transport::smtp::client::AsyncTokioStream for Tls {
    fn peer_addr(&self) -> std::io::Result<std::net::SocketAddr> {
        self.0.get_ref().0.peer_addr()
    }
}

/// A command line sent as is (lettre's `command()` takes any `Display`).
struct Line<'a>(&'a str);

impl fmt::Display for Line<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}\r\n", self.0)
    }
}

const MECHANISMS: &[Mechanism] = &[Mechanism::Xoauth2, Mechanism::Plain, Mechanism::Login];

fn mechanisms(conn: &AsyncSmtpConnection) -> Vec<String> {
    MECHANISMS
        .iter()
        .filter(|m| conn.server_info().supports_auth_mechanism(**m))
        .map(|m| m.to_string())
        .collect()
}

impl Smtp {
    /// Connects to `endpoint`, reads the greeting and EHLO, and secures the connection.
    ///
    /// # Errors
    /// Findings for DNS, connect, TLS, timeouts, and `STARTTLS_UNAVAILABLE`.
    pub async fn connect(
        endpoint: &Endpoint,
        trust: &Trust,
        t: &Timeouts,
    ) -> Result<Smtp, Finding> {
        let server = endpoint.label();
        let tcp = net::connect(&endpoint.host, endpoint.port, t.connect)
            .await
            .map_err(|e| e.finding(&server))?;
        let (tcp, nodelay) =
            net::NoDelay::split(tcp).map_err(|e| net::ConnectError::Other(e).finding(&server))?;
        let hello = ClientId::default();
        let timeout = t.command;
        let params = tls_parameters(&endpoint.host, trust)?;
        let stream: Box<dyn lettre::transport::smtp::client::AsyncTokioStream> =
            match endpoint.security {
                Security::StartTls => Box::new(tcp),
                // Implicit TLS (RFC 8314, port 465): secured with the app's trust first.
                Security::ImplicitTls => {
                    Box::new(Tls(trust.handshake(tcp, &endpoint.host, t.connect).await?))
                }
            };
        let mut conn = net::within(
            timeout,
            &server,
            AsyncSmtpConnection::connect_with_transport(stream, &hello),
        )
        .await?
        .map_err(|e| smtp_error(&endpoint.host, &server, &e))?;
        if endpoint.security == Security::ImplicitTls {
            nodelay.enable();
            return Ok(Smtp {
                conn,
                server,
                host: endpoint.host.clone(),
                command_timeout: timeout,
                auth_before_tls: Vec::new(),
            });
        }
        let auth_before_tls = mechanisms(&conn);
        if !conn.can_starttls() {
            conn.abort().await;
            return Err(Finding::new(FindingCode::StarttlsUnavailable)
                .with(Param::Server, &server)
                .with_evidence(format!("EHLO from {server} lists no STARTTLS")));
        }
        net::within(timeout, &server, conn.starttls(params, &hello))
            .await?
            .map_err(|e| smtp_error(&endpoint.host, &server, &e))?;
        nodelay.enable();
        Ok(Smtp {
            conn,
            server,
            host: endpoint.host.clone(),
            command_timeout: timeout,
            auth_before_tls,
        })
    }

    /// `host:port`.
    pub fn label(&self) -> String {
        self.server.clone()
    }

    /// The AUTH mechanisms offered after STARTTLS, e.g. `["XOAUTH2", "PLAIN"]`.
    pub fn auth_mechanisms(&self) -> Vec<String> {
        mechanisms(&self.conn)
    }

    /// A one-line description for progress, e.g. `STARTTLS · AUTH XOAUTH2 PLAIN`.
    pub fn describe(&self) -> String {
        let mechs = self.auth_mechanisms();
        let tls = if self.auth_before_tls.is_empty() && !self.conn.is_encrypted() {
            "TLS"
        } else {
            "STARTTLS"
        };
        if mechs.is_empty() {
            format!("{tls} · no AUTH offered")
        } else {
            format!("{tls} · AUTH {}", mechs.join(" "))
        }
    }

    /// Fails with `AUTH_MECHANISM_UNAVAILABLE` unless XOAUTH2 is offered.
    ///
    /// # Errors
    /// As described.
    pub fn require_xoauth2(&self) -> Result<(), Finding> {
        crate::mail::require_smtp_mechanism(
            &self.server,
            &self.auth_mechanisms(),
            SignInMethod::OAuth,
        )
    }

    /// Authenticates with XOAUTH2 as `user`.
    ///
    /// # Errors
    /// The classified server reply (e.g. `M365_SMTP_AUTH_DISABLED` for `535 5.7.139`), with the
    /// decoded error challenge as evidence when the server sent one.
    pub async fn auth_xoauth2(
        &mut self,
        user: &str,
        access_token: &SecretString,
    ) -> Result<(), Finding> {
        self.require_xoauth2()?;
        let blob = xoauth2::encoded_initial_response(user, access_token)
            .map_err(|e| e.finding(&self.server))?;
        let command = format!("AUTH XOAUTH2 {}", blob.expose_secret());
        let first = net::within(
            self.command_timeout,
            &self.server,
            self.conn.command(Line(&command)),
        )
        .await?;
        drop(command);
        match first {
            Ok(r) if r.has_code(235) => Ok(()),
            Ok(r) if r.has_code(334) => {
                // The error challenge: answer with an empty line, then read the real verdict.
                let challenge = r.first_line().and_then(classify::xoauth2_challenge);
                let last = net::within(
                    self.command_timeout,
                    &self.server,
                    self.conn.command(Line("")),
                )
                .await?;
                let finding = match last {
                    Err(e) => smtp_error(&self.host, &self.server, &e),
                    Ok(r) => classify::smtp_reply(&format!(
                        "{} {}",
                        r.code(),
                        r.message().collect::<Vec<_>>().join(" ")
                    )),
                };
                let finding = token_refused(finding).with_if_used(Param::Server, &self.server);
                Err(xoauth2::refused(
                    finding,
                    challenge.as_deref(),
                    &self.server,
                ))
            }
            Ok(r) => Err(classify::smtp_reply(&format!(
                "{} {}",
                r.code(),
                r.message().collect::<Vec<_>>().join(" ")
            ))
            .with_if_used(Param::Server, &self.server)),
            Err(e) => Err(smtp_error(&self.host, &self.server, &e)),
        }
    }

    /// Signs in with a password: `AUTH PLAIN`, else `LOGIN` (never XOAUTH2: test
    /// `field_f20_app_password_account_never_falls_back_to_xoauth2` in crates/cli/tests/providers.rs).
    ///
    /// # Errors
    /// `AUTH_MECHANISM_UNAVAILABLE` when neither is offered; the classified reply otherwise
    /// (e.g. `535 5.7.8` → `GMAIL_BAD_APP_PASSWORD`).
    pub async fn auth_password(
        &mut self,
        user: &str,
        password: &SecretString,
    ) -> Result<(), Finding> {
        crate::mail::require_smtp_mechanism(
            &self.server,
            &self.auth_mechanisms(),
            SignInMethod::Password,
        )?;
        let credentials = lettre::transport::smtp::authentication::Credentials::new(
            user.to_owned(),
            password.expose_secret().to_owned(),
        );
        net::within(
            self.command_timeout,
            &self.server,
            self.conn
                .auth(&[Mechanism::Plain, Mechanism::Login], &credentials),
        )
        .await?
        .map(|_| ())
        .map_err(|e| smtp_error(&self.host, &self.server, &e))
    }

    /// Sends `message` (RFC 5322 bytes) from `from` to `to`.
    ///
    /// # Errors
    /// The classified reply when the server refuses.
    pub async fn send(
        &mut self,
        envelope: &lettre::address::Envelope,
        message: &[u8],
    ) -> Result<(), Finding> {
        net::within(
            self.command_timeout * 2,
            &self.server,
            self.conn.send(envelope, message),
        )
        .await?
        .map(|_| ())
        .map_err(|e| smtp_error(&self.host, &self.server, &e))
    }

    /// Ends the session politely (errors ignored).
    pub async fn quit(mut self) {
        let _ = tokio::time::timeout(Duration::from_secs(2), self.conn.quit()).await;
    }
}

/// lettre's TLS settings for `host` with the app's trust. lettre takes no rustls configuration
/// of ours, so it builds a verifier matching [`Trust`]'s ([`Trust::client_roots`]): with its
/// `rustls-platform-verifier` feature the same OS verifier from the same extra CA, or, when the
/// OS verifier could not be set up, webpki with the same roots. Built once per host and roots,
/// then reused. Without any root certificate, the finding that says so.
fn tls_parameters(host: &str, trust: &Trust) -> Result<TlsParameters, Finding> {
    trust.ensure_roots(host)?;
    use lettre::transport::smtp::client::CertificateStore;
    use std::collections::HashMap;
    use std::sync::{LazyLock, Mutex};
    /// Host, whether the OS verifier is used, and the roots (DER) → parameters.
    type Key = (String, bool, Vec<Vec<u8>>);
    static CACHE: LazyLock<Mutex<HashMap<Key, TlsParameters>>> = LazyLock::new(Mutex::default);
    let (os, roots) = match trust.client_roots() {
        net::ClientRoots::OsVerifier { extra } => (true, extra),
        net::ClientRoots::Only(roots) => (false, roots),
    };
    let key = (
        host.to_owned(),
        os,
        roots.iter().map(|c| c.to_vec()).collect::<Vec<_>>(),
    );
    if let Some(p) = CACHE.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return Ok(p);
    }
    let mut builder = TlsParameters::builder(host.to_string()).certificate_store(if os {
        CertificateStore::Default
    } else {
        CertificateStore::None
    });
    for der in &key.2 {
        // A root lettre cannot read is skipped, as rustls would.
        if let Ok(cert) = Certificate::from_der(der.clone()) {
            builder = builder.add_root_certificate(cert);
        }
    }
    let params = builder.build_rustls().map_err(Finding::internal)?;
    if let Ok(mut c) = CACHE.lock() {
        c.insert(key, params.clone());
    }
    Ok(params)
}

/// After an XOAUTH2 attempt the final reply speaks of passwords (Gmail answers a refused token
/// with `535-5.7.8 Username and Password not accepted`): what was refused is the token.
pub fn token_refused(f: Finding) -> Finding {
    match f.code {
        FindingCode::GmailBadAppPassword | FindingCode::GmailAppPasswordRequired => {
            f.recode(FindingCode::AuthRejected)
        }
        _ => f,
    }
}

/// Turns a lettre error into a finding: server replies are classified, TLS errors explained.
pub fn smtp_error(host: &str, server: &str, e: &lettre::transport::smtp::Error) -> Finding {
    if let Some(code) = e.status() {
        let text = std::error::Error::source(e)
            .map(|s| s.to_string())
            .unwrap_or_default();
        return classify::smtp_reply(&format!("{code} {text}")).with_if_used(Param::Server, server);
    }
    if e.is_tls() || net::find_rustls(e).is_some() {
        return net::tls_finding(host, e);
    }
    if e.is_timeout() {
        return Finding::new(FindingCode::ServerTimeout).with(Param::Server, server);
    }
    Finding::new(FindingCode::UnrecognisedReply).with_evidence(format!("{server}: {e}"))
}

#[cfg(test)]
mod tests;
