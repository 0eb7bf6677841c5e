//! The database breaker: once the database is known to be unreachable, every read and write
//! fails at once for a short while instead of waiting for a pooled connection each, and one
//! probe at a time (in the background, never a caller's operation) finds out when it answers
//! again.
//!
//! How it becomes known: an operation fails in a way that says the connection broke or could
//! not be made (an I/O, TLS or protocol error, a failed ping of an idle pooled connection, or a
//! pool timeout), or is still waiting after [`PATIENCE`] (a host that stopped answering sends
//! no error), which makes the breaker *doubt*; a probe then opens a connection of its own (not
//! from the pool, which may only be busy) and pings it within [`PROBE_TIMEOUT`]. Only if that
//! fails does the breaker open: a single connection the server closed, a pool exhausted by
//! load or a slow statement costs nobody anything. When it opens, operations still waiting for
//! the database give up too (see [`Breaker::watch`]). While it is open every operation fails at
//! once; after [`REST`] the next one starts a probe (and fails too), which closes it if the
//! database answers.

use std::{
    sync::{
        Arc, OnceLock,
        atomic::{AtomicBool, AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

use sea_orm::{
    ConnAcquireErr, DbErr, RuntimeErr,
    sqlx::{
        self, ConnectOptions as _, Connection as _, postgres::PgConnectOptions,
        sqlite::SqliteConnectOptions,
    },
};
use tokio::sync::Notify;

/// How long operations fail at once after the database was found unreachable, before the next
/// probe (as the Redis breaker).
pub(super) const REST: Duration = Duration::from_secs(1);

/// How long a probe may take to connect and be answered. A reachable database takes
/// milliseconds (a connection across a continent with TLS, a fraction of a second); the
/// operations under way when it is found unreachable wait at most about this long.
pub(super) const PROBE_TIMEOUT: Duration = Duration::from_secs(2);

/// How long an operation may wait for the database before the breaker doubts it.
pub(super) const PATIENCE: Duration = Duration::from_secs(2);

/// The message of the error every operation gets while the breaker is open.
const REFUSED: &str = "the database is unreachable (retrying shortly)";

/// What an error says about the database's reachability.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Reach {
    /// The connection broke or could not be made, or the pool gave none in time.
    Doubtful,
    /// Nothing about reachability (the database answered with an error, or an error of ours,
    /// the pool closed at shutdown, the breaker's own refusal).
    Unknown,
}

fn reach_sqlx(e: &sqlx::Error) -> Reach {
    use sqlx::Error;
    match e {
        Error::Io(_)
        | Error::Tls(_)
        | Error::Protocol(_)
        | Error::WorkerCrashed
        | Error::PoolTimedOut => Reach::Doubtful,
        _ => Reach::Unknown,
    }
}

/// What `e` says about the database's reachability.
pub(super) fn reach(e: &DbErr) -> Reach {
    match e {
        DbErr::ConnectionAcquire(ConnAcquireErr::Timeout) => Reach::Doubtful,
        DbErr::Conn(RuntimeErr::SqlxError(e))
        | DbErr::Exec(RuntimeErr::SqlxError(e))
        | DbErr::Query(RuntimeErr::SqlxError(e)) => reach_sqlx(e),
        _ => Reach::Unknown,
    }
}

/// Errors that say the database itself is unreachable (or the pool gave no connection): a
/// batch that fails so is not retried job by job, which would only wait for it again.
pub(super) fn is_connection_error(e: &DbErr) -> bool {
    use sqlx::Error;
    match e {
        DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => true,
        DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e)) => matches!(
            **e,
            Error::Io(_)
                | Error::Tls(_)
                | Error::Protocol(_)
                | Error::PoolTimedOut
                | Error::PoolClosed
                | Error::WorkerCrashed
        ),
        _ => false,
    }
}

