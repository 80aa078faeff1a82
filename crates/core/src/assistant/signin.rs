//! Sign-in: with the browser (authorization code + PKCE + loopback redirect) or with a device
//! code, then the same checks for both: what was granted ([`Step::TokenCheck`]), who signed in
//! ([`Step::AccountCheck`]), and only then the vault.
//!
//! The wrong-account trap (issue 3 item 5): the same account continues; a related account of
//! the same organisation (alias, sign-in name ≠ mail address) is parked until the person
//! confirms it; another organisation, a personal account or an administrator's account is
//! refused and nothing is stored. The browser is told which account arrived.

use std::time::{Duration, Instant};

use secrecy::SecretString;
use serde::{Deserialize, Serialize};

use super::{Action, Assistant, Outcome, SignInOptions, fill};
use crate::accounts::AccountSummary;
use crate::address::Address;
use crate::discovery::Found;
use crate::findings::classify::EntraPhase;
use crate::findings::{Finding, FindingCode, classify, human_duration};
use crate::oauth::claims::{AccountMatch, Expected, IdClaims, match_account, refusal_finding};
use crate::oauth::client::{self, AuthOptions, Tokens};
use crate::oauth::device;
use crate::oauth::loopback::{Callback, Loopback, LoopbackError, Page, Reply, StartPage};
use crate::progress::{Done, Progress, ProgressSink, Run, Step};
use crate::provider::{GOOGLE_DOMAINS, MAIL_PERMISSIONS, OAuthFlavour, OAuthProfile, ProviderKind};
use crate::settings::ClientType;
use crate::vault::{
    AccountIds, AccountRecord, CachedAccessToken, Credential, epoch_secs, now_secs,
};

/// How long a sign-in waits for the person's confirmation before it is dropped.
pub const CONFIRMATION_TTL: Duration = Duration::from_secs(600);

/// A related account signed in: the question for the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountConfirmation {
    /// The mailbox being set up (display form).
    pub mailbox: String,
    /// Who signed in.
    pub signed_in: String,
    /// The question, in words.
    pub question: String,
}

/// A sign-in waiting for confirmation. Holds tokens (secret), only in memory.
pub(super) struct PendingSignIn {
    ctx: SignInContext,
    tokens: Tokens,
    claims: IdClaims,
    created: Instant,
}

/// What a sign-in needs besides the tokens.
#[derive(Clone)]
struct SignInContext {
    profile: OAuthProfile,
    client_id: String,
    secret: SecretPolicy,
    sign_in_as: Option<Address>,
    expected_tenant: Option<String>,
    personal: bool,
}

/// Whether the token requests carry the registration's client secret (from the vault).
#[derive(Clone, Copy, PartialEq, Eq)]
enum SecretPolicy {
    /// A public client (facts §1.3): never.
    None,
    /// A confidential ("Web") Entra registration: always; missing → `CLIENT_SECRET_MISSING`.
    Required,
    /// Google's Desktop clients have a secret that is not secret (facts §7.2): sent when an
    /// administrator stored one.
    IfStored,
}

enum Ending {
    Stored(Box<AccountSummary>),
    Confirm(AccountConfirmation),
}

impl Assistant {
    /// The client secret a sign-in sends, per its [`SecretPolicy`].
    async fn sign_in_secret(&self, ctx: &SignInContext) -> Result<Option<SecretString>, Finding> {
        match ctx.secret {
            SecretPolicy::None => Ok(None),
            SecretPolicy::Required => self.client_secret(&ctx.client_id, true).await,
            SecretPolicy::IfStored => self.vault.load_client_secret(&ctx.client_id).await,
        }
    }

    /// Signs `address` in with the browser and stores the sign-in in the vault, but only if the
    /// account that signed in is the one asked for (see the module docs for related accounts).
    pub async fn sign_in(
        &self,
        address: &Address,
        opts: &SignInOptions,
        sink: &dyn ProgressSink,
    ) -> Outcome {
        let run = Run::new(sink);
        let result = async {
            let ctx = self.context(address, opts, &run).await?;
            self.browser_sign_in(address, opts, ctx, &run).await
        }
        .await;
        let outcome = finish_outcome(address, run, result);
        self.remember(address, &outcome);
        outcome
    }

