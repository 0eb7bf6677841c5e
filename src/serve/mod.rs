//! Serves the router on a listener with our own accept loop and HTTP/1.1 connections (hyper),
//! because `axum::serve` takes no timeouts: a connection that sends nothing, stops in the
//! middle of its headers or idles between requests would be held forever.
//!
//! The accept loop takes a place among the connections still in their handshake
//! ([`handshakes`]) before it accepts, so at `--max-handshakes` further connections wait in
//! the kernel's accept queue, costing no file descriptor; a connection from an address that
//! already has `--max-handshakes-per-address` in their handshake is closed at once (trusted
//! proxies excepted: behind a load balancer every station comes from its address). When
//! `accept` itself fails (out of file descriptors, of buffers), the loop pauses, 10 ms growing
//! to 1 s, and logs once until it accepts again. Each connection then runs in a task of its own
//! ([`connection`]): TLS on the TLS listener, HTTP/1.1 with WebSocket upgrades, a watchdog for
//! the header and keep-alive timeouts. At shutdown the loop stops accepting, open
//! connections finish their request in progress and close (forced after [`DRAIN`]).

pub mod body;
mod connection;
mod handshakes;
mod shared;
mod tls_peer;

pub use tls_peer::TlsPeer;

use std::{
    io,
    net::SocketAddr,
    sync::{Arc, atomic::Ordering::Relaxed},
    time::Duration,
};

use axum::Router;
use tokio::{
    net::{TcpListener, TcpStream},
    task::JoinHandle,
};
use tokio_rustls::TlsAcceptor;
use tokio_util::{sync::CancellationToken, task::TaskTracker};
use tracing::{debug, info, warn};

pub use self::handshakes::{Handshakes, address_block};
pub use self::shared::Connections;
use self::{
    handshakes::Vacancy,
    shared::{Shared, Timeouts},
};
use crate::config::Limits;

/// How long open connections get at shutdown to finish their request in progress.
pub const DRAIN: Duration = Duration::from_secs(10);
/// The first pause after `accept` failed; it doubles up to [`ACCEPT_PAUSE_MAX`].
const ACCEPT_PAUSE_MIN: Duration = Duration::from_millis(10);
const ACCEPT_PAUSE_MAX: Duration = Duration::from_secs(1);

/// Serves `router` on `listener` (with TLS when `tls` is given) until `shutdown` fires and the
/// open connections have finished.
pub fn spawn(
    listener: TcpListener,
    router: Router,
    tls: Option<TlsAcceptor>,
    connections: Arc<Connections>,
    limits: &Limits,
    shutdown: CancellationToken,
) -> JoinHandle<io::Result<()>> {
    let shared = Arc::new(Shared {
        router,
        tls,
        timeouts: Timeouts {
            header: limits.header_read_timeout.0,
            keep_alive: limits.keep_alive_timeout.0,
        },
        connections,
        shutdown,
        force: CancellationToken::new(),
    });
    tokio::spawn(accept_loop(listener, shared))
}

async fn accept_loop(listener: TcpListener, shared: Arc<Shared>) -> io::Result<()> {
    let connections = TaskTracker::new();
    let mut backoff = Backoff::default();
    while let Some((tcp, peer, vacancy)) = next_connection(&listener, &shared, &mut backoff).await {
        match shared.connections.handshakes.admit(vacancy, peer.ip()) {
            Some(slot) => {
                connections.spawn(connection::run(tcp, peer, slot, shared.clone()));
            }
            None => {
                shared.connections.refused.fetch_add(1, Relaxed);
                debug!(client = %peer, "connection closed: its address has too many in their handshake");
            }
        }
    }
    drop(listener);
    drain(connections, &shared).await;
    Ok(())
}

/// The next connection, accepted once there is room among those in their handshake; `None`
/// at shutdown.
async fn next_connection(
    listener: &TcpListener,
    shared: &Shared,
    backoff: &mut Backoff,
) -> Option<(TcpStream, SocketAddr, Vacancy)> {
    let vacancy = tokio::select! {
        vacancy = shared.connections.handshakes.vacancy() => vacancy,
        () = shared.shutdown.cancelled() => return None,
    };
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = shared.shutdown.cancelled() => return None,
        };
        let error = match accepted {
            Ok((tcp, peer)) => {
                backoff.recovered();
                if let Err(e) = tcp.set_nodelay(true) {
                    debug!(error = %e, "cannot set TCP_NODELAY");
                }
                return Some((tcp, peer, vacancy));
            }
            // That one connection is gone (reset before we took it, …): take the next.
            Err(e) if connection_error(&e) => continue,
            Err(e) => e,
        };
        shared.connections.accept_failures.fetch_add(1, Relaxed);
        tokio::select! {
            () = tokio::time::sleep(backoff.failed(&error)) => {}
            () = shared.shutdown.cancelled() => return None,
        }
    }
}

