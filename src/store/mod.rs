//! Storage: opening SQLite or PostgreSQL, running migrations, the read pool and the batching
//! [`writer`] through which every write goes.
//!
//! SQLite runs in WAL mode with one writer connection (the writer task) and a pool of readers;
//! `synchronous` is `FULL` unless configured otherwise; a connection of its own folds the
//! write-ahead log back into the database file beside the writer. PostgreSQL shares one pool
//! between readers and `--db-writers` writers; a station's rows always go to the same writer.
//!
//! Every pooled connection is waited for at most `--db-acquire-timeout`, and once the database
//! is found unreachable every read and write fails at once until a probe reaches it again
//! ([`breaker`]), so that an outage costs stations and API clients an immediate error, not a
//! wait each.

mod bounded;
mod breaker;
mod bulk;
pub mod credentials;
pub mod journal;
mod quarantine;
mod reader;
mod rows;
pub mod samples;
mod writer;

use std::{
    path::PathBuf,
    str::FromStr,
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
    },
    time::Duration,
};

use anyhow::Context as _;
use chrono::{DateTime, Utc};
use futures_util::future::BoxFuture;
use migration::{Migrator, MigratorTrait};
use prometheus_client::metrics::histogram::Histogram;
use sea_orm::{
    ActiveModelBehavior, ActiveModelTrait, ConnectOptions, ConnectionTrait, Database,
    DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, EntityTrait, IntoActiveModel,
    SqlxSqliteConnector,
    sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous},
};
use tokio::{
    sync::{Mutex, Notify, mpsc, oneshot},
    task::JoinHandle,
};
use tokio_util::sync::CancellationToken;

use crate::config::{Settings, SqliteSync, redact_url};
pub use bounded::keep_newest;
use breaker::Breaker;
pub use reader::Reader;
pub use rows::{Direction, JournalAnswer, JournalRow, MeterRow, StoreError};
use writer::{Counters, FnJob, Job, Writer};
pub use writer::{MAX_BATCH, WriteFn};

/// What the store did, for metrics and tests: the writers' batches and how they isolated rows
/// the database refused, and the breaker's outages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StoreStats {
    /// Batches the writers took (each one transaction, unless refused at once).
    pub batches: u64,
    /// Batches that failed and were run again with each job in a savepoint of its own.
    pub batches_rerun: u64,
    /// Jobs run again so.
    pub jobs_rerun: u64,
    /// Jobs of suspect stations (whose rows the database refused) written apart, each in a
    /// savepoint of its own after the shared rows.
    pub jobs_apart: u64,
    /// Jobs of suspect stations failed at once while their back-off ran.
    pub jobs_held_back: u64,
    /// Station and table pairs suspect now.
    pub suspects: u64,
    /// Times the database was found unreachable.
    pub outages: u64,
    /// Operations failed at once because the database was known to be unreachable.
    pub failed_fast: u64,
    /// Probes (a connection of their own) made to find out whether it answers.
    pub probes: u64,
}

/// Inserts sampled values inside a write closure, all linked to `transaction_id` (or to none).
pub async fn insert_meter_rows_linked(
    txn: &DatabaseTransaction,
    rows: &[MeterRow],
    transaction_id: Option<i32>,
) -> Result<(), DbErr> {
    let mut readings = samples::readings(rows);
    let mut refs: Vec<&mut samples::Reading> = readings.iter_mut().collect();
    samples::resolve(txn, &mut refs, None).await?;
    let rows: Vec<&samples::Reading> = readings.iter().collect();
    writer::insert_meter_rows(txn, &rows, bulk::Link::Given(transaction_id)).await
}

/// Key of the PostgreSQL advisory lock that serialises migrations of nodes starting together.
const MIGRATION_LOCK: i64 = 0x6367_6d69_6772_6174; // "cgmigrat"

