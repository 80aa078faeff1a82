//! The token helper (`mailsetup token`): a valid access token of a saved sign-in for mail
//! programs that can use one (msmtp, curl, Python's `smtplib`/`imaplib`, git send-email, isync),
//! in the place where such programs take a password command — what oama, pizauth and
//! mutt_oauth2 do, from the sign-in this app made and keeps in the OS vault.
//!
//! The token comes from the same renewal as [`Assistant::verify`] (`tokens`): the cached access
//! token while it lasts, else one renewal at a time per mailbox across processes, the rotated
//! refresh token saved before the access token is handed out. Many helpers started at once
//! spend the refresh token once (test `concurrent_token_helpers_renew_once` in
//! crates/cli/tests/token.rs).

use secrecy::{ExposeSecret, SecretString};

use super::Assistant;
use crate::address::Address;
use crate::findings::{Finding, FindingCode, Param};
use crate::vault::{AccountRecord, Credential};

/// An access token for a mail program, and the XOAUTH2 `user=` each server wants.
pub struct HelperToken {
    /// The access token (secret).
    pub token: SecretString,
    /// When it expires (Unix seconds), when the provider said.
    pub expires_at: Option<u64>,
    /// XOAUTH2 `user=` for IMAP: the mailbox (a shared mailbox's own address).
    pub imap_user: String,
    /// XOAUTH2 `user=` for SMTP: the mailbox, or for a shared mailbox the delegate who signed in
    /// (test `field_f05_shared_mailbox_full_access_and_send_as_checked_separately`).
    pub smtp_user: String,
    /// Renewed by this call (not taken from the vault's cache).
    pub renewed: bool,
}

/// The forms mail programs take a token in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenForm {
    /// The access token alone (msmtp `passwordeval`, curl `--oauth2-bearer`, git send-email).
    Bare,
    /// The SASL XOAUTH2 initial client response, base64-encoded as sent on the wire.
    Xoauth2,
    /// The same, not encoded: `user=…^Aauth=Bearer …^A^A` (Python `imaplib.authenticate`,
    /// which encodes it itself).
    Xoauth2Raw,
    /// JSON: the token, its type, its expiry and the `user=` for each server.
    Json,
}

/// Which server an XOAUTH2 string is for: the `user=` differs for a shared mailbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailServer {
    /// SMTP submission: the delegate of a shared mailbox.
    Smtp,
    /// IMAP: the mailbox itself.
    Imap,
}

impl HelperToken {
    /// The XOAUTH2 `user=` for `server`.
    pub fn user(&self, server: MailServer) -> &str {
        match server {
            MailServer::Smtp => &self.smtp_user,
            MailServer::Imap => &self.imap_user,
        }
    }

    /// The token in `form` (for `server`, where the form holds a `user=`), `now` being the
    /// time in Unix seconds. Secret: every form holds the token. No line end.
    ///
    /// # Errors
    /// `INTERNAL` when the token is empty: nothing is handed out (test
    /// `field_n09_an_empty_token_is_never_sent`).
    pub fn render(
        &self,
        form: TokenForm,
        server: MailServer,
        now: u64,
    ) -> Result<SecretString, Finding> {
        use crate::mail::xoauth2::{encoded_initial_response, initial_response};
        let user = self.user(server);
        let made = match form {
            TokenForm::Xoauth2 => encoded_initial_response(user, &self.token),
            TokenForm::Xoauth2Raw => initial_response(user, &self.token),
            TokenForm::Bare | TokenForm::Json => {
                // The same checks as the XOAUTH2 forms, so no form hands out an empty token.
                initial_response(user, &self.token).map(|_| self.token.clone())
            }
        };
        let token = made.map_err(|e| e.finding("the token helper"))?;
        if form != TokenForm::Json {
            return Ok(token);
        }
        let expires_at = self.expires_at.map(|t| {
            jiff::Timestamp::from_second(i64::try_from(t).unwrap_or(i64::MAX))
                .map_or_else(|_| t.to_string(), |t| t.to_string())
        });
        let json = serde_json::json!({
            "access_token": token.expose_secret(),
            "token_type": "Bearer",
            "expires_at": expires_at,
            "expires_in": self.expires_at.map(|t| t.saturating_sub(now)),
            "user": user,
            "imap_user": self.imap_user,
            "smtp_user": self.smtp_user,
            "renewed": self.renewed,
        });
        Ok(SecretString::from(json.to_string()))
    }
}

pub use crate::findings::HelperFailure;

