//! Network and TLS: a server name that does not resolve, a port that refuses or stays silent,
//! a certificate or handshake that fails, a sign-in service or local port out of reach.

use super::{Entry, e};
use crate::findings::Audience::*;
use crate::findings::FindingCode::*;
use crate::findings::Param::*;

/// The entries of this subject.
pub(super) const ENTRIES: &[Entry] = &[
    e(
        DnsFailed,
        Helpdesk,
        &[Server],
        "The mail server name {server} could not be found",
        "This computer could not look up the address of {server}. Usually the internet connection is down, the DNS server is not answering, or the name is mistyped in the settings.",
        &[
            "Check that this computer can open web pages.",
            "If it can, check the server name in the settings for typos.",
            "On a company network, ask whoever runs the network whether {server} is blocked.",
        ],
        None,
    ),
    e(
        ConnectRefused,
        Helpdesk,
        &[Server],
        "{server} refused the connection",
        "The server answered, but said nothing is accepting connections on that port, or a firewall on the way rejected it.",
        &[
            "Check the port number in the settings (submission is 587, IMAP is 993).",
            "Ask the network administrator whether outgoing connections to this port are allowed.",
        ],
        None,
    ),
    e(
        ConnectTimeout,
        Helpdesk,
        &[Server, Duration],
        "No answer from {server} within {duration}",
        "The connection got no reply at all. A firewall, a web filter or a proxy is probably dropping traffic to this port silently.",
        &[
            "Try from another network (for example a phone hotspot) to see whether the local network is blocking it.",
            "Ask the network administrator to allow outgoing connections to {server}.",
            "If the network only allows web traffic through a proxy, mail programs cannot work there; ask for an exception.",
        ],
        None,
    ),
    e(
        TlsCertificateInvalid,
        Helpdesk,
        &[Server, Problem],
        "The secure connection to {server} could not be trusted",
        "The server's certificate is not trusted by this computer, has expired, or was issued for another name. Sign-in details are never sent over such a connection. This often means a security product or proxy intercepts secure connections. ({problem})",
        &[
            "Check that the computer's date and time are correct.",
            "If the organisation uses a TLS-inspecting proxy or security product, its certificate authority must be trusted: add it as extra_ca_file in the [tls] section of the settings, or exclude {server} from inspection.",
            "Check the server name in the settings.",
        ],
        None,
    ),
    e(
        TlsFailed,
        Helpdesk,
        &[Server, Problem],
        "The secure connection to {server} failed",
        "The encrypted connection could not be set up ({problem}). Microsoft 365 and Gmail require TLS 1.2 or newer.",
        &[
            "Check whether a security product or proxy interferes with secure connections.",
            "Try from another network to compare.",
        ],
        Some(
            "https://learn.microsoft.com/troubleshoot/entra/entra-id/app-integration/application-using-tls-1dot0-1dot1-authentication-fail",
        ),
    ),
    e(
        ServerTimeout,
        Helpdesk,
        &[Server, Duration],
        "{server} stopped answering",
        "The server accepted the connection but did not reply within {duration}.",
        &[
            "Try again in a few minutes.",
            "If it keeps happening, try from another network.",
        ],
        None,
    ),
    // Pinned by the test `field_f23_unreachable_identity_provider_keeps_the_token`.
    e(
        NetworkIdpUnreachable,
        Helpdesk,
        &[Provider, Problem],
        "Can't reach {provider} sign-in",
        "The app could not reach the {provider} sign-in service ({problem}). This is a network or proxy problem, not a problem with the account; the saved sign-in was kept.",
        &[
            "Check the internet connection.",
            "If the organisation uses a proxy, make sure it is set in the system settings or in HTTPS_PROXY, and that it allows the sign-in service (login.microsoftonline.com for Microsoft; accounts.google.com and oauth2.googleapis.com for Google).",
            "Try again later.",
        ],
        None,
    ),
    // Pinned by the test `field_f22_taken_port_falls_back_and_total_failure_is_explained`.
    e(
        LoopbackPortUnavailable,
        Helpdesk,
        &[Problem],
        "Another program or security software is blocking sign-in",
        "To receive the sign-in answer, the app opens a private port on this computer (127.0.0.1). It could not open one ({problem}).",
        &[
            "Close other programs that may hold many local ports, then try again.",
            "Check whether security software blocks programs from listening on 127.0.0.1 and allow Mail Setup Assistant.",
        ],
        None,
    ),
    // The token endpoint's HTTP `Date` (RFC 9110 §6.6.1) against this computer's clock; tokens
    // keep working because their expiry is counted from `expires_in` and the local receive time
    // (RFC 6749 §5.1). Pinned by the test `field_t30_clock_two_hours_ahead_is_a_warning_only`.
    e(
        ClockSkew,
        User,
        &[Problem, Provider],
        "This computer's clock is wrong",
        "This computer's clock is {problem} compared with {provider}'s sign-in service. Everything still works, but a wrong clock makes secure connections and sign-ins fail sooner or later, and times in reports read wrong.",
        &[
            "Set the date, time and time zone to be set automatically: Windows — Settings → Time & language → Date & time; macOS — System Settings → General → Date & Time; Linux — the desktop's Date & Time settings, or `timedatectl set-ntp true`.",
            "If the clock drifts again, tell the helpdesk: the computer's time service or its battery may need attention.",
        ],
        None,
    ),
];
