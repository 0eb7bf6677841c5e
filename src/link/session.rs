//! One task per connected station: reads frames, answers the station's CALLs one at a time and
//! in order, sends server commands one at a time, pings, journals every frame, and cleans up.
//!
//! The task never blocks on a handler: the CALL being handled is a future polled beside the
//! socket, so answers to server commands and pings are read while the database works. CALLs
//! that arrive meanwhile wait in a short queue; when it is full the socket is not read.
//!
//! What a station sends is held within bounds: a CALL in the queue or being handled holds its
//! bytes from the budget of all stations (`Link::station_bytes`), the queue holds at most
//! `--station-queue-bytes`, and a CALL that finds no room in either is answered `InternalError`
//! at once (the station retries it) instead of being held. A message longer than
//! `--max-message-size` closes the connection (1009).

use std::{collections::VecDeque, future::Future, sync::Arc, time::Duration};

use axum::extract::ws::{CloseFrame, Message, WebSocket};
use chrono::Utc;
use futures_util::future::BoxFuture;
use serde_json::value::RawValue;
use tokio::{
    sync::{mpsc, oneshot},
    time::{Instant, Interval, MissedTickBehavior},
};
use tracing::{Instrument, info, warn};

use ocpp::rpc::{
    CallError, Command, CommandError, ErrorCode, Version,
    frame::{self, Frame, FrameError},
};
use ocpp::v16::{ChangeConfiguration, CiString, RegistrationStatus, without_nul};

use super::{
    answer::Outcome,
    budget::{Budget, Held},
    dispatch::{Inbound, dispatch},
    registry::{OutboundCall, SessionHandle},
};
use crate::{
    cache::Presence,
    context::Context,
    link::{
        journal_budget::{self, Admit, JournalBudget},
        journal_pairing::Pairing,
    },
    store::{self, Direction, JournalRow, journal::StoredFrame},
    use_case::station,
};

/// CALLs that may wait while one is being handled (OCPP allows one; some stations send more);
/// their bytes are bounded too (`--station-queue-bytes`).
const MAX_QUEUED: usize = 8;
/// The answer to a CALL that finds no room to be held.
const BUSY: &str = "the central system cannot take more messages now; retry later";
/// Bytes each sampled value of a CALL being handled holds beyond the CALL's text: decoded,
/// then as a row for the writer (measured with a counting allocator: 271 for an empty value,
/// 262 for a typical one). A MeterValues of many tiny samples holds up to 22 times its text
/// while it waits for the database, and is counted so.
const SAMPLE_BYTES: usize = 272;
/// Answers remembered for repeated message ids.
const REMEMBERED_ANSWERS: usize = 4;
/// Commands that may wait for their turn.
const COMMAND_QUEUE: usize = 16;
/// How often the last-seen time is written while frames keep arriving.
const SEEN_EVERY: Duration = Duration::from_secs(60);
/// How long one frame may take to be written to a station.
const SEND_TIMEOUT: Duration = Duration::from_secs(30);
/// How long a closing handshake or a last handler may take.
const CLOSE_GRACE: Duration = Duration::from_secs(5);

/// WebSocket close codes used here (RFC 6455 §7.4.1).
mod close_code {
    pub const NORMAL: u16 = 1000;
    pub const GOING_AWAY: u16 = 1001;
    pub const PROTOCOL_ERROR: u16 = 1002;
    pub const MESSAGE_TOO_BIG: u16 = 1009;
    pub const INTERNAL_ERROR: u16 = 1011;
}

struct InFlight {
    id: String,
    call_hash: u64,
    action: &'static str,
    answer: BoxFuture<'static, Outcome>,
    /// The CALL's bytes, held until it is answered.
    _held: Held,
}

/// A CALL waiting for the one being handled.
struct Queued {
    text: String,
    held: Held,
}

/// The station's answer to a server call, as read from its frame.
enum Reply<'a> {
    Result(&'a RawValue),
    Error {
        code: String,
        description: String,
        details: Option<&'a RawValue>,
    },
}

/// A CALL answered recently: a repeat of it (same id, same bytes) gets the same answer again.
struct Answered {
    id: String,
    call_hash: u64,
    frame: String,
}

fn hash_of(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

struct Pending {
    id: String,
    action: &'static str,
    reply: oneshot::Sender<Result<Box<RawValue>, CommandError>>,
    deadline: Instant,
}

/// Why the session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    PeerClosed,
    SocketError,
    Replaced,
    Shutdown,
    TooManyBadFrames,
    NoPong,
    SendTimeout,
    /// The station sent a message longer than `--max-message-size`.
    TooBig,
}

