//! Meter rollups: each meter series' (station connector's) figures per 15-minute bucket, computed
//! from the raw readings (`meter_readings`) by a background job and kept for good, and read back
//! per quarter hour, hour, day, ISO week or month (`meterRollups`, the console's long charts).
//!
//! The job ([`roll_up`]) keeps a watermark, the last reading id rolled up, in
//! `meter_rollup_state`. Each step takes the next readings above it (at most [`STEP_READINGS`],
//! of at most [`STEP_SERIES`] connectors), finds the (series, bucket) pairs they touch and
//! merges the readings into each such bucket's rollup when they only append to it
//! ([`appends`]: exactly what computing again gives), or else computes the bucket again from
//! all its raw readings up to the step's last id, then advances the watermark, in one
//! transaction: a step cut short by a crash is done again whole. Data that arrives late (a station's offline queue: old timestamps, new ids) thus
//! updates its bucket, and the next bucket's energy, which depends on it.
//!
//! Energy delivered in a bucket is the sum of the steps up between consecutive register readings
//! (`Energy.Active.Import.Register` without phase) of the series, in time order, that end in the
//! bucket: from the last register reading of the previous bucket that has one to this bucket's
//! first, then between this bucket's own. A step down (a meter replaced or reset) counts 0 and
//! starts over from the lower reading. So a month's buckets add up to the register difference
//! across the month (from the last reading before it to its last), whenever the register never
//! went down.
//!
//! The raw retention ([`prune`], `--meter-retention`) deletes readings older than the retention,
//! whole buckets at a time, only once they are rolled up, after moving `raw_from` (from when
//! raw readings are all still there) forward. A bucket before `raw_from` is never computed
//! again from raw readings (they may be gone): a reading that arrives for it later is merged
//! into its rollup ([`merge`]) instead, exactly once (the watermark passes it once), and
//! deleted by the next prune.
//!
//! Each write of a 15-minute rollup marks its day stale; at the end of each run the job makes
//! the daily rollups (`meter_rollup_days`) of the stale days that have ended again
//! ([`refresh_days`]). Days, weeks and months read the daily rollups of whole days that are
//! not stale, and 15-minute rollups for the rest ([`read`]).
//!
//! On PostgreSQL the job's transactions take an advisory lock (only one node computes at a
//! time, the others skip), and it rolls up only ids it saw at least [`SETTLE`] before: a row
//! whose transaction took a lower id than one already committed may commit later, and the
//! watermark must not pass it. On SQLite a single writer commits ids in order.

use std::{
    collections::{BTreeMap, BTreeSet},
    sync::Arc,
    time::Duration,
};

use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use entity::{
    meter_reading, meter_rollup, meter_rollup_day, meter_rollup_stale_day, meter_rollup_state,
    meter_series, samples::Sample,
};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseTransaction, DbBackend, DbErr, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Statement, sea_query::OnConflict,
};

use crate::{
    context::Context,
    store::{Store, StoreError},
};

/// A bucket's length, µs.
pub const BUCKET_US: i64 = 15 * 60 * 1_000_000;

/// A day's length, µs (UTC days, the daily rollups').
pub const DAY_US: i64 = 24 * 3_600_000_000;

/// Stale days the job makes again in one transaction.
const DAY_SLICE: u64 = 500;

/// Most readings one step of the job takes (one transaction of the writer).
pub const STEP_READINGS: u64 = 5000;

/// Most meter series (connectors) one step touches: a step's queries are per touched series,
/// so this bounds how long it holds the writer, while a few busy stations' readings are taken
/// thousands at a time.
pub const STEP_SERIES: usize = 250;

/// PostgreSQL: how long a reading id must have been seen before the job passes it.
pub const SETTLE: Duration = Duration::from_secs(30);

/// Most buckets (periods times connectors) one `meterRollups` answer may hold.
pub const MAX_ANSWER_BUCKETS: usize = 10_000;

/// How often the retention deletes old raw readings.
const PRUNE_EVERY: Duration = Duration::from_secs(3600);

/// Raw readings one delete statement takes.
const PRUNE_SLICE: u64 = 5000;

/// Touched buckets of one series this close (in buckets) are computed together, with the
/// buckets between them, from one read of their readings.
const CLUSTER_GAP: i64 = 96;

/// Key of the PostgreSQL advisory lock the job and the retention take.
const ROLLUP_LOCK: i64 = 0x6367_726f_6c6c_7570; // "cgrollup"

/// The start of the UTC day holding `at` (µs).
pub fn day_of(at: i64) -> i64 {
    at.div_euclid(DAY_US) * DAY_US
}

/// The start of the bucket holding `at` (µs).
pub fn bucket_of(at: i64) -> i64 {
    at.div_euclid(BUCKET_US) * BUCKET_US
}

/// What one reading brings to its bucket.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub id: i64,
    /// The station's timestamp, µs.
    pub at: i64,
    pub register_wh: Option<f64>,
    pub power_w: Option<f64>,
    pub soc_percent: Option<f64>,
}

/// The reading's power (`Power.Active.Import` without phase, W or kW, the outlet's first when it
/// has several locations) and state of charge (`SoC`, its last).
pub fn point(id: i64, at: i64, register_wh: Option<f64>, samples: &[Sample]) -> Point {
    let mut power: Option<(f64, bool)> = None;
    let mut soc = None;
    for s in samples {
        let Some(value) = s.numeric_value.filter(|v| v.is_finite()) else {
            continue;
        };
        match &*s.measurand {
            "Power.Active.Import" if s.phase.is_none() => {
                let watts = match &*s.unit {
                    "W" => value,
                    "kW" => value * 1000.0,
                    _ => continue,
                };
                let outlet = s.location == "Outlet";
                if power.is_none_or(|(_, was_outlet)| outlet && !was_outlet) {
                    power = Some((watts, outlet));
                }
            }
            "SoC" => soc = Some(value),
            _ => {}
        }
    }
    Point {
        id,
        at,
        register_wh: register_wh.filter(|r| r.is_finite()),
        power_w: power.map(|(w, _)| w),
        soc_percent: soc,
    }
}

/// The energy of a register step: what it went up by; a step down starts over (0).
fn step(from: f64, to: f64) -> f64 {
    if to >= from { to - from } else { 0.0 }
}

/// An empty rollup of `(series, bucket)`.
pub fn empty(series: i32, bucket: i64) -> meter_rollup::Model {
    meter_rollup::Model {
        series,
        bucket,
        readings: 0,
        energy_wh: 0.0,
        inner_wh: 0.0,
        power_sum_w: 0.0,
        power_count: 0,
        power_max_w: None,
        first_register_wh: None,
        first_register_at: None,
        last_register_wh: None,
        last_register_at: None,
        soc_percent: None,
        soc_at: None,
    }
}

/// Sets `energy_wh` from the bucket's own steps and `previous`, the last register reading of
/// the series before the bucket.
pub fn reprice(rollup: &mut meter_rollup::Model, previous: Option<f64>) {
    let boundary = match (previous, rollup.first_register_wh) {
        (Some(before), Some(first)) => step(before, first),
        _ => 0.0,
    };
    rollup.energy_wh = rollup.inner_wh + boundary;
}

