//! Stations' stored credentials read for their handshakes, many in one statement: the loader
//! that a `Context` holds.

use entity::station;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};

use super::Reader;

/// The database refused a read of credentials (its message, for the log).
#[derive(Clone, Debug, thiserror::Error)]
#[error("station credentials not read: {0}")]
pub struct LoadError(pub String);

/// What a station row says about its credentials.
#[derive(Clone, Debug)]
pub struct StoredCredentials {
    pub profile: Option<i32>,
    pub key_hash: Option<String>,
    pub serials: Vec<String>,
}

/// Reads the credentials of many stations in one statement: the handshakes that arrive within
/// a millisecond of each other (up to [`CREDENTIALS_BATCH`]) share one read. In a reconnect
/// storm a read per handshake kept thousands of half-done handshakes waiting for the pool, and
/// the memory they held stayed with the process afterwards (11 KiB per station at 19,000
/// stations, see bench/HISTORY.md, (a) run 4). Nothing is cached: every handshake sees the
/// stored values.
pub struct CredentialsLoader(Reader);

/// Most station ids in one read (well under SQLite's bound-parameter limit).
pub const CREDENTIALS_BATCH: usize = 500;

/// The loader a `Context` keeps.
pub type CredentialsLoaderHandle = async_graphql::dataloader::DataLoader<CredentialsLoader>;

pub fn credentials_loader(db: Reader) -> CredentialsLoaderHandle {
    async_graphql::dataloader::DataLoader::new(CredentialsLoader(db), tokio::spawn)
        .max_batch_size(CREDENTIALS_BATCH)
}

impl async_graphql::dataloader::Loader<String> for CredentialsLoader {
    type Value = StoredCredentials;
    type Error = LoadError;

    async fn load(
        &self,
        keys: &[String],
    ) -> Result<std::collections::HashMap<String, StoredCredentials>, LoadError> {
        type Row = (
            String,
            Option<i32>,
            Option<String>,
            Option<String>,
            Option<String>,
        );
        let rows: Vec<Row> = station::Entity::find()
            .select_only()
            .column(station::Column::Id)
            .column(station::Column::SecurityProfile)
            .column(station::Column::AuthorizationKeyHash)
            .column(station::Column::ChargePointSerialNumber)
            .column(station::Column::ChargeBoxSerialNumber)
            .filter(station::Column::Id.is_in(keys.iter().cloned()))
            .into_tuple()
            .all(&self.0)
            .await
            .map_err(|e| LoadError(e.to_string()))?;
        Ok(rows
            .into_iter()
            .map(|(id, profile, key_hash, point, boxed)| {
                let serials = point.into_iter().chain(boxed).collect();
                (
                    id,
                    StoredCredentials {
                        profile,
                        key_hash,
                        serials,
                    },
                )
            })
            .collect())
    }
}
