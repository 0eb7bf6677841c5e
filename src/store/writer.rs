//! The batching writer: a task that owns the database writes of its lane (the only one on
//! SQLite), takes whatever jobs are queued, runs them in one transaction and commits once (group
//! commit), then answers each job.
//!
//! Meter-value rows and journal rows are gathered across the batch into multi-row inserts
//! ([`super::bulk`]). A batch of nothing else (the common case under load) runs straight on a
//! connection the writer keeps between batches, without SeaORM; a batch with other writes runs
//! in a SeaORM transaction, the same inserts included. If a batch fails because of one job, the
//! batch is run again with each job in a savepoint, so that a bad job fails only itself, and its
//! station's later rows are kept out of the shared inserts for a while ([`super::quarantine`]):
//! a row the database refuses again and again never again costs the others a rerun. If the
//! database is unreachable, the whole batch fails at once, and so do the next ones while the
//! store's breaker is open ([`super::breaker`]).

use std::{
    path::PathBuf,
    sync::{
        Arc,
        atomic::{AtomicU64, AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

use futures_util::future::BoxFuture;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use sea_orm::{
    ConnAcquireErr, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr,
    RuntimeErr, Statement, TransactionTrait,
    sqlx::{self, Connection as _, PgConnection, SqliteConnection, pool::PoolConnection},
};
use tokio::sync::{Notify, mpsc, oneshot};
use tokio_util::sync::CancellationToken;

use super::{
    StoreError,
    breaker::{self, Breaker, is_connection_error},
    bulk::{self, JournalEntry, Link, OrmSink, Owners, PgSink, Sink as _, SqliteSink},
    quarantine::{Quarantine, Route, Table},
    samples::{self, Reading, SeriesCache},
};

/// Most jobs in one transaction.
pub const MAX_BATCH: usize = 2048;

/// A closure that runs inside the writer's transaction. It may run twice (batch, then alone).
pub type WriteFn<T> =
    Box<dyn for<'a> Fn(&'a DatabaseTransaction) -> BoxFuture<'a, Result<T, DbErr>> + Send>;

pub(super) enum Job {
    Run(Box<dyn RunJob>),
    Meter {
        rows: Vec<Reading>,
        done: oneshot::Sender<Result<(), StoreError>>,
    },
    Journal(JournalEntry),
}

pub(super) trait RunJob: Send {
    fn run<'a>(&'a mut self, txn: &'a DatabaseTransaction) -> BoxFuture<'a, Result<(), DbErr>>;
    fn finish(self: Box<Self>, result: Result<(), StoreError>);
}

pub(super) struct FnJob<T> {
    pub f: WriteFn<T>,
    pub out: Option<T>,
    pub done: oneshot::Sender<Result<T, StoreError>>,
}

impl<T: Send + 'static> RunJob for FnJob<T> {
    fn run<'a>(&'a mut self, txn: &'a DatabaseTransaction) -> BoxFuture<'a, Result<(), DbErr>> {
        Box::pin(async move {
            self.out = Some((self.f)(txn).await?);
            Ok(())
        })
    }

    fn finish(self: Box<Self>, result: Result<(), StoreError>) {
        let this = *self;
        let result = result.and_then(|()| this.out.ok_or(StoreError::Closed));
        let _ = this.done.send(result);
    }
}

/// The connection the writer keeps for batches of meter and journal rows only.
enum Held {
    Sqlite(PoolConnection<sqlx::Sqlite>),
    Postgres(PoolConnection<sqlx::Postgres>),
}

/// What the writers did, summed over all of them (see [`super::StoreStats`]), and the batches'
/// sizes and times as Prometheus histograms (`--metrics`: registered by `app`).
pub(super) struct Counters {
    pub batch_sizes: Histogram,
    pub batch_seconds: Histogram,
    pub batches: AtomicU64,
    pub reruns: AtomicU64,
    pub jobs_rerun: AtomicU64,
    pub jobs_apart: AtomicU64,
    pub jobs_held_back: AtomicU64,
    pub suspects: AtomicU64,
}

impl Default for Counters {
    fn default() -> Self {
        Self {
            // 1, 2, 4 … 2,048 jobs (a batch takes at most MAX_BATCH).
            batch_sizes: Histogram::new(exponential_buckets(1.0, 2.0, 12)),
            // 0.25 ms … about 4 s.
            batch_seconds: Histogram::new(exponential_buckets(0.000_25, 2.0, 15)),
            batches: AtomicU64::default(),
            reruns: AtomicU64::default(),
            jobs_rerun: AtomicU64::default(),
            jobs_apart: AtomicU64::default(),
            jobs_held_back: AtomicU64::default(),
            suspects: AtomicU64::default(),
        }
    }
}

impl Counters {
    fn add(counter: &AtomicU64, n: usize) {
        counter.fetch_add(n as u64, Ordering::Relaxed);
    }
}

pub(super) struct Writer {
    db: DatabaseConnection,
    held: Option<Held>,
    /// Told after each commit (SQLite's checkpointer).
    committed: Option<Arc<Notify>>,
    /// SQLite's log sync, when the writer syncs it itself.
    syncer: Option<WalSync>,
    /// The store's breaker: batches fail at once while the database is unreachable.
    breaker: Arc<Breaker>,
    /// Stations whose rows the database refused, written apart from the others.
    quarantine: Quarantine,
    counters: Arc<Counters>,
    /// The key of each station connector, shared by the writers.
    series: Arc<SeriesCache>,
}

impl Writer {
    /// `wal`: the write-ahead log to sync after each commit, and the least time from the start
    /// of one sync to the next (see [`WalSync`]).
    pub fn new(
        db: DatabaseConnection,
        committed: Option<Arc<Notify>>,
        wal: Option<(PathBuf, Duration)>,
        breaker: Arc<Breaker>,
        counters: Arc<Counters>,
        series: Arc<SeriesCache>,
    ) -> std::io::Result<Self> {
        Ok(Self {
            db,
            held: None,
            committed,
            syncer: wal
                .map(|(path, interval)| WalSync::start(path, interval))
                .transpose()?,
            breaker,
            quarantine: Quarantine::default(),
            counters,
            series,
        })
    }
}

/// The station and table of a job's rows (none for a closure).
fn rows_of(job: &Job) -> Option<(&Arc<str>, Table)> {
    match job {
        Job::Meter { rows, .. } => rows.first().map(|r| (&r.station_id, Table::Meter)),
        Job::Journal(row) => Some((&row.station_id, Table::Journal)),
        Job::Run(_) => None,
    }
}

/// The results of a batch before anything ran: held-back jobs have failed.
fn unrun(routes: &[Route]) -> Vec<Result<(), StoreError>> {
    routes
        .iter()
        .map(|route| match route {
            Route::HeldBack => Err(StoreError::Database),
            Route::Shared | Route::Apart => Ok(()),
        })
        .collect()
}

/// A batch this large is written at once, even while a sync is under way. (Small: a busy
/// writer, whose batches are larger, is not held up; 16 jobs are about 5 MeterValues.)
const PACE_UNTIL: usize = 16;
/// The same with a sync interval ([`WalSync`]): room for what comes in one interval at a
/// fleet's pace (3,800 MeterValues/s, 11,000 jobs/s: 23 jobs in 2 ms), so that the interval and
/// not this sets the commits' pace there; a closed loop still fills it long before.
const PACE_UNTIL_SPACED: usize = 64;

/// Most committed batches waiting for their sync: beyond it the writer gathers jobs (up to a
/// whole batch) instead of committing, so that a slow disk makes batches larger, not the
/// hand-over to the sync thread longer (its jobs hold the journal rows' payloads, which no
/// station waits for).
const MAX_UNSYNCED: usize = 4;

/// A committed batch's jobs with their results, waiting for the sync.
type Committed = (Vec<Job>, Vec<Result<(), StoreError>>);

/// Committed batches on their way to disk: on SQLite with `synchronous=FULL` the writer's
/// connection commits without syncing (`NORMAL`), and this thread syncs the write-ahead log
/// after each commit, then answers the batch's jobs. The next batch is written meanwhile, so
/// that the sync (the disk's wait and the kernel's write-back) overlaps it instead of holding
/// up the writer. An answer still comes only once its rows are on disk: the sync starts after
/// the commit has written them to the log. Batches committed while a sync runs share the
/// next one.
///
/// Syncs are spaced by `interval` at least (start to start): after a quick sync the thread
/// answers its batches at once, then waits out the rest of the interval before it tells the
/// writer, which meanwhile gathers jobs ([`WalSync::pace`]). A fast disk would otherwise set
/// the pace: at 0.5 ms a sync, a fleet's 3,800 MeterValues/s were committed and synced 1,700
/// times a second, two messages each, and every commit costs its sync's system calls, the
/// wake-ups of three threads and the pages it rewrites whatever its size (bench/HISTORY.md,
/// run 9: 41 % of two cores at no interval, 26–29 % at 2 ms, for 2.5 ms more at p50 and 1–3 ms
/// more at p99). Under a heavier load the batches committed meanwhile simply share the next
/// sync, so the interval does not cap throughput.
pub(super) struct WalSync {
    batches: std::sync::mpsc::Sender<Committed>,
    thread: std::thread::JoinHandle<()>,
    /// Batches handed over and not yet synced.
    pending: Arc<AtomicUsize>,
    /// Told after each sync (and the rest of its interval).
    synced: Arc<Notify>,
    /// Jobs that are written at once even while a sync is under way.
    pace_until: usize,
}

impl WalSync {
    fn start(path: PathBuf, interval: Duration) -> std::io::Result<Self> {
        let (batches, rx) = std::sync::mpsc::channel::<Committed>();
        let pending = Arc::new(AtomicUsize::new(0));
        let synced = Arc::new(Notify::new());
        let (left, told) = (pending.clone(), synced.clone());
        let thread = std::thread::Builder::new()
            .name("chargegate-wal-sync".into())
            .spawn(move || {
                let mut log: Option<std::fs::File> = None;
                while let Ok(first) = rx.recv() {
                    let began = Instant::now();
                    let mut ready = vec![first];
                    ready.extend(rx.try_iter());
                    let batches = ready.len();
                    let synced = sync(&mut log, &path);
                    // The writer may commit again once the interval has passed: at once after
                    // a sync that took that long (always, with no interval), else once the
                    // batches are answered and the rest of it waited out.
                    let release = || {
                        left.fetch_sub(batches, Ordering::AcqRel);
                        told.notify_one();
                    };
                    let released = began.elapsed() >= interval;
                    if released {
                        release();
                    }
                    if let Err(e) = &synced {
                        tracing::error!(error = %e, path = %path.display(), "cannot sync the write-ahead log");
                    }
                    for (jobs, results) in ready {
                        for (job, result) in jobs.into_iter().zip(results) {
                            let result = match &synced {
                                Ok(()) => result,
                                Err(_) => Err(StoreError::Database),
                            };
                            finish(job, result);
                        }
                    }
                    if !released {
                        if let Some(rest) = interval.checked_sub(began.elapsed()) {
                            std::thread::sleep(rest);
                        }
                        release();
                    }
                }
            })?;
        Ok(Self {
            batches,
            thread,
            pending,
            synced,
            pace_until: if interval.is_zero() {
                PACE_UNTIL
            } else {
                PACE_UNTIL_SPACED
            },
        })
    }

    /// Hands a committed batch over to be synced and answered.
    fn send(&self, batch: Committed) -> Result<(), std::sync::mpsc::SendError<Committed>> {
        self.pending.fetch_add(1, Ordering::AcqRel);
        self.batches.send(batch).inspect_err(|_| {
            self.pending.fetch_sub(1, Ordering::AcqRel);
        })
    }

    /// Waits while a sync (or its interval) is under way and fewer than `pace_until` jobs are
    /// gathered ([`PACE_UNTIL`], [`PACE_UNTIL_SPACED`]), taking more jobs meanwhile. A batch
    /// committed now would wait for that sync to end before its own could start; written after
    /// it, it is larger and the commits fewer. While [`MAX_UNSYNCED`] batches wait for their
    /// sync, it waits whatever it has gathered (taking jobs up to a whole batch).
    async fn pace(&self, rx: &mut mpsc::Receiver<Job>, jobs: &mut Vec<Job>) {
        loop {
            let pending = self.pending.load(Ordering::Acquire);
            let limit = if pending >= MAX_UNSYNCED {
                MAX_BATCH
            } else if pending > 0 {
                self.pace_until
            } else {
                return;
            };
            if pending < MAX_UNSYNCED && jobs.len() >= limit {
                return;
            }
            let room = limit.saturating_sub(jobs.len());
            tokio::select! {
                biased;
                () = self.synced.notified() => {}
                n = rx.recv_many(jobs, room), if room > 0 => {
                    if n == 0 {
                        return;
                    }
                }
            }
        }
    }

    /// Waits until every batch handed over is synced and answered.
    fn stop(self) {
        drop(self.batches);
        if self.thread.join().is_err() {
            tracing::error!("the write-ahead log's sync thread failed");
        }
    }
}

/// `fdatasync` of the log. The file is opened once and again only if the log at `path` is no
/// longer the file opened: SQLite deletes the log when its last connection closes and makes a
/// new one, and a sync of the old file would not cover the new one's commits.
fn sync(log: &mut Option<std::fs::File>, path: &std::path::Path) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt as _;
    let current = std::fs::metadata(path)?;
    if let Some(file) = log
        && file.metadata()?.ino() != current.ino()
    {
        *log = None;
    }
    let file = match log {
        Some(file) => file,
        None => log.insert(
            std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open(path)?,
        ),
    };
    file.sync_data()
}

