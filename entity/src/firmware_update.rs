//! An UpdateFirmware request sent to a station (Firmware Management).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "firmware_updates")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub station_id: String,
    pub location: String,
    pub retrieve_date: DateTimeUtc,
    pub retries: Option<i32>,
    pub retry_interval: Option<i32>,
    pub requested_by: Option<String>,
    pub requested_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
