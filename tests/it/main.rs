//! Integration tests: the real server on port 0, real WebSocket stations, real databases
//! (SQLite always; PostgreSQL when `CHARGEGATE_TEST_POSTGRES_URL` is set). One test binary.

mod cli;
mod commands;
mod frames;
mod handshake;
mod lifecycle;
mod seed;
mod support;
mod transactions;
