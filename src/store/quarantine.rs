//! A writer's memory of stations whose rows the database refused (a trigger, a constraint, a
//! value it cannot store): their later rows are kept out of the batch's shared INSERTs, so that
//! a row refused again and again never again fails, rolls back and reruns the other stations'
//! batch.
//!
//! A station whose job failed on its own (run again alone after its batch failed, or alone in
//! its batch) is *suspect* for that table (meter samples or journal rows). Its jobs for that
//! table are then
//! - *held back* (failed at once, without the database) until its back-off has passed: 100 ms
//!   after the first refusal, doubling with each further one up to 5 s, so that a station
//!   retrying a refused row as fast as it is answered costs the database one try per back-off.
//!   Only samples are held back: their station is answered InternalError and sends them again.
//!   Nobody sends a journal row again, so a suspect's journal rows are always tried;
//! - otherwise tried *apart*: in a savepoint of their own after the batch's shared rows. A job
//!   that is refused again extends the back-off; one that is stored clears the suspicion, and the
//!   station's rows go back into the shared INSERTs.
//!
//! Closures ([`super::Store::write`]) name no station. When one is refused on its own, every
//! closure of the writer's batches runs in a savepoint of its own for the next 10 s (each further
//! refusal extends it): a closure refused again then fails alone, never the batch.
//!
//! Bounded: at most [`CAPACITY`] suspects per writer; beyond it the one refused longest ago is
//! forgotten (it costs at most one more rerun if it is refused again).

use std::{
    collections::HashMap,
    sync::Arc,
    time::{Duration, Instant},
};

/// Most suspects one writer remembers.
pub(super) const CAPACITY: usize = 1024;
/// The back-off after a station's first refusal.
const FIRST_BACKOFF: Duration = Duration::from_millis(100);
/// The longest back-off.
const MAX_BACKOFF: Duration = Duration::from_secs(5);
/// How long closures run apart after one was refused.
const CLOSURES_APART_FOR: Duration = Duration::from_secs(10);

/// The table a job's rows go to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Table {
    Meter,
    Journal,
}

/// How a job of a batch is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Route {
    /// With the others, in the shared INSERTs.
    Shared,
    /// In a savepoint of its own after the shared rows.
    Apart,
    /// Failed at once: its station's back-off is running.
    HeldBack,
}

struct Suspect {
    refused_at: Instant,
    backoff: Duration,
}

impl Suspect {
    fn retry_at(&self) -> Instant {
        self.refused_at + self.backoff
    }
}

#[derive(Default)]
pub(super) struct Quarantine {
    suspects: HashMap<(Arc<str>, Table), Suspect>,
    closures_apart_until: Option<Instant>,
}

impl Quarantine {
    /// How a job of `station` for `table` is written now.
    pub fn route(&self, station: &Arc<str>, table: Table, now: Instant) -> Route {
        if self.suspects.is_empty() {
            return Route::Shared;
        }
        match self.suspects.get(&(station.clone(), table)) {
            None => Route::Shared,
            Some(suspect) if table == Table::Meter && now < suspect.retry_at() => Route::HeldBack,
            Some(_) => Route::Apart,
        }
    }

    /// A job of `station` for `table` failed on its own.
    pub fn refused(&mut self, station: &Arc<str>, table: Table, now: Instant) {
        let key = (station.clone(), table);
        if let Some(suspect) = self.suspects.get_mut(&key) {
            suspect.refused_at = now;
            suspect.backoff = (suspect.backoff * 2).min(MAX_BACKOFF);
            return;
        }
        if self.suspects.len() >= CAPACITY {
            self.forget_oldest();
        }
        self.suspects.insert(
            key,
            Suspect {
                refused_at: now,
                backoff: FIRST_BACKOFF,
            },
        );
    }

    /// A job of `station` for `table` run apart was stored: its rows go back to the shared
    /// INSERTs.
    pub fn stored(&mut self, station: &Arc<str>, table: Table) {
        self.suspects.remove(&(station.clone(), table));
    }

