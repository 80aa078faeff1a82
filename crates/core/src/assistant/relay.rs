//! The assistant's side of the local relay ([`crate::relay`]): which programs may send as a
//! mailbox (their local passwords in the vault), and submitting their messages with the
//! mailbox's sign-in over XOAUTH2 — the token from the same single-flight renewal as `verify`
//! and `mailsetup token`.

use secrecy::{ExposeSecret, SecretString};
use serde::Serialize;
use subtle::ConstantTimeEq as _;

use super::Assistant;
use crate::address::Address;
use crate::findings::{Finding, FindingCode, Param};
use crate::mail::smtp::Smtp;
use crate::relay::{Gateway, Sender};
use crate::vault::RelayProgram;

/// The letters of a local password: no 0/o, 1/l (read aloud or copied by hand).
const ALPHABET: &[u8; 32] = b"abcdefghijkmnpqrstuvwxyz23456789";

/// A program allowed to use the relay, without its password (for lists).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RelayProgramInfo {
    /// The mailbox it sends as.
    pub mailbox: String,
    /// Its name.
    pub name: String,
    /// Other addresses it may send from.
    pub send_as: Vec<String>,
    /// When it was added, seconds since the epoch.
    pub added_at: u64,
}

/// A program just added: its local password, shown once.
pub struct AddedProgram {
    /// What is listed for it.
    pub info: RelayProgramInfo,
    /// The user name the program signs in to the relay with (the mailbox address).
    pub user: String,
    /// The local password (secret; shown to the person once, kept only in the vault).
    pub password: SecretString,
    /// A program of that name (in any case) had a password, which stopped working now.
    pub replaced: bool,
}

/// A new local password: 20 letters and digits from the OS's secure random source (100 bits),
/// in groups of five.
fn new_password() -> Result<SecretString, Finding> {
    let mut bytes = zeroize::Zeroizing::new([0u8; 20]);
    rustls::crypto::ring::default_provider()
        .secure_random
        .fill(&mut bytes[..])
        .map_err(|_| Finding::internal("no secure random numbers"))?;
    let mut out = zeroize::Zeroizing::new(String::with_capacity(23));
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 && i % 5 == 0 {
            out.push('-');
        }
        out.push(char::from(ALPHABET[usize::from(b % 32)]));
    }
    Ok(SecretString::from(out.as_str()))
}

/// The program's name as typed (trimmed), or `RELAY_PROGRAM_NAME_INVALID`.
fn check_name(name: &str) -> Result<String, Finding> {
    let name = name.trim();
    let fine = !name.is_empty()
        && name.chars().count() <= 40
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.'));
    if fine {
        Ok(name.to_owned())
    } else {
        Err(Finding::new(FindingCode::RelayProgramNameInvalid))
    }
}

impl Assistant {
    /// Allows `program` to send through the relay as `address` (and as `send_as`), with a new
    /// local password; a program of that name gets a new password (the old one stops working).
    ///
    /// # Errors
    /// `NOT_SIGNED_IN`; `PASSWORD_SIGN_IN_HAS_NO_TOKEN` (the relay sends with a sign-in);
    /// `INVALID_ADDRESS` for a bad name or Send As address; vault findings.
    pub async fn relay_add(
        &self,
        address: &Address,
        program: &str,
        send_as: &[String],
    ) -> Result<AddedProgram, Finding> {
        let name = check_name(program)?;
        let send_as = send_as
            .iter()
            .map(|a| Address::parse(a).map(|a| a.normalized().to_owned()))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| {
                Finding::new(FindingCode::InvalidAddress).with(Param::Problem, e.words())
            })?;
        super::helper::with_token(address, self.vault.load(address).await?)?;
        // One change at a time per mailbox, across processes (two adds must not lose one).
        let _lock = self.renewal_lock(address).await?;
        let mut programs = self.vault.load_relay_programs(address).await?;
        let before = programs.len();
        programs.retain(|p| !same_name(&p.name, &name));
        let replaced = programs.len() < before;
        let password = new_password()?;
        let added = RelayProgram {
            name,
            password: password.clone(),
            send_as,
            added_at: self.clock.now_secs(),
            id: uuid::Uuid::new_v4().simple().to_string(),
        };
        programs.push(added.clone());
        self.vault.save_relay_programs(address, &programs).await?;
        Ok(AddedProgram {
            info: info(address, &added),
            user: address.normalized().to_owned(),
            password,
            replaced,
        })
    }

    /// Revokes `program`'s local password; returns whether there was such a program.
    ///
    /// # Errors
    /// Vault findings.
    pub async fn relay_remove(&self, address: &Address, program: &str) -> Result<bool, Finding> {
        let _lock = self.renewal_lock(address).await?;
        let mut programs = self.vault.load_relay_programs(address).await?;
        let before = programs.len();
        programs.retain(|p| !same_name(&p.name, program.trim()));
        if programs.len() == before {
            return Ok(false);
        }
        self.vault.save_relay_programs(address, &programs).await?;
        Ok(true)
    }

    /// The programs allowed to use the relay, for every mailbox set up here.
    ///
    /// # Errors
    /// The account list's or the vault's finding.
    pub async fn relay_programs(&self) -> Result<Vec<RelayProgramInfo>, Finding> {
        let mut out = Vec::new();
        for summary in self.accounts.list()? {
            let Ok(address) = Address::parse(&summary.mailbox) else {
                continue;
            };
            for p in self.vault.load_relay_programs(&address).await? {
                out.push(info(&address, &p));
            }
        }
        Ok(out)
    }
}

