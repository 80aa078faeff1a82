//! Pinned JSON of every finding code (the UI and scripts contract).

use super::*;
use strum::IntoEnumIterator as _;

/// Regenerate with `UPDATE_SNAPSHOTS=1 cargo test -p mailsetup-core findings`.
const SNAPSHOT: &str = "tests/snapshots/findings.json";

#[test]
fn finding_json_shape_is_pinned() {
    let f = Finding::new(FindingCode::M365SmtpAuthDisabled)
        .with(Param::Problem, "for this mailbox")
        .with(Param::Mailbox, "ann@example.edu")
        .with_evidence("535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. [AB1PR01.prod.outlook.com 1 2]");
    let json = serde_json::to_value(&f).unwrap();
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "audience",
            "code",
            "docUrl",
            "evidence",
            "explanation",
            "forUser",
            "steps",
            "title"
        ]
    );
    assert_eq!(json["code"], "M365_SMTP_AUTH_DISABLED");
    assert_eq!(json["audience"], "admin");
    assert_eq!(
        json["evidence"],
        "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. [server details removed]"
    );
    assert!(json["steps"][1].as_str().unwrap().contains(
        "Set-CASMailbox -Identity ann@example.edu -SmtpClientAuthenticationDisabled $false"
    ));
}

#[test]
fn user_and_admin_wording_are_kept_apart() {
    // A user's finding that an administrator may have to fix carries the admin's words apart.
    let f = Finding::new(FindingCode::InteractiveRequired)
        .with(Param::Authority, "https://login.microsoftonline.com")
        .with(Param::Tenant, "contoso.onmicrosoft.com")
        .with(Param::ClientId, "11111111-2222-3333-4444-555555555555");
    assert_eq!(f.audience, Audience::User);
    let admin = f.for_admin.expect("admin part");
    assert!(admin.steps[0].contains(
        "https://login.microsoftonline.com/contoso.onmicrosoft.com/adminconsent?client_id=11111111-2222-3333-4444-555555555555"
    ));
    // An administrator's finding tells the user what to do with it.
    let f = Finding::new(FindingCode::AppRegistrationNotPublicClient);
    assert_eq!(f.for_user.as_deref(), Some(admin_handoff().as_str()));
    assert!(f.for_admin.is_none());
}

#[test]
fn every_code_is_pinned() {
    let all: serde_json::Value = FindingCode::iter()
        .map(|c| {
            let f = Finding::new(c);
            // The vault's steps differ per OS (catalogue::vault_steps, tested in vault): pin
            // Linux's count, so the snapshot holds on every OS the tests run on.
            let steps = catalogue::vault_steps(c, crate::platform::Os::Linux)
                .map_or(f.steps.len(), |s| s.len());
            serde_json::json!({"code": f.code, "audience": f.audience, "title": f.title, "steps": steps, "docUrl": f.doc_url})
        })
        .collect();
    let text = serde_json::to_string_pretty(&all).unwrap() + "\n";
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SNAPSHOT);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &text).unwrap();
    }
    let pinned =
        std::fs::read_to_string(&path).expect("snapshot exists; run with UPDATE_SNAPSHOTS=1 once");
    // Report the first differing line only (the whole catalogue is long).
    if let Some((n, (got, want))) = text
        .lines()
        .zip(pinned.lines())
        .enumerate()
        .find(|(_, (a, b))| a != b)
    {
        panic!(
            "finding catalogue changed at line {}: {got:?} (pinned: {want:?}); review, then UPDATE_SNAPSHOTS=1",
            n + 1
        );
    }
    assert_eq!(
        text.lines().count(),
        pinned.lines().count(),
        "finding catalogue grew or shrank: review, then UPDATE_SNAPSHOTS=1"
    );
}

#[test]
fn every_code_has_words_and_steps() {
    let mut seen = std::collections::HashSet::new();
    for code in FindingCode::iter() {
        assert!(seen.insert(code.as_str()), "duplicate {code}");
        assert_eq!(
            serde_json::json!(code),
            code.as_str(),
            "text form = JSON form"
        );
        let f = Finding::new(code)
            .with_if_used(Param::Problem, "a detail")
            .finish();
        assert!(!f.title.is_empty() && !f.explanation.is_empty(), "{code}");
        assert!(!f.steps.is_empty(), "{code} has no fix steps");
        assert!(
            !f.title.contains('{') && !f.explanation.contains('{'),
            "{code}: {}",
            f.title
        );
    }
}

#[test]
fn placeholders_fill_and_leftovers_are_tidied() {
    let f = Finding::new(FindingCode::SignedInAsDifferentAccount)
        .with(Param::Mailbox, "a@example.edu")
        .finish();
    assert!(
        f.title.contains("a@example.edu") && f.title.contains("the account"),
        "{}",
        f.title
    );
}

#[test]
fn leftover_context_is_tidied_in_steps_too() {
    let f = Finding::new(FindingCode::InteractiveRequired).finish();
    assert!(
        f.explanation.starts_with("Microsoft needs you"),
        "{}",
        f.explanation
    );
    assert!(f.steps[0].contains("`mailsetup signin <mailbox address>`"));
    let admin = f.for_admin.expect("admin part");
    assert!(admin.steps[0].contains(
        "https://login.microsoftonline.com/<tenant-id>/adminconsent?client_id=<client-id>"
    ));
}

#[cfg(debug_assertions)]
#[test]
#[should_panic(expected = "TLS_FAILED: [Server, Problem] left unfilled")]
fn finish_requires_the_problem() {
    let _ = Finding::new(FindingCode::TlsFailed).finish();
}

#[test]
fn an_internal_finding_keeps_its_redacted_cause() {
    let jwt = "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.eyJhdWQiOiJodHRwczovL2dyYXBoIn0.c2ln";
    let f = Finding::internal(format!(
        "POST /token?client_secret=s3cr3t&code=SplxlOBeZQQYbYS6 answered {jwt}"
    ));
    assert_eq!(f.code, FindingCode::Internal);
    assert_eq!(
        f.cause.as_deref(),
        Some("POST /token?client_secret=[removed]&code=[removed] answered [token removed]")
    );
    // The person reads the catalogue's words only; the JSON carries the cause.
    assert_eq!(f.title, Finding::new(FindingCode::Internal).title);
    assert!(!f.to_text().contains("client_secret"), "{}", f.to_text());
    let json = serde_json::to_value(&f).unwrap();
    assert_eq!(json["cause"], f.cause.as_deref().unwrap());
    // Every other finding has none, and its JSON no `cause` key.
    let other = serde_json::to_value(Finding::new(FindingCode::DnsFailed)).unwrap();
    assert!(other.get("cause").is_none(), "{other}");
}

#[tokio::test]
async fn a_stopped_task_never_shows_its_panic_message() {
    let secret = "refresh token 0.AXYZ-secret-value";
    let joined = tokio::task::spawn(async move { panic!("{secret}") }).await;
    let f = Finding::task_stopped(&joined.unwrap_err());
    assert_eq!(f.code, FindingCode::Internal);
    let shown = serde_json::to_string(&f).unwrap();
    assert!(
        !shown.contains("AXYZ") && shown.contains("panic"),
        "{shown}"
    );
}
