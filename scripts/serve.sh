#!/usr/bin/env bash
# Serves the app locally with live rebuilds: installs what is missing (scripts/setup.sh),
# then runs Trunk. Open the URL it prints (default http://127.0.0.1:8080/).
# Usage: scripts/serve.sh [--release] [extra trunk serve flags]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# The dev server builds into a folder of its own, so dist/ stays what `trunk build --release`
# made (a served build carries Trunk's live-reload script and must never be deployed), and
# scripts/csp.mjs leaves its index.html without a Content-Security-Policy, which would block
# that inline script in a --release serve.
export CP_DEV_SERVER=1
dist=(--dist target/serve-dist)
for arg in "$@"; do
  case "$arg" in --dist|--dist=*) dist=() ;; esac
done
echo "[serve] starting Trunk; it serves at http://127.0.0.1:8080/ unless you passed --port (Ctrl+C to stop)"
echo "[serve] a --release build spends about 2 minutes after cargo splitting and optimising the wasm before it answers"
exec trunk serve "${dist[@]}" "$@"
