//! The in-memory status cache of a single node (the embedded default).

use std::{
    collections::{BTreeMap, HashMap},
    sync::RwLock,
};

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{CacheError, ConnectorState, MeterReading, Presence, Refresh, StatusCache};

#[derive(Default)]
struct Station {
    presence: Option<Presence>,
    connectors: BTreeMap<i32, ConnectorState>,
    /// Each with its order: the station's timestamp, but never later than when it was stored.
    meters: BTreeMap<i32, (DateTime<Utc>, MeterReading)>,
}

/// A [`StatusCache`] in this process's memory.
#[derive(Default)]
pub struct MemoryCache {
    stations: RwLock<HashMap<String, Station>>,
}

impl MemoryCache {
    pub fn new() -> Self {
        Self::default()
    }

    fn update(&self, station_id: &str, f: impl FnOnce(&mut Station)) {
        let mut stations = self.stations.write().unwrap_or_else(|e| e.into_inner());
        match stations.get_mut(station_id) {
            Some(station) => f(station),
            None => f(stations.entry(station_id.to_owned()).or_default()),
        }
    }

    fn read<T>(&self, station_id: &str, f: impl FnOnce(&Station) -> T) -> Option<T> {
        let stations = self.stations.read().unwrap_or_else(|e| e.into_inner());
        stations.get(station_id).map(f)
    }
}

#[async_trait]
impl StatusCache for MemoryCache {
    async fn station_connected(
        &self,
        station_id: &str,
        presence: Presence,
    ) -> Result<Option<Presence>, CacheError> {
        let mut previous = None;
        self.update(station_id, |s| previous = s.presence.replace(presence));
        Ok(previous)
    }

    async fn refresh_presence(
        &self,
        station_id: &str,
        presence: &Presence,
    ) -> Result<Refresh, CacheError> {
        let mut outcome = Refresh::Kept;
        self.update(station_id, |s| match &s.presence {
            Some(current) if current.connection_id != presence.connection_id => {
                outcome = Refresh::TakenOver;
            }
            Some(_) => {}
            None => {
                s.presence = Some(presence.clone());
                outcome = Refresh::Restored;
            }
        });
        Ok(outcome)
    }

    async fn station_disconnected(
        &self,
        station_id: &str,
        connection_id: u64,
    ) -> Result<(), CacheError> {
        self.update(station_id, |s| {
            if s.presence
                .as_ref()
                .is_some_and(|p| p.connection_id == connection_id)
            {
                s.presence = None;
            }
        });
        Ok(())
    }

    async fn presence(&self, station_id: &str) -> Result<Option<Presence>, CacheError> {
        Ok(self.read(station_id, |s| s.presence.clone()).flatten())
    }

    async fn connected_stations(&self) -> Result<Vec<String>, CacheError> {
        let stations = self.stations.read().unwrap_or_else(|e| e.into_inner());
        let mut ids: Vec<String> = stations
            .iter()
            .filter(|(_, s)| s.presence.is_some())
            .map(|(id, _)| id.clone())
            .collect();
        ids.sort();
        Ok(ids)
    }

    async fn set_connector(
        &self,
        station_id: &str,
        state: ConnectorState,
    ) -> Result<(), CacheError> {
        self.update(station_id, |s| {
            match s.connectors.get(&state.connector_id) {
                Some(old) if old.received_at > state.received_at => {}
                _ => {
                    s.connectors.insert(state.connector_id, state);
                }
            }
        });
        Ok(())
    }

    async fn connectors(&self, station_id: &str) -> Result<Vec<ConnectorState>, CacheError> {
        Ok(self
            .read(station_id, |s| s.connectors.values().cloned().collect())
            .unwrap_or_default())
    }

    async fn set_last_meter(
        &self,
        station_id: &str,
        reading: MeterReading,
    ) -> Result<(), CacheError> {
        // A station's clock in the future must not freeze the reading until that time.
        let order = reading.timestamp.min(Utc::now());
        self.update(station_id, |s| match s.meters.get(&reading.connector_id) {
            Some((newer, _)) if *newer > order => {}
            _ => {
                s.meters.insert(reading.connector_id, (order, reading));
            }
        });
        Ok(())
    }

    async fn last_meter(
        &self,
        station_id: &str,
        connector_id: i32,
    ) -> Result<Option<MeterReading>, CacheError> {
        Ok(self
            .read(station_id, |s| {
                s.meters.get(&connector_id).map(|(_, r)| r.clone())
            })
            .flatten())
    }
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use ocpp::v16::{ChargePointErrorCode, ChargePointStatus};

    fn presence(connection_id: u64) -> Presence {
        Presence {
            connection_id,
            node_id: "n1".into(),
            connected_at: Utc::now(),
        }
    }

