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
    /// OCPP 2.0.1: the `requestId` sent, which the station's FirmwareStatusNotifications carry
    /// (null for 1.6, whose UpdateFirmware has none).
    pub request_id: Option<i32>,
    /// OCPP 2.0.1: the station's answer (`Accepted`, `Rejected`, `AcceptedCanceled`, …; null
    /// for 1.6, whose answer is empty).
    pub status: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
