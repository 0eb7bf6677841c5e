//! The operators' console, the drivers' app and GraphiQL, served from the binary: Vite builds
//! `web/` into `web/dist`, which is embedded here (rust-embed; a debug build reads the folder at
//! run time instead, so a fresh `npm run build` shows without recompiling).
//!
//! - `GET /` and every other path that is neither an API nor a station route and names no file
//!   answer `index.html`: the console routes on the client (`/stations/CP1`, `/transactions`).
//!   `/assets/…` that does not exist is a 404, not the console; other methods get a 405.
//! - `/app` and every path under `/app/` that names no file answer `app.html`: the drivers' app
//!   routes on the client too (`/app/charge/CP1/1`, the link of a charger's QR code). Its files
//!   are `app/manifest.webmanifest` (`application/manifest+json`), its icons and its service
//!   worker `app/sw.js`, whose default scope is `/app/` (no `Service-Worker-Allowed` needed);
//!   like the HTML pages they are `no-cache` with an `ETag`, so a new build reaches phones.
//! - `GET /graphql` answers GraphiQL's page (`graphiql.html`), unless GraphiQL is turned off.
//! - `/assets/*` have hashed names: cached for a year, `immutable`. The other files (the HTML
//!   pages, `favicon.svg`) are `no-cache` with an `ETag` from the file's SHA-256, answered `304`
//!   when the browser's copy is current.
//! - Text files are gzipped for clients that accept it, once per file, the bytes kept.
//! - Every HTML page carries a strict `Content-Security-Policy`: scripts, styles, fonts and
//!   connections only from this origin (`'self'` covers same-origin `ws:`/`wss:`), no plugins,
//!   no framing; plus `nosniff` and `no-referrer`. Nothing is fetched from another origin.

use std::{
    borrow::Cow,
    collections::HashMap,
    io::Write as _,
    sync::{Arc, Mutex, OnceLock},
};

use axum::{
    Router,
    body::Body,
    http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header},
    response::{IntoResponse, Response},
    routing::get,
};
use rust_embed::RustEmbed;

/// `web/dist`, as the last `npm run build` left it. Allowed to be missing (a developer build
/// without the front end): then `/` says how to build it.
#[derive(RustEmbed)]
#[folder = "web/dist/"]
#[allow_missing = true]
struct Dist;

/// The console's policy: everything from this origin only.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
    img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; \
    base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/// GraphiQL's policy: the console's, with two additions for what graphiql 4 does, on this page
/// only. Its stylesheet carries its fonts inline as `data:font/woff2` URLs (it is published that
/// way), so `font-src` allows `data:`. Its dialogs (settings, shortcuts; Radix with
/// react-remove-scroll) add a `<style>` element while open, so `style-src` allows
/// `'unsafe-inline'` (styles only, never scripts; the element's text varies, so no hash fits).
/// Still nothing from another origin.
const GRAPHIQL_CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
    img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; object-src 'none'; \
    base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/// Hashed file names (Vite's `assets/name-HASH.ext`): a new build gives new names.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// Paths that belong to the APIs and the stations: never the console, even when no route of
/// theirs matched (the station endpoint, the GraphQL and REST APIs, diagnostics uploads).
const RESERVED: &[&str] = &[
    "/graphql",
    "/health",
    "/metrics",
    "/ocpp",
    "/api",
    "/uploads",
    "/diagnostics",
];

const NO_CONSOLE: &str = "chargegate's web console is not in this build (web/dist has no \
    index.html).\nBuild it with `cd web && npm ci && npm run build`, then build chargegate \
    again. The GraphQL API is at /graphql.\n";

const NO_APP: &str = "chargegate's drivers' app is not in this build (web/dist has no \
    app.html).\nBuild it with `cd web && npm ci && npm run build`, then build chargegate \
    again. The GraphQL API is at /graphql.\n";

/// The web app manifest's media type (the W3C spec's; file name extension `.webmanifest`).
const MANIFEST: &str = "application/manifest+json";

