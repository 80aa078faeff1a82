//! Verification of a saved sign-in. Order (each line's parts run at the same time):
//!
//! 1. read the vault;
//! 2. renew the access token (OAuth) and store the renewal (rotated refresh token, access token
//!    cache) before the token is used ∥ connect to SMTP (STARTTLS) ∥ connect to IMAP (TLS) —
//!    connecting needs no credential;
//! 3. SMTP: `AUTH XOAUTH2` (or
//!    PLAIN/LOGIN with a password), and with `send_test` a message to the mailbox itself with a
//!    unique `Message-ID` ∥ IMAP: `AUTHENTICATE XOAUTH2` (or PLAIN/LOGIN), `SELECT INBOX` (a
//!    successful AUTHENTICATE alone is not enough: test
//!    `field_f03_accepted_then_not_connected_with_matching_claims_is_a_closed_mailbox` in
//!    crates/cli/tests/scripted.rs), and with `send_test` a poll for that `Message-ID`.
//!
//! A failed write of the renewal fails the verification before any server sees the token. A
//! saved access token a server refuses as expired or invalid (XOAUTH2 status 401) is never sent
//! again: the sign-in is renewed (the new token replaces it in the vault, under the mailbox's
//! lock) and both servers are tried once more.
//!
//! Shared mailboxes (test `field_f05_shared_mailbox_full_access_and_send_as_checked_separately`
//! in crates/cli/tests/microsoft365.rs): the delegate's token is used for both.
//! IMAP signs in with `user=` the shared address (needs Full Access); SMTP signs in with `user=`
//! the delegate and sends `MAIL FROM` the shared address (needs Send As), the form Exchange
//! accepts. A failure on either side names the missing permission.

use futures_util::FutureExt as _;
use secrecy::{ExposeSecret, SecretString};
use tokio::sync::oneshot;

use super::{Action, Assistant, Outcome, VerifyOptions};
use crate::address::Address;
use crate::findings::{Finding, FindingCode, Param};
use crate::mail::TestMessage;
use crate::mail::imap::ImapConnection;
use crate::mail::smtp::Smtp;
use crate::oauth::claims::TokenClaims;
use crate::progress::{Done, ProgressSink, Run, Step};
use crate::provider::ProviderKind;
use crate::vault::{AccountRecord, CachedAccessToken, Credential};

/// Mailboxes verified at once by [`Assistant::verify_all`]. Each verification holds one SMTP
/// and one IMAP connection; Exchange allows 3 concurrent SMTP connections per mailbox (more get
/// `4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded`:
/// <https://www.michev.info/Blog/Post/2075/controlling-smtp-authentication-for-office-365-mailboxes>),
/// and these are different mailboxes.
pub const BATCH_CONCURRENCY: usize = 10;

/// What the mail servers are signed in with.
#[derive(Clone)]
enum Secret {
    /// An OAuth access token (XOAUTH2).
    Token(SecretString),
    /// A password (PLAIN/LOGIN) and the login name.
    Password {
        secret: SecretString,
        username: String,
        kind: ProviderKind,
    },
}

/// What one sign-in attempt to the mail servers works with.
struct Attempt<'a> {
    address: &'a Address,
    record: &'a AccountRecord,
    identity: &'a Identity<'a>,
    opts: VerifyOptions,
    run: &'a Run<'a>,
}

/// A mail server refused the access token itself (not the mailbox or the account).
fn refused_token(code: FindingCode) -> bool {
    matches!(
        code,
        FindingCode::AccessTokenRefused | FindingCode::AuthRejected
    )
}

/// Who the mail servers see: the mailbox, and the account whose token is used.
struct Identity<'a> {
    mailbox: &'a Address,
    delegate: Option<Address>,
    /// Who signed in, as saved (`preferred_username`), when known.
    signed_in: Option<String>,
}

