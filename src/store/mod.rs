//! Storage: opening SQLite or PostgreSQL, running migrations, the read pool and the batching
//! [`writer`] through which every write goes.
//!
//! SQLite runs in WAL mode with one writer connection (the writer task) and a pool of readers;
//! `synchronous` is `FULL` unless configured otherwise. PostgreSQL shares one pool.

mod writer;

use std::{
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
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DatabaseTransaction, DbBackend,
    DbErr, SqlxSqliteConnector,
    sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous},
};
use tokio::{
    sync::{Mutex, mpsc, oneshot},
    task::JoinHandle,
};
use tokio_util::sync::CancellationToken;

use crate::config::{Settings, SqliteSync, redact_url};
use crate::ocpp::types::MeterValue;
use writer::{FnJob, Job};
pub use writer::{MAX_BATCH, WriteFn};

/// A write that did not reach the database. Never shown to stations or API clients as is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    #[error("the database refused the write")]
    Database,
    #[error("the store is closed")]
    Closed,
}

impl From<DbErr> for StoreError {
    fn from(e: DbErr) -> Self {
        tracing::error!(error = %e, "database read failed");
        Self::Database
    }
}

/// Whether a journaled frame came from the station or went to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    In,
    Out,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::In => "in",
            Self::Out => "out",
        }
    }
}

/// One journal row: a frame as it was on the wire.
#[derive(Clone, Debug)]
pub struct JournalRow {
    pub station_id: Arc<str>,
    pub direction: Direction,
    pub message_type: Option<i16>,
    pub message_id: Option<String>,
    pub action: Option<String>,
    pub payload: String,
    pub at: DateTime<Utc>,
}

/// One sampled value to store. Enumerations are already in wire spelling, with the OCPP
/// defaults applied.
#[derive(Clone, Debug)]
pub struct MeterRow {
    pub station_id: Arc<str>,
    pub connector_id: i32,
    pub reported_transaction_id: Option<i32>,
    /// `MeterValues` or `StopTransaction`.
    pub source: &'static str,
    pub timestamp: DateTime<Utc>,
    pub value: String,
    pub numeric_value: Option<f64>,
    pub context: &'static str,
    pub format: &'static str,
    pub measurand: &'static str,
    pub phase: Option<&'static str>,
    pub location: &'static str,
    pub unit: &'static str,
    pub received_at: DateTime<Utc>,
}

impl MeterRow {
    /// One row per sampled value of `values`, with the OCPP defaults applied.
    pub fn from_meter_values(
        station_id: &Arc<str>,
        connector_id: i32,
        reported_transaction_id: Option<i32>,
        source: &'static str,
        values: &[MeterValue],
        received_at: DateTime<Utc>,
    ) -> Vec<Self> {
        values
            .iter()
            .flat_map(|mv| {
                mv.sampled_value.iter().map(move |sv| Self {
                    station_id: station_id.clone(),
                    connector_id,
                    reported_transaction_id,
                    source,
                    timestamp: mv.timestamp.0,
                    value: sv.value.clone(),
                    numeric_value: sv.numeric(),
                    context: sv.context_or_default().as_str(),
                    format: sv.format_or_default().as_str(),
                    measurand: sv.measurand_or_default().as_str(),
                    phase: sv.phase.map(|p| p.as_str()),
                    location: sv.location_or_default().as_str(),
                    unit: sv.unit_or_default().as_str(),
                    received_at,
                })
            })
            .collect()
    }
}

