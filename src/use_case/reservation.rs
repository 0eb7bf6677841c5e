//! Reservation use cases: ReserveNow and CancelReservation on behalf of a caller, reservations
//! ended by the transaction that uses them, and expiry.
//!
//! The row is written before ReserveNow is sent (its id is the `reservationId`), then follows
//! the station's answer: `Active` when accepted, `Refused` otherwise, `Failed` without an
//! answer. An active reservation ends `Used` when a StartTransaction names it, `Cancelled` when
//! the station accepts a CancelReservation, `Expired` once its expiry date has passed (the
//! station itself drops it then, §3.12).

use chrono::{DateTime, Utc};
use entity::{id_tag, reservation};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, sea_query::Expr,
};

use crate::{
    auth::Role,
    bus::Event,
    context::Context,
    store::StoreError,
    use_case::command::{OnBehalf, Refused, at_least, text},
};
use ocpp::rpc::Version;
use ocpp::v16::{
    CancelReservation, CancelReservationStatus, CiString, ReservationStatus, ReserveNow, Timestamp,
};
use ocpp::v201;

/// States of a reservation row.
pub mod state {
    pub const REQUESTED: &str = "Requested";
    pub const ACTIVE: &str = "Active";
    pub const REFUSED: &str = "Refused";
    pub const FAILED: &str = "Failed";
    pub const CANCELLED: &str = "Cancelled";
    pub const USED: &str = "Used";
    pub const EXPIRED: &str = "Expired";
}

/// What ReserveNow produced: the station's answer and the stored reservation.
#[derive(Debug)]
pub struct Reserved {
    pub status: ReservationStatus,
    pub reservation: reservation::Model,
}

