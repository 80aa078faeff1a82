//! SMTP specifics of the replay engine: the verb is the first word, `QUIT` / `NOOP` / `RSET`
//! are optional, `AUTH` arguments are secret.

use crate::protocol::{Generic, SaslStart, redact_after, words};

/// Commands a client may send or leave out anywhere.
pub(crate) const OPTIONAL: &[&str] = &["QUIT", "NOOP", "RSET"];

/// The reply to a client line that does not match the script.
pub(crate) const MISMATCH_REPLY: &str = "500 5.5.2 unexpected command";

/// The first word, upper case.
pub(crate) fn verb(line: &str) -> String {
    words(line)
        .first()
        .map(|w| w.to_ascii_uppercase())
        .unwrap_or_default()
}

/// Replies to optional commands the script does not expect at this point.
pub(crate) fn generic(verb: &str) -> Option<Generic> {
    let (line, close) = match verb {
        "QUIT" => ("221 2.0.0 Service closing transmission channel", true),
        "NOOP" => ("250 2.0.0 OK", false),
        "RSET" => ("250 2.0.0 Resetting", false),
        _ => return None,
    };
    Some(Generic {
        lines: vec![line.to_string()],
        close,
    })
}

/// `AUTH <mechanism> [initial-response]`.
pub(crate) fn sasl_start(line: &str) -> Option<SaslStart> {
    let w = words(line);
    if !w.first()?.eq_ignore_ascii_case("AUTH") {
        return None;
    }
    Some(SaslStart {
        mechanism: w.get(1).map(|m| m.to_ascii_uppercase()).unwrap_or_default(),
        initial_response: w.len() >= 3,
    })
}

/// The server's prompts when the client gave no initial response.
pub(crate) fn sasl_prompts(mechanism: &str) -> Vec<String> {
    if mechanism == "LOGIN" {
        // base64 "Username:" and "Password:", as Exchange and Gmail send them.
        vec!["334 VXNlcm5hbWU6".into(), "334 UGFzc3dvcmQ6".into()]
    } else {
        vec!["334 ".into()]
    }
}

/// `AUTH <mechanism> <redacted>`.
pub(crate) fn redact(line: &str) -> Option<String> {
    sasl_start(line).map(|_| redact_after(line, 2))
}
