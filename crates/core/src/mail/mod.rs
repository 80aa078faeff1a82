//! Mail protocols: SMTP submission and IMAP, the XOAUTH2 SASL mechanism, and the test message.
//!
//! Each protocol module connects securely, authenticates and reports failures as findings; the
//! order of steps and what counts as success lives in [`crate::assistant`].

pub mod imap;
pub mod password;
pub mod probe;
pub mod server_bytes;
pub mod smtp;
pub mod xoauth2;

use lettre::message::{Mailbox, Message, header::ContentType};

/// The SASL mechanisms a sign-in method uses, in order of preference: XOAUTH2 for OAuth
/// (<https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth>,
/// <https://developers.google.com/workspace/gmail/imap/xoauth2-protocol>); PLAIN, else LOGIN,
/// for a password — an App Password account never falls back to XOAUTH2 (test `field_f20_app_password_account_never_falls_back_to_xoauth2` in
/// crates/cli/tests/providers.rs).
pub fn mechanisms(method: crate::provider::SignInMethod) -> &'static [&'static str] {
    match method {
        crate::provider::SignInMethod::OAuth => &["XOAUTH2"],
        crate::provider::SignInMethod::Password => &["PLAIN", "LOGIN"],
    }
}

/// The mechanisms `names` as a choice, e.g. "PLAIN or LOGIN".
fn either(names: &[&str]) -> String {
    crate::l10n::join(names, "detail-mail-either")
}

/// Fails unless the SMTP server at `server` offers, on the secured connection, a mechanism
/// that `method` uses ([`mechanisms`]); `offered` is what its EHLO lists after STARTTLS.
///
/// # Errors
/// `AUTH_MECHANISM_UNAVAILABLE`, naming the mechanisms wanted and those offered.
pub fn require_smtp_mechanism(
    server: &str,
    offered: &[String],
    method: crate::provider::SignInMethod,
) -> Result<(), Finding> {
    let wanted = mechanisms(method);
    if offered.iter().any(|m| wanted.contains(&m.as_str())) {
        return Ok(());
    }
    Err(
        Finding::new(crate::findings::FindingCode::AuthMechanismUnavailable)
            .with(Param::Server, server)
            .with(Param::Problem, either(wanted))
            .with_evidence(format!(
                "AUTH after STARTTLS: {}",
                if offered.is_empty() {
                    "none".into()
                } else {
                    offered.join(" ")
                }
            )),
    )
}

use crate::address::Address;
use crate::findings::{Finding, Param};

/// Subject of the verification message.
pub const TEST_SUBJECT: &str = "Mail Setup Assistant test message";

/// A verification message from the mailbox to itself with a unique `Message-ID`.
pub struct TestMessage {
    /// The `Message-ID` value including angle brackets, e.g. `<mailsetup-…@example.edu>`.
    pub message_id: String,
    /// SMTP envelope (from = to = the mailbox).
    pub envelope: lettre::address::Envelope,
    /// The formatted message (RFC 5322).
    pub bytes: Vec<u8>,
}

impl TestMessage {
    /// Builds the message for `mailbox`.
    ///
    /// # Errors
    /// `INTERNAL` if the address cannot be used by lettre (it was validated before).
    pub fn new(mailbox: &Address) -> Result<TestMessage, Finding> {
        let message_id = format!("<mailsetup-{}@{}>", uuid::Uuid::new_v4(), mailbox.domain());
        let addr: lettre::Address = mailbox.normalized().parse().map_err(Finding::internal)?;
        let mbox = Mailbox::new(Some("Mail Setup Assistant".into()), addr);
        let msg = Message::builder()
            .from(mbox.clone())
            .to(mbox)
            .subject(TEST_SUBJECT)
            .message_id(Some(message_id.clone()))
            .header(ContentType::TEXT_PLAIN)
            .body(format!(
                "This message was sent by Mail Setup Assistant to check that {} can send and receive mail with the modern sign-in.\r\n\r\nIt arrived, so everything works. You can delete it.\r\n",
                mailbox.display()
            ))
            .map_err(Finding::internal)?;
        Ok(TestMessage {
            message_id,
            envelope: msg.envelope().clone(),
            bytes: msg.formatted(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_message_has_unique_id_and_self_envelope() {
        let a = Address::parse("Ann@Example.edu").unwrap();
        let m1 = TestMessage::new(&a).unwrap();
        let m2 = TestMessage::new(&a).unwrap();
        assert_ne!(m1.message_id, m2.message_id);
        assert!(
            m1.message_id.starts_with("<mailsetup-") && m1.message_id.ends_with("@example.edu>")
        );
        let text = String::from_utf8(m1.bytes).unwrap();
        assert!(
            text.contains(&format!("Message-ID: {}", m1.message_id)),
            "{text}"
        );
        assert_eq!(m1.envelope.from().unwrap().to_string(), "ann@example.edu");
        assert_eq!(m1.envelope.to()[0].to_string(), "ann@example.edu");
    }
}
