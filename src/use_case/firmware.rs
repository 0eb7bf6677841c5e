//! Firmware Management: UpdateFirmware and GetDiagnostics on behalf of an operator, the history
//! of firmware and diagnostics status notifications, and what an upload of a diagnostics file
//! to chargegate itself means for the store: which request an upload address belongs to, the
//! upload recorded on it, and the file staff may download.
//!
//! Upload addresses are capabilities: GetDiagnostics without a location creates a request row
//! with a random 128-bit token and sends `{public URL}/diagnostics/{token}`; the HTTP endpoint
//! that receives the file is `link::upload`, the staff download is in `rest`. An address takes
//! one file; it expires `--upload-ttl` after the request. The token never leaves chargegate
//! except to the station: the journal and the API show the address as `…/diagnostics/***`.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use entity::{
    diagnostics_request, firmware_update, log_request, signed_firmware_update, status_notification,
    upload_chunk,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

use crate::{
    auth::Principal,
    context::Context,
    use_case::{
        command::{OnBehalf, Refused, at_least},
        device_model::next_request_id,
    },
};
use ocpp::rpc::Version;
use ocpp::v16::{DiagnosticsStatus, FirmwareStatus, GetDiagnostics, Timestamp, UpdateFirmware};
use ocpp::v201;

/// Longest location accepted (the OCPP schema sets none; URLs longer than this are mistakes).
pub const MAX_LOCATION_LEN: usize = 2048;

fn invalid(field: &'static str, message: impl Into<String>) -> Refused {
    Refused::Invalid {
        field,
        message: message.into(),
    }
}

/// A location must look like an absolute URI (`scheme:…`, no white space).
fn check_location(location: &str, field: &'static str) -> Result<(), Refused> {
    let scheme_ok = location.split_once(':').is_some_and(|(scheme, rest)| {
        !scheme.is_empty()
            && !rest.is_empty()
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    });
    if !scheme_ok || location.chars().any(char::is_whitespace) {
        return Err(invalid(
            field,
            "must be an absolute URI such as ftp://host/path",
        ));
    }
    if location.len() > MAX_LOCATION_LEN {
        return Err(invalid(
            field,
            format!("at most {MAX_LOCATION_LEN} characters"),
        ));
    }
    Ok(())
}

fn non_negative(value: Option<i32>, field: &'static str) -> Result<Option<i32>, Refused> {
    value.map(|v| at_least(v, 0, field)).transpose()
}

/// A text of at most `N` characters for a 2.0.1 command.
fn v201_text<const N: usize>(
    value: &str,
    field: &'static str,
) -> Result<ocpp::types::CiString<N>, Refused> {
    ocpp::types::CiString::new(value).map_err(|e| invalid(field, e.to_string()))
}

/// A time as a 2.0.1 command carries it (to the microsecond, as stored).
pub(crate) fn micros(at: DateTime<Utc>) -> ocpp::types::Timestamp {
    use chrono::SubsecRound as _;
    ocpp::types::Timestamp(at.trunc_subsecs(6))
}

/// A random 128-bit token in hex (upload addresses, upload file names).
pub fn token() -> Result<String, Refused> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|_| Refused::Store)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

