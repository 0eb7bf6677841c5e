//! Transactions in the API: `transactions` and `transaction` with their meter-value series, and
//! `unmatchedStops` for reconciliation. Drivers see only the transactions of their own id tags.

use async_graphql::{Context, Enum, ID, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use entity::{meter_value, transaction, unmatched_stop};
use sea_orm::{ColumnTrait, Condition, EntityTrait, Order, QueryFilter};

use super::{
    enums::{self, stored},
    error::ApiError,
    guard::{app, principal, staff, station_access},
    loaders::{Loaders, StationById, TagOwner},
    pagination::{self, Page, PageArgs},
    station::Station,
};
use crate::{auth::Role, store::samples::SampleQuery, use_case::transaction::flags};
use ocpp::v16;

/// An anomaly noticed on a transaction (it was stored all the same).
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum TransactionFlag {
    /// Started with an id tag the server did not know.
    UnknownIdTag,
    /// The tag, or one of its group, was charging elsewhere.
    ConcurrentTx,
    /// Another transaction was still open on the connector.
    ConnectorBusy,
    /// Start time more than 15 minutes ahead of the server.
    StartInFuture,
    /// Start time before 2010: the station's clock was not set.
    StartClockUnset,
    StopInFuture,
    StopClockUnset,
    StopBeforeStart,
    MeterStopBelowStart,
    /// A second, different StopTransaction arrived (see `unmatchedStops`).
    ConflictingStop,
    /// The tag's energy budget (or its owner's) was used up: answered Blocked at the start, or
    /// stopped by chargegate when it reached the budget. Not an anomaly.
    BudgetExhausted,
}

impl TransactionFlag {
    fn from_code(code: &str) -> Option<Self> {
        Some(match code {
            flags::UNKNOWN_ID_TAG => Self::UnknownIdTag,
            flags::CONCURRENT_TX => Self::ConcurrentTx,
            flags::CONNECTOR_BUSY => Self::ConnectorBusy,
            flags::START_IN_FUTURE => Self::StartInFuture,
            flags::START_CLOCK_UNSET => Self::StartClockUnset,
            flags::STOP_IN_FUTURE => Self::StopInFuture,
            flags::STOP_CLOCK_UNSET => Self::StopClockUnset,
            flags::STOP_BEFORE_START => Self::StopBeforeStart,
            flags::METER_STOP_BELOW_START => Self::MeterStopBelowStart,
            flags::CONFLICTING_STOP => Self::ConflictingStop,
            flags::BUDGET_EXHAUSTED => Self::BudgetExhausted,
            _ => return None,
        })
    }
}

/// A charging transaction.
pub struct Transaction(pub transaction::Model);

#[Object]
impl Transaction {
    /// The transactionId the station was given.
    async fn id(&self) -> i32 {
        self.0.id
    }
    async fn station_id(&self) -> ID {
        ID(self.0.station_id.clone())
    }
    async fn station(&self, ctx: &Context<'_>) -> Result<Option<Station>> {
        let row = ctx
            .data_unchecked::<Loaders>()
            .load_one(StationById(self.0.station_id.clone()))
            .await?;
        Ok(row.map(Station))
    }
    async fn connector_id(&self) -> i32 {
        self.0.connector_id
    }
    /// The id tag as the station sent it.
    async fn id_tag(&self) -> &str {
        &self.0.id_tag
    }
    /// What the StartTransaction was answered for the tag.
    async fn id_tag_status(&self) -> Option<enums::AuthorizationStatus> {
        stored(
            &self.0.start_id_tag_status,
            v16::AuthorizationStatus::from_wire,
        )
    }
    /// Wh, as sent.
    async fn meter_start(&self) -> i64 {
        self.0.meter_start
    }
    /// The station's start time, as sent.
    async fn start_time(&self) -> DateTime<Utc> {
        self.0.start_time
    }
    async fn reservation_id(&self) -> Option<i32> {
        self.0.reservation_id
    }
    async fn meter_stop(&self) -> Option<i64> {
        self.0.meter_stop
    }
    async fn stop_time(&self) -> Option<DateTime<Utc>> {
        self.0.stop_time
    }
    /// Why it stopped, in 1.6's words (null for a 2.0.1 reason 1.6 has no word for; see
    /// `stopReasonAsSent`).
    async fn stop_reason(&self) -> Option<enums::Reason> {
        stored(self.0.stop_reason.as_deref()?, v16::Reason::from_wire)
    }
    /// Why it stopped, exactly as the station said it (`EnergyLimitReached`, …).
    async fn stop_reason_as_sent(&self) -> Option<&str> {
        self.0.stop_reason.as_deref()
    }
    /// An OCPP 2.0.1 station's own id of the transaction; null for 1.6 (whose transaction id
    /// is `id`).
    async fn station_transaction_id(&self) -> Option<&str> {
        self.0.station_transaction_id.as_deref()
    }
    /// The type of the id token (2.0.1: `ISO14443`, `Central`, `eMAID`, …); null for 1.6.
    async fn id_token_type(&self) -> Option<&str> {
        self.0.id_token_type.as_deref()
    }
    /// The id tag that stopped it, when the station sent one.
    async fn stop_id_tag(&self) -> Option<&str> {
        self.0.stop_id_tag.as_deref()
    }
    /// Whether it is still running (no StopTransaction yet).
    async fn active(&self) -> bool {
        self.0.stop_time.is_none()
    }
    /// Energy delivered, Wh: meterStop − meterStart once stopped; while running, the latest
    /// total energy register reading (no phase) of its connector minus meterStart, when the
    /// station sent one with this transaction.
    async fn energy_wh(&self, ctx: &Context<'_>) -> Result<Option<i64>> {
        if let Some(stop) = self.0.meter_stop {
            return Ok(Some(stop.saturating_sub(self.0.meter_start)));
        }
        let reading = app(ctx)
            .cache
            .last_meter(&self.0.station_id, self.0.connector_id)
            .await
            .ok()
            .flatten()
            .filter(|r| r.transaction_id == Some(self.0.id));
        Ok(reading.and_then(|r| {
            r.sampled_value
                .iter()
                .find_map(crate::use_case::usage::register_wh)
                .map(|wh| (wh - self.0.meter_start as f64).round() as i64)
        }))
    }
    /// Seconds from start to stop (to now while running).
    async fn duration_seconds(&self) -> i64 {
        let end = self.0.stop_time.unwrap_or_else(Utc::now);
        std::cmp::max((end - self.0.start_time).num_seconds(), 0)
    }
    /// Anomalies noticed (none for a clean transaction).
    async fn flags(&self) -> Vec<TransactionFlag> {
        self.0
            .flags
            .split(',')
            .filter_map(TransactionFlag::from_code)
            .collect()
    }
    /// Whether the transaction needs an operator's look (it has flags other than
    /// BUDGET_EXHAUSTED).
    async fn needs_reconciliation(&self) -> bool {
        self.0
            .flags
            .split(',')
            .any(|f| !f.is_empty() && f != flags::BUDGET_EXHAUSTED)
    }
    async fn started_received_at(&self) -> DateTime<Utc> {
        self.0.started_received_at
    }
    async fn stopped_received_at(&self) -> Option<DateTime<Utc>> {
        self.0.stopped_received_at
    }
    /// Its meter values, one per sampled value, oldest first.
    #[graphql(complexity = "super::pagination::cost(first, last, child_complexity)")]
    async fn meter_values(
        &self,
        ctx: &Context<'_>,
        measurand: Option<enums::Measurand>,
        after: Option<String>,
        before: Option<String>,
        first: Option<i32>,
        last: Option<i32>,
    ) -> Result<Page<MeterSample>> {
        let query = SampleQuery {
            transaction_id: Some(self.0.id),
            measurand: measurand.map(|m| v16::Measurand::from(m).as_str().to_owned()),
            ..SampleQuery::default()
        };
        let args = PageArgs {
            after,
            before,
            first,
            last,
        };
        sample_page(ctx, args, query).await
    }
}

/// One stored sampled value.
pub struct MeterSample(pub meter_value::Model);

/// A page of the samples `query` selects, oldest first, from the read pool.
pub async fn sample_page(
    ctx: &Context<'_>,
    args: PageArgs,
    query: SampleQuery,
) -> Result<Page<MeterSample>> {
    let db = app(ctx).store.reader();
    let counting = query.clone();
    Ok(pagination::paginate(
        args,
        async move { Ok(counting.count(db).await?) },
        |offset, limit| async move {
            let rows = query.window(db, offset, limit).await?;
            Ok(rows.into_iter().map(MeterSample).collect())
        },
    )
    .await?)
}

#[Object]
impl MeterSample {
    async fn timestamp(&self) -> DateTime<Utc> {
        self.0.timestamp
    }
    async fn connector_id(&self) -> i32 {
        self.0.connector_id
    }
    async fn value(&self) -> &str {
        &self.0.value
    }
    async fn numeric_value(&self) -> Option<f64> {
        self.0.numeric_value
    }
    async fn context(&self) -> Option<enums::ReadingContext> {
        stored(&self.0.context, v16::ReadingContext::from_wire)
    }
    async fn format(&self) -> Option<enums::ValueFormat> {
        stored(&self.0.format, v16::ValueFormat::from_wire)
    }
    async fn measurand(&self) -> Option<enums::Measurand> {
        stored(&self.0.measurand, v16::Measurand::from_wire)
    }
    async fn phase(&self) -> Option<enums::Phase> {
        stored(self.0.phase.as_deref()?, v16::Phase::from_wire)
    }
    async fn location(&self) -> Option<enums::Location> {
        stored(&self.0.location, v16::Location::from_wire)
    }
    async fn unit(&self) -> Option<enums::UnitOfMeasure> {
        stored(&self.0.unit, v16::UnitOfMeasure::from_wire)
    }
    /// `MeterValues`, or `StopTransaction` for its transactionData.
    async fn source(&self) -> &str {
        &self.0.source
    }
}

/// A StopTransaction that fit no transaction of its station.
#[derive(SimpleObject)]
pub struct UnmatchedStop {
    pub id: i32,
    pub station_id: ID,
    /// The transactionId the station sent.
    pub reported_transaction_id: i32,
    /// `unknown_transaction`, `other_station` or `already_stopped`.
    pub kind: String,
    pub id_tag: Option<String>,
    pub meter_stop: i64,
    pub timestamp: DateTime<Utc>,
    pub reason: Option<enums::Reason>,
    pub received_at: DateTime<Utc>,
}

/// Whether the caller may see `tx`.
pub async fn visible(ctx: &Context<'_>, tx: &transaction::Model) -> Result<bool, ApiError> {
    let p = principal(ctx)?;
    if !p.may_access(&tx.station_id) {
        return Ok(false);
    }
    if p.role != Role::Driver {
        return Ok(true);
    }
    let owner = ctx
        .data_unchecked::<Loaders>()
        .load_one(TagOwner(tx.id_tag_key.clone()))
        .await?;
    Ok(owner.as_deref() == Some(p.sub.as_str()))
}

#[derive(Default)]
pub struct TransactionQuery;

#[Object]
impl TransactionQuery {
    /// Transactions, newest start first; filtered by station, id tag, running or finished,
    /// and a time range (transactions that overlap `[from, to)`).
    #[allow(clippy::too_many_arguments)]
    #[graphql(complexity = "super::pagination::cost(first, last, child_complexity)")]
    async fn transactions(
        &self,
        ctx: &Context<'_>,
        station_id: Option<ID>,
        id_tag: Option<String>,
        active: Option<bool>,
        from: Option<DateTime<Utc>>,
        to: Option<DateTime<Utc>>,
        after: Option<String>,
        before: Option<String>,
        first: Option<i32>,
        last: Option<i32>,
    ) -> Result<Page<Transaction>> {
        let p = principal(ctx)?;
        let mut filter = crate::use_case::transaction::visible(p);
        if let Some(station) = &station_id {
            station_access(p, station)?;
            filter = filter.add(transaction::Column::StationId.eq(station.as_str()));
        }
        if let Some(tag) = &id_tag {
            let key = crate::use_case::id_tag::IdTagText::new(tag.as_str())
                .map_err(|e| ApiError::BadUserInput(format!("idTag: {e}")))?
                .key();
            filter = filter.add(transaction::Column::IdTagKey.eq(key));
        }
        match active {
            Some(true) => filter = filter.add(transaction::Column::StopTime.is_null()),
            Some(false) => filter = filter.add(transaction::Column::StopTime.is_not_null()),
            None => {}
        }
        if let Some(to) = to {
            filter = filter.add(transaction::Column::StartTime.lt(to));
        }
        if let Some(from) = from {
            filter = filter.add(
                Condition::any()
                    .add(transaction::Column::StopTime.is_null())
                    .add(transaction::Column::StopTime.gt(from)),
            );
        }
        let query = transaction::Entity::find().filter(filter);
        let args = PageArgs {
            after,
            before,
            first,
            last,
        };
        let order = [
            (transaction::Column::StartTime, Order::Desc),
            (transaction::Column::Id, Order::Desc),
        ];
        Ok(pagination::rows(ctx, args, query, &order, Transaction).await?)
    }

    /// One transaction.
    async fn transaction(&self, ctx: &Context<'_>, id: i32) -> Result<Option<Transaction>> {
        let row = transaction::Entity::find_by_id(id)
            .one(app(ctx).store.reader())
            .await
            .map_err(ApiError::from)?;
        let p = principal(ctx)?;
        match row {
            Some(tx) if visible(ctx, &tx).await? => Ok(Some(Transaction(tx))),
            // A driver cannot tell another's transaction from none at all.
            Some(_) if p.role == Role::Driver => Ok(None),
            Some(tx) => Err(ApiError::Forbidden(format!(
                "this token does not cover station {}",
                tx.station_id
            ))
            .into()),
            None => Ok(None),
        }
    }

    /// StopTransactions kept for reconciliation, newest first.
    #[graphql(complexity = "super::pagination::cost(first, last, child_complexity)")]
    async fn unmatched_stops(
        &self,
        ctx: &Context<'_>,
        station_id: Option<ID>,
        after: Option<String>,
        before: Option<String>,
        first: Option<i32>,
        last: Option<i32>,
    ) -> Result<Page<UnmatchedStop>> {
        let p = staff(ctx)?;
        let mut filter = Condition::all();
        if let Some(scope) = &p.stations {
            filter = filter.add(unmatched_stop::Column::StationId.is_in(scope.iter().cloned()));
        }
        if let Some(station) = &station_id {
            station_access(p, station)?;
            filter = filter.add(unmatched_stop::Column::StationId.eq(station.as_str()));
        }
        let query = unmatched_stop::Entity::find().filter(filter);
        let args = PageArgs {
            after,
            before,
            first,
            last,
        };
        let order = [(unmatched_stop::Column::Id, Order::Desc)];
        Ok(
            pagination::rows(ctx, args, query, &order, |r| UnmatchedStop {
                id: r.id,
                station_id: ID(r.station_id),
                reported_transaction_id: r.reported_transaction_id,
                kind: r.kind,
                id_tag: r.id_tag,
                meter_stop: r.meter_stop,
                timestamp: r.timestamp,
                reason: r
                    .reason
                    .as_deref()
                    .and_then(|s| stored(s, v16::Reason::from_wire)),
                received_at: r.received_at,
            })
            .await?,
        )
    }
}
