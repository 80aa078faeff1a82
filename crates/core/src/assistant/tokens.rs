//! A valid access token for a saved account: the cached one while it lasts, else a new one
//! from the refresh token — at the authority and tenant that issued it (test
//! `field_f13_refresh_goes_to_the_stored_tenant` in crates/cli/tests/field_cases.rs).
//!
//! Entra rotates refresh tokens on every use
//! (<https://learn.microsoft.com/entra/identity-platform/refresh-tokens>), and a provider may
//! refuse a spent one. So a renewal never loses the sign-in, whoever else renews it:
//! 1. one renewal at a time per mailbox, across threads and processes ([`crate::locks`]);
//! 2. with the lock held, the vault is read again: a token another process saved meanwhile
//!    is used instead of the one read before (a valid access token ends the renewal there);
//! 3. the rotated refresh token is saved ([`Assistant::store_renewal`], one vault write: the
//!    record is a single entry) **before** the new access token is used for anything, and the
//!    lock is held until then; a failed write fails the action with `VAULT_UNAVAILABLE`;
//! 4. on `invalid_grant` the vault is read again before concluding: a newer refresh token is
//!    tried once; a sign-in is deleted only when the provider says it is dead for a reason
//!    that is not reuse (inactivity, policy, revocation). Reuse (AADSTS70000: a renewal's
//!    answer lost in flight) keeps the record and says so (`REFRESH_TOKEN_REUSED`); network
//!    errors and 5xx keep it too.
//!
//! Tests: `concurrent_renewals_in_separate_processes_keep_the_sign_in` and
//! `a_kill_during_renewal_never_loses_the_sign_in` in crates/cli/tests/renewal.rs; figures of
//! 1,000 races and 200 kills in BENCHMARKS.md (`scripts/bench.sh renewal`).

use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};

use super::{Assistant, fill};
use crate::address::Address;
use crate::clock::epoch_secs;
use crate::findings::{Finding, FindingCode, Param};
use crate::locks::{LockError, MailboxLock};
use crate::oauth::client::Tokens;
use crate::oauth::endpoint::RefreshGrant;
use crate::progress::Done;
use crate::provider::{OAuthFlavour, OAuthProfile, ProviderKind};
use crate::vault::{AccountRecord, CachedAccessToken, Credential};

/// A cached access token is used only if it stays valid at least this long.
pub const ACCESS_TOKEN_MARGIN: Duration = Duration::from_secs(60);

/// What a renewal must write to the vault before its access token is used: the record with
/// the rotated refresh token (when the provider rotated it) and the access token cache. Holds
/// the mailbox's renewal lock until it is stored.
pub(super) struct Renewal {
    record: Option<AccountRecord>,
    cached: Option<CachedAccessToken>,
    /// The refresh token's new end ([`crate::health::refresh_end`]) when it was rotated or the
    /// provider stated one.
    refresh_end: Option<(Option<u64>, bool)>,
    _lock: MailboxLock,
}

/// An access token, and the renewal to store when it was just renewed.
pub(super) struct Token {
    pub secret: SecretString,
    pub renewal: Option<Renewal>,
    /// Taken from the vault's cache (not renewed by this run).
    pub from_cache: bool,
    /// When it expires (Unix seconds), when the provider said.
    pub expires_at: Option<u64>,
    /// A warning that stopped nothing: this computer's clock is off the provider's
    /// (`CLOCK_SKEW`, test `field_t30_a_clock_two_hours_ahead_is_a_warning_only`).
    pub warning: Option<Finding>,
}

impl Assistant {
    /// `cached` (read from the vault with the record) while it lasts, else a renewed token
    /// whose renewal the caller stores ([`Assistant::store_renewal`]) before using it.
    /// `refused`: an access token a mail server just refused (status 401), never used again.
    pub(super) async fn access_token(
        &self,
        address: &Address,
        cached: Option<CachedAccessToken>,
        refused: Option<&SecretString>,
    ) -> Result<Done<Token>, Finding> {
        let now = self.clock.now_secs();
        if refused.is_none()
            && let Some(token) = still_valid(cached, now, "saved access token")
        {
            return Ok(token);
        }
        let lock = self.renewal_lock(address).await?;
        // Another run may have renewed while this one waited: the vault's current state counts.
        let (record, cached) = self.vault.reload(address).await?;
        let record = saved(address, record)?;
        let fresh =
            cached.filter(|c| refused.is_none_or(|r| r.expose_secret() != c.token.expose_secret()));
        if let Some(token) =
            still_valid(fresh, now, "access token renewed by another run of the app")
        {
            return Ok(token);
        }
        self.renew_recorded(address, record, lock).await
    }

