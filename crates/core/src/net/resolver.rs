//! Name resolution through hickory-resolver: the settings' `[dns] server` when set (the
//! organisation's resolver, or the tests' local DNS), else the system's configuration.
//! Used for MX lookups and for the autoconfig lookups' HTTPS requests.

use std::net::SocketAddr;
use std::sync::Arc;

use hickory_resolver::TokioResolver;
use hickory_resolver::config::{NameServerConfig, ResolverConfig};
use hickory_resolver::net::NetError;
use hickory_resolver::net::runtime::TokioRuntimeProvider;

/// Why no resolver could be built. Only ever an internal finding's cause or a discovery note.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct ResolverError(Kind);

#[derive(Debug, thiserror::Error)]
enum Kind {
    /// The system's resolver configuration could not be read.
    #[error("no system DNS configuration ({0})")]
    NoSystemConfig(NetError),
    /// hickory refused to build the resolver.
    #[error("{0}")]
    Build(NetError),
}

/// A resolver asking `server`, or the system's resolvers when `None`.
///
/// # Errors
/// Why no resolver could be built (e.g. no system DNS configuration).
pub fn resolver(server: Option<SocketAddr>) -> Result<TokioResolver, ResolverError> {
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
        None => {
            TokioResolver::builder_tokio().map_err(|e| ResolverError(Kind::NoSystemConfig(e)))?
        }
    };
    builder.build().map_err(|e| ResolverError(Kind::Build(e)))
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
