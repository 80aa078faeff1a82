//! The sign-in's context: everything a sign-in needs besides the tokens, worked out once before
//! the browser opens — the OAuth profile, which organisation must sign in, and whether the token
//! requests carry a client secret.

use secrecy::SecretString;

use super::super::{Assistant, SignInOptions};
use crate::address::Address;
use crate::discovery::{Discovery, Found};
use crate::findings::Finding;
use crate::progress::{Run, Step};
use crate::provider::domains::GOOGLE_DOMAINS;
use crate::provider::{OAuthFlavour, OAuthProfile, Profile, ProviderKind};
use crate::settings::{ClientType, MicrosoftSettings};

/// What a sign-in needs besides the tokens.
#[derive(Clone)]
pub(in crate::assistant) struct SignInContext {
    pub profile: OAuthProfile,
    pub kind: ProviderKind,
    pub client_id: String,
    pub secret: SecretPolicy,
    pub sign_in_as: Option<Address>,
    pub expected_tenant: Option<String>,
    pub personal: bool,
    /// The claims challenge of the mailbox's last failure, for the authorization request.
    pub claims: Option<crate::findings::ClaimsChallenge>,
}

impl SignInContext {
    /// The account that must sign in: the delegate for a shared mailbox, else the mailbox.
    pub fn account<'a>(&'a self, address: &'a Address) -> &'a Address {
        self.sign_in_as.as_ref().unwrap_or(address)
    }
}

/// Whether the token requests carry the registration's client secret (from the vault).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::assistant) enum SecretPolicy {
    /// A public client ("Mobile and desktop applications" platform,
    /// <https://learn.microsoft.com/entra/identity-platform/msal-client-applications>): never.
    None,
    /// A confidential ("Web") Entra registration: always; missing → `CLIENT_SECRET_MISSING`.
    Required,
    /// Google's Desktop clients have a secret that is not secret
    /// (<https://developers.google.com/identity/protocols/oauth2/native-app>): sent when an
    /// administrator stored one.
    IfStored,
}

/// Which organisation must sign in and the secret policy, for the provider `profile` and the
/// account `account`: Google Workspace accounts carry their domain in `hd` (consumer Gmail has
/// none); personal Microsoft accounts have no organisation; work accounts belong to the tenant the
/// settings provisioned (a tenant id), else the one discovery found.
pub(super) fn expectations(
    kind: ProviderKind,
    flavour: OAuthFlavour,
    ms: &MicrosoftSettings,
    discovery: &Discovery,
    account: &Address,
) -> (Option<String>, SecretPolicy) {
    match (kind, flavour) {
        (_, OAuthFlavour::Google) => (
            (!GOOGLE_DOMAINS.contains(&account.domain())).then(|| account.domain().to_owned()),
            SecretPolicy::IfStored,
        ),
        (ProviderKind::MicrosoftPersonal, _) => (None, SecretPolicy::None),
        _ => {
            let provisioned = (ms.tenant_provisioned && uuid::Uuid::try_parse(&ms.tenant).is_ok())
                .then(|| ms.tenant.clone());
            let secret = match ms.client_type {
                ClientType::Confidential => SecretPolicy::Required,
                _ => SecretPolicy::None,
            };
            (provisioned.or(discovery.tenant_id.clone()), secret)
        }
    }
}

impl Assistant {
    /// The sign-in context: the vault's self-check, discovery, the profile.
    pub(super) async fn context(
        &self,
        address: &Address,
        opts: &SignInOptions,
        run: &Run<'_>,
    ) -> Result<SignInContext, Finding> {
        // The vault must work before anyone signs in: a sign-in that cannot be kept is lost.
        self.vault
            .self_check()
            .await
            .map_err(|f| run.fail(Step::Prepare, f))?;
        let discovery = self.discover_step(address, run).await?;
        let full = self.profile(address);
        if full.kind == ProviderKind::Microsoft365
            && let Some(f) = crate::profile::cloud_conflict(&self.settings, &discovery)
        {
            return Err(f);
        }
        let mut ctx = context_for(
            &full,
            &self.settings.microsoft,
            &discovery,
            address,
            opts.sign_in_as.clone(),
        )?;
        // This process's latest, else the one the last verification saved with the account.
        ctx.claims = self.memory.claims(address).or_else(|| {
            let saved = self.accounts.get(address).ok().flatten();
            saved.and_then(|a| a.claims_challenge)
        });
        Ok(ctx)
    }

    /// The client secret a sign-in sends, per its [`SecretPolicy`].
    pub(super) async fn sign_in_secret(
        &self,
        ctx: &SignInContext,
    ) -> Result<Option<SecretString>, Finding> {
        match ctx.secret {
            SecretPolicy::None => Ok(None),
            SecretPolicy::Required => self.client_secret(&ctx.client_id, true).await,
            SecretPolicy::IfStored => self.vault.load_client_secret(&ctx.client_id).await,
        }
    }
}

/// The context for `address` with the mailbox's `profile`.
///
/// # Errors
/// Why the browser sign-in cannot start ([`crate::profile::oauth_unavailable`]).
pub(super) fn context_for(
    full: &Profile,
    ms: &MicrosoftSettings,
    discovery: &Discovery,
    address: &Address,
    sign_in_as: Option<Address>,
) -> Result<SignInContext, Finding> {
    if let Some(f) = crate::profile::oauth_unavailable(full, address) {
        return Err(f);
    }
    let (Some(profile), Some(client_id)) = (
        full.oauth.clone(),
        full.oauth.as_ref().and_then(|o| o.client_id.clone()),
    ) else {
        // oauth_unavailable above returns a finding whenever either is missing.
        return Err(Finding::internal("no OAuth profile or client id"));
    };
    let account = sign_in_as.as_ref().unwrap_or(address);
    let (expected_tenant, secret) =
        expectations(full.kind, profile.flavour, ms, discovery, account);
    Ok(SignInContext {
        expected_tenant,
        personal: discovery.found == Found::MicrosoftPersonal
            || full.kind == ProviderKind::MicrosoftPersonal,
        kind: full.kind,
        secret,
        client_id,
        profile,
        sign_in_as,
        claims: None,
    })
}
