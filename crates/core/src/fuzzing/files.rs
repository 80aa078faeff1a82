//! What a person types or an administrator writes, and what a domain publishes: the settings
//! file, an autoconfig document, a mailbox address.

use super::checks::finished;
use crate::address::Address;
use crate::findings::Finding;
use crate::provider::{HostPort, RedirectForm, Security};
use crate::settings::Settings;

/// The settings file (without reading the CA file it may name), and a server (`host:port`) and
/// a redirect form as typed in it. An error becomes a finished finding.
pub fn settings(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Err(e) = Settings::parse_without_files(&text) {
        finished(&Finding::from(e).finish());
    }
    let _ = HostPort::parse(&text);
    let _ = RedirectForm::parse(&text);
}

/// An autoconfig document for a fixed address: a configuration it accepts uses IMAP over TLS
/// only (never STARTTLS or plaintext; SMTP has no plaintext form in the app's types).
pub fn autoconfig(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let address = Address::parse("ann.lee@small.example").expect("a valid address");
    if let Ok(servers) = crate::autoconfig::parse(&text, &address) {
        assert_eq!(servers.imap.security, Security::ImplicitTls);
    }
    let _ = crate::autoconfig::base_domain(&text);
}

/// A mailbox address as typed: an accepted address reads back as itself from each of its
/// forms (one mailbox, one spelling), and a refused one says why in a finished finding.
pub fn address(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    match Address::parse(&text) {
        Ok(a) => {
            for form in [a.normalized(), a.display()] {
                let again = Address::parse(form)
                    .unwrap_or_else(|e| panic!("{form:?} (from {text:?}) is refused: {e}"));
                assert_eq!(again.normalized(), a.normalized(), "from {text:?}");
            }
            assert!(a.same_mailbox(a.display()));
            let _ = (a.local_part(), a.domain());
        }
        Err(e) => finished(&Finding::from(e).finish()),
    }
}
