//! IMAP specifics of the replay engine: the verb is the word after the tag, tagged replies get
//! the client's tag, `CAPABILITY` / `NOOP` / `ID` / `LOGOUT` are optional and answered
//! generically, `LOGIN` and `AUTHENTICATE` arguments are secret.

use crate::protocol::{Generic, SaslStart, redact_after, words};
use crate::script::{Script, Step};

/// Commands a client may send or leave out anywhere.
pub(crate) const OPTIONAL: &[&str] = &["CAPABILITY", "NOOP", "ID", "LOGOUT"];

/// The capability line used when the script has none.
const DEFAULT_CAPABILITY: &str = "* CAPABILITY IMAP4rev1";

/// The word after the tag, upper case.
pub(crate) fn verb(line: &str) -> String {
    words(line)
        .get(1)
        .map(|w| w.to_ascii_uppercase())
        .unwrap_or_default()
}

/// The tag of a command line (its first word, when a verb follows).
pub(crate) fn tag(line: &str) -> Option<String> {
    let w = words(line);
    (w.len() >= 2).then(|| w[0].to_string())
}

/// Replaces the tag of a tagged server line (not `*` or `+` lines) with `tag`.
pub(crate) fn retag(line: &str, tag: &str) -> String {
    if line.starts_with('*') || line.starts_with('+') {
        return line.to_string();
    }
    match line.split_once(' ') {
        Some((_, rest)) => format!("{tag} {rest}"),
        None => line.to_string(),
    }
}

/// `<tag> BAD unexpected command`.
pub(crate) fn mismatch_reply(line: &str) -> String {
    let tag = words(line).first().copied().unwrap_or("*");
    format!("{tag} BAD unexpected command")
}

/// Replies to optional commands the script does not expect at this point.
pub(crate) fn generic(verb: &str, line: &str, script: &Script) -> Option<Generic> {
    let tag = tag(line).unwrap_or_else(|| "*".into());
    let (lines, close) = match verb {
        "CAPABILITY" => (
            vec![
                capability_line(script),
                format!("{tag} OK CAPABILITY completed."),
            ],
            false,
        ),
        "NOOP" => (vec![format!("{tag} OK NOOP completed.")], false),
        "ID" => (
            vec!["* ID NIL".into(), format!("{tag} OK ID completed.")],
            false,
        ),
        "LOGOUT" => (
            vec![
                "* BYE Logging out".into(),
                format!("{tag} OK LOGOUT completed."),
            ],
            true,
        ),
        _ => return None,
    };
    Some(Generic { lines, close })
}

/// The script's `* CAPABILITY …` line, else one made from a `[CAPABILITY …]` response code,
/// else `* CAPABILITY IMAP4rev1`.
fn capability_line(script: &Script) -> String {
    let sent = || {
        script.steps().iter().filter_map(|s| match s {
            Step::Send(line) => Some(line.as_str()),
            _ => None,
        })
    };
    if let Some(line) = sent().find(|l| {
        l.get(..13)
            .is_some_and(|p| p.eq_ignore_ascii_case("* CAPABILITY "))
    }) {
        return line.to_string();
    }
    for line in sent() {
        if let Some(start) = line.find("[CAPABILITY ") {
            let rest = &line[start + 1..];
            if let Some(end) = rest.find(']') {
                return format!("* {}", &rest[..end]);
            }
        }
    }
    DEFAULT_CAPABILITY.to_string()
}

/// `<tag> AUTHENTICATE <mechanism> [initial-response]`.
pub(crate) fn sasl_start(line: &str) -> Option<SaslStart> {
    let w = words(line);
    if !w.get(1)?.eq_ignore_ascii_case("AUTHENTICATE") {
        return None;
    }
    Some(SaslStart {
        mechanism: w.get(2).map(|m| m.to_ascii_uppercase()).unwrap_or_default(),
        initial_response: w.len() >= 4,
    })
}

/// `<tag> AUTHENTICATE <mechanism> <redacted>` or `<tag> LOGIN <redacted>`.
pub(crate) fn redact(line: &str) -> Option<String> {
    match verb(line).as_str() {
        "AUTHENTICATE" => Some(redact_after(line, 3)),
        "LOGIN" => Some(redact_after(line, 2)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capability_from_script_line_or_greeting_code() {
        let s = Script::new("S: * OK hi\nC: A1 LOGIN\nS: * CAPABILITY IMAP4rev1 X\nS: A1 OK");
        let g = generic("CAPABILITY", "t9 CAPABILITY", &s).unwrap();
        assert_eq!(
            g.lines,
            ["* CAPABILITY IMAP4rev1 X", "t9 OK CAPABILITY completed."]
        );
        let s = Script::new("S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready");
        assert_eq!(capability_line(&s), "* CAPABILITY IMAP4rev1 AUTH=PLAIN");
        assert_eq!(capability_line(&Script::new("")), DEFAULT_CAPABILITY);
        assert!(generic("LOGOUT", "a LOGOUT", &s).unwrap().close);
        assert!(generic("SELECT", "a SELECT x", &s).is_none());
    }
}
