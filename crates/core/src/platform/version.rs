//! How the report names the computer's operating system: the real version a helpdesk asks
//! for, e.g. `Windows 11 Pro 24H2 (build 26100.2314)`, `macOS 15.1 (24B83)`,
//! `Debian GNU/Linux 12 (bookworm), kernel 6.1.0-28-amd64`.
//!
//! Each OS's rule is a pure formatter of what the OS itself reports:
//! - Windows: the values of `HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion` (`ProductName`,
//!   `EditionID`, `DisplayVersion` or, before 20H2, `ReleaseId`, `CurrentBuildNumber`, `UBR`).
//!   `ProductName` still says "Windows 10" on Windows 11; build 22000 was the first Windows 11
//!   build (<https://learn.microsoft.com/en-us/windows/release-health/windows11-release-information>),
//!   so a "Windows 10" name with a build of 22000 or more is named Windows 11. (The `os_info`
//!   crate was not used: it reports neither `DisplayVersion` nor the kernel on Linux.)
//! - macOS: the output of `sw_vers` (`ProductName`, `ProductVersion`, `BuildVersion`;
//!   `man sw_vers`).
//! - Linux: `/etc/os-release` (`PRETTY_NAME`, else `NAME` and `VERSION`; os-release(5),
//!   <https://www.freedesktop.org/software/systemd/man/latest/os-release.html>) and the kernel
//!   release (`/proc/sys/kernel/osrelease`, as `uname -r` prints it).

use super::Os;

/// The values of `HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion` the description uses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WindowsVersion {
    /// `ProductName`, e.g. `Windows 10 Pro` (also on Windows 11).
    pub product_name: Option<String>,
    /// `DisplayVersion`, e.g. `24H2` (Windows 10 20H2 and later).
    pub display_version: Option<String>,
    /// `ReleaseId`, e.g. `1909` (older Windows 10; frozen at `2009` later).
    pub release_id: Option<String>,
    /// `CurrentBuildNumber`, e.g. `26100`.
    pub build: Option<String>,
    /// `UBR` (update build revision), e.g. `2314`.
    pub ubr: Option<u32>,
}

/// The first Windows 11 build.
const FIRST_WINDOWS_11_BUILD: u32 = 22000;

/// `Windows 11 Pro 24H2 (build 26100.2314)`.
pub fn windows_description(v: &WindowsVersion) -> String {
    let build: Option<u32> = v.build.as_deref().and_then(|b| b.trim().parse().ok());
    let mut name = v
        .product_name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .unwrap_or("Windows")
        .to_owned();
    if build.is_some_and(|b| b >= FIRST_WINDOWS_11_BUILD)
        && let Some(rest) = name.strip_prefix("Windows 10")
    {
        name = format!("Windows 11{rest}");
    }
    let release = v
        .display_version
        .as_deref()
        .or(v.release_id.as_deref())
        .map(str::trim)
        .filter(|r| !r.is_empty());
    if let Some(r) = release {
        name = format!("{name} {r}");
    }
    match (build, v.ubr) {
        (Some(b), Some(u)) => format!("{name} (build {b}.{u})"),
        (Some(b), None) => format!("{name} (build {b})"),
        _ => name,
    }
}

/// `macOS 15.1 (24B83)` from the output of `sw_vers`.
pub fn macos_description(sw_vers: &str) -> Option<String> {
    let field = |key: &str| {
        sw_vers.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            (k.trim() == key).then(|| v.trim().to_owned())
        })
    };
    let version = field("ProductVersion").filter(|v| !v.is_empty())?;
    let name = field("ProductName")
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "macOS".into());
    Some(match field("BuildVersion").filter(|b| !b.is_empty()) {
        Some(b) => format!("{name} {version} ({b})"),
        None => format!("{name} {version}"),
    })
}

/// `Debian GNU/Linux 12 (bookworm), kernel 6.1.0-28-amd64` from `/etc/os-release` and the
/// kernel release; either may be missing.
pub fn linux_description(os_release: Option<&str>, kernel: Option<&str>) -> Option<String> {
    let field = |key: &str| {
        os_release?.lines().find_map(|l| {
            let v = l.trim().strip_prefix(key)?.strip_prefix('=')?;
            let v = v.trim().trim_matches('"').trim_matches('\'').trim();
            (!v.is_empty()).then(|| v.to_owned())
        })
    };
    let distro = field("PRETTY_NAME").or_else(|| match (field("NAME"), field("VERSION")) {
        (Some(n), Some(v)) => Some(format!("{n} {v}")),
        (n, _) => n,
    });
    let kernel = kernel
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(|k| format!("kernel {k}"));
    match (distro, kernel) {
        (Some(d), Some(k)) => Some(format!("{d}, {k}")),
        (d, k) => d.or(k),
    }
}

