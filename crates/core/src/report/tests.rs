//! The report: same facts in text, JSON and HTML; escaped; no secret.

use super::*;
use crate::findings::{Finding, FindingCode, Param};
use crate::oauth::claims::TokenClaims;
use crate::outcome::Action;
use crate::progress::{Status, Step, StepRecord};

fn sample() -> Report {
    let failing = Finding::new(FindingCode::M365SmtpAuthDisabled)
        .with(Param::Mailbox, "ann@example.edu")
        .with(Param::Problem, "for this mailbox")
        .with_evidence("535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. [AB1PR01.prod.outlook.com 1 2] <script>alert(1)</script>")
        .finish();
    let verify = Outcome {
        action: Action::Verify,
        address: "Ann@example.edu".into(),
        passed: false,
        steps: vec![
            StepRecord {
                step: Step::TokenRefresh,
                status: Status::Passed,
                start_ms: 0,
                ms: 120,
                detail: Some("renewed".into()),
                finding: None,
            },
            StepRecord {
                step: Step::SmtpAuth,
                status: Status::Failed,
                start_ms: 0,
                ms: 80,
                detail: None,
                finding: Some(failing),
            },
            StepRecord {
                step: Step::Port25,
                status: Status::Info,
                start_ms: 0,
                ms: 3001,
                detail: Some("port 25 gave no answer".into()),
                finding: None,
            },
        ],
        discovery: None,
        account: None,
        confirm: None,
        token: Some(TokenClaims {
            tid: Some("tenant-guid".into()),
            oid: Some("oid-guid".into()),
            upn: Some("ann@example.edu".into()),
            scp: Some("IMAP.AccessAsUser.All SMTP.Send".into()),
            aud: Some("https://outlook.office.com".into()),
            exp: Some(1_900_000_000),
        }),
        diagnosis: None,
    };
    let profile = ProfileFacts::from_profile(
        &crate::profile::microsoft365(&crate::settings::Settings::default()),
        SignInMethod::OAuth,
    );
    Report::new("Ann@example.edu", None, profile, vec![verify])
}

#[test]
fn text_json_and_html_carry_the_same_facts() {
    let r = sample();
    assert!(!r.passed());
    let text = text::render(&r);
    let json = r.to_json();
    let html = html::render(&r);
    for needle in [
        "Ann@example.edu",
        "smtp.office365.com:587 (STARTTLS)",
        "tenant-guid",
        "SMTP.Send",
        "M365_SMTP_AUTH_DISABLED",
        "Set-CASMailbox",
    ] {
        assert!(text.contains(needle), "text lacks {needle}:\n{text}");
        assert!(json.contains(needle), "json lacks {needle}");
        assert!(html.contains(needle), "html lacks {needle}");
    }
    assert!(
        text.contains("[FAIL] Signing in to the sending server (80 ms)"),
        "{text}"
    );
    assert!(text.contains("[INFO] Checking port 25"), "{text}");
    let back: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r, "JSON round-trips");
}

#[test]
fn html_is_self_contained_and_escaped() {
    let html = html::render(&sample());
    assert!(html.starts_with("<!doctype html>"));
    assert!(!html.contains("<script"), "pasted markup is escaped");
    assert!(html.contains("&lt;script&gt;"));
    assert!(
        !html.contains("src=") && !html.contains("<link"),
        "nothing loaded from elsewhere"
    );
    assert!(html.contains("default-src 'none'"));
    assert!(
        !html.contains("AB1PR01"),
        "per-call server ids are removed from evidence"
    );
}

#[test]
fn file_format_follows_the_extension() {
    let r = sample();
    assert!(
        r.render_for_file(std::path::Path::new("r.JSON"))
            .starts_with('{')
    );
    assert!(
        r.render_for_file(std::path::Path::new("r.html"))
            .starts_with("<!doctype")
    );
    assert!(
        r.render_for_file(std::path::Path::new("r.txt"))
            .starts_with("MAIL SETUP")
    );
    let name = r.file_name("html");
    assert!(
        name.starts_with("mailsetup-report-Ann-example.edu-") && name.ends_with(".html"),
        "{name}"
    );
}

