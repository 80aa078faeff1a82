//! # mailsetup-core
//!
//! Everything Mail Setup Assistant *decides*: no GUI dependency, so the CLI, the desktop shell and
//! the tests all drive the same code.
//!
//! The job, as data flowing one way:
//!
//! 1. [`address`] — parse and normalise the mailbox address the user typed;
//! 2. [`settings`] + [`provider`] — the administrator's settings and the provider profile
//!    (servers, ports, TLS, OAuth authority and scopes);
//! 3. [`assistant::Assistant::check_connection`] — DNS, TLS, SMTP and IMAP capabilities;
//! 4. [`assistant::Assistant::sign_in`] — authorization code + PKCE in the system
//!    ([`browser`]) with a [`oauth::loopback`] redirect, then the account check in
//!    [`oauth::claims`];
//! 5. [`vault`] — the OS credential vault, the only place secrets are kept;
//! 6. [`assistant::Assistant::verify`] — XOAUTH2 over [`mail::smtp`] and [`mail::imap`];
//! 7. [`findings`] — every failure explained, for the right person.
//!
//! Progress for every step flows through [`progress::ProgressSink`].
//!
//! ## Security notes
//! - Tokens, codes, PKCE verifiers, `state` and `nonce` are secret types (`secrecy`, `oauth2`)
//!   with redacted `Debug`; evidence passes through [`findings::redact`].
//! - Credentials only travel over TLS with verified certificates ([`net::Trust`]); STARTTLS is
//!   required on submission ports.
//! - Every network step has an explicit timeout ([`settings::Timeouts`]).
//!
//! ## Example
//! ```no_run
//! # async fn demo() -> Result<(), mailsetup_core::findings::Finding> {
//! use mailsetup_core::{address::Address, assistant::{Assistant, VerifyOptions}, progress, settings::Settings};
//! let assistant = Assistant::new(Settings::discover(None)?)?;
//! let address = Address::parse("ann@example.edu")?;
//! let outcome = assistant.verify(&address, VerifyOptions { send_test: true }, &progress::ignore()).await;
//! for finding in outcome.findings() {
//!     println!("{}", finding.to_text());
//! }
//! # Ok(()) }
//! ```
#![deny(missing_docs)]

pub mod accounts;
pub mod address;
pub mod assistant;
pub mod autoconfig;
pub mod browser;
pub mod clock;
pub mod crash;
pub mod deploy;
pub mod diagnosis;
pub mod discovery;
pub mod findings;
#[doc(hidden)]
pub mod fuzzing;
pub mod health;
pub mod html;
pub mod l10n;
pub mod locks;
pub mod logging;
pub mod mail;
pub mod net;
pub mod oauth;
pub mod outcome;
pub mod platform;
pub mod profile;
pub mod progress;
pub mod provider;
pub mod registration;
pub mod relay;
pub mod report;
pub mod schedule;
pub mod settings;
pub mod vault;

/// The version of this library (the app version).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
