//! The use cases: what chargegate does, whoever asks. Each takes typed requests (OCPP messages
//! from `ocpp::v16`, or an API caller's arguments through [`command::OnBehalf`]) and returns
//! typed answers; they write entities through the store, update the status cache and publish
//! on the bus. They know nothing of sockets, frames, GraphQL or HTTP.
//!
//! One file per domain, named in the singular; the API file that serves a domain has the same
//! name (`use_case/id_tag.rs` and `api/id_tag.rs`).

pub mod account;
pub mod alert;
pub mod audit;
pub mod budget;
pub mod charging_report;
pub mod command;
pub mod device_model;
pub mod firmware;
pub mod fleet;
pub mod id_tag;
pub mod local_list;
pub mod meter_rollup;
pub mod provisioning;
pub mod reservation;
pub mod security_ext;
pub mod smart_charging;
pub mod station;
pub mod station_credentials;
pub mod station_report;
pub mod transaction;
pub mod transaction_event;
pub mod usage;
