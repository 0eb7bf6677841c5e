#!/usr/bin/env bash
# Resident memory of chargegate per idle connected station (SQLite, in-memory cache).
# Usage: bench/idle-memory.sh [stations]   (default 10000; this machine allows 20,000 open files
# per process, and the client needs as many as the server)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"
port=3917
work=$(mktemp -d)
server=; warm=; client=
trap 'kill $server $warm $client 2>/dev/null || true; rm -rf "$work"' EXIT

cargo build --release --quiet --bin chargegate --example idle-stations
ulimit -n 20000 || true
rss() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }

RUST_LOG=warn target/release/chargegate serve --listen "127.0.0.1:$port" \
  --database-url "sqlite://$work/bench.db" &
server=$!
sleep 1
# Warm-up: a first batch of stations brings pools, caches and the allocator to their steady
# state; then the increase for N more is measured.
target/release/examples/idle-stations "ws://127.0.0.1:$port/ocpp" 200 3600 warm >/dev/null &
warm=$!
sleep 3
before=$(rss "$server")
target/release/examples/idle-stations "ws://127.0.0.1:$port/ocpp" "$n" 3600 idle >"$work/client.out" &
client=$!
until grep -q connected= "$work/client.out"; do sleep 0.5; done
cat "$work/client.out"
sleep 5
after=$(rss "$server")
awk -v n="$n" -v b="$before" -v a="$after" \
  'BEGIN { printf "stations=%d rss_before_kib=%d rss_after_kib=%d per_station_kib=%.2f\n", n, b, a, (a - b) / n }'
