//! OpenTelemetry traces over OTLP/HTTP (`--otlp-endpoint`): the spans chargegate makes (an OCPP
//! CALL handled, a GraphQL operation, a command and its routed half on the station's node), the
//! bounded queue that exports them in the background, and the W3C `traceparent` that carries a
//! command's trace to the node holding the station.
//!
//! The spans are `tracing` spans of target [`TARGET`]. The log layer never shows them; without
//! an endpoint no layer wants them, so `tracing` never builds them (their call sites are
//! disabled once, when first reached) and the OCPP path pays nothing for them.

use std::{
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
    },
    time::Duration,
};

use opentelemetry::{
    Context as OtelContext, KeyValue,
    trace::{
        SpanContext, SpanId, TraceContextExt, TraceFlags, TraceId, TraceState, TracerProvider,
    },
};
use opentelemetry_otlp::{Protocol, WithExportConfig};
use opentelemetry_sdk::{
    Resource,
    error::OTelSdkResult,
    trace::{SdkTracer, SdkTracerProvider, Span as SdkSpan, SpanData, SpanExporter, SpanProcessor},
};
use tokio::sync::{mpsc, oneshot};
use tracing::{Level, Subscriber};
use tracing_opentelemetry::OpenTelemetrySpanExt;
use tracing_subscriber::{
    EnvFilter, Layer, Registry, filter::Targets, layer::SubscriberExt, registry::LookupSpan,
};

/// The `tracing` target of the spans that are exported (and only exported: the logs filter it
/// out).
pub const TARGET: &str = "chargegate_trace";

/// Most spans sent in one export request.
const BATCH: usize = 512;
/// How long a batch waits to fill before it is sent anyway.
const BATCH_DELAY: Duration = Duration::from_secs(1);
/// How long one export request may take.
const EXPORT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long the export at shutdown may take, all batches together.
const FLUSH_TIMEOUT: Duration = Duration::from_secs(5);

/// The export of one process: its tracer (for the `tracing` layer) and what flushes the queue at
/// shutdown.
pub struct Traces {
    pub tracer: SdkTracer,
    provider: SdkTracerProvider,
    flush: Option<oneshot::Sender<oneshot::Sender<()>>>,
    dropped: Arc<AtomicU64>,
}

impl std::fmt::Debug for Traces {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Traces").finish_non_exhaustive()
    }
}

/// The process's subscriber: `logs` under `filter`, which never lets the spans made for export
/// through, and the export's layer when there is one. Without it, no layer wants those spans
/// and `tracing` never makes them (no `Option` layer: a `None` one would still have them made).
pub fn subscriber(
    logs: Box<dyn Layer<Registry> + Send + Sync>,
    filter: EnvFilter,
    traces: Option<&Traces>,
) -> Box<dyn Subscriber + Send + Sync> {
    let filter = match format!("{TARGET}=off").parse() {
        Ok(directive) => filter.add_directive(directive),
        Err(_) => filter,
    };
    let logged = tracing_subscriber::registry().with(logs.with_filter(filter));
    match traces {
        Some(traces) => Box::new(logged.with(traces.layer())),
        None => Box::new(logged),
    }
}

/// The URL spans are posted to: the endpoint with `/v1/traces` added, as the OTLP exporters'
/// `OTEL_EXPORTER_OTLP_ENDPOINT` is read.
pub fn traces_url(endpoint: &str) -> String {
    let base = endpoint.trim_end_matches('/');
    if base.ends_with("/v1/traces") {
        base.to_owned()
    } else {
        format!("{base}/v1/traces")
    }
}

/// Starts the export to `endpoint` (in the current Tokio runtime): spans of `service`, at most
/// `queue` of them waiting.
pub fn start(endpoint: &str, service: &str, queue: usize) -> anyhow::Result<Traces> {
    let url = traces_url(endpoint);
    let url_checked: reqwest::Url = url
        .parse()
        .map_err(|e| anyhow::anyhow!("--otlp-endpoint {endpoint}: {e}"))?;
    // The HTTP client in the tree speaks no TLS: a collector (or its agent) runs beside the node.
    if url_checked.scheme() != "http" {
        anyhow::bail!(
            "--otlp-endpoint {endpoint}: only http:// is supported (run the collector or an agent of it beside the node)"
        );
    }
    let mut exporter = opentelemetry_otlp::SpanExporter::builder()
        .with_http()
        .with_protocol(Protocol::HttpBinary)
        .with_endpoint(url)
        .with_timeout(EXPORT_TIMEOUT)
        .build()
        .map_err(|e| anyhow::anyhow!("OTLP exporter: {e}"))?;
    let resource = Resource::builder_empty()
        .with_service_name(service.to_owned())
        .with_attributes([
            KeyValue::new("service.version", env!("CARGO_PKG_VERSION")),
            KeyValue::new("process.pid", i64::from(std::process::id())),
        ])
        .build();
    exporter.set_resource(&resource);
    let (spans, waiting) = mpsc::channel(queue.max(1));
    let (flush, flushed) = oneshot::channel();
    let dropped = Arc::new(AtomicU64::new(0));
    tokio::spawn(export(exporter, waiting, flushed, dropped.clone()));
    let provider = SdkTracerProvider::builder()
        .with_resource(resource)
        .with_span_processor(Queue {
            spans,
            dropped: dropped.clone(),
        })
        .build();
    let tracer = provider.tracer("chargegate");
    Ok(Traces {
        tracer,
        provider,
        flush: Some(flush),
        dropped,
    })
}

