//! Firmware Management: UpdateFirmware and GetDiagnostics on behalf of an operator, the history
//! of firmware and diagnostics status notifications, and the upload endpoint where a station can
//! send its diagnostics file to chargegate itself.
//!
//! Upload addresses are capabilities: GetDiagnostics without a location creates a request row
//! with a random 128-bit token and sends `{public URL}/diagnostics/{token}`. A station uploads
//! with HTTP `PUT` or `POST` there (raw body or `multipart/form-data`, optionally with its file
//! name appended as one more path segment); anything else under `/diagnostics/` is 404. An
//! address takes one file: once one is stored, further uploads are 409; it expires
//! `--upload-ttl` after the request (410). Uploads to one address are received one at a time
//! (409 while one is under way), at most `--max-uploads` at once on a node (503), and an upload
//! that sends nothing for `--upload-idle-timeout` is ended (408). The size limit is
//! `--upload-max-mib` (413). A failed, refused or abandoned upload leaves nothing on disk and
//! records nothing, so the station's retry can succeed. Files are written to a temporary name
//! and renamed when complete, so a listed file is whole. The token never leaves chargegate
//! except to the station: the journal and the API show the address as `…/diagnostics/***`.
//! Staff download files at `/uploads/diagnostics/{id}` with their bearer token.

use std::{
    collections::HashSet,
    future::Future,
    path::PathBuf,
    sync::{Arc, Mutex},
};

use axum::{
    Router,
    body::Body,
    extract::{DefaultBodyLimit, FromRequest, Multipart, Path, Request, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
    routing::{get, put},
};
use chrono::{DateTime, Utc};
use entity::{diagnostics_request, firmware_update, status_notification};
use futures_util::StreamExt;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use tokio::io::AsyncWriteExt;

use crate::{
    context::Context,
    rest::{Failure, caller},
    use_case::command::{OnBehalf, Refused, at_least},
};
use ocpp::v16::{GetDiagnostics, Timestamp, UpdateFirmware};

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

/// 128 random bits as hex.
fn token() -> Result<String, Refused> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|_| Refused::Store)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

impl OnBehalf<'_> {
    /// Asks the station to download and install firmware from `location` after
    /// `retrieve_date`; the request is recorded once the station has answered.
    pub async fn update_firmware(
        &self,
        station_id: &str,
        location: &str,
        retrieve_date: DateTime<Utc>,
        retries: Option<i32>,
        retry_interval: Option<i32>,
    ) -> Result<firmware_update::Model, Refused> {
        self.permit(station_id, false).await?;
        check_location(location, "location")?;
        let retries = non_negative(retries, "retries")?;
        let retry_interval = non_negative(retry_interval, "retryInterval")?;
        let command = UpdateFirmware {
            location: location.to_owned(),
            retries,
            retrieve_date: Timestamp(retrieve_date),
            retry_interval,
        };
        self.send(station_id, command).await?;
        let row = firmware_update::ActiveModel {
            id: sea_orm::NotSet,
            station_id: Set(station_id.to_owned()),
            location: Set(location.to_owned()),
            retrieve_date: Set(retrieve_date),
            retries: Set(retries),
            retry_interval: Set(retry_interval),
            requested_by: Set(Some(self.caller.sub.chars().take(255).collect())),
            requested_at: Set(Utc::now()),
        };
        Ok(self.ctx.store.insert(row).await?)
    }

    /// Asks the station to upload its diagnostics to `location`, or, without one, to this
    /// server (which needs `--public-url`). Returns the request with the file name the station
    /// announced.
    pub async fn get_diagnostics(
        &self,
        station_id: &str,
        location: Option<&str>,
        window: (Option<DateTime<Utc>>, Option<DateTime<Utc>>),
        retries: Option<i32>,
        retry_interval: Option<i32>,
    ) -> Result<diagnostics_request::Model, Refused> {
        self.permit(station_id, false).await?;
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
        };
        let created = self.ctx.store.insert(row).await?;
        let command = GetDiagnostics {
            location,
            retries,
            retry_interval,
            start_time: start_time.map(Timestamp),
            stop_time: stop_time.map(Timestamp),
        };
        let id = created.id;
        let answer = match self.send(station_id, command).await {
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
        let file_name = answer.file_name.map(|f| f.into_string());
        Ok(self
            .ctx
            .store
            .write(move |txn| {
                let file_name = file_name.clone();
                Box::pin(async move {
                    let mut row: diagnostics_request::ActiveModel =
                        diagnostics_request::Entity::find_by_id(id)
                            .one(txn)
                            .await?
                            .ok_or_else(|| DbErr::RecordNotFound(format!("diagnostics {id}")))?
                            .into();
                    row.file_name = Set(file_name);
                    row.update(txn).await
                })
            })
            .await?)
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

/// The upload and download routes.
pub fn routes(max_mib: u64) -> Router<Arc<Context>> {
    let limit = usize::try_from(max_mib.saturating_mul(1024 * 1024)).unwrap_or(usize::MAX);
    Router::new()
        .route("/diagnostics/{token}", put(upload).post(upload))
        .route(
            "/diagnostics/{token}/{name}",
            put(upload_named).post(upload_named),
        )
        .route("/uploads/diagnostics/{id}", get(download))
        // The body limit is checked while streaming (see `receive`); this one covers the
        // multipart reader, which buffers a little ahead.
        .layer(DefaultBodyLimit::max(limit.saturating_add(64 * 1024)))
}

/// Keeps `[A-Za-z0-9._-]`, at most 100 characters, no leading dot.
fn safe_name(name: &str) -> String {
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

fn plain(status: StatusCode, message: &'static str) -> Response {
    (status, message).into_response()
}

/// The diagnostics uploads this node is receiving: one at a time per request, and at most
/// `--max-uploads` in all, so the partial files on disk stay within `--max-uploads` ×
/// `--upload-max-mib`.
#[derive(Debug)]
pub struct Uploads {
    max: usize,
    receiving: Mutex<HashSet<i32>>,
}

/// Why an upload cannot start now.
enum Busy {
    /// Another upload to the same address is under way.
    ThisRequest,
    /// `--max-uploads` are under way.
    Full,
}

/// A request's upload under way; ends (freeing its place) when dropped.
struct Receiving<'a> {
    uploads: &'a Uploads,
    id: i32,
}

impl Drop for Receiving<'_> {
    fn drop(&mut self) {
        self.uploads.lock().remove(&self.id);
    }
}

