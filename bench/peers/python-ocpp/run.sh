#!/usr/bin/env bash
# Runs the python-ocpp peer in the foreground: bench/peers/python-ocpp/run.sh PORT DBFILE
# (exec, so the caller's PID is the server's; SIGTERM/SIGINT stop it cleanly).
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 PORT DBFILE" >&2; exit 2; }
ulimit -n 20000
dir="$(cd "$(dirname "$0")" && pwd)"
exec "$dir/.venv/bin/python" "$dir/server.py" "$1" "$2"
