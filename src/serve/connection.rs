//! One accepted connection: its TLS handshake (on the TLS listener), then HTTP/1.1 with
//! upgrades through hyper, every request handed to the router with the peer's
//! `ConnectInfo<SocketAddr>` (and its [`TlsPeer`]), all under a watchdog.
//!
//! The watchdog knows where the connection is through a [`Watch`] that the socket, the
//! service and the response body update:
//!
//! - **head**: waiting for a request's line and headers, since the connection opened (first
//!   request; TLS handshake included) or since the first byte of a later request: closed after
//!   `--header-read-timeout`;
//! - **idle**: a response has been sent and nothing of the next request has arrived yet:
//!   closed after `--keep-alive-timeout`;
//! - **busy**: a request is with the router (its handler runs, reads its body, its response is
//!   written): no deadline here; the handlers bound what they wait for (`--body-read-timeout`
//!   for the APIs' bodies, `--upload-idle-timeout` for uploads, `--upgrade-timeout` for a
//!   station's handshake, `--query-timeout`). A body that its handler does not read is not
//!   waited for: after the response hyper takes what has arrived and, if that is not all of
//!   it, closes the connection.
//!
//! The first request reaching the router also ends the connection's handshake, which frees its
//! [`HandshakeSlot`]. A WebSocket upgrade ends the HTTP connection, and with it the watchdog:
//! the upgraded socket is the session's.

use std::{
    convert::Infallible,
    future::Future,
    io,
    net::SocketAddr,
    pin::{Pin, pin},
    sync::{
        Arc, Mutex,
        atomic::{AtomicU8, AtomicU64, Ordering::Relaxed},
    },
    task::{Context, Poll, ready},
    time::{Duration, Instant},
};

use axum::{
    body::{Body, Bytes},
    extract::ConnectInfo,
    http::{Request, Response},
};
use http_body::{Frame, SizeHint};
use hyper::{body::Incoming, server::conn::http1};
use hyper_util::rt::TokioIo;
use tokio::{
    io::{AsyncRead, AsyncWrite, ReadBuf},
    net::TcpStream,
    sync::Notify,
};
use tokio_rustls::TlsAcceptor;
use tracing::{debug, info};

use super::tls_peer::{self, TlsPeer};
use super::{
    handshakes::HandshakeSlot,
    shared::{Expiry, Shared, Timeouts},
};

/// Serves one accepted connection until it ends, times out, upgrades or the server stops.
pub(super) async fn run(
    tcp: TcpStream,
    peer: SocketAddr,
    slot: HandshakeSlot,
    shared: Arc<Shared>,
) {
    let _open = shared.connections.opened();
    let watch = Arc::new(Watch::new(slot));
    let io = Watched {
        io: tcp,
        watch: watch.clone(),
    };
    let expiry = pin!(watch.clone().expiry(shared.timeouts));
    match &shared.tls {
        None => {
            let client = Client {
                addr: peer,
                tls: None,
            };
            serve_http(io, client, watch, expiry, &shared).await;
        }
        // On the heap: the TLS states would make every plain connection's task larger.
        Some(acceptor) => {
            let acceptor = acceptor.clone();
            Box::pin(serve_tls(acceptor, io, peer, watch, expiry, &shared)).await;
        }
    }
}

/// The TLS handshake, under the header timeout, then HTTP over TLS.
async fn serve_tls(
    acceptor: TlsAcceptor,
    io: Watched,
    peer: SocketAddr,
    watch: Arc<Watch>,
    mut expiry: Pin<&mut impl Future<Output = Expiry>>,
    shared: &Arc<Shared>,
) {
    let handshake = tokio::select! {
        handshake = acceptor.accept(io) => handshake,
        expired = expiry.as_mut() => {
            shared.connections.count_expiry(expired);
            shared.connections.tls_failures.inc();
            // A security event (whitepaper A00.FR.408), as every failed TLS handshake.
            info!(client = %peer, "TLS handshake timed out");
            return;
        }
        () = shared.shutdown.cancelled() => return,
    };
    match handshake {
        Ok(stream) => {
            let tls = Some(tls_peer::peer_of(&stream, peer));
            serve_http(stream, Client { addr: peer, tls }, watch, expiry, shared).await;
        }
        // A bad client certificate, an old TLS version, no common cipher suite, not TLS at all.
        Err(e) => {
            shared.connections.tls_failures.inc();
            info!(client = %peer, error = %e, "TLS handshake failed");
        }
    }
}

/// Who is at the other end, put into every request.
#[derive(Clone)]
struct Client {
    addr: SocketAddr,
    tls: Option<TlsPeer>,
}

/// HTTP/1.1 on `io` with upgrades, until the connection ends, the watchdog fires, or the
/// server stops (a graceful end first: the request in progress is answered).
async fn serve_http<I>(
    io: I,
    client: Client,
    watch: Arc<Watch>,
    mut expiry: Pin<&mut impl Future<Output = Expiry>>,
    shared: &Arc<Shared>,
) where
    I: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let addr = client.addr;
    let service = Service {
        shared: shared.clone(),
        client,
        watch,
    };
    let mut conn = pin!(
        http1::Builder::new()
            // Ours is the watchdog above; hyper's would also cut kept-alive connections at it.
            .header_read_timeout(None)
            .max_header_size(MAX_HEAD_BYTES)
            .max_buf_size(MAX_HEAD_BYTES)
            .serve_connection(TokioIo::new(io), service)
            .with_upgrades()
    );
    let mut draining = false;
    loop {
        tokio::select! {
            served = conn.as_mut() => {
                if let Err(e) = served {
                    debug!(client = %addr, error = %e, "connection ended with an error");
                }
                return;
            }
            expired = expiry.as_mut() => {
                shared.connections.count_expiry(expired);
                debug!(client = %addr, ?expired, "connection closed: timed out");
                return;
            }
            () = shared.shutdown.cancelled(), if !draining => {
                draining = true;
                conn.as_mut().graceful_shutdown();
            }
            () = shared.force.cancelled() => return,
        }
    }
}

