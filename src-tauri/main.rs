// Mail Setup Assistant desktop app: everything happens in `mailsetup_desktop::run`.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

// Windows: the "WebView2 Runtime is missing" message (only its decision and texts elsewhere).
#[cfg_attr(not(windows), allow(dead_code))]
mod webview2;

fn main() {
    // Before any window: without the WebView2 Runtime, Windows would show nothing at all.
    #[cfg(windows)]
    webview2::require_runtime();
    mailsetup_desktop::run();
}
