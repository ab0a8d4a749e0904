package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/store"
)

// ScanDocuments calls fn with each document f selects; see store.Store.
func (s *Store) ScanDocuments(ctx context.Context, f store.ScanFilter, fn func(record.Document) error) error {
	var w where
	if f.Linked {
		w.add("story_id != ''")
	} else {
		w.add("story_id = ''")
	}
	if f.From != "" {
		w.add("published >= ?", f.From)
	}
	limit := -1 // SQLite's "no limit"
	if f.Limit > 0 {
		limit = f.Limit
	}
	rows, err := s.reader.QueryContext(ctx, `SELECT record, body FROM documents`+w.String()+
		` ORDER BY published, id LIMIT ?`, append(w.args, limit)...)
	if err != nil {
		return fmt.Errorf("reading documents: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var rec, body string
		if err := rows.Scan(&rec, &body); err != nil {
			return fmt.Errorf("reading documents: %w", err)
		}
		var d record.Document
		if err := json.Unmarshal([]byte(rec), &d); err != nil {
			return fmt.Errorf("decoding a stored document: %w", err)
		}
		d.Body = body
		if err := fn(d); err != nil {
			return err
		}
	}
	return rows.Err()
}

// SetStories records the story ids of stored documents; see store.Store.
func (s *Store) SetStories(ctx context.Context, docs []record.Document) ([]bool, error) {
	t, err := s.begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("recording stories: %w", err)
	}
	defer t.rollback()
	updated := make([]bool, len(docs))
	for i, d := range docs {
		if updated[i], err = t.setStory(d); err != nil {
			return nil, fmt.Errorf("recording the story of %s: %w", d.DocID, err)
		}
	}
	if err := t.commit(); err != nil {
		return nil, fmt.Errorf("recording stories: %w", err)
	}
	return updated, nil
}

// setStory writes d's story id and duplicate link into its row and record,
// and its events' merged ids into theirs, if d is stored and unlinked.
func (t *txn) setStory(d record.Document) (bool, error) {
	if d.StoryID == "" {
		return false, errors.New("no story id to record")
	}
	rec, sumJSON, err := documentJSON(d)
	if err != nil {
		return false, err
	}
	var docRow int64
	err = t.scan(`UPDATE documents SET story_id = ?, summary = ?, record = ?
		WHERE doc_id = ? AND content_hash = ? AND story_id = '' RETURNING id`,
		[]any{d.StoryID, sumJSON, rec, d.DocID, d.ContentHash}, &docRow)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	for _, row := range store.EventRows(d) {
		js, err := json.Marshal(row)
		if err != nil {
			return false, err
		}
		var evRow int64
		err = t.scan(`UPDATE events SET merged_id = ? WHERE event_id = ? AND doc = ? RETURNING id`,
			[]any{row.Event.MergedID, row.ID, docRow}, &evRow)
		if errors.Is(err, sql.ErrNoRows) {
			continue // not an event of the stored version
		}
		if err != nil {
			return false, fmt.Errorf("event %s: %w", row.ID, err)
		}
		if _, err := t.exec(`UPDATE event_records SET record = ? WHERE id = ?`, string(js), evRow); err != nil {
			return false, fmt.Errorf("event %s: %w", row.ID, err)
		}
	}
	return true, nil
}

// Lease takes, renews or gives up a lease; see store.Store. The time is
// this machine's: every process using the file runs on it.
func (s *Store) Lease(ctx context.Context, name, holder string, ttl time.Duration) (bool, int64, error) {
	now := time.Now().UnixMilli()
	t, err := s.begin(ctx)
	if err != nil {
		return false, 0, fmt.Errorf("lease %s: %w", name, err)
	}
	defer t.rollback()
	var held bool
	var handovers int64
	if ttl <= 0 {
		if _, err := t.exec(`UPDATE leases SET until = 0 WHERE name = ? AND holder = ?`, name, holder); err != nil {
			return false, 0, fmt.Errorf("lease %s: %w", name, err)
		}
		err = t.scan(`SELECT handovers FROM leases WHERE name = ?`, []any{name}, &handovers)
	} else {
		// The lease is taken if free, lapsed or ours; a new holder counts
		// a handover. When someone else holds it, nothing is updated and
		// no row comes back.
		var who string
		err = t.scan(`INSERT INTO leases (name, holder, until, handovers) VALUES (?, ?, ?, 1)
			ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until,
				handovers = leases.handovers + (leases.holder != excluded.holder)
			WHERE leases.holder = excluded.holder OR leases.until < ?
			RETURNING holder, handovers`, []any{name, holder, now + ttl.Milliseconds(), now}, &who, &handovers)
		held = err == nil
		if errors.Is(err, sql.ErrNoRows) {
			err = t.scan(`SELECT handovers FROM leases WHERE name = ?`, []any{name}, &handovers)
		}
	}
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return false, 0, fmt.Errorf("lease %s: %w", name, err)
	}
	if err := t.commit(); err != nil {
		return false, 0, fmt.Errorf("lease %s: %w", name, err)
	}
	return held, handovers, nil
}
