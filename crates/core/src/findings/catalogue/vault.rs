//! The OS credential vault (where sign-ins are kept) and its per-OS fix steps.

use super::{Entry, e};
use crate::findings::Audience::*;
use crate::findings::FindingCode::{self, *};
use crate::findings::Param::*;
use crate::platform::Os;

/// The entries of this subject.
pub(super) const ENTRIES: &[Entry] = &[
    e(VaultUnavailable, Helpdesk, &[Vault, Problem], None),
    e(VaultLocked, User, &[Vault], None),
    e(VaultNotSetUp, User, &[Vault, Problem], None),
    e(VaultAccessDenied, User, &[Vault], None),
    e(
        VaultValueTooLarge,
        Helpdesk,
        &[Vault, Problem, Mailbox],
        None,
    ),
    e(VaultEntryDamaged, Helpdesk, &[Mailbox, Vault], None),
    e(NotSignedIn, User, &[Mailbox], None),
    e(PasswordSignInHasNoToken, User, &[Mailbox], None),
];

/// The name of the OS's credential vault, as a person sees it (`vault-name-<os>`).
pub fn vault_name(os: Os) -> String {
    crate::l10n::tr(&format!("vault-name-{}", os_key(os)))
}

/// The fix steps of a vault finding for `os`: the advice that applies on that OS only.
/// Sources: Windows — `CredWriteW` fails with `ERROR_NO_SUCH_LOGON_SESSION` where the logon
/// session has no credential store
/// (<https://learn.microsoft.com/windows/win32/api/wincred/nf-wincred-credwritew>), which the
/// policy "Network access: Do not allow storage of passwords and credentials for network
/// authentication" also causes
/// (<https://learn.microsoft.com/windows/security/threat-protection/security-policy-settings/network-access-do-not-allow-storage-of-passwords-and-credentials-for-network-authentication>);
/// macOS — Keychain Access (<https://support.apple.com/guide/keychain-access/>); Linux — the
/// Secret Service API (<https://specifications.freedesktop.org/secret-service/>).
/// They are the `<os>-step-N` attributes of the finding's message.
pub fn vault_steps(code: FindingCode, os: Os) -> Option<Vec<String>> {
    let prefix = format!("{}-step-", os_key(os));
    let steps: Vec<String> = super::texts(code, &prefix);
    (!steps.is_empty()).then_some(steps)
}

/// The OS's name in message ids and attributes.
const fn os_key(os: Os) -> &'static str {
    match os {
        Os::Windows => "windows",
        Os::MacOs => "macos",
        Os::Linux => "linux",
    }
}
