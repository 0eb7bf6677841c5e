//! The Security Whitepaper in the API: security events, certificate signing requests, log and
//! signed-firmware requests with their status notifications (queries, staff); the seven
//! commands (mutations, operators; the certificate ones and `extendedTriggerMessage` also for
//! a 2.0.1 station, as 2.0.1's messages); security events and status changes live
//! (subscriptions).

use std::sync::Arc;

use async_graphql::{Context, Enum, ID, InputObject, Object, Result, SimpleObject, Subscription};
use chrono::{DateTime, Utc};
use entity::{
    certificate_signing_request as csr_row, log_request, log_status_notification, security_event,
    signed_firmware_status_notification, signed_firmware_update,
};
use futures_util::Stream;
use sea_orm::{ColumnTrait, Condition, EntityTrait, Order, QueryFilter, QueryOrder};

use super::{
    command::on_behalf,
    enums::stored,
    error::ApiError,
    guard::{app, staff, staff_for, station_access},
    pagination::{self, Page, PageArgs},
    subscription::{Access, subscribe},
};
use crate::{
    bus::Event,
    use_case::security_ext::{GetLogArgs, SignedUpdateFirmwareArgs, state},
};
use ocpp::v16::security_ext as wire;
use ocpp::v201::{self, GetCertificateIdUseEnum as CertificateKind};

use super::enums::mirror;

mirror!(
    /// The station's verdict on a certificate sent with `certificateSigned`.
    CertificateSignedStatus { Accepted, Rejected }
);
mirror!(
    /// The answer to `installCertificate`.
    CertificateStatus { Accepted, Failed, Rejected }
);
/// Which kind of certificate. A 1.6 station has only the central system's (2.0.1's CSMS) and
/// the manufacturer's root certificates; the V2G and mobility operator kinds are 2.0.1's
/// (ISO 15118), refused as `UNSUPPORTED_BY_STATION` for a 1.6 station.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CertificateUse {
    /// The central system's (CSMS's) root certificate.
    CentralSystemRootCertificate,
    /// The manufacturer's root certificate (firmware signing).
    ManufacturerRootCertificate,
    /// OCPP 2.0.1: the ISO 15118 V2G root certificate.
    #[graphql(name = "V2G_ROOT_CERTIFICATE")]
    V2GRootCertificate,
    /// OCPP 2.0.1: a mobility operator's (eMSP's) root certificate.
    #[graphql(name = "MO_ROOT_CERTIFICATE")]
    MoRootCertificate,
    /// OCPP 2.0.1: the station's V2G certificate and its sub-CAs (listed and deleted, never
    /// installed: it comes with CertificateSigned).
    #[graphql(name = "V2G_CERTIFICATE_CHAIN")]
    V2GCertificateChain,
}

impl From<CertificateUse> for CertificateKind {
    fn from(value: CertificateUse) -> Self {
        match value {
            CertificateUse::CentralSystemRootCertificate => Self::CsmsRootCertificate,
            CertificateUse::ManufacturerRootCertificate => Self::ManufacturerRootCertificate,
            CertificateUse::V2GRootCertificate => Self::V2GRootCertificate,
            CertificateUse::MoRootCertificate => Self::MoRootCertificate,
            CertificateUse::V2GCertificateChain => Self::V2GCertificateChain,
        }
    }
}

impl From<CertificateKind> for CertificateUse {
    fn from(value: CertificateKind) -> Self {
        match value {
            CertificateKind::CsmsRootCertificate => Self::CentralSystemRootCertificate,
            CertificateKind::ManufacturerRootCertificate => Self::ManufacturerRootCertificate,
            CertificateKind::V2GRootCertificate => Self::V2GRootCertificate,
            CertificateKind::MoRootCertificate => Self::MoRootCertificate,
            CertificateKind::V2GCertificateChain => Self::V2GCertificateChain,
        }
    }
}

/// What a signed certificate is for (OCPP 2.0.1's CertificateSigningUseEnumType; a 1.6
/// station's is always its charge point certificate).
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CertificateSigningUse {
    /// The certificate the station uses towards the central system.
    ChargingStationCertificate,
    /// OCPP 2.0.1: the station's ISO 15118 (V2G) certificate.
    #[graphql(name = "V2G_CERTIFICATE")]
    V2GCertificate,
}