struct Session {
    ctx: Arc<Context>,
    /// The budget of all stations' held bytes (the link's, taken once for the session).
    station_bytes: Arc<Budget>,
    station: Arc<str>,
    /// The OCPP version of this connection (its subprotocol).
    version: Version,
    connection_id: u64,
    registration: RegistrationStatus,
    in_flight: Option<InFlight>,
    queued: VecDeque<Queued>,
    /// The bytes of `queued`.
    queued_bytes: usize,
    answered: VecDeque<Answered>,
    pending: Option<Pending>,
    calls_sent: u64,
    bad_in_a_row: u32,
    last_heard: Instant,
    ping_sent: Option<Instant>,
    seen_saved: Instant,
    /// What this connection may still add to the journal.
    journal_budget: JournalBudget,
    /// The station's CALL whose journal row waits for its answer, to keep both in one row.
    pairing: Pairing,
}

/// Runs the session of `station` on an upgraded socket until it ends.
pub async fn run(ctx: Arc<Context>, station: Arc<str>, mut socket: WebSocket) {
    let _tracked = crate::link::of(&ctx).sessions.token();
    let chosen = socket
        .protocol()
        .and_then(|p| p.to_str().ok())
        .and_then(Version::from_subprotocol);
    let Some(version) = chosen else {
        // OCPP-J §3.2: finish the handshake without a subprotocol, then close at once.
        info!(station = %station, "no ocpp1.6 or ocpp2.0.1 subprotocol offered; closing");
        close(
            &mut socket,
            close_code::PROTOCOL_ERROR,
            "subprotocol ocpp2.0.1 or ocpp1.6 required",
        )
        .await;
        return;
    };
    let connection_id = crate::link::of(&ctx).registry.next_connection_id();
    let registration = match station::connected(&ctx, &station, version).await {
        Ok(registration) => registration,
        Err(e) => {
            warn!(station = %station, error = %e, "cannot register the connection; closing");
            close(&mut socket, close_code::INTERNAL_ERROR, "try again later").await;
            return;
        }
    };

    let (sender, inbox) = mpsc::channel(COMMAND_QUEUE);
    let closer = ctx.shutdown.child_token();
    let connected_at = Utc::now();
    let announced = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let handle = SessionHandle {
        connection_id,
        connected_at,
        sender,
        close: closer.clone(),
        announced: announced.clone(),
    };
    match crate::link::of(&ctx).registry.register(&station, handle) {
        Ok(Some(previous)) => {
            info!(station = %station, "a new connection replaces the previous one");
            previous.close.cancel();
        }
        Ok(None) => {}
        Err(_newer) => {
            info!(station = %station, "a newer connection already exists; closing this one");
            close(
                &mut socket,
                close_code::NORMAL,
                "replaced by a newer connection",
            )
            .await;
            return;
        }
    }
    let presence = Presence {
        connection_id,
        node_id: ctx.node_id.clone(),
        connected_at,
    };
    match crate::link::node::announce(&ctx, &station, presence).await {
        Ok(()) => announced.store(true, std::sync::atomic::Ordering::Relaxed),
        // The presence keeper writes it when the cache is back.
        Err(e) => warn!(station = %station, error = %e, "presence not cached"),
    }
    ctx.publish(crate::bus::Event::StationConnected {
        station_id: station.to_string(),
        connection_id,
        at: Utc::now(),
    })
    .await;
    info!(station = %station, registration = %registration, ocpp = %version, "station connected");

    let now = Instant::now();
    let mut session = Session {
        station_bytes: crate::link::of(&ctx).station_bytes.clone(),
        ctx,
        station,
        version,
        connection_id,
        registration,
        in_flight: None,
        queued: VecDeque::new(),
        queued_bytes: 0,
        answered: VecDeque::new(),
        pending: None,
        calls_sent: 0,
        bad_in_a_row: 0,
        last_heard: now,
        ping_sent: None,
        seen_saved: now,
        journal_budget: JournalBudget::new(now),
        pairing: Pairing::default(),
    };
    let end = session.serve(&mut socket, inbox, closer).await;
    session.finish(socket, end).await;
}

async fn close(socket: &mut WebSocket, code: u16, reason: &'static str) {
    let frame = CloseFrame {
        code,
        reason: reason.into(),
    };
    let _ = tokio::time::timeout(CLOSE_GRACE, socket.send(Message::Close(Some(frame)))).await;
}

/// The server log's line for one OCPP message.
fn log_message(station: &str, dir: Direction, kind: &str, action: &str, id: &str) {
    info!(station = %station, dir = %dir.as_str(), action = %action, msg_id = %id, "{kind}");
}

