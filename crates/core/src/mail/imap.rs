//! IMAP with async-imap: implicit TLS (RFC 8314), greeting, `AUTHENTICATE XOAUTH2`,
//! `SELECT INBOX`, and finding a message by its `Message-ID`.
//!
//! Every command runs under the `command` timeout. A successful AUTHENTICATE is not the end of
//! the check: Exchange can accept the token and then refuse every command ("User is
//! authenticated but not connected", <https://github.com/simonrob/email-oauth2-proxy/issues/275>;
//! test `field_f03_accepted_then_not_connected_with_matching_claims_is_a_closed_mailbox` in
//! crates/cli/tests/scripted.rs), so onboarding only passes after SELECT.

use std::time::{Duration, Instant};

use async_imap::{Client, Session};
use secrecy::SecretString;
use tokio::net::TcpStream;
use tokio_rustls::client::TlsStream;

use crate::findings::human_duration;
use crate::findings::{Finding, FindingCode, Param, classify};
use crate::mail::xoauth2::ImapXoauth2;
use crate::net::{self, Trust};
use crate::provider::{Endpoint, Security};
use crate::settings::Timeouts;

/// What async-imap reads: the TLS stream, ASCII only and capped ([`super::server_bytes`]:
/// imap-proto would panic on some bytes).
type Stream = super::server_bytes::ServerBytes<TlsStream<TcpStream>>;

/// A connected, not yet authenticated IMAP client.
pub struct ImapConnection {
    client: Client<Stream>,
    server: String,
    command_timeout: Duration,
    /// TLS version, e.g. `TLS 1.3`.
    pub tls: String,
    /// Capabilities from the greeting (`[CAPABILITY ...]`) or from [`Self::load_capabilities`].
    pub capabilities: Vec<String>,
    /// The certificate the server presented.
    pub certificate: Option<crate::net::CertFacts>,
}

/// An authenticated IMAP session.
pub struct ImapSession {
    session: Session<Stream>,
    server: String,
    command_timeout: Duration,
}

impl ImapConnection {
    /// Connects with TLS and reads the greeting; TCP connect within the `connect` timeout.
    ///
    /// # Errors
    /// Findings for DNS, connect, TLS, timeout, or a greeting that is not `OK`.
    pub async fn connect(
        endpoint: &Endpoint,
        trust: &Trust,
        t: &Timeouts,
    ) -> Result<ImapConnection, Finding> {
        Self::connect_within(endpoint, trust, t, t.connect).await
    }

    /// As [`Self::connect`] with the TCP connect limited to `connect_timeout` (the connection
    /// check uses the short `probe` timeout).
    ///
    /// # Errors
    /// As [`Self::connect`]; a refused certificate's finding names the certificate presented.
    pub async fn connect_within(
        endpoint: &Endpoint,
        trust: &Trust,
        t: &Timeouts,
        connect_timeout: Duration,
    ) -> Result<ImapConnection, Finding> {
        let server = endpoint.label();
        if endpoint.security != Security::ImplicitTls {
            return Err(Finding::new(FindingCode::TlsFailed)
                .with(Param::Server, &server)
                .with(
                    Param::Problem,
                    crate::l10n::tr("detail-mail-imap-needs-tls"),
                ));
        }
        let tcp = net::connect(&endpoint.host, endpoint.port, connect_timeout)
            .await
            .map_err(|e| e.finding(&server))?;
        let _ = tcp.set_nodelay(true);
        let inspected = trust
            .handshake_inspected(tcp, &endpoint.host, t.connect)
            .await;
        let certificate = inspected.certificate;
        let tls_stream = inspected.stream?;
        let tls = net::tls_version(&tls_stream);
        let mut client = Client::new(super::server_bytes::ServerBytes::new(tls_stream));
        let greeting = net::within(t.command, &server, client.read_response()).await?;
        let greeting = match greeting {
            Ok(Some(g)) => g,
            Ok(None) | Err(_) => {
                let why = format!("{server}: the connection closed before the IMAP greeting");
                return Err(Finding::new(FindingCode::UnrecognisedReply).with_evidence(why));
            }
        };
        let mut capabilities = Vec::new();
        match greeting.parsed() {
            imap_proto::Response::Data {
                status: imap_proto::Status::Ok | imap_proto::Status::PreAuth,
                outcome,
            } => {
                if let Some(imap_proto::ResponseCode::Capabilities(caps)) = &outcome.code {
                    capabilities = caps.iter().map(capability_text).collect();
                }
            }
            other => {
                return Err(
                    classify::imap(&format!("{other:?}")).with_if_used(Param::Server, &server)
                );
            }
        }
        Ok(ImapConnection {
            client,
            server,
            command_timeout: t.command,
            tls,
            capabilities,
            certificate,
        })
    }