/// Adds one reading to a rollup. Readings must come in time order for the energy to be exact,
/// except for [`merge`]'s late readings (see there).
fn add(rollup: &mut meter_rollup::Model, p: &Point) {
    rollup.readings = rollup.readings.saturating_add(1);
    if let Some(w) = p.power_w {
        rollup.power_sum_w += w;
        rollup.power_count = rollup.power_count.saturating_add(1);
        rollup.power_max_w = Some(rollup.power_max_w.map_or(w, |m| m.max(w)));
    }
    if let Some(soc) = p.soc_percent
        && rollup.soc_at.is_none_or(|t| p.at >= t)
    {
        rollup.soc_percent = Some(soc);
        rollup.soc_at = Some(p.at);
    }
    let Some(r) = p.register_wh else {
        return;
    };
    match (
        rollup.first_register_at,
        rollup.last_register_at,
        rollup.first_register_wh,
        rollup.last_register_wh,
    ) {
        (Some(first_at), Some(last_at), Some(first), Some(last)) => {
            if p.at >= last_at {
                rollup.inner_wh += step(last, r);
                rollup.last_register_wh = Some(r);
                rollup.last_register_at = Some(p.at);
            } else if p.at < first_at {
                rollup.inner_wh += step(r, first);
                rollup.first_register_wh = Some(r);
                rollup.first_register_at = Some(p.at);
            }
            // Between the two: the steps on either side are not known any more; with a
            // register that only goes up they add up to the same.
        }
        _ => {
            rollup.first_register_wh = Some(r);
            rollup.first_register_at = Some(p.at);
            rollup.last_register_wh = Some(r);
            rollup.last_register_at = Some(p.at);
        }
    }
}

/// The rollup of `(series, bucket)` from all its readings, in time order, after `previous`
/// (the series' last register reading before the bucket).
pub fn compute(
    series: i32,
    bucket: i64,
    points: &[Point],
    previous: Option<f64>,
) -> meter_rollup::Model {
    let mut rollup = empty(series, bucket);
    let mut sorted: Vec<&Point> = points.iter().collect();
    sorted.sort_by_key(|p| (p.at, p.id));
    for p in sorted {
        add(&mut rollup, p);
    }
    reprice(&mut rollup, previous);
    rollup
}

/// Merges late readings into the rollup of a bucket whose raw readings may be gone: counts,
/// power and SoC exactly; a register reading before the bucket's first or after its last
/// extends its energy by that step; one between them changes nothing (exact while the
/// register only goes up).
pub fn merge(rollup: &mut meter_rollup::Model, points: &[Point], previous: Option<f64>) {
    let mut sorted: Vec<&Point> = points.iter().collect();
    sorted.sort_by_key(|p| (p.at, p.id));
    for p in sorted {
        add(rollup, p);
    }
    reprice(rollup, previous);
}

// ----------------------------------------------------------------------------------------
// Reading the rollups back.

/// How the rollups are grouped (UTC).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Interval {
    QuarterHour,
    Hour,
    Day,
    /// ISO weeks, Monday to Monday.
    Week,
    Month,
}

/// The start of the period of `every` that holds `at` (µs).
pub fn period_start(at: i64, every: Interval) -> i64 {
    const HOUR: i64 = 3_600_000_000;
    const DAY: i64 = 24 * HOUR;
    match every {
        Interval::QuarterHour => bucket_of(at),
        Interval::Hour => at.div_euclid(HOUR) * HOUR,
        Interval::Day => at.div_euclid(DAY) * DAY,
        // 1970-01-01 was a Thursday: Mondays are 4 days after a multiple of 7 days.
        Interval::Week => (at - 4 * DAY).div_euclid(7 * DAY) * 7 * DAY + 4 * DAY,
        Interval::Month => {
            let day = DateTime::from_timestamp_micros(at).unwrap_or_default();
            month_start(day.year(), day.month())
        }
    }
}

