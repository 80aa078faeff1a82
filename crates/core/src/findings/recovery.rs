//! What a program that uses the app's sign-in (the token helper, the relay's SMTP replies) can do
//! about a failure: sign in again, try later, or read the message.

use super::FindingCode;

/// What a program calling the helper can do about a failure: the exit code it sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelperFailure {
    /// Nothing will work until the person signs in again (`mailsetup signin`).
    SignInAgain,
    /// Temporary: the same call may work later (network, the provider, a busy renewal, a
    /// locked vault).
    TryLater,
    /// Anything else: the message says what to do.
    Other,
}

impl HelperFailure {
    /// The class of `code` for a calling program.
    pub fn of(code: FindingCode) -> HelperFailure {
        use FindingCode as C;
        match code {
            C::NotSignedIn
            | C::ReauthInactivity
            | C::ReauthPolicy
            | C::ReauthRequired
            | C::RefreshTokenReused
            | C::PasswordSignInHasNoToken
            | C::MfaRequired
            | C::MfaSetupRequired
            | C::InteractiveRequired => HelperFailure::SignInAgain,
            C::NetworkIdpUnreachable
            | C::IdpTemporaryFailure
            | C::SignInBusy
            | C::VaultLocked
            | C::ConnectTimeout
            | C::DnsFailed
            | C::ServerTemporaryFailure
            | C::TooManyRequests => HelperFailure::TryLater,
            _ => HelperFailure::Other,
        }
    }

    /// The process exit code: the `sysexits.h` codes mail programs already know —
    /// `EX_NOPERM` (77) for a sign-in needed, `EX_TEMPFAIL` (75) for try later — and 1 else.
    pub fn exit_code(self) -> u8 {
        match self {
            HelperFailure::SignInAgain => 77,
            HelperFailure::TryLater => 75,
            HelperFailure::Other => 1,
        }
    }
}