    /// `host:port`.
    pub fn label(&self) -> String {
        self.server.clone()
    }

    /// Asks for `CAPABILITY` when the greeting did not list them (RFC 9051 §6.1.1).
    ///
    /// # Errors
    /// Timeout, or the classified reply when the server refuses.
    pub async fn load_capabilities(&mut self) -> Result<&[String], Finding> {
        if self.capabilities.is_empty() {
            let (tx, rx) = async_channel::unbounded();
            let asked = net::within(
                self.command_timeout,
                &self.server,
                self.client.run_command_and_check_ok("CAPABILITY", Some(tx)),
            )
            .await?;
            asked.map_err(|e| imap_error(&self.server, &e))?;
            while let Ok(async_imap::types::UnsolicitedResponse::Other(data)) = rx.try_recv() {
                if let imap_proto::Response::Capabilities(caps) = data.parsed() {
                    self.capabilities.extend(caps.iter().map(capability_text));
                }
            }
        }
        Ok(&self.capabilities)
    }

    /// Fails with `AUTH_MECHANISM_UNAVAILABLE` when the greeting listed capabilities without
    /// `AUTH=XOAUTH2` (servers that list none are given the benefit of the doubt).
    ///
    /// # Errors
    /// As described.
    pub fn require_xoauth2(&self) -> Result<(), Finding> {
        if self.capabilities.is_empty()
            || self
                .capabilities
                .iter()
                .any(|c| c.eq_ignore_ascii_case("AUTH=XOAUTH2"))
        {
            Ok(())
        } else {
            Err(Finding::new(FindingCode::AuthMechanismUnavailable)
                .with(Param::Server, &self.server)
                .with(Param::Problem, "XOAUTH2")
                .with_evidence(format!("capabilities: {}", self.capabilities.join(" "))))
        }
    }

    /// Fails with `AUTH_MECHANISM_UNAVAILABLE` when the listed capabilities rule the method
    /// out: no `AUTH=XOAUTH2` for OAuth; `LOGINDISABLED` without `AUTH=PLAIN` for a password
    /// (RFC 9051 §6.2.3). Servers that list nothing are given the benefit of the doubt.
    ///
    /// # Errors
    /// As described.
    pub fn require_method(&self, method: crate::provider::SignInMethod) -> Result<(), Finding> {
        use crate::provider::SignInMethod;
        let has = |c: &str| self.capabilities.iter().any(|x| x.eq_ignore_ascii_case(c));
        match method {
            SignInMethod::OAuth => self.require_xoauth2(),
            SignInMethod::Password
                if self.capabilities.is_empty() || !has("LOGINDISABLED") || has("AUTH=PLAIN") =>
            {
                Ok(())
            }
            SignInMethod::Password => Err(Finding::new(FindingCode::AuthMechanismUnavailable)
                .with(Param::Server, &self.server)
                .with(
                    Param::Problem,
                    crate::l10n::tr("detail-mail-imap-password-sign-in"),
                )
                .with_evidence(format!("capabilities: {}", self.capabilities.join(" ")))),
        }
    }

    /// A one-line description for progress.
    pub fn describe(&self) -> String {
        let auth = auth_mechanisms(&self.capabilities);
        if auth.is_empty() {
            self.tls.clone()
        } else {
            format!("{} · AUTH {}", self.tls, auth.join(" "))
        }
    }

