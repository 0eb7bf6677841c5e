//! This node's part among several: keeps the presence of its stations alive in the shared
//! cache, repairs the cache from the database when it was unreachable or lost data, and serves
//! the commands and kicks that other nodes route here over the bus.
//!
//! On a single node (memory cache and bus) the same code runs and has nothing to repair.

use std::{
    collections::HashSet,
    sync::{Arc, Mutex, Weak, atomic::Ordering},
    time::Duration,
};

use async_trait::async_trait;
use entity::{connector, meter_reading::Source, meter_value};
use futures_util::StreamExt;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::value::RawValue;
use tokio::sync::mpsc;
use tracing::Instrument;

use ocpp::rpc::CommandError;

use crate::{
    bus::{NodeHandler, RoutedCall},
    cache::{CacheError, ConnectorState, MeterReading, Presence, Refresh},
    context::Context,
    link::registry::SessionHandle,
    store::samples::{self, SampleQuery},
};
use ocpp::v16::{
    self, ChargePointErrorCode, ChargePointStatus, Location, Measurand, Phase, ReadingContext,
    SampledValue, UnitOfMeasure, ValueFormat,
};

/// Serves the bus for this node. Holds the context weakly: the context owns the bus.
pub struct LocalNode(pub Weak<Context>);

#[async_trait]
impl NodeHandler for LocalNode {
    async fn call(&self, call: RoutedCall) -> Result<Box<RawValue>, CommandError> {
        let ctx = self.0.upgrade().ok_or(CommandError::Offline)?;
        let Some(action) = v16::actions::command_action(&call.action) else {
            return Err(CommandError::Unreachable(format!(
                "the station's node cannot send {} (nodes of different versions?)",
                call.action
            )));
        };
        // Exported only with --otlp-endpoint: a child of the asking node's command span.
        let span = tracing::info_span!(
            target: crate::traces::TARGET,
            "ocpp.command.routed",
            otel.kind = "server",
            chargegate.node = %ctx.node_id,
            ocpp.station = %call.station_id,
            ocpp.action = action,
            ocpp.outcome = tracing::field::Empty,
            otel.status_code = tracing::field::Empty,
        );
        if !span.is_disabled() {
            crate::traces::continue_from(&span, call.traceparent.as_deref());
        }
        let answer = crate::link::command::send_local(&ctx, &call.station_id, action, call.payload)
            .instrument(span.clone())
            .await;
        if !span.is_disabled() {
            let outcome = match &answer {
                Ok(_) => "answered",
                Err(CommandError::CallError { .. }) => "call_error",
                Err(CommandError::InvalidResponse(_)) => "invalid_response",
                Err(CommandError::Timeout(_)) => "timeout",
                Err(CommandError::Offline) => "offline",
                Err(CommandError::Disconnected) => "disconnected",
                Err(CommandError::Unreachable(_)) => "unreachable",
            };
            span.record("ocpp.outcome", outcome);
            if answer.is_err() {
                span.record("otel.status_code", "error");
            }
        }
        answer
    }

    fn kick(&self, station_id: &str, connection_id: u64) {
        let Some(ctx) = self.0.upgrade() else { return };
        if let Some(session) = crate::link::of(&ctx).registry.get(station_id)
            && session.connection_id == connection_id
        {
            tracing::info!(station = %station_id, "the station connected to another node; closing here");
            session.close.cancel();
        }
    }
}

/// Writes the presence of a connection that starts here. If the station was connected to
/// another node, that node is told to close its socket (should the kick not reach it, its next
/// presence refresh finds the station taken over).
pub async fn announce(
    ctx: &Context,
    station_id: &str,
    presence: Presence,
) -> Result<(), CacheError> {
    let previous = ctx.cache.station_connected(station_id, presence).await?;
    if let Some(old) = previous.filter(|old| old.node_id != ctx.node_id) {
        tracing::info!(station = %station_id, node = %old.node_id, "the station moves here from another node");
        if let Err(e) = ctx
            .bus
            .kick(&old.node_id, station_id, old.connection_id)
            .await
        {
            tracing::warn!(station = %station_id, error = %e, "the previous node was not told");
        }
    }
    Ok(())
}

/// How many presence refreshes one node has in flight at once.
const REFRESHING: usize = 64;

/// What refreshing one station's presence found.
enum Refreshed {
    /// Nothing to do, or the session is gone or closing.
    Fine,
    /// The station's cache entries may be stale: repair them from the database.
    Repair,
}

