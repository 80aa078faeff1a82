//! The languages: choosing one, and every message in every language.

use super::*;

#[test]
fn the_os_language_is_negotiated_from_its_tags() {
    assert_eq!(negotiate(["es-MX", "en-US"]), Language::Spanish);
    assert_eq!(negotiate(["es_ES.UTF-8@euro"]), Language::Spanish);
    assert_eq!(negotiate(["es-419"]), Language::Spanish);
    assert_eq!(negotiate(["fr-FR", "es-ES", "en"]), Language::Spanish);
    assert_eq!(negotiate(["fr-FR", "de"]), Language::English);
    assert_eq!(negotiate(["C", "POSIX"]), Language::English);
    assert_eq!(negotiate(["EN-gb"]), Language::English);
    assert_eq!(negotiate([]), Language::English);
    assert_eq!(Language::from_tag("qps-ploc"), Some(Language::Pseudo));
    // The pseudo-locale is for tests: an OS that names it gets English.
    assert_eq!(negotiate(["qps-ploc", "es"]), Language::Spanish);
    assert_eq!(negotiate(["qps-ploc"]), Language::English);
    assert_eq!(Language::from_tag("estonian"), None);
    for language in Language::ALL {
        assert_eq!(Language::from_tag(language.tag()), Some(language));
    }
}

#[test]
fn every_file_parses_without_error() {
    for language in Language::ALL {
        for source in bundle::sources(language) {
            if let Err((_, errors)) = fluent_bundle::FluentResource::try_new(source.to_string()) {
                panic!("{}: {errors:?}", language.tag());
            }
        }
    }
}

/// Every message id and attribute of English is in every language, and nothing else: a
/// message missing from Spanish would show in English, one only in Spanish would never show.
#[test]
fn every_message_exists_in_every_language() {
    let english = inventory(Language::English);
    assert!(english.len() > 100, "{} messages", english.len());
    for language in Language::ALL {
        let other = inventory(language);
        assert_eq!(
            other.iter().map(|(id, _)| id).collect::<Vec<_>>(),
            english.iter().map(|(id, _)| id).collect::<Vec<_>>(),
            "{}: not the same messages, in the same order, as English",
            language.tag()
        );
        for ((id, attributes), (_, english)) in other.iter().zip(&english) {
            assert_eq!(attributes, english, "{}: {id}", language.tag());
        }
    }
}

/// The variables of every message and attribute are the same in every language: a variable
/// left out hides a value (the mailbox, the server) from the person; one added shows nothing.
#[test]
fn every_translation_uses_the_same_variables() {
    for (id, attributes) in inventory(Language::English) {
        let parts = std::iter::once(None).chain(attributes.iter().map(|a| Some(a.as_str())));
        for attribute in parts {
            let english = variables(Language::English, &id, attribute);
            for language in [Language::Spanish, Language::Pseudo] {
                assert_eq!(
                    variables(language, &id, attribute),
                    english,
                    "{}: {id} {attribute:?}",
                    language.tag()
                );
            }
        }
    }
}

/// The variables a message (or attribute) uses, sorted, each once.
fn variables(language: Language, id: &str, attribute: Option<&str>) -> Vec<String> {
    let mut names = bundle::variables(language, id, attribute);
    names.sort();
    names.dedup();
    names
}

#[test]
fn a_missing_translation_falls_back_to_english_and_pseudo_wraps_every_message() {
    let english = with(Language::English, || tr("admin-handoff"));
    let pseudo = with(Language::Pseudo, || tr("admin-handoff"));
    assert!(pseudo.starts_with('[') && pseudo.ends_with(']'), "{pseudo}");
    let longer = pseudo.chars().count() as f64 / english.chars().count() as f64;
    assert!(
        longer > 1.2,
        "pseudo is only {longer:.2}× as long: {pseudo}"
    );
    assert_eq!(
        with(Language::Spanish, || tr("no-such-message")),
        "no-such-message"
    );
    // The thread's language ends with `with`.
    with(Language::Spanish, || {
        assert_eq!(current(), Language::Spanish)
    });
    assert_eq!(current(), Language::English);
}

#[test]
fn the_c_locale_means_english_whatever_else_is_set() {
    let os = || vec!["es-ES".to_string()];
    // `LC_ALL=C` in a script or a scheduled task: stable English output.
    assert_eq!(
        from_environment(Some("C"), Some("es"), os()),
        Language::English
    );
    // "C.UTF-8" is not "C" (gettext honours LANGUAGE there); alone it names no language.
    assert_eq!(
        from_environment(Some("C.UTF-8"), Some("es"), vec![]),
        Language::Spanish
    );
    assert_eq!(
        from_environment(Some("C.UTF-8"), None, vec!["C.UTF-8".into()]),
        Language::English
    );
    assert_eq!(
        from_environment(Some("POSIX"), None, os()),
        Language::English
    );
    // Otherwise LANGUAGE's list, then the locale, then the OS's list.
    assert_eq!(
        from_environment(Some("en_US.UTF-8"), Some("es:en"), os()),
        Language::Spanish
    );
    assert_eq!(
        from_environment(Some("es_MX.UTF-8"), None, vec![]),
        Language::Spanish
    );
    assert_eq!(from_environment(None, None, os()), Language::Spanish);
    assert_eq!(
        from_environment(None, Some("fr"), vec!["de".into()]),
        Language::English
    );
}
