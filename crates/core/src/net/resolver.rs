//! Name resolution through hickory-resolver: the settings' `[dns] server` when set (the
//! organisation's resolver, or the tests' local DNS), else the system's configuration.
//! Used for MX lookups and for the autoconfig lookups' HTTPS requests.

use std::net::SocketAddr;
use std::sync::Arc;

use hickory_resolver::TokioResolver;
use hickory_resolver::config::{NameServerConfig, ResolverConfig};
use hickory_resolver::net::runtime::TokioRuntimeProvider;

/// A resolver asking `server`, or the system's resolvers when `None`.
///
/// # Errors
/// Why no resolver could be built (e.g. no system DNS configuration).
pub fn resolver(server: Option<SocketAddr>) -> Result<TokioResolver, String> {
    let builder = match server {
        Some(addr) => {
            let mut ns = NameServerConfig::udp_and_tcp(addr.ip());
            for c in &mut ns.connections {
                c.port = addr.port();
            }
            TokioResolver::builder_with_config(
                ResolverConfig::from_name_servers(vec![ns]),
                TokioRuntimeProvider::default(),
            )
        }
        None => TokioResolver::builder_tokio()
            .map_err(|e| format!("no system DNS configuration ({e})"))?,
    };
    builder.build().map_err(|e| e.to_string())
}

/// reqwest's name lookups through a hickory resolver (A and AAAA).
pub struct HickoryResolve(pub Arc<TokioResolver>);

impl reqwest::dns::Resolve for HickoryResolve {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let resolver = Arc::clone(&self.0);
        Box::pin(async move {
            let ips = resolver.lookup_ip(name.as_str()).await?;
            let addrs: Vec<SocketAddr> = ips.iter().map(|ip| SocketAddr::new(ip, 0)).collect();
            Ok(Box::new(addrs.into_iter()) as reqwest::dns::Addrs)
        })
    }
}
