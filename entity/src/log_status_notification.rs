//! A LogStatusNotification a station sent (the progress of a GetLog upload).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "log_status_notifications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub station_id: String,
    /// The GetLog `requestId` it reports on, when the station gave one.
    pub request_id: Option<i32>,
    /// `UploadLogStatusEnumType` as sent.
    pub status: String,
    pub received_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
