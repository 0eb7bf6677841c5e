#!/usr/bin/env bash
# Installs the ocpp-rpc peer's dependencies (idempotent). better-sqlite3 is built from source
# against the system Node headers (/usr/include/node), since its prebuilt binaries come from
# GitHub, which is not reachable here.
set -euo pipefail
cd "$(dirname "$0")"
if ! node -e "require('better-sqlite3')(':memory:'); require('ocpp-rpc')" 2>/dev/null; then
  export npm_config_nodedir="${npm_config_nodedir:-/usr}"
  npm ci --no-audit --no-fund
  # npm may skip install scripts it has not been told to allow: build the addon explicitly then.
  node -e "require('better-sqlite3')(':memory:')" 2>/dev/null || npm rebuild better-sqlite3
  node -e "require('better-sqlite3')(':memory:'); require('ocpp-rpc')"
fi
echo "ocpp-rpc peer ready"
