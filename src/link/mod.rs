//! The station link: everything about a station's connection. The OCPP-J endpoint
//! (`/ocpp/{chargePointId}`) and its handshake checks, the TLS listener, one session task per
//! station, the registry of stations connected to this node, this node among several, the
//! journal and byte budgets of a connection, the diagnostics upload endpoint, and `dispatch`,
//! the one place that maps a station's request to a use case.
//!
//! The messages themselves are values of the `ocpp` crate; the use cases take typed requests
//! and return typed answers and know nothing of sockets or frames.

pub mod answer;
pub mod authentication;
pub mod budget;
pub mod command;
pub mod dispatch;
pub mod dispatch_v201;
pub mod endpoint;
pub mod journal_budget;
pub mod journal_pairing;
pub mod node;
pub mod registry;
pub mod session;
pub mod state;
pub mod tls;
pub mod upload;

pub use state::{Link, of};
