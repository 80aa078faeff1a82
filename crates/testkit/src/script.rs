//! Transcript scripts in the `S:` / `C:` notation of mail server transcripts.
//!
//! ```text
//! # comment
//! S: 220 mail.example ESMTP ready      sent by the server verbatim (CRLF added)
//! C: EHLO client.example               the client must send a line with this verb
//! C?: NOOP                             an optional client line (may be skipped)
//! C: *                                 any one client line (SASL data, the empty XOAUTH2 answer)
//! !starttls                            upgrade to TLS (server side) after the S: lines above
//! !close                               close the connection
//! !sleep 1500                          wait 1.5 s before going on (for timeout tests)
//! ```
//!
//! Client lines are matched by command verb only (see [`crate::ScriptedServer`]); alternatives
//! are written with `|`, e.g. `C: a1 LOGIN|AUTHENTICATE`.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

/// One step of a [`Script`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// `S: text`: a line the server sends (without the CRLF).
    Send(String),
    /// `C: text` or `C?: text`: the client line expected next.
    Expect {
        /// The script's text, e.g. `A1 AUTHENTICATE XOAUTH2` or `*`.
        text: String,
        /// Written `C?:`: the client may skip this line (and the server its reply).
        optional: bool,
    },
    /// `!starttls`: upgrade the connection to TLS.
    StartTls,
    /// `!close`: close the connection.
    Close,
    /// `!sleep <ms>`: pause before the next step.
    Sleep(Duration),
}

impl Step {
    /// Whether this is an expected client line matching any line (`C: *`).
    pub fn is_any(&self) -> bool {
        matches!(self, Step::Expect { text, .. } if text == "*")
    }
}

/// A parsed transcript that a [`crate::ScriptedServer`] replays for each connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Script {
    steps: Vec<Step>,
}

/// A line of a transcript that could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ScriptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "script line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ScriptError {}

impl FromStr for Script {
    type Err = ScriptError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Script::parse(text)
    }
}

impl Script {
    /// Parses a transcript, panicking on a malformed line (convenient for the shipped
    /// [`crate::transcripts`] constants and literals in tests).
    ///
    /// # Panics
    /// With the [`ScriptError`] if a line is malformed.
    pub fn new(text: &str) -> Script {
        Script::parse(text).unwrap_or_else(|e| panic!("{e}"))
    }

    /// Parses a transcript: `S:`, `C:`, `C?:` lines and `!` directives; blank lines and lines
    /// starting with `#` are ignored, leading whitespace is ignored.
    ///
    /// # Errors
    /// A line that is none of the above, or an unknown directive.
    pub fn parse(text: &str) -> Result<Script, ScriptError> {
        let mut steps = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim_end_matches('\r').trim_start();
            let error = |message: String| ScriptError {
                line: i + 1,
                message,
            };
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(rest) = line.strip_prefix("S:") {
                steps.push(Step::Send(strip_one_space(rest).to_string()));
            } else if let Some(rest) = line.strip_prefix("C?:") {
                steps.push(expect(rest, true).map_err(error)?);
            } else if let Some(rest) = line.strip_prefix("C:") {
                steps.push(expect(rest, false).map_err(error)?);
            } else if let Some(rest) = line.strip_prefix('!') {
                steps.push(directive(rest.trim()).map_err(error)?);
            } else {
                return Err(error(format!(
                    "expected `S:`, `C:`, `C?:`, `!directive` or `#`, got {line:?}"
                )));
            }
        }
        Ok(Script { steps })
    }

    /// The steps, in order.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }
}

fn strip_one_space(s: &str) -> &str {
    s.strip_prefix(' ').unwrap_or(s)
}

fn expect(rest: &str, optional: bool) -> Result<Step, String> {
    let text = rest.trim();
    if text.is_empty() {
        return Err("empty client line (write `C: *` for any line)".into());
    }
    Ok(Step::Expect {
        text: text.to_string(),
        optional,
    })
}

fn directive(text: &str) -> Result<Step, String> {
    let mut words = text.split_whitespace();
    let name = words.next().unwrap_or_default().to_ascii_lowercase();
    let arg = words.next();
    match (name.as_str(), arg) {
        ("starttls", None) => Ok(Step::StartTls),
        ("close", None) => Ok(Step::Close),
        ("sleep", Some(ms)) => ms
            .parse::<u64>()
            .map(|ms| Step::Sleep(Duration::from_millis(ms)))
            .map_err(|e| format!("!sleep wants milliseconds: {e}")),
        _ => Err(format!("unknown directive `!{text}`")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_steps_and_keeps_server_text_verbatim() {
        let s = Script::new(
            "# greeting\n  S: 220 hi\r\nC: EHLO x\n\nS: 250-a\nS: 250 b\nC?: NOOP\n!starttls\nS: + \n!sleep 5\n!close\n",
        );
        assert_eq!(
            s.steps(),
            &[
                Step::Send("220 hi".into()),
                Step::Expect {
                    text: "EHLO x".into(),
                    optional: false
                },
                Step::Send("250-a".into()),
                Step::Send("250 b".into()),
                Step::Expect {
                    text: "NOOP".into(),
                    optional: true
                },
                Step::StartTls,
                Step::Send("+ ".into()),
                Step::Sleep(Duration::from_millis(5)),
                Step::Close,
            ]
        );
    }

    #[test]
    fn rejects_bad_lines() {
        assert_eq!(Script::parse("X: nope").unwrap_err().line, 1);
        assert!(Script::parse("S: ok\n!explode").is_err());
        assert!(Script::parse("C:   ").is_err());
        assert!(Script::parse("!sleep soon").is_err());
    }
}
