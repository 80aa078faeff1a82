//! "Paste an error": anything a person copies → the findings it contains.
//!
//! Accepted: an SMTP reply (one line or multi-line), an SMTP/IMAP transcript (`S:`/`C:` lines or
//! raw), an IMAP tagged or untagged reply, an XOAUTH2 error challenge (`334 <base64>` /
//! `+ <base64>`), an AADSTS message (e.g. copied from a browser error page), a token-endpoint
//! JSON body (also Python-style with single quotes), or the redirect URL with `error=`. Text
//! that matches nothing gives one honest `UNRECOGNISED_REPLY` finding that keeps the redacted
//! text. Client lines of a transcript (`C:`) are ignored: they may hold credentials.

use super::entra::{EntraError, EntraPhase, aadsts_in, entra};
use super::google::{GOOGLE_ONLY, google};
use super::reply::{self, SmtpReply, imap, smtp, xoauth2_challenge};
use crate::findings::{Finding, FindingCode, Param};

/// The most text `explain` reads: 1 MiB. An error message or a server's reply is a few lines, a
/// long transcript some kilobytes; a larger paste is a whole log, refused before any parsing
/// (with its size: [`too_long`]).
pub const MAX_TEXT_BYTES: usize = 1024 * 1024;

/// The findings in `text`, most specific first, each code once. Takes time linear in the
/// length of `text`; a text over [`MAX_TEXT_BYTES`] gives only `PASTED_TEXT_TOO_LONG`.
pub fn explain(text: &str) -> Vec<Finding> {
    if text.len() > MAX_TEXT_BYTES {
        return vec![too_long(text.len())];
    }
    let text = text.trim();
    let mut found = Vec::new();
    if let Some(f) = app_code(text) {
        found.push(f);
    } else if let Some(err) = entra_json(text).or_else(|| entra_url(text)) {
        found.push(oauth(&err, phase_of(&err)));
    } else if aadsts_in(text).is_some() {
        found.extend(aadsts_lines(text));
    } else if let Some(err) = google_page(text) {
        found.push(google(&err, EntraPhase::Authorize));
    } else {
        found.extend(reply_findings(text));
    }
    let mut seen = std::collections::HashSet::new();
    found.retain(|f| seen.insert(f.code));
    if found.len() > 1 {
        found.retain(|f| f.code != FindingCode::UnrecognisedReply);
    }
    if found.is_empty() {
        // The client's lines of a transcript may hold credentials (`AUTH PLAIN <base64>`, the
        // answers to `334` prompts): never kept, even redacted.
        let servers: Vec<&str> = text.lines().filter(|l| !client_line(l.trim())).collect();
        let shown: String = servers.join("\n").chars().take(600).collect();
        found.push(Finding::new(FindingCode::UnrecognisedReply).with_evidence(
            if shown.is_empty() {
                "(nothing was pasted)"
            } else {
                &shown
            },
        ));
    }
    found.into_iter().map(Finding::finish).collect()
}

/// This app's own words: a finding code typed alone (`RELAY_PASSWORD_REFUSED`), or a reply of the
/// local relay, which ends with its finding code (`535 5.7.8 mailsetup relay: … [CODE]`, see
/// `relay::reply`).
fn app_code(text: &str) -> Option<Finding> {
    use strum::IntoEnumIterator as _;
    let known = |name: &str| FindingCode::iter().find(|c| <&str>::from(*c) == name);
    // What the finding's words need but a pasted text does not say: the problem in neutral
    // words, and every name (whose mailbox, which account signed in, which tenant) as the
    // placeholder a fix step shows, e.g. "The browser signed in as <signed-in account>, not
    // <mailbox address>" (the neutral word "the account" would read "as the account, not the
    // account").
    let neutral = |code: FindingCode| {
        let problem = match code {
            FindingCode::RelaySenderNotAllowed => "detail-explain-another-address",
            FindingCode::RelayMessageTooBig => "detail-explain-named-limit",
            _ => "detail-explain-named-problem",
        };
        let f = Finding::new(code).with_if_used(Param::Problem, crate::l10n::tr(problem));
        let mut f = Param::iter()
            .filter(|p| *p != Param::Problem)
            .fold(f, |f, p| f.with_if_used(p, p.in_steps()));
        // "The server did not accept…": a sentence that starts with one of these words.
        f.title = super::super::capitalized(&f.title);
        f.explanation = super::super::capitalized(&f.explanation);
        f
    };
    // A code typed alone, also in small letters (`signed_in_as_different_account`); a single
    // word is a code only as written (`internal` is not `INTERNAL`).
    let typed = if text.contains('_') {
        text.to_ascii_uppercase()
    } else {
        text.to_owned()
    };
    if let Some(code) = known(&typed) {
        return Some(neutral(code));
    }
    let line = text.lines().find(|l| l.contains("mailsetup relay:"))?;
    let name = line.trim_end().strip_suffix(']')?.rsplit_once('[')?.1;
    // A reply is one short line: a longer one is shown cut, without control characters.
    let shown: String = line
        .trim()
        .chars()
        .filter(|c| !c.is_control())
        .take(600)
        .collect();
    Some(neutral(known(name)?).with_evidence(shown))
}

