//! The OCPP 1.6 profiles beyond Core in the API: Firmware Management, Local Auth List
//! Management, Reservation, Smart Charging and Remote Trigger, as mutations that send the
//! command and return the station's answer, and queries of what is stored about each.

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use entity::{
    charging_profile, diagnostics_request, firmware_update, local_auth_list_entry,
    status_notification,
};

use super::{
    enums::{self, stored},
    error::ApiError,
    guard::{app, principal, staff, station_access},
};
use crate::use_case::{command::OnBehalf, firmware, local_list, reservation, smart_charging};
use ocpp::v16;

/// Most rows a list query returns.
const MAX_LIMIT: i32 = 500;

fn limit(value: i32) -> Result<u64, ApiError> {
    if !(1..=MAX_LIMIT).contains(&value) {
        return Err(ApiError::BadUserInput(format!(
            "limit: must be between 1 and {MAX_LIMIT}"
        )));
    }
    Ok(value as u64)
}

fn on_behalf<'a>(ctx: &Context<'a>) -> Result<OnBehalf<'a>, ApiError> {
    Ok(OnBehalf {
        ctx: app(ctx),
        caller: principal(ctx)?,
    })
}

/// `ChargingSchedulePeriod`: from `startPeriod` seconds after the schedule's start, `limit`.
#[derive(SimpleObject, InputObject, Clone, Debug)]
#[graphql(input_name = "ChargingSchedulePeriodInput")]
pub struct ChargingSchedulePeriod {
    pub start_period: i32,
    /// Amperes or watts (the schedule's unit), at most one decimal.
    pub limit: f64,
    pub number_phases: Option<i32>,
}

/// `ChargingSchedule`.
#[derive(SimpleObject, InputObject, Clone, Debug)]
#[graphql(input_name = "ChargingScheduleInput")]
pub struct ChargingSchedule {
    /// Seconds; absent: the last period lasts until the profile ends.
    pub duration: Option<i32>,
    pub start_schedule: Option<DateTime<Utc>>,
    pub charging_rate_unit: enums::ChargingRateUnit,
    pub charging_schedule_period: Vec<ChargingSchedulePeriod>,
    pub min_charging_rate: Option<f64>,
}

/// `ChargingProfile`.
#[derive(SimpleObject, InputObject, Clone, Debug)]
#[graphql(input_name = "ChargingProfileInput")]
pub struct ChargingProfile {
    pub charging_profile_id: i32,
    /// Only for a TX_PROFILE.
    pub transaction_id: Option<i32>,
    /// 0 is the lowest; higher levels take precedence.
    pub stack_level: i32,
    pub charging_profile_purpose: enums::ChargingProfilePurpose,
    pub charging_profile_kind: enums::ChargingProfileKind,
    pub recurrency_kind: Option<enums::RecurrencyKind>,
    pub valid_from: Option<DateTime<Utc>>,
    pub valid_to: Option<DateTime<Utc>>,
    pub charging_schedule: ChargingSchedule,
}

impl From<ChargingSchedule> for v16::ChargingSchedule {
    fn from(s: ChargingSchedule) -> Self {
        Self {
            duration: s.duration,
            start_schedule: s.start_schedule.map(v16::Timestamp),
            charging_rate_unit: s.charging_rate_unit.into(),
            charging_schedule_period: s
                .charging_schedule_period
                .into_iter()
                .map(|p| v16::ChargingSchedulePeriod {
                    start_period: p.start_period,
                    limit: p.limit,
                    number_phases: p.number_phases,
                })
                .collect(),
            min_charging_rate: s.min_charging_rate,
        }
    }
}

impl From<v16::ChargingSchedule> for ChargingSchedule {
    fn from(s: v16::ChargingSchedule) -> Self {
        Self {
            duration: s.duration,
            start_schedule: s.start_schedule.map(|t| t.0),
            charging_rate_unit: s.charging_rate_unit.into(),
            charging_schedule_period: s
                .charging_schedule_period
                .into_iter()
                .map(|p| ChargingSchedulePeriod {
                    start_period: p.start_period,
                    limit: p.limit,
                    number_phases: p.number_phases,
                })
                .collect(),
            min_charging_rate: s.min_charging_rate,
        }
    }
}

