//! Which browsers with a private mode are installed, which one is the default, and how each OS
//! starts one. Every rule is a pure function of what the OS says (the `PATH` folders, the known
//! folders, the default browser's id, which paths exist); [`installed`] gathers those inputs.
//!
//! - **Linux**: the programs on `PATH` (`microsoft-edge`, `google-chrome`, `chromium`,
//!   `brave-browser`, `firefox`, …); the default from `xdg-settings get default-web-browser`
//!   (a desktop file id such as `firefox-esr.desktop`).
//! - **Windows**: `msedge.exe`, `chrome.exe`, `brave.exe`, `firefox.exe` on `PATH`, then the
//!   install locations, machine-wide under `%ProgramFiles%` and `%ProgramFiles(x86)%` and
//!   per-user under `%LOCALAPPDATA%` (`Microsoft\Edge\Application\msedge.exe`,
//!   `Google\Chrome\Application\chrome.exe`, `BraveSoftware\Brave-Browser\Application\brave.exe`,
//!   `Mozilla Firefox\firefox.exe`, `Chromium\Application\chrome.exe`). The default is the
//!   `ProgId` of `HKCU\Software\Microsoft\Windows\Shell\Associations\UrlAssociations\https\UserChoice`
//!   (Default Programs: <https://learn.microsoft.com/en-us/windows/win32/shell/default-programs>),
//!   as each browser's installer registers it: `MSEdgeHTM`, `ChromeHTML`, `BraveHTML`,
//!   `ChromiumHTM`, `FirefoxURL-<install hash>` (beta and dev channels add a letter, e.g.
//!   `MSEdgeBHTML`, `ChromeBHTML`, `BraveBHTML`).
//! - **macOS**: the app bundles in `/Applications` and `~/Applications` (`Microsoft Edge.app`,
//!   `Google Chrome.app`, `Brave Browser.app`, `Firefox.app`, `Chromium.app`), started with
//!   `open -na <app> --args <private flag> <url>` (`man open`: `-n` a new instance, so the
//!   arguments reach the browser even when it is already running; `-a` the application). The
//!   default browser is not read on macOS. Safari has no private-window option: see
//!   [`none_found`].
//!
//! When the default browser has a private mode it comes first; otherwise the order of
//! [`BrowserKind::ALL`].

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde::Serialize;
use url::Url;

use super::BrowserKind;
use crate::platform::{Folders, Os};

/// An installed browser the app can start in private mode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InstalledBrowser {
    /// Which browser.
    pub kind: BrowserKind,
    /// Its name.
    pub name: &'static str,
    /// The executable (on macOS the `.app` bundle).
    pub path: PathBuf,
    /// Whether it is the system's default browser.
    pub is_default: bool,
}

/// The program names on `PATH`.
fn program_names(os: Os, kind: BrowserKind) -> &'static [&'static str] {
    match (os, kind) {
        (Os::Windows, BrowserKind::Edge) => &["msedge.exe"],
        (Os::Windows, BrowserKind::Chrome) => &["chrome.exe"],
        (Os::Windows, BrowserKind::Brave) => &["brave.exe"],
        (Os::Windows, BrowserKind::Firefox) => &["firefox.exe"],
        // Chromium's program is also called chrome.exe: found by its install location only.
        (Os::Windows, BrowserKind::Chromium) => &[],
        // Mac apps are not on PATH.
        (Os::MacOs, _) => &[],
        (Os::Linux, BrowserKind::Edge) => &["microsoft-edge", "microsoft-edge-stable", "msedge"],
        (Os::Linux, BrowserKind::Chrome) => &["google-chrome", "google-chrome-stable", "chrome"],
        (Os::Linux, BrowserKind::Chromium) => &["chromium", "chromium-browser"],
        (Os::Linux, BrowserKind::Brave) => &["brave-browser", "brave"],
        (Os::Linux, BrowserKind::Firefox) => &["firefox"],
    }
}

