//! Redaction: the last line of defence before any text becomes evidence, a log line or a report.
//!
//! Secrets are kept in secret types everywhere (`secrecy::SecretString`), so redaction is not how
//! secrets are protected; it catches what a *server* echoes back (a token in an error body, a
//! code in a URL) and removes per-call noise (Exchange's bracketed host/time/id trailer, Gmail's
//! per-message id) so that the same fault always reads the same.

use std::sync::LazyLock;

use regex::Regex;

struct Rule {
    pattern: Regex,
    replacement: &'static str,
}

fn rule(pattern: &str, replacement: &'static str) -> Rule {
    Rule {
        // Cannot fire: only the constant patterns in RULES are compiled, and the first
        // `redact` call compiles them all (every test in this file makes one).
        pattern: Regex::new(pattern).expect("redaction patterns are valid"),
        replacement,
    }
}

static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    vec![
        // JSON fields that carry secrets: "refresh_token": "..."
        rule(
            r#"(?i)"(access_token|refresh_token|id_token|client_secret|password|code|device_code|code_verifier|state|nonce|assertion|client_assertion)"\s*:\s*"[^"]*""#,
            r#""$1":"[removed]""#,
        ),
        // Form or query parameters: code=...&state=... (`(?-u:\b)`: an ASCII word boundary,
        // which keeps the search a DFA on any text; a Unicode one falls back to a slower engine
        // on non-ASCII text.)
        rule(
            r#"(?i)(?-u:\b)(access_token|refresh_token|id_token|client_secret|password|code|device_code|code_verifier|state|nonce|client_assertion)=[^&\s"'<>]+"#,
            "$1=[removed]",
        ),
        // Authorization headers and XOAUTH2 payloads.
        rule(r"(?i)(?-u:\b)(bearer)\s+[^\s\x01]+", "$1 [removed]"),
        rule(
            r"(?i)(?-u:\b)auth=bearer\s*[^\s\x01]*",
            "auth=Bearer [removed]",
        ),
        // JWTs (three base64url parts starting with a JSON header).
        rule(
            r"eyJ[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]*",
            "[token removed]",
        ),
        // Long base64 runs: XOAUTH2 blobs, opaque tokens.
        rule(r"[A-Za-z0-9+/_]{40,}={0,2}", "[data removed]"),
        // Exchange Online's per-call trailer: [MN2PR05CA0004.namprd05.prod.outlook.com 2023-09-12T20:59:57.214Z 08DBB276B7E699C4]
        rule(
            r"\[[A-Za-z0-9-]+\.(?:[A-Za-z0-9-]+\.)*(?:outlook|office365)\.com(?:\s[^\]]*)?\]",
            "[server details removed]",
        ),
        // Gmail's per-message id before "- gsmtp": "o13sm2119833lfg.90 - gsmtp"
        rule(r"\s[A-Za-z0-9]{6,}[-.A-Za-z0-9]*\s-\sgsmtp", " - gsmtp"),
        // The relay's local passwords (`assistant::relay`): four groups of five.
        rule(
            r"(?-u:\b)[a-km-z2-9]{5}(?:-[a-km-z2-9]{5}){3}(?-u:\b)",
            "[password removed]",
        ),
    ]
});

/// A run of token characters: base64, base64url and the `.`, `-`, `~` that Entra's refresh
/// tokens (`0.AXYZ...-..._...`) and opaque tokens mix in, so a token cut by a `-` into pieces
/// shorter than the base64 rule above is still one run.
static TOKEN_RUN: LazyLock<Regex> = LazyLock::new(|| {
    // Cannot fire: a constant pattern, compiled by every test of this file.
    Regex::new(r"[A-Za-z0-9+/_.~-]{40,}={0,2}").expect("the token pattern is valid")
});

/// Whether a run of token characters reads like a secret: digits, lower case letters and many
/// upper case letters mixed, as in random base64 (about 4 in 10 upper case; 1 in 5 at least). Words, host
/// names, class names and trace ids (lower case GUIDs) do not: they lack one kind, or have a
/// capital here and there (`Microsoft.Exchange.Data.Storage.2016.StoreDriverDelivery`).
pub(crate) fn looks_random(run: &str) -> bool {
    let upper = run.bytes().filter(u8::is_ascii_uppercase).count();
    run.bytes().any(|b| b.is_ascii_digit())
        && run.bytes().any(|b| b.is_ascii_lowercase())
        && upper >= 2
        && upper * 5 >= run.len()
}