    /// Signs `address` in with a device code entered on another device (no browser needed here).
    pub async fn sign_in_with_code(
        &self,
        address: &Address,
        opts: &SignInOptions,
        sink: &dyn ProgressSink,
    ) -> Outcome {
        let run = Run::new(sink);
        let result = async {
            let ctx = self.context(address, opts, &run).await?;
            if ctx.profile.flavour != OAuthFlavour::Entra {
                return Err(run.fail(
                    Step::DeviceCode,
                    Finding::new(FindingCode::BrowserOpenFailed)
                        .with(
                            "problem",
                            "signing in with a code is only possible for Microsoft accounts",
                        )
                        .with("mailbox", address.display()),
                ));
            }
            let auth = run
                .step_detail(Step::DeviceCode, async {
                    let auth = device::start(&self.http, &ctx.profile)
                        .await
                        .map_err(|f| fill(f, address, &ctx.profile))?;
                    let prompt = auth.prompt();
                    run.emit(Progress::DeviceCode {
                        prompt: prompt.clone(),
                    });
                    Ok(Done::with_detail(
                        auth,
                        format!("code {} at {}", prompt.user_code, prompt.verification_uri),
                    ))
                })
                .await?;
            let tokens = run
                .step(Step::DeviceSignIn, async {
                    device::poll(&self.http, &ctx.profile, &auth, opts.timeout, &opts.cancel)
                        .await
                        .map_err(|f| fill(f, account_of(address, &ctx), &ctx.profile))
                })
                .await?;
            self.after_tokens(address, ctx, tokens, None, None, &run)
                .await
        }
        .await;
        let outcome = finish_outcome(address, run, result);
        self.remember(address, &outcome);
        outcome
    }

    /// Answers the question of a sign-in that is waiting for confirmation: `accept` stores it,
    /// otherwise it is dropped (and the person is told how to pick the right account).
    pub async fn confirm_sign_in(
        &self,
        address: &Address,
        accept: bool,
        sink: &dyn ProgressSink,
    ) -> Outcome {
        let run = Run::new(sink);
        let pending = self
            .pending
            .lock()
            .ok()
            .and_then(|mut p| p.remove(address.normalized()));
        let result = async {
            let pending = pending
                .filter(|p| p.created.elapsed() < CONFIRMATION_TTL)
                .ok_or_else(|| {
                    Finding::new(FindingCode::SigninCancelled)
                        .with("mailbox", address.display())
                        .with_evidence(
                            "no sign-in is waiting for confirmation (they are kept for 10 minutes)",
                        )
                })?;
            let expected = account_of(address, &pending.ctx).clone();
            if !accept {
                let signed_in = pending.claims.account_name();
                let f = crate::oauth::claims::wrong_account_finding(&expected, &signed_in);
                return Err(run.fail(Step::AccountCheck, f));
            }
            let summary = run
                .step_detail(
                    Step::VaultStore,
                    self.store(address, &pending.ctx, &pending.claims, pending.tokens),
                )
                .await?;
            Ok(Ending::Stored(Box::new(summary)))
        }
        .await;
        let outcome = finish_outcome(address, run, result);
        self.remember(address, &outcome);
        outcome
    }

    /// The sign-in context: discovery, the profile, and the registration's client secret.
    async fn context(
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
        if let Some(f) = full.oauth_unavailable(address) {
            return Err(f);
        }
        let profile = full
            .oauth
            .clone()
            .ok_or_else(|| Finding::internal("no OAuth profile"))?;
        let client_id = profile
            .client_id
            .clone()
            .ok_or_else(|| Finding::internal("no client id"))?;
        let ms = &self.settings.microsoft;
        let (expected_tenant, secret) = match (full.kind, profile.flavour) {
            (_, OAuthFlavour::Google) => (
                // Workspace accounts carry the domain in `hd`; consumer Gmail has none.
                (!GOOGLE_DOMAINS.contains(&account_of_opts(address, opts).domain()))
                    .then(|| account_of_opts(address, opts).domain().to_owned()),
                SecretPolicy::IfStored,
            ),
            (ProviderKind::MicrosoftPersonal, _) => (None, SecretPolicy::None),
            _ => {
                let provisioned = (ms.tenant_provisioned
                    && uuid::Uuid::try_parse(&ms.tenant).is_ok())
                .then(|| ms.tenant.clone());
                let secret = if ms.client_type == ClientType::Confidential {
                    SecretPolicy::Required
                } else {
                    SecretPolicy::None
                };
                (provisioned.or(discovery.tenant_id.clone()), secret)
            }
        };
        Ok(SignInContext {
            expected_tenant,
            personal: discovery.found == Found::MicrosoftPersonal
                || full.kind == ProviderKind::MicrosoftPersonal,
            secret,
            client_id,
            profile,
            sign_in_as: opts.sign_in_as.clone(),
        })
    }

