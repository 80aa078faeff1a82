//! The local relay for programs that only know passwords (`crate::relay`); its SMTP replies
//! carry these words (`relay::reply`), pinned by crates/cli/tests/relay.rs.

use super::{Entry, e};
use crate::findings::Audience::*;
use crate::findings::FindingCode::*;
use crate::findings::Param::*;

/// The entries of this subject.
pub(super) const ENTRIES: &[Entry] = &[
    e(RelayNotLoopback, Helpdesk, &[Problem], None),
    e(RelayListenInvalid, Helpdesk, &[Problem], None),
    e(RelayProgramNameInvalid, User, &[], None),
    e(RelayAuthRequired, User, &[], None),
    e(RelayCannotListen, Helpdesk, &[Server], None),
    e(RelayPasswordRefused, User, &[], None),
    e(RelaySenderNotAllowed, User, &[Mailbox, Problem], None),
    e(RelayMessageTooBig, User, &[Problem], None),
];
