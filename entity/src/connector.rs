//! The last StatusNotification of one connector (connector 0 is the charge point itself); for
//! an OCPP 2.0.1 station, of one EVSE (a 1.6 connector is an EVSE with one connector).

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
    /// For an OCPP 2.0.1 EVSE (which this row is, its id the evseId): its status as 2.0.1 says
    /// it (`Available`, `Occupied`, `Reserved`, `Unavailable`, `Faulted`), of which `status`
    /// is the one-set mapping. Null for 1.6 connectors, whose `status` is as sent.
    pub ocpp_status: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