/// The server log's line for a CALLERROR, with its code and description.
fn log_error(station: &str, dir: Direction, action: &str, id: &str, code: &str, description: &str) {
    info!(station = %station, dir = %dir.as_str(), action = %action, msg_id = %id, code = %code, description = %description, "CALLERROR");
}

/// Sends one message; a station that does not take it within [`SEND_TIMEOUT`] (it stopped
/// reading) is disconnected rather than left to block its session.
async fn send(socket: &mut WebSocket, message: Message) -> Result<(), End> {
    match tokio::time::timeout(SEND_TIMEOUT, socket.send(message)).await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(_)) => Err(End::SocketError),
        Err(_) => Err(End::SendTimeout),
    }
}

/// Whether a read failed because the station's message is longer than `--max-message-size`.
fn too_big(error: axum::Error) -> bool {
    use tokio_tungstenite::tungstenite::{Error, error::CapacityError};
    matches!(
        error.into_inner().downcast_ref::<Error>(),
        Some(Error::Capacity(CapacityError::MessageTooLong { .. }))
    )
}

/// Polls the CALL being handled; pending forever when there is none.
fn in_flight(slot: &mut Option<InFlight>) -> impl Future<Output = Outcome> + '_ {
    std::future::poll_fn(move |cx| match slot {
        Some(call) => call.answer.as_mut().poll(cx),
        None => std::task::Poll::Pending,
    })
}

async fn tick(interval: &mut Option<Interval>) {
    match interval {
        Some(interval) => {
            interval.tick().await;
        }
        None => std::future::pending().await,
    }
}

impl Session {
    async fn serve(
        &mut self,
        socket: &mut WebSocket,
        mut inbox: mpsc::Receiver<Box<OutboundCall>>,
        closer: tokio_util::sync::CancellationToken,
    ) -> (End, mpsc::Receiver<Box<OutboundCall>>) {
        let every = self.ctx.settings.ping_interval.0;
        let mut ping = (!every.is_zero()).then(|| {
            let mut interval = tokio::time::interval_at(Instant::now() + every, every);
            interval.set_missed_tick_behavior(MissedTickBehavior::Delay);
            interval
        });
        let mut closing: Option<End> = None;
        loop {
            let deadline = self.pending.as_ref().map(|p| p.deadline);
            let end = tokio::select! {
                biased;
                () = closer.cancelled(), if closing.is_none() => {
                    let end = if self.ctx.shutdown.is_cancelled() { End::Shutdown } else { End::Replaced };
                    // Let the CALL being handled finish and be answered; drop the queued ones
                    // (unanswered, so the station sends them again after reconnecting).
                    self.queued.clear();
                    self.queued_bytes = 0;
                    if self.in_flight.is_some() {
                        closing = Some(end);
                        None
                    } else {
                        Some(end)
                    }
                }
                outcome = in_flight(&mut self.in_flight) => {
                    let call = self.in_flight.take().expect("polled an in-flight call");
                    match self.answer(socket, call, outcome).await {
                        Err(end) => Some(end),
                        Ok(()) if closing.is_some() => closing,
                        Ok(()) => self.take_queued(socket).await.err(),
                    }
                }
                message = socket.recv(), if closing.is_none() && self.queued.len() < MAX_QUEUED => {
                    self.heard(matches!(message, Some(Ok(Message::Text(_) | Message::Binary(_)))));
                    match message {
                        None | Some(Ok(Message::Close(_))) => Some(End::PeerClosed),
                        Some(Err(e)) => {
                            info!(station = %self.station, error = %e, "socket error");
                            Some(if too_big(e) { End::TooBig } else { End::SocketError })
                        }
                        Some(Ok(Message::Text(text))) => self.on_text(socket, text.as_str(), None).await.err(),
                        Some(Ok(Message::Binary(data))) => {
                            let note = format!("<binary frame of {} bytes>", data.len());
                            self.bad_frame(socket, None, None, note, "binary frames are not used by OCPP-J").await.err()
                        }
                        Some(Ok(Message::Ping(_) | Message::Pong(_))) => None,
                    }
                }
                Some(call) = inbox.recv(), if self.pending.is_none() && closing.is_none() => {
                    self.send_call(socket, call).await.err()
                }
                () = tokio::time::sleep_until(deadline.unwrap_or_else(Instant::now)), if deadline.is_some() => {
                    if let Some(p) = self.pending.take() {
                        warn!(station = %self.station, action = %p.action, msg_id = %p.id, "no answer to CALL in time");
                        let _ = p.reply.send(Err(CommandError::Timeout(self.ctx.settings.command_timeout.0)));
                    }
                    None
                }
                () = tick(&mut ping) => {
                    let reading = closing.is_none() && self.queued.len() < MAX_QUEUED;
                    self.ping(socket, reading).await.err()
                }
            };
            if let Some(end) = end {
                return (end, inbox);
            }
        }
    }