    /// [`Self::renew`], and when the provider says why the sign-in ended or is limited, that
    /// reason in the account list (its health: `accounts list`, the report).
    pub(super) async fn renew_recorded(
        &self,
        address: &Address,
        record: AccountRecord,
        lock: MailboxLock,
    ) -> Result<Done<Token>, Finding> {
        let renewed = self.renew(address, record, lock).await;
        if let Err(f) = &renewed
            && crate::health::is_limit(f.code)
        {
            let _ = self
                .accounts
                .update(address, &mut |s| s.limited_by = Some(f.code));
        }
        renewed
    }

    /// Redeems the refresh token of `record` (holding `lock`); on `invalid_grant`, reads the
    /// vault again and tries a newer refresh token once before concluding.
    async fn renew(
        &self,
        address: &Address,
        mut record: AccountRecord,
        lock: MailboxLock,
    ) -> Result<Done<Token>, Finding> {
        let mut retried = false;
        loop {
            match self.redeem(address, &record).await {
                Ok(tokens) => return Ok(self.renewed(record, tokens, lock)),
                Err(f) if !invalid_grant(f.code) => return Err(f),
                Err(f) => {
                    let now = self.vault.reload(address).await?.0;
                    match now {
                        Some(newer)
                            if !retried && !newer.credential.same_as(&record.credential) =>
                        {
                            record = newer;
                            retried = true;
                        }
                        _ => return Err(self.conclude(address, f).await),
                    }
                }
            }
        }
    }

    /// The token endpoint's answer for `record`'s refresh token.
    async fn redeem(&self, address: &Address, record: &AccountRecord) -> Result<Tokens, Finding> {
        let Credential::RefreshToken(refresh_token) = &record.credential else {
            return Err(Finding::internal("a password account has no access token"));
        };
        let profile = refresh_profile(record, &self.settings.microsoft.redirect)?;
        let secret = if profile.flavour == OAuthFlavour::Google {
            self.vault.load_client_secret(&record.client_id).await?
        } else {
            self.client_secret(&record.client_id, record.confidential)
                .await?
        };
        self.token_endpoint
            .refresh(
                &profile,
                RefreshGrant {
                    refresh_token,
                    secret: secret.as_ref(),
                },
            )
            .await
            .map_err(|f| fill(f, address, &profile))
    }

    /// A dead sign-in (`invalid_grant` for a reason that is not reuse) leaves the vault; any
    /// other refusal keeps it.
    async fn conclude(&self, address: &Address, f: Finding) -> Finding {
        if dead(f.code)
            && let Err(v) = self.vault.delete(address).await
        {
            tracing::warn!(code = %v.code, "the dead sign-in could not be removed");
        }
        f
    }

    /// The renewal to store: the rotated refresh token and the new access token's cache.
    fn renewed(&self, record: AccountRecord, tokens: Tokens, lock: MailboxLock) -> Done<Token> {
        let now = self.clock.now_secs();
        let warning = tokens.clock_finding(match record.provider {
            crate::provider::ProviderKind::Google => "Google",
            _ => "Microsoft",
        });
        let stated = tokens.refresh_expires_at.map(epoch_secs);
        let refresh_end = (tokens.refresh_token.is_some() || stated.is_some())
            .then(|| crate::health::refresh_end(record.provider, now, stated));
        let rotated = tokens.refresh_token.clone().map(|rt| {
            let mut next = record;
            next.credential = Credential::RefreshToken(rt);
            next.saved_at = now;
            next
        });
        let waited = lock.waited.as_secs();
        let mut detail = String::from(if rotated.is_some() {
            "renewed; the new refresh token is saved before it is used"
        } else {
            "renewed"
        });
        if waited > 0 {
            detail.push_str(&format!(" (waited {waited} s for another renewal)"));
        }
        let cached = tokens.expires_at.map(|exp| CachedAccessToken {
            token: tokens.access_token.clone(),
            expires_at: epoch_secs(exp),
        });
        Done::with_detail(
            Token {
                warning,
                expires_at: cached.as_ref().map(|c| c.expires_at),
                secret: tokens.access_token,
                renewal: Some(Renewal {
                    record: rotated,
                    cached,
                    refresh_end,
                    _lock: lock,
                }),
                from_cache: false,
            },
            detail,
        )
    }

