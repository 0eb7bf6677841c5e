//! A span per GraphQL operation, exported with `--otlp-endpoint` (src/traces.rs): its type and
//! name, and the error codes it answered with; the commands it sends are its children.

use std::sync::Arc;

use async_graphql::{
    Response, ServerResult, Value,
    extensions::{
        Extension, ExtensionContext, ExtensionFactory, NextPrepareRequest, NextRequest,
        NextSubscribe,
    },
    parser::types::OperationType,
};
use futures_util::{StreamExt, stream::BoxStream};
use tracing::{Instrument, Span, field::Empty};

use crate::context::Context;

/// Opens the span of each operation. Registered after `OperationMetrics`, before
/// `ErrorCodes` (its `request` sees the codes that one adds).
pub struct OperationSpans(pub Arc<Context>);

impl ExtensionFactory for OperationSpans {
    fn create(&self) -> Arc<dyn Extension> {
        let span = tracing::info_span!(
            target: crate::traces::TARGET,
            "graphql.operation",
            otel.kind = "server",
            chargegate.node = %self.0.node_id,
            graphql.operation.type = Empty,
            graphql.operation.name = Empty,
            graphql.error.code = Empty,
            otel.status_code = Empty,
        );
        Arc::new(OperationSpan { span })
    }
}

struct OperationSpan {
    span: Span,
}

fn record_errors(span: &Span, response: &Response) {
    let Some(first) = response.errors.first() else {
        return;
    };
    let code = first
        .extensions
        .as_ref()
        .and_then(|e| e.get("code"))
        .and_then(|c| match c {
            Value::String(s) => Some(s.as_str()),
            _ => None,
        })
        .unwrap_or("other");
    span.record("graphql.error.code", code);
    span.record("otel.status_code", "error");
}

#[async_trait::async_trait]
impl Extension for OperationSpan {
    async fn request(&self, ctx: &ExtensionContext<'_>, next: NextRequest<'_>) -> Response {
        let response = next.run(ctx).instrument(self.span.clone()).await;
        record_errors(&self.span, &response);
        response
    }

    fn subscribe<'s>(
        &self,
        ctx: &ExtensionContext<'_>,
        stream: BoxStream<'s, Response>,
        next: NextSubscribe<'_>,
    ) -> BoxStream<'s, Response> {
        let span = self.span.clone();
        next.run(ctx, stream)
            .map(move |response| {
                record_errors(&span, &response);
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
        if self.span.is_disabled() {
            return next.run(ctx, request).await;
        }
        if let Some(name) = &request.operation_name {
            self.span.record("graphql.operation.name", name.as_str());
        }
        let kind = request
            .data
            .get(&std::any::TypeId::of::<super::limits::Operation>())
            .and_then(|o| o.downcast_ref::<super::limits::Operation>())
            .and_then(|o| o.0)
            .map(|o| match o {
                OperationType::Query => "query",
                OperationType::Mutation => "mutation",
                OperationType::Subscription => "subscription",
            });
        self.span
            .record("graphql.operation.type", kind.unwrap_or("unknown"));
        next.run(ctx, request).await
    }
}