    /// Handles the CALLs that waited while another was handled, until one is in flight.
    async fn take_queued(&mut self, socket: &mut WebSocket) -> Result<(), End> {
        while self.in_flight.is_none() {
            let Some(Queued { text, held }) = self.queued.pop_front() else {
                break;
            };
            self.queued_bytes -= text.len();
            self.on_text(socket, &text, Some(held)).await?;
        }
        Ok(())
    }

    /// Anything received proves the socket alive; only frames (not pongs) count as the station
    /// being seen, so idle stations cause no writes.
    fn heard(&mut self, frame: bool) {
        let now = Instant::now();
        self.last_heard = now;
        if frame && now.duration_since(self.seen_saved) >= SEEN_EVERY {
            self.seen_saved = now;
            let (ctx, station) = (self.ctx.clone(), self.station.clone());
            tokio::spawn(async move { station::seen(&ctx, &station, Utc::now()).await });
        }
    }

    /// Closes a socket that did not answer the last ping; pings again. While the socket is not
    /// being read (queue full, closing), pongs cannot be seen, so nothing is checked or sent.
    async fn ping(&mut self, socket: &mut WebSocket, reading: bool) -> Result<(), End> {
        if !reading {
            self.ping_sent = None;
            return Ok(());
        }
        if self.ping_sent.is_some_and(|sent| self.last_heard < sent) {
            info!(station = %self.station, "no answer to the last ping; closing");
            return Err(End::NoPong);
        }
        self.ping_sent = Some(Instant::now());
        send(socket, Message::Ping(Default::default())).await
    }

    /// Handles one text frame; `held` holds its bytes when it waited in the queue.
    async fn on_text(
        &mut self,
        socket: &mut WebSocket,
        text: &str,
        held: Option<Held>,
    ) -> Result<(), End> {
        match frame::parse(text) {
            Ok(Frame::Call {
                id,
                action,
                payload,
            }) => {
                self.bad_in_a_row = 0;
                if self.in_flight.is_some() {
                    return self.enqueue(socket, text, &id, &action).await;
                }
                self.on_call(socket, text, held, (id, action, payload))
                    .await
            }
            Ok(Frame::CallResult { id, payload }) => {
                self.on_answer(text, &id, Reply::Result(payload)).await;
                Ok(())
            }
            Ok(Frame::CallError {
                id,
                code,
                description,
                details,
            }) => {
                let reply = Reply::Error {
                    code,
                    description,
                    details,
                };
                self.on_answer(text, &id, reply).await;
                Ok(())
            }
            Err(e) => self.on_bad_frame(socket, text, e).await,
        }
    }

    /// Handles the station's answer (CALLRESULT or CALLERROR) to an outstanding server call:
    /// journals it and hands it to the caller; an answer to no outstanding call is dropped.
    async fn on_answer(&mut self, text: &str, id: &str, reply: Reply<'_>) {
        self.bad_in_a_row = 0;
        let (message_type, kind) = match reply {
            Reply::Result(_) => (3, "CALLRESULT"),
            Reply::Error { .. } => (4, "CALLERROR"),
        };
        let action = self
            .pending
            .as_ref()
            .filter(|p| p.id == id)
            .map(|p| p.action);
        self.journal(
            Direction::In,
            Some(message_type),
            Some(id),
            action,
            text.to_owned(),
        )
        .await;
        let Some(p) = self.pending.take_if(|p| p.id == id) else {
            warn!(station = %self.station, msg_id = %id, "{kind} for no outstanding call (late or unknown id); dropped");
            return;
        };
        let answer = match reply {
            Reply::Result(payload) => {
                log_message(&self.station, Direction::In, kind, p.action, id);
                Ok(payload.to_owned())
            }
            Reply::Error {
                code,
                description,
                details,
            } => {
                self.ctx.metrics.call_error_received(&code);
                log_error(
                    &self.station,
                    Direction::In,
                    p.action,
                    id,
                    &code,
                    &description,
                );
                let details = details
                    .and_then(|d| serde_json::from_str(d.get()).ok())
                    .unwrap_or_else(|| serde_json::json!({}));
                Err(CommandError::CallError {
                    code,
                    description,
                    details,
                })
            }
        };
        let _ = p.reply.send(answer);
    }

