package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/store"
	"github.com/marsad/marsad/internal/textindex"
)

// ftsMatch renders a parsed query as an FTS5 MATCH expression: every group
// required, any form of a group accepted. Forms hold only letters and
// digits, but are quoted anyway so no form is read as FTS5 syntax.
func ftsMatch(q textindex.Query) string {
	groups := make([]string, len(q.Groups))
	for i, g := range q.Groups {
		forms := make([]string, len(g))
		for j, f := range g {
			forms[j] = `"` + strings.ReplaceAll(f, `"`, `""`) + `"`
		}
		groups[i] = "(" + strings.Join(forms, " OR ") + ")"
	}
	return strings.Join(groups, " AND ")
}

// parseQuery parses a user query, refusing one with no searchable word.
func parseQuery(query string) (textindex.Query, error) {
	q := textindex.ParseQuery(query)
	if q.Empty() {
		return q, fmt.Errorf("%w: query %q has no searchable word", store.ErrBadQuery, query)
	}
	return q, nil
}

// where accumulates SQL conditions and their arguments.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
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
	err := s.reader.QueryRowContext(ctx, `SELECT record, body FROM documents WHERE doc_id = ?`, docID).Scan(&rec, &body)
	if errors.Is(err, sql.ErrNoRows) {
		return record.Document{}, fmt.Errorf("document %q: %w", docID, store.ErrNotFound)
	}
	if err != nil {
		return record.Document{}, fmt.Errorf("reading document %q: %w", docID, err)
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
		w.add("id IN (SELECT rowid FROM doc_fts WHERE doc_fts MATCH ?)", ftsMatch(q))
	}
	out := store.DocumentPage{Items: []store.DocumentSummary{}}
	if err := s.reader.QueryRowContext(ctx, `SELECT count(*) FROM documents`+w.String(), w.args...).Scan(&out.Total); err != nil {
		return out, fmt.Errorf("counting documents: %w", err)
	}
	rows, err := s.reader.QueryContext(ctx, `SELECT summary FROM documents`+w.String()+
		` ORDER BY published DESC, id DESC LIMIT ? OFFSET ?`, append(w.args, page.Limit, page.Offset)...)
	if err != nil {
		return out, fmt.Errorf("listing documents: %w", err)
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

// actorKeys resolves an actor filter to the keys of the actors it names:
// the key itself, or every actor one of whose names contains the
// normalised fragment. The name table is small, so this is cheap, and the
// event query can then use the actor index.
func (s *Store) actorKeys(ctx context.Context, actor string) ([]any, error) {
	actor = strings.TrimSpace(actor)
	if actor == "" {
		return nil, nil
	}
	rows, err := s.reader.QueryContext(ctx, `SELECT DISTINCT actor_id FROM actor_names
		WHERE actor_id = ? OR instr(norm, ?) > 0`, actor, arabic.Normalize(actor))
	if err != nil {
		return nil, fmt.Errorf("resolving actor %q: %w", actor, err)
	}
	defer rows.Close()
	keys := []any{actor}
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, fmt.Errorf("resolving actor %q: %w", actor, err)
		}
		if k != actor {
			keys = append(keys, k)
		}
	}
	return keys, rows.Err()
}

// eventWhere translates an event filter into conditions on events e.
func (s *Store) eventWhere(ctx context.Context, f store.EventFilter) (where, error) {
	var w where
	actorKeys, err := s.actorKeys(ctx, f.Actor)
	if err != nil {
		return w, err
	}
	if f.From != "" {
		w.add("e.date != '' AND e.date >= ?", f.From)
	}
	if f.To != "" {
		w.add("e.date != '' AND e.date <= ?", f.To+"\uffff")
	}
	if b := f.BBox; b != nil {
		w.add("e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?", b.MinLon, b.MaxLon, b.MinLat, b.MaxLat)
	}
	if f.EventType != "" {
		// Naming the column lets SQLite use its index.
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
	if len(actorKeys) > 0 {
		marks := strings.TrimSuffix(strings.Repeat("?,", len(actorKeys)), ",")
		w.add(`e.id IN (SELECT event FROM event_actors WHERE actor_id IN (`+marks+`))`, actorKeys...)
	}
	if strings.TrimSpace(f.Query) != "" {
		q, err := parseQuery(f.Query)
		if err != nil {
			return w, err
		}
		w.add("e.id IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ?)", ftsMatch(q))
	}
	return w, nil
}

// ListEvents returns events matching f, newest first.
func (s *Store) ListEvents(ctx context.Context, f store.EventFilter) (store.EventPage, error) {
	page := f.Page.Normalized()
	out := store.EventPage{Items: []store.EventRow{}}
	w, err := s.eventWhere(ctx, f)
	if err != nil {
		return out, err
	}
	if err := s.reader.QueryRowContext(ctx, `SELECT count(*) FROM events e`+w.String(), w.args...).Scan(&out.Total); err != nil {
		return out, fmt.Errorf("counting events: %w", err)
	}
	// The page is chosen from the indexes alone, then its records are read:
	// sorting whole records of a large match costs a read of every one.
	rows, err := s.reader.QueryContext(ctx, `SELECT r.record FROM
		(SELECT e.id, e.date FROM events e`+w.String()+` ORDER BY e.date DESC, e.id DESC LIMIT ? OFFSET ?) p
		JOIN event_records r ON r.id = p.id ORDER BY p.date DESC, p.id DESC`, append(w.args, page.Limit, page.Offset)...)
	if err != nil {
		return out, fmt.Errorf("listing events: %w", err)
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

func scanEvent(rows interface{ Scan(...any) error }) (store.EventRow, error) {
	var js string
	if err := rows.Scan(&js); err != nil {
		return store.EventRow{}, fmt.Errorf("reading event: %w", err)
	}
	var row store.EventRow
	if err := json.Unmarshal([]byte(js), &row); err != nil {
		return row, fmt.Errorf("decoding event: %w", err)
	}
	return row, nil
}

// GetEvent returns the event with store id id.
func (s *Store) GetEvent(ctx context.Context, id string) (store.EventRow, error) {
	row, err := scanEvent(s.reader.QueryRowContext(ctx, `SELECT r.record FROM events e
		JOIN event_records r ON r.id = e.id WHERE e.event_id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return row, fmt.Errorf("event %q: %w", id, store.ErrNotFound)
	}
	return row, err
}

// EventTimeline counts the events matching f per day.
func (s *Store) EventTimeline(ctx context.Context, f store.EventFilter) ([]store.DayCount, error) {
	w, err := s.eventWhere(ctx, f)
	if err != nil {
		return nil, err
	}
	w.add("e.date != ''")
	rows, err := s.reader.QueryContext(ctx, `SELECT e.date, count(*) FROM events e`+w.String()+
		` GROUP BY e.date ORDER BY e.date`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("counting events per day: %w", err)
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
