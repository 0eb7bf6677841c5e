//! OCPP 1.6 Reservation profile: ReserveNow and CancelReservation.

use serde::{Deserialize, Serialize};

use super::types::*;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReserveNow {
    /// 0 reserves any connector (if the station allows it).
    pub connector_id: i32,
    pub expiry_date: Timestamp,
    pub id_tag: IdToken,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id_tag: Option<IdToken>,
    pub reservation_id: i32,
}
command!(ReserveNow => StatusResponse<ReservationStatus>, "ReserveNow");

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CancelReservation {
    pub reservation_id: i32,
}
command!(CancelReservation => StatusResponse<CancelReservationStatus>, "CancelReservation");