/// Inserts sampled values inside a write closure, all linked to `transaction_id` (or to none).
pub async fn insert_meter_rows_linked(
    txn: &DatabaseTransaction,
    rows: &[MeterRow],
    transaction_id: Option<i32>,
) -> Result<(), DbErr> {
    let rows: Vec<&MeterRow> = rows.iter().collect();
    writer::insert_rows(txn, &rows, |_| transaction_id).await
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

/// Handle to the database: cheap to clone.
#[derive(Clone)]
pub struct Store(Arc<Inner>);

struct Inner {
    read: DatabaseConnection,
    write: DatabaseConnection,
    read_statements: Arc<AtomicU64>,
    jobs: mpsc::Sender<Job>,
    stop: CancellationToken,
    writer: Mutex<Option<JoinHandle<()>>>,
}

/// Jobs that may wait for the writer; senders wait (backpressure) when it is full.
const QUEUE: usize = 4 * MAX_BATCH;

impl Store {
    /// Connects, creates a missing SQLite file, runs pending migrations and starts the writer.
    pub async fn open(settings: &Settings) -> anyhow::Result<Self> {
        let url = settings.database_url.as_str();
        let (read, write) = if url.starts_with("sqlite:") {
            open_sqlite(url, settings).await?
        } else {
            let mut options = ConnectOptions::new(url);
            options
                .max_connections(settings.db_read_connections.max(1) + 1)
                .acquire_timeout(Duration::from_secs(10))
                .sqlx_logging(false);
            let db = Database::connect(options)
                .await
                .with_context(|| format!("cannot connect to {}", redact_url(url)))?;
            (db.clone(), db)
        };
        migrate(url, &write).await?;
        let read_statements = Arc::new(AtomicU64::new(0));
        let mut read = read;
        let counter = read_statements.clone();
        read.set_metric_callback(move |_| {
            counter.fetch_add(1, Ordering::Relaxed);
        });

        let (jobs, rx) = mpsc::channel(QUEUE);
        let stop = CancellationToken::new();
        let handle = tokio::spawn(writer::run(write.clone(), rx, stop.clone()));
        tracing::info!(database = %redact_url(url), "database ready");
        Ok(Self(Arc::new(Inner {
            read,
            write,
            read_statements,
            jobs,
            stop,
            writer: Mutex::new(Some(handle)),
        })))
    }

    /// How many statements have run on the read connections (metrics, and the tests that
    /// check that a query does not run one statement per item).
    pub fn read_statements(&self) -> u64 {
        self.0.read_statements.load(Ordering::Relaxed)
    }

    /// Whether the database answers (for health checks).
    pub async fn ping(&self) -> bool {
        self.0.read.ping().await.is_ok()
    }

    /// The connection for reads. Writes go through [`Store::write`].
    pub fn reader(&self) -> &DatabaseConnection {
        &self.0.read
    }

    pub fn backend(&self) -> DbBackend {
        self.0.read.get_database_backend()
    }

    /// Runs `f` in the writer's next transaction and returns its result once committed.
    /// `f` may run more than once (a failed batch is retried job by job), so it must not have
    /// effects outside the transaction.
    pub async fn write<T, F>(&self, f: F) -> Result<T, StoreError>
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
        self.0
            .jobs
            .send(Job::Run(Box::new(job)))
            .await
            .map_err(|_| StoreError::Closed)?;
        result.await.map_err(|_| StoreError::Closed)?
    }

    /// Returns once everything queued before it is committed (a barrier, e.g. for a message
    /// whose only record is its journal row).
    pub async fn flush(&self) -> Result<(), StoreError> {
        self.write(|_| Box::pin(async { Ok(()) })).await
    }

    /// Stores sampled values; returns once they are committed.
    pub async fn insert_meter_values(&self, rows: Vec<MeterRow>) -> Result<(), StoreError> {
        let (done, result) = oneshot::channel();
        self.0
            .jobs
            .send(Job::Meter { rows, done })
            .await
            .map_err(|_| StoreError::Closed)?;
        result.await.map_err(|_| StoreError::Closed)?
    }

    /// Queues a journal row; it is written with the next batch. Waits only when the queue is
    /// full.
    pub async fn journal(&self, row: JournalRow) {
        if self.0.jobs.send(Job::Journal(row)).await.is_err() {
            tracing::warn!("journal row dropped: the store is closed");
        }
    }

    /// Writes everything queued so far, stops the writer and closes the connections (SQLite
    /// then folds its write-ahead log into the database file). Later writes fail with
    /// [`StoreError::Closed`].
    pub async fn close(&self) {
        self.0.stop.cancel();
        if let Some(handle) = self.0.writer.lock().await.take()
            && let Err(e) = handle.await
        {
            tracing::error!(error = %e, "writer task failed");
        }
        // Readers first: SQLite checkpoints the write-ahead log when the last connection, the
        // writer's, closes.
        for db in [&self.0.read, &self.0.write] {
            if let Err(e) = db.close_by_ref().await {
                tracing::warn!(error = %e, "closing database connections failed");
            }
        }
    }

    /// Deletes journal rows older than `before`, a slice at a time so that other writes
    /// interleave. Returns how many were deleted.
    pub async fn prune_journal(&self, before: DateTime<Utc>) -> Result<u64, StoreError> {
        const SLICE: u64 = 5000;
        let mut total = 0;
        loop {
            let deleted = self
                .write(move |txn| {
                    Box::pin(async move {
                        use entity::ocpp_message::{Column, Entity};
                        use sea_orm::{
                            ColumnTrait, EntityTrait, QueryFilter,
                            sea_query::{Expr, ExprTrait, Order, Query},
                        };
                        let oldest = Query::select()
                            .column(Column::Id)
                            .from(Entity)
                            .and_where(Expr::col(Column::CreatedAt).lt(before))
                            .order_by(Column::Id, Order::Asc)
                            .limit(SLICE)
                            .to_owned();
                        let result = Entity::delete_many()
                            .filter(Column::Id.in_subquery(oldest))
                            .exec(txn)
                            .await?;
                        Ok(result.rows_affected)
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

async fn open_sqlite(
    url: &str,
    settings: &Settings,
) -> anyhow::Result<(DatabaseConnection, DatabaseConnection)> {
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
    let writer_pool = SqlitePoolOptions::new()
        .max_connections(1)
        .min_connections(1)
        .idle_timeout(None)
        .max_lifetime(None)
        .connect_with(options.clone())
        .await
        .with_context(|| format!("cannot open {url}"))?;
    let write = SqlxSqliteConnector::from_sqlx_sqlite_pool(writer_pool);
    if in_memory {
        // A private in-memory database exists on one connection only: share it.
        return Ok((write.clone(), write));
    }
    let reader_pool = SqlitePoolOptions::new()
        .max_connections(settings.db_read_connections.max(1))
        .connect_with(options.read_only(true))
        .await
        .with_context(|| format!("cannot open {url} for reading"))?;
    Ok((
        SqlxSqliteConnector::from_sqlx_sqlite_pool(reader_pool),
        write,
    ))
}