/// Runs pending migrations. On PostgreSQL several nodes may start at once: each takes a
/// session-level advisory lock on a connection of its own first, so one migrates and the others
/// then find nothing left to do.
async fn migrate(url: &str, db: &DatabaseConnection) -> anyhow::Result<()> {
    if db.get_database_backend() != DbBackend::Postgres {
        return Migrator::up(db, None)
            .await
            .context("database migrations failed");
    }
    let mut options = ConnectOptions::new(url);
    options
        .max_connections(1)
        .min_connections(1)
        .acquire_timeout(Duration::from_secs(120))
        .sqlx_logging(false);
    let one = Database::connect(options)
        .await
        .with_context(|| format!("cannot connect to {}", redact_url(url)))?;
    let locked = one
        .execute_unprepared(&format!("SELECT pg_advisory_lock({MIGRATION_LOCK})"))
        .await
        .context("cannot take the migration lock");
    let migrated = match locked {
        Ok(_) => Migrator::up(&one, None)
            .await
            .context("database migrations failed"),
        Err(e) => Err(e),
    };
    // Closing the connection releases the lock too; unlocking first is just tidy.
    let _ = one
        .execute_unprepared(&format!("SELECT pg_advisory_unlock({MIGRATION_LOCK})"))
        .await;
    let _ = one.close().await;
    migrated
}

/// The read pool's connections (see [`Store::read_pool`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadPool {
    pub in_use: usize,
    pub open: usize,
    pub max: usize,
}

/// Handle to the database: cheap to clone.
#[derive(Clone)]
pub struct Store(Arc<Inner>);

struct Inner {
    read: Reader,
    write: DatabaseConnection,
    breaker: Arc<Breaker>,
    counters: Arc<Counters>,
    read_statements: Arc<AtomicU64>,
    /// Payload bytes loaded for pages of the journal (see [`Store::journal_page`]).
    journal_bytes_read: AtomicU64,
    /// The writers' queues ("lanes"): one on SQLite, `--db-writers` on PostgreSQL. A
    /// station's meter and journal rows go to the lane of its id ([`lane_of`]), every other
    /// write to the first, so that a station's rows stay in the order they were queued.
    lanes: Vec<mpsc::Sender<Job>>,
    stop: CancellationToken,
    writers: Mutex<Vec<WriterThread>>,
    /// SQLite's checkpointer and what stops it.
    checkpointer: Mutex<Option<(JoinHandle<()>, CancellationToken)>>,
}

/// The writer task on a thread and runtime of its own. On the shared runtime, every reply from
/// the database (which comes from another thread: SQLite's worker, or a socket) put the writer
/// at the back of a queue of busy session tasks, so that each statement of a batch waited for
/// them; here it runs as soon as its reply is in.
struct WriterThread {
    finished: oneshot::Receiver<()>,
    /// Dropped by [`Store::close`] (or with the store) to let the runtime end.
    _release: oneshot::Sender<()>,
}

impl WriterThread {
    fn start(
        writer: Writer,
        rx: mpsc::Receiver<Job>,
        stop: CancellationToken,
    ) -> anyhow::Result<Self> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .context("cannot start the writer's runtime")?;
        let (done, finished) = oneshot::channel();
        let (release, released) = oneshot::channel::<()>();
        std::thread::Builder::new()
            .name("chargegate-writer".into())
            .spawn(move || {
                runtime.block_on(async move {
                    writer::run(writer, rx, stop).await;
                    let _ = done.send(());
                    // Tasks the connections spawned (handing one back to its pool) finish
                    // here while the store closes.
                    let _ = released.await;
                });
            })
            .context("cannot start the writer's thread")?;
        Ok(Self {
            finished,
            _release: release,
        })
    }
}

/// Jobs that may wait for a writer; senders wait (backpressure) when its queue is full.
const QUEUE: usize = 4 * MAX_BATCH;

/// The lane (of `lanes`) that takes a station's rows: FNV-1a of its id, so the same station
/// always lands on the same writer.
fn lane_of(station: &str, lanes: usize) -> usize {
    if lanes <= 1 {
        return 0;
    }
    let hash = station.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    (hash % lanes as u64) as usize
}

