//! `meterRollups`: a station's meter figures per quarter hour, hour, day, ISO week or month,
//! from the 15-minute and daily rollups of [`crate::use_case::meter_rollup`] (kept for good, also once
//! the raw readings are deleted). Staff only.

use async_graphql::{Context, Enum, ID, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};

use super::{
    error::ApiError,
    guard::{app, staff_for},
};
use crate::use_case::meter_rollup::{self, Interval, MAX_ANSWER_BUCKETS, Period, RollupError};

/// How rollups are grouped (UTC).
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RollupInterval {
    QuarterHour,
    Hour,
    Day,
    /// ISO weeks, Monday to Monday.
    Week,
    Month,
}

impl From<RollupInterval> for Interval {
    fn from(every: RollupInterval) -> Self {
        match every {
            RollupInterval::QuarterHour => Self::QuarterHour,
            RollupInterval::Hour => Self::Hour,
            RollupInterval::Day => Self::Day,
            RollupInterval::Week => Self::Week,
            RollupInterval::Month => Self::Month,
        }
    }
}

/// A register or state-of-charge reading and its time (the station's).
#[derive(SimpleObject, Debug)]
pub struct TimedValue {
    pub value: f64,
    pub at: DateTime<Utc>,
}

/// One connector's meter figures over one period.
#[derive(SimpleObject, Debug)]
pub struct MeterRollup {
    /// The connector (OCPP 2.0.1: the EVSE); 0 is the station's main meter.
    pub connector_id: i32,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Readings (MeterValues, and the meter values of StopTransaction and TransactionEvent).
    pub readings: i64,
    /// Energy delivered, Wh: the steps up of the energy register
    /// (`Energy.Active.Import.Register` without phase) that end in the period, the one from
    /// the last reading before it included; a step down counts 0.
    pub energy_wh: f64,
    /// Mean of the active power readings (`Power.Active.Import` without phase), W.
    pub power_avg_w: Option<f64>,
    pub power_max_w: Option<f64>,
    /// The first and last energy register readings in the period, Wh.
    pub first_register_wh: Option<TimedValue>,
    pub last_register_wh: Option<TimedValue>,
    /// The last state of charge in the period, %.
    pub soc_percent: Option<TimedValue>,
}

fn timed(v: Option<(f64, DateTime<Utc>)>) -> Option<TimedValue> {
    v.map(|(value, at)| TimedValue { value, at })
}

impl From<Period> for MeterRollup {
    fn from(p: Period) -> Self {
        Self {
            connector_id: p.connector_id,
            start: p.start,
            end: p.end,
            readings: p.readings,
            energy_wh: p.energy_wh,
            power_avg_w: p.power_avg_w,
            power_max_w: p.power_max_w,
            first_register_wh: timed(p.first_register),
            last_register_wh: timed(p.last_register),
            soc_percent: timed(p.soc_last),
        }
    }
}

impl From<RollupError> for ApiError {
    fn from(e: RollupError) -> Self {
        match e {
            RollupError::EmptyRange | RollupError::TooManyBuckets(_) => {
                Self::BadUserInput(e.to_string())
            }
            RollupError::Db(e) => e.into(),
        }
    }
}

/// Periods that cost one unit of `child_complexity`: a period is one small row, already
/// aggregated, so that a month of quarter hours (2,976) with every field stays within the
/// default complexity limit.
const PERIODS_PER_UNIT: usize = 4;

/// The query complexity: one unit of `child_complexity` per [`PERIODS_PER_UNIT`] periods of the
/// range (the answer's bound at most).
fn cost(from: DateTime<Utc>, to: DateTime<Utc>, every: Interval, child: usize) -> usize {
    let periods = meter_rollup::periods_in(from.timestamp_micros(), to.timestamp_micros(), every);
    usize::try_from(periods)
        .unwrap_or(usize::MAX)
        .min(MAX_ANSWER_BUCKETS)
        .div_ceil(PERIODS_PER_UNIT)
        .saturating_mul(child)
        .saturating_add(1)
}

#[derive(Default)]
pub struct MeterRollupQuery;

#[Object]
impl MeterRollupQuery {
    /// A station's meter figures per period of `every` (default: quarter hours), of one
    /// connector or of each, from the 15-minute buckets that start in `[from, to)`; periods
    /// without readings are left out. Connectors in order, then periods in time order. At
    /// most 10,000 periods times connectors (else BAD_USER_INPUT). Staff only. Rolled up in
    /// the background: the newest readings show within `--meter-rollup-interval` (on
    /// PostgreSQL within about 30 s more).
    #[graphql(complexity = "cost(from, to, every.into(), child_complexity)")]
    async fn meter_rollups(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        connector_id: Option<i32>,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        #[graphql(default_with = "RollupInterval::QuarterHour")] every: RollupInterval,
    ) -> Result<Vec<MeterRollup>> {
        staff_for(ctx, &station_id)?;
        let periods = meter_rollup::read(
            app(ctx).store.reader(),
            &station_id,
            connector_id,
            from,
            to,
            every.into(),
        )
        .await
        .map_err(ApiError::from)?;
        Ok(periods.into_iter().map(MeterRollup::from).collect())
    }
}
