//! The OCPP message journal in the API: every frame a station sent or was sent, newest first,
//! in pages bounded by `--journal-page-bytes` of payload.

use async_graphql::{Context, Enum, ID, Object, Result};
use chrono::{DateTime, Utc};

use super::{
    guard::{app, staff, station_access},
    pagination::{Page, PageArgs, paginate_window},
};
use crate::store::{
    self,
    journal::{JournalFilter, JournalRead, PageBounds, Window},
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
pub struct OcppMessage(pub JournalRead);

#[Object]
impl OcppMessage {
    /// The frame's id: its journal row's number; an answer stored in its CALL's row (the
    /// answer was the station's next frame) has that row's number followed by `.1`.
    async fn id(&self) -> ID {
        ID(self.0.id.clone())
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
    /// The frame as it was on the wire; when `truncated`, only its first bytes (at most
    /// `--journal-max-frame`, cut at a character boundary), so not always valid JSON.
    async fn payload(&self) -> &str {
        &self.0.payload
    }
    /// Whether `payload` holds only the start of the frame.
    async fn truncated(&self) -> bool {
        self.0.truncated
    }
    /// Bytes of the whole frame as received or sent (UTF-8).
    async fn size(&self) -> i64 {
        self.0.size
    }
    /// SHA-256 of the whole frame (64 lowercase hexadecimal digits) when it was cut before
    /// being stored; empty when `payload` is the whole frame, and for frames stored whole and
    /// cut only when read.
    async fn sha256(&self) -> Option<&str> {
        self.0.sha256.as_deref()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

#[derive(Default)]
pub struct JournalQuery;

#[Object]
impl JournalQuery {
    /// The journal of one station, newest first; filtered by action and direction. A page
    /// carries at most `--journal-page-bytes` of payload: it holds fewer nodes than asked when
    /// they would not fit (`hasNextPage`, or `hasPreviousPage` with `last`, then says more
    /// follow). Frames skipped by a station's journal budget are counted in rows of action
    /// `JournalSkipped`, payload `{"skippedFrames":N,"skippedBytes":B}`.
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
        let filter = JournalFilter {
            station_id: station_id.to_string(),
            action,
            direction: direction.map(|d| match d {
                Direction::In => store::Direction::In,
                Direction::Out => store::Direction::Out,
            }),
        };
        let app = app(ctx);
        let store = &app.store;
        let limits = &app.settings.limits;
        let bounds = PageBounds {
            frame: limits.journal_max_frame.bytes(),
            page: limits.journal_page_bytes.bytes(),
        };
        let filter = &filter;
        Ok(paginate_window(
            PageArgs {
                after,
                before,
                first,
                last,
            },
            async { Ok(store.journal_count(filter).await?) },
            |offset, limit, from_end| async move {
                let window = Window {
                    offset,
                    limit,
                    from_end,
                };
                let rows = store.journal_page(filter, window, bounds).await?;
                Ok(rows.into_iter().map(OcppMessage).collect())
            },
        )
        .await?)
    }
}
