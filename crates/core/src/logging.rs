//! Logging for the CLI and the desktop app: one setup for both.
//!
//! The CLI logs to stderr ([`init`]). The desktop app also writes a log file ([`init_with_file`]),
//! because a Windows GUI program has no console: in the platform log folder
//! ([`crate::platform::paths::log_dir`]: `%LOCALAPPDATA%\mailsetup\logs\`,
//! `~/Library/Logs/mailsetup/`, `$XDG_STATE_HOME/mailsetup/`), one file per day
//! (`desktop.YYYY-MM-DD.log`, by `tracing-appender`), the last [`KEEP_FILES`] files kept and at
//! most [`MAX_BYTES_PER_RUN`] written per run.
//!
//! `$MAILSETUP_LOG` chooses what is logged (an `EnvFilter` directive such as `debug` or
//! `mailsetup_core=trace`); without it stderr gets warnings and the file also the app's own
//! `info` lines. Nothing secret is ever logged: tokens, passwords, codes and `state` are secret
//! types whose `Debug` prints no value, and the test suite scans every log for its secrets.

use std::io::{self, IsTerminal as _};
use std::path::PathBuf;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::SubscriberExt as _;
use tracing_subscriber::util::SubscriberInitExt as _;
use tracing_subscriber::{EnvFilter, Layer as _};

/// The environment variable that chooses the log level.
pub const LOG_ENV: &str = "MAILSETUP_LOG";
/// How many daily log files are kept.
pub const KEEP_FILES: usize = 7;
/// At most this many bytes are written to the log file by one run; later lines are dropped.
pub const MAX_BYTES_PER_RUN: u64 = 8 * 1024 * 1024;
/// The desktop app's log files start with this name.
pub const FILE_PREFIX: &str = "desktop";

/// The log folder this process writes to, once [`init_with_file`] succeeded.
static FILE_DIR: OnceLock<PathBuf> = OnceLock::new();

fn filter(default: &str) -> EnvFilter {
    EnvFilter::try_from_env(LOG_ENV).unwrap_or_else(|_| default.into())
}

/// The relay's SMTP library traces every line it reads, AUTH lines with passwords included
/// (`crate::relay`): its records are dropped by every log layer, whatever `$MAILSETUP_LOG`
/// asks (a directive such as `mailin::fsm=trace` would otherwise win over any `mailin=off`).
fn never_mailin() -> tracing_subscriber::filter::FilterFn {
    fn keep(m: &tracing::Metadata<'_>) -> bool {
        !is_mailin(m.target())
    }
    tracing_subscriber::filter::filter_fn(keep as fn(&tracing::Metadata<'_>) -> bool)
}

fn is_mailin(target: &str) -> bool {
    target == "mailin" || target.starts_with("mailin::")
}

/// Sends log lines to stderr at the level `$MAILSETUP_LOG` names (default `warn`; with `quiet`,
/// nothing unless `$MAILSETUP_LOG` asks: what went wrong is in the outcome the CLI prints). Call
/// once, at start-up; a second call is ignored.
pub fn init(quiet: bool) {
    let stderr = tracing_subscriber::fmt::layer()
        .with_writer(io::stderr)
        .with_ansi(io::stderr().is_terminal())
        .with_filter(filter(if quiet { "off" } else { "warn" }))
        .with_filter(never_mailin());
    let _ = tracing_subscriber::registry().with(stderr).try_init();
}

/// As [`init`], and also writes the log into the platform log folder (see the module docs).
/// Returns that folder, or `None` (logging to stderr only) when it cannot be created.
pub fn init_with_file() -> Option<PathBuf> {
    let dir = default_dir();
    let file = dir.as_ref().and_then(|dir| {
        tracing_appender::rolling::Builder::new()
            .rotation(tracing_appender::rolling::Rotation::DAILY)
            .filename_prefix(FILE_PREFIX)
            .filename_suffix("log")
            .max_log_files(KEEP_FILES)
            .build(dir)
            .ok()
    });
    let stderr = tracing_subscriber::fmt::layer()
        .with_writer(io::stderr)
        .with_ansi(io::stderr().is_terminal())
        .with_filter(filter("warn"))
        .with_filter(never_mailin());
    let file_layer = file.map(|f| {
        tracing_subscriber::fmt::layer()
            .with_ansi(false)
            .with_writer(Capped::new(f, MAX_BYTES_PER_RUN))
            .with_filter(filter("mailsetup_core=info,mailsetup_desktop=info,warn"))
            .with_filter(never_mailin())
    });
    let written = file_layer.is_some();
    if tracing_subscriber::registry()
        .with(stderr)
        .with(file_layer)
        .try_init()
        .is_err()
    {
        return None;
    }
    let dir = dir.filter(|_| written)?;
    let _ = FILE_DIR.set(dir.clone());
    Some(dir)
}

/// The platform log folder ([`crate::platform::paths::log_dir`]).
pub fn default_dir() -> Option<PathBuf> {
    use crate::platform::{Folders, Os, paths};
    paths::log_dir(Os::current(), &Folders::current())
}

/// Where this process's log goes, in words for the report: the log folder when this process
/// writes one, else stderr and where the desktop app keeps its log.
pub fn described() -> String {
    describe(FILE_DIR.get().cloned(), default_dir())
}

fn describe(file_dir: Option<PathBuf>, default: Option<PathBuf>) -> String {
    match (file_dir, default) {
        (Some(d), _) => format!("{} ({FILE_PREFIX}.<date>.log)", d.display()),
        (None, Some(d)) => crate::l10n::tr_with(
            "detail-log-stderr-and-app",
            &[
                ("variable", LOG_ENV.into()),
                ("folder", d.display().to_string().into()),
            ],
        ),
        (None, None) => crate::l10n::tr_with("detail-log-stderr", &[("variable", LOG_ENV.into())]),
    }
}

/// A log file writer that stops writing after `cap` bytes in this run.
struct Capped<W> {
    inner: W,
    left: AtomicU64,
}

impl<W> Capped<W> {
    fn new(inner: W, cap: u64) -> Capped<W> {
        Capped {
            inner,
            left: AtomicU64::new(cap),
        }
    }
}

impl<'a, W: MakeWriter<'a>> MakeWriter<'a> for Capped<W> {
    type Writer = CappedWriter<'a, W::Writer>;

    fn make_writer(&'a self) -> Self::Writer {
        CappedWriter {
            inner: self.inner.make_writer(),
            left: &self.left,
        }
    }
}

struct CappedWriter<'a, W> {
    inner: W,
    left: &'a AtomicU64,
}