/// Runs until `stop` fires and every job queued before it has been written.
pub(super) async fn run(mut writer: Writer, mut rx: mpsc::Receiver<Job>, stop: CancellationToken) {
    let mut jobs = Vec::with_capacity(MAX_BATCH);
    let mut closing = false;
    loop {
        tokio::select! {
            biased;
            n = rx.recv_many(&mut jobs, MAX_BATCH) => {
                if n == 0 {
                    break;
                }
                if let Some(syncer) = &writer.syncer {
                    syncer.pace(&mut rx, &mut jobs).await;
                }
                writer.write_batch(&mut jobs).await;
            }
            () = stop.cancelled(), if !closing => {
                closing = true;
                rx.close();
            }
        }
    }
    if let Some(syncer) = writer.syncer.take() {
        syncer.stop();
    }
    // Back to its pool, which closes it with the others.
    writer.held = None;
    tracing::debug!("writer stopped");
}

impl Writer {
    async fn write_batch(&mut self, jobs: &mut Vec<Job>) {
        self.counters.batches.fetch_add(1, Ordering::Relaxed);
        self.counters.batch_sizes.observe(jobs.len() as f64);
        let began = Instant::now();
        let generation = self.breaker.generation();
        let results = if self.breaker.refusing() {
            tracing::debug!(
                jobs = jobs.len(),
                "database unreachable: batch failed at once"
            );
            vec![Err(StoreError::Database); jobs.len()]
        } else {
            self.write(jobs, generation).await
        };
        self.counters
            .batch_seconds
            .observe(began.elapsed().as_secs_f64());
        self.deliver(jobs, results);
    }

