// Package sqlite is the embedded store: one SQLite file (pure Go, through
// modernc.org/sqlite) holding documents, entities, events, quotes, actors and
// framing, with FTS5 indexes fed by textindex's normalised, clitic-free
// forms. Writes go through one connection; reads use a pool in WAL mode so
// readers never wait for an ingest.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"runtime"

	"github.com/marsad/marsad/internal/store"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Store is a store.Store in one SQLite file.
type Store struct {
	path   string
	writer *sql.DB
	reader *sql.DB
	// stmts are the write path's prepared statements.
	stmts stmtCache
	// rankLimit and maxTotal are store.RankLimit and store.MaxSearchTotal;
	// tests lower them to reach both search orderings with few documents.
	rankLimit, maxTotal int
}

var _ store.Store = (*Store)(nil)

// Open opens (creating if needed) the store in the file at path.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("sqlite store: empty database path")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("sqlite store %s: %w", path, err)
	}
	writer, err := openDB(abs, true)
	if err != nil {
		return nil, err
	}
	writer.SetMaxOpenConns(1)
	if err := createSchema(ctx, writer); err != nil {
		writer.Close()
		return nil, fmt.Errorf("sqlite store %s: %w", path, err)
	}
	reader, err := openDB(abs, false)
	if err != nil {
		writer.Close()
		return nil, err
	}
	n := max(4, 2*runtime.GOMAXPROCS(0))
	reader.SetMaxOpenConns(n)
	reader.SetMaxIdleConns(n)
	s := &Store{path: path, writer: writer, reader: reader, rankLimit: store.RankLimit, maxTotal: store.MaxSearchTotal}
	s.stmts.db = writer
	return s, nil
}

func openDB(path string, write bool) (*sql.DB, error) {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "cache_size(-65536)")
	if write {
		q.Set("_txlock", "immediate")
	} else {
		q.Add("_pragma", "query_only(1)")
	}
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlite store %s: %w", path, err)
	}
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite store %s: %w", path, err)
	}
	return db, nil
}

// Close closes both connection pools.
func (s *Store) Close() error {
	s.stmts.close()
	return errors.Join(s.reader.Close(), s.writer.Close())
}

// schemaVersion is stored in the file's user_version. A file of an older
// version is migrated when opened; one of a newer version is refused
// rather than misread.
const schemaVersion = 2

func createSchema(ctx context.Context, db *sql.DB) error {
	var version, tables int
	if err := db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return err
	}
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table'`).Scan(&tables); err != nil {
		return err
	}
	if tables > 0 && version == 1 {
		if err := migrateV1(ctx, db); err != nil {
			return fmt.Errorf("migrating the schema from version 1: %w", err)
		}
		version = 2
	}
	if tables > 0 && version != schemaVersion {
		return fmt.Errorf("database schema version %d, this marsad reads version %d: ingest into a new file", version, schemaVersion)
	}
	if _, err := db.ExecContext(ctx, schema); err != nil {
		return fmt.Errorf("creating schema: %w", err)
	}
	_, err := db.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, schemaVersion))
	return err
}

