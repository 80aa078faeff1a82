//! Classification: raw replies from mail servers and the identity provider → findings.
//!
//! - [`reply`]: SMTP and IMAP replies (Exchange Online, Gmail, Postfix/Dovecot);
//! - [`entra`](mod@entra): Microsoft Entra ID errors (token endpoint JSON, authorize redirects);
//! - [`google`](mod@google): Google's OAuth errors;
//! - [`explain`](mod@explain): anything a person copies (a reply, a transcript, an AADSTS message, a JSON
//!   body, a browser error page) → the findings it contains.

pub mod entra;
pub mod explain;
pub mod google;
pub mod reply;

pub use entra::{EntraError, EntraPhase, aadsts_in, entra, lookup_url};
pub use explain::explain;
pub use google::google;
pub use reply::{Protocol, SmtpReply, imap, smtp, smtp_reply, xoauth2_challenge};

use crate::findings::Finding;
use crate::provider::OAuthFlavour;

/// An error of `flavour`'s OAuth endpoints → its finding (Google's words name Google, Entra's
/// are read by their AADSTS code).
pub fn oauth_error(err: &EntraError, phase: EntraPhase, flavour: OAuthFlavour) -> Finding {
    match flavour {
        OAuthFlavour::Entra => entra(err, phase),
        OAuthFlavour::Google => google(err, phase),
    }
}