/// Refreshes the presence of every station connected here, every third of the presence time
/// to live, until shutdown, up to [`REFRESHING`] at a time. A station another node took over
/// is closed here; a presence the cache could not take at connect is written now; after the
/// cache was unreachable (or lost a station's presence), the station's entries are written
/// again from the database, by a task of their own so that refreshing never waits for repairs.
pub async fn keep_presence(ctx: Arc<Context>) {
    if !ctx.clustered() {
        // The memory cache lives and dies with the sessions: nothing expires or gets lost.
        return;
    }
    let every = ctx.settings.presence_ttl.0 / 3;
    let mut ticks = tokio::time::interval(every.max(Duration::from_millis(100)));
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let (repairs, queued) = mpsc::unbounded_channel();
    let waiting = Arc::new(Mutex::new(HashSet::new()));
    let repairer = tokio::spawn(repair_queued(
        ctx.clone(),
        queued,
        waiting.clone(),
        repairs.clone(),
    ));
    let queue = |station_id: String| {
        let mut waiting = waiting.lock().unwrap_or_else(|e| e.into_inner());
        if waiting.insert(station_id.clone()) {
            let _ = repairs.send(station_id);
        }
    };
    // Whether the last round could not reach the cache: the next good round repairs everything.
    let mut was_down = false;
    loop {
        tokio::select! {
            () = ctx.shutdown.cancelled() => break,
            _ = ticks.tick() => {}
        }
        let mut down = false;
        let mut round = futures_util::stream::iter(crate::link::of(&ctx).registry.snapshot())
            .map(|(station_id, session)| {
                let ctx = &ctx;
                async move {
                    let refreshed = refresh(ctx, &station_id, &session).await;
                    (station_id, refreshed)
                }
            })
            .buffer_unordered(REFRESHING);
        while let Some((station_id, refreshed)) = round.next().await {
            match refreshed {
                Ok(Refreshed::Repair) => queue(station_id),
                Ok(Refreshed::Fine) if was_down => queue(station_id),
                Ok(Refreshed::Fine) => {}
                Err(e) => {
                    if !was_down && !down {
                        tracing::warn!(error = %e, "cannot refresh presence; the status cache will be repaired when it is back");
                    }
                    down = true;
                }
            }
        }
        if was_down && !down {
            tracing::info!(
                stations = crate::link::of(&ctx).registry.len(),
                "status cache reachable again; repairing it"
            );
        }
        was_down = down;
    }
    repairer.abort();
}

/// Refreshes one session's presence, if it is still the station's session here.
async fn refresh(
    ctx: &Context,
    station_id: &str,
    session: &SessionHandle,
) -> Result<Refreshed, CacheError> {
    // The snapshot may be older than the session's end: a closed session's presence must not
    // be brought back.
    let current = || {
        !session.close.is_cancelled()
            && super::of(ctx)
                .registry
                .get(station_id)
                .is_some_and(|s| s.connection_id == session.connection_id)
    };
    if !current() {
        return Ok(Refreshed::Fine);
    }
    let presence = Presence {
        connection_id: session.connection_id,
        node_id: ctx.node_id.clone(),
        connected_at: session.connected_at,
    };
    if !session.announced.load(Ordering::Relaxed) {
        // The cache was unreachable when the station connected: write its presence (and tell a
        // node that still holds an older connection) instead of refreshing a stale one, which
        // would close this, the live, connection. Unless a newer connection (elsewhere) wrote
        // its presence meanwhile: then this one is the stale one.
        if let Some(other) = ctx.cache.presence(station_id).await?
            && other.connection_id != session.connection_id
            && other.connected_at > session.connected_at
        {
            tracing::info!(station = %station_id, node = %other.node_id, "a newer connection holds the station; closing here");
            session.close.cancel();
            return Ok(Refreshed::Fine);
        }
        announce(ctx, station_id, presence).await?;
        session.announced.store(true, Ordering::Relaxed);
        return Ok(Refreshed::Repair);
    }
    match ctx.cache.refresh_presence(station_id, &presence).await? {
        Refresh::Kept => Ok(Refreshed::Fine),
        Refresh::Restored if current() => Ok(Refreshed::Repair),
        Refresh::Restored => {
            // It ended meanwhile: take back the presence just written.
            ctx.cache
                .station_disconnected(station_id, session.connection_id)
                .await?;
            Ok(Refreshed::Fine)
        }
        Refresh::TakenOver => {
            // Only if it is still the same session (a newer one here is kept).
            if current() {
                tracing::info!(station = %station_id, "another connection took the station over; closing here");
                session.close.cancel();
            }
            Ok(Refreshed::Fine)
        }
    }
}

