//! The assistant: the whole job, step by step. This is the one API the CLI and the desktop
//! shell call.
//!
//! - [`Assistant::check_connection`] (`check`): discovery, DNS, then SMTP (STARTTLS,
//!   capabilities) and IMAP (TLS, capabilities) concurrently;
//! - [`Assistant::sign_in`] and [`Assistant::sign_in_with_code`] (`signin`): the browser
//!   (loopback redirect) or the device code, then the token and identity checks, then the vault.
//!   Nothing is stored unless the signed-in account is the one asked for — or, for a related
//!   account of the same organisation, until the person confirms it
//!   ([`Assistant::confirm_sign_in`]);
//! - [`Assistant::verify`] (`verify`): saved sign-in → access token (`tokens`: refresh and
//!   rotate when needed) → SMTP XOAUTH2 (+ a test message) and IMAP XOAUTH2 + SELECT (+ find
//!   it), concurrently; shared mailboxes checked for Full Access and Send As separately;
//! - [`Assistant::accounts`], [`Assistant::forget`] and the administrator's client secret;
//! - [`Assistant::check_registration`] (`admin`): the administrator signs in and the app
//!   registration is checked item by item ([`crate::registration`]).
//!
//! Every step is reported through a [`ProgressSink`](crate::progress::ProgressSink) and recorded
//! in the returned [`Outcome`].

mod admin;
mod check;
mod choices;
#[cfg(test)]
mod fakes;
mod helper;
mod memory;
mod password;
mod relay;
mod signin;
mod tokens;
mod verify;

use std::sync::Arc;
use std::time::Duration;

use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use tokio_util::sync::CancellationToken;

pub use admin::AdminCheckOptions;
pub use choices::{PasswordKind, SignInChoices, SignInScreen};
pub use helper::{HelperFailure, HelperToken, MailServer, Renewed, TokenForm};
pub use relay::{AddedProgram, RelayProgramInfo};
pub use verify::BATCH_CONCURRENCY;

use crate::accounts::{AccountIndex, AccountStore, AccountSummary};
use crate::address::Address;
use crate::browser::Browser;
use crate::clock::{Clock, SystemClock};
use crate::discovery::Discovery;
use crate::findings::{Finding, FindingCode, Param};
use crate::locks::Locks;
use crate::net::Trust;
use crate::oauth::client;
use crate::oauth::endpoint::{HttpTokenEndpoint, TokenEndpoint};
pub use crate::outcome::{AccountConfirmation, Action, Outcome, OutcomeView};
use crate::provider::{MailServers, OAuthProfile, Profile};
use crate::settings::{ClientType, Settings};
use crate::vault::Vault;
use memory::Memory;

/// Options for [`Assistant::sign_in`] and [`Assistant::sign_in_with_code`].
#[derive(Clone)]
pub struct SignInOptions {
    /// How to show the sign-in page: [`crate::browser::SystemBrowser`] or a
    /// [`crate::browser::PrivateBrowser`]. Not used by the device code flow.
    pub browser: Arc<dyn Browser>,
    /// Cancels the wait for the browser or the code.
    pub cancel: CancellationToken,
    /// Overrides the settings' sign-in timeout.
    pub timeout: Option<Duration>,
    /// Ask Microsoft to show the account picker (`prompt=select_account`, no `login_hint`).
    pub pick_account: bool,
    /// For a shared mailbox: the delegate who signs in (the mailbox address stays the one set up).
    pub sign_in_as: Option<Address>,
}

impl SignInOptions {
    /// Default options with `browser`.
    pub fn new(browser: Arc<dyn Browser>) -> SignInOptions {
        SignInOptions {
            browser,
            cancel: CancellationToken::new(),
            timeout: None,
            pick_account: false,
            sign_in_as: None,
        }
    }
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
    /// How it signs in, in words (e.g. `Google App Password`).
    #[serde(default)]
    pub method_label: String,
    /// How long the sign-in lasts (OAuth only; [`crate::health`]).
    #[serde(default, skip_deserializing)]
    pub health: Option<crate::health::Health>,
}

