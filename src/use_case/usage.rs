//! Usage analysis: energy, sessions, charging time and connector utilisation per period (day,
//! ISO week, calendar month; UTC), per station and per id tag.
//!
//! A session that spans a period edge is split at the edge: its charging time by overlap, its
//! energy by the register readings its connector's 15-minute meter rollups hold (what the meter
//! said when, each quarter hour's first and last reading, between the meter start and stop;
//! energy between two readings taken as delivered evenly; the part they do not account for,
//! and all of it without rollups, in proportion to time). A session counts once,
//! in the period where it started. Periods are clipped to the requested range, so figures of a
//! range are exact at its edges. No raw meter reading is read: a long range costs per session
//! and per rolled-up quarter hour of the sessions cut by an edge, and raw retention changes
//! nothing.
//!
//! [`report`] reads the transactions that overlap the range, the running ones' energy so far,
//! the rollups of the sessions an edge cuts and the stations' connectors, and [`allocate`]s
//! them to the periods.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use entity::{connector, station, transaction, transaction_register};
use sea_orm::{
    ColumnTrait, Condition, DbErr, EntityTrait, QueryFilter, QuerySelect, sea_query::Expr,
};

use crate::{
    auth::{Principal, Role},
    context::Context,
};
use ocpp::v16::IdToken;

/// Why a report was refused, or could not be made.
#[derive(Debug, thiserror::Error)]
pub enum UsageError {
    #[error("`to` must be after `from`")]
    EmptyRange,
    #[error("the range holds more than {MAX_PERIODS} periods")]
    TooManyPeriods,
    /// The caller's token does not cover the station asked for.
    #[error("this token does not cover station {0}")]
    StationNotCovered(String),
    #[error("idTag: {0}")]
    InvalidIdTag(String),
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// The total active energy import register of a sampled value, in Wh: measurand
/// `Energy.Active.Import.Register`, no phase (a per-phase value is not the total), a finite
/// number in Wh or kWh.
pub fn register_wh(sv: &ocpp::v16::SampledValue) -> Option<f64> {
    use ocpp::v16::{Measurand, UnitOfMeasure};
    if sv.measurand_or_default() != Measurand::EnergyActiveImportRegister || sv.phase.is_some() {
        return None;
    }
    let value = sv.numeric()?;
    let wh = match sv.unit_or_default() {
        UnitOfMeasure::KWh => value * 1000.0,
        UnitOfMeasure::Wh => value,
        _ => return None,
    };
    wh.is_finite().then_some(wh)
}

/// How periods are cut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    Day,
    /// Monday to Monday.
    Week,
    Month,
}

/// Most periods one report may have.
pub const MAX_PERIODS: usize = 1000;

/// A charging session as the analysis sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub station_id: String,
    /// The id tag's case-folded key (grouping) and its spelling (display).
    pub id_tag_key: String,
    pub id_tag: String,
    pub start: DateTime<Utc>,
    /// `None` while running: it runs until `now`.
    pub stop: Option<DateTime<Utc>>,
    /// Wh delivered over the whole session (so far, when running); never negative.
    pub energy_wh: f64,
    /// Its energy register over time, from its connector's meter rollups (each quarter
    /// hour's first and last register reading) and its meter start and stop, in time order
    /// (µs since 1970, Wh): how it is split over periods. Empty when there are no rollups, or
    /// when it lies within one period anyway; then it is split in proportion to time.
    pub profile: Vec<(i64, f64)>,
}

/// Figures of one period (or of the whole range).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figures {
    pub energy_wh: f64,
    pub sessions: u64,
    pub charging_seconds: f64,
    /// Charging time over connector time; `None` where it means nothing (per id tag).
    pub utilisation: Option<f64>,
}

impl Figures {
    fn add(&mut self, energy_wh: f64, started: bool, seconds: f64) {
        self.energy_wh += energy_wh;
        self.sessions += u64::from(started);
        self.charging_seconds += seconds;
    }
}

/// One period's figures, in total and by station and id tag.
#[derive(Clone, Debug, PartialEq)]
pub struct Bucket {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub totals: Figures,
    pub by_station: BTreeMap<String, Figures>,
    /// Keyed by id tag key; the value holds the spelling first seen.
    pub by_id_tag: BTreeMap<String, (String, Figures)>,
}

/// A full report.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub buckets: Vec<Bucket>,
    pub totals: Figures,
}

fn day_start(t: DateTime<Utc>) -> DateTime<Utc> {
    Utc.from_utc_datetime(&t.date_naive().and_hms_opt(0, 0, 0).unwrap_or_default())
}