impl OnBehalf<'_> {
    /// Asks the station to download and install firmware from `location` after
    /// `retrieve_date`; a 1.6 request is recorded once the station has answered. A 2.0.1
    /// station gets UpdateFirmware with a fresh `requestId`: the request is recorded before it
    /// is sent (its status notifications may come before the answer is read), dropped when no
    /// answer comes, and keeps the answer's status.
    pub async fn update_firmware(
        &self,
        station_id: &str,
        location: &str,
        retrieve_date: DateTime<Utc>,
        retries: Option<i32>,
        retry_interval: Option<i32>,
    ) -> Result<firmware_update::Model, Refused> {
        let version = self.permit(station_id, false).await?;
        check_location(location, "location")?;
        let retries = non_negative(retries, "retries")?;
        let retry_interval = non_negative(retry_interval, "retryInterval")?;
        let row = firmware_update::ActiveModel {
            id: sea_orm::NotSet,
            station_id: Set(station_id.to_owned()),
            location: Set(location.to_owned()),
            retrieve_date: Set(retrieve_date),
            retries: Set(retries),
            retry_interval: Set(retry_interval),
            requested_by: Set(Some(self.caller.sub.chars().take(255).collect())),
            requested_at: Set(Utc::now()),
            request_id: Set(None),
            status: Set(None),
        };
        if version == Version::V201 {
            let location = v201_text::<512>(location, "location")?;
            let request_id = next_request_id();
            let row = firmware_update::ActiveModel {
                request_id: Set(Some(request_id)),
                ..row
            };
            let created = self.ctx.store.insert(row).await?;
            let command = v201::UpdateFirmwareRequest {
                retries,
                retry_interval,
                request_id,
                firmware: v201::Firmware {
                    location,
                    retrieve_date_time: micros(retrieve_date),
                    install_date_time: None,
                    signing_certificate: None,
                    signature: None,
                    custom_data: None,
                },
                custom_data: None,
            };
            let id = created.id;
            return match self.send(station_id, command).await {
                Ok(answer) => {
                    let changes = firmware_update::ActiveModel {
                        id: Set(id),
                        status: Set(Some(answer.status.as_str().to_owned())),
                        ..Default::default()
                    };
                    Ok(self
                        .ctx
                        .store
                        .write(move |txn| {
                            let changes = changes.clone();
                            Box::pin(async move {
                                firmware_update::Entity::update(changes).exec(txn).await
                            })
                        })
                        .await?)
                }
                Err(refused) => {
                    // The station never took it: no status will follow.
                    let _ = self
                        .ctx
                        .store
                        .write(move |txn| {
                            Box::pin(async move {
                                firmware_update::Entity::delete_by_id(id).exec(txn).await?;
                                Ok(())
                            })
                        })
                        .await;
                    Err(refused)
                }
            };
        }
        let command = UpdateFirmware {
            location: location.to_owned(),
            retries,
            retrieve_date: Timestamp(retrieve_date),
            retry_interval,
        };
        self.send(station_id, command).await?;
        Ok(self.ctx.store.insert(row).await?)
    }

    /// Asks the station to upload its diagnostics to `location`, or, without one, to this
    /// server (which needs `--public-url`). Returns the request with the file name the station
    /// announced. A 2.0.1 station gets GetLog of its DiagnosticsLog with a fresh `requestId`
    /// (kept on the request, with the answer's status; a `Rejected` request's upload address
    /// expires at once).
    pub async fn get_diagnostics(
        &self,
        station_id: &str,
        location: Option<&str>,
        window: (Option<DateTime<Utc>>, Option<DateTime<Utc>>),
        retries: Option<i32>,
        retry_interval: Option<i32>,
    ) -> Result<diagnostics_request::Model, Refused> {
        let version = self.permit(station_id, false).await?;
        let retries = non_negative(retries, "retries")?;
        let retry_interval = non_negative(retry_interval, "retryInterval")?;
        let (start_time, stop_time) = window;
        if let (Some(start), Some(stop)) = (start_time, stop_time)
            && start > stop
        {
            return Err(invalid("stopTime", "must not be before startTime"));
        }
        let (location, token) = match location {
            Some(l) => {
                check_location(l, "location")?;
                (l.to_owned(), None)
            }
            None => {
                let base = self.ctx.settings.public_url.as_deref().ok_or_else(|| {
                    invalid(
                        "location",
                        "give a location, or set CHARGEGATE_PUBLIC_URL so that stations can upload here",
                    )
                })?;
                let token = token()?;
                (
                    format!("{}/diagnostics/{token}", base.trim_end_matches('/')),
                    Some(token),
                )
            }
        };
        // Stored before sending: a fast station may upload before its answer is read here.
        let now = Utc::now();
        let upload_expires_at = token
            .as_ref()
            .map(|_| later(now, self.ctx.settings.limits.upload_ttl.0));
        let row = diagnostics_request::ActiveModel {
            id: sea_orm::NotSet,
            station_id: Set(station_id.to_owned()),
            token: Set(token),
            location: Set(location.clone()),
            start_time: Set(start_time),
            stop_time: Set(stop_time),
            file_name: Set(None),
            requested_by: Set(Some(self.caller.sub.chars().take(255).collect())),
            requested_at: Set(now),
            uploaded_name: Set(None),
            stored_path: Set(None),
            size: Set(None),
            uploaded_at: Set(None),
            upload_expires_at: Set(upload_expires_at),
            request_id: Set(None),
            status: Set(None),
        };
        let v201 = if version == Version::V201 {
            let request_id = next_request_id();
            Some((request_id, v201_text::<512>(&location, "location")?))
        } else {
            None
        };
        let row = diagnostics_request::ActiveModel {
            request_id: Set(v201.as_ref().map(|(r, _)| *r)),
            ..row
        };
        let created = self.ctx.store.insert(row).await?;
        let id = created.id;
        // The file name announced and, from a 2.0.1 station, the answer's status.
        let sent = match v201 {
            Some((request_id, remote_location)) => {
                let command = v201::GetLogRequest {
                    log: v201::LogParameters {
                        remote_location,
                        oldest_timestamp: start_time.map(micros),
                        latest_timestamp: stop_time.map(micros),
                        custom_data: None,
                    },
                    log_type: v201::LogEnum::DiagnosticsLog,
                    request_id,
                    retries,
                    retry_interval,
                    custom_data: None,
                };
                self.send(station_id, command).await.map(|answer| {
                    (
                        answer.filename.map(|f| f.into_string()),
                        Some(answer.status),
                    )
                })
            }
            None => {
                let command = GetDiagnostics {
                    location,
                    retries,
                    retry_interval,
                    start_time: start_time.map(Timestamp),
                    stop_time: stop_time.map(Timestamp),
                };
                self.send(station_id, command)
                    .await
                    .map(|answer| (answer.file_name.map(|f| f.into_string()), None))
            }
        };
        let (file_name, status) = match sent {
            Ok(answer) => answer,
            Err(refused) => {
                // No upload will come for a request the station never took: drop its address.
                let _ = self
                    .ctx
                    .store
                    .write(move |txn| {
                        Box::pin(async move {
                            diagnostics_request::Entity::delete_by_id(id)
                                .exec(txn)
                                .await?;
                            Ok(())
                        })
                    })
                    .await;
                return Err(refused);
            }
        };
        // A request the station rejected takes no upload.
        let rejected = status == Some(v201::LogStatusEnum::Rejected) && created.token.is_some();
        let status = status.map(|s| s.as_str().to_owned());
        Ok(self
            .ctx
            .store
            .write(move |txn| {
                let (file_name, status) = (file_name.clone(), status.clone());
                Box::pin(async move {
                    let mut row: diagnostics_request::ActiveModel =
                        diagnostics_request::Entity::find_by_id(id)
                            .one(txn)
                            .await?
                            .ok_or_else(|| DbErr::RecordNotFound(format!("diagnostics {id}")))?
                            .into();
                    row.file_name = Set(file_name);
                    row.status = Set(status);
                    if rejected {
                        row.upload_expires_at = Set(Some(Utc::now()));
                    }
                    row.update(txn).await
                })
            })
            .await?)
    }
}

