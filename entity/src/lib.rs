//! chargegate's SeaORM entities: one module per table, rows only (no API or OCPP types here),
//! and the packed form of meter samples ([`samples`]), shared with the migrations.
//!
//! Timestamps are UTC. OCPP enumerations are stored as their wire spelling (`Accepted`,
//! `Energy.Active.Import.Register`), so a row reads the same as the frame it came from.

pub mod account;
pub mod alert;
pub mod alert_delivery;
pub mod alert_reset;
pub mod alert_rule;
pub mod audit_log;
pub mod certificate_signing_request;
pub mod charging_limit;
pub mod charging_profile;
pub mod connector;
pub mod customer_information_report;
pub mod device_model_variable;
pub mod diagnostics_request;
pub mod energy_budget;
pub mod ev_charging_need;
pub mod evse_connector;
pub mod firmware_update;
pub mod id_tag;
pub mod local_auth_list;
pub mod local_auth_list_entry;
pub mod log_request;
pub mod log_status_notification;
pub mod meter_reading;
pub mod meter_rollup;
pub mod meter_rollup_day;
pub mod meter_rollup_stale_day;
pub mod meter_rollup_state;
pub mod meter_series;
pub mod meter_value;
pub mod ocpp_message;
pub mod reported_charging_profile;
pub mod reservation;
pub mod samples;
pub mod security_event;
pub mod signed_firmware_status_notification;
pub mod signed_firmware_update;
pub mod station;
pub mod station_event;
pub mod status_notification;
pub mod transaction;
pub mod transaction_register;
pub mod unmatched_stop;
pub mod upload_chunk;
pub mod variable_monitor;
pub mod webhook;
