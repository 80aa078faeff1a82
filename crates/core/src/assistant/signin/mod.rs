//! Sign-in, as a pipeline of small stages with one owner of the sign-in's state
//! ([`SignInContext`], then the [`grant::Grant`], then the claims):
//!
//! 1. context ([`context`]): the vault's self-check, discovery, the OAuth profile;
//! 2. authorize → callback → exchange ([`browser`]), or the device code;
//! 3. token checks ([`grant`]): a refresh token, the mail permissions, the right resource;
//! 4. identity ([`identity`]): the same account continues; a related account of the same
//!    organisation is parked until the person confirms it ([`Assistant::confirm_sign_in`]);
//!    another organisation, a personal account or an administrator's account is refused and
//!    nothing is stored. The browser is told which account arrived;
//! 5. store ([`store`]): the vault, then the account list.

mod browser;
mod context;
mod grant;
mod identity;
mod store;
#[cfg(test)]
mod tests;

use std::time::Duration;

pub(super) use context::SignInContext;
use identity::Expected;

use super::{AccountConfirmation, Action, Assistant, Outcome, SignInOptions, fill};
use crate::accounts::AccountSummary;
use crate::address::Address;
use crate::findings::{Finding, FindingCode, Param};
use crate::oauth::claims::IdClaims;
use crate::oauth::client::Tokens;
use crate::oauth::device;
use crate::oauth::loopback::{Page, Reply};
use crate::progress::{Done, Progress, ProgressSink, Run, Step};
use crate::provider::{OAuthFlavour, OAuthProfile};

/// How long a sign-in waits for the person's confirmation before it is dropped.
pub const CONFIRMATION_TTL: Duration = Duration::from_secs(600);

/// A sign-in waiting for confirmation. Holds tokens (secret), only in memory.
pub(in crate::assistant) struct PendingSignIn {
    ctx: SignInContext,
    grant: grant::Grant,
    claims: IdClaims,
    /// When it was parked ([`crate::clock::Clock`] seconds).
    parked_at: u64,
}

/// How the authorization is obtained.
#[derive(Clone, Copy)]
enum Flow {
    /// Authorization code + PKCE in the system browser, loopback redirect.
    Browser,
    /// Device authorization grant ([RFC 8628](https://www.rfc-editor.org/rfc/rfc8628)).
    DeviceCode,
}

/// How a sign-in that did not fail ended.
enum Ending {
    Stored(Box<AccountSummary>),
    Confirm(AccountConfirmation),
}

impl Assistant {
    /// Signs `address` in with the browser and stores the sign-in in the vault, but only if the
    /// account that signed in is the one asked for (see the module docs for related accounts).
    pub async fn sign_in(
        &self,
        address: &Address,
        opts: &SignInOptions,
        sink: &dyn ProgressSink,
    ) -> Outcome {
        self.sign_in_by(Flow::Browser, address, opts, sink).await
    }

    /// Signs `address` in with a device code entered on another device (no browser needed here).
    pub async fn sign_in_with_code(
        &self,
        address: &Address,
        opts: &SignInOptions,
        sink: &dyn ProgressSink,
    ) -> Outcome {
        self.sign_in_by(Flow::DeviceCode, address, opts, sink).await
    }

    async fn sign_in_by(
        &self,
        flow: Flow,
        address: &Address,
        opts: &SignInOptions,
        sink: &dyn ProgressSink,
    ) -> Outcome {
        let run = Run::new(sink);
        let result = async {
            let ctx = self.context(address, opts, &run).await?;
            match flow {
                Flow::Browser => self.browser_sign_in(address, opts, ctx, &run).await,
                Flow::DeviceCode => {
                    let tokens = self.device_code(address, opts, &ctx, &run).await?;
                    self.after_tokens(address, ctx, tokens, None, Reply::none(), &run)
                        .await
                }
            }
        }
        .await;
        self.finish(address, run, result)
    }

    /// The device code stages: get a code, show it, wait for the person to enter it. When the
    /// organisation refuses the code (`DEVICE_CODE_BLOCKED`), the app stops offering it for
    /// that organisation ([`Assistant::offers_device_code`]).
    async fn device_code(
        &self,
        address: &Address,
        opts: &SignInOptions,
        ctx: &SignInContext,
        run: &Run<'_>,
    ) -> Result<Tokens, Finding> {
        let account = ctx.account(address);
        if ctx.profile.flavour != OAuthFlavour::Entra {
            let f = fill(
                Finding::new(FindingCode::DeviceCodeUnavailable),
                account,
                &ctx.profile,
            );
            return Err(run.fail(Step::DeviceCode, f));
        }
        let remember_block = |f| self.device_code_failed(f, account, &ctx.profile);
        let auth = run
            .step_detail(Step::DeviceCode, async {
                let auth = device::start(&self.http, &ctx.profile)
                    .await
                    .map_err(remember_block)?;
                let prompt = auth.prompt();
                run.emit(Progress::DeviceCode {
                    prompt: prompt.clone(),
                });
                let detail = format!("code {} at {}", prompt.user_code, prompt.verification_uri);
                Ok(Done::with_detail(auth, detail))
            })
            .await?;
        run.step(Step::DeviceSignIn, async {
            device::poll(&self.http, &ctx.profile, &auth, opts.timeout, &opts.cancel)
                .await
                .map_err(remember_block)
        })
        .await
    }

