//! Windows: the per-user proxy setting of Internet Options (WinINet), the one Edge, Chrome and
//! most Windows programs follow, read from
//! `HKCU\Software\Microsoft\Windows\CurrentVersion\Internet Settings` (or from `HKLM`, when the
//! `ProxySettingsPerUser` policy is 0).
//!
//! The values and their forms (sources: "Understanding Web Proxy Configuration",
//! <https://learn.microsoft.com/en-us/archive/blogs/ieinternals/understanding-web-proxy-configuration>;
//! WinINet's proxy list and bypass list syntax, "Enabling Internet Functionality",
//! <https://learn.microsoft.com/en-us/windows/win32/wininet/enabling-internet-functionality>):
//! - `ProxyEnable` (DWORD): 1 when "Use a proxy server" is on; `ProxyServer` is kept when it is
//!   turned off, and then means nothing;
//! - `ProxyServer`: `host:port` for every protocol, or per protocol
//!   `http=host:port;https=host:port;socks=host:port` (an https URL with no `https=` entry goes
//!   direct), optionally with a scheme (`http://host:port`);
//! - `ProxyOverride`: `;`-separated hosts that go direct, with `*` wildcards and `<local>`
//!   (names without a dot);
//! - `AutoConfigURL`: the proxy auto-config script ("Use setup script"). The app does not run
//!   PAC scripts: it is reported, and the manual proxy (if any) is used instead.
//!
//! "Automatically detect settings" (WPAD) lives in a binary blob
//! (`Connections\DefaultConnectionSettings`) whose layout Microsoft does not document: not read.

use super::system::{SystemProxy, SystemSource};

/// The registry values read (each `None` when absent).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InternetSettings {
    /// `ProxyEnable`.
    pub proxy_enable: Option<u32>,
    /// `ProxyServer`.
    pub proxy_server: Option<String>,
    /// `ProxyOverride`.
    pub proxy_override: Option<String>,
    /// `AutoConfigURL`.
    pub auto_config_url: Option<String>,
}

/// The system proxy these values describe; `None` when they set nothing.
pub fn parse(v: &InternetSettings) -> Option<SystemProxy> {
    let mut p = SystemProxy::new(SystemSource::WindowsInternetOptions);
    p.pac_url = v
        .auto_config_url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .map(str::to_owned);
    if v.proxy_enable.unwrap_or(0) != 0 {
        let server = v.proxy_server.as_deref().unwrap_or("");
        let entries: Vec<&str> = server
            .split(';')
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .collect();
        if entries.iter().any(|e| e.contains('=')) {
            for entry in entries {
                let Some((scheme, value)) = entry.split_once('=') else {
                    continue;
                };
                match scheme.trim().to_ascii_lowercase().as_str() {
                    "https" => p.https = proxy_url(value),
                    "socks" => p.socks = Some(value.trim().to_owned()).filter(|s| !s.is_empty()),
                    _ => {}
                }
            }
        } else if let Some(first) = entries.first() {
            p.https = proxy_url(first);
        }
        if p.https.is_some() {
            p.exceptions = v
                .proxy_override
                .as_deref()
                .unwrap_or("")
                .split(';')
                .map(str::trim)
                .filter(|e| !e.is_empty())
                .map(str::to_owned)
                .collect();
            p.bypass_simple_names = p
                .exceptions
                .iter()
                .any(|e| e.eq_ignore_ascii_case("<local>"));
        }
    }
    p.nonempty()
}

/// `proxy:8080` → `http://proxy:8080`; a value with a scheme keeps it. A `user:password@`
/// (not a WinINet form: WinINet asks for proxy credentials itself) is dropped, so it is never
/// shown.
fn proxy_url(value: &str) -> Option<String> {
    let value = value.trim();
    if value.is_empty() {
        None
    } else if value.contains("://") {
        Some(super::without_credentials(value))
    } else {
        Some(super::without_credentials(&format!("http://{value}")))
    }
}