/// An error of the connection being accepted, not of the listener or the process.
fn connection_error(e: &io::Error) -> bool {
    use io::ErrorKind::*;
    matches!(
        e.kind(),
        ConnectionAborted
            | ConnectionReset
            | ConnectionRefused
            | Interrupted
            | WouldBlock
            | TimedOut
            | HostUnreachable
            | NetworkUnreachable
            | NetworkDown
    )
}

/// Lets the open connections finish their request in progress, then closes what is left.
async fn drain(connections: TaskTracker, shared: &Shared) {
    connections.close();
    if tokio::time::timeout(DRAIN, connections.wait())
        .await
        .is_err()
    {
        warn!(
            remaining = connections.len(),
            "connections did not finish in time; closing them"
        );
        shared.force.cancel();
        connections.wait().await;
    }
}

/// The pauses after `accept` failed: 10 ms doubling to 1 s; one log line when it starts
/// failing and one when it accepts again, not one per attempt.
#[derive(Debug, Default)]
struct Backoff {
    pause: Duration,
    failures: u64,
}

impl Backoff {
    /// The pause before the next attempt.
    fn failed(&mut self, error: &io::Error) -> Duration {
        self.failures += 1;
        self.pause = if self.failures == 1 {
            warn!(error = %error, "cannot accept connections; retrying after pauses of 10 ms growing to 1 s");
            ACCEPT_PAUSE_MIN
        } else {
            (self.pause * 2).min(ACCEPT_PAUSE_MAX)
        };
        self.pause
    }

    fn recovered(&mut self) {
        if self.failures > 0 {
            info!(failures = self.failures, "accepting connections again");
            *self = Self::default();
        }
    }
}

/// The process's open-file limit (soft), when the platform has one.
pub fn open_file_limit() -> Option<u64> {
    #[cfg(unix)]
    {
        rustix::process::getrlimit(rustix::process::Resource::Nofile).current
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// Raises the open-file limit to its hard maximum, as Go's runtime does at start: every
/// station holds a socket, and the usual soft limit (1,024) is far below what a server of
/// tens of thousands of stations needs, while the hard one rarely is. Returns the limit now.
pub fn raise_open_file_limit() -> Option<u64> {
    #[cfg(unix)]
    {
        use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};
        let limit = getrlimit(Resource::Nofile);
        let current = limit.current?;
        // Linux's default `nr_open` when the hard limit is "unlimited".
        let target = limit.maximum.unwrap_or(1 << 20);
        if current >= target {
            return Some(current);
        }
        let raised = Rlimit {
            current: Some(target),
            maximum: limit.maximum,
        };
        match setrlimit(Resource::Nofile, raised) {
            Ok(()) => Some(target),
            Err(e) => {
                debug!(error = %e, current, target, "cannot raise the open-file limit");
                Some(current)
            }
        }
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// Warns when the handshake cap does not fit the open-file limit: at the cap, connections in
/// their handshake alone would take every file descriptor.
pub fn check_file_limit(limits: &Limits) {
    if let Some(files) = open_file_limit()
        && limits.max_handshakes as u64 >= files
    {
        warn!(
            max_handshakes = limits.max_handshakes,
            open_file_limit = files,
            "CHARGEGATE_MAX_HANDSHAKES is not below the open-file limit: connections in their handshake could take every file descriptor; lower it or raise the limit (ulimit -n)"
        );
    }
}

/// Binds `addr` with a deep accept queue: when thousands of stations reconnect at once (after a
/// restart or a network cut), the default backlog of 1,024 overflows and the kernel drops
/// handshakes, which the stations only retry after a second or more. The kernel caps it at
/// `net.core.somaxconn`.
pub fn listen(addr: std::net::SocketAddr) -> std::io::Result<tokio::net::TcpListener> {
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(8192)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_pauses_grow_from_10_ms_to_1_s_and_start_again_after_a_success() {
        let mut backoff = Backoff::default();
        let error = io::Error::other("too many open files");
        let pauses: Vec<_> = (0..10).map(|_| backoff.failed(&error)).collect();
        assert_eq!(pauses[0], Duration::from_millis(10));
        assert_eq!(pauses[1], Duration::from_millis(20));
        assert_eq!(pauses[6], Duration::from_millis(640));
        assert_eq!(pauses[7..], [Duration::from_secs(1); 3]);
        backoff.recovered();
        assert_eq!(backoff.failed(&error), Duration::from_millis(10));
    }

    #[test]
    fn only_errors_of_one_connection_are_retried_at_once() {
        assert!(connection_error(&io::ErrorKind::ConnectionAborted.into()));
        assert!(connection_error(&io::ErrorKind::ConnectionReset.into()));
        // EMFILE, ENFILE, ENOBUFS, ENOMEM: the process or system is short of something.
        #[cfg(target_os = "linux")]
        for errno in [24, 23, 105, 12] {
            assert!(!connection_error(&io::Error::from_raw_os_error(errno)));
        }
    }
}