    /// Handles a frame that is not a well-formed CALL, CALLRESULT or CALLERROR: an unknown
    /// message type is journaled and ignored; a CALL with a readable id is answered
    /// `ProtocolError`; anything else is counted as a bad frame.
    async fn on_bad_frame(
        &mut self,
        socket: &mut WebSocket,
        text: &str,
        error: FrameError,
    ) -> Result<(), End> {
        match error {
            FrameError::UnknownType(n) => {
                let id = frame::message_id(text);
                self.journal(Direction::In, None, id.as_deref(), None, text.to_owned())
                    .await;
                match (self.version, id) {
                    // OCPP 2.0.1 Part 4 §4.3: answered `MessageTypeNotSupported`.
                    (Version::V201, Some(id)) => {
                        let reason = format!("message type {n} is not supported");
                        let error = CallError::new(ErrorCode::MessageTypeNotSupported, reason);
                        self.send_error(socket, &id, "", &error).await
                    }
                    // OCPP-J 1.6 §4.1.3: ignored.
                    _ => {
                        info!(station = %self.station, message_type = n, "frame of unknown message type ignored");
                        Ok(())
                    }
                }
            }
            FrameError::BadCall { id, reason } => {
                // 1.6: `ProtocolError`; 2.0.1 names a CALL that is not a valid RPC request
                // `RpcFrameworkError` (Part 4 §4.3).
                let code = match self.version {
                    Version::V16 => ErrorCode::ProtocolError,
                    Version::V201 => ErrorCode::RpcFrameworkError,
                };
                let error = CallError::new(code, reason);
                let answer =
                    frame::call_error_in(self.version, &id, error.code, &error.description);
                self.bad_frame(
                    socket,
                    Some(&id),
                    Some(answer),
                    text.to_owned(),
                    &error.description,
                )
                .await
            }
            e @ (FrameError::Unreadable(_) | FrameError::BadAnswer { .. }) => {
                let id = match &e {
                    FrameError::BadAnswer { id, .. } => id.clone(),
                    _ => None,
                };
                self.bad_frame(socket, id.as_deref(), None, text.to_owned(), &e.reason())
                    .await
            }
        }
    }

    /// Handles a CALL while no other is: answers a repeat, a violation or a CALL the server has
    /// no room to hold at once; otherwise holds what it costs (growing `held`, its bytes while
    /// it was queued) until it is answered, and starts its use case.
    async fn on_call(
        &mut self,
        socket: &mut WebSocket,
        text: &str,
        held: Option<Held>,
        (id, action, payload): (String, String, &RawValue),
    ) -> Result<(), End> {
        self.ctx.metrics.call_in(&action);
        self.journal(
            Direction::In,
            Some(2),
            Some(&id),
            Some(&action),
            text.to_owned(),
        )
        .await;
        log_message(&self.station, Direction::In, "CALL", &action, &id);
        let call_hash = hash_of(text);
        if let Some(first) = self.first_answer(&id, call_hash) {
            return self.send_answer(socket, &id, &action, first).await;
        }
        let max_id = self.ctx.settings.limits.max_connector_id;
        match Inbound::parse(self.version, &action, payload, max_id).and_then(|req| self.admit(req))
        {
            Ok(req) => {
                let Some(held) = self.hold_handled(held, text, &req) else {
                    return self
                        .refuse_busy(socket, &id, &action, "all stations' bytes are held")
                        .await;
                };
                let action = req.action();
                // Exported only with --otlp-endpoint (src/traces.rs); otherwise disabled.
                let span = tracing::info_span!(
                    target: crate::traces::TARGET,
                    "ocpp.message",
                    otel.kind = "server",
                    chargegate.node = %self.ctx.node_id,
                    ocpp.station = %self.station,
                    ocpp.action = action,
                    ocpp.message_type = "CALL",
                    ocpp.message_id = %id,
                    ocpp.outcome = tracing::field::Empty,
                    ocpp.error_code = tracing::field::Empty,
                );
                let handled = dispatch(self.ctx.clone(), self.station.clone(), req);
                let answer = Box::pin(
                    async move {
                        let outcome = handled.await;
                        let span = tracing::Span::current();
                        match &outcome {
                            Ok(_) => {
                                span.record("ocpp.outcome", "result");
                            }
                            Err(error) => {
                                span.record("ocpp.outcome", "call_error");
                                span.record("ocpp.error_code", error.code.as_str());
                            }
                        }
                        outcome
                    }
                    .instrument(span),
                );
                self.in_flight = Some(InFlight {
                    id,
                    call_hash,
                    action,
                    answer,
                    _held: held,
                });
                Ok(())
            }
            Err(error) => {
                let frame = self.error_frame(&id, &action, &error);
                self.remember(&id, call_hash, &frame);
                self.send_answer(socket, &id, &action, frame).await
            }
        }
    }