impl From<ChargingProfile> for v16::ChargingProfile {
    fn from(p: ChargingProfile) -> Self {
        Self {
            charging_profile_id: p.charging_profile_id,
            transaction_id: p.transaction_id,
            stack_level: p.stack_level,
            charging_profile_purpose: p.charging_profile_purpose.into(),
            charging_profile_kind: p.charging_profile_kind.into(),
            recurrency_kind: p.recurrency_kind.map(Into::into),
            valid_from: p.valid_from.map(v16::Timestamp),
            valid_to: p.valid_to.map(v16::Timestamp),
            charging_schedule: p.charging_schedule.into(),
        }
    }
}

impl From<v16::ChargingProfile> for ChargingProfile {
    fn from(p: v16::ChargingProfile) -> Self {
        Self {
            charging_profile_id: p.charging_profile_id,
            transaction_id: p.transaction_id,
            stack_level: p.stack_level,
            charging_profile_purpose: p.charging_profile_purpose.into(),
            charging_profile_kind: p.charging_profile_kind.into(),
            recurrency_kind: p.recurrency_kind.map(Into::into),
            valid_from: p.valid_from.map(|t| t.0),
            valid_to: p.valid_to.map(|t| t.0),
            charging_schedule: p.charging_schedule.into(),
        }
    }
}

/// A charging profile chargegate sent and the station accepted.
pub struct StoredChargingProfile(charging_profile::Model);

#[Object]
impl StoredChargingProfile {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn station_id(&self) -> ID {
        ID(self.0.station_id.clone())
    }
    /// 0: the whole station.
    async fn connector_id(&self) -> i32 {
        self.0.connector_id
    }
    /// `INSTALLED`, or how it ended: `REPLACED`, `CLEARED`, `ENDED` (its transaction stopped).
    async fn state(&self) -> String {
        self.0.state.to_uppercase()
    }
    async fn installed_at(&self) -> DateTime<Utc> {
        self.0.installed_at
    }
    async fn ended_at(&self) -> Option<DateTime<Utc>> {
        self.0.ended_at
    }
    /// The profile as sent.
    async fn profile(&self) -> Result<ChargingProfile> {
        let profile: v16::ChargingProfile = serde_json::from_str(&self.0.profile).map_err(|e| {
            tracing::error!(id = self.0.id, error = %e, "stored charging profile unreadable");
            ApiError::Internal
        })?;
        Ok(profile.into())
    }
}

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

/// One entry of a station's local authorisation list.
pub struct LocalAuthListEntry(local_auth_list_entry::Model);

#[Object]
impl LocalAuthListEntry {
    async fn id_tag(&self) -> &str {
        &self.0.id_tag
    }
    async fn status(&self) -> Option<enums::AuthorizationStatus> {
        stored(&self.0.status, v16::AuthorizationStatus::from_wire)
    }
    async fn expiry_date(&self) -> Option<DateTime<Utc>> {
        self.0.expiry_date
    }
    async fn parent_id_tag(&self) -> Option<&str> {
        self.0.parent_id_tag.as_deref()
    }
}

/// The local authorisation list a station holds, as it last accepted it.
#[derive(SimpleObject)]
pub struct LocalAuthList {
    pub station_id: ID,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
    pub entries: Vec<LocalAuthListEntry>,
}

/// An UpdateFirmware request.
#[derive(SimpleObject)]
pub struct FirmwareUpdate {
    pub id: ID,
    pub station_id: ID,
    pub location: String,
    pub retrieve_date: DateTime<Utc>,
    pub retries: Option<i32>,
    pub retry_interval: Option<i32>,
    pub requested_by: Option<String>,
    pub requested_at: DateTime<Utc>,
}

impl From<firmware_update::Model> for FirmwareUpdate {
    fn from(m: firmware_update::Model) -> Self {
        Self {
            id: ID(m.id.to_string()),
            station_id: ID(m.station_id),
            location: m.location,
            retrieve_date: m.retrieve_date,
            retries: m.retries,
            retry_interval: m.retry_interval,
            requested_by: m.requested_by,
            requested_at: m.requested_at,
        }
    }
}

