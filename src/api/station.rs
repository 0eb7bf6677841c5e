//! Stations in the API: the `stations` and `station` queries, connectors with their live
//! status, current transaction and last meter reading, and station approval.

use async_graphql::{
    Context, Enum, ID, InputObject, MaybeUndefined, Object, Result, SimpleObject,
    connection::{Connection, Edge},
};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::{DateTime, Utc};
use entity::{connector, station};
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, Order, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
    sea_query::{Expr, ExprTrait, Func, LikeExpr, Query},
};
use serde::{Deserialize, Serialize};

use super::{
    enums::{self, stored},
    error::ApiError,
    guard::{app, operator, principal, staff_for, station_access},
    loaders::{ConnectorsOf, Loaders, OpenTransactionOn},
    pagination::{self, Page, PageArgs, TotalCount},
    transaction::{MeterSample, Transaction},
};
use crate::store::samples::SampleQuery;
use crate::{
    cache::MeterReading as CachedReading,
    use_case::station::{self as use_case, DetailsChange, DetailsError},
};
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
    /// The OCPP version of its latest connection (it changes when a charger is upgraded).
    async fn ocpp_version(&self) -> enums::OcppVersion {
        ocpp::rpc::Version::from_number(&self.0.ocpp_version)
            .unwrap_or(ocpp::rpc::Version::V16)
            .into()
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
    /// The operator's name for it, shown instead of its id where given.
    async fn display_name(&self) -> Option<&str> {
        self.0.display_name.as_deref()
    }
    /// The operator's site (car park, building) it belongs to.
    async fn site(&self) -> Option<&str> {
        self.0.site.as_deref()
    }
    /// The operator's address of it (street, building), free text.
    async fn address(&self) -> Option<&str> {
        self.0.address.as_deref()
    }
    /// Where it stands, WGS 84 degrees (both or neither).
    async fn latitude(&self) -> Option<f64> {
        self.0.latitude
    }
    async fn longitude(&self) -> Option<f64> {
        self.0.longitude
    }
    /// The operator's note about it.
    async fn note(&self) -> Option<&str> {
        self.0.note.as_deref()
    }
    /// Meter samples it sent, of one connector or all, one measurand or all, in `[from, to)`;
    /// oldest first (`last: N` gives the newest N).
    #[allow(clippy::too_many_arguments)]
    #[graphql(complexity = "super::pagination::cost(first, last, child_complexity)")]
    async fn meter_values(
        &self,
        ctx: &Context<'_>,
        connector_id: Option<i32>,
        measurand: Option<enums::Measurand>,
        from: Option<DateTime<Utc>>,
        to: Option<DateTime<Utc>>,
        after: Option<String>,
        before: Option<String>,
        first: Option<i32>,
        last: Option<i32>,
    ) -> Result<Page<MeterSample>> {
        // A driver sees the meter values of their own transactions only (`Transaction`).
        staff_for(ctx, &self.0.id)?;
        let query = SampleQuery {
            station_id: Some(self.0.id.clone()),
            connector_id,
            measurand: measurand.map(|m| v16::Measurand::from(m).as_str().to_owned()),
            from,
            to,
            ..SampleQuery::default()
        };
        let args = PageArgs {
            after,
            before,
            first,
            last,
        };
        super::transaction::sample_page(ctx, args, query).await
    }
    /// OCPP 2.0.1: its device model, one item per attribute of each variable it reported
    /// (NotifyReport, after `getBaseReport` or `getReport`) or answered (`getVariables`,
    /// `setVariables`); of one component and/or one variable name (case-insensitive). Staff
    /// only.
    #[allow(clippy::too_many_arguments)]
    #[graphql(complexity = "super::pagination::cost(first, last, child_complexity)")]
    async fn device_model(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only this component (`OCPPCommCtrlr`, `EVSE`, …).")] component: Option<
            String,
        >,
        #[graphql(desc = "Only variables of this name (`HeartbeatInterval`, …).")] variable: Option<
            String,
        >,
        after: Option<String>,
        before: Option<String>,
        first: Option<i32>,
        last: Option<i32>,
    ) -> Result<Page<super::device_model::DeviceModelVariable>> {
        let args = PageArgs {
            after,
            before,
            first,
            last,
        };
        super::device_model::of_station(ctx, &self.0.id, component, variable, args).await
    }
    /// OCPP 2.0.1: the charging profiles it reported holding (ReportChargingProfiles, after
    /// `getChargingProfiles`), each as last reported, newest report first; of one request
    /// and/or one EVSE. Staff only.
    async fn reported_charging_profiles(
        &self,
        ctx: &Context<'_>,
        request_id: Option<i32>,
        evse_id: Option<i32>,
        #[graphql(default = 50)] limit: i32,
    ) -> Result<Vec<super::charging_report::ReportedChargingProfile>> {
        super::charging_report::reported_profiles(ctx, &self.0.id, request_id, evse_id, limit).await
    }
    /// OCPP 2.0.1: the external charging limits in force on it or its EVSEs
    /// (NotifyChargingLimit, until ClearedChargingLimit), most recently notified first. Staff
    /// only.
    async fn charging_limits(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 50)] limit: i32,
    ) -> Result<Vec<super::charging_report::ExternalChargingLimit>> {
        super::charging_report::limits(ctx, &self.0.id, limit).await
    }
    /// OCPP 2.0.1: what the EV on each EVSE last said it needs (NotifyEVChargingNeeds), most
    /// recent first. Staff only.
    async fn ev_charging_needs(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 50)] limit: i32,
    ) -> Result<Vec<super::charging_report::EvChargingNeeds>> {
        super::charging_report::needs(ctx, &self.0.id, limit).await
    }
    /// OCPP 2.0.1: the events it reported (NotifyEvent: monitors tripped or cleared,
    /// hard-wired notifications), newest first; of one component and/or variable name
    /// (case-insensitive). The newest `--max-station-events` are kept. Staff only.
    #[allow(clippy::too_many_arguments)]
    #[graphql(complexity = "super::pagination::cost(first, last, child_complexity)")]
    async fn events(
        &self,
        ctx: &Context<'_>,
        component: Option<String>,
        variable: Option<String>,
        after: Option<String>,
        before: Option<String>,
        first: Option<i32>,
        last: Option<i32>,
    ) -> Result<Page<super::station_report::DeviceEvent>> {
        let args = PageArgs {
            after,
            before,
            first,
            last,
        };
        super::station_report::events_of(ctx, &self.0.id, component, variable, args).await
    }
    /// OCPP 2.0.1: the monitors on its variables, as its NotifyMonitoringReports gave them
    /// (at most `--max-variable-monitors`). Staff only.
    #[graphql(complexity = "super::pagination::cost(first, last, child_complexity)")]
    async fn monitors(
        &self,
        ctx: &Context<'_>,
        after: Option<String>,
        before: Option<String>,
        first: Option<i32>,
        last: Option<i32>,
    ) -> Result<Page<super::station_report::VariableMonitor>> {
        let args = PageArgs {
            after,
            before,
            first,
            last,
        };
        super::station_report::monitors_of(ctx, &self.0.id, args).await
    }
    /// OCPP 2.0.1: the customer information it reported (NotifyCustomerInformation), one item
    /// per `customerInformation` request, newest first; of one request id. The newest
    /// `--max-customer-information-reports` are kept. Staff only.
    #[graphql(complexity = "super::pagination::cost(first, last, child_complexity)")]
    async fn customer_information(
        &self,
        ctx: &Context<'_>,
        request_id: Option<i32>,
        after: Option<String>,
        before: Option<String>,
        first: Option<i32>,
        last: Option<i32>,
    ) -> Result<Page<super::station_report::CustomerInformationReport>> {
        let args = PageArgs {
            after,
            before,
            first,
            last,
        };
        super::station_report::customer_information_of(ctx, &self.0.id, request_id, args).await
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
    /// Its status in the one set of both versions (1.6's): for a 2.0.1 EVSE, `Occupied` reads
    /// as PREPARING, CHARGING, SUSPENDED_EV, SUSPENDED_EVSE or FINISHING as its transaction
    /// says.
    async fn status(&self) -> Option<enums::ChargePointStatus> {
        stored(&self.0.status, v16::ChargePointStatus::from_wire)
    }
    /// For an OCPP 2.0.1 station (whose connectors here are its EVSEs, `connectorId` the
    /// evseId): the EVSE's status as 2.0.1 says it (`Available`, `Occupied`, `Reserved`,
    /// `Unavailable`, `Faulted`). Null for 1.6.
    async fn ocpp_status(&self) -> Option<&str> {
        self.0.ocpp_status.as_deref()
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
    /// Stations, sorted by `orderBy` (id by default); filtered by connection, registration and
    /// connector status, site, the OCPP version spoken on the latest connection, and `search` (a
    /// case-insensitive part of the id, display name, site, vendor or model).
    #[allow(clippy::too_many_arguments)]
    #[graphql(complexity = "super::pagination::cost(first, last, child_complexity)")]
    async fn stations(
        &self,
        ctx: &Context<'_>,
        connected: Option<bool>,
        registration_status: Option<enums::RegistrationStatus>,
        connector_status: Option<enums::ChargePointStatus>,
        search: Option<String>,
        site: Option<String>,
        ocpp_version: Option<enums::OcppVersion>,
        #[graphql(default)] order_by: StationOrder,
        #[graphql(default)] descending: bool,
        after: Option<String>,
        before: Option<String>,
        first: Option<i32>,
        last: Option<i32>,
    ) -> Result<StationPage> {
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
        if let Some(site) = site {
            filter = filter.add(station::Column::Site.eq(site));
        }
        if let Some(version) = ocpp_version {
            let version = ocpp::rpc::Version::from(version);
            filter = filter.add(station::Column::OcppVersion.eq(version.as_str()));
        }
        if let Some(search) = search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            filter = filter.add(search_condition(search));
        }
        let args = PageArgs {
            after,
            before,
            first,
            last,
        };
        Ok(keyset_page(ctx, args, filter, order_by, descending).await?)
    }

    /// The sites stations belong to, with how many stations each (every role: drivers pick a
    /// site in their app).
    async fn sites(&self, ctx: &Context<'_>) -> Result<Vec<Site>> {
        let p = principal(ctx)?;
        let mut query = station::Entity::find()
            .select_only()
            .column(station::Column::Site)
            .column_as(station::Column::Id.count(), "stations")
            .filter(station::Column::Site.is_not_null())
            .group_by(station::Column::Site)
            .order_by_asc(station::Column::Site);
        if let Some(scope) = &p.stations {
            query = query.filter(station::Column::Id.is_in(scope.iter().cloned()));
        }
        let rows: Vec<(String, i64)> = query
            .into_tuple()
            .all(app(ctx).store.reader())
            .await
            .map_err(ApiError::from)?;
        Ok(rows
            .into_iter()
            .map(|(name, stations)| Site { name, stations })
            .collect())
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

    /// Sets what the operator keeps about a station (display name, site, address, coordinates,
    /// note): fields given are set (null clears them), fields absent stay.
    async fn update_station_details(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: StationDetailsInput,
    ) -> Result<Station> {
        let p = operator(ctx)?;
        station_access(p, &id)?;
        let change = DetailsChange {
            display_name: change(input.display_name),
            site: change(input.site),
            address: change(input.address),
            latitude: change(input.latitude),
            longitude: change(input.longitude),
            note: change(input.note),
        };
        let row = use_case::set_details(app(ctx), &id, change)
            .await
            .map_err(|e| match e {
                DetailsError::Invalid(m) => ApiError::BadUserInput(m),
                DetailsError::NotFound(_) => ApiError::NotFound(e.to_string()),
                DetailsError::Store(e) => e.into(),
            })?;
        tracing::info!(station = %id.as_str(), by = %p.sub, "station details changed");
        Ok(Station(row))
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

/// What the operator keeps about a station; absent fields stay, null clears.
#[derive(InputObject, Default)]
pub struct StationDetailsInput {
    pub display_name: MaybeUndefined<String>,
    pub site: MaybeUndefined<String>,
    pub address: MaybeUndefined<String>,
    pub latitude: MaybeUndefined<f64>,
    pub longitude: MaybeUndefined<f64>,
    pub note: MaybeUndefined<String>,
}

fn change<T>(value: MaybeUndefined<T>) -> Option<Option<T>> {
    match value {
        MaybeUndefined::Undefined => None,
        MaybeUndefined::Null => Some(None),
        MaybeUndefined::Value(v) => Some(Some(v)),
    }
}

/// A site and how many stations it has.
#[derive(SimpleObject)]
pub struct Site {
    pub name: String,
    pub stations: i64,
}

/// How `stations` are sorted; each then by id, and stations without the value last.
#[derive(Enum, Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum StationOrder {
    #[default]
    Id,
    DisplayName,
    Site,
    LastSeen,
}

impl StationOrder {
    fn column(self) -> Option<station::Column> {
        match self {
            Self::Id => None,
            Self::DisplayName => Some(station::Column::DisplayName),
            Self::Site => Some(station::Column::Site),
            Self::LastSeen => Some(station::Column::LastSeenAt),
        }
    }

    /// The row's sort value, as a cursor keeps it.
    fn value(self, row: &station::Model) -> Option<String> {
        match self {
            Self::Id => None,
            Self::DisplayName => row.display_name.clone(),
            Self::Site => row.site.clone(),
            Self::LastSeen => row
                .last_seen_at
                .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)),
        }
    }
}