impl Identity<'_> {
    /// XOAUTH2 `user=` for IMAP: always the mailbox.
    fn imap_user(&self) -> &str {
        self.mailbox.normalized()
    }

    /// XOAUTH2 `user=` for SMTP: the delegate for a shared mailbox (test
    /// `field_f05_shared_mailbox_full_access_and_send_as_checked_separately`), else the mailbox.
    fn smtp_user(&self) -> &str {
        self.delegate
            .as_ref()
            .map_or(self.mailbox.normalized(), Address::normalized)
    }

    /// Turns a failure into the shared-mailbox finding when it means a missing permission.
    fn explain(&self, f: Finding, imap: bool) -> Finding {
        let Some(delegate) = &self.delegate else {
            let signed_in = self.signed_in.as_deref().unwrap_or(self.mailbox.display());
            let same =
                Address::parse(signed_in).is_ok_and(|s| s.same_mailbox(self.mailbox.normalized()));
            if f.code == FindingCode::WrongAccountOrNoMailboxAccess && same {
                // The claims match: not the wrong-account trap; the mailbox is closed to it (test
                // `field_f03_accepted_then_not_connected_with_matching_claims_is_a_closed_mailbox`).
                return f
                    .recode(FindingCode::MailboxAccessDenied)
                    .with(Param::Mailbox, self.mailbox.display());
            }
            return f
                .with_if_used(Param::Mailbox, self.mailbox.display())
                .with_if_used(Param::SignedIn, signed_in);
        };
        let code = match (imap, f.code) {
            (
                true,
                FindingCode::AuthRejected
                | FindingCode::AccessTokenRefused
                | FindingCode::WrongAccountOrNoMailboxAccess,
            ) => FindingCode::SharedMailboxNoFullAccess,
            (
                false,
                FindingCode::MessageRejected
                | FindingCode::AuthRejected
                | FindingCode::AccessTokenRefused
                | FindingCode::SendAsDenied,
            ) => FindingCode::SharedMailboxNoSendAs,
            _ => {
                return f
                    .with_if_used(Param::Mailbox, self.mailbox.display())
                    .with_if_used(Param::SignedIn, delegate.display());
            }
        };
        let problem = f.title.clone();
        f.recode(code)
            .with(Param::Mailbox, self.mailbox.display())
            .with(Param::SignedIn, delegate.display())
            .with_if_used(Param::Problem, problem)
    }
}

impl Assistant {
    /// Verifies the saved sign-in: token, SMTP XOAUTH2 (+ test message) and IMAP XOAUTH2 +
    /// SELECT (+ finds the test message).
    pub async fn verify(
        &self,
        address: &Address,
        opts: VerifyOptions,
        sink: &dyn ProgressSink,
    ) -> Outcome {
        let run = Run::new(sink);
        let mut claims = None;
        let result = self.verify_steps(address, opts, &run, &mut claims).await;
        let mut outcome = Outcome::from_run(Action::Verify, address, run, result);
        outcome.token = claims;
        self.remember(address, &outcome);
        let passed = outcome.passed;
        let now = self.clock.now_secs();
        let challenge = outcome.findings().find_map(|f| f.claims.clone());
        let _ = self.accounts.update(address, &mut |s| {
            s.last_check_at = Some(now);
            s.last_check_passed = Some(passed);
            if passed {
                s.last_success_at = Some(now);
                s.claims_challenge = None;
            } else if challenge.is_some() {
                // For the next sign-in, also in another process (test
                // `field_n07_a_renewal_challenge_goes_into_the_next_authorization_request`).
                s.claims_challenge.clone_from(&challenge);
            }
        });
        outcome
    }

    /// The helpdesk's "full check": the connection check, then the verification (with a test
    /// message when `opts.send_test`), reported through one sink. Both outcomes are kept for
    /// [`Assistant::report`].
    pub async fn full_check(
        &self,
        address: &Address,
        opts: VerifyOptions,
        sink: &dyn ProgressSink,
    ) -> Vec<Outcome> {
        let check = self.check_connection(address, sink).await;
        let verify = self.verify(address, opts, sink).await;
        vec![check, verify]
    }

