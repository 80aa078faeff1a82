//! The browser sign-in's first stages: authorize (open the loopback redirect listener, build
//! the authorization request with PKCE, `state` and `nonce`), open the system browser, wait for
//! the callback, and redeem the authorization code at the token endpoint
//! ([RFC 8252](https://www.rfc-editor.org/rfc/rfc8252), [RFC 7636](https://www.rfc-editor.org/rfc/rfc7636)).

use std::sync::Arc;

use oauth2::AuthorizationCode;
use url::Url;

use super::super::{Assistant, SignInOptions, fill};
use super::Ending;
use super::context::SignInContext;
use crate::address::Address;
use crate::browser::BrowserError;
use crate::findings::classify::EntraPhase;
use crate::findings::{Finding, FindingCode, Param, classify, human_duration};
use crate::oauth::client::{self, AuthOptions, AuthRequest, Tokens};
use crate::oauth::endpoint::CodeGrant;
use crate::oauth::loopback::{Callback, Loopback, LoopbackError, Page, Reply, StartPage};
use crate::progress::{Done, Progress, Run, Step};
use crate::provider::OAuthProfile;

/// What the browser's part of a sign-in needs ([`Assistant::authorization_code`]).
pub(in crate::assistant) struct BrowserRequest<'a> {
    /// The identity provider, the client and the scopes.
    pub profile: &'a OAuthProfile,
    /// `login_hint`, `domain_hint`, `prompt`.
    pub hints: AuthOptions,
    /// Who signs in, in words, for the start page and the findings (an address, or e.g. "an
    /// administrator of your organisation").
    pub account: &'a str,
    /// Whether the page offers the device code as the other way.
    pub device_code: bool,
    /// Fills a finding from the provider's error with the sign-in's context.
    pub fill: &'a (dyn Fn(Finding) -> Finding + Sync),
}

impl Assistant {
    /// The browser sign-in, stage by stage; the checks after the tokens are shared with the
    /// device code ([`Assistant::after_tokens`]).
    pub(super) async fn browser_sign_in(
        &self,
        address: &Address,
        opts: &SignInOptions,
        ctx: SignInContext,
        run: &Run<'_>,
    ) -> Result<Ending, Finding> {
        let secret = self.sign_in_secret(&ctx).await?;
        let account = ctx.account(address);
        let fill_in = |f| fill(f, account, &ctx.profile);
        let browser = BrowserRequest {
            profile: &ctx.profile,
            hints: hints(account, opts.pick_account, &ctx),
            account: account.display(),
            device_code: self.offers_device_code(Some(&ctx.profile), account),
            fill: &fill_in,
        };
        let (request, code, reply) = self.authorization_code(browser, opts, run).await?;
        let nonce = request.nonce.clone();
        let tokens = match self
            .exchange(address, &ctx, request, code, secret, run)
            .await
        {
            Ok(t) => t,
            Err(f) => {
                reply.send(Page::failed(&f.title)).await;
                return Err(f);
            }
        };
        self.after_tokens(address, ctx, tokens, Some(nonce.secret()), reply, run)
            .await
    }

    /// The browser's part of a sign-in: the loopback listener, the authorization request, the
    /// browser (or the link to open by hand), and the wait for the callback. Returns the request
    /// (its PKCE verifier, `nonce` and redirect URI for the exchange), the code, and the reply
    /// that tells the browser how it ended. Shared by the mailbox's sign-in and the
    /// administrator's sign-in of the registration check.
    pub(in crate::assistant) async fn authorization_code(
        &self,
        browser: BrowserRequest<'_>,
        opts: &SignInOptions,
        run: &Run<'_>,
    ) -> Result<(AuthRequest, AuthorizationCode, Reply), Finding> {
        let (loopback, request) = authorize(browser.profile, &browser.hints, run).await?;
        let start_url = loopback.start_url();
        // Not opened is not the end: the link is shown and the listener waits all the same.
        let not_opened = open_browser(opts, &start_url, browser.account, run).await;
        let timeout = opts.timeout.unwrap_or(self.settings.timeouts.sign_in);
        run.emit(Progress::WaitingForBrowser {
            start_url: start_url.to_string(),
            private: opts.browser.is_private(),
            timeout_secs: timeout.as_secs(),
            opened: not_opened.is_none(),
            finding: not_opened.clone(),
            device_code: browser.device_code,
        });
        let start = StartPage {
            account: browser.account.to_owned(),
            authorize_url: request.url.clone(),
            delay_secs: self.settings.microsoft.start_page_seconds,
        };
        let (code, reply) = run
            .step(Step::BrowserSignIn, async {
                let received = loopback
                    .wait(&request.state, start, timeout, &opts.cancel)
                    .await
                    .map_err(|e| wait_finding(e, browser.account, not_opened))?;
                match received.callback {
                    Callback::Code(code) => Ok((code, received.reply)),
                    Callback::Error(e) => Err((browser.fill)(classify::oauth_error(
                        &e,
                        EntraPhase::Authorize,
                        browser.profile.flavour,
                    ))),
                }
            })
            .await?;
        Ok((request, code, reply))
    }

    /// Redeems the authorization code with the PKCE `code_verifier`.
    async fn exchange(
        &self,
        address: &Address,
        ctx: &SignInContext,
        request: AuthRequest,
        code: AuthorizationCode,
        secret: Option<secrecy::SecretString>,
        run: &Run<'_>,
    ) -> Result<Tokens, Finding> {
        run.step(Step::CodeExchange, async {
            self.token_endpoint
                .exchange_code(
                    &ctx.profile,
                    CodeGrant {
                        redirect_uri: &request.redirect_uri,
                        code,
                        verifier: request.verifier,
                        secret: secret.as_ref(),
                    },
                )
                .await
                .map_err(|f| fill(f, ctx.account(address), &ctx.profile))
        })
        .await
    }
}

