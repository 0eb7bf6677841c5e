//! Stations in the API: the `stations` and `station` queries, connectors with their live
//! status, current transaction and last meter reading, and station approval.

use async_graphql::{Context, ID, Object, Result};
use chrono::{DateTime, Utc};
use entity::{connector, station};
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, Order, QueryFilter,
    sea_query::{Expr, ExprTrait, Query},
};

use super::{
    enums::{self, stored},
    error::ApiError,
    guard::{app, operator, principal, station_access},
    loaders::{ConnectorsOf, Loaders, OpenTransactionOn},
    pagination::{self, Page, PageArgs},
    transaction::Transaction,
};
use crate::{cache::MeterReading as CachedReading, use_case::station as use_case};
use ocpp::v16::{self, SampledValue as OcppSampledValue};

/// A charge point.
pub struct Station(pub station::Model);

#[Object]
impl Station {
    /// The charge point identity from its connection URL.
    async fn id(&self) -> ID {
        ID(self.0.id.clone())
    }
    /// What its next BootNotification is answered.
    async fn registration_status(&self) -> Option<enums::RegistrationStatus> {
        stored(
            &self.0.registration_status,
            v16::RegistrationStatus::from_wire,
        )
    }
    /// Whether it has a WebSocket connection now.
    async fn connected(&self, ctx: &Context<'_>) -> Result<bool> {
        Ok(presence(ctx, &self.0.id).await?.is_some())
    }
    /// When its current connection was opened.
    async fn connected_since(&self, ctx: &Context<'_>) -> Result<Option<DateTime<Utc>>> {
        Ok(presence(ctx, &self.0.id).await?.map(|p| p.connected_at))
    }
    async fn vendor(&self) -> Option<&str> {
        self.0.vendor.as_deref()
    }
    async fn model(&self) -> Option<&str> {
        self.0.model.as_deref()
    }
    async fn charge_point_serial_number(&self, ctx: &Context<'_>) -> Option<&str> {
        staff_only(ctx, self.0.charge_point_serial_number.as_deref())
    }
    async fn charge_box_serial_number(&self, ctx: &Context<'_>) -> Option<&str> {
        staff_only(ctx, self.0.charge_box_serial_number.as_deref())
    }
    async fn firmware_version(&self, ctx: &Context<'_>) -> Option<&str> {
        staff_only(ctx, self.0.firmware_version.as_deref())
    }
    async fn iccid(&self, ctx: &Context<'_>) -> Option<&str> {
        staff_only(ctx, self.0.iccid.as_deref())
    }
    async fn imsi(&self, ctx: &Context<'_>) -> Option<&str> {
        staff_only(ctx, self.0.imsi.as_deref())
    }
    async fn meter_type(&self, ctx: &Context<'_>) -> Option<&str> {
        staff_only(ctx, self.0.meter_type.as_deref())
    }
    async fn meter_serial_number(&self, ctx: &Context<'_>) -> Option<&str> {
        staff_only(ctx, self.0.meter_serial_number.as_deref())
    }
    async fn firmware_status(&self) -> Option<enums::FirmwareStatus> {
        stored(
            self.0.firmware_status.as_deref()?,
            v16::FirmwareStatus::from_wire,
        )
    }
    async fn firmware_status_at(&self) -> Option<DateTime<Utc>> {
        self.0.firmware_status_at
    }
    async fn diagnostics_status(&self) -> Option<enums::DiagnosticsStatus> {
        stored(
            self.0.diagnostics_status.as_deref()?,
            v16::DiagnosticsStatus::from_wire,
        )
    }
    async fn diagnostics_status_at(&self) -> Option<DateTime<Utc>> {
        self.0.diagnostics_status_at
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn first_seen_at(&self) -> Option<DateTime<Utc>> {
        self.0.first_seen_at
    }
    /// When a frame from it last arrived (kept to the minute while it is connected).
    async fn last_seen_at(&self) -> Option<DateTime<Utc>> {
        self.0.last_seen_at
    }
    async fn last_boot_at(&self) -> Option<DateTime<Utc>> {
        self.0.last_boot_at
    }
    async fn last_heartbeat_at(&self) -> Option<DateTime<Utc>> {
        self.0.last_heartbeat_at
    }
    /// The OCPP security profile it must connect with (0–3): its own, or the server's default.
    async fn security_profile(&self, ctx: &Context<'_>) -> i32 {
        crate::use_case::station_credentials::profile_of(app(ctx), self.0.security_profile).into()
    }
    /// Whether an AuthorizationKey (its HTTP Basic password) is stored; the key itself never
    /// is, only its hash. Null for drivers.
    async fn has_authorization_key(&self, ctx: &Context<'_>) -> Option<bool> {
        staff_only(ctx, Some("")).map(|_| self.0.authorization_key_hash.is_some())
    }
    /// Its connectors (0 is the charge point itself), as their last StatusNotification left
    /// them.
    async fn connectors(&self, ctx: &Context<'_>) -> Result<Vec<Connector>> {
        let rows = ctx
            .data_unchecked::<Loaders>()
            .load_one(ConnectorsOf(self.0.id.clone()))
            .await?
            .unwrap_or_default();
        Ok(rows.into_iter().map(Connector).collect())
    }
}

/// Hardware details (serials, SIM, firmware) are for staff; drivers get null.
fn staff_only<'a>(ctx: &Context<'_>, value: Option<&'a str>) -> Option<&'a str> {
    match ctx.data_opt::<super::Auth>() {
        Some(super::Auth::Principal(p)) if p.role.is_staff() => value,
        _ => None,
    }
}

async fn presence(
    ctx: &Context<'_>,
    station_id: &str,
) -> Result<Option<crate::cache::Presence>, ApiError> {
    app(ctx).cache.presence(station_id).await.map_err(|e| {
        tracing::warn!(error = %e, "status cache unavailable");
        ApiError::Internal
    })
}

/// A connector of a station.
pub struct Connector(pub connector::Model);

#[Object]
impl Connector {
    async fn connector_id(&self) -> i32 {
        self.0.connector_id
    }
    async fn status(&self) -> Option<enums::ChargePointStatus> {
        stored(&self.0.status, v16::ChargePointStatus::from_wire)
    }
    async fn error_code(&self) -> Option<enums::ChargePointErrorCode> {
        stored(&self.0.error_code, v16::ChargePointErrorCode::from_wire)
    }
    async fn info(&self) -> Option<&str> {
        self.0.info.as_deref()
    }
    async fn vendor_id(&self) -> Option<&str> {
        self.0.vendor_id.as_deref()
    }
    async fn vendor_error_code(&self) -> Option<&str> {
        self.0.vendor_error_code.as_deref()
    }
    /// The station's own time of the status, when it sent one.
    async fn status_timestamp(&self) -> Option<DateTime<Utc>> {
        self.0.status_timestamp
    }
    /// When the status arrived.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    /// The transaction running on this connector, if any.
    async fn current_transaction(&self, ctx: &Context<'_>) -> Result<Option<Transaction>> {
        let key = OpenTransactionOn(self.0.station_id.clone(), self.0.connector_id);
        let open = ctx.data_unchecked::<Loaders>().load_one(key).await?;
        // A driver sees only the transactions of their own id tags.
        let open = match open {
            Some(tx) if super::transaction::visible(ctx, &tx).await? => Some(tx),
            _ => None,
        };
        Ok(open.map(Transaction))
    }
    /// The newest meter value the connector reported.
    async fn last_meter_reading(&self, ctx: &Context<'_>) -> Result<Option<MeterReading>> {
        let reading = app(ctx)
            .cache
            .last_meter(&self.0.station_id, self.0.connector_id)
            .await
            .map_err(|e| {
                tracing::warn!(error = %e, "status cache unavailable");
                ApiError::Internal
            })?;
        let Some(reading) = reading else {
            return Ok(None);
        };
        // A driver sees the readings of their own transaction only.
        if principal(ctx)?.role == crate::auth::Role::Driver {
            let own = match reading.transaction_id {
                Some(id) => match entity::transaction::Entity::find_by_id(id)
                    .one(app(ctx).store.reader())
                    .await
                    .map_err(ApiError::from)?
                {
                    Some(tx) => {
                        tx.station_id == self.0.station_id
                            && super::transaction::visible(ctx, &tx).await?
                    }
                    None => false,
                },
                None => false,
            };
            if !own {
                return Ok(None);
            }
        }
        Ok(Some(MeterReading::from(reading)))
    }
}

/// One meter value: a time and its sampled values.
pub struct MeterReading {
    pub timestamp: DateTime<Utc>,
    pub transaction_id: Option<i32>,
    pub sampled_values: Vec<OcppSampledValue>,
}

impl From<CachedReading> for MeterReading {
    fn from(r: CachedReading) -> Self {
        Self {
            timestamp: r.timestamp,
            transaction_id: r.transaction_id,
            sampled_values: r.sampled_value,
        }
    }
}

#[Object]
impl MeterReading {
    async fn timestamp(&self) -> DateTime<Utc> {
        self.timestamp
    }
    async fn transaction_id(&self) -> Option<i32> {
        self.transaction_id
    }
    async fn sampled_values(&self) -> Vec<SampledValue> {
        self.sampled_values
            .iter()
            .cloned()
            .map(SampledValue)
            .collect()
    }
}

/// One sampled value, with the OCPP defaults filled in.
pub struct SampledValue(pub OcppSampledValue);

#[Object]
impl SampledValue {
    /// As sent.
    async fn value(&self) -> &str {
        &self.0.value
    }
    /// The value as a number, when it is one.
    async fn numeric_value(&self) -> Option<f64> {
        self.0.numeric()
    }
    async fn context(&self) -> enums::ReadingContext {
        self.0.context_or_default().into()
    }
    async fn format(&self) -> enums::ValueFormat {
        self.0.format_or_default().into()
    }
    async fn measurand(&self) -> enums::Measurand {
        self.0.measurand_or_default().into()
    }
    async fn phase(&self) -> Option<enums::Phase> {
        self.0.phase.map(Into::into)
    }
    async fn location(&self) -> enums::Location {
        self.0.location_or_default().into()
    }
    async fn unit(&self) -> enums::UnitOfMeasure {
        self.0.unit_or_default().into()
    }
}

#[derive(Default)]
pub struct StationQuery;

#[Object]
impl StationQuery {
    /// Stations, by id; filtered by connection, registration and connector status.
    #[allow(clippy::too_many_arguments)]
    #[graphql(complexity = "super::pagination::cost(first, last, child_complexity)")]
    async fn stations(
        &self,
        ctx: &Context<'_>,
        connected: Option<bool>,
        registration_status: Option<enums::RegistrationStatus>,
        connector_status: Option<enums::ChargePointStatus>,
        after: Option<String>,
        before: Option<String>,
        first: Option<i32>,
        last: Option<i32>,
    ) -> Result<Page<Station>> {
        let p = principal(ctx)?;
        let app = app(ctx);
        let mut filter = Condition::all();
        if let Some(scope) = &p.stations {
            filter = filter.add(station::Column::Id.is_in(scope.iter().cloned()));
        }
        if let Some(connected) = connected {
            let online = app.cache.connected_stations().await.map_err(|e| {
                tracing::warn!(error = %e, "status cache unavailable");
                ApiError::Internal
            })?;
            filter = filter.add(if connected {
                station::Column::Id.is_in(online)
            } else {
                station::Column::Id.is_not_in(online)
            });
        }
        if let Some(status) = registration_status {
            filter = filter.add(
                station::Column::RegistrationStatus
                    .eq(v16::RegistrationStatus::from(status).as_str()),
            );
        }
        if let Some(status) = connector_status {
            filter = filter.add(
                station::Column::Id.in_subquery(
                    Query::select()
                        .column(connector::Column::StationId)
                        .from(connector::Entity)
                        .and_where(
                            Expr::col(connector::Column::Status)
                                .eq(v16::ChargePointStatus::from(status).as_str()),
                        )
                        .to_owned(),
                ),
            );
        }
        let query = station::Entity::find().filter(filter);
        let args = PageArgs {
            after,
            before,
            first,
            last,
        };
        let order = [(station::Column::Id, Order::Asc)];
        Ok(pagination::rows(ctx, args, query, &order, Station).await?)
    }

