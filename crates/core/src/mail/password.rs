//! Password sign-in to mail servers (Google App Passwords, other providers' passwords) and the
//! App Password's normal form.
//!
//! Rules: only over TLS (the connections are TLS before any of this runs); SMTP `AUTH PLAIN`,
//! else `LOGIN` (RFC 4616, RFC 4954); IMAP `AUTHENTICATE PLAIN` when offered, else `LOGIN` with
//! the arguments quoted by async-imap (RFC 9051 §6.2.3); never XOAUTH2 with a password (test
//! `field_f20_app_password_account_never_falls_back_to_xoauth2` in crates/cli/tests/providers.rs).

use secrecy::{ExposeSecret, SecretString};

/// A Google App Password as pasted, made usable
/// (<https://support.google.com/accounts/answer/185833>; test `field_f19_app_password_with_spaces_is_normalised` below).
#[derive(Debug)]
pub struct Normalised {
    /// The password to use.
    pub password: SecretString,
    /// What was changed or looks wrong, in words for the person (never the password).
    pub note: Option<String>,
    /// Whether it has an App Password's shape (16 letters once the spaces are removed).
    pub app_password_shape: bool,
}

/// Google shows App Passwords as four groups of four letters; the spaces are cosmetic. When
/// removing all whitespace leaves exactly 16 ASCII letters, that is the password. Anything else
/// is kept exactly as typed, with a note.
pub fn normalise_app_password(input: &SecretString) -> Normalised {
    let text = input.expose_secret();
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.len() == 16 && compact.chars().all(|c| c.is_ascii_alphabetic()) {
        let note = (compact != text).then(|| crate::l10n::tr("detail-password-spaces-removed"));
        return Normalised {
            password: SecretString::from(compact),
            note,
            app_password_shape: true,
        };
    }
    let count = || [("count", text.chars().count().into())];
    let why = if compact.is_empty() {
        crate::l10n::tr("detail-password-empty")
    } else if compact.len() != text.len() {
        crate::l10n::tr_with("detail-password-not-app-password-spaces", &count())
    } else {
        crate::l10n::tr_with("detail-password-not-app-password", &count())
    };
    Normalised {
        password: input.clone(),
        note: Some(why),
        app_password_shape: false,
    }
}

/// The SASL PLAIN message: `\0user\0password` (RFC 4616). Secret.
pub fn plain_response(user: &str, password: &SecretString) -> SecretString {
    SecretString::from(format!("\0{user}\0{}", password.expose_secret()))
}

/// An async-imap authenticator for `AUTHENTICATE PLAIN`.
pub struct ImapPlain {
    response: SecretString,
}

impl ImapPlain {
    /// For `user` with `password`.
    pub fn new(user: &str, password: &SecretString) -> Self {
        ImapPlain {
            response: plain_response(user, password),
        }
    }
}

impl async_imap::Authenticator for &ImapPlain {
    type Response = Vec<u8>;
    fn process(&mut self, _challenge: &[u8]) -> Vec<u8> {
        self.response.expose_secret().as_bytes().to_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> (String, Option<String>) {
        let n = normalise_app_password(&SecretString::from(s.to_owned()));
        (n.password.expose_secret().to_owned(), n.note)
    }

    #[test]
    fn field_f19_app_password_with_spaces_is_normalised() {
        assert_eq!(norm("abcd efgh ijkl mnop ").0, "abcdefghijklmnop");
        assert_eq!(norm(" abcdefghijklmnop\n").0, "abcdefghijklmnop");
        assert_eq!(norm("abcd\u{a0}efgh\tijkl mnop").0, "abcdefghijklmnop");
        assert!(norm("abcd efgh ijkl mnop").1.unwrap().contains("spaces"));
        assert_eq!(norm("abcdefghijklmnop").1, None);
    }

    #[test]
    fn anything_else_is_kept_as_typed_and_noted() {
        let (p, note) = norm("abcd efgh");
        assert_eq!(p, "abcd efgh");
        assert!(note.unwrap().contains("used exactly as typed"));
        let (p, note) = norm("My-Google-Passw0rd");
        assert_eq!(p, "My-Google-Passw0rd");
        assert!(note.unwrap().contains("normal Google password"));
        assert!(
            !format!(
                "{:?}",
                normalise_app_password(&SecretString::from("abcd efgh ijkl mnop"))
            )
            .contains("abcd")
        );
    }

    #[test]
    fn plain_message_shape() {
        let m = plain_response("ann@gmail.example", &SecretString::from("pw"));
        assert_eq!(m.expose_secret(), "\0ann@gmail.example\0pw");
    }
}