    /// Verifies every account in the index, [`BATCH_CONCURRENCY`] at a time; `on_done` hears
    /// each verification's outcome as it arrives. Outcomes come back in the index's order.
    /// `full`: the helpdesk's full check for each ([`Assistant::full_check`]: the connection check
    /// first), so that [`Assistant::report`] has both for every mailbox.
    ///
    /// # Errors
    /// `INTERNAL` when the account list cannot be read.
    pub async fn verify_all(
        &self,
        opts: VerifyOptions,
        full: bool,
        on_done: &(dyn Fn(&Outcome) + Sync),
    ) -> Result<Vec<Outcome>, Finding> {
        use futures_util::StreamExt;
        let addresses: Vec<Address> = self
            .accounts
            .list()?
            .iter()
            .filter_map(|s| Address::parse(&s.mailbox).ok())
            .collect();
        let mut outcomes: Vec<(usize, Outcome)> =
            futures_util::stream::iter(addresses.iter().enumerate().map(|(i, a)| async move {
                let quiet = crate::progress::ignore();
                if full {
                    self.check_connection(a, &quiet).await;
                }
                let o = self.verify(a, opts, &quiet).await;
                on_done(&o);
                (i, o)
            }))
            .buffer_unordered(BATCH_CONCURRENCY)
            .collect()
            .await;
        outcomes.sort_by_key(|(i, _)| *i);
        Ok(outcomes.into_iter().map(|(_, o)| o).collect())
    }

    async fn verify_steps(
        &self,
        address: &Address,
        opts: VerifyOptions,
        run: &Run<'_>,
        claims: &mut Option<TokenClaims>,
    ) -> Result<(), Finding> {
        let (record, cached) = self.read_saved(address, run).await?;
        let identity = Identity {
            mailbox: address,
            delegate: record
                .sign_in_as
                .as_deref()
                .and_then(|d| Address::parse(d).ok()),
            signed_in: self
                .accounts
                .get(address)
                .ok()
                .flatten()
                .and_then(|s| s.signed_in_as),
        };
        let attempt = Attempt {
            address,
            record: &record,
            identity: &identity,
            opts,
            run,
        };
        let mark = run.mark();
        // Boxed: two attempts inline make a future too large for Windows' 1 MiB main-thread
        // stack in a debug build (a stack overflow under Wine in the Windows suite).
        let (result, used) = Box::pin(self.attempt(&attempt, cached, None)).await;
        let Some((Secret::Token(token), from_cache)) = used else {
            return result;
        };
        *claims = TokenClaims::read(token.expose_secret());
        let Err(f) = &result else { return result };
        if !from_cache || !refused_token(f.code) {
            return result;
        }
        // A mail server refused the saved access token as expired or invalid (XOAUTH2 status
        // 401): the sign-in is renewed and tried once more with the new token — never the
        // refused one again; the renewal, under the mailbox's lock, replaces it in the vault
        // (test `field_t25_a_refused_saved_token_is_dropped_renewed_and_tried_once` in
        // crates/cli/tests/field_cases.rs). Nothing is deleted here, outside the lock: another
        // process may have saved a newer token meanwhile.
        if f.code != FindingCode::AccessTokenRefused {
            return result;
        }
        let (retry, used) = Box::pin(self.attempt(&attempt, None, Some(&token))).await;
        if let Some((Secret::Token(token), _)) = used {
            *claims = TokenClaims::read(token.expose_secret());
        }
        if retry.is_ok() {
            // The refused token's failures stay in the timeline, as information.
            run.overcome_since(mark);
        }
        retry
    }

    /// One sign-in to both mail servers with one credential, and the checks; returns the
    /// credential used (and whether it came from the vault's cache).
    async fn attempt(
        &self,
        a: &Attempt<'_>,
        cached: Option<CachedAccessToken>,
        refused: Option<&SecretString>,
    ) -> (Result<(), Finding>, Option<(Secret, bool)>) {
        let (run, address) = (a.run, a.address);
        let profile = self.profile(address);
        let t = self.settings.timeouts;
        // Connecting needs no credential: both servers are reached while the sign-in renews.
        let smtp_conn = run.step_detail(Step::SmtpConnect, async {
            let s = Smtp::connect(&profile.smtp, &self.trust, &t).await?;
            let detail = s.describe();
            Ok(Done::with_detail(s, detail))
        });
        let imap_conn = run.step_detail(Step::ImapConnect, async {
            let c = ImapConnection::connect(&profile.imap, &self.trust, &t).await?;
            let detail = c.describe();
            Ok(Done::with_detail(c, detail))
        });
        // Each mail server signs in as soon as the credential and its own connection are ready;
        // a renewed token arrives only after its refresh token is saved.
        let credential = self
            .credential(address, a.record, cached, refused, profile.kind, run)
            .shared();
        let (tx, rx) = oneshot::channel();
        let send = a.opts.send_test;
        let smtp = async {
            let (cred, conn) = tokio::join!(credential.clone(), smtp_conn);
            match cred {
                Ok((secret, _)) => {
                    self.smtp_check(run, a.identity, conn, &secret, send.then_some(tx))
                        .await
                }
                Err(f) => {
                    if let Ok(s) = conn {
                        s.quit().await;
                    }
                    Err(f)
                }
            }
        };
        let imap = async {
            let (cred, conn) = tokio::join!(credential.clone(), imap_conn);
            let (secret, _) = cred?;
            self.imap_check(run, a.identity, conn, &secret, send.then_some(rx))
                .await
        };
        let (smtp, imap) = tokio::join!(smtp, imap);
        (smtp.and(imap), credential.await.ok())
    }