fn next_boundary(t: DateTime<Utc>, grouping: Grouping) -> DateTime<Utc> {
    let day = day_start(t);
    match grouping {
        Grouping::Day => day + Duration::days(1),
        Grouping::Week => {
            let since_monday = i64::from(day.weekday().num_days_from_monday());
            day + Duration::days(7 - since_monday)
        }
        Grouping::Month => {
            let (y, m) = if day.month() == 12 {
                (day.year() + 1, 1)
            } else {
                (day.year(), day.month() + 1)
            };
            let first = NaiveDate::from_ymd_opt(y, m, 1).unwrap_or_default();
            Utc.from_utc_datetime(&first.and_hms_opt(0, 0, 0).unwrap_or_default())
        }
    }
}

/// A period: `[start, end)`.
pub type Span = (DateTime<Utc>, DateTime<Utc>);

/// The periods of `[from, to)`, cut at the grouping's boundaries and clipped to the range.
pub fn periods(
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    grouping: Grouping,
) -> Result<Vec<Span>, UsageError> {
    if to <= from {
        return Err(UsageError::EmptyRange);
    }
    let mut out = Vec::new();
    let mut start = from;
    while start < to {
        if out.len() == MAX_PERIODS {
            return Err(UsageError::TooManyPeriods);
        }
        let end = next_boundary(start, grouping).min(to);
        out.push((start, end));
        start = end;
    }
    Ok(out)
}

/// The query complexity of a report: about one unit of `child_complexity` per period.
pub fn cost(
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    grouping: Grouping,
    child_complexity: usize,
) -> usize {
    let days = (to - from).num_days().max(0) as usize;
    let periods = match grouping {
        Grouping::Day => days + 2,
        Grouping::Week => days / 7 + 2,
        Grouping::Month => days / 28 + 2,
    }
    .min(MAX_PERIODS);
    periods.saturating_mul(child_complexity).saturating_add(1)
}

/// The seconds from `from` to `to` (none if `to` is earlier), to the nanosecond: rounded to
/// whole milliseconds, the shares of a session split over periods fell short of its length by
/// up to a millisecond, and so did their energy.
fn seconds(from: DateTime<Utc>, to: DateTime<Utc>) -> f64 {
    (to - from).to_std().map_or(0.0, |d| d.as_secs_f64())
}

