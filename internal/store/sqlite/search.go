package sqlite

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/marsad/marsad/internal/store"
	"github.com/marsad/marsad/internal/textindex"
)

// snippetWidth is the length of a search snippet in code points.
const snippetWidth = 220

// Search runs query over titles and bodies; see store.Store. Relevance is
// BM25 with the title weighted three times the body.
func (s *Store) Search(ctx context.Context, query string, p store.Page) (store.SearchPage, error) {
	page := p.Normalized()
	q, err := parseQuery(query)
	if err != nil {
		return store.SearchPage{}, err
	}
	match := ftsMatch(q)
	out := store.SearchPage{Items: []store.SearchHit{}, Terms: q.Stems(), Ranking: store.RankRelevance}
	var n int
	if err := s.reader.QueryRowContext(ctx, `SELECT count(*) FROM
		(SELECT rowid FROM doc_fts WHERE doc_fts MATCH ? LIMIT ?)`, match, s.maxTotal+1).Scan(&n); err != nil {
		return out, fmt.Errorf("searching %q: %w", query, err)
	}
	out.Total, out.TotalCapped = min(n, s.maxTotal), n > s.maxTotal
	ranked := `SELECT rowid, bm25(doc_fts, 3.0, 1.0) AS score FROM doc_fts WHERE doc_fts MATCH ?
		ORDER BY score, rowid DESC LIMIT ? OFFSET ?`
	if n > s.rankLimit {
		out.Ranking = store.RankRecent
		ranked = `SELECT rowid, 0.0 AS score FROM doc_fts WHERE doc_fts MATCH ?
			ORDER BY rowid DESC LIMIT ? OFFSET ?`
	}
	rows, err := s.reader.QueryContext(ctx, `SELECT d.summary, d.body, d.title, -f.score FROM (`+ranked+`) f
		JOIN documents d ON d.id = f.rowid ORDER BY f.score, f.rowid DESC`, match, page.Limit, page.Offset)
	if err != nil {
		return out, fmt.Errorf("searching %q: %w", query, err)
	}
	defer rows.Close()
	for rows.Next() {
		var sumJSON, body, title string
		var hit store.SearchHit
		if err := rows.Scan(&sumJSON, &body, &title, &hit.Score); err != nil {
			return out, fmt.Errorf("searching %q: %w", query, err)
		}
		if err := json.Unmarshal([]byte(sumJSON), &hit.DocumentSummary); err != nil {
			return out, fmt.Errorf("decoding document summary: %w", err)
		}
		hit.Snippet, hit.Highlights = textindex.Snippet(body, q, snippetWidth)
		if len(hit.Highlights) == 0 {
			if snip, hl := textindex.Snippet(title, q, snippetWidth); len(hl) > 0 {
				hit.Snippet, hit.Highlights = snip, hl
			}
		}
		out.Items = append(out.Items, hit)
	}
	if err := rows.Err(); err != nil {
		return out, fmt.Errorf("searching %q: %w", query, err)
	}
	return out, nil
}
