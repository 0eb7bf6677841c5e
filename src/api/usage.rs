//! `usage`: the seed's analysis of usage data, per period, per station and per id tag, computed
//! by [`crate::use_case::usage`] from the transactions that overlap the range.

use std::collections::{BTreeMap, HashMap};

use async_graphql::{Context, Enum, ID, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use entity::{connector, meter_value, station, transaction};
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, QueryFilter, QuerySelect,
    sea_query::{Expr, ExprTrait},
};

use super::{
    error::ApiError,
    guard::{app, principal, station_access},
    transaction::scope,
};
use crate::{
    auth::Role,
    use_case::usage::{self, Figures, Grouping, Session},
};
use ocpp::v16::{IdToken, Measurand, UnitOfMeasure};

/// How the range is cut into periods (UTC).
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum UsagePeriod {
    Day,
    /// ISO weeks, Monday to Monday.
    Week,
    Month,
}

impl From<UsagePeriod> for Grouping {
    fn from(period: UsagePeriod) -> Self {
        match period {
            UsagePeriod::Day => Self::Day,
            UsagePeriod::Week => Self::Week,
            UsagePeriod::Month => Self::Month,
        }
    }
}

/// Usage figures.
#[derive(SimpleObject, Debug)]
pub struct UsageFigures {
    /// Energy delivered, kWh; a session spanning periods is split in proportion to time.
    pub energy_kwh: f64,
    /// Sessions that started in the period.
    pub sessions: u64,
    /// Time transactions were running (plugged in and authorised), seconds.
    pub charging_seconds: i64,
    /// Charging time over the connectors' time, 0–1; absent for id tags and where the number of
    /// connectors is unknown.
    pub connector_utilisation: Option<f64>,
}

impl From<&Figures> for UsageFigures {
    fn from(f: &Figures) -> Self {
        Self {
            energy_kwh: f.energy_wh / 1000.0,
            sessions: f.sessions,
            charging_seconds: f.charging_seconds.round() as i64,
            connector_utilisation: f.utilisation,
        }
    }
}

#[derive(SimpleObject, Debug)]
pub struct StationUsage {
    pub station_id: ID,
    pub figures: UsageFigures,
}

#[derive(SimpleObject, Debug)]
pub struct IdTagUsage {
    pub id_tag: String,
    pub figures: UsageFigures,
}

/// One period of a usage report.
#[derive(SimpleObject, Debug)]
pub struct UsageBucket {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub totals: UsageFigures,
    pub by_station: Vec<StationUsage>,
    pub by_id_tag: Vec<IdTagUsage>,
}

/// A usage report over `[from, to)`.
#[derive(SimpleObject, Debug)]
pub struct UsageReport {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub group_by: UsagePeriod,
    pub totals: UsageFigures,
    pub periods: Vec<UsageBucket>,
}

#[derive(Default)]
pub struct UsageQuery;

