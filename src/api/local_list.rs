//! Local Auth List Management in the API: sending a station its local authorisation list and
//! asking its version (mutations, OCPP 1.6 or 2.0.1 as the station speaks), and the list it
//! holds as it last accepted it (query, staff).

use async_graphql::{Context, ID, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use entity::local_auth_list_entry;

use super::{
    command::on_behalf,
    enums::{self, stored},
    error::ApiError,
    guard::{app, staff_for},
};
use crate::use_case::local_list;
use ocpp::v16;

/// One entry of a station's local authorisation list.
pub struct LocalAuthListEntry(local_auth_list_entry::Model);

#[Object]
impl LocalAuthListEntry {
    async fn id_tag(&self) -> &str {
        &self.0.id_tag
    }
    async fn status(&self) -> Option<enums::AuthorizationStatus> {
        stored(&self.0.status, v16::AuthorizationStatus::from_wire)
    }
    async fn expiry_date(&self) -> Option<DateTime<Utc>> {
        self.0.expiry_date
    }
    async fn parent_id_tag(&self) -> Option<&str> {
        self.0.parent_id_tag.as_deref()
    }
}

/// The local authorisation list a station holds, as it last accepted it.
#[derive(SimpleObject)]
pub struct LocalAuthList {
    pub station_id: ID,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
    pub entries: Vec<LocalAuthListEntry>,
}

#[derive(SimpleObject)]
pub struct SendLocalListResult {
    pub status: enums::UpdateStatus,
    /// The version sent.
    pub list_version: i32,
}

#[derive(SimpleObject)]
pub struct GetLocalListVersionResult {
    /// What the station says (0: empty list, -1: no local list support).
    pub list_version: i32,
    /// What chargegate last saw it accept.
    pub stored_version: Option<i32>,
}

#[derive(Default)]
pub struct LocalListMutation;

#[Object]
impl LocalListMutation {
    /// Local Auth List Management: sends a full list (`idTags` replace the station's list; an
    /// empty list clears it) or a differential update (`idTags` added or updated,
    /// `removeIdTags` removed). Entries carry each tag's current status from the database.
    /// `listVersion` defaults to the stored version plus one. Tags are at most 20 characters
    /// for a 1.6 station, 36 for a 2.0.1 one (sent as id tokens of the type they last came
    /// with in a 2.0.1 transaction, else `ISO14443`).
    async fn send_local_list(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        update_type: enums::UpdateType,
        id_tags: Vec<String>,
        #[graphql(default)] remove_id_tags: Vec<String>,
        list_version: Option<i32>,
    ) -> Result<SendLocalListResult> {
        let sent = on_behalf(ctx)?
            .send_local_list(
                &station_id,
                update_type.into(),
                &id_tags,
                &remove_id_tags,
                list_version,
            )
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(SendLocalListResult {
            status: sent.status.into(),
            list_version: sent.list_version,
        })
    }

    /// Local Auth List Management: the version of the station's local list.
    async fn get_local_list_version(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
    ) -> Result<GetLocalListVersionResult> {
        let (list_version, stored_version) = on_behalf(ctx)?
            .get_local_list_version(&station_id)
            .await
            .map_err(|e| ApiError::refused(&station_id, e))?;
        Ok(GetLocalListVersionResult {
            list_version,
            stored_version,
        })
    }
}

#[derive(Default)]
pub struct LocalListQuery;

#[Object]
impl LocalListQuery {
    /// The local authorisation list a station holds (null: none was ever accepted).
    async fn local_auth_list(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
    ) -> Result<Option<LocalAuthList>> {
        staff_for(ctx, &station_id)?;
        let list = local_list::get(app(ctx), &station_id)
            .await
            .map_err(ApiError::from)?;
        Ok(list.map(|(list, entries)| LocalAuthList {
            station_id: ID(list.station_id),
            version: list.version,
            updated_at: list.updated_at,
            entries: entries.into_iter().map(LocalAuthListEntry).collect(),
        }))
    }
}
