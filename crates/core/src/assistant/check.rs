//! The connection check (`mailsetup diagnose`, the wizard's check step): discovery first (it
//! decides the servers), then every probe at once — DNS (A/AAAA), SMTP submission (EHLO before
//! and after STARTTLS, TLS version and certificate), IMAP (TLS, capabilities), ports 25 and 465
//! for information, the identity provider over HTTPS, and the proxy settings.
//!
//! Each TCP connect has the `probe` timeout (2.5 s by default), so a black-holed port gets its
//! verdict in about that time and a refused one at once. No credential is sent.

use std::time::{Duration, Instant};

use super::{Action, Assistant, Outcome};
use crate::address::Address;
use crate::diagnosis::{
    Diagnosis, HostAddresses, IdentityProviderFacts, ImapFacts, PortFacts, PortState,
};
use crate::findings::{Finding, FindingCode, Param, classify, human_duration};
use crate::mail::imap::ImapConnection;
use crate::mail::probe::{self, TlsFacts};
use crate::net::proxy::ProxyFacts;
use crate::net::{self, ConnectError};
use crate::progress::{Done, ProgressSink, Run, Step};
use crate::provider::{OAuthProfile, Profile, SignInMethod};

impl Assistant {
    /// Works out the provider, then checks everything about the connection concurrently.
    /// The outcome carries a [`Diagnosis`] with what was seen, also when steps failed.
    pub async fn check_connection(&self, address: &Address, sink: &dyn ProgressSink) -> Outcome {
        let run = Run::new(sink);
        let discovery = self.discover_step(address, &run).await.ok();
        let profile = self.profile(address);
        if !profile.servers_known {
            run.fail(
                Step::Prepare,
                Finding::new(FindingCode::ServerSettingsNeeded)
                    .with(Param::Domain, address.domain()),
            );
            let mut outcome = Outcome::from_run(Action::Check, address, run, Ok(()));
            outcome.discovery = discovery;
            self.remember(address, &outcome);
            return outcome;
        }
        let method = self.method(address, &profile);
        let mut diagnosis = self.probe_all(&profile, method, &run).await;
        diagnosis.mx = discovery.as_ref().map(|d| d.mx.clone()).unwrap_or_default();
        let mut outcome = Outcome::from_run(Action::Check, address, run, Ok(()));
        outcome.discovery = discovery;
        outcome.diagnosis = Some(diagnosis);
        self.remember(address, &outcome);
        outcome
    }

    async fn probe_all(&self, profile: &Profile, method: SignInMethod, run: &Run<'_>) -> Diagnosis {
        let t = self.settings.timeouts;
        let dns = run.step_detail(Step::Dns, async {
            let (a, b) = tokio::join!(
                addresses(&profile.smtp.host, t.probe),
                addresses(&profile.imap.host, t.probe)
            );
            let found = vec![
                a.map_err(|e| e.finding(&profile.smtp.label()))?,
                b.map_err(|e| e.finding(&profile.imap.label()))?,
            ];
            let detail = format!(
                "sending server {} · mailbox server {}",
                found[0].describe(),
                found[1].describe()
            );
            Ok(Done::with_detail(found, detail))
        });
        let smtp = run.step_detail(Step::SmtpConnect, async {
            let facts = probe::probe(&profile.smtp, &self.trust, &t).await?;
            crate::mail::require_smtp_mechanism(&facts.server, &facts.auth_mechanisms(), method)?;
            let detail = facts.describe();
            Ok(Done::with_detail(facts, detail))
        });
        let imap = run.step_detail(Step::ImapConnect, async {
            let mut c =
                ImapConnection::connect_within(&profile.imap, &self.trust, &t, t.probe).await?;
            c.load_capabilities().await?;
            c.require_method(method)?;
            let facts = ImapFacts {
                server: profile.imap.label(),
                capabilities: c.capabilities.clone(),
                tls: TlsFacts {
                    version: c.tls.clone(),
                    certificate: c.certificate.clone(),
                },
            };
            let detail = facts.describe();
            Ok(Done::with_detail(facts, detail))
        });
        let port25 = self.port_note(run, Step::Port25, &profile.smtp.host, 25, t.probe);
        let port465 = self.port_note(run, Step::Port465, &profile.smtp.host, 465, t.probe);
        let idp = async {
            match (&profile.oauth, method) {
                (Some(oauth), SignInMethod::OAuth) => run
                    .step_detail(Step::IdentityProvider, self.reach_identity_provider(oauth))
                    .await
                    .ok(),
                _ => None,
            }
        };
        let proxy = async {
            let facts = ProxyFacts::current();
            run.note(Step::Proxy, async { facts.describe() }).await;
            facts
        };
        let (dns, smtp, imap, p25, p465, idp, proxy) =
            tokio::join!(dns, smtp, imap, port25, port465, idp, proxy);
        Diagnosis {
            mx: Vec::new(),
            addresses: dns.unwrap_or_default(),
            smtp: smtp.ok(),
            imap: imap.ok(),
            ports: vec![p25, p465],
            identity_provider: idp,
            proxy,
            certificates: self.trust.describe(),
        }
    }