impl Store {
    /// Connects, creates a missing SQLite file, runs pending migrations and starts the writer.
    pub async fn open(settings: &Settings) -> anyhow::Result<Self> {
        let url = settings.database_url.as_str();
        let (mut checkpoints, mut wal) = (None, None);
        let breaker = Breaker::new();
        let (read, write) = if url.starts_with("sqlite:") {
            let sqlite = open_sqlite(url, settings).await?;
            (checkpoints, wal) = (sqlite.checkpoints.clone(), sqlite.wal);
            if let Some(options) = sqlite.checkpoints {
                breaker.probe_with(breaker::Probe::Sqlite(options.read_only(true)));
            }
            (sqlite.read, sqlite.write)
        } else {
            let db = open_postgres(url, settings, &breaker).await?;
            (db.clone(), db)
        };
        migrate(url, &write).await?;
        let read_statements = Arc::new(AtomicU64::new(0));
        let mut read = read;
        let counter = read_statements.clone();
        read.set_metric_callback(move |_| {
            counter.fetch_add(1, Ordering::Relaxed);
        });
        let counters = Arc::new(Counters::default());
        let series = Arc::new(samples::SeriesCache::default());
        let new_writer = |committed, wal| {
            Writer::new(
                write.clone(),
                committed,
                wal,
                breaker.clone(),
                counters.clone(),
                series.clone(),
            )
        };

        let stop = CancellationToken::new();
        let (committed, checkpointer) = match checkpoints {
            Some(options) => {
                let committed = Arc::new(Notify::new());
                // Stopped by `close` once the writer is done.
                let done = CancellationToken::new();
                let handle = tokio::spawn(checkpoint_wal(options, committed.clone(), done.clone()));
                (Some(committed), Some((handle, done)))
            }
            None => (None, None),
        };
        let writer =
            new_writer(committed, wal).context("cannot start the write-ahead log's sync thread")?;
        let (first, rx) = mpsc::channel(QUEUE);
        let (mut lanes, mut writers) = (
            vec![first],
            vec![WriterThread::start(writer, rx, stop.clone())?],
        );
        if write.get_database_backend() == DbBackend::Postgres {
            for _ in 1..settings.db_writers {
                let (lane, rx) = mpsc::channel(QUEUE);
                let writer = new_writer(None, None).context("cannot start a writer")?;
                writers.push(WriterThread::start(writer, rx, stop.clone())?);
                lanes.push(lane);
            }
        }
        tracing::info!(database = %redact_url(url), writers = lanes.len(), "database ready");
        Ok(Self(Arc::new(Inner {
            read: Reader::new(read, breaker.clone()),
            write,
            breaker,
            counters,
            read_statements,
            journal_bytes_read: AtomicU64::new(0),
            lanes,
            stop,
            writers: Mutex::new(writers),
            checkpointer: Mutex::new(checkpointer),
        })))
    }

    /// How many statements have run on the read connections (metrics, and the tests that
    /// check that a query does not run one statement per item).
    pub fn read_statements(&self) -> u64 {
        self.0.read_statements.load(Ordering::Relaxed)
    }

    /// What the writers and the breaker did so far.
    pub fn stats(&self) -> StoreStats {
        let c = &self.0.counters;
        let get = |n: &AtomicU64| n.load(Ordering::Relaxed);
        StoreStats {
            batches: get(&c.batches),
            batches_rerun: get(&c.reruns),
            jobs_rerun: get(&c.jobs_rerun),
            jobs_apart: get(&c.jobs_apart),
            jobs_held_back: get(&c.jobs_held_back),
            suspects: get(&c.suspects),
            outages: self.0.breaker.outages(),
            failed_fast: self.0.breaker.failed_fast(),
            probes: self.0.breaker.probes(),
        }
    }

    /// The writers' batch sizes (jobs per batch) and the time each batch took to write and
    /// commit: Prometheus histograms, registered by `app` (clones share their counts).
    pub fn batch_histograms(&self) -> (Histogram, Histogram) {
        let c = &self.0.counters;
        (c.batch_sizes.clone(), c.batch_seconds.clone())
    }