/// Which request a 2.0.1 status notification's `requestId` names: one sent for the 1.6-shaped
/// API (`updateFirmware`, `getDiagnostics`), or one of the security extension's
/// (`signedUpdateFirmware`, `getLog`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequestOf {
    /// `firmware_updates` or `diagnostics_requests`.
    Plain,
    /// `signed_firmware_updates` or `log_requests`.
    SecurityExtension,
}

/// The request a 2.0.1 FirmwareStatusNotification's `requestId` names: the station's newest
/// with that id (of either kind; the newer request replaced the older at the station).
pub async fn firmware_request_of(
    ctx: &Context,
    station_id: &str,
    request_id: i32,
) -> Result<Option<RequestOf>, DbErr> {
    let db = ctx.store.reader();
    let plain = firmware_update::Entity::find()
        .select_only()
        .column(firmware_update::Column::RequestedAt)
        .filter(firmware_update::Column::StationId.eq(station_id))
        .filter(firmware_update::Column::RequestId.eq(request_id))
        .order_by_desc(firmware_update::Column::Id)
        .into_tuple::<DateTime<Utc>>()
        .one(db)
        .await?;
    let signed = signed_firmware_update::Entity::find()
        .select_only()
        .column(signed_firmware_update::Column::RequestedAt)
        .filter(signed_firmware_update::Column::StationId.eq(station_id))
        .filter(signed_firmware_update::Column::RequestId.eq(request_id))
        .order_by_desc(signed_firmware_update::Column::Id)
        .into_tuple::<DateTime<Utc>>()
        .one(db)
        .await?;
    Ok(newer(plain, signed))
}