impl Assistant {
    /// A valid access token for `address`'s saved sign-in, renewed when needed (the renewal is
    /// in the vault before the token is returned).
    ///
    /// # Errors
    /// `NOT_SIGNED_IN`; `PASSWORD_SIGN_IN_HAS_NO_TOKEN` for a sign-in kept as a password; the
    /// renewal's findings (`REAUTH_*`, network, `SIGN_IN_BUSY`); vault findings.
    pub async fn token(&self, address: &Address) -> Result<HelperToken, Finding> {
        self.token_unless(address, None).await
    }

    /// As [`Assistant::token`]; `refused` is a token a mail server just refused as expired or
    /// invalid (XOAUTH2 status 401): never handed out again, the sign-in is renewed instead.
    pub(super) async fn token_unless(
        &self,
        address: &Address,
        refused: Option<&SecretString>,
    ) -> Result<HelperToken, Finding> {
        let (record, cached) = tokio::join!(
            self.vault.load(address),
            self.vault.load_access_token(address)
        );
        let record = with_token(address, record?)?;
        // A damaged cache entry is not worth failing for: the sign-in renews.
        let cached = cached.unwrap_or_default();
        let token = self.access_token(address, cached, refused).await?.value;
        if let Some(w) = &token.warning {
            tracing::warn!(code = %w.code, "{}", w.title);
        }
        let renewed = token.renewal.is_some();
        if let Some(renewal) = token.renewal {
            self.store_renewal(address, renewal).await?;
        }
        let smtp_user = record
            .sign_in_as
            .as_deref()
            .and_then(|d| Address::parse(d).ok())
            .map_or_else(
                || address.normalized().to_owned(),
                |d| d.normalized().to_owned(),
            );
        Ok(HelperToken {
            token: token.secret,
            expires_at: token.expires_at,
            imap_user: address.normalized().to_owned(),
            smtp_user,
            renewed,
        })
    }
}

/// What renewing one sign-in did ([`Assistant::renew_all`]).
#[derive(Debug, Clone, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Renewed {
    /// The mailbox (display form).
    pub address: String,
    /// Renewed now; `false` when it was skipped (a password sign-in) or failed.
    pub renewed: bool,
    /// Why it failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub finding: Option<Finding>,
    /// How long it lasts now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub health: Option<crate::health::Health>,
}

impl Assistant {
    /// Renews `address`'s sign-in now with its refresh token, whatever the cached access token
    /// (one renewal at a time per mailbox; the rotated refresh token is saved before this
    /// returns). Keeps a sign-in that is used only rarely alive: Entra ends one unused for 90
    /// days ([`crate::health`]).
    ///
    /// # Errors
    /// As [`Assistant::token`].
    pub async fn renew_now(&self, address: &Address) -> Result<(), Finding> {
        let lock = self.renewal_lock(address).await?;
        let (record, _) = self.vault.reload(address).await?;
        let record = with_token(address, record)?;
        let token = self.renew_recorded(address, record, lock).await?.value;
        if let Some(renewal) = token.renewal {
            self.store_renewal(address, renewal).await?;
        }
        Ok(())
    }

    /// Renews every OAuth sign-in in the account list (`mailsetup renew --all`, a scheduled
    /// task), or with `idle_only` those that end within [`crate::health::SOON`] if unused (the
    /// desktop app when it starts). One at a time: a handful of token requests.
    ///
    /// # Errors
    /// `INTERNAL` when the account list cannot be read.
    pub async fn renew_all(&self, idle_only: bool) -> Result<Vec<Renewed>, Finding> {
        let mut out = Vec::new();
        for s in self.accounts.list()? {
            if s.method != crate::provider::SignInMethod::OAuth {
                continue;
            }
            let now = self.clock.now_secs();
            if idle_only && !crate::health::needs_renewal(&s, now) {
                continue;
            }
            if let Ok(address) = Address::parse(&s.mailbox) {
                out.push(self.renew_one(&address).await);
            }
        }
        Ok(out)
    }

    /// [`Assistant::renew_now`] for `address`, and how long its sign-in lasts after it.
    pub async fn renew_one(&self, address: &Address) -> Renewed {
        let result = self.renew_now(address).await;
        let summary = self.accounts.get(address).ok().flatten();
        let in_vault = self.vault.load(address).await.ok().flatten().is_some();
        let now = self.clock.now_secs();
        Renewed {
            address: address.display().to_owned(),
            renewed: result.is_ok(),
            health: summary.and_then(|s| crate::health::health(&s, in_vault, now)),
            finding: result.err(),
        }
    }
}