/// The provisioning in effect, for the admin page and `mailsetup admin show`. No secret in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Provisioning {
    /// The settings file, if any.
    pub settings_file: Option<String>,
    /// National cloud.
    pub cloud: crate::provider::Cloud,
    /// Authority base URL.
    pub authority: String,
    /// Tenant.
    pub tenant: String,
    /// Client id.
    pub client_id: Option<String>,
    /// Public or confidential.
    pub client_type: ClientType,
    /// The redirect URI to register, e.g. `http://localhost` (the app adds a port and `/`).
    pub redirect: String,
    /// Whether a client secret is stored in the vault for this client id.
    pub client_secret_stored: bool,
    /// SMTP and IMAP servers in use for Microsoft 365.
    pub smtp: String,
    /// IMAP server.
    pub imap: String,
    /// Google OAuth client id, when "Sign in with Google" is set up.
    pub google_client_id: Option<String>,
    /// Whether the Google client's secret is stored in the vault.
    pub google_secret_stored: bool,
    /// The personal-accounts registration (Outlook.com, Hotmail), when set up.
    pub outlook_client_id: Option<String>,
    /// Every settings source read, highest first, in words (an IT policy, IT's file, the
    /// user's file).
    pub settings_sources: Vec<String>,
    /// Every setting with its value in effect and where that value came from.
    pub settings: Vec<crate::settings::SettingValue>,
    /// Why the vault could not say whether the secrets are stored (they then read as not
    /// stored): the settings are shown all the same.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vault_problem: Option<Finding>,
}

/// Whose client secret: the organisation's Microsoft registration (a confidential "Web"
/// one) or the Google OAuth client (Google's Desktop clients carry one). JSON: `"microsoft"`
/// (the default) or `"google"`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Registration {
    /// `[microsoft] client_id`.
    #[default]
    Microsoft,
    /// `[google] client_id`.
    Google,
}

/// What the assistant reads and writes outside itself, each behind a seam: the vault (over a
/// [`crate::vault::SecretStore`]), the account list, the token endpoint and the clock. The app
/// uses the OS vault, the account file, HTTPS and the system clock ([`Seams::system`]); unit
/// tests use in-memory ones.
pub struct Seams {
    /// The credential vault.
    pub vault: Vault,
    /// The list of set-up accounts.
    pub accounts: Arc<dyn AccountStore>,
    /// Where codes and refresh tokens are redeemed; `None` for the provider's, over HTTPS.
    pub token_endpoint: Option<Arc<dyn TokenEndpoint>>,
    /// The wall clock.
    pub clock: Arc<dyn Clock>,
    /// The per-mailbox renewal locks (shared with every other process of the app).
    pub locks: Locks,
}

impl Seams {
    /// The real ones: `vault`, the account file `index`, HTTPS, the system clock.
    pub fn system(vault: Vault, index: AccountIndex) -> Seams {
        Seams {
            vault,
            accounts: Arc::new(index),
            token_endpoint: None,
            clock: Arc::new(SystemClock),
            locks: Locks::default_location(),
        }
    }
}