    /// `AUTHENTICATE XOAUTH2` as `user`.
    ///
    /// # Errors
    /// The classified `NO`/`BAD` reply, with the decoded error challenge as evidence.
    pub async fn auth_xoauth2(
        self,
        user: &str,
        access_token: &SecretString,
    ) -> Result<ImapSession, Finding> {
        self.require_xoauth2()?;
        let ImapConnection {
            client,
            server,
            command_timeout,
            ..
        } = self;
        let mut auth = ImapXoauth2::new(user, access_token).map_err(|e| e.finding(&server))?;
        let result = net::within(
            command_timeout,
            &server,
            client.authenticate("XOAUTH2", &mut auth),
        )
        .await?;
        match result {
            Ok(session) => Ok(ImapSession {
                session,
                server,
                command_timeout,
            }),
            Err((e, _client)) => {
                let f = crate::mail::smtp::token_refused(imap_error(&server, &e));
                let challenge = auth.error_challenge.take();
                Err(crate::mail::xoauth2::refused(
                    f,
                    challenge.as_deref(),
                    &server,
                ))
            }
        }
    }
}

impl ImapConnection {
    /// Signs in with a password: `AUTHENTICATE PLAIN` when the server lists `AUTH=PLAIN`, else
    /// `LOGIN` (async-imap quotes the arguments). Never XOAUTH2 (test
    /// `field_f20_app_password_account_never_falls_back_to_xoauth2` in crates/cli/tests/providers.rs).
    ///
    /// # Errors
    /// The classified `NO`/`BAD` reply (e.g. `GMAIL_APP_PASSWORD_REQUIRED`, `BASIC_AUTH_BLOCKED`).
    pub async fn auth_password(
        self,
        user: &str,
        password: &SecretString,
    ) -> Result<ImapSession, Finding> {
        use secrecy::ExposeSecret;
        let plain = self
            .capabilities
            .iter()
            .any(|c| c.eq_ignore_ascii_case("AUTH=PLAIN"));
        let ImapConnection {
            client,
            server,
            command_timeout,
            ..
        } = self;
        let result = if plain {
            let auth = crate::mail::password::ImapPlain::new(user, password);
            net::within(
                command_timeout,
                &server,
                client.authenticate("PLAIN", &auth),
            )
            .await?
        } else {
            net::within(
                command_timeout,
                &server,
                client.login(user, password.expose_secret()),
            )
            .await?
        };
        match result {
            Ok(session) => Ok(ImapSession {
                session,
                server,
                command_timeout,
            }),
            Err((e, _client)) => Err(imap_error(&server, &e)),
        }
    }
}

impl ImapSession {
    /// `SELECT INBOX`; returns the number of messages.
    ///
    /// # Errors
    /// The classified reply (e.g. `WRONG_ACCOUNT_OR_NO_MAILBOX_ACCESS`).
    pub async fn select_inbox(&mut self) -> Result<u32, Finding> {
        let mailbox = net::within(
            self.command_timeout,
            &self.server,
            self.session.select("INBOX"),
        )
        .await?;
        mailbox
            .map(|m| m.exists)
            .map_err(|e| imap_error(&self.server, &e))
    }

    /// Polls (NOOP + `UID SEARCH HEADER Message-ID`) until the message appears or `wait` passes.
    /// Returns its UID and how long it took.
    ///
    /// # Errors
    /// `TEST_MESSAGE_NOT_FOUND` after `wait`; classified replies on server errors.
    pub async fn find_message_id(
        &mut self,
        message_id: &str,
        wait: Duration,
    ) -> Result<(u32, Duration), Finding> {
        let start = Instant::now();
        let query = format!(
            "HEADER Message-ID \"{}\"",
            message_id.replace(['"', '\\', '\r', '\n'], "")
        );
        let mut delay = Duration::from_millis(50);
        loop {
            let found = net::within(
                self.command_timeout,
                &self.server,
                self.session.uid_search(&query),
            )
            .await?
            .map_err(|e| imap_error(&self.server, &e))?;
            if let Some(uid) = found.into_iter().max() {
                return Ok((uid, start.elapsed()));
            }
            if start.elapsed() >= wait {
                return Err(Finding::new(FindingCode::TestMessageNotFound)
                    .with(Param::Duration, human_duration(wait))
                    .with_evidence(format!(
                        "UID SEARCH HEADER Message-ID {message_id}: no match after {} ms",
                        start.elapsed().as_millis()
                    )));
            }
            tokio::time::sleep(delay.min(wait.saturating_sub(start.elapsed()))).await;
            delay = (delay * 2).min(Duration::from_millis(500));
            net::within(self.command_timeout, &self.server, self.session.noop())
                .await?
                .map_err(|e| imap_error(&self.server, &e))?;
        }
    }

