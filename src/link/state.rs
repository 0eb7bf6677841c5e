//! The link's state on this node ([`Link`], which the context holds as its `Stations`): the
//! registry of connected stations, the live sessions, the bytes their CALLs hold, and the
//! diagnostics uploads under way.

use std::{
    collections::HashSet,
    sync::{Arc, Mutex},
};

use tokio_util::task::TaskTracker;

use super::{budget, registry};
use crate::{config::Limits, context::Context};

/// The link's state on this node, held by the [`Context`] as its `Stations`.
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

/// The diagnostics uploads this node is receiving: one at a time per request, and at most
/// `--max-uploads` in all, so the partial files on disk stay within `--max-uploads` ×
/// `--upload-max-mib`.
#[derive(Debug)]
pub struct Uploads {
    max: usize,
    receiving: Mutex<HashSet<i32>>,
}

/// Why an upload cannot start now.
pub enum Busy {
    /// Another upload to the same address is under way.
    ThisRequest,
    /// `--max-uploads` are under way.
    Full,
}

/// A request's upload under way; ends (freeing its place) when dropped.
pub struct Receiving<'a> {
    uploads: &'a Uploads,
    id: i32,
}

impl Drop for Receiving<'_> {
    fn drop(&mut self) {
        self.uploads.lock().remove(&self.id);
    }
}

impl Uploads {
    pub fn new(max: usize) -> Self {
        Self {
            max,
            receiving: Mutex::new(HashSet::new()),
        }
    }

    /// How many uploads this node is receiving now.
    pub fn receiving(&self) -> usize {
        self.lock().len()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashSet<i32>> {
        self.receiving.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn start(&self, id: i32) -> Result<Receiving<'_>, Busy> {
        let mut receiving = self.lock();
        if receiving.contains(&id) {
            return Err(Busy::ThisRequest);
        }
        if receiving.len() >= self.max {
            return Err(Busy::Full);
        }
        receiving.insert(id);
        Ok(Receiving { uploads: self, id })
    }
}