    async fn browser_sign_in(
        &self,
        address: &Address,
        opts: &SignInOptions,
        ctx: SignInContext,
        run: &Run<'_>,
    ) -> Result<Ending, Finding> {
        let account = account_of(address, &ctx).clone();
        let secret = self.sign_in_secret(&ctx).await?;
        let (loopback, request) = run
            .step_detail(Step::Loopback, async {
                let loopback = Loopback::bind(&ctx.profile.redirect).await.map_err(|e| {
                    Finding::new(FindingCode::LoopbackPortUnavailable)
                        .with("problem", e.to_string())
                        .with_evidence(e.to_string())
                })?;
                let hints = if opts.pick_account {
                    // Microsoft: don't combine login_hint with select_account (facts §1.5).
                    AuthOptions {
                        prompt: Some("select_account".into()),
                        ..Default::default()
                    }
                } else {
                    AuthOptions {
                        login_hint: Some(account.normalized().to_owned()),
                        domain_hint: (!ctx.personal && ctx.expected_tenant.is_some())
                            .then(|| account.domain().to_owned()),
                        prompt: None,
                    }
                };
                let request =
                    client::authorization_request(&ctx.profile, loopback.redirect_uri(), &hints)?;
                let detail = format!("listening on {}", loopback.redirect_uri());
                Ok(Done::with_detail((loopback, request), detail))
            })
            .await?;
        let start_url = loopback.start_url();
        let browser = std::sync::Arc::clone(&opts.browser);
        let private = browser.is_private();
        let url = start_url.clone();
        run.step(Step::OpenBrowser, async move {
            tokio::task::spawn_blocking(move || browser.open(&url))
                .await
                .map_err(Finding::internal)?
                .map_err(|e| e.finding(&start_url, account.display()))
        })
        .await?;
        let timeout = opts.timeout.unwrap_or(self.settings.timeouts.sign_in);
        run.emit(Progress::WaitingForBrowser {
            start_url: loopback.start_url().to_string(),
            private,
            timeout_secs: timeout.as_secs(),
        });
        let start = StartPage {
            account: account_of(address, &ctx).display().to_owned(),
            authorize_url: request.url.clone(),
            delay_secs: self.settings.microsoft.start_page_seconds,
        };
        let received = run
            .step(Step::BrowserSignIn, async {
                match loopback
                    .wait(&request.state, start, timeout, &opts.cancel)
                    .await
                {
                    Ok(r) => match r.callback {
                        Callback::Code(code) => Ok((code, r.reply)),
                        Callback::Error(e) => Err(fill(
                            classify::entra(&e, EntraPhase::Authorize),
                            account_of(address, &ctx),
                            &ctx.profile,
                        )),
                    },
                    Err(LoopbackError::TimedOut {
                        state_mismatch: true,
                        ..
                    }) => Err(Finding::new(FindingCode::SigninStateMismatch)),
                    Err(LoopbackError::TimedOut { timeout, .. }) => {
                        Err(Finding::new(FindingCode::SigninNoCallback)
                            .with("duration", human_duration(timeout)))
                    }
                    Err(LoopbackError::Cancelled) => {
                        Err(Finding::new(FindingCode::SigninCancelled)
                            .with("mailbox", address.display())
                            .with_evidence("cancelled in the app"))
                    }
                    Err(e @ LoopbackError::Bind(_)) => {
                        Err(Finding::new(FindingCode::LoopbackPortUnavailable)
                            .with("problem", e.to_string()))
                    }
                }
            })
            .await?;
        let (code, reply) = received;
        let exchanged = run
            .step(Step::CodeExchange, async {
                client::exchange_code(
                    &self.http,
                    &ctx.profile,
                    &request.redirect_uri,
                    code,
                    request.verifier,
                    secret.as_ref(),
                )
                .await
                .map_err(|f| fill(f, account_of(address, &ctx), &ctx.profile))
            })
            .await;
        let tokens = match exchanged {
            Ok(t) => t,
            Err(f) => {
                reply.send(Page::failed(&f.title)).await;
                return Err(f);
            }
        };
        self.after_tokens(
            address,
            ctx,
            tokens,
            Some(request.nonce.secret()),
            Some(reply),
            run,
        )
        .await
    }