    /// Logs out (errors ignored).
    pub async fn logout(mut self) {
        let _ = tokio::time::timeout(Duration::from_secs(2), self.session.logout()).await;
    }
}

pub(crate) fn capability_text(c: &imap_proto::Capability<'_>) -> String {
    match c {
        imap_proto::Capability::Imap4rev1 => "IMAP4rev1".into(),
        imap_proto::Capability::Auth(a) => format!("AUTH={a}"),
        imap_proto::Capability::Atom(a) => a.to_string(),
    }
}

/// Readable text of an async-imap error: `NO [CODE] information`.
pub(crate) fn imap_error_text(e: &async_imap::error::Error) -> String {
    use async_imap::error::Error as E;
    let (kind, detail) = match e {
        E::No(d) => ("NO", d.as_str()),
        E::Bad(d) => ("BAD", d.as_str()),
        E::ConnectionLost => return "the server closed the connection".into(),
        other => return other.to_string(),
    };
    // async-imap formats these as `code: Some(X), info: Some("text")` or, after SELECT and
    // other mailbox commands, `outcome: ResponseOutcome { code: Some(X), information: Some("text") }`.
    let code = detail
        .split("code: ")
        .nth(1)
        .and_then(|r| r.split([',', '}']).next())
        .unwrap_or("None");
    let info = detail
        .split("info: Some(\"")
        .nth(1)
        .or_else(|| detail.split("information: Some(\"").nth(1))
        .map(|r| r.split("\")").next().unwrap_or(r))
        .unwrap_or("");
    let code = code
        .trim()
        .strip_prefix("Some(")
        .and_then(|c| c.strip_suffix(')'))
        .map(|c| format!("[{}] ", c.to_uppercase()));
    format!(
        "{kind} {}{}",
        code.unwrap_or_default(),
        info.replace("\\\"", "\"")
    )
}

fn imap_error(server: &str, e: &async_imap::error::Error) -> Finding {
    if let async_imap::error::Error::Io(io) = e {
        return net::tls_finding(server, io).with_if_used(Param::Server, server);
    }
    classify::imap(&imap_error_text(e)).with_if_used(Param::Server, server)
}

/// The SASL mechanisms in an IMAP `CAPABILITY` list (`AUTH=XOAUTH2` → `XOAUTH2`, RFC 9051 §7.2.2).
pub fn auth_mechanisms(capabilities: &[String]) -> Vec<&str> {
    capabilities
        .iter()
        .filter_map(|c| c.strip_prefix("AUTH="))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_text_is_readable() {
        let e = async_imap::error::Error::No(
            "code: Some(AuthenticationFailed), info: Some(\"Authentication failed.\")".into(),
        );
        assert_eq!(
            imap_error_text(&e),
            "NO [AUTHENTICATIONFAILED] Authentication failed."
        );
        let e = async_imap::error::Error::Bad(
            "code: None, info: Some(\"User is authenticated but not connected.\")".into(),
        );
        assert_eq!(
            imap_error_text(&e),
            "BAD User is authenticated but not connected."
        );
        assert_eq!(
            imap_error("s:993", &e).code,
            FindingCode::WrongAccountOrNoMailboxAccess
        );
        // The form async-imap uses after SELECT.
        let e = async_imap::error::Error::Bad(
            "outcome: ResponseOutcome { tag: RequestId(\"A0002\"), code: None, information: Some(\"User is authenticated but not connected.\") }".into(),
        );
        assert_eq!(
            imap_error_text(&e),
            "BAD User is authenticated but not connected."
        );
    }
}
