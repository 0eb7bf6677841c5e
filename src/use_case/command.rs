//! Server → station commands: send a typed OCPP command to a connected station and get its
//! typed answer, the station's CALLERROR, a timeout, or an immediate "offline".
//!
//! One call is outstanding per station at a time; others wait their turn in the session's
//! queue, and the timeout covers the wait. An answer that arrives after the timeout is dropped by
//! the session, never matched to a later call.
//!
//! [`OnBehalf`] is the one path the APIs take: who may command which station, argument bounds,
//! then [`send`].

use sea_orm::{EntityTrait, QuerySelect};
use tracing::Instrument;

use crate::{
    auth::{Principal, Role},
    context::Context,
    metrics::CommandOutcome,
    store::StoreError,
};
use ocpp::{
    rpc::{Command, Version, decode},
    v16::{
        self, AvailabilityStatus, AvailabilityType, CiString, ClearCacheStatus,
        DataTransferRequest, DataTransferResponse, MessageTrigger, ResetStatus, ResetType,
        TriggerMessageStatus, UnlockStatus,
    },
    v201,
};

use ocpp::rpc::CommandError;

/// Sends `command` to `station_id` and waits for its typed answer.
pub async fn send<C: Command>(
    ctx: &Context,
    station_id: &str,
    command: &C,
) -> Result<C::Response, CommandError> {
    let payload = serde_json::value::to_raw_value(command)
        .map_err(|e| CommandError::InvalidResponse(format!("cannot encode command: {e}")))?;
    let began = std::time::Instant::now();
    // Exported only with --otlp-endpoint (src/traces.rs); a routed command's other half, on
    // the station's node, is its child.
    let span = tracing::info_span!(
        target: crate::traces::TARGET,
        "ocpp.command",
        otel.kind = "client",
        chargegate.node = %ctx.node_id,
        ocpp.station = %station_id,
        ocpp.action = C::ACTION,
        ocpp.outcome = tracing::field::Empty,
        ocpp.round_trip_ms = tracing::field::Empty,
        otel.status_code = tracing::field::Empty,
    );
    let answer = ctx
        .stations
        .call(ctx, station_id, C::ACTION, payload)
        .instrument(span.clone())
        .await
        .inspect_err(super::audit::note_no_answer)
        .and_then(|answer| {
            super::audit::note_answer(answer.get());
            decode::<C::Response>(&answer).map_err(|e| CommandError::InvalidResponse(e.to_string()))
        });
    let outcome = match &answer {
        Ok(_) => CommandOutcome::Answered,
        Err(CommandError::CallError { .. }) => CommandOutcome::CallError,
        Err(CommandError::InvalidResponse(_)) => CommandOutcome::InvalidResponse,
        Err(CommandError::Timeout(_)) => CommandOutcome::Timeout,
        Err(CommandError::Offline) => CommandOutcome::Offline,
        Err(CommandError::Disconnected) => CommandOutcome::Disconnected,
        Err(CommandError::Unreachable(_)) => CommandOutcome::Unreachable,
    };
    let took = began.elapsed();
    ctx.metrics.command(outcome, took);
    if !span.is_disabled() {
        span.record("ocpp.outcome", outcome.label());
        span.record(
            "ocpp.round_trip_ms",
            u64::try_from(took.as_millis()).unwrap_or(u64::MAX),
        );
        if outcome != CommandOutcome::Answered {
            span.record("otel.status_code", "error");
        }
    }
    answer
}

/// An EVSE named by the API's connector id (a 1.6 connector is a 2.0.1 EVSE).
pub(crate) fn evse(id: i32) -> v201::Evse {
    v201::Evse {
        id,
        connector_id: None,
        custom_data: None,
    }
}

/// A 2.0.1 status read as the 1.6 status of the same name (`otherwise` when 1.6 has none).
pub(crate) fn same<T: WireEnum>(wire: &str, otherwise: T) -> T {
    T::from_wire(wire).unwrap_or(otherwise)
}

