//! DataLoaders: the relations a query walks (a station's connectors, a connector's open
//! transaction, a transaction's station) are loaded in one statement per kind for all the
//! parents of a level, never one statement per parent.

use std::{collections::HashMap, sync::Arc};

use async_graphql::dataloader::{DataLoader, Loader};
use entity::{connector, id_tag, station, transaction};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder};

use super::error::ApiError;
use crate::context::Context;

/// One loader over the database, keyed by the kinds below.
pub struct DbLoader(Arc<Context>);

pub type Loaders = DataLoader<DbLoader>;

pub fn loader(ctx: Arc<Context>) -> Loaders {
    DataLoader::new(DbLoader(ctx), tokio::spawn)
}

/// A station by id.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StationById(pub String);

/// The connectors of a station, by connector id.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ConnectorsOf(pub String);

/// The owner of an id tag, by the tag's key (absent: no owner, or no such tag).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TagOwner(pub String);

/// The energy budget of an id tag or account, with what its current period used (absent: no
/// budget).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BudgetOf(pub crate::use_case::budget::Subject);

impl Loader<BudgetOf> for DbLoader {
    type Value = crate::use_case::budget::Standing;
    type Error = ApiError;

    async fn load(&self, keys: &[BudgetOf]) -> Result<HashMap<BudgetOf, Self::Value>, ApiError> {
        let subjects: Vec<_> = keys.iter().map(|k| k.0.clone()).collect();
        let standings = crate::use_case::budget::standings(
            self.0.store.reader(),
            &subjects,
            self.0.settings.budget_utc_offset,
            chrono::Utc::now(),
        )
        .await?;
        Ok(standings
            .into_iter()
            .map(|(subject, standing)| (BudgetOf(subject), standing))
            .collect())
    }
}

/// The open transaction on (station, connector).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct OpenTransactionOn(pub String, pub i32);

impl Loader<StationById> for DbLoader {
    type Value = station::Model;
    type Error = ApiError;

    async fn load(
        &self,
        keys: &[StationById],
    ) -> Result<HashMap<StationById, Self::Value>, ApiError> {
        let ids = keys.iter().map(|k| k.0.clone());
        let rows = station::Entity::find()
            .filter(station::Column::Id.is_in(ids))
            .all(self.0.store.reader())
            .await?;
        Ok(rows
            .into_iter()
            .map(|row| (StationById(row.id.clone()), row))
            .collect())
    }
}

impl Loader<ConnectorsOf> for DbLoader {
    type Value = Vec<connector::Model>;
    type Error = ApiError;

    async fn load(
        &self,
        keys: &[ConnectorsOf],
    ) -> Result<HashMap<ConnectorsOf, Self::Value>, ApiError> {
        let ids = keys.iter().map(|k| k.0.clone());
        let rows = connector::Entity::find()
            .filter(connector::Column::StationId.is_in(ids))
            .order_by_asc(connector::Column::StationId)
            .order_by_asc(connector::Column::ConnectorId)
            .all(self.0.store.reader())
            .await?;
        let mut by_station: HashMap<ConnectorsOf, Vec<connector::Model>> =
            keys.iter().map(|k| (k.clone(), Vec::new())).collect();
        for row in rows {
            by_station
                .entry(ConnectorsOf(row.station_id.clone()))
                .or_default()
                .push(row);
        }
        Ok(by_station)
    }
}

impl Loader<OpenTransactionOn> for DbLoader {
    type Value = transaction::Model;
    type Error = ApiError;

    async fn load(
        &self,
        keys: &[OpenTransactionOn],
    ) -> Result<HashMap<OpenTransactionOn, Self::Value>, ApiError> {
        let stations = keys.iter().map(|k| k.0.clone());
        let rows = transaction::Entity::find()
            .filter(
                Condition::all()
                    .add(transaction::Column::StationId.is_in(stations))
                    .add(transaction::Column::StopTime.is_null()),
            )
            .order_by_asc(transaction::Column::Id)
            .all(self.0.store.reader())
            .await?;
        // The newest open transaction of each connector wins (older ones lost their stop).
        let mut open = HashMap::new();
        for row in rows {
            let key = OpenTransactionOn(row.station_id.clone(), row.connector_id);
            if keys.contains(&key) {
                open.insert(key, row);
            }
        }
        Ok(open)
    }
}

impl Loader<TagOwner> for DbLoader {
    type Value = String;
    type Error = ApiError;

    async fn load(&self, keys: &[TagOwner]) -> Result<HashMap<TagOwner, Self::Value>, ApiError> {
        let rows = id_tag::Entity::find()
            .filter(id_tag::Column::IdTagKey.is_in(keys.iter().map(|k| k.0.clone())))
            .all(self.0.store.reader())
            .await?;
        Ok(rows
            .into_iter()
            .filter_map(|row| Some((TagOwner(row.id_tag_key), row.owner?)))
            .collect())
    }
}
