//! A day whose 15-minute meter rollups changed after its daily rollup (`meter_rollup_day`) was
//! made: the rollup job makes that row again, readers compute the day from its 15-minute
//! rollups until then.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "meter_rollup_stale_days")]
pub struct Model {
    /// `meter_series.id`.
    #[sea_orm(primary_key, auto_increment = false)]
    pub series: i32,
    /// The day's start (midnight UTC), µs.
    #[sea_orm(primary_key, auto_increment = false)]
    pub day: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
