//! What a crash shows: if the app ever panics, one fixed line with the place in the code, and
//! never the panic's message — a message may quote what a server or a person sent (a pasted
//! text, a token in an answer), and the default hook prints it to the terminal.
//!
//! The CLI and the desktop app call [`install`] first thing. The line goes to standard error and
//! to the log (the desktop app's log file, once logging is set up).

use std::io::{self, Write};
use std::panic::{Location, PanicHookInfo};

/// The line shown for a panic at `location`. It holds nothing the panic carried.
pub fn line(location: Option<&Location<'_>>) -> String {
    let place = location.map_or_else(
        || "an unknown place".to_owned(),
        |l| format!("{}:{}:{}", l.file(), l.line(), l.column()),
    );
    format!(
        "Mail Setup Assistant stopped on an internal error at {place}. What it was working on is not shown, as it may hold secrets. Please send this line and what you were doing to the app's maintainers (through your helpdesk)."
    )
}

/// Writes the line for the panic `info` to `out` and to the log.
///
/// A reader that closed standard output early (`mailsetup accounts list --json | head -3`) is
/// not an internal error: `println!` panics then, and the program ends quietly, as Unix tools
/// do when the pipe closes (status 141, 128 + SIGPIPE).
fn report(info: &PanicHookInfo<'_>, out: &mut dyn Write) {
    if is_closed_stdout(info) {
        std::process::exit(141);
    }
    let line = line(info.location());
    let _ = writeln!(out, "{line}");
    tracing::error!("{line}");
}

/// Whether the panic is the standard library's own for writing to a closed standard output:
/// its fixed message (no value of ours in it) names stdout and the closed pipe.
fn is_closed_stdout(info: &PanicHookInfo<'_>) -> bool {
    let message = info
        .payload()
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| info.payload().downcast_ref::<&str>().copied())
        .unwrap_or_default();
    closed_stdout_message(message)
}

/// `failed printing to stdout: Broken pipe (os error 32)` (Unix) or `… The pipe is being
/// closed. (os error 232)` (Windows).
fn closed_stdout_message(message: &str) -> bool {
    message.starts_with("failed printing to stdout")
        && (message.contains("os error 32)") || message.contains("os error 232)"))
}

/// Replaces the default panic hook (which prints the panic's message) with one that prints
/// only [`line()`]. The process still ends or unwinds as before.
pub fn install() {
    std::panic::set_hook(Box::new(|info| report(info, &mut io::stderr())));
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;

    #[test]
    fn only_a_closed_standard_output_is_a_quiet_end() {
        assert!(closed_stdout_message(
            "failed printing to stdout: Broken pipe (os error 32)"
        ));
        assert!(closed_stdout_message(
            "failed printing to stdout: The pipe is being closed. (os error 232)"
        ));
        assert!(!closed_stdout_message(
            "failed printing to stdout: No space left on device (os error 28)"
        ));
        assert!(!closed_stdout_message(
            "refresh failed: Broken pipe (os error 32)"
        ));
    }

    #[test]
    fn a_panic_carrying_a_token_prints_the_place_but_not_the_token() {
        // An access token of production size, as a panic message might quote it.
        let token = format!("eyJ0eXAiOiJKV1QiLCJub25jZSI6{}", "Qk5hX2xXc1Z5".repeat(240));
        let printed = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&printed);
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            report(info, &mut *sink.lock().unwrap_or_else(|e| e.into_inner()))
        }));
        let as_string = std::panic::catch_unwind(|| panic!("refresh failed: {token}"));
        let as_str = std::panic::catch_unwind(|| panic!("token eyJ0eXAiOiJKV1QiLCJub25jZSI6Qk5h"));
        std::panic::set_hook(previous);
        assert!(as_string.is_err() && as_str.is_err());
        let printed = String::from_utf8(printed.lock().unwrap().clone()).unwrap();
        assert!(!printed.contains("eyJ0eXAi"), "{printed}");
        assert!(!printed.contains("refresh failed"), "{printed}");
        // Each panic gave its line with the place in the code.
        assert!(
            printed.matches("internal error at").count() >= 2,
            "{printed}"
        );
        assert!(printed.contains(file!()), "{printed}");
    }

    #[test]
    fn the_line_names_the_place_or_says_it_is_unknown() {
        let here = Location::caller();
        assert!(line(Some(here)).contains(&format!("{}:{}", here.file(), here.line())));
        assert!(line(None).contains("an unknown place"));
    }
}