    /// The record and the access token cache: separate vault entries, read at once.
    async fn read_saved(
        &self,
        address: &Address,
        run: &Run<'_>,
    ) -> Result<(AccountRecord, Option<CachedAccessToken>), Finding> {
        run.step(Step::VaultRead, async {
            let (record, cached) = tokio::join!(
                self.vault.load(address),
                self.vault.load_access_token(address)
            );
            Ok((super::tokens::saved(address, record?)?, cached?))
        })
        .await
    }

    /// The credential: a cached or renewed access token — a renewal stored in the vault before
    /// the token is returned, so nothing uses a token whose refresh token is not saved — or the
    /// stored password. `refused`: a token a mail server refused, never sent again.
    async fn credential(
        &self,
        address: &Address,
        record: &AccountRecord,
        cached: Option<CachedAccessToken>,
        refused: Option<&SecretString>,
        kind: ProviderKind,
        run: &Run<'_>,
    ) -> Result<(Secret, bool), Finding> {
        Ok(match &record.credential {
            Credential::RefreshToken(_) => {
                let token = run
                    .step_detail(
                        Step::TokenRefresh,
                        self.access_token(address, cached, refused),
                    )
                    .await?;
                if let Some(w) = token.warning {
                    run.warn(Step::Clock, w);
                }
                if let Some(renewal) = token.renewal {
                    run.step_detail(Step::VaultStore, self.store_renewal(address, renewal))
                        .await?;
                }
                (Secret::Token(token.secret), token.from_cache)
            }
            Credential::Password { secret, username } => (
                Secret::Password {
                    secret: secret.clone(),
                    username: username
                        .clone()
                        .unwrap_or_else(|| address.normalized().to_owned()),
                    kind,
                },
                false,
            ),
        })
    }

    async fn smtp_check(
        &self,
        run: &Run<'_>,
        who: &Identity<'_>,
        conn: Result<Smtp, Finding>,
        secret: &Secret,
        sent: Option<oneshot::Sender<String>>,
    ) -> Result<(), Finding> {
        let mut smtp = conn?;
        let result = async {
            run.step_detail(Step::SmtpAuth, async {
                let detail = match secret {
                    Secret::Token(token) => {
                        smtp.auth_xoauth2(who.smtp_user(), token)
                            .await
                            .map_err(|f| who.explain(f, false))?;
                        format!("XOAUTH2 as {}", who.smtp_user())
                    }
                    Secret::Password {
                        secret,
                        username,
                        kind,
                    } => {
                        smtp.auth_password(username, secret).await.map_err(|f| {
                            super::password::rejected(f, *kind, &smtp.label(), who.mailbox)
                        })?;
                        format!("password as {username}")
                    }
                };
                Ok(Done::with_detail((), detail))
            })
            .await?;
            if let Some(sent) = sent {
                let message = TestMessage::new(who.mailbox)?;
                run.step_detail(Step::SmtpSend, async {
                    smtp.send(&message.envelope, &message.bytes)
                        .await
                        .map_err(|f| who.explain(f, false))?;
                    Ok(Done::with_detail(
                        (),
                        format!("Message-ID {}", message.message_id),
                    ))
                })
                .await?;
                let _ = sent.send(message.message_id);
            }
            Ok(())
        }
        .await;
        smtp.quit().await;
        result
    }

