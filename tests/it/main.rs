//! Integration tests: the real server on port 0, real WebSocket stations, real databases
//! (SQLite always; PostgreSQL when `CHARGEGATE_TEST_POSTGRES_URL` is set) and the real Redis
//! (when `CHARGEGATE_TEST_REDIS_URL` is set). One test binary, with its own harness
//! (harness.rs): each test is a `#[chargegate_test]` saying what it needs, and a test whose
//! needs are not here is reported as skipped, with the reason.

// `#[chargegate_test]` in every module without an import.
#[macro_use]
extern crate chargegate_test_macros;

mod access_limits;
mod alerts;
mod api_accounts_driver;
mod api_auth;
mod api_budget;
mod api_commands;
mod api_console;
mod api_contract;
mod api_limits;
mod api_queries;
mod api_subscriptions;
mod audit;
mod cli;
mod cluster;
mod commands;
mod connections;
mod console;
mod console_assets;
mod docker_example;
mod faults;
mod frames;
mod gql;
mod handshake;
mod harness;
mod journal_limits;
mod journal_storage;
mod layers;
mod lifecycle;
mod limits_station;
mod meter_rollups;
mod metrics;
mod migrations;
mod ocpp201;
mod ocpp201_charging;
mod ocpp201_commands_a;
mod ocpp201_device_model;
mod ocpp201_firmware_events;
mod poison;
mod profiles;
mod proxy;
mod redis;
mod rest;
mod security_ext;
mod seed;
mod simulate;
mod station_auth;
mod support;
mod traces;
mod transactions;
mod uploads;

fn main() -> std::process::ExitCode {
    harness::main()
}
