//! The OCPP-J endpoint `/ocpp/{chargePointId}`: checks the charge point id and the handshake
//! before upgrading (400 for a bad id, 404 for an unknown station under the reject policy,
//! the station's credentials in `authentication`, 503 when those checks outlast
//! `--upgrade-timeout`), agrees to subprotocol `ocpp2.0.1` or `ocpp1.6` (the first of those the
//! station offers, in its order), and hands the socket to a session.

use std::{net::SocketAddr, sync::Arc};

use axum::{
    Extension, Router,
    extract::{
        ConnectInfo, State,
        ws::{WebSocketUpgrade, rejection::WebSocketUpgradeRejection},
    },
    http::{HeaderMap, StatusCode, Uri, header},
    response::{IntoResponse, Response},
    routing::any,
};
use tracing::info;

use ocpp::rpc::Version;

use super::{authentication, session};
use crate::{context::Context, metrics::Handshake, serve::TlsPeer, use_case::station};

/// The subprotocol agreed with a station: the first one it offers (RFC 6455 §4.1: in its order
/// of preference; several may share a header line or come in several lines) that names an OCPP
/// version served here. `None`: the session closes after the handshake (OCPP-J §3.2).
pub fn chosen_version(headers: &HeaderMap) -> Option<Version> {
    headers
        .get_all(header::SEC_WEBSOCKET_PROTOCOL)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .find_map(|p| Version::from_subprotocol(p.trim()))
}
/// Per-connection WebSocket buffers: small, so that an idle station costs little memory. The
/// read buffer is allocated with the connection; 2 KiB holds a MeterValues of several
/// measurands, longer frames are read in more than one piece (measured: the same messages/s as
/// with 4 KiB, 2 KiB less per idle station; bench/HISTORY.md, run 4).
///
/// The read buffer grows to hold a whole frame and keeps that capacity afterwards, so
/// `--max-message-size` (default 256 KiB) bounds what a connection keeps after its largest
/// message; a longer message closes the connection (1009, see `session`).
const READ_BUFFER: usize = 2 * 1024;
const WRITE_BUFFER: usize = 0;

/// Routes of the OCPP endpoint.
pub fn routes() -> Router<Arc<Context>> {
    Router::new()
        .route("/ocpp", any(missing_id))
        .route("/ocpp/", any(missing_id))
        .route("/ocpp/{*station}", any(handshake))
}

async fn missing_id(State(ctx): State<Arc<Context>>) -> Response {
    ctx.metrics.handshake(Handshake::BadRequest).inc();
    (
        StatusCode::BAD_REQUEST,
        "the URL must end with /ocpp/{chargePointId}",
    )
        .into_response()
}

/// Decodes the charge point id from the raw path segment after `/ocpp/`.
pub fn station_id(raw: &str) -> Result<String, &'static str> {
    let id = percent_encoding::percent_decode_str(raw)
        .decode_utf8()
        .map_err(|_| "the charge point id is not valid UTF-8")?;
    station::check_id(&id)?;
    Ok(id.into_owned())
}

/// The handshake, counted by its outcome.
async fn handshake(
    State(ctx): State<Arc<Context>>,
    peer: ConnectInfo<SocketAddr>,
    tls: Option<Extension<TlsPeer>>,
    headers: HeaderMap,
    uri: Uri,
    upgrade: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Response {
    let response = checked_handshake(ctx.clone(), peer, tls, headers, uri, upgrade).await;
    let outcome = Handshake::of_status(response.status().as_u16());
    ctx.metrics.handshake(outcome).inc();
    response
}

async fn checked_handshake(
    ctx: Arc<Context>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    tls: Option<Extension<TlsPeer>>,
    headers: HeaderMap,
    uri: Uri,
    upgrade: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Response {
    let raw = uri.path().strip_prefix("/ocpp/").unwrap_or_default();
    let id = match station_id(raw) {
        Ok(id) => id,
        Err(reason) => {
            info!(path = %uri.path(), reason, "handshake refused");
            return (StatusCode::BAD_REQUEST, reason).into_response();
        }
    };
    let upgrade = match upgrade {
        Ok(upgrade) => upgrade,
        Err(rejection) => return rejection.into_response(),
    };
    let tls = tls.map(|Extension(peer)| peer);
    // The checks must end within the upgrade timeout (a stalled database must not hold the
    // socket): past it, 503 as when they cannot be made.
    let checks = authentication::admit(&ctx, &id, &headers, peer, tls.as_ref());
    let limit = ctx.settings.limits.upgrade_timeout.0;
    match tokio::time::timeout(limit, checks).await {
        Ok(Ok(())) => {}
        Ok(Err(refusal)) => {
            if let Some(detail) = refusal.summary() {
                ctx.refused_handshakes.record(&id, detail);
            }
            return refusal.into_response();
        }
        Err(_) => {
            tracing::warn!(station = %id, "handshake refused: its checks took longer than the upgrade timeout");
            ctx.refused_handshakes
                .record(&id, "503 the checks took too long".into());
            return authentication::Refusal::Unavailable.into_response();
        }
    }
    let station: Arc<str> = id.into();
    let version = chosen_version(&headers);
    let max_message = ctx.settings.limits.max_message_size.bytes();
    upgrade
        .read_buffer_size(READ_BUFFER)
        .write_buffer_size(WRITE_BUFFER)
        .max_message_size(max_message)
        .max_frame_size(max_message)
        .protocols(version.map(Version::subprotocol))
        .on_upgrade(move |socket| session::run(ctx, station, socket))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stations_first_known_subprotocol_is_chosen() {
        let offered = |lines: &[&str]| {
            let mut headers = HeaderMap::new();
            for line in lines {
                headers.append(header::SEC_WEBSOCKET_PROTOCOL, line.parse().unwrap());
            }
            chosen_version(&headers)
        };
        assert_eq!(offered(&["ocpp2.0.1, ocpp1.6"]), Some(Version::V201));
        assert_eq!(offered(&["ocpp1.6,ocpp2.0.1"]), Some(Version::V16));
        assert_eq!(offered(&["ocpp2.1", "ocpp2.0.1"]), Some(Version::V201));
        assert_eq!(offered(&["ocpp1.5, ocpp2.0"]), None);
        assert_eq!(offered(&[]), None);
    }

    #[test]
    fn ids_are_percent_decoded_and_checked() {
        assert_eq!(station_id("CP001").as_deref(), Ok("CP001"));
        assert_eq!(station_id("RDAM%20123").as_deref(), Ok("RDAM 123"));
        assert_eq!(station_id("caf%C3%A9").as_deref(), Ok("café"));
        assert_eq!(station_id(&"x".repeat(48)).map(|s| s.len()), Ok(48));
        assert!(station_id("").is_err());
        assert!(station_id(&"x".repeat(49)).is_err());
        assert!(station_id("a%2Fb").is_err());
        assert!(station_id("a/b").is_err());
        assert!(station_id("%FF").is_err());
        assert!(station_id("a%0Ab").is_err());
    }
}
