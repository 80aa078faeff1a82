//! The languages from the outside: every message the code names exists, and findings and
//! durations read in the chosen language (crates/core/src/l10n has the files' own rules).

use mailsetup_core::l10n::{Language, inventory, with};

#[test]
fn plurals_follow_the_language() {
    let d = |secs| mailsetup_core::findings::human_duration(std::time::Duration::from_secs(secs));
    with(Language::English, || {
        assert_eq!(d(1), "1 second");
        assert_eq!(d(10), "10 seconds");
        assert_eq!(d(300), "5 minutes");
    });
    with(Language::Spanish, || {
        assert_eq!(d(1), "1 segundo");
        assert_eq!(d(10), "10 segundos");
        assert_eq!(d(300), "5 minutos");
    });
}

/// Numbers with decimals and large numbers are written as the language writes them.
#[test]
fn numbers_in_findings_follow_the_language() {
    use mailsetup_core::findings::{classify::explain, human_duration};
    let short = std::time::Duration::from_millis(700);
    assert_eq!(
        with(Language::English, || human_duration(short)),
        "0.7 seconds"
    );
    assert_eq!(
        with(Language::Spanish, || human_duration(short)),
        "0,7 segundos"
    );
    let long = std::time::Duration::from_secs(10_001);
    assert_eq!(
        with(Language::English, || human_duration(long)),
        "10,001 seconds"
    );
    assert_eq!(
        with(Language::Spanish, || human_duration(long)),
        "10.001 segundos"
    );
    let problem = |language| with(language, || explain::too_long(2_411_724).explanation);
    assert!(problem(Language::English).contains("2,411,724 bytes long (2.3 MB)"));
    let spanish = problem(Language::Spanish);
    assert!(
        spanish.contains("2.411.724") && spanish.contains("(2,3 MB)"),
        "{spanish}"
    );
}

/// Every message the code asks for by a name it builds (a finding code's, a step's, a
/// parameter's) is in the English files, with the attributes the code reads.
#[test]
fn every_message_the_code_names_exists() {
    use strum::IntoEnumIterator as _;
    let english: std::collections::HashMap<String, Vec<String>> =
        inventory(Language::English).into_iter().collect();
    let has = |id: &str, attribute: Option<&str>| {
        english
            .get(id)
            .is_some_and(|attributes| attribute.is_none_or(|a| attributes.iter().any(|x| x == a)))
    };
    for code in mailsetup_core::findings::FindingCode::iter() {
        let id = mailsetup_core::findings::catalogue::message_id(code);
        assert!(
            has(&id, Some("explanation")),
            "{id}: no message or explanation"
        );
        let steps = english[&id].iter().any(|a| a.ends_with("step-1"));
        assert!(steps, "{id}: no fix step");
    }
    for step in mailsetup_core::progress::Step::iter() {
        assert!(has(&step.message_id(), Some("passed")), "{step:?}");
    }
    for param in mailsetup_core::findings::Param::iter() {
        let id = format!("param-{}", param.name().replace('_', "-"));
        assert!(has(&id, Some("in-steps")), "{id}");
    }
    for os in ["windows", "macos", "linux"] {
        assert!(has(&format!("vault-name-{os}"), None));
    }
    for id in [
        "admin-handoff",
        "finding-more",
        "finding-evidence",
        "finding-for",
    ] {
        assert!(has(id, None), "{id}");
    }
    for id in ["duration-seconds", "duration-minutes"] {
        assert!(has(id, None), "{id}");
    }
    for spec in mailsetup_core::settings::schema::SCHEMA {
        assert!(has(&spec.message_id(), Some("description")), "{spec:?}");
    }
    for section in mailsetup_core::settings::schema::SECTIONS {
        assert!(
            has(&format!("settings-section-{section}"), None),
            "{section}"
        );
    }
    for format in mailsetup_core::deploy::Format::ALL {
        assert!(has(&format!("deploy-purpose-{}", format.name()), None));
    }
    with(Language::English, || {
        for item in mailsetup_core::registration::ItemId::iter() {
            assert!(item.label().starts_with(char::is_uppercase), "{item:?}");
        }
    });
}

/// Every message id written out in the code of the core, the CLI and the desktop shell (not
/// their test files) is in the English files: a message renamed or mistyped would otherwise
/// show its id to the person. An id is any string literal shaped like one (`check-summary-ready`)
/// whose first word starts some message (`check-`), wherever it is written (`tr("…")`, a `match`
/// arm, a variable); a `format!` family (`check-item-{name}`) must start some message.
#[test]
fn every_message_id_written_in_the_code_exists() {
    // Message ids, and attribute names (the catalogue reads `.admin-step-N`).
    let english: Vec<String> = inventory(Language::English)
        .into_iter()
        .flat_map(|(id, attributes)| std::iter::once(id).chain(attributes))
        .collect();
    let families: std::collections::HashSet<&str> = english
        .iter()
        .filter_map(|id| id.split_once('-').map(|(first, _)| first))
        .collect();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let (mut ids, mut prefixes, mut missing) = (0, 0, Vec::new());
    for dir in ["crates/core/src", "crates/cli/src", "src-tauri"] {
        // The fuzz targets' inputs are not words.
        let files = rust_files(&root.join(dir));
        for file in files
            .iter()
            .filter(|f| !f.to_string_lossy().contains("/fuzzing/"))
        {
            let code = std::fs::read_to_string(file).unwrap();
            // A file's own tests (at its end) may name made-up messages.
            let code = code
                .split("#[cfg(test)]\nmod tests {")
                .next()
                .unwrap_or_default();
            for literal in written_ids(code, &families) {
                // `step-{n}`, or a prefix written alone (`"page-"`) that a name is added to.
                let family = literal
                    .split_once('{')
                    .map(|(prefix, _)| prefix)
                    .or_else(|| literal.ends_with('-').then_some(literal.as_str()));
                let known = match family {
                    None => {
                        ids += 1;
                        english.contains(&literal)
                    }
                    Some(prefix) => {
                        prefixes += 1;
                        english.iter().any(|id| id.starts_with(prefix))
                    }
                };
                if !known {
                    missing.push(format!("{}: {literal}", file.display()));
                }
            }
        }
    }
    assert_eq!(
        missing,
        Vec::<String>::new(),
        "ids (or id families) with no message"
    );
    assert!(
        ids > 300 && prefixes > 5,
        "the scan finds the ids ({ids}, {prefixes} families)"
    );
}