#[test]
fn an_app_password_account_shows_no_oauth_facts() {
    let mut settings = crate::settings::Settings::default();
    settings.google.client_id = Some("123-demo.apps.googleusercontent.com".into());
    let google = crate::profile::google(&settings);
    let password = ProfileFacts::from_profile(&google, SignInMethod::Password);
    assert_eq!(password.sign_in, "Google App Password");
    assert_eq!(
        (
            password.authority,
            password.client_id,
            password.scopes.len()
        ),
        (None, None, 0),
        "a password account has no authority, client id or scopes"
    );
    let oauth = ProfileFacts::from_profile(&google, SignInMethod::OAuth);
    assert!(oauth.sign_in.starts_with("OAuth"));
    assert_eq!(
        oauth.client_id.as_deref(),
        Some("123-demo.apps.googleusercontent.com")
    );
    let r = Report::new("ann@gmail.example", None, password_facts(), Vec::new());
    let text = text::render(&r);
    assert!(text.contains("Sign-in method"), "{text}");
    assert!(!text.contains("Scopes"), "{text}");
}

fn password_facts() -> ProfileFacts {
    ProfileFacts::from_profile(
        &crate::profile::google(&crate::settings::Settings::default()),
        SignInMethod::Password,
    )
}

#[test]
fn the_report_names_the_log_the_proxy_in_use_and_the_certificate_verifier() {
    use crate::net::proxy::{ProxyFacts, SystemProxy, SystemSource};
    let mut r = sample();
    r.log = r"C:\Users\ann\AppData\Local\mailsetup\logs (desktop.<date>.log)".into();
    let system = SystemProxy {
        https: Some("http://proxy.contoso.com:8080".into()),
        exceptions: vec!["<local>".into()],
        bypass_simple_names: true,
        ..SystemProxy::new(SystemSource::WindowsInternetOptions)
    };
    r.results[0].diagnosis = Some(crate::diagnosis::Diagnosis {
        proxy: ProxyFacts::default().with_system(Some(system)),
        certificates: "the operating system's certificate verifier".into(),
        ..Default::default()
    });
    let text = text::render(&r);
    for line in [
        r"  Log: C:\Users\ann\AppData\Local\mailsetup\logs (desktop.<date>.log)",
        "  Proxy: sign-in through the system proxy http://proxy.contoso.com:8080 (Windows proxy settings; not for <local>)",
        "  Certificates checked by: the operating system's certificate verifier",
    ] {
        assert!(text.contains(line), "{line}\n{text}");
    }
    let back: Report = serde_json::from_str(&r.to_json()).unwrap();
    assert_eq!(back, r, "JSON round-trips");
}

#[test]
fn an_internal_findings_cause_is_shown_as_technical_detail_without_secrets() {
    let mut r = sample();
    let internal = Finding::internal(
        "token cache unreadable: {\"refresh_token\":\"0.AXYZ-secret-refresh\"} Authorization: Bearer SECRETACCESS <b>",
    );
    r.results[0].steps[1].finding = Some(internal);
    let text = text::render(&r);
    let json = r.to_json();
    let html = html::render(&r);
    for (out, shown) in [
        (&text, "         Technical detail: token cache unreadable:"),
        (&json, "\"cause\": \"token cache unreadable:"),
        (
            &html,
            "<details class=\"cause\"><summary>Technical detail</summary><pre>token cache unreadable:",
        ),
    ] {
        assert!(out.contains(shown), "{shown} not in:\n{out}");
    }
    assert!(html.contains("&lt;b&gt;"), "the cause is escaped");
    for out in [&text, &json, &html] {
        assert!(
            !out.contains("0.AXYZ") && !out.contains("SECRETACCESS"),
            "a secret reached the report:\n{out}"
        );
    }
    let back: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r, "JSON round-trips");
}

#[test]
fn a_report_reads_in_the_persons_language_with_the_same_codes_and_json() {
    use crate::l10n::{Language, with};
    let english = with(Language::English, sample);
    let spanish = with(Language::Spanish, sample);
    let (text, html) = with(Language::Spanish, || {
        (text::render(&spanish), html::render(&spanish))
    });
    assert!(
        text.starts_with("INFORME DE MAIL SETUP ASSISTANT"),
        "{text}"
    );
    assert!(text.contains("Buzón y equipo") && text.contains("M365_SMTP_AUTH_DISABLED"));
    assert!(!text.contains("Mailbox and computer"), "{text}");
    assert!(html.contains("<html lang=\"es\">"), "{html}");
    // The JSON's keys and codes are the same in every language; only the words differ.
    let keys = |r: &Report| {
        let v: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
        v.as_object().unwrap().keys().cloned().collect::<Vec<_>>()
    };
    assert_eq!(keys(&spanish), keys(&english));
    assert!(spanish.to_json().contains("\"M365_SMTP_AUTH_DISABLED\""));
}
