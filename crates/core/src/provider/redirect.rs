//! The registered loopback redirect URI form (`http://localhost[/path]` or
//! `http://127.0.0.1[/path]`), checked once when it is made: every [`RedirectForm`] holds a
//! host and path that give a valid redirect URI on any port.
//!
//! Microsoft's rules for loopback redirect URIs (plain `http` only for loopback, the port is
//! ignored when matching, `[::1]` is not supported):
//! <https://learn.microsoft.com/entra/identity-platform/reply-url>.

use url::Url;

/// Which loopback host the registered redirect URI names
/// (<https://learn.microsoft.com/entra/identity-platform/reply-url>).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoopbackHost {
    /// `http://localhost`: accepted by the Entra portal; the app listens on every address
    /// `localhost` resolves to, on one port.
    Localhost,
    /// `http://127.0.0.1`: recommended by RFC 8252 §8.3; in Entra only via the manifest.
    Ipv4,
}

/// The registered redirect URI form, without a port (the app picks a free port each time;
/// Entra ignores the port of loopback redirect URIs:
/// <https://learn.microsoft.com/entra/identity-platform/reply-url>).
///
/// Made only by [`RedirectForm::parse`] or [`RedirectForm::without_path`], which check it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedirectForm {
    host: LoopbackHost,
    /// Starts with `/` (`/` when none was registered), as a parsed URL gives it.
    path: String,
}

impl Default for RedirectForm {
    fn default() -> Self {
        RedirectForm::without_path(LoopbackHost::Localhost)
    }
}

impl RedirectForm {
    /// The form `http://{host}` with no path, e.g. `http://127.0.0.1` (Google's desktop
    /// guidance).
    pub fn without_path(host: LoopbackHost) -> Self {
        RedirectForm {
            host,
            path: "/".into(),
        }
    }

    /// Parses `http://localhost[/path]` or `http://127.0.0.1[/path]`.
    ///
    /// # Errors
    /// A text explaining the rule that was broken.
    pub fn parse(text: &str) -> Result<Self, String> {
        let url = Url::parse(text).map_err(|e| format!("{text:?} is not a URL ({e})"))?;
        if url.scheme() != "http" {
            return Err(
                "must start with http:// (loopback redirects use plain http on this computer only)"
                    .into(),
            );
        }
        let host = match url.host_str() {
            Some("localhost") => LoopbackHost::Localhost,
            Some("127.0.0.1") => LoopbackHost::Ipv4,
            Some("[::1]") => return Err("http://[::1] is not supported by Microsoft Entra; use http://localhost or http://127.0.0.1".into()),
            _ => return Err("must be http://localhost or http://127.0.0.1".into()),
        };
        if url.port().is_some() {
            return Err("leave the port out: the app picks a free port each time, and Microsoft ignores the port for loopback addresses".into());
        }
        if url.query().is_some() || url.fragment().is_some() || !url.username().is_empty() {
            return Err("must not contain a query (?), fragment (#) or user name".into());
        }
        Ok(RedirectForm {
            host,
            path: url.path().to_string(),
        })
    }

    /// The host.
    pub fn host(&self) -> LoopbackHost {
        self.host
    }

    /// The path, starting with `/` (`/` when none was registered).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The redirect URI for a listener on `port`, e.g. `http://localhost:53211/`.
    pub fn uri(&self, port: u16) -> Url {
        Url::parse(&format!("http://{}:{port}{}", self.host_name(), self.path))
            // Cannot fire: the host is one of two literals, and the path is "/" or the path of
            // a URL that parsed with that host (the fields are private and set only by the
            // constructors above). Pinned by `a_redirect_form_gives_a_uri_on_any_port`.
            .expect("validated form")
    }

    /// The redirect URI to register, without a port (Microsoft ignores the port of a loopback
    /// redirect URI) or a final `/`, e.g. `http://localhost`.
    pub fn registered(&self) -> String {
        format!(
            "http://{}{}",
            self.host_name(),
            self.path.trim_end_matches('/')
        )
    }

    fn host_name(&self) -> &'static str {
        match self.host {
            LoopbackHost::Localhost => "localhost",
            LoopbackHost::Ipv4 => "127.0.0.1",
        }
    }
}
