//! The OCPP protocol as values: no sockets, no runtime, no database (this crate depends on
//! serde, serde_json, serde_path_to_error, chrono and thiserror only, and the compiler keeps it so).
//!
//! - [`rpc`]: OCPP-J's frames, CallError codes, payload decoding with its error mapping, the
//!   `Command` trait and the transport-neutral `CommandError`; shared by every OCPP version.
//! - [`types`]: what every version shares: bounded strings, date-times, text without NUL, the
//!   empty payload, and the macro that declares an enumeration with its wire spellings.
//! - [`v16`]: OCPP 1.6's messages by feature profile, the Security Whitepaper's messages, Smart
//!   Charging data and its rules, and the list of actions known in each direction.
//! - [`v201`]: OCPP 2.0.1's messages (all 64 actions, both directions) by functional block, the
//!   data types they share, what a station may send, and the actions known in each direction.
//!
//! Each version is its own module on the same `rpc`.

pub mod rpc;
pub mod types;
pub mod v16;
pub mod v201;
