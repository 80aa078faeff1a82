//! Opening a browser for sign-in: the system browser, or a private window.
//!
//! The sign-in always happens in the user's own browser (RFC 8252 §8.12: no embedded web views).
//! [`SystemBrowser`] uses the `webbrowser` crate (it honours `$BROWSER` on Linux and the BSDs).
//! [`PrivateBrowser`] starts an installed browser in its private mode, where it has a flag (Edge
//! `--inprivate`, Chrome/Chromium/Brave `--incognito`, Firefox `-private-window`), so that an
//! account already signed in elsewhere in the browser cannot answer instead of the mailbox
//! (the wrong-account trap). Which browsers are installed, which is the default and how each
//! OS starts one is decided in [`installed`](mod@installed). The [`Browser`] trait is the seam tests drive.
//!
//! Flag sources: Microsoft Edge `--inprivate` and Chromium's `--incognito`
//! (`chrome/common/chrome_switches.cc`, shared by Chrome and Brave); Firefox
//! `-private-window URL` (<https://wiki.mozilla.org/Firefox/CommandLineOptions>). Safari has no
//! command-line option for a private window: on a Mac with only Safari the sign-in offers the
//! copy-link way instead.

mod error;
pub mod installed;

use std::process::{Command, Stdio};

use serde::Serialize;
use url::Url;

pub use error::BrowserError;
pub use installed::{InstalledBrowser, installed};

/// Something that can show a URL to the user.
pub trait Browser: Send + Sync {
    /// Opens `url`.
    ///
    /// # Errors
    /// Why not; [`BrowserError::finding`] explains it to the person.
    fn open(&self, url: &Url) -> Result<(), BrowserError>;

    /// Whether this opens a private window.
    fn is_private(&self) -> bool {
        false
    }
}

/// The user's default browser (or `$BROWSER`).
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemBrowser;

impl Browser for SystemBrowser {
    fn open(&self, url: &Url) -> Result<(), BrowserError> {
        webbrowser::open(url.as_str()).map_err(BrowserError::system)
    }
}

/// The browser for a sign-in: the system browser, or with `private` a private window of
/// `choice` (else the default or the first installed, see [`PrivateBrowser::choose`]). When no
/// private window can be opened, a browser whose `open` fails with the reason, so the sign-in
/// explains the copy-link way instead of silently using a normal window.
pub fn for_sign_in(private: bool, choice: Option<BrowserKind>) -> std::sync::Arc<dyn Browser> {
    if !private {
        return std::sync::Arc::new(SystemBrowser);
    }
    match PrivateBrowser::choose(choice) {
        Ok(b) => std::sync::Arc::new(b),
        Err(reason) => std::sync::Arc::new(Unavailable(reason)),
    }
}

/// A private window that cannot be opened, with the reason.
struct Unavailable(BrowserError);

impl Browser for Unavailable {
    fn open(&self, _url: &Url) -> Result<(), BrowserError> {
        Err(self.0.clone())
    }

    fn is_private(&self) -> bool {
        true
    }
}

/// Browsers with a private mode the app can start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BrowserKind {
    /// Microsoft Edge.
    Edge,
    /// Google Chrome.
    Chrome,
    /// Chromium.
    Chromium,
    /// Brave.
    Brave,
    /// Mozilla Firefox.
    Firefox,
}

impl BrowserKind {
    /// All kinds, in the order they are offered when there is no default.
    pub const ALL: [BrowserKind; 5] = [
        BrowserKind::Edge,
        BrowserKind::Chrome,
        BrowserKind::Firefox,
        BrowserKind::Chromium,
        BrowserKind::Brave,
    ];

    /// Parses a browser name: `edge`, `chrome`, `chromium`, `brave`, `firefox`.
    pub fn parse(name: &str) -> Option<BrowserKind> {
        match name.to_ascii_lowercase().as_str() {
            "edge" | "msedge" | "microsoft-edge" => Some(BrowserKind::Edge),
            "chrome" | "google-chrome" => Some(BrowserKind::Chrome),
            "chromium" => Some(BrowserKind::Chromium),
            "brave" => Some(BrowserKind::Brave),
            "firefox" => Some(BrowserKind::Firefox),
            _ => None,
        }
    }

    /// The command-line flag that opens a private window.
    pub fn private_flag(self) -> &'static str {
        match self {
            BrowserKind::Edge => "--inprivate",
            BrowserKind::Chrome | BrowserKind::Chromium | BrowserKind::Brave => "--incognito",
            BrowserKind::Firefox => "-private-window",
        }
    }

    /// The name people know.
    pub fn label(self) -> &'static str {
        match self {
            BrowserKind::Edge => "Microsoft Edge",
            BrowserKind::Chrome => "Google Chrome",
            BrowserKind::Chromium => "Chromium",
            BrowserKind::Brave => "Brave",
            BrowserKind::Firefox => "Firefox",
        }
    }
}

/// A browser started in its private mode.
#[derive(Debug, Clone)]
pub struct PrivateBrowser {
    browser: InstalledBrowser,
}

impl PrivateBrowser {
    /// The browser to use: `choice` if installed, else the default, else the first installed.
    ///
    /// # Errors
    /// [`BrowserError::is_not_installed`] when no browser with a private mode (or not
    /// `choice`) is installed.
    pub fn choose(choice: Option<BrowserKind>) -> Result<PrivateBrowser, BrowserError> {
        let all = installed();
        let pick = match choice {
            Some(kind) => all
                .iter()
                .find(|b| b.kind == kind)
                .cloned()
                .ok_or_else(|| BrowserError::not_installed(kind))?,
            None => all
                .first()
                .cloned()
                .ok_or_else(|| BrowserError::none_found(crate::platform::Os::current()))?,
        };
        Ok(PrivateBrowser { browser: pick })
    }

    /// Which browser this is.
    pub fn browser(&self) -> &InstalledBrowser {
        &self.browser
    }
}

impl Browser for PrivateBrowser {
    fn open(&self, url: &Url) -> Result<(), BrowserError> {
        let (program, args) = installed::launch(crate::platform::Os::current(), &self.browser, url);
        Command::new(program)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map(|_| ())
            .map_err(|e| BrowserError::launch(self.browser.name, e))
    }

    fn is_private(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_flags_per_browser() {
        assert_eq!(BrowserKind::Edge.private_flag(), "--inprivate");
        assert_eq!(BrowserKind::Chrome.private_flag(), "--incognito");
        assert_eq!(BrowserKind::Chromium.private_flag(), "--incognito");
        assert_eq!(BrowserKind::Brave.private_flag(), "--incognito");
        assert_eq!(BrowserKind::Firefox.private_flag(), "-private-window");
    }
}
