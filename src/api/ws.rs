//! The GraphQL WebSocket, `/graphql/ws` (`graphql-transport-ws` and the legacy `graphql-ws`):
//! how many sockets may be open (in all, and per client address), the `connection_init`
//! timeout (close 4408), messages over the size limit (close 1009), peers that stopped
//! answering pings, and the operations one socket may hold at once.
//!
//! async-graphql speaks the protocol ([`GqlSocket`]); the loop here feeds it the client's
//! messages and sends what it answers, and is where the socket ends for the reasons above.

use std::{
    collections::HashMap,
    net::IpAddr,
    sync::{
        Arc, Mutex, PoisonError,
        atomic::{AtomicBool, Ordering},
    },
    time::Duration,
};

use async_graphql::{
    Data,
    http::{WebSocket as GqlSocket, WebSocketProtocols, WsMessage},
};
use axum::{
    body::Bytes,
    extract::ws::{CloseFrame, Message, WebSocket},
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response},
};
use futures_util::{SinkExt, Stream, StreamExt, future, stream::SplitSink};
use tokio_tungstenite::tungstenite;

use super::{ChargegateSchema, account::ClientAddr, guard::Auth, limits::SocketOperations};
use crate::{config::Limits, context::Context, throttle::address_key};

/// How long one message may take to be written to a client.
const SEND_TIMEOUT: Duration = Duration::from_secs(30);
/// How long the closing frame may take.
const CLOSE_TIMEOUT: Duration = Duration::from_secs(5);

/// WebSocket close codes used here.
mod close_code {
    /// RFC 6455 §7.4.1.
    pub const GOING_AWAY: u16 = 1001;
    /// RFC 6455 §7.4.1: a message larger than the endpoint takes.
    pub const MESSAGE_TOO_BIG: u16 = 1009;
    /// `graphql-transport-ws`: no `connection_init` in time.
    pub const INIT_TIMEOUT: u16 = 4408;
}

/// The protocol a client offers in `Sec-WebSocket-Protocol` (its first one we speak), which
/// is also the one the upgrade selects.
pub fn protocol(headers: &HeaderMap) -> Option<WebSocketProtocols> {
    headers
        .get(header::SEC_WEBSOCKET_PROTOCOL)?
        .to_str()
        .ok()?
        .split(',')
        .find_map(|p| p.trim().parse().ok())
}

/// The open `/graphql/ws` sockets, in all and per client address (IPv6: per /64).
#[derive(Default)]
pub struct ApiSockets(Mutex<Counts>);

#[derive(Default)]
struct Counts {
    open: usize,
    per_address: HashMap<String, usize>,
}

/// Why a socket is not opened.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// `--max-api-sockets`: 503.
    Full,
    /// `--max-api-sockets-per-address`: 429.
    AddressFull,
}

impl IntoResponse for Refused {
    fn into_response(self) -> Response {
        match self {
            Self::Full => (
                StatusCode::SERVICE_UNAVAILABLE,
                "too many GraphQL sockets are open; try again later",
            ),
            Self::AddressFull => (
                StatusCode::TOO_MANY_REQUESTS,
                "too many GraphQL sockets are open from your address",
            ),
        }
        .into_response()
    }
}

impl ApiSockets {
    /// A place for one more socket from `client`, held until the permit is dropped.
    pub fn admit(self: &Arc<Self>, client: IpAddr, limits: &Limits) -> Result<Permit, Refused> {
        let address = address_key(client);
        let mut counts = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if counts.open >= limits.max_api_sockets {
            return Err(Refused::Full);
        }
        let from_address = counts.per_address.get(&address).copied().unwrap_or(0);
        if from_address >= limits.max_api_sockets_per_address {
            return Err(Refused::AddressFull);
        }
        counts.per_address.insert(address.clone(), from_address + 1);
        counts.open += 1;
        Ok(Permit {
            sockets: self.clone(),
            address,
        })
    }

    fn release(&self, address: &str) {
        let mut counts = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        counts.open -= 1;
        if let Some(n) = counts.per_address.get_mut(address) {
            *n -= 1;
            if *n == 0 {
                counts.per_address.remove(address);
            }
        }
    }
}

