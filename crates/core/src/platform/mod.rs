//! The operating system the app runs on, and the folders it gives the app.
//!
//! This module owns the *facts* about the computer that other modules decide with: which OS
//! ([`Os`]), the user's and the machine's known folders ([`Folders`]), where the app keeps its
//! files ([`paths`]) and how the OS names its own version ([`version`]). Every rule here is a
//! pure function of those facts, so each OS's rule is tested on any OS; only
//! [`Os::current`] and [`Folders::current`] read the running system.

use std::path::PathBuf;

pub mod paths;
pub mod version;

/// The operating systems the app knows rules for. Every Unix that is not macOS follows the
/// Linux (freedesktop.org) rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Os {
    /// Microsoft Windows.
    Windows,
    /// Apple macOS.
    MacOs,
    /// Linux and the other Unix desktops (XDG base directories).
    Linux,
}

impl Os {
    /// Every supported OS (for tests of the rules).
    pub const ALL: [Os; 3] = [Os::Windows, Os::MacOs, Os::Linux];

    /// The OS this program was built for.
    pub const fn current() -> Os {
        if cfg!(windows) {
            Os::Windows
        } else if cfg!(target_os = "macos") {
            Os::MacOs
        } else {
            Os::Linux
        }
    }
}

/// The known folders the location rules need. Each is `None` when the OS did not say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folders {
    /// The user's home folder.
    pub home: Option<PathBuf>,
    /// Windows `%APPDATA%` (FOLDERID_RoamingAppData).
    pub app_data: Option<PathBuf>,
    /// Windows `%LOCALAPPDATA%` (FOLDERID_LocalAppData).
    pub local_app_data: Option<PathBuf>,
    /// Windows `%ProgramData%` (FOLDERID_ProgramData).
    pub program_data: Option<PathBuf>,
    /// Windows `%ProgramFiles%` then `%ProgramFiles(x86)%` (machine-wide installs).
    pub program_files: Vec<PathBuf>,
    /// `$XDG_CONFIG_HOME` as set (the rules ignore a relative value, as the spec says).
    pub xdg_config_home: Option<PathBuf>,
    /// `$XDG_DATA_HOME` as set.
    pub xdg_data_home: Option<PathBuf>,
    /// `$XDG_STATE_HOME` as set.
    pub xdg_state_home: Option<PathBuf>,
}

impl Folders {
    /// The running system's folders: on Windows the known folders (through the `dirs` crate,
    /// which asks `SHGetKnownFolderPath`) and `%ProgramData%`, `%ProgramFiles%`,
    /// `%ProgramFiles(x86)%`; elsewhere the `XDG_*` variables.
    pub fn current() -> Folders {
        let var = |name: &str| {
            std::env::var_os(name)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        let mut f = Folders {
            home: dirs::home_dir(),
            ..Folders::default()
        };
        match Os::current() {
            Os::Windows => {
                f.app_data = dirs::config_dir();
                f.local_app_data = dirs::data_local_dir();
                f.program_data = var("ProgramData");
                f.program_files = ["ProgramFiles", "ProgramFiles(x86)"]
                    .iter()
                    .filter_map(|n| var(n))
                    .fold(Vec::new(), |mut all, p| {
                        if !all.contains(&p) {
                            all.push(p);
                        }
                        all
                    });
            }
            Os::MacOs | Os::Linux => {
                f.xdg_config_home = var("XDG_CONFIG_HOME");
                f.xdg_data_home = var("XDG_DATA_HOME");
                f.xdg_state_home = var("XDG_STATE_HOME");
            }
        }
        f
    }
}
