//! What must hold for the findings built from any input.

use crate::findings::redact::looks_random;
use crate::findings::{Finding, Param};
use strum::IntoEnumIterator as _;

/// The shortest run of token characters treated as a secret: the length from which
/// `findings::redact` removes a run that looks random.
const SECRET_RUN: usize = 40;

/// Every text of a finding a person, a report or a log can see.
fn texts(f: &Finding) -> Vec<&str> {
    let mut out = vec![f.title.as_str(), f.explanation.as_str()];
    out.extend(f.steps.iter().map(String::as_str));
    out.extend(f.evidence.as_deref());
    out.extend(f.doc_url.as_deref());
    out.extend(f.for_user.as_deref());
    out.extend(f.cause.as_deref());
    if let Some(admin) = &f.for_admin {
        out.push(&admin.explanation);
        out.extend(admin.steps.iter().map(String::as_str));
    }
    out
}

fn is_token_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '_' | '.' | '~' | '-')
}

/// No finding shows a secret-looking run of `input`: what a server or a person hands the app
/// may hold a token, and findings reach the screen, reports and logs. A shown run of token
/// characters that `findings::redact` would remove as a secret must share no
/// [`SECRET_RUN`]-long slice with the input.
pub(super) fn no_secret_from(input: &str, findings: &[Finding]) {
    for f in findings {
        for text in texts(f) {
            let secret = text
                .split(|c: char| !is_token_char(c))
                .filter(|run| run.len() >= SECRET_RUN && looks_random(run))
                .find(|run| {
                    (0..=run.len() - SECRET_RUN).any(|i| input.contains(&run[i..i + SECRET_RUN]))
                });
            if let Some(run) = secret {
                panic!(
                    "{}: a secret-looking run of the input is shown: {run}",
                    f.code
                );
            }
        }
    }
}

/// No placeholder is left in a finished finding's words (its evidence is quoted text: braces
/// there are what was received).
pub(super) fn finished(f: &Finding) {
    let mut words = vec![f.title.as_str(), f.explanation.as_str()];
    words.extend(f.steps.iter().map(String::as_str));
    words.extend(f.for_user.as_deref());
    if let Some(admin) = &f.for_admin {
        words.push(&admin.explanation);
        words.extend(admin.steps.iter().map(String::as_str));
    }
    for text in words {
        for p in Param::iter() {
            assert!(
                !text.contains(p.placeholder()),
                "{}: {} left in {text:?}",
                f.code,
                p.placeholder()
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::FindingCode;

    #[test]
    fn a_token_in_the_evidence_is_caught_and_words_are_not() {
        let token = "AXEA6WgJJ9X2qk7ZyB2Kq1hFq3bW9xRkP0c8sTz5N2LyQrU1dXNv";
        let mut leaked = Finding::new(FindingCode::UnrecognisedReply);
        leaked.evidence = Some(format!("said {token}"));
        let input = format!("the server said {token}");
        let caught = std::panic::catch_unwind(|| no_secret_from(&input, &[leaked]));
        assert!(caught.is_err());
        let redacted = Finding::new(FindingCode::UnrecognisedReply).with_evidence(&input);
        no_secret_from(&input, &[redacted]);
        let words = "login.microsoftonline.com/common/oauth2/v2.0/token";
        let plain = Finding::new(FindingCode::UnrecognisedReply).with_evidence(words);
        no_secret_from(words, &[plain]);
    }
}
