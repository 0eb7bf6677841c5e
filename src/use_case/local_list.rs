//! Local Auth List Management: SendLocalList (full and differential, built from the id tags in
//! the database) and GetLocalListVersion on behalf of an operator, and the list each station
//! holds, with its version, as last accepted.
//!
//! The stored list changes only when the station answers `Accepted`; `VersionMismatch`, `Failed`
//! and `NotSupported` leave it as it was, so it always says what the station has.

use std::collections::HashSet;

use chrono::Utc;
use entity::{id_tag, local_auth_list, local_auth_list_entry};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set, sea_query::OnConflict};

use crate::{
    context::Context,
    use_case::{
        command::{OnBehalf, Refused, text},
        transaction::tag_info,
    },
};
use ocpp::v16::{
    AuthorizationData, GetLocalListVersion, IdTagInfo, IdToken, SendLocalList, UpdateStatus,
    UpdateType,
};

/// Most entries sent in one SendLocalList (a station announces its own limit in
/// `SendLocalListMaxLength`; the list is then sent in several differential updates).
pub const MAX_ENTRIES: usize = 10_000;

/// Rows per INSERT, well under SQLite's bound-parameter limit.
const CHUNK: usize = 500;

/// What SendLocalList produced.
#[derive(Debug)]
pub struct Sent {
    pub status: UpdateStatus,
    pub list_version: i32,
}

/// A station's list: its version and entries (`None` when nothing was ever accepted).
pub async fn get(
    ctx: &Context,
    station_id: &str,
) -> Result<Option<(local_auth_list::Model, Vec<local_auth_list_entry::Model>)>, sea_orm::DbErr> {
    let db = ctx.store.reader();
    let Some(list) = local_auth_list::Entity::find_by_id(station_id)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let entries = local_auth_list_entry::Entity::find()
        .filter(local_auth_list_entry::Column::StationId.eq(station_id))
        .order_by_asc(local_auth_list_entry::Column::IdTagKey)
        .all(db)
        .await?;
    Ok(Some((list, entries)))
}

fn invalid(field: &'static str, message: impl Into<String>) -> Refused {
    Refused::Invalid {
        field,
        message: message.into(),
    }
}

impl OnBehalf<'_> {
    /// Sends a local list. `id_tags` are added or updated with their current `IdTagInfo` from
    /// the database (every tag must exist there); `remove` (differential only) are removed. The
    /// version defaults to the stored one plus one.
    pub async fn send_local_list(
        &self,
        station_id: &str,
        update_type: UpdateType,
        id_tags: &[String],
        remove: &[String],
        list_version: Option<i32>,
    ) -> Result<Sent, Refused> {
        self.permit(station_id, false).await?;
        if update_type == UpdateType::Full && !remove.is_empty() {
            return Err(invalid(
                "removeIdTags",
                "a full list replaces the station's list; removing belongs to a differential update",
            ));
        }
        if update_type == UpdateType::Differential && id_tags.is_empty() && remove.is_empty() {
            return Err(invalid("idTags", "a differential update needs a change"));
        }
        if id_tags.len() + remove.len() > MAX_ENTRIES {
            return Err(invalid(
                "idTags",
                format!("at most {MAX_ENTRIES} entries in one update"),
            ));
        }
        let mut seen = HashSet::new();
        let mut updates = Vec::with_capacity(id_tags.len());
        let db = self.ctx.store.reader();
        let now = Utc::now();
        for tag in id_tags {
            let token = text::<20>(tag, "idTags")?;
            if !seen.insert(token.key()) {
                return Err(invalid("idTags", format!("{tag} is given twice")));
            }
            let row = id_tag::Entity::find_by_id(token.key())
                .one(db)
                .await?
                .ok_or_else(|| invalid("idTags", format!("no id tag {tag}")))?;
            let mut info = tag_info(&row, now);
            super::budget::gate(
                db,
                &row,
                &mut info,
                self.ctx.settings.budget_utc_offset,
                now,
            )
            .await?;
            updates.push(AuthorizationData {
                id_tag: IdToken::new(row.id_tag.clone()).unwrap_or(token),
                id_tag_info: Some(info),
            });
        }
        let mut removals = Vec::with_capacity(remove.len());
        for tag in remove {
            let token = text::<20>(tag, "removeIdTags")?;
            if !seen.insert(token.key()) {
                return Err(invalid(
                    "removeIdTags",
                    format!("{tag} is given twice (or also in idTags)"),
                ));
            }
            removals.push(AuthorizationData {
                id_tag: token,
                id_tag_info: None,
            });
        }
        let stored = local_auth_list::Entity::find_by_id(station_id)
            .one(db)
            .await?
            .map(|l| l.version);
        let list_version = match list_version {
            Some(v) if v < 1 => return Err(invalid("listVersion", "must be at least 1")),
            Some(v) => v,
            None => stored.unwrap_or(0).saturating_add(1),
        };
        let mut list = updates.clone();
        list.extend(removals.iter().cloned());
        let command = SendLocalList {
            list_version,
            local_authorization_list: Some(list),
            update_type,
        };
        let status = self.send(station_id, command).await?.status;
        if status == UpdateStatus::Accepted {
            store(
                self.ctx,
                station_id,
                update_type,
                list_version,
                updates,
                removals,
            )
            .await?;
        }
        Ok(Sent {
            status,
            list_version,
        })
    }

    /// Asks the station for its list's version; also returns the stored one.
    pub async fn get_local_list_version(
        &self,
        station_id: &str,
    ) -> Result<(i32, Option<i32>), Refused> {
        self.permit(station_id, false).await?;
        let answer = self.send(station_id, GetLocalListVersion {}).await?;
        let stored = local_auth_list::Entity::find_by_id(station_id)
            .one(self.ctx.store.reader())
            .await?
            .map(|l| l.version);
        Ok((answer.list_version, stored))
    }
}