    /// Writes a batch: the held-back jobs of suspect stations fail, the others are written
    /// (suspects' rows apart), and what their outcome says about the stations is remembered.
    /// The writing is given up if the breaker opens after `generation` (see [`Breaker::watch`]):
    /// its outcome is then unknown, as after a connection lost while committing, so its jobs
    /// fail and their senders retry (every write is idempotent for a retry).
    async fn write(&mut self, jobs: &mut [Job], generation: u64) -> Vec<Result<(), StoreError>> {
        let now = Instant::now();
        let routes = self.routes(jobs, now);
        let tried = routes.iter().filter(|r| **r != Route::HeldBack).count();
        if tried == 0 {
            return unrun(&routes);
        }
        let results = match self.attempt(jobs, &routes, now, generation).await {
            Ok(results) => results,
            Err(e) if is_connection_error(&e) => {
                tracing::error!(error = %e, jobs = tried, "database write failed");
                return vec![Err(StoreError::Database); jobs.len()];
            }
            Err(e) if tried == 1 => {
                tracing::error!(error = %e, "database write failed");
                vec![Err(StoreError::Database); jobs.len()]
            }
            Err(e) => {
                tracing::warn!(error = %e, jobs = tried, "batch write failed; isolating the failing jobs");
                match self.rerun(jobs, &routes, tried, generation).await {
                    Ok(results) => results,
                    Err(e) => {
                        tracing::error!(error = %e, jobs = tried, "database write failed");
                        return vec![Err(StoreError::Database); jobs.len()];
                    }
                }
            }
        };
        self.learn(jobs, &routes, &results, now);
        results
    }

