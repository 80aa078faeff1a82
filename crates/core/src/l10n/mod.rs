//! The person's language: every message a person reads comes from the Fluent files in
//! `crates/core/locales/<language>/` (<https://projectfluent.org>, the format Firefox and
//! Thunderbird use), through the `fluent-bundle` crate.
//!
//! One [`Language`] is chosen per process ([`set`], from the OS's preferred languages by
//! [`from_os`]); a thread can read another one for a while ([`with`]: tests, a report in a given
//! language). Codes, JSON field names and evidence never change with the language: only words.
//! [`Language::Pseudo`] is English made longer and accented, wrapped in `[…]`, so that a test run
//! shows any text that does not come from here, or that is cut off.

mod bundle;
mod number;
#[cfg(test)]
mod tests;

use std::cell::Cell;
use std::sync::RwLock;

pub use bundle::{Args, Value};
pub use number::{number, number_in};

/// A language the app speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Language {
    /// English: the source language; any message missing elsewhere falls back to it.
    #[default]
    English,
    /// Spanish.
    Spanish,
    /// The pseudo-locale for tests (`qps-ploc`, Windows' pseudo-locale tag): English, accented,
    /// ~40% longer, each message wrapped in `[` `]`.
    Pseudo,
}

impl Language {
    /// Every language, the source first.
    pub const ALL: [Language; 3] = [Language::English, Language::Spanish, Language::Pseudo];

    /// The BCP 47 tag (`en`, `es`, `qps-ploc`): the page's `lang`, the files' folder.
    pub const fn tag(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Spanish => "es",
            Language::Pseudo => "qps-ploc",
        }
    }

    /// The language for a tag a person or the OS gave (`es`, `es-MX`, `es_ES.UTF-8`, `EN`,
    /// `qps-ploc`); `None` for a language the app does not speak.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let tag = tag.trim().to_ascii_lowercase();
        if tag == "qps-ploc" || tag == "pseudo" {
            return Some(Language::Pseudo);
        }
        // POSIX locales (`es_ES.UTF-8@euro`) and BCP 47 tags (`es-419`) start with the language.
        let primary = tag.split(['-', '_', '.', '@']).next().unwrap_or_default();
        match primary {
            "en" => Some(Language::English),
            "es" => Some(Language::Spanish),
            _ => None,
        }
    }
}

/// The first language in `preferred` (most preferred first, as the OS lists them) that the app
/// speaks; English when none is. `C` and `POSIX` (no language set) are skipped, and so is the
/// pseudo-locale: it is for tests ([`with`]), never chosen from the OS.
pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Language {
    preferred
        .into_iter()
        .filter_map(Language::from_tag)
        .find(|language| *language != Language::Pseudo)
        .unwrap_or_default()
}

/// The OS's preferred language. On Unix (Linux, macOS) first the environment: gettext's
/// `LANGUAGE` list (`es:en`), then the locale of messages (`LC_ALL`, else `LC_MESSAGES`, else
/// `LANG`, as POSIX orders them), where plain `C` or `POSIX` means English whatever else is set,
/// as scripts and scheduled tasks expect. Then, and on Windows alone, the OS's own list of
/// preferred languages (Windows' and macOS' settings, through the `sys-locale` crate).
pub fn from_os() -> Language {
    let var = |name: &str| {
        std::env::var(name)
            .ok()
            .filter(|v| cfg!(unix) && !v.is_empty())
    };
    from_environment(
        var("LC_ALL")
            .or_else(|| var("LC_MESSAGES"))
            .or_else(|| var("LANG"))
            .as_deref(),
        var("LANGUAGE").as_deref(),
        sys_locale::get_locales().collect(),
    )
}

/// [`from_os`] from its inputs: the POSIX locale of messages, gettext's `LANGUAGE` and the
/// OS's list.
fn from_environment(locale: Option<&str>, gettext: Option<&str>, os: Vec<String>) -> Language {
    // As gettext does: `LANGUAGE` is ignored in the plain "C" locale (not in "C.UTF-8").
    if matches!(locale, Some("C" | "POSIX")) {
        return Language::English;
    }
    let gettext = gettext
        .unwrap_or_default()
        .split(':')
        .filter(|t| !t.is_empty());
    negotiate(gettext.chain(locale).chain(os.iter().map(String::as_str)))
}

