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
// event query can then use the actor index. No key means no actor matches.
func (s *Store) actorKeys(ctx context.Context, actor string) ([]any, error) {
	norm := arabic.Normalize(actor)
	if norm == "" {
		norm = "\uffff" // an empty fragment is in every name; match by id only
	}
	rows, err := s.reader.QueryContext(ctx, `SELECT DISTINCT actor_id FROM actor_names
		WHERE actor_id = ? OR instr(norm, ?) > 0 ORDER BY actor_id`, actor, norm)
	if err != nil {
		return nil, fmt.Errorf("resolving actor %q: %w", actor, err)
	}
	defer rows.Close()
	var keys []any
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, fmt.Errorf("resolving actor %q: %w", actor, err)
		}
		keys = append(keys, k)
	}
	return keys, rows.Err()
}

// eventQuery is an event filter in SQL. Most filters read events e. A
// filter naming one actor reads that actor's rows of event_actors ea
// instead, which are keyed by actor and date: a page is read in order off
// the key and the count needs no other table unless other filters do.
type eventQuery struct {
	w where
	// byActor reads event_actors ea for one actor.
	byActor bool
	// needEvents is set when a condition reads events e.
	needEvents bool
	// selective is set when a condition matches few events (a text query,
	// one document): SQLite should start from those, not from the actor.
	selective bool
	// none is set when the filter can match nothing (an unknown actor).
	none bool
}

// from is the FROM clause of the count (page false) or of a page.
func (q *eventQuery) from(page bool) string {
	switch {
	case !q.byActor:
		return " FROM events e"
	case !q.needEvents:
		return " FROM event_actors ea"
	case page && !q.selective:
		// The actor's rows lead: they come in date order, so the page stops
		// after enough matches instead of sorting them all; CROSS JOIN
		// keeps SQLite from reordering the tables.
		return " FROM event_actors ea CROSS JOIN events e ON e.id = ea.event"
	default:
		// A count reads every match either way; SQLite picks the order.
		return " FROM event_actors ea JOIN events e ON e.id = ea.event"
	}
}

// date and id are the columns the events are ordered by.
func (q *eventQuery) date() string {
	if q.byActor {
		return "ea.date"
	}
	return "e.date"
}

func (q *eventQuery) id() string {
	if q.byActor {
		return "ea.event"
	}
	return "e.id"
}

// on adds a condition that reads events e.
func (q *eventQuery) on(cond string, args ...any) {
	q.needEvents = true
	q.w.add(cond, args...)
}

// eventQuery translates an event filter.
func (s *Store) eventQuery(ctx context.Context, f store.EventFilter) (*eventQuery, error) {
	q := &eventQuery{}
	var actorKeys []any
	if actor := strings.TrimSpace(f.Actor); actor != "" {
		keys, err := s.actorKeys(ctx, actor)
		if err != nil {
			return nil, err
		}
		if len(keys) == 0 {
			q.none = true
			return q, nil
		}
		if len(keys) == 1 {
			q.byActor = true
			q.w.add("ea.actor_id = ?", keys[0])
		} else {
			actorKeys = keys
		}
	}
	date := q.date()
	if f.From != "" {
		q.w.add(date+" != '' AND "+date+" >= ?", f.From)
	}
	if f.To != "" {
		q.w.add(date+" != '' AND "+date+" <= ?", f.To+"\uffff")
	}
	if b := f.BBox; b != nil {
		q.on("e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?", b.MinLon, b.MaxLon, b.MinLat, b.MaxLat)
	}
	if f.EventType != "" {
		// Naming the column lets SQLite use its index; event_actors has
		// both columns too.
		column := "sub_event_type"
		if _, isType := record.ACLED[f.EventType]; isType {
			column = "event_type"
		}
		if q.byActor {
			q.w.add("ea."+column+" = ?", f.EventType)
		} else {
			q.on("e."+column+" = ?", f.EventType)
		}
	}
	if f.Outlet != "" {
		q.on("e.outlet = ?", f.Outlet)
	}
	if f.DocID != "" {
		q.on("e.doc = (SELECT id FROM documents WHERE doc_id = ?)", f.DocID)
		q.selective = true
	}
	if len(actorKeys) > 0 {
		marks := strings.TrimSuffix(strings.Repeat("?,", len(actorKeys)), ",")
		q.on(`e.id IN (SELECT event FROM event_actors WHERE actor_id IN (`+marks+`))`, actorKeys...)
	}
	if strings.TrimSpace(f.Query) != "" {
		parsed, err := parseQuery(f.Query)
		if err != nil {
			return nil, err
		}
		q.on("e.id IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ?)", ftsMatch(parsed))
		q.selective = true
	}
	return q, nil
}

// ListEvents returns events matching f, newest first.
func (s *Store) ListEvents(ctx context.Context, f store.EventFilter) (store.EventPage, error) {
	page := f.Page.Normalized()
	out := store.EventPage{Items: []store.EventRow{}}
	q, err := s.eventQuery(ctx, f)
	if err != nil || q.none {
		return out, err
	}
	if err := s.reader.QueryRowContext(ctx, `SELECT count(*)`+q.from(false)+q.w.String(), q.w.args...).Scan(&out.Total); err != nil {
		return out, fmt.Errorf("counting events: %w", err)
	}
	// The page is chosen from the indexes alone, then its records are read:
	// sorting whole records of a large match costs a read of every one.
	rows, err := s.reader.QueryContext(ctx, `SELECT r.record FROM
		(SELECT `+q.id()+` AS id, `+q.date()+` AS date`+q.from(true)+q.w.String()+
		` ORDER BY `+q.date()+` DESC, `+q.id()+` DESC LIMIT ? OFFSET ?) p
		JOIN event_records r ON r.id = p.id ORDER BY p.date DESC, p.id DESC`, append(q.w.args, page.Limit, page.Offset)...)
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
	q, err := s.eventQuery(ctx, f)
	if err != nil || q.none {
		return []store.DayCount{}, err
	}
	date := q.date()
	q.w.add(date + " != ''")
	rows, err := s.reader.QueryContext(ctx, `SELECT `+date+`, count(*)`+q.from(false)+q.w.String()+
		` GROUP BY `+date+` ORDER BY `+date, q.w.args...)
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