/// A GetDiagnostics request and the file uploaded for it, if it came to chargegate.
#[derive(SimpleObject)]
pub struct DiagnosticsRequest {
    pub id: ID,
    pub station_id: ID,
    /// Where the station was asked to upload. An address on this server shows its token as
    /// `***`: only the station is told it.
    pub location: String,
    pub start_time: Option<DateTime<Utc>>,
    pub stop_time: Option<DateTime<Utc>>,
    /// The file name the station announced.
    pub file_name: Option<String>,
    pub requested_by: Option<String>,
    pub requested_at: DateTime<Utc>,
    /// For an address on this server: when it stops taking an upload (it takes one).
    pub upload_expires_at: Option<DateTime<Utc>>,
    /// The name the upload carried.
    pub uploaded_name: Option<String>,
    /// Bytes received.
    pub size: Option<i64>,
    pub uploaded_at: Option<DateTime<Utc>>,
    /// Where staff download the file (with their bearer token), once uploaded.
    pub download_path: Option<String>,
}

impl DiagnosticsRequest {
    /// The request as the API shows it; `upload_ttl` dates addresses recorded without an
    /// expiry.
    fn new(m: diagnostics_request::Model, upload_ttl: std::time::Duration) -> Self {
        let upload_expires_at = m
            .token
            .as_ref()
            .map(|_| firmware::upload_expiry(&m, upload_ttl));
        let location = match &m.token {
            Some(token) => m.location.replace(token.as_str(), "***"),
            None => m.location,
        };
        Self {
            id: ID(m.id.to_string()),
            download_path: m
                .stored_path
                .as_ref()
                .map(|_| firmware::download_path(m.id)),
            station_id: ID(m.station_id),
            location,
            start_time: m.start_time,
            stop_time: m.stop_time,
            file_name: m.file_name,
            requested_by: m.requested_by,
            requested_at: m.requested_at,
            upload_expires_at,
            uploaded_name: m.uploaded_name,
            size: m.size,
            uploaded_at: m.uploaded_at,
        }
    }
}

/// Firmware or diagnostics.
#[derive(async_graphql::Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusNotificationKind {
    Firmware,
    Diagnostics,
}

impl StatusNotificationKind {
    fn stored(self) -> &'static str {
        match self {
            Self::Firmware => firmware::kind::FIRMWARE,
            Self::Diagnostics => firmware::kind::DIAGNOSTICS,
        }
    }
}

/// One FirmwareStatusNotification or DiagnosticsStatusNotification.
#[derive(SimpleObject)]
pub struct StatusNotificationRecord {
    pub kind: StatusNotificationKind,
    /// The status as sent (`Downloading`, `Uploaded`…).
    pub status: String,
    pub at: DateTime<Utc>,
}

impl From<status_notification::Model> for StatusNotificationRecord {
    fn from(m: status_notification::Model) -> Self {
        Self {
            kind: if m.kind == firmware::kind::FIRMWARE {
                StatusNotificationKind::Firmware
            } else {
                StatusNotificationKind::Diagnostics
            },
            status: m.status,
            at: m.at,
        }
    }
}

#[derive(SimpleObject)]
pub struct SendLocalListResult {
    pub status: enums::UpdateStatus,
    /// The version sent.
    pub list_version: i32,
}

#[derive(SimpleObject)]
pub struct GetLocalListVersionResult {
    /// What the station says (0: empty list, -1: no local list support).
    pub list_version: i32,
    /// What chargegate last saw it accept.
    pub stored_version: Option<i32>,
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

#[derive(SimpleObject)]
pub struct SetChargingProfileResult {
    pub status: enums::ChargingProfileStatus,
}

#[derive(SimpleObject)]
pub struct ClearChargingProfileResult {
    pub status: enums::ClearChargingProfileStatus,
}

#[derive(SimpleObject)]
pub struct GetCompositeScheduleResult {
    pub status: enums::GetCompositeScheduleStatus,
    pub connector_id: Option<i32>,
    pub schedule_start: Option<DateTime<Utc>>,
    pub charging_schedule: Option<ChargingSchedule>,
}

#[derive(SimpleObject)]
pub struct TriggerMessageResult {
    pub status: enums::TriggerMessageStatus,
}

#[derive(Default)]
pub struct ProfilesMutation;

#[Object]
impl ProfilesMutation {
    /// Firmware Management: asks the station to download firmware from `location` after
    /// `retrieveDate` and install it; progress arrives as FIRMWARE_STATUS station events.
    async fn update_firmware(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        location: String,
        retrieve_date: DateTime<Utc>,
        retries: Option<i32>,
        retry_interval: Option<i32>,
    ) -> Result<FirmwareUpdate> {
        let row = on_behalf(ctx)?
            .update_firmware(
                &station_id,
                &location,
                retrieve_date,
                retries,
                retry_interval,
            )
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(row.into())
    }