/// The largest request line and headers a connection may send (hyper answers a larger head 431
/// and closes), and what its read buffer aims at (one read may take it up to twice that).
/// hyper's default buffer is 400 KiB, which across `--max-handshakes` connections would be
/// 1.6 GiB.
const MAX_HEAD_BYTES: usize = 64 * 1024;

/// Where a connection is (see the module's introduction).
const HEAD: u8 = 0;
const IDLE: u8 = 1;
const BUSY: u8 = 2;

/// A connection's phase, shared by its socket, service, bodies and watchdog.
pub(super) struct Watch {
    opened: Instant,
    phase: AtomicU8,
    /// When the phase began, in µs after `opened`.
    since: AtomicU64,
    /// Requests that reached the router.
    requests: AtomicU64,
    /// Wakes the watchdog on every change of phase.
    changed: Notify,
    /// Held until the first request reaches the router.
    slot: Mutex<Option<HandshakeSlot>>,
}

impl Watch {
    fn new(slot: HandshakeSlot) -> Self {
        Self {
            opened: Instant::now(),
            phase: AtomicU8::new(HEAD),
            since: AtomicU64::new(0),
            requests: AtomicU64::new(0),
            changed: Notify::new(),
            slot: Mutex::new(Some(slot)),
        }
    }

    fn enter(&self, phase: u8) {
        let since = u64::try_from(self.opened.elapsed().as_micros()).unwrap_or(u64::MAX);
        self.since.store(since, Relaxed);
        self.phase.store(phase, Relaxed);
        self.changed.notify_one();
    }

    fn state(&self) -> (u8, u64) {
        (self.phase.load(Relaxed), self.since.load(Relaxed))
    }

    /// Bytes arrived on the socket: after a response, the next request has begun.
    fn bytes_arrived(&self) {
        if self.phase.load(Relaxed) == IDLE {
            self.enter(HEAD);
        }
    }

    /// A request reached the router; returns its number. The first ends the handshake.
    fn request_arrived(&self) -> u64 {
        self.enter(BUSY);
        let number = self.requests.fetch_add(1, Relaxed) + 1;
        if number == 1 {
            let slot = self
                .slot
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .take();
            drop(slot);
        }
        number
    }

    /// The response to request `number` has been sent (or dropped).
    fn request_done(&self, number: u64) {
        if self.requests.load(Relaxed) == number && self.phase.load(Relaxed) == BUSY {
            self.enter(IDLE);
        }
    }

    /// Resolves when the connection has overstayed its phase's deadline.
    async fn expiry(self: Arc<Self>, timeouts: Timeouts) -> Expiry {
        loop {
            let changed = self.changed.notified();
            let (phase, since) = self.state();
            let (limit, expiry) = match phase {
                HEAD => (timeouts.header, Expiry::Head),
                IDLE => (timeouts.keep_alive, Expiry::Idle),
                _ => {
                    changed.await;
                    continue;
                }
            };
            let deadline = self.opened + Duration::from_micros(since) + limit;
            tokio::select! {
                () = changed => {}
                () = tokio::time::sleep_until(deadline.into()) => {
                    if self.state() == (phase, since) {
                        return expiry;
                    }
                }
            }
        }
    }
}

/// The socket, telling the [`Watch`] when bytes arrive.
struct Watched {
    io: TcpStream,
    watch: Arc<Watch>,
}

impl AsyncRead for Watched {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        ready!(Pin::new(&mut self.io).poll_read(cx, buf))?;
        if buf.filled().len() > before {
            self.watch.bytes_arrived();
        }
        Poll::Ready(Ok(()))
    }
}

impl AsyncWrite for Watched {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.io).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.io).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_shutdown(cx)
    }
}

/// The router, as hyper calls it for each request of one connection.
#[derive(Clone)]
struct Service {
    shared: Arc<Shared>,
    client: Client,
    watch: Arc<Watch>,
}

impl hyper::service::Service<Request<Incoming>> for Service {
    type Response = Response<Sent>;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Response<Sent>, Infallible>> + Send>>;

    fn call(&self, request: Request<Incoming>) -> Self::Future {
        let number = self.watch.request_arrived();
        let request = self.prepare(request);
        let mut router = self.shared.router.clone();
        let watch = self.watch.clone();
        Box::pin(async move {
            let response = match tower_service::Service::call(&mut router, request).await {
                Ok(response) => response,
                Err(never) => match never {},
            };
            Ok(response.map(|body| Sent {
                body,
                watch,
                number,
            }))
        })
    }
}

impl Service {
    /// The request as handlers expect it, with the client's address and TLS peer.
    fn prepare(&self, request: Request<Incoming>) -> Request<Body> {
        let (mut parts, body) = request.into_parts();
        parts.extensions.insert(ConnectInfo(self.client.addr));
        if let Some(tls) = &self.client.tls {
            parts.extensions.insert(tls.clone());
        }
        Request::from_parts(parts, Body::new(body))
    }
}

/// A response body that marks its request done once hyper has sent it (and dropped it).
pub(super) struct Sent {
    body: Body,
    watch: Arc<Watch>,
    number: u64,
}

impl http_body::Body for Sent {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        Pin::new(&mut self.body).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}

impl Drop for Sent {
    fn drop(&mut self) {
        self.watch.request_done(self.number);
    }
}