    /// How each job of the batch is written now, counted.
    fn routes(&self, jobs: &[Job], now: Instant) -> Vec<Route> {
        let routes: Vec<Route> = jobs
            .iter()
            .map(|job| match rows_of(job) {
                Some((station, table)) => self.quarantine.route(station, table, now),
                None => Route::Shared,
            })
            .collect();
        let count = |wanted: Route| routes.iter().filter(|r| **r == wanted).count();
        Counters::add(&self.counters.jobs_held_back, count(Route::HeldBack));
        Counters::add(&self.counters.jobs_apart, count(Route::Apart));
        routes
    }

    /// The batch in one transaction: on the kept connection when it holds only shared rows,
    /// else in SeaORM. Given up if the breaker opens meanwhile.
    async fn attempt(
        &mut self,
        jobs: &mut [Job],
        routes: &[Route],
        now: Instant,
        generation: u64,
    ) -> Result<Vec<Result<(), StoreError>>, DbErr> {
        let hot =
            !routes.contains(&Route::Apart) && jobs.iter().all(|job| !matches!(job, Job::Run(_)));
        let closures_apart = self.quarantine.closures_apart(now);
        let breaker = self.breaker.clone();
        let attempt = tokio::select! {
            biased;
            attempt = async {
                self.resolve_series(jobs).await?;
                if hot {
                    self.write_rows(jobs, routes).await.map(|()| unrun(routes))
                } else {
                    self.write_orm(jobs, routes, closures_apart).await
                }
            } => attempt,
            () = breaker.watch(generation) => Err(breaker::refused()),
        };
        if attempt.as_ref().is_err_and(breaker::is_refusal) {
            // Left in the middle of a statement.
            self.discard_held();
        }
        breaker.observe(&attempt);
        attempt
    }

    /// The batch again, each job in a savepoint of its own, after it failed because of some.
    async fn rerun(
        &mut self,
        jobs: &mut [Job],
        routes: &[Route],
        tried: usize,
        generation: u64,
    ) -> Result<Vec<Result<(), StoreError>>, DbErr> {
        self.release_sqlite();
        self.counters.reruns.fetch_add(1, Ordering::Relaxed);
        Counters::add(&self.counters.jobs_rerun, tried);
        let breaker = self.breaker.clone();
        let rerun = tokio::select! {
            biased;
            rerun = isolate(&self.db, jobs, routes) => rerun,
            () = breaker.watch(generation) => Err(breaker::refused()),
        };
        breaker.observe(&rerun);
        rerun
    }

    /// Remembers what the jobs tried say about their stations: one that failed failed on its
    /// own (apart, alone in its batch, or run again alone), so its station becomes suspect (or
    /// stays so, for longer); a suspect's job stored apart clears the suspicion.
    fn learn(
        &mut self,
        jobs: &[Job],
        routes: &[Route],
        results: &[Result<(), StoreError>],
        now: Instant,
    ) {
        let before = self.quarantine.len();
        for ((job, route), result) in jobs.iter().zip(routes).zip(results) {
            match (rows_of(job), route, result) {
                (_, Route::HeldBack, _) => {}
                (Some((station, table)), _, Err(_)) => {
                    self.quarantine.refused(station, table, now);
                }
                (Some((station, table)), Route::Apart, Ok(())) => {
                    self.quarantine.stored(station, table);
                }
                (None, _, Err(_)) => self.quarantine.closure_refused(now),
                (_, Route::Shared | Route::Apart, Ok(())) => {}
            }
        }
        let after = self.quarantine.len();
        if after != before {
            self.counters
                .suspects
                .fetch_add(after as u64, Ordering::Relaxed);
            self.counters
                .suspects
                .fetch_sub(before as u64, Ordering::Relaxed);
        }
    }

