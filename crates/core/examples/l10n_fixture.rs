//! Prints, as JSON, what the desktop page receives from the core in each language: the page's
//! words (`page_text`), each step's words, each finding's catalogue words and the names of
//! actions, providers, registration check items and settings. The UI tests
//! (tests/ui/harness.mjs) answer the page's `page_text` with it, and the pseudo-locale run
//! builds its findings from it, so the page is tested with the core's real words.

use std::collections::BTreeMap;

use mailsetup_core::findings::{Finding, FindingCode, Param};
use mailsetup_core::l10n::{self, Language};
use mailsetup_core::progress::Step;
use strum::IntoEnumIterator as _;

/// The names the core gives things, by a key that is the same in every language: actions,
/// providers, the registration check's items and the settings' labels.
fn names() -> BTreeMap<String, String> {
    use mailsetup_core::outcome::Action;
    use mailsetup_core::provider::ProviderKind;
    use mailsetup_core::registration::ItemId;
    let mut names = BTreeMap::new();
    for action in [Action::Check, Action::SignIn, Action::Verify] {
        names.insert(format!("action:{action:?}"), action.label());
    }
    for kind in [
        ProviderKind::Microsoft365,
        ProviderKind::MicrosoftPersonal,
        ProviderKind::Google,
        ProviderKind::Other,
    ] {
        names.insert(format!("provider:{kind:?}"), kind.label());
    }
    for item in ItemId::iter() {
        names.insert(format!("item:{item:?}"), item.label());
    }
    for spec in mailsetup_core::settings::schema::SCHEMA {
        names.insert(format!("setting:{}", spec.dotted()), spec.label());
    }
    names
}

fn main() {
    let mut out = serde_json::Map::new();
    for language in Language::ALL {
        let words = l10n::with(language, || {
            let steps: BTreeMap<String, serde_json::Value> = Step::iter()
                .map(|step| {
                    let name = serde_json::to_value(step).unwrap_or_default();
                    let name = name.as_str().unwrap_or_default().to_string();
                    (
                        name,
                        serde_json::json!({"label": step.label(), "passed": step.passed()}),
                    )
                })
                .collect();
            let findings: BTreeMap<String, Finding> = FindingCode::iter()
                .map(|code| {
                    // What went wrong this time comes from the detecting module: a sample here.
                    let f = Finding::new(code).with_if_used(Param::Problem, "535 5.7.3");
                    (code.as_str().to_string(), f.finish())
                })
                .collect();
            serde_json::json!({
                "lang": language.tag(),
                "messages": l10n::page_messages(),
                "steps": steps,
                "findings": findings,
                "names": names(),
            })
        });
        out.insert(language.tag().to_string(), words);
    }
    println!("{}", serde_json::Value::Object(out));
}
