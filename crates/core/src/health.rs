//! How long a saved sign-in lasts, and what the person sees about it (CLI `accounts list`, the
//! helpdesk page, the report).
//!
//! - Microsoft (Entra, work and personal accounts): a refresh token lasts 90 days and each
//!   renewal gives a new one, so a sign-in used at least every 90 days lasts; unused for 90 days
//!   it ends (AADSTS700082)
//!   (<https://learn.microsoft.com/entra/identity-platform/refresh-tokens>). Conditional Access
//!   sign-in frequency ends it on the organisation's schedule (AADSTS70043), a password change or
//!   an administrator revokes it (AADSTS50173, 50135…), and a new MFA rule stops its renewal
//!   (AADSTS50076/50079).
//! - Google: a refresh token has no end date, except for an OAuth client whose publishing status
//!   is "Testing": 7 days whatever happens, which Google's token response says
//!   (`refresh_token_expires_in`,
//!   <https://developers.google.com/identity/protocols/oauth2#expiration>).
//!
//! Pure functions of the account list's entry and the time (tests below).

use serde::Serialize;

use crate::accounts::AccountSummary;
use crate::clock::when;
use crate::findings::FindingCode;
use crate::l10n;
use crate::provider::{ProviderKind, SignInMethod};

const DAY: u64 = 86_400;

/// Entra's refresh token lifetime: unused this long, the sign-in ends.
pub const ENTRA_REFRESH_LIFETIME: u64 = 90 * DAY;

/// A sign-in ending within this is shown as ending soon; an idle one renewed longer ago than
/// [`ENTRA_REFRESH_LIFETIME`] minus this is renewed when the app runs (`renew --all`).
pub const SOON: u64 = 14 * DAY;

/// When a refresh token issued at `issued_at` by `provider` stops working, and whether that end
/// comes whatever happens (`true`) or only if the sign-in goes unused (`false`). `stated`: the
/// end the provider gave (Google's `refresh_token_expires_in`). `None`: no end is known.
pub fn refresh_end(
    provider: ProviderKind,
    issued_at: u64,
    stated: Option<u64>,
) -> (Option<u64>, bool) {
    // Only Google's answer means "Testing"; another provider's is not read that way.
    if let Some(end) = stated.filter(|_| provider == ProviderKind::Google) {
        return (Some(end), true);
    }
    match provider {
        ProviderKind::Microsoft365 | ProviderKind::MicrosoftPersonal => (
            Some(issued_at.saturating_add(ENTRA_REFRESH_LIFETIME)),
            false,
        ),
        _ => (None, false),
    }
}

/// The state of a sign-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HealthState {
    /// Works, and nothing ends it soon.
    Good,
    /// Ends within [`SOON`].
    EndsSoon,
    /// Ended: the person must sign in again.
    Ended,
}

/// What the app knows about how long a saved sign-in lasts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Health {
    /// Good, ending soon, or ended.
    pub state: HealthState,
    /// When it was last renewed (or signed in), seconds since the epoch.
    pub renewed_at: u64,
    /// When it stops working (if unused, unless `endsWhateverHappens`), when known.
    pub ends_at: Option<u64>,
    /// The end comes even if the sign-in is used (Google's OAuth client in "Testing").
    pub ends_whatever_happens: bool,
    /// The provider's policy that ended or limits it, when it said so.
    pub limited_by: Option<FindingCode>,
    /// One or two sentences for the person, with dates.
    pub words: String,
}

/// The health of `s` at `now`; `None` for a sign-in with a password (nothing ends it but a
/// password change).
pub fn health(s: &AccountSummary, in_vault: bool, now: u64) -> Option<Health> {
    if s.method != SignInMethod::OAuth {
        return None;
    }
    let renewed_at = s.last_refresh_at.unwrap_or(s.added_at).max(s.added_at);
    let (ends_at, fixed) = match s.refresh_expires_at {
        Some(end) => (Some(end), s.refresh_expiry_fixed),
        None => refresh_end(s.provider, renewed_at, None),
    };
    // The provider said the sign-in is dead (the vault record is removed then; a report made
    // from the account list alone still knows).
    let dead = s.limited_by.is_some_and(|c| {
        matches!(
            c,
            FindingCode::ReauthInactivity | FindingCode::ReauthPolicy | FindingCode::ReauthRequired
        )
    });
    let ended = !in_vault || dead || ends_at.is_some_and(|e| e <= now);
    let state = if ended {
        HealthState::Ended
    } else if ends_at.is_some_and(|e| e - now < SOON) {
        HealthState::EndsSoon
    } else {
        HealthState::Good
    };
    let words = words(s, state, ends_at, fixed, renewed_at, now);
    Some(Health {
        state,
        renewed_at,
        ends_at,
        ends_whatever_happens: fixed,
        limited_by: s.limited_by,
        words,
    })
}

