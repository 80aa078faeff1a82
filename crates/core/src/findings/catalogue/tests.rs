//! The catalogue's own rules: one entry per code, and placeholders that match the declared
//! parameters.

use strum::IntoEnumIterator as _;

use super::*;
use crate::findings::Finding;
use crate::platform::Os;

/// Every English text of `entry` (the administrator's part and every OS's vault steps
/// included), each `{ $variable }` as its `{placeholder}`.
fn texts(entry: &Entry) -> Vec<String> {
    crate::l10n::with(crate::l10n::Language::English, || {
        let words = words(entry.code);
        let mut all = vec![words.title, words.explanation];
        all.extend(words.steps);
        for os in Os::ALL {
            all.extend(vault_steps(entry.code, os).unwrap_or_default());
        }
        if let Some((explanation, steps)) = words.admin {
            all.push(explanation);
            all.extend(steps);
        }
        all
    })
}

/// The names between braces in `text`, e.g. `mailbox` for `{mailbox}`.
fn placeholders(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let close = rest[open..].find('}').expect("a `{` is closed") + open;
        names.push(&rest[open + 1..close]);
        rest = &rest[close + 1..];
    }
    assert!(!rest.contains('}'), "a `}}` without `{{` in {text:?}");
    names
}

#[test]
fn every_code_has_exactly_one_entry() {
    for code in FindingCode::iter() {
        let n = SUBJECTS
            .iter()
            .flat_map(|subject| subject.iter())
            .filter(|entry| entry.code == code)
            .count();
        assert_eq!(n, 1, "{code} has {n} entries");
        assert_eq!(entry(code).code, code);
    }
    let total: usize = SUBJECTS.iter().map(|subject| subject.len()).sum();
    assert_eq!(total, FindingCode::iter().count());
}

#[test]
fn every_placeholder_is_a_declared_param() {
    for code in FindingCode::iter() {
        let entry = entry(code);
        for text in texts(&entry) {
            for name in placeholders(&text) {
                let param = Param::from_name(name)
                    .unwrap_or_else(|| panic!("{code}: {{{name}}} is not a Param"));
                assert!(
                    entry.params.contains(&param),
                    "{code}: {param} is used but not declared"
                );
            }
        }
    }
}

#[test]
fn every_declared_param_is_used_once_in_the_list() {
    for code in FindingCode::iter() {
        let entry = entry(code);
        let texts = texts(&entry);
        for (i, param) in entry.params.iter().enumerate() {
            assert!(
                !entry.params[..i].contains(param),
                "{code}: {param} is declared twice"
            );
            assert!(
                texts.iter().any(|t| t.contains(param.placeholder())),
                "{code}: {param} is declared but no text uses it"
            );
        }
    }
}

#[test]
fn params_name_their_placeholders_and_neutral_words() {
    for param in Param::iter() {
        assert_eq!(param.placeholder(), format!("{{{}}}", param.name()));
        assert_eq!(Param::from_name(param.name()), Some(param));
        assert!(!param.prose().contains('{') && !param.in_steps().contains('{'));
    }
    assert_eq!(Param::SignedIn.name(), "signed_in");
    assert_eq!(Param::Mailbox.in_steps(), "<mailbox address>");
    assert_eq!(Param::Server.in_steps(), Param::Server.prose());
    assert_eq!(Param::from_name("mailbx"), None);
}

#[test]
fn unfilled_lists_the_declared_params_no_one_filled() {
    let f = Finding::new(FindingCode::SignedInAsDifferentAccount).with(Param::Mailbox, "a@x.org");
    assert_eq!(f.unfilled(), [Param::SignedIn, Param::Provider]);
    let f = f
        .with(Param::SignedIn, "b@x.org")
        .with(Param::Provider, "Google");
    assert!(f.unfilled().is_empty());
    // The administrator's part counts too.
    let f = Finding::new(FindingCode::InteractiveRequired)
        .with(Param::Provider, "Microsoft")
        .with(Param::Mailbox, "a@x.org");
    assert_eq!(
        f.unfilled(),
        [Param::Authority, Param::Tenant, Param::ClientId]
    );
}

#[test]
fn with_if_used_leaves_a_finding_without_that_param_alone() {
    let f = Finding::new(FindingCode::Internal);
    assert_eq!(f.clone().with_if_used(Param::Mailbox, "a@x.org"), f);
}

#[cfg(debug_assertions)]
#[test]
#[should_panic(expected = "INTERNAL: {mailbox} is not a parameter of this finding")]
fn with_an_undeclared_param_is_caught() {
    let _ = Finding::new(FindingCode::Internal).with(Param::Mailbox, "a@x.org");
}