/// A 1.6 enumeration read from its wire spelling.
pub(crate) trait WireEnum: Sized {
    fn from_wire(s: &str) -> Option<Self>;
}

macro_rules! wire_enum {
    ($($t:ty),+) => {
        $(impl WireEnum for $t {
            fn from_wire(s: &str) -> Option<Self> {
                <$t>::from_wire(s)
            }
        })+
    };
}
wire_enum!(
    TriggerMessageStatus,
    UnlockStatus,
    AvailabilityStatus,
    ClearCacheStatus,
    v16::DataTransferStatus,
    v16::RemoteStartStopStatus,
    v16::ReservationStatus,
    v16::CancelReservationStatus,
    v16::UpdateStatus,
    v16::ChargingProfileStatus,
    v16::ClearChargingProfileStatus,
    v16::GetCompositeScheduleStatus,
    v16::security_ext::LogStatus,
    v16::security_ext::SignedUpdateFirmwareStatus
);

/// The OCPP version a station spoke on its latest connection (`None`: no such station).
pub async fn version_of(ctx: &Context, station_id: &str) -> Result<Option<Version>, Refused> {
    let version = entity::station::Entity::find_by_id(station_id)
        .select_only()
        .column(entity::station::Column::OcppVersion)
        .into_tuple::<String>()
        .one(ctx.store.reader())
        .await?;
    Ok(version.map(|v| Version::from_number(&v).unwrap_or(Version::V16)))
}

/// Refuses at once a command of `version` to a station that speaks another: nothing is sent.
pub(crate) async fn speaks(
    ctx: &Context,
    station_id: &str,
    version: Version,
    action: &str,
) -> Result<(), Refused> {
    match version_of(ctx, station_id).await? {
        Some(spoken) if spoken != version => Err(Refused::Unsupported(format!(
            "station {station_id} speaks OCPP {spoken}, which has no {action} (OCPP {version})"
        ))),
        _ => Ok(()),
    }
}

/// Why a command asked for on someone's behalf was not sent, or got no answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Refused {
    /// The caller's role or station scope does not allow it.
    Forbidden(String),
    /// No such station (or, for a driver, transaction).
    NotFound(String),
    /// An argument is out of bounds.
    Invalid {
        field: &'static str,
        message: String,
    },
    /// Sent, but no answer: offline, timeout, CALLERROR, invalid answer.
    Command(CommandError),
    /// Not sent: the id tag's energy budget (or its owner's) is used up.
    BudgetExhausted(String),
    /// Not sent: the connector is in use.
    ConnectorOccupied(String),
    /// Not sent: the station's OCPP version has no such command (`getConfiguration` to a 2.0.1
    /// station, `getVariables` to a 1.6 one).
    Unsupported(String),
    /// Storage failed while checking.
    Store,
}

impl From<StoreError> for Refused {
    fn from(_: StoreError) -> Self {
        Self::Store
    }
}

impl From<sea_orm::DbErr> for Refused {
    fn from(e: sea_orm::DbErr) -> Self {
        tracing::error!(error = %e, "database query failed");
        Self::Store
    }
}

pub(crate) fn text<const N: usize>(
    value: &str,
    field: &'static str,
) -> Result<CiString<N>, Refused> {
    CiString::new(value).map_err(|e| Refused::Invalid {
        field,
        message: e.to_string(),
    })
}

pub(crate) fn at_least(value: i32, min: i32, field: &'static str) -> Result<i32, Refused> {
    if value < min {
        return Err(Refused::Invalid {
            field,
            message: format!("must be at least {min}"),
        });
    }
    Ok(value)
}

/// Commands on behalf of an API caller: the caller's role and station scope checked, the
/// station known, the arguments within OCPP's bounds, then sent. The GraphQL mutations and the
/// seed's HTTP API are two front doors to these.
pub struct OnBehalf<'a> {
    pub ctx: &'a Context,
    pub caller: &'a Principal,
}

