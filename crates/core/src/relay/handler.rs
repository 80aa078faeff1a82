//! The relay's decisions for one connection, as mailin's [`Handler`]: who signed in, which
//! sender, how many recipients, how big, and submitting through the [`Gateway`] (reached from
//! mailin's synchronous callbacks through `block_in_place`, see [`super::session`]).

use std::net::IpAddr;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

use mailin::{Handler, Response};
use secrecy::{ExposeSecret, SecretString};
use subtle::ConstantTimeEq as _;

use super::{Gateway, Limits, MAX_RECIPIENTS, Sender, reply};
use crate::findings::{Finding, FindingCode, Param};

/// What the handlers of one connection share with its loop (and with the handler of a
/// restarted state machine, [`super::session`]).
pub(super) struct Shared {
    /// Wrong passwords so far (the loop closes the connection after 3).
    pub failures: AtomicU32,
    /// Whether a message is being received (its lines are text, not commands).
    pub in_data: AtomicBool,
    /// The program that signed in.
    pub sender: Mutex<Option<Sender>>,
    /// The reply to the end of a message. mailin keeps a transaction open after a failed end
    /// of data (its next lines would be taken as message text), so the handler always tells it
    /// OK and the loop sends this reply instead (RFC 5321 §4.1.1.4: the transaction ends
    /// with the reply, whatever it is).
    pub end_of_data: Mutex<Option<Response>>,
    /// A random secret of this connection that signs the state machine in again when the loop
    /// restarts it (mailin forgets AUTH on RSET and EHLO); never leaves this process.
    pub resume: SecretString,
}

impl Shared {
    pub(super) fn new() -> Shared {
        Shared {
            failures: AtomicU32::new(0),
            in_data: AtomicBool::new(false),
            sender: Mutex::new(None),
            end_of_data: Mutex::new(None),
            resume: SecretString::from(uuid::Uuid::new_v4().simple().to_string()),
        }
    }

    pub(super) fn signed_in(&self) -> bool {
        self.sender.lock().is_ok_and(|s| s.is_some())
    }

    fn sender(&self) -> Option<Sender> {
        self.sender.lock().ok().and_then(|s| s.clone())
    }
}

/// One state machine's handler.
pub(super) struct RelayHandler {
    pub gateway: Arc<dyn Gateway>,
    pub runtime: tokio::runtime::Handle,
    pub limits: Limits,
    pub shared: Arc<Shared>,
    /// The allowed address `MAIL FROM` named (as submitted), and the recipients so far.
    pub from: Option<String>,
    pub recipients: usize,
    /// `MAIL FROM` and the recipients of the message being received.
    pub envelope: Option<(String, Vec<String>)>,
    /// The message being received.
    pub message: Vec<u8>,
    /// It grew past the size limit: dropped, refused at its end.
    pub oversize: bool,
}

impl RelayHandler {
    pub(super) fn new(
        gateway: Arc<dyn Gateway>,
        limits: Limits,
        shared: Arc<Shared>,
    ) -> RelayHandler {
        RelayHandler {
            gateway,
            runtime: tokio::runtime::Handle::current(),
            limits,
            shared,
            from: None,
            recipients: 0,
            envelope: None,
            message: Vec::new(),
            oversize: false,
        }
    }

    fn refuse(&self, f: &Finding) -> Response {
        let r = reply::for_finding(f);
        tracing::info!(code = %f.code, reply = r.code, "relay: refused");
        Response::custom(r.code, r.text())
    }

    fn authenticate(&mut self, user: &str, password: &str) -> Response {
        // The loop signing a restarted state machine in again (see `Shared::resume`).
        let resume = self.shared.resume.expose_secret().as_bytes();
        if bool::from(password.as_bytes().ct_eq(resume)) && self.shared.signed_in() {
            return mailin::response::AUTH_OK;
        }
        let password = SecretString::from(password);
        match self
            .runtime
            .block_on(self.gateway.authenticate(user, &password))
        {
            Ok(sender) => {
                tracing::info!(mailbox = %sender.mailbox.normalized(), program = %sender.program, "relay: program signed in");
                if let Ok(mut s) = self.shared.sender.lock() {
                    *s = Some(sender);
                }
                mailin::response::AUTH_OK
            }
            Err(f) => {
                if f.code == FindingCode::RelayPasswordRefused {
                    self.shared.failures.fetch_add(1, Ordering::Relaxed);
                    // Slows down guessing (the passwords are long and random anyway).
                    std::thread::sleep(std::time::Duration::from_millis(300));
                }
                self.refuse(&f)
            }
        }
    }

