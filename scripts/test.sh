#!/usr/bin/env bash
# Runs every test: installs what is missing (scripts/setup.sh), then
#   1. native domain tests (cargo test),
#   2. the release build with Trunk (wasm-opt from npm binaryen) into dist/,
#   3. the same release build for a sub-path, --public-url /cp/, into dist-cp/ (cargo's
#      output is reused: this step only reruns wasm-bindgen, wasm-opt and the hooks,
#      about 20 seconds),
#   4. the browser journeys in headless Debian chromium (Playwright) against dist/ at
#      the root and dist-cp/ under /cp/.
# Exits non-zero if any step fails.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

echo "[test] 1/4 native tests: cargo test"
cargo test --locked

echo "[test] 2/4 release build: trunk build --release"
trunk build --release

echo "[test] 3/4 release build under a sub-path: trunk build --release --public-url /cp/ --dist dist-cp"
trunk build --release --public-url /cp/ --dist dist-cp

echo "[test] 4/4 browser tests: playwright (Debian chromium)"
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npx playwright test