/// Where the browser is installed outside `PATH`, in the order to look.
fn install_locations(os: Os, kind: BrowserKind, f: &Folders) -> Vec<PathBuf> {
    match os {
        Os::Windows => {
            let rel: &[&str] = match kind {
                BrowserKind::Edge => &["Microsoft", "Edge", "Application", "msedge.exe"],
                BrowserKind::Chrome => &["Google", "Chrome", "Application", "chrome.exe"],
                BrowserKind::Brave => {
                    &["BraveSoftware", "Brave-Browser", "Application", "brave.exe"]
                }
                BrowserKind::Firefox => &["Mozilla Firefox", "firefox.exe"],
                BrowserKind::Chromium => &["Chromium", "Application", "chrome.exe"],
            };
            f.program_files
                .iter()
                .chain(&f.local_app_data)
                .map(|base| rel.iter().fold(base.clone(), |p, part| p.join(part)))
                .collect()
        }
        Os::MacOs => {
            let app = format!("{}.app", mac_app_name(kind));
            std::iter::once(PathBuf::from("/Applications"))
                .chain(f.home.as_ref().map(|h| h.join("Applications")))
                .map(|dir| dir.join(&app))
                .collect()
        }
        Os::Linux => Vec::new(),
    }
}

fn mac_app_name(kind: BrowserKind) -> &'static str {
    match kind {
        BrowserKind::Edge => "Microsoft Edge",
        BrowserKind::Chrome => "Google Chrome",
        BrowserKind::Chromium => "Chromium",
        BrowserKind::Brave => "Brave Browser",
        BrowserKind::Firefox => "Firefox",
    }
}

