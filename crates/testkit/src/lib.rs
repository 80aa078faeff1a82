//! Test support for Mail Setup Assistant: scripted SMTP and IMAP servers over TLS that replay
//! real Exchange Online and Gmail transcripts, for tests where a local Dovecot/Postfix cannot
//! produce the reply (`535 5.7.139 … SmtpClientAuthentication is disabled for the Tenant`,
//! `A2 BAD User is authenticated but not connected.`, Gmail's multi-line `534-5.7.9`, …).
//!
//! ```no_run
//! use mailsetup_testkit::{Script, ScriptedServer, TestCa, transcripts};
//!
//! let ca = TestCa::new();
//! let server = ScriptedServer::smtp(
//!     Script::new(transcripts::EXCHANGE_SMTP_AUTH_DISABLED_TENANT),
//!     ca.server_config(&["localhost", "127.0.0.1"]),
//! );
//! // … point the client at localhost:server.port(), trusting ca.pem() …
//! assert!(server.mismatches().is_empty());
//! ```
//!
//! * [`TestCa`] makes a throwaway CA and server configurations (valid, expired, wrong name,
//!   self-signed leaves: [`LeafOptions`]).
//! * [`Script`] parses the transcript notation (`S:` / `C:` lines, `!starttls`, `!close`).
//! * [`ScriptedServer`] replays a script on every connection, on its own thread, and records a
//!   redacted transcript.
//! * [`transcripts`] holds real provider sessions from public bug reports as constants.

#![warn(missing_docs)]

mod imap;
mod protocol;
mod script;
mod server;
mod session;
mod smtp;
mod tls;
pub mod transcripts;

use std::time::Duration;

pub use script::{Script, ScriptError, Step};
pub use server::ScriptedServer;
pub use tls::{LeafOptions, TestCa, provider};

/// How long the server waits for each client line (and for each TLS handshake or write)
/// before giving up on the connection, so a stuck client never hangs a test.
pub const READ_TIMEOUT: Duration = Duration::from_secs(10);