impl Traces {
    /// The `tracing` layer that exports the spans of [`TARGET`], and nothing else.
    pub fn layer<S>(&self) -> impl Layer<S> + use<S>
    where
        S: Subscriber + for<'span> LookupSpan<'span>,
    {
        tracing_opentelemetry::layer()
            .with_tracer(self.tracer.clone())
            .with_location(false)
            .with_threads(false)
            .with_tracked_inactivity(false)
            .with_filter(Targets::new().with_target(TARGET, Level::TRACE))
    }

    /// Exports the spans still queued (waiting at most a few seconds); called at shutdown.
    pub async fn flush(mut self) {
        if let Some(flush) = self.flush.take() {
            let (done, exported) = oneshot::channel();
            if flush.send(done).is_ok() {
                let _ = tokio::time::timeout(FLUSH_TIMEOUT, exported).await;
            }
        }
        let dropped = self.dropped.load(Ordering::Relaxed);
        if dropped > 0 {
            tracing::warn!(
                dropped,
                "spans dropped in all: the export queue was full (--otlp-queue)"
            );
        }
        let _ = self
            .provider
            .shutdown_with_timeout(Duration::from_millis(100));
    }
}

/// The span processor: a finished span joins the bounded queue, or is dropped and counted when
/// it is full. Never waits.
#[derive(Debug)]
struct Queue {
    spans: mpsc::Sender<SpanData>,
    dropped: Arc<AtomicU64>,
}

impl SpanProcessor for Queue {
    fn on_start(&self, _span: &mut SdkSpan, _cx: &OtelContext) {}

    fn on_end(&self, span: SpanData) {
        if self.spans.try_send(span).is_err() {
            self.dropped.fetch_add(1, Ordering::Relaxed);
        }
    }

    fn force_flush(&self) -> OTelSdkResult {
        Ok(())
    }

    fn shutdown_with_timeout(&self, _timeout: Duration) -> OTelSdkResult {
        Ok(())
    }
}

/// The background export: batches of up to [`BATCH`] spans, each sent when full or
/// [`BATCH_DELAY`] after its first span; at `flush`, what is queued, then it stops.
async fn export(
    exporter: opentelemetry_otlp::SpanExporter,
    mut waiting: mpsc::Receiver<SpanData>,
    mut flush: oneshot::Receiver<oneshot::Sender<()>>,
    dropped: Arc<AtomicU64>,
) {
    let mut reported = 0;
    let done = loop {
        let mut batch = Vec::with_capacity(BATCH);
        tokio::select! {
            done = &mut flush => break done.ok(),
            n = waiting.recv_many(&mut batch, BATCH) => if n == 0 { break None },
        }
        let deadline = tokio::time::Instant::now() + BATCH_DELAY;
        let mut stop = None;
        while batch.len() < BATCH {
            let room = BATCH - batch.len();
            tokio::select! {
                done = &mut flush => { stop = Some(done.ok()); break }
                n = waiting.recv_many(&mut batch, room) => if n == 0 { break },
                () = tokio::time::sleep_until(deadline) => break,
            }
        }
        send(&exporter, batch).await;
        let now = dropped.load(Ordering::Relaxed);
        if now > reported {
            tracing::warn!(
                dropped = now - reported,
                "spans dropped: the export queue was full (--otlp-queue)"
            );
            reported = now;
        }
        if let Some(done) = stop {
            break done;
        }
    };
    // Shutdown: no new spans are taken; those queued go out.
    waiting.close();
    loop {
        let mut batch = Vec::with_capacity(BATCH);
        while batch.len() < BATCH {
            match waiting.try_recv() {
                Ok(span) => batch.push(span),
                Err(_) => break,
            }
        }
        if batch.is_empty() {
            break;
        }
        send(&exporter, batch).await;
    }
    if let Some(done) = done {
        let _ = done.send(());
    }
}

async fn send(exporter: &opentelemetry_otlp::SpanExporter, batch: Vec<SpanData>) {
    let spans = batch.len();
    if let Err(error) = exporter.export(batch).await {
        tracing::warn!(spans, %error, "spans not exported");
    }
}

/// The W3C `traceparent` of the current span, when it is exported: carried with a command
/// routed to another node, so that node's span joins the trace.
pub fn traceparent() -> Option<String> {
    let cx = tracing::Span::current().context();
    let span = cx.span();
    let sc = span.span_context();
    sc.is_valid().then(|| {
        format!(
            "00-{}-{}-{:02x}",
            sc.trace_id(),
            sc.span_id(),
            sc.trace_flags().to_u8()
        )
    })
}

