//! `GET /metrics` (Prometheus text format, behind `--metrics-token` when set; on
//! `--metrics-listen` instead of the main port when set), and the async-graphql extension that
//! counts GraphQL operations by type and their errors by `extensions.code`.

use std::sync::{Arc, Mutex, PoisonError};

use async_graphql::{
    Response, ServerResult, Value,
    extensions::{
        Extension, ExtensionContext, ExtensionFactory, NextPrepareRequest, NextRequest,
        NextSubscribe,
    },
    parser::types::OperationType,
};
use axum::{
    Router,
    extract::State,
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response as HttpResponse},
    routing::get,
};
use futures_util::{StreamExt, stream::BoxStream};
use subtle::ConstantTimeEq;

use crate::context::Context;

/// The `extensions.code` values chargegate answers (README, "Errors"); any other is counted
/// as `other`, so the label stays bounded.
pub const ERROR_CODES: &[&str] = &[
    "ACCOUNT_PENDING",
    "BAD_USER_INPUT",
    "BUDGET_EXHAUSTED",
    "CONFLICT",
    "CONNECTOR_OCCUPIED",
    "FORBIDDEN",
    "INTERNAL",
    "LAGGED",
    "LIMIT_EXCEEDED",
    "NOT_FOUND",
    "RATE_LIMITED",
    "STATION_ERROR",
    "STATION_OFFLINE",
    "STATION_TIMEOUT",
    "STATION_UNREACHABLE",
    "TIMEOUT",
    "UNAUTHENTICATED",
    "UNSUPPORTED_BY_STATION",
];

/// The route of the metrics.
pub fn routes() -> Router<Arc<Context>> {
    Router::new().route("/metrics", get(scrape))
}

/// The text format's content type (prometheus-client writes OpenMetrics text).
const CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

async fn scrape(State(ctx): State<Arc<Context>>, headers: HeaderMap) -> HttpResponse {
    if let Some(token) = &ctx.settings.metrics_token {
        let given = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or_default();
        if !bool::from(given.as_bytes().ct_eq(token.0.as_bytes())) {
            return (
                StatusCode::UNAUTHORIZED,
                [(header::WWW_AUTHENTICATE, "Bearer")],
                "a bearer token is required",
            )
                .into_response();
        }
    }
    let m = &ctx.metrics;
    let gauge = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    m.stations_connected
        .set(gauge(ctx.stations.connected_here()));
    m.writer_queue.set(gauge(ctx.store.queued_jobs()));
    let pool = ctx.store.read_pool();
    m.read_pool_in_use.set(gauge(pool.in_use));
    m.read_pool_size.set(gauge(pool.open));
    m.read_pool_max.set(gauge(pool.max));
    m.store_breaker_open
        .set(i64::from(ctx.store.breaker_open()));
    m.redis_breaker_open
        .set(i64::from(ctx.cache.breaker_open()));
    (
        [
            (header::CONTENT_TYPE, CONTENT_TYPE),
            (header::CACHE_CONTROL, "no-store"),
        ],
        m.encode(),
    )
        .into_response()
}

/// Counts GraphQL operations and errors on the server's metrics. Registered after
/// `DocumentLimits` (its `prepare_request` sees the checked document) and before `ErrorCodes`
/// (its `request` and `subscribe` see the codes that one adds).
pub struct OperationMetrics(pub Arc<Context>);

impl ExtensionFactory for OperationMetrics {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(OperationMetricsExtension {
            ctx: self.0.clone(),
            kind: Arc::new(Mutex::new("unknown")),
        })
    }
}

/// One request's (or socket operation's) counting.
struct OperationMetricsExtension {
    ctx: Arc<Context>,
    /// The operation's type once its document was read; `unknown` before.
    kind: Arc<Mutex<&'static str>>,
}

fn count_errors(ctx: &Context, kind: &Mutex<&'static str>, response: &Response) {
    if response.errors.is_empty() {
        return;
    }
    let kind = *kind.lock().unwrap_or_else(PoisonError::into_inner);
    for error in &response.errors {
        let code = error
            .extensions
            .as_ref()
            .and_then(|e| e.get("code"))
            .and_then(|c| match c {
                Value::String(s) => Some(s.as_str()),
                _ => None,
            })
            .unwrap_or("other");
        ctx.metrics.graphql_error(kind, code, ERROR_CODES);
    }
}

#[async_trait::async_trait]
impl Extension for OperationMetricsExtension {
    async fn request(&self, ctx: &ExtensionContext<'_>, next: NextRequest<'_>) -> Response {
        let response = next.run(ctx).await;
        count_errors(&self.ctx, &self.kind, &response);
        response
    }

    fn subscribe<'s>(
        &self,
        ctx: &ExtensionContext<'_>,
        stream: BoxStream<'s, Response>,
        next: NextSubscribe<'_>,
    ) -> BoxStream<'s, Response> {
        let (app, kind) = (self.ctx.clone(), self.kind.clone());
        next.run(ctx, stream)
            .map(move |response| {
                count_errors(&app, &kind, &response);
                response
            })
            .boxed()
    }

    async fn prepare_request(
        &self,
        ctx: &ExtensionContext<'_>,
        request: async_graphql::Request,
        next: NextPrepareRequest<'_>,
    ) -> ServerResult<async_graphql::Request> {
        let operation = request
            .data
            .get(&std::any::TypeId::of::<super::limits::Operation>())
            .and_then(|o| o.downcast_ref::<super::limits::Operation>())
            .and_then(|o| o.0);
        let kind = match operation {
            Some(OperationType::Query) => "query",
            Some(OperationType::Mutation) => "mutation",
            Some(OperationType::Subscription) => "subscription",
            None => "unknown",
        };
        *self.kind.lock().unwrap_or_else(PoisonError::into_inner) = kind;
        self.ctx.metrics.graphql_operation(kind);
        next.run(ctx, request).await
    }
}
