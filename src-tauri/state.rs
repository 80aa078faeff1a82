//! What the shell keeps between commands: the core [`Assistant`] (or why it could not be made)
//! and the cancel handle of a sign-in in progress.

use std::sync::{Arc, Mutex};

use mailsetup_core::assistant::Assistant;
use mailsetup_core::findings::Finding;
use mailsetup_core::settings::Settings;
use tokio_util::sync::CancellationToken;

/// Shared app state, managed by Tauri.
pub struct AppState {
    /// The assistant, or the finding that explains why the settings could not be used.
    pub assistant: Result<Arc<Assistant>, Finding>,
    /// Cancels the sign-in that is waiting for the browser, if any.
    pending_sign_in: Mutex<Option<CancellationToken>>,
    /// The local relay while its switch is on (dropping it stops it).
    relay: Mutex<Option<mailsetup_core::relay::Running>>,
}

impl AppState {
    /// Loads the settings ($MAILSETUP_CONFIG or the per-user file) and builds the assistant.
    pub fn load() -> AppState {
        // The OS's language until the settings are read (they may choose another).
        mailsetup_core::l10n::init(None);
        let assistant = Settings::discover(None)
            .inspect(|settings| mailsetup_core::l10n::init(settings.language))
            .map_err(Finding::from)
            .and_then(Assistant::new)
            .map(Arc::new);
        AppState {
            assistant,
            pending_sign_in: Mutex::new(None),
            relay: Mutex::new(None),
        }
    }

    /// Where the relay listens, while it runs.
    pub fn relay_at(&self) -> Option<std::net::SocketAddr> {
        self.relay.lock().ok()?.as_ref().map(|r| r.at)
    }

    /// Keeps `running` as the relay (stopping the previous one), or stops it (`None`).
    pub fn set_relay(&self, running: Option<mailsetup_core::relay::Running>) {
        if let Ok(mut slot) = self.relay.lock() {
            *slot = running;
        }
    }

    /// A fresh cancel token for a new sign-in; cancels the previous one.
    pub fn begin_sign_in(&self) -> CancellationToken {
        let token = CancellationToken::new();
        if let Ok(mut slot) = self.pending_sign_in.lock()
            && let Some(old) = slot.replace(token.clone())
        {
            old.cancel();
        }
        token
    }

    /// Cancels the sign-in in progress. Returns whether there was one.
    pub fn cancel_sign_in(&self) -> bool {
        self.pending_sign_in
            .lock()
            .ok()
            .and_then(|mut slot| slot.take())
            .map(|t| t.cancel())
            .is_some()
    }
}