// schema is idempotent: Open runs it on every start.
const schema = `
CREATE TABLE IF NOT EXISTS documents (
	id           INTEGER PRIMARY KEY,
	doc_id       TEXT NOT NULL UNIQUE,
	content_hash TEXT NOT NULL UNIQUE,
	outlet       TEXT NOT NULL DEFAULT '',
	published    TEXT NOT NULL DEFAULT '',
	story_id     TEXT NOT NULL DEFAULT '',
	title        TEXT NOT NULL DEFAULT '',
	body         TEXT NOT NULL,
	n_events     INTEGER NOT NULL DEFAULT 0,
	summary      TEXT NOT NULL,
	record       TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_published ON documents(published DESC, id DESC);
CREATE INDEX IF NOT EXISTS documents_outlet ON documents(outlet, published);
-- Also finds the documents waiting for a story (story_id = '') in date order.
CREATE INDEX IF NOT EXISTS documents_story ON documents(story_id, published);

CREATE VIRTUAL TABLE IF NOT EXISTS doc_fts USING fts5(
	title, body, content='', contentless_delete=1,
	tokenize='unicode61 remove_diacritics 0');

CREATE TABLE IF NOT EXISTS events (
	id             INTEGER PRIMARY KEY,
	event_id       TEXT NOT NULL UNIQUE,
	doc            INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	date           TEXT NOT NULL DEFAULT '',
	event_type     TEXT NOT NULL DEFAULT '',
	sub_event_type TEXT NOT NULL DEFAULT '',
	lat            REAL,
	lon            REAL,
	fatalities     INTEGER,
	outlet         TEXT NOT NULL DEFAULT '',
	merged_id      TEXT NOT NULL DEFAULT ''
);
-- Records live apart from the filtered columns so that the events table
-- stays small enough to scan and look up from the page cache.
CREATE TABLE IF NOT EXISTS event_records (
	id     INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
	record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_date ON events(date DESC, id DESC);
CREATE INDEX IF NOT EXISTS events_doc ON events(doc);
CREATE INDEX IF NOT EXISTS events_type ON events(event_type, date);
CREATE INDEX IF NOT EXISTS events_sub_type ON events(sub_event_type, date);
CREATE INDEX IF NOT EXISTS events_outlet ON events(outlet, date);
CREATE INDEX IF NOT EXISTS events_place ON events(lon, lat, date);

CREATE VIRTUAL TABLE IF NOT EXISTS event_fts USING fts5(
	text, content='', contentless_delete=1,
	tokenize='unicode61 remove_diacritics 0');

-- The actors of each event, one row per actor and event, keyed by actor and
-- date, with the event's date and types copied from events: one actor's
-- events, alone or of one type, are read in date order straight off an
-- index and counted without touching events (an index of this table ends
-- with the key, so (actor_id, event_type) is ordered by date within a type).
-- actor_id is store.ActorKey: the actor's id, or "name:" and its normalised name.
CREATE TABLE IF NOT EXISTS event_actors (
	actor_id       TEXT NOT NULL,
	date           TEXT NOT NULL,
	event          INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
	event_type     TEXT NOT NULL DEFAULT '',
	sub_event_type TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (actor_id, date, event)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_actors_event ON event_actors(event);
CREATE INDEX IF NOT EXISTS event_actors_type ON event_actors(actor_id, event_type);
CREATE INDEX IF NOT EXISTS event_actors_sub_type ON event_actors(actor_id, sub_event_type);

-- Every name an actor has been seen under, for name-fragment filters: small
-- (one row per actor and spelling), so scanning it is cheap.
CREATE TABLE IF NOT EXISTS actor_names (
	actor_id TEXT NOT NULL,
	norm     TEXT NOT NULL,
	PRIMARY KEY (actor_id, norm)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS entities (
	doc       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	entity_id TEXT NOT NULL,
	type      TEXT NOT NULL,
	name      TEXT NOT NULL,
	lat       REAL,
	lon       REAL,
	mentions  INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS entities_doc ON entities(doc);
CREATE INDEX IF NOT EXISTS entities_id ON entities(entity_id);

CREATE TABLE IF NOT EXISTS quotes (
	doc          INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	speaker_id   TEXT NOT NULL DEFAULT '',
	speaker_name TEXT NOT NULL,
	text         TEXT NOT NULL,
	start        INTEGER NOT NULL,
	end          INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS quotes_doc ON quotes(doc);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_id);

CREATE TABLE IF NOT EXISTS doc_actors (
	doc      INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	actor_id TEXT NOT NULL,
	name     TEXT NOT NULL,
	name_en  TEXT NOT NULL DEFAULT '',
	norm     TEXT NOT NULL,
	type     TEXT NOT NULL DEFAULT '',
	side     TEXT NOT NULL DEFAULT '',
	events   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS doc_actors_doc ON doc_actors(doc);
CREATE INDEX IF NOT EXISTS doc_actors_id ON doc_actors(actor_id);

-- Leases let processes sharing the file take turns at a job (store.Lease).
-- until is in Unix milliseconds; handovers counts changes of holder.
CREATE TABLE IF NOT EXISTS leases (
	name      TEXT PRIMARY KEY,
	holder    TEXT NOT NULL,
	until     INTEGER NOT NULL,
	handovers INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS framing (
	doc      INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	actor_id TEXT NOT NULL,
	outlet   TEXT NOT NULL,
	label    TEXT NOT NULL,
	count    INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS framing_doc ON framing(doc);
CREATE INDEX IF NOT EXISTS framing_actor ON framing(actor_id);
`

// migrateV1 brings a version-1 file to version 2: event_actors gains the
// event's date and types and becomes keyed by actor and date.
func migrateV1(ctx context.Context, db *sql.DB) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, q := range []string{
		`CREATE TABLE event_actors_v2 (
			actor_id       TEXT NOT NULL,
			date           TEXT NOT NULL,
			event          INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
			event_type     TEXT NOT NULL DEFAULT '',
			sub_event_type TEXT NOT NULL DEFAULT '',
			PRIMARY KEY (actor_id, date, event)
		) WITHOUT ROWID`,
		`INSERT OR IGNORE INTO event_actors_v2 (actor_id, date, event, event_type, sub_event_type)
			SELECT ea.actor_id, e.date, ea.event, e.event_type, e.sub_event_type
			FROM event_actors ea JOIN events e ON e.id = ea.event`,
		`DROP TABLE event_actors`,
		`ALTER TABLE event_actors_v2 RENAME TO event_actors`,
		// The rest of the schema (indexes) is created after the migration.
		`PRAGMA user_version = 2`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return tx.Commit()
}