/// One socket's place, given back when dropped: whichever way the socket ends, or when the
/// upgrade never completes.
pub struct Permit {
    sockets: Arc<ApiSockets>,
    address: String,
}

impl Drop for Permit {
    fn drop(&mut self) {
        self.sockets.release(&self.address);
    }
}

/// What the loop learns from the client's side of the socket.
#[derive(Default)]
struct Signals {
    /// `connection_init` arrived.
    initialised: AtomicBool,
    /// A frame arrived since the last ping.
    heard: AtomicBool,
    /// The client sent a message over the size limit.
    too_big: AtomicBool,
}

/// Why the loop ended.
#[derive(Debug)]
enum End {
    /// The protocol ended it (the client closed, or async-graphql sent its close frame).
    Finished,
    InitTimeout,
    TooBig,
    /// No frame for a whole ping interval after a ping.
    Silent,
    Shutdown,
    /// The client does not take what is sent.
    SendFailed,
}

impl End {
    fn close_frame(&self) -> Option<(u16, &'static str)> {
        match self {
            Self::InitTimeout => Some((
                close_code::INIT_TIMEOUT,
                "Connection initialisation timeout",
            )),
            Self::TooBig => Some((close_code::MESSAGE_TOO_BIG, "message too big")),
            Self::Shutdown => Some((close_code::GOING_AWAY, "server shutting down")),
            Self::Finished | Self::Silent | Self::SendFailed => None,
        }
    }
}

/// One upgraded socket, with what its connection needs.
pub struct Connection {
    pub ctx: Arc<Context>,
    pub schema: ChargegateSchema,
    pub protocol: WebSocketProtocols,
    /// The token of the upgrade request's `Authorization` header (`connection_init` may
    /// bring another).
    pub header_auth: Auth,
    pub client: IpAddr,
    pub permit: Permit,
}

impl Connection {
    pub async fn serve(self, socket: WebSocket) {
        let Self {
            ctx,
            schema,
            protocol,
            header_auth,
            client,
            permit: _permit,
        } = self;
        let (mut sink, stream) = socket.split();
        let signals = Arc::new(Signals::default());
        let limit = ctx.settings.limits.max_subscriptions_per_socket;
        let init = on_connection_init(ctx.clone(), header_auth, client, limit, signals.clone());
        let messages = GqlSocket::new(schema, client_messages(stream, signals.clone()), protocol)
            .on_connection_init(init);
        let end = pump(&ctx, &mut sink, messages, &signals).await;
        if let Some((code, reason)) = end.close_frame() {
            let frame = CloseFrame {
                code,
                reason: reason.into(),
            };
            let _ =
                tokio::time::timeout(CLOSE_TIMEOUT, sink.send(Message::Close(Some(frame)))).await;
        }
        tracing::debug!(?end, %client, "GraphQL socket ended");
    }
}

