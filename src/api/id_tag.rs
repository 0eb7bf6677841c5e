//! Id tags in the API: list and read them (drivers: their own), and create, change and delete
//! them (operators whose token covers every station: a tag is valid at every station, so a
//! change to it reaches beyond any station scope).

use async_graphql::{Context, InputObject, MaybeUndefined, Object, Result};
use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, Order, QueryFilter,
    sea_query::{Expr, ExprTrait, LikeExpr},
};

use super::{
    enums::{self, stored},
    error::ApiError,
    guard::{app, fleet_operator, principal},
    pagination::{self, Page, PageArgs},
};
use crate::{
    auth::Role,
    use_case::id_tag::{self, IdTagChange, NewIdTag},
};
use ocpp::v16::{self, AuthorizationStatus};

/// An id tag (RFID card, app token).
pub struct IdTag(pub entity::id_tag::Model);

#[Object]
impl IdTag {
    /// As first given (tags compare case-insensitively).
    async fn id_tag(&self) -> &str {
        &self.0.id_tag
    }
    /// The status an operator gave it.
    async fn status(&self) -> Option<enums::AuthorizationStatus> {
        stored(&self.0.status, v16::AuthorizationStatus::from_wire)
    }
    /// What a station is answered now: EXPIRED once the expiry date has passed.
    async fn effective_status(&self) -> Option<enums::AuthorizationStatus> {
        let status = v16::AuthorizationStatus::from_wire(&self.0.status)?;
        Some(
            if status == AuthorizationStatus::Accepted
                && self.0.expiry_date.is_some_and(|e| e <= Utc::now())
            {
                AuthorizationStatus::Expired
            } else {
                status
            }
            .into(),
        )
    }
    async fn expiry_date(&self) -> Option<DateTime<Utc>> {
        self.0.expiry_date
    }
    /// The group (parent) tag.
    async fn parent_id_tag(&self) -> Option<&str> {
        self.0.parent_id_tag.as_deref()
    }
    /// The account (username) whose driver uses it.
    async fn owner(&self) -> Option<&str> {
        self.0.owner.as_deref()
    }
    /// Created because a station used it before anyone registered it.
    async fn auto_created(&self) -> bool {
        self.0.auto_created
    }
    /// The tag's own energy budget, with what its current period used (null: none). A budget
    /// of its owner's account binds it too (`Account.budget`).
    async fn budget(&self, ctx: &Context<'_>) -> Result<Option<super::budget::EnergyBudget>> {
        let subject = crate::use_case::budget::Subject::Tag(self.0.id_tag_key.clone());
        super::budget::of(ctx, subject).await
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

/// A new id tag.
#[derive(InputObject)]
pub struct CreateIdTagInput {
    pub id_tag: String,
    #[graphql(default_with = "enums::AuthorizationStatus::Accepted")]
    pub status: enums::AuthorizationStatus,
    pub expiry_date: Option<DateTime<Utc>>,
    pub parent_id_tag: Option<String>,
    pub owner: Option<String>,
}

/// A change to an id tag: omitted fields stay, `null` clears an optional one.
#[derive(InputObject, Default)]
pub struct UpdateIdTagInput {
    pub status: Option<enums::AuthorizationStatus>,
    pub expiry_date: MaybeUndefined<DateTime<Utc>>,
    pub parent_id_tag: MaybeUndefined<String>,
    pub owner: MaybeUndefined<String>,
}

/// `%part%` in lower case for `LIKE … ESCAPE '\'`, its own `%`, `_` and `\` escaped.
pub(super) fn like_pattern(part: &str) -> String {
    let mut pattern = String::with_capacity(part.len() + 2);
    pattern.push('%');
    for c in part.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

fn change<T>(value: MaybeUndefined<T>) -> Option<Option<T>> {
    match value {
        MaybeUndefined::Undefined => None,
        MaybeUndefined::Null => Some(None),
        MaybeUndefined::Value(v) => Some(Some(v)),
    }
}

#[derive(Default)]
pub struct IdTagQuery;

#[Object]
impl IdTagQuery {
    /// Id tags by tag; drivers see their own. `autoCreated`: only those a station's use
    /// created (true) or only those an operator registered or changed (false); `search`: a
    /// case-insensitive part of the tag.
    #[allow(clippy::too_many_arguments)]
    #[graphql(complexity = "super::pagination::cost(first, last, child_complexity)")]
    async fn id_tags(
        &self,
        ctx: &Context<'_>,
        status: Option<enums::AuthorizationStatus>,
        owner: Option<String>,
        auto_created: Option<bool>,
        search: Option<String>,
        after: Option<String>,
        before: Option<String>,
        first: Option<i32>,
        last: Option<i32>,
    ) -> Result<Page<IdTag>> {
        let p = principal(ctx)?;
        let mut filter = Condition::all();
        if p.role == Role::Driver {
            filter = filter.add(entity::id_tag::Column::Owner.eq(p.sub.as_str()));
        }
        if let Some(status) = status {
            filter = filter.add(
                entity::id_tag::Column::Status.eq(v16::AuthorizationStatus::from(status).as_str()),
            );
        }
        if let Some(owner) = owner {
            filter = filter.add(entity::id_tag::Column::Owner.eq(owner));
        }
        if let Some(auto_created) = auto_created {
            filter = filter.add(entity::id_tag::Column::AutoCreated.eq(auto_created));
        }
        if let Some(search) = search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            // The key is the tag in lower case.
            filter = filter.add(
                Expr::col(entity::id_tag::Column::IdTagKey)
                    .like(LikeExpr::new(like_pattern(search)).escape('\\')),
            );
        }
        let query = entity::id_tag::Entity::find().filter(filter);
        let args = PageArgs {
            after,
            before,
            first,
            last,
        };
        let order = [(entity::id_tag::Column::IdTagKey, Order::Asc)];
        Ok(pagination::rows(ctx, args, query, &order, IdTag).await?)
    }

    /// One id tag, case-insensitively.
    async fn id_tag(&self, ctx: &Context<'_>, id_tag: String) -> Result<Option<IdTag>> {
        let p = principal(ctx)?;
        let row = id_tag::get(app(ctx), &id_tag)
            .await
            .map_err(ApiError::from)?;
        // A driver sees only their own tags, and cannot tell another's from none.
        Ok(row
            .filter(|tag| p.role != Role::Driver || tag.owner.as_deref() == Some(p.sub.as_str()))
            .map(IdTag))
    }
}

#[derive(Default)]
pub struct IdTagMutation;

#[Object]
impl IdTagMutation {
    /// Registers an id tag (operators whose token is not limited to some stations: a tag is
    /// valid at every station). A tag that exists only because a station used it (autoCreated)
    /// is adopted; any other existing tag is a CONFLICT.
    async fn create_id_tag(&self, ctx: &Context<'_>, input: CreateIdTagInput) -> Result<IdTag> {
        fleet_operator(ctx)?;
        let row = id_tag::create(
            app(ctx),
            NewIdTag {
                id_tag: input.id_tag,
                status: input.status.into(),
                expiry_date: input.expiry_date,
                parent_id_tag: input.parent_id_tag,
                owner: input.owner,
            },
        )
        .await
        .map_err(ApiError::from)?;
        Ok(IdTag(row))
    }

    /// Changes an id tag's status, expiry, parent or owner (operators whose token is not limited
    /// to some stations).
    async fn update_id_tag(
        &self,
        ctx: &Context<'_>,
        id_tag: String,
        input: UpdateIdTagInput,
    ) -> Result<IdTag> {
        fleet_operator(ctx)?;
        let row = id_tag::update(
            app(ctx),
            &id_tag,
            IdTagChange {
                status: input.status.map(Into::into),
                expiry_date: change(input.expiry_date),
                parent_id_tag: change(input.parent_id_tag),
                owner: change(input.owner),
            },
        )
        .await
        .map_err(ApiError::from)?;
        Ok(IdTag(row))
    }

    /// Deletes an id tag (its transactions stay; operators whose token is not limited to some
    /// stations). False if there was no such tag.
    async fn delete_id_tag(&self, ctx: &Context<'_>, id_tag: String) -> Result<bool> {
        fleet_operator(ctx)?;
        Ok(id_tag::delete(app(ctx), &id_tag)
            .await
            .map_err(ApiError::from)?)
    }
}