    /// Jobs waiting in the writers' queues now.
    pub fn queued_jobs(&self) -> usize {
        self.0
            .lanes
            .iter()
            .map(|lane| lane.max_capacity() - lane.capacity())
            .sum()
    }

    /// The read pool now: connections in use, open, and the most it opens.
    pub fn read_pool(&self) -> ReadPool {
        let db = self.0.read.connection();
        let (open, idle, max) = match db.get_database_backend() {
            DbBackend::Sqlite => {
                let pool = db.get_sqlite_connection_pool();
                (
                    pool.size(),
                    pool.num_idle(),
                    pool.options().get_max_connections(),
                )
            }
            _ => {
                let pool = db.get_postgres_connection_pool();
                (
                    pool.size(),
                    pool.num_idle(),
                    pool.options().get_max_connections(),
                )
            }
        };
        ReadPool {
            in_use: (open as usize).saturating_sub(idle),
            open: open as usize,
            max: max as usize,
        }
    }

    /// Whether the database breaker is open: operations fail at once (the database was found
    /// unreachable and has not answered a probe since). Reading it starts no probe.
    pub fn breaker_open(&self) -> bool {
        self.0.breaker.is_open()
    }

    /// Whether the database answers (for health checks): `false` at once while it is known to
    /// be unreachable.
    pub async fn ping(&self) -> bool {
        self.0.read.ping().await
    }

    /// The connection for reads, behind the breaker. Writes go through [`Store::write`].
    pub fn reader(&self) -> &Reader {
        &self.0.read
    }

    pub fn backend(&self) -> DbBackend {
        self.0.read.get_database_backend()
    }

    /// Fails at once while the database is known to be unreachable.
    fn check_reachable(&self) -> Result<(), StoreError> {
        if self.0.breaker.refusing() {
            return Err(StoreError::Database);
        }
        Ok(())
    }

    /// Runs `f` in the writer's next transaction and returns its result once committed.
    /// `f` may run more than once (a failed batch is retried job by job), so it must not have
    /// effects outside the transaction.
    pub async fn write<T, F>(&self, f: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: for<'a> Fn(&'a DatabaseTransaction) -> BoxFuture<'a, Result<T, DbErr>> + Send + 'static,
    {
        self.check_reachable()?;
        Self::run_on(&self.0.lanes[0], f).await
    }

    /// Runs `f` in the next transaction of `lane`'s writer.
    async fn run_on<T, F>(lane: &mpsc::Sender<Job>, f: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: for<'a> Fn(&'a DatabaseTransaction) -> BoxFuture<'a, Result<T, DbErr>> + Send + 'static,
    {
        let (done, result) = oneshot::channel();
        let job = FnJob {
            f: Box::new(f),
            out: None,
            done,
        };
        lane.send(Job::Run(Box::new(job)))
            .await
            .map_err(|_| StoreError::Closed)?;
        result.await.map_err(|_| StoreError::Closed)?
    }

    /// The queue of the writer that takes `station`'s meter and journal rows.
    fn lane(&self, station: &str) -> &mpsc::Sender<Job> {
        &self.0.lanes[lane_of(station, self.0.lanes.len())]
    }

    /// Inserts one row in the writer's next transaction and returns it as stored (with its
    /// generated id) once committed.
    pub async fn insert<A>(&self, row: A) -> Result<<A::Entity as EntityTrait>::Model, StoreError>
    where
        A: ActiveModelTrait + ActiveModelBehavior + Clone + Send + Sync + 'static,
        <A::Entity as EntityTrait>::Model: IntoActiveModel<A> + Send + 'static,
    {
        self.write(move |txn| {
            let row = row.clone();
            Box::pin(async move { row.insert(txn).await })
        })
        .await
    }

    /// Returns once everything queued for `station` before it is committed (a barrier, e.g.
    /// for a message whose only record is its journal row).
    pub async fn flush(&self, station: &str) -> Result<(), StoreError> {
        self.check_reachable()?;
        Self::run_on(self.lane(station), |_| Box::pin(async { Ok(()) })).await
    }

