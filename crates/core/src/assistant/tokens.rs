//! A valid access token for a saved account: the cached one while it lasts, else a new one
//! from the refresh token — at the authority and tenant that issued it (field case F13).
//!
//! Rules (issue 2; issue 3 item 8): the rotated refresh token replaces the old one in one vault
//! write (the record is a single entry, so the switch is atomic), and the action that renewed
//! does not end before that write is done — a failed write fails it with `VAULT_UNAVAILABLE`.
//! The write runs as its own step ([`Renewal`]) alongside the mail checks, which need only the
//! new access token. `invalid_grant` kinds that mean the sign-in is dead (inactivity, policy,
//! revoked) remove it from the vault and say "sign in again"; network errors and 5xx keep it.

use std::time::Duration;

use secrecy::SecretString;

use super::{Assistant, fill};
use crate::address::Address;
use crate::findings::{Finding, FindingCode};
use crate::oauth::client;
use crate::progress::Done;
use crate::provider::{OAuthFlavour, OAuthProfile, ProviderKind};
use crate::vault::{AccountRecord, CachedAccessToken, Credential, epoch_secs, now_secs};

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
        if let Some(cached) = cached
            && cached.valid_for(ACCESS_TOKEN_MARGIN)
        {
            let mins = (cached.expires_at.saturating_sub(now_secs())) / 60;
            return Ok(Done::with_detail(
                Token {
                    secret: cached.token,
                    renewal: None,
                },
                format!("saved access token valid for {mins} more min"),
            ));
        }
        let Credential::RefreshToken(refresh_token) = &record.credential else {
            return Err(Finding::internal("a password account has no access token"));
        };
        let google = record.provider == ProviderKind::Google;
        let profile = OAuthProfile {
            flavour: if google {
                OAuthFlavour::Google
            } else {
                OAuthFlavour::Entra
            },
            // Entra: the authority and tenant that issued the token; Google: its token endpoint.
            authority: url::Url::parse(&record.authority).map_err(Finding::internal)?,
            tenant: record.tenant.clone(),
            client_id: Some(record.client_id.clone()),
            redirect: self.settings.microsoft.redirect.clone(),
            scopes: record.scopes.clone(),
            authorize_endpoint: None,
        };
        let secret = if google {
            self.vault.load_client_secret(&record.client_id).await?
        } else {
            self.client_secret(&record.client_id, record.confidential)
                .await?
        };
        let tokens =
            match client::refresh(&self.http, &profile, refresh_token, secret.as_ref()).await {
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
            next.saved_at = now_secs();
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
        let _ = self.index.update(address, |s| {
            s.last_refresh_at = Some(now_secs());
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