fn month_start(year: i32, month: u32) -> i64 {
    NaiveDate::from_ymd_opt(year, month, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map_or(0, |d| Utc.from_utc_datetime(&d).timestamp_micros())
}

/// The end of the period that starts at `start`.
pub fn period_end(start: i64, every: Interval) -> i64 {
    const HOUR: i64 = 3_600_000_000;
    match every {
        Interval::QuarterHour => start + BUCKET_US,
        Interval::Hour => start + HOUR,
        Interval::Day => start + 24 * HOUR,
        Interval::Week => start + 7 * 24 * HOUR,
        Interval::Month => {
            let day = DateTime::from_timestamp_micros(start).unwrap_or_default();
            if day.month() == 12 {
                month_start(day.year() + 1, 1)
            } else {
                month_start(day.year(), day.month() + 1)
            }
        }
    }
}

/// How many periods of `every` the buckets starting in `[from, to)` fall in, at most.
pub fn periods_in(from: i64, to: i64, every: Interval) -> u64 {
    if to <= from {
        return 0;
    }
    let first = period_start(from, every);
    let last = period_start(to - 1, every);
    match every {
        Interval::Month => {
            let a = DateTime::from_timestamp_micros(first).unwrap_or_default();
            let b = DateTime::from_timestamp_micros(last).unwrap_or_default();
            let months = (i64::from(b.year()) - i64::from(a.year())) * 12 + i64::from(b.month())
                - i64::from(a.month());
            u64::try_from(months + 1).unwrap_or(0)
        }
        _ => {
            let length = period_end(first, every) - first;
            u64::try_from((last - first) / length + 1).unwrap_or(0)
        }
    }
}

/// One period's figures of one connector.
#[derive(Clone, Debug, PartialEq)]
pub struct Period {
    pub connector_id: i32,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub readings: i64,
    pub energy_wh: f64,
    /// The mean of the power readings, W (each reading weighs the same).
    pub power_avg_w: Option<f64>,
    pub power_max_w: Option<f64>,
    pub first_register: Option<(f64, DateTime<Utc>)>,
    pub last_register: Option<(f64, DateTime<Utc>)>,
    pub soc_last: Option<(f64, DateTime<Utc>)>,
}

fn time(us: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_micros(us).unwrap_or_default()
}

/// Adds rollup `r` into `acc`, the rollup of a longer period that holds it: readings, energy
/// and power sums added, the maximum of the maxima, the earlier first register reading, the
/// later last register reading and state of charge.
fn fold(acc: &mut meter_rollup::Model, r: &meter_rollup::Model) {
    acc.readings = acc.readings.saturating_add(r.readings);
    acc.energy_wh += r.energy_wh;
    acc.power_sum_w += r.power_sum_w;
    acc.power_count = acc.power_count.saturating_add(r.power_count);
    if let Some(m) = r.power_max_w {
        acc.power_max_w = Some(acc.power_max_w.map_or(m, |a| a.max(m)));
    }
    if let (Some(wh), Some(at)) = (r.first_register_wh, r.first_register_at)
        && acc.first_register_at.is_none_or(|t| at < t)
    {
        acc.first_register_wh = Some(wh);
        acc.first_register_at = Some(at);
    }
    if let (Some(wh), Some(at)) = (r.last_register_wh, r.last_register_at)
        && acc.last_register_at.is_none_or(|t| at >= t)
    {
        acc.last_register_wh = Some(wh);
        acc.last_register_at = Some(at);
    }
    if let (Some(soc), Some(at)) = (r.soc_percent, r.soc_at)
        && acc.soc_at.is_none_or(|t| at >= t)
    {
        acc.soc_percent = Some(soc);
        acc.soc_at = Some(at);
    }
}

/// Groups one connector's rollups (15-minute ones, or daily ones as rollups whose bucket is
/// the day, for days and longer) into periods of `every`: energy and readings summed, power
/// averaged over all its readings, the maximum of the maxima, the first and last register
/// reading and the last SoC.
pub fn aggregate(connector_id: i32, rows: &[meter_rollup::Model], every: Interval) -> Vec<Period> {
    let mut periods: BTreeMap<i64, meter_rollup::Model> = BTreeMap::new();
    for r in rows {
        let start = period_start(r.bucket, every);
        fold(
            periods
                .entry(start)
                .or_insert_with(|| empty(r.series, start)),
            r,
        );
    }
    let timed = |v: Option<f64>, at: Option<i64>| v.zip(at).map(|(v, at)| (v, time(at)));
    periods
        .into_iter()
        .map(|(start, a)| Period {
            connector_id,
            start: time(start),
            end: time(period_end(start, every)),
            readings: i64::from(a.readings),
            energy_wh: a.energy_wh,
            power_avg_w: (a.power_count > 0).then(|| a.power_sum_w / f64::from(a.power_count)),
            power_max_w: a.power_max_w,
            first_register: timed(a.first_register_wh, a.first_register_at),
            last_register: timed(a.last_register_wh, a.last_register_at),
            soc_last: timed(a.soc_percent, a.soc_at),
        })
        .collect()
}

/// The daily rollup of `(series, day)` from the day's 15-minute rollups; none without any.
pub fn day_row(
    series: i32,
    day: i64,
    rows: &[meter_rollup::Model],
) -> Option<meter_rollup_day::Model> {
    if rows.is_empty() {
        return None;
    }
    let mut acc = empty(series, day);
    for r in rows {
        fold(&mut acc, r);
    }
    Some(meter_rollup_day::Model {
        series,
        day,
        readings: acc.readings,
        energy_wh: acc.energy_wh,
        power_sum_w: acc.power_sum_w,
        power_count: acc.power_count,
        power_max_w: acc.power_max_w,
        first_register_wh: acc.first_register_wh,
        first_register_at: acc.first_register_at,
        last_register_wh: acc.last_register_wh,
        last_register_at: acc.last_register_at,
        soc_percent: acc.soc_percent,
        soc_at: acc.soc_at,
    })
}

/// A daily rollup as a rollup whose bucket is the day (what [`aggregate`] groups).
fn as_rollup(d: meter_rollup_day::Model) -> meter_rollup::Model {
    meter_rollup::Model {
        series: d.series,
        bucket: d.day,
        readings: d.readings,
        energy_wh: d.energy_wh,
        inner_wh: 0.0,
        power_sum_w: d.power_sum_w,
        power_count: d.power_count,
        power_max_w: d.power_max_w,
        first_register_wh: d.first_register_wh,
        first_register_at: d.first_register_at,
        last_register_wh: d.last_register_wh,
        last_register_at: d.last_register_at,
        soc_percent: d.soc_percent,
        soc_at: d.soc_at,
    }
}

/// Why rollups were not answered.
#[derive(Debug, thiserror::Error)]
pub enum RollupError {
    #[error("`to` must be after `from`")]
    EmptyRange,
    #[error(
        "the answer would hold up to {0} buckets (periods times connectors), more than \
         {MAX_ANSWER_BUCKETS}: ask for a shorter range, a longer interval or one connector"
    )]
    TooManyBuckets(u64),
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// The rollups of `station_id` (one connector, or each), grouped by `every`, of the buckets
/// that start in `[from, to)`; periods without readings are left out. Connectors in order.
pub async fn read(
    db: &impl ConnectionTrait,
    station_id: &str,
    connector_id: Option<i32>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    every: Interval,
) -> Result<Vec<Period>, RollupError> {
    let (from, to) = (from.timestamp_micros(), to.timestamp_micros());
    if to <= from {
        return Err(RollupError::EmptyRange);
    }
    let periods = periods_in(from, to, every);
    if periods > MAX_ANSWER_BUCKETS as u64 {
        return Err(RollupError::TooManyBuckets(periods));
    }
    let mut series = meter_series::Entity::find()
        .select_only()
        .column(meter_series::Column::Id)
        .column(meter_series::Column::ConnectorId)
        .filter(meter_series::Column::StationId.eq(station_id))
        .order_by_asc(meter_series::Column::ConnectorId);
    if let Some(c) = connector_id {
        series = series.filter(meter_series::Column::ConnectorId.eq(c));
    }
    let series: Vec<(i32, i32)> = series.into_tuple().all(db).await?;
    let total = periods.saturating_mul(series.len() as u64);
    if total > MAX_ANSWER_BUCKETS as u64 {
        return Err(RollupError::TooManyBuckets(total));
    }
    let mut out = Vec::new();
    for (id, connector) in series {
        let rows = match every {
            Interval::Day | Interval::Week | Interval::Month => by_days(db, id, from, to).await?,
            Interval::QuarterHour | Interval::Hour => quarter_hours(db, id, from, to).await?,
        };
        out.extend(aggregate(connector, &rows, every));
    }
    Ok(out)
}

/// One series' 15-minute rollups of the buckets that start in `[from, to)`, in bucket order.
async fn quarter_hours(
    db: &impl ConnectionTrait,
    series: i32,
    from: i64,
    to: i64,
) -> Result<Vec<meter_rollup::Model>, DbErr> {
    if to <= from {
        return Ok(Vec::new());
    }
    meter_rollup::Entity::find()
        .filter(meter_rollup::Column::Series.eq(series))
        .filter(meter_rollup::Column::Bucket.gte(from))
        .filter(meter_rollup::Column::Bucket.lt(to))
        .order_by_asc(meter_rollup::Column::Bucket)
        .all(db)
        .await
}

/// One series' rollups of the buckets that start in `[from, to)`, for periods of a day or
/// longer: the daily rollups of the whole days (as rollups whose bucket is the day), and the
/// 15-minute rollups of the part days at either end and of the days whose daily rollup is
/// stale (not made again yet since a bucket of the day changed). In bucket order.
async fn by_days(
    db: &impl ConnectionTrait,
    series: i32,
    from: i64,
    to: i64,
) -> Result<Vec<meter_rollup::Model>, DbErr> {
    let (first_day, end_day) = (day_of(from.saturating_add(DAY_US - 1)), day_of(to));
    if first_day >= end_day {
        return quarter_hours(db, series, from, to).await;
    }
    let stale: Vec<i64> = meter_rollup_stale_day::Entity::find()
        .select_only()
        .column(meter_rollup_stale_day::Column::Day)
        .filter(meter_rollup_stale_day::Column::Series.eq(series))
        .filter(meter_rollup_stale_day::Column::Day.gte(first_day))
        .filter(meter_rollup_stale_day::Column::Day.lt(end_day))
        .order_by_asc(meter_rollup_stale_day::Column::Day)
        .into_tuple()
        .all(db)
        .await?;
    let mut rows = quarter_hours(db, series, from, first_day).await?;
    for &day in &stale {
        rows.extend(quarter_hours(db, series, day, day + DAY_US).await?);
    }
    let days = meter_rollup_day::Entity::find()
        .filter(meter_rollup_day::Column::Series.eq(series))
        .filter(meter_rollup_day::Column::Day.gte(first_day))
        .filter(meter_rollup_day::Column::Day.lt(end_day))
        .order_by_asc(meter_rollup_day::Column::Day)
        .all(db)
        .await?;
    rows.extend(
        days.into_iter()
            .filter(|d| stale.binary_search(&d.day).is_err())
            .map(as_rollup),
    );
    rows.extend(quarter_hours(db, series, end_day, to).await?);
    rows.sort_by_key(|r| r.bucket);
    Ok(rows)
}

// ----------------------------------------------------------------------------------------
// The job.

/// Whether the job waits for ids to settle before passing them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lag {
    /// Every id visible now (SQLite, whose single writer commits ids in order; tests).
    None,
    /// Only ids seen at least [`SETTLE`] ago (PostgreSQL).
    Settle,
}