/// A case-insensitive part of the id, display name, site, vendor or model (`%` and `_` are
/// themselves).
fn search_condition(search: &str) -> Condition {
    let pattern = super::id_tag::like_pattern(search);
    [
        station::Column::Id,
        station::Column::DisplayName,
        station::Column::Site,
        station::Column::Vendor,
        station::Column::Model,
    ]
    .into_iter()
    .fold(Condition::any(), |any, column| {
        any.add(
            Expr::expr(Func::lower(Expr::col((station::Entity, column))))
                .like(LikeExpr::new(pattern.clone()).escape('\\')),
        )
    })
}

/// A page of stations, with keyset cursors: each names its station's sort value and id, so a
/// cursor goes on working while stations come and go.
pub type StationPage = Connection<String, Station, TotalCount>;

/// Where a cursor points: the order it was made for, the sort value and the station id.
#[derive(Serialize, Deserialize)]
struct StationCursor {
    o: StationOrder,
    k: Option<String>,
    i: String,
}

impl StationCursor {
    fn encode(order: StationOrder, row: &station::Model) -> String {
        let cursor = StationCursor {
            o: order,
            k: order.value(row),
            i: row.id.clone(),
        };
        URL_SAFE_NO_PAD.encode(serde_json::to_vec(&cursor).unwrap_or_default())
    }

