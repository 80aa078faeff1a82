//! The Helpdesk page's local relay: the switch that runs it while the app is open, and the
//! programs allowed to use it. Each command calls the core ([`mailsetup_core::relay`],
//! `Assistant::relay_*`); the shell only keeps the running relay.

use mailsetup_core::address::Address;
use mailsetup_core::assistant::RelayProgramInfo;
use mailsetup_core::relay::{DEFAULT_LISTEN, Limits, Relay};
use secrecy::ExposeSecret as _;
use serde::Serialize;
use tauri::State;

use crate::commands::{Result, assistant, target};
use crate::state::AppState;

/// The relay as the page shows it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RelayView {
    /// Where it listens while it runs.
    pub listening: Option<String>,
    /// The programs allowed to use it (no passwords).
    pub programs: Vec<RelayProgramInfo>,
}

/// A program just added, with its password (shown once).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AddedView {
    /// What is listed for it.
    pub program: RelayProgramInfo,
    /// Server, port and user name for the program's settings.
    pub host: String,
    /// The port.
    pub port: u16,
    /// The user name (the mailbox address).
    pub user: String,
    /// The local password.
    pub password: String,
    /// A program of that name had a password, which stopped working now.
    pub replaced: bool,
}

async fn view(state: &AppState) -> Result<RelayView> {
    let assistant = assistant(state)?;
    let listening = state.relay_at().map(|a| a.to_string());
    Ok(RelayView {
        listening,
        programs: assistant.relay_programs().await?,
    })
}

/// Whether the relay runs, and its programs.
#[tauri::command]
pub async fn relay_status(state: State<'_, AppState>) -> Result<RelayView> {
    view(&state).await
}

/// Starts (`on`) or stops the relay on 127.0.0.1:1587.
#[tauri::command]
pub async fn relay_switch(state: State<'_, AppState>, on: bool) -> Result<RelayView> {
    if !on {
        state.set_relay(None);
    } else if state.relay_at().is_none() {
        let relay = Relay::bind(DEFAULT_LISTEN, assistant(&state)?, Limits::default()).await?;
        state.set_relay(Some(relay.spawn()?));
    }
    view(&state).await
}

/// Allows `program` to send as `address`; its password is in the answer, once.
#[tauri::command]
pub async fn relay_add(
    state: State<'_, AppState>,
    address: String,
    program: String,
) -> Result<AddedView> {
    let (assistant, address) = target(&state, &address)?;
    let added = assistant.relay_add(&address, &program, &[]).await?;
    let at = state.relay_at().or_else(|| DEFAULT_LISTEN.parse().ok());
    Ok(AddedView {
        program: added.info,
        host: at.map_or_else(|| "127.0.0.1".into(), |a| a.ip().to_string()),
        port: at.map_or(1587, |a| a.port()),
        user: added.user,
        password: added.password.expose_secret().to_owned(),
        replaced: added.replaced,
    })
}

/// Revokes `program`'s password.
#[tauri::command]
pub async fn relay_remove(
    state: State<'_, AppState>,
    address: String,
    program: String,
) -> Result<RelayView> {
    let (assistant, _) = target(&state, &address)?;
    let address = Address::parse(&address)?;
    assistant.relay_remove(&address, &program).await?;
    view(&state).await
}
