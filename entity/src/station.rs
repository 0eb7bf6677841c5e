//! A charge point: its registration status, what it said in its last BootNotification and when
//! it was last seen.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "stations")]
pub struct Model {
    /// The charge point identity from the connection URL (percent-decoded).
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    /// `Accepted`, `Pending` or `Rejected`: what the next BootNotification is answered.
    pub registration_status: String,
    pub vendor: Option<String>,
    pub model: Option<String>,
    pub charge_point_serial_number: Option<String>,
    pub charge_box_serial_number: Option<String>,
    pub firmware_version: Option<String>,
    pub iccid: Option<String>,
    pub imsi: Option<String>,
    pub meter_type: Option<String>,
    pub meter_serial_number: Option<String>,
    pub firmware_status: Option<String>,
    pub firmware_status_at: Option<DateTimeUtc>,
    pub diagnostics_status: Option<String>,
    pub diagnostics_status_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub first_seen_at: Option<DateTimeUtc>,
    pub last_seen_at: Option<DateTimeUtc>,
    pub last_boot_at: Option<DateTimeUtc>,
    pub last_heartbeat_at: Option<DateTimeUtc>,
    /// The OCPP security profile (0–3) it must connect with; null: the configured default.
    pub security_profile: Option<i32>,
    /// `hmac-sha256$salt$mac` of its AuthorizationKey (the Basic password of profiles 1 and
    /// 2); never the key itself.
    pub authorization_key_hash: Option<String>,
    /// The operator's name for it (at most 100 characters).
    pub display_name: Option<String>,
    /// The operator's site (car park, building) it belongs to (at most 100 characters).
    pub site: Option<String>,
    /// The operator's address of it, free text (at most 300 characters).
    pub address: Option<String>,
    /// WGS 84 degrees; both or neither.
    #[sea_orm(column_type = "Double", nullable)]
    pub latitude: Option<f64>,
    #[sea_orm(column_type = "Double", nullable)]
    pub longitude: Option<f64>,
    /// The operator's note about it (at most 2000 characters).
    #[sea_orm(column_type = "Text", nullable)]
    pub note: Option<String>,
    /// The OCPP version of its latest connection, as its subprotocol named it: `1.6` or
    /// `2.0.1` (`1.6` for stations stored before 2.0.1 was supported).
    pub ocpp_version: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
