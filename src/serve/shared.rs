//! What the connections of the accept loop share: the counts of both listeners
//! ([`Connections`]), a listener's router, TLS acceptor, deadlines and shutdown signals
//! (`Shared`), and why the watchdog closed a connection.

use std::net::IpAddr;
use std::sync::{
    Arc,
    atomic::{AtomicU64, AtomicUsize, Ordering::Relaxed},
};
use std::time::Duration;

use axum::Router;
use prometheus_client::metrics::counter::Counter;
use tokio_rustls::TlsAcceptor;
use tokio_util::sync::CancellationToken;

use super::handshakes::Handshakes;
use crate::config::Settings;

/// The deadlines of a connection, from the settings.
#[derive(Clone, Copy, Debug)]
pub(super) struct Timeouts {
    pub header: Duration,
    pub keep_alive: Duration,
}

/// Why the watchdog closed a connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Expiry {
    /// No complete request head (or TLS handshake) in time.
    Head,
    /// Kept alive, and no next request in time.
    Idle,
}

/// The connections of both listeners: the handshake caps and what happened to connections,
/// counted (for tests and operators).
pub struct Connections {
    pub(super) handshakes: Arc<Handshakes>,
    pub(super) open: AtomicUsize,
    pub(super) refused: AtomicU64,
    pub(super) head_timeouts: AtomicU64,
    pub(super) idle_timeouts: AtomicU64,
    pub(super) accept_failures: AtomicU64,
    /// TLS handshakes that failed or timed out (a Prometheus counter: the server's metrics
    /// count them with the station handshakes' outcomes).
    pub(super) tls_failures: Counter,
}

impl Connections {
    pub fn new(settings: &Settings) -> Arc<Self> {
        Self::counting_tls_failures(settings, Counter::default())
    }

    /// Like [`Connections::new`], counting failed TLS handshakes on `tls_failures`.
    pub fn counting_tls_failures(settings: &Settings, tls_failures: Counter) -> Arc<Self> {
        let limits = &settings.limits;
        Arc::new(Self {
            handshakes: Handshakes::new(
                limits.max_handshakes,
                limits.max_handshakes_per_address,
                settings.trusted_proxies.clone(),
            ),
            open: AtomicUsize::new(0),
            refused: AtomicU64::new(0),
            head_timeouts: AtomicU64::new(0),
            idle_timeouts: AtomicU64::new(0),
            accept_failures: AtomicU64::new(0),
            tls_failures,
        })
    }

    /// Connections in their handshake now (accepted, first request not read completely).
    pub fn in_handshake(&self) -> usize {
        self.handshakes.count()
    }

    /// Connections in their handshake now from `ip`'s address (its /64 for IPv6).
    pub fn in_handshake_from(&self, ip: IpAddr) -> usize {
        self.handshakes.count_from(ip)
    }

    /// Client addresses with connections in their handshake now.
    pub fn handshake_addresses(&self) -> usize {
        self.handshakes.addresses()
    }

    /// HTTP connections open now (upgraded ones are sessions and not counted).
    pub fn open(&self) -> usize {
        self.open.load(Relaxed)
    }

    /// Connections closed at once: their address had the most in their handshake.
    pub fn refused(&self) -> u64 {
        self.refused.load(Relaxed)
    }

    /// Connections closed for not sending a request head (or TLS handshake) in time.
    pub fn head_timeouts(&self) -> u64 {
        self.head_timeouts.load(Relaxed)
    }

    /// Kept-alive connections closed for not sending their next request in time.
    pub fn idle_timeouts(&self) -> u64 {
        self.idle_timeouts.load(Relaxed)
    }

    /// Times `accept` failed for want of resources (file descriptors, buffers, memory).
    pub fn accept_failures(&self) -> u64 {
        self.accept_failures.load(Relaxed)
    }

    /// TLS handshakes that failed or timed out.
    pub fn tls_failures(&self) -> u64 {
        self.tls_failures.get()
    }

    pub(super) fn opened(self: &Arc<Self>) -> OpenGuard {
        self.open.fetch_add(1, Relaxed);
        OpenGuard(self.clone())
    }

    pub(super) fn count_expiry(&self, expiry: Expiry) {
        match expiry {
            Expiry::Head => &self.head_timeouts,
            Expiry::Idle => &self.idle_timeouts,
        }
        .fetch_add(1, Relaxed);
    }
}

/// Counts a connection open while it lives.
pub(super) struct OpenGuard(Arc<Connections>);

impl Drop for OpenGuard {
    fn drop(&mut self) {
        self.0.open.fetch_sub(1, Relaxed);
    }
}

/// What every connection of one listener shares.
pub(super) struct Shared {
    pub(super) router: Router,
    pub(super) tls: Option<TlsAcceptor>,
    pub(super) timeouts: Timeouts,
    pub(super) connections: Arc<Connections>,
    /// Stop accepting; connections end after their request in progress.
    pub(super) shutdown: CancellationToken,
    /// Close every connection now (after `DRAIN`).
    pub(super) force: CancellationToken,
}