impl From<CertificateSigningUse> for v201::CertificateSigningUseEnum {
    fn from(value: CertificateSigningUse) -> Self {
        match value {
            CertificateSigningUse::ChargingStationCertificate => Self::ChargingStationCertificate,
            CertificateSigningUse::V2GCertificate => Self::V2GCertificate,
        }
    }
}
mirror!(DeleteCertificateStatus {
    Accepted,
    Failed,
    NotFound
});
mirror!(
    /// The progress of a signed firmware update (the whitepaper's FirmwareStatusEnumType).
    SignedFirmwareStatus {
        Downloaded,
        DownloadFailed,
        Downloading,
        DownloadScheduled,
        DownloadPaused,
        Idle,
        InstallationFailed,
        Installing,
        Installed,
        InstallRebooting,
        InstallScheduled,
        InstallVerificationFailed,
        InvalidSignature,
        SignatureVerified,
    }
);
mirror!(GetInstalledCertificateStatus { Accepted, NotFound });
mirror!(
    /// A hash algorithm of certificate hash data, spelled as in OCPP.
    HashAlgorithm {
        #[graphql(name = "SHA256")]
        Sha256,
        #[graphql(name = "SHA384")]
        Sha384,
        #[graphql(name = "SHA512")]
        Sha512,
    }
);
mirror!(
    /// Which log `getLog` asks for.
    LogType { DiagnosticsLog, SecurityLog }
);
mirror!(
    /// The answer to `getLog`.
    LogStatus {
        Accepted,
        Rejected,
        AcceptedCanceled
    }
);
mirror!(
    /// What `extendedTriggerMessage` asks the station to send (`FIRMWARE_STATUS_NOTIFICATION`
    /// triggers a SignedFirmwareStatusNotification).
    ExtendedMessageTrigger {
        BootNotification,
        LogStatusNotification,
        FirmwareStatusNotification,
        Heartbeat,
        MeterValues,
        SignChargePointCertificate,
        StatusNotification,
    }
);
mirror!(ExtendedTriggerMessageStatus {
    Accepted,
    Rejected,
    NotImplemented
});
mirror!(
    /// The answer to `signedUpdateFirmware`.
    SignedUpdateFirmwareStatus {
        Accepted,
        Rejected,
        AcceptedCanceled,
        InvalidCertificate,
        RevokedCertificate,
    }
);
mirror!(
    /// The progress of a log upload (LogStatusNotification).
    UploadLogStatus {
        BadMessage,
        Idle,
        NotSupportedOperation,
        PermissionDenied,
        Uploaded,
        UploadFailure,
        Uploading,
    }
);

/// Where a certificate signing request stands.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsrState {
    /// Answered Rejected: it could not be processed (see `reason`).
    Rejected,
    /// Answered Accepted; waiting for a certificate the station accepts.
    Pending,
    /// The station accepted the certificate sent to it.
    Accepted,
    /// The station rejected the certificate sent to it.
    CertificateRejected,
}

impl CsrState {
    fn wire(self) -> &'static str {
        match self {
            Self::Rejected => state::REJECTED,
            Self::Pending => state::PENDING,
            Self::Accepted => state::ACCEPTED,
            Self::CertificateRejected => state::CERTIFICATE_REJECTED,
        }
    }

    fn from_wire(s: &str) -> Option<Self> {
        [
            Self::Rejected,
            Self::Pending,
            Self::Accepted,
            Self::CertificateRejected,
        ]
        .into_iter()
        .find(|v| v.wire() == s)
    }
}

/// A SecurityEventNotification of a station.
pub struct SecurityEvent(pub security_event::Model);

#[Object]
impl SecurityEvent {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn station_id(&self) -> ID {
        ID(self.0.station_id.clone())
    }
    /// The event's type as sent, e.g. `TamperDetectionActivated` (whitepaper §8 lists the
    /// known ones).
    #[graphql(name = "type")]
    async fn kind(&self) -> &str {
        &self.0.event_type
    }
    /// When it happened, by the station's clock.
    async fn timestamp(&self) -> DateTime<Utc> {
        self.0.timestamp
    }
    async fn tech_info(&self) -> Option<&str> {
        self.0.tech_info.as_deref()
    }
    async fn received_at(&self) -> DateTime<Utc> {
        self.0.received_at
    }
}

/// A station's certificate signing request (SignCertificate) and what became of it.
pub struct CertificateSigningRequest(pub csr_row::Model);