/// Allocates `sessions` to the periods of `[from, to)`. `connectors` gives each station's
/// connector count (stations absent from it are left out of utilisation).
/// A session's part of the period `[start, end)`: its energy (by its register readings, see
/// [`profiled`], else in proportion to the time it ran in it; all of it for a session of no
/// length that started in it), whether it started in it, and the seconds it ran in it; `None`
/// when it does not touch the period.
fn share(
    session: &Session,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Option<(f64, bool, f64)> {
    let stop = session.stop.unwrap_or(now).max(session.start);
    let length = seconds(session.start, stop);
    let energy_wh = if session.energy_wh.is_finite() {
        session.energy_wh.max(0.0)
    } else {
        0.0
    };
    let overlap_start = session.start.max(start);
    let overlap_end = stop.min(end);
    let started = session.start >= start && session.start < end;
    if overlap_end <= overlap_start && !started {
        return None;
    }
    let overlap = seconds(overlap_start, overlap_end);
    let energy = if length > 0.0 {
        profiled(session, stop, overlap_start, overlap_end, energy_wh)
            .unwrap_or(energy_wh * overlap / length)
    } else if started {
        energy_wh
    } else {
        0.0
    };
    Some((energy, started, overlap))
}

/// Nanoseconds since 1970.
fn nanos(t: DateTime<Utc>) -> i64 {
    t.timestamp_nanos_opt().unwrap_or(i64::MAX)
}

/// The part of `energy_wh`, delivered by `session` until `stop`, that falls in `[from, to)`
/// (within the session) by its register profile: the energy the register went up by, between
/// two of its readings taken as delivered evenly (a step down starts over), scaled down to the
/// session's energy if it adds up to more; what the readings do not account for spread in
/// proportion to time. `None` without two readings that show energy.
fn profiled(
    session: &Session,
    stop: DateTime<Utc>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    energy_wh: f64,
) -> Option<f64> {
    let (s, e) = (nanos(session.start), nanos(stop));
    let (a, c) = (nanos(from).max(s), nanos(to).min(e));
    if e <= s {
        return None;
    }
    // The energy delivered since the first reading, at each reading.
    let mut curve: Vec<(i64, f64)> = Vec::with_capacity(session.profile.len());
    let mut last: Option<f64> = None;
    let mut total = 0.0;
    for &(at, wh) in &session.profile {
        let at = at.saturating_mul(1000);
        if !wh.is_finite() || at < s || at > e {
            continue;
        }
        if let Some(before) = last {
            total += (wh - before).max(0.0);
        }
        last = Some(wh);
        curve.push((at, total));
    }
    if curve.len() < 2 || total <= 0.0 {
        return None;
    }
    let delivered = |t: i64| -> f64 {
        let after = curve.partition_point(|&(at, _)| at <= t);
        match (after.checked_sub(1).map(|i| curve[i]), curve.get(after)) {
            (None, _) => 0.0,
            (Some((_, v)), None) => v,
            (Some((t0, v0)), Some(&(t1, v1))) => {
                v0 + (v1 - v0) * (t - t0) as f64 / (t1 - t0) as f64
            }
        }
    };
    let inside = if c > a {
        delivered(c) - delivered(a)
    } else {
        0.0
    };
    let scale = (energy_wh / total).min(1.0);
    let rest = (energy_wh - total).max(0.0);
    let time = if c > a {
        (c - a) as f64 / (e - s) as f64
    } else {
        0.0
    };
    Some(scale * inside + rest * time)
}

pub fn allocate(
    sessions: &[Session],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    grouping: Grouping,
    connectors: &BTreeMap<String, u32>,
    per_id_tag_only: bool,
    now: DateTime<Utc>,
) -> Result<Report, UsageError> {
    let mut buckets: Vec<Bucket> = periods(from, to, grouping)?
        .into_iter()
        .map(|(start, end)| Bucket {
            start,
            end,
            totals: Figures::default(),
            by_station: BTreeMap::new(),
            by_id_tag: BTreeMap::new(),
        })
        .collect();
    let mut totals = Figures::default();

    for session in sessions {
        for bucket in &mut buckets {
            let Some((energy, started, overlap)) = share(session, bucket.start, bucket.end, now)
            else {
                continue;
            };
            bucket.totals.add(energy, started, overlap);
            totals.add(energy, started, overlap);
            bucket
                .by_station
                .entry(session.station_id.clone())
                .or_default()
                .add(energy, started, overlap);
            bucket
                .by_id_tag
                .entry(session.id_tag_key.clone())
                .or_insert_with(|| (session.id_tag.clone(), Figures::default()))
                .1
                .add(energy, started, overlap);
        }
    }

    let utilisation = |charging: f64, connectors: u32, span: f64| {
        (connectors > 0 && span > 0.0).then(|| charging / (f64::from(connectors) * span))
    };
    let all_connectors: u32 = connectors.values().sum();
    for bucket in &mut buckets {
        let span = seconds(bucket.start, bucket.end);
        for (station, figures) in &mut bucket.by_station {
            figures.utilisation = utilisation(
                figures.charging_seconds,
                connectors.get(station).copied().unwrap_or(0),
                span,
            );
        }
        if !per_id_tag_only {
            bucket.totals.utilisation =
                utilisation(bucket.totals.charging_seconds, all_connectors, span);
        }
    }
    if !per_id_tag_only {
        totals.utilisation =
            utilisation(totals.charging_seconds, all_connectors, seconds(from, to));
    }
    Ok(Report { buckets, totals })
}

/// What a report is asked for.
#[derive(Clone, Debug)]
pub struct UsageQuery<'a> {
    /// Who asks: the report covers the stations of its token, and a driver's own id tags.
    pub caller: &'a Principal,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub grouping: Grouping,
    /// One station only.
    pub station_id: Option<String>,
    /// One id tag only, as given (case-insensitive).
    pub id_tag: Option<String>,
}

/// The sessions of a report, and what its utilisation needs: the highest connector id each
/// station used, and the stations in scope.
struct Loaded {
    sessions: Vec<Session>,
    seen_connectors: BTreeMap<String, u32>,
    station_filter: Condition,
}