    /// The CALLERROR frame of `error`, spelled for this connection's version, counted and logged.
    fn error_frame(&self, id: &str, action: &str, error: &CallError) -> String {
        let code = error.code.wire(self.version);
        self.ctx.metrics.call_error_sent(code);
        log_error(
            &self.station,
            Direction::Out,
            action,
            id,
            code,
            &error.description,
        );
        frame::call_error_in(self.version, id, error.code, &error.description)
    }

    /// Sends `error` as the answer to the CALL `id` (not remembered for repeats).
    async fn send_error(
        &mut self,
        socket: &mut WebSocket,
        id: &str,
        action: &str,
        error: &CallError,
    ) -> Result<(), End> {
        let frame = self.error_frame(id, action, error);
        self.send_answer(socket, id, action, frame).await
    }

    /// Holds what a CALL costs while it is handled (its text and its sampled values, at most
    /// the whole budget: a heavier CALL is handled alone), growing what it held in the queue.
    fn hold_handled(&self, held: Option<Held>, text: &str, req: &Inbound) -> Option<Held> {
        let budget = &self.station_bytes;
        let weight = req
            .sampled_values()
            .saturating_mul(SAMPLE_BYTES)
            .saturating_add(text.len())
            .min(budget.limit());
        match held {
            Some(mut held) => held.grow_to(weight).then_some(held),
            None => budget.take(weight),
        }
    }

    /// The answer already sent to this CALL, when it repeats one (same id, same bytes).
    fn first_answer(&self, id: &str, call_hash: u64) -> Option<String> {
        let seen = self.answered.iter().find(|a| a.id == id)?;
        if seen.call_hash == call_hash {
            info!(station = %self.station, msg_id = %id, "repeated CALL: sending the first answer again");
            return Some(seen.frame.clone());
        }
        warn!(station = %self.station, msg_id = %id, "message id reused for a different CALL; handled as a new one");
        None
    }

    /// Queues a CALL that arrived while another is handled, when this station's queue and all
    /// stations' bytes have room for it; otherwise answers it at once.
    async fn enqueue(
        &mut self,
        socket: &mut WebSocket,
        text: &str,
        id: &str,
        action: &str,
    ) -> Result<(), End> {
        let bound = self.ctx.settings.limits.station_queue_bytes.bytes();
        if self.queued_bytes.saturating_add(text.len()) > bound {
            return self
                .refuse_queued(socket, text, id, action, "the station's queue is full")
                .await;
        }
        let Some(held) = self.station_bytes.take(text.len()) else {
            return self
                .refuse_queued(socket, text, id, action, "all stations' bytes are held")
                .await;
        };
        self.queued_bytes += text.len();
        self.queued.push_back(Queued {
            text: text.to_owned(),
            held,
        });
        Ok(())
    }

    /// Journals a CALL that could not be queued and answers it at once.
    async fn refuse_queued(
        &mut self,
        socket: &mut WebSocket,
        text: &str,
        id: &str,
        action: &str,
        why: &str,
    ) -> Result<(), End> {
        self.journal(
            Direction::In,
            Some(2),
            Some(id),
            Some(action),
            text.to_owned(),
        )
        .await;
        self.ctx.metrics.call_in(action);
        log_message(&self.station, Direction::In, "CALL", action, id);
        self.refuse_busy(socket, id, action, why).await
    }

    /// Answers a CALL the server has no room to hold: `InternalError` ("not able to process
    /// the requested Action", OCPP-J §4.2.3), which a station retries, as after a storage
    /// failure; like that, it is not remembered as the answer to a repeat.
    async fn refuse_busy(
        &mut self,
        socket: &mut WebSocket,
        id: &str,
        action: &str,
        why: &str,
    ) -> Result<(), End> {
        warn!(station = %self.station, msg_id = %id, action = %action, why, "CALL refused: no room to hold it");
        let error = CallError::new(ErrorCode::InternalError, BUSY);
        self.send_error(socket, id, action, &error).await
    }

    /// Journals an unreadable frame, answers it when it can be answered, and closes the socket
    /// after too many in a row.
    async fn bad_frame(
        &mut self,
        socket: &mut WebSocket,
        id: Option<&str>,
        answer: Option<String>,
        text: String,
        reason: &str,
    ) -> Result<(), End> {
        self.journal(Direction::In, None, id, None, text).await;
        warn!(station = %self.station, reason = %reason, "unreadable frame");
        if let (Some(id), Some(answer)) = (id, answer) {
            let code = match self.version {
                Version::V16 => ErrorCode::ProtocolError,
                Version::V201 => ErrorCode::RpcFrameworkError,
            };
            self.ctx.metrics.call_error_sent(code.wire(self.version));
            log_error(
                &self.station,
                Direction::Out,
                "-",
                id,
                code.wire(self.version),
                reason,
            );
            self.send_answer(socket, id, "", answer).await?;
        }
        self.bad_in_a_row += 1;
        let limit = self.ctx.settings.max_bad_frames;
        if limit > 0 && self.bad_in_a_row >= limit {
            warn!(station = %self.station, count = self.bad_in_a_row, "too many unreadable frames in a row; closing");
            return Err(End::TooManyBadFrames);
        }
        Ok(())
    }

