//! Opening the system browser for sign-in.
//!
//! The sign-in always happens in the user's own browser (RFC 8252 §8.12: no embedded web views),
//! opened with the `webbrowser` crate, which honours `$BROWSER` on Linux and the BSDs. The
//! [`Browser`] trait is the seam tests use to drive the authorize URL without a desktop.

use url::Url;

/// Something that can show a URL to the user.
pub trait Browser: Send + Sync {
    /// Opens `url`.
    ///
    /// # Errors
    /// A short reason, shown in the `BROWSER_OPEN_FAILED` finding.
    fn open(&self, url: &Url) -> Result<(), String>;
}

/// The user's default browser (or `$BROWSER`).
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemBrowser;

impl Browser for SystemBrowser {
    fn open(&self, url: &Url) -> Result<(), String> {
        webbrowser::open(url.as_str()).map_err(|e| e.to_string())
    }
}
