//! The catalogue: for every [`FindingCode`], who it is for and the words that explain it.
//!
//! One file per subject holds that subject's entries as data: `network` (network and TLS),
//! `mail` (the mail protocols), `exchange` (Exchange Online), `entra` (Microsoft Entra app
//! registrations, tenants and policies), `signin` (the sign-in in the browser and the saved
//! sign-in), `google`, `vault` (the OS credential vault, with its per-OS steps), `settings`
//! (what the app needs set up, and its internal error) and `registration` (the administrator's
//! check of the app registration). Each entry names its code, and
//! [`entry`] finds it in whichever subject keeps it.
//!
//! Texts may hold `{placeholders}` (see [`Param`]) that the detecting module fills with
//! [`Finding::with`]; each entry declares the parameters its texts use in [`Entry::params`].
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

/// The fixed text of one catalogue entry.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// The code this entry explains.
    pub code: FindingCode,
    /// Who can act on it.
    pub audience: Audience,
    /// The parameters its texts use (title, explanation, steps and the administrator's part):
    /// every `{placeholder}` in them, each once.
    pub params: &'static [Param],
    /// What happened, in one short sentence.
    pub title: &'static str,
    /// Why, in plain words.
    pub explanation: &'static str,
    /// What to do, in order.
    pub steps: &'static [&'static str],
    /// Vendor documentation.
    pub doc_url: Option<&'static str>,
    /// For a user's finding that an administrator may have to fix: the administrator's words,
    /// kept apart from the user's (pinned by the test `user_and_admin_wording_are_kept_apart`).
    pub admin: Option<AdminWords>,
}

/// The administrator's part of a user's entry.
#[derive(Debug, Clone, Copy)]
pub struct AdminWords {
    /// What it means for the administrator.
    pub explanation: &'static str,
    /// Numbered steps for the administrator.
    pub steps: &'static [&'static str],
}

impl Entry {
    /// The same entry with the administrator's words.
    const fn admin(self, admin: AdminWords) -> Entry {
        Entry {
            admin: Some(admin),
            ..self
        }
    }
}

/// An entry without an administrator's part (add one with `.admin(...)`).
const fn e(
    code: FindingCode,
    audience: Audience,
    params: &'static [Param],
    title: &'static str,
    explanation: &'static str,
    steps: &'static [&'static str],
    doc_url: Option<&'static str>,
) -> Entry {
    Entry {
        code,
        audience,
        params,
        title,
        explanation,
        steps,
        doc_url,
        admin: None,
    }
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

/// The administrator's words for findings that a user reads but an administrator may have to
/// fix: `(explanation, steps)`.
pub fn admin_part(code: FindingCode) -> Option<(&'static str, &'static [&'static str])> {
    entry(code).admin.map(|a| (a.explanation, a.steps))
}