/// The saved record of `address` when it signs in with a token: `NOT_SIGNED_IN` without one,
/// `PASSWORD_SIGN_IN_HAS_NO_TOKEN` for a password.
pub(super) fn with_token(
    address: &Address,
    record: Option<AccountRecord>,
) -> Result<AccountRecord, Finding> {
    let record = super::tokens::saved(address, record)?;
    if let Credential::Password { .. } = record.credential {
        return Err(Finding::new(FindingCode::PasswordSignInHasNoToken)
            .with(Param::Mailbox, address.display()));
    }
    Ok(record)
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::Ordering;

    use secrecy::ExposeSecret;

    use super::*;
    use crate::assistant::fakes::{NOW, entra_tokens, harness};
    use crate::provider::ProviderKind;
    use crate::settings::Settings;
    use crate::vault::{AccountIds, AccountRecord, CachedAccessToken};

    fn record(a: &Address, credential: Credential, delegate: Option<&str>) -> AccountRecord {
        AccountRecord {
            mailbox: a.normalized().into(),
            provider: ProviderKind::Microsoft365,
            authority: "https://login.microsoftonline.com".into(),
            tenant: "organizations".into(),
            client_id: "client-1".into(),
            scopes: vec!["https://outlook.office.com/SMTP.Send".into()],
            account: AccountIds::default(),
            sign_in_as: delegate.map(str::to_owned),
            confidential: false,
            credential,
            saved_at: NOW - 86_400,
        }
    }

    #[tokio::test]
    async fn a_cached_token_is_handed_out_without_renewing() {
        let h = harness(Settings::default());
        let a = Address::parse("ann@example.edu").unwrap();
        let rt = Credential::RefreshToken(SecretString::from("r".repeat(1_500)));
        h.assistant.vault.save(&record(&a, rt, None)).await.unwrap();
        let cached = CachedAccessToken {
            token: SecretString::from("a".repeat(2_500)),
            expires_at: NOW + 3_000,
        };
        h.assistant
            .vault
            .save_access_token(&a, &cached)
            .await
            .unwrap();
        let t = h.assistant.token(&a).await.unwrap();
        assert_eq!(t.token.expose_secret(), &"a".repeat(2_500));
        assert_eq!(t.expires_at, Some(NOW + 3_000));
        assert!(!t.renewed);
        assert_eq!(h.endpoint.calls.load(Ordering::SeqCst), 0);
        assert_eq!(
            (t.imap_user.as_str(), t.smtp_user.as_str()),
            ("ann@example.edu", "ann@example.edu")
        );
    }

    #[tokio::test]
    async fn an_expired_token_is_renewed_and_the_rotated_refresh_token_saved_first() {
        let h = harness(Settings::default());
        let a = Address::parse("sales@example.edu").unwrap();
        let rt = Credential::RefreshToken(SecretString::from("r".repeat(1_500)));
        h.assistant
            .vault
            .save(&record(&a, rt, Some("bob@example.edu")))
            .await
            .unwrap();
        let tokens = entra_tokens("bob@example.edu", "tid", "client", None);
        let new_rt = tokens.refresh_token.clone().unwrap();
        h.endpoint.answer(Ok(tokens));
        let t = h.assistant.token(&a).await.unwrap();
        assert!(t.renewed);
        assert_eq!(h.endpoint.calls.load(Ordering::SeqCst), 1);
        let saved = h.assistant.vault.load(&a).await.unwrap().unwrap();
        let Credential::RefreshToken(saved_rt) = &saved.credential else {
            panic!("a refresh token")
        };
        assert_eq!(saved_rt.expose_secret(), new_rt.expose_secret());
        // A shared mailbox: IMAP as the mailbox, SMTP as the delegate.
        assert_eq!(t.imap_user, "sales@example.edu");
        assert_eq!(t.smtp_user, "bob@example.edu");
    }

    #[tokio::test]
    async fn a_password_sign_in_and_a_missing_one_say_sign_in_again() {
        let h = harness(Settings::default());
        let a = Address::parse("ann@gmail.com").unwrap();
        let err = h.assistant.token(&a).await.err().unwrap();
        assert_eq!(err.code, FindingCode::NotSignedIn);
        assert_eq!(HelperFailure::of(err.code).exit_code(), 77);
        let pw = Credential::Password {
            secret: SecretString::from("abcdefghijklmnop"),
            username: None,
        };
        h.assistant.vault.save(&record(&a, pw, None)).await.unwrap();
        let err = h.assistant.token(&a).await.err().unwrap();
        assert_eq!(err.code, FindingCode::PasswordSignInHasNoToken);
        assert!(err.title.contains("ann@gmail.com"), "{}", err.title);
        assert_eq!(h.endpoint.calls.load(Ordering::SeqCst), 0);
    }

    #[test]
    fn every_form_carries_the_token_and_the_right_user() {
        use base64::Engine as _;
        let t = HelperToken {
            token: SecretString::from("eyJ0".to_owned() + &"x".repeat(2_500)),
            expires_at: Some(NOW + 3_599),
            imap_user: "sales@example.edu".into(),
            smtp_user: "bob@example.edu".into(),
            renewed: false,
        };
        let render = |form, server| {
            t.render(form, server, NOW)
                .unwrap()
                .expose_secret()
                .to_owned()
        };
        assert_eq!(
            render(TokenForm::Bare, MailServer::Imap),
            t.token.expose_secret()
        );
        let raw = render(TokenForm::Xoauth2Raw, MailServer::Smtp);
        assert_eq!(
            raw,
            format!(
                "user=bob@example.edu\x01auth=Bearer {}\x01\x01",
                t.token.expose_secret()
            )
        );
        let b64 = render(TokenForm::Xoauth2, MailServer::Imap);
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(&b64)
            .unwrap();
        assert!(
            String::from_utf8(decoded)
                .unwrap()
                .starts_with("user=sales@example.edu\x01")
        );
        let json: serde_json::Value =
            serde_json::from_str(&render(TokenForm::Json, MailServer::Smtp)).unwrap();
        assert_eq!(json["access_token"], t.token.expose_secret());
        assert_eq!(json["expires_in"], 3_599);
        assert_eq!(json["user"], "bob@example.edu");
        assert!(json["expires_at"].as_str().unwrap().ends_with('Z'));
        let empty = HelperToken {
            token: SecretString::from(" "),
            ..t
        };
        for form in [TokenForm::Bare, TokenForm::Json, TokenForm::Xoauth2] {
            let f = empty.render(form, MailServer::Imap, NOW).err().unwrap();
            assert_eq!(f.code, FindingCode::Internal);
        }
    }

    #[tokio::test]
    async fn idle_sign_ins_are_renewed_and_recent_ones_left_alone() {
        use crate::accounts::{AccountStore, AccountSummary};
        use crate::provider::SignInMethod;
        let h = harness(Settings::default());
        let day = 86_400;
        for (name, renewed_days_ago) in [("idle", 80), ("recent", 3)] {
            let a = Address::parse(&format!("{name}@example.edu")).unwrap();
            let rt = Credential::RefreshToken(SecretString::from("r".repeat(1_500)));
            h.assistant.vault.save(&record(&a, rt, None)).await.unwrap();
            let mut s = AccountSummary::new(
                &a,
                ProviderKind::Microsoft365,
                SignInMethod::OAuth,
                NOW - 100 * day,
            );
            s.last_refresh_at = Some(NOW - renewed_days_ago * day);
            h.accounts.upsert(s).unwrap();
        }
        h.endpoint
            .answer(Ok(entra_tokens("idle@example.edu", "tid", "client", None)));
        let done = h.assistant.renew_all(true).await.unwrap();
        assert_eq!(done.len(), 1, "only the idle one");
        assert_eq!(done[0].address, "idle@example.edu");
        assert!(done[0].renewed);
        let health = done[0].health.as_ref().unwrap();
        assert_eq!(
            health.ends_at,
            Some(NOW + 90 * day),
            "90 days from now again"
        );
        assert_eq!(h.endpoint.calls.load(Ordering::SeqCst), 1);
        // A refused renewal says why, and the sign-in's health says it ended.
        h.endpoint
            .answer(Err(Finding::new(FindingCode::ReauthInactivity)));
        let recent = Address::parse("recent@example.edu").unwrap();
        let r = h.assistant.renew_one(&recent).await;
        assert!(!r.renewed);
        assert_eq!(r.finding.unwrap().code, FindingCode::ReauthInactivity);
        let health = r.health.unwrap();
        assert_eq!(health.state, crate::health::HealthState::Ended);
        assert!(
            health.words.contains("not used for 90 days"),
            "{}",
            health.words
        );
    }

    #[test]
    fn a_calling_program_can_tell_try_later_from_sign_in_again() {
        assert_eq!(
            HelperFailure::of(FindingCode::NetworkIdpUnreachable).exit_code(),
            75
        );
        assert_eq!(HelperFailure::of(FindingCode::SignInBusy).exit_code(), 75);
        assert_eq!(
            HelperFailure::of(FindingCode::ReauthInactivity).exit_code(),
            77
        );
        assert_eq!(
            HelperFailure::of(FindingCode::VaultUnavailable).exit_code(),
            1
        );
    }
}