/// The error of an operation refused (or given up) while the breaker is open.
pub(super) fn refused() -> DbErr {
    DbErr::Conn(RuntimeErr::Internal(REFUSED.to_owned()))
}

/// Whether `e` is the breaker's own refusal.
pub(super) fn is_refusal(e: &DbErr) -> bool {
    matches!(e, DbErr::Conn(RuntimeErr::Internal(m)) if m == REFUSED)
}

/// How a probe reaches the database: a connection of its own.
pub(super) enum Probe {
    Postgres(PgConnectOptions),
    Sqlite(SqliteConnectOptions),
}

impl Probe {
    async fn ping(&self) -> Result<(), sqlx::Error> {
        match self {
            Self::Postgres(options) => {
                let mut conn = options.connect().await?;
                conn.ping().await?;
                conn.close().await
            }
            Self::Sqlite(options) => {
                let mut conn = options.connect().await?;
                conn.ping().await?;
                conn.close().await
            }
        }
    }
}

/// One store's breaker, shared by its readers, writers and pools.
pub(super) struct Breaker {
    epoch: Instant,
    /// Milliseconds after `epoch` until which operations fail at once; 0 while closed.
    open_until: AtomicU64,
    /// A probe is under way.
    probing: AtomicBool,
    /// How probes reach the database (none: an in-memory database, never unreachable).
    probe: OnceLock<Probe>,
    /// Where probes run (the server's runtime; a writer's thread may be busy).
    runtime: tokio::runtime::Handle,
    /// Milliseconds after `epoch` (plus one) when a probe last reached the database; 0: never.
    reached: AtomicU64,
    /// Told when the breaker opens.
    opened: Notify,
    outages: AtomicU64,
    failed_fast: AtomicU64,
    probes: AtomicU64,
}

impl Breaker {
    /// A closed breaker; call from inside the server's runtime.
    pub fn new() -> Arc<Self> {
        Arc::new(Self {
            epoch: Instant::now(),
            open_until: AtomicU64::new(0),
            probing: AtomicBool::new(false),
            probe: OnceLock::new(),
            runtime: tokio::runtime::Handle::current(),
            reached: AtomicU64::new(0),
            opened: Notify::new(),
            outages: AtomicU64::new(0),
            failed_fast: AtomicU64::new(0),
            probes: AtomicU64::new(0),
        })
    }

    /// How probes reach the database (set once the pools exist).
    pub fn probe_with(&self, probe: Probe) {
        let _ = self.probe.set(probe);
    }