    /// Answers the batch's jobs: at once, or (SQLite with `synchronous=FULL`) once the sync
    /// thread has synced what they wrote.
    fn deliver(&mut self, jobs: &mut Vec<Job>, results: Vec<Result<(), StoreError>>) {
        let lost = jobs
            .iter()
            .zip(&results)
            .filter(|(job, result)| matches!(job, Job::Journal(_)) && result.is_err())
            .count();
        if lost > 0 {
            tracing::warn!(rows = lost, "journal rows lost: the database refused them");
        }
        if let Some(committed) = &self.committed
            && results.iter().any(Result::is_ok)
        {
            committed.notify_one();
        }
        if let Some(syncer) = &self.syncer
            && results.iter().any(Result::is_ok)
        {
            // Only the jobs move: the queue's buffer (room for a whole batch, 200 KiB) stays.
            let mut batch = Vec::with_capacity(jobs.len());
            batch.append(jobs);
            if let Err(std::sync::mpsc::SendError((jobs, _))) = syncer.send((batch, results)) {
                // The sync thread is gone: nothing can be promised on disk.
                for job in jobs {
                    finish(job, Err(StoreError::Database));
                }
            }
            return;
        }
        for (job, result) in jobs.drain(..).zip(results) {
            finish(job, result);
        }
    }

    /// Fills in the connector key of every reading of the batch: from the cache, else found
    /// or made in the database, committed at once (and then cached).
    async fn resolve_series(&mut self, jobs: &mut [Job]) -> Result<(), DbErr> {
        let mut missing: Vec<&mut Reading> = Vec::new();
        for job in jobs.iter_mut() {
            if let Job::Meter { rows, .. } = job
                && !self.series.fill(rows)
            {
                missing.extend(rows.iter_mut().filter(|r| r.series.is_none()));
            }
        }
        if missing.is_empty() {
            return Ok(());
        }
        self.release_sqlite();
        samples::resolve(&self.db, &mut missing, Some(&self.series)).await
    }

    /// SQLite has one write connection: SeaORM needs it back in the pool.
    fn release_sqlite(&mut self) {
        if matches!(self.held, Some(Held::Sqlite(_))) {
            self.held = None;
        }
    }

    /// A batch with other writes: one SeaORM transaction.
    /// Suspects' rows are written apart, after the shared ones; with `closures_apart`, each
    /// closure too. Returns each job's result, unless the shared part failed.
    async fn write_orm(
        &mut self,
        jobs: &mut [Job],
        routes: &[Route],
        closures_apart: bool,
    ) -> Result<Vec<Result<(), StoreError>>, DbErr> {
        self.release_sqlite();
        let txn = self.db.begin().await?;
        match fill(&txn, jobs, routes, closures_apart).await {
            Ok(results) => {
                txn.commit().await?;
                Ok(results)
            }
            Err(e) => {
                let _ = txn.rollback().await;
                Err(e)
            }
        }
    }

    /// A batch of meter and journal rows only, none of them apart, on the kept connection.
    async fn write_rows(&mut self, jobs: &mut [Job], routes: &[Route]) -> Result<(), DbErr> {
        // (`&mut`: a shared slice of jobs would not be `Send`.)
        let mut meter: Vec<&Reading> = Vec::new();
        let mut journal: Vec<&JournalEntry> = Vec::new();
        for (job, route) in jobs.iter_mut().zip(routes) {
            match (job, route) {
                (_, Route::HeldBack) => {}
                (Job::Meter { rows, .. }, _) => meter.extend(rows.iter()),
                (Job::Journal(row), _) => journal.push(row),
                (Job::Run(_), _) => unreachable!("a batch with other writes runs in SeaORM"),
            }
        }
        let result = match self.connection().await? {
            Held::Sqlite(conn) => rows_sqlite(conn, &meter, &journal).await,
            Held::Postgres(conn) => rows_postgres(conn, &meter, &journal).await,
        };
        if let Err(e) = &result
            && is_connection_error(e)
        {
            self.discard_held();
        }
        result
    }

    /// Drops the kept connection (broken, or left in the middle of a statement): not back to
    /// the pool, which opens a fresh one when asked.
    fn discard_held(&mut self) {
        if let Some(held) = self.held.take() {
            match held {
                Held::Sqlite(mut conn) => conn.close_on_drop(),
                Held::Postgres(mut conn) => conn.close_on_drop(),
            }
        }
    }

    async fn connection(&mut self) -> Result<&mut Held, DbErr> {
        if self.held.is_none() {
            let held = match self.db.get_database_backend() {
                DbBackend::Sqlite => Held::Sqlite(
                    self.db
                        .get_sqlite_connection_pool()
                        .acquire()
                        .await
                        .map_err(acquire_error)?,
                ),
                DbBackend::Postgres => Held::Postgres(
                    self.db
                        .get_postgres_connection_pool()
                        .acquire()
                        .await
                        .map_err(acquire_error)?,
                ),
                other => return Err(DbErr::Custom(format!("unsupported backend {other:?}"))),
            };
            self.held = Some(held);
        }
        Ok(self.held.as_mut().expect("a connection was just taken"))
    }
}

