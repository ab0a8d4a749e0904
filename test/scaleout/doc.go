// Package scaleout holds marsad's scale-out integration test and queue
// benchmark: real PostgreSQL and nats-server processes, the real marsad
// binary as worker processes, one of them killed mid-run. They need the
// "integration" build tag and are run by scripts/integration.sh and
// scripts/bench-queue.sh, which install what they need; a plain
// 'go test ./...' compiles nothing here.
package scaleout
