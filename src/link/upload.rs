//! The diagnostics upload endpoint: `/diagnostics/{token}`, where a station sends the file that
//! GetDiagnostics asked for (`use_case::firmware` decides which request an address belongs to
//! and records the upload).
//!
//! A station uploads with HTTP `PUT` or `POST` (raw body or `multipart/form-data`, optionally
//! with its file name appended as one more path segment); anything else under `/diagnostics/`
//! is 404. An address takes one file: once one is stored, further uploads are 409; it expires
//! `--upload-ttl` after the request (410). Uploads to one address are received one at a time
//! (409 while one is under way), at most `--max-uploads` at once on a node (503), and an upload
//! that sends nothing for `--upload-idle-timeout` is ended (408). The size limit is
//! `--upload-max-mib` (413). A failed, refused or abandoned upload leaves nothing on disk and
//! records nothing, so the station's retry can succeed. Files are written to a temporary name
//! and, when complete, renamed (`--upload-store filesystem`) or copied into the database in
//! pieces of 1 MiB (`--upload-store database`, so every node can hand it out), so a listed
//! file is whole.

use std::{future::Future, path::PathBuf, sync::Arc};

use axum::{
    Router,
    extract::{DefaultBodyLimit, FromRequest, Multipart, Path, Request, State},
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
    routing::put,
};
use entity::diagnostics_request;
use futures_util::StreamExt;
use tokio::io::AsyncWriteExt;

use super::state::Busy;
use crate::{
    config::UploadStore,
    context::Context,
    use_case::firmware::{self, UploadRefused, safe_name},
};

/// The upload routes.
pub fn routes(max_mib: u64) -> Router<Arc<Context>> {
    let limit = usize::try_from(max_mib.saturating_mul(1024 * 1024)).unwrap_or(usize::MAX);
    Router::new()
        .route("/diagnostics/{token}", put(upload).post(upload))
        .route(
            "/diagnostics/{token}/{name}",
            put(upload_named).post(upload_named),
        )
        // The body limit is checked while streaming (see `receive`); this one covers the
        // multipart reader, which buffers a little ahead.
        .layer(DefaultBodyLimit::max(limit.saturating_add(64 * 1024)))
}

fn plain(status: StatusCode, message: &'static str) -> Response {
    (status, message).into_response()
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
    firmware::upload_target(ctx, token)
        .await
        .map_err(|refused| match refused {
            UploadRefused::NoSuchAddress => plain(StatusCode::NOT_FOUND, "no such upload address"),
            UploadRefused::Expired => plain(StatusCode::GONE, "this upload address has expired"),
            UploadRefused::AlreadyUploaded => plain(
                StatusCode::CONFLICT,
                "a file was uploaded to this address already",
            ),
            UploadRefused::Unavailable => plain(StatusCode::SERVICE_UNAVAILABLE, "try again later"),
        })
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
        firmware::token().map_err(|_| plain(StatusCode::SERVICE_UNAVAILABLE, "try again later"))?;
    let path = dir.join(format!(".{}.{suffix}.part", row.id));
    match tokio::fs::File::create(&path).await {
        Ok(file) => Ok((Unkept { path, kept: false }, file, suffix)),
        Err(e) => {
            tracing::error!(file = %path.display(), error = %e, "cannot create an upload file");
            Err(cannot_store())
        }
    }
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
    let _receiving = match super::of(&ctx).uploads.start(row.id) {
        Ok(receiving) => receiving,
        Err(busy) => return busy.response(),
    };
    let (part, mut file, suffix) = match part_file(&ctx, &row).await {
        Ok(created) => created,
        Err(response) => return response,
    };
    let read = read_upload(request, &mut file, bounds(&ctx)).await;
    drop(file);
    let (size, form_name) = match read {
        Ok(read) => read,
        Err(e) => return e.response(),
    };
    let uploaded_name = name
        .or(form_name)
        .or_else(|| row.file_name.clone())
        .unwrap_or_else(|| "diagnostics".to_owned());
    keep(&ctx, &row, part, &suffix, uploaded_name, size).await
}

/// How much an upload may send, and how long it may pause, by the settings.
fn bounds(ctx: &Context) -> Bounds {
    Bounds {
        max_bytes: ctx.settings.upload_max_mib.saturating_mul(1024 * 1024),
        idle: ctx.settings.limits.upload_idle_timeout.0,
    }
}

