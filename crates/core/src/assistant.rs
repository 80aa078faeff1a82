//! The assistant: the whole job, step by step. This is the one API the CLI and the desktop
//! shell call.
//!
//! - [`Assistant::check_connection`]: DNS, then SMTP (STARTTLS, capabilities) and IMAP (TLS,
//!   capabilities) concurrently;
//! - [`Assistant::sign_in`]: loopback listener → system browser → authorization code → token
//!   exchange → ID token check → account match → vault. Nothing is stored unless the signed-in
//!   account is the mailbox being set up;
//! - [`Assistant::verify`]: saved sign-in → access token (refresh and rotate when needed) →
//!   SMTP XOAUTH2 (+ send a test message to itself) and IMAP XOAUTH2 + SELECT (+ find it),
//!   SMTP and IMAP concurrently;
//! - [`Assistant::accounts`] and [`Assistant::forget`].
//!
//! Every step is reported through a [`ProgressSink`] and recorded in the returned [`Outcome`].

use std::sync::Arc;
use std::time::Duration;

use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use tokio::sync::oneshot;
use tokio_util::sync::CancellationToken;

use crate::accounts::{AccountIndex, AccountSummary};
use crate::address::Address;
use crate::browser::Browser;
use crate::findings::classify::EntraPhase;
use crate::findings::human_duration;
use crate::findings::{Finding, FindingCode, classify};
use crate::mail::TestMessage;
use crate::mail::imap::ImapConnection;
use crate::mail::smtp::Smtp;
use crate::net::{ConnectError, Trust};
use crate::oauth::claims::{AccountMatch, IdClaims, match_account, wrong_account_finding};
use crate::oauth::client::{self, AuthOptions, Tokens};
use crate::oauth::loopback::{Callback, Loopback, LoopbackError};
use crate::oauth::redact_url;
use crate::progress::{Done, Progress, ProgressSink, Run, Status, Step, StepRecord};
use crate::provider::{OAuthProfile, Profile};
use crate::settings::Settings;
use crate::vault::{AccountIds, AccountRecord, CachedAccessToken, Vault, epoch_secs, now_secs};

/// A cached access token is used only if it stays valid at least this long.
pub const ACCESS_TOKEN_MARGIN: Duration = Duration::from_secs(60);

/// What the assistant was asked to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Connection check.
    Check,
    /// Sign-in.
    SignIn,
    /// Verification.
    Verify,
}

/// The result of one action: every step with its status, duration and finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    /// What was done.
    pub action: Action,
    /// The mailbox (display form).
    pub address: String,
    /// True only when every step passed.
    pub passed: bool,
    /// The steps in completion order.
    pub steps: Vec<StepRecord>,
    /// The stored account, after a successful sign-in.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub account: Option<AccountSummary>,
}

impl Outcome {
    fn from_run(
        action: Action,
        address: &Address,
        run: Run<'_>,
        result: Result<Option<AccountSummary>, Finding>,
    ) -> Outcome {
        let mut steps = run.into_records();
        let passed = result.is_ok() && steps.iter().all(|s| s.status == Status::Passed);
        // A failure outside any step (rare) still reaches the person.
        if let Err(f) = &result
            && !steps.iter().any(|s| s.finding.as_ref() == Some(f))
            && steps.iter().all(|s| s.status == Status::Passed)
        {
            steps.push(StepRecord {
                step: Step::Prepare,
                status: Status::Failed,
                ms: 0,
                detail: None,
                finding: Some(f.clone()),
            });
        }
        Outcome {
            action,
            address: address.display().to_owned(),
            passed,
            steps,
            account: result.ok().flatten(),
        }
    }

    /// The findings of the failed steps, in order.
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.steps.iter().filter_map(|s| s.finding.as_ref())
    }
}

/// Options for [`Assistant::sign_in`].
#[derive(Clone)]
pub struct SignInOptions {
    /// How to show the sign-in page (normally [`crate::browser::SystemBrowser`]).
    pub browser: Arc<dyn Browser>,
    /// Cancels the wait for the browser.
    pub cancel: CancellationToken,
    /// Overrides the settings' sign-in timeout.
    pub timeout: Option<Duration>,
}