impl Uploads {
    pub fn new(max: usize) -> Self {
        Self {
            max,
            receiving: Mutex::new(HashSet::new()),
        }
    }

    /// How many uploads this node is receiving now.
    pub fn receiving(&self) -> usize {
        self.lock().len()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashSet<i32>> {
        self.receiving.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn start(&self, id: i32) -> Result<Receiving<'_>, Busy> {
        let mut receiving = self.lock();
        if receiving.contains(&id) {
            return Err(Busy::ThisRequest);
        }
        if receiving.len() >= self.max {
            return Err(Busy::Full);
        }
        receiving.insert(id);
        Ok(Receiving { uploads: self, id })
    }
}

impl Busy {
    fn response(&self) -> Response {
        match self {
            Self::ThisRequest => plain(
                StatusCode::CONFLICT,
                "an upload to this address is under way; try again later",
            ),
            Self::Full => {
                let mut response = plain(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "too many uploads at once; try again later",
                );
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
                response
            }
        }
    }
}

/// A file on disk that is removed when dropped, unless kept: a failed, refused or abandoned
/// upload leaves nothing behind.
struct Unkept {
    path: PathBuf,
    kept: bool,
}

impl Unkept {
    /// Moves the file to `target` (still removed unless kept).
    async fn rename(&mut self, target: PathBuf) -> std::io::Result<()> {
        tokio::fs::rename(&self.path, &target).await?;
        self.path = target;
        Ok(())
    }

