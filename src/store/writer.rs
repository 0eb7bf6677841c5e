//! The batching writer: one task owns every database write, takes whatever jobs are queued,
//! runs them in one transaction and commits once (group commit), then answers each job.
//!
//! Meter-value rows and journal rows are coalesced into multi-row inserts. If a batch fails
//! because of one job, the batch is run again with each job in a savepoint, so that a bad job
//! fails only itself; if the database is unreachable, the whole batch fails at once.

use std::collections::{HashMap, HashSet};

use futures_util::future::BoxFuture;
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, DatabaseConnection, DatabaseTransaction, DbErr, EntityTrait, QueryFilter,
    QuerySelect, TransactionTrait,
    sea_query::OnConflict,
};
use tokio::sync::{mpsc, oneshot};
use tokio_util::sync::CancellationToken;

use super::{JournalRow, MeterRow, StoreError};

/// Most jobs in one transaction.
pub const MAX_BATCH: usize = 2048;
/// Rows per multi-row INSERT (SQLite allows 32,766 bound parameters; 16 columns × 1,000 fits).
const ROWS_PER_INSERT: usize = 1000;

/// A closure that runs inside the writer's transaction. It may run twice (batch, then alone).
pub type WriteFn<T> =
    Box<dyn for<'a> Fn(&'a DatabaseTransaction) -> BoxFuture<'a, Result<T, DbErr>> + Send>;