/// Options for [`Assistant::verify`].
#[derive(Debug, Clone, Copy, Default)]
pub struct VerifyOptions {
    /// Send a test message to the mailbox itself and find it over IMAP.
    pub send_test: bool,
}

/// A stored account and whether its sign-in is still in the vault.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountStatus {
    /// The index entry.
    #[serde(flatten)]
    pub summary: AccountSummary,
    /// Whether the vault holds a sign-in for it.
    pub in_vault: bool,
}

/// The app's core, configured once from [`Settings`].
pub struct Assistant {
    settings: Settings,
    trust: Trust,
    http: reqwest::Client,
    vault: Vault,
    index: AccountIndex,
}

impl std::fmt::Debug for Assistant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Assistant")
            .field("settings", &self.settings.source)
            .finish_non_exhaustive()
    }
}

impl Assistant {
    /// An assistant using the OS vault and the default account index.
    ///
    /// # Errors
    /// `INTERNAL` when the HTTPS client cannot be built.
    pub fn new(settings: Settings) -> Result<Assistant, Finding> {
        Assistant::with_storage(settings, Vault::default(), AccountIndex::default_location())
    }

    /// An assistant with an explicit vault and index.
    ///
    /// # Errors
    /// As [`Assistant::new`].
    pub fn with_storage(
        settings: Settings,
        vault: Vault,
        index: AccountIndex,
    ) -> Result<Assistant, Finding> {
        let trust = Trust::new(settings.extra_ca_pem.as_deref());
        let http = client::http_client(&trust, settings.timeouts.http)?;
        Ok(Assistant {
            settings,
            trust,
            http,
            vault,
            index,
        })
    }

    /// The settings in use.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The vault in use.
    pub fn vault(&self) -> &Vault {
        &self.vault
    }

    /// The provider profile for `address`.
    pub fn profile(&self, address: &Address) -> Profile {
        Profile::for_address(address, &self.settings)
    }

    /// Checks DNS, then the SMTP submission and IMAP servers (TLS, capabilities) concurrently.
    pub async fn check_connection(&self, address: &Address, sink: &dyn ProgressSink) -> Outcome {
        let run = Run::new(sink);
        let result = self.check_steps(address, &run).await;
        Outcome::from_run(Action::Check, address, run, result.map(|_| None))
    }

    async fn check_steps(&self, address: &Address, run: &Run<'_>) -> Result<(), Finding> {
        let profile = self.profile(address);
        let t = self.settings.timeouts;
        run.step_detail(Step::Dns, async {
            let (a, b) = tokio::join!(
                resolve(&profile.smtp.host, t.connect),
                resolve(&profile.imap.host, t.connect)
            );
            let detail = format!(
                "{} → {} · {} → {}",
                profile.smtp.host,
                a.map_err(|e| e.finding(&profile.smtp.label()))?,
                profile.imap.host,
                b.map_err(|e| e.finding(&profile.imap.label()))?
            );
            Ok(Done::with_detail((), detail))
        })
        .await?;
        let smtp = run.step_detail(Step::SmtpConnect, async {
            let s = Smtp::connect(&profile.smtp, &self.trust, &t).await?;
            let detail = s.describe();
            let checked = s.require_xoauth2();
            s.quit().await;
            checked.map(|_| Done::with_detail((), detail))
        });
        let imap = run.step_detail(Step::ImapConnect, async {
            let c = ImapConnection::connect(&profile.imap, &self.trust, &t).await?;
            c.require_xoauth2()?;
            Ok(Done::with_detail((), c.describe()))
        });
        let (a, b) = tokio::join!(smtp, imap);
        a.and(b)
    }

    /// Signs `address` in with the system browser and stores the sign-in in the vault, but only
    /// if the account that signed in is `address`.
    pub async fn sign_in(
        &self,
        address: &Address,
        opts: &SignInOptions,
        sink: &dyn ProgressSink,
    ) -> Outcome {
        let run = Run::new(sink);
        let result = self.sign_in_steps(address, opts, &run).await;
        Outcome::from_run(Action::SignIn, address, run, result.map(Some))
    }

