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
    let words = match (state, ends_at) {
        (HealthState::Ended, _) => format!(
            "The sign-in has ended{}. Sign in again (in the app, or `mailsetup signin {}`).",
            ended_because(s.limited_by, fixed),
            s.address
        ),
        (_, Some(end)) if fixed => format!(
            "Google ends this sign-in on {} ({}) even if it is used: the organisation's Google sign-in for this app is still in \"Testing\". IT can publish it (Google Cloud console → OAuth consent screen → Publish app); then sign in again once.",
            when(end),
            in_days(end, now)
        ),
        (_, Some(end)) => format!(
            "Last renewed {}. Unused, it stops working on {} ({}); every renewal moves that on (opening the app or `mailsetup renew --all` renews it).",
            when(renewed_at),
            when(end),
            in_days(end, now)
        ),
        (_, None) => format!(
            "Last renewed {}. The provider sets no end date: it lasts until it is revoked.",
            when(renewed_at)
        ),
    };
    let limit = s.limited_by.filter(|_| state != HealthState::Ended);
    let words = match limit.and_then(limit_words) {
        Some(l) => format!("{words} {l}"),
        None => words,
    };
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

fn ended_because(limit: Option<FindingCode>, fixed: bool) -> &'static str {
    match limit {
        Some(FindingCode::ReauthInactivity) => " because it was not used for 90 days",
        Some(FindingCode::ReauthPolicy) => {
            " because your organisation asks everyone to sign in again regularly (sign-in frequency)"
        }
        Some(FindingCode::ReauthRequired) => {
            " because it was revoked (a password change, or an administrator)"
        }
        Some(FindingCode::MfaRequired) => {
            " because your organisation now asks for multi-factor authentication"
        }
        Some(FindingCode::MfaSetupRequired) => {
            " because your organisation now asks you to set up multi-factor authentication first"
        }
        _ if fixed => " (Google's OAuth client for this app is in \"Testing\": 7 days)",
        _ => "",
    }
}

fn limit_words(code: FindingCode) -> Option<&'static str> {
    match code {
        FindingCode::ReauthPolicy => Some(
            "Your organisation asks everyone to sign in again regularly (sign-in frequency): the app will ask you when it is due.",
        ),
        FindingCode::MfaRequired | FindingCode::MfaSetupRequired => Some(
            "The last renewal asked for multi-factor authentication: sign in again in the app.",
        ),
        _ => None,
    }
}

fn in_days(end: u64, now: u64) -> String {
    // Rounded up: a sign-in that ends in 89.9 days ends "in 90 days".
    match end.saturating_sub(now).div_ceil(DAY) {
        0 => "today".into(),
        1 => "in 1 day".into(),
        n => format!("in {n} days"),
    }
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
        assert!(!needs_renewal(&s, NOW));
        // Renewed yesterday: the end moves on.
        s.last_refresh_at = Some(NOW - DAY);
        assert_eq!(health(&s, true, NOW).unwrap().ends_at, Some(NOW + 89 * DAY));
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
