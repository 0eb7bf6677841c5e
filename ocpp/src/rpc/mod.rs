//! OCPP-J's remote procedure calls, whatever the OCPP version: the versions (subprotocols),
//! frames (`[2|3|4,…]`), CallError codes with each version's spelling, decoding a payload into
//! a type with each violation mapped to its CallError code, and the [`Command`] trait with its
//! transport-neutral [`CommandError`].

pub mod command;
pub mod error;
pub mod frame;
pub mod payload;
pub mod version;

pub use command::{Command, CommandError};
pub use error::{CallError, ErrorCode};
pub use payload::{Payload, decode, violation};
pub use version::Version;
