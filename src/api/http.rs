//! The API's HTTP routes: `POST /graphql` (batches limited), GraphiQL on `GET /graphql`,
//! subscriptions on `/graphql/ws` (`graphql-transport-ws` and the legacy `graphql-ws`), and
//! `GET /health`. Bearer tokens come from the `Authorization` header, or from the
//! `connection_init` payload for subscriptions.

use std::{net::SocketAddr, sync::Arc};

use async_graphql::{
    BatchRequest, Data, ServerError,
    http::{ALL_WEBSOCKET_PROTOCOLS, GraphiQLSource},
};
use async_graphql_axum::{GraphQLBatchRequest, GraphQLProtocol, GraphQLResponse, GraphQLWebSocket};
use axum::{
    Extension, Json, Router,
    extract::{ConnectInfo, State, WebSocketUpgrade},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    response::{Html, IntoResponse, Response},
    routing::{any, get},
};
use tower_http::cors::{AllowOrigin, CorsLayer};

use super::{ChargegateSchema, account::ClientAddr, build_schema, guard::Auth};
use crate::app::Context;

/// The API routes, with the schema of `ctx`.
pub fn routes(ctx: Arc<Context>) -> Router<Arc<Context>> {
    let schema = build_schema(ctx);
    Router::new()
        .route("/graphql", get(graphiql).post(graphql))
        .route("/graphql/ws", any(subscriptions))
        .route("/health", get(health))
        .layer(Extension(schema))
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

async fn graphql(
    State(ctx): State<Arc<Context>>,
    Extension(schema): Extension<ChargegateSchema>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    request: GraphQLBatchRequest,
) -> GraphQLResponse {
    let batch = request.into_inner();
    let limit = ctx.settings.query_batch_limit;
    if let BatchRequest::Batch(requests) = &batch
        && requests.len() > limit
    {
        let mut error =
            ServerError::new(format!("a batch may hold at most {limit} operations"), None);
        error
            .extensions
            .get_or_insert_with(Default::default)
            .set("code", "BAD_USER_INPUT");
        return async_graphql::Response::from_errors(vec![error]).into();
    }
    let auth = Auth::from_bearer(&ctx, bearer(&headers));
    let client = ctx.settings.client_ip(client.ip(), forwarded_for(&headers));
    let batch = batch.data(auth).data(ClientAddr(Some(client)));
    schema.execute_batch(batch).await.into()
}

async fn graphiql(State(ctx): State<Arc<Context>>) -> Response {
    if !ctx.settings.graphiql {
        return (StatusCode::NOT_FOUND, "GraphiQL is turned off").into_response();
    }
    Html(
        GraphiQLSource::build()
            .endpoint("/graphql")
            .subscription_endpoint("/graphql/ws")
            .title("chargegate")
            .finish(),
    )
    .into_response()
}

/// The token of a `connection_init` payload: `Authorization` (any case) or `token`.
fn init_token(payload: &serde_json::Value) -> Option<String> {
    let object = payload.as_object()?;
    object
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("authorization") || k.as_str() == "token")
        .and_then(|(_, v)| v.as_str())
        .map(str::to_owned)
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
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    protocol: GraphQLProtocol,
    upgrade: WebSocketUpgrade,
) -> Response {
    let header_auth = Auth::from_bearer(&ctx, bearer(&headers));
    let client = ctx.settings.client_ip(client.ip(), forwarded_for(&headers));
    upgrade
        .protocols(ALL_WEBSOCKET_PROTOCOLS)
        // The socket is read each time the connection's streams are polled, which is at every
        // event a subscription receives; tungstenite zero-fills its read buffer's free space
        // on each read, so the default 128 KiB buffer cost a 128 KiB memset per event.
        .read_buffer_size(SUBSCRIPTION_READ_BUFFER)
        .on_upgrade(move |socket| {
            GraphQLWebSocket::new(socket, schema, protocol)
                .on_connection_init(move |payload| async move {
                    let auth = match init_token(&payload) {
                        Some(token) => Auth::from_bearer(&ctx, Some(&token)),
                        None => header_auth,
                    };
                    if let Auth::Invalid(reason) = &auth {
                        return Err(async_graphql::Error::new(reason.clone()));
                    }
                    let mut data = Data::default();
                    data.insert(auth);
                    // `login` over the socket is throttled per address like over HTTP.
                    data.insert(ClientAddr(Some(client)));
                    Ok(data)
                })
                .serve()
        })
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
        "connectedStations": ctx.registry.len(),
    });
    (status, Json(body)).into_response()
}