    /// Firmware Management: asks the station to upload its diagnostics to `location`, or,
    /// without one, to chargegate itself (needs CHARGEGATE_PUBLIC_URL).
    #[allow(clippy::too_many_arguments)]
    async fn get_diagnostics(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        location: Option<String>,
        start_time: Option<DateTime<Utc>>,
        stop_time: Option<DateTime<Utc>>,
        retries: Option<i32>,
        retry_interval: Option<i32>,
    ) -> Result<DiagnosticsRequest> {
        let row = on_behalf(ctx)?
            .get_diagnostics(
                &station_id,
                location.as_deref(),
                (start_time, stop_time),
                retries,
                retry_interval,
            )
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(DiagnosticsRequest::new(
            row,
            app(ctx).settings.limits.upload_ttl.0,
        ))
    }

    /// Local Auth List Management: sends a full list (`idTags` replace the station's list; an
    /// empty list clears it) or a differential update (`idTags` added or updated,
    /// `removeIdTags` removed). Entries carry each tag's current status from the database.
    /// `listVersion` defaults to the stored version plus one.
    async fn send_local_list(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        update_type: enums::UpdateType,
        id_tags: Vec<String>,
        #[graphql(default)] remove_id_tags: Vec<String>,
        list_version: Option<i32>,
    ) -> Result<SendLocalListResult> {
        let sent = on_behalf(ctx)?
            .send_local_list(
                &station_id,
                update_type.into(),
                &id_tags,
                &remove_id_tags,
                list_version,
            )
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(SendLocalListResult {
            status: sent.status.into(),
            list_version: sent.list_version,
        })
    }

    /// Local Auth List Management: the version of the station's local list.
    async fn get_local_list_version(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
    ) -> Result<GetLocalListVersionResult> {
        let (list_version, stored_version) = on_behalf(ctx)?
            .get_local_list_version(&station_id)
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(GetLocalListVersionResult {
            list_version,
            stored_version,
        })
    }

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

    /// Smart Charging: installs a charging profile on a connector (0: the whole station).
    async fn set_charging_profile(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        connector_id: i32,
        profile: ChargingProfile,
    ) -> Result<SetChargingProfileResult> {
        let status = on_behalf(ctx)?
            .set_charging_profile(&station_id, connector_id, profile.into())
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(SetChargingProfileResult {
            status: status.into(),
        })
    }

    /// Smart Charging: clears the profile `id`, or every profile matching the criteria given
    /// (none: all of them).
    async fn clear_charging_profile(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        id: Option<i32>,
        connector_id: Option<i32>,
        charging_profile_purpose: Option<enums::ChargingProfilePurpose>,
        stack_level: Option<i32>,
    ) -> Result<ClearChargingProfileResult> {
        let filter = smart_charging::ClearFilter {
            id,
            connector_id,
            purpose: charging_profile_purpose.map(Into::into),
            stack_level,
        };
        let status = on_behalf(ctx)?
            .clear_charging_profile(&station_id, filter)
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(ClearChargingProfileResult {
            status: status.into(),
        })
    }

    /// Smart Charging: the schedule the station will follow on a connector for the next
    /// `duration` seconds.
    async fn get_composite_schedule(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        connector_id: i32,
        duration: i32,
        charging_rate_unit: Option<enums::ChargingRateUnit>,
    ) -> Result<GetCompositeScheduleResult> {
        let answer = on_behalf(ctx)?
            .get_composite_schedule(
                &station_id,
                connector_id,
                duration,
                charging_rate_unit.map(Into::into),
            )
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(GetCompositeScheduleResult {
            status: answer.status.into(),
            connector_id: answer.connector_id,
            schedule_start: answer.schedule_start.map(|t| t.0),
            charging_schedule: answer.charging_schedule.map(Into::into),
        })
    }

