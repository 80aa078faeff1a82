//! Where the app keeps its files on each OS: the settings (per user and per machine), the
//! account index (not secret) and the log. One pure function per location, given the [`Os`]
//! and its [`Folders`].
//!
//! | | Windows | macOS | Linux |
//! |---|---|---|---|
//! | settings (user) | `%APPDATA%\mailsetup\settings.toml` | `~/Library/Application Support/mailsetup/settings.toml` | `$XDG_CONFIG_HOME/mailsetup/settings.toml` (`~/.config`) |
//! | settings (machine) | `%ProgramData%\mailsetup\settings.toml` | `/Library/Application Support/mailsetup/settings.toml` | `/etc/mailsetup/settings.toml` |
//! | settings (IT policy) | registry `HKLM\SOFTWARE\Policies\mailsetup` | `/Library/Managed Preferences/org.mailsetup.assistant.plist` | (the machine file) |
//! | account index | `%APPDATA%\mailsetup\` | `~/Library/Application Support/mailsetup/` | `$XDG_DATA_HOME/mailsetup/` (`~/.local/share`) |
//! | renewal locks | `%LOCALAPPDATA%\mailsetup\locks\` | `~/Library/Application Support/mailsetup/locks/` | `$XDG_DATA_HOME/mailsetup/locks/` |
//! | log | `%LOCALAPPDATA%\mailsetup\logs\` | `~/Library/Logs/mailsetup/` | `$XDG_STATE_HOME/mailsetup/` (`~/.local/state`) |
//!
//! Sources: Windows known folders (FOLDERID_RoamingAppData, FOLDERID_LocalAppData,
//! FOLDERID_ProgramData: <https://learn.microsoft.com/en-us/windows/win32/shell/knownfolderid>;
//! roaming settings, machine-local logs); Apple's File System Programming Guide, "The Library
//! Directory Stores App-Specific Files" (`Application Support`, `Logs`:
//! <https://developer.apple.com/library/archive/documentation/FileManagement/Conceptual/FileSystemProgrammingGuide/FileSystemOverview/FileSystemOverview.html>);
//! Windows policy keys: an application's policy goes below `HKEY_LOCAL_MACHINE\Software\Policies`
//! (<https://learn.microsoft.com/previous-versions/windows/desktop/policy/implementing-registry-based-policy>);
//! macOS managed preferences: a device profile's `com.apple.ManagedClient.preferences` payload
//! for a preference domain (<https://developer.apple.com/documentation/devicemanagement/managedpreferences>),
//! which macOS keeps in `/Library/Managed Preferences/<domain>.plist`;
//! the XDG Base Directory Specification 0.8 (`XDG_STATE_HOME` holds logs; a relative value is
//! invalid and ignored: <https://specifications.freedesktop.org/basedir-spec/0.8/>).

use std::path::{Path, PathBuf};

use super::{Folders, Os};

/// The app's folder name in every location.
pub const APP_DIR: &str = "mailsetup";
/// The settings file's name.
pub const SETTINGS_FILE: &str = "settings.toml";

/// The app's bundle identifier (`identifier` in tauri.conf.json): the macOS preference domain
/// an MDM profile manages.
pub const BUNDLE_ID: &str = "org.mailsetup.assistant";

/// The Windows policy key under `HKEY_LOCAL_MACHINE` that Group Policy and Intune set (one
/// subkey per settings section).
pub const POLICY_KEY: &str = r"SOFTWARE\Policies\mailsetup";

/// The registry key (under `HKEY_LOCAL_MACHINE`) of the policy IT sets for the computer:
/// Windows only.
pub fn policy_registry_key(os: Os) -> Option<&'static str> {
    (os == Os::Windows).then_some(POLICY_KEY)
}

/// The managed preferences an MDM profile installs for the computer: macOS only.
pub fn managed_preferences_file(os: Os) -> Option<PathBuf> {
    (os == Os::MacOs)
        .then(|| PathBuf::from("/Library/Managed Preferences").join(format!("{BUNDLE_ID}.plist")))
}

/// The per-user settings file.
pub fn user_settings_file(os: Os, f: &Folders) -> Option<PathBuf> {
    let dir = match os {
        Os::Windows => f.app_data.clone(),
        Os::MacOs => application_support(f),
        Os::Linux => xdg(f.xdg_config_home.as_deref(), f, ".config"),
    };
    dir.map(|d| d.join(APP_DIR).join(SETTINGS_FILE))
}

/// The settings file IT deploys for every user of the computer.
pub fn system_settings_file(os: Os, f: &Folders) -> Option<PathBuf> {
    let dir = match os {
        Os::Windows => f.program_data.clone(),
        Os::MacOs => Some(PathBuf::from("/Library/Application Support")),
        Os::Linux => Some(PathBuf::from("/etc")),
    };
    dir.map(|d| d.join(APP_DIR).join(SETTINGS_FILE))
}

