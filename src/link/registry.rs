//! Who is connected to this node: station id → the handle of its live session.
//!
//! A newer connection replaces an older one; an old session that ends removes its entry only
//! if the entry is still its own.

use std::{
    collections::HashMap,
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, AtomicU64, Ordering},
    },
};

use serde_json::value::RawValue;
use tokio::sync::{mpsc, oneshot};
use tokio_util::sync::CancellationToken;

use ocpp::rpc::CommandError;

/// A command on its way to a station's session.
pub struct OutboundCall {
    pub action: &'static str,
    pub payload: Box<RawValue>,
    pub reply: oneshot::Sender<Result<Box<RawValue>, CommandError>>,
}

/// How to reach a live session.
#[derive(Clone)]
pub struct SessionHandle {
    pub connection_id: u64,
    pub connected_at: chrono::DateTime<chrono::Utc>,
    /// Commands for the station; the session sends them one at a time.
    pub sender: mpsc::Sender<Box<OutboundCall>>,
    /// Cancelled to close the session (replaced by a newer connection, or shutdown).
    pub close: CancellationToken,
    /// Whether its presence was written to the cache; if not (the cache was unreachable), the
    /// presence keeper writes it, so that a stale presence can never close this connection.
    pub announced: Arc<AtomicBool>,
}

/// A newer connection of the same station is already registered.
#[derive(Debug, PartialEq, Eq)]
pub struct NewerConnection;

/// The sessions of this node.
pub struct Registry {
    sessions: Mutex<HashMap<String, SessionHandle>>,
    next_connection: AtomicU64,
}

impl Registry {
    /// `seed` fills the high 32 bits of connection ids, so that ids from different nodes differ.
    pub fn new(seed: u32) -> Self {
        Self {
            sessions: Mutex::new(HashMap::new()),
            next_connection: AtomicU64::new(u64::from(seed) << 32 | 1),
        }
    }

    pub fn next_connection_id(&self) -> u64 {
        self.next_connection.fetch_add(1, Ordering::Relaxed)
    }

    /// Registers a session and returns the one it replaces, unless a newer connection (higher
    /// id) is already registered, in which case nothing changes.
    pub fn register(
        &self,
        station_id: &str,
        handle: SessionHandle,
    ) -> Result<Option<SessionHandle>, NewerConnection> {
        let mut sessions = self.lock();
        if let Some(current) = sessions.get(station_id)
            && current.connection_id > handle.connection_id
        {
            return Err(NewerConnection);
        }
        Ok(sessions.insert(station_id.to_owned(), handle))
    }

    /// Removes the entry if it still belongs to `connection_id`; true if it did.
    pub fn remove_if_current(&self, station_id: &str, connection_id: u64) -> bool {
        let mut sessions = self.lock();
        if sessions
            .get(station_id)
            .is_some_and(|h| h.connection_id == connection_id)
        {
            sessions.remove(station_id);
            true
        } else {
            false
        }
    }

    pub fn get(&self, station_id: &str) -> Option<SessionHandle> {
        self.lock().get(station_id).cloned()
    }

    /// Every live session, with its station id.
    pub fn snapshot(&self) -> Vec<(String, SessionHandle)> {
        self.lock()
            .iter()
            .map(|(id, handle)| (id.clone(), handle.clone()))
            .collect()
    }

    /// How many stations are connected to this node.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, SessionHandle>> {
        self.sessions.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_old_session_cannot_unregister_its_replacement() {
        let registry = Registry::new(7);
        let (sender, _rx) = mpsc::channel(1);
        let handle = |connection_id| SessionHandle {
            connection_id,
            connected_at: chrono::Utc::now(),
            sender: sender.clone(),
            close: CancellationToken::new(),
            announced: Arc::default(),
        };
        let first = registry.next_connection_id();
        let second = registry.next_connection_id();
        assert_ne!(first, second);
        assert_eq!(first >> 32, 7);
        assert!(registry.register("CP1", handle(first)).unwrap().is_none());
        let replaced = registry.register("CP1", handle(second)).unwrap();
        assert_eq!(replaced.map(|h| h.connection_id), Some(first));
        // The older connection, arriving late, does not displace the newer one.
        assert!(registry.register("CP1", handle(first)).is_err());
        assert!(!registry.remove_if_current("CP1", first));
        assert_eq!(registry.get("CP1").map(|h| h.connection_id), Some(second));
        let all = registry.snapshot();
        assert_eq!(all.len(), 1);
        assert_eq!((all[0].0.as_str(), all[0].1.connection_id), ("CP1", second));
        assert!(registry.remove_if_current("CP1", second));
        assert!(registry.is_empty());
    }
}
