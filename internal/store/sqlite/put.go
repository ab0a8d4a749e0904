package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/store"
	"github.com/marsad/marsad/internal/textindex"
)

// PutDocument stores d in one transaction; see store.Store.
func (s *Store) PutDocument(ctx context.Context, d record.Document) (bool, error) {
	inserted, err := s.PutDocuments(ctx, []record.Document{d})
	if err != nil {
		return false, err
	}
	return inserted[0], nil
}

// PutDocuments stores docs in one transaction; see store.Store. One
// transaction for many documents is what makes bulk ingest fast: SQLite and
// FTS5 write once per commit, not once per document.
func (s *Store) PutDocuments(ctx context.Context, docs []record.Document) ([]bool, error) {
	prepared := make([]record.Document, len(docs))
	for i, d := range docs {
		p, err := store.Prepare(d)
		if err != nil {
			return nil, err
		}
		prepared[i] = p
	}
	t, err := s.begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("storing documents: %w", err)
	}
	defer t.rollback()
	inserted := make([]bool, len(prepared))
	for i, d := range prepared {
		if inserted[i], err = t.putOne(d); err != nil {
			return nil, fmt.Errorf("storing %s: %w", d.DocID, err)
		}
	}
	if err := t.commit(); err != nil {
		return nil, fmt.Errorf("storing documents: %w", err)
	}
	return inserted, nil
}

func (t *txn) putOne(d record.Document) (bool, error) {
	var one int
	err := t.scan(`SELECT 1 FROM documents WHERE content_hash = ?`, []any{d.ContentHash}, &one)
	if err == nil {
		return false, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return false, err
	}
	var old int64
	err = t.scan(`SELECT id FROM documents WHERE doc_id = ?`, []any{d.DocID}, &old)
	switch {
	case err == nil:
		if err := t.deleteDocument(old); err != nil {
			return false, fmt.Errorf("replacing the old version: %w", err)
		}
	case !errors.Is(err, sql.ErrNoRows):
		return false, err
	}
	if err := t.scopeEventIDs(&d); err != nil {
		return false, err
	}
	return true, t.insertDocument(d)
}

