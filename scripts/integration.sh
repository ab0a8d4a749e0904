#!/usr/bin/env bash
# Scale-out integration test (test/scaleout): starts a throwaway PostgreSQL
# and a nats-server on free loopback ports in temporary directories, queues
# 2,000 generated Arabic articles, runs two 'marsad worker' processes,
# SIGKILLs one mid-run, and checks that every article is stored exactly once
# with the same events as a single-process 'marsad ingest', that poison
# inputs end up in the dead letters shown by the API, and that redelivered
# articles change nothing; and that wrong addresses give one clear line and
# exit status 2 in seconds. MARSAD_INTEGRATION_ARTICLES=N runs a smaller run.
# Everything it starts is stopped and removed when it ends, pass or fail.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-scaleout-deps.sh

work=$(mktemp -d)
# Every temporary directory of the test lives under $work, so that a test
# killed before its own cleanup (a timeout) leaves no server behind: the
# trap stops any PostgreSQL still running there. Worker and nats-server
# processes die with the test by themselves.
mkdir -p "$work/tmp"
chmod 755 "$work" "$work/tmp" # the throwaway PostgreSQL runs as "postgres"
cleanup() {
  for data in "$work"/tmp/marsad-pg-*/data; do
    [ -f "$data/postmaster.pid" ] || continue
    pg_ctl=$(ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -1)
    if [ "$(id -u)" -eq 0 ]; then
      runuser -u postgres -- "$pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
    else
      "$pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
    fi
  done
  rm -rf "$work"
}
trap cleanup EXIT
go build -o "$work/marsad" ./cmd/marsad
TMPDIR="$work/tmp" MARSAD_BIN="$work/marsad" go test -tags integration -run '^(TestScaleOut|TestConfigurationErrors)$' -count=1 -timeout "${MARSAD_INTEGRATION_TIMEOUT:-30m}" -v ./test/scaleout/
