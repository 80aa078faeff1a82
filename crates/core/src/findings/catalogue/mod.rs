//! The catalogue: for every [`FindingCode`], who it is for and the words that explain it.
//!
//! The words are Fluent messages in `crates/core/locales/<language>/findings-<subject>.ftl`, one
//! message per code ([`message_id`]); this module keeps each code's facts (audience, parameters,
//! documentation) and reads its words in the person's language ([`words`], [`crate::l10n`]).
//!
//! One file per subject holds that subject's entries as data: `network` (network and TLS),
//! `mail` (the mail protocols), `exchange` (Exchange Online), `entra` (Microsoft Entra app
//! registrations, tenants and policies), `signin` (the sign-in in the browser and the saved
//! sign-in), `google`, `vault` (the OS credential vault, with its per-OS steps), `settings`
//! (what the app needs set up, and its internal error) and `registration` (the administrator's
//! check of the app registration). Each entry names its code, and
//! [`entry`] finds it in whichever subject keeps it.
//!
//! Words may hold `{ $variables }` (see [`Param`]) that the detecting module fills with
//! [`Finding::with`]; each entry declares the parameters its words use in [`Entry::params`].
//! An entry's `doc_url` is the public source of its fix; a comment above an entry names any
//! other source and the test that pins the rule.
//!
//! [`Finding::with`]: super::Finding::with

mod entra;
mod exchange;
mod google;
mod mail;
mod network;
mod registration;
mod relay;
mod settings;
mod signin;
mod vault;

#[cfg(test)]
mod tests;

use super::{Audience, FindingCode, Param};

pub use vault::{vault_name, vault_steps};

/// The fixed facts of one catalogue entry; its words are the Fluent message named after the
/// code ([`message_id`]), read by [`words`] in the person's language.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// The code this entry explains.
    pub code: FindingCode,
    /// Who can act on it.
    pub audience: Audience,
    /// The parameters its words use (title, explanation, steps and the administrator's part):
    /// every `{ $variable }` in them, each once.
    pub params: &'static [Param],
    /// Vendor documentation.
    pub doc_url: Option<&'static str>,
}

/// An entry's facts; its words are in the Fluent files.
const fn e(
    code: FindingCode,
    audience: Audience,
    params: &'static [Param],
    doc_url: Option<&'static str>,
) -> Entry {
    Entry {
        code,
        audience,
        params,
        doc_url,
    }
}

/// The words of one finding in the current language, each `{ $variable }` left as the
/// `{placeholder}` that [`Finding::with`](super::Finding::with) fills.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    /// What happened, in one short sentence (the message's value).
    pub title: String,
    /// Why, in plain words (`.explanation`).
    pub explanation: String,
    /// What to do, in order (`.step-1`, `.step-2`, …; a vault finding's are its OS's:
    /// [`vault_steps`]).
    pub steps: Vec<String>,
    /// For a user's finding that an administrator may have to fix: the administrator's words
    /// (`.admin-explanation`, `.admin-step-N`), kept apart from the user's (pinned by the test
    /// `user_and_admin_wording_are_kept_apart`).
    pub admin: Option<(String, Vec<String>)>,
}

/// The Fluent message of `code`: its text form in lower case with dashes
/// (`M365_SMTP_AUTH_DISABLED` → `m365-smtp-auth-disabled`).
pub fn message_id(code: FindingCode) -> String {
    code.as_str().to_ascii_lowercase().replace('_', "-")
}

/// The words of `code` in the current language.
pub fn words(code: FindingCode) -> Words {
    let id = message_id(code);
    let steps = texts(code, "step-");
    let steps = if steps.is_empty() {
        vault_steps(code, crate::platform::Os::current()).unwrap_or_default()
    } else {
        steps
    };
    let admin = attribute(&id, "admin-explanation")
        .map(|explanation| (explanation, texts(code, "admin-step-")));
    Words {
        title: crate::l10n::text(&id, None, &placeholders()).unwrap_or_else(|| id.clone()),
        explanation: attribute(&id, "explanation").unwrap_or_default(),
        steps,
        admin,
    }
}

/// The attributes `<prefix>1`, `<prefix>2`, … of `code`'s message, in order.
fn texts(code: FindingCode, prefix: &str) -> Vec<String> {
    let id = message_id(code);
    (1..)
        .map_while(|n| attribute(&id, &format!("{prefix}{n}")))
        .collect()
}

fn attribute(id: &str, name: &str) -> Option<String> {
    crate::l10n::text(id, Some(name), &placeholders())
}

/// Every parameter's variable set to its own `{placeholder}`, for [`Finding::with`] to fill.
///
/// [`Finding::with`]: super::Finding::with
fn placeholders() -> crate::l10n::Args {
    use strum::IntoEnumIterator as _;
    let mut args = crate::l10n::Args::new();
    for param in Param::iter() {
        args.set(param.name(), param.placeholder());
    }
    args
}

/// Every subject's entries; each code is in exactly one (pinned by the test
/// `every_code_has_exactly_one_entry`).
const SUBJECTS: [&[Entry]; 10] = [
    network::ENTRIES,
    mail::ENTRIES,
    exchange::ENTRIES,
    entra::ENTRIES,
    signin::ENTRIES,
    google::ENTRIES,
    vault::ENTRIES,
    settings::ENTRIES,
    registration::ENTRIES,
    relay::ENTRIES,
];

/// The catalogue entry for `code`.
pub fn entry(code: FindingCode) -> Entry {
    SUBJECTS
        .iter()
        .flat_map(|subject| subject.iter())
        .find(|entry| entry.code == code)
        .copied()
        // Cannot happen: every code has an entry (test `every_code_has_exactly_one_entry`).
        .unwrap_or(settings::INTERNAL)
}
