//! OCPP 2.0.1: every message of the 64 actions, request and response, by functional block
//! (`v201::provisioning::BootNotificationRequest`, also reachable as
//! `v201::BootNotificationRequest`), the data types and enumerations they share ([`types`]),
//! [`Request`] (what a station may send) and the actions known in each direction
//! ([`actions`]).
//!
//! Messages are `<Action>Request` / `<Action>Response`; every request the CSMS sends implements
//! [`Command`](crate::rpc::Command). All messages are read strictly (`deny_unknown_fields`,
//! bounded strings, enums as on the wire, list lengths and integer ranges of the schemas);
//! vendor data goes in `customData`, which every object accepts and keeps.

/// Implements [`Command`](crate::rpc::Command) for a request: its action and its answer.
macro_rules! command {
    ($request:ty => $response:ty, $action:literal) => {
        impl $crate::rpc::Command for $request {
            const ACTION: &'static str = $action;
            const VERSION: $crate::rpc::Version = $crate::rpc::Version::V201;
            type Response = $response;
        }
    };
}

pub mod actions;
pub mod authorization;
pub mod availability;
pub mod data_transfer;
pub mod diagnostics;
pub mod display;
pub mod firmware;
pub mod iso15118;
pub mod local_auth_list;
pub mod meter_values;
pub mod provisioning;
pub mod remote_control;
pub mod request;
pub mod reservation;
pub mod security;
pub mod smart_charging;
pub mod tariff_cost;
pub mod transactions;
pub mod types;

pub use authorization::*;
pub use availability::*;
pub use data_transfer::*;
pub use diagnostics::*;
pub use display::*;
pub use firmware::*;
pub use iso15118::*;
pub use local_auth_list::*;
pub use meter_values::*;
pub use provisioning::*;
pub use remote_control::*;
pub use request::{Bounds, Request};
pub use reservation::*;
pub use security::*;
pub use smart_charging::*;
pub use tariff_cost::*;
pub use transactions::*;
pub use types::*;
