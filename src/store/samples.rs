//! Meter samples in their compact layout: sampled values ([`MeterRow`]) grouped into readings
//! ([`Reading`]: one row of `meter_readings`, its samples packed by `entity::samples`), the
//! integer key of each station connector (`meter_series`, cached), and every read of samples
//! ([`SampleQuery`]), which unpacks them into one [`meter_value::Model`] per sampled value.
//!
//! A reading's key is its connector, time, reported transaction and digest: the same reading
//! sent again is stored once. Two readings of one connector, time and transaction that share
//! a sample (the same measurand, phase, location and context: a StopTransaction's
//! transactionData repeating a MeterValues sample) are both kept, and the repeated sample is
//! read once, from the first one stored, as when each sample had a row of its own. (The format
//! is part of what makes a sample: OCPP 2.0.1's signed value and its plain value are two.)

use std::{
    collections::{HashMap, HashSet},
    sync::{Arc, Mutex},
};

use chrono::{DateTime, Utc};
use entity::{
    meter_reading::{self, Source},
    meter_series, meter_value,
    samples::{self, SampleRef},
};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbBackend, DbErr, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Statement,
};

use super::MeterRow;

/// One reading to store: the sampled values of one `meterValue` element.
#[derive(Clone, Debug)]
pub struct Reading {
    pub station_id: Arc<str>,
    pub connector_id: i32,
    /// The connector's key, once known.
    pub series: Option<i32>,
    pub at: i64,
    pub reported_transaction_id: Option<i32>,
    pub source: i16,
    pub received_at: i64,
    pub register_wh: Option<f64>,
    pub digest: i32,
    pub samples: Vec<u8>,
}

/// `rows` as readings: consecutive rows of the same connector, time, transaction, source and
/// arrival make one reading (the sampled values of one `meterValue`).
pub fn readings(rows: &[MeterRow]) -> Vec<Reading> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < rows.len() {
        let first = &rows[start];
        let same = |r: &MeterRow| {
            r.connector_id == first.connector_id
                && r.timestamp == first.timestamp
                && r.reported_transaction_id == first.reported_transaction_id
                && r.source == first.source
                && r.received_at == first.received_at
                && r.station_id == first.station_id
        };
        let end = start
            + rows[start..]
                .iter()
                .position(|r| !same(r))
                .unwrap_or(rows.len() - start);
        let refs = rows[start..end].iter().map(|r| SampleRef {
            value: &r.value,
            numeric_value: r.numeric_value,
            measurand: r.measurand,
            phase: r.phase,
            location: r.location,
            context: r.context,
            format: r.format,
            unit: r.unit,
        });
        let packed = samples::encode(refs.clone());
        let source = first.source.code();
        out.push(Reading {
            station_id: first.station_id.clone(),
            connector_id: first.connector_id,
            series: None,
            at: first.timestamp.timestamp_micros(),
            reported_transaction_id: first.reported_transaction_id,
            source,
            received_at: first.received_at.timestamp_micros(),
            register_wh: samples::register_wh(refs),
            digest: samples::digest(source, &packed),
            samples: packed,
        });
        start = end;
    }
    out
}

/// The key of each station connector seen, shared by the writers. Bounded by the stations
/// and their connectors (a station's connector ids are checked before anything is stored).
#[derive(Default)]
pub struct SeriesCache(Mutex<HashMap<(Arc<str>, i32), i32>>);

impl SeriesCache {
    /// Fills in the keys it knows; whether all are known.
    pub fn fill(&self, readings: &mut [Reading]) -> bool {
        let known = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let mut all = true;
        for r in readings.iter_mut().filter(|r| r.series.is_none()) {
            r.series = known.get(&(r.station_id.clone(), r.connector_id)).copied();
            all &= r.series.is_some();
        }
        all
    }

    fn keep(&self, found: &[((Arc<str>, i32), i32)]) {
        let mut known = self.0.lock().unwrap_or_else(|e| e.into_inner());
        known.extend(found.iter().cloned());
    }
}