pub(super) enum Job {
    Run(Box<dyn RunJob>),
    Meter {
        rows: Vec<MeterRow>,
        done: oneshot::Sender<Result<(), StoreError>>,
    },
    Journal(JournalRow),
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

/// Runs until `stop` fires and every job queued before it has been written.
pub(super) async fn run(
    db: DatabaseConnection,
    mut rx: mpsc::Receiver<Job>,
    stop: CancellationToken,
) {
    let mut jobs = Vec::with_capacity(MAX_BATCH);
    let mut closing = false;
    loop {
        tokio::select! {
            biased;
            n = rx.recv_many(&mut jobs, MAX_BATCH) => {
                if n == 0 {
                    break;
                }
                write_batch(&db, &mut jobs).await;
            }
            () = stop.cancelled(), if !closing => {
                closing = true;
                rx.close();
            }
        }
    }
    tracing::debug!("writer stopped");
}

async fn write_batch(db: &DatabaseConnection, jobs: &mut Vec<Job>) {
    let result = async {
        let txn = db.begin().await?;
        match apply(&txn, jobs.iter_mut()).await {
            Ok(()) => txn.commit().await,
            Err(e) => {
                let _ = txn.rollback().await;
                Err(e)
            }
        }
    }
    .await;
    let results = match result {
        Ok(()) => vec![Ok(()); jobs.len()],
        Err(e) if jobs.len() == 1 || is_connection_error(&e) => {
            tracing::error!(error = %e, jobs = jobs.len(), "database write failed");
            vec![Err(StoreError::Database); jobs.len()]
        }
        Err(e) => {
            tracing::warn!(error = %e, jobs = jobs.len(), "batch write failed; isolating the failing jobs");
            isolate(db, jobs).await.unwrap_or_else(|e| {
                tracing::error!(error = %e, jobs = jobs.len(), "database write failed");
                vec![Err(StoreError::Database); jobs.len()]
            })
        }
    };
    for (job, result) in jobs.drain(..).zip(results) {
        finish(job, result);
    }
}

/// Runs the batch again in one transaction with each job in a savepoint of its own, so that
/// only the jobs that fail are rolled back (and the rest still commit once).
async fn isolate(
    db: &DatabaseConnection,
    jobs: &mut [Job],
) -> Result<Vec<Result<(), StoreError>>, DbErr> {
    let txn = db.begin().await?;
    let mut results = Vec::with_capacity(jobs.len());
    for job in jobs.iter_mut() {
        let savepoint = txn.begin().await?;
        match apply(&savepoint, std::iter::once(job)).await {
            Ok(()) => {
                savepoint.commit().await?;
                results.push(Ok(()));
            }
            Err(e) => {
                tracing::error!(error = %e, "database write failed");
                savepoint.rollback().await?;
                results.push(Err(StoreError::Database));
            }
        }
    }
    txn.commit().await?;
    Ok(results)
}

/// Errors that say the database itself is unreachable: retrying job by job would only wait
/// for it again, so the whole batch fails at once (the stations retry).
fn is_connection_error(e: &DbErr) -> bool {
    use sea_orm::{RuntimeErr, sqlx::Error};
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

fn finish(job: Job, result: Result<(), StoreError>) {
    match job {
        Job::Run(job) => job.finish(result),
        Job::Meter { done, .. } => {
            let _ = done.send(result);
        }
        Job::Journal(_) => {
            if result.is_err() {
                tracing::warn!("journal rows lost: the database refused them");
            }
        }
    }
}

async fn apply<'j>(
    txn: &DatabaseTransaction,
    jobs: impl Iterator<Item = &'j mut Job>,
) -> Result<(), DbErr> {
    let mut meter: Vec<&MeterRow> = Vec::new();
    let mut journal: Vec<&JournalRow> = Vec::new();
    for job in jobs {
        match job {
            Job::Run(job) => job.run(txn).await?,
            Job::Meter { rows, .. } => meter.extend(rows.iter()),
            Job::Journal(row) => journal.push(row),
        }
    }
    insert_meter_rows(txn, &meter).await?;
    insert_journal_rows(txn, &journal).await
}

/// Inserts sampled values, linking each to its transaction when the station named one of its
/// own transactions (one look-up for the whole batch).
async fn insert_meter_rows(txn: &DatabaseTransaction, rows: &[&MeterRow]) -> Result<(), DbErr> {
    use entity::transaction;
    if rows.is_empty() {
        return Ok(());
    }
    let reported: HashSet<i32> = rows
        .iter()
        .filter_map(|r| r.reported_transaction_id)
        .collect();
    let mut owner: HashMap<i32, String> = HashMap::new();
    if !reported.is_empty() {
        let ids: Vec<i32> = reported.into_iter().collect();
        for chunk in ids.chunks(ROWS_PER_INSERT) {
            let found: Vec<(i32, String)> = transaction::Entity::find()
                .select_only()
                .column(transaction::Column::Id)
                .column(transaction::Column::StationId)
                .filter(transaction::Column::Id.is_in(chunk.iter().copied()))
                .into_tuple()
                .all(txn)
                .await?;
            owner.extend(found);
        }
    }
    insert_rows(txn, rows, |r| {
        r.reported_transaction_id
            .filter(|id| owner.get(id).is_some_and(|s| **s == *r.station_id))
    })
    .await
}

/// Inserts sampled values with the transaction link `link` gives each row.
pub(super) async fn insert_rows(
    txn: &DatabaseTransaction,
    rows: &[&MeterRow],
    link: impl Fn(&MeterRow) -> Option<i32>,
) -> Result<(), DbErr> {
    use entity::meter_value;
    for chunk in rows.chunks(ROWS_PER_INSERT) {
        let models = chunk.iter().map(|r| meter_value::ActiveModel {
            id: NotSet,
            station_id: Set(r.station_id.to_string()),
            connector_id: Set(r.connector_id),
            transaction_id: Set(link(r)),
            reported_transaction_id: Set(r.reported_transaction_id),
            source: Set(r.source.to_owned()),
            timestamp: Set(r.timestamp),
            value: Set(r.value.clone()),
            numeric_value: Set(r.numeric_value),
            context: Set(r.context.to_owned()),
            format: Set(r.format.to_owned()),
            measurand: Set(r.measurand.to_owned()),
            phase: Set(r.phase.map(str::to_owned)),
            location: Set(r.location.to_owned()),
            unit: Set(r.unit.to_owned()),
            received_at: Set(r.received_at),
        });
        // A sample already stored (a MeterValues sent again) is skipped.
        meter_value::Entity::insert_many(models)
            .on_conflict(OnConflict::new().do_nothing().to_owned())
            .exec_without_returning(txn)
            .await?;
    }
    Ok(())
}

async fn insert_journal_rows(txn: &DatabaseTransaction, rows: &[&JournalRow]) -> Result<(), DbErr> {
    use entity::ocpp_message;
    for chunk in rows.chunks(ROWS_PER_INSERT) {
        let models = chunk.iter().map(|r| ocpp_message::ActiveModel {
            id: NotSet,
            station_id: Set(r.station_id.to_string()),
            direction: Set(r.direction.as_str().to_owned()),
            message_type: Set(r.message_type),
            message_id: Set(r.message_id.clone()),
            action: Set(r.action.clone()),
            payload: Set(r.payload.clone()),
            created_at: Set(r.at),
        });
        ocpp_message::Entity::insert_many(models)
            .exec_without_returning(txn)
            .await?;
    }
    Ok(())
}
