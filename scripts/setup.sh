#!/usr/bin/env bash
# Installs every tool the build and the tests need, from registries only (crates.io, npm,
# Debian, rustup). Idempotent: each step checks first, so a machine that has everything
# passes through in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

# The exact versions that fit together (see README, "Toolchain").
WASM_BINDGEN_VERSION=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')
TRUNK_VERSION=0.21.14
# The splitter of the app's wasm (scripts/build_app.py); its format is the one of the
# wasm_split_helpers that leptos's #[lazy] uses (0.2.x in Cargo.lock).
WASM_SPLIT_VERSION=0.2.4
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    log "adding $component"
    rustup component add "$component"
  fi
done

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  log "installing trunk $TRUNK_VERSION (a few minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" != "$WASM_BINDGEN_VERSION" ]; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes)"
  if ! cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked; then
    # Its lockfile can pin a webpki-roots release the registry no longer serves: build the
    # same source with that one dependency moved to a served version.
    log "locked install failed; retrying with webpki-roots pinned to a served release"
    src=$(ls -d "$HOME"/.cargo/registry/src/*/wasm-bindgen-cli-"$WASM_BINDGEN_VERSION" | head -n 1)
    work=$(mktemp -d)
    cp -r "$src"/. "$work"
    (cd "$work" && cargo update -p webpki-roots --precise 1.0.10 && cargo install --path . --locked)
    rm -rf "$work"
  fi
fi

if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  log "installing wasm-split-cli $WASM_SPLIT_VERSION (a minute)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  log "installing Debian's chromium and chromium-driver"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi

# The zh-TW tests print and lay out Chinese text: without a CJK font every glyph is a box of
# another width, and the print test's page count would measure the fallback, not the app.
if ! fc-list :lang=zh-tw 2>/dev/null | grep -q .; then
  log "installing Debian's fonts-noto-cjk (the zh-TW tests lay out Chinese text)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk
fi

# npm dev dependencies (Playwright, binaryen's wasm-opt) from the committed lockfile; the
# stamp makes this a no-op until package-lock.json changes.
mkdir -p .stamps
if [ ! -d node_modules ] || ! cmp -s package-lock.json .stamps/package-lock.json; then
  log "installing npm dev dependencies"
  npm ci --no-audit --no-fund
  cp package-lock.json .stamps/package-lock.json
fi

if ! wasm-opt --version 2>/dev/null | grep -q 'version 132'; then
  echo "wasm-opt 132 is missing from node_modules/.bin (npm package binaryen@132.0.0)" >&2
  exit 1
fi

if [ ! -f .stamps/cargo-fetch ] || [ Cargo.lock -nt .stamps/cargo-fetch ]; then
  log "fetching crates"
  cargo fetch
  cargo fetch --target wasm32-unknown-unknown
  touch .stamps/cargo-fetch
fi
log "tools ready"
