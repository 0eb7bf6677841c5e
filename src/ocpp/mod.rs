//! The OCPP-J 1.6 wire: frames, CallError codes, typed messages in both directions, and the
//! WebSocket endpoint with one session per connected station.
//!
//! Nothing here knows about GraphQL or HTTP APIs; the use cases (`station`, `transaction`) are
//! called with typed requests and return typed answers.

pub mod budget;
pub mod charging;
pub mod error;
pub mod frame;
pub mod inbound;
pub mod outbound;
pub mod payload;
pub mod registry;
pub mod security;
pub mod server;
pub mod session;
pub mod station_auth;
pub mod types;
