//! A valid access token for a saved account: the cached one while it lasts, else a new one
//! from the refresh token — at the authority and tenant that issued it (test
//! `field_f13_refresh_goes_to_the_stored_tenant` in crates/cli/tests/field_cases.rs).
//!
//! Rules (Entra rotates refresh tokens on every use:
//! <https://learn.microsoft.com/entra/identity-platform/refresh-tokens>): the rotated refresh
//! token replaces the old one in one vault
//! write (the record is a single entry, so the switch is atomic), and the action that renewed
//! does not end before that write is done — a failed write fails it with `VAULT_UNAVAILABLE`.
//! The write runs as its own step ([`Renewal`]) alongside the mail checks, which need only the
//! new access token. `invalid_grant` kinds that mean the sign-in is dead (inactivity, policy,
//! revoked) remove it from the vault and say "sign in again"; network errors and 5xx keep it.

use std::time::Duration;

use secrecy::SecretString;

use super::{Assistant, fill};
use crate::address::Address;
use crate::clock::epoch_secs;
use crate::findings::{Finding, FindingCode};
use crate::oauth::endpoint::RefreshGrant;
use crate::progress::Done;
use crate::provider::{OAuthFlavour, OAuthProfile, ProviderKind};
use crate::vault::{AccountRecord, CachedAccessToken, Credential};

/// A cached access token is used only if it stays valid at least this long.
pub const ACCESS_TOKEN_MARGIN: Duration = Duration::from_secs(60);

/// What a renewal must still write to the vault: the record with the rotated refresh token
/// (when the provider rotated it) and the access token cache.
#[derive(Clone)]
pub(super) struct Renewal {
    record: Option<AccountRecord>,
    cached: Option<CachedAccessToken>,
}

/// An access token, and the renewal to store when it was just renewed.
pub(super) struct Token {
    pub secret: SecretString,
    pub renewal: Option<Renewal>,
}

impl Assistant {
    /// `cached` (read from the vault with the record) while it lasts, else a renewed token (not
    /// yet stored: see [`Assistant::store_renewal`]).
    pub(super) async fn access_token(
        &self,
        address: &Address,
        record: &AccountRecord,
        cached: Option<CachedAccessToken>,
    ) -> Result<Done<Token>, Finding> {
        let now = self.clock.now_secs();
        if let Some(token) = still_valid(cached, now) {
            return Ok(token);
        }
        let Credential::RefreshToken(refresh_token) = &record.credential else {
            return Err(Finding::internal("a password account has no access token"));
        };
        let profile = refresh_profile(record, &self.settings.microsoft.redirect)?;
        let google = profile.flavour == OAuthFlavour::Google;
        let secret = if google {
            self.vault.load_client_secret(&record.client_id).await?
        } else {
            self.client_secret(&record.client_id, record.confidential)
                .await?
        };
        let tokens = match self
            .token_endpoint
            .refresh(
                &profile,
                RefreshGrant {
                    refresh_token,
                    secret: secret.as_ref(),
                },
            )
            .await
        {
            Ok(t) => t,
            Err(f) => {
                let f = fill(f, address, &profile);
                if matches!(
                    f.code,
                    FindingCode::ReauthInactivity
                        | FindingCode::ReauthPolicy
                        | FindingCode::ReauthRequired
                ) {
                    self.vault.delete(address).await?;
                }
                return Err(f);
            }
        };
        let rotated = tokens.refresh_token.clone().map(|rt| {
            let mut next = record.clone();
            next.credential = Credential::RefreshToken(rt);
            next.saved_at = now;
            next
        });
        let detail = if rotated.is_some() {
            "renewed; the new refresh token is being saved"
        } else {
            "renewed"
        };
        let cached = tokens.expires_at.map(|exp| CachedAccessToken {
            token: tokens.access_token.clone(),
            expires_at: epoch_secs(exp),
        });
        Ok(Done::with_detail(
            Token {
                secret: tokens.access_token,
                renewal: Some(Renewal {
                    record: rotated,
                    cached,
                }),
            },
            detail,
        ))
    }

    /// Writes a renewal: the rotated refresh token (one vault write replaces the record), the
    /// access token cache, and the account list's times.
    ///
    /// # Errors
    /// `VAULT_UNAVAILABLE` when the refresh token could not be saved (the cache is best effort).
    pub(super) async fn store_renewal(
        &self,
        address: &Address,
        renewal: Renewal,
    ) -> Result<Done<()>, Finding> {
        let rotated = renewal.record.is_some();
        let (saved, cached) = tokio::join!(
            async {
                match &renewal.record {
                    Some(next) => self.vault.save(next).await,
                    None => Ok(()),
                }
            },
            async {
                match &renewal.cached {
                    Some(c) => self.vault.save_access_token(address, c).await,
                    None => self.vault.delete_access_token(address).await,
                }
            }
        );
        saved?;
        if let Err(f) = cached {
            tracing::warn!(code = %f.code, "the access token could not be cached");
        }
        let expires = renewal.cached.as_ref().map(|c| c.expires_at);
        let now = self.clock.now_secs();
        let _ = self.accounts.update(address, &mut |s| {
            s.last_refresh_at = Some(now);
            s.token_expires_at = expires;
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

/// The saved access token while it stays valid [`ACCESS_TOKEN_MARGIN`] past `now`.
fn still_valid(cached: Option<CachedAccessToken>, now: u64) -> Option<Done<Token>> {
    let cached = cached.filter(|c| c.valid_at(now, ACCESS_TOKEN_MARGIN))?;
    let mins = (cached.expires_at.saturating_sub(now)) / 60;
    Some(Done::with_detail(
        Token {
            secret: cached.token,
            renewal: None,
        },
        format!("saved access token valid for {mins} more min"),
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
        let record = signed_in(&h, &a).await;
        let got = h
            .assistant
            .access_token(&a, &record, Some(cached(NOW + 1_800)))
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
        let record = signed_in(&h, &a).await;
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
            .access_token(&a, &record, Some(cached(NOW + 59)))
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
    async fn a_dead_sign_in_is_removed_a_network_failure_keeps_it() {
        let h = harness(Settings::default());
        let a = Address::parse("ann@example.edu").unwrap();
        let record = signed_in(&h, &a).await;
        for (code, kept) in [
            (FindingCode::NetworkIdpUnreachable, true),
            (FindingCode::ReauthInactivity, false),
        ] {
            h.endpoint.answer(Err(Finding::new(code)));
            let got = h.assistant.access_token(&a, &record, None).await;
            assert_eq!(got.err().map(|f| f.code), Some(code));
            let still = h.assistant.vault.load(&a).await.unwrap().is_some();
            assert_eq!(still, kept, "{code}");
        }
    }
}
