//! The GraphQL API: one schema for the operators' web app, the drivers' mobile app and
//! integrators. Queries read the database and the status cache, mutations call the use cases
//! and send remote commands, subscriptions follow the event bus.
//!
//! One module per use case, named after it (`api/firmware.rs` serves `use_case::firmware`),
//! merged into `Query`, `Mutation` and `Subscription`; [`build_schema`] is used by the server
//! and the tests alike. Nothing here touches a WebSocket frame of OCPP.

mod account;
mod alert;
mod audit;
mod budget;
mod charging_report;
mod command;
mod device_model;
mod document;
pub mod enums;
pub mod error;
mod firmware;
mod fleet;
mod guard;
mod http;
mod id_tag;
mod journal;
mod limits;
mod loaders;
mod local_list;
mod meter_rollup;
mod metrics;
mod pagination;
mod provisioning;
mod reservation;
mod schema;
mod security_ext;
mod smart_charging;
mod station;
mod station_credentials;
mod station_report;
mod subscription;
mod traces;
mod transaction;
mod usage;
mod ws;

pub use guard::Auth;
pub use http::{cors, routes};
pub use metrics::routes as metrics_routes;
pub use schema::{ChargegateSchema, Mutation, Query, Subscription, build_schema, sdl};
