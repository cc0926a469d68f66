#!/usr/bin/env bash
# Times `hindsight check` and `hindsight site` over 2,000 generated postmortems on one core
# (goal: 5 s each), with the release build. The figures go in the README; nothing is
# asserted.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --release -p hindsight-cli --test bench -- --ignored --nocapture
