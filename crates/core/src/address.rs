//! The mailbox address: parsing, normalisation and the forms the rest of the app uses.
//!
//! This module owns the one question "is this text a mailbox address, and which mailbox is it?".
//! It hands an [`Address`] to everything else; nothing downstream re-parses user text.
//!
//! Rules (RFC 5321 §4.1.2 and RFC 5322 §3.4.1 `addr-spec`, RFC 6531 for UTF-8 local parts,
//! UTS #46 / IDNA 2008 for the domain):
//! - surrounding whitespace is trimmed; anything else that is not a bare `local@domain`
//!   (a display name such as `Ann <ann@example.edu>`, inner spaces, several `@`, an empty part)
//!   is refused before any network traffic;
//! - the domain is lower-cased and converted to its ASCII (punycode) form for DNS and protocols;
//! - the local part is compared case-insensitively: Microsoft 365 and Gmail treat
//!   `Ann@…` and `ann@…` as one mailbox (test
//!   `field_f21_case_and_whitespace_normalise_to_one_mailbox`), so the *normalised* form that
//!   keys the
//!   vault is all lower case, while the *display* form keeps what the user typed.

use std::fmt;

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization as _;

/// Longest local part allowed by RFC 5321 §4.5.3.1.1, in bytes.
pub const MAX_LOCAL_LEN: usize = 64;
/// Longest address usable in SMTP `MAIL FROM`/`RCPT TO` (RFC 5321 §4.5.3.1.3 path limit minus
/// the angle brackets), in bytes.
pub const MAX_ADDRESS_LEN: usize = 254;
/// The longest text [`Address::parse`] reads (after trimming): 1 KiB, refused as too long
/// before parsing.
pub const MAX_INPUT_BYTES: usize = 1024;

/// A parsed mailbox address.
///
/// Two addresses that differ only in letter case or in the Unicode/punycode spelling of the
/// domain are equal (`==` compares [`Address::normalized`]).
#[derive(Clone, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Address {
    /// What the user typed, trimmed, with the domain lower-cased (Unicode form).
    display: String,
    /// Lower-case local part + `@` + ASCII (punycode) domain: the key in the vault and index.
    normalized: String,
    /// Byte offset of the `@` in `normalized`.
    at: usize,
}

/// Why a text is not accepted as a mailbox address. The `Display` text is written for the
/// person who typed it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AddressError {
    /// Nothing was typed.
    #[error("Please type your email address, for example ann@example.edu.")]
    Empty,
    /// The text has a display name or angle brackets, e.g. `Ann <ann@example.edu>`.
    #[error(
        "Please type only the address itself (like ann@example.edu), without a name or angle brackets."
    )]
    DisplayName,
    /// The text contains a space, tab or line break inside it.
    #[error("An email address cannot contain spaces. Please check what you typed.")]
    Whitespace,
    /// There is no `@`.
    #[error("An email address needs an @ between the name and the domain, like ann@example.edu.")]
    MissingAt,
    /// There is more than one `@`.
    #[error("An email address has only one @. Please check what you typed.")]
    SeveralAt,
    /// Nothing before the `@`.
    #[error("The part before the @ is missing.")]
    EmptyLocal,
    /// Nothing after the `@`.
    #[error("The part after the @ (the domain, like example.edu) is missing.")]
    EmptyDomain,
    /// The part before the `@` uses a character that mailbox names cannot have.
    #[error("The part before the @ contains {0:?}, which email addresses cannot use.")]
    BadLocalChar(char),
    /// An invisible or direction-changing character (zero-width space, right-to-left override,
    /// …) or a full-width letter: the address would look like another one and be kept as a
    /// different mailbox.
    #[error(
        "The address contains {} (U+{:04X}), a character that makes it look like another address. Please type the address yourself instead of pasting it.",
        crate::l10n::with(crate::l10n::Language::English, || crate::l10n::tr(look_alike_name(*.0))),
        u32::from(*.0)
    )]
    LookAlike(char),
    /// The part before the `@` starts or ends with a dot, or has two dots in a row.
    #[error("The part before the @ cannot start or end with a dot or have two dots in a row.")]
    BadLocalDots,
    /// A quoted local part (`"ann smith"@…`): valid in RFC 5322 but refused by the providers.
    #[error("Addresses with quotation marks are not supported by Microsoft 365 or Gmail.")]
    Quoted,
    /// The domain is not a valid internet domain name.
    #[error("{0:?} is not a valid domain. Check the part after the @, for example example.edu.")]
    BadDomain(String),
    /// The domain has no dot, so it cannot be a public mail domain.
    #[error("The domain {0:?} is incomplete: it needs a dot, like example.edu.")]
    DomainWithoutDot(String),
    /// The local part or the whole address is longer than the RFC 5321 limits.
    #[error("This address is too long to be a real mailbox address.")]
    TooLong,
}

