//! Logging for the CLI and the desktop app: one setup for both.
//!
//! Log lines go to stderr; `$MAILSETUP_LOG` chooses what is logged (an `EnvFilter` directive
//! such as `debug` or `mailsetup_core=trace`; default `warn`). Nothing secret is ever logged:
//! tokens, passwords, codes and `state` are secret types whose `Debug` prints no value.

/// The environment variable that chooses the log level.
pub const LOG_ENV: &str = "MAILSETUP_LOG";

/// Sends log lines to stderr at the level `$MAILSETUP_LOG` names (default `warn`). Call once,
/// at start-up; a second call is ignored.
pub fn init() {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env(LOG_ENV).unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(std::io::stderr)
        .try_init();
}
