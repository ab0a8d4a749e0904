package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/store"
)

// PutDocument stores d in one transaction; see store.Store.
func (s *Store) PutDocument(ctx context.Context, d record.Document) (bool, error) {
	inserted, err := s.PutDocuments(ctx, []record.Document{d})
	if err != nil {
		return false, err
	}
	return inserted[0], nil
}

// putAttempts bounds the retries of a transaction that lost a race with
// another writer (a unique key taken under it, a deadlock).
const putAttempts = 5

// PutDocuments stores docs in one transaction; see store.Store. Writers on
// other connections or machines may store the same documents at the same
// time: the unique keys decide, and a transaction that loses a race is
// retried, so each document is stored exactly once.
func (s *Store) PutDocuments(ctx context.Context, docs []record.Document) ([]bool, error) {
	prepared := make([]record.Document, len(docs))
	for i, d := range docs {
		p, err := store.Prepare(d)
		if err != nil {
			return nil, err
		}
		prepared[i] = p
	}
	for attempt := 1; ; attempt++ {
		inserted, err := s.putTx(ctx, prepared)
		if err == nil {
			return inserted, nil
		}
		if attempt == putAttempts || !lostRace(err) || ctx.Err() != nil {
			return nil, unavailable(err)
		}
		// Back off a little, at random, so racing writers fall out of step.
		time.Sleep(time.Duration(attempt*(5+rand.IntN(20))) * time.Millisecond)
	}
}

// lostRace reports whether err is a conflict with a concurrent transaction
// that a retry resolves: the retry sees the other side's committed rows.
func lostRace(err error) bool {
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) {
		return false
	}
	return pgErr.Code == "23505" || pgErr.Code == "40001" || pgErr.Code == "40P01"
}

