//! One meter series' (station connector's) figures over one UTC day, made by the rollup job
//! from the day's 15-minute rollups (`meter_rollup`) and kept for good, so that long ranges read
//! a row a day. Times are microseconds since the Unix epoch; energy in Wh, power in W, SoC in %.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "meter_rollup_days")]
pub struct Model {
    /// `meter_series.id`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub series: i32,
    /// The day's start (midnight UTC), µs.
    #[sea_orm(primary_key, auto_increment = false)]
    pub day: i64,
    /// The sums of the day's 15-minute rollups.
    pub readings: i32,
    pub energy_wh: f64,
    pub power_sum_w: f64,
    pub power_count: i32,
    pub power_max_w: Option<f64>,
    /// The day's first and last register reading, its last state of charge.
    pub first_register_wh: Option<f64>,
    pub first_register_at: Option<i64>,
    pub last_register_wh: Option<f64>,
    pub last_register_at: Option<i64>,
    pub soc_percent: Option<f64>,
    pub soc_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
