// Package postgres is the store for many machines: PostgreSQL through pgx,
// holding the same tables as the SQLite store, with full-text search over
// marsad's own normalised, clitic-free forms (textindex) kept in tsvector
// columns built with no dictionary at all — PostgreSQL's Arabic
// configuration folds neither diacritics nor clitics. Bounding-box queries
// use PostGIS when the database has it and plain range predicates
// otherwise. Any number of processes may write at once: documents are keyed
// by content hash and events by id under unique constraints, so a document
// stored twice, or by two workers at once, is stored once.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"net"
	"runtime"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/marsad/marsad/internal/store"
)

// Store is a store.Store in a PostgreSQL database.
type Store struct {
	pool *pgxpool.Pool
	// text is a second pool for full-text queries, whose sessions do not
	// scan tables sequentially: the planner prices a sequential scan
	// without the cost of unpacking every row's tsvector, and so picks it
	// over the GIN index even for a rare word, at many times the cost.
	text *pgxpool.Pool
	// postgis is true when the events table has a PostGIS point column.
	postgis bool
	// rankLimit and maxTotal are store.RankLimit and store.MaxSearchTotal;
	// tests lower them to reach both search orderings with few documents.
	rankLimit, maxTotal int
}

var _ store.Store = (*Store)(nil)

func init() {
	store.Register("postgres", func(ctx context.Context, address string) (store.Store, error) {
		return Open(ctx, address)
	})
}

// connectTimeout bounds each connection attempt when the URL sets none, so
// an unreachable server is reported in seconds rather than hanging.
const connectTimeout = 5 * time.Second

// Open connects to the database at address (a postgres:// URL or a
// key=value connection string), checks that it holds UTF-8 text, and
// creates the tables if they are missing.
func Open(ctx context.Context, address string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(address)
	if err != nil {
		// pgx hides the password in its messages.
		return nil, fmt.Errorf("postgres store: bad database URL: %w", err)
	}
	if cfg.ConnConfig.ConnectTimeout == 0 || cfg.ConnConfig.ConnectTimeout > connectTimeout {
		cfg.ConnConfig.ConnectTimeout = connectTimeout
	}
	if cfg.ConnConfig.RuntimeParams["application_name"] == "" {
		cfg.ConnConfig.RuntimeParams["application_name"] = "marsad"
	}
	// The pool's default (max(4, CPUs)) starves a server answering many
	// readers; a URL's pool_max_conns still wins.
	if !hasParam(address, "pool_max_conns") {
		cfg.MaxConns = int32(max(8, 4*runtime.GOMAXPROCS(0)))
	}
	where := fmt.Sprintf("%s:%d/%s", cfg.ConnConfig.Host, cfg.ConnConfig.Port, cfg.ConnConfig.Database)
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres store %s: %w", where, err)
	}
	s := &Store{pool: pool, rankLimit: store.RankLimit, maxTotal: store.MaxSearchTotal}
	pingCtx, cancel := context.WithTimeout(ctx, 2*connectTimeout)
	defer cancel()
	if err := s.setup(pingCtx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres store %s: %w", where, oneLine{err})
	}
	textCfg := cfg.Copy()
	textCfg.ConnConfig.RuntimeParams["enable_seqscan"] = "off"
	if s.text, err = pgxpool.NewWithConfig(ctx, textCfg); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres store %s: %w", where, err)
	}
	return s, nil
}

// oneLine shows an error on one line: pgx lists every connection attempt
// (each address, with and without TLS) on a line of its own, mostly the
// same line again.
type oneLine struct{ err error }

func (e oneLine) Unwrap() error { return e.err }

func (e oneLine) Error() string {
	var parts []string
	seen := map[string]bool{}
	for _, line := range strings.Split(e.err.Error(), "\n") {
		line = strings.TrimSuffix(strings.TrimSpace(line), ":")
		if line != "" && !seen[line] {
			seen[line] = true
			parts = append(parts, line)
		}
	}
	return strings.Join(parts, ": ")
}

// hasParam reports whether a connection string sets a parameter: pgconn
// keeps the ones it does not know (pgxpool's own among them) as runtime
// parameters.
func hasParam(address, name string) bool {
	cfg, err := pgconn.ParseConfig(address)
	if err != nil {
		return false
	}
	_, ok := cfg.RuntimeParams[name]
	return ok
}

