//! chargegate: an OCPP 1.6J central system for EV charging stations.
//!
//! The modules, in the order data flows through them:
//!
//! - [`ocpp`]: the wire. `server` checks the handshake at `/ocpp/{chargePointId}` and upgrades;
//!   `session` runs one task per station; `frame` parses `[2|3|4,…]` frames; `inbound` and
//!   `outbound` are the typed messages, decoded by `payload` with the pinned CallError mapping;
//!   `registry` knows which stations are connected here.
//! - [`station`], [`transaction`] and [`security`] (the Security Whitepaper's messages): the
//!   use cases. They decide the answers, write entities
//!   through the [`store`], update the [`cache`] and publish on the [`bus`].
//! - [`station_security`]: stations' security profiles and AuthorizationKey hashes, checked
//!   in the handshake by `ocpp::station_auth`; [`tls`] serves `wss://` on a second listener.
//! - [`journal_budget`]: what each station's connection may add to the message journal.
//! - [`store`]: SQLite or PostgreSQL through SeaORM; one batching writer (group commit).
//! - [`cache`]: live status behind a trait (in memory on one node; Redis for several).
//! - [`bus`]: events behind a trait (in-memory broadcast on one node; Redis pub/sub for
//!   several, which also routes commands to the node holding a station's socket).
//! - [`node`]: this node among several: presence refresh, cache repair, routed commands.
//! - [`commands`]: server → station commands with typed answers, timeouts and "offline";
//!   `OnBehalf` checks who may send what before sending.
//! - [`api`]: the GraphQL API (queries, mutations, subscriptions), with [`auth`] for tokens
//!   and roles, and the use cases it adds: [`accounts`], [`id_tags`], [`usage`].
//! - [`rest`]: the seed's `/api/v1/centralsystem` HTTP API, on the same command path.
//! - [`app`] builds all of this from [`config`] and [`serve`]s it (our accept loop: handshake
//!   caps, header and keep-alive timeouts); `main.rs` is the CLI, with
//!   [`health`] as the client side of `chargegate health`.
//! - [`simulate`] is the other side of the wire: `chargegate simulate`, a fleet of simulated
//!   stations (and GraphQL subscribers) for demos, setup checks and the benchmarks.

pub mod api;
pub mod app;
pub mod auth;
pub mod bus;
pub mod cache;
pub mod config;
pub mod context;
pub mod health;
pub mod link;
pub mod rest;
pub mod serve;
pub mod simulate;
pub mod store;
pub mod throttle;
pub mod use_case;

pub use app::App;
pub use config::Settings;
pub use context::Context;
