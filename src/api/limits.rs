//! Request hardening, as async-graphql extensions: what a document may cost before it is
//! validated (nesting, selections after fragment expansion, aliases; syntax errors that never
//! quote it), how long an operation may run, how many operations one WebSocket may hold, and
//! an `extensions.code` on every error, including the ones async-graphql raises itself
//! (syntax, validation, depth and complexity limits get `BAD_USER_INPUT`).

use std::{
    pin::Pin,
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
    task::{Context, Poll},
    time::Duration,
};

use futures_util::{Stream, StreamExt, stream::BoxStream};

use async_graphql::{
    Request, Response, ServerError, ServerResult,
    extensions::{
        Extension, ExtensionContext, ExtensionFactory, NextExecute, NextPrepareRequest,
        NextRequest, NextSubscribe,
    },
    parser::{parse_query, types::OperationType},
};

use super::document::{self, Budget, MAX_MESSAGE, MAX_NESTING, Refusal};

/// A GraphQL error with `extensions.code`.
pub fn coded(code: &str, message: impl Into<String>) -> ServerError {
    let mut error = ServerError::new(message, None);
    error
        .extensions
        .get_or_insert_with(Default::default)
        .set("code", code);
    error
}

/// The selection budget of one HTTP request, shared by the operations of a batch (ten
/// operations at the limit each would be ten times the work).
#[derive(Clone)]
pub struct SelectionBudget(Arc<AtomicUsize>);

impl SelectionBudget {
    pub fn new(units: usize) -> Self {
        Self(Arc::new(AtomicUsize::new(units)))
    }

    fn left(&self) -> usize {
        self.0.load(Ordering::Relaxed)
    }

    /// Takes `units`; `false` (and nothing taken) when fewer are left.
    fn take(&self, units: usize) -> bool {
        self.0
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| {
                left.checked_sub(units)
            })
            .is_ok()
    }
}

/// Whether the request runs a mutation (request data set before validation, read when it runs).
#[derive(Clone, Copy)]
struct IsMutation(bool);

/// The type of the operation the request runs (request data set before validation; `None`:
/// no operation of that name), for the metrics.
#[derive(Clone, Copy)]
pub(super) struct Operation(pub Option<OperationType>);

/// Bounds the work of a document before async-graphql looks at it: bracket nesting (its parser
/// and validator recurse), then the selections, arguments and aliases it expands to. Runs in
/// `prepare_request`, because async-graphql's own `parse_query` step already walks fragments
/// as deep as `limit_recursive_depth` (32 levels of doubling: 2^32 steps) before an extension's
/// `parse_query` hook gets the document back.
pub struct DocumentLimits {
    /// `--query-selection-limit`.
    pub selections: usize,
    /// `--query-alias-limit`.
    pub aliases: usize,
}

impl ExtensionFactory for DocumentLimits {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(DocumentLimitsExtension {
            selections: self.selections,
            aliases: self.aliases,
        })
    }
}

struct DocumentLimitsExtension {
    selections: usize,
    aliases: usize,
}

impl DocumentLimitsExtension {
    /// Parses `request` (once: async-graphql uses the document set here) and measures it.
    fn check(&self, mut request: Request) -> ServerResult<Request> {
        if document::nests_deeper_than(&request.query, MAX_NESTING) {
            return Err(coded(
                "BAD_USER_INPUT",
                format!("the query nests brackets more than {MAX_NESTING} deep"),
            ));
        }
        let parsed = parse_query(&request.query).map_err(|e| {
            let mut error = coded("BAD_USER_INPUT", document::parse_error_message(&e));
            error.locations = e.positions().collect();
            error
        })?;
        let shared = request
            .data
            .get(&std::any::TypeId::of::<SelectionBudget>())
            .and_then(|b| b.downcast_ref::<SelectionBudget>())
            .cloned();
        let budget = Budget {
            work: shared
                .as_ref()
                .map_or(self.selections, SelectionBudget::left),
            aliases: self.aliases,
        };
        let spent = document::measure(&parsed, &request.variables, budget)
            .map_err(|refusal| self.refused(refusal))?;
        if shared.is_some_and(|shared| !shared.take(spent)) {
            return Err(self.refused(Refusal::Work));
        }
        let operation = document::operation_type(&parsed, request.operation_name.as_deref());
        let mutation = operation == Some(OperationType::Mutation);
        request.data.insert(IsMutation(mutation));
        request.data.insert(Operation(operation));
        request.set_parsed_query(parsed);
        Ok(request)
    }

    fn refused(&self, refusal: Refusal) -> ServerError {
        let message = match refusal {
            Refusal::Work => format!(
                "the request expands to more than {} selections (a fragment counts each time it is spread; arguments, and variables used more than once, count too)",
                self.selections
            ),
            Refusal::Aliases => format!("the query uses more than {} aliases", self.aliases),
            Refusal::UnusedFragment(name) => format!("fragment \"{name}\" is never used"),
        };
        coded("BAD_USER_INPUT", message)
    }
}

#[async_trait::async_trait]
impl Extension for DocumentLimitsExtension {
    async fn prepare_request(
        &self,
        ctx: &ExtensionContext<'_>,
        request: Request,
        next: NextPrepareRequest<'_>,
    ) -> ServerResult<Request> {
        let request = self.check(request)?;
        next.run(ctx, request).await
    }
}

