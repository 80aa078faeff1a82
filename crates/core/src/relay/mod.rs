//! The local relay (`mailsetup relay`): SMTP submission on the loopback interface for programs
//! that only know a user name and a password (a scanner's software, an older accounts program,
//! a script). Each program authenticates with a local password this app generated for it
//! (kept in the OS vault, shown once, revocable: [`crate::vault::RelayProgram`]); the relay
//! submits its message to the mailbox's real server with XOAUTH2 from the saved sign-in — the
//! same connection, token renewal and findings as `mailsetup verify`. What the relay owns is
//! only the listening side, here; who may send and how a message is submitted is the
//! [`Gateway`] (the assistant, `assistant::relay`).
//!
//! Rules:
//! - Loopback only: any other listening address is refused ([`check_listen`]), so no other
//!   computer can reach it. Programs on this computer still need a program's local password.
//! - Never an open relay: `MAIL FROM` only after AUTH, and only the mailbox the program was
//!   added for or the addresses it was allowed to send as (its Send As).
//! - No TLS on loopback: the connection never leaves the computer, and the local password opens
//!   nothing but this relay on this computer (not the mailbox). Submission to the real server
//!   is over TLS with a verified certificate, like every other connection of the app.
//! - Limits: the message size ([`Limits::max_message_bytes`], reply `552 5.3.4`, RFC 5321
//!   §4.5.3.1.10 / RFC 3463), one line at most [`MAX_LINE`] bytes, [`MAX_RECIPIENTS`] per
//!   message, a client that says nothing for [`Limits::idle`] is disconnected (`421 4.4.2`;
//!   RFC 5321 §4.5.3.2 lets a server time out), one that has not signed in within
//!   [`Limits::sign_in_within`] too, at most [`Limits::connections`] connections at once;
//!   3 wrong passwords or 20 refused commands close the connection.
//! - No SMTP smuggling: a message ends only at `.` between two real CRLFs (`relay::session`).
//! - Every failure is an SMTP reply made from the app's finding ([`reply`]): a revoked sign-in
//!   answers AUTH with `535 5.7.8` and the reason.
//! - The log names the mailbox, the program, sizes and finding codes: never a message, a
//!   recipient, a password or a token (mailin's own trace of every line is switched off in
//!   [`crate::logging`]).
//!
//! The SMTP state machine and parser are the `mailin` crate's; the I/O, limits and decisions
//! are here (`relay::session`, `relay::handler`).

mod handler;
pub mod reply;
mod session;

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use secrecy::SecretString;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

use crate::address::Address;
use crate::findings::{Finding, FindingCode, Param};

/// Where the relay listens unless told otherwise: loopback, the port local OAuth proxies use for
/// submission (email-oauth2-proxy's sample configuration).
pub const DEFAULT_LISTEN: &str = "127.0.0.1:1587";
/// The longest command or message line accepted, in bytes (RFC 5321 §4.5.3.1.6 allows 1,000;
/// programs exceed it, so more is taken, but not without bound).
pub const MAX_LINE: usize = 64 * 1024;
/// Recipients per message (RFC 5321 §4.5.3.1.8 asks servers to take at least 100).
pub const MAX_RECIPIENTS: usize = 100;

/// The relay's limits.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The largest message taken, in bytes (Exchange Online's default for sending is 35 MB,
    /// Gmail's 25 MB: <https://learn.microsoft.com/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits>).
    pub max_message_bytes: usize,
    /// A client silent this long is disconnected.
    pub idle: Duration,
    /// Connections served at once; more are told to come back later (`421 4.7.0`).
    pub connections: usize,
    /// A connection that has not signed in (AUTH) by then is closed, so that no program on
    /// the computer can hold the connections without a relay password.
    pub sign_in_within: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_message_bytes: 25 * 1024 * 1024,
            idle: Duration::from_secs(120),
            connections: 16,
            sign_in_within: Duration::from_secs(30),
        }
    }
}

/// A program that authenticated: who it sends as.
#[derive(Debug, Clone)]
pub struct Sender {
    /// The mailbox set up on this computer.
    pub mailbox: Address,
    /// The program's name.
    pub program: String,
    /// Other `MAIL FROM` addresses it may use.
    pub send_as: Vec<String>,
    /// The id of the relay password it signed in with: a message is sent only while that
    /// password is still the program's (not removed, not replaced).
    pub grant: String,
}

impl Sender {
    /// The address this program may use for `from` (`MAIL FROM`), as it is set up here: the
    /// mailbox or one of its Send As addresses; never for the empty reverse path.
    pub fn allowed(&self, from: &str) -> Option<String> {
        if from.is_empty() {
            return None;
        }
        if self.mailbox.same_mailbox(from) {
            return Some(self.mailbox.normalized().to_owned());
        }
        self.send_as
            .iter()
            .filter_map(|a| Address::parse(a).ok())
            .find(|a| a.same_mailbox(from))
            .map(|a| a.normalized().to_owned())
    }
}

