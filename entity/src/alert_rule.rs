//! An alert rule an operator set: what to watch (`kind`, with its thresholds), for which
//! stations, and who else is told by e-mail. Every enabled webhook receives every alert.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "alert_rules")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub name: String,
    /// `station_offline`, `connector_faulted`, `unexpected_boot`, `handshake_refused`,
    /// `security_event`, `session_started`, `session_stopped`, `budget_reached`,
    /// `certificate_expiring`.
    pub kind: String,
    pub enabled: bool,
    /// Only this station; every station when empty.
    pub station_id: Option<String>,
    /// `station_offline`: offline for longer than this; `handshake_refused`: the window.
    pub minutes: Option<i32>,
    /// `handshake_refused`: this many refusals of one station id within `minutes`.
    pub count: Option<i32>,
    /// `certificate_expiring`: this many days before the certificate's end.
    pub days: Option<i32>,
    /// E-mail addresses, comma-separated.
    pub email_to: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