/// Repairs the queued stations one at a time; a repair the cache interrupted is tried again a
/// moment later, as long as the station is still connected here.
async fn repair_queued(
    ctx: Arc<Context>,
    mut queued: mpsc::UnboundedReceiver<String>,
    waiting: Arc<Mutex<HashSet<String>>>,
    again: mpsc::UnboundedSender<String>,
) {
    while let Some(station_id) = queued.recv().await {
        // Removed before repairing: a change meanwhile queues the station again.
        waiting
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&station_id);
        if crate::link::of(&ctx).registry.get(&station_id).is_none() {
            continue;
        }
        match repair(&ctx, &station_id).await {
            Ok(()) => {}
            Err(e) => {
                tracing::warn!(station = %station_id, error = %e, "status cache not repaired yet; trying again");
                tokio::time::sleep(RETRY_REPAIR).await;
                let fresh = waiting
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(station_id.clone());
                if fresh {
                    let _ = again.send(station_id);
                }
            }
        }
    }
}

/// How long a failed repair waits before it is tried again.
const RETRY_REPAIR: Duration = Duration::from_secs(1);

/// Why a station's cache entries could not be rebuilt.
#[derive(Debug, thiserror::Error)]
pub enum RepairError {
    #[error("database: {0}")]
    Database(#[from] sea_orm::DbErr),
    #[error(transparent)]
    Cache(#[from] crate::cache::CacheError),
}

/// Writes a station's connector states and last meter readings into the cache from the
/// database, where everything the cache holds (besides presence) is stored too.
pub async fn repair(ctx: &Context, station_id: &str) -> Result<(), RepairError> {
    let db = ctx.store.reader();
    let connectors = connector::Entity::find()
        .filter(connector::Column::StationId.eq(station_id))
        .all(db)
        .await?;
    for row in connectors {
        let (Some(status), Some(error_code)) = (
            ChargePointStatus::from_wire(&row.status),
            ChargePointErrorCode::from_wire(&row.error_code),
        ) else {
            continue;
        };
        ctx.cache
            .set_connector(
                station_id,
                ConnectorState {
                    connector_id: row.connector_id,
                    status,
                    error_code,
                    info: row.info,
                    vendor_error_code: row.vendor_error_code,
                    timestamp: row.status_timestamp,
                    received_at: row.updated_at,
                },
            )
            .await?;
    }
    for reading in last_readings(ctx, station_id).await? {
        ctx.cache.set_last_meter(station_id, reading).await?;
    }
    Ok(())
}

/// The newest MeterValues sample of each connector of a station, from the database: the time
/// from `meter_series` (kept by a trigger), then that time's readings through the reading key.
pub async fn last_readings(
    ctx: &Context,
    station_id: &str,
) -> Result<Vec<MeterReading>, sea_orm::DbErr> {
    let db = ctx.store.reader();
    let newest = samples::latest(db, station_id).await?;
    let mut readings = Vec::with_capacity(newest.len());
    for (connector_id, timestamp) in newest {
        let rows = SampleQuery {
            station_id: Some(station_id.to_owned()),
            connector_id: Some(connector_id),
            source: Some(Source::MeterValues),
            at: Some(timestamp),
            ..SampleQuery::default()
        }
        .all(db)
        .await?;
        if rows.is_empty() {
            continue;
        }
        let transaction_id = rows.iter().find_map(|r| r.reported_transaction_id);
        readings.push(MeterReading {
            connector_id,
            transaction_id,
            timestamp,
            sampled_value: crate::use_case::transaction::live_samples(
                rows.into_iter().map(sampled_value),
            ),
        });
    }
    Ok(readings)
}

/// A stored sample as the station sent it (with the specification's defaults filled in).
fn sampled_value(row: meter_value::Model) -> SampledValue {
    SampledValue {
        value: row.value,
        context: ReadingContext::from_wire(&row.context),
        format: ValueFormat::from_wire(&row.format),
        measurand: Measurand::from_wire(&row.measurand),
        phase: row.phase.as_deref().and_then(Phase::from_wire),
        location: Location::from_wire(&row.location),
        unit: UnitOfMeasure::from_wire(&row.unit),
    }
}