    /// Remote Trigger: asks the station to send a message now.
    async fn trigger_message(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        requested_message: enums::MessageTrigger,
        connector_id: Option<i32>,
    ) -> Result<TriggerMessageResult> {
        let status = on_behalf(ctx)?
            .trigger_message(&station_id, requested_message.into(), connector_id)
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(TriggerMessageResult {
            status: status.into(),
        })
    }
}

#[derive(Default)]
pub struct ProfilesQuery;

/// Staff with access to the station.
fn staff_for<'a>(ctx: &Context<'a>, station_id: &str) -> Result<&'a crate::auth::Principal> {
    let p = staff(ctx)?;
    station_access(p, station_id)?;
    Ok(p)
}

#[Object]
impl ProfilesQuery {
    /// A station's reservations, newest first: open ones (requested or active), or all.
    async fn reservations(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        #[graphql(default = false)] include_ended: bool,
        #[graphql(default = 50)] limit: i32,
    ) -> Result<Vec<Reservation>> {
        staff_for(ctx, &station_id)?;
        let rows = reservation::list(app(ctx), &station_id, include_ended, self::limit(limit)?)
            .await
            .map_err(ApiError::from)?;
        Ok(rows.into_iter().map(Reservation).collect())
    }

    /// The local authorisation list a station holds (null: none was ever accepted).
    async fn local_auth_list(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
    ) -> Result<Option<LocalAuthList>> {
        staff_for(ctx, &station_id)?;
        let list = local_list::get(app(ctx), &station_id)
            .await
            .map_err(ApiError::from)?;
        Ok(list.map(|(list, entries)| LocalAuthList {
            station_id: ID(list.station_id),
            version: list.version,
            updated_at: list.updated_at,
            entries: entries.into_iter().map(LocalAuthListEntry).collect(),
        }))
    }

    /// The charging profiles a station holds, newest first (with `includeEnded`, also those
    /// replaced, cleared or ended).
    async fn charging_profiles(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        #[graphql(default = false)] include_ended: bool,
        #[graphql(default = 50)] limit: i32,
    ) -> Result<Vec<StoredChargingProfile>> {
        staff_for(ctx, &station_id)?;
        let rows = smart_charging::list(app(ctx), &station_id, include_ended, self::limit(limit)?)
            .await
            .map_err(ApiError::from)?;
        Ok(rows.into_iter().map(StoredChargingProfile).collect())
    }

    /// A station's UpdateFirmware requests, newest first.
    async fn firmware_updates(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        #[graphql(default = 50)] limit: i32,
    ) -> Result<Vec<FirmwareUpdate>> {
        staff_for(ctx, &station_id)?;
        let rows = firmware::updates(app(ctx), &station_id, self::limit(limit)?)
            .await
            .map_err(ApiError::from)?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// A station's GetDiagnostics requests with their uploaded files, newest first.
    async fn diagnostics_requests(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        #[graphql(default = 50)] limit: i32,
    ) -> Result<Vec<DiagnosticsRequest>> {
        staff_for(ctx, &station_id)?;
        let rows = firmware::diagnostics(app(ctx), &station_id, self::limit(limit)?)
            .await
            .map_err(ApiError::from)?;
        let ttl = app(ctx).settings.limits.upload_ttl.0;
        Ok(rows
            .into_iter()
            .map(|row| DiagnosticsRequest::new(row, ttl))
            .collect())
    }

    /// A station's firmware and diagnostics status notifications, newest first.
    async fn status_notifications(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        kind: Option<StatusNotificationKind>,
        #[graphql(default = 50)] limit: i32,
    ) -> Result<Vec<StatusNotificationRecord>> {
        staff_for(ctx, &station_id)?;
        let rows = firmware::history(
            app(ctx),
            &station_id,
            kind.map(StatusNotificationKind::stored),
            self::limit(limit)?,
        )
        .await
        .map_err(ApiError::from)?;
        Ok(rows.into_iter().map(Into::into).collect())
    }
}