fn acquire_error(e: sqlx::Error) -> DbErr {
    match e {
        sqlx::Error::PoolTimedOut => DbErr::ConnectionAcquire(ConnAcquireErr::Timeout),
        sqlx::Error::PoolClosed => DbErr::ConnectionAcquire(ConnAcquireErr::ConnectionClosed),
        e => DbErr::Conn(RuntimeErr::SqlxError(Arc::new(e))),
    }
}

fn exec_error(e: sqlx::Error) -> DbErr {
    DbErr::Exec(RuntimeErr::SqlxError(Arc::new(e)))
}

fn query_error(e: sqlx::Error) -> DbErr {
    DbErr::Query(RuntimeErr::SqlxError(Arc::new(e)))
}

/// A batch on the writer's SQLite connection. Each sample's transaction is looked up by the
/// insert itself, so that a batch of at most one statement per table (up to 512 rows each) is
/// one statement list, BEGIN to COMMIT: one round trip to SQLite's thread. A larger batch
/// runs its statements one at a time, the first opening the transaction and the last
/// committing it.
async fn rows_sqlite(
    conn: &mut SqliteConnection,
    meter: &[&Reading],
    journal: &[&JournalEntry],
) -> Result<(), DbErr> {
    let mut meter = bulk::meter::<SqliteSink>(DbBackend::Sqlite, meter, Link::Looked);
    let mut journal = bulk::journal::<SqliteSink>(DbBackend::Sqlite, journal);
    if meter.at_most_one() && journal.at_most_one() {
        let mut values = SqliteSink::with_capacity(0);
        let (m, j) = (meter.fill(&mut values), journal.fill(&mut values));
        if m.is_none() && j.is_none() {
            return Ok(());
        }
        let values = values.finish()?.into_arguments();
        return execute_sqlite(conn, bulk::sqlite_batch(m, j), values).await;
    }
    let chunks = meter.chain(journal).collect::<Result<Vec<_>, _>>()?;
    let last = chunks.len().saturating_sub(1);
    for (i, chunk) in chunks.into_iter().enumerate() {
        let sql = chunk.sqlite_sql(i == 0, i == last);
        execute_sqlite(conn, sql, chunk.values.into_arguments()).await?;
    }
    Ok(())
}

/// One statement (list) of a batch; on failure the batch's transaction is rolled back.
async fn execute_sqlite(
    conn: &mut SqliteConnection,
    sql: &'static str,
    values: sqlx::sqlite::SqliteArguments,
) -> Result<(), DbErr> {
    let result = sqlx::query_with(sql, values).execute(&mut *conn).await;
    if let Err(e) = result {
        // Whether the transaction is still open is not known here; a ROLLBACK without one
        // only fails.
        if sqlx::query("ROLLBACK").execute(&mut *conn).await.is_err() {
            tracing::debug!("no transaction to roll back");
        }
        return Err(exec_error(e));
    }
    Ok(())
}

/// A batch on the writer's PostgreSQL connection.
async fn rows_postgres(
    conn: &mut PgConnection,
    meter: &[&Reading],
    journal: &[&JournalEntry],
) -> Result<(), DbErr> {
    let mut txn = conn.begin().await.map_err(exec_error)?;
    let inserted = async {
        let mut owners = Owners::new();
        if let Some((sql, ids)) = bulk::owners_query(DbBackend::Postgres, meter) {
            let found: Vec<(i32, String)> = sqlx::query_as(sql)
                .bind(ids)
                .fetch_all(&mut *txn)
                .await
                .map_err(query_error)?;
            owners.extend(found);
        }
        let chunks = bulk::meter::<PgSink>(DbBackend::Postgres, meter, Link::Owned(&owners))
            .chain(bulk::journal::<PgSink>(DbBackend::Postgres, journal));
        for chunk in chunks {
            let chunk = chunk?;
            sqlx::query_with(
                chunk.sql(DbBackend::Postgres),
                chunk.values.into_arguments(),
            )
            .execute(&mut *txn)
            .await
            .map_err(exec_error)?;
        }
        Ok(())
    }
    .await;
    match inserted {
        Ok(()) => txn.commit().await.map_err(exec_error),
        Err(e) => {
            let _ = txn.rollback().await;
            Err(e)
        }
    }
}

/// Runs the batch again in one transaction with each job in a savepoint of its own, so that
/// only the jobs that fail are rolled back (and the rest still commit once). Held-back jobs stay
/// failed.
async fn isolate(
    db: &DatabaseConnection,
    jobs: &mut [Job],
    routes: &[Route],
) -> Result<Vec<Result<(), StoreError>>, DbErr> {
    let txn = db.begin().await?;
    let mut results = unrun(routes);
    for ((job, route), result) in jobs.iter_mut().zip(routes).zip(&mut results) {
        if *route != Route::HeldBack {
            *result = alone(&txn, job).await?;
        }
    }
    txn.commit().await?;
    Ok(results)
}