impl AddressError {
    /// What is wrong, in the person's language (the `Display` text is the English one, for
    /// logs): the words of an `INVALID_ADDRESS` finding.
    pub fn words(&self) -> String {
        use crate::l10n::{tr, tr_with};
        let quoted = |id: &str, text: String| tr_with(id, &[("text", text.into())]);
        match self {
            AddressError::Empty => tr("detail-address-empty"),
            AddressError::DisplayName => tr("detail-address-display-name"),
            AddressError::Whitespace => tr("detail-address-spaces"),
            AddressError::MissingAt => tr("detail-address-missing-at"),
            AddressError::SeveralAt => tr("detail-address-several-at"),
            AddressError::EmptyLocal => tr("detail-address-empty-local"),
            AddressError::EmptyDomain => tr("detail-address-empty-domain"),
            AddressError::BadLocalChar(c) => quoted("detail-address-bad-char", format!("{c:?}")),
            AddressError::LookAlike(c) => tr_with(
                "detail-address-look-alike",
                &[
                    ("character", tr(look_alike_name(*c)).into()),
                    ("code", format!("U+{:04X}", u32::from(*c)).into()),
                ],
            ),
            AddressError::BadLocalDots => tr("detail-address-dots"),
            AddressError::Quoted => tr("detail-address-quoted"),
            AddressError::BadDomain(d) => quoted("detail-address-bad-domain", format!("{d:?}")),
            AddressError::DomainWithoutDot(d) => {
                quoted("detail-address-domain-without-dot", format!("{d:?}"))
            }
            AddressError::TooLong => tr("detail-address-too-long"),
        }
    }
}

impl Address {
    /// Parses and normalises user input.
    ///
    /// # Errors
    /// [`AddressError`] says what is wrong in words for the person who typed it.
    pub fn parse(input: &str) -> Result<Self, AddressError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(AddressError::Empty);
        }
        // Before any parsing: no spelling of a 254-character address (Unicode, not yet in NFC)
        // comes near this, and a pasted page must not be normalised and converted whole.
        if text.len() > MAX_INPUT_BYTES {
            return Err(AddressError::TooLong);
        }
        if text.contains(['<', '>']) {
            return Err(AddressError::DisplayName);
        }
        if text.starts_with('"') || text.contains("\"@") {
            return Err(AddressError::Quoted);
        }
        if text.chars().any(char::is_whitespace) {
            let words: Vec<&str> = text.split_whitespace().collect();
            return Err(
                if words.len() >= 3 && words.last().is_some_and(|w| w.contains('@')) {
                    // "Ann Smith ann@example.edu" is a name followed by an address.
                    AddressError::DisplayName
                } else {
                    AddressError::Whitespace
                },
            );
        }
        if let Some(c) = text.chars().find(|&c| is_look_alike(c)) {
            return Err(AddressError::LookAlike(c));
        }
        // One spelling per address: "é" typed as one character or as "e" + an accent is one
        // mailbox (Unicode NFC, as RFC 6530 §10.1 asks for internationalised addresses).
        let text: String = text.nfc().collect();
        let mut parts = text.split('@');
        let (local, domain) = match (parts.next(), parts.next(), parts.next()) {
            (Some(l), Some(d), None) => (l, d),
            (Some(_), None, _) => return Err(AddressError::MissingAt),
            _ => return Err(AddressError::SeveralAt),
        };
        if local.is_empty() {
            return Err(AddressError::EmptyLocal);
        }
        if domain.is_empty() {
            return Err(AddressError::EmptyDomain);
        }
        check_local(local)?;
        let (ascii_domain, unicode_domain) = normalise_domain(domain)?;
        let lower = local.to_lowercase();
        // Both spellings within the limits (RFC 5321 §4.5.3.1.1): lower case can be longer
        // ("Ⱦ", 2 bytes, is "ⱦ", 3 bytes), and each form must read back as the same address.
        let normalized = format!("{lower}@{ascii_domain}");
        if local.len().max(lower.len()) > MAX_LOCAL_LEN || normalized.len() > MAX_ADDRESS_LEN {
            return Err(AddressError::TooLong);
        }
        Ok(Self {
            display: format!("{local}@{unicode_domain}"),
            at: normalized.rfind('@').unwrap_or_default(),
            normalized,
        })
    }

    /// The canonical form: lower case, ASCII domain. Used as the vault key, in the XOAUTH2
    /// `user=` field and for comparisons.
    pub fn normalized(&self) -> &str {
        &self.normalized
    }

    /// The form to show the user: as typed, with the domain lower-cased.
    pub fn display(&self) -> &str {
        &self.display
    }

    /// The normalised local part (before the `@`).
    pub fn local_part(&self) -> &str {
        &self.normalized[..self.at]
    }

    /// The ASCII (punycode) domain, lower case.
    pub fn domain(&self) -> &str {
        &self.normalized[self.at + 1..]
    }

    /// True when `other` (for example a `preferred_username` claim) names this same mailbox,
    /// ignoring letter case and surrounding whitespace. Text that is not an address never matches.
    pub fn same_mailbox(&self, other: &str) -> bool {
        Address::parse(other).is_ok_and(|o| o == *self)
    }
}