#[Object]
impl CertificateSigningRequest {
    /// Give it as `requestId` to `certificateSigned`.
    async fn id(&self) -> i32 {
        self.0.id
    }
    async fn station_id(&self) -> ID {
        ID(self.0.station_id.clone())
    }
    /// The PEM encoded PKCS#10 request as the station sent it.
    async fn csr(&self) -> &str {
        &self.0.csr
    }
    async fn common_name(&self) -> Option<&str> {
        self.0.common_name.as_deref()
    }
    async fn organization(&self) -> Option<&str> {
        self.0.organization.as_deref()
    }
    async fn state(&self) -> Option<CsrState> {
        CsrState::from_wire(&self.0.state)
    }
    /// Why it was rejected, or the last failure to sign or send its certificate.
    async fn reason(&self) -> Option<&str> {
        self.0.reason.as_deref()
    }
    /// The chain last sent in CertificateSigned.
    async fn certificate_chain(&self) -> Option<&str> {
        self.0.certificate_chain.as_deref()
    }
    /// `ca` (chargegate's configured CA) or the operator who sent the chain.
    async fn signed_by(&self) -> Option<&str> {
        self.0.signed_by.as_deref()
    }
    async fn sent_at(&self) -> Option<DateTime<Utc>> {
        self.0.sent_at
    }
    /// The station's answer to CertificateSigned.
    async fn station_status(&self) -> Option<CertificateSignedStatus> {
        stored(
            self.0.station_status.as_deref()?,
            wire::CertificateSignedStatus::from_wire,
        )
    }
    async fn answered_at(&self) -> Option<DateTime<Utc>> {
        self.0.answered_at
    }
    async fn received_at(&self) -> DateTime<Utc> {
        self.0.received_at
    }
}

/// A LogStatusNotification of a station.
#[derive(SimpleObject)]
pub struct LogStatusNotification {
    pub id: ID,
    pub station_id: ID,
    /// The GetLog `requestId` it reports on, when the station gave one.
    pub request_id: Option<i32>,
    pub status: Option<UploadLogStatus>,
    pub received_at: DateTime<Utc>,
}

impl From<log_status_notification::Model> for LogStatusNotification {
    fn from(row: log_status_notification::Model) -> Self {
        Self {
            id: ID(row.id.to_string()),
            station_id: ID(row.station_id),
            request_id: row.request_id,
            status: stored(&row.status, wire::UploadLogStatus::from_wire),
            received_at: row.received_at,
        }
    }
}

/// A SignedFirmwareStatusNotification of a station.
#[derive(SimpleObject)]
pub struct SignedFirmwareStatusNotification {
    pub id: ID,
    pub station_id: ID,
    /// The SignedUpdateFirmware `requestId` it reports on, when the station gave one.
    pub request_id: Option<i32>,
    pub status: Option<SignedFirmwareStatus>,
    pub received_at: DateTime<Utc>,
}

impl From<signed_firmware_status_notification::Model> for SignedFirmwareStatusNotification {
    fn from(row: signed_firmware_status_notification::Model) -> Self {
        Self {
            id: ID(row.id.to_string()),
            station_id: ID(row.station_id),
            request_id: row.request_id,
            status: stored(&row.status, wire::SignedFirmwareStatus::from_wire),
            received_at: row.received_at,
        }
    }
}

/// A GetLog request, its answer and the LogStatusNotifications that refer to it.
#[derive(SimpleObject)]
pub struct LogRequest {
    pub id: ID,
    pub station_id: ID,
    /// The `requestId` sent to the station.
    pub request_id: i32,
    pub log_type: Option<LogType>,
    pub remote_location: String,
    pub oldest_timestamp: Option<DateTime<Utc>>,
    pub latest_timestamp: Option<DateTime<Utc>>,
    pub retries: Option<i32>,
    pub retry_interval: Option<i32>,
    pub requested_by: String,
    pub requested_at: DateTime<Utc>,
    /// The station's answer; absent when none came (see `error`).
    pub status: Option<LogStatus>,
    /// The name of the file the station will upload.
    pub filename: Option<String>,
    /// Why no answer came.
    pub error: Option<String>,
    /// The station's LogStatusNotifications with this `requestId`, newest first.
    pub status_notifications: Vec<LogStatusNotification>,
}

impl LogRequest {
    fn new(row: log_request::Model, notes: Vec<LogStatusNotification>) -> Self {
        Self {
            id: ID(row.id.to_string()),
            station_id: ID(row.station_id),
            request_id: row.request_id,
            log_type: stored(&row.log_type, wire::LogType::from_wire),
            remote_location: row.remote_location,
            oldest_timestamp: row.oldest_timestamp,
            latest_timestamp: row.latest_timestamp,
            retries: row.retries,
            retry_interval: row.retry_interval,
            requested_by: row.requested_by,
            requested_at: row.requested_at,
            status: row
                .status
                .as_deref()
                .and_then(|s| stored(s, wire::LogStatus::from_wire)),
            filename: row.filename,
            error: row.error,
            status_notifications: notes,
        }
    }
}