impl OnBehalf<'_> {
    /// Reserves a connector (0: any) of a station for an id tag until `expiry_date`. Drivers may
    /// reserve for their own tags.
    pub async fn reserve_now(
        &self,
        station_id: &str,
        connector_id: i32,
        id_tag: &str,
        parent_id_tag: Option<&str>,
        expiry_date: DateTime<Utc>,
    ) -> Result<Reserved, Refused> {
        let version = self.permit(station_id, true).await?;
        let connector_id = at_least(connector_id, 0, "connectorId")?;
        // Up to 36 characters (a 2.0.1 id token); a 1.6 station takes 20.
        let id_tag = text::<36>(id_tag, "idTag")?;
        let mut parent = parent_id_tag
            .map(|p| text::<36>(p, "parentIdTag"))
            .transpose()?;
        if version == Version::V16 {
            text::<20>(id_tag.as_str(), "idTag")?;
            if let Some(p) = &parent {
                text::<20>(p.as_str(), "parentIdTag")?;
            }
        }
        let now = Utc::now();
        if expiry_date <= now {
            return Err(Refused::Invalid {
                field: "expiryDate",
                message: "must be in the future".into(),
            });
        }
        if self.caller.role == Role::Driver {
            self.owns(&id_tag.key()).await?;
        }
        if parent.is_none() {
            // The tag's group, as the operator set it, unless the caller names one.
            parent = id_tag::Entity::find_by_id(id_tag.key())
                .one(self.ctx.store.reader())
                .await?
                .and_then(|t| t.parent_id_tag)
                .and_then(|p| CiString::new(p).ok());
        }
        let row = reservation::ActiveModel {
            id: sea_orm::NotSet,
            station_id: Set(station_id.to_owned()),
            connector_id: Set(connector_id),
            id_tag: Set(id_tag.to_string()),
            parent_id_tag: Set(parent.as_ref().map(ToString::to_string)),
            expiry_date: Set(expiry_date),
            state: Set(state::REQUESTED.to_owned()),
            station_status: Set(None),
            transaction_id: Set(None),
            requested_by: Set(Some(self.caller.sub.chars().take(255).collect())),
            created_at: Set(now),
            ended_at: Set(None),
        };
        let created = self.ctx.store.insert(row).await?;
        let answer = match version {
            Version::V16 => {
                let command = ReserveNow {
                    connector_id,
                    expiry_date: Timestamp(expiry_date),
                    id_tag: text::<20>(id_tag.as_str(), "idTag")?,
                    parent_id_tag: parent
                        .map(|p| text::<20>(p.as_str(), "parentIdTag"))
                        .transpose()?,
                    reservation_id: created.id,
                };
                self.send(station_id, command).await.map(|a| a.status)
            }
            // The reservation's id is the 2.0.1 `id`; connector 0 (any) names no EVSE.
            Version::V201 => {
                let token = |t: CiString<36>| v201::IdToken {
                    additional_info: None,
                    id_token: t,
                    kind: v201::IdTokenEnum::Central,
                    custom_data: None,
                };
                let command = v201::ReserveNowRequest {
                    id: created.id,
                    expiry_date_time: Timestamp(expiry_date),
                    connector_type: None,
                    id_token: token(id_tag),
                    evse_id: (connector_id > 0).then_some(connector_id),
                    group_id_token: parent.map(token),
                    custom_data: None,
                };
                self.send(station_id, command).await.map(|a| {
                    crate::use_case::command::same(a.status.as_str(), ReservationStatus::Rejected)
                })
            }
        };
        let (new_state, status) = match &answer {
            Ok(s) if *s == ReservationStatus::Accepted => (state::ACTIVE, Some(*s)),
            Ok(s) => (state::REFUSED, Some(*s)),
            Err(_) => (state::FAILED, None),
        };
        let ended = (new_state != state::ACTIVE).then_some(Utc::now());
        let updated = set_state(
            self.ctx,
            created.id,
            new_state,
            status.map(|s| s.as_str()),
            ended,
        )
        .await?;
        publish(self.ctx, &updated).await;
        let status = answer?;
        Ok(Reserved {
            status,
            reservation: updated,
        })
    }

    /// Cancels a reservation at its station; marks it cancelled when the station accepts.
    pub async fn cancel_reservation(
        &self,
        reservation_id: i32,
    ) -> Result<(CancelReservationStatus, reservation::Model), Refused> {
        let row = reservation::Entity::find_by_id(reservation_id)
            .one(self.ctx.store.reader())
            .await?
            .ok_or_else(|| Refused::NotFound(format!("no reservation {reservation_id}")))?;
        let version = self.permit(&row.station_id, true).await?;
        if self.caller.role == Role::Driver {
            self.owns(&row.id_tag.to_lowercase()).await?;
        }
        let status = match version {
            Version::V16 => {
                self.send(&row.station_id, CancelReservation { reservation_id })
                    .await?
                    .status
            }
            Version::V201 => {
                let command = v201::CancelReservationRequest {
                    reservation_id,
                    custom_data: None,
                };
                let answer = self.send(&row.station_id, command).await?;
                crate::use_case::command::same(
                    answer.status.as_str(),
                    CancelReservationStatus::Rejected,
                )
            }
        };
        if status == CancelReservationStatus::Accepted
            && [state::ACTIVE, state::REQUESTED].contains(&row.state.as_str())
        {
            let updated = set_state(
                self.ctx,
                reservation_id,
                state::CANCELLED,
                None,
                Some(Utc::now()),
            )
            .await?;
            publish(self.ctx, &updated).await;
            return Ok((status, updated));
        }
        Ok((status, row))
    }
}

async fn set_state(
    ctx: &Context,
    id: i32,
    new_state: &'static str,
    station_status: Option<&'static str>,
    ended_at: Option<DateTime<Utc>>,
) -> Result<reservation::Model, StoreError> {
    ctx.store
        .write(move |txn| {
            Box::pin(async move {
                let mut row: reservation::ActiveModel = reservation::Entity::find_by_id(id)
                    .one(txn)
                    .await?
                    .ok_or_else(|| DbErr::RecordNotFound(format!("reservation {id}")))?
                    .into();
                row.state = Set(new_state.to_owned());
                if let Some(s) = station_status {
                    row.station_status = Set(Some(s.to_owned()));
                }
                row.ended_at = Set(ended_at);
                row.update(txn).await
            })
        })
        .await
}

async fn publish(ctx: &Context, row: &reservation::Model) {
    ctx.publish(Event::Reservation {
        station_id: row.station_id.clone(),
        reservation_id: row.id,
        connector_id: row.connector_id,
        state: row.state.clone(),
        at: row.ended_at.unwrap_or(row.created_at),
    })
    .await;
}