/// Makes `span` a child of the span a W3C `traceparent` names (one from another node); a
/// malformed one is ignored.
pub fn continue_from(span: &tracing::Span, traceparent: Option<&str>) {
    let Some(parent) = traceparent.and_then(parse_traceparent) else {
        return;
    };
    let _ = span.set_parent(OtelContext::new().with_remote_span_context(parent));
}

fn parse_traceparent(text: &str) -> Option<SpanContext> {
    let mut parts = text.split('-');
    let (version, trace, span, flags) =
        (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    if version != "00" || parts.next().is_some() || trace.len() != 32 || span.len() != 16 {
        return None;
    }
    let trace_id = TraceId::from_hex(trace).ok()?;
    let span_id = SpanId::from_hex(span).ok()?;
    let flags = u8::from_str_radix(flags, 16).ok()?;
    let context = SpanContext::new(
        trace_id,
        span_id,
        TraceFlags::new(flags),
        true,
        TraceState::default(),
    );
    context.is_valid().then_some(context)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_traceparent_is_read_back() {
        let parsed =
            parse_traceparent("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01").unwrap();
        assert_eq!(
            parsed.trace_id().to_string(),
            "0af7651916cd43dd8448eb211c80319c"
        );
        assert_eq!(parsed.span_id().to_string(), "b7ad6b7169203331");
        assert!(parsed.is_sampled());
        assert!(parsed.is_remote());
        for bad in [
            "",
            "01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            "00-00000000000000000000000000000000-b7ad6b7169203331-01",
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331",
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-x",
            "00-zzf7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        ] {
            assert!(parse_traceparent(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn a_full_queue_drops_and_counts_spans_and_never_waits() {
        use opentelemetry::trace::{Span as _, Tracer as _};
        let (spans, mut waiting) = mpsc::channel(2);
        let dropped = Arc::new(AtomicU64::new(0));
        let provider = SdkTracerProvider::builder()
            .with_span_processor(Queue {
                spans,
                dropped: dropped.clone(),
            })
            .build();
        let tracer = provider.tracer("test");
        for _ in 0..5 {
            tracer.start("a span").end();
        }
        assert_eq!(dropped.load(Ordering::Relaxed), 3);
        assert!(waiting.try_recv().is_ok());
        assert!(waiting.try_recv().is_ok());
        assert!(waiting.try_recv().is_err());
    }

    /// What the logs of a test wrote.
    #[derive(Clone, Default)]
    struct Logged(Arc<std::sync::Mutex<Vec<u8>>>);

    impl std::io::Write for Logged {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// The subscriber of `main.rs`, with the logs at every level.
    fn subscriber_logging_to(
        logged: &Logged,
        traces: Option<&Traces>,
    ) -> Box<dyn Subscriber + Send + Sync> {
        let logged = logged.clone();
        let logs = tracing_subscriber::fmt::layer()
            .with_ansi(false)
            .with_writer(move || logged.clone())
            .boxed();
        subscriber(logs, EnvFilter::new("trace"), traces)
    }

    fn a_call_in_its_span() -> bool {
        let span = tracing::info_span!(target: TARGET, "ocpp.message", ocpp.action = "Heartbeat");
        let made = !span.is_disabled();
        span.in_scope(|| tracing::info!("answered"));
        made
    }

    #[tokio::test]
    async fn spans_are_made_only_for_the_export_and_never_logged() {
        // Without an endpoint: no span, at any log level; the log line is as before.
        let logged = Logged::default();
        let made = tracing::subscriber::with_default(
            subscriber_logging_to(&logged, None),
            a_call_in_its_span,
        );
        assert!(!made, "no span without an export");
        // With one: the span is made, and still not logged.
        let traces = start("http://127.0.0.1:9", "test", 16).unwrap();
        let exported = Logged::default();
        let made = tracing::subscriber::with_default(
            subscriber_logging_to(&exported, Some(&traces)),
            a_call_in_its_span,
        );
        assert!(made, "the span is made for the export");
        for logs in [&logged, &exported] {
            let text = String::from_utf8(logs.0.lock().unwrap().clone()).unwrap();
            assert!(text.contains("answered"), "{text}");
            assert!(!text.contains("ocpp.message"), "{text}");
            assert!(!text.contains("Heartbeat"), "{text}");
        }
    }

    #[test]
    fn an_endpoint_that_is_not_http_is_refused() {
        for endpoint in ["https://collector:4318", "collector:4318", "not a url"] {
            assert!(start(endpoint, "test", 16).is_err(), "{endpoint}");
        }
    }

    #[test]
    fn the_endpoint_gets_the_traces_path() {
        assert_eq!(traces_url("http://c:4318"), "http://c:4318/v1/traces");
        assert_eq!(traces_url("http://c:4318/"), "http://c:4318/v1/traces");
        assert_eq!(
            traces_url("http://c:4318/v1/traces"),
            "http://c:4318/v1/traces"
        );
    }
}