    /// Stores sampled values; returns once they are committed.
    pub async fn insert_meter_values(&self, rows: Vec<MeterRow>) -> Result<(), StoreError> {
        let Some(station) = rows.first().map(|r| r.station_id.clone()) else {
            return Ok(());
        };
        self.check_reachable()?;
        let (done, result) = oneshot::channel();
        let rows = samples::readings(&rows);
        self.lane(&station)
            .send(Job::Meter { rows, done })
            .await
            .map_err(|_| StoreError::Closed)?;
        result.await.map_err(|_| StoreError::Closed)?
    }

    /// Queues a journal row; it is written with the next batch. Waits only when the queue is
    /// full. While the database is known to be unreachable the row is dropped at once (a
    /// batch would fail to store it anyway).
    pub async fn journal(&self, row: JournalRow) {
        if self.check_reachable().is_err() {
            tracing::debug!("journal row dropped: the database is unreachable");
            return;
        }
        let lane = self.lane(&row.station_id);
        let (entry, answer) = bulk::JournalEntry::of(row);
        for entry in std::iter::once(entry).chain(answer) {
            if lane.send(Job::Journal(entry)).await.is_err() {
                tracing::warn!("journal row dropped: the store is closed");
            }
        }
    }

    /// Writes everything queued so far, stops the writer and closes the connections (SQLite
    /// then folds its write-ahead log into the database file). Later writes fail with
    /// [`StoreError::Closed`].
    pub async fn close(&self) {
        self.0.stop.cancel();
        let mut writers = std::mem::take(&mut *self.0.writers.lock().await);
        for writer in &mut writers {
            if (&mut writer.finished).await.is_err() {
                tracing::error!("writer task failed");
            }
        }
        if let Some((handle, done)) = self.0.checkpointer.lock().await.take() {
            done.cancel();
            if let Err(e) = handle.await {
                tracing::error!(error = %e, "checkpointer task failed");
            }
        }
        // Readers first: SQLite checkpoints the write-ahead log when the last connection, the
        // writer's, closes.
        for db in [self.0.read.connection(), &self.0.write] {
            if let Err(e) = db.close_by_ref().await {
                tracing::warn!(error = %e, "closing database connections failed");
            }
        }
        // Only now may the writers' runtimes end (the pools above were waiting for the
        // connections they handed back).
        drop(writers);
    }

    /// Deletes journal rows older than `before`, a slice at a time so that other writes
    /// interleave. Returns how many were deleted. Rows are taken oldest id first (ids grow
    /// with time: no index by time is kept), each slice up to the first row not older than
    /// `before`: a row stored a moment out of order waits for the next pruning.
    pub async fn prune_journal(&self, before: DateTime<Utc>) -> Result<u64, StoreError> {
        const SLICE: u64 = 5000;
        let before = before.timestamp_millis();
        let mut total = 0;
        loop {
            let deleted = self
                .write(move |txn| {
                    Box::pin(async move {
                        use sea_orm::{ConnectionTrait, Statement};
                        let backend = txn.get_database_backend();
                        let param = match backend {
                            DbBackend::Postgres => "$1",
                            _ => "?",
                        };
                        // The oldest slice's first row not older than `before`, else past
                        // the whole slice.
                        let sql = format!(
                            "DELETE FROM ocpp_messages WHERE id < COALESCE( \
                             (SELECT min(s.id) FROM (SELECT id, created_at FROM ocpp_messages \
                             ORDER BY id LIMIT {SLICE}) AS s WHERE s.created_at >= {param}), \
                             (SELECT max(s.id) + 1 FROM (SELECT id FROM ocpp_messages \
                             ORDER BY id LIMIT {SLICE}) AS s))"
                        );
                        let result = txn
                            .execute_raw(Statement::from_sql_and_values(
                                backend,
                                sql,
                                [before.into()],
                            ))
                            .await?;
                        Ok(result.rows_affected())
                    })
                })
                .await?;
            total += deleted;
            if deleted < SLICE {
                return Ok(total);
            }
        }
    }
}