/// The request a 2.0.1 LogStatusNotification's `requestId` names, as
/// [`firmware_request_of`].
pub async fn log_request_of(
    ctx: &Context,
    station_id: &str,
    request_id: i32,
) -> Result<Option<RequestOf>, DbErr> {
    let db = ctx.store.reader();
    let plain = diagnostics_request::Entity::find()
        .select_only()
        .column(diagnostics_request::Column::RequestedAt)
        .filter(diagnostics_request::Column::StationId.eq(station_id))
        .filter(diagnostics_request::Column::RequestId.eq(request_id))
        .order_by_desc(diagnostics_request::Column::Id)
        .into_tuple::<DateTime<Utc>>()
        .one(db)
        .await?;
    let log = log_request::Entity::find()
        .select_only()
        .column(log_request::Column::RequestedAt)
        .filter(log_request::Column::StationId.eq(station_id))
        .filter(log_request::Column::RequestId.eq(request_id))
        .order_by_desc(log_request::Column::Id)
        .into_tuple::<DateTime<Utc>>()
        .one(db)
        .await?;
    Ok(newer(plain, log))
}

fn newer(plain: Option<DateTime<Utc>>, other: Option<DateTime<Utc>>) -> Option<RequestOf> {
    match (plain, other) {
        (Some(p), Some(o)) if p >= o => Some(RequestOf::Plain),
        (Some(_), None) => Some(RequestOf::Plain),
        (_, Some(_)) => Some(RequestOf::SecurityExtension),
        (None, None) => None,
    }
}

/// A 2.0.1 firmware status as the 1.6 status a station shows (`Station.firmwareStatus`); the
/// history keeps the status as sent.
pub fn firmware_status_16(status: v201::FirmwareStatusEnum) -> FirmwareStatus {
    use v201::FirmwareStatusEnum as S;
    match status {
        S::Downloaded | S::SignatureVerified | S::InstallScheduled => FirmwareStatus::Downloaded,
        S::DownloadFailed => FirmwareStatus::DownloadFailed,
        S::Downloading | S::DownloadScheduled | S::DownloadPaused => FirmwareStatus::Downloading,
        S::Idle => FirmwareStatus::Idle,
        S::InstallationFailed | S::InstallVerificationFailed | S::InvalidSignature => {
            FirmwareStatus::InstallationFailed
        }
        S::Installing | S::InstallRebooting => FirmwareStatus::Installing,
        S::Installed => FirmwareStatus::Installed,
    }
}

/// A 2.0.1 log upload status as the 1.6 diagnostics status a station shows
/// (`Station.diagnosticsStatus`); the history keeps the status as sent.
pub fn diagnostics_status_16(status: v201::UploadLogStatusEnum) -> DiagnosticsStatus {
    use v201::UploadLogStatusEnum as S;
    match status {
        S::Idle => DiagnosticsStatus::Idle,
        S::Uploaded => DiagnosticsStatus::Uploaded,
        S::Uploading => DiagnosticsStatus::Uploading,
        S::BadMessage
        | S::NotSupportedOperation
        | S::PermissionDenied
        | S::UploadFailure
        | S::AcceptedCanceled => DiagnosticsStatus::UploadFailed,
    }
}

/// Kinds of status history rows.
pub mod kind {
    pub const FIRMWARE: &str = "Firmware";
    pub const DIAGNOSTICS: &str = "Diagnostics";
}

