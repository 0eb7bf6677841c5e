//! A GetDiagnostics request and, when the station uploaded to chargegate itself, the file it
//! sent.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "diagnostics_requests")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub station_id: String,
    /// The secret in the upload URL given to the station (absent when the operator gave a
    /// location elsewhere).
    pub token: Option<String>,
    pub location: String,
    pub start_time: Option<DateTimeUtc>,
    pub stop_time: Option<DateTimeUtc>,
    /// The file name the station announced in its answer.
    pub file_name: Option<String>,
    pub requested_by: Option<String>,
    pub requested_at: DateTimeUtc,
    /// The name the upload carried.
    pub uploaded_name: Option<String>,
    /// Where the uploaded file is stored, relative to the upload directory.
    pub stored_path: Option<String>,
    pub size: Option<i64>,
    pub uploaded_at: Option<DateTimeUtc>,
    /// When the upload address stops working (set with `token`; null on requests made before
    /// it was recorded, which expire `--upload-ttl` after `requested_at`).
    pub upload_expires_at: Option<DateTimeUtc>,
    /// OCPP 2.0.1 (sent as GetLog of its DiagnosticsLog): the `requestId` sent, which the
    /// station's LogStatusNotifications carry (null for 1.6).
    pub request_id: Option<i32>,
    /// OCPP 2.0.1: the station's answer (`Accepted`, `Rejected`, `AcceptedCanceled`; null for
    /// 1.6).
    pub status: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
