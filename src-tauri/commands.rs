//! The commands the page may call (listed in build.rs and granted in capabilities/main.json).
//! Each is `async`, takes plain values plus the shared [`AppState`], calls one core function and
//! returns serde data or a [`CommandError`]. Long steps stream [`Progress`] over a `Channel`.
//! Outcomes go to the page as [`OutcomeView`]s: with the findings to show and the action in
//! words, both worked out by the core.

use std::sync::Arc;

use mailsetup_core::address::Address;
use mailsetup_core::assistant::{
    AccountStatus, AdminCheckOptions, Assistant, OutcomeView, Provisioning, Registration,
    SignInOptions, VerifyOptions,
};
use mailsetup_core::browser::{BrowserKind, InstalledBrowser};
use mailsetup_core::findings::Finding;
use mailsetup_core::progress::Progress;
use mailsetup_core::registration::{RegistrationReport, StaffFiles};
use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use tauri::State;
use tauri::ipc::Channel;

use crate::error::CommandError;
use crate::state::AppState;

/// What a command returns: data, or a finding for the page.
pub(crate) type Result<T> = std::result::Result<T, CommandError>;

pub(crate) fn assistant(state: &AppState) -> Result<Arc<Assistant>> {
    state.assistant.clone().map_err(CommandError::from)
}

/// The assistant and the checked `address` a command works on (the address is checked first).
pub(crate) fn target(state: &AppState, address: &str) -> Result<(Arc<Assistant>, Address)> {
    let address = Address::parse(address)?;
    Ok((assistant(state)?, address))
}

pub(crate) fn sink(channel: Channel<Progress>) -> impl Fn(Progress) + Send + Sync {
    move |event| {
        let _ = channel.send(event);
    }
}

/// What the page shows about the app and its configuration.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    /// App version.
    pub version: &'static str,
    /// The settings file in use, if any.
    pub settings_file: Option<String>,
    /// Why the settings cannot be used, if so.
    pub settings_problem: Option<Finding>,
    /// Whether a client id is configured for Microsoft sign-in.
    pub client_configured: bool,
    /// Why the vault cannot be used right now, if so.
    pub vault_problem: Option<Finding>,
}

/// App version, settings file and vault status.
#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo> {
    let (settings_file, settings_problem, client_configured, vault_problem) = match &state.assistant
    {
        Ok(a) => {
            let s = a.settings();
            let vault = a.vault().self_check().await.err().map(Finding::finish);
            (
                s.source.as_ref().map(|p| p.display().to_string()),
                None,
                s.microsoft.client_id.is_some(),
                vault,
            )
        }
        Err(f) => (None, Some(f.clone()), false, None),
    };
    Ok(AppInfo {
        version: mailsetup_core::VERSION,
        settings_file,
        settings_problem,
        client_configured,
        vault_problem,
    })
}

/// The core's `INTERNAL` finding, for a call that failed before it reached a command (e.g. one
/// the window may not call), so that every word the page shows comes from the core. `detail`
/// (the page's error) goes to the log, redacted, as for any internal error.
#[tauri::command]
pub async fn internal_finding(detail: String) -> Result<Finding> {
    Ok(Finding::internal(detail).finish())
}

/// The page's words in the person's language.
#[derive(Debug, Serialize)]
pub struct PageText {
    /// The language's tag, for the page's `lang`.
    pub lang: &'static str,
    /// Every `page-` message of the Fluent files, variables as `{$name}` for the page to fill.
    pub messages: std::collections::BTreeMap<String, String>,
}

/// The page's words (`crates/core/locales/<language>/page.ftl`), read once at start: the
/// language is the setting's, or the OS's ([`mailsetup_core::l10n`]).
#[tauri::command]
pub fn page_text() -> PageText {
    PageText {
        lang: mailsetup_core::l10n::current().tag(),
        messages: mailsetup_core::l10n::page_messages(),
    }
}

/// A checked address and what the app will do with it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AddressInfo {
    /// As the user typed it (domain lower-cased).
    pub display: String,
    /// The normalised form.
    pub normalized: String,
    /// Provider, in words.
    pub provider: String,
    /// SMTP server `host:port`.
    pub smtp: String,
    /// IMAP server `host:port`.
    pub imap: String,
}

/// Checks the typed address (no network).
#[tauri::command]
pub async fn parse_address(state: State<'_, AppState>, address: String) -> Result<AddressInfo> {
    let (assistant, address) = target(&state, &address)?;
    let profile = assistant.profile(&address);
    Ok(AddressInfo {
        display: address.display().to_owned(),
        normalized: address.normalized().to_owned(),
        provider: profile.kind.label(),
        smtp: profile.smtp.label(),
        imap: profile.imap.label(),
    })
}

/// The wizard's connection check.
#[tauri::command]
pub async fn check_connection(
    state: State<'_, AppState>,
    address: String,
    on_event: Channel<Progress>,
) -> Result<OutcomeView> {
    let (assistant, address) = target(&state, &address)?;
    Ok(assistant
        .check_connection(&address, &sink(on_event))
        .await
        .into())
}

/// How the page asks for a sign-in.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SignInRequest {
    /// Open a private window (`true`), optionally of a chosen browser (`browser`).
    pub private: bool,
    /// The browser for the private window: `edge`, `chrome`, `chromium`, `brave`, `firefox`.
    pub browser: Option<BrowserKind>,
    /// Show Microsoft's account picker.
    pub pick_account: bool,
    /// Shared mailbox: the delegate who signs in.
    pub sign_in_as: Option<String>,
    /// Use a device code instead of a browser on this computer.
    pub device_code: bool,
}

