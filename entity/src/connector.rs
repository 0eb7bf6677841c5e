//! The last StatusNotification of one connector (connector 0 is the charge point itself).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "connectors")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub station_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub connector_id: i32,
    pub status: String,
    pub error_code: String,
    pub info: Option<String>,
    pub vendor_id: Option<String>,
    pub vendor_error_code: Option<String>,
    /// The station's own timestamp for the status, when it sent one.
    pub status_timestamp: Option<DateTimeUtc>,
    /// When the server received the status.
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
