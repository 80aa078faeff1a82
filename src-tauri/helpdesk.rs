//! The helpdesk's commands: "paste an error", the full check of a saved account, and the
//! report (shown, copied, saved). Each calls one core function.

use mailsetup_core::assistant::{OutcomeView, VerifyOptions};
use mailsetup_core::findings::{Finding, classify};
use mailsetup_core::progress::Progress;
use mailsetup_core::report;
use serde::Serialize;
use tauri::State;
use tauri::ipc::Channel;

use crate::commands::{Result, sink, target};
use crate::state::AppState;

/// The findings in a pasted text (an SMTP/IMAP reply or transcript, an AADSTS message, a token
/// JSON body, a browser error page). Needs no settings.
#[tauri::command]
pub async fn explain(text: String) -> Result<Vec<Finding>> {
    Ok(classify::explain(&text))
}

/// Connection check, then verification with a test message, with live progress.
#[tauri::command]
pub async fn full_check(
    state: State<'_, AppState>,
    address: String,
    on_event: Channel<Progress>,
) -> Result<Vec<OutcomeView>> {
    let (assistant, address) = target(&state, &address)?;
    Ok(assistant
        .full_check(&address, VerifyOptions { send_test: true }, &sink(on_event))
        .await
        .into_iter()
        .map(OutcomeView::from)
        .collect())
}

/// The report in its three forms, for the page to show and copy.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportView {
    /// Plain text (shown and copied).
    pub text: String,
    /// Whether everything in it passed.
    pub passed: bool,
    /// Where "Save report" puts files.
    pub save_dir: String,
}

/// The helpdesk report for `address` from this session's latest results.
#[tauri::command]
pub async fn report(state: State<'_, AppState>, address: String) -> Result<ReportView> {
    let (assistant, address) = target(&state, &address)?;
    let r = assistant.report(&address)?;
    Ok(ReportView {
        text: report::text::render(&r),
        passed: r.passed(),
        save_dir: report::default_dir().display().to_string(),
    })
}

/// Saves the report as `html`, `json` or `txt` in the Downloads folder; returns the path.
#[tauri::command]
pub async fn save_report(
    state: State<'_, AppState>,
    address: String,
    format: String,
) -> Result<String> {
    let (assistant, address) = target(&state, &address)?;
    let r = assistant.report(&address)?;
    let path = r.save_in(&report::default_dir(), &format)?;
    Ok(path.display().to_string())
}

/// Registers (`on`) or removes the daily renewal of sign-ins with this computer's scheduler;
/// the scheduler runs the command-line program installed with the app. What happened, in words.
#[tauri::command]
pub async fn schedule_renewal(on: bool) -> Result<String> {
    use mailsetup_core::schedule;
    // The scheduler's own programs run here (each with a time limit): off the async threads.
    let done = tauri::async_runtime::spawn_blocking(move || {
        if on {
            let plan = schedule::plan_for_app()?;
            schedule::register(&plan)?;
            Ok(plan.registered_words())
        } else {
            schedule::unregister_here().map(|s| s.removed_words())
        }
    })
    .await
    .map_err(Finding::internal)?;
    Ok(done?)
}
