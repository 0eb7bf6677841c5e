//! The last status of one connector of an OCPP 2.0.1 EVSE, as the station sent it (its EVSE's
//! status in `connectors` is the one-set status of all its connectors together).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "evse_connectors")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub station_id: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub evse_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub connector_id: i32,
    /// `Available`, `Occupied`, `Reserved`, `Unavailable` or `Faulted`, as sent.
    pub status: String,
    /// The station's own timestamp for the status.
    pub status_timestamp: Option<DateTimeUtc>,
    /// When the server received the status.
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