    fn forget_oldest(&mut self) {
        let oldest = self
            .suspects
            .iter()
            .min_by_key(|(_, s)| s.refused_at)
            .map(|(key, _)| key.clone());
        if let Some(key) = oldest {
            self.suspects.remove(&key);
        }
    }

    /// A closure failed on its own.
    pub fn closure_refused(&mut self, now: Instant) {
        self.closures_apart_until = Some(now + CLOSURES_APART_FOR);
    }

    /// Whether closures run each in a savepoint of their own now.
    pub fn closures_apart(&self, now: Instant) -> bool {
        self.closures_apart_until.is_some_and(|until| now < until)
    }

    /// How many station and table pairs are suspect.
    pub fn len(&self) -> usize {
        self.suspects.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_station_is_held_back_then_tried_apart_and_released_once_stored() {
        let mut q = Quarantine::default();
        let (cp, other): (Arc<str>, Arc<str>) = (Arc::from("CP1"), Arc::from("CP2"));
        let t0 = Instant::now();
        assert_eq!(q.route(&cp, Table::Meter, t0), Route::Shared);
        q.refused(&cp, Table::Meter, t0);
        assert_eq!(q.route(&cp, Table::Meter, t0), Route::HeldBack);
        // Only that station, only that table.
        assert_eq!(q.route(&other, Table::Meter, t0), Route::Shared);
        assert_eq!(q.route(&cp, Table::Journal, t0), Route::Shared);
        // Journal rows, which nobody sends again, are never held back, only written apart.
        q.refused(&cp, Table::Journal, t0);
        assert_eq!(q.route(&cp, Table::Journal, t0), Route::Apart);
        let t1 = t0 + FIRST_BACKOFF;
        assert_eq!(q.route(&cp, Table::Meter, t1), Route::Apart);
        // Refused again: twice as long.
        q.refused(&cp, Table::Meter, t1);
        assert_eq!(
            q.route(&cp, Table::Meter, t1 + FIRST_BACKOFF),
            Route::HeldBack
        );
        assert_eq!(
            q.route(&cp, Table::Meter, t1 + 2 * FIRST_BACKOFF),
            Route::Apart
        );
        q.stored(&cp, Table::Meter);
        assert_eq!(q.route(&cp, Table::Meter, t1), Route::Shared);
        q.stored(&cp, Table::Journal);
        assert_eq!(q.len(), 0);
    }

    #[test]
    fn the_backoff_is_capped_and_the_memory_bounded() {
        let mut q = Quarantine::default();
        let cp: Arc<str> = Arc::from("CP1");
        let mut now = Instant::now();
        for _ in 0..20 {
            q.refused(&cp, Table::Meter, now);
            now += Duration::from_millis(1);
        }
        assert_eq!(q.route(&cp, Table::Meter, now + MAX_BACKOFF), Route::Apart);
        for n in 0..CAPACITY + 10 {
            q.refused(&Arc::from(format!("S{n}")), Table::Meter, now);
            now += Duration::from_millis(1);
        }
        assert_eq!(q.len(), CAPACITY);
        // The oldest were forgotten, the newest kept.
        assert_eq!(q.route(&cp, Table::Meter, now), Route::Shared);
        let newest: Arc<str> = Arc::from(format!("S{}", CAPACITY + 9));
        assert_eq!(q.route(&newest, Table::Meter, now), Route::HeldBack);
    }

    #[test]
    fn closures_run_apart_for_a_while_after_one_was_refused() {
        let mut q = Quarantine::default();
        let t0 = Instant::now();
        assert!(!q.closures_apart(t0));
        q.closure_refused(t0);
        assert!(q.closures_apart(t0 + Duration::from_secs(1)));
        assert!(!q.closures_apart(t0 + CLOSURES_APART_FOR));
    }
}