    /// Before a station is accepted, only BootNotification is allowed (OCPP-J errata 3.8).
    fn admit(&self, req: Inbound) -> Result<Inbound, CallError> {
        if self.registration != RegistrationStatus::Accepted && !req.is_boot_notification() {
            return Err(CallError::new(
                ErrorCode::SecurityError,
                format!(
                    "the charge point is not accepted (registration {}); only BootNotification is allowed",
                    self.registration
                ),
            ));
        }
        Ok(req)
    }

    async fn answer(
        &mut self,
        socket: &mut WebSocket,
        call: InFlight,
        outcome: Outcome,
    ) -> Result<(), End> {
        // A storage failure is temporary: a repeat of the CALL must be handled again, not be
        // answered the same failure.
        let remember = !matches!(&outcome, Err(e) if e.code == ErrorCode::InternalError);
        let frame = match outcome {
            Ok(answer) => {
                if let Some(registration) = answer.registration {
                    self.registration = registration;
                }
                log_message(
                    &self.station,
                    Direction::Out,
                    "CALLRESULT",
                    call.action,
                    &call.id,
                );
                frame::call_result(&call.id, &answer.payload)
            }
            Err(error) => self.error_frame(&call.id, call.action, &error),
        };
        if remember {
            self.remember(&call.id, call.call_hash, &frame);
        }
        self.send_answer(socket, &call.id, call.action, frame).await
    }

    fn remember(&mut self, id: &str, call_hash: u64, frame: &str) {
        if self.answered.len() == REMEMBERED_ANSWERS {
            self.answered.pop_front();
        }
        self.answered.push_back(Answered {
            id: id.to_owned(),
            call_hash,
            frame: frame.to_owned(),
        });
    }

    async fn send_answer(
        &mut self,
        socket: &mut WebSocket,
        id: &str,
        action: &str,
        frame: String,
    ) -> Result<(), End> {
        let message_type = if frame.starts_with("[3") { 3 } else { 4 };
        send(socket, Message::Text(frame.clone().into())).await?;
        let action = (!action.is_empty()).then_some(action);
        self.journal(Direction::Out, Some(message_type), Some(id), action, frame)
            .await;
        Ok(())
    }

    async fn send_call(
        &mut self,
        socket: &mut WebSocket,
        call: Box<OutboundCall>,
    ) -> Result<(), End> {
        let call = *call;
        if call.reply.is_closed() {
            return Ok(()); // the caller stopped waiting before its turn came
        }
        self.calls_sent += 1;
        let id = self.calls_sent.to_string();
        let frame = frame::call(&id, call.action, &call.payload);
        log_message(&self.station, Direction::Out, "CALL", call.action, &id);
        self.ctx.metrics.call_out(call.action);
        if let Err(end) = send(socket, Message::Text(frame.clone().into())).await {
            let _ = call.reply.send(Err(CommandError::Disconnected));
            return Err(end);
        }
        let journaled = redacted(&id, call.action, &call.payload).unwrap_or(frame);
        self.journal(
            Direction::Out,
            Some(2),
            Some(&id),
            Some(call.action),
            journaled,
        )
        .await;
        self.pending = Some(Pending {
            id,
            action: call.action,
            reply: call.reply,
            deadline: Instant::now() + self.ctx.settings.command_timeout.0,
        });
        Ok(())
    }

