//! Commands for mailboxes at Google and other providers: the sign-in choices, sign-in with a
//! password (App Password or the provider's password), and server settings typed in.

use mailsetup_core::assistant::{OutcomeView, SignInChoices};
use mailsetup_core::progress::Progress;
use secrecy::SecretString;
use tauri::State;
use tauri::ipc::Channel;

use crate::commands::{Result, sink, target};
use crate::state::AppState;

/// What the sign-in page offers for `address` (call after the connection check).
#[tauri::command]
pub async fn sign_in_choices(state: State<'_, AppState>, address: String) -> Result<SignInChoices> {
    let (assistant, address) = target(&state, &address)?;
    Ok(assistant.sign_in_choices(&address))
}

/// Checks `password` on the mailbox's IMAP server and stores it in the vault.
#[tauri::command]
pub async fn sign_in_password(
    state: State<'_, AppState>,
    address: String,
    password: String,
    on_event: Channel<Progress>,
) -> Result<OutcomeView> {
    let (assistant, address) = target(&state, &address)?;
    let password = SecretString::from(password);
    Ok(assistant
        .sign_in_password(&address, &password, &sink(on_event))
        .await
        .into())
}

/// Uses typed-in servers for `address` (IMAP `host:port` over TLS; SMTP `host:port`, STARTTLS
/// or TLS on 465).
#[tauri::command]
pub async fn set_servers(
    state: State<'_, AppState>,
    address: String,
    imap: String,
    smtp: String,
    username: Option<String>,
) -> Result<SignInChoices> {
    let (assistant, address) = target(&state, &address)?;
    assistant.set_servers(&address, &imap, &smtp, username)?;
    Ok(assistant.sign_in_choices(&address))
}
