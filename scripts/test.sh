#!/usr/bin/env bash
# Runs every test: installs what is missing (scripts/setup.sh), then
#   1. native domain tests (cargo test),
#   2. the release build with Trunk (wasm-opt from npm binaryen),
#   3. the browser journeys in headless Debian chromium (Playwright) against dist/,
#      including the interaction-speed budget (tests/e2e/performance.spec.ts),
#   4. the Lighthouse budgets on the mobile profile (scripts/lighthouse.mjs).
# Steps 3 and 4 both run even if one of them fails, so every budget is reported; the
# script exits non-zero if any step fails. The budgets are summed up at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

echo "[test] 1/4 native tests: cargo test"
cargo test --locked

echo "[test] 2/4 release build: trunk build --release"
trunk build --release

failed=()
echo "[test] 3/4 browser tests: playwright (Debian chromium)"
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npx playwright test || failed+=("browser tests")

# After Playwright, which empties test-results/ when it starts.
echo "[test] 4/4 lighthouse: mobile profile, welcome and results pages"
node scripts/lighthouse.mjs || failed+=("lighthouse")

node scripts/budgets-summary.mjs || true
if [ ${#failed[@]} -gt 0 ]; then
  echo "[test] FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "[test] all passed"