    /// The renewal lock of `address` ([`crate::locks`]), waiting for another renewal as long as
    /// that one's token request and vault writes may take.
    ///
    /// # Errors
    /// `SIGN_IN_BUSY` after that wait; `INTERNAL` when the lock file cannot be used.
    pub(super) async fn renewal_lock(&self, address: &Address) -> Result<MailboxLock, Finding> {
        // Its token request may take the whole HTTP timeout; its vault writes take far less.
        let wait = self.settings.timeouts.http * 2;
        self.locks
            .acquire(address, wait)
            .await
            .map_err(|e| lock_finding(e, address))
    }

    /// Writes a renewal: the rotated refresh token (one vault write replaces the record) and
    /// the access token cache, then the account list's times; releases the renewal lock.
    ///
    /// # Errors
    /// `VAULT_UNAVAILABLE` when the refresh token could not be saved (the cache is best effort).
    pub(super) async fn store_renewal(
        &self,
        address: &Address,
        renewal: Renewal,
    ) -> Result<Done<()>, Finding> {
        let rotated = renewal.record.is_some();
        if let Some(next) = &renewal.record {
            self.vault.save(next).await?;
        }
        let cached = match &renewal.cached {
            Some(c) => self.vault.save_access_token(address, c).await,
            None => self.vault.delete_access_token(address).await,
        };
        if let Err(f) = cached {
            tracing::warn!(code = %f.code, "the access token could not be cached");
        }
        drop(renewal._lock);
        let expires = renewal.cached.as_ref().map(|c| c.expires_at);
        let now = self.clock.now_secs();
        let _ = self.accounts.update(address, &mut |s| {
            s.last_refresh_at = Some(now);
            s.token_expires_at = expires;
            s.limited_by = None;
            if let Some((end, fixed)) = renewal.refresh_end {
                s.refresh_expires_at = end;
                s.refresh_expiry_fixed = fixed;
            }
        });
        Ok(Done::with_detail(
            (),
            if rotated {
                "new refresh token saved"
            } else {
                "access token cached"
            },
        ))
    }
}

/// The saved record of `address`, or `NOT_SIGNED_IN` when there is none.
pub(super) fn saved(
    address: &Address,
    record: Option<AccountRecord>,
) -> Result<AccountRecord, Finding> {
    record.ok_or_else(|| {
        Finding::new(FindingCode::NotSignedIn).with(Param::Mailbox, address.display())
    })
}

/// `invalid_grant` as the findings name it: the refresh token was not accepted.
fn invalid_grant(code: FindingCode) -> bool {
    dead(code) || code == FindingCode::RefreshTokenReused
}

/// The provider said the sign-in is dead for a reason that is not reuse.
fn dead(code: FindingCode) -> bool {
    matches!(
        code,
        FindingCode::ReauthInactivity | FindingCode::ReauthPolicy | FindingCode::ReauthRequired
    )
}

fn lock_finding(e: LockError, address: &Address) -> Finding {
    match e {
        LockError::Busy(waited) => Finding::new(FindingCode::SignInBusy)
            .with(Param::Mailbox, address.display())
            .with(
                Param::Problem,
                crate::l10n::tr_with(
                    "detail-lock-busy",
                    &[("duration", crate::findings::human_duration(waited).into())],
                ),
            ),
        LockError::Io { .. } => Finding::internal(e),
    }
}

/// The saved access token while it stays valid [`ACCESS_TOKEN_MARGIN`] past `now`.
fn still_valid(cached: Option<CachedAccessToken>, now: u64, what: &str) -> Option<Done<Token>> {
    let cached = cached.filter(|c| c.valid_at(now, ACCESS_TOKEN_MARGIN))?;
    let mins = (cached.expires_at.saturating_sub(now)) / 60;
    Some(Done::with_detail(
        Token {
            secret: cached.token,
            renewal: None,
            from_cache: true,
            warning: None,
            expires_at: Some(cached.expires_at),
        },
        format!("{what} valid for {mins} more min"),
    ))
}