/// The console: the fallback of every path no other route takes.
pub fn routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
    Router::new().fallback(console)
}

/// GraphiQL's page on `GET /graphql` (a 404 when `enabled` is off). Merge it with the API's
/// routes before their CORS layer, so that `OPTIONS /graphql` still answers the preflight.
pub fn graphiql<S: Clone + Send + Sync + 'static>(enabled: bool) -> Router<S> {
    if enabled {
        Router::new().route("/graphql", get(graphiql_page))
    } else {
        Router::new().route(
            "/graphql",
            get(|| async { (StatusCode::NOT_FOUND, "GraphiQL is turned off") }),
        )
    }
}

/// The embedded files' paths (`index.html`, `assets/console-….js`, …).
pub fn files() -> Vec<String> {
    Dist::iter().map(Cow::into_owned).collect()
}

/// An embedded file's bytes.
pub fn file(path: &str) -> Option<Vec<u8>> {
    Dist::get(path).map(|f| f.data.into_owned())
}

async fn graphiql_page(method: Method, headers: HeaderMap) -> Response {
    match Dist::get("graphiql.html") {
        Some(_) => serve("graphiql.html", &method, &headers),
        None => (
            StatusCode::NOT_FOUND,
            "GraphiQL is not in this build (web/dist has no graphiql.html): build it with \
             `cd web && npm ci && npm run build`, then build chargegate again.\n",
        )
            .into_response(),
    }
}

async fn console(method: Method, uri: Uri, headers: HeaderMap) -> Response {
    let path = uri.path();
    if RESERVED
        .iter()
        .any(|r| path == *r || path.strip_prefix(r).is_some_and(|p| p.starts_with('/')))
    {
        return StatusCode::NOT_FOUND.into_response();
    }
    if method != Method::GET && method != Method::HEAD {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            [(header::ALLOW, HeaderValue::from_static("GET, HEAD"))],
        )
            .into_response();
    }
    let name = path.trim_start_matches('/');
    // GraphiQL's page only at `/graphql` (it may be turned off); no escaping the folder.
    let is_file = !name.is_empty()
        && name != "graphiql.html"
        && !name.split('/').any(|s| s == ".." || s.is_empty())
        && Dist::get(name).is_some();
    if is_file {
        return serve(name, &method, &headers);
    }
    if name.starts_with("assets/") {
        return StatusCode::NOT_FOUND.into_response();
    }
    // The drivers' app: its own page for every path under /app.
    if name == "app" || name.starts_with("app/") {
        if Dist::get("app.html").is_none() {
            return (
                StatusCode::NOT_FOUND,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                NO_APP,
            )
                .into_response();
        }
        return serve("app.html", &method, &headers);
    }
    if Dist::get("index.html").is_none() {
        return (
            StatusCode::NOT_FOUND,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            NO_CONSOLE,
        )
            .into_response();
    }
    serve("index.html", &method, &headers)
}

