//! `usage`: the seed's analysis of usage data, per period, per station and per id tag, computed
//! by [`crate::use_case::usage`] from the transactions that overlap the range; here, the query
//! and its GraphQL types.

use async_graphql::{Context, Enum, ID, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};

use super::{
    error::ApiError,
    guard::{app, principal},
};
use crate::use_case::usage::{self, Bucket, Figures, Grouping};

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
    /// Energy delivered, kWh; a session spanning periods is split by the register readings of
    /// its connector's meter rollups (what the meter said when), else in proportion to time.
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

impl From<&Bucket> for UsageBucket {
    fn from(b: &Bucket) -> Self {
        Self {
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
        }
    }
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
        let query = usage::UsageQuery {
            caller: principal(ctx)?,
            from,
            to,
            grouping: group_by.into(),
            station_id: station_id.map(|s| s.0),
            id_tag,
        };
        let report = usage::report(app(ctx), &query)
            .await
            .map_err(ApiError::from)?;
        Ok(UsageReport {
            from,
            to,
            group_by,
            totals: (&report.totals).into(),
            periods: report.buckets.iter().map(UsageBucket::from).collect(),
        })
    }
}
