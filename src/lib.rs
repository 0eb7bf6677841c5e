//! chargegate: an OCPP 1.6J central system for EV charging stations.
//!
//! The modules, in the order data flows through them. They are built in layers (foundation,
//! [`context`], [`use_case`], the adapters [`link`], [`api`], [`rest`] and [`web`], then
//! [`app`]), each
//! importing only from those below it: see `ARCHITECTURE.md`, "Layers", checked by
//! `tests/it/layers.rs`.
//!
//! - [`serve`]: our accept loop in front of every route (handshake caps, header and keep-alive
//!   timeouts, TLS connections with their [`serve::TlsPeer`]).
//! - [`link`]: the station link. [`link::endpoint`] checks the handshake at
//!   `/ocpp/{chargePointId}` ([`link::authentication`]: security profiles; [`link::tls`] serves
//!   `wss://` on a second listener) and upgrades; [`link::session`] runs one task per station,
//!   within its [`link::journal_budget`] and the shared byte [`link::budget`];
//!   [`link::dispatch`] hands each request to its use case; [`link::registry`] knows which
//!   stations are connected here, [`link::command`] sends them commands (here, or through the
//!   bus to the node holding the socket), [`link::node`] is this node among several;
//!   [`link::upload`] receives diagnostics files.
//! - The [`ocpp`] crate: the wire as values, without I/O. [`ocpp::rpc`] parses `[2|3|4,…]`
//!   frames, decodes payloads with the pinned CallError mapping and defines the `Command` trait
//!   and `CommandError`; [`ocpp::v16`] holds OCPP 1.6's messages by feature profile, the
//!   Security Whitepaper's, and `Request::parse`, what a station may send.
//! - [`use_case`]: what chargegate does, whoever asks. [`use_case::station`] and
//!   [`use_case::transaction`] answer the stations' messages, with [`use_case::security_ext`]
//!   (the Security Whitepaper's); the feature profiles ([`use_case::firmware`],
//!   [`use_case::local_list`], [`use_case::reservation`], [`use_case::smart_charging`]),
//!   [`use_case::station_credentials`] (security profiles and AuthorizationKeys),
//!   [`use_case::account`], [`use_case::id_tag`] and [`use_case::usage`] serve the APIs;
//!   [`use_case::command`] sends typed commands, `OnBehalf` checking who may send what. They
//!   decide the answers, write entities through the [`store`], update the [`cache`] and publish
//!   on the [`bus`], and reach stations through the [`context::Stations`] port.
//! - [`context`]: the [`Context`] they all share: settings, store, cache, bus, the `Stations`
//!   port (which the link implements), token keys, the [`throttle`]s and the credentials loader.
//! - [`store`]: SQLite or PostgreSQL through SeaORM; batching writers (group commit).
//! - [`cache`]: live status behind a trait (in memory on one node; Redis for several).
//! - [`bus`]: events behind a trait (in-memory broadcast on one node; Redis pub/sub for
//!   several, which also routes commands to the node holding a station's socket).
//! - [`throttle`]: failed station and API logins, new stations per address; in memory.
//! - [`api`]: the GraphQL API (queries, mutations, subscriptions), with [`auth`] for tokens
//!   and roles.
//! - [`notify`]: alerts going out (webhooks, e-mail) from the alerts' outbox.
//! - [`rest`]: the seed's `/api/v1/centralsystem` HTTP API, on the same command path.
//! - [`web`]: the operators' console at `/` and GraphiQL at `GET /graphql`, built by Vite into
//!   `web/dist` and embedded in the binary, served with their caching and a strict CSP.
//! - [`app`] opens the [`Context`] from [`config`] ([`app::open`]), builds the router and
//!   [`serve`]s it; `main.rs` is the CLI, with [`health`] as the client side of
//!   `chargegate health`.
//! - [`simulate`] is the other side of the wire: `chargegate simulate`, a fleet of simulated
//!   charge points (and GraphQL subscribers) for demos, setup checks and the benchmarks.

pub mod api;
pub mod app;
pub mod auth;
pub mod bus;
pub mod cache;
pub mod config;
pub mod context;
pub mod health;
pub mod link;
pub mod metrics;
pub mod notify;
pub mod rest;
pub mod serve;
pub mod simulate;
pub mod store;
pub mod throttle;
pub mod traces;
pub mod use_case;
pub mod web;

pub use app::App;
pub use config::Settings;
pub use context::Context;
