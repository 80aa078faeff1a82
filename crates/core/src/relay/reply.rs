//! The relay's SMTP reply for a finding: a code a mail program acts on (RFC 5321 §4.2: 4xx try
//! again later, 5xx do not), the enhanced status code (RFC 3463) and one line of the finding's
//! own words with its code, so the helpdesk can look it up. A refusal by the real server keeps
//! that server's codes.

use crate::findings::classify::SmtpReply;
use crate::findings::{Finding, FindingCode, HelperFailure};
use unicode_normalization::UnicodeNormalization as _;

/// An SMTP reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// The basic code, e.g. 535.
    pub code: u16,
    /// The enhanced status code, e.g. `5.7.8`.
    pub enhanced: String,
    /// What happened and what to do, in one line of ASCII.
    pub words: String,
}

impl Reply {
    /// The text after the basic code: `5.7.8 mailsetup relay: … [CODE]`.
    pub fn text(&self) -> String {
        format!("{} mailsetup relay: {}", self.enhanced, self.words)
    }
}

/// The reply for `f`.
pub fn for_finding(f: &Finding) -> Reply {
    use FindingCode as C;
    let (code, enhanced) = match f.code {
        C::RelayPasswordRefused => (535, "5.7.8".to_owned()),
        // RFC 4954 §6.
        C::RelayAuthRequired => (530, "5.7.0".to_owned()),
        C::RelaySenderNotAllowed => (550, "5.7.1".to_owned()),
        C::RelayMessageTooBig => (552, "5.3.4".to_owned()),
        code => match (upstream(f), HelperFailure::of(code)) {
            // The sign-in no longer works: what a server says of refused credentials.
            (_, HelperFailure::SignInAgain) => (535, "5.7.8".to_owned()),
            (Some(reply), _) => reply,
            (None, HelperFailure::TryLater) => (451, "4.4.1".to_owned()),
            (None, HelperFailure::Other) => (554, "5.0.0".to_owned()),
        },
    };
    Reply {
        code,
        enhanced,
        words: words(f),
    }
}

/// The real server's reply codes, when the finding quotes one (its evidence, from
/// `classify::smtp_reply`).
fn upstream(f: &Finding) -> Option<(u16, String)> {
    let reply = SmtpReply::parse(f.evidence.as_deref()?.lines().next()?)?;
    if !(400..600).contains(&reply.status) {
        return None;
    }
    let class = reply.status / 100;
    let enhanced = reply
        .enhanced
        .filter(|e| e.starts_with(&class.to_string()))
        .unwrap_or_else(|| format!("{class}.0.0"));
    Some((reply.status, enhanced))
}

/// The title, what to do and the code, on one line of printable ASCII (SMTP replies are ASCII,
/// RFC 5321 §2.4), at most about 420 characters (the words shortened, never the code), in the
/// person's language without its accents.
fn words(f: &Finding) -> String {
    let text = format!("{}. {}", f.title.trim_end_matches('.'), f.steps.join(" "));
    // Letters with accents lose them (Spanish "sesión" → "sesion"): NFD, combining marks dropped;
    // then the length is cut, on the ASCII text (a letter may have become several characters).
    let text: String = text
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            '\u{2192}' => '>',
            c if c.is_ascii_graphic() || c == ' ' => c,
            _ => ' ',
        })
        .collect();
    let text = if text.len() > 370 {
        // ASCII: bytes are characters.
        format!("{}...", &text[..367])
    } else {
        text
    };
    format!("{text} [{}]", f.code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::Param;

    #[test]
    fn a_revoked_sign_in_answers_535_with_the_reason() {
        let r = for_finding(&Finding::new(FindingCode::ReauthPolicy));
        assert_eq!((r.code, r.enhanced.as_str()), (535, "5.7.8"));
        assert!(r.words.ends_with("[REAUTH_POLICY]"), "{}", r.words);
        assert!(r.text().starts_with("5.7.8 mailsetup relay: "));
    }

    #[test]
    fn the_real_servers_refusal_keeps_its_codes() {
        let f = crate::findings::classify::smtp_reply("550 5.7.1 Message content rejected");
        let r = for_finding(&f);
        assert_eq!((r.code, r.enhanced.as_str()), (550, "5.7.1"));
        let f = crate::findings::classify::smtp_reply("452 4.3.1 Insufficient system resources");
        assert_eq!(for_finding(&f).code, 452);
    }

    #[test]
    fn temporary_and_local_failures() {
        let r = for_finding(&Finding::new(FindingCode::NetworkIdpUnreachable));
        assert_eq!((r.code, r.enhanced.as_str()), (451, "4.4.1"));
        let r = for_finding(
            &Finding::new(FindingCode::RelaySenderNotAllowed)
                .with(Param::Mailbox, "ann@example.edu")
                .with(Param::Problem, "boss@example.edu"),
        );
        assert_eq!((r.code, r.enhanced.as_str()), (550, "5.7.1"));
        assert!(r.words.contains("boss@example.edu"), "{}", r.words);
        assert_eq!(
            for_finding(&Finding::new(FindingCode::RelayMessageTooBig)).code,
            552
        );
        assert_eq!(
            for_finding(&Finding::new(FindingCode::RelayPasswordRefused)).code,
            535
        );
    }

    #[test]
    fn the_words_are_one_line_of_ascii() {
        let f = Finding::new(FindingCode::RelaySenderNotAllowed)
            .with(Param::Problem, "b\u{f6}b\r\nRCPT TO:<x@y>");
        let r = for_finding(&f);
        assert!(
            r.text().bytes().all(|b| (b' '..=b'~').contains(&b)),
            "{}",
            r.text()
        );
        assert!(r.text().len() <= 430);
    }

    /// A Korean (IDN) domain's letters become several characters each without their marks:
    /// the length is cut after that (a review found 522 characters).
    #[test]
    fn a_reply_for_an_idn_mailbox_stays_within_the_line_limit() {
        let label = "가나다라마바사아자차카타파하거너더";
        let f = Finding::new(FindingCode::RelaySenderNotAllowed)
            .with(Param::Mailbox, format!("ann@{label}.{label}.{label}.kr"))
            .with(Param::Problem, "boss@example.edu")
            .finish();
        let r = for_finding(&f);
        assert!(
            r.text().is_ascii() && r.text().len() <= 430,
            "{}",
            r.text().len()
        );
        assert!(
            r.text().ends_with("[RELAY_SENDER_NOT_ALLOWED]"),
            "{}",
            r.text()
        );
    }

    #[test]
    fn a_spanish_reply_keeps_its_letters_without_accents() {
        let f = crate::l10n::with(crate::l10n::Language::Spanish, || {
            Finding::new(FindingCode::ReauthRequired)
        });
        let r = for_finding(&f);
        assert!(r.text().is_ascii(), "{}", r.text());
        assert!(r.text().contains("sesion"), "{}", r.text());
        assert!(!r.text().contains("  "), "{}", r.text());
    }
}
