//! The proxy the sign-in uses, and what the connection check says about it (behind a company
//! proxy the sign-in server looks unreachable: <https://github.com/O365/python-o365/issues/550>;
//! test `field_f23_diagnose_names_the_proxy_and_keeps_mail_checks_apart` in
//! crates/cli/tests/diagnosis.rs).
//!
//! HTTPS to the identity provider (discovery, sign-in, token refresh: the `reqwest` client of
//! [`crate::oauth::client::http_client`]) goes through, in this order:
//! 1. the environment variables, when `HTTPS_PROXY` or `ALL_PROXY` (upper or lower case) is
//!    set: `reqwest` reads them itself, with `NO_PROXY` (its `system-proxy` feature is off, so
//!    it reads nothing else);
//! 2. else the operating system's manual proxy for HTTPS ([`SystemProxy`]): Windows Internet
//!    Options ([`wininet`]) or the macOS network settings ([`scutil`]), with its own exception
//!    list; Linux has no system setting beyond the variables;
//! 3. else directly.
//!
//! `reqwest` 0.12 with `system-proxy` would read the same Windows and macOS settings (through
//! `hyper-util`), but it takes a per-protocol `ProxyServer` (`http=…;https=…`) as one proxy
//! address, ignores `<local>` and the macOS exception list, and lets the system setting win over
//! `ALL_PROXY`; so the app reads the setting itself and hands `reqwest` the result.
//!
//! A proxy auto-config script (PAC) or automatic discovery (WPAD) is never run: the check says
//! so, and which way the sign-in goes instead. SMTP and IMAP are not HTTP and never go through
//! a web proxy: their ports must be open directly.

use serde::{Deserialize, Serialize};

pub mod scutil;
pub mod system;
pub mod wininet;

pub use system::{SystemProxy, SystemSource};

/// The proxy settings in effect; credentials in proxy URLs are removed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProxyFacts {
    /// `NAME=value` for every proxy variable set, with `user:password@` removed.
    pub variables: Vec<String>,
    /// The operating system's proxy setting, when it sets anything (Windows, macOS).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<SystemProxy>,
}

const VARIABLES: &[&str] = &[
    "HTTPS_PROXY",
    "https_proxy",
    "HTTP_PROXY",
    "http_proxy",
    "ALL_PROXY",
    "all_proxy",
    "NO_PROXY",
    "no_proxy",
];

/// The variables that choose a proxy for `https` destinations (as `reqwest` reads them).
const HTTPS_VARIABLES: &[&str] = &["HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"];

/// Which way the sign-in's HTTPS goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route<'a> {
    /// Through the proxy the environment variables name.
    Environment,
    /// Through the system's manual proxy (except for its exceptions).
    System(&'a SystemProxy, &'a str),
    /// Directly.
    Direct,
}

impl ProxyFacts {
    /// The running process's: its environment and the OS setting.
    pub fn current() -> ProxyFacts {
        Self::from_lookup(|name| std::env::var(name).ok()).with_system(system_setting())
    }

