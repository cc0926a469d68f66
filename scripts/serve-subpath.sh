#!/usr/bin/env bash
# Serves dist/ under a sub-path (/hindsight/) of a plain static server with no rewrite
# rules, as GitHub Pages would: deep links must work without the server's help.
set -euo pipefail
port=${1:-8081}
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
cp -r "$(dirname "$0")/../dist" "$root/hindsight"
cd "$root"
exec python3 -m http.server "$port" --bind 127.0.0.1