/// Finds (or makes) the key of each reading's connector that is not filled in. With a cache,
/// `db` must commit what it does at once (not a transaction that may yet roll back): the keys
/// are kept.
pub async fn resolve(
    db: &impl ConnectionTrait,
    readings: &mut [&mut Reading],
    cache: Option<&SeriesCache>,
) -> Result<(), DbErr> {
    let mut missing: Vec<(Arc<str>, i32)> = readings
        .iter()
        .filter(|r| r.series.is_none())
        .map(|r| (r.station_id.clone(), r.connector_id))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    missing.sort();
    missing.dedup();
    let backend = db.get_database_backend();
    let (insert, select) = match backend {
        DbBackend::Postgres => (
            "INSERT INTO meter_series (station_id, connector_id) VALUES ($1, $2) \
             ON CONFLICT DO NOTHING",
            "SELECT id FROM meter_series WHERE station_id = $1 AND connector_id = $2",
        ),
        _ => (
            "INSERT INTO meter_series (station_id, connector_id) VALUES (?, ?) \
             ON CONFLICT DO NOTHING",
            "SELECT id FROM meter_series WHERE station_id = ? AND connector_id = ?",
        ),
    };
    let mut found = Vec::with_capacity(missing.len());
    for (station, connector) in missing {
        let values = [station.to_string().into(), connector.into()];
        db.execute_raw(Statement::from_sql_and_values(
            backend,
            insert,
            values.clone(),
        ))
        .await?;
        let row = db
            .query_one_raw(Statement::from_sql_and_values(backend, select, values))
            .await?
            .ok_or_else(|| DbErr::RecordNotFound("meter_series".into()))?;
        found.push(((station, connector), row.try_get_by_index::<i32>(0)?));
    }
    for r in readings.iter_mut().filter(|r| r.series.is_none()) {
        r.series = found
            .iter()
            .find(|((s, c), _)| *s == r.station_id && *c == r.connector_id)
            .map(|(_, id)| *id);
    }
    if let Some(cache) = cache {
        cache.keep(&found);
    }
    Ok(())
}

/// Which samples a read wants.
#[derive(Clone, Debug, Default)]
pub struct SampleQuery {
    pub station_id: Option<String>,
    pub connector_id: Option<i32>,
    pub transaction_id: Option<i32>,
    /// Wire spelling.
    pub measurand: Option<String>,
    pub source: Option<Source>,
    pub from: Option<DateTime<Utc>>,
    /// Exclusive.
    pub to: Option<DateTime<Utc>>,
    /// Exactly this time.
    pub at: Option<DateTime<Utc>>,
}

/// What makes a sample the same as another of its connector, time and transaction: its
/// measurand, phase, location, context and format.
type Identity = (String, Option<String>, String, String, String);

/// Readings fetched per query while scanning.
const SCAN_ROWS: u64 = 2000;

fn time(micros: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_micros(micros).unwrap_or_default()
}

impl SampleQuery {
    /// The connectors of the station (and connector) asked for.
    async fn series(
        &self,
        db: &impl ConnectionTrait,
    ) -> Result<HashMap<i32, (String, i32)>, DbErr> {
        let mut find = meter_series::Entity::find();
        if let Some(station) = &self.station_id {
            find = find.filter(meter_series::Column::StationId.eq(station.as_str()));
        }
        if let Some(connector) = self.connector_id {
            find = find.filter(meter_series::Column::ConnectorId.eq(connector));
        }
        Ok(find
            .all(db)
            .await?
            .into_iter()
            .map(|s| (s.id, (s.station_id, s.connector_id)))
            .collect())
    }

