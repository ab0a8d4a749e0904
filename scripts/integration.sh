#!/usr/bin/env bash
# Scale-out integration test (test/scaleout): starts a throwaway PostgreSQL
# and a nats-server on free loopback ports in temporary directories, queues
# 2,000 generated Arabic articles, runs two 'marsad worker' processes,
# SIGKILLs one mid-run, and checks that every article is stored exactly once
# with the same events as a single-process 'marsad ingest', that poison
# inputs end up in the dead letters shown by the API, and that redelivered
# articles change nothing. MARSAD_INTEGRATION_ARTICLES=N runs a smaller one.
# Everything it starts is stopped and removed when it ends, pass or fail.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-scaleout-deps.sh

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/marsad" ./cmd/marsad
MARSAD_BIN="$work/marsad" go test -tags integration -run '^TestScaleOut$' -count=1 -timeout 30m -v ./test/scaleout/