/// What the relay asks of the app: who a program is, and to submit its message.
#[async_trait::async_trait]
pub trait Gateway: Send + Sync + 'static {
    /// The program that `user` (a mailbox address) and `password` (its local password) name,
    /// once its mailbox's sign-in has given a token.
    ///
    /// # Errors
    /// `RELAY_PASSWORD_REFUSED`; the sign-in's finding when it no longer works.
    async fn authenticate(&self, user: &str, password: &SecretString) -> Result<Sender, Finding>;

    /// Submits `message` from `from` to `to` with the mailbox's sign-in.
    ///
    /// # Errors
    /// The finding of the connection, the sign-in or the server's reply.
    async fn submit(
        &self,
        sender: &Sender,
        from: &str,
        to: &[String],
        message: &[u8],
    ) -> Result<(), Finding>;
}

/// The address to listen on: `addr` (`127.0.0.1:1587`, `[::1]:1587`, or `localhost:1587`, taken
/// as `127.0.0.1`), when it is on the loopback interface.
///
/// # Errors
/// `RELAY_LISTEN_INVALID` for a text that is not an address and port; `RELAY_NOT_LOOPBACK` for
/// an address other computers can reach.
pub fn check_listen(addr: &str) -> Result<SocketAddr, Finding> {
    let local = addr
        .strip_prefix("localhost:")
        .map(|port| format!("127.0.0.1:{port}"));
    let parsed: SocketAddr = local.as_deref().unwrap_or(addr).parse().map_err(|_| {
        Finding::new(FindingCode::RelayListenInvalid).with(Param::Problem, format!("\"{addr}\""))
    })?;
    if !is_loopback(parsed.ip()) {
        return Err(Finding::new(FindingCode::RelayNotLoopback).with(
            Param::Problem,
            crate::l10n::tr_with(
                "detail-relay-reachable-from-others",
                &[("address", addr.to_owned().into())],
            ),
        ));
    }
    Ok(parsed)
}

fn is_loopback(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4.is_loopback(),
        IpAddr::V6(v6) => {
            v6.is_loopback() || v6.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback())
        }
    }
}

/// A relay listening on a loopback address.
pub struct Relay {
    listener: TcpListener,
    gateway: Arc<dyn Gateway>,
    limits: Limits,
}

impl Relay {
    /// Listens on `addr` (loopback only).
    ///
    /// # Errors
    /// `RELAY_NOT_LOOPBACK`; `RELAY_CANNOT_LISTEN` when the port is taken or not allowed.
    pub async fn bind(
        addr: &str,
        gateway: Arc<dyn Gateway>,
        limits: Limits,
    ) -> Result<Relay, Finding> {
        let at = check_listen(addr)?;
        let listener = TcpListener::bind(at).await.map_err(|e| {
            Finding::new(FindingCode::RelayCannotListen)
                .with(Param::Server, at.to_string())
                .with_evidence(format!("listen on {at}: {e}"))
        })?;
        Ok(Relay {
            listener,
            gateway,
            limits,
        })
    }

    /// The address it listens on (the port the OS chose for port 0).
    ///
    /// # Errors
    /// `INTERNAL` if the OS cannot say.
    pub fn local_addr(&self) -> Result<SocketAddr, Finding> {
        self.listener.local_addr().map_err(Finding::internal)
    }

    /// Serves in the background until the returned handle is stopped or dropped (the desktop's
    /// switch on the Helpdesk page).
    ///
    /// # Errors
    /// `INTERNAL` if the OS cannot say where it listens.
    pub fn spawn(self) -> Result<Running, Finding> {
        let at = self.local_addr()?;
        let stop = CancellationToken::new();
        tokio::spawn(self.serve(stop.clone()));
        Ok(Running { at, stop })
    }

    /// Serves connections until `stop` is cancelled; each connection is its own task. Needs the
    /// multi-threaded runtime (the app's and the CLI's): the SMTP state machine is synchronous
    /// and calls the gateway through `block_in_place`.
    pub async fn serve(self, stop: CancellationToken) {
        let slots = Arc::new(tokio::sync::Semaphore::new(self.limits.connections));
        loop {
            let accepted = tokio::select! {
                () = stop.cancelled() => return,
                a = self.listener.accept() => a,
            };
            let Ok((stream, peer)) = accepted else {
                // A failed accept (e.g. too many open files) is not the relay's end.
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            };
            let permit = slots.clone().try_acquire_owned().ok();
            let gateway = self.gateway.clone();
            let limits = self.limits;
            let stop = stop.clone();
            tokio::spawn(async move {
                let Some(_permit) = permit else {
                    session::busy(stream).await;
                    return;
                };
                tokio::select! {
                    () = stop.cancelled() => {}
                    () = session::serve(stream, peer, gateway, limits) => {}
                }
            });
        }
    }
}

/// A relay serving in the background; dropping it stops it.
#[derive(Debug)]
pub struct Running {
    /// Where it listens.
    pub at: SocketAddr,
    stop: CancellationToken,
}

impl Drop for Running {
    fn drop(&mut self) {
        self.stop.cancel();
    }
}

#[cfg(test)]
mod tests;