/// PostgreSQL's pool, shared by readers and writers. Each connection is pinged before it is
/// handed out (as SeaORM does by default), and a failed ping makes the breaker doubt the
/// database; its probes connect with the same options.
async fn open_postgres(
    url: &str,
    settings: &Settings,
    breaker: &Arc<Breaker>,
) -> anyhow::Result<DatabaseConnection> {
    use sea_orm::sqlx::{ConnectOptions as _, Connection as _, postgres::PgConnectOptions};
    let probe = PgConnectOptions::from_str(url)
        .with_context(|| format!("bad PostgreSQL URL {}", redact_url(url)))?
        .disable_statement_logging();
    breaker.probe_with(breaker::Probe::Postgres(probe));
    let mut options = ConnectOptions::new(url);
    let watched = breaker.clone();
    options
        .max_connections(settings.db_read_connections.max(1) + settings.db_writers.max(1))
        .acquire_timeout(settings.limits.db_acquire_timeout.0)
        .sqlx_logging(false)
        .map_sqlx_postgres_pool_opts(move |pool| {
            let breaker = watched.clone();
            pool.test_before_acquire(false)
                .before_acquire(move |conn, _| {
                    let breaker = breaker.clone();
                    Box::pin(async move {
                        let pinged = conn.ping().await;
                        if let Err(e) = &pinged {
                            breaker.observe_sqlx(e);
                        }
                        pinged.map(|()| true)
                    })
                })
        });
    Database::connect(options)
        .await
        .with_context(|| format!("cannot connect to {}", redact_url(url)))
}

/// The writer's page cache (SQLite's default size, stated here because it matters): it holds
/// the tree pages above the leaves a batch writes and the tables' last pages. Not larger:
/// SQLite empties the part of its cache past the end of the file at each commit, and a B-tree
/// split that renumbers its new pages does so through the lock-byte page (number 262,145 at
/// 4 KiB: `balance_nonroot`), which makes that a walk of the whole cache at most commits of a
/// database under 1 GiB. With 64 MB that walk was a third of the writer's time in the fleet
/// scenario, with 16 MB still 13 % of the server's, with 2 MB 5.6 %; a station's leaves are
/// not kept between its messages by any of these sizes (38,000 connectors), a storm is no
/// slower, and the memory per idle station is lower (bench/HISTORY.md, run 7).
const WRITER_CACHE_KIB: i64 = 2 * 1024;
/// Pages the write-ahead log may reach before the writer folds it back itself (a passive
/// checkpoint after its commit, which then lets the next transaction restart the log from its
/// beginning). Most of the copying is done by the checkpointer beside the writer, so the
/// writer's own checkpoint finds little left to copy.
const WRITER_AUTOCHECKPOINT_PAGES: u32 = 8192;
/// How often the checkpointer runs at most while there are commits.
const CHECKPOINT_EVERY: Duration = Duration::from_millis(50);

/// SQLite's connections, and what the writer and the checkpointer need.
struct Sqlite {
    read: DatabaseConnection,
    write: DatabaseConnection,
    /// For the checkpointer's connection (none for an in-memory database).
    checkpoints: Option<SqliteConnectOptions>,
    /// The write-ahead log the writer syncs itself, and the least time between two syncs (see
    /// [`writer::WalSync`]).
    wal: Option<(PathBuf, Duration)>,
}

