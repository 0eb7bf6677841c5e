//! Local Auth List Management: SendLocalList (full and differential, built from the id tags in
//! the database) and GetLocalListVersion on behalf of an operator, in the station's OCPP
//! version (1.6 or 2.0.1), and the list each station holds, with its version, as last accepted.
//!
//! Both versions store the same record: each entry as the station was sent it (the tag, the
//! status, expiry and parent or group tag it carried). The stored list changes only when the
//! station answers `Accepted`; `VersionMismatch`, `Failed` and `NotSupported` leave it as it
//! was, so it always says what the station has.
//!
//! A 2.0.1 id token has a type besides its text. A tag is sent with the type it last came with
//! in a 2.0.1 transaction (`transactions.id_token_type`), else as `ISO14443`: a local list is for
//! the cards drivers present at a station, and the station matches a presented token by text
//! and type (a `Central` token, the kind chargegate makes up for a remote start, is never
//! presented). A parent tag goes as a `Central` group token, as in Authorize answers.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use entity::{id_tag, local_auth_list, local_auth_list_entry, transaction};
use sea_orm::{
    ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set, sea_query::OnConflict,
};

use crate::{
    context::Context,
    use_case::{
        command::{OnBehalf, Refused, same, text},
        transaction::tag_info,
    },
};
use ocpp::{
    rpc::Version,
    types::CiString,
    v16::{
        AuthorizationData, GetLocalListVersion, IdTagInfo, IdToken, SendLocalList, UpdateStatus,
        UpdateType,
    },
    v201,
};

/// Most entries sent in one SendLocalList (a station announces its own limit in
/// `SendLocalListMaxLength` (1.6) or `LocalAuthListCtrlr.ItemsPerMessage` (2.0.1); the list is
/// then sent in several differential updates).
pub const MAX_ENTRIES: usize = 10_000;

/// Rows per INSERT (and tags per look-up), well under SQLite's bound-parameter limit.
const CHUNK: usize = 500;

/// What SendLocalList produced.
#[derive(Debug)]
pub struct Sent {
    pub status: UpdateStatus,
    pub list_version: i32,
}

/// One entry as a station was sent it, whichever version carried it: the tag as given, and
/// (unless it is a removal) the status, expiry and parent it carried.
#[derive(Clone, Debug)]
struct Entry {
    key: String,
    id_tag: String,
    info: Option<EntryInfo>,
}