/// Whether an idle sign-in should be renewed now: it ends (if unused) within [`SOON`].
pub fn needs_renewal(s: &AccountSummary, now: u64) -> bool {
    health(s, true, now).is_some_and(|h| {
        !h.ends_whatever_happens && h.ends_at.is_some_and(|e| e.saturating_sub(now) < SOON)
    })
}

/// The provider's answers that say why a sign-in ended or is limited: kept in the account list.
pub fn is_limit(code: FindingCode) -> bool {
    matches!(
        code,
        FindingCode::ReauthInactivity
            | FindingCode::ReauthPolicy
            | FindingCode::ReauthRequired
            | FindingCode::MfaRequired
            | FindingCode::MfaSetupRequired
    )
}

/// The health in words, in the person's language (`health-*` messages).
fn words(
    s: &AccountSummary,
    state: HealthState,
    ends_at: Option<u64>,
    fixed: bool,
    renewed_at: u64,
    now: u64,
) -> String {
    let at = |t: u64| l10n::Value::from(when(t));
    // Never renewed since it was set up: say so, not "last renewed" (the report's "Last
    // renewed: never" stands beside it).
    let renewed = s.last_refresh_at.is_some_and(|r| r >= s.added_at);
    let since = || l10n::Value::from(if renewed { "renewed" } else { "added" });
    let words = match (state, ends_at) {
        (HealthState::Ended, _) => l10n::tr_with(
            "health-ended",
            &[
                ("reason", ended_because(s.limited_by, fixed).into()),
                ("address", s.address.to_string().into()),
            ],
        ),
        (_, Some(end)) if fixed => l10n::tr_with(
            "health-testing",
            &[("end", at(end)), ("remaining", remaining(end, now).into())],
        ),
        (_, Some(end)) => l10n::tr_with(
            "health-renewed",
            &[
                ("since", since()),
                ("renewed", at(renewed_at)),
                ("end", at(end)),
                ("remaining", remaining(end, now).into()),
            ],
        ),
        (_, None) => l10n::tr_with(
            "health-no-end",
            &[("since", since()), ("renewed", at(renewed_at))],
        ),
    };
    let limit = s.limited_by.filter(|_| state != HealthState::Ended);
    match limit.and_then(limit_words) {
        Some(id) => format!("{words} {}", l10n::tr(id)),
        None => words,
    }
}

/// Why a sign-in ended, as the `$reason` of `health-ended`.
fn ended_because(limit: Option<FindingCode>, fixed: bool) -> &'static str {
    match limit {
        Some(FindingCode::ReauthInactivity) => "inactivity",
        Some(FindingCode::ReauthPolicy) => "policy",
        Some(FindingCode::ReauthRequired) => "revoked",
        Some(FindingCode::MfaRequired) => "mfa",
        Some(FindingCode::MfaSetupRequired) => "mfa-setup",
        _ if fixed => "testing",
        _ => "other",
    }
}

/// The message that says what a limit means for a sign-in that still works.
fn limit_words(code: FindingCode) -> Option<&'static str> {
    match code {
        FindingCode::ReauthPolicy => Some("health-limit-policy"),
        FindingCode::MfaRequired | FindingCode::MfaSetupRequired => Some("health-limit-mfa"),
        _ => None,
    }
}

