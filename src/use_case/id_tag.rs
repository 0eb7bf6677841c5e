//! Id tag use cases for operators: create, change and delete the tags (RFID cards, app tokens)
//! that stations authorise, with their status, expiry, parent (group) and owning account.

use chrono::{DateTime, Utc};
use entity::id_tag;
use sea_orm::{
    ActiveValue::{NotSet, Set},
    EntityTrait, TryInsertResult,
};

use crate::{context::Context, store::StoreError};
use ocpp::v16::{AuthorizationStatus, CiString};

/// An id tag as kept here: up to 36 characters, OCPP 2.0.1's `idToken` (1.6's `idTag` has at
/// most 20; a longer tag cannot go on a 1.6 station's local list, which refuses it).
pub type IdTagText = CiString<36>;

/// Why an id tag change was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum IdTagError {
    #[error("{0}")]
    Invalid(String),
    #[error("the id tag {0:?} already exists")]
    Exists(String),
    #[error("no id tag {0:?}")]
    NotFound(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The statuses an operator may give a tag (`ConcurrentTx` is only ever an answer).
pub fn settable(status: AuthorizationStatus) -> Result<AuthorizationStatus, IdTagError> {
    if status == AuthorizationStatus::ConcurrentTx {
        return Err(IdTagError::Invalid(
            "ConcurrentTx is not a status a tag can have".into(),
        ));
    }
    Ok(status)
}

fn token(value: &str, what: &str) -> Result<IdTagText, IdTagError> {
    if value.is_empty() {
        return Err(IdTagError::Invalid(format!("{what} is empty")));
    }
    IdTagText::new(value).map_err(|e| IdTagError::Invalid(format!("{what}: {e}")))
}

/// An owner is an account's username or an outside token's `sub`.
fn owner(value: Option<String>) -> Result<Option<String>, IdTagError> {
    match value {
        Some(o) if o.is_empty() || o.chars().count() > 255 => {
            Err(IdTagError::Invalid("owner has 1 to 255 characters".into()))
        }
        other => Ok(other),
    }
}

/// What a new tag looks like.
#[derive(Clone, Debug)]
pub struct NewIdTag {
    pub id_tag: String,
    pub status: AuthorizationStatus,
    pub expiry_date: Option<DateTime<Utc>>,
    pub parent_id_tag: Option<String>,
    pub owner: Option<String>,
}

/// Registers a tag. A tag that exists only because a station used it (auto-created, and never
/// changed by an operator since) is adopted: it takes the given fields and stops being
/// auto-created. Any other existing tag is `Exists`.
pub async fn create(ctx: &Context, new: NewIdTag) -> Result<id_tag::Model, IdTagError> {
    let tag = token(&new.id_tag, "idTag")?;
    let parent = new
        .parent_id_tag
        .as_deref()
        .map(|p| token(p, "parentIdTag"))
        .transpose()?;
    let status = settable(new.status)?;
    let now = Utc::now();
    let row = id_tag::ActiveModel {
        id_tag_key: Set(tag.key()),
        id_tag: Set(tag.to_string()),
        status: Set(status.as_str().to_owned()),
        expiry_date: Set(new.expiry_date),
        parent_id_tag: Set(parent.as_ref().map(|p| p.to_string())),
        parent_id_tag_key: Set(parent.as_ref().map(IdTagText::key)),
        owner: Set(owner(new.owner)?),
        auto_created: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
    };
    let key = tag.key();
    let created = ctx
        .store
        .write(move |txn| {
            let (row, key) = (row.clone(), key.clone());
            Box::pin(async move {
                use sea_orm::{ColumnTrait, QueryFilter};
                let inserted = id_tag::Entity::insert(row.clone())
                    .on_conflict_do_nothing()
                    .exec_without_returning(txn)
                    .await?;
                if matches!(inserted, TryInsertResult::Inserted(n) if n > 0) {
                    return Ok(true);
                }
                // A tag that exists only because a station used it is adopted: it takes the
                // operator's fields (keeping its spelling and creation time).
                let mut adopted = row;
                adopted.id_tag = NotSet;
                adopted.created_at = NotSet;
                let updated = id_tag::Entity::update_many()
                    .set(adopted)
                    .filter(id_tag::Column::IdTagKey.eq(key))
                    .filter(id_tag::Column::AutoCreated.eq(true))
                    .exec(txn)
                    .await?;
                Ok(updated.rows_affected > 0)
            })
        })
        .await?;
    if !created {
        return Err(IdTagError::Exists(tag.to_string()));
    }
    get(ctx, tag.as_str())
        .await?
        .ok_or_else(|| IdTagError::NotFound(tag.to_string()))
}

/// A change to a tag: `None` leaves a field as it is; `Some(None)` clears an optional one.
#[derive(Clone, Debug, Default)]
pub struct IdTagChange {
    pub status: Option<AuthorizationStatus>,
    pub expiry_date: Option<Option<DateTime<Utc>>>,
    pub parent_id_tag: Option<Option<String>>,
    pub owner: Option<Option<String>>,
}

pub async fn update(
    ctx: &Context,
    id_tag: &str,
    change: IdTagChange,
) -> Result<id_tag::Model, IdTagError> {
    let tag = token(id_tag, "idTag")?;
    // An operator's change makes the tag theirs: no longer auto-created.
    let mut row = id_tag::ActiveModel {
        id_tag_key: Set(tag.key()),
        auto_created: Set(false),
        updated_at: Set(Utc::now()),
        ..Default::default()
    };
    if let Some(status) = change.status {
        row.status = Set(settable(status)?.as_str().to_owned());
    }
    if let Some(expiry) = change.expiry_date {
        row.expiry_date = Set(expiry);
    }
    if let Some(parent) = change.parent_id_tag {
        let parent = parent
            .as_deref()
            .map(|p| token(p, "parentIdTag"))
            .transpose()?;
        row.parent_id_tag_key = Set(parent.as_ref().map(IdTagText::key));
        row.parent_id_tag = Set(parent.map(IdTagText::into_string));
    }
    if let Some(new_owner) = change.owner {
        row.owner = Set(owner(new_owner)?);
    }
    let key = tag.key();
    let updated = ctx
        .store
        .write(move |txn| {
            let (row, key) = (row.clone(), key.clone());
            Box::pin(async move {
                use sea_orm::{ColumnTrait, QueryFilter};
                Ok(id_tag::Entity::update_many()
                    .set(row)
                    .filter(id_tag::Column::IdTagKey.eq(key))
                    .exec(txn)
                    .await?
                    .rows_affected)
            })
        })
        .await?;
    if updated == 0 {
        return Err(IdTagError::NotFound(tag.to_string()));
    }
    get(ctx, tag.as_str())
        .await?
        .ok_or_else(|| IdTagError::NotFound(tag.to_string()))
}

/// Deletes a tag. Its transactions stay (they keep the tag as sent).
pub async fn delete(ctx: &Context, id_tag: &str) -> Result<bool, IdTagError> {
    let key = token(id_tag, "idTag")?.key();
    let deleted = ctx
        .store
        .write(move |txn| {
            let key = key.clone();
            Box::pin(async move {
                Ok(id_tag::Entity::delete_by_id(key)
                    .exec(txn)
                    .await?
                    .rows_affected)
            })
        })
        .await?;
    Ok(deleted > 0)
}

/// A tag by its value, case-insensitively.
pub async fn get(ctx: &Context, id_tag: &str) -> Result<Option<id_tag::Model>, StoreError> {
    let Ok(tag) = IdTagText::new(id_tag) else {
        return Ok(None);
    };
    Ok(id_tag::Entity::find_by_id(tag.key())
        .one(ctx.store.reader())
        .await?)
}