fn entry(
    station_id: &str,
    data: &AuthorizationData,
    info: &IdTagInfo,
) -> local_auth_list_entry::ActiveModel {
    local_auth_list_entry::ActiveModel {
        station_id: Set(station_id.to_owned()),
        id_tag_key: Set(data.id_tag.key()),
        id_tag: Set(data.id_tag.to_string()),
        status: Set(info.status.as_str().to_owned()),
        expiry_date: Set(info.expiry_date.map(|t| t.0)),
        parent_id_tag: Set(info.parent_id_tag.as_ref().map(ToString::to_string)),
    }
}

/// Records what the station accepted.
async fn store(
    ctx: &Context,
    station_id: &str,
    update_type: UpdateType,
    version: i32,
    updates: Vec<AuthorizationData>,
    removals: Vec<AuthorizationData>,
) -> Result<(), crate::store::StoreError> {
    let station = station_id.to_owned();
    let now = Utc::now();
    ctx.store
        .write(move |txn| {
            let (station, updates, removals) = (station.clone(), updates.clone(), removals.clone());
            Box::pin(async move {
                use local_auth_list_entry::Column as E;
                if update_type == UpdateType::Full {
                    local_auth_list_entry::Entity::delete_many()
                        .filter(E::StationId.eq(station.as_str()))
                        .exec(txn)
                        .await?;
                }
                let keys: Vec<String> = removals.iter().map(|r| r.id_tag.key()).collect();
                for chunk in keys.chunks(CHUNK) {
                    local_auth_list_entry::Entity::delete_many()
                        .filter(E::StationId.eq(station.as_str()))
                        .filter(E::IdTagKey.is_in(chunk.to_vec()))
                        .exec(txn)
                        .await?;
                }
                for chunk in updates.chunks(CHUNK) {
                    let rows = chunk.iter().filter_map(|d| {
                        d.id_tag_info.as_ref().map(|info| entry(&station, d, info))
                    });
                    local_auth_list_entry::Entity::insert_many(rows)
                        .on_conflict(
                            OnConflict::columns([E::StationId, E::IdTagKey])
                                .update_columns([
                                    E::IdTag,
                                    E::Status,
                                    E::ExpiryDate,
                                    E::ParentIdTag,
                                ])
                                .to_owned(),
                        )
                        .exec_without_returning(txn)
                        .await?;
                }
                local_auth_list::Entity::insert(local_auth_list::ActiveModel {
                    station_id: Set(station.clone()),
                    version: Set(version),
                    updated_at: Set(now),
                })
                .on_conflict(
                    OnConflict::column(local_auth_list::Column::StationId)
                        .update_columns([
                            local_auth_list::Column::Version,
                            local_auth_list::Column::UpdatedAt,
                        ])
                        .to_owned(),
                )
                .exec_without_returning(txn)
                .await?;
                Ok(())
            })
        })
        .await
}
