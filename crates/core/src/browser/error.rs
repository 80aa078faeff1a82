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
    /// The system browser could not be started (the `webbrowser` crate's error).
    #[error("{0}")]
    System(Arc<io::Error>),
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
        !matches!(self.0, Kind::System(_))
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
        Finding::new(code)
            .with(Param::Problem, self.to_string())
            .with_if_used(Param::Link, link.as_str())
            .with_if_used(Param::Mailbox, mailbox)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_and_the_code_follow_the_kind_of_failure() {
        let link = Url::parse("http://127.0.0.1:5000/start").unwrap();
        let gone = io::Error::new(io::ErrorKind::NotFound, "No such file or directory");
        let system = BrowserError::system(gone);
        assert!(!system.is_private_window());
        let f = system.finding(&link, "ann@example.edu");
        assert_eq!(f.code, FindingCode::BrowserOpenFailed);
        assert!(
            f.explanation.contains("(No such file or directory)"),
            "{f:?}"
        );
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