func (s *Store) putTx(ctx context.Context, docs []record.Document) ([]bool, error) {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("storing documents: %w", err)
	}
	defer tx.Rollback(ctx)
	inserted := make([]bool, len(docs))
	for i, d := range docs {
		// putOne renames events; the caller's documents stay as given for a retry.
		d.Events = append([]record.Event(nil), d.Events...)
		if inserted[i], err = putOne(ctx, tx, d); err != nil {
			return nil, fmt.Errorf("storing %s: %w", d.DocID, err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, fmt.Errorf("storing documents: %w", err)
	}
	return inserted, nil
}

func putOne(ctx context.Context, tx pgx.Tx, d record.Document) (bool, error) {
	rows, err := tx.Query(ctx, `SELECT id, content_hash = $1 FROM documents WHERE content_hash = $1 OR doc_id = $2`,
		d.ContentHash, d.DocID)
	if err != nil {
		return false, err
	}
	var replace []int64
	for rows.Next() {
		var id int64
		var same bool
		if err := rows.Scan(&id, &same); err != nil {
			rows.Close()
			return false, err
		}
		if same {
			rows.Close()
			return false, nil
		}
		replace = append(replace, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return false, err
	}
	for _, id := range replace {
		// The cascade takes the old version's events, entities and the rest.
		if _, err := tx.Exec(ctx, `DELETE FROM documents WHERE id = $1`, id); err != nil {
			return false, fmt.Errorf("replacing the old version: %w", err)
		}
	}
	if err := scopeEventIDs(ctx, tx, &d); err != nil {
		return false, err
	}
	return insertDocument(ctx, tx, d)
}

// scopeEventIDs renames events whose id another document already uses.
func scopeEventIDs(ctx context.Context, tx pgx.Tx, d *record.Document) error {
	if len(d.Events) == 0 {
		return nil
	}
	ids := make([]string, len(d.Events))
	for i, ev := range d.Events {
		ids[i] = ev.ID
	}
	rows, err := tx.Query(ctx, `SELECT event_id FROM events WHERE event_id = ANY($1)`, ids)
	if err != nil {
		return err
	}
	taken, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return err
	}
	for _, id := range taken {
		for i := range d.Events {
			if d.Events[i].ID == id {
				d.Events[i].ID = store.ScopedEventID(d.DocID, id)
			}
		}
	}
	return nil
}

// insertDocument inserts d and everything indexed from it. It reports
// false when another writer stored the same content first.
func insertDocument(ctx context.Context, tx pgx.Tx, d record.Document) (bool, error) {
	// The body has its own column; the record is stored without it.
	bodyless := d
	bodyless.Body = ""
	rec, err := json.Marshal(bodyless)
	if err != nil {
		return false, err
	}
	sum := store.Summarize(d)
	sumJSON, err := json.Marshal(sum)
	if err != nil {
		return false, err
	}
	tsv := tsvectorLiteral(weightedText{sum.Title, 'A'}, weightedText{d.Body, 'B'})
	var docRow int64
	// A concurrent writer of the same content makes this wait for its
	// commit and then insert nothing.
	err = tx.QueryRow(ctx, `INSERT INTO documents
		(doc_id, content_hash, outlet, published, story_id, title, body, n_events, summary, record, tsv)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::tsvector)
		ON CONFLICT (content_hash) DO NOTHING RETURNING id`,
		d.DocID, d.ContentHash, noNUL(sum.Outlet), sum.Published, d.StoryID, noNUL(sum.Title), noNUL(d.Body),
		len(d.Events), string(sumJSON), string(rec), tsv).Scan(&docRow)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	batch := &pgx.Batch{}
	if err := queueEvents(batch, docRow, d); err != nil {
		return false, err
	}
	queueAnnotations(batch, docRow, d)
	if err := tx.SendBatch(ctx, batch).Close(); err != nil {
		return false, err
	}
	return true, nil
}

// noNUL replaces U+0000, which PostgreSQL text cannot hold; the record's
// JSON keeps the original (escaped).
func noNUL(s string) string {
	if strings.IndexByte(s, 0) < 0 {
		return s
	}
	return strings.ReplaceAll(s, "\x00", "\uFFFD")
}

func queueEvents(batch *pgx.Batch, docRow int64, d record.Document) error {
	for _, row := range store.EventRows(d) {
		ev := row.Event
		var lat, lon *float64
		if ev.Location != nil && ev.Location.Lat != nil && ev.Location.Lon != nil {
			lat, lon = ev.Location.Lat, ev.Location.Lon
		}
		rec, err := json.Marshal(row)
		if err != nil {
			return fmt.Errorf("event %s: %w", row.ID, err)
		}
		tsv := tsvectorLiteral(weightedText{store.EventText(ev), 'D'})
		keys, norms := actorKeys(ev)
		queueActorNames(batch, keys, norms)
		batch.Queue(`WITH e AS (INSERT INTO events
			(event_id, doc, date, event_type, sub_event_type, lat, lon, fatalities, outlet, merged_id, record, tsv)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::tsvector) RETURNING id)
			INSERT INTO event_actors (actor_id, date, event, event_type, sub_event_type)
			SELECT DISTINCT k, $3, e.id, $4, $5 FROM e, unnest($13::text[]) AS a(k)`,
			row.ID, docRow, store.EventDate(ev), ev.EventType, ev.SubEventType, lat, lon, ev.Fatalities,
			noNUL(row.Outlet), ev.MergedID, string(rec), tsv, keys)
	}
	return nil
}

func queueAnnotations(batch *pgx.Batch, docRow int64, d record.Document) {
	if n := len(d.Entities); n > 0 {
		ids, types, names := make([]string, n), make([]string, n), make([]string, n)
		lats, lons := make([]*float64, n), make([]*float64, n)
		mentions := make([]int32, n)
		for i, e := range d.Entities {
			ids[i], types[i], names[i] = noNUL(e.ID), e.Type, noNUL(e.Name)
			lats[i], lons[i], mentions[i] = e.Lat, e.Lon, int32(len(e.Mentions))
		}
		batch.Queue(`INSERT INTO entities (doc, entity_id, type, name, lat, lon, mentions)
			SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::int[])`,
			docRow, ids, types, names, lats, lons, mentions)
	}
	if n := len(d.Quotes); n > 0 {
		ids, names, texts := make([]string, n), make([]string, n), make([]string, n)
		starts, ends := make([]int32, n), make([]int32, n)
		for i, q := range d.Quotes {
			ids[i], names[i], texts[i] = noNUL(record.Deref(q.Speaker.ID)), noNUL(q.Speaker.Name), noNUL(q.Text)
			starts[i], ends[i] = int32(q.Span[0]), int32(q.Span[1])
		}
		batch.Queue(`INSERT INTO quotes (doc, speaker_id, speaker_name, text, span_start, span_end)
			SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::int[])`,
			docRow, ids, names, texts, starts, ends)
	}
	if actors := store.DocumentActors(d); len(actors) > 0 {
		n := len(actors)
		ids, names, namesEn, norms := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
		types, sides, events := make([]string, n), make([]string, n), make([]int32, n)
		for i, a := range actors {
			ids[i], names[i], namesEn[i] = noNUL(a.ID), noNUL(a.Name), noNUL(a.NameEn)
			norms[i] = noNUL(arabic.Normalize(a.Name + " " + a.NameEn + " " + a.ID))
			types[i], sides[i], events[i] = a.Type, a.Side, int32(a.Events)
		}
		batch.Queue(`INSERT INTO doc_actors (doc, actor_id, name, name_en, norm, type, side, events)
			SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[])`,
			docRow, ids, names, namesEn, norms, types, sides, events)
	}
	outlet := noNUL(store.Outlet(d))
	var actorIDs, labels []string
	var counts []int32
	for _, f := range d.Framing {
		for label, n := range f.Labels {
			actorIDs = append(actorIDs, noNUL(f.Actor))
			labels = append(labels, noNUL(label))
			counts = append(counts, int32(n))
		}
	}
	if len(actorIDs) > 0 {
		batch.Queue(`INSERT INTO framing (doc, actor_id, outlet, label, count)
			SELECT $1, a, $2, l, c FROM unnest($3::text[], $4::text[], $5::int[]) AS f(a, l, c)`,
			docRow, outlet, actorIDs, labels, counts)
	}
}

// actorKeys returns the keys (store.ActorKey) of the actors of ev, each
// with a normalised name it goes by, for event_actors and actor_names.
func actorKeys(ev record.Event) (keys, norms []string) {
	seen := map[string]bool{}
	for _, a := range store.EventActors(ev) {
		if a.ID == "" && strings.TrimSpace(a.Name) == "" {
			continue
		}
		key := noNUL(store.ActorKey(a.ID, a.Name))
		norm := noNUL(arabic.Normalize(a.Name + " " + record.Deref(a.NameEn)))
		if !seen[key+"\x00"+norm] {
			seen[key+"\x00"+norm] = true
			keys, norms = append(keys, key), append(norms, norm)
		}
	}
	return keys, norms
}

// queueActorNames queues the names actors go by. They are inserted in key
// order so that writers adding the same names at once lock them in one
// order and do not deadlock.
func queueActorNames(batch *pgx.Batch, keys, norms []string) {
	if len(keys) > 0 {
		batch.Queue(`INSERT INTO actor_names (actor_id, norm)
			SELECT k, n FROM unnest($1::text[], $2::text[]) AS a(k, n) ORDER BY k, n ON CONFLICT DO NOTHING`, keys, norms)
	}
}