    fn decode(value: &str, order: StationOrder, name: &str) -> Result<Self, ApiError> {
        let bad = || ApiError::BadUserInput(format!("`{name}` is not a cursor of this list"));
        let bytes = URL_SAFE_NO_PAD.decode(value).map_err(|_| bad())?;
        let cursor: StationCursor = serde_json::from_slice(&bytes).map_err(|_| bad())?;
        if cursor.o != order {
            return Err(ApiError::BadUserInput(format!(
                "`{name}` is a cursor of another order"
            )));
        }
        if order == StationOrder::LastSeen
            && let Some(k) = &cursor.k
        {
            DateTime::parse_from_rfc3339(k).map_err(|_| bad())?;
        }
        Ok(cursor)
    }

    /// The stations strictly after it (`later`) or strictly before it, in the list's order
    /// (`descending` or not).
    fn beyond(&self, order: StationOrder, descending: bool, later: bool) -> Condition {
        let id = station::Column::Id;
        // Comparing toward `later` in the order of the values and ids.
        let up = later != descending;
        let past_id = |c: Condition| {
            c.add(if up {
                id.gt(self.i.as_str())
            } else {
                id.lt(self.i.as_str())
            })
        };
        let Some(column) = order.column() else {
            return past_id(Condition::all());
        };
        let value: sea_orm::Value = match (&self.k, order) {
            (None, _) => {
                // The cursor is among the stations without the value, which come last.
                return if later {
                    past_id(Condition::all().add(column.is_null()))
                } else {
                    Condition::any()
                        .add(column.is_not_null())
                        .add(past_id(Condition::all().add(column.is_null())))
                };
            }
            (Some(k), StationOrder::LastSeen) => DateTime::parse_from_rfc3339(k)
                .map(|t| t.with_timezone(&Utc))
                .unwrap_or_default()
                .into(),
            (Some(k), _) => k.clone().into(),
        };
        let past_value = Condition::any()
            .add(if up {
                Expr::col((station::Entity, column)).gt(value.clone())
            } else {
                Expr::col((station::Entity, column)).lt(value.clone())
            })
            .add(past_id(
                Condition::all().add(Expr::col((station::Entity, column)).eq(value)),
            ));
        if later {
            Condition::any().add(column.is_null()).add(past_value)
        } else {
            past_value
        }
    }
}

