//! Firmware Management: UpdateFirmware and GetDiagnostics on behalf of an operator, the history
//! of firmware and diagnostics status notifications, and the upload endpoint where a station can
//! send its diagnostics file to chargegate itself.
//!
//! Upload addresses are capabilities: GetDiagnostics without a location creates a request row
//! with a random 128-bit token and sends `{public URL}/diagnostics/{token}`. A station uploads
//! with HTTP `PUT` or `POST` there (raw body or `multipart/form-data`, optionally with its file
//! name appended as one more path segment); anything else under `/diagnostics/` is 404. The size
//! limit is `--upload-max-mib`; a larger upload is refused with 413 and leaves nothing on disk.
//! Files are written to a temporary name and renamed when complete, so a listed file is whole.
//! Staff download them at `/uploads/diagnostics/{id}` with their bearer token.

use std::{path::PathBuf, sync::Arc};

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
    app::Context,
    commands::{OnBehalf, Refused, at_least},
    ocpp::{
        outbound::{GetDiagnostics, UpdateFirmware},
        types::Timestamp,
    },
    rest::{Failure, caller},
};

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
        let row = diagnostics_request::ActiveModel {
            id: sea_orm::NotSet,
            station_id: Set(station_id.to_owned()),
            token: Set(token),
            location: Set(location.clone()),
            start_time: Set(start_time),
            stop_time: Set(stop_time),
            file_name: Set(None),
            requested_by: Set(Some(self.caller.sub.chars().take(255).collect())),
            requested_at: Set(Utc::now()),
            uploaded_name: Set(None),
            stored_path: Set(None),
            size: Set(None),
            uploaded_at: Set(None),
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
    Disk(std::io::Error),
}

/// Streams `body` into `file`, refusing more than `limit` bytes.
async fn copy<S, E>(mut body: S, file: &mut tokio::fs::File, limit: u64) -> Result<u64, UploadError>
where
    S: futures_util::Stream<Item = Result<axum::body::Bytes, E>> + Unpin,
{
    let mut size = 0u64;
    while let Some(chunk) = body.next().await {
        let chunk = chunk.map_err(|_| UploadError::Unreadable)?;
        size += chunk.len() as u64;
        if size > limit {
            return Err(UploadError::TooLarge);
        }
        file.write_all(&chunk).await.map_err(UploadError::Disk)?;
    }
    file.flush().await.map_err(UploadError::Disk)?;
    file.sync_all().await.map_err(UploadError::Disk)?;
    Ok(size)
}

