//! What one station's connection may make the journal store: a token bucket of bytes, filled at
//! `--journal-station-rate` per minute and holding one minute's worth (the burst). Every kept
//! row takes its stored payload plus [`ROW_OVERHEAD`] from it; a frame that does not fit is
//! counted, not kept, and the count goes to the journal in one row (see
//! [`JournalRow::skipped`]) when journaling resumes or the connection ends.
//!
//! The bucket's last quarter is kept for the frames that matter for audit ([`Class::Audit`]):
//! a flood of DataTransfer or unknown frames cannot crowd out a StartTransaction, a
//! StopTransaction or an operator's command. Audit frames are charged like any other, so what
//! a connection stores is at most the burst plus the rate times its age, whatever it sends.
//!
//! A few words per session, and nothing at all while the station is idle.

use std::{sync::Arc, time::Duration};

use chrono::Utc;
use tokio::time::Instant;

use crate::store::{Direction, JournalRow, Store};

/// What a journal row costs beyond its payload: its other columns and its two index entries,
/// about. It makes a flood of tiny frames cost what it takes on disk.
pub const ROW_OVERHEAD: u64 = 128;
/// What the row counting skipped frames costs, charged when journaling resumes.
const SKIPPED_ROW: u64 = ROW_OVERHEAD + 64;
/// The actions whose frames (CALL and answer) may use the reserve: the station's identity and
/// what billing rests on.
const AUDIT_ACTIONS: [&str; 3] = ["BootNotification", "StartTransaction", "StopTransaction"];
const MINUTE_NANOS: u128 = 60 * 1_000_000_000;

/// How much a frame matters when the budget runs low.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// The station's BootNotification, Start- and StopTransaction and their answers; the
    /// server's commands and the station's answers to them (one at a time, sent by operators).
    Audit,
    /// Everything else: kept while the bucket holds more than its reserve.
    Metered,
}

impl Class {
    pub fn of(direction: Direction, message_type: Option<i16>, action: Option<&str>) -> Self {
        let command = matches!(
            (direction, message_type),
            (Direction::Out, Some(2)) | (Direction::In, Some(3 | 4))
        );
        // An answer has an action only when it answers the command outstanding.
        if (command && action.is_some()) || action.is_some_and(|a| AUDIT_ACTIONS.contains(&a)) {
            Self::Audit
        } else {
            Self::Metered
        }
    }
}

/// Frames (and their bytes as received) that were counted but not kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub frames: u64,
    pub bytes: u64,
}

/// Whether a frame is journaled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Admit {
    /// Keep it; `resumed` counts the frames skipped before it, to be journaled first.
    Keep { resumed: Option<Skipped> },
    /// Count it only; `first` for the first frame skipped since the bucket was last full (one
    /// log line per such episode, however often journaling stops and resumes within it).
    Skip { first: bool },
}

/// One connection's bucket.
#[derive(Debug)]
pub struct JournalBudget {
    /// Bytes that may still be journaled.
    level: u64,
    /// Up to when the level has been filled.
    refilled: Instant,
    skipped_bytes: u64,
    skipped_frames: u32,
    /// Whether this episode was logged (cleared when the bucket is full again).
    logged: bool,
}

impl JournalBudget {
    /// A full bucket (whatever the rate: the first fill brings it down to a minute's worth).
    pub fn new(now: Instant) -> Self {
        Self {
            level: u64::MAX,
            refilled: now,
            skipped_bytes: 0,
            skipped_frames: 0,
            logged: false,
        }
    }

