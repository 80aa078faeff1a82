//! Text a person pastes and the replies mail servers send.

use super::checks::{finished, no_secret_from};
use crate::findings::classify::{self, SmtpReply, explain::MAX_TEXT_BYTES};
use crate::findings::{Finding, FindingCode};

/// The paste box and `mailsetup explain`: any text gives at least one finished finding, each
/// code once, none repeating a secret of the text; over the cap, only `PASTED_TEXT_TOO_LONG`.
pub fn explain(data: &[u8]) {
    // As the CLI reads standard input: invalid UTF-8 is replaced, not refused.
    let text = String::from_utf8_lossy(data);
    let found = classify::explain(&text);
    assert!(!found.is_empty(), "explain gave no finding");
    for (i, f) in found.iter().enumerate() {
        finished(f);
        assert!(
            found[..i].iter().all(|g| g.code != f.code),
            "{} given twice",
            f.code
        );
    }
    if text.len() > MAX_TEXT_BYTES {
        assert_eq!(found[0].code, FindingCode::PastedTextTooLong);
    }
    no_secret_from(&text, &found);
}

/// SMTP replies and IMAP responses as the app reads and classifies them: the text as an SMTP
/// reply (single or multi-line, also as the SMTP client parses it) and as an IMAP failure text,
/// an XOAUTH2 error challenge, and the bytes as an IMAP response parsed the way the IMAP client
/// parses it (`imap-proto`, through `mail::server_bytes`), its failure worded the way `async-imap`
/// words it and then classified.
pub fn replies(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut found = Vec::new();
    if let Some(reply) = SmtpReply::parse(&text) {
        let _ = reply.one_line();
        found.push(classify::smtp(&reply));
    }
    found.push(classify::smtp_reply(&text));
    found.push(classify::imap(&text));
    for line in text.lines() {
        let (_, rest) = classify::reply::split_status(line);
        let _ = classify::reply::is_enhanced_code(rest);
        if let Some(json) = classify::xoauth2_challenge(rest) {
            found.push(
                Finding::new(FindingCode::AuthRejected).with_evidence(format!("XOAUTH2: {json}")),
            );
        }
    }
    found.extend(lettre_reply(&text));
    found.extend(imap_response(data));
    let found: Vec<Finding> = found.into_iter().map(Finding::finish).collect();
    found.iter().for_each(finished);
    no_secret_from(&text, &found);
}

/// An SMTP reply as the SMTP client (lettre) parses it, classified as `mail::smtp` classifies a
/// refusal: code and message lines.
fn lettre_reply(text: &str) -> Option<Finding> {
    let reply: lettre::transport::smtp::response::Response = text.parse().ok()?;
    let _ = (reply.first_word(), reply.first_line(), reply.is_positive());
    let lines: Vec<&str> = reply.message().collect();
    Some(classify::smtp_reply(&format!(
        "{} {}",
        reply.code(),
        lines.join(" ")
    )))
}

/// An IMAP server's response bytes → the finding the app would show for a `NO`/`BAD`/`BYE`.
fn imap_response(raw: &[u8]) -> Option<Finding> {
    use async_imap::error::Error;
    use imap_proto::{Response, Status};
    // As the IMAP client reads the server: through `mail::server_bytes`.
    let mut data = raw.to_vec();
    crate::mail::server_bytes::ascii_only(&mut data);
    let (_, response) = Response::parse(&data).ok()?;
    let (status, outcome) = match response {
        Response::Done {
            status, outcome, ..
        }
        | Response::Data { status, outcome } => (status, outcome),
        Response::Capabilities(caps) => {
            let caps: Vec<String> = caps
                .iter()
                .map(crate::mail::imap::capability_text)
                .collect();
            let _ = crate::mail::imap::auth_mechanisms(&caps);
            return None;
        }
        _ => return None,
    };
    // async-imap's two wordings of a failure (client.rs and parse.rs of async-imap 0.12).
    let (code, info) = (&outcome.code, &outcome.information);
    let detail = match data.first() {
        Some(b'*') => format!("outcome: {outcome:?}"),
        _ => format!("code: {code:?}, info: {info:?}"),
    };
    let error = match status {
        Status::No => Error::No(detail),
        Status::Bad | Status::Bye => Error::Bad(detail),
        _ => return None,
    };
    let text = crate::mail::imap::imap_error_text(&error);
    Some(classify::imap(&text))
}
