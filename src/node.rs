//! This node's part among several: keeps the presence of its stations alive in the shared
//! cache, repairs the cache from the database when it was unreachable or lost data, and serves
//! the commands and kicks that other nodes route here over the bus.
//!
//! On a single node (memory cache and bus) the same code runs and has nothing to repair.

use std::{
    collections::HashSet,
    sync::{Arc, Mutex, Weak},
    time::Duration,
};

use async_trait::async_trait;
use entity::{connector, meter_value};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde_json::value::RawValue;
use tokio::sync::mpsc;

use crate::{
    app::Context,
    bus::{NodeHandler, RoutedCall},
    cache::{ConnectorState, MeterReading, Presence, Refresh},
    commands::{self, CommandError},
    ocpp::{
        outbound,
        types::{
            ChargePointErrorCode, ChargePointStatus, Location, Measurand, Phase, ReadingContext,
            SampledValue, UnitOfMeasure, ValueFormat,
        },
    },
};

/// Serves the bus for this node. Holds the context weakly: the context owns the bus.
pub struct LocalNode(pub Weak<Context>);

#[async_trait]
impl NodeHandler for LocalNode {
    async fn call(&self, call: RoutedCall) -> Result<Box<RawValue>, CommandError> {
        let ctx = self.0.upgrade().ok_or(CommandError::Offline)?;
        let Some(action) = outbound::action(&call.action) else {
            return Err(CommandError::Unreachable(format!(
                "the station's node cannot send {} (nodes of different versions?)",
                call.action
            )));
        };
        commands::send_local(&ctx, &call.station_id, action, call.payload).await
    }

    fn kick(&self, station_id: &str, connection_id: u64) {
        let Some(ctx) = self.0.upgrade() else { return };
        if let Some(session) = ctx.registry.get(station_id)
            && session.connection_id == connection_id
        {
            tracing::info!(station = %station_id, "the station connected to another node; closing here");
            session.close.cancel();
        }
    }
}

/// Refreshes the presence of every station connected here, every third of the presence time
/// to live, until shutdown. A station another node took over is closed here; after the cache
/// was unreachable (or lost a station's presence), the station's entries are written again
/// from the database, by a task of their own so that refreshing never waits for repairs.
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
    let repairer = tokio::spawn(repair_queued(ctx.clone(), queued, waiting.clone()));
    let queue = |station_id: &str| {
        let mut waiting = waiting.lock().unwrap_or_else(|e| e.into_inner());
        if waiting.insert(station_id.to_owned()) {
            let _ = repairs.send(station_id.to_owned());
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
        for (station_id, session) in ctx.registry.snapshot() {
            if session.close.is_cancelled() {
                continue;
            }
            let presence = Presence {
                connection_id: session.connection_id,
                node_id: ctx.node_id.clone(),
                connected_at: session.connected_at,
            };
            match ctx.cache.refresh_presence(&station_id, &presence).await {
                Ok(Refresh::Kept) if !was_down => {}
                Ok(Refresh::Kept | Refresh::Restored) => queue(&station_id),
                Ok(Refresh::TakenOver) => {
                    // Only if it is still the same session (a newer one here is kept).
                    if ctx
                        .registry
                        .get(&station_id)
                        .is_some_and(|s| s.connection_id == session.connection_id)
                    {
                        tracing::info!(station = %station_id, "another connection took the station over; closing here");
                        session.close.cancel();
                    }
                }
                Err(e) => {
                    if !was_down {
                        tracing::warn!(error = %e, "cannot refresh presence; the status cache will be repaired when it is back");
                    }
                    down = true;
                    break;
                }
            }
        }
        if was_down && !down {
            tracing::info!(
                stations = ctx.registry.len(),
                "status cache reachable again; repairing it"
            );
        }
        was_down = down;
    }
    repairer.abort();
}

/// Repairs the queued stations one at a time.
async fn repair_queued(
    ctx: Arc<Context>,
    mut queued: mpsc::UnboundedReceiver<String>,
    waiting: Arc<Mutex<HashSet<String>>>,
) {
    while let Some(station_id) = queued.recv().await {
        waiting
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&station_id);
        if let Err(e) = repair(&ctx, &station_id).await {
            tracing::warn!(station = %station_id, error = %e, "status cache not repaired");
        }
    }
}

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

/// The newest MeterValues sample of each connector of a station, from the database.
async fn last_readings(
    ctx: &Context,
    station_id: &str,
) -> Result<Vec<MeterReading>, sea_orm::DbErr> {
    let db = ctx.store.reader();
    let newest: Vec<(i32, chrono::DateTime<chrono::Utc>)> = meter_value::Entity::find()
        .select_only()
        .column(meter_value::Column::ConnectorId)
        .column_as(meter_value::Column::Timestamp.max(), "newest")
        .filter(meter_value::Column::StationId.eq(station_id))
        .filter(meter_value::Column::Source.eq("MeterValues"))
        .group_by(meter_value::Column::ConnectorId)
        .into_tuple()
        .all(db)
        .await?;
    let mut readings = Vec::with_capacity(newest.len());
    for (connector_id, timestamp) in newest {
        let rows = meter_value::Entity::find()
            .filter(meter_value::Column::StationId.eq(station_id))
            .filter(meter_value::Column::ConnectorId.eq(connector_id))
            .filter(meter_value::Column::Source.eq("MeterValues"))
            .filter(meter_value::Column::Timestamp.eq(timestamp))
            .order_by_asc(meter_value::Column::Id)
            .all(db)
            .await?;
        let transaction_id = rows.iter().find_map(|r| r.reported_transaction_id);
        readings.push(MeterReading {
            connector_id,
            transaction_id,
            timestamp,
            sampled_value: rows.into_iter().map(sampled_value).collect(),
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