    fn condition(&self, series: &HashMap<i32, (String, i32)>, scoped: bool) -> Condition {
        use meter_reading::Column as C;
        let mut c = Condition::all();
        if scoped {
            c = c.add(C::Series.is_in(series.keys().copied()));
        }
        if let Some(tx) = self.transaction_id {
            c = c.add(C::TransactionId.eq(tx));
        }
        if let Some(source) = self.source {
            c = c.add(C::Source.eq(source.code()));
        }
        if let Some(from) = self.from {
            c = c.add(C::At.gte(from.timestamp_micros()));
        }
        if let Some(to) = self.to {
            c = c.add(C::At.lt(to.timestamp_micros()));
        }
        if let Some(at) = self.at {
            c = c.add(C::At.eq(at.timestamp_micros()));
        }
        c
    }

    /// Calls `each` with every sample the query selects, oldest first (time, then as stored),
    /// until it returns `false`; reads at most [`SCAN_ROWS`] readings at a time.
    pub async fn scan(
        &self,
        db: &impl ConnectionTrait,
        mut each: impl FnMut(meter_value::Model) -> bool,
    ) -> Result<(), DbErr> {
        use meter_reading::Column as C;
        let scoped = self.station_id.is_some() || self.connector_id.is_some();
        let mut series = if scoped {
            self.series(db).await?
        } else {
            HashMap::new()
        };
        if scoped && series.is_empty() {
            return Ok(());
        }
        let base = self.condition(&series, scoped);
        let mut after: Option<(i64, i64)> = None;
        // The samples of the readings at the current time, per connector and transaction.
        let mut seen: HashMap<(i32, Option<i32>), HashSet<Identity>> = HashMap::new();
        let mut seen_at = i64::MIN;
        loop {
            let mut c = base.clone();
            if let Some((at, id)) = after {
                c = c.add(
                    Condition::any()
                        .add(C::At.gt(at))
                        .add(Condition::all().add(C::At.eq(at)).add(C::Id.gt(id))),
                );
            }
            let rows = meter_reading::Entity::find()
                .filter(c)
                .order_by_asc(C::At)
                .order_by_asc(C::Id)
                .limit(SCAN_ROWS)
                .all(db)
                .await?;
            let done = (rows.len() as u64) < SCAN_ROWS;
            for row in rows {
                after = Some((row.at, row.id));
                if !series.contains_key(&row.series) {
                    let Some(found) = meter_series::Entity::find_by_id(row.series).one(db).await?
                    else {
                        continue;
                    };
                    series.insert(found.id, (found.station_id, found.connector_id));
                }
                let (station, connector) = series[&row.series].clone();
                if row.at != seen_at {
                    seen.clear();
                    seen_at = row.at;
                }
                let decoded = match samples::decode(&row.samples) {
                    Ok(d) => d,
                    Err(e) => {
                        tracing::error!(reading = row.id, error = %e, "a stored reading cannot be read");
                        continue;
                    }
                };
                let seen = seen
                    .entry((row.series, row.reported_transaction_id))
                    .or_default();
                let source = Source::from_code(row.source).map_or("", Source::as_str);
                for (i, s) in decoded.into_iter().enumerate() {
                    let identity = (
                        s.measurand.to_string(),
                        s.phase.as_deref().map(str::to_owned),
                        s.location.to_string(),
                        s.context.to_string(),
                        s.format.to_string(),
                    );
                    if !seen.insert(identity) {
                        continue;
                    }
                    if self.measurand.as_deref().is_some_and(|m| m != s.measurand) {
                        continue;
                    }
                    let model = meter_value::Model {
                        id: row.id * 65_536 + i as i64,
                        station_id: station.clone(),
                        connector_id: connector,
                        transaction_id: row.transaction_id,
                        reported_transaction_id: row.reported_transaction_id,
                        source: source.to_owned(),
                        timestamp: time(row.at),
                        value: s.value,
                        numeric_value: s.numeric_value,
                        context: s.context.into_owned(),
                        format: s.format.into_owned(),
                        measurand: s.measurand.into_owned(),
                        phase: s.phase.map(|p| p.into_owned()),
                        location: s.location.into_owned(),
                        unit: s.unit.into_owned(),
                        received_at: time(row.received_at),
                    };
                    if !each(model) {
                        return Ok(());
                    }
                }
            }
            if done {
                return Ok(());
            }
        }
    }