    /// Connects to `host:port` and notes what happened, in words that say the app does not
    /// need the port.
    async fn port_note(
        &self,
        run: &Run<'_>,
        step: Step,
        host: &str,
        port: u16,
        timeout: Duration,
    ) -> PortFacts {
        let start = Instant::now();
        let state = match net::connect(host, port, timeout).await {
            Ok(_) => PortState::Open,
            Err(ConnectError::Refused) => PortState::Refused,
            Err(ConnectError::Timeout(_)) => PortState::NoAnswer,
            Err(ConnectError::Dns(_)) => PortState::NameNotFound,
            Err(ConnectError::Other(_)) => PortState::Error,
        };
        let facts = PortFacts {
            host: host.to_owned(),
            port,
            state,
            ms: u64::try_from(start.elapsed().as_millis()).unwrap_or(u64::MAX),
        };
        run.note(step, async { port_words(&facts, timeout) }).await;
        facts
    }

    /// GETs the identity provider's OpenID configuration.
    async fn reach_identity_provider(
        &self,
        oauth: &OAuthProfile,
    ) -> Result<Done<IdentityProviderFacts>, Finding> {
        let url = oauth.openid_configuration_url();
        let timeout = self
            .settings
            .timeouts
            .http
            .min(self.settings.timeouts.probe * 3);
        let start = Instant::now();
        let sent = self.http.get(&url).timeout(timeout).send().await;
        let ms = u64::try_from(start.elapsed().as_millis()).unwrap_or(u64::MAX);
        let host = oauth.authority.host_str().map_or_else(
            || crate::l10n::tr("detail-check-sign-in-service"),
            str::to_owned,
        );
        let response = sent.map_err(|e| {
            crate::oauth::client::reqwest_finding(&host, &e)
                .with_if_used(Param::Provider, oauth.provider_name())
        })?;
        let status = response.status();
        if status.is_success() {
            let facts = IdentityProviderFacts {
                url,
                status: Some(status.as_u16()),
                ms,
            };
            let detail = crate::l10n::tr_with(
                "detail-step-answered",
                &[
                    ("host", host.to_string().into()),
                    ("ms", ms.to_string().into()),
                ],
            );
            return Ok(Done::with_detail(facts, detail));
        }
        // Capped like every answer of a sign-in service; an answer too large to read is
        // judged by its status alone.
        let body = crate::net::body::read_capped(response, crate::net::body::MAX_JSON_BYTES)
            .await
            .unwrap_or_default();
        Err(
            match serde_json::from_slice::<classify::EntraError>(&body) {
                Ok(err) if !err.error.is_empty() => {
                    classify::oauth_error(&err, classify::EntraPhase::Authorize, oauth.flavour)
                }
                _ => Finding::new(FindingCode::NetworkIdpUnreachable)
                    .with(
                        Param::Problem,
                        crate::l10n::tr_with(
                            "detail-check-http-status",
                            &[
                                ("host", host.clone().into()),
                                ("status", status.to_string().into()),
                            ],
                        ),
                    )
                    .with_evidence(format!("{url}: HTTP {status}")),
            },
        )
    }
}

fn port_words(p: &PortFacts, timeout: Duration) -> String {
    let why = crate::l10n::tr(match p.port {
        25 => "detail-port-25-not-used",
        _ => "detail-port-not-used",
    });
    let id = match p.state {
        PortState::Open => "detail-port-open",
        PortState::Refused => "detail-port-closed",
        PortState::NoAnswer => "detail-port-no-answer",
        PortState::NameNotFound => "detail-port-host-not-found",
        PortState::Error => "detail-port-unreachable",
    };
    let state = crate::l10n::tr_with(
        id,
        &[
            // A string: a port number reads as it is, without digit grouping.
            ("port", p.port.to_string().into()),
            ("host", p.host.clone().into()),
            ("duration", human_duration(timeout).into()),
        ],
    );
    format!("{state}: {why}")
}

/// A and AAAA addresses of `host` (the system resolver, which also reads the hosts file).
async fn addresses(host: &str, timeout: Duration) -> Result<HostAddresses, ConnectError> {
    match tokio::time::timeout(timeout, tokio::net::lookup_host((host, 0))).await {
        Err(_) => Err(ConnectError::Timeout(timeout)),
        Ok(Err(e)) => Err(ConnectError::Dns(e)),
        Ok(Ok(addrs)) => {
            let mut found = HostAddresses {
                host: host.to_owned(),
                ipv4: Vec::new(),
                ipv6: Vec::new(),
            };
            for a in addrs {
                let list = if a.is_ipv4() {
                    &mut found.ipv4
                } else {
                    &mut found.ipv6
                };
                let ip = a.ip().to_string();
                if !list.contains(&ip) {
                    list.push(ip);
                }
            }
            if found.ipv4.is_empty() && found.ipv6.is_empty() {
                Err(ConnectError::Dns(std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "no addresses",
                )))
            } else {
                Ok(found)
            }
        }
    }
}