/// The energy the sessions `caller` may see delivered in `[from, to)`, allocated by time as
/// the report allocates it (the fleet summary's "energy today"), without the report's
/// per-station and per-tag figures or its utilisation.
pub async fn energy(
    ctx: &Context,
    caller: &Principal,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<f64, UsageError> {
    let query = UsageQuery {
        caller,
        from,
        to,
        grouping: Grouping::Month,
        station_id: None,
        id_tag: None,
    };
    let now = Utc::now();
    Ok(load(ctx, &query)
        .await?
        .sessions
        .iter()
        .filter_map(|s| share(s, from, to, now))
        .map(|(energy, _, _)| energy)
        .sum())
}

/// The sessions `query` covers (the caller's, overlapping its range), with their energy.
async fn load(ctx: &Context, query: &UsageQuery<'_>) -> Result<Loaded, UsageError> {
    let UsageQuery {
        caller, from, to, ..
    } = *query;
    let db = ctx.store.reader();

    // Overlapping the range; also a session of no length (or stopped "before" it started)
    // that starts within it.
    let mut filter = super::transaction::visible(caller)
        .add(transaction::Column::StartTime.lt(to))
        .add(
            Condition::any()
                .add(transaction::Column::StopTime.is_null())
                .add(transaction::Column::StopTime.gt(from))
                .add(transaction::Column::StartTime.gte(from)),
        );
    let mut station_filter = Condition::all();
    if let Some(stations) = &caller.stations {
        station_filter = station_filter.add(station::Column::Id.is_in(stations.iter().cloned()));
    }
    if let Some(station) = &query.station_id {
        if !caller.may_access(station) {
            return Err(UsageError::StationNotCovered(station.clone()));
        }
        filter = filter.add(transaction::Column::StationId.eq(station.as_str()));
        station_filter = station_filter.add(station::Column::Id.eq(station.as_str()));
    }
    if let Some(tag) = &query.id_tag {
        let key = IdToken::new(tag.as_str())
            .map_err(|e| UsageError::InvalidIdTag(e.to_string()))?
            .key();
        filter = filter.add(transaction::Column::IdTagKey.eq(key));
    }
    let rows = transaction::Entity::find().filter(filter).all(db).await?;

    // Energy so far of running transactions: their highest total energy register reading
    // (`transaction_register`, kept by the database: one row per transaction).
    let running: Vec<i32> = rows
        .iter()
        .filter(|t| t.stop_time.is_none())
        .map(|t| t.id)
        .collect();
    let mut register: HashMap<i32, f64> = HashMap::new();
    for chunk in running.chunks(500) {
        let readings = transaction_register::Entity::find()
            .filter(transaction_register::Column::TransactionId.is_in(chunk.iter().copied()))
            .all(db)
            .await?;
        register.extend(
            readings
                .into_iter()
                .filter(|r| r.register_wh.is_finite())
                .map(|r| (r.transaction_id, r.register_wh)),
        );
    }

    // A connector holds one transaction at a time: a transaction never stopped ends, for the
    // figures, where the next one on its connector starts (its StopTransaction was lost).
    let mut starts: HashMap<(&str, i32), Vec<DateTime<Utc>>> = HashMap::new();
    for t in &rows {
        starts
            .entry((t.station_id.as_str(), t.connector_id))
            .or_default()
            .push(t.start_time);
    }
    let mut seen_connectors: BTreeMap<String, u32> = BTreeMap::new();
    let sessions: Vec<Session> = rows
        .iter()
        .map(|t| {
            let top = seen_connectors.entry(t.station_id.clone()).or_default();
            *top = std::cmp::max(*top, std::cmp::max(t.connector_id, 0) as u32);
            let energy = match t.meter_stop {
                Some(stop) => stop as f64 - t.meter_start as f64,
                None => register
                    .get(&t.id)
                    .map_or(0.0, |wh| wh - t.meter_start as f64),
            };
            let stop = t.stop_time.or_else(|| {
                starts[&(t.station_id.as_str(), t.connector_id)]
                    .iter()
                    .filter(|s| **s > t.start_time)
                    .min()
                    .copied()
            });
            Session {
                station_id: t.station_id.clone(),
                id_tag_key: t.id_tag_key.clone(),
                id_tag: t.id_tag.clone(),
                start: t.start_time,
                stop,
                energy_wh: energy,
                profile: Vec::new(),
            }
        })
        .collect();
    let mut sessions = sessions;
    let meters: Vec<Meter> = rows
        .iter()
        .map(|t| Meter {
            connector_id: t.connector_id,
            start_wh: t.meter_start as f64,
            stop_wh: t.meter_stop.map(|wh| wh as f64),
        })
        .collect();
    load_profiles(db, &mut sessions, &meters, from, to).await?;
    Ok(Loaded {
        sessions,
        seen_connectors,
        station_filter,
    })
}

/// Sessions a statement of [`load_profiles`] reads the rollups of.
const PROFILES_CHUNK: usize = 100;

/// A session's connector and meter readings, as its transaction holds them.
struct Meter {
    connector_id: i32,
    start_wh: f64,
    stop_wh: Option<f64>,
}

/// Fills in the profile of each session (with the meter `meters[i]`) that a period edge or the
/// range's edge cuts: the register readings its connector's rollups hold during the session,
/// between its meter start and stop (a session within one day inside the range needs none,
/// since every period edge is at midnight).
async fn load_profiles(
    db: &impl sea_orm::ConnectionTrait,
    sessions: &mut [Session],
    meters: &[Meter],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<(), DbErr> {
    use crate::use_case::meter_rollup::bucket_of;
    use entity::{meter_rollup, meter_series};
    let now = Utc::now();
    let cut: Vec<usize> = (0..sessions.len())
        .filter(|&i| {
            let s = &sessions[i];
            let stop = s.stop.unwrap_or(now).max(s.start);
            stop > s.start
                && (s.start < from
                    || stop > to
                    || day_start(s.start) != day_start(stop - Duration::nanoseconds(1)))
        })
        .collect();
    if cut.is_empty() {
        return Ok(());
    }
    let mut stations: Vec<&str> = cut
        .iter()
        .map(|&i| sessions[i].station_id.as_str())
        .collect();
    stations.sort_unstable();
    stations.dedup();
    let mut series: HashMap<(String, i32), i32> = HashMap::new();
    for chunk in stations.chunks(500) {
        let found: Vec<(i32, String, i32)> = meter_series::Entity::find()
            .select_only()
            .column(meter_series::Column::Id)
            .column(meter_series::Column::StationId)
            .column(meter_series::Column::ConnectorId)
            .filter(meter_series::Column::StationId.is_in(chunk.iter().copied()))
            .into_tuple()
            .all(db)
            .await?;
        series.extend(found.into_iter().map(|(id, st, c)| ((st, c), id)));
    }
    // (session, series, first bucket, last bucket)
    let wanted: Vec<(usize, i32, i64, i64)> = cut
        .iter()
        .filter_map(|&i| {
            let s = &sessions[i];
            let id = *series.get(&(s.station_id.clone(), meters[i].connector_id))?;
            let stop = s.stop.unwrap_or(now).max(s.start);
            Some((
                i,
                id,
                bucket_of(s.start.timestamp_micros()),
                bucket_of(stop.timestamp_micros()),
            ))
        })
        .collect();
    for chunk in wanted.chunks(PROFILES_CHUNK) {
        let mut any = Condition::any();
        for &(_, id, first, last) in chunk {
            any = any.add(
                Condition::all()
                    .add(meter_rollup::Column::Series.eq(id))
                    .add(meter_rollup::Column::Bucket.gte(first))
                    .add(meter_rollup::Column::Bucket.lte(last)),
            );
        }
        type Registers = (i32, i64, Option<f64>, Option<i64>, Option<f64>, Option<i64>);
        let rollups: Vec<Registers> = meter_rollup::Entity::find()
            .select_only()
            .column(meter_rollup::Column::Series)
            .column(meter_rollup::Column::Bucket)
            .column(meter_rollup::Column::FirstRegisterWh)
            .column(meter_rollup::Column::FirstRegisterAt)
            .column(meter_rollup::Column::LastRegisterWh)
            .column(meter_rollup::Column::LastRegisterAt)
            .filter(any)
            .into_tuple()
            .all(db)
            .await?;
        for &(i, id, first, last) in chunk {
            let session = &sessions[i];
            let start = session.start.timestamp_micros();
            let stop = session
                .stop
                .unwrap_or(now)
                .max(session.start)
                .timestamp_micros();
            let mut points: Vec<(i64, f64)> = rollups
                .iter()
                .filter(|r| r.0 == id && (first..=last).contains(&r.1))
                .flat_map(|r| [(r.3, r.2), (r.5, r.4)])
                .filter_map(|(at, wh)| Some((at?, wh?)))
                .filter(|&(at, _)| (start..=stop).contains(&at))
                .collect();
            if points.is_empty() {
                continue;
            }
            points.sort_by_key(|&(at, _)| at);
            points.dedup();
            points.insert(0, (start, meters[i].start_wh));
            if let (Some(wh), Some(_)) = (meters[i].stop_wh, session.stop) {
                points.push((stop, wh));
            }
            sessions[i].profile = points;
        }
    }
    Ok(())
}

/// The usage figures of `query`: the transactions the caller may see that overlap the range
/// (of one station, or of one id tag, when asked), allocated to its periods. Per id tag only
/// (no utilisation in the totals) for one id tag and for drivers.
pub async fn report(ctx: &Context, query: &UsageQuery<'_>) -> Result<Report, UsageError> {
    // Here only: its `min` and `max` would hide `Ord`'s on dates in the rest of the file.
    use sea_orm::sea_query::ExprTrait;

    let UsageQuery {
        caller,
        from,
        to,
        grouping,
        ..
    } = *query;
    periods(from, to, grouping)?;
    let Loaded {
        sessions,
        seen_connectors,
        station_filter,
    } = load(ctx, query).await?;
    let db = ctx.store.reader();

    // Connectors of the stations in scope (connector 0 is the charge point, not a socket).
    let stations: Vec<String> = station::Entity::find()
        .select_only()
        .column(station::Column::Id)
        .filter(station_filter)
        .into_tuple()
        .all(db)
        .await?;
    let counted: Vec<(String, i64)> = connector::Entity::find()
        .select_only()
        .column(connector::Column::StationId)
        .column_as(
            Expr::col(connector::Column::ConnectorId).count(),
            "connectors",
        )
        .filter(connector::Column::StationId.is_in(stations.iter().cloned()))
        .filter(connector::Column::ConnectorId.gt(0))
        .group_by(connector::Column::StationId)
        .into_tuple()
        .all(db)
        .await?;
    let counted: HashMap<String, u32> = counted
        .into_iter()
        .map(|(s, n)| (s, u32::try_from(n).unwrap_or(0)))
        .collect();
    let connectors: BTreeMap<String, u32> = stations
        .into_iter()
        .map(|s| {
            let n = std::cmp::max(
                counted.get(&s).copied().unwrap_or(0),
                seen_connectors.get(&s).copied().unwrap_or(0),
            );
            (s, n)
        })
        .collect();

    let per_id_tag_only = query.id_tag.is_some() || caller.role == Role::Driver;
    allocate(
        &sessions,
        from,
        to,
        grouping,
        &connectors,
        per_id_tag_only,
        Utc::now(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn session(station: &str, tag: &str, start: &str, stop: Option<&str>, wh: f64) -> Session {
        Session {
            profile: Vec::new(),
            station_id: station.into(),
            id_tag_key: tag.to_lowercase(),
            id_tag: tag.into(),
            start: at(start),
            stop: stop.map(at),
            energy_wh: wh,
        }
    }

    #[test]
    fn periods_are_cut_at_boundaries_and_clipped() {
        let days = periods(
            at("2024-05-01T06:00:00Z"),
            at("2024-05-03T12:00:00Z"),
            Grouping::Day,
        )
        .unwrap();
        assert_eq!(
            days,
            vec![
                (at("2024-05-01T06:00:00Z"), at("2024-05-02T00:00:00Z")),
                (at("2024-05-02T00:00:00Z"), at("2024-05-03T00:00:00Z")),
                (at("2024-05-03T00:00:00Z"), at("2024-05-03T12:00:00Z")),
            ]
        );
        // 2024-05-01 is a Wednesday; weeks start on Monday.
        let weeks = periods(
            at("2024-05-01T00:00:00Z"),
            at("2024-05-20T00:00:00Z"),
            Grouping::Week,
        )
        .unwrap();
        assert_eq!(
            weeks[0],
            (at("2024-05-01T00:00:00Z"), at("2024-05-06T00:00:00Z"))
        );
        assert_eq!(
            weeks[1],
            (at("2024-05-06T00:00:00Z"), at("2024-05-13T00:00:00Z"))
        );
        assert_eq!(weeks.len(), 3);
        let months = periods(
            at("2023-12-15T00:00:00Z"),
            at("2024-03-01T00:00:00Z"),
            Grouping::Month,
        )
        .unwrap();
        assert_eq!(
            months
                .iter()
                .map(|(s, _)| s.to_rfc3339())
                .collect::<Vec<_>>(),
            [
                "2023-12-15T00:00:00+00:00",
                "2024-01-01T00:00:00+00:00",
                "2024-02-01T00:00:00+00:00"
            ]
        );
        assert_eq!(months[2].1, at("2024-03-01T00:00:00Z"));
        assert!(
            periods(
                at("2024-05-02T00:00:00Z"),
                at("2024-05-01T00:00:00Z"),
                Grouping::Day
            )
            .is_err()
        );
        assert!(
            periods(
                at("2000-01-01T00:00:00Z"),
                at("2024-01-01T00:00:00Z"),
                Grouping::Day
            )
            .is_err()
        );
    }

    #[test]
    fn a_session_across_midnight_is_split_by_time() {
        // 22:00 → 02:00, 8 kWh: 2 h on each day, 4 kWh each; counted once, on its start day.
        let sessions = [session(
            "CP1",
            "TAG",
            "2024-05-01T22:00:00Z",
            Some("2024-05-02T02:00:00Z"),
            8000.0,
        )];
        let connectors = BTreeMap::from([("CP1".to_owned(), 2)]);
        let r = allocate(
            &sessions,
            at("2024-05-01T00:00:00Z"),
            at("2024-05-03T00:00:00Z"),
            Grouping::Day,
            &connectors,
            false,
            at("2024-06-01T00:00:00Z"),
        )
        .unwrap();
        assert_eq!(r.buckets.len(), 2);
        let (d1, d2) = (&r.buckets[0].totals, &r.buckets[1].totals);
        assert_eq!(
            (d1.energy_wh, d1.sessions, d1.charging_seconds),
            (4000.0, 1, 7200.0)
        );
        assert_eq!(
            (d2.energy_wh, d2.sessions, d2.charging_seconds),
            (4000.0, 0, 7200.0)
        );
        // 2 h of 2 connectors × 24 h.
        assert_eq!(d1.utilisation, Some(7200.0 / (2.0 * 86_400.0)));
        assert_eq!(r.totals.energy_wh, 8000.0);
        assert_eq!(r.totals.sessions, 1);
        assert_eq!(r.buckets[0].by_station["CP1"].energy_wh, 4000.0);
        assert_eq!(r.buckets[1].by_id_tag["tag"].0, "TAG");
    }

    #[test]
    fn a_session_with_register_readings_is_split_by_them() {
        // 23:00 → 01:00, meter 10,000 → 11,500 Wh; readings 10,500 at 23:15, 11,300 at 23:45,
        // 11,400 at 00:15: 1,350 Wh by midnight (half the step from 23:45 to 00:15), 150 after.
        let q = |t: &str| at(t).timestamp_micros();
        let mut s = session(
            "CP1",
            "T",
            "2024-05-01T23:00:00Z",
            Some("2024-05-02T01:00:00Z"),
            1500.0,
        );
        s.profile = vec![
            (q("2024-05-01T23:00:00Z"), 10_000.0),
            (q("2024-05-01T23:15:00Z"), 10_500.0),
            (q("2024-05-01T23:45:00Z"), 11_300.0),
            (q("2024-05-02T00:15:00Z"), 11_400.0),
            (q("2024-05-02T01:00:00Z"), 11_500.0),
        ];
        let split = |sessions: &[Session], from: &str, to: &str| {
            let r = allocate(
                sessions,
                at(from),
                at(to),
                Grouping::Day,
                &BTreeMap::new(),
                false,
                at("2024-06-01T00:00:00Z"),
            )
            .unwrap();
            r.buckets
                .iter()
                .map(|b| b.totals.energy_wh)
                .collect::<Vec<_>>()
        };
        let close = |got: Vec<f64>, want: &[f64]| {
            got.len() == want.len() && got.iter().zip(want).all(|(g, w)| (g - w).abs() < 1e-9)
        };
        let days = split(&[s.clone()], "2024-05-01T00:00:00Z", "2024-05-03T00:00:00Z");
        assert!(close(days.clone(), &[1350.0, 150.0]), "{days:?}");
        // A range edge between two readings: 23:50 to midnight, two thirds of the 23:45 →
        // 00:15 step's first half.
        let clipped = split(&[s.clone()], "2024-05-01T23:50:00Z", "2024-05-02T00:00:00Z");
        assert!(
            close(clipped.clone(), &[100.0 * 10.0 / 30.0]),
            "{clipped:?}"
        );
        // Readings that add up to more than the meter's energy are scaled down to it; to less,
        // the rest goes by time (here the meter stop is missing: 100 Wh by time, half a day each).
        let mut over = s.clone();
        over.energy_wh = 750.0;
        let days = split(&[over], "2024-05-01T00:00:00Z", "2024-05-03T00:00:00Z");
        assert!(close(days.clone(), &[675.0, 75.0]), "{days:?}");
        let mut short = s.clone();
        short.profile.pop();
        let days = split(&[short], "2024-05-01T00:00:00Z", "2024-05-03T00:00:00Z");
        assert!(close(days.clone(), &[1400.0, 100.0]), "{days:?}");
        // A register that goes down starts over; readings without energy: by time.
        let mut reset = s.clone();
        reset.profile[2].1 = 0.0;
        reset.profile[3].1 = 100.0;
        reset.profile[4].1 = 200.0;
        let days = split(&[reset], "2024-05-01T00:00:00Z", "2024-05-03T00:00:00Z");
        // Counted: 500 (to 23:15), 0 (the reset), 100, 100 = 700 of 1,500; the other 800 by time.
        assert!(
            close(days.clone(), &[500.0 + 50.0 + 400.0, 50.0 + 100.0 + 400.0]),
            "{days:?}"
        );
        let mut flat = s;
        flat.profile.iter_mut().for_each(|(_, wh)| *wh = 10_000.0);
        let days = split(&[flat], "2024-05-01T00:00:00Z", "2024-05-03T00:00:00Z");
        assert!(close(days.clone(), &[750.0, 750.0]), "{days:?}");
    }

    #[test]
    fn the_range_edges_clip_sessions() {
        // The report starts at noon: only the part after noon counts, and the session, which
        // started before the range, is not counted as one of its sessions.
        let sessions = [session(
            "CP1",
            "T",
            "2024-05-01T11:00:00Z",
            Some("2024-05-01T13:00:00Z"),
            1000.0,
        )];
        let r = allocate(
            &sessions,
            at("2024-05-01T12:00:00Z"),
            at("2024-05-02T00:00:00Z"),
            Grouping::Day,
            &BTreeMap::new(),
            false,
            at("2024-06-01T00:00:00Z"),
        )
        .unwrap();
        assert_eq!(
            (
                r.totals.energy_wh,
                r.totals.sessions,
                r.totals.charging_seconds
            ),
            (500.0, 0, 3600.0)
        );
        assert_eq!(r.totals.utilisation, None);
    }

    #[test]
    fn a_session_split_over_periods_keeps_all_its_energy_to_the_sub_millisecond() {
        // Start and now with sub-millisecond parts, across midnight: the two days' shares
        // must add up to the whole session, not to a millisecond less of it.
        let sessions = [session(
            "CP1",
            "T",
            "2024-05-01T23:00:00.000400Z",
            None,
            1200.0,
        )];
        let r = allocate(
            &sessions,
            at("2024-05-01T00:00:00Z"),
            at("2024-05-03T00:00:00Z"),
            Grouping::Day,
            &BTreeMap::from([("CP1".to_owned(), 1)]),
            false,
            at("2024-05-02T01:00:00.000700Z"),
        )
        .unwrap();
        let shares: f64 = r.buckets.iter().map(|b| b.totals.energy_wh).sum();
        assert!((shares - 1200.0).abs() < 1e-9, "{shares}");
        assert!(
            (r.totals.energy_wh - 1200.0).abs() < 1e-9,
            "{}",
            r.totals.energy_wh
        );
        assert!((r.totals.charging_seconds - 7200.0003).abs() < 1e-6);
    }

    #[test]
    fn running_sessions_count_until_now() {
        let sessions = [session("CP1", "T", "2024-05-01T10:00:00Z", None, 3000.0)];
        let r = allocate(
            &sessions,
            at("2024-05-01T00:00:00Z"),
            at("2024-05-02T00:00:00Z"),
            Grouping::Day,
            &BTreeMap::from([("CP1".to_owned(), 1)]),
            false,
            at("2024-05-01T13:00:00Z"),
        )
        .unwrap();
        assert_eq!(
            (r.totals.energy_wh, r.totals.charging_seconds),
            (3000.0, 3.0 * 3600.0)
        );
    }

    #[test]
    fn the_total_register_is_the_phaseless_one_in_wh_or_kwh() {
        use ocpp::v16::{Measurand, Phase, SampledValue, UnitOfMeasure};
        let sv = |value: &str, phase: Option<Phase>, unit: Option<UnitOfMeasure>| SampledValue {
            value: value.into(),
            context: None,
            format: None,
            measurand: Some(Measurand::EnergyActiveImportRegister),
            phase,
            location: None,
            unit,
        };
        assert_eq!(register_wh(&sv("12", None, None)), Some(12.0));
        assert_eq!(
            register_wh(&sv("1.5", None, Some(UnitOfMeasure::KWh))),
            Some(1500.0)
        );
        assert_eq!(
            register_wh(&sv("1.5", Some(Phase::L1), Some(UnitOfMeasure::KWh))),
            None
        );
        assert_eq!(
            register_wh(&sv("1e308", None, Some(UnitOfMeasure::KWh))),
            None
        );
        assert_eq!(register_wh(&sv("7", None, Some(UnitOfMeasure::W))), None);
    }

    #[test]
    fn absurd_energies_count_as_nothing() {
        let sessions = [session(
            "CP1",
            "T",
            "2024-05-01T10:00:00Z",
            Some("2024-05-01T11:00:00Z"),
            f64::INFINITY,
        )];
        let r = allocate(
            &sessions,
            at("2024-05-01T00:00:00Z"),
            at("2024-05-02T00:00:00Z"),
            Grouping::Day,
            &BTreeMap::new(),
            false,
            at("2024-06-01T00:00:00Z"),
        )
        .unwrap();
        assert_eq!(r.totals.energy_wh, 0.0);
    }

    #[test]
    fn per_id_tag_reports_have_no_utilisation() {
        let sessions = [session(
            "CP1",
            "T",
            "2024-05-01T10:00:00Z",
            Some("2024-05-01T11:00:00Z"),
            1.0,
        )];
        let r = allocate(
            &sessions,
            at("2024-05-01T00:00:00Z"),
            at("2024-05-02T00:00:00Z"),
            Grouping::Day,
            &BTreeMap::from([("CP1".to_owned(), 1)]),
            true,
            at("2024-06-01T00:00:00Z"),
        )
        .unwrap();
        assert_eq!(r.totals.utilisation, None);
        assert_eq!(r.buckets[0].totals.utilisation, None);
        assert!(r.buckets[0].by_station["CP1"].utilisation.is_some());
    }
}