    /// Decides about a frame of `received` bytes that takes `stored` bytes once stored, at
    /// `rate` bytes a minute (`0`: no limit).
    pub fn admit(
        &mut self,
        class: Class,
        stored: usize,
        received: usize,
        now: Instant,
        rate: u64,
    ) -> Admit {
        if rate == 0 {
            return Admit::Keep { resumed: None };
        }
        self.refill(now, rate);
        let summary = if self.skipped_frames > 0 {
            SKIPPED_ROW
        } else {
            0
        };
        let cost = (stored as u64).saturating_add(ROW_OVERHEAD + summary);
        let reserve = match class {
            Class::Audit => 0,
            Class::Metered => rate / 4,
        };
        if self.level >= reserve.saturating_add(cost) {
            self.level -= cost;
            return Admit::Keep {
                resumed: self.take_skipped(),
            };
        }
        self.skipped_frames = self.skipped_frames.saturating_add(1);
        self.skipped_bytes = self.skipped_bytes.saturating_add(received as u64);
        let first = !self.logged;
        self.logged = true;
        Admit::Skip { first }
    }

    /// Adds what `rate` gave since the last fill, up to a minute's worth. The time the added
    /// whole bytes stand for is all that is used up, so nothing is lost to rounding however
    /// often frames come.
    fn refill(&mut self, now: Instant, rate: u64) {
        let elapsed = now.saturating_duration_since(self.refilled).as_nanos();
        let added = u64::try_from(elapsed * u128::from(rate) / MINUTE_NANOS).unwrap_or(u64::MAX);
        if self.level.saturating_add(added) >= rate {
            self.level = rate;
            self.refilled = now;
            self.logged = false;
        } else if added > 0 {
            self.level += added;
            let used = u128::from(added) * MINUTE_NANOS / u128::from(rate);
            self.refilled += Duration::from_nanos(u64::try_from(used).unwrap_or(u64::MAX));
        }
    }

    /// The frames skipped since the last one kept, counted from zero again.
    pub fn take_skipped(&mut self) -> Option<Skipped> {
        if self.skipped_frames == 0 {
            return None;
        }
        let skipped = Skipped {
            frames: u64::from(self.skipped_frames),
            bytes: self.skipped_bytes,
        };
        (self.skipped_frames, self.skipped_bytes) = (0, 0);
        Some(skipped)
    }

    /// At the end of the connection: journals what was skipped since the last frame kept.
    pub async fn finish(&mut self, store: &Store, station: &Arc<str>) {
        if let Some(skipped) = self.take_skipped() {
            journal_skipped(store, station, skipped).await;
        }
    }
}