/// Program names are told apart ignoring case ("Scanner" is "scanner").
fn same_name(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}

fn info(address: &Address, p: &RelayProgram) -> RelayProgramInfo {
    RelayProgramInfo {
        mailbox: address.normalized().to_owned(),
        name: p.name.clone(),
        send_as: p.send_as.clone(),
        added_at: p.added_at,
    }
}

fn envelope(from: &str, to: &[String]) -> Result<lettre::address::Envelope, Finding> {
    let bad = |what: &str| {
        Finding::new(FindingCode::InvalidAddress).with(
            Param::Problem,
            crate::l10n::tr_with(
                "detail-relay-not-an-address",
                &[("text", what.to_owned().into())],
            ),
        )
    };
    let from = from.parse::<lettre::Address>().map_err(|_| bad(from))?;
    let to = to
        .iter()
        .map(|t| t.parse::<lettre::Address>().map_err(|_| bad(t)))
        .collect::<Result<Vec<_>, _>>()?;
    lettre::address::Envelope::new(Some(from), to).map_err(|_| bad("the recipient list"))
}

#[async_trait::async_trait]
impl Gateway for Assistant {
    async fn authenticate(&self, user: &str, password: &SecretString) -> Result<Sender, Finding> {
        let refused = || Finding::new(FindingCode::RelayPasswordRefused);
        let address = Address::parse(user).map_err(|_| refused())?;
        let programs = self.vault.load_relay_programs(&address).await?;
        let given = password.expose_secret().as_bytes();
        let program = programs
            .into_iter()
            .find(|p| bool::from(p.password.expose_secret().as_bytes().ct_eq(given)))
            .ok_or_else(refused)?;
        // The sign-in must work now: a revoked one answers AUTH with its reason.
        self.token(&address).await?;
        Ok(Sender {
            mailbox: address,
            program: program.name,
            send_as: program.send_as,
            grant: program.id,
        })
    }

    /// Submits with the mailbox's sign-in (XOAUTH2), renewing the token once when the server
    /// refuses it as expired.
    async fn submit(
        &self,
        sender: &Sender,
        from: &str,
        to: &[String],
        message: &[u8],
    ) -> Result<(), Finding> {
        let mailbox = &sender.mailbox;
        let envelope = envelope(from, to)?;
        let profile = self.profile(mailbox);
        // Connecting needs no credential: the vault is read while the server is reached.
        let (still, token, smtp) = tokio::join!(
            self.vault.load_relay_programs(mailbox),
            self.token(mailbox),
            Smtp::connect(&profile.smtp, &self.trust, &self.settings.timeouts)
        );
        let mut smtp = smtp?;
        // Removed (or given a new password) since it signed in: its open connection ends too.
        let allowed = still.map(|still| {
            still
                .iter()
                .any(|p| p.id == sender.grant && !p.id.is_empty())
        });
        let ready = match (allowed, token) {
            (Ok(true), Ok(token)) => Ok(token),
            (Ok(false), _) => Err(Finding::new(FindingCode::RelayPasswordRefused)),
            (Err(f), _) | (_, Err(f)) => Err(f),
        };
        let mut token = match ready {
            Ok(token) => token,
            Err(f) => {
                smtp.quit().await;
                return Err(f);
            }
        };
        let mut signed_in = smtp.auth_xoauth2(&token.smtp_user, &token.token).await;
        if let Err(f) = &signed_in
            && matches!(
                f.code,
                FindingCode::AccessTokenRefused | FindingCode::AuthRejected
            )
            && !token.renewed
        {
            token = self.token_unless(mailbox, Some(&token.token)).await?;
            signed_in = smtp.auth_xoauth2(&token.smtp_user, &token.token).await;
        }
        let sent = match signed_in {
            Ok(()) => smtp.send(&envelope, message).await,
            Err(f) => Err(f),
        };
        smtp.quit().await;
        sent.map_err(|f| f.with_if_used(Param::Mailbox, mailbox.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_passwords_are_long_random_and_unambiguous() {
        let a = new_password().unwrap();
        let b = new_password().unwrap();
        assert_ne!(a.expose_secret(), b.expose_secret());
        let a = a.expose_secret();
        assert_eq!(a.len(), 23, "{a}");
        assert_eq!(a.split('-').count(), 4);
        assert!(a.bytes().all(|c| c == b'-' || ALPHABET.contains(&c)));
    }

    #[test]
    fn program_names_are_checked() {
        assert_eq!(check_name(" scanner ").unwrap(), "scanner");
        assert!(check_name("Accounts app 2").is_ok());
        for bad in ["", "a\r\nb", "x#relay", &"n".repeat(41)] {
            assert!(check_name(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn the_envelope_takes_only_addresses() {
        assert!(envelope("ann@example.edu", &["bob@example.edu".into()]).is_ok());
        assert!(envelope("ann@example.edu", &["bob".into()]).is_err());
        assert!(envelope("", &["bob@example.edu".into()]).is_err());
    }
}