/// Adds a firmware or diagnostics status notification to the station's history (in the
/// transaction that updates the station row).
pub async fn record_status<C: ConnectionTrait>(
    db: &C,
    station_id: &str,
    kind: &'static str,
    status: &'static str,
    at: DateTime<Utc>,
) -> Result<(), DbErr> {
    status_notification::ActiveModel {
        id: sea_orm::NotSet,
        station_id: Set(station_id.to_owned()),
        kind: Set(kind.to_owned()),
        status: Set(status.to_owned()),
        at: Set(at),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// A station's status history, newest first (`kind`: only firmware or only diagnostics).
pub async fn history(
    ctx: &Context,
    station_id: &str,
    kind: Option<&'static str>,
    limit: u64,
) -> Result<Vec<status_notification::Model>, DbErr> {
    let mut query = status_notification::Entity::find()
        .filter(status_notification::Column::StationId.eq(station_id));
    if let Some(kind) = kind {
        query = query.filter(status_notification::Column::Kind.eq(kind));
    }
    query
        .order_by_desc(status_notification::Column::Id)
        .limit(limit)
        .all(ctx.store.reader())
        .await
}

/// A station's firmware update requests, newest first.
pub async fn updates(
    ctx: &Context,
    station_id: &str,
    limit: u64,
) -> Result<Vec<firmware_update::Model>, DbErr> {
    firmware_update::Entity::find()
        .filter(firmware_update::Column::StationId.eq(station_id))
        .order_by_desc(firmware_update::Column::Id)
        .limit(limit)
        .all(ctx.store.reader())
        .await
}

/// A station's diagnostics requests (with their uploads), newest first.
pub async fn diagnostics(
    ctx: &Context,
    station_id: &str,
    limit: u64,
) -> Result<Vec<diagnostics_request::Model>, DbErr> {
    diagnostics_request::Entity::find()
        .filter(diagnostics_request::Column::StationId.eq(station_id))
        .order_by_desc(diagnostics_request::Column::Id)
        .limit(limit)
        .all(ctx.store.reader())
        .await
}

/// The path (below the API's origin) where staff download an uploaded file.
pub fn download_path(id: i32) -> String {
    format!("/uploads/diagnostics/{id}")
}

/// Keeps `[A-Za-z0-9._-]`, at most 100 characters, no leading dot.
pub fn safe_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._-".contains(c) {
                c
            } else {
                '_'
            }
        })
        .take(100)
        .collect();
    let cleaned = cleaned.trim_start_matches('.').to_owned();
    if cleaned.is_empty() {
        "diagnostics".to_owned()
    } else {
        cleaned
    }
}

/// When a request's upload address stops working.
pub fn upload_expiry(row: &diagnostics_request::Model, ttl: std::time::Duration) -> DateTime<Utc> {
    row.upload_expires_at
        .unwrap_or_else(|| later(row.requested_at, ttl))
}

fn later(at: DateTime<Utc>, by: std::time::Duration) -> DateTime<Utc> {
    chrono::TimeDelta::from_std(by)
        .ok()
        .and_then(|by| at.checked_add_signed(by))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// Whether `segment` is an upload token: 32 hexadecimal digits.
pub fn is_token(segment: &str) -> bool {
    segment.len() == 32 && segment.bytes().all(|b| b.is_ascii_hexdigit())
}

/// `location` with the token of an upload address on this server (`…/diagnostics/{token}`)
/// replaced by `***`, or `None` when it holds none.
pub fn mask_upload_token(location: &str) -> Option<String> {
    const PATH: &str = "/diagnostics/";
    let start = location.rfind(PATH)? + PATH.len();
    let token = location.get(start..start + 32)?;
    let rest = &location[start + 32..];
    (is_token(token) && (rest.is_empty() || rest.starts_with(['/', '?', '#'])))
        .then(|| format!("{}***{rest}", &location[..start]))
}

/// Why an upload address takes no file now.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum UploadRefused {
    /// Not a token, or no request has it.
    #[error("no such upload address")]
    NoSuchAddress,
    /// `--upload-ttl` after the request.
    #[error("this upload address has expired")]
    Expired,
    /// A file was stored for it already.
    #[error("a file was uploaded to this address already")]
    AlreadyUploaded,
    /// The database could not be read.
    #[error("try again later")]
    Unavailable,
}

/// The request an upload address belongs to, if it still takes an upload.
pub async fn upload_target(
    ctx: &Context,
    token: &str,
) -> Result<diagnostics_request::Model, UploadRefused> {
    if !is_token(token) {
        return Err(UploadRefused::NoSuchAddress);
    }
    let row = diagnostics_request::Entity::find()
        .filter(diagnostics_request::Column::Token.eq(token))
        .one(ctx.store.reader())
        .await
        .map_err(|e| {
            tracing::warn!(error = %e, "cannot look up an upload address");
            UploadRefused::Unavailable
        })?
        .ok_or(UploadRefused::NoSuchAddress)?;
    if Utc::now() >= upload_expiry(&row, ctx.settings.limits.upload_ttl.0) {
        return Err(UploadRefused::Expired);
    }
    if row.uploaded_at.is_some() {
        return Err(UploadRefused::AlreadyUploaded);
    }
    Ok(row)
}

