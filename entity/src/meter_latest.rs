//! The time of each connector's newest MeterValues sample, kept by a database trigger on
//! `meter_values` (never written by the application).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "meter_latest")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub station_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub connector_id: i32,
    /// The station's timestamp of the newest sample (its rows in `meter_values` have it too).
    pub timestamp: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