/// The jobs of a batch in one transaction: closures first, in order (with `closures_apart`
/// each in a savepoint of its own), then the shared rows, then each suspect's job in a
/// savepoint of its own. Fails as a whole only if a closure outside a savepoint or the shared
/// rows fail.
async fn fill(
    txn: &DatabaseTransaction,
    jobs: &mut [Job],
    routes: &[Route],
    closures_apart: bool,
) -> Result<Vec<Result<(), StoreError>>, DbErr> {
    let mut results = unrun(routes);
    let (mut closures, mut shared, mut rows) = (Vec::new(), Vec::new(), Vec::new());
    for (i, (job, route)) in jobs.iter_mut().zip(routes).enumerate() {
        let closure = matches!(job, Job::Run(_));
        match route {
            Route::HeldBack => {}
            _ if closure && closures_apart => closures.push((i, job)),
            Route::Apart => rows.push((i, job)),
            Route::Shared => shared.push(job),
        }
    }
    for (i, job) in closures {
        results[i] = alone(txn, job).await?;
    }
    apply(txn, shared.into_iter()).await?;
    for (i, job) in rows {
        results[i] = alone(txn, job).await?;
    }
    Ok(results)
}

/// One job in a savepoint of its own: its failure rolls back only itself. A broken connection
/// fails the whole transaction.
async fn alone(txn: &DatabaseTransaction, job: &mut Job) -> Result<Result<(), StoreError>, DbErr> {
    let savepoint = txn.begin().await?;
    match apply(&savepoint, std::iter::once(job)).await {
        Ok(()) => {
            savepoint.commit().await?;
            Ok(Ok(()))
        }
        Err(e) if is_connection_error(&e) => Err(e),
        Err(e) => {
            tracing::error!(error = %e, "database write failed");
            savepoint.rollback().await?;
            Ok(Err(StoreError::Database))
        }
    }
}

fn finish(job: Job, result: Result<(), StoreError>) {
    match job {
        Job::Run(job) => job.finish(result),
        Job::Meter { done, .. } => {
            let _ = done.send(result);
        }
        // Lost rows were counted and logged with their batch.
        Job::Journal(_) => {}
    }
}

async fn apply<'j>(
    txn: &DatabaseTransaction,
    jobs: impl Iterator<Item = &'j mut Job>,
) -> Result<(), DbErr> {
    let mut meter: Vec<&mut Reading> = Vec::new();
    let mut journal: Vec<&JournalEntry> = Vec::new();
    for job in jobs {
        match job {
            Job::Run(job) => job.run(txn).await?,
            Job::Meter { rows, .. } => meter.extend(rows.iter_mut()),
            Job::Journal(row) => journal.push(row),
        }
    }
    // Keys not found before the batch (it failed): found or made in this transaction.
    samples::resolve(txn, &mut meter, None).await?;
    let meter: Vec<&Reading> = meter.into_iter().map(|r| &*r).collect();
    let mut owners = Owners::new();
    let backend = txn.get_database_backend();
    if let Some((sql, ids)) = bulk::owners_query(backend, &meter) {
        let statement = Statement::from_sql_and_values(backend, sql, [ids.into()]);
        for row in txn.query_all_raw(statement).await? {
            owners.insert(row.try_get_by_index(0)?, row.try_get_by_index(1)?);
        }
    }
    insert_meter_rows(txn, &meter, Link::Owned(&owners)).await?;
    insert_journal_rows(txn, &journal).await
}

/// Inserts readings inside a SeaORM transaction; a reading already stored is skipped.
pub(super) async fn insert_meter_rows(
    txn: &DatabaseTransaction,
    rows: &[&Reading],
    link: Link<'_>,
) -> Result<(), DbErr> {
    let backend = txn.get_database_backend();
    for chunk in bulk::meter::<OrmSink>(backend, rows, link) {
        let chunk = chunk?;
        let sql = chunk.sql(backend);
        txn.execute_raw(Statement::from_sql_and_values(backend, sql, chunk.values.0))
            .await?;
    }
    Ok(())
}