/// A SignedUpdateFirmware request, its answer and the SignedFirmwareStatusNotifications that
/// refer to it.
#[derive(SimpleObject)]
pub struct SignedFirmwareUpdate {
    pub id: ID,
    pub station_id: ID,
    /// The `requestId` sent to the station.
    pub request_id: i32,
    pub location: String,
    pub retrieve_date_time: DateTime<Utc>,
    pub install_date_time: Option<DateTime<Utc>>,
    pub signing_certificate: String,
    pub signature: String,
    pub retries: Option<i32>,
    pub retry_interval: Option<i32>,
    pub requested_by: String,
    pub requested_at: DateTime<Utc>,
    /// The station's answer; absent when none came (see `error`).
    pub status: Option<SignedUpdateFirmwareStatus>,
    /// Why no answer came.
    pub error: Option<String>,
    /// The station's SignedFirmwareStatusNotifications with this `requestId`, newest first.
    pub status_notifications: Vec<SignedFirmwareStatusNotification>,
}

impl SignedFirmwareUpdate {
    fn new(
        row: signed_firmware_update::Model,
        notes: Vec<SignedFirmwareStatusNotification>,
    ) -> Self {
        Self {
            id: ID(row.id.to_string()),
            station_id: ID(row.station_id),
            request_id: row.request_id,
            location: row.location,
            retrieve_date_time: row.retrieve_date_time,
            install_date_time: row.install_date_time,
            signing_certificate: row.signing_certificate,
            signature: row.signature,
            retries: row.retries,
            retry_interval: row.retry_interval,
            requested_by: row.requested_by,
            requested_at: row.requested_at,
            status: row
                .status
                .as_deref()
                .and_then(|s| stored(s, wire::SignedUpdateFirmwareStatus::from_wire)),
            error: row.error,
            status_notifications: notes,
        }
    }
}

#[derive(Default)]
pub struct SecurityQuery;

#[Object]
impl SecurityQuery {
    /// The SecurityEventNotifications of a station, newest first.
    #[allow(clippy::too_many_arguments)]
    #[graphql(complexity = "super::pagination::cost(first, last, child_complexity)")]
    async fn security_events(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        #[graphql(name = "type")] kind: Option<String>,
        after: Option<String>,
        before: Option<String>,
        first: Option<i32>,
        last: Option<i32>,
    ) -> Result<Page<SecurityEvent>> {
        staff_for(ctx, &station_id)?;
        let mut query = security_event::Entity::find()
            .filter(security_event::Column::StationId.eq(station_id.as_str()));
        if let Some(kind) = kind {
            query = query.filter(security_event::Column::EventType.eq(kind));
        }
        let args = PageArgs {
            after,
            before,
            first,
            last,
        };
        Ok(pagination::rows(
            ctx,
            args,
            query,
            &[(security_event::Column::Id, Order::Desc)],
            SecurityEvent,
        )
        .await?)
    }

    /// Certificate signing requests, newest first: of one station or of every station the
    /// token covers, optionally in one state (`PENDING`: waiting for a certificate).
    #[allow(clippy::too_many_arguments)]
    #[graphql(complexity = "super::pagination::cost(first, last, child_complexity)")]
    async fn certificate_signing_requests(
        &self,
        ctx: &Context<'_>,
        station_id: Option<ID>,
        state: Option<CsrState>,
        after: Option<String>,
        before: Option<String>,
        first: Option<i32>,
        last: Option<i32>,
    ) -> Result<Page<CertificateSigningRequest>> {
        let p = staff(ctx)?;
        let mut filter = Condition::all();
        match &station_id {
            Some(station) => {
                station_access(p, station)?;
                filter = filter.add(csr_row::Column::StationId.eq(station.as_str()));
            }
            None => {
                if let Some(scope) = &p.stations {
                    filter = filter.add(csr_row::Column::StationId.is_in(scope.iter().cloned()));
                }
            }
        }
        if let Some(state) = state {
            filter = filter.add(csr_row::Column::State.eq(state.wire()));
        }
        let query = csr_row::Entity::find().filter(filter);
        let args = PageArgs {
            after,
            before,
            first,
            last,
        };
        Ok(pagination::rows(
            ctx,
            args,
            query,
            &[(csr_row::Column::Id, Order::Desc)],
            CertificateSigningRequest,
        )
        .await?)
    }