/// Stops a query or mutation that runs too long (never a subscription's stream) and answers
/// `TIMEOUT`. A mutation gets the command timeout on top, so that the station it waits for
/// always answers (or times out with `STATION_TIMEOUT`) first. Zero: no limit.
pub struct QueryTimeout {
    pub queries: Duration,
    pub mutations: Duration,
}

impl ExtensionFactory for QueryTimeout {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(QueryTimeout {
            queries: self.queries,
            mutations: self.mutations,
        })
    }
}

#[async_trait::async_trait]
impl Extension for QueryTimeout {
    async fn execute(
        &self,
        ctx: &ExtensionContext<'_>,
        operation_name: Option<&str>,
        next: NextExecute<'_>,
    ) -> Response {
        let mutation = ctx.data_opt::<IsMutation>().is_some_and(|m| m.0);
        let limit = if mutation {
            self.mutations
        } else {
            self.queries
        };
        if limit.is_zero() {
            return next.run(ctx, operation_name).await;
        }
        match tokio::time::timeout(limit, next.run(ctx, operation_name)).await {
            Ok(response) => response,
            Err(_) => Response::from_errors(vec![coded(
                "TIMEOUT",
                format!(
                    "the operation ran longer than {}s and was stopped{}",
                    limit.as_secs_f64(),
                    if mutation {
                        "; what it changed before may stay changed"
                    } else {
                        ""
                    }
                ),
            )]),
        }
    }
}

/// The operations (subscriptions, and queries sent over the socket) one WebSocket holds,
/// shared by them through the connection's data.
pub struct SocketOperations {
    open: Arc<AtomicUsize>,
    limit: usize,
}

impl SocketOperations {
    pub fn new(limit: usize) -> Self {
        Self {
            open: Arc::default(),
            limit,
        }
    }

    fn acquire(&self) -> Option<OperationSlot> {
        self.open
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |open| {
                (open < self.limit).then_some(open + 1)
            })
            .ok()
            .map(|_| OperationSlot(self.open.clone()))
    }
}

/// One operation's place on its socket, given back when its stream is dropped (completed by
/// the client or the server, replaced by one with the same id, or the socket closed).
struct OperationSlot(Arc<AtomicUsize>);

impl Drop for OperationSlot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// A stream holding its slot.
struct Held<'s> {
    stream: BoxStream<'s, Response>,
    _slot: OperationSlot,
}

impl Stream for Held<'_> {
    type Item = Response;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Response>> {
        self.stream.poll_next_unpin(cx)
    }
}

/// Refuses an operation over `SocketOperations`' limit with `LIMIT_EXCEEDED`; the socket and
/// its other operations go on.
pub struct OperationLimit;

impl ExtensionFactory for OperationLimit {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(OperationLimit)
    }
}

#[async_trait::async_trait]
impl Extension for OperationLimit {
    fn subscribe<'s>(
        &self,
        ctx: &ExtensionContext<'_>,
        stream: BoxStream<'s, Response>,
        next: NextSubscribe<'_>,
    ) -> BoxStream<'s, Response> {
        let Some(operations) = ctx.data_opt::<SocketOperations>() else {
            return next.run(ctx, stream);
        };
        match operations.acquire() {
            Some(slot) => Held {
                stream: next.run(ctx, stream),
                _slot: slot,
            }
            .boxed(),
            None => {
                let error = coded(
                    "LIMIT_EXCEEDED",
                    format!(
                        "this socket already runs {} operations; complete one first",
                        operations.limit
                    ),
                );
                futures_util::stream::once(async move { Response::from_errors(vec![error]) })
                    .boxed()
            }
        }
    }
}

/// Gives `extensions.code = BAD_USER_INPUT` to errors that have no code, and keeps what
/// async-graphql says short: its messages quote names from the query (cut to
/// [`MAX_MESSAGE`] characters), and one per duplicate argument or unknown field could make
/// the answer many times the request (at most [`MAX_ERRORS`] are kept).
pub struct ErrorCodes;

/// Most errors in one response.
pub const MAX_ERRORS: usize = 100;

impl ExtensionFactory for ErrorCodes {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(ErrorCodesExtension)
    }
}

struct ErrorCodesExtension;

fn with_codes(mut response: Response) -> Response {
    let hidden = response.errors.len().saturating_sub(MAX_ERRORS);
    response.errors.truncate(MAX_ERRORS);
    for error in &mut response.errors {
        let has_code = error
            .extensions
            .as_ref()
            .is_some_and(|e| e.get("code").is_some());
        if !has_code {
            error.message = document::clip(&error.message, MAX_MESSAGE);
            error
                .extensions
                .get_or_insert_with(Default::default)
                .set("code", "BAD_USER_INPUT");
        }
    }
    if hidden > 0 {
        response.errors.push(coded(
            "BAD_USER_INPUT",
            format!("{hidden} more errors not shown"),
        ));
    }
    response
}

#[async_trait::async_trait]
impl Extension for ErrorCodesExtension {
    /// Requests over HTTP.
    async fn request(&self, ctx: &ExtensionContext<'_>, next: NextRequest<'_>) -> Response {
        with_codes(next.run(ctx).await)
    }

    /// Everything over the WebSocket (subscriptions, and queries sent there) is a stream.
    fn subscribe<'s>(
        &self,
        ctx: &ExtensionContext<'_>,
        stream: BoxStream<'s, Response>,
        next: NextSubscribe<'_>,
    ) -> BoxStream<'s, Response> {
        next.run(ctx, stream).map(with_codes).boxed()
    }
}