    /// Journals a frame within the connection's budget (see `journal_budget`): cut to
    /// `--journal-max-frame`, or only counted when the budget is spent.
    ///
    /// A station's CALL is held back until the next frame: when that is its answer, whole,
    /// both go in one row (see `journal_pairing`).
    async fn journal(
        &mut self,
        direction: Direction,
        message_type: Option<i16>,
        id: Option<&str>,
        action: Option<&str>,
        payload: String,
    ) {
        if !self.ctx.settings.journal {
            return;
        }
        let limits = &self.ctx.settings.limits;
        let max_frame = limits.journal_max_frame.bytes();
        let class = journal_budget::Class::of(direction, message_type, action);
        let stored = store::journal::stored_len(&payload, max_frame);
        let rate = limits.journal_station_rate.0;
        let now = Instant::now();
        match self
            .journal_budget
            .admit(class, stored, payload.len(), now, rate)
        {
            Admit::Skip { first } => {
                if first {
                    warn!(station = %self.station, rate = %limits.journal_station_rate, "journal budget spent: frames are counted, not kept, until it refills");
                }
                self.release_held_call().await;
                return;
            }
            Admit::Keep {
                resumed: Some(skipped),
            } => {
                self.release_held_call().await;
                journal_budget::journal_skipped(&self.ctx.store, &self.station, skipped).await;
            }
            Admit::Keep { resumed: None } => {}
        }
        // Bounded to the columns' sizes, and without NUL (see `without_nul`): a journal row
        // must never make a batch fail.
        let clip = |s: &str, n: usize| without_nul(s.chars().take(n).collect());
        let kept = StoredFrame::of(payload, max_frame);
        let row = JournalRow {
            station_id: self.station.clone(),
            direction,
            message_type,
            message_id: id.map(|id| clip(id, frame::MAX_MESSAGE_ID_LEN)),
            action: action.map(|a| clip(a, 64)),
            payload: kept.payload,
            payload_size: kept.size,
            payload_sha256: kept.sha256,
            at: Utc::now(),
            answer: None,
        };
        for row in self.pairing.next(row) {
            self.ctx.store.journal(row).await;
        }
    }

    /// Writes the CALL held for its answer (see `journal_pairing`) on its own.
    async fn release_held_call(&mut self) {
        if let Some(call) = self.pairing.release() {
            self.ctx.store.journal(call).await;
        }
    }

    async fn finish(
        mut self,
        mut socket: WebSocket,
        (end, mut inbox): (End, mpsc::Receiver<Box<OutboundCall>>),
    ) {
        // Before closing (which may take seconds), so that a newer connection's frames come
        // after it in the journal.
        self.release_held_call().await;
        match end {
            End::Shutdown => {
                close(&mut socket, close_code::GOING_AWAY, "server shutting down").await
            }
            End::Replaced => {
                close(
                    &mut socket,
                    close_code::NORMAL,
                    "replaced by a newer connection",
                )
                .await
            }
            End::TooManyBadFrames => {
                close(
                    &mut socket,
                    close_code::PROTOCOL_ERROR,
                    "too many unreadable frames",
                )
                .await
            }
            End::TooBig => {
                close(
                    &mut socket,
                    close_code::MESSAGE_TOO_BIG,
                    "message longer than the server accepts",
                )
                .await
            }
            End::PeerClosed | End::SocketError | End::NoPong | End::SendTimeout => {}
        }
        drop(socket);
        // A CALL still being handled finishes (its data is stored; the station, unanswered,
        // sends it again and is recognised as a retry).
        if let Some(call) = self.in_flight.take() {
            let _ = tokio::time::timeout(CLOSE_GRACE, call.answer).await;
        }
        if let Some(p) = self.pending.take() {
            let _ = p.reply.send(Err(CommandError::Disconnected));
        }
        self.journal_budget
            .finish(&self.ctx.store, &self.station)
            .await;
        inbox.close();
        while let Ok(call) = inbox.try_recv() {
            let _ = call.reply.send(Err(CommandError::Offline));
        }
        if super::of(&self.ctx)
            .registry
            .remove_if_current(&self.station, self.connection_id)
        {
            station::disconnected(&self.ctx, &self.station, self.connection_id).await;
        }
        info!(station = %self.station, reason = ?end, "station disconnected");
    }
}

/// The frame to journal instead of a CALL that carries a secret: the value of a
/// ChangeConfiguration of `AuthorizationKey` (a station's password), and the upload token in
/// a GetDiagnostics location on this server (`…/diagnostics/***`: whoever reads the journal
/// could otherwise upload in the station's name) are masked.
fn redacted(id: &str, action: &str, payload: &RawValue) -> Option<String> {
    use ocpp::v16::GetDiagnostics;
    let masked = if action == ChangeConfiguration::ACTION {
        let mut change: ChangeConfiguration = serde_json::from_str(payload.get()).ok()?;
        if !change.key.as_str().eq_ignore_ascii_case("AuthorizationKey") {
            return None;
        }
        change.value = CiString::new("***").ok()?;
        serde_json::value::to_raw_value(&change).ok()?
    } else if action == GetDiagnostics::ACTION {
        let mut request: GetDiagnostics = serde_json::from_str(payload.get()).ok()?;
        request.location = crate::use_case::firmware::mask_upload_token(&request.location)?;
        serde_json::value::to_raw_value(&request).ok()?
    } else {
        return None;
    };
    Some(frame::call(id, action, &masked))
}