/// The folder of the account index (no secret in it).
pub fn data_dir(os: Os, f: &Folders) -> Option<PathBuf> {
    let dir = match os {
        Os::Windows => f.app_data.clone(),
        Os::MacOs => application_support(f),
        Os::Linux => xdg(f.xdg_data_home.as_deref(), f, ".local/share"),
    };
    dir.map(|d| d.join(APP_DIR))
}

/// The folder of the per-mailbox renewal locks ([`crate::locks`]): on this computer only, never
/// roamed (Windows `%LOCALAPPDATA%`): a lock means something only to the processes of one
/// computer. Elsewhere beside the account index.
pub fn lock_dir(os: Os, f: &Folders) -> Option<PathBuf> {
    match os {
        Os::Windows => f
            .local_app_data
            .as_ref()
            .map(|d| d.join(APP_DIR).join("locks")),
        Os::MacOs | Os::Linux => data_dir(os, f).map(|d| d.join("locks")),
    }
}

/// The folder of the desktop app's log files.
pub fn log_dir(os: Os, f: &Folders) -> Option<PathBuf> {
    match os {
        Os::Windows => f
            .local_app_data
            .as_ref()
            .map(|d| d.join(APP_DIR).join("logs")),
        Os::MacOs => f
            .home
            .as_ref()
            .map(|h| h.join("Library").join("Logs").join(APP_DIR)),
        Os::Linux => xdg(f.xdg_state_home.as_deref(), f, ".local/state").map(|d| d.join(APP_DIR)),
    }
}

/// The app's folder when the OS names no home (a service account): in the temporary folder,
/// one per user (`mailsetup-<user>`), never one folder shared by every user of the computer.
/// `user` is the login name (`USER`/`USERNAME`); only its letters, digits, `.`, `_` and `-` are
/// kept.
pub fn no_home_dir(temp: &Path, user: Option<&str>) -> PathBuf {
    let name: String = user
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        .take(64)
        .collect();
    let name = if name.is_empty() || name.chars().all(|c| c == '.') {
        "user".to_owned()
    } else {
        name
    };
    temp.join(format!("{APP_DIR}-{name}"))
}

/// [`no_home_dir`] of the running program.
pub fn no_home_dir_current() -> PathBuf {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .ok();
    no_home_dir(&std::env::temp_dir(), user.as_deref())
}

fn application_support(f: &Folders) -> Option<PathBuf> {
    f.home
        .as_ref()
        .map(|h| h.join("Library").join("Application Support"))
}

/// `$XDG_CONFIG_HOME` by the XDG rule (Linux: the systemd user units live under it).
pub fn xdg_config_home(f: &Folders) -> Option<PathBuf> {
    xdg(f.xdg_config_home.as_deref(), f, ".config")
}