/// Reads the running user's setting.
#[cfg(windows)]
pub fn current() -> Option<SystemProxy> {
    use windows_registry::{CURRENT_USER, LOCAL_MACHINE};
    const PATH: &str = r"Software\Microsoft\Windows\CurrentVersion\Internet Settings";
    let per_machine = LOCAL_MACHINE
        .open(r"SOFTWARE\Policies\Microsoft\Windows\CurrentVersion\Internet Settings")
        .and_then(|k| k.get_u32("ProxySettingsPerUser"))
        .is_ok_and(|v| v == 0);
    let key = if per_machine {
        LOCAL_MACHINE.open(PATH)
    } else {
        CURRENT_USER.open(PATH)
    }
    .ok()?;
    parse(&InternetSettings {
        proxy_enable: key.get_u32("ProxyEnable").ok(),
        proxy_server: key.get_string("ProxyServer").ok(),
        proxy_override: key.get_string("ProxyOverride").ok(),
        auto_config_url: key.get_string("AutoConfigURL").ok(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(enable: u32, server: &str, over: &str, pac: Option<&str>) -> InternetSettings {
        InternetSettings {
            proxy_enable: Some(enable),
            proxy_server: Some(server.into()),
            proxy_override: Some(over.into()),
            auto_config_url: pac.map(Into::into),
        }
    }

    #[test]
    fn one_proxy_for_every_protocol() {
        let p = parse(&settings(
            1,
            "proxy.contoso.com:8080",
            "*.contoso.com;10.*;<local>",
            None,
        ))
        .unwrap();
        assert_eq!(p.https.as_deref(), Some("http://proxy.contoso.com:8080"));
        assert_eq!(p.exceptions, ["*.contoso.com", "10.*", "<local>"]);
        assert!(p.bypass_simple_names);
        assert_eq!(p.proxy_for("login.microsoftonline.com"), p.https.as_deref());
        assert_eq!(p.proxy_for("sts.contoso.com"), None);
        assert_eq!(p.proxy_for("intranet"), None);
    }

    #[test]
    fn a_proxy_per_protocol() {
        let p = parse(&settings(
            1,
            "http=web.contoso.com:3128;https=secure.contoso.com:3129;ftp=ftp.contoso.com:21;socks=socks.contoso.com:1080",
            "",
            None,
        ))
        .unwrap();
        assert_eq!(p.https.as_deref(), Some("http://secure.contoso.com:3129"));
        assert_eq!(p.socks.as_deref(), Some("socks.contoso.com:1080"));
        assert!(!p.bypass_simple_names);
        // Only an http= entry: https goes direct.
        assert_eq!(
            parse(&settings(1, "http=web.contoso.com:3128", "", None)),
            None
        );
        assert_eq!(
            parse(&settings(1, "http://proxy.contoso.com:8080", "", None))
                .unwrap()
                .https
                .as_deref(),
            Some("http://proxy.contoso.com:8080")
        );
        // Credentials are never kept (nor shown).
        for with_password in [
            "ann:s3cret@proxy.contoso.com:8080",
            "https=http://ann:s3cret@proxy.contoso.com:8080",
        ] {
            let p = parse(&settings(1, with_password, "", None)).unwrap();
            assert_eq!(
                p.https.as_deref(),
                Some("http://proxy.contoso.com:8080/"),
                "{with_password}"
            );
        }
    }

    #[test]
    fn a_turned_off_proxy_and_a_setup_script() {
        // ProxyServer stays in the registry after "Use a proxy server" is turned off.
        assert_eq!(
            parse(&settings(0, "proxy.contoso.com:8080", "<local>", None)),
            None
        );
        assert_eq!(parse(&InternetSettings::default()), None);
        let pac = parse(&settings(
            0,
            "proxy.contoso.com:8080",
            "",
            Some("http://wpad.contoso.com/proxy.pac"),
        ))
        .unwrap();
        assert_eq!(
            pac.pac_url.as_deref(),
            Some("http://wpad.contoso.com/proxy.pac")
        );
        assert_eq!(pac.https, None);
        assert_eq!(pac.proxy_for("login.microsoftonline.com"), None);
    }
}