    /// The checks every sign-in goes through once tokens arrived, then the vault.
    async fn after_tokens(
        &self,
        address: &Address,
        ctx: SignInContext,
        tokens: Tokens,
        nonce: Option<&str>,
        reply: Option<Reply>,
        run: &Run<'_>,
    ) -> Result<Ending, Finding> {
        let reply = reply.unwrap_or_else(Reply::none);
        let checked = run
            .step_detail(Step::TokenCheck, async {
                check_grant(&tokens, ctx.profile.flavour).map(|d| Done::with_detail((), d))
            })
            .await;
        if let Err(f) = checked {
            reply.send(Page::failed(&f.title)).await;
            return Err(f);
        }
        let expected = account_of(address, &ctx).clone();
        let admin_accounts = self.settings.microsoft.admin_accounts.clone();
        // Who signed in when the account is refused (for the page the browser shows).
        let refused_as = std::sync::OnceLock::new();
        let identity = run
            .step_detail(Step::AccountCheck, async {
                let claims = id_claims(&tokens, nonce, &ctx.client_id)?;
                let m = match_account(
                    Expected {
                        account: &expected,
                        tenant_id: ctx.expected_tenant.as_deref(),
                        admin_accounts: &admin_accounts,
                        personal: ctx.personal,
                    },
                    &claims,
                );
                match m {
                    AccountMatch::Same => {
                        let detail = format!("signed in as {}", claims.account_name());
                        Ok(Done::with_detail((claims, None), detail))
                    }
                    AccountMatch::Related { signed_in } => {
                        let detail = format!("signed in as {signed_in}: needs your confirmation");
                        Ok(Done::with_detail((claims, Some(signed_in)), detail))
                    }
                    AccountMatch::Refused { signed_in, reason } => {
                        let f = refusal_finding(&expected, &signed_in, reason)
                            .with("provider", ctx.profile.provider_name());
                        let _ = refused_as.set(signed_in);
                        Err(f)
                    }
                }
            })
            .await;
        let (claims, related) = match identity {
            Ok(v) => v,
            Err(f) => {
                let page = match refused_as.into_inner() {
                    Some(got) => Page::wrong_account(&got, expected.display()),
                    None => Page::failed(&f.title),
                };
                reply.send(page).await;
                return Err(f);
            }
        };
        if let Some(signed_in) = related {
            reply
                .send(Page::confirm(&signed_in, expected.display()))
                .await;
            let confirmation = AccountConfirmation {
                mailbox: expected.display().to_owned(),
                signed_in: signed_in.clone(),
                question: format!(
                    "{} signed in {signed_in}. Is that the right account for {}? (For example an alias, or a sign-in name that differs from the mail address.)",
                    ctx.profile.provider_name(),
                    expected.display()
                ),
            };
            if let Ok(mut p) = self.pending.lock() {
                p.insert(
                    address.normalized().to_owned(),
                    PendingSignIn {
                        ctx,
                        tokens,
                        claims,
                        created: Instant::now(),
                    },
                );
            }
            return Ok(Ending::Confirm(confirmation));
        }
        let stored = run
            .step_detail(Step::VaultStore, self.store(address, &ctx, &claims, tokens))
            .await;
        match stored {
            Ok(summary) => {
                reply.send(Page::signed_in(&claims.account_name())).await;
                Ok(Ending::Stored(Box::new(summary)))
            }
            Err(f) => {
                reply.send(Page::failed(&f.title)).await;
                Err(f)
            }
        }
    }

    async fn store(
        &self,
        address: &Address,
        ctx: &SignInContext,
        claims: &IdClaims,
        tokens: Tokens,
    ) -> Result<Done<AccountSummary>, Finding> {
        let refresh_token = tokens.refresh_token.ok_or_else(|| {
            Finding::new(FindingCode::TokenIncomplete).with("problem", "Microsoft did not issue a refresh token (the offline_access permission is missing)")
        })?;
        let record = AccountRecord {
            mailbox: address.normalized().to_owned(),
            provider: self.profile(address).kind,
            authority: ctx
                .profile
                .authority
                .as_str()
                .trim_end_matches('/')
                .to_owned(),
            // Refresh at the tenant that issued the token (field case F13).
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
            saved_at: now_secs(),
        };
        self.vault.save(&record).await?;
        let token_expires_at = tokens.expires_at.map(epoch_secs);
        if let Some(expires_at) = tokens.expires_at {
            let cached = CachedAccessToken {
                token: tokens.access_token,
                expires_at: epoch_secs(expires_at),
            };
            self.vault.save_access_token(address, &cached).await?;
        }
        let summary = AccountSummary {
            address: address.display().to_owned(),
            mailbox: address.normalized().to_owned(),
            provider: record.provider,
            signed_in_as: claims
                .preferred_username
                .clone()
                .or_else(|| Some(claims.account_name())),
            shared: ctx.sign_in_as.is_some(),
            tenant_id: claims.tid.clone(),
            added_at: record.saved_at,
            last_check_at: None,
            last_check_passed: None,
            last_success_at: None,
            last_refresh_at: None,
            token_expires_at,
            servers: None,
            method: crate::provider::SignInMethod::OAuth,
        };
        self.index.upsert(summary.clone())?;
        Ok(Done::with_detail(summary, "saved in the OS vault"))
    }
}

