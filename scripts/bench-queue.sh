#!/usr/bin/env bash
# Queue benchmark (test/scaleout BenchmarkQueue): articles per second from
# queued to stored, with 1 and 2 workers, on the embedded path (NATS in the
# process + SQLite) and against PostgreSQL (standalone nats-server, fsync
# on), next to a plain 'marsad ingest' into SQLite. Installs postgresql and
# nats-server from Debian when missing. ARTICLES=N sets the articles per
# case (default 1000).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-scaleout-deps.sh
go test -tags integration -run '^$' -bench '^BenchmarkQueue$' -benchtime "${ARTICLES:-1000}x" -count 1 -timeout 30m \
  ./test/scaleout/ | grep -E 'articles/s|^(ok|FAIL|goos|cpu:)'
