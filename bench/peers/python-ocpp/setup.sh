#!/usr/bin/env bash
# Installs the python-ocpp peer's pinned dependencies into .venv beside this file (idempotent).
set -euo pipefail
cd "$(dirname "$0")"
[ -x .venv/bin/python ] || python3 -m venv .venv
if ! .venv/bin/pip freeze 2>/dev/null | grep -v '^#' | sort | cmp -s - <(grep -v '^#' requirements.txt | sort); then
  .venv/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
fi
.venv/bin/python -c "import ocpp.v16, websockets.asyncio.server"
echo "python-ocpp peer ready"