impl<W: io::Write> io::Write for CappedWriter<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = buf.len() as u64;
        let fits = self
            .left
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |l| l.checked_sub(n))
            .is_ok();
        if fits {
            self.inner.write_all(buf)?;
        } else {
            // Over the cap: the line is dropped, and the cap stays reached.
            self.left.store(0, Ordering::Relaxed);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write as _;
    use std::sync::Mutex;

    #[derive(Default)]
    struct Sink(Mutex<Vec<u8>>);

    impl<'a> MakeWriter<'a> for Sink {
        type Writer = SinkWriter<'a>;
        fn make_writer(&'a self) -> SinkWriter<'a> {
            SinkWriter(&self.0)
        }
    }

    struct SinkWriter<'a>(&'a Mutex<Vec<u8>>);

    impl io::Write for SinkWriter<'_> {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn the_relay_s_smtp_library_is_never_logged() {
        for t in ["mailin", "mailin::fsm", "mailin::response"] {
            assert!(is_mailin(t), "{t}");
        }
        for t in ["mailinglist", "mailsetup_core::relay", "lettre"] {
            assert!(!is_mailin(t), "{t}");
        }
    }

    #[test]
    fn the_file_stops_at_the_cap_with_whole_lines() {
        let capped = Capped::new(Sink::default(), 10);
        for line in ["1234\n", "5678\n", "9\n", "0\n"] {
            capped.make_writer().write_all(line.as_bytes()).unwrap();
        }
        assert_eq!(capped.inner.0.lock().unwrap().as_slice(), b"1234\n5678\n");
    }

    #[test]
    fn the_report_says_where_the_log_is() {
        let dir = PathBuf::from("/home/ann/.local/state/mailsetup");
        assert_eq!(
            describe(Some(dir.clone()), Some(dir.clone())),
            "/home/ann/.local/state/mailsetup (desktop.<date>.log)"
        );
        assert!(
            describe(None, Some(dir))
                .ends_with("the desktop app's log is in /home/ann/.local/state/mailsetup")
        );
        assert!(describe(None, None).starts_with("standard error"));
    }
}