#[Object]
impl UsageQuery {
    /// Energy, sessions, charging time and connector utilisation per period over
    /// `[from, to)`, per station and per id tag; optionally for one station or one id tag.
    /// Drivers get the figures of their own id tags.
    #[graphql(
        complexity = "crate::use_case::usage::cost(from, to, group_by.into(), child_complexity)"
    )]
    async fn usage(
        &self,
        ctx: &Context<'_>,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        group_by: UsagePeriod,
        station_id: Option<ID>,
        id_tag: Option<String>,
    ) -> Result<UsageReport> {
        let p = principal(ctx)?;
        let grouping = Grouping::from(group_by);
        usage::periods(from, to, grouping).map_err(ApiError::BadUserInput)?;
        let db = app(ctx).store.reader();

        // Overlapping the range; also a session of no length (or stopped "before" it started)
        // that starts within it.
        let mut filter = scope(p).add(transaction::Column::StartTime.lt(to)).add(
            Condition::any()
                .add(transaction::Column::StopTime.is_null())
                .add(transaction::Column::StopTime.gt(from))
                .add(transaction::Column::StartTime.gte(from)),
        );
        let mut station_filter = Condition::all();
        if let Some(stations) = &p.stations {
            station_filter =
                station_filter.add(station::Column::Id.is_in(stations.iter().cloned()));
        }
        if let Some(station) = &station_id {
            station_access(p, station)?;
            filter = filter.add(transaction::Column::StationId.eq(station.as_str()));
            station_filter = station_filter.add(station::Column::Id.eq(station.as_str()));
        }
        if let Some(tag) = &id_tag {
            let key = IdToken::new(tag.as_str())
                .map_err(|e| ApiError::BadUserInput(format!("idTag: {e}")))?
                .key();
            filter = filter.add(transaction::Column::IdTagKey.eq(key));
        }
        let rows = transaction::Entity::find()
            .filter(filter)
            .all(db)
            .await
            .map_err(ApiError::from)?;

        // Energy so far of running transactions: their newest total energy register reading.
        let running: Vec<i32> = rows
            .iter()
            .filter(|t| t.stop_time.is_none())
            .map(|t| t.id)
            .collect();
        let mut register: HashMap<i32, f64> = HashMap::new();
        for chunk in running.chunks(500) {
            let readings: Vec<(Option<i32>, String, Option<f64>)> = meter_value::Entity::find()
                .select_only()
                .column(meter_value::Column::TransactionId)
                .column(meter_value::Column::Unit)
                .column_as(
                    Expr::col(meter_value::Column::NumericValue).max(),
                    "max_value",
                )
                .filter(meter_value::Column::TransactionId.is_in(chunk.iter().copied()))
                .filter(
                    meter_value::Column::Measurand
                        .eq(Measurand::EnergyActiveImportRegister.as_str()),
                )
                .filter(meter_value::Column::Phase.is_null())
                .group_by(meter_value::Column::TransactionId)
                .group_by(meter_value::Column::Unit)
                .into_tuple()
                .all(db)
                .await
                .map_err(ApiError::from)?;
            for (tx, unit, value) in readings {
                let (Some(tx), Some(value)) = (tx, value) else {
                    continue;
                };
                let wh = if unit == UnitOfMeasure::KWh.as_str() {
                    value * 1000.0
                } else if unit == UnitOfMeasure::Wh.as_str() {
                    value
                } else {
                    continue;
                };
                if !wh.is_finite() {
                    continue;
                }
                let best = register.entry(tx).or_insert(wh);
                *best = best.max(wh);
            }
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
                }
            })
            .collect();

        // Connectors of the stations in scope (connector 0 is the charge point, not a socket).
        let stations: Vec<String> = station::Entity::find()
            .select_only()
            .column(station::Column::Id)
            .filter(station_filter)
            .into_tuple()
            .all(db)
            .await
            .map_err(ApiError::from)?;
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
            .await
            .map_err(ApiError::from)?;
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

        let per_id_tag_only = id_tag.is_some() || p.role == Role::Driver;
        let report = usage::report(
            &sessions,
            from,
            to,
            grouping,
            &connectors,
            per_id_tag_only,
            Utc::now(),
        )
        .map_err(ApiError::BadUserInput)?;
        Ok(UsageReport {
            from,
            to,
            group_by,
            totals: (&report.totals).into(),
            periods: report
                .buckets
                .iter()
                .map(|b| UsageBucket {
                    start: b.start,
                    end: b.end,
                    totals: (&b.totals).into(),
                    by_station: b
                        .by_station
                        .iter()
                        .map(|(s, f)| StationUsage {
                            station_id: ID(s.clone()),
                            figures: f.into(),
                        })
                        .collect(),
                    by_id_tag: b
                        .by_id_tag
                        .values()
                        .map(|(tag, f)| IdTagUsage {
                            id_tag: tag.clone(),
                            figures: f.into(),
                        })
                        .collect(),
                })
                .collect(),
        })
    }
}