    fn keep(mut self) {
        self.kept = true;
    }
}

impl Drop for Unkept {
    fn drop(&mut self) {
        if !self.kept {
            let _ = std::fs::remove_file(&self.path);
        }
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
fn is_token(segment: &str) -> bool {
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

async fn upload(
    State(ctx): State<Arc<Context>>,
    Path(token): Path<String>,
    request: Request,
) -> Response {
    receive(ctx, token, None, request).await
}

async fn upload_named(
    State(ctx): State<Arc<Context>>,
    Path((token, name)): Path<(String, String)>,
    request: Request,
) -> Response {
    receive(ctx, token, Some(name), request).await
}

/// Why an upload failed.
enum UploadError {
    TooLarge,
    Unreadable,
    Stalled,
    Disk(std::io::Error),
}

impl UploadError {
    fn response(self) -> Response {
        match self {
            Self::TooLarge => plain(
                StatusCode::PAYLOAD_TOO_LARGE,
                "the file is larger than this server accepts",
            ),
            Self::Unreadable => plain(StatusCode::BAD_REQUEST, "the upload could not be read"),
            Self::Stalled => plain(
                StatusCode::REQUEST_TIMEOUT,
                "the upload sent nothing for too long",
            ),
            Self::Disk(e) => {
                tracing::error!(error = %e, "cannot write an upload");
                plain(StatusCode::INTERNAL_SERVER_ERROR, "cannot store the file")
            }
        }
    }
}

/// How much an upload may send, and how long it may pause.
#[derive(Clone, Copy)]
struct Bounds {
    max_bytes: u64,
    idle: std::time::Duration,
}

/// Waits for `next` at most the idle time.
async fn within<T>(bounds: Bounds, next: impl Future<Output = T>) -> Result<T, UploadError> {
    tokio::time::timeout(bounds.idle, next)
        .await
        .map_err(|_| UploadError::Stalled)
}

/// Streams `body` into `file`, refusing more than the bound and a body that stalls.
async fn copy<S, E>(
    mut body: S,
    file: &mut tokio::fs::File,
    bounds: Bounds,
) -> Result<u64, UploadError>
where
    S: futures_util::Stream<Item = Result<axum::body::Bytes, E>> + Unpin,
{
    let mut size = 0u64;
    while let Some(chunk) = within(bounds, body.next()).await? {
        let chunk = chunk.map_err(|_| UploadError::Unreadable)?;
        size += chunk.len() as u64;
        if size > bounds.max_bytes {
            return Err(UploadError::TooLarge);
        }
        file.write_all(&chunk).await.map_err(UploadError::Disk)?;
    }
    file.flush().await.map_err(UploadError::Disk)?;
    file.sync_all().await.map_err(UploadError::Disk)?;
    Ok(size)
}

/// Reads the upload (a raw body, or the file of a `multipart/form-data` form) into `file`;
/// returns its size and the file name the form gave, if any.
async fn read_upload(
    request: Request,
    file: &mut tokio::fs::File,
    bounds: Bounds,
) -> Result<(u64, Option<String>), UploadError> {
    let multipart = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().starts_with("multipart/form-data"));
    if !multipart {
        let size = copy(request.into_body().into_data_stream(), file, bounds).await?;
        return Ok((size, None));
    }
    let mut form = Multipart::from_request(request, &())
        .await
        .map_err(|_| UploadError::Unreadable)?;
    loop {
        match within(bounds, form.next_field()).await? {
            Ok(Some(field)) if field.file_name().is_some() || field.name() == Some("file") => {
                let name = field.file_name().map(str::to_owned);
                return Ok((copy(field, file, bounds).await?, name));
            }
            Ok(Some(_)) => continue,
            Ok(None) => return Err(UploadError::Unreadable),
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Err(UploadError::TooLarge);
            }
            Err(_) => return Err(UploadError::Unreadable),
        }
    }
}

/// The request an upload address belongs to, if it still takes an upload: 404 for no such
/// address, 410 once it expired, 409 once a file was uploaded to it.
async fn open_request(ctx: &Context, token: &str) -> Result<diagnostics_request::Model, Response> {
    if !is_token(token) {
        return Err(plain(StatusCode::NOT_FOUND, "no such upload address"));
    }
    let row = diagnostics_request::Entity::find()
        .filter(diagnostics_request::Column::Token.eq(token))
        .one(ctx.store.reader())
        .await
        .map_err(|e| {
            tracing::warn!(error = %e, "cannot look up an upload address");
            plain(StatusCode::SERVICE_UNAVAILABLE, "try again later")
        })?
        .ok_or_else(|| plain(StatusCode::NOT_FOUND, "no such upload address"))?;
    if Utc::now() >= upload_expiry(&row, ctx.settings.limits.upload_ttl.0) {
        return Err(plain(StatusCode::GONE, "this upload address has expired"));
    }
    if row.uploaded_at.is_some() {
        return Err(plain(
            StatusCode::CONFLICT,
            "a file was uploaded to this address already",
        ));
    }
    Ok(row)
}

/// A new partial file in the station's upload directory, with a name of its own per upload
/// (a random suffix, also returned).
async fn part_file(
    ctx: &Context,
    row: &diagnostics_request::Model,
) -> Result<(Unkept, tokio::fs::File, String), Response> {
    let cannot_store = || plain(StatusCode::INTERNAL_SERVER_ERROR, "cannot store the file");
    let dir = ctx.settings.upload_dir.join(safe_name(&row.station_id));
    if let Err(e) = tokio::fs::create_dir_all(&dir).await {
        tracing::error!(dir = %dir.display(), error = %e, "cannot create the upload directory");
        return Err(cannot_store());
    }
    let suffix =
        self::token().map_err(|_| plain(StatusCode::SERVICE_UNAVAILABLE, "try again later"))?;
    let path = dir.join(format!(".{}.{suffix}.part", row.id));
    match tokio::fs::File::create(&path).await {
        Ok(file) => Ok((Unkept { path, kept: false }, file, suffix)),
        Err(e) => {
            tracing::error!(file = %path.display(), error = %e, "cannot create an upload file");
            Err(cannot_store())
        }
    }
}

/// Records the upload on its request, unless one was recorded already (another node took an
/// upload to the same address meanwhile): false then.
async fn record(
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

/// One upload: to a request that still takes one, one at a time, streamed to a partial file
/// that is moved into place and recorded when whole; a second upload, or one that loses a
/// race with another node, leaves nothing behind.
async fn receive(
    ctx: Arc<Context>,
    token: String,
    name: Option<String>,
    request: Request,
) -> Response {
    let row = match open_request(&ctx, &token).await {
        Ok(row) => row,
        Err(response) => return response,
    };
    let _receiving = match crate::link::of(&ctx).uploads.start(row.id) {
        Ok(receiving) => receiving,
        Err(busy) => return busy.response(),
    };
    let (mut part, mut file, suffix) = match part_file(&ctx, &row).await {
        Ok(created) => created,
        Err(response) => return response,
    };
    let bounds = Bounds {
        max_bytes: ctx.settings.upload_max_mib.saturating_mul(1024 * 1024),
        idle: ctx.settings.limits.upload_idle_timeout.0,
    };
    let read = read_upload(request, &mut file, bounds).await;
    drop(file);
    let (size, form_name) = match read {
        Ok(read) => read,
        Err(e) => return e.response(),
    };
    let uploaded_name = name
        .or(form_name)
        .or_else(|| row.file_name.clone())
        .unwrap_or_else(|| "diagnostics".to_owned());
    let stored = format!(
        "{}/{}-{}-{}",
        safe_name(&row.station_id),
        row.id,
        &suffix[..8],
        safe_name(&uploaded_name)
    );
    if let Err(e) = part.rename(ctx.settings.upload_dir.join(&stored)).await {
        tracing::error!(error = %e, "cannot move an upload into place");
        return plain(StatusCode::INTERNAL_SERVER_ERROR, "cannot store the file");
    }
    match record(&ctx, row.id, uploaded_name, stored, size).await {
        Ok(true) => {
            part.keep();
            tracing::info!(station = %row.station_id, request = row.id, bytes = size, "diagnostics uploaded");
            plain(StatusCode::CREATED, "stored")
        }
        Ok(false) => plain(
            StatusCode::CONFLICT,
            "a file was uploaded to this address already",
        ),
        Err(e) => {
            tracing::error!(error = %e, "cannot record an upload");
            plain(StatusCode::SERVICE_UNAVAILABLE, "try again later")
        }
    }
}

/// Staff with access to the station download an uploaded file.
async fn download(
    State(ctx): State<Arc<Context>>,
    Path(id): Path<i32>,
    headers: HeaderMap,
) -> Result<Response, Failure> {
    let who = caller(&ctx, &headers)?;
    let not_found = || {
        Failure::new(
            StatusCode::NOT_FOUND,
            "NOT_FOUND",
            format!("no uploaded file {id}"),
        )
    };
    let row = diagnostics_request::Entity::find_by_id(id)
        .one(ctx.store.reader())
        .await
        .map_err(|_| {
            Failure::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "INTERNAL",
                "try again later",
            )
        })?
        .ok_or_else(not_found)?;
    if !who.role.is_staff() || !who.may_access(&row.station_id) {
        return Err(Failure::new(
            StatusCode::FORBIDDEN,
            "FORBIDDEN",
            "uploaded files are for staff with access to the station",
        ));
    }
    let path = row.stored_path.as_deref().ok_or_else(not_found)?;
    let file = tokio::fs::File::open(ctx.settings.upload_dir.join(path))
        .await
        .map_err(|_| not_found())?;
    let body = Body::from_stream(tokio_util::io::ReaderStream::new(file));
    let disposition = format!(
        "attachment; filename=\"{}\"",
        safe_name(row.uploaded_name.as_deref().unwrap_or("diagnostics"))
    );
    let mut response = Response::new(body);
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
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