// scopeEventIDs renames events whose id another document already uses.
func (t *txn) scopeEventIDs(d *record.Document) error {
	for i := range d.Events {
		var one int
		err := t.scan(`SELECT 1 FROM events WHERE event_id = ?`, []any{d.Events[i].ID}, &one)
		if err == nil {
			d.Events[i].ID = store.ScopedEventID(d.DocID, d.Events[i].ID)
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
	}
	return nil
}

// deleteDocument removes a document and everything indexed from it. The
// FTS tables are contentless, so their rows go by rowid before the cascade.
func (t *txn) deleteDocument(id int64) error {
	stmts := []string{
		`DELETE FROM event_fts WHERE rowid IN (SELECT id FROM events WHERE doc = ?)`,
		`DELETE FROM doc_fts WHERE rowid = ?`,
		`DELETE FROM documents WHERE id = ?`,
	}
	for _, q := range stmts {
		if _, err := t.exec(q, id); err != nil {
			return err
		}
	}
	return nil
}

// documentJSON is what the documents table keeps of d besides the columns:
// the record without its body (which has its own column) and the summary.
func documentJSON(d record.Document) (rec, summary string, err error) {
	bodyless := d
	bodyless.Body = ""
	recJSON, err := json.Marshal(bodyless)
	if err != nil {
		return "", "", err
	}
	sumJSON, err := json.Marshal(store.Summarize(d))
	if err != nil {
		return "", "", err
	}
	return string(recJSON), string(sumJSON), nil
}

func (t *txn) insertDocument(d record.Document) error {
	rec, sumJSON, err := documentJSON(d)
	if err != nil {
		return err
	}
	sum := store.Summarize(d)
	res, err := t.exec(`INSERT INTO documents
		(doc_id, content_hash, outlet, published, story_id, title, body, n_events, summary, record)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		d.DocID, d.ContentHash, sum.Outlet, sum.Published, d.StoryID, sum.Title, d.Body,
		len(d.Events), sumJSON, rec)
	if err != nil {
		return err
	}
	docRow, err := res.LastInsertId()
	if err != nil {
		return err
	}
	if _, err := t.exec(`INSERT INTO doc_fts (rowid, title, body) VALUES (?, ?, ?)`,
		docRow, textindex.IndexText(sum.Title), textindex.IndexText(d.Body)); err != nil {
		return err
	}
	if err := t.insertEvents(docRow, d); err != nil {
		return err
	}
	return t.insertAnnotations(docRow, d)
}

func (t *txn) insertEvents(docRow int64, d record.Document) error {
	for _, row := range store.EventRows(d) {
		ev := row.Event
		var lat, lon any
		if ev.Location != nil && ev.Location.Lat != nil && ev.Location.Lon != nil {
			lat, lon = *ev.Location.Lat, *ev.Location.Lon
		}
		var fatalities any
		if ev.Fatalities != nil {
			fatalities = *ev.Fatalities
		}
		rec, err := json.Marshal(row)
		if err != nil {
			return err
		}
		date := store.EventDate(ev)
		res, err := t.exec(`INSERT INTO events
			(event_id, doc, date, event_type, sub_event_type, lat, lon, fatalities, outlet, merged_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			row.ID, docRow, date, ev.EventType, ev.SubEventType, lat, lon, fatalities,
			row.Outlet, ev.MergedID)
		if err != nil {
			return fmt.Errorf("event %s: %w", row.ID, err)
		}
		evRow, err := res.LastInsertId()
		if err != nil {
			return err
		}
		if _, err := t.exec(`INSERT INTO event_records (id, record) VALUES (?, ?)`, evRow, string(rec)); err != nil {
			return err
		}
		if _, err := t.exec(`INSERT INTO event_fts (rowid, text) VALUES (?, ?)`,
			evRow, textindex.IndexText(store.EventText(ev))); err != nil {
			return err
		}
		for _, a := range store.EventActors(ev) {
			key := store.ActorKey(a.ID, a.Name)
			// An actor named twice in one event (actor1 and actor2) is one row.
			if _, err := t.exec(`INSERT OR IGNORE INTO event_actors (actor_id, date, event, event_type, sub_event_type)
				VALUES (?, ?, ?, ?, ?)`, key, date, evRow, ev.EventType, ev.SubEventType); err != nil {
				return err
			}
			if _, err := t.exec(`INSERT OR IGNORE INTO actor_names (actor_id, norm) VALUES (?, ?)`,
				key, arabic.Normalize(a.Name+" "+record.Deref(a.NameEn))); err != nil {
				return err
			}
		}
	}
	return nil
}

func (t *txn) insertAnnotations(docRow int64, d record.Document) error {
	for _, e := range d.Entities {
		if _, err := t.exec(`INSERT INTO entities (doc, entity_id, type, name, lat, lon, mentions)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, docRow, e.ID, e.Type, e.Name, floatOrNil(e.Lat), floatOrNil(e.Lon),
			len(e.Mentions)); err != nil {
			return fmt.Errorf("entity %s: %w", e.ID, err)
		}
	}
	for _, q := range d.Quotes {
		if _, err := t.exec(`INSERT INTO quotes (doc, speaker_id, speaker_name, text, start, end)
			VALUES (?, ?, ?, ?, ?, ?)`, docRow, record.Deref(q.Speaker.ID), q.Speaker.Name, q.Text,
			q.Span[0], q.Span[1]); err != nil {
			return fmt.Errorf("quote: %w", err)
		}
	}
	for _, a := range store.DocumentActors(d) {
		norm := arabic.Normalize(a.Name + " " + a.NameEn + " " + a.ID)
		if _, err := t.exec(`INSERT INTO doc_actors (doc, actor_id, name, name_en, norm, type, side, events)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, docRow, a.ID, a.Name, a.NameEn, norm, a.Type, a.Side, a.Events); err != nil {
			return fmt.Errorf("actor %s: %w", a.ID, err)
		}
	}
	outlet := store.Outlet(d)
	for _, f := range d.Framing {
		for label, n := range f.Labels {
			if _, err := t.exec(`INSERT INTO framing (doc, actor_id, outlet, label, count)
				VALUES (?, ?, ?, ?, ?)`, docRow, f.Actor, outlet, label, n); err != nil {
				return fmt.Errorf("framing of %s: %w", f.Actor, err)
			}
		}
	}
	return nil
}

func floatOrNil(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}
