//! The OCPP protocol as values: no sockets, no runtime, no database (this crate depends on
//! serde, serde_json, serde_path_to_error, chrono and thiserror only, and the compiler keeps it so).
//!
//! - [`rpc`]: OCPP-J's frames, CallError codes, payload decoding with its error mapping, the
//!   `Command` trait and the transport-neutral `CommandError`; shared by every OCPP version.
//! - [`v16`]: OCPP 1.6's messages by feature profile, the Security Whitepaper's messages, Smart
//!   Charging data and its rules, and the list of actions known in each direction.
//!
//! A later version sits beside `v16` as its own module (`v201`), on the same `rpc`.

pub mod rpc;
pub mod types;
pub mod v16;