#[derive(Clone, Debug)]
struct EntryInfo {
    /// An `AuthorizationStatus` as spelled on the wire (1.6's, all of which 2.0.1 has).
    status: String,
    expiry: Option<DateTime<Utc>>,
    parent: Option<String>,
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

/// The id token type each tag (by key) last came with in a 2.0.1 transaction; a tag never
/// seen so has none. One row per tag and type read, the newest transaction deciding.
async fn token_types(
    ctx: &Context,
    keys: &[String],
) -> Result<HashMap<String, v201::IdTokenEnum>, sea_orm::DbErr> {
    let mut newest: HashMap<String, (i32, v201::IdTokenEnum)> = HashMap::new();
    for chunk in keys.chunks(CHUNK) {
        let rows: Vec<(String, String, i32)> = transaction::Entity::find()
            .select_only()
            .column(transaction::Column::IdTagKey)
            .column(transaction::Column::IdTokenType)
            .column_as(transaction::Column::Id.max(), "last")
            .filter(transaction::Column::IdTagKey.is_in(chunk.to_vec()))
            .filter(transaction::Column::IdTokenType.is_not_null())
            .group_by(transaction::Column::IdTagKey)
            .group_by(transaction::Column::IdTokenType)
            .into_tuple()
            .all(ctx.store.reader())
            .await?;
        for (key, kind, last) in rows {
            let Some(kind) = v201::IdTokenEnum::from_wire(&kind) else {
                continue;
            };
            if newest.get(&key).is_none_or(|(seen, _)| *seen < last) {
                newest.insert(key, (last, kind));
            }
        }
    }
    Ok(newest.into_iter().map(|(k, (_, t))| (k, t)).collect())
}

/// A 2.0.1 id token of this text and type.
fn token201(text: CiString<36>, kind: v201::IdTokenEnum) -> v201::IdToken {
    v201::IdToken {
        additional_info: None,
        id_token: text,
        kind,
        custom_data: None,
    }
}

/// The 2.0.1 entry for a stored one (its text fits: it was checked to).
fn authorization201(
    entry: &Entry,
    kind: v201::IdTokenEnum,
) -> Option<v201::local_auth_list::AuthorizationData> {
    let id_token = token201(CiString::new(entry.id_tag.as_str()).ok()?, kind);
    let id_token_info = entry.info.as_ref().map(|info| v201::IdTokenInfo {
        status: v201::AuthorizationStatusEnum::from_wire(&info.status)
            .unwrap_or(v201::AuthorizationStatusEnum::Invalid),
        cache_expiry_date_time: info.expiry.map(ocpp::v16::Timestamp),
        charging_priority: None,
        language1: None,
        evse_id: None,
        group_id_token: info
            .parent
            .as_deref()
            .and_then(|p| CiString::new(p).ok())
            .map(|p| token201(p, v201::IdTokenEnum::Central)),
        language2: None,
        personal_message: None,
        custom_data: None,
    });
    Some(v201::local_auth_list::AuthorizationData {
        id_token,
        id_token_info,
        custom_data: None,
    })
}

/// The 1.6 entry for a stored one (its text fits: it was checked to).
fn authorization16(entry: &Entry) -> Option<AuthorizationData> {
    Some(AuthorizationData {
        id_tag: IdToken::new(entry.id_tag.as_str()).ok()?,
        id_tag_info: entry.info.as_ref().map(|info| IdTagInfo {
            status: ocpp::v16::AuthorizationStatus::from_wire(&info.status)
                .unwrap_or(ocpp::v16::AuthorizationStatus::Invalid),
            expiry_date: info.expiry.map(ocpp::v16::Timestamp),
            parent_id_tag: info.parent.as_deref().and_then(|p| IdToken::new(p).ok()),
        }),
    })
}

impl OnBehalf<'_> {
    /// Sends a local list. `id_tags` are added or updated with their current status from the
    /// database (every tag must exist there); `remove` (differential only) are removed. The
    /// version defaults to the stored one plus one. A 1.6 station's tags are at most 20
    /// characters, a 2.0.1 station's 36.
    pub async fn send_local_list(
        &self,
        station_id: &str,
        update_type: UpdateType,
        id_tags: &[String],
        remove: &[String],
        list_version: Option<i32>,
    ) -> Result<Sent, Refused> {
        let version = self.permit(station_id, false).await?;
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
        // The tag as the station's version bounds it: its key and text.
        let checked = |tag: &str, field: &'static str| -> Result<(String, String), Refused> {
            Ok(match version {
                Version::V16 => {
                    let t = text::<20>(tag, field)?;
                    (t.key(), t.into_string())
                }
                Version::V201 => {
                    let t = text::<36>(tag, field)?;
                    (t.key(), t.into_string())
                }
            })
        };
        let mut seen = HashSet::new();
        let mut entries = Vec::with_capacity(id_tags.len() + remove.len());
        let db = self.ctx.store.reader();
        let now = Utc::now();
        for tag in id_tags {
            let (key, given) = checked(tag, "idTags")?;
            if !seen.insert(key.clone()) {
                return Err(invalid("idTags", format!("{tag} is given twice")));
            }
            let row = id_tag::Entity::find_by_id(key.as_str())
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
            // The tag as stored, when the station's version takes it; its parent likewise (a
            // 1.6 parent is at most 20 characters: a longer one is left out, as in 1.6's
            // Authorize answers).
            let id_tag = checked(&row.id_tag, "idTags").map_or(given, |(_, t)| t);
            let parent = match version {
                Version::V16 => info.parent_id_tag.map(CiString::into_string),
                Version::V201 => row
                    .parent_id_tag
                    .filter(|p| CiString::<36>::new(p.as_str()).is_ok()),
            };
            entries.push(Entry {
                key,
                id_tag,
                info: Some(EntryInfo {
                    status: info.status.as_str().to_owned(),
                    expiry: info.expiry_date.map(|t| t.0),
                    parent,
                }),
            });
        }
        for tag in remove {
            let (key, id_tag) = checked(tag, "removeIdTags")?;
            if !seen.insert(key.clone()) {
                return Err(invalid(
                    "removeIdTags",
                    format!("{tag} is given twice (or also in idTags)"),
                ));
            }
            entries.push(Entry {
                key,
                id_tag,
                info: None,
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
        let status = match version {
            Version::V16 => {
                let command = SendLocalList {
                    list_version,
                    local_authorization_list: Some(
                        entries.iter().filter_map(authorization16).collect(),
                    ),
                    update_type,
                };
                self.send(station_id, command).await?.status
            }
            Version::V201 => {
                let keys: Vec<String> = entries.iter().map(|e| e.key.clone()).collect();
                let types = token_types(self.ctx, &keys).await?;
                let list: Vec<_> = entries
                    .iter()
                    .filter_map(|e| {
                        let kind = types
                            .get(&e.key)
                            .copied()
                            .unwrap_or(v201::IdTokenEnum::Iso14443);
                        authorization201(e, kind)
                    })
                    .collect();
                let command = v201::SendLocalListRequest {
                    // 2.0.1 has no empty list: a full update without one clears the station's.
                    local_authorization_list: (!list.is_empty()).then_some(list),
                    version_number: list_version,
                    update_type: match update_type {
                        UpdateType::Full => v201::UpdateEnum::Full,
                        UpdateType::Differential => v201::UpdateEnum::Differential,
                    },
                    custom_data: None,
                };
                let status = self.send(station_id, command).await?.status;
                same(status.as_str(), UpdateStatus::Failed)
            }
        };
        if status == UpdateStatus::Accepted {
            store(self.ctx, station_id, update_type, list_version, entries).await?;
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
        let answered = match self.permit(station_id, false).await? {
            Version::V16 => {
                self.send(station_id, GetLocalListVersion {})
                    .await?
                    .list_version
            }
            Version::V201 => {
                let command = v201::GetLocalListVersionRequest { custom_data: None };
                self.send(station_id, command).await?.version_number
            }
        };
        let stored = local_auth_list::Entity::find_by_id(station_id)
            .one(self.ctx.store.reader())
            .await?
            .map(|l| l.version);
        Ok((answered, stored))
    }
}

fn row(station_id: &str, entry: &Entry, info: &EntryInfo) -> local_auth_list_entry::ActiveModel {
    local_auth_list_entry::ActiveModel {
        station_id: Set(station_id.to_owned()),
        id_tag_key: Set(entry.key.clone()),
        id_tag: Set(entry.id_tag.clone()),
        status: Set(info.status.clone()),
        expiry_date: Set(info.expiry),
        parent_id_tag: Set(info.parent.clone()),
    }
}

/// Records what the station accepted: removals (entries without info) go, the others are
/// added or replaced; a full update first empties the list.
async fn store(
    ctx: &Context,
    station_id: &str,
    update_type: UpdateType,
    version: i32,
    entries: Vec<Entry>,
) -> Result<(), crate::store::StoreError> {
    let station = station_id.to_owned();
    let now = Utc::now();
    ctx.store
        .write(move |txn| {
            let (station, entries) = (station.clone(), entries.clone());
            Box::pin(async move {
                use local_auth_list_entry::Column as E;
                if update_type == UpdateType::Full {
                    local_auth_list_entry::Entity::delete_many()
                        .filter(E::StationId.eq(station.as_str()))
                        .exec(txn)
                        .await?;
                }
                let removed: Vec<String> = entries
                    .iter()
                    .filter(|e| e.info.is_none())
                    .map(|e| e.key.clone())
                    .collect();
                for chunk in removed.chunks(CHUNK) {
                    local_auth_list_entry::Entity::delete_many()
                        .filter(E::StationId.eq(station.as_str()))
                        .filter(E::IdTagKey.is_in(chunk.to_vec()))
                        .exec(txn)
                        .await?;
                }
                let updates: Vec<&Entry> = entries.iter().filter(|e| e.info.is_some()).collect();
                for chunk in updates.chunks(CHUNK) {
                    let rows = chunk
                        .iter()
                        .filter_map(|e| e.info.as_ref().map(|info| row(&station, e, info)));
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
