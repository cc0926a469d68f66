#!/usr/bin/env bash
# `make bench`: measures dist/ (already built) side by side with the build it started from.
# BENCH_BASE names that build's git revision; by default the last commit when the work tree
# has changes, else the commit before it. It is built once per revision into
# target/bench-base/<revision>/dist, with a target directory of its own, so a rerun costs
# nothing and never touches this build's artifacts (which the size breakdown reads).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
# The tools scripts/setup.sh installed, as `make` finds them.
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"
base=${BENCH_BASE:-}
if [ -z "$base" ]; then
  if git diff --quiet HEAD --; then base=HEAD~1; else base=HEAD; fi
fi
sha=$(git rev-parse --short=12 "$base^{commit}")
dir=$root/target/bench-base/$sha
if [ ! -f "$dir/dist/index.html" ]; then
  echo "Building the base build $sha ($base) for the comparison…"
  rm -rf "$dir"
  mkdir -p "$dir/src"
  git archive "$sha" | tar -x -C "$dir/src"
  (cd "$dir/src" && CARGO_TARGET_DIR=$root/target/bench-base/target \
    trunk build --release --offline --dist "$dir/dist")
fi
BENCH_BASE_DIST=$dir/dist BENCH_BASE_NAME="$sha" node scripts/bench.mjs
