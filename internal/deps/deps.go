//go:build deps

// Package deps pins the modules that marsad's packages adopt while they are being written.
package deps

import (
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ar"
	_ "github.com/jackc/pgx/v5"
	_ "github.com/markusmobius/go-trafilatura"
	_ "github.com/nats-io/nats-server/v2/server"
	_ "github.com/nats-io/nats.go"
	_ "github.com/nats-io/nats.go/jetstream"
	_ "modernc.org/sqlite"
)
