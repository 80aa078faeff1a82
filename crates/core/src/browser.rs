//! Opening a browser for sign-in: the system browser, or a private window.
//!
//! The sign-in always happens in the user's own browser (RFC 8252 §8.12: no embedded web views).
//! [`SystemBrowser`] uses the `webbrowser` crate (it honours `$BROWSER` on Linux and the BSDs).
//! [`PrivateBrowser`] starts an installed browser in its private mode, where it has a flag (Edge
//! `--inprivate`, Chrome/Chromium/Brave `--incognito`, Firefox `--private-window`), so that an
//! account already signed in elsewhere in the browser cannot answer instead of the mailbox
//! (the wrong-account trap). The [`Browser`] trait is the seam tests drive.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde::Serialize;
use url::Url;

/// Something that can show a URL to the user.
pub trait Browser: Send + Sync {
    /// Opens `url`.
    ///
    /// # Errors
    /// A short reason, shown in the finding.
    fn open(&self, url: &Url) -> Result<(), String>;

    /// Whether this opens a private window.
    fn is_private(&self) -> bool {
        false
    }
}

/// The user's default browser (or `$BROWSER`).
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemBrowser;

impl Browser for SystemBrowser {
    fn open(&self, url: &Url) -> Result<(), String> {
        webbrowser::open(url.as_str()).map_err(|e| e.to_string())
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
struct Unavailable(String);

impl Browser for Unavailable {
    fn open(&self, _url: &Url) -> Result<(), String> {
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
            BrowserKind::Firefox => "--private-window",
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

    fn executables(self) -> &'static [&'static str] {
        match self {
            BrowserKind::Edge => &["microsoft-edge", "microsoft-edge-stable", "msedge"],
            BrowserKind::Chrome => &["google-chrome", "google-chrome-stable", "chrome"],
            BrowserKind::Chromium => &["chromium", "chromium-browser"],
            BrowserKind::Brave => &["brave-browser", "brave"],
            BrowserKind::Firefox => &["firefox"],
        }
    }

    /// Where the browser lives outside `PATH` on Windows and macOS.
    fn known_paths(self) -> Vec<PathBuf> {
        let mut out = Vec::new();
        if cfg!(windows) {
            let rel: &[&str] = match self {
                BrowserKind::Edge => &["Microsoft\\Edge\\Application\\msedge.exe"],
                BrowserKind::Chrome => &["Google\\Chrome\\Application\\chrome.exe"],
                BrowserKind::Firefox => &["Mozilla Firefox\\firefox.exe"],
                BrowserKind::Brave => &["BraveSoftware\\Brave-Browser\\Application\\brave.exe"],
                BrowserKind::Chromium => &["Chromium\\Application\\chrome.exe"],
            };
            for var in ["ProgramFiles", "ProgramFiles(x86)", "LOCALAPPDATA"] {
                if let Some(base) = std::env::var_os(var) {
                    out.extend(rel.iter().map(|r| PathBuf::from(&base).join(r)));
                }
            }
        } else if cfg!(target_os = "macos") {
            let app = match self {
                BrowserKind::Edge => "Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
                BrowserKind::Chrome => "Google Chrome.app/Contents/MacOS/Google Chrome",
                BrowserKind::Chromium => "Chromium.app/Contents/MacOS/Chromium",
                BrowserKind::Brave => "Brave Browser.app/Contents/MacOS/Brave Browser",
                BrowserKind::Firefox => "Firefox.app/Contents/MacOS/firefox",
            };
            out.push(PathBuf::from("/Applications").join(app));
        }
        out
    }

    fn from_desktop_id(id: &str) -> Option<BrowserKind> {
        let id = id.to_ascii_lowercase();
        if id.contains("edge") {
            Some(BrowserKind::Edge)
        } else if id.contains("chromium") {
            Some(BrowserKind::Chromium)
        } else if id.contains("chrome") {
            Some(BrowserKind::Chrome)
        } else if id.contains("brave") {
            Some(BrowserKind::Brave)
        } else if id.contains("firefox") {
            Some(BrowserKind::Firefox)
        } else {
            None
        }
    }
}

/// An installed browser the app can start in private mode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InstalledBrowser {
    /// Which browser.
    pub kind: BrowserKind,
    /// Its name.
    pub name: &'static str,
    /// The executable.
    pub path: PathBuf,
    /// Whether it is the system's default browser.
    pub is_default: bool,
}

/// The installed browsers with a private mode, the default browser first.
pub fn installed() -> Vec<InstalledBrowser> {
    installed_in(
        std::env::var_os("PATH").as_deref().map(Path::new),
        default_kind(),
    )
}

/// [`installed`] with an explicit `PATH` and default (for tests).
pub fn installed_in(
    path_var: Option<&Path>,
    default: Option<BrowserKind>,
) -> Vec<InstalledBrowser> {
    let dirs: Vec<PathBuf> = path_var
        .map(|p| std::env::split_paths(p).collect())
        .unwrap_or_default();
    let mut out: Vec<InstalledBrowser> = BrowserKind::ALL
        .iter()
        .filter_map(|&kind| {
            let in_path = kind
                .executables()
                .iter()
                .flat_map(|exe| dirs.iter().map(move |d| d.join(exe)))
                .find(|p| is_executable(p));
            let path =
                in_path.or_else(|| kind.known_paths().into_iter().find(|p| is_executable(p)))?;
            Some(InstalledBrowser {
                kind,
                name: kind.label(),
                path,
                is_default: Some(kind) == default,
            })
        })
        .collect();
    out.sort_by_key(|b| !b.is_default);
    out
}

fn is_executable(p: &Path) -> bool {
    p.is_file()
}

/// The system's default browser, when the platform says (Linux: `xdg-settings`).
pub fn default_kind() -> Option<BrowserKind> {
    if cfg!(target_os = "linux") {
        let out = Command::new("xdg-settings")
            .args(["get", "default-web-browser"])
            .stderr(Stdio::null())
            .output()
            .ok()?;
        BrowserKind::from_desktop_id(&String::from_utf8_lossy(&out.stdout))
    } else {
        None
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
    /// A reason when no browser with a private mode is installed.
    pub fn choose(choice: Option<BrowserKind>) -> Result<PrivateBrowser, String> {
        let all = installed();
        let pick = match choice {
            Some(kind) => all
                .iter()
                .find(|b| b.kind == kind)
                .cloned()
                .ok_or_else(|| format!("{} is not installed", kind.label()))?,
            None => all.first().cloned().ok_or(
                "no browser with a private mode (Edge, Chrome, Chromium, Brave, Firefox) was found",
            )?,
        };
        Ok(PrivateBrowser { browser: pick })
    }

    /// Which browser this is.
    pub fn browser(&self) -> &InstalledBrowser {
        &self.browser
    }
}

impl Browser for PrivateBrowser {
    fn open(&self, url: &Url) -> Result<(), String> {
        Command::new(&self.browser.path)
            .arg(self.browser.kind.private_flag())
            .arg(url.as_str())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map(|_| ())
            .map_err(|e| format!("{} could not be started ({e})", self.browser.name))
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
        assert_eq!(BrowserKind::Firefox.private_flag(), "--private-window");
    }

    #[test]
    fn finds_browsers_on_path_default_first() {
        let dir = tempfile::tempdir().unwrap();
        for exe in ["firefox", "chromium"] {
            std::fs::write(dir.path().join(exe), "#!/bin/sh\n").unwrap();
        }
        let found = installed_in(Some(dir.path()), Some(BrowserKind::Chromium));
        let kinds: Vec<_> = found.iter().map(|b| b.kind).collect();
        assert_eq!(kinds[0], BrowserKind::Chromium);
        assert!(kinds.contains(&BrowserKind::Firefox));
        assert!(found[0].is_default);
        assert!(
            installed_in(Some(Path::new("/nonexistent")), None)
                .iter()
                .all(|b| !b.path.starts_with("/nonexistent"))
        );
    }

    #[test]
    fn desktop_ids_map_to_kinds() {
        assert_eq!(
            BrowserKind::from_desktop_id("microsoft-edge.desktop\n"),
            Some(BrowserKind::Edge)
        );
        assert_eq!(
            BrowserKind::from_desktop_id("google-chrome.desktop"),
            Some(BrowserKind::Chrome)
        );
        assert_eq!(
            BrowserKind::from_desktop_id("chromium.desktop"),
            Some(BrowserKind::Chromium)
        );
        assert_eq!(
            BrowserKind::from_desktop_id("firefox-esr.desktop"),
            Some(BrowserKind::Firefox)
        );
        assert_eq!(
            BrowserKind::from_desktop_id("org.gnome.Epiphany.desktop"),
            None
        );
    }
}