    #[tokio::test]
    async fn an_old_connection_does_not_remove_a_newer_presence() {
        let cache = MemoryCache::new();
        assert_eq!(
            cache.station_connected("CP1", presence(1)).await.unwrap(),
            None
        );
        let replaced = cache.station_connected("CP1", presence(2)).await.unwrap();
        assert_eq!(replaced.map(|p| p.connection_id), Some(1));
        assert_eq!(
            cache.refresh_presence("CP1", &presence(1)).await.unwrap(),
            Refresh::TakenOver
        );
        assert_eq!(
            cache.refresh_presence("CP1", &presence(2)).await.unwrap(),
            Refresh::Kept
        );
        cache.station_disconnected("CP1", 1).await.unwrap();
        assert_eq!(
            cache
                .presence("CP1")
                .await
                .unwrap()
                .map(|p| p.connection_id),
            Some(2)
        );
        assert_eq!(
            cache.connected_stations().await.unwrap(),
            vec!["CP1".to_owned()]
        );
        cache.station_disconnected("CP1", 2).await.unwrap();
        assert_eq!(cache.presence("CP1").await.unwrap(), None);
        assert!(cache.connected_stations().await.unwrap().is_empty());
        // A refresh of a presence the cache lost writes it again.
        assert_eq!(
            cache.refresh_presence("CP1", &presence(2)).await.unwrap(),
            Refresh::Restored
        );
        assert_eq!(
            cache
                .presence("CP1")
                .await
                .unwrap()
                .map(|p| p.connection_id),
            Some(2)
        );
    }

    #[tokio::test]
    async fn connector_states_are_kept_per_connector() {
        let cache = MemoryCache::new();
        for (id, status) in [
            (2, ChargePointStatus::Charging),
            (1, ChargePointStatus::Available),
        ] {
            cache
                .set_connector(
                    "CP1",
                    ConnectorState {
                        connector_id: id,
                        status,
                        error_code: ChargePointErrorCode::NoError,
                        info: None,
                        vendor_error_code: None,
                        timestamp: None,
                        received_at: Utc::now(),
                    },
                )
                .await
                .unwrap();
        }
        let states = cache.connectors("CP1").await.unwrap();
        assert_eq!(
            states
                .iter()
                .map(|s| (s.connector_id, s.status))
                .collect::<Vec<_>>(),
            vec![
                (1, ChargePointStatus::Available),
                (2, ChargePointStatus::Charging)
            ]
        );
        assert!(cache.connectors("CP2").await.unwrap().is_empty());
        assert_eq!(cache.last_meter("CP1", 1).await.unwrap(), None);
    }

    #[tokio::test]
    async fn older_states_and_readings_do_not_replace_newer_ones() {
        let cache = MemoryCache::new();
        let now = Utc::now();
        let state = |status, received_at| ConnectorState {
            connector_id: 1,
            status,
            error_code: ChargePointErrorCode::NoError,
            info: None,
            vendor_error_code: None,
            timestamp: None,
            received_at,
        };
        let reading = |value: &str, timestamp| MeterReading {
            connector_id: 1,
            transaction_id: None,
            timestamp,
            sampled_value: vec![
                serde_json::from_value(serde_json::json!({"value": value})).unwrap(),
            ],
        };
        let earlier = now - chrono::TimeDelta::seconds(5);
        for (status, at) in [
            (ChargePointStatus::Charging, now),
            (ChargePointStatus::Faulted, earlier),
        ] {
            cache.set_connector("CP1", state(status, at)).await.unwrap();
        }
        for (value, at) in [("2", now), ("1", earlier)] {
            cache
                .set_last_meter("CP1", reading(value, at))
                .await
                .unwrap();
        }
        assert_eq!(
            cache.connectors("CP1").await.unwrap()[0].status,
            ChargePointStatus::Charging
        );
        assert_eq!(
            cache.last_meter("CP1", 1).await.unwrap(),
            Some(reading("2", now))
        );
        // A newer one (or one at the same instant) does.
        cache
            .set_last_meter("CP1", reading("3", now))
            .await
            .unwrap();
        assert_eq!(
            cache.last_meter("CP1", 1).await.unwrap(),
            Some(reading("3", now))
        );
        // A station whose clock runs a day ahead does not freeze its reading for a day.
        let tomorrow = Utc::now() + chrono::TimeDelta::days(1);
        cache
            .set_last_meter("CP1", reading("4", tomorrow))
            .await
            .unwrap();
        let fixed = Utc::now() + chrono::TimeDelta::milliseconds(5);
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        cache
            .set_last_meter("CP1", reading("5", fixed))
            .await
            .unwrap();
        assert_eq!(
            cache.last_meter("CP1", 1).await.unwrap(),
            Some(reading("5", fixed))
        );
    }
}