/// A StartTransaction named `reservation_id`: the reservation (of this station, still open)
/// ends `Used` by `transaction_id`. Runs in the transaction that stores the start. Returns
/// whether a reservation was ended.
pub async fn use_in<C: ConnectionTrait>(
    db: &C,
    station_id: &str,
    reservation_id: i32,
    transaction_id: i32,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let result = reservation::Entity::update_many()
        .col_expr(reservation::Column::State, Expr::value(state::USED))
        .col_expr(
            reservation::Column::TransactionId,
            Expr::value(transaction_id),
        )
        .col_expr(reservation::Column::EndedAt, Expr::value(now))
        .filter(reservation::Column::Id.eq(reservation_id))
        .filter(reservation::Column::StationId.eq(station_id))
        .filter(reservation::Column::State.is_in([state::ACTIVE, state::REQUESTED]))
        .exec(db)
        .await?;
    Ok(result.rows_affected > 0)
}

/// Publishes that a reservation was used (after the start is committed).
/// A 2.0.1 station's ReservationStatusUpdate: its open reservation ended on the station,
/// `Expired` or `Removed` (cancelled there); a reservation of another station, or one already
/// ended, is left as it is.
pub async fn ended_at_station(
    ctx: &Context,
    station_id: &str,
    reservation_id: i32,
    expired: bool,
) -> Result<(), StoreError> {
    let row = reservation::Entity::find_by_id(reservation_id)
        .one(ctx.store.reader())
        .await?;
    let Some(row) = row.filter(|r| {
        r.station_id == station_id && [state::ACTIVE, state::REQUESTED].contains(&r.state.as_str())
    }) else {
        return Ok(());
    };
    let new_state = if expired {
        state::EXPIRED
    } else {
        state::CANCELLED
    };
    let updated = set_state(ctx, row.id, new_state, None, Some(Utc::now())).await?;
    publish(ctx, &updated).await;
    Ok(())
}

pub async fn used(ctx: &Context, station_id: &str, reservation_id: i32, connector_id: i32) {
    ctx.publish(Event::Reservation {
        station_id: station_id.to_owned(),
        reservation_id,
        connector_id,
        state: state::USED.to_owned(),
        at: Utc::now(),
    })
    .await;
}

/// Ends every active reservation whose expiry date has passed; returns how many.
pub async fn expire(ctx: &Context) -> Result<usize, StoreError> {
    let now = Utc::now();
    let due = reservation::Entity::find()
        .filter(reservation::Column::State.eq(state::ACTIVE))
        .filter(reservation::Column::ExpiryDate.lte(now))
        .all(ctx.store.reader())
        .await?;
    if due.is_empty() {
        return Ok(0);
    }
    let ids: Vec<i32> = due.iter().map(|r| r.id).collect();
    let ended = ctx
        .store
        .write(move |txn| {
            let ids = ids.clone();
            Box::pin(async move {
                // Only those still active: one used or cancelled meanwhile keeps its state.
                let still: Vec<i32> = reservation::Entity::find()
                    .select_only()
                    .column(reservation::Column::Id)
                    .filter(reservation::Column::Id.is_in(ids))
                    .filter(reservation::Column::State.eq(state::ACTIVE))
                    .into_tuple()
                    .all(txn)
                    .await?;
                reservation::Entity::update_many()
                    .col_expr(reservation::Column::State, Expr::value(state::EXPIRED))
                    .col_expr(reservation::Column::EndedAt, Expr::value(now))
                    .filter(reservation::Column::Id.is_in(still.clone()))
                    .exec(txn)
                    .await?;
                Ok(still)
            })
        })
        .await?;
    for row in due.iter().filter(|r| ended.contains(&r.id)) {
        ctx.publish(Event::Reservation {
            station_id: row.station_id.clone(),
            reservation_id: row.id,
            connector_id: row.connector_id,
            state: state::EXPIRED.to_owned(),
            at: now,
        })
        .await;
    }
    Ok(ended.len())
}

/// How often expired reservations are looked for.
pub const EXPIRY_SWEEP: std::time::Duration = std::time::Duration::from_secs(10);

/// A station's reservations, newest first; only open ones (requested or active) unless `all`.
pub async fn list(
    ctx: &Context,
    station_id: &str,
    all: bool,
    limit: u64,
) -> Result<Vec<reservation::Model>, DbErr> {
    let mut query =
        reservation::Entity::find().filter(reservation::Column::StationId.eq(station_id));
    if !all {
        query = query.filter(reservation::Column::State.is_in([state::ACTIVE, state::REQUESTED]));
    }
    query
        .order_by_desc(reservation::Column::Id)
        .limit(limit)
        .all(ctx.store.reader())
        .await
}
