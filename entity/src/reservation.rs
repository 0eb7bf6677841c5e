//! A reservation (OCPP 1.6 Reservation profile): its id is the `reservationId` sent to the
//! station; `state` follows it from request to its end.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "reservations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub station_id: String,
    /// 0: any connector of the station.
    pub connector_id: i32,
    pub id_tag: String,
    pub parent_id_tag: Option<String>,
    pub expiry_date: DateTimeUtc,
    /// `Requested` (sent, no answer yet), `Active`, `Refused` (the station did not accept),
    /// `Failed` (no answer), `Cancelled`, `Used` (a transaction started on it), `Expired`.
    pub state: String,
    /// The station's answer to ReserveNow (`Accepted`, `Occupied`…), when it answered.
    pub station_status: Option<String>,
    /// The transaction that used the reservation.
    pub transaction_id: Option<i32>,
    pub requested_by: Option<String>,
    pub created_at: DateTimeUtc,
    pub ended_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
