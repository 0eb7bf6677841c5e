//! The OCPP message journal in the API: every frame a station sent or was sent, newest first.

use async_graphql::{Context, Enum, ID, Object, Result};
use chrono::{DateTime, Utc};
use entity::ocpp_message;
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};

use super::{
    guard::{app, staff, station_access},
    pagination::{Page, PageArgs, paginate},
};

/// Which way a frame went.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Station → server.
    In,
    /// Server → station.
    Out,
}

/// The OCPP-J message type of a frame.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum MessageType {
    Call,
    CallResult,
    CallError,
}

/// One journaled frame.
pub struct OcppMessage(pub ocpp_message::Model);

#[Object]
impl OcppMessage {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn station_id(&self) -> ID {
        ID(self.0.station_id.clone())
    }
    async fn direction(&self) -> Direction {
        if self.0.direction == "in" {
            Direction::In
        } else {
            Direction::Out
        }
    }
    /// Empty for a frame that could not be read (or of an unknown type).
    async fn message_type(&self) -> Option<MessageType> {
        match self.0.message_type {
            Some(2) => Some(MessageType::Call),
            Some(3) => Some(MessageType::CallResult),
            Some(4) => Some(MessageType::CallError),
            _ => None,
        }
    }
    async fn message_id(&self) -> Option<&str> {
        self.0.message_id.as_deref()
    }
    /// The CALL's action; for an answer, the action of the CALL it answers.
    async fn action(&self) -> Option<&str> {
        self.0.action.as_deref()
    }
    /// The whole frame as it was on the wire.
    async fn payload(&self) -> &str {
        &self.0.payload
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

#[derive(Default)]
pub struct JournalQuery;

#[Object]
impl JournalQuery {
    /// The journal of one station, newest first; filtered by action and direction.
    #[allow(clippy::too_many_arguments)]
    #[graphql(complexity = "super::pagination::cost(first, last, child_complexity)")]
    async fn ocpp_messages(
        &self,
        ctx: &Context<'_>,
        station_id: ID,
        action: Option<String>,
        direction: Option<Direction>,
        after: Option<String>,
        before: Option<String>,
        first: Option<i32>,
        last: Option<i32>,
    ) -> Result<Page<OcppMessage>> {
        let p = staff(ctx)?;
        station_access(p, &station_id)?;
        let mut filter =
            Condition::all().add(ocpp_message::Column::StationId.eq(station_id.as_str()));
        if let Some(action) = action {
            filter = filter.add(ocpp_message::Column::Action.eq(action));
        }
        if let Some(direction) = direction {
            filter = filter.add(ocpp_message::Column::Direction.eq(match direction {
                Direction::In => "in",
                Direction::Out => "out",
            }));
        }
        let db = app(ctx).store.reader();
        let query = ocpp_message::Entity::find().filter(filter);
        Ok(paginate(
            PageArgs {
                after,
                before,
                first,
                last,
            },
            {
                let counting = query.clone();
                async move { Ok(counting.count(db).await?) }
            },
            |offset, limit| async move {
                let rows = query
                    .order_by_desc(ocpp_message::Column::Id)
                    .offset(offset)
                    .limit(limit)
                    .all(db)
                    .await?;
                Ok(rows.into_iter().map(OcppMessage).collect())
            },
        )
        .await?)
    }
}
