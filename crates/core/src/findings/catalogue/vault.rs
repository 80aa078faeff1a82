//! The OS credential vault (where sign-ins are kept) and its per-OS fix steps.

use super::{Entry, e};
use crate::findings::Audience::*;
use crate::findings::FindingCode::{self, *};
use crate::findings::Param::*;
use crate::platform::Os;

/// The entries of this subject.
pub(super) const ENTRIES: &[Entry] = &[
    e(
        VaultUnavailable,
        Helpdesk,
        &[Vault, Problem],
        "The computer's password vault cannot be used",
        "The app keeps sign-ins only in {vault}, never in a file. It is missing or did not answer ({problem}).",
        os_steps(VaultUnavailable),
        None,
    ),
    e(
        VaultLocked,
        User,
        &[Vault],
        "{vault} is locked",
        "The app keeps your sign-in only in {vault}, and it is locked, so the app cannot save or read the sign-in. Nothing was lost.",
        os_steps(VaultLocked),
        None,
    ),
    e(
        VaultNotSetUp,
        User,
        &[Vault, Problem],
        "{vault} has no keyring to keep the sign-in in",
        "The app keeps sign-ins only in {vault}. It is running, but it has no default keyring yet: it was never set up or never unlocked for this account ({problem}). Nothing was lost.",
        os_steps(VaultNotSetUp),
        None,
    ),
    e(
        VaultAccessDenied,
        User,
        &[Vault],
        "The app was not allowed to use {vault}",
        "The computer asked whether Mail Setup Assistant may use its saved sign-in, and the answer was no (or the question was closed). Without it the app cannot save or read the sign-in. Nothing was lost.",
        os_steps(VaultAccessDenied),
        None,
    ),
    e(
        VaultValueTooLarge,
        Helpdesk,
        &[Vault, Problem, Mailbox],
        "The sign-in could not be saved: {vault} refused it as too large",
        "The sign-in itself worked, but {vault} refused to keep it because it is larger than one of its entries may be ({problem}). This is a fault in Mail Setup Assistant, not in the account or the computer: the app must fit what it saves to the vault. Nothing was saved.",
        &[
            "Save the report (Helpdesk → Save report, or `mailsetup verify {mailbox} --report report.html`) and send it with the app's version to the Mail Setup Assistant maintainers: the evidence below says which limit was hit.",
            "Until a fixed version is installed, the mailbox keeps working in webmail and on other devices.",
        ],
        None,
    ),
    e(
        VaultEntryDamaged,
        Helpdesk,
        &[Mailbox, Vault],
        "The saved sign-in for {mailbox} could not be read back whole",
        "Part of what the app saved in {vault} is missing or does not match the rest, so the app does not use it. The mailbox itself is fine.",
        &[
            "Sign in again (in the app, or `mailsetup signin {mailbox}`): that replaces the damaged entry.",
            "If it happens again, save the report and send it to the Mail Setup Assistant maintainers.",
        ],
        None,
    ),
    e(
        NotSignedIn,
        User,
        &[Mailbox],
        "{mailbox} is not signed in on this computer",
        "There is no saved sign-in for this mailbox in the computer's vault.",
        &[
            "Sign in first (Sign in in the app, or `mailsetup signin {mailbox}`), then verify again.",
        ],
        None,
    ),
    e(
        PasswordSignInHasNoToken,
        User,
        &[Mailbox],
        "{mailbox} signs in with a password, so there is no token to give",
        "This mailbox was set up with a password (an App Password), not with a sign-in in the browser. A mail program can use that password itself; only a browser sign-in gives a token.",
        &[
            "Give your mail program the App Password instead of the token command.",
            "Or, if your organisation allows it, sign in with the browser instead (Sign in in the app, or `mailsetup signin {mailbox}`); then the token works.",
        ],
        None,
    ),
];