/// "today", "in 1 day", "in 90 days": rounded up (a sign-in that ends in 89.9 days ends "in 90
/// days").
fn remaining(end: u64, now: u64) -> String {
    let days = end.saturating_sub(now).div_ceil(DAY);
    l10n::tr_with("health-remaining", &[("days", days.into())])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::address::Address;

    const NOW: u64 = 1_796_083_200; // 2026-12-02 00:00 UTC

    fn summary(provider: ProviderKind, added_days_ago: u64) -> AccountSummary {
        let a = Address::parse("ann@example.edu").unwrap();
        AccountSummary::new(
            &a,
            provider,
            SignInMethod::OAuth,
            NOW - added_days_ago * DAY,
        )
    }

    #[test]
    fn an_entra_sign_in_lasts_90_days_from_its_last_renewal() {
        let mut s = summary(ProviderKind::Microsoft365, 30);
        let h = health(&s, true, NOW).unwrap();
        assert_eq!(h.state, HealthState::Good);
        assert_eq!(h.ends_at, Some(NOW + 60 * DAY));
        assert!(h.words.contains("in 60 days"), "{}", h.words);
        // Never renewed: it says when it was set up, not "last renewed".
        assert!(h.words.starts_with("Set up "), "{}", h.words);
        assert!(!needs_renewal(&s, NOW));
        // Renewed yesterday: the end moves on.
        s.last_refresh_at = Some(NOW - DAY);
        let h = health(&s, true, NOW).unwrap();
        assert_eq!(h.ends_at, Some(NOW + 89 * DAY));
        assert!(h.words.starts_with("Last renewed "), "{}", h.words);
        // Unused for 80 days: ends soon, and an idle renewal is due.
        let s = summary(ProviderKind::Microsoft365, 80);
        let h = health(&s, true, NOW).unwrap();
        assert_eq!(h.state, HealthState::EndsSoon);
        assert!(needs_renewal(&s, NOW));
        // Unused for 91 days: ended.
        let h = health(&summary(ProviderKind::MicrosoftPersonal, 91), true, NOW).unwrap();
        assert_eq!(h.state, HealthState::Ended);
        assert!(h.words.contains("Sign in again"), "{}", h.words);
    }

    #[test]
    fn a_google_client_in_testing_ends_after_7_days_whatever_happens() {
        let mut s = summary(ProviderKind::Google, 2);
        let (end, fixed) = refresh_end(ProviderKind::Google, NOW - 2 * DAY, Some(NOW + 5 * DAY));
        (s.refresh_expires_at, s.refresh_expiry_fixed) = (end, fixed);
        let h = health(&s, true, NOW).unwrap();
        assert_eq!(h.state, HealthState::EndsSoon);
        assert!(h.ends_whatever_happens);
        assert!(
            h.words.contains("Testing") && h.words.contains("in 5 days"),
            "{}",
            h.words
        );
        assert!(
            !needs_renewal(&s, NOW),
            "renewing does not help: it is fixed"
        );
        // A published client: no end.
        let h = health(&summary(ProviderKind::Google, 200), true, NOW).unwrap();
        assert_eq!((h.state, h.ends_at), (HealthState::Good, None));
    }

    #[test]
    fn an_ended_sign_in_says_why_and_what_to_do() {
        let mut s = summary(ProviderKind::Microsoft365, 10);
        s.limited_by = Some(FindingCode::ReauthPolicy);
        let h = health(&s, false, NOW).unwrap();
        assert_eq!(h.state, HealthState::Ended);
        assert!(h.words.contains("sign-in frequency"), "{}", h.words);
        assert!(
            h.words.contains("mailsetup signin ann@example.edu"),
            "{}",
            h.words
        );
        // Still working, but the last renewal met an MFA rule.
        s.limited_by = Some(FindingCode::MfaRequired);
        let h = health(&s, true, NOW).unwrap();
        assert_eq!(h.state, HealthState::Good);
        assert!(h.words.contains("multi-factor"), "{}", h.words);
    }

    #[test]
    fn only_googles_stated_end_means_testing_and_a_dead_sign_in_is_ended_everywhere() {
        let (end, fixed) = refresh_end(ProviderKind::Microsoft365, NOW, Some(NOW + 5));
        assert_eq!((end, fixed), (Some(NOW + 90 * DAY), false));
        let mut s = summary(ProviderKind::Microsoft365, 10);
        s.limited_by = Some(FindingCode::ReauthRequired);
        assert_eq!(health(&s, true, NOW).unwrap().state, HealthState::Ended);
    }

    #[test]
    fn a_password_sign_in_has_no_health() {
        let a = Address::parse("ann@gmail.com").unwrap();
        let s = AccountSummary::new(&a, ProviderKind::Google, SignInMethod::Password, NOW);
        assert!(health(&s, true, NOW).is_none());
    }
}
