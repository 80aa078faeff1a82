//! A valid access token for a saved account: the cached one while it lasts, else a new one
//! from the refresh token — at the authority and tenant that issued it (field case F13).
//!
//! Rules (issue 3 item 8): a rotated refresh token is saved before anything uses the new access
//! token; `invalid_grant` kinds that mean the sign-in is dead (inactivity, policy, revoked)
//! remove it from the vault and say "sign in again"; network errors and 5xx keep it.

use std::time::Duration;

use secrecy::SecretString;

use super::{Assistant, fill};
use crate::address::Address;
use crate::findings::{Finding, FindingCode};
use crate::oauth::client;
use crate::progress::Done;
use crate::provider::OAuthProfile;
use crate::vault::{AccountRecord, CachedAccessToken, epoch_secs, now_secs};

/// A cached access token is used only if it stays valid at least this long.
pub const ACCESS_TOKEN_MARGIN: Duration = Duration::from_secs(60);

impl Assistant {
    pub(super) async fn access_token(
        &self,
        address: &Address,
        record: &AccountRecord,
    ) -> Result<Done<SecretString>, Finding> {
        if let Some(cached) = self.vault.load_access_token(address).await?
            && cached.valid_for(ACCESS_TOKEN_MARGIN)
        {
            let mins = (cached.expires_at.saturating_sub(now_secs())) / 60;
            return Ok(Done::with_detail(
                cached.token,
                format!("saved access token valid for {mins} more min"),
            ));
        }
        let profile = OAuthProfile {
            authority: url::Url::parse(&record.authority).map_err(Finding::internal)?,
            tenant: record.tenant.clone(),
            client_id: Some(record.client_id.clone()),
            redirect: self.settings.microsoft.redirect.clone(),
            scopes: record.scopes.clone(),
        };
        let secret = self
            .client_secret(&record.client_id, record.confidential)
            .await?;
        let tokens =
            match client::refresh(&self.http, &profile, &record.refresh_token, secret.as_ref())
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
        let rotated = tokens.refresh_token.is_some();
        if let Some(rt) = tokens.refresh_token {
            let mut next = record.clone();
            next.refresh_token = rt;
            next.saved_at = now_secs();
            self.vault.save(&next).await?;
        }
        match tokens.expires_at {
            Some(exp) => {
                let cached = CachedAccessToken {
                    token: tokens.access_token.clone(),
                    expires_at: epoch_secs(exp),
                };
                self.vault.save_access_token(address, &cached).await?;
            }
            None => self.vault.delete_access_token(address).await?,
        }
        let _ = self.index.update(address, |s| {
            s.last_refresh_at = Some(now_secs());
            s.token_expires_at = tokens.expires_at.map(epoch_secs);
        });
        let detail = if rotated {
            "renewed; new refresh token saved"
        } else {
            "renewed"
        };
        Ok(Done::with_detail(tokens.access_token, detail))
    }
}