// setup checks the server and creates the schema. An advisory lock keeps
// workers that start together from creating the same tables at once.
func (s *Store) setup(ctx context.Context) error {
	var encoding string
	if err := s.pool.QueryRow(ctx, "SHOW server_encoding").Scan(&encoding); err != nil {
		return unavailable(err)
	}
	if encoding != "UTF8" {
		return fmt.Errorf("the database encoding is %s; marsad needs UTF8 (CREATE DATABASE ... ENCODING 'UTF8')", encoding)
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return unavailable(err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock(7302512364)"); err != nil {
		return fmt.Errorf("locking the schema: %w", err)
	}
	version, err := schemaVersionOf(ctx, tx)
	if err != nil {
		return fmt.Errorf("reading the schema version: %w", err)
	}
	if version > schemaVersion {
		return fmt.Errorf("database schema version %d, this marsad reads version %d: use a newer marsad", version, schemaVersion)
	}
	if version == 1 {
		if err := migrateV1(ctx, tx); err != nil {
			return fmt.Errorf("migrating the schema from version 1: %w", err)
		}
	}
	if _, err := tx.Exec(ctx, schema); err != nil {
		return fmt.Errorf("creating tables: %w", err)
	}
	if version != schemaVersion {
		if _, err := tx.Exec(ctx, `DELETE FROM marsad_schema`); err != nil {
			return fmt.Errorf("recording the schema version: %w", err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO marsad_schema (version) VALUES ($1)`, schemaVersion); err != nil {
			return fmt.Errorf("recording the schema version: %w", err)
		}
	}
	// PostGIS is used when the database has it; installing it is the
	// database owner's choice (CREATE EXTENSION postgis), not marsad's.
	err = tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'geometry'
		AND pg_type_is_visible(oid))`).Scan(&s.postgis)
	if err != nil {
		return fmt.Errorf("looking for PostGIS: %w", err)
	}
	if s.postgis {
		if _, err := tx.Exec(ctx, postgisSchema); err != nil {
			return fmt.Errorf("adding the PostGIS column: %w", err)
		}
	}
	return tx.Commit(ctx)
}

// PostGIS reports whether bounding-box queries use PostGIS.
func (s *Store) PostGIS() bool { return s.postgis }

// Close closes the connection pools.
func (s *Store) Close() error {
	s.text.Close()
	s.pool.Close()
	return nil
}

// poolFor returns the pool for a query: the full-text one when it has a
// text condition.
func (s *Store) poolFor(textQuery string) *pgxpool.Pool {
	if strings.TrimSpace(textQuery) != "" {
		return s.text
	}
	return s.pool
}

// unavailable wraps err with store.ErrUnavailable when it is the server's
// or the network's fault rather than the data's: retrying may succeed.
func unavailable(err error) error {
	if err == nil || errors.Is(err, store.ErrUnavailable) {
		return err
	}
	if isTransient(err) {
		return fmt.Errorf("%w: %w", store.ErrUnavailable, err)
	}
	return err
}

func isTransient(err error) bool {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch pgErr.Code[:2] {
		case "08", // connection exception
			"53", // insufficient resources
			"57", // operator intervention (shutdown, cancelled)
			"40": // serialization failure, deadlock
			return true
		}
		return false
	}
	var connectErr *pgconn.ConnectError
	var netErr net.Error
	return errors.As(err, &connectErr) || errors.As(err, &netErr) || pgconn.Timeout(err) ||
		errors.Is(err, pgx.ErrTxClosed) || pgconn.SafeToRetry(err)
}

// schema is idempotent: Open runs it on every start. Text that is compared
// or sorted uses the "C" collation, so order is by code point as in SQLite
// whatever the database's locale, and the "to" bound of a date prefix
// ("2024-05" + U+FFFF) works.
const schema = `
CREATE TABLE IF NOT EXISTS marsad_schema (version INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS documents (
	id           BIGSERIAL PRIMARY KEY,
	doc_id       TEXT COLLATE "C" NOT NULL UNIQUE,
	content_hash TEXT COLLATE "C" NOT NULL UNIQUE,
	outlet       TEXT COLLATE "C" NOT NULL DEFAULT '',
	published    TEXT COLLATE "C" NOT NULL DEFAULT '',
	story_id     TEXT COLLATE "C" NOT NULL DEFAULT '',
	title        TEXT COLLATE "C" NOT NULL DEFAULT '',
	body         TEXT NOT NULL,
	n_events     INTEGER NOT NULL DEFAULT 0,
	summary      TEXT NOT NULL,
	record       TEXT NOT NULL,
	tsv          TSVECTOR NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_published ON documents (published DESC, id DESC);
CREATE INDEX IF NOT EXISTS documents_outlet ON documents (outlet, published);
CREATE INDEX IF NOT EXISTS documents_story ON documents (story_id, published);
CREATE INDEX IF NOT EXISTS documents_tsv ON documents USING GIN (tsv);

CREATE TABLE IF NOT EXISTS events (
	id             BIGSERIAL PRIMARY KEY,
	event_id       TEXT COLLATE "C" NOT NULL UNIQUE,
	doc            BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	date           TEXT COLLATE "C" NOT NULL DEFAULT '',
	event_type     TEXT COLLATE "C" NOT NULL DEFAULT '',
	sub_event_type TEXT COLLATE "C" NOT NULL DEFAULT '',
	lat            DOUBLE PRECISION,
	lon            DOUBLE PRECISION,
	fatalities     INTEGER,
	outlet         TEXT COLLATE "C" NOT NULL DEFAULT '',
	merged_id      TEXT COLLATE "C" NOT NULL DEFAULT '',
	record         TEXT NOT NULL,
	tsv            TSVECTOR NOT NULL
);
CREATE INDEX IF NOT EXISTS events_date ON events (date DESC, id DESC);
CREATE INDEX IF NOT EXISTS events_doc ON events (doc);
CREATE INDEX IF NOT EXISTS events_type ON events (event_type, date);
CREATE INDEX IF NOT EXISTS events_sub_type ON events (sub_event_type, date);
CREATE INDEX IF NOT EXISTS events_outlet ON events (outlet, date);
CREATE INDEX IF NOT EXISTS events_place ON events (lon, lat);
CREATE INDEX IF NOT EXISTS events_tsv ON events USING GIN (tsv);

-- The actors of each event, one row per actor and event, keyed by actor and
-- date, with the event's date and types copied from events: one actor's
-- events, alone or of one type, are read in date order off an index and
-- counted without touching events. actor_id is store.ActorKey: the actor's
-- id, or "name:" and its normalised name.
CREATE TABLE IF NOT EXISTS event_actors (
	actor_id       TEXT COLLATE "C" NOT NULL,
	date           TEXT COLLATE "C" NOT NULL,
	event          BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
	event_type     TEXT COLLATE "C" NOT NULL DEFAULT '',
	sub_event_type TEXT COLLATE "C" NOT NULL DEFAULT '',
	PRIMARY KEY (actor_id, date, event)
);
CREATE INDEX IF NOT EXISTS event_actors_event ON event_actors (event);
CREATE INDEX IF NOT EXISTS event_actors_type ON event_actors (actor_id, event_type, date, event);
CREATE INDEX IF NOT EXISTS event_actors_sub_type ON event_actors (actor_id, sub_event_type, date, event);

-- Every name an actor has been seen under, for name-fragment filters: small
-- (one row per actor and spelling), so scanning it is cheap.
CREATE TABLE IF NOT EXISTS actor_names (
	actor_id TEXT COLLATE "C" NOT NULL,
	norm     TEXT COLLATE "C" NOT NULL,
	PRIMARY KEY (actor_id, norm)
);

CREATE TABLE IF NOT EXISTS entities (
	doc       BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	entity_id TEXT COLLATE "C" NOT NULL,
	type      TEXT COLLATE "C" NOT NULL,
	name      TEXT COLLATE "C" NOT NULL,
	lat       DOUBLE PRECISION,
	lon       DOUBLE PRECISION,
	mentions  INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS entities_doc ON entities (doc);
CREATE INDEX IF NOT EXISTS entities_id ON entities (entity_id);

CREATE TABLE IF NOT EXISTS quotes (
	doc          BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	speaker_id   TEXT COLLATE "C" NOT NULL DEFAULT '',
	speaker_name TEXT COLLATE "C" NOT NULL,
	text         TEXT NOT NULL,
	span_start   INTEGER NOT NULL,
	span_end     INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS quotes_doc ON quotes (doc);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker_id);

CREATE TABLE IF NOT EXISTS doc_actors (
	doc      BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	actor_id TEXT COLLATE "C" NOT NULL,
	name     TEXT COLLATE "C" NOT NULL,
	name_en  TEXT COLLATE "C" NOT NULL DEFAULT '',
	norm     TEXT COLLATE "C" NOT NULL,
	type     TEXT COLLATE "C" NOT NULL DEFAULT '',
	side     TEXT COLLATE "C" NOT NULL DEFAULT '',
	events   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS doc_actors_doc ON doc_actors (doc);
CREATE INDEX IF NOT EXISTS doc_actors_id ON doc_actors (actor_id);

-- Leases let processes sharing the database take turns at a job
-- (store.Lease); handovers counts changes of holder.
CREATE TABLE IF NOT EXISTS leases (
	name      TEXT COLLATE "C" PRIMARY KEY,
	holder    TEXT COLLATE "C" NOT NULL,
	until     TIMESTAMPTZ NOT NULL,
	handovers BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS framing (
	doc      BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	actor_id TEXT COLLATE "C" NOT NULL,
	outlet   TEXT COLLATE "C" NOT NULL,
	label    TEXT COLLATE "C" NOT NULL,
	count    INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS framing_doc ON framing (doc);
CREATE INDEX IF NOT EXISTS framing_actor ON framing (actor_id);
`

// postgisSchema adds a point computed from lat and lon, with a GiST index.
// A generated column fills itself, also for rows stored before PostGIS was
// installed.
const postgisSchema = `
ALTER TABLE events ADD COLUMN IF NOT EXISTS geom geometry(Point, 4326)
	GENERATED ALWAYS AS (CASE WHEN lat IS NULL OR lon IS NULL THEN NULL
		ELSE ST_SetSRID(ST_MakePoint(lon, lat), 4326) END) STORED;
CREATE INDEX IF NOT EXISTS events_geom ON events USING GIST (geom);
`