    fn end_of_data(&mut self) -> Response {
        let message = std::mem::take(&mut self.message);
        let (from, to) = self.envelope.take().unwrap_or_default();
        if std::mem::take(&mut self.oversize) {
            let mb = self.limits.max_message_bytes.div_ceil(1024 * 1024);
            return self.refuse(
                &Finding::new(FindingCode::RelayMessageTooBig)
                    .with(Param::Problem, format!("{mb} MB")),
            );
        }
        let Some(sender) = self.shared.sender() else {
            return mailin::response::AUTHENTICATION_REQUIRED;
        };
        let started = std::time::Instant::now();
        let sent = self
            .runtime
            .block_on(self.gateway.submit(&sender, &from, &to, &message));
        if let Err(f) = sent {
            return self.refuse(&f);
        }
        tracing::info!(
            mailbox = %sender.mailbox.normalized(),
            program = %sender.program,
            bytes = message.len(),
            recipients = to.len(),
            ms = started.elapsed().as_millis() as u64,
            "relay: sent"
        );
        Response::custom(
            250,
            "2.0.0 mailsetup relay: sent with the mailbox's sign-in".into(),
        )
    }
}

impl Handler for RelayHandler {
    fn mail(&mut self, _ip: IpAddr, _domain: &str, from: &str) -> Response {
        let Some(sender) = self.shared.sender() else {
            return mailin::response::AUTHENTICATION_REQUIRED;
        };
        self.recipients = 0;
        // What is submitted is the allowed address itself, not the program's spelling of it.
        self.from = sender.allowed(from);
        if self.from.is_some() {
            return mailin::response::OK;
        }
        let shown: String = match from {
            "" => "<>".into(),
            f => f
                .chars()
                .filter(|c| c.is_ascii_graphic())
                .take(100)
                .collect(),
        };
        self.refuse(
            &Finding::new(FindingCode::RelaySenderNotAllowed)
                // The ASCII form (xn-- domain): an SMTP reply is ASCII, and a domain without
                // its accents would be another domain.
                .with(Param::Mailbox, sender.mailbox.normalized())
                .with(Param::Problem, shown),
        )
    }

    fn rcpt(&mut self, to: &str) -> Response {
        if self.recipients >= MAX_RECIPIENTS {
            return Response::custom(
                452,
                format!("4.5.3 mailsetup relay: at most {MAX_RECIPIENTS} recipients per message"),
            );
        }
        if to.parse::<lettre::Address>().is_err() {
            return Response::custom(
                553,
                "5.1.3 mailsetup relay: that recipient is not an address".into(),
            );
        }
        self.recipients += 1;
        mailin::response::OK
    }

    fn data_start(&mut self, _domain: &str, _from: &str, _is8bit: bool, to: &[String]) -> Response {
        let Some(from) = self.from.clone() else {
            return mailin::response::AUTHENTICATION_REQUIRED;
        };
        self.envelope = Some((from, to.to_vec()));
        self.message.clear();
        self.oversize = false;
        self.shared.in_data.store(true, Ordering::Relaxed);
        mailin::response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        if self.message.len() + buf.len() > self.limits.max_message_bytes {
            self.oversize = true;
            self.message = Vec::new();
        } else if !self.oversize {
            self.message.extend_from_slice(buf);
        }
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        self.shared.in_data.store(false, Ordering::Relaxed);
        let reply = self.end_of_data();
        if let Ok(mut slot) = self.shared.end_of_data.lock() {
            *slot = Some(reply);
        }
        mailin::response::OK
    }

    fn auth_plain(
        &mut self,
        authorization_id: &str,
        authentication_id: &str,
        password: &str,
    ) -> Response {
        if !authorization_id.is_empty() && authorization_id != authentication_id {
            // Acting for someone else (RFC 4616 §2) is not offered.
            self.shared.failures.fetch_add(1, Ordering::Relaxed);
            return self.refuse(&Finding::new(FindingCode::RelayPasswordRefused));
        }
        self.authenticate(authentication_id, password)
    }

    fn auth_login(&mut self, username: &str, password: &str) -> Response {
        self.authenticate(username, password)
    }
}
