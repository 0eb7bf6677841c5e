//! One meter series' (station connector's) figures over one 15-minute bucket, computed from its
//! raw readings by the rollup job and kept for good, also once the raw readings are deleted.
//! Times are microseconds since the Unix epoch; energy in Wh, power in W, SoC in %.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "meter_rollups")]
pub struct Model {
    /// `meter_series.id`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub series: i32,
    /// The bucket's start (a multiple of 15 minutes), µs.
    #[sea_orm(primary_key, auto_increment = false)]
    pub bucket: i64,
    /// Readings in the bucket (every source).
    pub readings: i32,
    /// Energy delivered: `inner_wh` plus the step from the last register reading of the
    /// series' previous bucket that has one to this bucket's first (a step down counts 0).
    pub energy_wh: f64,
    /// The steps up between this bucket's own register readings, in time order.
    pub inner_wh: f64,
    /// Sum and number of the power readings (`Power.Active.Import` without phase), W.
    pub power_sum_w: f64,
    pub power_count: i32,
    pub power_max_w: Option<f64>,
    pub first_register_wh: Option<f64>,
    pub first_register_at: Option<i64>,
    pub last_register_wh: Option<f64>,
    pub last_register_at: Option<i64>,
    /// The last state of charge (`SoC`), %.
    pub soc_percent: Option<f64>,
    pub soc_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