/// Signs in (browser or device code); stores the sign-in only for the right account.
#[tauri::command]
pub async fn sign_in(
    state: State<'_, AppState>,
    address: String,
    request: Option<SignInRequest>,
    on_event: Channel<Progress>,
) -> Result<OutcomeView> {
    let request = request.unwrap_or_default();
    let (assistant, address) = target(&state, &address)?;
    let opts = SignInOptions {
        browser: mailsetup_core::browser::for_sign_in(request.private, request.browser),
        cancel: state.begin_sign_in(),
        timeout: None,
        pick_account: request.pick_account,
        sign_in_as: request
            .sign_in_as
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .map(Address::parse)
            .transpose()?,
    };
    let sink = sink(on_event);
    Ok(if request.device_code {
        assistant.sign_in_with_code(&address, &opts, &sink).await
    } else {
        assistant.sign_in(&address, &opts, &sink).await
    }
    .into())
}

/// Answers the "is this the right account?" question of a sign-in.
#[tauri::command]
pub async fn confirm_sign_in(
    state: State<'_, AppState>,
    address: String,
    accept: bool,
    on_event: Channel<Progress>,
) -> Result<OutcomeView> {
    let (assistant, address) = target(&state, &address)?;
    Ok(assistant
        .confirm_sign_in(&address, accept, &sink(on_event))
        .await
        .into())
}

/// The browsers that can open a private window here.
#[tauri::command]
pub async fn list_browsers() -> Result<Vec<InstalledBrowser>> {
    Ok(
        tokio::task::spawn_blocking(mailsetup_core::browser::installed)
            .await
            .map_err(Finding::internal)?,
    )
}

/// The provisioning in effect, for the admin page (no secrets).
#[tauri::command]
pub async fn provisioning(state: State<'_, AppState>) -> Result<Provisioning> {
    Ok(assistant(&state)?.provisioning().await)
}

/// Stores the client secret of a confidential Microsoft registration, or of the Google OAuth
/// client (`registration: "google"`), in the OS vault.
#[tauri::command]
pub async fn set_client_secret(
    state: State<'_, AppState>,
    secret: String,
    registration_name: Option<Registration>,
) -> Result<Provisioning> {
    let assistant = assistant(&state)?;
    assistant
        .set_client_secret(
            registration_name.unwrap_or_default(),
            &SecretString::from(secret),
        )
        .await?;
    Ok(assistant.provisioning().await)
}

/// Removes the stored client secret.
#[tauri::command]
pub async fn remove_client_secret(
    state: State<'_, AppState>,
    registration_name: Option<Registration>,
) -> Result<Provisioning> {
    let assistant = assistant(&state)?;
    assistant
        .remove_client_secret(registration_name.unwrap_or_default())
        .await?;
    Ok(assistant.provisioning().await)
}

/// The administrator's check of the app registration: they sign in in the browser (as `admin`,
/// or picking the account), and the report lists every item. Cancelled like a sign-in.
#[tauri::command]
pub async fn check_registration(
    state: State<'_, AppState>,
    admin: Option<String>,
    on_event: Channel<Progress>,
) -> Result<RegistrationReport> {
    let assistant = assistant(&state)?;
    let mut opts = AdminCheckOptions::new(mailsetup_core::browser::for_sign_in(false, None));
    opts.cancel = state.begin_sign_in();
    opts.admin = admin.filter(|a| !a.trim().is_empty());
    Ok(assistant.check_registration(&opts, &sink(on_event)).await)
}

/// After a registration check that passed: saves the deployment files for staff with the
/// values it checked, in a new folder under the Documents folder; returns the folder, each file
/// with what it is for, and the values filled in.
#[tauri::command]
pub async fn save_files_for_staff(state: State<'_, AppState>) -> Result<StaffFiles> {
    let assistant = assistant(&state)?;
    let saved = tokio::task::spawn_blocking(move || assistant.save_for_staff(None))
        .await
        .map_err(Finding::internal)?;
    Ok(saved?)
}

/// Cancels the sign-in that is waiting for the browser.
#[tauri::command]
pub async fn cancel_sign_in(state: State<'_, AppState>) -> Result<bool> {
    Ok(state.cancel_sign_in())
}

/// Verifies the saved sign-in with SMTP and IMAP (and a test message when asked).
#[tauri::command]
pub async fn verify(
    state: State<'_, AppState>,
    address: String,
    send_test: bool,
    on_event: Channel<Progress>,
) -> Result<OutcomeView> {
    let (assistant, address) = target(&state, &address)?;
    Ok(assistant
        .verify(&address, VerifyOptions { send_test }, &sink(on_event))
        .await
        .into())
}

/// The mailboxes set up on this computer.
#[tauri::command]
pub async fn list_accounts(state: State<'_, AppState>) -> Result<Vec<AccountStatus>> {
    Ok(assistant(&state)?.accounts().await?)
}

/// Removes a mailbox's saved sign-in. Returns whether anything was removed.
#[tauri::command]
pub async fn forget_account(state: State<'_, AppState>, address: String) -> Result<bool> {
    let (assistant, address) = target(&state, &address)?;
    Ok(assistant.forget(&address).await?)
}
