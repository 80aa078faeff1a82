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
    /// The placeholder, its neutral word in sentences and, where it differs, in fix steps
    /// (commands, portal paths: a placeholder for the reader to fill).
    const fn words(self) -> (&'static str, &'static str, Option<&'static str>) {
        use Param::*;
        match self {
            Mailbox => ("{mailbox}", "the account", Some("<mailbox address>")),
            SignedIn => ("{signed_in}", "the account", Some("<signed-in account>")),
            Server => ("{server}", "the server", None),
            Tenant => ("{tenant}", "in the settings", Some("<tenant-id>")),
            ClientId => ("{client_id}", "in use", Some("<client-id>")),
            Duration => ("{duration}", "the time limit", None),
            Problem => ("{problem}", "no more details were given", None),
            Authority => ("{authority}", "https://login.microsoftonline.com", None),
            Link => ("{link}", "the address shown by the app", None),
            Domain => ("{domain}", "this domain", None),
            Vault => ("{vault}", "the password vault", None),
            // Most sign-in findings come from Microsoft; Google's are filled in explicitly.
            Provider => ("{provider}", "Microsoft", None),
            Redirect => (
                "{redirect}",
                "the redirect URI in the settings",
                Some("<redirect URI>"),
            ),
            Platform => (
                "{platform}",
                "the platform the app needs",
                Some("<platform>"),
            ),
            Permissions => ("{permissions}", "some permissions", Some("<permissions>")),
        }
    }

    /// The placeholder in catalogue texts, e.g. `{mailbox}`.
    pub const fn placeholder(self) -> &'static str {
        self.words().0
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

    /// The neutral words for it in a sentence (title, explanation).
    pub const fn prose(self) -> &'static str {
        self.words().1
    }

    /// The neutral words for it in a fix step.
    pub const fn in_steps(self) -> &'static str {
        match self.words().2 {
            Some(words) => words,
            None => self.prose(),
        }
    }
}

impl fmt::Display for Param {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.placeholder())
    }
}
