#!/usr/bin/env bash
# Durable MeterValues ingestion on SQLite: N stations in a closed loop for D seconds, each message
# with 5 sampled values; then the stored rows are counted (nothing acknowledged may be missing).
# Usage: bench/meter-load.sh [stations] [seconds] [full|normal]   (defaults: 200 20 full)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-200}"; seconds="${2:-20}"; sync="${3:-full}"
port=3918
work=$(mktemp -d)
server=
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT

cargo build --release --quiet --bin chargegate --example meter-load
RUST_LOG=warn target/release/chargegate serve --listen "127.0.0.1:$port" \
  --database-url "sqlite://$work/bench.db" --sqlite-synchronous "$sync" &
server=$!
sleep 1
result=$(target/release/examples/meter-load "ws://127.0.0.1:$port/ocpp" "$n" "$seconds")
echo "$result sqlite_synchronous=$sync"
kill -INT "$server"; wait "$server" || true; server=
acknowledged=$(sed -E 's/.*messages=([0-9]+).*/\1/' <<<"$result")
stored=$(sqlite3 "$work/bench.db" "select count(*) from meter_values")
echo "acknowledged_messages=$acknowledged stored_rows=$stored expected_rows=$((acknowledged * 5))"
[ "$stored" -ge "$((acknowledged * 5))" ] || { echo "ROWS MISSING"; exit 1; }
