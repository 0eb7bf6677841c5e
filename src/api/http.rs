//! The API's HTTP routes: `POST /graphql` (bodies and batches limited), subscriptions on `/graphql/ws` (`graphql-transport-ws` and the legacy
//! `graphql-ws`, see `ws.rs`), and `GET /health`. Bearer tokens come from the `Authorization`
//! header, or from the `connection_init` payload for subscriptions. GraphiQL, on `GET /graphql`,
//! is a page of the web console's build (`crate::web`).

use std::{net::SocketAddr, sync::Arc};

use async_graphql::{BatchRequest, http::ALL_WEBSOCKET_PROTOCOLS};
use async_graphql_axum::GraphQLResponse;
use axum::{
    Extension, Json, Router,
    body::Body,
    extract::{ConnectInfo, State, WebSocketUpgrade},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    response::{IntoResponse, Response},
    routing::{any, get, post},
};
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::serve::body::{self, BodyError};

use super::{
    ChargegateSchema,
    account::ClientAddr,
    build_schema,
    guard::Auth,
    limits::{SelectionBudget, coded},
    ws::{self, ApiSockets, Connection},
};
use crate::context::Context;

/// The API routes, with the schema of `ctx`.
pub fn routes(ctx: Arc<Context>) -> Router<Arc<Context>> {
    let schema = build_schema(ctx);
    Router::new()
        .route("/graphql", post(graphql))
        .route("/graphql/ws", any(subscriptions))
        .route("/health", get(health))
        .layer(Extension(schema))
        .layer(Extension(Arc::new(ApiSockets::default())))
}

/// The CORS policy for browser clients of the HTTP APIs: only the configured origins; none
/// when the list is empty.
pub fn cors(origins: &[String]) -> Option<CorsLayer> {
    let origins: Vec<HeaderValue> = origins
        .iter()
        .filter_map(|o| HeaderValue::from_str(o.trim()).ok())
        .collect();
    (!origins.is_empty()).then(|| {
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(origins))
            .allow_methods([Method::GET, Method::POST])
            .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE])
    })
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
}

/// A GraphQL-shaped error answer with an HTTP status.
fn refusal(status: StatusCode, code: &str, message: String) -> Response {
    let mut response = GraphQLResponse::from(async_graphql::Response::from_errors(vec![coded(
        code, message,
    )]))
    .into_response();
    *response.status_mut() = status;
    response
}

impl IntoResponse for BodyError {
    fn into_response(self) -> Response {
        refusal(self.status(), self.code(), self.message())
    }
}

async fn graphql(
    State(ctx): State<Arc<Context>>,
    Extension(schema): Extension<ChargegateSchema>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    request: Body,
) -> Response {
    let limits = &ctx.settings.limits;
    let batch = match body::graphql_batch(&headers, request, limits).await {
        Ok(batch) => batch,
        Err(refused) => return refused.into_response(),
    };
    let limit = ctx.settings.query_batch_limit;
    if let BatchRequest::Batch(requests) = &batch
        && requests.len() > limit
    {
        let message = format!("a batch may hold at most {limit} operations");
        return GraphQLResponse::from(async_graphql::Response::from_errors(vec![coded(
            "BAD_USER_INPUT",
            message,
        )]))
        .into_response();
    }
    let auth = Auth::from_bearer(&ctx, bearer(&headers));
    let client = ctx.settings.client_ip(client.ip(), forwarded_for(&headers));
    let batch = batch
        .data(auth)
        .data(ClientAddr(Some(client)))
        .data(SelectionBudget::new(limits.query_selection_limit));
    GraphQLResponse::from(schema.execute_batch(batch).await).into_response()
}

/// The `X-Forwarded-For` header (only believed from a trusted proxy, see `Settings::client_ip`).
fn forwarded_for(headers: &HeaderMap) -> Option<&str> {
    headers.get("x-forwarded-for").and_then(|v| v.to_str().ok())
}

/// Read buffer of a subscription WebSocket (clients send little: init, subscribe, pings).
const SUBSCRIPTION_READ_BUFFER: usize = 4 * 1024;

async fn subscriptions(
    State(ctx): State<Arc<Context>>,
    Extension(schema): Extension<ChargegateSchema>,
    Extension(sockets): Extension<Arc<ApiSockets>>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    upgrade: WebSocketUpgrade,
) -> Response {
    let Some(protocol) = ws::protocol(&headers) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let client = ctx.settings.client_ip(client.ip(), forwarded_for(&headers));
    let limits = &ctx.settings.limits;
    let permit = match sockets.admit(client, limits) {
        Ok(permit) => permit,
        Err(refused) => return refused.into_response(),
    };
    let max_message = limits.max_request_size.bytes();
    let connection = Connection {
        header_auth: Auth::from_bearer(&ctx, bearer(&headers)),
        ctx: ctx.clone(),
        schema,
        protocol,
        client,
        permit,
    };
    upgrade
        .protocols(ALL_WEBSOCKET_PROTOCOLS)
        // The socket is read each time the connection's streams are polled, which is at every
        // event a subscription receives; tungstenite zero-fills its read buffer's free space
        // on each read, so the default 128 KiB buffer cost a 128 KiB memset per event.
        .read_buffer_size(SUBSCRIPTION_READ_BUFFER)
        .max_message_size(max_message)
        .max_frame_size(max_message)
        .on_upgrade(move |socket| connection.serve(socket))
}

async fn health(State(ctx): State<Arc<Context>>) -> Response {
    // A load balancer's check must get an answer in time even when a service hangs.
    const CHECK: std::time::Duration = std::time::Duration::from_secs(3);
    let (database, cache) = tokio::join!(
        tokio::time::timeout(CHECK, ctx.store.ping()),
        tokio::time::timeout(CHECK, ctx.cache.ping()),
    );
    let database = database.unwrap_or(false);
    let cache = matches!(cache, Ok(Ok(())));
    // Without the database nothing can be acknowledged; without Redis stations are still
    // served (only cross-node features wait for it), so the node stays in rotation.
    let status = if database {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    let body = serde_json::json!({
        "status": if database { "ok" } else { "unavailable" },
        "database": if database { "ok" } else { "unreachable" },
        "cache": match (ctx.clustered(), cache) {
            (false, _) => "memory",
            (true, true) => "ok",
            (true, false) => "unreachable",
        },
        "node": ctx.node_id,
        "connectedStations": ctx.stations.connected_here(),
    });
    (status, Json(body)).into_response()
}