/// Characters that make one address look like another: Unicode's format characters (category
/// Cf: zero-width space and joiners, bidirectional controls, the byte order mark, tags,
/// <https://www.unicode.org/reports/tr36/#Bidirectional_Text_Spoofing>) and the full-width
/// forms of ASCII, which IDNA would map for the domain but not for the part before the `@`.
fn is_look_alike(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{0600}'..='\u{0605}'
            | '\u{061C}'
            | '\u{06DD}'
            | '\u{070F}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FF01}'..='\u{FF5E}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
    )
}

/// The kind of look-alike character, in words.
/// The message that names the kind of look-alike character `c` is.
fn look_alike_name(c: char) -> &'static str {
    match c {
        '\u{FF01}'..='\u{FF5E}' => "detail-address-full-width",
        '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{061C}' => "detail-address-direction-character",
        _ => "detail-address-invisible-character",
    }
}

fn check_local(local: &str) -> Result<(), AddressError> {
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err(AddressError::BadLocalDots);
    }
    // RFC 5322 `atext` plus UTF-8 (RFC 6531 `UTF8-non-ascii`).
    const SPECIAL_OK: &str = "!#$%&'*+-/=?^_`{|}~.";
    let allowed = |c: char| {
        c.is_ascii_alphanumeric() || SPECIAL_OK.contains(c) || (!c.is_ascii() && !c.is_control())
    };
    match local.chars().find(|&c| !allowed(c)) {
        Some(c) => Err(AddressError::BadLocalChar(c)),
        None => Ok(()),
    }
}

/// Returns (ASCII form, Unicode form) of the domain, both lower case.
fn normalise_domain(domain: &str) -> Result<(String, String), AddressError> {
    let bad = || AddressError::BadDomain(domain.to_string());
    if domain.starts_with('[') {
        // Address literals like [192.0.2.1] are not mailboxes anyone can sign in to.
        return Err(bad());
    }
    let trimmed = domain.strip_suffix('.').unwrap_or(domain);
    let ascii = idna::domain_to_ascii_strict(trimmed).map_err(|_| bad())?;
    if ascii.is_empty()
        || ascii
            .split('.')
            .any(|label| label.is_empty() || label.len() > 63)
    {
        return Err(bad());
    }
    if !ascii.contains('.') {
        return Err(AddressError::DomainWithoutDot(domain.to_string()));
    }
    let (unicode, result) = idna::domain_to_unicode(&ascii);
    result.map_err(|_| bad())?;
    Ok((ascii, unicode))
}

impl PartialEq for Address {
    fn eq(&self, other: &Self) -> bool {
        self.normalized == other.normalized
    }
}
impl Eq for Address {}

impl std::hash::Hash for Address {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.normalized.hash(state);
    }
}

impl fmt::Display for Address {
    /// Shows the display form.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display)
    }
}

impl fmt::Debug for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Address({})", self.display)
    }
}

impl std::str::FromStr for Address {
    type Err = AddressError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Address::parse(s)
    }
}

impl TryFrom<String> for Address {
    type Error = AddressError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Address::parse(&s)
    }
}