/// The running system's description followed by `(os arch)`, e.g.
/// `macOS 15.1 (24B83) (macos aarch64)`; just `(os arch)` when the OS did not say.
pub fn describe_current() -> String {
    let base = format!("{} {}", std::env::consts::OS, std::env::consts::ARCH);
    let named = match Os::current() {
        Os::Windows => current_windows().map(|v| windows_description(&v)),
        Os::MacOs => std::process::Command::new("sw_vers")
            .output()
            .ok()
            .and_then(|o| macos_description(&String::from_utf8_lossy(&o.stdout))),
        Os::Linux => linux_description(
            std::fs::read_to_string("/etc/os-release")
                .or_else(|_| std::fs::read_to_string("/usr/lib/os-release"))
                .ok()
                .as_deref(),
            std::fs::read_to_string("/proc/sys/kernel/osrelease")
                .ok()
                .as_deref(),
        ),
    };
    match named {
        Some(n) => format!("{n} ({base})"),
        None => base,
    }
}

#[cfg(windows)]
fn current_windows() -> Option<WindowsVersion> {
    let key = windows_registry::LOCAL_MACHINE
        .open(r"SOFTWARE\Microsoft\Windows NT\CurrentVersion")
        .ok()?;
    Some(WindowsVersion {
        product_name: key.get_string("ProductName").ok(),
        display_version: key.get_string("DisplayVersion").ok(),
        release_id: key.get_string("ReleaseId").ok(),
        build: key.get_string("CurrentBuildNumber").ok(),
        ubr: key.get_u32("UBR").ok(),
    })
}

#[cfg(not(windows))]
fn current_windows() -> Option<WindowsVersion> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn win(name: &str, display: Option<&str>, build: &str, ubr: Option<u32>) -> WindowsVersion {
        WindowsVersion {
            product_name: Some(name.into()),
            display_version: display.map(Into::into),
            release_id: Some("2009".into()),
            build: Some(build.into()),
            ubr,
        }
    }

    #[test]
    fn windows_11_is_named_by_its_build_not_its_product_name() {
        // The registry of a Windows 11 24H2 Pro machine says "Windows 10 Pro".
        assert_eq!(
            windows_description(&win("Windows 10 Pro", Some("24H2"), "26100", Some(2314))),
            "Windows 11 Pro 24H2 (build 26100.2314)"
        );
        assert_eq!(
            windows_description(&win("Windows 10 Enterprise", Some("21H2"), "22000", None)),
            "Windows 11 Enterprise 21H2 (build 22000)"
        );
        assert_eq!(
            windows_description(&win("Windows 10 Pro", Some("22H2"), "19045", Some(5131))),
            "Windows 10 Pro 22H2 (build 19045.5131)"
        );
        // A server keeps its own name whatever the build.
        assert_eq!(
            windows_description(&win(
                "Windows Server 2025 Datacenter",
                Some("24H2"),
                "26100",
                Some(1742)
            )),
            "Windows Server 2025 Datacenter 24H2 (build 26100.1742)"
        );
        // Before 20H2 there is no DisplayVersion: ReleaseId names the release.
        let old = WindowsVersion {
            product_name: Some("Windows 10 Home".into()),
            display_version: None,
            release_id: Some("1909".into()),
            build: Some("18363".into()),
            ubr: Some(1556),
        };
        assert_eq!(
            windows_description(&old),
            "Windows 10 Home 1909 (build 18363.1556)"
        );
        assert_eq!(windows_description(&WindowsVersion::default()), "Windows");
    }

    #[test]
    fn macos_from_sw_vers() {
        let out = "ProductName:\t\tmacOS\nProductVersion:\t\t15.1\nBuildVersion:\t\t24B83\n";
        assert_eq!(macos_description(out).unwrap(), "macOS 15.1 (24B83)");
        let old = "ProductName:\tMac OS X\nProductVersion:\t10.15.7\nBuildVersion:\t19H2026\n";
        assert_eq!(
            macos_description(old).unwrap(),
            "Mac OS X 10.15.7 (19H2026)"
        );
        assert_eq!(macos_description(""), None);
    }

    #[test]
    fn linux_from_os_release_and_kernel() {
        let debian = "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nVERSION=\"12 (bookworm)\"\nID=debian\n";
        assert_eq!(
            linux_description(Some(debian), Some("6.1.0-28-amd64\n")).unwrap(),
            "Debian GNU/Linux 12 (bookworm), kernel 6.1.0-28-amd64"
        );
        let no_pretty = "NAME=Fedora\nVERSION='41 (Workstation Edition)'\n";
        assert_eq!(
            linux_description(Some(no_pretty), None).unwrap(),
            "Fedora 41 (Workstation Edition)"
        );
        assert_eq!(
            linux_description(None, Some("6.8.0-49-generic")).unwrap(),
            "kernel 6.8.0-49-generic"
        );
        assert_eq!(linux_description(None, None), None);
    }
}