/// One embedded file, with its caching, encoding and security headers.
fn serve(name: &str, method: &Method, headers: &HeaderMap) -> Response {
    let Some(file) = Dist::get(name) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let hash = file.metadata.sha256_hash();
    let mime = if name.ends_with(".webmanifest") {
        MANIFEST.to_owned()
    } else {
        file.metadata.mimetype().to_owned()
    };
    let gzip_etag = etag_of(&hash, true);
    let etag = etag_of(&hash, false);
    let compressible = is_text(&mime);
    let hashed = name.starts_with("assets/");

    let mut response = Response::builder();
    let out = response.headers_mut().expect("a fresh builder");
    out.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if hashed { IMMUTABLE } else { "no-cache" }),
    );
    out.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    out.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    // The service worker runs under the policy of its own script's response: the same one.
    if mime.starts_with("text/html") || name == "app/sw.js" {
        let csp = if name == "graphiql.html" {
            GRAPHIQL_CSP
        } else {
            CSP
        };
        out.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(csp),
        );
    }
    if compressible {
        out.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    }

    if headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|t| t.trim().trim_start_matches("W/"))
        .any(|t| t == "*" || t == etag || t == gzip_etag)
    {
        let tag = if compressible && accepts_gzip(headers) {
            &gzip_etag
        } else {
            &etag
        };
        if let Ok(tag) = HeaderValue::from_str(tag) {
            out.insert(header::ETAG, tag);
        }
        return response
            .status(StatusCode::NOT_MODIFIED)
            .body(Body::empty())
            .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response());
    }

    let content_type = if mime.starts_with("text/") || mime == "application/javascript" {
        format!("{mime}; charset=utf-8")
    } else {
        mime
    };
    if let Ok(value) = HeaderValue::from_str(&content_type) {
        out.insert(header::CONTENT_TYPE, value);
    }
    let gzip = if compressible && accepts_gzip(headers) {
        gzipped(name, &hash, &file.data)
    } else {
        None
    };
    let (body, length, tag) = match gzip {
        Some(bytes) => {
            out.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
            let length = bytes.len();
            (Body::from(bytes_of(bytes)), length, &gzip_etag)
        }
        None => {
            let length = file.data.len();
            (Body::from(file.data), length, &etag)
        }
    };
    if let Ok(tag) = HeaderValue::from_str(tag) {
        out.insert(header::ETAG, tag);
    }
    out.insert(header::CONTENT_LENGTH, HeaderValue::from(length));
    let body = if method == Method::HEAD {
        Body::empty()
    } else {
        body
    };
    response
        .status(StatusCode::OK)
        .body(body)
        .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

/// A strong ETag from the file's SHA-256; the gzipped bytes are another representation, so
/// they get their own.
fn etag_of(hash: &[u8; 32], gzip: bool) -> String {
    let hex: String = hash[..16].iter().map(|b| format!("{b:02x}")).collect();
    if gzip {
        format!("\"{hex}-gz\"")
    } else {
        format!("\"{hex}\"")
    }
}

fn is_text(mime: &str) -> bool {
    mime.starts_with("text/")
        || matches!(
            mime,
            "application/javascript"
                | "application/json"
                | "image/svg+xml"
                | "application/xml"
                | MANIFEST
        )
}

/// Whether `Accept-Encoding` lists gzip (or `*`) without `q=0`.
fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|item| {
            let mut parts = item.split(';');
            let coding = parts.next().unwrap_or("").trim();
            let refused = parts.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            (coding.eq_ignore_ascii_case("gzip") || coding == "*") && !refused
        })
}

/// The gzipped bytes of a file, compressed on first request and kept (keyed by content hash,
/// so a debug build that reads a rebuilt `web/dist` does not serve stale bytes); `None` when
/// gzip would not make it smaller.
fn gzipped(name: &str, hash: &[u8; 32], data: &[u8]) -> Option<Arc<[u8]>> {
    type Kept = HashMap<String, ([u8; 32], Option<Arc<[u8]>>)>;
    static KEPT: OnceLock<Mutex<Kept>> = OnceLock::new();
    let kept = KEPT.get_or_init(Default::default);
    if let Some((h, bytes)) = kept.lock().ok()?.get(name)
        && h == hash
    {
        return bytes.clone();
    }
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(data).ok()?;
    let bytes = encoder.finish().ok()?;
    let bytes: Option<Arc<[u8]>> = (bytes.len() < data.len()).then(|| Arc::from(bytes));
    kept.lock()
        .ok()?
        .insert(name.to_owned(), (*hash, bytes.clone()));
    bytes
}

/// The body's bytes without copying what is kept.
fn bytes_of(data: Arc<[u8]>) -> axum::body::Bytes {
    axum::body::Bytes::from_owner(ArcBytes(data))
}

struct ArcBytes(Arc<[u8]>);

impl AsRef<[u8]> for ArcBytes {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}