/// An OAuth error body or redirect: Google's when it has a Google-only `error` or points at
/// Google's pages and carries no AADSTS number, else Entra's.
fn oauth(err: &EntraError, phase: EntraPhase) -> Finding {
    let googles = GOOGLE_ONLY.contains(&err.error.as_str())
        || err
            .error_uri
            .as_deref()
            .is_some_and(|u| u.contains("google.com"))
        || err.error_subtype.is_some();
    if err.aadsts().is_none() && googles {
        google(err, phase)
    } else {
        entra(err, phase)
    }
}

/// Google's error page as a person copies it: `Error 400: admin_policy_enforced` (or `403`,
/// `401`), with the page's words (<https://support.google.com/accounts/answer/16668185>).
fn google_page(text: &str) -> Option<EntraError> {
    static ERROR_LINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        // Cannot fire: a constant pattern (every `google_page` test compiles it).
        regex::Regex::new(r"Error [45]\d\d: ([a-z][a-z_]{2,40})\b").expect("valid pattern")
    });
    let word = ERROR_LINE.captures(text)?.get(1)?.as_str().to_owned();
    let googles = GOOGLE_ONLY.contains(&word.as_str())
        || text.to_lowercase().contains("google")
        || matches!(
            word.as_str(),
            "invalid_client" | "invalid_request" | "invalid_grant" | "access_denied"
        );
    googles.then(|| EntraError {
        error: word,
        error_description: Some(
            text.chars()
                .take(600)
                .collect::<String>()
                .replace('\n', " "),
        ),
        ..Default::default()
    })
}

/// `PASTED_TEXT_TOO_LONG` for a text of `bytes` bytes, e.g. "2,411,724 bytes long (2.3 MB)".
pub fn too_long(bytes: usize) -> Finding {
    too_long_with(bytes, "detail-explain-text-size")
}

/// [`too_long`] for a text read only in part: it is `bytes` long at least (an endless input).
pub fn too_long_at_least(bytes: usize) -> Finding {
    too_long_with(bytes, "detail-explain-text-size-at-least")
}

/// `words`: the message that says the size (exact, or at least).
fn too_long_with(bytes: usize, words: &str) -> Finding {
    use crate::l10n::number;
    let mb = bytes as f64 / MAX_TEXT_BYTES as f64;
    Finding::new(FindingCode::PastedTextTooLong)
        .with(
            Param::Problem,
            crate::l10n::tr_with(
                words,
                &[
                    ("bytes", number(bytes as f64, 0).into()),
                    ("mb", number(mb, 1).into()),
                ],
            ),
        )
        .finish()
}

/// An Entra error without context: `invalid_grant` is what a refresh gets.
fn phase_of(err: &EntraError) -> EntraPhase {
    if err.error == "invalid_grant" {
        EntraPhase::Refresh
    } else {
        EntraPhase::CodeExchange
    }
}

