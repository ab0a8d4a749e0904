#!/usr/bin/env bash
# Browser end-to-end tests of the web UI: installs Chromium, fonts and
# playwright-core if missing, builds marsad, loads the test fixtures into a
# fresh database, serves it on loopback and runs e2e/ui.test.mjs.
# Screenshots go to artifacts/e2e/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

scripts/install-e2e-deps.sh
scripts/build-web.sh --check

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/marsad" ./cmd/marsad
"$work/marsad" ingest --quiet --db "$work/e2e.db" internal/store/testdata/fixtures.jsonl
"$work/marsad" serve --db "$work/e2e.db" --addr 127.0.0.1:0 > "$work/serve.log" 2>&1 &
server_pid=$!
url=""
for _ in $(seq 1 100); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.log" | head -1 || true)
  [ -n "$url" ] && break
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "e2e: marsad serve did not start:" >&2
  cat "$work/serve.log" >&2
  exit 1
fi

mkdir -p artifacts/e2e
cd e2e
MARSAD_URL="$url" ARTIFACTS="$root/artifacts/e2e" node --test --test-concurrency=1 ui.test.mjs
