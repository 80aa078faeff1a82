//! Proxy settings in use, for diagnosis (field case F23: behind a company proxy the sign-in
//! server looks unreachable).
//!
//! HTTPS to the identity provider follows the standard variables (`HTTPS_PROXY`, `ALL_PROXY`,
//! `NO_PROXY`, upper or lower case), as `reqwest` does. SMTP and IMAP are not HTTP and never go
//! through such a proxy: their ports must be open directly.

use serde::{Deserialize, Serialize};

/// The proxy variables found in the environment; credentials in proxy URLs are removed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProxyFacts {
    /// `NAME=value` for every proxy variable set, with `user:password@` removed.
    pub variables: Vec<String>,
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

impl ProxyFacts {
    /// Reads the process environment.
    pub fn from_env() -> ProxyFacts {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads variables through `lookup` (for tests).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> ProxyFacts {
        let variables = VARIABLES
            .iter()
            .filter_map(|name| {
                let value = lookup(name).filter(|v| !v.trim().is_empty())?;
                Some(format!("{name}={}", without_credentials(&value)))
            })
            .collect();
        ProxyFacts { variables }
    }

    /// One line for progress: the HTTPS proxy in use, or that none is set.
    pub fn describe(&self) -> String {
        if self.variables.is_empty() {
            "no proxy set: sign-in goes directly to the internet; mail never uses a web proxy"
                .into()
        } else {
            format!(
                "{}; mail (SMTP/IMAP) never uses a web proxy, so its ports must be open directly",
                self.variables.join(", ")
            )
        }
    }
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
}