impl Lag {
    /// What the backend needs.
    pub fn of(backend: DbBackend) -> Self {
        if backend == DbBackend::Postgres {
            Self::Settle
        } else {
            Self::None
        }
    }
}

/// What one run of the job did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Readings rolled up.
    pub readings: u64,
    /// Buckets written (computed again or merged into).
    pub buckets: u64,
    /// Daily rollups made again.
    pub days: u64,
    /// Another node held the lock (PostgreSQL): nothing was done.
    pub busy: bool,
}

/// Takes the job's lock for the transaction: always on SQLite (one writer), on PostgreSQL
/// unless another node holds it.
async fn lock(txn: &DatabaseTransaction) -> Result<bool, DbErr> {
    if txn.get_database_backend() != DbBackend::Postgres {
        return Ok(true);
    }
    let row = txn
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            format!("SELECT pg_try_advisory_xact_lock({ROLLUP_LOCK}) AS locked"),
        ))
        .await?;
    Ok(match row {
        Some(row) => row.try_get::<bool>("", "locked")?,
        None => false,
    })
}

async fn state(txn: &DatabaseTransaction) -> Result<meter_rollup_state::Model, DbErr> {
    meter_rollup_state::Entity::find_by_id(1)
        .one(txn)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("meter_rollup_state".into()))
}

async fn max_id(txn: &DatabaseTransaction) -> Result<i64, DbErr> {
    let max: Option<Option<i64>> = meter_reading::Entity::find()
        .select_only()
        .column_as(meter_reading::Column::Id.max(), "max_id")
        .into_tuple()
        .one(txn)
        .await?;
    Ok(max.flatten().unwrap_or(0))
}

/// How far this run may go: with [`Lag::Settle`], the id seen at least [`SETTLE`] ago (and a
/// new one is seen once that one is passed). `None` when another node holds the lock.
async fn settle_target(store: &Store, lag: Lag, now_us: i64) -> Result<Option<i64>, StoreError> {
    store
        .write(move |txn| {
            Box::pin(async move {
                if !lock(txn).await? {
                    return Ok(None);
                }
                let st = state(txn).await?;
                let newest = max_id(txn).await?;
                if lag == Lag::None {
                    return Ok(Some(newest));
                }
                let settle = i64::try_from(SETTLE.as_micros()).unwrap_or(i64::MAX);
                if st.seen_id > st.done_id {
                    // Waiting for the ids seen before to settle.
                    let ready = st.seen_at <= now_us.saturating_sub(settle);
                    return Ok(Some(if ready { st.seen_id } else { st.done_id }));
                }
                if newest > st.done_id {
                    meter_rollup_state::Entity::update_many()
                        .col_expr(meter_rollup_state::Column::SeenId, newest.into())
                        .col_expr(meter_rollup_state::Column::SeenAt, now_us.into())
                        .filter(meter_rollup_state::Column::Id.eq(1))
                        .exec(txn)
                        .await?;
                }
                Ok(Some(st.done_id))
            })
        })
        .await
}

/// Rolls up the readings above the watermark, up to what `lag` allows, a step (one
/// transaction) at a time. Run it again and it does nothing more until new readings come.
pub async fn roll_up(store: &Store, lag: Lag) -> Result<Progress, StoreError> {
    let mut progress = Progress::default();
    let now_us = Utc::now().timestamp_micros();
    let Some(target) = settle_target(store, lag, now_us).await? else {
        progress.busy = true;
        return Ok(progress);
    };
    loop {
        let done = store
            .write(move |txn| Box::pin(async move { roll_up_step(txn, target).await }))
            .await?;
        let Some((readings, buckets, caught_up)) = done else {
            progress.busy = true;
            return Ok(progress);
        };
        progress.readings += readings;
        progress.buckets += buckets;
        if caught_up {
            break;
        }
    }
    if lag == Lag::Settle {
        // The ids seen before are passed: see the newest now, to pass them at a later run.
        settle_target(store, lag, now_us).await?;
    }
    progress.days = refresh_days(store, now_us).await?;
    Ok(progress)
}

/// Makes the daily rollups of the stale days that ended by `now_us` again from their 15-minute
/// rollups (a day left without any loses its daily rollup), a slice of days a transaction,
/// until none is left. Today stays stale until it ends (readers take its 15-minute rollups), so
/// a connector's day is made once, not at every run, unless late data changes it again.
/// Returns the days made (0 while another node holds the lock).
pub async fn refresh_days(store: &Store, now_us: i64) -> Result<u64, StoreError> {
    let today = day_of(now_us);
    let mut total = 0;
    loop {
        let done = store
            .write(move |txn| {
                Box::pin(async move {
                    if !lock(txn).await? {
                        return Ok(None);
                    }
                    let stale: Vec<(i32, i64)> = meter_rollup_stale_day::Entity::find()
                        .select_only()
                        .column(meter_rollup_stale_day::Column::Series)
                        .column(meter_rollup_stale_day::Column::Day)
                        .filter(meter_rollup_stale_day::Column::Day.lt(today))
                        .order_by_asc(meter_rollup_stale_day::Column::Series)
                        .order_by_asc(meter_rollup_stale_day::Column::Day)
                        .limit(DAY_SLICE)
                        .into_tuple()
                        .all(txn)
                        .await?;
                    for &(series, day) in &stale {
                        let rows = quarter_hours(txn, series, day, day + DAY_US).await?;
                        match day_row(series, day, &rows) {
                            Some(row) => upsert_day(txn, row).await?,
                            None => {
                                meter_rollup_day::Entity::delete_by_id((series, day))
                                    .exec(txn)
                                    .await?;
                            }
                        }
                        meter_rollup_stale_day::Entity::delete_by_id((series, day))
                            .exec(txn)
                            .await?;
                    }
                    Ok(Some(stale.len() as u64))
                })
            })
            .await?;
        match done {
            Some(n) => {
                total += n;
                if n < DAY_SLICE {
                    return Ok(total);
                }
            }
            None => return Ok(total),
        }
    }
}