/// Removes secrets and per-call identifiers from `text`.
///
/// Keeps: status codes, enhanced codes, AADSTS numbers, Entra trace/correlation ids (Microsoft
/// support asks for them), addresses and human-readable words.
pub fn redact(text: &str) -> String {
    let mut out = text.to_string();
    for r in RULES.iter() {
        out = r.pattern.replace_all(&out, r.replacement).into_owned();
    }
    // `\x01` (XOAUTH2's separator) shown as `^A` before runs are judged: the `A` joins the run
    // that follows, and the run must be judged as it will be shown.
    let out = out.replace('\x01', "^A");
    let out = TOKEN_RUN.replace_all(&out, |c: &regex::Captures<'_>| {
        // Judged without its `=` padding, as anything that looks for secrets judges a run.
        if looks_random(c[0].trim_end_matches('=')) {
            "[data removed]".to_owned()
        } else {
            c[0].to_owned()
        }
    });
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_relays_local_passwords_are_removed() {
        let out = redact("user ann@example.edu pass abcde-fghij-kmnpq-rstuv sent");
        assert_eq!(out, "user ann@example.edu pass [password removed] sent");
        assert_eq!(redact("x-ray-media-audio-video"), "x-ray-media-audio-video");
    }

    #[test]
    fn a_run_after_a_separator_is_judged_as_shown() {
        // Found by fuzzing (fuzz/regressions/explain/run-after-xoauth2-separator): shown as `^A`, the `A`
        // joins the run after it, which then looks random.
        let out = redact("x\x01ADSTS780480d5b-b112-36a30oS4b66oS4b66dia6Z y");
        assert_eq!(out, "x^[data removed] y");
    }

    #[test]
    fn removes_token_fields_and_params() {
        let body = r#"{"access_token":"abc.def","refresh_token":"0.AXYZ","id_token":"x","token_type":"Bearer"}"#;
        let out = redact(body);
        assert!(!out.contains("abc.def") && !out.contains("0.AXYZ"), "{out}");
        assert!(out.contains(r#""token_type":"Bearer""#));
        let url =
            "http://127.0.0.1:5000/?code=SplxlOBeZQQYbYS6WxSbIA&state=af0ifjsldkj&session_state=1";
        let out = redact(url);
        assert!(
            !out.contains("SplxlOBeZQQYbYS6WxSbIA") && !out.contains("af0ifjsldkj"),
            "{out}"
        );
    }

    #[test]
    fn removes_jwts_bearer_and_xoauth2_blobs() {
        let jwt = "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.eyJhdWQiOiJodHRwczovL2dyYXBoIn0.c2ln";
        assert_eq!(
            redact(&format!("token {jwt} end")),
            "token [token removed] end"
        );
        assert_eq!(
            redact("Authorization: Bearer abc123"),
            "Authorization: Bearer [removed]"
        );
        let blob = "AUTH XOAUTH2 dXNlcj11c2VyQGV4YW1wbGUuZWR1AWF1dGg9QmVhcmVyIEFDQ0VTU19UT0tFTgEB";
        assert_eq!(redact(blob), "AUTH XOAUTH2 [data removed]");
        assert_eq!(
            redact("user=a@b.c\x01auth=Bearer SECRETSECRET\x01\x01"),
            "user=a@b.c^Aauth=Bearer [removed]^A^A"
        );
    }

    #[test]
    fn strips_per_call_exchange_and_gmail_ids() {
        let reply = "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [MN2PR05CA0004.namprd05.prod.outlook.com 2023-09-12T20:59:57.214Z 08DBB276B7E699C4]";
        let out = redact(reply);
        assert!(
            out.ends_with("for more information. [server details removed]"),
            "{out}"
        );
        let g = "534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor o13sm2119833lfg.90 - gsmtp";
        assert_eq!(
            redact(g),
            "534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor - gsmtp"
        );
    }

    #[test]
    fn a_token_cut_by_dashes_and_dots_is_removed_whole() {
        // Entra refresh tokens mix `.`, `-` and `_` into base64url: no piece between two `-` is
        // 40 characters long, so the base64 rule alone left the pieces in place.
        let token =
            "0.AXEA6WgJJ9X2qk-7ZyB2Kq1h-Fq3bW9xRk-P0c8sTz5N2LyQ-AAAAAAAAAAAAwAAAAAAAAAAA-rU1dXNv";
        let out = redact(&format!("refresh failed for {token} at 10:00"));
        assert_eq!(out, "refresh failed for [data removed] at 10:00");
        // Its `=` padding does not count when judging it (fuzzing found a run with exactly one
        // capital in five that passed only because of its two `=`).
        let padded =
            "//support.google.com/mail/ans3.0.113.7yJzdGF0dXMiO0.113.7yJzdGF0dXMiOiI0MD-zY2hl==";
        assert_eq!(redact(padded), "[data removed]");
        // Host names, paths, lower case ids and words are kept.
        for kept in [
            "login.microsoftonline.com/common/oauth2/v2.0/token",
            "trace 0a1b2c3d-1111-2222-3333-444455556666-aaaa-bbbb",
            "org.apache.commons.mail.EmailException.SendFailedException",
            "Microsoft.Exchange.Data.Storage.2016.StoreDriverDelivery.Submission",
        ] {
            assert_eq!(redact(kept), kept);
        }
    }

    #[test]
    fn keeps_codes_and_trace_ids() {
        let t = "AADSTS700082: The refresh token has expired. Trace ID: 0a1b2c3d-1111-2222-3333-444455556666";
        assert_eq!(redact(t), t);
    }
}