    /// Reads variables through `lookup` (for tests); no system setting.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> ProxyFacts {
        let variables = VARIABLES
            .iter()
            .filter_map(|name| {
                let value = lookup(name).filter(|v| !v.trim().is_empty())?;
                Some(format!("{name}={}", without_credentials(&value)))
            })
            .collect();
        ProxyFacts {
            variables,
            system: None,
        }
    }

    /// With the OS setting `system`.
    pub fn with_system(mut self, system: Option<SystemProxy>) -> ProxyFacts {
        self.system = system;
        self
    }

    fn env_https(&self) -> bool {
        self.variables.iter().any(|v| {
            v.split_once('=')
                .is_some_and(|(name, _)| HTTPS_VARIABLES.contains(&name))
        })
    }

    /// Which way the sign-in goes (see the module docs for the order).
    pub fn route(&self) -> Route<'_> {
        if self.env_https() {
            return Route::Environment;
        }
        match &self.system {
            Some(s) => match s.https.as_deref() {
                Some(proxy) => Route::System(s, proxy),
                None => Route::Direct,
            },
            None => Route::Direct,
        }
    }

    /// Gives `builder` the proxy of [`Self::route`].
    pub fn apply(&self, builder: reqwest::ClientBuilder) -> reqwest::ClientBuilder {
        match self.route() {
            // reqwest reads the variables itself when no proxy is given.
            Route::Environment | Route::Direct => builder,
            Route::System(system, _) => {
                let system = system.clone();
                builder.proxy(reqwest::Proxy::custom(move |url| {
                    system.proxy_for(url.host_str()?).map(str::to_owned)
                }))
            }
        }
    }

    /// What the sign-in uses, in words (for the report).
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        let tr_with = crate::l10n::tr_with;
        let variables = || ("variables", self.variables.join(", ").into());
        let unused_vars = match self.route() {
            Route::Environment => {
                parts.push(
                    match self.system.as_ref().and_then(|s| s.https.as_deref()) {
                        Some(p) => tr_with(
                            "detail-proxy-environment-over-system",
                            &[variables(), ("proxy", p.to_owned().into())],
                        ),
                        None => tr_with("detail-proxy-environment", &[variables()]),
                    },
                );
                false
            }
            Route::System(system, proxy) => {
                let args = [
                    ("proxy", proxy.to_owned().into()),
                    ("source", system.source.label().into()),
                    ("exceptions", system.exceptions.join(" ").into()),
                ];
                parts.push(if system.exceptions.is_empty() {
                    tr_with("detail-proxy-system", &args[..2])
                } else {
                    tr_with("detail-proxy-system-with-exceptions", &args)
                });
                true
            }
            Route::Direct => {
                parts.push(crate::l10n::tr(if self.system.is_some() {
                    "detail-proxy-no-manual-proxy"
                } else {
                    "detail-proxy-no-proxy"
                }));
                true
            }
        };
        if unused_vars && !self.variables.is_empty() {
            parts.push(tr_with("detail-proxy-unused-variables", &[variables()]));
        }
        if let Some(system) = &self.system {
            let direct = matches!(self.route(), Route::Direct);
            if let Some(pac) = &system.pac_url {
                let id = if direct {
                    "detail-proxy-pac-direct"
                } else {
                    "detail-proxy-pac-through-proxy"
                };
                parts.push(tr_with(id, &[("pac", pac.clone().into())]));
            }
            if system.auto_discovery {
                parts.push(crate::l10n::tr(if direct {
                    "detail-proxy-wpad-direct"
                } else {
                    "detail-proxy-wpad-through-proxy"
                }));
            }
            if let Some(socks) = &system.socks {
                parts.push(tr_with(
                    "detail-proxy-socks",
                    &[("socks", socks.clone().into())],
                ));
            }
        }
        parts.join("; ")
    }

    /// One line for progress: [`Self::summary`] and that mail never uses a web proxy.
    pub fn describe(&self) -> String {
        let mail = if matches!(self.route(), Route::Direct)
            && self.system.is_none()
            && self.variables.is_empty()
        {
            crate::l10n::tr("detail-proxy-mail-direct")
        } else {
            crate::l10n::tr("detail-proxy-mail-ports")
        };
        format!("{}; {mail}", self.summary())
    }
}

/// The proxy for the app's HTTPS client: [`ProxyFacts::current`] applied to `builder`.
pub fn configure(builder: reqwest::ClientBuilder) -> reqwest::ClientBuilder {
    ProxyFacts::current().apply(builder)
}

/// The OS setting: [`wininet`] on Windows.
#[cfg(windows)]
fn system_setting() -> Option<SystemProxy> {
    wininet::current()
}

/// The OS setting: [`scutil`] on macOS.
#[cfg(target_os = "macos")]
fn system_setting() -> Option<SystemProxy> {
    scutil::current()
}

/// No system setting beyond the environment variables elsewhere.
#[cfg(not(any(windows, target_os = "macos")))]
fn system_setting() -> Option<SystemProxy> {
    None
}