    /// One certificate signing request.
    async fn certificate_signing_request(
        &self,
        ctx: &Context<'_>,
        id: i32,
    ) -> Result<Option<CertificateSigningRequest>> {
        let p = staff(ctx)?;
        let row = csr_row::Entity::find_by_id(id)
            .one(app(ctx).store.reader())
            .await
            .map_err(ApiError::from)?;
        Ok(row
            .filter(|r| p.may_access(&r.station_id))
            .map(CertificateSigningRequest))
    }

    /// The GetLog requests sent to a station, newest first, each with its status
    /// notifications.
    #[graphql(complexity = "super::pagination::cost(first, last, child_complexity)")]
    async fn log_requests(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        after: Option<String>,
        before: Option<String>,
        first: Option<i32>,
        last: Option<i32>,
    ) -> Result<Page<LogRequest>> {
        staff_for(ctx, &station_id)?;
        let query = log_request::Entity::find()
            .filter(log_request::Column::StationId.eq(station_id.as_str()));
        let args = PageArgs {
            after,
            before,
            first,
            last,
        };
        let mut page = pagination::rows(
            ctx,
            args,
            query,
            &[(log_request::Column::Id, Order::Desc)],
            |row| LogRequest::new(row, Vec::new()),
        )
        .await?;
        // One statement for the notifications of the whole page.
        let ids: Vec<i32> = page.edges.iter().map(|e| e.node.request_id).collect();
        let notes = log_status_notification::Entity::find()
            .filter(log_status_notification::Column::StationId.eq(station_id.as_str()))
            .filter(log_status_notification::Column::RequestId.is_in(ids))
            .order_by_desc(log_status_notification::Column::Id)
            .all(app(ctx).store.reader())
            .await
            .map_err(ApiError::from)?;
        for edge in &mut page.edges {
            edge.node.status_notifications = notes
                .iter()
                .filter(|n| n.request_id == Some(edge.node.request_id))
                .cloned()
                .map(LogStatusNotification::from)
                .collect();
        }
        Ok(page)
    }

    /// The LogStatusNotifications of a station, newest first.
    #[graphql(complexity = "super::pagination::cost(first, last, child_complexity)")]
    async fn log_status_notifications(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        after: Option<String>,
        before: Option<String>,
        first: Option<i32>,
        last: Option<i32>,
    ) -> Result<Page<LogStatusNotification>> {
        staff_for(ctx, &station_id)?;
        let query = log_status_notification::Entity::find()
            .filter(log_status_notification::Column::StationId.eq(station_id.as_str()));
        let args = PageArgs {
            after,
            before,
            first,
            last,
        };
        Ok(pagination::rows(
            ctx,
            args,
            query,
            &[(log_status_notification::Column::Id, Order::Desc)],
            LogStatusNotification::from,
        )
        .await?)
    }

    /// The SignedUpdateFirmware requests sent to a station, newest first, each with its status
    /// notifications.
    #[graphql(complexity = "super::pagination::cost(first, last, child_complexity)")]
    async fn signed_firmware_updates(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        after: Option<String>,
        before: Option<String>,
        first: Option<i32>,
        last: Option<i32>,
    ) -> Result<Page<SignedFirmwareUpdate>> {
        staff_for(ctx, &station_id)?;
        let query = signed_firmware_update::Entity::find()
            .filter(signed_firmware_update::Column::StationId.eq(station_id.as_str()));
        let args = PageArgs {
            after,
            before,
            first,
            last,
        };
        let mut page = pagination::rows(
            ctx,
            args,
            query,
            &[(signed_firmware_update::Column::Id, Order::Desc)],
            |row| SignedFirmwareUpdate::new(row, Vec::new()),
        )
        .await?;
        let ids: Vec<i32> = page.edges.iter().map(|e| e.node.request_id).collect();
        let notes = signed_firmware_status_notification::Entity::find()
            .filter(signed_firmware_status_notification::Column::StationId.eq(station_id.as_str()))
            .filter(signed_firmware_status_notification::Column::RequestId.is_in(ids))
            .order_by_desc(signed_firmware_status_notification::Column::Id)
            .all(app(ctx).store.reader())
            .await
            .map_err(ApiError::from)?;
        for edge in &mut page.edges {
            edge.node.status_notifications = notes
                .iter()
                .filter(|n| n.request_id == Some(edge.node.request_id))
                .cloned()
                .map(SignedFirmwareStatusNotification::from)
                .collect();
        }
        Ok(page)
    }

