//! The connection check: discovery, then DNS, then SMTP submission (STARTTLS, AUTH mechanisms)
//! and IMAP (TLS, capabilities) concurrently.

use std::time::Duration;

use super::{Action, Assistant, Outcome};
use crate::address::Address;
use crate::findings::Finding;
use crate::mail::imap::ImapConnection;
use crate::mail::smtp::Smtp;
use crate::net::ConnectError;
use crate::progress::{Done, ProgressSink, Run, Step};

impl Assistant {
    /// Works out the provider, then checks DNS, the SMTP submission and the IMAP servers.
    pub async fn check_connection(&self, address: &Address, sink: &dyn ProgressSink) -> Outcome {
        let run = Run::new(sink);
        let discovery = run
            .step_detail(Step::Discover, async {
                let d = self.discover(address).await;
                let summary = d.summary.clone();
                Ok::<_, Finding>(Done::with_detail(d, summary))
            })
            .await
            .ok();
        let result = self.check_steps(address, &run).await;
        let mut outcome = Outcome::from_run(Action::Check, address, run, result);
        outcome.discovery = discovery;
        outcome
    }

    async fn check_steps(&self, address: &Address, run: &Run<'_>) -> Result<(), Finding> {
        let profile = self.profile(address);
        let t = self.settings.timeouts;
        run.step_detail(Step::Dns, async {
            let (a, b) = tokio::join!(
                resolve(&profile.smtp.host, t.connect),
                resolve(&profile.imap.host, t.connect)
            );
            let detail = format!(
                "{} → {} · {} → {}",
                profile.smtp.host,
                a.map_err(|e| e.finding(&profile.smtp.label()))?,
                profile.imap.host,
                b.map_err(|e| e.finding(&profile.imap.label()))?
            );
            Ok(Done::with_detail((), detail))
        })
        .await?;
        let smtp = run.step_detail(Step::SmtpConnect, async {
            let s = Smtp::connect(&profile.smtp, &self.trust, &t).await?;
            let detail = s.describe();
            let checked = s.require_xoauth2();
            s.quit().await;
            checked.map(|_| Done::with_detail((), detail))
        });
        let imap = run.step_detail(Step::ImapConnect, async {
            let c = ImapConnection::connect(&profile.imap, &self.trust, &t).await?;
            c.require_xoauth2()?;
            Ok(Done::with_detail((), c.describe()))
        });
        let (a, b) = tokio::join!(smtp, imap);
        a.and(b)
    }
}

async fn resolve(host: &str, timeout: Duration) -> Result<String, ConnectError> {
    match tokio::time::timeout(timeout, tokio::net::lookup_host((host, 0))).await {
        Err(_) => Err(ConnectError::Timeout(timeout)),
        Ok(Err(e)) => Err(ConnectError::Dns(e)),
        Ok(Ok(addrs)) => {
            let list: Vec<String> = addrs.map(|a| a.ip().to_string()).collect();
            if list.is_empty() {
                Err(ConnectError::Dns(std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "no addresses",
                )))
            } else {
                Ok(list.join(", "))
            }
        }
    }
}