fn finish_outcome(address: &Address, run: Run<'_>, result: Result<Ending, Finding>) -> Outcome {
    let (account, confirm) = match &result {
        Ok(Ending::Stored(s)) => (Some(AccountSummary::clone(s)), None),
        Ok(Ending::Confirm(c)) => (None, Some(c.clone())),
        Err(_) => (None, None),
    };
    let mut outcome = Outcome::from_run(Action::SignIn, address, run, result.map(|_| ()));
    outcome.account = account;
    if confirm.is_some() {
        outcome.passed = false;
    }
    outcome.confirm = confirm;
    outcome
}

/// The account that must sign in, before the context exists.
fn account_of_opts<'a>(address: &'a Address, opts: &'a SignInOptions) -> &'a Address {
    opts.sign_in_as.as_ref().unwrap_or(address)
}

/// The account that must sign in: the delegate for a shared mailbox, else the mailbox.
fn account_of<'a>(address: &'a Address, ctx: &'a SignInContext) -> &'a Address {
    ctx.sign_in_as.as_ref().unwrap_or(address)
}

/// Token sanity (issue 3 item 9): the granted scopes include the mail permissions, and
/// `offline_access` produced a refresh token. The access token's `aud`/`scp` are only a hint
/// (tokens may be opaque; field case F06).
fn check_grant(tokens: &Tokens, flavour: OAuthFlavour) -> Result<String, Finding> {
    if tokens.refresh_token.is_none() {
        return Err(Finding::new(FindingCode::TokenIncomplete).with(
            "problem",
            match flavour {
                OAuthFlavour::Entra => "Microsoft did not issue a refresh token (the offline_access permission is missing)",
                OAuthFlavour::Google => "Google did not issue a refresh token (offline access was not granted)",
            },
        ));
    }
    if flavour == OAuthFlavour::Google {
        // Google: one scope for IMAP, POP and SMTP (facts §3.1); its access tokens are opaque.
        return match &tokens.scopes {
            Some(granted)
                if !granted
                    .iter()
                    .any(|g| g == crate::provider::GOOGLE_SCOPES[0]) =>
            {
                Err(Finding::new(FindingCode::TokenIncomplete)
                    .with(
                        "problem",
                        "the Gmail permission (https://mail.google.com/) was not granted",
                    )
                    .with_evidence(format!("granted scope: {}", granted.join(" "))))
            }
            _ => Ok("Gmail access granted".into()),
        };
    }
    if let Some(granted) = &tokens.scopes {
        let missing: Vec<&str> = MAIL_PERMISSIONS
            .iter()
            .copied()
            .filter(|p| {
                !granted.iter().any(|g| {
                    g.rsplit('/')
                        .next()
                        .is_some_and(|last| last.eq_ignore_ascii_case(p))
                })
            })
            .collect();
        if !missing.is_empty() {
            return Err(Finding::new(FindingCode::TokenIncomplete)
                .with(
                    "problem",
                    format!("the permission {} was not granted", missing.join(" and ")),
                )
                .with_evidence(format!("granted scope: {}", granted.join(" "))));
        }
    }
    use secrecy::ExposeSecret;
    match crate::oauth::claims::access_token_hint(tokens.access_token.expose_secret()) {
        crate::oauth::claims::TokenHint::WrongResource(aud) => {
            Err(Finding::new(FindingCode::TokenWrongResource)
                .with("problem", &aud)
                .with_evidence(format!("aud={aud}")))
        }
        hint => Ok(hint.describe()),
    }
}

/// Decodes and checks the ID token.
fn id_claims(tokens: &Tokens, nonce: Option<&str>, client_id: &str) -> Result<IdClaims, Finding> {
    use secrecy::ExposeSecret;
    let invalid = |p: &str| Finding::new(FindingCode::IdTokenInvalid).with("problem", p);
    let jwt = tokens
        .id_token
        .as_ref()
        .ok_or_else(|| invalid("there was no ID token (is the openid permission granted?)"))?;
    let claims = IdClaims::decode_unverified(jwt.expose_secret()).map_err(|e| e.finding())?;
    claims.check(nonce, client_id)?;
    Ok(claims)
}
