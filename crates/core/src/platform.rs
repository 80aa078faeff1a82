//! Which operating system the app runs on, as a value, so that every OS-specific rule can be a
//! pure function of it and be unit-tested on any OS.

use serde::Serialize;

/// An operating system the app supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Os {
    /// Microsoft Windows.
    Windows,
    /// Apple macOS.
    MacOs,
    /// Linux and the other Unix desktops (Secret Service, XDG folders).
    Linux,
}

impl Os {
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

    /// Every supported OS (for tests of the rules).
    pub const ALL: [Os; 3] = [Os::Windows, Os::MacOs, Os::Linux];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn current_matches_the_build_target() {
        let expected = if cfg!(windows) {
            Os::Windows
        } else if cfg!(target_os = "macos") {
            Os::MacOs
        } else {
            Os::Linux
        };
        assert_eq!(Os::current(), expected);
    }
}