/// The app's core, configured once from [`Settings`].
pub struct Assistant {
    settings: Settings,
    trust: Trust,
    http: reqwest::Client,
    vault: Vault,
    accounts: Arc<dyn AccountStore>,
    token_endpoint: Arc<dyn TokenEndpoint>,
    clock: Arc<dyn Clock>,
    locks: Locks,
    memory: Memory,
    /// HTTPS client for autoconfig lookups (resolves through the settings' DNS server).
    autoconfig_http: reqwest::Client,
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
        Assistant::with_seams(settings, Seams::system(vault, index))
    }

    /// An assistant over explicit [`Seams`].
    ///
    /// # Errors
    /// As [`Assistant::new`].
    pub fn with_seams(settings: Settings, seams: Seams) -> Result<Assistant, Finding> {
        let trust = Trust::new(settings.extra_ca_pem.as_deref());
        let http = client::http_client(&trust, settings.timeouts.http)?;
        let autoconfig_http =
            client::http_client_via(&trust, settings.timeouts.discovery, settings.dns_server)?;
        let token_endpoint = seams
            .token_endpoint
            .unwrap_or_else(|| Arc::new(HttpTokenEndpoint(http.clone())));
        Ok(Assistant {
            settings,
            trust,
            http,
            vault: seams.vault,
            accounts: seams.accounts,
            token_endpoint,
            clock: seams.clock,
            locks: seams.locks,
            memory: Memory::default(),
            autoconfig_http,
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

    /// The provider profile for `address`: what discovery found (if it ran), and for other
    /// providers the servers stored with the account, else typed in, else from autoconfig.
    pub fn profile(&self, address: &Address) -> Profile {
        let discovery = self.memory.discovery(address);
        let stored = self.accounts.get(address).ok().flatten();
        let servers = self
            .memory
            .typed_servers(address)
            .or_else(|| stored.as_ref().and_then(|s| s.servers.clone()));
        crate::profile::for_kind(
            address,
            &self.settings,
            stored.map(|s| s.provider),
            discovery.as_ref(),
            servers.as_ref(),
        )
    }

    /// How `address` signs in: as saved for a set-up account, else the profile's default.
    pub fn method(&self, address: &Address, profile: &Profile) -> crate::provider::SignInMethod {
        self.accounts
            .get(address)
            .ok()
            .flatten()
            .map_or_else(|| profile.default_method(), |s| s.method)
    }

    /// Uses the servers typed in for `address` (`host:port` each, see [`MailServers::typed`];
    /// when autoconfig found nothing or was wrong). Credentials only travel over TLS, so both
    /// use TLS ([`Security`](crate::provider::Security) has no plaintext mode).
    ///
    /// # Errors
    /// `SERVER_SETTINGS_NEEDED`, with what is wrong with a value as its first fix step.
    pub fn set_servers(
        &self,
        address: &Address,
        imap: &str,
        smtp: &str,
        username: Option<String>,
    ) -> Result<(), Finding> {
        let servers = MailServers::typed(imap, smtp, username).map_err(|p| {
            Finding::new(FindingCode::ServerSettingsNeeded)
                .with(Param::Domain, address.domain())
                .with_first_step(p.to_string())
        })?;
        self.memory.type_servers(address, servers);
        Ok(())
    }

    /// [`Self::discover`] as the run's `discover` step, with the summary as its detail.
    ///
    /// # Errors
    /// None in practice (discovery reports what it could not find in the result).
    async fn discover_step(
        &self,
        address: &Address,
        run: &crate::progress::Run<'_>,
    ) -> Result<Discovery, Finding> {
        run.step_detail(crate::progress::Step::Discover, async {
            let d = self.discover(address).await;
            let summary = d.summary.clone();
            Ok(crate::progress::Done::with_detail(d, summary))
        })
        .await
    }

    /// Works out the provider for `address` (cached per domain for this process).
    pub async fn discover(&self, address: &Address) -> Discovery {
        if let Some(d) = self.memory.discovery(address) {
            return d;
        }
        let sources = crate::discovery::Sources {
            authority: &self.settings.microsoft.authority,
            dns_server: self.settings.dns_server,
            ispdb: &self.settings.autoconfig.ispdb,
            http: &self.http,
            autoconfig_http: &self.autoconfig_http,
        };
        let mut d =
            crate::discovery::discover(address, &sources, self.settings.timeouts.discovery).await;
        if d.found == crate::discovery::Found::Unknown
            && d.servers.is_none()
            && self.settings.smtp.is_some()
            && self.settings.imap.is_some()
        {
            // The administrator's settings name the servers for every mailbox.
            d.summary = crate::l10n::tr_with(
                "discovery-settings-servers",
                &[("domain", address.domain().to_string().into())],
            );
        }
        self.memory.keep_discovery(address, d.clone());
        d
    }

    /// Keeps `outcome` as the latest of its action for `address` (for [`Assistant::report`]).
    fn remember(&self, address: &Address, outcome: &Outcome) {
        self.memory.remember(address, outcome);
    }

    /// The helpdesk report for `address`: its saved account, profile, and the latest check,
    /// sign-in and verification run by this process.
    ///
    /// # Errors
    /// `INTERNAL` when the account list cannot be read.
    pub fn report(&self, address: &Address) -> Result<crate::report::Report, Finding> {
        let results = self.memory.recent(address);
        let profile = self.profile(address);
        Ok(crate::report::Report::new(
            address.display(),
            self.accounts.get(address)?,
            crate::report::ProfileFacts::from_profile(&profile, self.method(address, &profile)),
            results,
        ))
    }

    /// The accounts set up on this computer, with whether each is still in the vault.
    ///
    /// # Errors
    /// `VAULT_UNAVAILABLE`; `INTERNAL` when the index cannot be read.
    pub async fn accounts(&self) -> Result<Vec<AccountStatus>, Finding> {
        let mut out = Vec::new();
        for summary in self.accounts.list()? {
            let in_vault = match Address::parse(&summary.mailbox) {
                Ok(a) => self.vault.load(&a).await?.is_some(),
                Err(_) => false,
            };
            out.push(AccountStatus {
                method_label: summary.method.label(summary.provider).to_owned(),
                health: crate::health::health(&summary, in_vault, self.clock.now_secs()),
                summary,
                in_vault,
            });
        }
        Ok(out)
    }

    /// Removes the sign-in from the vault, the relay's passwords for the mailbox, and the account
    /// from the index. Returns whether anything was there.
    ///
    /// # Errors
    /// `VAULT_UNAVAILABLE`; `INTERNAL` when the index cannot be written.
    pub async fn forget(&self, address: &Address) -> Result<bool, Finding> {
        // Not under a running renewal, which would save the sign-in again.
        let _lock = self.renewal_lock(address).await?;
        let in_vault = self.vault.delete(address).await?;
        self.vault.save_relay_programs(address, &[]).await?;
        let in_index = self.accounts.remove(address)?;
        Ok(in_vault || in_index)
    }

    /// The provisioning in effect (no secrets). When the vault cannot say whether a secret is
    /// stored, [`Provisioning::vault_problem`] says why: the settings are shown all the same.
    pub async fn provisioning(&self) -> Provisioning {
        let ms = &self.settings.microsoft;
        let profile = crate::profile::microsoft365(&self.settings);
        let mut vault_problem = None;
        let client_secret_stored = self
            .secret_stored(ms.client_id.as_deref(), &mut vault_problem)
            .await;
        let google_secret_stored = self
            .secret_stored(
                self.settings.google.client_id.as_deref(),
                &mut vault_problem,
            )
            .await;
        Provisioning {
            settings_file: self
                .settings
                .source
                .as_ref()
                .map(|p| p.display().to_string()),
            cloud: ms.cloud,
            authority: ms.authority.as_str().trim_end_matches('/').to_owned(),
            tenant: ms.tenant.clone(),
            client_id: ms.client_id.clone(),
            client_type: ms.client_type,
            redirect: ms.redirect.registered(),
            client_secret_stored,
            smtp: profile.smtp.label(),
            imap: profile.imap.label(),
            google_secret_stored,
            google_client_id: self.settings.google.client_id.clone(),
            outlook_client_id: self.settings.outlook.client_id.clone(),
            settings_sources: self.settings.sources.iter().map(|o| o.describe()).collect(),
            settings: self.settings.values(),
            vault_problem,
        }
    }

    /// Whether a client secret is stored for `client_id`; when the vault cannot say, `false`
    /// and the first such problem kept in `problem`.
    async fn secret_stored(&self, client_id: Option<&str>, problem: &mut Option<Finding>) -> bool {
        let Some(id) = client_id else { return false };
        match self.vault.load_client_secret(id).await {
            Ok(secret) => secret.is_some(),
            Err(f) => {
                problem.get_or_insert(f);
                false
            }
        }
    }

    /// Stores the client secret of the configured confidential registration in the vault.
    ///
    /// # Errors
    /// `APP_NOT_CONFIGURED` without a client id; `VAULT_UNAVAILABLE`.
    pub async fn set_client_secret(
        &self,
        which: Registration,
        secret: &SecretString,
    ) -> Result<(), Finding> {
        use secrecy::ExposeSecret;
        let id = self.registration_id(which)?;
        if secret.expose_secret().trim().is_empty() {
            return Err(Finding::new(FindingCode::ClientSecretMissing).with(Param::ClientId, id));
        }
        self.vault
            .save_client_secret(
                id,
                &SecretString::from(secret.expose_secret().trim().to_owned()),
            )
            .await
    }

    /// Removes the stored client secret; returns whether there was one.
    ///
    /// # Errors
    /// As [`Assistant::set_client_secret`].
    pub async fn remove_client_secret(&self, which: Registration) -> Result<bool, Finding> {
        let id = self.registration_id(which)?;
        self.vault.delete_client_secret(id).await
    }

    fn registration_id(&self, which: Registration) -> Result<&str, Finding> {
        match which {
            Registration::Microsoft => self
                .settings
                .microsoft
                .client_id
                .as_deref()
                .ok_or_else(|| Finding::new(FindingCode::AppNotConfigured)),
            Registration::Google => self
                .settings
                .google
                .client_id
                .as_deref()
                .ok_or_else(|| Finding::new(FindingCode::GoogleSignInNotConfigured)),
        }
    }

    /// The client secret a confidential registration needs, `None` for a public one.
    async fn client_secret(
        &self,
        client_id: &str,
        confidential: bool,
    ) -> Result<Option<SecretString>, Finding> {
        if !confidential {
            return Ok(None);
        }
        match self.vault.load_client_secret(client_id).await? {
            Some(s) => Ok(Some(s)),
            None => {
                Err(Finding::new(FindingCode::ClientSecretMissing).with(Param::ClientId, client_id))
            }
        }
    }
}

/// Fills the common placeholders of a sign-in finding.
fn fill(f: Finding, address: &Address, profile: &OAuthProfile) -> Finding {
    f.with_if_used(Param::Mailbox, address.display())
        .with_if_used(Param::Provider, profile.provider_name())
        .with_if_used(Param::Tenant, &profile.tenant)
        .with_if_used(
            Param::Authority,
            profile.authority.as_str().trim_end_matches('/'),
        )
        .with_if_used(
            Param::ClientId,
            profile.client_id.as_deref().unwrap_or("(not configured)"),
        )
}