async fn insert_journal_rows(
    txn: &DatabaseTransaction,
    rows: &[&JournalEntry],
) -> Result<(), DbErr> {
    let backend = txn.get_database_backend();
    for chunk in bulk::journal::<OrmSink>(backend, rows) {
        let chunk = chunk?;
        let sql = chunk.sql(backend);
        txn.execute_raw(Statement::from_sql_and_values(backend, sql, chunk.values.0))
            .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::MetadataExt as _;

    use super::*;

    fn inode(log: &Option<std::fs::File>) -> u64 {
        log.as_ref().expect("opened").metadata().unwrap().ino()
    }

    fn journal_job() -> Job {
        Job::Journal(JournalEntry {
            station_id: Arc::from("CP1"),
            direction: "in",
            message_type: Some(2),
            message_id: None,
            action: None,
            frame: Arc::from(&b"\0[]"[..]),
            length: 2,
            payload_size: None,
            payload_sha256: None,
            at: chrono::Utc::now(),
            answer: None,
        })
    }

    #[tokio::test]
    async fn a_small_batch_waits_for_the_sync_under_way_or_for_more_jobs() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite-wal");
        std::fs::write(&path, b"log").unwrap();
        let syncer = WalSync::start(path, Duration::ZERO).unwrap();
        assert_eq!(syncer.pace_until, PACE_UNTIL);
        let (tx, mut rx) = mpsc::channel(64);
        let mut jobs = vec![journal_job()];

        // Nothing being synced: no wait.
        syncer.pace(&mut rx, &mut jobs).await;
        assert_eq!(jobs.len(), 1);

        // A sync under way: the batch waits, and takes the jobs that come meanwhile...
        syncer.pending.store(1, Ordering::Release);
        let waited =
            tokio::time::timeout(Duration::from_millis(50), syncer.pace(&mut rx, &mut jobs)).await;
        assert!(waited.is_err(), "a small batch was written during a sync");
        // ... until it has PACE_UNTIL of them,
        for _ in 1..PACE_UNTIL {
            tx.send(journal_job()).await.unwrap();
        }
        syncer.pace(&mut rx, &mut jobs).await;
        assert_eq!(jobs.len(), PACE_UNTIL);

        // ... or until the sync has ended.
        jobs.truncate(1);
        let (pending, synced) = (syncer.pending.clone(), syncer.synced.clone());
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(20)).await;
            pending.store(0, Ordering::Release);
            synced.notify_one();
        });
        syncer.pace(&mut rx, &mut jobs).await;
        assert_eq!(jobs.len(), 1);
        syncer.stop();
    }

    #[tokio::test]
    async fn the_writer_waits_while_too_many_batches_wait_for_their_sync() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite-wal");
        std::fs::write(&path, b"log").unwrap();
        let syncer = WalSync::start(path, Duration::ZERO).unwrap();
        let (tx, mut rx) = mpsc::channel(MAX_BATCH + 8);
        let mut jobs: Vec<Job> = (0..PACE_UNTIL).map(|_| journal_job()).collect();
        // Enough for a batch while one sync runs ...
        syncer.pending.store(1, Ordering::Release);
        syncer.pace(&mut rx, &mut jobs).await;
        assert_eq!(jobs.len(), PACE_UNTIL);
        // ... but not while MAX_UNSYNCED batches wait: it gathers up to a whole batch, and
        // then waits for the sync all the same.
        syncer.pending.store(MAX_UNSYNCED, Ordering::Release);
        for _ in 0..MAX_BATCH {
            tx.send(journal_job()).await.unwrap();
        }
        let waited =
            tokio::time::timeout(Duration::from_millis(50), syncer.pace(&mut rx, &mut jobs)).await;
        assert!(
            waited.is_err(),
            "committed with {MAX_UNSYNCED} batches unsynced"
        );
        assert_eq!(jobs.len(), MAX_BATCH);
        let (pending, synced) = (syncer.pending.clone(), syncer.synced.clone());
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(20)).await;
            pending.store(MAX_UNSYNCED - 1, Ordering::Release);
            synced.notify_one();
        });
        syncer.pace(&mut rx, &mut jobs).await;
        assert_eq!(jobs.len(), MAX_BATCH);
        syncer.pending.store(0, Ordering::Release);
        syncer.stop();
    }

    #[tokio::test]
    async fn syncs_are_spaced_by_the_interval_and_batches_answered_without_waiting_for_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite-wal");
        std::fs::write(&path, b"log").unwrap();
        let interval = Duration::from_secs(5);
        let syncer = WalSync::start(path, interval).unwrap();
        assert_eq!(syncer.pace_until, PACE_UNTIL_SPACED);

        let started = Instant::now();
        let (done, answered) = oneshot::channel();
        let job = Job::Meter {
            rows: Vec::new(),
            done,
        };
        syncer.send((vec![job], vec![Ok(())])).unwrap();
        // The batch is answered once synced, while the interval still runs...
        assert!(matches!(answered.await, Ok(Ok(()))));
        assert_eq!(syncer.pending.load(Ordering::Acquire), 1);

        // ... and the next commit waits for the interval's end.
        let (_tx, mut rx) = mpsc::channel(64);
        let mut jobs = vec![journal_job()];
        syncer.pace(&mut rx, &mut jobs).await;
        assert!(started.elapsed() >= interval);
        assert_eq!(syncer.pending.load(Ordering::Acquire), 0);
        assert_eq!(jobs.len(), 1);
        syncer.stop();
    }

    #[test]
    fn the_log_is_opened_again_when_sqlite_made_a_new_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite-wal");
        std::fs::write(&path, b"first log").unwrap();
        let mut log = None;
        sync(&mut log, &path).unwrap();
        let first = inode(&log);
        sync(&mut log, &path).unwrap();
        assert_eq!(inode(&log), first, "the same log is kept open");
        // The old file stays open here, so the new one cannot get its inode number.
        std::fs::remove_file(&path).unwrap();
        std::fs::write(&path, b"second log").unwrap();
        sync(&mut log, &path).unwrap();
        assert_ne!(inode(&log), first);
        assert_eq!(inode(&log), std::fs::metadata(&path).unwrap().ino());
        // No log at all is an error, not a sync of a file that is gone.
        std::fs::remove_file(&path).unwrap();
        assert!(sync(&mut log, &path).is_err());
    }
}
