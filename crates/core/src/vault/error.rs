//! The vault's failures, and the one place they become findings with the advice for the OS
//! the app runs on ([`StoreError::finding`], [`ReadError::finding`]).

use crate::findings::{Finding, FindingCode, Param, catalogue};
use crate::platform::Os;

/// What went wrong in a store, sorted by what can be done about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum StoreErrorKind {
    /// The value is larger than the store takes (the app's fault: its layout must fit).
    TooLarge,
    /// The vault exists but is locked and could not be unlocked (Linux keyring: no unlock
    /// prompt could be shown, or it was closed; macOS keychain: errSecInteractionNotAllowed).
    Locked,
    /// The vault service runs but has no default keyring to keep entries in: Linux — the
    /// Secret Service has no `default` collection (never set up or never unlocked); macOS — no
    /// default keychain.
    NotSetUp,
    /// The person (or a policy) refused the app access: macOS "Deny" (errSecUserCanceled,
    /// −128; errSecAuthFailed, −25293), a dismissed unlock prompt on Linux.
    Denied,
    /// There is no vault to talk to: no Secret Service / D-Bus session, no keychain, no
    /// Credential Manager for this logon session.
    Missing,
    /// Any other failure of the store.
    Failed,
}

/// A store's failure. The text is the backend's (it never holds the value).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{detail}")]
pub struct StoreError {
    kind: StoreErrorKind,
    detail: String,
}

impl StoreError {
    /// A failure of `kind` with the backend's words.
    pub(crate) fn new(kind: StoreErrorKind, detail: impl Into<String>) -> StoreError {
        StoreError {
            kind,
            detail: detail.into(),
        }
    }

    /// What kind of failure.
    pub fn kind(&self) -> StoreErrorKind {
        self.kind
    }

    /// The finding on `os`: what happened, the backend's words as evidence, and the advice
    /// for that OS only.
    pub fn finding(&self, os: Os) -> Finding {
        let code = match self.kind {
            StoreErrorKind::TooLarge => FindingCode::VaultValueTooLarge,
            StoreErrorKind::Locked => FindingCode::VaultLocked,
            StoreErrorKind::NotSetUp => FindingCode::VaultNotSetUp,
            StoreErrorKind::Denied => FindingCode::VaultAccessDenied,
            StoreErrorKind::Missing | StoreErrorKind::Failed => FindingCode::VaultUnavailable,
        };
        let problem = match self.kind {
            StoreErrorKind::TooLarge => "detail-vault-too-large",
            StoreErrorKind::Locked => "detail-vault-locked",
            StoreErrorKind::NotSetUp => "detail-vault-no-default-keyring",
            StoreErrorKind::Denied => "detail-vault-denied",
            StoreErrorKind::Missing => "detail-vault-missing",
            StoreErrorKind::Failed => "detail-vault-failed",
        };
        for_os(code, os)
            .with_if_used(Param::Problem, crate::l10n::tr(problem))
            .with_evidence(&self.detail)
    }
}

/// A value could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The head names parts that are missing or do not add up to the value it describes.
    #[error("{0}")]
    Damaged(&'static str),
}

impl ReadError {
    /// The finding on `os`: the store's ([`StoreError::finding`]) or `VAULT_ENTRY_DAMAGED`.
    pub fn finding(&self, os: Os) -> Finding {
        match self {
            ReadError::Store(e) => e.finding(os),
            ReadError::Damaged(why) => {
                for_os(FindingCode::VaultEntryDamaged, os).with_evidence(why)
            }
        }
    }
}

/// The catalogue finding `code` with the vault's name and the fix steps for `os`.
fn for_os(code: FindingCode, os: Os) -> Finding {
    let mut f = Finding::new(code);
    if let Some(steps) = catalogue::vault_steps(code, os) {
        f.steps = steps;
    }
    f.with(Param::Vault, catalogue::vault_name(os))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::store::{RawKind, classify};

    /// N02 (https://github.com/block/buzz/pull/1264): on macOS, "Deny" at the keychain's question
    /// (errSecUserCanceled −128), a wrong password there (errSecAuthFailed −25293) and a keychain
    /// that may not ask (errSecInteractionNotAllowed −25308) are their own findings, never "the
    /// vault cannot be used": the sign-in stays saved and the next launch may ask again. Apple's
    /// codes: <https://developer.apple.com/documentation/security/1542001-security_framework_result_codes>.
    #[test]
    fn field_n02_a_refused_keychain_prompt_is_its_own_finding() {
        let finding = |status| {
            let kind = classify(Os::MacOs, RawKind::Platform, Some(status));
            StoreError::new(kind, format!("OSStatus {status}"))
                .finding(Os::MacOs)
                .finish()
        };
        for status in [-128, -25293] {
            let f = finding(status);
            assert_eq!(f.code, FindingCode::VaultAccessDenied, "{status}");
            assert!(f.to_text().contains("Always Allow"), "{}", f.to_text());
            assert!(f.explanation.contains("Nothing was lost"));
            assert!(!f.to_text().contains("missing or did not answer"));
        }
        let f = finding(-25308);
        assert_eq!(f.code, FindingCode::VaultLocked);
        assert!(f.to_text().contains("Keychain Access"));
        // A keychain that is really not there is a different finding.
        assert_eq!(finding(-25291).code, FindingCode::VaultUnavailable);
        assert_eq!(finding(-25307).code, FindingCode::VaultNotSetUp);
    }
}
