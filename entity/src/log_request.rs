//! A GetLog request sent to a station and its answer; LogStatusNotifications refer to it by
//! `(station_id, request_id)`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "log_requests")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub station_id: String,
    /// The `requestId` sent: the operator's, or this row's `id` when none was given.
    pub request_id: i32,
    /// `DiagnosticsLog` or `SecurityLog`.
    pub log_type: String,
    pub remote_location: String,
    pub oldest_timestamp: Option<DateTimeUtc>,
    pub latest_timestamp: Option<DateTimeUtc>,
    pub retries: Option<i32>,
    pub retry_interval: Option<i32>,
    pub requested_by: String,
    pub requested_at: DateTimeUtc,
    /// The station's answer (`Accepted`, `Rejected`, `AcceptedCanceled`); absent while waiting
    /// or when the request failed.
    pub status: Option<String>,
    pub filename: Option<String>,
    /// Why no answer came (offline, timeout, CALLERROR, invalid answer).
    pub error: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