/// A token-endpoint JSON body, also Python's repr with single quotes
/// (<https://github.com/simonrob/email-oauth2-proxy/issues/181>; test
/// `field_f14_f15_token_endpoint_bodies_json_and_python` in explain/tests.rs).
fn entra_json(text: &str) -> Option<EntraError> {
    let start = text.find('{')?;
    let end = text.rfind('}').filter(|end| *end > start)?;
    let body = &text[start..=end];
    let parse = |b: &str| {
        serde_json::from_str::<EntraError>(b)
            .ok()
            .filter(|e| !e.error.is_empty())
    };
    parse(body).or_else(|| parse(&body.replace('\'', "\"")))
}

/// A redirect URL or query string with `error=` (test `field_f11_redirect_urls_with_an_error` in
/// explain/tests.rs).
fn entra_url(text: &str) -> Option<EntraError> {
    let query = text.split_whitespace().find(|w| w.contains("error="))?;
    let query = query.split_once('?').map_or(query, |(_, q)| q);
    let mut err = EntraError::default();
    for (k, v) in url::form_urlencoded::parse(query.trim_start_matches(['/', '?']).as_bytes()) {
        match k.as_ref() {
            "error" => err.error = v.into_owned(),
            "error_description" => err.error_description = Some(v.into_owned()),
            "error_uri" => err.error_uri = Some(v.into_owned()),
            _ => {}
        }
    }
    (!err.error.is_empty()).then_some(err)
}

/// Each line with an AADSTS number, with the OAuth error word when the text has one.
fn aadsts_lines(text: &str) -> Vec<Finding> {
    const ERRORS: &[&str] = &[
        "invalid_grant",
        "invalid_client",
        "invalid_request",
        "access_denied",
        "unauthorized_client",
        "invalid_scope",
        "interaction_required",
        "consent_required",
    ];
    let error = ERRORS
        .iter()
        .find(|e| text.contains(*e))
        .copied()
        .unwrap_or("");
    text.lines()
        .filter(|l| aadsts_in(l).is_some())
        .map(|line| {
            let at = line.find("AADSTS").unwrap_or(0);
            let err = EntraError {
                error: error.into(),
                error_description: Some(line[at..].trim().to_owned()),
                ..Default::default()
            };
            entra(&err, phase_of(&err))
        })
        .collect()
}

/// Server lines of a mail transcript → findings.
fn reply_findings(text: &str) -> Vec<Finding> {
    let mut found = Vec::new();
    let mut block: Vec<&str> = Vec::new();
    // The last sign-in the client started was with a password (AUTH LOGIN / PLAIN).
    let mut basic = false;
    let flush = |block: &mut Vec<&str>, found: &mut Vec<Finding>, basic: bool| {
        if !block.is_empty() {
            if let Some(reply) = SmtpReply::parse(&block.join("\n"))
                && reply.status >= 400
            {
                found.push(after_basic(smtp(&reply), &reply, basic));
            }
            block.clear();
        }
    };
    for raw in text.lines() {
        let line = raw.trim();
        if let Some(auth) = client_auth(line) {
            basic = auth;
        }
        if line.is_empty() || client_line(line) {
            flush(&mut block, &mut found, basic);
            continue;
        }
        let line = line.strip_prefix("S:").map_or(line, str::trim_start);
        // XOAUTH2 error challenges: SMTP `334 <b64>`, IMAP `+ <b64>`.
        if let Some(b64) = line
            .strip_prefix("334 ")
            .or_else(|| line.strip_prefix("+ "))
            && let Some(json) = xoauth2_challenge(b64)
        {
            flush(&mut block, &mut found, basic);
            found.push(
                Finding::new(FindingCode::AuthRejected)
                    .with(Param::Server, crate::l10n::tr("detail-explain-the-server"))
                    .with_evidence(format!("XOAUTH2 challenge: {json}")),
            );
            continue;
        }
        if starts_with_status(line) {
            block.push(line);
            if line.as_bytes().get(3) != Some(&b'-') {
                flush(&mut block, &mut found, basic);
            }
            continue;
        }
        flush(&mut block, &mut found, basic);
        if let Some(rest) = imap_failure(line) {
            let f = imap(rest);
            if f.code != FindingCode::UnrecognisedReply || !line.starts_with("* BYE") {
                found.push(f);
            }
        } else if let Some(at) = reply_start(line)
            && let Some(reply) = SmtpReply::parse(line[at..].trim_end_matches(['\'', '"', ')']))
            && reply.status >= 400
        {
            found.push(after_basic(smtp(&reply), &reply, basic));
        }
    }
    flush(&mut block, &mut found, basic);
    found
}

