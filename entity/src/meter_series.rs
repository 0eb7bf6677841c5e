//! One station connector (an EVSE for OCPP 2.0.1) that has meter readings: the integer key
//! its readings carry, and the time of its newest MeterValues reading.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "meter_series")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub station_id: String,
    pub connector_id: i32,
    /// The station's timestamp of the newest reading from a MeterValues message, in
    /// microseconds since the Unix epoch (kept by a database trigger on `meter_readings`).
    pub latest_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