/// `http://user:pass@proxy:3128` → `http://proxy:3128`.
fn without_credentials(value: &str) -> String {
    match url::Url::parse(value) {
        Ok(mut u) if !u.username().is_empty() || u.password().is_some() => {
            let _ = u.set_username("");
            let _ = u.set_password(None);
            u.to_string()
        }
        Ok(_) => value.to_string(),
        Err(_) => match value.rsplit_once('@') {
            Some((_, host)) => host.to_string(),
            None => value.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proxy_credentials_never_shown() {
        let p = ProxyFacts::from_lookup(|n| match n {
            "HTTPS_PROXY" => Some("http://ann:s3cret@proxy.example.edu:3128".into()),
            "no_proxy" => Some("localhost,127.0.0.1".into()),
            _ => None,
        });
        assert_eq!(
            p.variables,
            [
                "HTTPS_PROXY=http://proxy.example.edu:3128/",
                "no_proxy=localhost,127.0.0.1"
            ]
        );
        assert!(!p.describe().contains("s3cret"));
        assert!(
            ProxyFacts::from_lookup(|_| None)
                .describe()
                .starts_with("no proxy")
        );
    }

    fn system(https: Option<&str>, pac: Option<&str>) -> SystemProxy {
        SystemProxy {
            https: https.map(Into::into),
            exceptions: vec!["<local>".into(), "*.contoso.com".into()],
            bypass_simple_names: true,
            pac_url: pac.map(Into::into),
            ..SystemProxy::new(SystemSource::WindowsInternetOptions)
        }
    }

    #[test]
    fn the_environment_comes_before_the_system_setting() {
        let sys = system(Some("http://proxy.contoso.com:8080"), None);
        let env = ProxyFacts::from_lookup(|n| (n == "ALL_PROXY").then(|| "http://env:3128".into()))
            .with_system(Some(sys.clone()));
        assert_eq!(env.route(), Route::Environment);
        assert!(
            env.summary()
                .contains("the system proxy http://proxy.contoso.com:8080 is not used"),
            "{}",
            env.summary()
        );
        // NO_PROXY or HTTP_PROXY alone do not choose a proxy for https.
        let only_http =
            ProxyFacts::from_lookup(|n| (n == "HTTP_PROXY").then(|| "http://web:80".into()))
                .with_system(Some(sys));
        assert!(matches!(
            only_http.route(),
            Route::System(_, "http://proxy.contoso.com:8080")
        ));
        let text = only_http.describe();
        assert!(text.starts_with("sign-in through the system proxy http://proxy.contoso.com:8080 (Windows proxy settings; not for <local> *.contoso.com)"), "{text}");
        assert!(
            text.contains("set but not used for the sign-in (https): HTTP_PROXY=http://web:80"),
            "{text}"
        );
        assert!(
            text.ends_with("so its ports must be open directly"),
            "{text}"
        );
    }

    #[test]
    fn a_pac_script_is_reported_not_run() {
        let pac_only = ProxyFacts::default().with_system(Some(system(
            None,
            Some("http://wpad.contoso.com/proxy.pac"),
        )));
        assert_eq!(pac_only.route(), Route::Direct);
        let text = pac_only.summary();
        assert!(text.starts_with("no manual proxy set: sign-in goes directly to the internet; a proxy auto-config script is set (http://wpad.contoso.com/proxy.pac): the app does not run PAC scripts and connects directly"), "{text}");
        let both = ProxyFacts::default().with_system(Some(system(
            Some("http://p:1"),
            Some("http://wpad/wpad.dat"),
        )));
        assert!(
            both.summary()
                .contains("does not run PAC scripts and uses the proxy above")
        );
    }

    /// The client really goes through the system proxy: it asks it to CONNECT to the host.
    #[tokio::test]
    async fn the_sign_in_client_tunnels_through_the_system_proxy() {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let proxy = format!("http://{}", listener.local_addr().unwrap());
        let seen = tokio::spawn(async move {
            let (mut s, _) = listener.accept().await.unwrap();
            let mut buf = vec![0u8; 1024];
            let n = s.read(&mut buf).await.unwrap();
            let _ = s
                .write_all(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
                .await;
            String::from_utf8_lossy(&buf[..n]).into_owned()
        });
        let facts = ProxyFacts::default().with_system(Some(system(Some(&proxy), None)));
        let client = facts.apply(reqwest::Client::builder()).build().unwrap();
        assert!(
            client
                .get("https://login.example.invalid/x")
                .send()
                .await
                .is_err()
        );
        let request = seen.await.unwrap();
        assert!(
            request.starts_with("CONNECT login.example.invalid:443 "),
            "{request}"
        );
    }
}
