//! What differs between SMTP and IMAP for the replay engine: where the verb and tag are, which
//! commands are optional or answered generically, what a SASL continuation looks like, and what
//! must be redacted. The protocol details live in [`crate::smtp`] and [`crate::imap`].

use crate::script::Script;
use crate::{imap, smtp};

/// The protocol a [`crate::ScriptedServer`] speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Protocol {
    /// SMTP submission: plain TCP first, TLS on `!starttls` (like port 587).
    Smtp,
    /// IMAP: implicit TLS from the first byte (like port 993).
    Imap,
}

/// A SASL exchange started by the client (`AUTH` / `AUTHENTICATE`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SaslStart {
    /// The mechanism, upper case, e.g. `XOAUTH2`.
    pub mechanism: String,
    /// Whether the command carried an initial response (`AUTH PLAIN <b64>`, SASL-IR).
    pub initial_response: bool,
}

/// A reply the server makes up for a command the script does not mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Generic {
    /// Lines to send.
    pub lines: Vec<String>,
    /// Whether to close the connection afterwards (`QUIT`, `LOGOUT`).
    pub close: bool,
}

/// The marker written in place of secrets.
pub(crate) const REDACTED: &str = "<redacted>";

/// The whitespace-separated words of a line.
pub(crate) fn words(line: &str) -> Vec<&str> {
    line.split_whitespace().collect()
}

/// `keep` words of `line`, then `<redacted>` if anything followed them.
pub(crate) fn redact_after(line: &str, keep: usize) -> String {
    let w = words(line);
    let mut out = w[..keep.min(w.len())].join(" ");
    if w.len() > keep {
        out.push(' ');
        out.push_str(REDACTED);
    }
    out
}

impl Protocol {
    /// Whether connections start with a TLS handshake.
    pub(crate) fn implicit_tls(self) -> bool {
        self == Protocol::Imap
    }

    /// The command verb of a client line, upper case (`""` if there is none).
    pub(crate) fn client_verb(self, line: &str) -> String {
        match self {
            Protocol::Smtp => smtp::verb(line),
            Protocol::Imap => imap::verb(line),
        }
    }

    /// The verbs an expected `C:` line accepts (alternatives written `A|B`), upper case.
    pub(crate) fn script_verbs(self, text: &str) -> Vec<String> {
        let verb = match self {
            Protocol::Smtp => words(text).first().copied(),
            // `A1 SELECT INBOX` → SELECT; a lone word is taken as the verb.
            Protocol::Imap => {
                let w = words(text);
                w.get(1).or(w.first()).copied()
            }
        };
        verb.unwrap_or_default()
            .split('|')
            .map(str::to_ascii_uppercase)
            .collect()
    }

    /// The tag of a client command (IMAP only).
    pub(crate) fn client_tag(self, line: &str) -> Option<String> {
        match self {
            Protocol::Smtp => None,
            Protocol::Imap => imap::tag(line),
        }
    }

    /// A script line as sent: IMAP tagged replies get the client's tag, and a bare empty
    /// continuation (`+`, `334`, e.g. after an editor trimmed the line) gets its space back.
    pub(crate) fn rewrite(self, line: &str, tag: Option<&str>) -> String {
        match (self, tag) {
            (Protocol::Imap, _) if line == "+" => "+ ".to_string(),
            (Protocol::Smtp, _) if line == "334" => "334 ".to_string(),
            (Protocol::Imap, Some(tag)) => imap::retag(line, tag),
            _ => line.to_string(),
        }
    }

    /// Commands a client may send or leave out anywhere (implicitly `C?:`).
    pub(crate) fn is_optional(self, verb: &str) -> bool {
        match self {
            Protocol::Smtp => smtp::OPTIONAL.contains(&verb),
            Protocol::Imap => imap::OPTIONAL.contains(&verb),
        }
    }

    /// The made-up reply to an optional command the script does not expect here.
    pub(crate) fn generic(self, verb: &str, line: &str, script: &Script) -> Option<Generic> {
        match self {
            Protocol::Smtp => smtp::generic(verb),
            Protocol::Imap => imap::generic(verb, line, script),
        }
    }

    /// The reply to a client line that does not match the script.
    pub(crate) fn mismatch_reply(self, line: &str) -> String {
        match self {
            Protocol::Smtp => smtp::MISMATCH_REPLY.to_string(),
            Protocol::Imap => imap::mismatch_reply(line),
        }
    }

    /// Whether a server line asks the client for SASL data (`334 …`, `+ …`).
    pub(crate) fn is_continuation(self, line: &str) -> bool {
        match self {
            Protocol::Smtp => line.starts_with("334"),
            Protocol::Imap => line.starts_with('+'),
        }
    }