/// A client's line of a transcript (`C:`, swaks' `->`/`~>`) or a bare `AUTH` command.
fn client_line(line: &str) -> bool {
    ["C:", "C ", "~>", "->", "-->"]
        .iter()
        .any(|p| line.starts_with(p))
        || client_auth(line).is_some()
}

/// Whether `line` is a client's SMTP `AUTH` command (in a transcript: `C: AUTH LOGIN`, swaks'
/// `~> AUTH PLAIN …`, or bare), and if so whether it signs in with a password. Only the command
/// and mechanism are read, never what follows them.
fn client_auth(line: &str) -> Option<bool> {
    let command = ["C:", "C ", "~>", "->"]
        .iter()
        .find_map(|p| line.strip_prefix(p))
        .unwrap_or(line)
        .trim_start();
    let mut words = command.split_ascii_whitespace();
    if !words.next()?.eq_ignore_ascii_case("AUTH") {
        return None;
    }
    let mechanism = words.next()?;
    Some(
        ["LOGIN", "PLAIN"]
            .iter()
            .any(|m| mechanism.eq_ignore_ascii_case(m)),
    )
}

/// Exchange's `535 5.7.3 Authentication unsuccessful` in answer to a password sign-in: a wrong
/// password or Basic authentication switched off (test
/// `every_form_of_the_basic_authentication_refusal_is_recognised`).
fn after_basic(f: Finding, reply: &SmtpReply, basic: bool) -> Finding {
    let exchange_5_7_3 = reply.status == 535
        && reply.enhanced.as_deref() == Some("5.7.3")
        && reply
            .text
            .to_ascii_lowercase()
            .contains("authentication unsuccessful");
    if basic && exchange_5_7_3 && f.code == FindingCode::AuthRejected {
        return Finding::new(FindingCode::M365PasswordRefused).with_evidence(reply.one_line());
    }
    f
}

/// Where an SMTP reply starts inside a line that is not itself a reply: an enhanced code alone
/// (`5.7.60 SMTP; Client does not have permissions ...`) or a reply quoted in a bounce message
/// (`Remote Server returned '554 5.2.0 STOREDRV...'`). Failure classes only (4 and 5).
fn reply_start(line: &str) -> Option<usize> {
    let boundary =
        |i: usize| i == 0 || !line[..i].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '.');
    line.char_indices()
        .map(|(i, _)| i)
        .filter(|&i| boundary(i))
        .find(|&i| {
            let rest = &line[i..];
            let enhanced_at =
                if starts_with_status(rest) && matches!(rest.as_bytes()[0], b'4' | b'5') {
                    4
                } else {
                    0
                };
            // An enhanced code is at most 11 characters (RFC 3463 §2): look no further, so the
            // scan stays linear in the line's length.
            let after = rest.get(enhanced_at..).unwrap_or("");
            let window = after
                .char_indices()
                .nth(12)
                .map_or(after, |(end, _)| &after[..end]);
            let token = window
                .split([' ', ';', ',', '\'', ')'])
                .next()
                .unwrap_or("");
            !token.starts_with('2') && reply::is_enhanced_code(token)
        })
}

fn starts_with_status(line: &str) -> bool {
    reply::split_status(line).0.is_some()
}

/// The text of an IMAP `NO`/`BAD`/`BYE` (tagged or untagged), an `[ALERT]`, or a POP `-ERR`.
fn imap_failure(line: &str) -> Option<&str> {
    if line.starts_with("-ERR") {
        return Some(line);
    }
    let (_tag, rest) = line.split_once(' ')?;
    let upper = rest.to_ascii_uppercase();
    if upper.starts_with("NO ")
        || upper.starts_with("BAD ")
        || upper.starts_with("BYE ")
        || upper.contains("[ALERT]")
        || upper.contains("[WEBALERT")
    {
        Some(rest)
    } else {
        None
    }
}

#[cfg(test)]
mod tests;
