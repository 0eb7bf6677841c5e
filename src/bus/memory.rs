//! The in-memory event bus of a single node: bounded broadcast channels, by station
//! ([`super::fanout`]).

use std::sync::Arc;

use async_trait::async_trait;
use futures_util::stream::BoxStream;

use std::time::Duration;

use serde_json::value::RawValue;

use super::{Bus, BusError, Delivery, Event, NodeHandler, RoutedCall, fanout::Fanout};
use ocpp::rpc::CommandError;

/// Events a subscriber of every station may fall behind by before it starts losing them.
pub const CAPACITY: usize = 4096;

/// A [`Bus`] within this process.
pub struct MemoryBus {
    fanout: Fanout,
}

impl MemoryBus {
    pub fn new() -> Self {
        Self {
            fanout: Fanout::new(CAPACITY),
        }
    }
}

impl Default for MemoryBus {
    fn default() -> Self {
        Self::new()
    }
}

#[async_trait]
impl Bus for MemoryBus {
    async fn publish(&self, event: Event) -> Result<(), BusError> {
        self.fanout.send(Arc::new(event));
        Ok(())
    }

    fn subscribe_to(&self, station: Option<&str>) -> BoxStream<'static, Delivery> {
        self.fanout.subscribe(station)
    }

    /// One node: every station is local, so nothing is ever routed.
    fn attach(&self, _handler: Arc<dyn NodeHandler>) {}

    async fn call_node(
        &self,
        node_id: &str,
        _call: RoutedCall,
        _wait: Duration,
    ) -> Result<Box<RawValue>, CommandError> {
        Err(CommandError::Unreachable(format!(
            "node {node_id} cannot be reached without a shared bus"
        )))
    }

    async fn kick(&self, _node: &str, _station: &str, _connection: u64) -> Result<(), BusError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use futures_util::StreamExt;

    use super::*;

    fn connected(n: usize) -> Event {
        Event::StationConnected {
            station_id: format!("CP{n}"),
            connection_id: n as u64,
            at: Utc::now(),
        }
    }

    #[tokio::test]
    async fn every_subscriber_gets_every_event_in_order() {
        let bus = MemoryBus::new();
        let mut a = bus.subscribe();
        let mut b = bus.subscribe();
        for n in 0..3 {
            bus.publish(connected(n)).await.unwrap();
        }
        for stream in [&mut a, &mut b] {
            for n in 0..3 {
                match stream.next().await {
                    Some(Delivery::Event(e)) => assert_eq!(e.station_id(), format!("CP{n}")),
                    other => panic!("{other:?}"),
                }
            }
        }
    }

    #[tokio::test]
    async fn a_slow_subscriber_is_told_how_much_it_missed() {
        let bus = MemoryBus::new();
        let mut slow = bus.subscribe();
        for n in 0..CAPACITY + 5 {
            bus.publish(connected(n)).await.unwrap();
        }
        assert_eq!(slow.next().await, Some(Delivery::Lagged(5)));
        match slow.next().await {
            Some(Delivery::Event(e)) => assert_eq!(e.station_id(), "CP5"),
            other => panic!("{other:?}"),
        }
    }
}
