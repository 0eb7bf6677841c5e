//! OCPP-J's remote procedure calls, whatever the OCPP version: frames (`[2|3|4,…]`), CallError
//! codes, decoding a payload into a type with each violation mapped to its CallError code, and
//! the [`Command`] trait with its transport-neutral [`CommandError`].

pub mod command;
pub mod error;
pub mod frame;
pub mod payload;

pub use command::{Command, CommandError};
pub use error::{CallError, ErrorCode};
pub use payload::{Payload, decode, violation};