/// The OAuth profile a refresh goes to: the authority and tenant that issued the refresh token
/// (Entra), or Google's token endpoint — never the settings' current ones (test
/// `field_f13_refresh_goes_to_the_stored_tenant`).
fn refresh_profile(
    record: &AccountRecord,
    redirect: &crate::provider::RedirectForm,
) -> Result<OAuthProfile, Finding> {
    let google = record.provider == ProviderKind::Google;
    Ok(OAuthProfile {
        flavour: if google {
            OAuthFlavour::Google
        } else {
            OAuthFlavour::Entra
        },
        authority: url::Url::parse(&record.authority).map_err(Finding::internal)?,
        tenant: record.tenant.clone(),
        client_id: Some(record.client_id.clone()),
        redirect: redirect.clone(),
        scopes: record.scopes.clone(),
        authorize_endpoint: None,
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::Ordering;

    use secrecy::ExposeSecret;

    use super::*;
    use crate::accounts::{AccountStore, AccountSummary};
    use crate::assistant::fakes::{Harness, NOW, entra_tokens, harness};
    use crate::provider::SignInMethod;
    use crate::settings::Settings;
    use crate::vault::AccountIds;

    const TENANT: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    async fn signed_in(h: &Harness, a: &Address) -> AccountRecord {
        let record = AccountRecord {
            mailbox: a.normalized().into(),
            provider: ProviderKind::Microsoft365,
            authority: "https://login.microsoftonline.com".into(),
            tenant: TENANT.into(),
            client_id: "client-1".into(),
            scopes: vec!["https://outlook.office.com/SMTP.Send".into()],
            account: AccountIds::default(),
            sign_in_as: None,
            confidential: false,
            credential: Credential::RefreshToken(format!("1.AV0A{}", "o".repeat(1_518)).into()),
            saved_at: NOW - 86_400,
        };
        h.assistant.vault.save(&record).await.unwrap();
        h.accounts
            .upsert(AccountSummary::new(
                a,
                ProviderKind::Microsoft365,
                SignInMethod::OAuth,
                NOW - 86_400,
            ))
            .unwrap();
        record
    }

    fn cached(expires_at: u64) -> CachedAccessToken {
        CachedAccessToken {
            token: SecretString::from("eyJ0".repeat(700)),
            expires_at,
        }
    }

    #[tokio::test]
    async fn a_saved_access_token_is_used_while_it_lasts() {
        let h = harness(Settings::default());
        let a = Address::parse("ann@example.edu").unwrap();
        signed_in(&h, &a).await;
        let got = h
            .assistant
            .access_token(&a, Some(cached(NOW + 1_800)), None)
            .await
            .unwrap();
        assert!(got.value.renewal.is_none());
        assert_eq!(
            got.detail.as_deref(),
            Some("saved access token valid for 30 more min")
        );
        assert_eq!(h.endpoint.calls.load(Ordering::SeqCst), 0);
    }

    #[tokio::test]
    async fn an_expiring_token_is_renewed_and_the_rotated_refresh_token_saved() {
        let h = harness(Settings::default());
        let a = Address::parse("ann@example.edu").unwrap();
        signed_in(&h, &a).await;
        let fresh = entra_tokens("ann@example.edu", TENANT, "client-1", None);
        let new_rt = fresh
            .refresh_token
            .as_ref()
            .unwrap()
            .expose_secret()
            .to_owned();
        h.endpoint.answer(Ok(fresh));
        // 59 s left is inside the margin: renew.
        let got = h
            .assistant
            .access_token(&a, Some(cached(NOW + 59)), None)
            .await
            .unwrap();
        assert_eq!(h.endpoint.calls.load(Ordering::SeqCst), 1);
        let renewal = got.value.renewal.expect("a renewal to store");
        h.assistant.store_renewal(&a, renewal).await.unwrap();
        let saved = h.assistant.vault.load(&a).await.unwrap().unwrap();
        let Credential::RefreshToken(rt) = &saved.credential else {
            panic!("refresh token")
        };
        assert_eq!(rt.expose_secret(), &new_rt);
        assert_eq!(saved.saved_at, NOW);
        assert_eq!(
            h.accounts.get(&a).unwrap().unwrap().last_refresh_at,
            Some(NOW)
        );
        let cache = h
            .assistant
            .vault
            .load_access_token(&a)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(cache.expires_at, NOW + 3_900);
    }

    #[tokio::test]
    async fn a_dead_sign_in_is_removed_reuse_and_network_failures_keep_it() {
        let h = harness(Settings::default());
        let a = Address::parse("ann@example.edu").unwrap();
        signed_in(&h, &a).await;
        for (code, kept) in [
            (FindingCode::NetworkIdpUnreachable, true),
            // AADSTS70000: a renewal's answer was lost; the record stays and says so.
            (FindingCode::RefreshTokenReused, true),
            (FindingCode::ReauthInactivity, false),
        ] {
            h.endpoint.answer(Err(Finding::new(code)));
            let got = h.assistant.access_token(&a, None, None).await;
            assert_eq!(got.err().map(|f| f.code), Some(code));
            let still = h.assistant.vault.load(&a).await.unwrap().is_some();
            assert_eq!(still, kept, "{code}");
        }
    }

    #[tokio::test]
    async fn a_token_another_run_saved_while_this_one_waited_is_used_without_renewing() {
        let h = harness(Settings::default());
        let a = Address::parse("ann@example.edu").unwrap();
        signed_in(&h, &a).await;
        // This run read an expiring token; meanwhile another run renewed and cached a new one.
        h.assistant
            .vault
            .save_access_token(&a, &cached(NOW + 3_600))
            .await
            .unwrap();
        let got = h
            .assistant
            .access_token(&a, Some(cached(NOW + 10)), None)
            .await
            .unwrap();
        assert_eq!(h.endpoint.calls.load(Ordering::SeqCst), 0);
        assert!(got.value.renewal.is_none());
        assert!(
            got.detail.unwrap().contains("renewed by another run"),
            "the step says where the token came from"
        );
    }

    #[tokio::test]
    async fn a_refused_access_token_is_never_returned_again() {
        let h = harness(Settings::default());
        let a = Address::parse("ann@example.edu").unwrap();
        signed_in(&h, &a).await;
        let refused = cached(NOW + 3_600);
        h.assistant
            .vault
            .save_access_token(&a, &refused)
            .await
            .unwrap();
        h.endpoint.answer(Ok(entra_tokens(
            "ann@example.edu",
            TENANT,
            "client-1",
            None,
        )));
        let got = h
            .assistant
            .access_token(&a, Some(refused.clone()), Some(&refused.token))
            .await
            .unwrap();
        assert_eq!(h.endpoint.calls.load(Ordering::SeqCst), 1);
        assert_ne!(
            got.value.secret.expose_secret(),
            refused.token.expose_secret()
        );
    }

    #[tokio::test]
    async fn after_invalid_grant_a_newer_refresh_token_in_the_vault_is_tried_once() {
        let h = harness(Settings::default());
        let a = Address::parse("ann@example.edu").unwrap();
        let mut record = signed_in(&h, &a).await;
        // While the first refusal is on its way, another program saves a newer sign-in.
        let vault = h.assistant.vault.clone();
        record.credential = Credential::RefreshToken(format!("1.AV0B{}", "n".repeat(1_518)).into());
        h.endpoint
            .meanwhile(async move { vault.save(&record).await.unwrap() });
        h.endpoint
            .answer(Err(Finding::new(FindingCode::RefreshTokenReused)));
        h.endpoint.answer(Ok(entra_tokens(
            "ann@example.edu",
            TENANT,
            "client-1",
            None,
        )));
        let endpoint = Arc::clone(&h.endpoint);
        let got = h.assistant.access_token(&a, None, None).await.unwrap();
        assert_eq!(endpoint.calls.load(Ordering::SeqCst), 2);
        assert!(got.value.renewal.is_some());
    }

    #[tokio::test]
    async fn a_renewal_waits_for_another_and_says_busy_when_it_never_ends() {
        let mut settings = Settings::default();
        settings.timeouts.http = Duration::from_millis(50);
        let h = harness(settings);
        let a = Address::parse("ann@example.edu").unwrap();
        signed_in(&h, &a).await;
        let held = h.assistant.renewal_lock(&a).await.unwrap();
        let got = tokio::time::timeout(
            Duration::from_secs(10),
            h.assistant.access_token(&a, None, None),
        )
        .await
        .expect("the wait ends");
        let f = got.err().expect("busy");
        assert_eq!(f.code, FindingCode::SignInBusy);
        assert!(f.to_text().contains("ann@example.edu"));
        assert_eq!(h.endpoint.calls.load(Ordering::SeqCst), 0);
        drop(held);
    }
}
