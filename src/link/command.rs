//! Commands to stations, routed: a CALL goes to the session holding the station's socket on
//! this node, or through the bus to the node that holds it (where the presence says), and its
//! raw answer comes back; the command timeout covers the wait in the session's queue.

use std::time::Duration;

use ocpp::rpc::CommandError;
use serde_json::value::RawValue;
use tokio::sync::oneshot;

use std::any::Any;

use async_trait::async_trait;

use super::{Link, registry::OutboundCall};
use crate::context::{Context, Stations};

/// Sends an already-encoded CALL payload; returns the raw CALLRESULT payload. A station on
/// another node is reached through the bus; where its node cannot be reached, the error says so.
pub async fn send_raw(
    ctx: &Context,
    station_id: &str,
    action: &'static str,
    payload: Box<RawValue>,
) -> Result<Box<RawValue>, CommandError> {
    // A session that is closing (taken over by a connection on another node) is skipped: the
    // presence then says where the station is now.
    if super::of(ctx)
        .registry
        .get(station_id)
        .is_some_and(|s| !s.close.is_cancelled())
    {
        return send_local(ctx, station_id, action, payload).await;
    }
    let presence = ctx.cache.presence(station_id).await.map_err(|e| {
        CommandError::Unreachable(format!(
            "cannot tell which node holds station {station_id}: {e}"
        ))
    })?;
    match presence {
        Some(p) if p.node_id != ctx.node_id => {
            let call = crate::bus::RoutedCall {
                station_id: station_id.to_owned(),
                action: action.to_owned(),
                payload,
                traceparent: crate::traces::traceparent(),
            };
            // The other node applies the command timeout itself; allow for the round trip.
            let wait = ctx.settings.command_timeout.0 + ROUTING_MARGIN;
            ctx.bus.call_node(&p.node_id, call, wait).await
        }
        _ => Err(CommandError::Offline),
    }
}

/// Extra wait for a routed command's answer to come back over the bus.
const ROUTING_MARGIN: Duration = Duration::from_secs(2);

/// Sends to a station whose socket is on this node.
pub async fn send_local(
    ctx: &Context,
    station_id: &str,
    action: &'static str,
    payload: Box<RawValue>,
) -> Result<Box<RawValue>, CommandError> {
    let session = super::of(ctx)
        .registry
        .get(station_id)
        .ok_or(CommandError::Offline)?;
    let timeout = ctx.settings.command_timeout.0;
    let (reply, answer) = oneshot::channel();
    let call = Box::new(OutboundCall {
        action,
        payload,
        reply,
    });
    let exchange = async {
        session
            .sender
            .send(call)
            .await
            .map_err(|_| CommandError::Offline)?;
        answer.await.map_err(|_| CommandError::Disconnected)?
    };
    tokio::time::timeout(timeout, exchange)
        .await
        .map_err(|_| CommandError::Timeout(timeout))?
}

#[async_trait]
impl Stations for Link {
    async fn call(
        &self,
        ctx: &Context,
        station_id: &str,
        action: &'static str,
        payload: Box<RawValue>,
    ) -> Result<Box<RawValue>, CommandError> {
        send_raw(ctx, station_id, action, payload).await
    }

    fn connected_here(&self) -> usize {
        self.registry.len()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}
