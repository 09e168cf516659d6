#!/usr/bin/env bash
# Serves the app locally with live rebuilds: installs what is missing (scripts/setup.sh),
# then runs Trunk. Open the URL it prints (default http://127.0.0.1:8080/).
# Usage: scripts/serve.sh [--release] [extra trunk serve flags]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
echo "[serve] starting Trunk; it serves at http://127.0.0.1:8080/ unless you passed --port (Ctrl+C to stop)"
exec trunk serve "$@"
