//! Classification: raw replies from mail servers and the identity provider → findings.
//!
//! - [`reply`]: SMTP and IMAP replies (Exchange Online, Gmail, Postfix/Dovecot);
//! - [`entra`](mod@entra): Microsoft Entra ID errors (token endpoint JSON, authorize redirects);
//! - [`explain`](mod@explain): anything a person copies (a reply, a transcript, an AADSTS message, a JSON
//!   body, a browser error page) → the findings it contains.

pub mod entra;
pub mod explain;
pub mod reply;

pub use entra::{EntraError, EntraPhase, aadsts_in, entra};
pub use explain::explain;
pub use reply::{Protocol, SmtpReply, imap, smtp, smtp_reply, xoauth2_challenge};
