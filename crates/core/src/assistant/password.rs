//! Sign-in with a password: a Google App Password (Gmail / Workspace without "Sign in with
//! Google", or by choice) or another provider's password (servers from autoconfig or typed in).
//!
//! The password is tried on the IMAP server first (over TLS, `AUTHENTICATE PLAIN` or `LOGIN`);
//! only a password the server accepts is stored, in the vault. Microsoft mailboxes never take a
//! password here: they sign in with Microsoft (test
//! `field_f02_passwords_for_microsoft_mailboxes_route_to_microsoft_sign_in` in
//! crates/cli/tests/providers.rs). Nothing else ever sees the password; it is never retried with
//! XOAUTH2 (test `field_f20_app_password_account_never_falls_back_to_xoauth2`, same file).

use secrecy::SecretString;

use super::{Action, Assistant, Outcome};
use crate::accounts::AccountSummary;
use crate::address::Address;
use crate::findings::{Finding, FindingCode, Param};
use crate::mail::imap::ImapConnection;
use crate::mail::password::normalise_app_password;
use crate::progress::{Done, ProgressSink, Run, Step};
use crate::provider::{MailServers, Profile, ProviderKind, SignInMethod};
use crate::vault::{AccountIds, AccountRecord, Credential};

impl Assistant {
    /// Sets `address` up with `password`: checks it on the IMAP server, then stores it in the
    /// vault. The outcome's `account` is set when it was stored.
    pub async fn sign_in_password(
        &self,
        address: &Address,
        password: &SecretString,
        sink: &dyn ProgressSink,
    ) -> Outcome {
        let run = Run::new(sink);
        let result = self.password_steps(address, password, &run).await;
        let account = result.as_ref().ok().cloned();
        let mut outcome = Outcome::from_run(Action::SignIn, address, run, result.map(|_| ()));
        outcome.account = account;
        self.remember(address, &outcome);
        outcome
    }

    async fn password_steps(
        &self,
        address: &Address,
        password: &SecretString,
        run: &Run<'_>,
    ) -> Result<AccountSummary, Finding> {
        self.discover_step(address, run).await?;
        let profile = self.profile(address);
        if !profile.password {
            // Microsoft refuses passwords for mail apps: route to its sign-in (see the module doc).
            return Err(run.fail(Step::Prepare, Finding::new(FindingCode::BasicAuthBlocked)));
        }
        if !profile.servers_known {
            return Err(run.fail(
                Step::Prepare,
                Finding::new(FindingCode::ServerSettingsNeeded)
                    .with(Param::Domain, address.domain()),
            ));
        }
        let (password, not_app_password) = if profile.kind == ProviderKind::Google {
            let n = normalise_app_password(password);
            if let Some(note) = n.note {
                run.note(Step::PasswordForm, async { note }).await;
            }
            (n.password, !n.app_password_shape)
        } else {
            (password.clone(), false)
        };
        // The vault must work before the password is tried: it is kept nowhere else.
        self.vault
            .self_check()
            .await
            .map_err(|f| run.fail(Step::Prepare, f))?;
        let username = profile.login_for(address);
        let t = self.settings.timeouts;
        let conn = run
            .step_detail(Step::ImapConnect, async {
                let c = ImapConnection::connect(&profile.imap, &self.trust, &t).await?;
                let detail = c.describe();
                Ok(Done::with_detail(c, detail))
            })
            .await?;
        let session = run
            .step_detail(Step::ImapAuth, async {
                let s = conn
                    .auth_password(&username, &password)
                    .await
                    .map_err(|f| rejected(f, profile.kind, &profile.imap.label(), address))
                    .map_err(|f| match f.code {
                        // Refused, and not 16 letters: most likely the Google account's own
                        // password, which Google refuses to mail apps.
                        FindingCode::GmailBadAppPassword if not_app_password => {
                            f.recode(FindingCode::GmailNotAnAppPassword)
                        }
                        _ => f,
                    })?;
                Ok(Done::with_detail(
                    s,
                    crate::l10n::tr_with(
                        "detail-step-password-accepted",
                        &[("account", username.to_string().into())],
                    ),
                ))
            })
            .await?;
        session.logout().await;
        run.step_detail(
            Step::VaultStore,
            self.store_password(address, &profile, password, username),
        )
        .await
    }

    async fn store_password(
        &self,
        address: &Address,
        profile: &Profile,
        password: SecretString,
        username: String,
    ) -> Result<Done<AccountSummary>, Finding> {
        let login = (username != address.normalized()).then(|| username.clone());
        let record = AccountRecord {
            mailbox: address.normalized().to_owned(),
            provider: profile.kind,
            authority: String::new(),
            tenant: String::new(),
            client_id: String::new(),
            scopes: Vec::new(),
            account: AccountIds {
                username: Some(username.clone()),
                ..Default::default()
            },
            sign_in_as: None,
            confidential: false,
            credential: Credential::Password {
                secret: password,
                username: login.clone(),
            },
            saved_at: self.clock.now_secs(),
        };
        let lock = self.renewal_lock(address).await?;
        self.vault.save(&record).await?;
        drop(lock);
        let summary = AccountSummary {
            signed_in_as: Some(username),
            servers: (profile.kind == ProviderKind::Other).then(|| MailServers {
                smtp: profile.smtp.clone(),
                imap: profile.imap.clone(),
                username: login,
                source: "saved with the account".into(),
            }),
            ..AccountSummary::new(
                address,
                profile.kind,
                SignInMethod::Password,
                record.saved_at,
            )
        };
        self.accounts.upsert(summary.clone())?;
        Ok(Done::with_detail(
            summary,
            crate::l10n::tr("detail-step-saved-in-vault"),
        ))
    }
}

/// A refused password, in the provider's words: Google's App Password findings, else a plain
/// "the password was not accepted" (specific replies such as Exchange's "basic authentication is
/// disabled" keep their own finding).
pub(super) fn rejected(f: Finding, kind: ProviderKind, server: &str, address: &Address) -> Finding {
    let code = match (f.code, kind) {
        (FindingCode::AuthRejected, ProviderKind::Google) => FindingCode::GmailBadAppPassword,
        (FindingCode::AuthRejected, _) => FindingCode::PasswordRejected,
        _ => return f.with_if_used(Param::Mailbox, address.display()),
    };
    f.recode(code)
        .with_if_used(Param::Mailbox, address.display())
        .with_if_used(Param::Server, server)
}
