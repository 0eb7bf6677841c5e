//! Firmware Management in the API: firmware updates and diagnostics uploads asked of a station
//! (mutations), and what is stored of them and of the station's status notifications (queries,
//! staff).

use async_graphql::{Context, ID, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use entity::{diagnostics_request, firmware_update, status_notification};

use super::{
    command::on_behalf,
    error::ApiError,
    guard::{app, staff_for},
    pagination::list_limit,
};
use crate::use_case::firmware;

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
    /// OCPP 2.0.1: the `requestId` sent, which the station's status notifications carry.
    pub request_id: Option<i32>,
    /// OCPP 2.0.1: the station's answer (`Accepted`, `Rejected`, `AcceptedCanceled`,
    /// `InvalidCertificate`, `RevokedCertificate`); a 1.6 answer has none.
    pub status: Option<String>,
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
            request_id: m.request_id,
            status: m.status,
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
    /// OCPP 2.0.1 (sent as GetLog of the DiagnosticsLog): the `requestId` sent, which the
    /// station's status notifications carry.
    pub request_id: Option<i32>,
    /// OCPP 2.0.1: the station's answer (`Accepted`, `Rejected`, `AcceptedCanceled`); a 1.6
    /// answer has none.
    pub status: Option<String>,
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
            request_id: m.request_id,
            status: m.status,
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

#[derive(Default)]
pub struct FirmwareMutation;

#[Object]
impl FirmwareMutation {
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
}

#[derive(Default)]
pub struct FirmwareQuery;

#[Object]
impl FirmwareQuery {
    /// A station's UpdateFirmware requests, newest first.
    async fn firmware_updates(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        #[graphql(default = 50)] limit: i32,
    ) -> Result<Vec<FirmwareUpdate>> {
        staff_for(ctx, &station_id)?;
        let rows = firmware::updates(app(ctx), &station_id, list_limit(limit)?)
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
        let rows = firmware::diagnostics(app(ctx), &station_id, list_limit(limit)?)
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
            list_limit(limit)?,
        )
        .await
        .map_err(ApiError::from)?;
        Ok(rows.into_iter().map(Into::into).collect())
    }
}
