#!/usr/bin/env bash
# Runs every test: installs what is missing (scripts/setup.sh), then
#   1. native domain tests (cargo test) and clippy's lints, warnings as errors,
#   2. the release build with Trunk (wasm-opt from npm binaryen) into dist/, and the
#      first-load size report against its budget (scripts/size-report.mjs),
#   3. the same release build for a sub-path, --public-url /cp/, into dist-cp/ (cargo's
#      output is reused: this step only reruns wasm-bindgen, wasm-opt and the hooks,
#      about 20 seconds),
#   4. the browser journeys in headless Debian chromium (Playwright) against dist/ at
#      the root and dist-cp/ under /cp/, including the interaction-speed budget
#      (tests/e2e/performance.spec.ts),
#   5. the Lighthouse budgets on the mobile profile (scripts/lighthouse.mjs).
# Steps 2 (size), 4 and 5 all run even if one of them fails, so every budget is reported;
# the script exits non-zero if any step fails. The budgets are summed up at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

failed=()
echo "[test] 1/5 native tests: cargo test --workspace"
cargo test --workspace --locked
# Clippy ships with rustup's default profile; a minimal install without it skips the lint.
if cargo clippy --version >/dev/null 2>&1; then
  echo "[test] 1/5 lints: cargo clippy --workspace --all-targets -D warnings"
  cargo clippy --workspace --all-targets --locked -- -D warnings
else
  echo "[test] 1/5 lints skipped: clippy is not installed (rustup component add clippy)"
fi

echo "[test] 2/5 release build: trunk build --release"
trunk build --release
node scripts/size-report.mjs || failed+=("first-load size")

echo "[test] 3/5 release build under a sub-path: trunk build --release --public-url /cp/ --dist dist-cp"
trunk build --release --public-url /cp/ --dist dist-cp

echo "[test] 4/5 browser tests: playwright (Debian chromium)"
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npx playwright test || failed+=("browser tests")

# After Playwright, which empties test-results/ when it starts.
echo "[test] 5/5 lighthouse: mobile profile, welcome and results pages"
node scripts/lighthouse.mjs || failed+=("lighthouse")

node scripts/budgets-summary.mjs || true
if [ ${#failed[@]} -gt 0 ]; then
  echo "[test] FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "[test] all passed"
