//! Why a browser could not show the sign-in page, and the one place that turns it into a
//! finding ([`BrowserError::finding`]).

use std::io;
use std::sync::Arc;

use url::Url;

use super::{BrowserKind, installed};
use crate::findings::{Finding, FindingCode, Param};
use crate::l10n::tr_with;
use crate::platform::Os;

/// Why a browser could not show the sign-in page. Its text, in the app's language
/// (`detail-browser-*`), is the finding's `{problem}`.
#[derive(Debug, Clone, thiserror::Error)]
#[error(transparent)]
pub struct BrowserError(Kind);

#[derive(Debug, Clone, thiserror::Error)]
enum Kind {
    /// The system browser could not be started (the `webbrowser` crate's error): in words by
    /// its kind; the error's own text is the finding's evidence.
    #[error("{}", system_words(.0))]
    System(Arc<io::Error>),
    /// The task that opens the browser ended before it said (it panicked or was cancelled).
    #[error("{}", crate::l10n::tr("detail-browser-task-stopped"))]
    Stopped,
    /// The browser asked for by name has no private mode installed here.
    #[error("{}", tr_with("detail-browser-not-installed", &[("browser", .0.label().into())]))]
    NotInstalled(BrowserKind),
    /// No browser with a private mode is installed on `os`.
    #[error("{}", installed::none_found(*.0))]
    NoneFound(Os),
    /// The private browser's program could not be started.
    #[error("{}", tr_with("detail-browser-not-started", &[("browser", (*name).into()), ("error", error.to_string().into())]))]
    Launch {
        /// The browser's name, e.g. `Firefox`.
        name: &'static str,
        /// The operating system's error (in the text, so not also a `source`).
        error: Arc<io::Error>,
    },
}

impl BrowserError {
    /// The system browser could not be started.
    pub(crate) fn system(e: io::Error) -> BrowserError {
        BrowserError(Kind::System(Arc::new(e)))
    }

    /// The task opening the browser ended without an answer.
    pub(crate) fn stopped() -> BrowserError {
        BrowserError(Kind::Stopped)
    }

    /// `kind` was asked for but is not installed.
    pub(crate) fn not_installed(kind: BrowserKind) -> BrowserError {
        BrowserError(Kind::NotInstalled(kind))
    }

    /// No browser with a private mode is installed on `os`.
    pub(crate) fn none_found(os: Os) -> BrowserError {
        BrowserError(Kind::NoneFound(os))
    }

    /// The private browser `name` could not be started.
    pub(crate) fn launch(name: &'static str, e: io::Error) -> BrowserError {
        BrowserError(Kind::Launch {
            name,
            error: Arc::new(e),
        })
    }

    /// Whether a private window was asked for (rather than the system browser).
    pub fn is_private_window(&self) -> bool {
        !matches!(self.0, Kind::System(_) | Kind::Stopped)
    }

    /// Whether no browser with a private mode (or not the one asked for) is installed.
    pub fn is_not_installed(&self) -> bool {
        matches!(self.0, Kind::NotInstalled(_) | Kind::NoneFound(_))
    }

    /// The finding: `PRIVATE_WINDOW_UNAVAILABLE` for a private window, else
    /// `BROWSER_OPEN_FAILED`; both offer `link` to open by hand for `mailbox`.
    pub fn finding(&self, link: &Url, mailbox: &str) -> Finding {
        let code = if self.is_private_window() {
            FindingCode::PrivateWindowUnavailable
        } else {
            FindingCode::BrowserOpenFailed
        };
        let f = Finding::new(code)
            .with(Param::Problem, self.to_string())
            .with_if_used(Param::Link, link.as_str())
            .with_if_used(Param::Mailbox, mailbox);
        match &self.0 {
            Kind::System(e) => f.with_evidence(e.to_string()),
            _ => f,
        }
    }
}

/// Why the system browser did not start, in the person's words: the `webbrowser` crate says
/// `NotFound` when no browser is set up (e.g. "No valid browsers detected"), the OS
/// `PermissionDenied` when one may not be started; anything else is the OS's own text.
fn system_words(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => crate::l10n::tr("detail-browser-none-set-up"),
        io::ErrorKind::PermissionDenied => crate::l10n::tr("detail-browser-not-allowed"),
        _ => tr_with(
            "detail-browser-system-said",
            &[("error", e.to_string().into())],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_and_the_code_follow_the_kind_of_failure() {
        let link = Url::parse("http://127.0.0.1:5000/start").unwrap();
        let gone = io::Error::new(
            io::ErrorKind::NotFound,
            "No valid browsers detected. You can specify one in BROWSER environment variable",
        );
        let system = BrowserError::system(gone);
        assert!(!system.is_private_window());
        let f = system.finding(&link, "ann@example.edu");
        assert_eq!(f.code, FindingCode::BrowserOpenFailed);
        assert!(
            f.explanation
                .contains("(no web browser is set up on this computer)"),
            "{f:?}"
        );
        assert_eq!(
            f.evidence.as_deref(),
            Some("No valid browsers detected. You can specify one in BROWSER environment variable"),
            "the crate's own words are the evidence"
        );
        let spanish = crate::l10n::with(crate::l10n::Language::Spanish, || {
            system.finding(&link, "ann@example.edu")
        });
        assert!(!spanish.explanation.contains("No valid"), "{spanish:?}");
        let odd = BrowserError::system(io::Error::other("D-Bus said no"));
        assert_eq!(odd.to_string(), "the system said: D-Bus said no");
        assert!(!BrowserError::stopped().is_private_window());
        let missing = BrowserError::not_installed(BrowserKind::Brave);
        assert_eq!(missing.to_string(), "Brave is not installed");
        let spanish = crate::l10n::with(crate::l10n::Language::Spanish, || missing.to_string());
        assert_eq!(spanish, "Brave no está instalado");
        assert!(missing.is_private_window() && missing.is_not_installed());
        let f = missing.finding(&link, "ann@example.edu");
        assert_eq!(f.code, FindingCode::PrivateWindowUnavailable);
        assert!(
            f.steps
                .iter()
                .any(|s| s.contains("http://127.0.0.1:5000/start")),
            "{f:?}"
        );
        assert_eq!(
            BrowserError::none_found(Os::Linux).to_string(),
            installed::none_found(Os::Linux)
        );
        let denied = io::Error::new(io::ErrorKind::PermissionDenied, "Permission denied");
        let launch = BrowserError::launch("Firefox", denied);
        assert_eq!(
            launch.to_string(),
            "Firefox could not be started (Permission denied)"
        );
        assert!(launch.is_private_window() && !launch.is_not_installed());
    }
}
