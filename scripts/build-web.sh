#!/usr/bin/env bash
# Rebuilds the web UI from web/src and the npm packages into
# internal/server/ui/dist (committed, so 'go build' alone needs no npm).
# With --check, builds into a temporary directory and fails if the
# committed build differs from the sources.
set -euo pipefail
cd "$(dirname "$0")/../web"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
if [ "${1:-}" = "--check" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  MARSAD_UI_DIST="$tmp/dist" node build.mjs >/dev/null
  if ! diff -r "$tmp/dist" ../internal/server/ui/dist >/dev/null; then
    echo "internal/server/ui/dist is stale: run scripts/build-web.sh and commit the result" >&2
    diff -rq "$tmp/dist" ../internal/server/ui/dist >&2 || true
    exit 1
  fi
  echo "web UI build is current"
else
  node build.mjs
fi
