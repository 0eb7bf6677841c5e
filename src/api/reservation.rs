//! Reservation in the API: reserving a connector for an id tag and cancelling it (mutations;
//! drivers for their own tags) and a station's reservations (query, staff).

use async_graphql::{Context, ID, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};

use super::{
    command::on_behalf,
    enums::{self, stored},
    error::ApiError,
    guard::{app, staff_for},
    pagination::list_limit,
};
use crate::use_case::reservation;
use ocpp::v16;

/// A reservation.
pub struct Reservation(pub entity::reservation::Model);

#[Object]
impl Reservation {
    /// The `reservationId` the station knows it by.
    async fn id(&self) -> i32 {
        self.0.id
    }
    async fn station_id(&self) -> ID {
        ID(self.0.station_id.clone())
    }
    /// 0: any connector.
    async fn connector_id(&self) -> i32 {
        self.0.connector_id
    }
    async fn id_tag(&self) -> &str {
        &self.0.id_tag
    }
    async fn parent_id_tag(&self) -> Option<&str> {
        self.0.parent_id_tag.as_deref()
    }
    async fn expiry_date(&self) -> DateTime<Utc> {
        self.0.expiry_date
    }
    async fn state(&self) -> Option<enums::ReservationState> {
        enums::ReservationState::from_stored(&self.0.state)
    }
    /// The station's answer to ReserveNow.
    async fn station_status(&self) -> Option<enums::ReservationStatus> {
        self.0
            .station_status
            .as_deref()
            .and_then(|s| stored(s, v16::ReservationStatus::from_wire))
    }
    /// The transaction that used it.
    async fn transaction_id(&self) -> Option<i32> {
        self.0.transaction_id
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn ended_at(&self) -> Option<DateTime<Utc>> {
        self.0.ended_at
    }
}

#[derive(SimpleObject)]
pub struct ReserveNowResult {
    pub status: enums::ReservationStatus,
    pub reservation: Reservation,
}

#[derive(SimpleObject)]
pub struct CancelReservationResult {
    pub status: enums::CancelReservationStatus,
    pub reservation: Reservation,
}

#[derive(Default)]
pub struct ReservationMutation;

#[Object]
impl ReservationMutation {
    /// Reservation: reserves a connector (0: any) for an id tag until `expiryDate`. Drivers
    /// may reserve for their own tags.
    async fn reserve_now(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        connector_id: i32,
        id_tag: String,
        expiry_date: DateTime<Utc>,
        parent_id_tag: Option<String>,
    ) -> Result<ReserveNowResult> {
        let reserved = on_behalf(ctx)?
            .reserve_now(
                &station_id,
                connector_id,
                &id_tag,
                parent_id_tag.as_deref(),
                expiry_date,
            )
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(ReserveNowResult {
            status: reserved.status.into(),
            reservation: Reservation(reserved.reservation),
        })
    }

    /// Reservation: cancels a reservation at its station.
    async fn cancel_reservation(
        &self,
        ctx: &Context<'_>,
        reservation_id: i32,
    ) -> Result<CancelReservationResult> {
        let (status, row) = on_behalf(ctx)?
            .cancel_reservation(reservation_id)
            .await
            .map_err(|e| ApiError::refused(&reservation_id.to_string(), e))?;
        Ok(CancelReservationResult {
            status: status.into(),
            reservation: Reservation(row),
        })
    }
}

#[derive(Default)]
pub struct ReservationQuery;

#[Object]
impl ReservationQuery {
    /// A station's reservations, newest first: open ones (requested or active), or all.
    async fn reservations(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        #[graphql(default = false)] include_ended: bool,
        #[graphql(default = 50)] limit: i32,
    ) -> Result<Vec<Reservation>> {
        staff_for(ctx, &station_id)?;
        let rows = reservation::list(app(ctx), &station_id, include_ended, list_limit(limit)?)
            .await
            .map_err(ApiError::from)?;
        Ok(rows.into_iter().map(Reservation).collect())
    }
}