/// The `connection_init` handler: the token (from the payload, else the upgrade request),
/// the client's address (for the login throttle) and the socket's operation count.
fn on_connection_init(
    ctx: Arc<Context>,
    header_auth: Auth,
    client: IpAddr,
    max_operations: usize,
    signals: Arc<Signals>,
) -> impl FnOnce(serde_json::Value) -> future::Ready<async_graphql::Result<Data>> {
    move |payload| {
        signals.initialised.store(true, Ordering::Relaxed);
        let auth = match init_token(&payload) {
            Some(token) => Auth::from_bearer(&ctx, Some(&token)),
            None => header_auth,
        };
        if let Auth::Invalid(reason) = &auth {
            return future::ready(Err(async_graphql::Error::new(reason.clone())));
        }
        let mut data = Data::default();
        data.insert(auth);
        // `login` over the socket is throttled per address like over HTTP.
        data.insert(ClientAddr(Some(client)));
        data.insert(SocketOperations::new(max_operations));
        future::ready(Ok(data))
    }
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

/// The client's data messages; any frame counts as heard. Ends at the first read error,
/// noting one for a message over the size limit.
fn client_messages(
    stream: impl Stream<Item = Result<Message, axum::Error>>,
    signals: Arc<Signals>,
) -> impl Stream<Item = Bytes> {
    stream
        .scan((), move |(), frame| {
            let next = match frame {
                Ok(frame) => {
                    signals.heard.store(true, Ordering::Relaxed);
                    Some(match frame {
                        Message::Text(_) | Message::Binary(_) => Some(frame.into_data()),
                        Message::Ping(_) | Message::Pong(_) | Message::Close(_) => None,
                    })
                }
                Err(error) => {
                    if is_too_big(&error) {
                        signals.too_big.store(true, Ordering::Relaxed);
                    }
                    None
                }
            };
            future::ready(next)
        })
        .filter_map(future::ready)
}

fn is_too_big(error: &axum::Error) -> bool {
    std::error::Error::source(error)
        .and_then(|e| e.downcast_ref::<tungstenite::Error>())
        .is_some_and(|e| matches!(e, tungstenite::Error::Capacity(_)))
}

/// Sends what async-graphql answers until the socket ends, and says why it ended.
async fn pump(
    ctx: &Context,
    sink: &mut SplitSink<WebSocket, Message>,
    messages: impl Stream<Item = WsMessage>,
    signals: &Signals,
) -> End {
    let limits = &ctx.settings.limits;
    futures_util::pin_mut!(messages);
    // Zero: no deadline (the branch below is off).
    let init_timeout = Some(limits.connection_init_timeout.0).filter(|t| !t.is_zero());
    let init_deadline = tokio::time::sleep(init_timeout.unwrap_or_default());
    tokio::pin!(init_deadline);
    let mut pings = ping_timer(ctx.settings.ping_interval.0);
    loop {
        tokio::select! {
            message = messages.next() => match message {
                Some(message) => {
                    if !send(sink, message).await {
                        return End::SendFailed;
                    }
                }
                None if signals.too_big.load(Ordering::Relaxed) => return End::TooBig,
                None => return End::Finished,
            },
            () = &mut init_deadline, if init_timeout.is_some()
                && !signals.initialised.load(Ordering::Relaxed) => {
                return End::InitTimeout;
            }
            _ = tick(&mut pings) => {
                if !signals.heard.swap(false, Ordering::Relaxed) {
                    return End::Silent;
                }
                if !send_ping(sink).await {
                    return End::SendFailed;
                }
            }
            () = ctx.shutdown.cancelled() => return End::Shutdown,
        }
    }
}

/// Pings every `interval` (none for zero), the first one interval after the socket opened.
fn ping_timer(interval: Duration) -> Option<tokio::time::Interval> {
    (!interval.is_zero()).then(|| {
        let mut timer = tokio::time::interval_at(tokio::time::Instant::now() + interval, interval);
        timer.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        timer
    })
}

async fn tick(timer: &mut Option<tokio::time::Interval>) {
    match timer {
        Some(timer) => {
            timer.tick().await;
        }
        None => future::pending().await,
    }
}

async fn send(sink: &mut SplitSink<WebSocket, Message>, message: WsMessage) -> bool {
    let message = match message {
        WsMessage::Text(text) => Message::Text(text.into()),
        WsMessage::Close(code, reason) => Message::Close(Some(CloseFrame {
            code,
            reason: close_reason(&reason).into(),
        })),
    };
    matches!(
        tokio::time::timeout(SEND_TIMEOUT, sink.send(message)).await,
        Ok(Ok(()))
    )
}

/// A close frame's reason fits in 123 bytes; async-graphql's may quote a client's message.
fn close_reason(reason: &str) -> &str {
    const MAX: usize = 123;
    if reason.len() <= MAX {
        return reason;
    }
    let end = (0..=MAX)
        .rev()
        .find(|&i| reason.is_char_boundary(i))
        .unwrap_or(0);
    &reason[..end]
}

async fn send_ping(sink: &mut SplitSink<WebSocket, Message>) -> bool {
    matches!(
        tokio::time::timeout(SEND_TIMEOUT, sink.send(Message::Ping(Bytes::new()))).await,
        Ok(Ok(()))
    )
}