impl From<Address> for String {
    fn from(a: Address) -> String {
        a.display
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_spelling_per_address_unicode_nfc() {
        // "é" as one character, and as "e" + a combining accent: one mailbox.
        let composed = Address::parse("jos\u{E9}@example.edu").unwrap();
        let decomposed = Address::parse("jose\u{301}@example.edu").unwrap();
        assert_eq!(composed.normalized(), decomposed.normalized());
        assert_eq!(decomposed.display(), "jos\u{E9}@example.edu");
    }

    #[test]
    fn look_alike_characters_are_refused_with_what_they_are() {
        for (text, c) in [
            ("a\u{200B}@example.edu", '\u{200B}'),
            ("\u{202E}a@example.edu", '\u{202E}'),
            ("ann@exa\u{200B}mple.edu", '\u{200B}'),
            ("\u{FF41}@example.edu", '\u{FF41}'),
            ("ann@example.edu\u{FEFF}", '\u{FEFF}'),
        ] {
            let e = Address::parse(text).unwrap_err();
            assert_eq!(e, AddressError::LookAlike(c), "{text:?}");
            assert!(e.to_string().contains("type the address yourself"), "{e}");
        }
        assert!(
            Address::parse("\u{202E}a@example.edu")
                .unwrap_err()
                .to_string()
                .contains("writing direction")
        );
        // Letters of other scripts stay allowed (RFC 6531).
        assert!(Address::parse("josé@example.edu").is_ok());
        assert!(Address::parse("用户@例子.广告").is_ok());
    }

    #[test]
    fn field_f21_case_and_whitespace_normalise_to_one_mailbox() {
        let a = Address::parse("  NextAvailableDCC@Example.EDU ").unwrap();
        assert_eq!(a.normalized(), "nextavailabledcc@example.edu");
        assert_eq!(a.display(), "NextAvailableDCC@example.edu");
        assert_eq!(
            Address::parse("User@EXAMPLE.edu").unwrap(),
            Address::parse("user@example.edu").unwrap()
        );
        assert!(a.same_mailbox("nextavailabledcc@EXAMPLE.edu"));
        assert!(!a.same_mailbox("other@example.edu"));
        assert!(!a.same_mailbox("not an address"));
    }

    #[test]
    fn idna_domains_become_punycode_and_keep_unicode_for_display() {
        let a = Address::parse("Jörg@Bücher.Example").unwrap();
        assert_eq!(a.domain(), "xn--bcher-kva.example");
        assert_eq!(a.normalized(), "jörg@xn--bcher-kva.example");
        assert_eq!(a.display(), "Jörg@bücher.example");
        assert_eq!(a, Address::parse("jörg@xn--bcher-kva.example").unwrap());
        assert_eq!(a.local_part(), "jörg");
    }

    #[test]
    fn trailing_root_dot_is_accepted() {
        assert_eq!(
            Address::parse("a@example.edu.").unwrap().domain(),
            "example.edu"
        );
    }

    #[test]
    fn refuses_what_is_not_an_addr_spec() {
        use AddressError::*;
        let cases: &[(&str, AddressError)] = &[
            ("", Empty),
            ("   \t", Empty),
            ("Ann <ann@example.edu>", DisplayName),
            ("<ann@example.edu>", DisplayName),
            ("Ann Smith ann@example.edu", DisplayName),
            ("ann smith@example.edu", Whitespace),
            ("ann@exa mple.edu", Whitespace),
            ("ann.example.edu", MissingAt),
            ("ann@@example.edu", SeveralAt),
            ("a@b@example.edu", SeveralAt),
            ("@example.edu", EmptyLocal),
            ("ann@", EmptyDomain),
            ("ann,x@example.edu", BadLocalChar(',')),
            ("ann\u{7}@example.edu", BadLocalChar('\u{7}')),
            (".ann@example.edu", BadLocalDots),
            ("ann.@example.edu", BadLocalDots),
            ("a..nn@example.edu", BadLocalDots),
            ("\"ann smith\"@example.edu", Quoted),
            ("ann@localhost", DomainWithoutDot("localhost".into())),
            ("ann@[192.0.2.1]", BadDomain("[192.0.2.1]".into())),
            ("ann@exa_mple.edu", BadDomain("exa_mple.edu".into())),
            ("ann@example..edu", BadDomain("example..edu".into())),
            ("ann@-example.edu", BadDomain("-example.edu".into())),
        ];
        for (input, want) in cases {
            assert_eq!(Address::parse(input).unwrap_err(), *want, "input {input:?}");
        }
        let long_local = format!("{}@example.edu", "a".repeat(65));
        assert_eq!(Address::parse(&long_local).unwrap_err(), TooLong);
        // 64 bytes as typed, 65 in lower case ("Ⱦ" is 2 bytes, "ⱦ" 3): its normalised form
        // would be refused when read back, so the typed one is too (found by fuzzing).
        let grows = format!("{}\u{23E}@example.edu", "a".repeat(62));
        assert_eq!(grows.find('@'), Some(64));
        assert_eq!(Address::parse(&grows).unwrap_err(), TooLong);
        // A pasted page is refused by its length before anything else is checked.
        let page = format!("Ann <{}@example.edu>", "a".repeat(MAX_INPUT_BYTES));
        assert_eq!(Address::parse(&page).unwrap_err(), TooLong);
    }

    #[test]
    fn error_texts_are_plain_words() {
        let text = Address::parse("Ann <ann@example.edu>")
            .unwrap_err()
            .to_string();
        assert!(text.contains("without a name"), "{text}");
    }

    #[test]
    fn serde_round_trips_through_the_display_form() {
        let a = Address::parse("Ann@Example.edu").unwrap();
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(json, "\"Ann@example.edu\"");
        let back: Address = serde_json::from_str(&json).unwrap();
        assert_eq!(back, a);
        assert!(serde_json::from_str::<Address>("\"nope\"").is_err());
    }
}
