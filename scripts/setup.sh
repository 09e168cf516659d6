#!/usr/bin/env bash
# Installs every tool the project needs, idempotently: each step is skipped when the
# right version is already there. Only package registries are used (crates.io, npm,
# Debian); nothing downloads a prebuilt binary from elsewhere.
# Versions and the reasons for them: docs/toolchain.md.
# Usage: scripts/setup.sh [--build-only]
#   --build-only: only what a release build needs (no chromium, driver or fonts for the
#   browser tests), e.g. for a deploy job (.github/workflows/pages.yml).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_ONLY=false
[ "${1:-}" = "--build-only" ] && BUILD_ONLY=true

TRUNK_VERSION=0.21.14
# wasm-split-cli, the code splitter of scripts/wasm-split.mjs (crate wasm_split_cli_support,
# the one cargo-leptos uses; it matches the wasm_split_helpers that Leptos 0.8 links in).
WASM_SPLIT_VERSION=0.2.4
# Must equal the wasm-bindgen version in Cargo.lock (pinned with "=" in Cargo.toml).
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)

say() { printf '[setup] %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"
for tool in cargo rustup node npm; do
  command -v "$tool" >/dev/null || { echo "[setup] $tool is missing: install Rust (rustup) and Node.js 20+ first" >&2; exit 1; }
done

# Debian chromium + chromedriver for the browser tests, and a small CJK font so that
# screenshots of the Chinese pages show characters, not empty boxes.
if $BUILD_ONLY; then
  say "--build-only: skipping chromium, chromium-driver and fonts"
elif ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
   || [ ! -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; then
  say "installing Debian chromium, chromium-driver and fonts-wqy-microhei"
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei >/dev/null
else
  say "chromium and fonts present"
fi

# Rust target for the browser.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
else
  say "wasm32-unknown-unknown present"
fi

# Trunk 0.21.x (0.22 needs a newer rustc than this machine has).
if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 12 minutes on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
else
  say "trunk $TRUNK_VERSION present"
fi

# wasm-bindgen-cli at exactly the library's version. Not --locked: its lock file names a
# crate version the registry here does not serve.
if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
else
  say "wasm-bindgen-cli $WASM_BINDGEN_VERSION present"
fi

# wasm-split-cli: splits the wasm at the app's split points (src/routes.rs) between cargo
# and wasm-bindgen, which Trunk cannot do itself (scripts/wasm-split.mjs).
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:" \
   || ! command -v wasm-split-cli >/dev/null; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (about 2 minutes)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
else
  say "wasm-split-cli $WASM_SPLIT_VERSION present"
fi

# Node dependencies (binaryen's wasm-opt, Playwright) from the committed lock file.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/@playwright/test ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing node dependencies (npm ci)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
else
  say "node dependencies present"
fi

# Crates for the offline Trunk build.
cargo fetch --quiet
say "done"