/// Journals the count of skipped frames.
pub async fn journal_skipped(store: &Store, station: &Arc<str>, skipped: Skipped) {
    tracing::debug!(station = %station, frames = skipped.frames, bytes = skipped.bytes, "journal budget: frames skipped");
    let row = JournalRow::skipped(station.clone(), skipped.frames, skipped.bytes, Utc::now());
    store.journal(row).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    const RATE: u64 = 60_000; // 1,000 bytes a second

    fn keep(resumed: Option<Skipped>) -> Admit {
        Admit::Keep { resumed }
    }

    #[test]
    fn audit_frames_are_the_stations_identity_and_billing_and_the_operators_commands() {
        use Direction::{In, Out};
        let of = Class::of;
        assert_eq!(of(In, Some(2), Some("StartTransaction")), Class::Audit);
        assert_eq!(of(Out, Some(3), Some("StopTransaction")), Class::Audit);
        assert_eq!(of(In, Some(2), Some("BootNotification")), Class::Audit);
        assert_eq!(of(Out, Some(2), Some("Reset")), Class::Audit);
        assert_eq!(of(In, Some(3), Some("Reset")), Class::Audit);
        assert_eq!(of(In, Some(4), Some("GetConfiguration")), Class::Audit);
        assert_eq!(of(In, Some(2), Some("DataTransfer")), Class::Metered);
        assert_eq!(of(Out, Some(3), Some("DataTransfer")), Class::Metered);
        assert_eq!(of(In, Some(2), Some("NoSuchAction")), Class::Metered);
        assert_eq!(of(In, Some(3), None), Class::Metered, "an unmatched answer");
        assert_eq!(of(In, None, None), Class::Metered);
    }

    #[test]
    fn a_flood_keeps_the_burst_then_the_rate_and_counts_the_rest() {
        let start = Instant::now();
        let mut bucket = JournalBudget::new(start);
        // 872 bytes a row: the burst above the reserve (45,000) holds 51 of them.
        let mut kept = 0;
        for _ in 0..100 {
            if let Admit::Keep { .. } = bucket.admit(Class::Metered, 744, 5000, start, RATE) {
                kept += 1;
            }
        }
        assert_eq!(kept, 51);
        assert_eq!(
            bucket.admit(Class::Metered, 744, 5000, start, RATE),
            Admit::Skip { first: false }
        );
        // A second later, 1,000 bytes more: one frame, and first the count of the 50 skipped.
        let later = start + Duration::from_secs(1);
        assert_eq!(
            bucket.admit(Class::Metered, 744, 5000, later, RATE),
            keep(Some(Skipped {
                frames: 50,
                bytes: 250_000
            }))
        );
        // The same episode goes on (logged once) until the bucket is full again.
        assert_eq!(
            bucket.admit(Class::Metered, 744, 5000, later, RATE),
            Admit::Skip { first: false }
        );
        let full = later + Duration::from_secs(60);
        assert_eq!(
            bucket.admit(Class::Metered, 744, 5000, full, RATE),
            keep(Some(Skipped {
                frames: 1,
                bytes: 5000
            }))
        );
        bucket.level = 0;
        assert_eq!(
            bucket.admit(Class::Metered, 744, 5000, full, RATE),
            Admit::Skip { first: true }
        );
    }

    #[test]
    fn the_reserve_is_for_audit_frames_and_is_spent_too() {
        let start = Instant::now();
        let mut bucket = JournalBudget::new(start);
        while let Admit::Keep { .. } = bucket.admit(Class::Metered, 872, 872, start, RATE) {}
        // The metered frames stopped above a quarter of the bucket: audit frames still go…
        assert_eq!(bucket.level, 15_000);
        let mut audit = 0;
        while let Admit::Keep { .. } = bucket.admit(Class::Audit, 872, 872, start, RATE) {
            audit += 1;
        }
        // …until the bucket is empty (the first also paid for the count of skipped frames).
        assert_eq!(audit, 14);
        assert!(bucket.level < 1000, "{}", bucket.level);
    }

    #[test]
    fn refilling_often_loses_nothing_to_rounding() {
        let start = Instant::now();
        let mut bucket = JournalBudget::new(start);
        bucket.level = 0;
        // Every 100 µs a tenth of a byte: after a second, 1,000 bytes.
        for n in 1..=10_000 {
            bucket.refill(start + Duration::from_micros(100 * n), RATE);
        }
        assert_eq!(bucket.level, 1000);
    }

    #[test]
    fn no_rate_keeps_everything() {
        let start = Instant::now();
        let mut bucket = JournalBudget::new(start);
        for _ in 0..1000 {
            assert_eq!(
                bucket.admit(Class::Metered, 1 << 20, 1 << 20, start, 0),
                keep(None)
            );
        }
        assert_eq!(bucket.take_skipped(), None);
    }

    #[test]
    fn the_journal_limits_must_fit_together() {
        use crate::{Settings, config::ByteSize};
        let with = |frame: u64, rate: u64, page: u64| {
            let mut settings = Settings::with_database("sqlite::memory:");
            settings.limits.journal_max_frame = ByteSize(frame);
            settings.limits.journal_station_rate = ByteSize(rate);
            settings.limits.journal_page_bytes = ByteSize(page);
            settings.validate()
        };
        let kib = ByteSize::KIB;
        assert_eq!(with(16 * kib, 256 * kib, 1024 * kib), Ok(()));
        assert_eq!(with(kib, 0, kib), Ok(()), "no rate limit");
        assert!(with(kib - 1, 0, kib).is_err(), "frames under 1 KiB");
        assert!(
            with(16 * kib, 0, 8 * kib).is_err(),
            "a frame larger than a page"
        );
        assert!(
            with(16 * kib, 32 * kib, 1024 * kib).is_err(),
            "a rate of two frames"
        );
    }

    #[test]
    fn a_session_spends_a_few_words_on_it() {
        assert!(std::mem::size_of::<JournalBudget>() <= 48);
    }
}
