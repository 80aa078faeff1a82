//! The wall clock, behind a seam: the assistant's time decisions (is the saved access token
//! still good, has a parked sign-in expired, when was something saved) read it through
//! [`Clock`], so tests can fix the time. Also how far this computer's clock is from a server's
//! ([`skew_secs`], from an HTTP `Date` header), in words ([`skew_words`]).

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// Seconds since the Unix epoch, as the app's records store them.
pub trait Clock: Send + Sync {
    /// Now.
    fn now_secs(&self) -> u64;
}

/// The system clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_secs(&self) -> u64 {
        epoch_secs(SystemTime::now())
    }
}

/// A clock that stands still until moved (tests).
#[derive(Debug, Default)]
pub struct FixedClock(AtomicU64);

impl FixedClock {
    /// A clock showing `secs`.
    pub fn at(secs: u64) -> FixedClock {
        FixedClock(AtomicU64::new(secs))
    }

    /// Moves the clock `secs` forward.
    pub fn advance(&self, secs: u64) {
        self.0.fetch_add(secs, Ordering::SeqCst);
    }
}

impl Clock for FixedClock {
    fn now_secs(&self) -> u64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// Seconds since the epoch for `t` (0 before it).
pub fn epoch_secs(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// A clock this far (in seconds, either way) from the sign-in service's is worth telling the
/// person about: well beyond network delays and the few minutes of leeway token checks allow.
pub const SKEW_TOLERANCE_SECS: u64 = 300;

/// How far this computer's clock was ahead (positive) or behind (negative) a server's, in
/// seconds: the local time `received` a response arrived against the server's `Date` header
/// (`date`, an HTTP-date: RFC 9110 §5.6.7, e.g. `Sun, 06 Nov 1994 08:49:37 GMT`, which is an
/// RFC 2822 date). `None` when the header is not a date.
pub fn skew_secs(received: SystemTime, date: &str) -> Option<i64> {
    let server = jiff::fmt::rfc2822::parse(date.trim()).ok()?.timestamp();
    let local = jiff::Timestamp::try_from(received).ok()?;
    Some(local.as_second() - server.as_second())
}

/// A skew in plain words, e.g. `about 2 hours ahead`, `about 7 minutes behind`, `about 3 days
/// ahead`.
pub fn skew_words(secs: i64) -> String {
    let way = if secs >= 0 { "ahead" } else { "behind" };
    let abs = secs.unsigned_abs();
    let (n, unit) = match abs {
        0..5_400 => ((abs + 30) / 60, "minute"),
        5_400..129_600 => ((abs + 1_800) / 3_600, "hour"),
        _ => ((abs + 43_200) / 86_400, "day"),
    };
    crate::l10n::tr_with(
        "clock-skew-amount",
        &[("n", n.into()), ("unit", unit.into()), ("way", way.into())],
    )
}

/// Epoch seconds as a date and time in this computer's time zone, e.g. `2026-11-29 11:40 EST`
/// (the report, the account list, a sign-in's health).
pub fn when(epoch_secs: u64) -> String {
    let zone = jiff::tz::TimeZone::try_system().unwrap_or(jiff::tz::TimeZone::UTC);
    when_in(epoch_secs, &zone)
}

/// Epoch seconds as a date and time in `zone`, with the zone's abbreviation or offset
/// (`2026-11-29 11:40 EST`, `2026-11-29 16:40 UTC`): numbers every language reads alike.
pub fn when_in(epoch_secs: u64, zone: &jiff::tz::TimeZone) -> String {
    i64::try_from(epoch_secs)
        .ok()
        .and_then(|s| jiff::Timestamp::from_second(s).ok())
        .map(|t| {
            t.to_zoned(zone.clone())
                .strftime("%Y-%m-%d %H:%M %Z")
                .to_string()
        })
        .unwrap_or_else(|| epoch_secs.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_clock_moves_only_when_told() {
        let c = FixedClock::at(1_000);
        assert_eq!(c.now_secs(), 1_000);
        c.advance(61);
        assert_eq!(c.now_secs(), 1_061);
        assert!(SystemClock.now_secs() > 1_700_000_000);
    }

    /// T30 (https://github.com/canonical/authd/issues/1822): the computer 2 hours ahead of the
    /// server's `Date`.
    #[test]
    fn field_t30_skew_from_the_date_header_in_words() {
        let server = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_796_119_200);
        let date = "Tue, 01 Dec 2026 10:00:00 GMT";
        assert_eq!(skew_secs(server, date), Some(0));
        let two_hours_ahead = server + std::time::Duration::from_secs(7_200);
        assert_eq!(skew_secs(two_hours_ahead, date), Some(7_200));
        assert_eq!(skew_secs(server, "not a date"), None);
        assert_eq!(skew_words(7_200), "about 2 hours ahead");
        assert_eq!(skew_words(-420), "about 7 minutes behind");
        assert_eq!(skew_words(60), "about 1 minute ahead");
        assert_eq!(skew_words(3 * 86_400 + 10), "about 3 days ahead");
        let spanish = |secs| crate::l10n::with(crate::l10n::Language::Spanish, || skew_words(secs));
        assert_eq!(spanish(7_200), "aproximadamente 2 horas adelantado");
        assert_eq!(spanish(-60), "aproximadamente 1 minuto atrasado");
    }

    #[test]
    fn times_are_in_the_persons_time_zone() {
        // 2025-11-29 16:40 UTC.
        let at = 1_764_434_400;
        assert_eq!(
            when_in(at, &jiff::tz::TimeZone::UTC),
            "2025-11-29 16:40 UTC"
        );
        let new_york = jiff::tz::TimeZone::fixed(jiff::tz::offset(-5));
        assert_eq!(when_in(at, &new_york), "2025-11-29 11:40 -05");
    }
}