/// Why an uploaded file is not given to a caller.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum DownloadRefused {
    /// No such request, or no file stored for it.
    #[error("no uploaded file {0}")]
    NotFound(i32),
    /// Not staff, or the station is outside the caller's scope.
    #[error("uploaded files are for staff with access to the station")]
    Forbidden,
    /// The database could not be read.
    #[error("try again later")]
    Unavailable,
}

/// Where an uploaded file's bytes are.
#[derive(Debug, PartialEq, Eq)]
pub enum StoredFile {
    /// A file below the upload directory (`--upload-store filesystem`).
    Disk(PathBuf),
    /// Chunks in the database (`--upload-store database`), numbered from 0.
    Database { request_id: i32, part: String },
}

/// How `stored_path` marks a file kept in the database: `db:{part}`.
const IN_DATABASE: &str = "db:";

/// The `stored_path` of an upload kept in the database under `part`.
pub fn database_path(part: &str) -> String {
    format!("{IN_DATABASE}{part}")
}

/// Largest piece of a file kept in one database row.
pub const CHUNK_BYTES: usize = 1024 * 1024;

/// Stores one piece of an upload being kept in the database.
pub async fn store_chunk(
    ctx: &Context,
    request_id: i32,
    part: String,
    seq: i32,
    data: std::sync::Arc<Vec<u8>>,
) -> Result<(), crate::store::StoreError> {
    ctx.store
        .write(move |txn| {
            let row = upload_chunk::ActiveModel {
                request_id: Set(request_id),
                part: Set(part.clone()),
                seq: Set(seq),
                data: Set(data.as_ref().clone()),
            };
            Box::pin(async move {
                upload_chunk::Entity::insert(row).exec(txn).await?;
                Ok(())
            })
        })
        .await
}

/// Removes the pieces of `failed` (an upload that failed or lost the race to its address), and
/// of every upload no longer wanted: not the file of its request, and not an upload to an
/// address that still takes one (left by a node that stopped mid-way). Run after every upload
/// kept in the database.
pub async fn tidy_chunks(
    ctx: &Context,
    failed: Option<(i32, String)>,
) -> Result<(), crate::store::StoreError> {
    let ttl = ctx.settings.limits.upload_ttl.0;
    ctx.store
        .write(move |txn| {
            let failed = failed.clone();
            Box::pin(async move {
                if let Some((request_id, part)) = failed {
                    upload_chunk::Entity::delete_many()
                        .filter(upload_chunk::Column::RequestId.eq(request_id))
                        .filter(upload_chunk::Column::Part.eq(part))
                        .exec(txn)
                        .await?;
                }
                // Uploads kept in pieces (each has its piece 0), less those still wanted: the
                // file of their request, or an upload to an address that still takes one.
                let kept: Vec<(i32, String)> = upload_chunk::Entity::find()
                    .select_only()
                    .column(upload_chunk::Column::RequestId)
                    .column(upload_chunk::Column::Part)
                    .filter(upload_chunk::Column::Seq.eq(0))
                    .into_tuple()
                    .all(txn)
                    .await?;
                let requests = diagnostics_request::Entity::find()
                    .filter(diagnostics_request::Column::Id.is_in(kept.iter().map(|(id, _)| *id)))
                    .all(txn)
                    .await?;
                let now = Utc::now();
                for (id, part) in kept {
                    let wanted = requests.iter().any(|r| {
                        r.id == id
                            && (r.stored_path.as_deref() == Some(&database_path(&part))
                                || (r.uploaded_at.is_none() && now < upload_expiry(r, ttl)))
                    });
                    if !wanted {
                        upload_chunk::Entity::delete_many()
                            .filter(upload_chunk::Column::RequestId.eq(id))
                            .filter(upload_chunk::Column::Part.eq(part))
                            .exec(txn)
                            .await?;
                    }
                }
                Ok(())
            })
        })
        .await
}

