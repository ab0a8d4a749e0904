package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

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
	sql := `SELECT record, body FROM documents` + w.String() + ` ORDER BY published, id`
	if f.Limit > 0 {
		sql += ` LIMIT ` + w.arg(f.Limit)
	}
	rows, err := s.pool.Query(ctx, sql, w.args...)
	if err != nil {
		return fmt.Errorf("reading documents: %w", unavailable(err))
	}
	defer rows.Close()
	for rows.Next() {
		var rec, body string
		if err := rows.Scan(&rec, &body); err != nil {
			return fmt.Errorf("reading documents: %w", unavailable(err))
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
	return unavailable(rows.Err())
}

// SetStories records the story ids of stored documents; see store.Store.
// Writers racing over the same documents are serialised by the row locks
// of the conditional update: the second finds the story id set.
func (s *Store) SetStories(ctx context.Context, docs []record.Document) ([]bool, error) {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("recording stories: %w", unavailable(err))
	}
	defer tx.Rollback(ctx)
	updated := make([]bool, len(docs))
	for i, d := range docs {
		if updated[i], err = setStory(ctx, tx, d); err != nil {
			return nil, fmt.Errorf("recording the story of %s: %w", d.DocID, unavailable(err))
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, fmt.Errorf("recording stories: %w", unavailable(err))
	}
	return updated, nil
}

func setStory(ctx context.Context, tx pgx.Tx, d record.Document) (bool, error) {
	if d.StoryID == "" {
		return false, errors.New("no story id to record")
	}
	bodyless := d
	bodyless.Body = ""
	rec, err := json.Marshal(bodyless)
	if err != nil {
		return false, err
	}
	sum, err := json.Marshal(store.Summarize(d))
	if err != nil {
		return false, err
	}
	var docRow int64
	err = tx.QueryRow(ctx, `UPDATE documents SET story_id = $1, summary = $2, record = $3
		WHERE doc_id = $4 AND content_hash = $5 AND story_id = '' RETURNING id`,
		d.StoryID, string(sum), string(rec), d.DocID, d.ContentHash).Scan(&docRow)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	rows := store.EventRows(d)
	if len(rows) == 0 {
		return true, nil
	}
	ids, merged, recs := make([]string, len(rows)), make([]string, len(rows)), make([]string, len(rows))
	for i, row := range rows {
		js, err := json.Marshal(row)
		if err != nil {
			return false, err
		}
		ids[i], merged[i], recs[i] = row.ID, row.Event.MergedID, string(js)
	}
	_, err = tx.Exec(ctx, `UPDATE events e SET merged_id = u.merged, record = u.rec
		FROM unnest($1::text[], $2::text[], $3::text[]) AS u(id, merged, rec)
		WHERE e.event_id = u.id AND e.doc = $4`, ids, merged, recs, docRow)
	return true, err
}

// Lease takes, renews or gives up a lease; see store.Store. Time is the
// database server's, so the clocks of the machines sharing it do not matter.
func (s *Store) Lease(ctx context.Context, name, holder string, ttl time.Duration) (bool, int64, error) {
	var handovers int64
	if ttl <= 0 {
		_, err := s.pool.Exec(ctx, `UPDATE leases SET until = '-infinity' WHERE name = $1 AND holder = $2`, name, holder)
		if err == nil {
			err = s.pool.QueryRow(ctx, `SELECT handovers FROM leases WHERE name = $1`, name).Scan(&handovers)
		}
		if err != nil && !errors.Is(err, pgx.ErrNoRows) {
			return false, 0, fmt.Errorf("lease %s: %w", name, unavailable(err))
		}
		return false, handovers, nil
	}
	// One statement: racing takers are serialised by the row lock, and
	// the loser's WHERE sees the winner's row.
	var who string
	err := s.pool.QueryRow(ctx, `INSERT INTO leases (name, holder, until, handovers)
		VALUES ($1, $2, clock_timestamp() + $3::float8 * interval '1 millisecond', 1)
		ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until,
			handovers = leases.handovers + (leases.holder != excluded.holder)::int
		WHERE leases.holder = excluded.holder OR leases.until < clock_timestamp()
		RETURNING holder, handovers`, name, holder, float64(ttl.Milliseconds())).Scan(&who, &handovers)
	if errors.Is(err, pgx.ErrNoRows) {
		err = s.pool.QueryRow(ctx, `SELECT handovers FROM leases WHERE name = $1`, name).Scan(&handovers)
		if err == nil {
			return false, handovers, nil
		}
	}
	if err != nil {
		return false, 0, fmt.Errorf("lease %s: %w", name, unavailable(err))
	}
	return true, handovers, nil
}