    async fn imap_check(
        &self,
        run: &Run<'_>,
        who: &Identity<'_>,
        conn: Result<ImapConnection, Finding>,
        secret: &Secret,
        sent: Option<oneshot::Receiver<String>>,
    ) -> Result<(), Finding> {
        let t = self.settings.timeouts;
        let conn = conn?;
        let mut session = run
            .step_detail(Step::ImapAuth, async {
                match secret {
                    Secret::Token(token) => {
                        let s = conn
                            .auth_xoauth2(who.imap_user(), token)
                            .await
                            .map_err(|f| who.explain(f, true))?;
                        Ok(Done::with_detail(
                            s,
                            format!("XOAUTH2 as {}", who.imap_user()),
                        ))
                    }
                    Secret::Password {
                        secret,
                        username,
                        kind,
                    } => {
                        let server = conn.label();
                        let s = conn.auth_password(username, secret).await.map_err(|f| {
                            super::password::rejected(f, *kind, &server, who.mailbox)
                        })?;
                        Ok(Done::with_detail(s, format!("password as {username}")))
                    }
                }
            })
            .await?;
        let result = async {
            run.step_detail(Step::ImapSelect, async {
                let exists = session
                    .select_inbox()
                    .await
                    .map_err(|f| who.explain(f, true))?;
                Ok(Done::with_detail(
                    (),
                    crate::l10n::tr_with("detail-step-inbox-count", &[("count", exists.into())]),
                ))
            })
            .await?;
            if let Some(sent) = sent
                && let Ok(message_id) = sent.await
            {
                run.step_detail(Step::ImapFind, async {
                    let (uid, took) = session
                        .find_message_id(&message_id, t.message_arrival)
                        .await
                        .map_err(|f| f.with_if_used(Param::Mailbox, who.mailbox.display()))?;
                    Ok(Done::with_detail(
                        (),
                        crate::l10n::tr_with(
                            "detail-step-found-uid",
                            &[
                                ("uid", uid.to_string().into()),
                                ("ms", took.as_millis().to_string().into()),
                            ],
                        ),
                    ))
                })
                .await?;
            }
            Ok(())
        }
        .await;
        session.logout().await;
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assistant::fakes::harness;
    use crate::settings::Settings;

    #[tokio::test]
    async fn without_a_saved_sign_in_nothing_is_contacted() {
        let h = harness(Settings::default());
        let a = Address::parse("ann@example.edu").unwrap();
        let outcome = h
            .assistant
            .verify(
                &a,
                VerifyOptions { send_test: true },
                &crate::progress::ignore(),
            )
            .await;
        assert!(!outcome.passed);
        let steps: Vec<Step> = outcome.steps.iter().map(|s| s.step).collect();
        assert_eq!(steps, [Step::VaultRead]);
        assert_eq!(
            outcome.findings().next().unwrap().code,
            FindingCode::NotSignedIn
        );
    }

    fn who<'a>(
        mailbox: &'a Address,
        delegate: Option<&str>,
        signed_in: Option<&str>,
    ) -> Identity<'a> {
        Identity {
            mailbox,
            delegate: delegate.map(|d| Address::parse(d).unwrap()),
            signed_in: signed_in.map(str::to_owned),
        }
    }

    #[test]
    fn a_shared_mailbox_failure_names_the_missing_permission() {
        let shared = Address::parse("admissions@example.edu").unwrap();
        let delegate = who(&shared, Some("ann@example.edu"), None);
        assert_eq!(delegate.smtp_user(), "ann@example.edu");
        assert_eq!(delegate.imap_user(), "admissions@example.edu");
        let imap = delegate.explain(Finding::new(FindingCode::AuthRejected), true);
        assert_eq!(imap.code, FindingCode::SharedMailboxNoFullAccess);
        let smtp = delegate.explain(Finding::new(FindingCode::SendAsDenied), false);
        assert_eq!(smtp.code, FindingCode::SharedMailboxNoSendAs);
        assert!(
            smtp.to_text().contains("ann@example.edu"),
            "{}",
            smtp.to_text()
        );
    }

    #[test]
    fn the_right_account_without_access_is_not_the_wrong_account_trap() {
        let ann = Address::parse("ann@example.edu").unwrap();
        let same = who(&ann, None, Some("Ann@Example.edu"));
        let f = same.explain(
            Finding::new(FindingCode::WrongAccountOrNoMailboxAccess),
            true,
        );
        assert_eq!(f.code, FindingCode::MailboxAccessDenied);
        let other = who(&ann, None, Some("bob@example.edu"));
        let f = other.explain(
            Finding::new(FindingCode::WrongAccountOrNoMailboxAccess),
            true,
        );
        assert_eq!(f.code, FindingCode::WrongAccountOrNoMailboxAccess);
    }
}
