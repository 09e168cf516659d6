#!/usr/bin/env bash
# Runs every test: installs what is missing (scripts/setup.sh), then
#   1. native domain tests (cargo test),
#   2. the release build with Trunk (wasm-opt from npm binaryen),
#   3. the browser journeys in headless Debian chromium (Playwright) against dist/.
# Exits non-zero if any step fails.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

echo "[test] 1/3 native tests: cargo test"
cargo test --locked

echo "[test] 2/3 release build: trunk build --release"
trunk build --release

echo "[test] 3/3 browser tests: playwright (Debian chromium)"
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npx playwright test