    /// The SignedFirmwareStatusNotifications of a station, newest first.
    #[graphql(complexity = "super::pagination::cost(first, last, child_complexity)")]
    async fn signed_firmware_status_notifications(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        after: Option<String>,
        before: Option<String>,
        first: Option<i32>,
        last: Option<i32>,
    ) -> Result<Page<SignedFirmwareStatusNotification>> {
        staff_for(ctx, &station_id)?;
        let query = signed_firmware_status_notification::Entity::find()
            .filter(signed_firmware_status_notification::Column::StationId.eq(station_id.as_str()));
        let args = PageArgs {
            after,
            before,
            first,
            last,
        };
        Ok(pagination::rows(
            ctx,
            args,
            query,
            &[(signed_firmware_status_notification::Column::Id, Order::Desc)],
            SignedFirmwareStatusNotification::from,
        )
        .await?)
    }

    /// The latest SignedFirmwareStatusNotification of a station: its signed firmware status.
    async fn signed_firmware_status(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
    ) -> Result<Option<SignedFirmwareStatusNotification>> {
        staff_for(ctx, &station_id)?;
        let row = signed_firmware_status_notification::Entity::find()
            .filter(signed_firmware_status_notification::Column::StationId.eq(station_id.as_str()))
            .order_by_desc(signed_firmware_status_notification::Column::Id)
            .one(app(ctx).store.reader())
            .await
            .map_err(ApiError::from)?;
        Ok(row.map(SignedFirmwareStatusNotification::from))
    }
}

#[derive(SimpleObject)]
pub struct CertificateSignedResult {
    pub status: CertificateSignedStatus,
}

#[derive(SimpleObject)]
pub struct InstallCertificateResult {
    pub status: CertificateStatus,
}

#[derive(SimpleObject)]
pub struct DeleteCertificateResult {
    pub status: DeleteCertificateStatus,
}

/// Identifies an installed certificate (CertificateHashDataType).
#[derive(SimpleObject, InputObject)]
#[graphql(input_name = "CertificateHashDataInput")]
pub struct CertificateHashData {
    pub hash_algorithm: HashAlgorithm,
    /// identifierString, at most 128 characters.
    pub issuer_name_hash: String,
    /// identifierString, at most 128 characters.
    pub issuer_key_hash: String,
    /// At most 40 characters.
    pub serial_number: String,
}

/// An installed certificate with its kind and, for a 2.0.1 V2G certificate chain, its sub-CA
/// certificates (CertificateHashDataChainType).
#[derive(SimpleObject)]
pub struct CertificateHashDataChain {
    pub certificate_type: CertificateUse,
    pub certificate_hash_data: CertificateHashData,
    /// The chain's sub-CA certificates (2.0.1; at most 4); empty otherwise.
    pub child_certificate_hash_data: Vec<CertificateHashData>,
}

#[derive(SimpleObject)]
pub struct GetInstalledCertificateIdsResult {
    pub status: GetInstalledCertificateStatus,
    /// The installed certificates (for a 2.0.1 V2G chain, its first certificate).
    pub certificate_hash_data: Vec<CertificateHashData>,
    /// The same certificates with their kind and sub-CAs: a 1.6 station's each of the kind
    /// asked for, with none.
    pub certificate_hash_data_chain: Vec<CertificateHashDataChain>,
}

fn hash_data(h: wire::CertificateHashData) -> CertificateHashData {
    CertificateHashData {
        hash_algorithm: h.hash_algorithm.into(),
        issuer_name_hash: h.issuer_name_hash.into_string(),
        issuer_key_hash: h.issuer_key_hash.into_string(),
        serial_number: h.serial_number.into_string(),
    }
}

#[derive(SimpleObject)]
pub struct ExtendedTriggerMessageResult {
    pub status: ExtendedTriggerMessageStatus,
}

#[derive(SimpleObject)]
pub struct GetLogResult {
    pub status: LogStatus,
    /// The name of the file the station will upload.
    pub filename: Option<String>,
    /// The `requestId` sent (generated when none was given); LogStatusNotifications carry it.
    pub request_id: i32,
}

/// The firmware of `signedUpdateFirmware` (FirmwareType).
#[derive(InputObject)]
pub struct FirmwareInput {
    /// URI of the firmware, at most 512 characters.
    pub location: String,
    pub retrieve_date_time: DateTime<Utc>,
    pub install_date_time: Option<DateTime<Utc>>,
    /// PEM encoded X.509 certificate the firmware was signed with (at most 5,500 characters).
    pub signing_certificate: String,
    /// Base64 encoded signature (at most 800 characters).
    pub signature: String,
}