/// The stations of `filter`, a page of them in `order`: `first` (default 50) after `after`,
/// or `last` before `before`; `totalCount` counts them all.
async fn keyset_page(
    ctx: &Context<'_>,
    args: PageArgs,
    filter: Condition,
    order: StationOrder,
    descending: bool,
) -> Result<StationPage, ApiError> {
    let size = |value: Option<i32>, name: &str| match value {
        Some(n) if n < 0 => Err(ApiError::BadUserInput(format!(
            "`{name}` must not be negative"
        ))),
        Some(n) if n as usize > pagination::MAX_PAGE => Err(ApiError::BadUserInput(format!(
            "`{name}` may be at most {}",
            pagination::MAX_PAGE
        ))),
        other => Ok(other.map(|n| n as u64)),
    };
    let first = size(args.first, "first")?;
    let last = size(args.last, "last")?;
    let after = args
        .after
        .as_deref()
        .map(|c| StationCursor::decode(c, order, "after"))
        .transpose()?;
    let before = args
        .before
        .as_deref()
        .map(|c| StationCursor::decode(c, order, "before"))
        .transpose()?;
    let db = app(ctx).store.reader();
    let total = station::Entity::find()
        .filter(filter.clone())
        .count(db)
        .await?;

    let mut window = filter;
    if let Some(after) = &after {
        window = window.add(after.beyond(order, descending, true));
    }
    if let Some(before) = &before {
        window = window.add(before.beyond(order, descending, false));
    }
    // From the end when only `last` is given: the list's order reversed, then turned back.
    let from_end = last.is_some() && first.is_none();
    let limit = if from_end {
        last.unwrap_or_default()
    } else {
        first.unwrap_or(pagination::DEFAULT_PAGE as u64)
    };
    // The list's order is (no value last, value, id), values and ids descending when asked;
    // from the end, all three reversed.
    let flip = |o: bool| if o { Order::Desc } else { Order::Asc };
    let (nulls, dir) = (flip(from_end), flip(descending != from_end));
    let mut query = station::Entity::find().filter(window);
    if let Some(column) = order.column() {
        query = query
            .order_by(Expr::col((station::Entity, column)).is_null(), nulls)
            .order_by(column, dir.clone());
    }
    let mut rows = query
        .order_by(station::Column::Id, dir)
        .limit(limit + 1)
        .all(db)
        .await?;
    let more = rows.len() as u64 > limit;
    rows.truncate(limit as usize);
    if from_end {
        rows.reverse();
    }
    // Both `first` and `last`: the last of the first.
    if let (Some(_), Some(last)) = (first, last) {
        let cut = rows.len().saturating_sub(last as usize);
        rows.drain(..cut);
    }
    let (has_previous, has_next) = if from_end {
        (more, before.is_some())
    } else {
        (after.is_some(), more)
    };
    let mut connection = Connection::with_additional_fields(
        has_previous,
        has_next,
        TotalCount { total_count: total },
    );
    connection.edges.extend(
        rows.into_iter()
            .map(|row| Edge::new(StationCursor::encode(order, &row), Station(row))),
    );
    Ok(connection)
}
