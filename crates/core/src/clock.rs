//! The wall clock, behind a seam: the assistant's time decisions (is the saved access token
//! still good, has a parked sign-in expired, when was something saved) read it through
//! [`Clock`], so tests can fix the time.

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
}