    /// One station.
    async fn station(&self, ctx: &Context<'_>, id: ID) -> Result<Option<Station>> {
        let p = principal(ctx)?;
        station_access(p, &id)?;
        let row = station::Entity::find_by_id(id.as_str())
            .one(app(ctx).store.reader())
            .await
            .map_err(ApiError::from)?;
        Ok(row.map(Station))
    }
}

#[derive(Default)]
pub struct StationMutation;

#[Object]
impl StationMutation {
    /// Accepts a station (registering it if it never connected): its next BootNotification is
    /// answered Accepted, and it may then send anything.
    async fn approve_station(&self, ctx: &Context<'_>, id: ID) -> Result<Station> {
        set_registration(ctx, &id, v16::RegistrationStatus::Accepted).await
    }

    /// Rejects a station: its next BootNotification is answered Rejected, and until then it may
    /// send nothing but BootNotification once reconnected.
    async fn reject_station(&self, ctx: &Context<'_>, id: ID) -> Result<Station> {
        set_registration(ctx, &id, v16::RegistrationStatus::Rejected).await
    }
}

async fn set_registration(
    ctx: &Context<'_>,
    id: &str,
    status: v16::RegistrationStatus,
) -> Result<Station> {
    let p = operator(ctx)?;
    station_access(p, id)?;
    crate::use_case::station::check_id(id)
        .map_err(|reason| ApiError::BadUserInput(reason.to_owned()))?;
    let row = use_case::set_registration(app(ctx), id, status)
        .await
        .map_err(ApiError::from)?;
    tracing::info!(station = %id, status = %status, by = %p.sub, "registration changed");
    Ok(Station(row))
}