/// An XDG base directory: the variable when it holds an absolute path, else `~/<default>`.
fn xdg(var: Option<&Path>, f: &Folders, default: &str) -> Option<PathBuf> {
    match var {
        Some(v) if v.is_absolute() => Some(v.to_path_buf()),
        _ => f.home.as_ref().map(|h| h.join(default)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn windows() -> Folders {
        Folders {
            home: Some(PathBuf::from(r"C:\Users\ann")),
            app_data: Some(PathBuf::from(r"C:\Users\ann\AppData\Roaming")),
            local_app_data: Some(PathBuf::from(r"C:\Users\ann\AppData\Local")),
            program_data: Some(PathBuf::from(r"C:\ProgramData")),
            ..Folders::default()
        }
    }

    fn home(h: &str) -> Folders {
        Folders {
            home: Some(PathBuf::from(h)),
            ..Folders::default()
        }
    }

    #[test]
    fn windows_locations() {
        let f = windows();
        let w = |p: Option<PathBuf>| p.unwrap();
        assert_eq!(
            w(user_settings_file(Os::Windows, &f)),
            PathBuf::from(r"C:\Users\ann\AppData\Roaming")
                .join("mailsetup")
                .join("settings.toml")
        );
        assert_eq!(
            w(system_settings_file(Os::Windows, &f)),
            PathBuf::from(r"C:\ProgramData")
                .join("mailsetup")
                .join("settings.toml")
        );
        assert_eq!(
            w(data_dir(Os::Windows, &f)),
            PathBuf::from(r"C:\Users\ann\AppData\Roaming").join("mailsetup")
        );
        assert_eq!(
            w(log_dir(Os::Windows, &f)),
            PathBuf::from(r"C:\Users\ann\AppData\Local")
                .join("mailsetup")
                .join("logs")
        );
        // Locks stay on this computer: the local, not the roaming, folder.
        assert_eq!(
            w(lock_dir(Os::Windows, &f)),
            PathBuf::from(r"C:\Users\ann\AppData\Local")
                .join("mailsetup")
                .join("locks")
        );
        // Without %ProgramData% there is no machine-wide file (never a guess).
        assert_eq!(system_settings_file(Os::Windows, &Folders::default()), None);
        assert_eq!(
            policy_registry_key(Os::Windows),
            Some(r"SOFTWARE\Policies\mailsetup")
        );
        assert_eq!(managed_preferences_file(Os::Windows), None);
    }

    #[test]
    fn macos_locations() {
        let f = home("/Users/ann");
        assert_eq!(
            user_settings_file(Os::MacOs, &f).unwrap(),
            Path::new("/Users/ann/Library/Application Support/mailsetup/settings.toml")
        );
        assert_eq!(
            system_settings_file(Os::MacOs, &f).unwrap(),
            Path::new("/Library/Application Support/mailsetup/settings.toml")
        );
        assert_eq!(
            data_dir(Os::MacOs, &f).unwrap(),
            Path::new("/Users/ann/Library/Application Support/mailsetup")
        );
        assert_eq!(
            log_dir(Os::MacOs, &f).unwrap(),
            Path::new("/Users/ann/Library/Logs/mailsetup")
        );
        assert_eq!(
            lock_dir(Os::MacOs, &f).unwrap(),
            Path::new("/Users/ann/Library/Application Support/mailsetup/locks")
        );
        assert_eq!(
            managed_preferences_file(Os::MacOs).unwrap(),
            Path::new("/Library/Managed Preferences/org.mailsetup.assistant.plist")
        );
        assert_eq!(policy_registry_key(Os::MacOs), None);
    }

    #[test]
    #[cfg_attr(
        windows,
        ignore = "Unix paths joined with Windows separators when run on Windows"
    )]
    fn linux_locations_follow_xdg() {
        let f = home("/home/ann");
        assert_eq!(
            user_settings_file(Os::Linux, &f).unwrap(),
            Path::new("/home/ann/.config/mailsetup/settings.toml")
        );
        assert_eq!(
            system_settings_file(Os::Linux, &f).unwrap(),
            Path::new("/etc/mailsetup/settings.toml")
        );
        assert_eq!(
            data_dir(Os::Linux, &f).unwrap(),
            Path::new("/home/ann/.local/share/mailsetup")
        );
        assert_eq!(
            log_dir(Os::Linux, &f).unwrap(),
            Path::new("/home/ann/.local/state/mailsetup")
        );
        assert_eq!(
            lock_dir(Os::Linux, &f).unwrap(),
            Path::new("/home/ann/.local/share/mailsetup/locks")
        );
        let set = Folders {
            xdg_config_home: Some("/tmp/c".into()),
            xdg_data_home: Some("/tmp/d".into()),
            xdg_state_home: Some("/tmp/s".into()),
            ..f.clone()
        };
        assert_eq!(
            user_settings_file(Os::Linux, &set).unwrap(),
            Path::new("/tmp/c/mailsetup/settings.toml")
        );
        assert_eq!(
            data_dir(Os::Linux, &set).unwrap(),
            Path::new("/tmp/d/mailsetup")
        );
        assert_eq!(
            log_dir(Os::Linux, &set).unwrap(),
            Path::new("/tmp/s/mailsetup")
        );
        // A relative XDG value is invalid: the default applies.
        let relative = Folders {
            xdg_state_home: Some("state".into()),
            ..f
        };
        assert_eq!(
            log_dir(Os::Linux, &relative).unwrap(),
            Path::new("/home/ann/.local/state/mailsetup")
        );
        assert_eq!(log_dir(Os::Linux, &Folders::default()), None);
        // On Linux IT's file in /etc is the managed source: no registry, no profile.
        assert_eq!(policy_registry_key(Os::Linux), None);
        assert_eq!(managed_preferences_file(Os::Linux), None);
    }

    /// The preference domain is the bundle identifier the desktop app is built with.
    #[test]
    fn bundle_id_is_the_apps_identifier() {
        let conf = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tauri.conf.json"),
        )
        .unwrap();
        let conf: serde_json::Value = serde_json::from_str(&conf).unwrap();
        assert_eq!(conf["identifier"], BUNDLE_ID);
    }

    #[test]
    fn without_a_home_each_user_has_a_folder_of_their_own() {
        let t = Path::new("/tmp");
        assert_eq!(no_home_dir(t, Some("ann")), Path::new("/tmp/mailsetup-ann"));
        assert_ne!(no_home_dir(t, Some("ann")), no_home_dir(t, Some("bob")));
        // Nothing of the name leaves the temporary folder.
        assert_eq!(
            no_home_dir(t, Some("../../etc")),
            Path::new("/tmp/mailsetup-....etc")
        );
        for odd in [None, Some(""), Some(".."), Some("/")] {
            assert_eq!(
                no_home_dir(t, odd),
                Path::new("/tmp/mailsetup-user"),
                "{odd:?}"
            );
        }
    }
}