/// Sets the language of this process from the setting (`[app] language`), or the OS's when
/// there is none: what a program does at start and again once it has read its settings.
pub fn init(setting: Option<Language>) {
    set(setting.unwrap_or_else(from_os));
}

/// The language of this process, unless a thread chose another with [`with`].
static PROCESS: RwLock<Language> = RwLock::new(Language::English);

thread_local! {
    static THREAD: Cell<Option<Language>> = const { Cell::new(None) };
}

/// Sets the language of this process (at start: the setting, else [`from_os`]).
pub fn set(language: Language) {
    *PROCESS.write().unwrap_or_else(|p| p.into_inner()) = language;
}

/// The language messages are read in now.
pub fn current() -> Language {
    THREAD
        .with(Cell::get)
        .unwrap_or_else(|| *PROCESS.read().unwrap_or_else(|p| p.into_inner()))
}

/// Runs `f` with messages in `language` on this thread (synchronous code only: an `.await`
/// may resume on another thread).
pub fn with<R>(language: Language, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Language>);
    impl Drop for Restore {
        fn drop(&mut self) {
            THREAD.with(|t| t.set(self.0));
        }
    }
    let _restore = Restore(THREAD.with(|t| t.replace(Some(language))));
    f()
}

/// The message `id` (its value, or with `attribute` one of its attributes) in the current
/// language, English where the current language lacks it; `None` when no language has it.
pub fn text(id: &str, attribute: Option<&str>, args: &Args) -> Option<String> {
    bundle::format(current(), id, attribute, args)
        .or_else(|| bundle::format(Language::English, id, attribute, args))
}

/// A message without variables, or its id when no language has it (a fault the test
/// `every_message_the_code_names_exists` catches).
pub fn tr(id: &str) -> String {
    text(id, None, &Args::new()).unwrap_or_else(|| id.to_string())
}

/// A message with variables, e.g. `tr_with("duration-seconds", &[("n", 5.into())])`.
pub fn tr_with(id: &str, args: &[(&str, Value)]) -> String {
    tr_attribute(id, None, args)
}

/// A message's value (`attribute` `None`) or attribute with variables, or its id when no
/// language has it.
pub fn tr_attribute(id: &str, attribute: Option<&str>, args: &[(&str, Value)]) -> String {
    let mut fluent = Args::new();
    for (name, value) in args {
        fluent.set(name.to_string(), value.clone());
    }
    text(id, attribute, &fluent).unwrap_or_else(|| match attribute {
        Some(attribute) => format!("{id}.{attribute}"),
        None => id.to_string(),
    })
}

/// `items` as one phrase, each next one joined by message `id` (variables `$first`, the phrase so
/// far, and `$second`): "SMTP.Send and IMAP.AccessAsUser.All", "PLAIN or LOGIN".
pub fn join(items: &[&str], id: &str) -> String {
    let mut items = items.iter();
    let first = items.next().map_or_else(String::new, |n| (*n).to_owned());
    items.fold(first, |first, second| {
        tr_with(
            id,
            &[
                ("first", first.into()),
                ("second", second.to_string().into()),
            ],
        )
    })
}

/// The attribute names of message `id` in English (the source: every language has the same),
/// e.g. `step-1`, `step-2`, `admin-explanation`.
pub fn attributes(id: &str) -> Vec<String> {
    bundle::attributes(Language::English, id)
}

/// The desktop page's words in the current language: every message whose id starts with
/// `page-`, its variables left as `{$name}` for the page to fill (the page's words have no
/// plurals or other choices: a variable is only ever put in place).
pub fn page_messages() -> std::collections::BTreeMap<String, String> {
    let language = current();
    inventory(Language::English)
        .into_iter()
        .filter(|(id, _)| id.starts_with("page-"))
        .filter_map(|(id, _)| {
            let text = bundle::format_quiet(language, &id)
                .or_else(|| bundle::format_quiet(Language::English, &id))?;
            Some((id, text))
        })
        .collect()
}

/// Every message id and its attribute names in `language`, for the tests that compare languages.
pub fn inventory(language: Language) -> Vec<(String, Vec<String>)> {
    bundle::inventory(language)
}