    async fn sign_in_steps(
        &self,
        address: &Address,
        opts: &SignInOptions,
        run: &Run<'_>,
    ) -> Result<AccountSummary, Finding> {
        let profile = self.profile(address).oauth;
        let (client_id, loopback, request) = run
            .step_detail(Step::Loopback, async {
                let client_id = profile
                    .client_id
                    .clone()
                    .ok_or_else(|| Finding::new(FindingCode::AppNotConfigured))?;
                let loopback = Loopback::bind(&profile.redirect).await.map_err(|e| {
                    Finding::new(FindingCode::LoopbackPortUnavailable)
                        .with("problem", e.to_string())
                        .with_evidence(e.to_string())
                })?;
                let hint = AuthOptions {
                    login_hint: Some(address.normalized().to_owned()),
                    ..Default::default()
                };
                let request =
                    client::authorization_request(&profile, loopback.redirect_uri(), &hint)?;
                let detail = format!("listening on {}", loopback.redirect_uri());
                Ok(Done::with_detail((client_id, loopback, request), detail))
            })
            .await?;
        let browser = Arc::clone(&opts.browser);
        let url = request.url.clone();
        run.step(Step::OpenBrowser, async move {
            tokio::task::spawn_blocking(move || browser.open(&url))
                .await
                .map_err(Finding::internal)?
                .map_err(|e| Finding::new(FindingCode::BrowserOpenFailed).with("problem", e))
        })
        .await?;
        let timeout = opts.timeout.unwrap_or(self.settings.timeouts.sign_in);
        run.emit(Progress::WaitingForBrowser {
            url_redacted: redact_url(&request.url),
            timeout_secs: timeout.as_secs(),
        });
        let code = run
            .step(Step::BrowserSignIn, async {
                match loopback.wait(&request.state, timeout, &opts.cancel).await {
                    Ok(Callback::Code(code)) => Ok(code),
                    Ok(Callback::Error(e)) => Err(classify::entra(&e, EntraPhase::Authorize)
                        .with("mailbox", address.display())),
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
        let tokens = run
            .step(
                Step::CodeExchange,
                client::exchange_code(
                    &self.http,
                    &profile,
                    &request.redirect_uri,
                    code,
                    request.verifier,
                ),
            )
            .await
            .map_err(|f| fill(f, address, &profile))?;
        let claims = run
            .step_detail(Step::AccountCheck, async {
                let claims = check_identity(address, &tokens, request.nonce.secret(), &client_id)?;
                let detail = format!("signed in as {}", claims.account_name());
                Ok(Done::with_detail(claims, detail))
            })
            .await?;
        run.step_detail(
            Step::VaultStore,
            self.store(address, &profile, &client_id, &claims, tokens),
        )
        .await
    }

    async fn store(
        &self,
        address: &Address,
        profile: &OAuthProfile,
        client_id: &str,
        claims: &IdClaims,
        tokens: Tokens,
    ) -> Result<Done<AccountSummary>, Finding> {
        let refresh_token = tokens.refresh_token.ok_or_else(|| {
            Finding::new(FindingCode::TokenIncomplete).with("problem", "Microsoft did not issue a refresh token (the offline_access permission is missing)")
        })?;
        let record = AccountRecord {
            mailbox: address.normalized().to_owned(),
            provider: self.profile(address).kind,
            authority: profile.authority.as_str().trim_end_matches('/').to_owned(),
            // Refresh at the tenant that issued the token (field case F13).
            tenant: claims.tid.clone().unwrap_or_else(|| profile.tenant.clone()),
            client_id: client_id.to_owned(),
            scopes: profile.scopes.clone(),
            account: AccountIds {
                oid: claims.oid.clone(),
                tid: claims.tid.clone(),
                username: claims.preferred_username.clone(),
            },
            refresh_token,
            saved_at: now_secs(),
        };
        self.vault.save(&record).await?;
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
            signed_in_as: claims.preferred_username.clone(),
            tenant_id: claims.tid.clone(),
            added_at: record.saved_at,
            last_check_at: None,
            last_check_passed: None,
            last_success_at: None,
        };
        self.index.upsert(summary.clone())?;
        Ok(Done::with_detail(summary, "saved in the OS vault"))
    }

    /// Verifies the saved sign-in: token, SMTP XOAUTH2 (+ test message) and IMAP XOAUTH2 +
    /// SELECT (+ finds the test message).
    pub async fn verify(
        &self,
        address: &Address,
        opts: VerifyOptions,
        sink: &dyn ProgressSink,
    ) -> Outcome {
        let run = Run::new(sink);
        let result = self.verify_steps(address, opts, &run).await;
        let outcome = Outcome::from_run(Action::Verify, address, run, result.map(|_| None));
        let passed = outcome.passed;
        let _ = self.index.update(address, |s| {
            let now = now_secs();
            s.last_check_at = Some(now);
            s.last_check_passed = Some(passed);
            if passed {
                s.last_success_at = Some(now);
            }
        });
        outcome
    }

    async fn verify_steps(
        &self,
        address: &Address,
        opts: VerifyOptions,
        run: &Run<'_>,
    ) -> Result<(), Finding> {
        let record = run
            .step(Step::VaultRead, async {
                let record = self.vault.load(address).await?;
                record.ok_or_else(|| {
                    Finding::new(FindingCode::NotSignedIn).with("mailbox", address.display())
                })
            })
            .await?;
        let token = run
            .step_detail(Step::TokenRefresh, self.access_token(address, &record))
            .await?;
        let profile = self.profile(address);
        let (tx, rx) = oneshot::channel();
        let (smtp, imap) = tokio::join!(
            self.smtp_check(run, &profile, address, &token, opts.send_test.then_some(tx)),
            self.imap_check(run, &profile, address, &token, opts.send_test.then_some(rx)),
        );
        smtp.and(imap)
    }

    /// A valid access token: the cached one if it has [`ACCESS_TOKEN_MARGIN`] left, else a
    /// new one from the refresh token. A rotated refresh token is saved before anything else
    /// uses the new access token. `invalid_grant` kinds remove the dead sign-in; network
    /// failures keep it.
    async fn access_token(
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
        let tokens = match client::refresh(&self.http, &profile, &record.refresh_token).await {
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
        let detail = if rotated {
            "renewed; new refresh token saved"
        } else {
            "renewed"
        };
        Ok(Done::with_detail(tokens.access_token, detail))
    }

    async fn smtp_check(
        &self,
        run: &Run<'_>,
        profile: &Profile,
        address: &Address,
        token: &SecretString,
        sent: Option<oneshot::Sender<String>>,
    ) -> Result<(), Finding> {
        let t = self.settings.timeouts;
        let mut smtp = run
            .step_detail(Step::SmtpConnect, async {
                let s = Smtp::connect(&profile.smtp, &self.trust, &t).await?;
                let detail = s.describe();
                Ok(Done::with_detail(s, detail))
            })
            .await?;
        let result = async {
            run.step(
                Step::SmtpAuth,
                smtp.auth_xoauth2(address.normalized(), token),
            )
            .await
            .map_err(|f| f.with("mailbox", address.display()))?;
            if let Some(sent) = sent {
                let message = TestMessage::new(address)?;
                run.step_detail(Step::SmtpSend, async {
                    smtp.send(&message.envelope, &message.bytes).await?;
                    Ok(Done::with_detail(
                        (),
                        format!("Message-ID {}", message.message_id),
                    ))
                })
                .await?;
                let _ = sent.send(message.message_id);
            }
            Ok(())
        }
        .await;
        smtp.quit().await;
        result
    }

    async fn imap_check(
        &self,
        run: &Run<'_>,
        profile: &Profile,
        address: &Address,
        token: &SecretString,
        sent: Option<oneshot::Receiver<String>>,
    ) -> Result<(), Finding> {
        let t = self.settings.timeouts;
        let conn = run
            .step_detail(Step::ImapConnect, async {
                let c = ImapConnection::connect(&profile.imap, &self.trust, &t).await?;
                let detail = c.describe();
                Ok(Done::with_detail(c, detail))
            })
            .await?;
        let mut session = run
            .step(
                Step::ImapAuth,
                conn.auth_xoauth2(address.normalized(), token),
            )
            .await
            .map_err(|f| f.with("mailbox", address.display()))?;
        let result = async {
            run.step_detail(Step::ImapSelect, async {
                let exists = session
                    .select_inbox()
                    .await
                    .map_err(|f| f.with("mailbox", address.display()))?;
                Ok(Done::with_detail(
                    (),
                    format!("INBOX has {exists} messages"),
                ))
            })
            .await?;
            if let Some(sent) = sent
                && let Ok(message_id) = sent.await
            {
                run.step_detail(Step::ImapFind, async {
                    let (uid, took) = session
                        .find_message_id(&message_id, t.message_arrival)
                        .await
                        .map_err(|f| f.with("mailbox", address.display()))?;
                    Ok(Done::with_detail(
                        (),
                        format!("found as UID {uid} after {} ms", took.as_millis()),
                    ))
                })
                .await?;
            }
            Ok(())
        }
        .await;
        session.logout().await;
        result
    }

    /// The accounts set up on this computer, with whether each is still in the vault.
    ///
    /// # Errors
    /// `VAULT_UNAVAILABLE`; `INTERNAL` when the index cannot be read.
    pub async fn accounts(&self) -> Result<Vec<AccountStatus>, Finding> {
        let mut out = Vec::new();
        for summary in self.index.list()? {
            let in_vault = match Address::parse(&summary.mailbox) {
                Ok(a) => self.vault.load(&a).await?.is_some(),
                Err(_) => false,
            };
            out.push(AccountStatus { summary, in_vault });
        }
        Ok(out)
    }

    /// Removes the sign-in from the vault and the account from the index. Returns whether
    /// anything was there.
    ///
    /// # Errors
    /// `VAULT_UNAVAILABLE`; `INTERNAL` when the index cannot be written.
    pub async fn forget(&self, address: &Address) -> Result<bool, Finding> {
        let in_vault = self.vault.delete(address).await?;
        let in_index = self.index.remove(address)?;
        Ok(in_vault || in_index)
    }
}

/// Checks the ID token of a fresh sign-in and matches it with the mailbox.
fn check_identity(
    address: &Address,
    tokens: &Tokens,
    nonce: &str,
    client_id: &str,
) -> Result<IdClaims, Finding> {
    use secrecy::ExposeSecret;
    let invalid = |p: &str| Finding::new(FindingCode::IdTokenInvalid).with("problem", p);
    let jwt = tokens
        .id_token
        .as_ref()
        .ok_or_else(|| invalid("there was no ID token (is the openid permission granted?)"))?;
    let claims = IdClaims::decode_unverified(jwt.expose_secret()).map_err(|e| invalid(&e))?;
    claims.check(nonce, client_id)?;
    match match_account(address, &claims) {
        AccountMatch::Same => Ok(claims),
        AccountMatch::Different { signed_in } => Err(wrong_account_finding(address, &signed_in)),
    }
}

/// Fills the common placeholders of a sign-in finding.
fn fill(f: Finding, address: &Address, profile: &OAuthProfile) -> Finding {
    f.with("mailbox", address.display())
        .with("tenant", &profile.tenant)
        .with(
            "client_id",
            profile.client_id.as_deref().unwrap_or("(not configured)"),
        )
}

async fn resolve(host: &str, timeout: Duration) -> Result<String, ConnectError> {
    match tokio::time::timeout(timeout, tokio::net::lookup_host((host, 0))).await {
        Err(_) => Err(ConnectError::Timeout(timeout)),
        Ok(Err(e)) => Err(ConnectError::Dns(e)),
        Ok(Ok(addrs)) => {
            let list: Vec<String> = addrs.map(|a| a.ip().to_string()).collect();
            if list.is_empty() {
                Err(ConnectError::Dns(std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "no addresses",
                )))
            } else {
                Ok(list.join(", "))
            }
        }
    }
}