/// The installed browsers with a private mode, the default first: the programs on `path_dirs`,
/// then the install locations, keeping the first that `exists`.
pub fn find(
    os: Os,
    path_dirs: &[PathBuf],
    folders: &Folders,
    default: Option<BrowserKind>,
    exists: &dyn Fn(&Path) -> bool,
) -> Vec<InstalledBrowser> {
    let mut out: Vec<InstalledBrowser> = BrowserKind::ALL
        .iter()
        .filter_map(|&kind| {
            let on_path = program_names(os, kind)
                .iter()
                .flat_map(|exe| path_dirs.iter().map(move |d| d.join(exe)));
            let path = on_path
                .chain(install_locations(os, kind, folders))
                .find(|p| exists(p))?;
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

/// The default browser from Windows' `UserChoice` `ProgId`, when it has a private mode.
pub fn from_prog_id(prog_id: &str) -> Option<BrowserKind> {
    let id = prog_id.trim().to_ascii_lowercase();
    if id.starts_with("msedge") {
        Some(BrowserKind::Edge)
    } else if id.starts_with("chromium") {
        Some(BrowserKind::Chromium)
    } else if id.starts_with("chrome") {
        Some(BrowserKind::Chrome)
    } else if id.starts_with("brave") {
        Some(BrowserKind::Brave)
    } else if id.starts_with("firefoxurl") {
        Some(BrowserKind::Firefox)
    } else {
        None
    }
}

/// The default browser from a freedesktop.org desktop file id (`xdg-settings`).
pub fn from_desktop_id(id: &str) -> Option<BrowserKind> {
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

/// The program and arguments that open `url` in a private window of `browser`.
pub fn launch(os: Os, browser: &InstalledBrowser, url: &Url) -> (PathBuf, Vec<String>) {
    let flag = browser.kind.private_flag().to_owned();
    match os {
        Os::MacOs => (
            PathBuf::from("/usr/bin/open"),
            vec![
                "-na".into(),
                browser.path.to_string_lossy().into_owned(),
                "--args".into(),
                flag,
                url.as_str().into(),
            ],
        ),
        Os::Windows | Os::Linux => (browser.path.clone(), vec![flag, url.as_str().into()]),
    }
}

/// Why no private window can be opened, in the user's words.
pub fn none_found(os: Os) -> String {
    crate::l10n::tr(match os {
        Os::MacOs => "detail-browser-none-found-macos",
        Os::Windows | Os::Linux => "detail-browser-none-found",
    })
}

/// The installed browsers with a private mode on this computer, the default first.
pub fn installed() -> Vec<InstalledBrowser> {
    let os = Os::current();
    let path_dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    find(
        os,
        &path_dirs,
        &Folders::current(),
        default_kind(os),
        &|p: &Path| p.exists(),
    )
}

/// The system's default browser, when the OS says and it has a private mode.
fn default_kind(os: Os) -> Option<BrowserKind> {
    match os {
        Os::Linux => {
            let out = Command::new("xdg-settings")
                .args(["get", "default-web-browser"])
                .stderr(Stdio::null())
                .output()
                .ok()?;
            from_desktop_id(&String::from_utf8_lossy(&out.stdout))
        }
        Os::Windows => windows_prog_id().as_deref().and_then(from_prog_id),
        Os::MacOs => None,
    }
}

#[cfg(windows)]
fn windows_prog_id() -> Option<String> {
    windows_registry::CURRENT_USER
        .open(r"Software\Microsoft\Windows\Shell\Associations\UrlAssociations\https\UserChoice")
        .and_then(|k| k.get_string("ProgId"))
        .ok()
}

#[cfg(not(windows))]
fn windows_prog_id() -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn exists_in(paths: &[PathBuf]) -> impl Fn(&Path) -> bool {
        let set: HashSet<PathBuf> = paths.iter().cloned().collect();
        move |p: &Path| set.contains(p)
    }

    fn win_path(base: &str, rel: &[&str]) -> PathBuf {
        rel.iter().fold(PathBuf::from(base), |p, part| p.join(part))
    }

    fn windows_folders() -> Folders {
        Folders {
            home: Some(PathBuf::from(r"C:\Users\ann")),
            local_app_data: Some(PathBuf::from(r"C:\Users\ann\AppData\Local")),
            program_files: vec![
                PathBuf::from(r"C:\Program Files"),
                PathBuf::from(r"C:\Program Files (x86)"),
            ],
            ..Folders::default()
        }
    }

    #[test]
    fn linux_finds_programs_on_path_default_first() {
        let dir = PathBuf::from("/usr/bin");
        let present = [dir.join("firefox"), dir.join("chromium")];
        let found = find(
            Os::Linux,
            &[PathBuf::from("/usr/local/bin"), dir.clone()],
            &Folders::default(),
            Some(BrowserKind::Chromium),
            &exists_in(&present),
        );
        let kinds: Vec<_> = found.iter().map(|b| b.kind).collect();
        assert_eq!(kinds, [BrowserKind::Chromium, BrowserKind::Firefox]);
        assert!(found[0].is_default);
        assert_eq!(found[1].path, dir.join("firefox"));
    }

    #[test]
    fn windows_finds_machine_and_per_user_installs_and_path() {
        let edge = win_path(
            r"C:\Program Files (x86)",
            &["Microsoft", "Edge", "Application", "msedge.exe"],
        );
        let chrome_user = win_path(
            r"C:\Users\ann\AppData\Local",
            &["Google", "Chrome", "Application", "chrome.exe"],
        );
        let firefox = win_path(r"C:\Program Files", &["Mozilla Firefox", "firefox.exe"]);
        let brave_on_path = PathBuf::from(r"C:\Tools").join("brave.exe");
        let found = find(
            Os::Windows,
            &[PathBuf::from(r"C:\Tools")],
            &windows_folders(),
            from_prog_id("FirefoxURL-308046B0AF4A39CB"),
            &exists_in(&[
                edge.clone(),
                chrome_user.clone(),
                firefox.clone(),
                brave_on_path.clone(),
            ]),
        );
        let by_kind = |k| found.iter().find(|b| b.kind == k).map(|b| b.path.clone());
        assert_eq!(found[0].kind, BrowserKind::Firefox, "the default first");
        assert!(found[0].is_default);
        assert_eq!(by_kind(BrowserKind::Firefox), Some(firefox));
        assert_eq!(by_kind(BrowserKind::Edge), Some(edge));
        assert_eq!(by_kind(BrowserKind::Chrome), Some(chrome_user));
        assert_eq!(by_kind(BrowserKind::Brave), Some(brave_on_path));
        assert_eq!(by_kind(BrowserKind::Chromium), None);
        // Linux program names mean nothing on Windows.
        assert!(
            find(
                Os::Windows,
                &[PathBuf::from("/usr/bin")],
                &Folders::default(),
                None,
                &exists_in(&[PathBuf::from("/usr/bin/firefox")])
            )
            .is_empty()
        );
    }

    #[test]
    fn windows_prog_ids_name_the_default() {
        for (id, kind) in [
            ("MSEdgeHTM", Some(BrowserKind::Edge)),
            ("MSEdgeBHTML", Some(BrowserKind::Edge)),
            ("ChromeHTML", Some(BrowserKind::Chrome)),
            ("ChromeBHTML", Some(BrowserKind::Chrome)),
            (
                "ChromiumHTM.ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                Some(BrowserKind::Chromium),
            ),
            ("BraveHTML", Some(BrowserKind::Brave)),
            ("FirefoxURL-308046B0AF4A39CB", Some(BrowserKind::Firefox)),
            ("IE.HTTPS", None),
            ("OperaStable", None),
            ("", None),
        ] {
            assert_eq!(from_prog_id(id), kind, "{id}");
        }
    }

    #[test]
    #[cfg_attr(
        windows,
        ignore = "Unix paths joined with Windows separators when run on Windows"
    )]
    fn macos_finds_app_bundles_and_starts_them_with_open() {
        let folders = Folders {
            home: Some(PathBuf::from("/Users/ann")),
            ..Folders::default()
        };
        let chrome = PathBuf::from("/Applications/Google Chrome.app");
        let firefox = PathBuf::from("/Users/ann/Applications/Firefox.app");
        let found = find(
            Os::MacOs,
            &[PathBuf::from("/usr/bin")],
            &folders,
            None,
            &exists_in(&[
                chrome.clone(),
                firefox.clone(),
                PathBuf::from("/usr/bin/firefox"),
            ]),
        );
        assert_eq!(
            found.iter().map(|b| b.path.clone()).collect::<Vec<_>>(),
            [chrome, firefox]
        );
        let url = Url::parse("https://login.microsoftonline.com/x?a=1&b=2").unwrap();
        let (program, args) = launch(Os::MacOs, &found[1], &url);
        assert_eq!(program, Path::new("/usr/bin/open"));
        assert_eq!(
            args,
            [
                "-na",
                "/Users/ann/Applications/Firefox.app",
                "--args",
                "-private-window",
                "https://login.microsoftonline.com/x?a=1&b=2"
            ]
        );
        let (program, args) = launch(Os::MacOs, &found[0], &url);
        assert_eq!(program, Path::new("/usr/bin/open"));
        assert_eq!(args[1], "/Applications/Google Chrome.app");
        assert_eq!(args[3], "--incognito");
        // Only Safari: say why there is no private window.
        assert!(find(Os::MacOs, &[], &folders, None, &exists_in(&[])).is_empty());
        assert!(none_found(Os::MacOs).starts_with("Safari cannot"));
    }

    #[test]
    fn windows_and_linux_start_the_program_itself() {
        let edge = InstalledBrowser {
            kind: BrowserKind::Edge,
            name: "Microsoft Edge",
            path: PathBuf::from(r"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe"),
            is_default: true,
        };
        let url = Url::parse("https://login.microsoftonline.com/").unwrap();
        let (program, args) = launch(Os::Windows, &edge, &url);
        assert_eq!(program, edge.path);
        assert_eq!(args, ["--inprivate", "https://login.microsoftonline.com/"]);
    }

    #[test]
    fn desktop_ids_map_to_kinds() {
        assert_eq!(
            from_desktop_id("microsoft-edge.desktop\n"),
            Some(BrowserKind::Edge)
        );
        assert_eq!(
            from_desktop_id("google-chrome.desktop"),
            Some(BrowserKind::Chrome)
        );
        assert_eq!(
            from_desktop_id("chromium.desktop"),
            Some(BrowserKind::Chromium)
        );
        assert_eq!(
            from_desktop_id("firefox-esr.desktop"),
            Some(BrowserKind::Firefox)
        );
        assert_eq!(from_desktop_id("org.gnome.Epiphany.desktop"), None);
    }
}