    fn now_ms(&self) -> u64 {
        u64::try_from(self.epoch.elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    /// Whether the breaker is open now (for metrics: unlike [`Breaker::refusing`], starts no
    /// probe and counts nothing).
    pub fn is_open(&self) -> bool {
        self.open_until.load(Ordering::Acquire) != 0
    }

    /// Whether an operation must fail at once: the breaker is open. Once its rest is over, the
    /// first caller starts a probe (one at a time) and fails like the others.
    pub fn refusing(self: &Arc<Self>) -> bool {
        let until = self.open_until.load(Ordering::Acquire);
        if until == 0 {
            return false;
        }
        if self.now_ms() >= until {
            self.start_probe();
        }
        self.failed_fast.fetch_add(1, Ordering::Relaxed);
        true
    }

    /// The breaker's openings so far: pass it to [`Breaker::opened_since`] to give up when it
    /// opens while an operation is under way. Read it before [`Breaker::refusing`].
    pub fn generation(&self) -> u64 {
        self.outages.load(Ordering::Acquire)
    }

    /// Resolves once the breaker has opened after `generation` was read.
    pub async fn opened_since(&self, generation: u64) {
        loop {
            let notified = self.opened.notified();
            let mut notified = std::pin::pin!(notified);
            notified.as_mut().enable();
            if self.generation() != generation {
                return;
            }
            notified.await;
        }
    }

    /// Resolves once the breaker has opened after `generation`, for an operation under way:
    /// if that is still waiting after [`PATIENCE`], the breaker doubts the database.
    pub async fn watch(self: &Arc<Self>, generation: u64) {
        if tokio::time::timeout(PATIENCE, self.opened_since(generation))
            .await
            .is_ok()
        {
            return;
        }
        self.start_probe();
        self.opened_since(generation).await;
    }

    /// Runs `operation` unless the breaker refuses it; gives it up if the breaker opens
    /// meanwhile; and takes note of what its outcome says.
    pub async fn guard<T>(
        self: &Arc<Self>,
        operation: impl Future<Output = Result<T, DbErr>>,
    ) -> Result<T, DbErr> {
        let generation = self.generation();
        if self.refusing() {
            return Err(refused());
        }
        let result = tokio::select! {
            biased;
            result = operation => result,
            () = self.watch(generation) => Err(refused()),
        };
        self.observe(&result);
        result
    }

    /// Takes note of what an operation's outcome says about the database: a doubt is
    /// confirmed (or not) by a probe.
    pub fn observe<T>(self: &Arc<Self>, result: &Result<T, DbErr>) {
        if let Err(e) = result
            && reach(e) == Reach::Doubtful
        {
            self.start_probe();
        }
    }

    /// The same for an error of sqlx (a pooled connection's ping).
    pub fn observe_sqlx(self: &Arc<Self>, e: &sqlx::Error) {
        if reach_sqlx(e) == Reach::Doubtful {
            self.start_probe();
        }
    }

    /// Starts a probe unless one is under way, or (while closed) one reached the database less
    /// than [`PATIENCE`] ago: many slow operations make one probe, not one each.
    fn start_probe(self: &Arc<Self>) {
        if self.probe.get().is_none() || self.recently_reached() {
            return;
        }
        if self.probing.swap(true, Ordering::AcqRel) {
            return;
        }
        self.probes.fetch_add(1, Ordering::Relaxed);
        let this = self.clone();
        self.runtime.spawn(async move { this.run_probe().await });
    }

    fn recently_reached(&self) -> bool {
        let reached = self.reached.load(Ordering::Acquire);
        self.open_until.load(Ordering::Acquire) == 0
            && reached != 0
            && self.now_ms() + 1 - reached < PATIENCE.as_millis() as u64
    }

    /// Connects and pings: closes the breaker if the database answers, opens it if not.
    async fn run_probe(&self) {
        let Some(probe) = self.probe.get() else {
            return;
        };
        match tokio::time::timeout(PROBE_TIMEOUT, probe.ping()).await {
            Ok(Ok(())) => {
                self.reached.store(self.now_ms() + 1, Ordering::Release);
                self.close();
            }
            Ok(Err(e)) => {
                tracing::debug!(error = %e, "database probe failed");
                self.open();
            }
            Err(_) => {
                tracing::debug!("database probe: no answer in time");
                self.open();
            }
        }
        self.probing.store(false, Ordering::Release);
    }

    fn close(&self) {
        if self.open_until.swap(0, Ordering::AcqRel) != 0 {
            tracing::info!("the database answers again");
        }
    }

    /// Opens the breaker, or starts its rest again.
    fn open(&self) {
        let until = self.now_ms().saturating_add(REST.as_millis() as u64).max(1);
        if self.open_until.swap(until, Ordering::AcqRel) == 0 {
            self.outages.fetch_add(1, Ordering::AcqRel);
            self.opened.notify_waiters();
            tracing::error!(
                "the database is unreachable: storage fails at once until a probe reaches it"
            );
        }
    }

    /// Times the breaker opened.
    pub fn outages(&self) -> u64 {
        self.outages.load(Ordering::Relaxed)
    }

    /// Operations failed at once because it was open.
    pub fn failed_fast(&self) -> u64 {
        self.failed_fast.load(Ordering::Relaxed)
    }

    /// Probes started.
    pub fn probes(&self) -> u64 {
        self.probes.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn io_error() -> DbErr {
        DbErr::Conn(RuntimeErr::SqlxError(Arc::new(sqlx::Error::Io(
            std::io::Error::from(std::io::ErrorKind::ConnectionRefused),
        ))))
    }

    /// A probe of a database file that exists (is reachable) only once `reachable` is called.
    fn probe(dir: &tempfile::TempDir) -> Probe {
        let options = SqliteConnectOptions::new().filename(dir.path().join("probe.db"));
        Probe::Sqlite(options)
    }

    fn reachable(dir: &tempfile::TempDir) {
        std::fs::File::create(dir.path().join("probe.db")).unwrap();
    }

    async fn settles(breaker: &Breaker) {
        for _ in 0..200 {
            if !breaker.probing.load(Ordering::Acquire) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        panic!("the probe never ended");
    }

    #[test]
    fn errors_are_told_apart_by_what_they_say_about_the_database() {
        assert_eq!(reach(&io_error()), Reach::Doubtful);
        assert_eq!(
            reach(&DbErr::ConnectionAcquire(ConnAcquireErr::Timeout)),
            Reach::Doubtful
        );
        assert_eq!(reach(&refused()), Reach::Unknown);
        assert_eq!(reach(&DbErr::Custom("ours".into())), Reach::Unknown);
        assert!(is_refusal(&refused()));
        assert!(!is_refusal(&io_error()));
        assert!(is_connection_error(&io_error()));
        assert!(!is_connection_error(&DbErr::Custom("ours".into())));
    }

    #[tokio::test]
    async fn a_doubt_the_probe_dispels_opens_nothing() {
        let dir = tempfile::tempdir().unwrap();
        reachable(&dir);
        let breaker = Breaker::new();
        breaker.probe_with(probe(&dir));
        breaker.observe::<()>(&Err(io_error()));
        settles(&breaker).await;
        assert!(!breaker.refusing());
        assert_eq!(breaker.outages(), 0);
        assert_eq!(breaker.probes(), 1);
        // Just found reachable: more doubts at once make no more probes.
        for _ in 0..10 {
            breaker.observe::<()>(&Err(io_error()));
        }
        assert_eq!(breaker.probes(), 1);
    }

    #[tokio::test]
    async fn a_confirmed_doubt_opens_it_stops_waiters_and_a_probe_after_the_rest_closes_it() {
        let dir = tempfile::tempdir().unwrap();
        let breaker = Breaker::new();
        breaker.probe_with(probe(&dir));
        let generation = breaker.generation();
        let waiting = tokio::spawn({
            let breaker = breaker.clone();
            async move {
                breaker
                    .guard(std::future::pending::<Result<(), DbErr>>())
                    .await
            }
        });
        breaker.observe::<()>(&Err(io_error()));
        settles(&breaker).await;
        assert!(breaker.refusing(), "fails at once once confirmed");
        assert_eq!(breaker.outages(), 1);
        let given_up = tokio::time::timeout(Duration::from_secs(1), waiting)
            .await
            .expect("an operation under way gives up")
            .unwrap();
        assert!(given_up.is_err_and(|e| is_refusal(&e)));
        tokio::time::timeout(Duration::from_secs(1), breaker.opened_since(generation))
            .await
            .unwrap();

        // Still unreachable after the rest: the next caller's probe opens it again.
        tokio::time::sleep(REST).await;
        assert!(breaker.refusing());
        settles(&breaker).await;
        assert!(breaker.refusing());
        // Reachable: the probe after the rest closes it.
        reachable(&dir);
        tokio::time::sleep(REST).await;
        assert!(
            breaker.refusing(),
            "the caller that starts the probe fails too"
        );
        settles(&breaker).await;
        assert!(!breaker.refusing());
        assert_eq!(breaker.outages(), 1, "one outage, however many probes");
        assert!(breaker.failed_fast() >= 4);
    }
}
