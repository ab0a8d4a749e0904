package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/store"
)

// ListStories returns stories, the most recently updated first.
func (s *Store) ListStories(ctx context.Context, p store.Page) (store.StoryPage, error) {
	page := p.Normalized()
	out := store.StoryPage{Items: []store.StorySummary{}}
	if err := s.reader.QueryRowContext(ctx,
		`SELECT count(DISTINCT story_id) FROM documents WHERE story_id != ''`).Scan(&out.Total); err != nil {
		return out, fmt.Errorf("counting stories: %w", err)
	}
	rows, err := s.reader.QueryContext(ctx, `SELECT story_id, count(*), sum(n_events), min(published), max(published),
		group_concat(DISTINCT outlet),
		(SELECT title FROM documents d2 WHERE d2.story_id = d.story_id ORDER BY published, doc_id LIMIT 1)
		FROM documents d WHERE story_id != '' GROUP BY story_id
		ORDER BY max(published) DESC, story_id LIMIT ? OFFSET ?`, page.Limit, page.Offset)
	if err != nil {
		return out, fmt.Errorf("listing stories: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var st store.StorySummary
		var outlets string
		if err := rows.Scan(&st.ID, &st.Documents, &st.Events, &st.First, &st.Last, &outlets, &st.Title); err != nil {
			return out, fmt.Errorf("listing stories: %w", err)
		}
		st.Outlets = splitOutlets(outlets)
		out.Items = append(out.Items, st)
	}
	return out, rows.Err()
}

func splitOutlets(s string) []string {
	out := []string{}
	for _, o := range strings.Split(s, ",") {
		if o != "" {
			out = append(out, o)
		}
	}
	sort.Strings(out)
	return out
}

// GetStory returns the story with id id, built from its documents.
func (s *Store) GetStory(ctx context.Context, id string) (store.StoryDetail, error) {
	rows, err := s.reader.QueryContext(ctx, `SELECT record, body FROM documents WHERE story_id = ? AND story_id != ''`, id)
	if err != nil {
		return store.StoryDetail{}, fmt.Errorf("reading story %q: %w", id, err)
	}
	defer rows.Close()
	var docs []record.Document
	for rows.Next() {
		var js, body string
		if err := rows.Scan(&js, &body); err != nil {
			return store.StoryDetail{}, fmt.Errorf("reading story %q: %w", id, err)
		}
		var d record.Document
		if err := json.Unmarshal([]byte(js), &d); err != nil {
			return store.StoryDetail{}, fmt.Errorf("decoding a document of story %q: %w", id, err)
		}
		d.Body = body
		docs = append(docs, d)
	}
	if err := rows.Err(); err != nil {
		return store.StoryDetail{}, err
	}
	if len(docs) == 0 {
		return store.StoryDetail{}, fmt.Errorf("story %q: %w", id, store.ErrNotFound)
	}
	return store.BuildStory(id, docs), nil
}

// ListActors returns actors, most documents first, with their labels per outlet.
func (s *Store) ListActors(ctx context.Context, f store.ActorFilter) (store.ActorPage, error) {
	page := f.Page.Normalized()
	out := store.ActorPage{Items: []store.Actor{}}
	var w where
	if q := strings.TrimSpace(f.Query); q != "" {
		w.add("(actor_id = ? OR instr(norm, ?) > 0)", q, arabic.Normalize(q))
	}
	if err := s.reader.QueryRowContext(ctx, `SELECT count(DISTINCT actor_id) FROM doc_actors`+w.String(),
		w.args...).Scan(&out.Total); err != nil {
		return out, fmt.Errorf("counting actors: %w", err)
	}
	// The displayed name is the one used most often for the id.
	rows, err := s.reader.QueryContext(ctx, `SELECT actor_id,
		(SELECT name FROM doc_actors n WHERE n.actor_id = a.actor_id GROUP BY name ORDER BY count(*) DESC, name LIMIT 1),
		max(name_en), max(type), max(side), count(DISTINCT doc), sum(events)
		FROM doc_actors a`+w.String()+` GROUP BY actor_id
		ORDER BY count(DISTINCT doc) DESC, sum(events) DESC, actor_id LIMIT ? OFFSET ?`,
		append(w.args, page.Limit, page.Offset)...)
	if err != nil {
		return out, fmt.Errorf("listing actors: %w", err)
	}
	defer rows.Close()
	index := map[string]int{}
	for rows.Next() {
		a := store.Actor{Labels: []store.Label{}}
		if err := rows.Scan(&a.ID, &a.Name, &a.NameEn, &a.Type, &a.Side, &a.Documents, &a.Events); err != nil {
			return out, fmt.Errorf("listing actors: %w", err)
		}
		index[a.ID] = len(out.Items)
		out.Items = append(out.Items, a)
	}
	if err := rows.Err(); err != nil {
		return out, err
	}
	rows.Close()
	return out, s.addLabels(ctx, out.Items, index)
}

// addLabels fills the per-outlet labels of the listed actors.
func (s *Store) addLabels(ctx context.Context, actors []store.Actor, index map[string]int) error {
	if len(actors) == 0 {
		return nil
	}
	ids := make([]any, len(actors))
	marks := make([]string, len(actors))
	for i, a := range actors {
		ids[i], marks[i] = a.ID, "?"
	}
	rows, err := s.reader.QueryContext(ctx, `SELECT actor_id, outlet, label, sum(count) FROM framing
		WHERE actor_id IN (`+strings.Join(marks, ",")+`) GROUP BY actor_id, outlet, label`, ids...)
	if err != nil {
		return fmt.Errorf("reading actor labels: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var l store.Label
		if err := rows.Scan(&id, &l.Outlet, &l.Label, &l.Count); err != nil {
			return fmt.Errorf("reading actor labels: %w", err)
		}
		a := &actors[index[id]]
		a.Labels = append(a.Labels, l)
	}
	for i := range actors {
		store.SortLabels(actors[i].Labels)
	}
	return rows.Err()
}

// Stats counts what the store holds.
func (s *Store) Stats(ctx context.Context) (store.Stats, error) {
	st := store.Stats{Outlets: []store.OutletCount{}}
	err := s.reader.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM documents),
		(SELECT count(*) FROM events),
		(SELECT count(*) FROM entities),
		(SELECT count(*) FROM quotes),
		(SELECT count(DISTINCT story_id) FROM documents WHERE story_id != ''),
		coalesce((SELECT min(date) FROM events WHERE date != ''), ''),
		coalesce((SELECT max(date) FROM events WHERE date != ''), '')`).Scan(
		&st.Documents, &st.Events, &st.Entities, &st.Quotes, &st.Stories, &st.FirstDate, &st.LastDate)
	if err != nil {
		return st, fmt.Errorf("counting store contents: %w", err)
	}
	rows, err := s.reader.QueryContext(ctx, `SELECT outlet, count(*), sum(n_events) FROM documents
		GROUP BY outlet ORDER BY count(*) DESC, outlet`)
	if err != nil {
		return st, fmt.Errorf("counting outlets: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var o store.OutletCount
		if err := rows.Scan(&o.Outlet, &o.Documents, &o.Events); err != nil {
			return st, fmt.Errorf("counting outlets: %w", err)
		}
		st.Outlets = append(st.Outlets, o)
	}
	return st, rows.Err()
}
