//! A SignedFirmwareStatusNotification a station sent (the progress of a SignedUpdateFirmware).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "signed_firmware_status_notifications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub station_id: String,
    /// The SignedUpdateFirmware `requestId` it reports on, when the station gave one.
    pub request_id: Option<i32>,
    /// The whitepaper's `FirmwareStatusEnumType` as sent.
    pub status: String,
    pub received_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