    /// How many samples the query selects.
    pub async fn count(&self, db: &impl ConnectionTrait) -> Result<u64, DbErr> {
        let mut n = 0;
        self.scan(db, |_| {
            n += 1;
            true
        })
        .await?;
        Ok(n)
    }

    /// The samples from `offset` on, at most `limit` of them.
    pub async fn window(
        &self,
        db: &impl ConnectionTrait,
        offset: u64,
        limit: u64,
    ) -> Result<Vec<meter_value::Model>, DbErr> {
        let mut out = Vec::new();
        let mut index = 0u64;
        if limit == 0 {
            return Ok(out);
        }
        self.scan(db, |m| {
            if index >= offset {
                out.push(m);
            }
            index += 1;
            (out.len() as u64) < limit
        })
        .await?;
        Ok(out)
    }

    /// Every sample the query selects (for callers that bound it themselves: one
    /// transaction's, one time's).
    pub async fn all(&self, db: &impl ConnectionTrait) -> Result<Vec<meter_value::Model>, DbErr> {
        let mut out = Vec::new();
        self.scan(db, |m| {
            out.push(m);
            true
        })
        .await?;
        Ok(out)
    }
}

/// Each connector's newest MeterValues time for `station_id` (kept by the database).
pub async fn latest(
    db: &impl ConnectionTrait,
    station_id: &str,
) -> Result<Vec<(i32, DateTime<Utc>)>, DbErr> {
    let rows = meter_series::Entity::find()
        .filter(meter_series::Column::StationId.eq(station_id))
        .filter(meter_series::Column::LatestAt.is_not_null())
        .order_by_asc(meter_series::Column::ConnectorId)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|s| Some((s.connector_id, time(s.latest_at?))))
        .collect())
}

/// The newest energy register (Wh) stored for transaction `id`.
pub async fn newest_register(db: &impl ConnectionTrait, id: i32) -> Result<Option<f64>, DbErr> {
    use meter_reading::Column as C;
    let newest = meter_reading::Entity::find()
        .select_only()
        .column(C::RegisterWh)
        .filter(C::TransactionId.eq(id))
        .filter(C::RegisterWh.is_not_null())
        .order_by_desc(C::At)
        .order_by_asc(C::Id)
        .into_tuple::<Option<f64>>()
        .one(db)
        .await?;
    Ok(newest.flatten())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(connector: i32, at: &str, measurand: &'static str, value: &str) -> MeterRow {
        MeterRow {
            station_id: Arc::from("CP-1"),
            connector_id: connector,
            reported_transaction_id: Some(3),
            source: Source::MeterValues,
            timestamp: at.parse().unwrap(),
            value: Arc::from(value),
            numeric_value: samples::implicit_numeric(value),
            context: "Sample.Periodic",
            format: "Raw",
            measurand,
            phase: None,
            location: "Outlet",
            unit: "Wh",
            received_at: "2024-05-01T10:00:05Z".parse().unwrap(),
        }
    }

    #[test]
    fn consecutive_rows_of_one_time_make_one_reading() {
        let reg = "Energy.Active.Import.Register";
        let rows = [
            row(1, "2024-05-01T10:00:00Z", reg, "10"),
            row(1, "2024-05-01T10:00:00Z", "Voltage", "230"),
            row(1, "2024-05-01T10:01:00Z", reg, "12"),
            row(2, "2024-05-01T10:01:00Z", reg, "5"),
        ];
        let r = readings(&rows);
        assert_eq!(r.len(), 3);
        assert_eq!(samples::decode(&r[0].samples).unwrap().len(), 2);
        assert_eq!(r[0].register_wh, Some(10.0));
        assert_eq!(r[2].connector_id, 2);
        assert_eq!(r[1].at, rows[2].timestamp.timestamp_micros());
        // The same reading sent again has the same digest; another one does not.
        assert_eq!(readings(&rows[..2])[0].digest, r[0].digest);
        assert_ne!(r[1].digest, r[2].digest);
    }
}