/// The fix steps of `code` on the OS this program was built for.
const fn os_steps(code: FindingCode) -> &'static [&'static str] {
    match vault_steps(code, Os::current()) {
        Some(steps) => steps,
        None => &[],
    }
}

/// The name of the OS's credential vault, as a person sees it.
pub const fn vault_name(os: Os) -> &'static str {
    match os {
        Os::Windows => "Windows Credential Manager",
        Os::MacOs => "the macOS keychain",
        Os::Linux => "the computer's keyring (Secret Service)",
    }
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
pub const fn vault_steps(code: FindingCode, os: Os) -> Option<&'static [&'static str]> {
    Some(match (code, os) {
        (VaultUnavailable, Os::Windows) => &[
            "Start the app from your own Windows desktop session: Credential Manager is not available to a program started as a service, as a scheduled task without your profile, or with \"Run as different user\".",
            "If it still fails, the policy \"Network access: Do not allow storage of passwords and credentials for network authentication\" may be on: IT can check it (Local Security Policy → Security Options, or the Group Policy that sets it).",
            "Try again.",
        ],
        (VaultUnavailable, Os::MacOs) => &[
            "Open Keychain Access (Applications → Utilities) and check that a \"login\" keychain is listed; if it is missing or damaged, Keychain Access → Settings → Reset Default Keychains creates a new one (saved passwords in the old one are kept aside).",
            "Try again.",
        ],
        (VaultUnavailable, Os::Linux) => &[
            "Log in to a desktop session (GNOME, KDE): it starts the keyring. Check that \"Passwords and Keys\" (Seahorse) or KWallet opens.",
            "Without a desktop session (e.g. over SSH), the Secret Service needs a D-Bus session bus and a running keyring: for example `dbus-run-session -- bash`, then start gnome-keyring-daemon --unlock --components=secrets inside it.",
            "Try again.",
        ],
        (VaultLocked, Os::Windows) => {
            &["Sign out of Windows and sign in again with your own account, then try again."]
        }
        (VaultLocked, Os::MacOs) => &[
            "Open Keychain Access (Applications → Utilities), select the \"login\" keychain and unlock it with your Mac password (File → Unlock Keychain \"login\").",
            "Try again.",
        ],
        (VaultLocked, Os::Linux) => &[
            "Unlock the login keyring: log in to the desktop session with your password (it unlocks with it), or open \"Passwords and Keys\" (Seahorse) and unlock \"Login\".",
            "Try again.",
        ],
        (VaultNotSetUp, Os::Linux) => &[
            "In a desktop session: open \"Passwords and Keys\" (Seahorse) → + → Password keyring, name it \"Login\" and give it your login password; then right-click it → Set as default.",
            "Without a desktop session (e.g. over SSH), unlocking the keyring daemon with your password creates the login keyring: `gnome-keyring-daemon --unlock --components=secrets`, type the password, then press Ctrl+D.",
            "Try again.",
        ],
        (VaultNotSetUp, Os::MacOs) => &[
            "Open Keychain Access (Applications → Utilities). If no \"login\" keychain is listed, choose Keychain Access → Settings → Reset Default Keychains.",
            "Try again.",
        ],
        (VaultNotSetUp, Os::Windows) => {
            &["Sign out of Windows and sign in again with your own account, then try again."]
        }
        (VaultAccessDenied, Os::Windows) => &[
            "Start the app from your own Windows account (not \"Run as different user\"), then try again.",
        ],
        (VaultAccessDenied, Os::MacOs) => &[
            "Try again. When the Mac asks whether Mail Setup Assistant may use its item in your keychain, type your Mac password and click \"Always Allow\" (\"Deny\" stops the app from using the sign-in).",
            "If the question does not appear: Keychain Access → login → search \"mailsetup\" → open the item → Access Control → add Mail Setup Assistant.",
        ],
        (VaultAccessDenied, Os::Linux) => &[
            "Try again. When the keyring asks for a password to unlock, type your login password (closing that window refuses access).",
        ],
        _ => return None,
    })
}
