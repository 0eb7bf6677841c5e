#!/usr/bin/env bash
# Runs the ocpp-rpc peer in the foreground: bench/peers/ocpp-rpc/run.sh PORT DBFILE
# (exec, so the caller's PID is the server's; SIGTERM/SIGINT stop it cleanly).
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 PORT DBFILE" >&2; exit 2; }
ulimit -n 20000
dir="$(cd "$(dirname "$0")" && pwd)"
exec node "$dir/server.js" "$1" "$2"