async fn receive(
    ctx: Arc<Context>,
    token: String,
    name: Option<String>,
    request: Request,
) -> Response {
    if token.len() != 32 || !token.chars().all(|c| c.is_ascii_hexdigit()) {
        return plain(StatusCode::NOT_FOUND, "no such upload address");
    }
    let row = match diagnostics_request::Entity::find()
        .filter(diagnostics_request::Column::Token.eq(token.as_str()))
        .one(ctx.store.reader())
        .await
    {
        Ok(Some(row)) => row,
        Ok(None) => return plain(StatusCode::NOT_FOUND, "no such upload address"),
        Err(e) => {
            tracing::warn!(error = %e, "cannot look up an upload address");
            return plain(StatusCode::SERVICE_UNAVAILABLE, "try again later");
        }
    };
    let limit = ctx.settings.upload_max_mib.saturating_mul(1024 * 1024);
    let dir = ctx.settings.upload_dir.join(safe_name(&row.station_id));
    if let Err(e) = tokio::fs::create_dir_all(&dir).await {
        tracing::error!(dir = %dir.display(), error = %e, "cannot create the upload directory");
        return plain(StatusCode::INTERNAL_SERVER_ERROR, "cannot store the file");
    }
    // A name of its own per upload: a station retrying while its first upload still runs
    // must not write into the same file.
    let Ok(suffix) = self::token() else {
        return plain(StatusCode::SERVICE_UNAVAILABLE, "try again later");
    };
    let part = dir.join(format!(".{}.{suffix}.part", row.id));
    let mut file = match tokio::fs::File::create(&part).await {
        Ok(f) => f,
        Err(e) => {
            tracing::error!(file = %part.display(), error = %e, "cannot create an upload file");
            return plain(StatusCode::INTERNAL_SERVER_ERROR, "cannot store the file");
        }
    };
    let multipart = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().starts_with("multipart/form-data"));
    let mut name = name;
    let copied = if multipart {
        match Multipart::from_request(request, &()).await {
            Ok(mut form) => loop {
                match form.next_field().await {
                    Ok(Some(field))
                        if field.file_name().is_some() || field.name() == Some("file") =>
                    {
                        if name.is_none() {
                            name = field.file_name().map(str::to_owned);
                        }
                        break copy(field, &mut file, limit).await;
                    }
                    Ok(Some(_)) => continue,
                    Ok(None) => break Err(UploadError::Unreadable),
                    Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                        break Err(UploadError::TooLarge);
                    }
                    Err(_) => break Err(UploadError::Unreadable),
                }
            },
            Err(_) => Err(UploadError::Unreadable),
        }
    } else {
        copy(request.into_body().into_data_stream(), &mut file, limit).await
    };
    drop(file);
    let size = match copied {
        Ok(size) => size,
        Err(e) => {
            let _ = tokio::fs::remove_file(&part).await;
            return match e {
                UploadError::TooLarge => plain(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "the file is larger than this server accepts",
                ),
                UploadError::Unreadable => {
                    plain(StatusCode::BAD_REQUEST, "the upload could not be read")
                }
                UploadError::Disk(e) => {
                    tracing::error!(error = %e, "cannot write an upload");
                    plain(StatusCode::INTERNAL_SERVER_ERROR, "cannot store the file")
                }
            };
        }
    };
    let uploaded_name = name
        .or_else(|| row.file_name.clone())
        .unwrap_or_else(|| "diagnostics".to_owned());
    let stored = format!(
        "{}/{}-{}",
        safe_name(&row.station_id),
        row.id,
        safe_name(&uploaded_name)
    );
    let target: PathBuf = ctx.settings.upload_dir.join(&stored);
    if let Err(e) = tokio::fs::rename(&part, &target).await {
        tracing::error!(error = %e, "cannot move an upload into place");
        let _ = tokio::fs::remove_file(&part).await;
        return plain(StatusCode::INTERNAL_SERVER_ERROR, "cannot store the file");
    }
    let id = row.id;
    let uploaded_name: String = uploaded_name.chars().take(255).collect();
    let size_i64 = i64::try_from(size).unwrap_or(i64::MAX);
    let recorded = ctx
        .store
        .write(move |txn| {
            let (uploaded_name, stored) = (uploaded_name.clone(), stored.clone());
            Box::pin(async move {
                let mut row: diagnostics_request::ActiveModel =
                    diagnostics_request::Entity::find_by_id(id)
                        .one(txn)
                        .await?
                        .ok_or_else(|| DbErr::RecordNotFound(format!("diagnostics {id}")))?
                        .into();
                row.uploaded_name = Set(Some(uploaded_name));
                row.stored_path = Set(Some(stored));
                row.size = Set(Some(size_i64));
                row.uploaded_at = Set(Some(Utc::now()));
                row.update(txn).await
            })
        })
        .await;
    match recorded {
        Ok(_) => {
            tracing::info!(station = %row.station_id, request = id, bytes = size, "diagnostics uploaded");
            plain(StatusCode::CREATED, "stored")
        }
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
    fn stored_names_are_safe() {
        assert_eq!(safe_name("diag-2026.tar.gz"), "diag-2026.tar.gz");
        assert_eq!(safe_name("../../etc/passwd"), "_.._etc_passwd");
        assert_eq!(safe_name("..."), "diagnostics");
        assert_eq!(safe_name("a b/c"), "a_b_c");
        assert_eq!(safe_name(&"x".repeat(300)).len(), 100);
    }
}
