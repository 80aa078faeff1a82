//! The store stage: the checked grant goes into the vault (the refresh token in the account
//! record, the access token in its cache entry) and the mailbox into the account list.

use super::super::Assistant;
use super::context::{SecretPolicy, SignInContext};
use super::grant::Grant;
use crate::accounts::AccountSummary;
use crate::address::Address;
use crate::clock::epoch_secs;
use crate::findings::Finding;
use crate::oauth::claims::IdClaims;
use crate::progress::Done;
use crate::provider::SignInMethod;
use crate::vault::{AccountIds, AccountRecord, CachedAccessToken, Credential};

impl Assistant {
    /// Saves the sign-in; the account list is written only after the vault took it.
    pub(super) async fn store(
        &self,
        address: &Address,
        ctx: &SignInContext,
        claims: &IdClaims,
        grant: Grant,
    ) -> Result<Done<AccountSummary>, Finding> {
        // Not in the middle of a renewal of the same mailbox ([`crate::locks`]): that one's
        // rotated token would replace this new sign-in.
        let _lock = self.renewal_lock(address).await?;
        let now = self.clock.now_secs();
        let record = record(address, ctx, claims, grant.refresh_token, now);
        self.vault.save(&record).await?;
        let token_expires_at = grant.expires_at.map(epoch_secs);
        let refresh_end =
            crate::health::refresh_end(ctx.kind, now, grant.refresh_expires_at.map(epoch_secs));
        match token_expires_at {
            Some(expires_at) => {
                let cached = CachedAccessToken {
                    token: grant.access_token,
                    expires_at,
                };
                self.vault.save_access_token(address, &cached).await?;
            }
            // The previous sign-in's access token must not outlive it.
            None => self.vault.delete_access_token(address).await?,
        }
        let summary = AccountSummary {
            refresh_expires_at: refresh_end.0,
            refresh_expiry_fixed: refresh_end.1,
            ..summary(address, ctx, claims, now, token_expires_at)
        };
        self.accounts.upsert(summary.clone())?;
        Ok(Done::with_detail(
            summary,
            crate::l10n::tr("detail-step-saved-in-vault"),
        ))
    }
}

/// The vault record: refresh at the authority and the tenant that issued the token (test
/// `field_f13_refresh_goes_to_the_stored_tenant` in crates/cli/tests/field_cases.rs), keyed by
/// the account's `oid` + `tid`.
fn record(
    address: &Address,
    ctx: &SignInContext,
    claims: &IdClaims,
    refresh_token: secrecy::SecretString,
    now: u64,
) -> AccountRecord {
    AccountRecord {
        mailbox: address.normalized().to_owned(),
        provider: ctx.kind,
        authority: ctx
            .profile
            .authority
            .as_str()
            .trim_end_matches('/')
            .to_owned(),
        tenant: claims
            .tid
            .clone()
            .unwrap_or_else(|| ctx.profile.tenant.clone()),
        client_id: ctx.client_id.clone(),
        scopes: ctx.profile.scopes.clone(),
        account: AccountIds {
            oid: claims.oid.clone(),
            tid: claims.tid.clone(),
            username: claims.preferred_username.clone(),
        },
        sign_in_as: ctx.sign_in_as.as_ref().map(|a| a.normalized().to_owned()),
        confidential: ctx.secret != SecretPolicy::None,
        credential: Credential::RefreshToken(refresh_token),
        saved_at: now,
    }
}

/// The account list's entry for a fresh sign-in.
fn summary(
    address: &Address,
    ctx: &SignInContext,
    claims: &IdClaims,
    now: u64,
    token_expires_at: Option<u64>,
) -> AccountSummary {
    AccountSummary {
        signed_in_as: claims
            .preferred_username
            .clone()
            .or_else(|| Some(claims.account_name())),
        shared: ctx.sign_in_as.is_some(),
        tenant_id: claims.tid.clone(),
        token_expires_at,
        ..AccountSummary::new(address, ctx.kind, SignInMethod::OAuth, now)
    }
}
