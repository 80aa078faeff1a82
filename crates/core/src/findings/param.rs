//! The values a finding's words can name: [`Param`].

use std::fmt;

use strum::IntoEnumIterator as _;

/// A value that fills a `{placeholder}` in a finding's catalogue text
/// ([`Finding::with`](super::Finding::with)). Each knows its placeholder and the neutral words
/// [`Finding::finish`](super::Finding::finish) puts where no value was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumIter)]
pub enum Param {
    /// `{mailbox}`: the mailbox being set up.
    Mailbox,
    /// `{signed_in}`: the account that signed in in the browser.
    SignedIn,
    /// `{server}`: a server's name.
    Server,
    /// `{tenant}`: the Microsoft tenant in the settings.
    Tenant,
    /// `{client_id}`: the app registration's client id.
    ClientId,
    /// `{duration}`: a time limit in words ([`human_duration`](super::human_duration)).
    Duration,
    /// `{problem}`: what went wrong this time, in a few words.
    Problem,
    /// `{authority}`: the sign-in authority's address, without a trailing `/`.
    Authority,
    /// `{link}`: an address the person opens themselves.
    Link,
    /// `{domain}`: the mailbox's domain.
    Domain,
    /// `{vault}`: the OS credential vault's name ([`vault_name`](super::catalogue::vault_name)).
    Vault,
    /// `{provider}`: the sign-in provider's name (Microsoft, Google).
    Provider,
    /// `{redirect}`: the redirect URI the app registers, e.g. `http://localhost`.
    Redirect,
    /// `{platform}`: an app registration's platform in the Entra admin center's words, e.g.
    /// `Mobile and desktop applications`.
    Platform,
    /// `{permissions}`: permission names, e.g. `SMTP.Send, IMAP.AccessAsUser.All`.
    Permissions,
}

impl Param {
    /// The placeholder in a finding's words until it is filled.
    const fn words(self) -> &'static str {
        use Param::*;
        match self {
            Mailbox => "{mailbox}",
            SignedIn => "{signed_in}",
            Server => "{server}",
            Tenant => "{tenant}",
            ClientId => "{client_id}",
            Duration => "{duration}",
            Problem => "{problem}",
            Authority => "{authority}",
            Link => "{link}",
            Domain => "{domain}",
            Vault => "{vault}",
            Provider => "{provider}",
            Redirect => "{redirect}",
            Platform => "{platform}",
            Permissions => "{permissions}",
        }
    }

    /// The placeholder in catalogue texts, e.g. `{mailbox}`.
    pub const fn placeholder(self) -> &'static str {
        self.words()
    }

    /// The name inside the braces, e.g. `mailbox`.
    pub fn name(self) -> &'static str {
        let p = self.placeholder();
        // Every placeholder is `{` + ASCII name + `}`, so these are character boundaries.
        &p[1..p.len() - 1]
    }

    /// The parameter whose placeholder is `{name}`.
    pub fn from_name(name: &str) -> Option<Param> {
        Param::iter().find(|p| p.name() == name)
    }

    /// Whether a finding whose words name it must come with its value. `{problem}` says what
    /// went wrong this time, which only the module that detected it knows: a debug build
    /// stops at [`Finding::finish`](super::Finding::finish) when it is left unfilled. The
    /// others are context (whose mailbox, which server or tenant, how long) that a finding may
    /// be built without, such as from a pasted server reply, and read well in neutral words.
    pub const fn must_be_filled(self) -> bool {
        matches!(self, Param::Problem)
    }

    /// The neutral words for it in a sentence (title, explanation): the message
    /// `param-<name>` (e.g. "the account"; "Microsoft" for `{provider}`: most sign-in findings
    /// come from Microsoft, Google's are filled in explicitly).
    pub fn prose(self) -> String {
        crate::l10n::tr(&self.message_id())
    }

    /// The neutral words for it in a fix step (commands, portal paths: a placeholder for the
    /// reader to fill, e.g. `<mailbox address>`): the attribute `.in-steps`.
    pub fn in_steps(self) -> String {
        let id = self.message_id();
        crate::l10n::text(&id, Some("in-steps"), &crate::l10n::Args::new())
            .unwrap_or_else(|| self.prose())
    }

    /// Its message: `param-` and its name with dashes (`param-signed-in`).
    fn message_id(self) -> String {
        format!("param-{}", self.name().replace('_', "-"))
    }
}

impl fmt::Display for Param {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.placeholder())
    }
}
