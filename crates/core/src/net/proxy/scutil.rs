//! macOS: the proxy setting of the network settings, as `scutil --proxy` prints it (the
//! dictionary `SCDynamicStoreCopyProxies` returns; keys from `SCSchemaDefinitions.h`:
//! <https://developer.apple.com/documentation/systemconfiguration/scschemadefinitions>, and
//! Apple's Technical Q&A QA1234 "Accessing HTTPS Proxy Settings").
//!
//! Keys used: `HTTPSEnable`, `HTTPSProxy`, `HTTPSPort` (the "Secure web proxy (HTTPS)"),
//! `ExceptionsList` ("Bypass proxy settings for these hosts & domains", e.g. `*.local`,
//! `169.254/16`), `ExcludeSimpleHostnames`, `ProxyAutoConfigEnable` and
//! `ProxyAutoConfigURLString` (a PAC script: reported, never run),
//! `ProxyAutoDiscoveryEnable` (WPAD: reported), `SOCKSEnable`, `SOCKSProxy`, `SOCKSPort`
//! (reported, never used). Only the top-level keys count: the per-interface copies under
//! `__SCOPED__` are the same settings per network service.

use std::collections::HashMap;

use super::system::{SystemProxy, SystemSource};

/// The system proxy `scutil --proxy` printed; `None` when it sets nothing.
pub fn parse(output: &str) -> Option<SystemProxy> {
    let mut depth = 0usize;
    let mut in_exceptions = false;
    let mut top: HashMap<&str, &str> = HashMap::new();
    let mut exceptions = Vec::new();
    for line in output.lines() {
        let line = line.trim();
        if line == "}" {
            depth = depth.saturating_sub(1);
            if depth <= 1 {
                in_exceptions = false;
            }
            continue;
        }
        let (key, value) = match line.split_once(" : ") {
            Some((k, v)) => (k.trim(), v.trim()),
            None => ("", line),
        };
        let opens = value.ends_with('{');
        match depth {
            1 if opens => in_exceptions = key == "ExceptionsList",
            1 => {
                top.insert(key, value);
            }
            2 if in_exceptions && !opens => exceptions.push(value.to_owned()),
            _ => {}
        }
        if opens {
            depth += 1;
        }
    }
    let on = |k: &str| top.get(k).is_some_and(|v| *v == "1");
    let text = |k: &str| top.get(k).map(|v| v.to_string()).filter(|v| !v.is_empty());
    let host_port = |host: &str, port: &str| {
        text(host).map(|h| match text(port) {
            Some(p) => format!("{h}:{p}"),
            None => h,
        })
    };
    let mut p = SystemProxy::new(SystemSource::MacosNetworkSettings);
    if on("HTTPSEnable") {
        p.https = host_port("HTTPSProxy", "HTTPSPort").map(|hp| format!("http://{hp}"));
    }
    if p.https.is_some() {
        p.exceptions = exceptions;
        p.bypass_simple_names = on("ExcludeSimpleHostnames");
    }
    if on("ProxyAutoConfigEnable") {
        p.pac_url = text("ProxyAutoConfigURLString");
    }
    p.auto_discovery = on("ProxyAutoDiscoveryEnable");
    if on("SOCKSEnable") {
        p.socks = host_port("SOCKSProxy", "SOCKSPort");
    }
    p.nonempty()
}

/// Runs `scutil --proxy`.
#[cfg(target_os = "macos")]
pub fn current() -> Option<SystemProxy> {
    let out = std::process::Command::new("/usr/sbin/scutil")
        .arg("--proxy")
        .output()
        .ok()?;
    parse(&String::from_utf8_lossy(&out.stdout))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A Mac with no proxy (the factory setting).
    const NONE: &str = "<dictionary> {
  ExceptionsList : <array> {
    0 : *.local
    1 : 169.254/16
  }
  FTPPassive : 1
  HTTPEnable : 0
  HTTPSEnable : 0
}
";

    /// A managed Mac: a secure web proxy, bypass list, a PAC script, and per-interface copies.
    const MANAGED: &str = "<dictionary> {
  ExceptionsList : <array> {
    0 : *.local
    1 : 169.254/16
    2 : *.contoso.com
  }
  ExcludeSimpleHostnames : 1
  FTPPassive : 1
  HTTPEnable : 1
  HTTPPort : 3128
  HTTPProxy : web.contoso.com
  HTTPSEnable : 1
  HTTPSPort : 3129
  HTTPSProxy : secure.contoso.com
  ProxyAutoConfigEnable : 1
  ProxyAutoConfigURLString : http://wpad.contoso.com/proxy.pac
  ProxyAutoDiscoveryEnable : 0
  SOCKSEnable : 0
  __SCOPED__ : <dictionary> {
    en0 : <dictionary> {
      ExceptionsList : <array> {
        0 : *.other
      }
      HTTPSEnable : 1
      HTTPSPort : 9999
      HTTPSProxy : scoped.example
    }
  }
}
";

    #[test]
    fn no_proxy_is_none() {
        assert_eq!(parse(NONE), None);
        assert_eq!(parse(""), None);
    }

    #[test]
    fn a_managed_mac() {
        let p = parse(MANAGED).unwrap();
        assert_eq!(p.source, SystemSource::MacosNetworkSettings);
        assert_eq!(p.https.as_deref(), Some("http://secure.contoso.com:3129"));
        assert_eq!(p.exceptions, ["*.local", "169.254/16", "*.contoso.com"]);
        assert!(p.bypass_simple_names);
        assert_eq!(
            p.pac_url.as_deref(),
            Some("http://wpad.contoso.com/proxy.pac")
        );
        assert!(!p.auto_discovery);
        assert_eq!(p.socks, None);
        assert_eq!(p.proxy_for("169.254.10.1"), None);
        assert_eq!(p.proxy_for("sts.contoso.com"), None);
        assert_eq!(p.proxy_for("printer"), None);
        assert_eq!(
            p.proxy_for("login.microsoftonline.com"),
            Some("http://secure.contoso.com:3129")
        );
    }

    #[test]
    fn only_a_pac_script_or_discovery() {
        let pac = "<dictionary> {\n  ProxyAutoConfigEnable : 1\n  ProxyAutoConfigURLString : http://wpad/wpad.dat\n  ProxyAutoDiscoveryEnable : 1\n}\n";
        let p = parse(pac).unwrap();
        assert_eq!(p.https, None);
        assert_eq!(p.pac_url.as_deref(), Some("http://wpad/wpad.dat"));
        assert!(p.auto_discovery);
    }
}