#[derive(SimpleObject)]
pub struct SignedUpdateFirmwareResult {
    pub status: SignedUpdateFirmwareStatus,
    /// The `requestId` sent (generated when none was given).
    pub request_id: i32,
}

#[derive(Default)]
pub struct SecurityMutation;

#[Object]
impl SecurityMutation {
    /// Sends a certificate chain (PEM, the station's certificate first) signed elsewhere for a
    /// certificate signing request: `requestId`, or the station's newest pending one. The
    /// first certificate must carry the request's public key; the station's answer is kept on
    /// the request. `certificateType` (OCPP 2.0.1) says what the certificate is for, as the
    /// station's SignCertificate asked; a 1.6 station takes only `CHARGING_STATION_CERTIFICATE`.
    async fn certificate_signed(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        certificate_chain: String,
        request_id: Option<i32>,
        certificate_type: Option<CertificateSigningUse>,
    ) -> Result<CertificateSignedResult> {
        let status = on_behalf(ctx)?
            .certificate_signed(
                &station_id,
                &certificate_chain,
                request_id,
                certificate_type.map(Into::into),
            )
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(CertificateSignedResult {
            status: status.into(),
        })
    }

    /// Installs a root certificate (one PEM X.509 certificate) on the station (not
    /// `V2G_CERTIFICATE_CHAIN`, which comes with `certificateSigned`).
    async fn install_certificate(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        certificate_type: CertificateUse,
        certificate: String,
    ) -> Result<InstallCertificateResult> {
        let status = on_behalf(ctx)?
            .install_certificate(&station_id, certificate_type.into(), &certificate)
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(InstallCertificateResult {
            status: status.into(),
        })
    }

    /// Deletes an installed certificate from the station.
    async fn delete_certificate(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        certificate_hash_data: CertificateHashData,
    ) -> Result<DeleteCertificateResult> {
        let h = certificate_hash_data;
        let status = on_behalf(ctx)?
            .delete_certificate(
                &station_id,
                h.hash_algorithm.into(),
                &h.issuer_name_hash,
                &h.issuer_key_hash,
                &h.serial_number,
            )
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(DeleteCertificateResult {
            status: status.into(),
        })
    }

    /// Lists the certificates of one kind installed on the station.
    async fn get_installed_certificate_ids(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        certificate_type: CertificateUse,
    ) -> Result<GetInstalledCertificateIdsResult> {
        let answer = on_behalf(ctx)?
            .get_installed_certificate_ids(&station_id, certificate_type.into())
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(GetInstalledCertificateIdsResult {
            status: answer.status.into(),
            certificate_hash_data: answer
                .chains
                .iter()
                .map(|c| hash_data(c.hash.clone()))
                .collect(),
            certificate_hash_data_chain: answer
                .chains
                .into_iter()
                .map(|c| CertificateHashDataChain {
                    certificate_type: c.certificate_type.into(),
                    certificate_hash_data: hash_data(c.hash),
                    child_certificate_hash_data: c.children.into_iter().map(hash_data).collect(),
                })
                .collect(),
        })
    }

    /// Asks the station to send one of its messages now (connectorId > 0 when given).
    async fn extended_trigger_message(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        requested_message: ExtendedMessageTrigger,
        connector_id: Option<i32>,
    ) -> Result<ExtendedTriggerMessageResult> {
        let status = on_behalf(ctx)?
            .extended_trigger_message(&station_id, requested_message.into(), connector_id)
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(ExtendedTriggerMessageResult {
            status: status.into(),
        })
    }

    /// Asks the station to upload a log to `remoteLocation`. The request is stored (see
    /// `logRequests`); without `requestId` chargegate generates one.
    #[allow(clippy::too_many_arguments)]
    async fn get_log(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        log_type: LogType,
        remote_location: String,
        request_id: Option<i32>,
        oldest_timestamp: Option<DateTime<Utc>>,
        latest_timestamp: Option<DateTime<Utc>>,
        retries: Option<i32>,
        retry_interval: Option<i32>,
    ) -> Result<GetLogResult> {
        let args = GetLogArgs {
            log_type: Some(log_type.into()),
            request_id,
            remote_location,
            oldest_timestamp,
            latest_timestamp,
            retries,
            retry_interval,
        };
        let (row, answer) = on_behalf(ctx)?
            .get_log(&station_id, args)
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(GetLogResult {
            status: answer.status.into(),
            filename: answer.filename.map(|f| f.into_string()),
            request_id: row.request_id,
        })
    }

