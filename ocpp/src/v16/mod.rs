//! OCPP 1.6 (with the errata and the Security Whitepaper, edition 2): every message by the
//! feature profile that defines it, the data types they share, and [`Request`], what a station
//! may send. Each message's type is reachable both by its profile (`v16::core::Reset`) and
//! directly (`v16::Reset`).

/// Implements [`Command`](crate::rpc::Command) for a request: its action and its answer.
macro_rules! command {
    ($request:ty => $response:ty, $action:literal) => {
        impl $crate::rpc::Command for $request {
            const ACTION: &'static str = $action;
            const VERSION: $crate::rpc::Version = $crate::rpc::Version::V16;
            type Response = $response;
        }
    };
}

pub mod actions;
pub mod core;
pub mod firmware;
pub mod local_auth_list;
pub mod remote_trigger;
pub mod request;
pub mod reservation;
pub mod security_ext;
pub mod smart_charging;
pub mod types;

pub use self::core::*;
pub use firmware::*;
pub use local_auth_list::*;
pub use remote_trigger::*;
pub use request::{Bounds, Request};
pub use reservation::*;
pub use smart_charging::*;
pub use types::*;

#[cfg(test)]
mod tests;
