package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/store"
)

// where accumulates SQL conditions, written with "?" for each argument,
// and numbers the placeholders as PostgreSQL wants them ($1, $2...).
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	var b strings.Builder
	next := 0
	for _, r := range cond {
		if r == '?' && next < len(args) {
			w.args = append(w.args, args[next])
			next++
			b.WriteString("$" + strconv.Itoa(len(w.args)))
			continue
		}
		b.WriteRune(r)
	}
	w.conds = append(w.conds, b.String())
}

// arg appends an argument used outside the conditions (LIMIT, OFFSET) and
// returns its placeholder.
func (w *where) arg(v any) string {
	w.args = append(w.args, v)
	return "$" + strconv.Itoa(len(w.args))
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// GetDocument returns the stored record with DocID docID.
func (s *Store) GetDocument(ctx context.Context, docID string) (record.Document, error) {
	var rec, body string
	err := s.pool.QueryRow(ctx, `SELECT record, body FROM documents WHERE doc_id = $1`, docID).Scan(&rec, &body)
	if errors.Is(err, pgx.ErrNoRows) {
		return record.Document{}, fmt.Errorf("document %q: %w", docID, store.ErrNotFound)
	}
	if err != nil {
		return record.Document{}, fmt.Errorf("reading document %q: %w", docID, unavailable(err))
	}
	var d record.Document
	if err := json.Unmarshal([]byte(rec), &d); err != nil {
		return record.Document{}, fmt.Errorf("decoding document %q: %w", docID, err)
	}
	d.Body = body
	return d, nil
}

// ListDocuments returns document summaries matching f, newest first.
func (s *Store) ListDocuments(ctx context.Context, f store.DocumentFilter) (store.DocumentPage, error) {
	page := f.Page.Normalized()
	var w where
	if f.From != "" {
		w.add("published >= ?", f.From)
	}
	if f.To != "" {
		w.add("published != '' AND published <= ?", f.To+"\uffff")
	}
	if f.Outlet != "" {
		w.add("outlet = ?", f.Outlet)
	}
	if f.StoryID != "" {
		w.add("story_id = ?", f.StoryID)
	}
	if strings.TrimSpace(f.Query) != "" {
		q, err := parseQuery(f.Query)
		if err != nil {
			return store.DocumentPage{}, err
		}
		w.add("tsv @@ ?::tsquery", tsqueryLiteral(q))
	}
	out := store.DocumentPage{Items: []store.DocumentSummary{}}
	pool := s.poolFor(f.Query)
	if err := pool.QueryRow(ctx, `SELECT count(*) FROM documents`+w.String(), w.args...).Scan(&out.Total); err != nil {
		return out, fmt.Errorf("counting documents: %w", unavailable(err))
	}
	rows, err := pool.Query(ctx, `SELECT summary FROM documents`+w.String()+
		` ORDER BY published DESC, id DESC LIMIT `+w.arg(page.Limit)+` OFFSET `+w.arg(page.Offset), w.args...)
	if err != nil {
		return out, fmt.Errorf("listing documents: %w", unavailable(err))
	}
	defer rows.Close()
	for rows.Next() {
		var js string
		if err := rows.Scan(&js); err != nil {
			return out, fmt.Errorf("listing documents: %w", err)
		}
		var sum store.DocumentSummary
		if err := json.Unmarshal([]byte(js), &sum); err != nil {
			return out, fmt.Errorf("decoding document summary: %w", err)
		}
		out.Items = append(out.Items, sum)
	}
	return out, rows.Err()
}

// eventWhere translates an event filter into conditions on events e.
func (s *Store) eventWhere(f store.EventFilter) (where, error) {
	var w where
	if f.From != "" {
		w.add("e.date != '' AND e.date >= ?", f.From)
	}
	if f.To != "" {
		w.add("e.date != '' AND e.date <= ?", f.To+"\uffff")
	}
	if b := f.BBox; b != nil {
		if s.postgis {
			// For points, overlapping the envelope is lying inside it, edges included.
			w.add("e.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)", b.MinLon, b.MinLat, b.MaxLon, b.MaxLat)
		} else {
			w.add("e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?", b.MinLon, b.MaxLon, b.MinLat, b.MaxLat)
		}
	}
	if f.EventType != "" {
		if _, isType := record.ACLED[f.EventType]; isType {
			w.add("e.event_type = ?", f.EventType)
		} else {
			w.add("e.sub_event_type = ?", f.EventType)
		}
	}
	if f.Outlet != "" {
		w.add("e.outlet = ?", f.Outlet)
	}
	if f.DocID != "" {
		w.add("e.doc = (SELECT id FROM documents WHERE doc_id = ?)", f.DocID)
	}
	if a := strings.TrimSpace(f.Actor); a != "" {
		w.add(`EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event = e.id
			AND (ea.actor_id = ? OR strpos(ea.name, ?) > 0))`, a, arabic.Normalize(a))
	}
	if strings.TrimSpace(f.Query) != "" {
		q, err := parseQuery(f.Query)
		if err != nil {
			return w, err
		}
		w.add("e.tsv @@ ?::tsquery", tsqueryLiteral(q))
	}
	return w, nil
}

// ListEvents returns events matching f, newest first.
func (s *Store) ListEvents(ctx context.Context, f store.EventFilter) (store.EventPage, error) {
	page := f.Page.Normalized()
	out := store.EventPage{Items: []store.EventRow{}}
	w, err := s.eventWhere(f)
	if err != nil {
		return out, err
	}
	pool := s.poolFor(f.Query)
	if err := pool.QueryRow(ctx, `SELECT count(*) FROM events e`+w.String(), w.args...).Scan(&out.Total); err != nil {
		return out, fmt.Errorf("counting events: %w", unavailable(err))
	}
	rows, err := pool.Query(ctx, `SELECT e.record FROM events e`+w.String()+
		` ORDER BY e.date DESC, e.id DESC LIMIT `+w.arg(page.Limit)+` OFFSET `+w.arg(page.Offset), w.args...)
	if err != nil {
		return out, fmt.Errorf("listing events: %w", unavailable(err))
	}
	defer rows.Close()
	for rows.Next() {
		row, err := scanEvent(rows)
		if err != nil {
			return out, err
		}
		out.Items = append(out.Items, row)
	}
	return out, rows.Err()
}

func scanEvent(row pgx.Row) (store.EventRow, error) {
	var js string
	if err := row.Scan(&js); err != nil {
		if errors.Is(err, pgx.ErrNoRows) {
			return store.EventRow{}, err
		}
		return store.EventRow{}, fmt.Errorf("reading event: %w", unavailable(err))
	}
	var ev store.EventRow
	if err := json.Unmarshal([]byte(js), &ev); err != nil {
		return ev, fmt.Errorf("decoding event: %w", err)
	}
	return ev, nil
}

// GetEvent returns the event with store id id.
func (s *Store) GetEvent(ctx context.Context, id string) (store.EventRow, error) {
	row, err := scanEvent(s.pool.QueryRow(ctx, `SELECT record FROM events WHERE event_id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return row, fmt.Errorf("event %q: %w", id, store.ErrNotFound)
	}
	return row, err
}

// EventTimeline counts the events matching f per day.
func (s *Store) EventTimeline(ctx context.Context, f store.EventFilter) ([]store.DayCount, error) {
	w, err := s.eventWhere(f)
	if err != nil {
		return nil, err
	}
	w.add("e.date != ''")
	rows, err := s.poolFor(f.Query).Query(ctx, `SELECT substr(e.date, 1, 10) AS day, count(*) FROM events e`+w.String()+
		` GROUP BY day ORDER BY day`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("counting events per day: %w", unavailable(err))
	}
	defer rows.Close()
	out := []store.DayCount{}
	for rows.Next() {
		var d store.DayCount
		if err := rows.Scan(&d.Day, &d.Events); err != nil {
			return nil, fmt.Errorf("counting events per day: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}