    /// A failed device-code stage for `account`, in the person's words. A refusal by the
    /// organisation (`DEVICE_CODE_BLOCKED`) is remembered: the code is not offered again.
    fn device_code_failed(&self, f: Finding, account: &Address, profile: &OAuthProfile) -> Finding {
        if f.code == FindingCode::DeviceCodeBlocked {
            self.memory.block_device_code(account);
        }
        fill(f, account, profile)
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
        let pending = self.memory.take_pending(address);
        let now = self.clock.now_secs();
        let result = async {
            let pending = pending
                .filter(|p| now.saturating_sub(p.parked_at) < CONFIRMATION_TTL.as_secs())
                .ok_or_else(|| {
                    Finding::new(FindingCode::SigninCancelled)
                        .with(Param::Mailbox, address.display())
                        .with_evidence(
                            "no sign-in is waiting for confirmation (they are kept for 10 minutes)",
                        )
                })?;
            if !accept {
                let expected = pending.ctx.account(address);
                let f = identity::wrong_account_finding(expected, &pending.claims.account_name());
                return Err(run.fail(Step::AccountCheck, f));
            }
            let stored = self.store(address, &pending.ctx, &pending.claims, pending.grant);
            let summary = run.step_detail(Step::VaultStore, stored).await?;
            Ok(Ending::Stored(Box::new(summary)))
        }
        .await;
        self.finish(address, run, result)
    }

    /// The stages every sign-in goes through once tokens arrived: token checks, identity, then
    /// the vault — or the person's confirmation first. The browser (if any) hears how it ended.
    async fn after_tokens(
        &self,
        address: &Address,
        ctx: SignInContext,
        tokens: Tokens,
        nonce: Option<&str>,
        reply: Reply,
        run: &Run<'_>,
    ) -> Result<Ending, Finding> {
        let flavour = ctx.profile.flavour;
        if let Some(f) = tokens.clock_finding(ctx.profile.provider_name()) {
            run.warn(Step::Clock, f);
        }
        let checked = run
            .step_detail(Step::TokenCheck, async {
                grant::check(tokens, flavour).map(|(g, d)| Done::with_detail(g, d))
            })
            .await;
        let grant = match checked {
            Ok(g) => g,
            Err(f) => {
                reply.send(Page::failed(&f.title)).await;
                return Err(f);
            }
        };
        let expected = ctx.account(address).clone();
        let judged = identity::judge(
            Expected {
                account: &expected,
                tenant_id: ctx.expected_tenant.as_deref(),
                admin_accounts: &self.settings.microsoft.admin_accounts,
                personal: ctx.personal,
            },
            &grant,
            nonce,
            &ctx.client_id,
            ctx.profile.provider_name(),
        );
        let refused_as = judged.as_ref().err().and_then(|r| r.signed_in.clone());
        let accepted = run
            .step_detail(Step::AccountCheck, async {
                let a = judged.map_err(|r| r.finding)?;
                let detail = a.detail();
                Ok(Done::with_detail(a, detail))
            })
            .await;
        let accepted = match accepted {
            Ok(a) => a,
            Err(f) => {
                let page = match refused_as {
                    Some(got) => Page::wrong_account(&got, expected.display()),
                    None => Page::failed(&f.title),
                };
                reply.send(page).await;
                return Err(f);
            }
        };
        if let Some(signed_in) = accepted.related {
            reply
                .send(Page::confirm(&signed_in, expected.display()))
                .await;
            return Ok(self.park(address, ctx, grant, accepted.claims, signed_in));
        }
        let stored = self.store(address, &ctx, &accepted.claims, grant);
        match run.step_detail(Step::VaultStore, stored).await {
            Ok(summary) => {
                reply
                    .send(Page::signed_in(&accepted.claims.account_name()))
                    .await;
                Ok(Ending::Stored(Box::new(summary)))
            }
            Err(f) => {
                reply.send(Page::failed(&f.title)).await;
                Err(f)
            }
        }
    }

    /// Parks a related account's sign-in and words the question for the person.
    fn park(
        &self,
        address: &Address,
        ctx: SignInContext,
        grant: grant::Grant,
        claims: IdClaims,
        signed_in: String,
    ) -> Ending {
        let expected = ctx.account(address).display().to_owned();
        let confirmation = AccountConfirmation {
            question: format!(
                "{} signed in {signed_in}. Is that the right account for {expected}? (For example an alias, or a sign-in name that differs from the mail address.)",
                ctx.profile.provider_name(),
            ),
            mailbox: expected,
            signed_in,
        };
        let parked_at = self.clock.now_secs();
        self.memory.park(
            address,
            PendingSignIn {
                ctx,
                grant,
                claims,
                parked_at,
            },
        );
        Ending::Confirm(confirmation)
    }

    /// The sign-in's outcome, remembered for the report.
    fn finish(&self, address: &Address, run: Run<'_>, result: Result<Ending, Finding>) -> Outcome {
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
        self.memory.remember(address, &outcome);
        outcome
    }
}
