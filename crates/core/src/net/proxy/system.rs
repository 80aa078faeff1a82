//! The operating system's proxy setting, read into one [`SystemProxy`] value (by
//! [`super::wininet`] on Windows and [`super::scutil`] on macOS), and which hosts it sends
//! through the proxy.
//!
//! Only what HTTPS needs is used: the manual proxy for `https` destinations and its exception
//! list. A proxy auto-config script (PAC) and automatic discovery (WPAD) are reported, never
//! run; a SOCKS proxy is reported, never used.

use serde::{Deserialize, Serialize};

/// Where the system setting was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SystemSource {
    /// Windows Internet Options (WinINet, `HKCU\...\Internet Settings`).
    WindowsInternetOptions,
    /// macOS network settings (`scutil --proxy`).
    MacosNetworkSettings,
}

impl SystemSource {
    /// Its name in the user's words.
    pub fn label(self) -> String {
        crate::l10n::tr(match self {
            SystemSource::WindowsInternetOptions => "detail-proxy-source-windows",
            SystemSource::MacosNetworkSettings => "detail-proxy-source-macos",
        })
    }
}

/// The system's proxy setting as far as HTTPS is concerned. Nothing secret in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SystemProxy {
    /// Where it was read.
    pub source: SystemSource,
    /// The proxy for `https` destinations, e.g. `http://proxy.contoso.com:8080`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub https: Option<String>,
    /// Hosts that go direct, as written (`<local>`, `*.contoso.com`, `10.*`, `169.254/16`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exceptions: Vec<String>,
    /// Whether names without a dot go direct (`<local>`, `ExcludeSimpleHostnames`).
    #[serde(default)]
    pub bypass_simple_names: bool,
    /// The proxy auto-config script's address, when one is set (never run by the app).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pac_url: Option<String>,
    /// Whether automatic proxy discovery (WPAD) is on (never done by the app).
    #[serde(default)]
    pub auto_discovery: bool,
    /// A SOCKS proxy, when one is set (never used by the app).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub socks: Option<String>,
}

impl SystemProxy {
    /// An empty setting from `source`.
    pub fn new(source: SystemSource) -> SystemProxy {
        SystemProxy {
            source,
            https: None,
            exceptions: Vec::new(),
            bypass_simple_names: false,
            pac_url: None,
            auto_discovery: false,
            socks: None,
        }
    }

    /// `None` when the setting says nothing at all (no proxy, no script, no discovery).
    pub(crate) fn nonempty(self) -> Option<SystemProxy> {
        (self.https.is_some()
            || self.pac_url.is_some()
            || self.auto_discovery
            || self.socks.is_some())
        .then_some(self)
    }

    /// The proxy to use for `https://host`, or `None` to go direct.
    pub fn proxy_for(&self, host: &str) -> Option<&str> {
        let proxy = self.https.as_deref()?;
        (!self.bypasses(host)).then_some(proxy)
    }

    /// Whether `host` is in the exception list.
    pub fn bypasses(&self, host: &str) -> bool {
        let host = host.trim_start_matches('[').trim_end_matches(']');
        let ip: Option<std::net::IpAddr> = host.parse().ok();
        if self.bypass_simple_names && ip.is_none() && !host.contains('.') {
            return true;
        }
        self.exceptions.iter().any(|rule| {
            let rule = rule.trim();
            if rule.starts_with('<') {
                return false; // <local> is bypass_simple_names; <-loopback> changes nothing here
            }
            if let (Some(ip), Some(net)) = (ip, network(rule)) {
                return net.contains(&ip);
            }
            wildcard_match(&rule.to_ascii_lowercase(), &host.to_ascii_lowercase())
        })
    }
}

/// `169.254/16`, `10.0.0.0/8`, `fd00::/8` → the network. macOS writes IPv4 networks with the
/// trailing zero octets left out.
fn network(rule: &str) -> Option<ipnet::IpNet> {
    let (addr, len) = rule.split_once('/')?;
    if addr.contains(':') {
        return format!("{addr}/{len}").parse().ok();
    }
    let mut octets: Vec<&str> = addr.split('.').collect();
    if octets.is_empty() || octets.len() > 4 {
        return None;
    }
    octets.resize(4, "0");
    format!("{}/{len}", octets.join(".")).parse().ok()
}

/// `*` matches any run of characters (both lists use only this wildcard).
fn wildcard_match(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == text;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !text.starts_with(first) || text.len() < first.len() + last.len() || !text.ends_with(last) {
        return false;
    }
    let mut rest = &text[first.len()..text.len() - last.len()];
    for part in &parts[1..parts.len() - 1] {
        match rest.find(part) {
            Some(i) => rest = &rest[i + part.len()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(exceptions: &[&str], simple: bool) -> SystemProxy {
        SystemProxy {
            https: Some("http://proxy.contoso.com:8080".into()),
            exceptions: exceptions.iter().map(|e| e.to_string()).collect(),
            bypass_simple_names: simple,
            ..SystemProxy::new(SystemSource::WindowsInternetOptions)
        }
    }

    #[test]
    fn exceptions_send_matching_hosts_direct() {
        let p = with(
            &[
                "<local>",
                "*.contoso.com",
                "10.*",
                "192.168.1.*",
                "169.254/16",
                "intranet.example",
            ],
            true,
        );
        for direct in [
            "intranet",
            "adfs.contoso.com",
            "ADFS.Contoso.COM",
            "10.1.2.3",
            "192.168.1.20",
            "169.254.3.4",
            "intranet.example",
        ] {
            assert_eq!(p.proxy_for(direct), None, "{direct}");
        }
        for proxied in [
            "login.microsoftonline.com",
            "contoso.com.evil.example",
            "192.168.2.20",
            "11.1.2.3",
        ] {
            assert_eq!(
                p.proxy_for(proxied),
                Some("http://proxy.contoso.com:8080"),
                "{proxied}"
            );
        }
        // Without <local>, a name without a dot goes through the proxy too.
        assert!(with(&[], false).proxy_for("intranet").is_some());
    }

    #[test]
    fn wildcards() {
        assert!(wildcard_match("*.local", "mac.local"));
        assert!(!wildcard_match("*.local", "local"));
        assert!(wildcard_match("*", "anything"));
        assert!(wildcard_match("a*b*c", "aXbYc"));
        assert!(!wildcard_match("a*b*c", "aXcYb"));
        assert!(wildcard_match("10.*", "10.0.0.1"));
    }
}