/// The account hints of the authorization request: the account picker when asked (Microsoft:
/// never together with `login_hint`,
/// <https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow#request-an-authorization-code>),
/// else `login_hint` and, for a known organisation, `domain_hint`.
pub(super) fn hints(account: &Address, pick_account: bool, ctx: &SignInContext) -> AuthOptions {
    if pick_account {
        return AuthOptions {
            prompt: Some("select_account".into()),
            claims: ctx.claims.clone(),
            ..Default::default()
        };
    }
    AuthOptions {
        login_hint: Some(account.normalized().to_owned()),
        domain_hint: (!ctx.personal && ctx.expected_tenant.is_some())
            .then(|| account.domain().to_owned()),
        prompt: None,
        claims: ctx.claims.clone(),
    }
}

/// Opens the loopback listener and builds the authorization request (PKCE, `state`, `nonce`).
async fn authorize(
    profile: &OAuthProfile,
    hints: &AuthOptions,
    run: &Run<'_>,
) -> Result<(Loopback, AuthRequest), Finding> {
    run.step_detail(Step::Loopback, async {
        let bound = Loopback::bind(&profile.redirect).await;
        let loopback = bound.map_err(|e| {
            Finding::new(FindingCode::LoopbackPortUnavailable)
                .with(Param::Problem, e.to_string())
                .with_evidence(e.to_string())
        })?;
        let request = client::authorization_request(profile, loopback.redirect_uri(), hints)?;
        let detail = crate::l10n::tr_with(
            "detail-step-listening",
            &[("address", loopback.redirect_uri().to_string().into())],
        );
        Ok(Done::with_detail((loopback, request), detail))
    })
    .await
}

/// Hands the loopback's start page to the browser (or the private window asked for). An
/// information-only step: the app cannot know whether a window really appeared (an opener can
/// succeed and show nothing), so the link is always shown too. Returns why the browser could
/// not be started, as the finding that tells the person to open the link by hand.
async fn open_browser(
    opts: &SignInOptions,
    start_url: &Url,
    account: &str,
    run: &Run<'_>,
) -> Option<Finding> {
    let browser = Arc::clone(&opts.browser);
    let url = start_url.clone();
    let mut not_opened = None;
    run.note(Step::OpenBrowser, async {
        let opened = tokio::task::spawn_blocking(move || browser.open(&url))
            .await
            .unwrap_or_else(|_| Err(BrowserError::stopped()));
        match opened {
            Ok(()) if opts.browser.is_private() => crate::l10n::tr("detail-browser-private-window"),
            Ok(()) => crate::l10n::tr("detail-browser-opened"),
            Err(e) => {
                not_opened = Some(e.finding(start_url, account));
                crate::l10n::tr_with(
                    "detail-browser-not-opened",
                    &[("reason", e.to_string().into())],
                )
            }
        }
    })
    .await;
    not_opened
}

/// The finding for a wait that brought no callback. After a browser that could not be
/// started, the reason the time ran out is that finding (`not_opened`).
fn wait_finding(e: LoopbackError, account: &str, not_opened: Option<Finding>) -> Finding {
    match (e, not_opened) {
        (
            LoopbackError::TimedOut {
                state_mismatch: true,
                ..
            },
            _,
        ) => Finding::new(FindingCode::SigninStateMismatch),
        (LoopbackError::TimedOut { timeout, .. }, Some(browser)) => browser.with_evidence(format!(
            // Evidence is technical and English: the seconds, not words of a language.
            "no sign-in came back within {} s",
            timeout.as_secs()
        )),
        (LoopbackError::TimedOut { timeout, .. }, None) => {
            Finding::new(FindingCode::SigninNoCallback)
                .with(Param::Duration, human_duration(timeout))
        }
        (LoopbackError::Cancelled, _) => Finding::new(FindingCode::SigninCancelled)
            .with(Param::Mailbox, account)
            .with_evidence("cancelled in the app"),
        (LoopbackError::StartReopened, _) => Finding::new(FindingCode::SigninLinkReopened),
        (e @ LoopbackError::Bind(_), _) => {
            Finding::new(FindingCode::LoopbackPortUnavailable).with(Param::Problem, e.to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wait_without_callback_says_why() {
        let a = "ann@example.edu";
        let timeout = std::time::Duration::from_secs(300);
        let code = |e| wait_finding(e, a, None).code;
        assert_eq!(
            code(LoopbackError::TimedOut {
                timeout,
                state_mismatch: true
            }),
            FindingCode::SigninStateMismatch
        );
        let f = wait_finding(
            LoopbackError::TimedOut {
                timeout,
                state_mismatch: false,
            },
            a,
            None,
        );
        assert_eq!(f.code, FindingCode::SigninNoCallback);
        assert!(f.to_text().contains("5 minutes"), "{}", f.to_text());
        assert_eq!(code(LoopbackError::Cancelled), FindingCode::SigninCancelled);
        // No browser could be started and nobody opened the link: that is the reason.
        let link = url::Url::parse("http://localhost:5321/mailsetup-start/0neT1me").unwrap();
        let gone = std::io::Error::new(std::io::ErrorKind::NotFound, "no opener");
        let browser = BrowserError::system(gone).finding(&link, a);
        let late = |e| wait_finding(e, a, Some(browser.clone()));
        let f = late(LoopbackError::TimedOut {
            timeout,
            state_mismatch: false,
        });
        assert_eq!(f.code, FindingCode::BrowserOpenFailed);
        assert!(f.evidence.unwrap().contains("within 300 s"));
        assert_eq!(
            late(LoopbackError::Cancelled).code,
            FindingCode::SigninCancelled
        );
    }
}