    /// Asks the station to download, verify and install signed firmware. The request is stored
    /// (see `signedFirmwareUpdates`); without `requestId` chargegate generates one.
    async fn signed_update_firmware(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        firmware: FirmwareInput,
        request_id: Option<i32>,
        retries: Option<i32>,
        retry_interval: Option<i32>,
    ) -> Result<SignedUpdateFirmwareResult> {
        let args = SignedUpdateFirmwareArgs {
            request_id,
            location: firmware.location,
            retrieve_date_time: Some(firmware.retrieve_date_time),
            install_date_time: firmware.install_date_time,
            signing_certificate: firmware.signing_certificate,
            signature: firmware.signature,
            retries,
            retry_interval,
        };
        let (row, status) = on_behalf(ctx)?
            .signed_update_firmware(&station_id, args)
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(SignedUpdateFirmwareResult {
            status: status.into(),
            request_id: row.request_id,
        })
    }
}

/// What `securityStatus` reports.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecurityStatusKind {
    /// A LogStatusNotification (`logStatus`, `requestId`).
    LogStatus,
    /// A SignedFirmwareStatusNotification (`firmwareStatus`, `requestId`).
    SignedFirmwareStatus,
    /// A certificate signing request arrived or changed state (`csrState`, `requestId` is the
    /// request's id).
    CertificateSigningRequest,
}

#[derive(SimpleObject)]
pub struct SecurityStatusEvent {
    pub kind: SecurityStatusKind,
    pub station_id: ID,
    pub request_id: Option<i32>,
    pub log_status: Option<UploadLogStatus>,
    pub firmware_status: Option<SignedFirmwareStatus>,
    pub csr_state: Option<CsrState>,
    pub at: DateTime<Utc>,
}

#[derive(Default)]
pub struct SecuritySubscription;

#[Subscription]
impl SecuritySubscription {
    /// SecurityEventNotifications as stations send them, optionally of one station (staff).
    async fn security_events(
        &self,
        ctx: &Context<'_>,
        station_id: Option<ID>,
    ) -> Result<impl Stream<Item = Result<SecurityEvent>>> {
        let map = |_, event: Arc<Event>| async move {
            match &*event {
                Event::SecurityEvent {
                    station_id: station,
                    id,
                    event_type,
                    timestamp,
                    tech_info,
                    received_at,
                } => Some(SecurityEvent(security_event::Model {
                    id: *id,
                    station_id: station.clone(),
                    event_type: event_type.clone(),
                    timestamp: *timestamp,
                    tech_info: tech_info.clone(),
                    received_at: *received_at,
                })),
                _ => None,
            }
        };
        Ok(subscribe(ctx, Access::Staff, station_id, map).await?)
    }

    /// Log upload and signed firmware progress, and certificate signing requests arriving or
    /// changing state, optionally of one station (staff).
    async fn security_status(
        &self,
        ctx: &Context<'_>,
        station_id: Option<ID>,
    ) -> Result<impl Stream<Item = Result<SecurityStatusEvent>>> {
        let map = |_, event: Arc<Event>| async move {
            let blank = |kind, station: &String, at: &DateTime<Utc>| SecurityStatusEvent {
                kind,
                station_id: ID(station.clone()),
                request_id: None,
                log_status: None,
                firmware_status: None,
                csr_state: None,
                at: *at,
            };
            match &*event {
                Event::LogStatus {
                    station_id: station,
                    status,
                    request_id,
                    at,
                } => Some(SecurityStatusEvent {
                    request_id: *request_id,
                    log_status: Some((*status).into()),
                    ..blank(SecurityStatusKind::LogStatus, station, at)
                }),
                Event::SignedFirmwareStatus {
                    station_id: station,
                    status,
                    request_id,
                    at,
                } => Some(SecurityStatusEvent {
                    request_id: *request_id,
                    firmware_status: Some((*status).into()),
                    ..blank(SecurityStatusKind::SignedFirmwareStatus, station, at)
                }),
                Event::CertificateSigningRequest {
                    station_id: station,
                    id,
                    state,
                    at,
                } => Some(SecurityStatusEvent {
                    request_id: Some(*id),
                    csr_state: CsrState::from_wire(state),
                    ..blank(SecurityStatusKind::CertificateSigningRequest, station, at)
                }),
                _ => None,
            }
        };
        Ok(subscribe(ctx, Access::Staff, station_id, map).await?)
    }
}