impl OnBehalf<'_> {
    /// Staff who operate may command; drivers only where `driver_ok` (their own tags then).
    /// Returns the OCPP version the station speaks, which decides the command sent.
    pub(crate) async fn permit(
        &self,
        station_id: &str,
        driver_ok: bool,
    ) -> Result<Version, Refused> {
        let role = self.caller.role;
        if !(role.can_operate() || (driver_ok && role == Role::Driver)) {
            return Err(Refused::Forbidden(format!(
                "the {role} role may not send commands to stations"
            )));
        }
        if !self.caller.may_access(station_id) {
            return Err(Refused::Forbidden(format!(
                "this token does not cover station {station_id}"
            )));
        }
        version_of(self.ctx, station_id)
            .await?
            .ok_or_else(|| Refused::NotFound(format!("no station {station_id}")))
    }

    /// A driver may use only the tags they own.
    pub(crate) async fn owns(&self, tag_key: &str) -> Result<(), Refused> {
        let tag = entity::id_tag::Entity::find_by_id(tag_key)
            .one(self.ctx.store.reader())
            .await?;
        if tag.is_some_and(|t| t.owner.as_deref() == Some(self.caller.sub.as_str())) {
            Ok(())
        } else {
            Err(Refused::Forbidden(
                "drivers may use only their own id tags".into(),
            ))
        }
    }

    pub(crate) async fn send<C: Command>(
        &self,
        station_id: &str,
        command: C,
    ) -> Result<C::Response, Refused> {
        speaks(self.ctx, station_id, C::VERSION, C::ACTION).await?;
        let result = send(self.ctx, station_id, &command).await;
        let by = &self.caller.sub;
        match &result {
            Ok(_) => {
                tracing::info!(station = %station_id, action = C::ACTION, by = %by, "command answered")
            }
            Err(e) => {
                tracing::info!(station = %station_id, action = C::ACTION, by = %by, error = %e, "command failed")
            }
        }
        result.map_err(Refused::Command)
    }

    /// Remote Trigger: asks the station to send one of its messages now.
    pub async fn trigger_message(
        &self,
        station_id: &str,
        requested_message: MessageTrigger,
        connector_id: Option<i32>,
    ) -> Result<TriggerMessageStatus, Refused> {
        let version = self.permit(station_id, false).await?;
        let connector_id = connector_id
            .map(|c| at_least(c, 1, "connectorId"))
            .transpose()?;
        if version == Version::V201 {
            // 1.6's DiagnosticsStatusNotification is 2.0.1's LogStatusNotification.
            let requested = match requested_message {
                MessageTrigger::DiagnosticsStatusNotification => "LogStatusNotification",
                other => other.as_str(),
            };
            let command = v201::TriggerMessageRequest {
                evse: connector_id.map(evse),
                requested_message: v201::MessageTriggerEnum::from_wire(requested)
                    .ok_or_else(|| Refused::Unsupported(format!("no trigger {requested}")))?,
                custom_data: None,
            };
            let status = self.send(station_id, command).await?.status;
            return Ok(same(status.as_str(), TriggerMessageStatus::Rejected));
        }
        let command = v16::TriggerMessage {
            requested_message,
            connector_id,
        };
        Ok(self.send(station_id, command).await?.status)
    }

    pub async fn reset(&self, station_id: &str, kind: ResetType) -> Result<ResetStatus, Refused> {
        let version = self.permit(station_id, false).await?;
        // Before sending: the station may boot again before its answer is read here.
        crate::use_case::alert::reset_sent(self.ctx, station_id).await;
        if version == Version::V201 {
            // Hard is 2.0.1's Immediate, Soft its OnIdle (after the transactions end); a reset
            // the station schedules for later is accepted.
            let command = v201::ResetRequest {
                kind: match kind {
                    ResetType::Hard => v201::ResetEnum::Immediate,
                    ResetType::Soft => v201::ResetEnum::OnIdle,
                },
                evse_id: None,
                custom_data: None,
            };
            let status = self.send(station_id, command).await?.status;
            return Ok(match status {
                v201::ResetStatusEnum::Accepted | v201::ResetStatusEnum::Scheduled => {
                    ResetStatus::Accepted
                }
                v201::ResetStatusEnum::Rejected => ResetStatus::Rejected,
            });
        }
        Ok(self.send(station_id, v16::Reset { kind }).await?.status)
    }

    pub async fn unlock_connector(
        &self,
        station_id: &str,
        connector_id: i32,
    ) -> Result<UnlockStatus, Refused> {
        let version = self.permit(station_id, false).await?;
        let connector_id = at_least(connector_id, 1, "connectorId")?;
        if version == Version::V201 {
            // The EVSE's (first) connector; a station that cannot unlock says why, read here
            // as UnlockFailed.
            let command = v201::UnlockConnectorRequest {
                evse_id: connector_id,
                connector_id: 1,
                custom_data: None,
            };
            let status = self.send(station_id, command).await?.status;
            return Ok(same(status.as_str(), UnlockStatus::UnlockFailed));
        }
        let command = v16::UnlockConnector { connector_id };
        Ok(self.send(station_id, command).await?.status)
    }

    pub async fn change_availability(
        &self,
        station_id: &str,
        connector_id: i32,
        kind: AvailabilityType,
    ) -> Result<AvailabilityStatus, Refused> {
        let version = self.permit(station_id, false).await?;
        let connector_id = at_least(connector_id, 0, "connectorId")?;
        if version == Version::V201 {
            // Connector 0 is the whole station (no EVSE named).
            let command = v201::ChangeAvailabilityRequest {
                evse: (connector_id > 0).then(|| evse(connector_id)),
                operational_status: match kind {
                    AvailabilityType::Operative => v201::OperationalStatusEnum::Operative,
                    AvailabilityType::Inoperative => v201::OperationalStatusEnum::Inoperative,
                },
                custom_data: None,
            };
            let status = self.send(station_id, command).await?.status;
            return Ok(same(status.as_str(), AvailabilityStatus::Rejected));
        }
        let command = v16::ChangeAvailability { connector_id, kind };
        Ok(self.send(station_id, command).await?.status)
    }

    pub async fn get_configuration(
        &self,
        station_id: &str,
        keys: Option<&[String]>,
    ) -> Result<v16::GetConfigurationResponse, Refused> {
        self.permit(station_id, false).await?;
        let key = keys
            .map(|keys| {
                keys.iter()
                    .map(|k| text::<50>(k, "key"))
                    .collect::<Result<Vec<_>, _>>()
            })
            .transpose()?;
        self.send(station_id, v16::GetConfiguration { key }).await
    }

    pub async fn clear_cache(&self, station_id: &str) -> Result<ClearCacheStatus, Refused> {
        if self.permit(station_id, false).await? == Version::V201 {
            let command = v201::ClearCacheRequest { custom_data: None };
            let status = self.send(station_id, command).await?.status;
            return Ok(same(status.as_str(), ClearCacheStatus::Rejected));
        }
        Ok(self.send(station_id, v16::ClearCache {}).await?.status)
    }

    pub async fn data_transfer(
        &self,
        station_id: &str,
        vendor_id: &str,
        message_id: Option<&str>,
        data: Option<String>,
    ) -> Result<DataTransferResponse, Refused> {
        let version = self.permit(station_id, false).await?;
        let vendor_id = text::<255>(vendor_id, "vendorId")?;
        let message_id = message_id.map(|m| text::<50>(m, "messageId")).transpose()?;
        if version == Version::V201 {
            // 2.0.1's data is any JSON: the API's text goes as a JSON string, and what comes
            // back is given as JSON text (a string as its contents).
            let command = v201::DataTransferRequest {
                message_id,
                data: data.map(serde_json::Value::String),
                vendor_id,
                custom_data: None,
            };
            let answer = self.send(station_id, command).await?;
            return Ok(DataTransferResponse {
                status: same(answer.status.as_str(), v16::DataTransferStatus::Rejected),
                data: answer.data.map(|d| match d {
                    serde_json::Value::String(s) => s,
                    other => other.to_string(),
                }),
            });
        }
        let command = DataTransferRequest {
            vendor_id,
            message_id,
            data,
        };
        self.send(station_id, command).await
    }
}