/// Writes a daily rollup, replacing the one of the same (series, day).
async fn upsert_day(db: &impl ConnectionTrait, row: meter_rollup_day::Model) -> Result<(), DbErr> {
    use meter_rollup_day::Column as C;
    meter_rollup_day::Entity::insert(sea_orm::IntoActiveModel::into_active_model(row))
        .on_conflict(
            OnConflict::columns([C::Series, C::Day])
                .update_columns([
                    C::Readings,
                    C::EnergyWh,
                    C::PowerSumW,
                    C::PowerCount,
                    C::PowerMaxW,
                    C::FirstRegisterWh,
                    C::FirstRegisterAt,
                    C::LastRegisterWh,
                    C::LastRegisterAt,
                    C::SocPercent,
                    C::SocAt,
                ])
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// A reading as a step reads it: id, series, time, register, packed samples.
type ReadingRow = (i64, i32, i64, Option<f64>, Vec<u8>);

/// One step: the next readings above the watermark up to `target`. Returns the readings and
/// buckets done and whether the watermark reached `target`; `None` when another node holds
/// the lock.
async fn roll_up_step(
    txn: &DatabaseTransaction,
    target: i64,
) -> Result<Option<(u64, u64, bool)>, DbErr> {
    if !lock(txn).await? {
        return Ok(None);
    }
    let st = state(txn).await?;
    if st.done_id >= target {
        return Ok(Some((0, 0, true)));
    }
    let rows: Vec<ReadingRow> = meter_reading::Entity::find()
        .select_only()
        .column(meter_reading::Column::Id)
        .column(meter_reading::Column::Series)
        .column(meter_reading::Column::At)
        .column(meter_reading::Column::RegisterWh)
        .column(meter_reading::Column::Samples)
        .filter(meter_reading::Column::Id.gt(st.done_id))
        .filter(meter_reading::Column::Id.lte(target))
        .order_by_asc(meter_reading::Column::Id)
        .limit(STEP_READINGS)
        .into_tuple()
        .all(txn)
        .await?;
    let taken = step_len(rows.iter().map(|r| r.1), STEP_SERIES);
    let full = taken < rows.len() || rows.len() as u64 == STEP_READINGS;
    let rows = &rows[..taken];
    let upper = match rows.last() {
        Some((id, ..)) if full => *id,
        _ => target,
    };
    // The touched buckets of each series, with the step's own readings (for merges).
    let mut touched: BTreeMap<i32, BTreeMap<i64, Vec<Point>>> = BTreeMap::new();
    for (id, series, at, register_wh, samples) in rows {
        touched
            .entry(*series)
            .or_default()
            .entry(bucket_of(*at))
            .or_default()
            .push(point(*id, *at, *register_wh, &decoded(*id, samples)));
    }
    let mut buckets = 0;
    let mut days = BTreeSet::new();
    // The usual case first, a few statements for all series (a station's readings appended
    // to its current bucket); the rest one series at a time.
    let (merged, rest) = merge_appended(txn, touched, st.raw_from).await?;
    buckets += merged.len() as u64;
    write_rollups(txn, merged, &mut days).await?;
    for (series, touched) in rest {
        buckets += roll_up_series(txn, series, &touched, st.raw_from, upper, &mut days).await?;
    }
    mark_stale(txn, days).await?;
    meter_rollup_state::Entity::update_many()
        .col_expr(meter_rollup_state::Column::DoneId, upper.into())
        .filter(meter_rollup_state::Column::Id.eq(1))
        .exec(txn)
        .await?;
    Ok(Some((rows.len() as u64, buckets, upper >= target)))
}

/// How many of a step's readings (their series, in id order) to take: all of them, or those
/// before the first one of a series beyond the first `max_series`.
fn step_len(series: impl Iterator<Item = i32>, max_series: usize) -> usize {
    let mut seen = BTreeSet::new();
    let mut taken = 0;
    for s in series {
        if !seen.contains(&s) {
            if seen.len() == max_series {
                break;
            }
            seen.insert(s);
        }
        taken += 1;
    }
    taken
}

/// A reading's samples; none when they cannot be read (the reading still counts).
fn decoded(id: i64, bytes: &[u8]) -> Vec<Sample> {
    entity::samples::decode(bytes).unwrap_or_else(|e| {
        tracing::warn!(reading = id, error = %e, "meter rollup: unreadable samples");
        Vec::new()
    })
}

/// What one part of a series' touched buckets is done as.
enum Segment {
    /// Buckets computed again from their raw readings: `[first, last]`.
    Raw(i64, i64),
    /// A bucket the step's readings are merged into: one before `raw_from`, or one they only
    /// append to.
    Merge(i64),
}

/// Whether merging `points` into `rollup` (none: the bucket has no rollup yet, so no reading
/// of it was rolled up before) gives what computing the bucket again from all its readings
/// would: when no new register reading comes before the bucket's last one. Power, counts and
/// SoC merge exactly in any order; the energy steps need the register readings in time order.
/// (The step's readings have higher ids than every reading already in the rollup, so they come
/// after them in the (time, id) order of [`compute`] at the same time too.)
fn appends(rollup: Option<&meter_rollup::Model>, points: &[Point]) -> bool {
    let Some(last) = rollup.and_then(|r| r.last_register_at) else {
        return true;
    };
    points
        .iter()
        .all(|p| p.register_wh.is_none() || p.at >= last)
}

/// Series a statement of [`merge_appended`] looks at.
const SERIES_CHUNK: usize = 250;

/// The step's usual case in a few statements for all series, where [`roll_up_series`] takes
/// several per series: a series whose readings all fall in one bucket, which they only append
/// to ([`appends`]) or which lies before `raw_from`, and after which the series has no rollup
/// with a register reading (whose energy would start from this bucket's last one). Its rollup
/// is merged into exactly as [`roll_up_series`] would. Returns those rollups, and the other
/// series' touched buckets, for [`roll_up_series`].
async fn merge_appended(
    txn: &DatabaseTransaction,
    touched: BTreeMap<i32, BTreeMap<i64, Vec<Point>>>,
    raw_from: Option<i64>,
) -> Result<
    (
        Vec<meter_rollup::Model>,
        Vec<(i32, BTreeMap<i64, Vec<Point>>)>,
    ),
    DbErr,
> {
    let mut rest = Vec::new();
    // Series with one touched bucket, by bucket.
    let mut single: BTreeMap<i64, Vec<(i32, Vec<Point>)>> = BTreeMap::new();
    for (series, buckets) in touched {
        if buckets.len() == 1 {
            let (bucket, points) = buckets.into_iter().next().expect("one bucket");
            single.entry(bucket).or_default().push((series, points));
        } else {
            rest.push((series, buckets));
        }
    }
    let backend = txn.get_database_backend();
    let mut merged = Vec::new();
    for (bucket, group) in single {
        for chunk in group.chunks(SERIES_CHUNK) {
            let list = chunk
                .iter()
                .map(|(series, _)| series.to_string())
                .collect::<Vec<_>>()
                .join(", ");
            let mut existing: BTreeMap<i32, meter_rollup::Model> = meter_rollup::Entity::find()
                .filter(meter_rollup::Column::Bucket.eq(bucket))
                .filter(meter_rollup::Column::Series.is_in(chunk.iter().map(|(s, _)| *s)))
                .all(txn)
                .await?
                .into_iter()
                .map(|r| (r.series, r))
                .collect();
            // Per series, its last register reading before the bucket and whether a later
            // bucket has one: each a backwards or forwards walk of the key index.
            let sql = format!(
                "SELECT s.id AS series, \
                 (SELECT r.last_register_wh FROM meter_rollups r WHERE r.series = s.id \
                 AND r.bucket < {bucket} AND r.last_register_wh IS NOT NULL \
                 ORDER BY r.bucket DESC LIMIT 1) AS previous, \
                 (SELECT r.bucket FROM meter_rollups r WHERE r.series = s.id \
                 AND r.bucket > {bucket} AND r.first_register_wh IS NOT NULL \
                 ORDER BY r.bucket LIMIT 1) AS next \
                 FROM meter_series s WHERE s.id IN ({list})"
            );
            let around: BTreeMap<i32, (Option<f64>, Option<i64>)> = txn
                .query_all_raw(Statement::from_string(backend, sql))
                .await?
                .iter()
                .map(|row| {
                    Ok((
                        row.try_get::<i32>("", "series")?,
                        (row.try_get("", "previous")?, row.try_get("", "next")?),
                    ))
                })
                .collect::<Result<_, DbErr>>()?;
            for (series, points) in chunk {
                let rollup = existing.remove(series);
                let merges =
                    raw_from.is_some_and(|from| bucket < from) || appends(rollup.as_ref(), points);
                let previous = match around.get(series) {
                    Some(&(previous, None)) if merges => previous,
                    // A later bucket to price again, or a late reading: the long way.
                    _ => {
                        rest.push((*series, BTreeMap::from([(bucket, points.clone())])));
                        continue;
                    }
                };
                let mut rollup = rollup.unwrap_or_else(|| empty(*series, bucket));
                merge(&mut rollup, points, previous);
                merged.push(rollup);
            }
        }
    }
    Ok((merged, rest))
}

/// Rolls up one series' touched buckets: readings that only append to a bucket (the usual
/// case: a station's readings in time order) are merged into its rollup, late ones (before
/// the bucket's last register reading) make the bucket be computed again from its raw
/// readings, and buckets before `raw_from` are merged into. Then the energy of the next bucket
/// with a register reading after each part. Returns the buckets written.
async fn roll_up_series(
    txn: &DatabaseTransaction,
    series: i32,
    touched: &BTreeMap<i64, Vec<Point>>,
    raw_from: Option<i64>,
    upper: i64,
    days: &mut BTreeSet<(i32, i64)>,
) -> Result<u64, DbErr> {
    // The touched buckets' rollups as they are (one read).
    let mut existing: BTreeMap<i64, meter_rollup::Model> = meter_rollup::Entity::find()
        .filter(meter_rollup::Column::Series.eq(series))
        .filter(meter_rollup::Column::Bucket.is_in(touched.keys().copied()))
        .all(txn)
        .await?
        .into_iter()
        .map(|r| (r.bucket, r))
        .collect();
    let mut segments: Vec<Segment> = Vec::new();
    for (&bucket, points) in touched {
        if raw_from.is_some_and(|from| bucket < from) || appends(existing.get(&bucket), points) {
            segments.push(Segment::Merge(bucket));
            continue;
        }
        match segments.last_mut() {
            Some(Segment::Raw(_, last)) if bucket - *last <= CLUSTER_GAP * BUCKET_US => {
                *last = bucket;
            }
            _ => segments.push(Segment::Raw(bucket, bucket)),
        }
    }
    let mut written = 0;
    for segment in segments {
        let (first, last) = match segment {
            Segment::Raw(first, last) => (first, last),
            Segment::Merge(bucket) => (bucket, bucket),
        };
        let mut previous = register_before(txn, series, first).await?;
        let rollups = match segment {
            Segment::Merge(bucket) => {
                let mut rollup = existing
                    .remove(&bucket)
                    .unwrap_or_else(|| empty(series, bucket));
                merge(&mut rollup, &touched[&bucket], previous);
                previous = rollup.last_register_wh.or(previous);
                vec![rollup]
            }
            Segment::Raw(first, last) => {
                let readings: Vec<(i64, i64, Option<f64>, Vec<u8>)> = meter_reading::Entity::find()
                    .select_only()
                    .column(meter_reading::Column::Id)
                    .column(meter_reading::Column::At)
                    .column(meter_reading::Column::RegisterWh)
                    .column(meter_reading::Column::Samples)
                    .filter(meter_reading::Column::Series.eq(series))
                    .filter(meter_reading::Column::At.gte(first))
                    .filter(meter_reading::Column::At.lt(last + BUCKET_US))
                    .filter(meter_reading::Column::Id.lte(upper))
                    .into_tuple()
                    .all(txn)
                    .await?;
                let mut by_bucket: BTreeMap<i64, Vec<Point>> = BTreeMap::new();
                for (id, at, register_wh, samples) in &readings {
                    by_bucket.entry(bucket_of(*at)).or_default().push(point(
                        *id,
                        *at,
                        *register_wh,
                        &decoded(*id, samples),
                    ));
                }
                let mut out = Vec::with_capacity(by_bucket.len());
                for (bucket, points) in by_bucket {
                    let rollup = compute(series, bucket, &points, previous);
                    previous = rollup.last_register_wh.or(previous);
                    out.push(rollup);
                }
                out
            }
        };
        written += rollups.len() as u64;
        write_rollups(txn, rollups, days).await?;
        // The next bucket with a register reading starts from this part's last one.
        if let Some(mut next) = meter_rollup::Entity::find()
            .filter(meter_rollup::Column::Series.eq(series))
            .filter(meter_rollup::Column::Bucket.gt(last))
            .filter(meter_rollup::Column::FirstRegisterWh.is_not_null())
            .order_by_asc(meter_rollup::Column::Bucket)
            .one(txn)
            .await?
        {
            let before = next.energy_wh;
            reprice(&mut next, previous);
            if next.energy_wh != before {
                written += 1;
                write_rollups(txn, vec![next], days).await?;
            }
        }
    }
    Ok(written)
}

/// The series' last register reading before `bucket`, from its rollups.
async fn register_before(
    txn: &DatabaseTransaction,
    series: i32,
    bucket: i64,
) -> Result<Option<f64>, DbErr> {
    Ok(meter_rollup::Entity::find()
        .filter(meter_rollup::Column::Series.eq(series))
        .filter(meter_rollup::Column::Bucket.lt(bucket))
        .filter(meter_rollup::Column::LastRegisterWh.is_not_null())
        .order_by_desc(meter_rollup::Column::Bucket)
        .one(txn)
        .await?
        .and_then(|r| r.last_register_wh))
}

/// Rows one insert statement of rollups or stale days takes (14 columns a rollup: well under
/// SQLite's 32,766 variables).
const CHUNK: usize = 1000;

/// Writes rollups, replacing those of the same (series, bucket), and adds their days to `days`,
/// which the caller marks stale ([`mark_stale`]) in the same transaction: a step marks all its
/// days at once.
async fn write_rollups(
    db: &impl ConnectionTrait,
    rollups: Vec<meter_rollup::Model>,
    days: &mut BTreeSet<(i32, i64)>,
) -> Result<(), DbErr> {
    use meter_rollup::Column as C;
    days.extend(rollups.iter().map(|r| (r.series, day_of(r.bucket))));
    let mut rows = rollups.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<meter_rollup::ActiveModel> = rows
            .by_ref()
            .take(CHUNK)
            .map(sea_orm::IntoActiveModel::into_active_model)
            .collect();
        meter_rollup::Entity::insert_many(chunk)
            .on_conflict(
                OnConflict::columns([C::Series, C::Bucket])
                    .update_columns([
                        C::Readings,
                        C::EnergyWh,
                        C::InnerWh,
                        C::PowerSumW,
                        C::PowerCount,
                        C::PowerMaxW,
                        C::FirstRegisterWh,
                        C::FirstRegisterAt,
                        C::LastRegisterWh,
                        C::LastRegisterAt,
                        C::SocPercent,
                        C::SocAt,
                    ])
                    .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// Marks `(series, day)` pairs stale: their daily rollups are made again by [`refresh_days`].
async fn mark_stale(db: &impl ConnectionTrait, days: BTreeSet<(i32, i64)>) -> Result<(), DbErr> {
    let mut days = days.into_iter().peekable();
    while days.peek().is_some() {
        let chunk: Vec<meter_rollup_stale_day::ActiveModel> = days
            .by_ref()
            .take(CHUNK)
            .map(|(series, day)| {
                sea_orm::IntoActiveModel::into_active_model(meter_rollup_stale_day::Model {
                    series,
                    day,
                })
            })
            .collect();
        meter_rollup_stale_day::Entity::insert_many(chunk)
            .on_conflict(
                OnConflict::columns([
                    meter_rollup_stale_day::Column::Series,
                    meter_rollup_stale_day::Column::Day,
                ])
                .do_nothing()
                .to_owned(),
            )
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

// ----------------------------------------------------------------------------------------
// Retention.

/// Deletes raw readings of buckets that ended more than `retention` before `now`, once they
/// are rolled up (a few thousand a transaction), after moving `raw_from` there; never the
/// newest reading of all (its id must stay the highest). Rollups stay.
/// Returns how many readings were deleted (0 while another node holds the lock).
pub async fn prune(
    store: &Store,
    retention: Duration,
    now: DateTime<Utc>,
) -> Result<u64, StoreError> {
    let Ok(retention) = chrono::Duration::from_std(retention) else {
        return Ok(0);
    };
    let cutoff = bucket_of((now - retention).timestamp_micros());
    let raised = store
        .write(move |txn| {
            Box::pin(async move {
                if !lock(txn).await? {
                    return Ok(None);
                }
                let st = state(txn).await?;
                let raw_from = st.raw_from.map_or(cutoff, |r| r.max(cutoff));
                if st.raw_from != Some(raw_from) {
                    meter_rollup_state::Entity::update_many()
                        .col_expr(meter_rollup_state::Column::RawFrom, Some(raw_from).into())
                        .filter(meter_rollup_state::Column::Id.eq(1))
                        .exec(txn)
                        .await?;
                }
                let series: Vec<i32> = meter_series::Entity::find()
                    .select_only()
                    .column(meter_series::Column::Id)
                    .order_by_asc(meter_series::Column::Id)
                    .into_tuple()
                    .all(txn)
                    .await?;
                Ok(Some((raw_from, st.done_id, series)))
            })
        })
        .await?;
    let Some((raw_from, done_id, series)) = raised else {
        return Ok(0);
    };
    let mut total = 0;
    for series in series {
        loop {
            let deleted = store
                .write(move |txn| {
                    Box::pin(async move {
                        use sea_orm::sea_query::{Expr, ExprTrait, Query};
                        let old = Query::select()
                            .column(meter_reading::Column::Id)
                            .from(meter_reading::Entity)
                            .and_where(Expr::col(meter_reading::Column::Series).eq(series))
                            .and_where(Expr::col(meter_reading::Column::At).lt(raw_from))
                            .and_where(Expr::col(meter_reading::Column::Id).lte(done_id))
                            // Never the newest reading: SQLite gives a new row the highest
                            // rowid plus one, which would then be an id the job has passed.
                            .and_where(
                                Expr::col(meter_reading::Column::Id)
                                    .lt(Expr::cust("(SELECT MAX(id) FROM meter_readings)")),
                            )
                            .limit(PRUNE_SLICE)
                            .to_owned();
                        let result = meter_reading::Entity::delete_many()
                            .filter(meter_reading::Column::Id.in_subquery(old))
                            .exec(txn)
                            .await?;
                        Ok(result.rows_affected)
                    })
                })
                .await?;
            total += deleted;
            if deleted < PRUNE_SLICE {
                break;
            }
        }
    }
    Ok(total)
}

/// The background job: rolls up every `--meter-rollup-interval`, and with
/// `--meter-retention` deletes old raw readings every hour (the first time at start).
pub async fn run(ctx: Arc<Context>) {
    let lag = Lag::of(ctx.store.backend());
    let mut every = tokio::time::interval(ctx.settings.meter_rollup_interval.0);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut pruned: Option<tokio::time::Instant> = None;
    loop {
        tokio::select! {
            () = ctx.shutdown.cancelled() => return,
            _ = every.tick() => {}
        }
        match roll_up(&ctx.store, lag).await {
            Ok(p) if p.readings > 0 => {
                tracing::debug!(readings = p.readings, buckets = p.buckets, "meter rollups")
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "meter rollup failed"),
        }
        let retention = ctx.settings.meter_retention.0;
        if retention.is_zero() || pruned.is_some_and(|at| at.elapsed() < PRUNE_EVERY) {
            continue;
        }
        pruned = Some(tokio::time::Instant::now());
        match prune(&ctx.store, retention, Utc::now()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(deleted = n, "pruned old raw meter readings"),
            Err(e) => tracing::warn!(error = %e, "meter retention failed"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: i64 = 60_000_000;

    fn p(id: i64, at: i64, register_wh: Option<f64>, power_w: Option<f64>) -> Point {
        Point {
            id,
            at,
            register_wh,
            power_w,
            soc_percent: None,
        }
    }

    fn sample(measurand: &'static str, value: f64, unit: &'static str) -> Sample {
        Sample {
            value: value.to_string(),
            numeric_value: Some(value),
            measurand: measurand.into(),
            phase: None,
            location: "Outlet".into(),
            context: "Sample.Periodic".into(),
            format: "Raw".into(),
            unit: unit.into(),
        }
    }

    #[test]
    fn a_reading_brings_its_power_in_watts_and_its_soc() {
        let mut phased = sample("Power.Active.Import", 1.0, "kW");
        phased.phase = Some("L1".into());
        let mut ev = sample("Power.Active.Import", 9.0, "kW");
        ev.location = "EV".into();
        let samples = [
            phased,
            ev,
            sample("Power.Active.Import", 7.2, "kW"),
            sample("SoC", 55.0, "Percent"),
            sample("Voltage", 230.0, "V"),
        ];
        let got = point(1, 0, Some(10.0), &samples);
        assert_eq!(got.power_w, Some(7200.0));
        assert_eq!(got.soc_percent, Some(55.0));
        assert_eq!(got.register_wh, Some(10.0));
        let watts = point(2, 0, None, &[sample("Power.Active.Import", 300.0, "W")]);
        assert_eq!(watts.power_w, Some(300.0));
        let other_unit = point(
            3,
            0,
            Some(f64::NAN),
            &[sample("Power.Active.Import", 3.0, "A")],
        );
        assert_eq!((other_unit.power_w, other_unit.register_wh), (None, None));
    }

    #[test]
    fn a_bucket_holds_its_steps_and_the_one_from_the_previous_register() {
        let points = [
            p(3, 10 * MIN, Some(1300.0), Some(2000.0)),
            p(1, 0, Some(1000.0), Some(1000.0)),
            p(2, 5 * MIN, None, Some(6000.0)),
        ];
        let r = compute(7, 0, &points, Some(900.0));
        assert_eq!(r.readings, 3);
        assert_eq!(r.inner_wh, 300.0);
        assert_eq!(r.energy_wh, 400.0);
        assert_eq!((r.power_sum_w, r.power_count), (9000.0, 3));
        assert_eq!(r.power_max_w, Some(6000.0));
        assert_eq!(
            (r.first_register_wh, r.first_register_at),
            (Some(1000.0), Some(0))
        );
        assert_eq!(
            (r.last_register_wh, r.last_register_at),
            (Some(1300.0), Some(10 * MIN))
        );
        // The first bucket of a series has no step before it.
        assert_eq!(compute(7, 0, &points, None).energy_wh, 300.0);
    }

    #[test]
    fn a_register_that_goes_down_starts_over() {
        let points = [
            p(1, 0, Some(5000.0), None),
            p(2, MIN, Some(10.0), None),
            p(3, 2 * MIN, Some(60.0), None),
        ];
        let r = compute(1, 0, &points, Some(4000.0));
        assert_eq!(r.energy_wh, 1000.0 + 50.0);
        // And from the previous bucket too.
        let r = compute(1, 0, &points[1..], Some(4000.0));
        assert_eq!(r.energy_wh, 50.0);
    }

    #[test]
    fn buckets_add_up_to_the_register_difference() {
        // Readings every 4 minutes over 3 hours, the register rising unevenly.
        let mut register = 10_000.0;
        let mut all = Vec::new();
        for i in 0..45 {
            register += f64::from(i % 7) * 13.5;
            all.push(p(
                i64::from(i),
                i64::from(i) * 4 * MIN,
                Some(register),
                None,
            ));
        }
        let mut by_bucket: BTreeMap<i64, Vec<Point>> = BTreeMap::new();
        for pt in &all {
            by_bucket.entry(bucket_of(pt.at)).or_default().push(*pt);
        }
        let mut previous = None;
        let mut sum = 0.0;
        for (bucket, points) in by_bucket {
            let r = compute(1, bucket, &points, previous);
            previous = r.last_register_wh.or(previous);
            sum += r.energy_wh;
        }
        let first = all[0].register_wh.unwrap();
        let last = all[44].register_wh.unwrap();
        assert!(
            (sum - (last - first)).abs() < 1e-6,
            "{sum} vs {}",
            last - first
        );
    }

    #[test]
    fn late_readings_merge_at_either_end_and_count_in_the_middle() {
        let mut r = compute(
            1,
            0,
            &[
                p(1, 2 * MIN, Some(100.0), Some(10.0)),
                p(2, 4 * MIN, Some(150.0), None),
            ],
            Some(90.0),
        );
        assert_eq!(r.energy_wh, 60.0);
        merge(
            &mut r,
            &[
                p(5, 6 * MIN, Some(170.0), Some(30.0)),
                p(3, MIN, Some(95.0), None),
                p(4, 3 * MIN, Some(120.0), None),
            ],
            Some(90.0),
        );
        assert_eq!(r.readings, 5);
        assert_eq!(r.energy_wh, 80.0);
        assert_eq!(
            (r.first_register_wh, r.last_register_wh),
            (Some(95.0), Some(170.0))
        );
        assert_eq!(
            (r.power_sum_w, r.power_count, r.power_max_w),
            (40.0, 2, Some(30.0))
        );
        // Into an empty bucket.
        let mut fresh = empty(1, 0);
        merge(&mut fresh, &[p(9, MIN, Some(200.0), None)], Some(170.0));
        assert_eq!(fresh.energy_wh, 30.0);
    }

    #[test]
    fn the_last_soc_wins() {
        let mut a = p(1, 5 * MIN, None, None);
        a.soc_percent = Some(40.0);
        let mut b = p(2, MIN, None, None);
        b.soc_percent = Some(20.0);
        let r = compute(1, 0, &[a, b], None);
        assert_eq!((r.soc_percent, r.soc_at), (Some(40.0), Some(5 * MIN)));
    }

    fn at(s: &str) -> i64 {
        s.parse::<DateTime<Utc>>().unwrap().timestamp_micros()
    }

    #[test]
    fn periods_start_at_utc_boundaries() {
        let t = at("2026-03-18T13:47:12Z");
        assert_eq!(
            period_start(t, Interval::QuarterHour),
            at("2026-03-18T13:45:00Z")
        );
        assert_eq!(period_start(t, Interval::Hour), at("2026-03-18T13:00:00Z"));
        assert_eq!(period_start(t, Interval::Day), at("2026-03-18T00:00:00Z"));
        // 2026-03-16 is a Monday.
        assert_eq!(period_start(t, Interval::Week), at("2026-03-16T00:00:00Z"));
        assert_eq!(period_start(t, Interval::Month), at("2026-03-01T00:00:00Z"));
        assert_eq!(
            period_end(at("2026-12-01T00:00:00Z"), Interval::Month),
            at("2027-01-01T00:00:00Z")
        );
        assert_eq!(
            period_start(at("1969-12-31T23:59:59Z"), Interval::Week),
            at("1969-12-29T00:00:00Z")
        );
    }

    #[test]
    fn periods_in_a_range_are_counted() {
        let (from, to) = (at("2026-01-01T00:00:00Z"), at("2026-02-01T00:00:00Z"));
        assert_eq!(periods_in(from, to, Interval::QuarterHour), 31 * 96);
        assert_eq!(periods_in(from, to, Interval::Day), 31);
        assert_eq!(periods_in(from, to, Interval::Month), 1);
        assert_eq!(
            periods_in(from, at("2027-01-01T00:00:00Z"), Interval::Month),
            12
        );
        assert_eq!(periods_in(from + 1, from + 2, Interval::Hour), 1);
        assert_eq!(periods_in(to, from, Interval::Hour), 0);
    }

    #[test]
    fn coarser_periods_sum_energy_and_weigh_power_by_readings() {
        let hour = at("2026-01-01T10:00:00Z");
        let mut a = compute(
            1,
            hour,
            &[
                p(1, hour, Some(100.0), Some(1000.0)),
                p(2, hour + MIN, Some(110.0), Some(3000.0)),
            ],
            Some(50.0),
        );
        a.soc_percent = Some(10.0);
        a.soc_at = Some(hour);
        let b = compute(
            1,
            hour + BUCKET_US,
            &[p(3, hour + BUCKET_US, Some(200.0), Some(8000.0))],
            Some(110.0),
        );
        let next_hour = compute(
            1,
            hour + 4 * BUCKET_US,
            &[p(4, hour + 4 * BUCKET_US, Some(210.0), None)],
            Some(200.0),
        );
        let got = aggregate(2, &[a, b, next_hour], Interval::Hour);
        assert_eq!(got.len(), 2);
        let first = &got[0];
        assert_eq!(first.connector_id, 2);
        assert_eq!(first.readings, 3);
        assert_eq!(first.energy_wh, 60.0 + 90.0);
        assert_eq!(first.power_avg_w, Some(4000.0));
        assert_eq!(first.power_max_w, Some(8000.0));
        assert_eq!(first.first_register.map(|r| r.0), Some(100.0));
        assert_eq!(first.last_register.map(|r| r.0), Some(200.0));
        assert_eq!(first.soc_last.map(|s| s.0), Some(10.0));
        assert_eq!(first.end.timestamp_micros(), hour + 4 * BUCKET_US);
        assert_eq!((got[1].energy_wh, got[1].power_avg_w), (10.0, None));
    }

    #[test]
    fn readings_in_time_order_merge_to_what_computing_again_gives() {
        // A deterministic mix: registers going up (and once down: a meter reset), readings
        // without a register, SoC, several at one time; split into steps in time order.
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut points = Vec::new();
        let mut register = 5_000.0;
        let mut at = 0;
        for id in 1..=200 {
            at += i64::try_from(next() % 3).unwrap() * MIN / 2;
            let r = next() % 10;
            let reg = match r {
                0..=5 => {
                    register += f64::from(u32::try_from(next() % 400).unwrap()) / 4.0;
                    Some(register)
                }
                6 if id == 120 => {
                    register = 10.0;
                    Some(register)
                }
                _ => None,
            };
            let mut p = p(
                id,
                at,
                reg,
                (r % 3 == 0).then_some(f64::from(id as u32) * 10.0),
            );
            p.soc_percent = (r == 7).then_some(f64::from(id as u32) / 4.0);
            points.push(p);
        }
        let whole = compute(3, 0, &points, Some(4_000.0));
        let mut merged = empty(3, 0);
        let mut from = 0;
        while from < points.len() {
            let to = (from + 1 + usize::try_from(next() % 17).unwrap()).min(points.len());
            let step = &points[from..to];
            assert!(appends(Some(&merged), step));
            merge(&mut merged, step, Some(4_000.0));
            from = to;
        }
        assert_eq!(merged, whole);
        // A register reading before the bucket's last one does not append.
        let late = [p(999, whole.last_register_at.unwrap() - 1, Some(1.0), None)];
        assert!(!appends(Some(&whole), &late));
        let power_only = [p(999, 0, None, Some(5.0))];
        assert!(appends(Some(&whole), &power_only));
        assert!(appends(None, &late));
    }

    #[test]
    fn a_step_stops_before_a_series_beyond_its_bound() {
        assert_eq!(step_len([1, 2, 1, 3, 2, 4].into_iter(), 3), 5);
        assert_eq!(step_len([1, 1, 1].into_iter(), 1), 3);
        assert_eq!(step_len([1, 2].into_iter(), 1), 1);
        assert_eq!(step_len(std::iter::empty(), 2), 0);
    }
}
