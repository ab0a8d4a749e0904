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

// actorKeys resolves an actor filter to the keys of the actors it names:
// the key itself, or every actor one of whose names contains the
// normalised fragment. No key means no actor matches.
func (s *Store) actorKeys(ctx context.Context, actor string) ([]string, error) {
	norm := arabic.Normalize(actor)
	if norm == "" {
		norm = "\uffff" // an empty fragment is in every name; match by id only
	}
	rows, err := s.pool.Query(ctx, `SELECT DISTINCT actor_id FROM actor_names
		WHERE actor_id = $1 OR strpos(norm, $2) > 0 ORDER BY actor_id`, noNUL(actor), noNUL(norm))
	if err != nil {
		return nil, fmt.Errorf("resolving actor %q: %w", actor, unavailable(err))
	}
	keys, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("resolving actor %q: %w", actor, unavailable(err))
	}
	return keys, nil
}

// eventQuery is an event filter in SQL. Most filters read events e. A
// filter naming one actor reads that actor's rows of event_actors ea
// instead, keyed by actor and date: a page is read in order off the index,
// and the count needs no other table unless other filters do.
type eventQuery struct {
	w where
	// byActor reads event_actors ea for one actor.
	byActor bool
	// needEvents is set when a condition reads events e.
	needEvents bool
	// none is set when the filter can match nothing (an unknown actor).
	none bool
}

// from is the FROM clause.
func (q *eventQuery) from() string {
	switch {
	case !q.byActor:
		return " FROM events e"
	case q.needEvents:
		return " FROM event_actors ea JOIN events e ON e.id = ea.event"
	default:
		return " FROM event_actors ea"
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
	var actorKeys []string
	if actor := strings.TrimSpace(f.Actor); actor != "" {
		keys, err := s.actorKeys(ctx, actor)
		if err != nil {
			return nil, err
		}
		switch len(keys) {
		case 0:
			q.none = true
			return q, nil
		case 1:
			q.byActor = true
			q.w.add("ea.actor_id = ?", keys[0])
		default:
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
		if s.postgis {
			// For points, overlapping the envelope is lying inside it, edges included.
			q.on("e.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)", b.MinLon, b.MinLat, b.MaxLon, b.MaxLat)
		} else {
			q.on("e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?", b.MinLon, b.MaxLon, b.MinLat, b.MaxLat)
		}
	}
	if f.EventType != "" {
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
	}
	if len(actorKeys) > 0 {
		q.on(`e.id IN (SELECT event FROM event_actors WHERE actor_id = ANY(?))`, actorKeys)
	}
	if strings.TrimSpace(f.Query) != "" {
		parsed, err := parseQuery(f.Query)
		if err != nil {
			return nil, err
		}
		q.on("e.tsv @@ ?::tsquery", tsqueryLiteral(parsed))
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
	pool := s.poolFor(f.Query)
	if err := pool.QueryRow(ctx, `SELECT count(*)`+q.from()+q.w.String(), q.w.args...).Scan(&out.Total); err != nil {
		return out, fmt.Errorf("counting events: %w", unavailable(err))
	}
	conds := q.w.String()
	window := ` LIMIT ` + q.w.arg(page.Limit) + ` OFFSET ` + q.w.arg(page.Offset)
	sql := `SELECT e.record` + q.from() + conds + ` ORDER BY e.date DESC, e.id DESC` + window
	if q.byActor {
		// The page is chosen off the actor's index, then its records read.
		sql = `SELECT e.record FROM (SELECT ea.event, ea.date` + q.from() + conds +
			` ORDER BY ea.date DESC, ea.event DESC` + window +
			`) p JOIN events e ON e.id = p.event ORDER BY p.date DESC, p.event DESC`
	}
	rows, err := pool.Query(ctx, sql, q.w.args...)
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
	q, err := s.eventQuery(ctx, f)
	if err != nil || q.none {
		return []store.DayCount{}, err
	}
	date := q.date()
	q.w.add(date + " != ''")
	rows, err := s.poolFor(f.Query).Query(ctx, `SELECT substr(`+date+`, 1, 10) AS day, count(*)`+q.from()+q.w.String()+
		` GROUP BY day ORDER BY day`, q.w.args...)
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