/// Literals shaped like an id that are not one.
const NOT_IDS: &[&str] = &[
    // a variable's value a message selects on (`health-ended`'s `$reason`)
    "mfa-setup",
    // programs, autoconfig's authentication words, a command-line option
    "google-chrome",
    "google-chrome-stable",
    "password-",
    "send-as",
];

/// The string literals of `code` that name a message or a family of messages: lowercase words
/// joined by `-` (a `{…}` part allowed), the first word one that starts a message.
fn written_ids(code: &str, families: &std::collections::HashSet<&str>) -> Vec<String> {
    let literal = regex::Regex::new(r#""([a-z][a-z0-9]*-[a-z0-9{}_$-]*)""#).unwrap();
    literal
        .captures_iter(code)
        .map(|c| c[1].to_owned())
        .filter(|id| {
            id.split_once('-')
                .is_some_and(|(first, _)| families.contains(first))
        })
        .filter(|id| !NOT_IDS.contains(&id.as_str()))
        .collect()
}

fn rust_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs")
            // Tests may name a message that does not exist on purpose.
            && !path.to_string_lossy().ends_with("tests.rs")
        {
            files.push(path);
        }
    }
    files
}

/// A finding's words in Spanish are Spanish, with the same code, audience and link.
#[test]
fn a_finding_reads_in_the_chosen_language() {
    use mailsetup_core::findings::{Finding, FindingCode, Param};
    let make = || {
        Finding::new(FindingCode::SignedInAsDifferentAccount)
            .with(Param::Mailbox, "admissions@school.example")
            .with(Param::SignedIn, "teacher@school.example")
            .with(Param::Provider, "Microsoft")
            .finish()
    };
    let english = with(Language::English, make);
    let spanish = with(Language::Spanish, make);
    assert_eq!(
        (spanish.code, spanish.audience),
        (english.code, english.audience)
    );
    assert_eq!(spanish.doc_url, english.doc_url);
    assert_ne!(spanish.title, english.title);
    assert_eq!(spanish.steps.len(), english.steps.len());
    for text in [&spanish.title, &spanish.explanation] {
        assert!(!text.contains('{'), "{text}");
    }
    assert!(
        spanish.explanation.contains("teacher@school.example"),
        "{}",
        spanish.explanation
    );
    // A value no one filled reads as the language's neutral words.
    let text = with(Language::Spanish, || {
        Finding::new(FindingCode::NotSignedIn).finish().to_text()
    });
    assert!(!text.contains('{'), "{text}");
    assert!(text.contains("[NOT_SIGNED_IN · para el usuario]"), "{text}");
}

/// The words the core builds at run time (a reply's `{problem}`, from `details.ftl`) are in the
/// chosen language too: a Microsoft reply reads wholly in Spanish, and exactly as before in
/// English.
#[test]
fn a_finding_with_run_time_words_reads_wholly_in_the_chosen_language() {
    use mailsetup_core::findings::{FindingCode, classify};
    const REPLY: &str = "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.";
    let make = || classify::smtp_reply(REPLY).finish();
    let english = with(Language::English, make);
    let spanish = with(Language::Spanish, make);
    assert_eq!(english.code, FindingCode::M365SmtpAuthDisabled);
    assert_eq!(spanish.code, english.code);
    assert_eq!(
        english.explanation,
        "Microsoft 365 accepted the sign-in, but SMTP AUTH (\"Authenticated SMTP\") is disabled for your whole organisation (tenant). Apps can only send mail after an administrator turns it on, even with the modern sign-in. The saved sign-in is fine; reading mail (IMAP) still works."
    );
    assert!(
        spanish
            .explanation
            .contains("está deshabilitado para toda su organización (inquilino o tenant)."),
        "{}",
        spanish.explanation
    );
    let english_words = "for your whole organisation";
    for text in [&spanish.title, &spanish.explanation]
        .into_iter()
        .chain(&spanish.steps)
    {
        assert!(!text.contains(english_words), "{text}");
        assert!(!text.contains('{'), "{text}");
    }
    // The server's reply is evidence: shown as the server said it, in every language.
    assert_eq!(spanish.evidence, english.evidence);
    assert!(
        spanish
            .evidence
            .as_deref()
            .is_some_and(|e| e.contains("SmtpClientAuthentication"))
    );
}
