//! The station link: everything about a station's connection. The OCPP-J endpoint
//! (`/ocpp/{chargePointId}`) and its handshake checks, the TLS listener, one session task per
//! station, the registry of stations connected to this node, this node among several, the
//! journal and byte budgets of a connection, the diagnostics upload endpoint, and `dispatch`,
//! the one place that maps a station's request to a use case.
//!
//! The messages themselves are values of the `ocpp` crate; the use cases take typed requests
//! and return typed answers and know nothing of sockets or frames.

pub mod authentication;
pub mod budget;
pub mod command;
pub mod dispatch;
pub mod endpoint;
pub mod journal_budget;
pub mod node;
pub mod registry;
pub mod session;
pub mod tls;
pub mod upload;

use std::{any::Any, sync::Arc};

use async_trait::async_trait;
use ocpp::rpc::CommandError;
use serde_json::value::RawValue;
use tokio_util::task::TaskTracker;

use crate::{
    config::Limits,
    context::{Context, Stations},
    link::upload::Uploads,
};

/// The link's state on this node, held by the [`Context`] as its [`Stations`].
pub struct Link {
    /// The stations connected to this node.
    pub registry: registry::Registry,
    /// Live sessions, awaited at shutdown.
    pub sessions: TaskTracker,
    /// Bytes of station CALLs held by all sessions (queued or being handled), bounded by
    /// `--stations-queue-bytes`.
    pub station_bytes: Arc<budget::Budget>,
    /// The diagnostics uploads this node is receiving.
    pub uploads: Uploads,
}

impl Link {
    /// The state of a node with no station yet; `seed` starts the connection ids.
    pub fn new(seed: u32, limits: &Limits) -> Self {
        Self {
            registry: registry::Registry::new(seed),
            sessions: TaskTracker::new(),
            station_bytes: budget::Budget::new(limits.stations_queue_bytes.bytes()),
            uploads: Uploads::new(limits.max_uploads),
        }
    }
}

/// The link's state behind a context (always a [`Link`]: `app::open` puts it there).
pub fn of(ctx: &Context) -> &Link {
    ctx.stations
        .as_any()
        .downcast_ref::<Link>()
        .expect("the context's stations are the station link")
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
        command::send_raw(ctx, station_id, action, payload).await
    }

    fn connected_here(&self) -> usize {
        self.registry.len()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}