/// Keeps a whole upload where `--upload-store` says and records it on its request: the file is
/// kept only if the record is new.
async fn keep(
    ctx: &Context,
    row: &diagnostics_request::Model,
    part: Unkept,
    suffix: &str,
    uploaded_name: String,
    size: u64,
) -> Response {
    match ctx.settings.upload_store {
        UploadStore::Filesystem => keep_on_disk(ctx, row, part, suffix, uploaded_name, size).await,
        UploadStore::Database => {
            keep_in_database(ctx, row, part, suffix, uploaded_name, size).await
        }
    }
}

fn cannot_record(e: impl std::fmt::Display) -> Response {
    tracing::error!(error = %e, "cannot record an upload");
    plain(StatusCode::SERVICE_UNAVAILABLE, "try again later")
}

fn stored(row: &diagnostics_request::Model, size: u64) -> Response {
    tracing::info!(station = %row.station_id, request = row.id, bytes = size, "diagnostics uploaded");
    plain(StatusCode::CREATED, "stored")
}

fn taken() -> Response {
    plain(
        StatusCode::CONFLICT,
        "a file was uploaded to this address already",
    )
}

/// Moves a whole upload into place under its stored name and records it on its request.
async fn keep_on_disk(
    ctx: &Context,
    row: &diagnostics_request::Model,
    mut part: Unkept,
    suffix: &str,
    uploaded_name: String,
    size: u64,
) -> Response {
    let stored_path = format!(
        "{}/{}-{}-{}",
        safe_name(&row.station_id),
        row.id,
        &suffix[..8],
        safe_name(&uploaded_name)
    );
    if let Err(e) = part
        .rename(ctx.settings.upload_dir.join(&stored_path))
        .await
    {
        tracing::error!(error = %e, "cannot move an upload into place");
        return plain(StatusCode::INTERNAL_SERVER_ERROR, "cannot store the file");
    }
    match firmware::record_upload(ctx, row.id, uploaded_name, stored_path, size).await {
        Ok(true) => {
            part.keep();
            stored(row, size)
        }
        Ok(false) => taken(),
        Err(e) => cannot_record(e),
    }
}

/// Copies a whole upload into the database piece by piece (one piece in memory at a time)
/// and records it on its request; the partial file on disk goes either way. Pieces of an
/// upload that fails or loses the race to its address are removed, and so are those a node
/// left behind when it stopped mid-way (once their address expired).
async fn keep_in_database(
    ctx: &Context,
    row: &diagnostics_request::Model,
    part: Unkept,
    suffix: &str,
    uploaded_name: String,
    size: u64,
) -> Response {
    let copied = copy_to_database(ctx, row.id, &part, suffix).await;
    drop(part);
    let recorded = match copied {
        Ok(()) => {
            firmware::record_upload(
                ctx,
                row.id,
                uploaded_name,
                firmware::database_path(suffix),
                size,
            )
            .await
        }
        Err(e) => Err(e),
    };
    let failed = (!matches!(recorded, Ok(true))).then(|| (row.id, suffix.to_owned()));
    if let Err(e) = firmware::tidy_chunks(ctx, failed).await {
        tracing::warn!(error = %e, request = row.id, "cannot remove the pieces of unwanted uploads");
    }
    match recorded {
        Ok(true) => stored(row, size),
        Ok(false) => taken(),
        Err(e) => cannot_record(e),
    }
}

async fn copy_to_database(
    ctx: &Context,
    request_id: i32,
    part: &Unkept,
    suffix: &str,
) -> Result<(), crate::store::StoreError> {
    use tokio::io::AsyncReadExt;
    let unreadable = |e: std::io::Error| {
        tracing::error!(error = %e, "cannot read back an upload");
        crate::store::StoreError::Database
    };
    let mut file = tokio::fs::File::open(&part.path)
        .await
        .map_err(unreadable)?;
    let mut seq = 0i32;
    loop {
        let mut piece = Vec::with_capacity(firmware::CHUNK_BYTES);
        while piece.len() < firmware::CHUNK_BYTES {
            let want = firmware::CHUNK_BYTES - piece.len();
            let read = (&mut file)
                .take(want as u64)
                .read_to_end(&mut piece)
                .await
                .map_err(unreadable)?;
            if read == 0 {
                break;
            }
        }
        if piece.is_empty() {
            return Ok(());
        }
        let last = piece.len() < firmware::CHUNK_BYTES;
        firmware::store_chunk(ctx, request_id, suffix.to_owned(), seq, Arc::new(piece)).await?;
        if last {
            return Ok(());
        }
        seq += 1;
    }
}
