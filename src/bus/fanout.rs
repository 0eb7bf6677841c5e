//! A node's delivery of events to its own subscribers, keyed by station: a subscriber of one
//! station is woken only by that station's events, one of every station by every event.
//!
//! Both buses hand each event (published here or received from another node) to a
//! [`Fanout`]. With a thousand subscribers of one station each, an event wakes one of them,
//! not a thousand that each look at it and go back to sleep.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex, MutexGuard},
};

use futures_util::{StreamExt, stream::BoxStream};
use tokio::sync::broadcast::{self, error::RecvError};

use super::{Delivery, Event};

/// Events a subscriber of one station may fall behind by before it starts losing them.
pub const STATION_CAPACITY: usize = 256;

/// The subscribers of this node, by station.
pub struct Fanout {
    inner: Arc<Inner>,
}

struct Inner {
    /// Subscribers of every station.
    all: broadcast::Sender<Arc<Event>>,
    /// Subscribers of one station; a station's channel goes when its last subscriber does.
    stations: Mutex<HashMap<String, broadcast::Sender<Arc<Event>>>>,
}

impl Inner {
    fn stations(&self) -> MutexGuard<'_, HashMap<String, broadcast::Sender<Arc<Event>>>> {
        // A panic while holding the lock cannot leave the map half-changed.
        self.stations.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Fanout {
    /// `capacity`: how far a subscriber of every station may fall behind.
    pub fn new(capacity: usize) -> Self {
        Self {
            inner: Arc::new(Inner {
                all: broadcast::channel(capacity).0,
                stations: Mutex::new(HashMap::new()),
            }),
        }
    }

    /// Whether nobody on this node listens (a bus need not even decode what it receives).
    pub fn is_empty(&self) -> bool {
        self.inner.all.receiver_count() == 0 && self.inner.stations().is_empty()
    }

    /// Hands `event` to the subscribers of every station and to those of its station.
    pub fn send(&self, event: Arc<Event>) {
        if self.inner.all.receiver_count() > 0 {
            // An error only means the last subscriber just left.
            let _ = self.inner.all.send(event.clone());
        }
        let station = self.inner.stations().get(event.station_id()).cloned();
        if let Some(station) = station {
            let _ = station.send(event);
        }
    }

    /// Every event from now on, or those of `station` only, in publication order per station.
    pub fn subscribe(&self, station: Option<&str>) -> BoxStream<'static, Delivery> {
        let Some(station) = station else {
            return deliveries(self.inner.all.subscribe()).boxed();
        };
        let rx = self
            .inner
            .stations()
            .entry(station.to_owned())
            .or_insert_with(|| broadcast::channel(STATION_CAPACITY).0)
            .subscribe();
        StationStream {
            deliveries: deliveries(rx).boxed(),
            _membership: Membership {
                inner: self.inner.clone(),
                station: station.to_owned(),
            },
        }
        .boxed()
    }

    /// How many stations have subscribers.
    #[cfg(test)]
    fn stations_followed(&self) -> usize {
        self.inner.stations().len()
    }
}

/// The events of one station. (Fields drop in order: the receiver before the membership.)
struct StationStream {
    deliveries: BoxStream<'static, Delivery>,
    _membership: Membership,
}

impl futures_util::Stream for StationStream {
    type Item = Delivery;

    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Delivery>> {
        self.deliveries.poll_next_unpin(cx)
    }
}

/// A subscription to one station: when it ends, the station's channel is dropped if nobody
/// else follows the station.
struct Membership {
    inner: Arc<Inner>,
    station: String,
}

impl Drop for Membership {
    fn drop(&mut self) {
        let mut stations = self.inner.stations();
        // This subscription's receiver is dropped by now (see `StationStream`); one
        // subscribing meanwhile holds the lock to do so.
        if stations
            .get(&self.station)
            .is_some_and(|s| s.receiver_count() == 0)
        {
            stations.remove(&self.station);
        }
    }
}

fn deliveries(rx: broadcast::Receiver<Arc<Event>>) -> impl futures_util::Stream<Item = Delivery> {
    futures_util::stream::unfold(rx, |mut rx| async move {
        match rx.recv().await {
            Ok(event) => Some((Delivery::Event(event), rx)),
            Err(RecvError::Lagged(n)) => Some((Delivery::Lagged(n), rx)),
            Err(RecvError::Closed) => None,
        }
    })
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;

    fn connected(station: &str, n: u64) -> Arc<Event> {
        Arc::new(Event::StationConnected {
            station_id: station.to_owned(),
            connection_id: n,
            at: Utc::now(),
        })
    }

    fn id(delivery: Option<Delivery>) -> (String, u64) {
        match delivery {
            Some(Delivery::Event(e)) => match &*e {
                Event::StationConnected {
                    station_id,
                    connection_id,
                    ..
                } => (station_id.clone(), *connection_id),
                other => panic!("{other:?}"),
            },
            other => panic!("{other:?}"),
        }
    }

    #[tokio::test]
    async fn a_station_subscriber_gets_its_station_only_and_an_all_subscriber_everything() {
        let fanout = Fanout::new(16);
        let mut one = fanout.subscribe(Some("CP1"));
        let mut two = fanout.subscribe(Some("CP2"));
        let mut all = fanout.subscribe(None);
        for (n, station) in ["CP1", "CP2", "CP3", "CP1"].iter().enumerate() {
            fanout.send(connected(station, n as u64));
        }
        assert_eq!(id(one.next().await), ("CP1".into(), 0));
        assert_eq!(id(one.next().await), ("CP1".into(), 3));
        assert_eq!(id(two.next().await), ("CP2".into(), 1));
        for (n, station) in ["CP1", "CP2", "CP3", "CP1"].iter().enumerate() {
            assert_eq!(id(all.next().await), ((*station).into(), n as u64));
        }
        // Nothing else is waiting for the station subscribers.
        fanout.send(connected("CP9", 9));
        fanout.send(connected("CP2", 10));
        assert_eq!(id(two.next().await), ("CP2".into(), 10));
    }

    #[tokio::test]
    async fn a_station_channel_lives_as_long_as_one_of_its_subscribers() {
        let fanout = Fanout::new(16);
        assert!(fanout.is_empty());
        let first = fanout.subscribe(Some("CP1"));
        let mut second = fanout.subscribe(Some("CP1"));
        assert_eq!(fanout.stations_followed(), 1);
        assert!(!fanout.is_empty());
        drop(first);
        assert_eq!(fanout.stations_followed(), 1);
        fanout.send(connected("CP1", 1));
        assert_eq!(id(second.next().await), ("CP1".into(), 1));
        drop(second);
        assert_eq!(fanout.stations_followed(), 0);
        assert!(fanout.is_empty());
        // A new subscriber after that gets a new channel and the events from then on.
        let mut third = fanout.subscribe(Some("CP1"));
        fanout.send(connected("CP1", 2));
        assert_eq!(id(third.next().await), ("CP1".into(), 2));
    }

    #[tokio::test]
    async fn a_slow_station_subscriber_is_told_how_much_it_missed() {
        let fanout = Fanout::new(16);
        let mut slow = fanout.subscribe(Some("CP1"));
        for n in 0..STATION_CAPACITY as u64 + 3 {
            fanout.send(connected("CP1", n));
        }
        assert_eq!(slow.next().await, Some(Delivery::Lagged(3)));
        assert_eq!(id(slow.next().await), ("CP1".into(), 3));
    }
}
