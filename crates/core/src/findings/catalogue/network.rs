//! Network and TLS: a server name that does not resolve, a port that refuses or stays silent,
//! a certificate or handshake that fails, a sign-in service or local port out of reach.

use super::{Entry, e};
use crate::findings::Audience::*;
use crate::findings::FindingCode::*;
use crate::findings::Param::*;

/// The entries of this subject.
pub(super) const ENTRIES: &[Entry] = &[
    e(DnsFailed, Helpdesk, &[Server], None),
    e(ConnectRefused, Helpdesk, &[Server], None),
    e(ConnectTimeout, Helpdesk, &[Server, Duration], None),
    e(TlsCertificateInvalid, Helpdesk, &[Server, Problem], None),
    e(
        TlsFailed,
        Helpdesk,
        &[Server, Problem],
        Some(
            "https://learn.microsoft.com/troubleshoot/entra/entra-id/app-integration/application-using-tls-1dot0-1dot1-authentication-fail",
        ),
    ),
    e(ServerTimeout, Helpdesk, &[Server, Duration], None),
    // Pinned by the test `field_f23_unreachable_identity_provider_keeps_the_token`.
    e(NetworkIdpUnreachable, Helpdesk, &[Provider, Problem], None),
    // Pinned by the test `field_f22_taken_port_falls_back_and_total_failure_is_explained`.
    e(LoopbackPortUnavailable, Helpdesk, &[Problem], None),
    // The token endpoint's HTTP `Date` (RFC 9110 §6.6.1) against this computer's clock; tokens
    // keep working because their expiry is counted from `expires_in` and the local receive time
    // (RFC 6749 §5.1). Pinned by the test `field_t30_clock_two_hours_ahead_is_a_warning_only`.
    e(ClockSkew, User, &[Problem, Provider], None),
];
