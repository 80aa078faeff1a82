//! The Mail Setup Assistant desktop shell: a thin Tauri layer over `mailsetup-core`.
//!
//! The page (`ui/`) calls the [`commands`]; each command translates its input, calls one core
//! function and returns a serde value or a [`error::CommandError`]. Progress streams back over a
//! Tauri `Channel`. No decision is made here: everything that decides lives in the core crate.

pub mod commands;
pub mod error;
pub mod state;

use tauri::{Manager, Runtime};

/// Builds the app on any Tauri runtime (the real one, or the mock runtime in tests).
pub fn build<R: Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    builder
        .setup(|app| {
            app.manage(state::AppState::load());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::parse_address,
            commands::check_connection,
            commands::sign_in,
            commands::cancel_sign_in,
            commands::verify,
            commands::list_accounts,
            commands::forget_account,
        ])
}

/// Starts the desktop app.
pub fn run() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("MAILSETUP_LOG")
                .unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    if let Err(e) = build(tauri::Builder::default()).run(tauri::generate_context!()) {
        eprintln!("Mail Setup Assistant could not start: {e}");
        std::process::exit(1);
    }
}