    /// Whether a server line is an empty SASL continuation (`334 `, `+ `): "send your response".
    pub(crate) fn is_empty_continuation(self, line: &str) -> bool {
        match self {
            Protocol::Smtp => line.trim() == "334",
            Protocol::Imap => line.trim() == "+",
        }
    }

    /// The SASL exchange a client line starts, if it is `AUTH` / `AUTHENTICATE`.
    pub(crate) fn sasl_start(self, line: &str) -> Option<SaslStart> {
        match self {
            Protocol::Smtp => smtp::sasl_start(line),
            Protocol::Imap => imap::sasl_start(line),
        }
    }

    /// The continuations a real server sends for `mechanism` when the client gave no initial
    /// response (`334 VXNlcm5hbWU6`, `334 UGFzc3dvcmQ6` for SMTP `AUTH LOGIN`).
    pub(crate) fn sasl_prompts(self, mechanism: &str) -> Vec<String> {
        match self {
            Protocol::Smtp => smtp::sasl_prompts(mechanism),
            Protocol::Imap => vec!["+ ".to_string()],
        }
    }

    /// A client command carrying credentials, with its arguments replaced by `<redacted>`.
    pub(crate) fn redact_command(self, line: &str) -> Option<String> {
        match self {
            Protocol::Smtp => smtp::redact(line),
            Protocol::Imap => imap::redact(line),
        }
    }

    /// Whether, after the client's `verb` and the server's `reply`, a message body follows
    /// (SMTP `DATA` answered with `354`).
    pub(crate) fn starts_body(self, verb: &str, reply: &str) -> bool {
        self == Protocol::Smtp && verb == "DATA" && reply.starts_with("354")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_and_alternatives() {
        assert_eq!(Protocol::Smtp.client_verb("ehlo host.example"), "EHLO");
        assert_eq!(
            Protocol::Imap.client_verb("A0001 select \"INBOX\""),
            "SELECT"
        );
        assert_eq!(Protocol::Imap.client_verb("dXNlcj0="), "");
        assert_eq!(
            Protocol::Imap.script_verbs("a1 LOGIN|authenticate"),
            ["LOGIN", "AUTHENTICATE"]
        );
        assert_eq!(Protocol::Imap.script_verbs("SELECT"), ["SELECT"]);
        assert_eq!(Protocol::Smtp.script_verbs("MAIL FROM:<a@b>"), ["MAIL"]);
    }

    #[test]
    fn redaction_keeps_the_mechanism_only() {
        assert_eq!(
            Protocol::Smtp
                .redact_command("AUTH XOAUTH2 dXNlcj0=")
                .as_deref(),
            Some("AUTH XOAUTH2 <redacted>")
        );
        assert_eq!(
            Protocol::Smtp.redact_command("AUTH LOGIN").as_deref(),
            Some("AUTH LOGIN")
        );
        assert_eq!(
            Protocol::Imap
                .redact_command("A0001 LOGIN \"u@example.com\" \"pw\"")
                .as_deref(),
            Some("A0001 LOGIN <redacted>")
        );
        assert_eq!(
            Protocol::Imap
                .redact_command("A1 AUTHENTICATE PLAIN AHVAZXhhbXBsZQBwdw==")
                .as_deref(),
            Some("A1 AUTHENTICATE PLAIN <redacted>")
        );
        assert_eq!(Protocol::Imap.redact_command("A2 SELECT INBOX"), None);
    }

    #[test]
    fn imap_tags_are_rewritten_on_tagged_lines_only() {
        let p = Protocol::Imap;
        assert_eq!(p.rewrite("A2 BAD nope", Some("A0003")), "A0003 BAD nope");
        assert_eq!(p.rewrite("* BYE bye", Some("A0003")), "* BYE bye");
        assert_eq!(p.rewrite("+ abc", Some("A0003")), "+ abc");
        assert_eq!(p.rewrite("+", Some("A0003")), "+ ");
        assert_eq!(Protocol::Smtp.rewrite("334", None), "334 ");
        assert_eq!(Protocol::Smtp.rewrite("250 ok", Some("x")), "250 ok");
    }

    #[test]
    fn sasl_starts() {
        assert_eq!(
            Protocol::Smtp.sasl_start("AUTH LOGIN"),
            Some(SaslStart {
                mechanism: "LOGIN".into(),
                initial_response: false
            })
        );
        assert_eq!(
            Protocol::Imap.sasl_start("A1 AUTHENTICATE XOAUTH2 abc"),
            Some(SaslStart {
                mechanism: "XOAUTH2".into(),
                initial_response: true
            })
        );
        assert_eq!(Protocol::Imap.sasl_start("A1 LOGIN a b"), None);
    }
}