/// Piece `seq` of an upload kept in the database, `None` past its last.
pub async fn chunk(
    ctx: &Context,
    request_id: i32,
    part: &str,
    seq: i32,
) -> Result<Option<Vec<u8>>, DbErr> {
    Ok(
        upload_chunk::Entity::find_by_id((request_id, part.to_owned(), seq))
            .one(ctx.store.reader())
            .await?
            .map(|row| row.data),
    )
}

/// An uploaded file that `who` may download: where its bytes are and the name to give it.
pub async fn uploaded_file(
    ctx: &Context,
    who: &Principal,
    id: i32,
) -> Result<(StoredFile, String), DownloadRefused> {
    let row = diagnostics_request::Entity::find_by_id(id)
        .one(ctx.store.reader())
        .await
        .map_err(|_| DownloadRefused::Unavailable)?
        .ok_or(DownloadRefused::NotFound(id))?;
    if !who.role.is_staff() || !who.may_access(&row.station_id) {
        return Err(DownloadRefused::Forbidden);
    }
    let path = row
        .stored_path
        .as_deref()
        .ok_or(DownloadRefused::NotFound(id))?;
    let name = safe_name(row.uploaded_name.as_deref().unwrap_or("diagnostics"));
    let stored = match path.strip_prefix(IN_DATABASE) {
        Some(part) => StoredFile::Database {
            request_id: id,
            part: part.to_owned(),
        },
        None => StoredFile::Disk(ctx.settings.upload_dir.join(path)),
    };
    Ok((stored, name))
}

/// Records the upload on its request, unless one was recorded already (another node took an
/// upload to the same address meanwhile): false then.
pub async fn record_upload(
    ctx: &Context,
    id: i32,
    uploaded_name: String,
    stored: String,
    size: u64,
) -> Result<bool, crate::store::StoreError> {
    let changes = diagnostics_request::ActiveModel {
        uploaded_name: Set(Some(uploaded_name.chars().take(255).collect())),
        stored_path: Set(Some(stored)),
        size: Set(Some(i64::try_from(size).unwrap_or(i64::MAX))),
        uploaded_at: Set(Some(Utc::now())),
        ..Default::default()
    };
    let updated = ctx
        .store
        .write(move |txn| {
            let changes = changes.clone();
            Box::pin(async move {
                Ok(diagnostics_request::Entity::update_many()
                    .set(changes)
                    .filter(diagnostics_request::Column::Id.eq(id))
                    .filter(diagnostics_request::Column::UploadedAt.is_null())
                    .exec(txn)
                    .await?
                    .rows_affected)
            })
        })
        .await?;
    Ok(updated > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_must_be_absolute_uris() {
        for ok in [
            "ftp://host/path",
            "https://x.example/up",
            "sftp://u@h:22/d/",
        ] {
            assert!(check_location(ok, "location").is_ok(), "{ok}");
        }
        for bad in ["", "host/path", "://x", "ftp:", "ftp://a b", "1ftp://x"] {
            assert!(check_location(bad, "location").is_err(), "{bad:?}");
        }
        let long = format!("ftp://h/{}", "a".repeat(MAX_LOCATION_LEN));
        assert!(check_location(&long, "location").is_err());
    }

    #[test]
    fn upload_tokens_are_masked_and_nothing_else() {
        let token = "0123456789abcdef0123456789ABCDEF";
        let masked = |l: &str| mask_upload_token(l);
        assert_eq!(
            masked(&format!("https://cg.example/diagnostics/{token}")).as_deref(),
            Some("https://cg.example/diagnostics/***")
        );
        assert_eq!(
            masked(&format!("http://h/base/diagnostics/{token}/name.log")).as_deref(),
            Some("http://h/base/diagnostics/***/name.log")
        );
        for kept in [
            "ftp://logs.example/cp/",
            "https://x/diagnostics/not-a-token",
            &format!("https://x/diagnostics/{token}0"),
            "https://x/diagnostics/",
        ] {
            assert_eq!(masked(kept), None, "{kept}");
        }
    }

    #[test]
    fn stored_names_are_safe() {
        assert_eq!(safe_name("diag-2026.tar.gz"), "diag-2026.tar.gz");
        assert_eq!(safe_name("../../etc/passwd"), "_.._etc_passwd");
        assert_eq!(safe_name("..."), "diagnostics");
        assert_eq!(safe_name("a b/c"), "a_b_c");
        assert_eq!(safe_name(&"x".repeat(300)).len(), 100);
    }
}