async fn open_sqlite(url: &str, settings: &Settings) -> anyhow::Result<Sqlite> {
    let synchronous = match settings.sqlite_synchronous {
        SqliteSync::Full => SqliteSynchronous::Full,
        SqliteSync::Normal => SqliteSynchronous::Normal,
    };
    let options = SqliteConnectOptions::from_str(url)
        .with_context(|| format!("bad SQLite URL {url}"))?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(synchronous)
        .busy_timeout(Duration::from_secs(10))
        .foreign_keys(true);
    let in_memory = url.contains(":memory:") || url.contains("mode=memory");
    // With `FULL`, the writer's commits do not sync the log themselves: the writer syncs it on
    // a thread of its own while the next batch goes on, and answers only after that (the same
    // guarantee: nothing is acknowledged before it is on disk).
    let sync_wal = !in_memory && settings.sqlite_synchronous == SqliteSync::Full;
    let writer_options = options
        .clone()
        .synchronous(if sync_wal {
            SqliteSynchronous::Normal
        } else {
            synchronous
        })
        .pragma("cache_size", format!("-{WRITER_CACHE_KIB}"))
        // Statement journals (a multi-row INSERT inside the batch's transaction) in memory.
        .pragma("temp_store", "memory")
        .pragma(
            "wal_autocheckpoint",
            WRITER_AUTOCHECKPOINT_PAGES.to_string(),
        )
        // Every shape of the bulk inserts, with and without BEGIN and COMMIT, stays prepared.
        .statement_cache_capacity(256);
    let acquire_timeout = settings.limits.db_acquire_timeout.0;
    let writer_pool = SqlitePoolOptions::new()
        .max_connections(1)
        .min_connections(1)
        // Only the writer takes this connection (back from itself within microseconds);
        // the setting applies for uniformity.
        .acquire_timeout(acquire_timeout)
        .idle_timeout(None)
        .max_lifetime(None)
        // An in-process connection cannot have gone away.
        .test_before_acquire(false)
        .connect_with(writer_options)
        .await
        .with_context(|| format!("cannot open {url}"))?;
    let write = SqlxSqliteConnector::from_sqlx_sqlite_pool(writer_pool);
    if in_memory {
        // A private in-memory database exists on one connection only: share it.
        return Ok(Sqlite {
            read: write.clone(),
            write,
            checkpoints: None,
            wal: None,
        });
    }
    let reader_pool = SqlitePoolOptions::new()
        .max_connections(settings.db_read_connections.max(1))
        .acquire_timeout(acquire_timeout)
        .connect_with(options.clone().read_only(true))
        .await
        .with_context(|| format!("cannot open {url} for reading"))?;
    let mut wal = options.get_filename().as_os_str().to_owned();
    wal.push("-wal");
    Ok(Sqlite {
        read: SqlxSqliteConnector::from_sqlx_sqlite_pool(reader_pool),
        write,
        checkpoints: Some(options),
        wal: sync_wal.then(|| (PathBuf::from(wal), settings.sqlite_commit_interval.0)),
    })
}

/// Copies committed pages from SQLite's write-ahead log into the database file on a connection
/// (and so a thread) of its own, while the writer goes on writing: a passive checkpoint, which
/// never blocks the writer, at most every [`CHECKPOINT_EVERY`] while there are commits. Pages
/// written again and again (the index leaves of every station) are copied once per round.
async fn checkpoint_wal(
    options: SqliteConnectOptions,
    committed: Arc<Notify>,
    done: CancellationToken,
) {
    use sea_orm::sqlx::{ConnectOptions as _, Connection as _};
    let mut conn = match options.connect().await {
        Ok(conn) => conn,
        Err(e) => {
            tracing::warn!(error = %e, "no checkpointer: the writer folds the log back alone");
            return;
        }
    };
    loop {
        tokio::select! {
            biased;
            () = done.cancelled() => break,
            () = committed.notified() => {}
        }
        if let Err(e) = sea_orm::sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
            .execute(&mut conn)
            .await
        {
            tracing::debug!(error = %e, "checkpoint failed");
        }
        tokio::select! {
            biased;
            () = done.cancelled() => break,
            () = tokio::time::sleep(CHECKPOINT_EVERY) => {}
        }
    }
    if let Err(e) = conn.close().await {
        tracing::debug!(error = %e, "closing the checkpointer failed");
    }
}

#[cfg(test)]
mod tests {
    use super::lane_of;

    #[test]
    fn one_lane_takes_every_station_and_several_share_them_evenly() {
        assert!((0..100).all(|n| lane_of(&format!("CP-{n}"), 1) == 0));
        let mut per_lane = [0_u32; 4];
        for n in 0..4000 {
            per_lane[lane_of(&format!("CP-{n:05}"), 4)] += 1;
        }
        assert!(
            per_lane.iter().all(|&n| (800..1200).contains(&n)),
            "{per_lane:?}"
        );
    }
}
