package postgres

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/marsad/marsad/internal/store"
	"github.com/marsad/marsad/internal/textindex"
)

// snippetWidth is the length of a search snippet in code points, as in the
// SQLite store: snippets come from textindex in both, so they are the same.
const snippetWidth = 220

// rankWeights weigh a match in the title (A) three times one in the body
// (B), as the SQLite store's BM25 does; C and D are unused.
const rankWeights = "{0.0, 0.0, 0.33, 1.0}"

// Search runs query over titles and bodies; see store.Store. Relevance is
// ts_rank over the weighted vector, normalised by document length (PostgreSQL
// has no BM25); the order differs from SQLite's in detail, not in kind.
func (s *Store) Search(ctx context.Context, query string, p store.Page) (store.SearchPage, error) {
	page := p.Normalized()
	q, err := parseQuery(query)
	if err != nil {
		return store.SearchPage{}, err
	}
	tsq := tsqueryLiteral(q)
	out := store.SearchPage{Items: []store.SearchHit{}, Terms: q.Stems(), Ranking: store.RankRelevance}
	var n int
	if err := s.text.QueryRow(ctx, `SELECT count(*) FROM
		(SELECT 1 FROM documents WHERE tsv @@ $1::tsquery LIMIT $2) m`, tsq, s.maxTotal+1).Scan(&n); err != nil {
		return out, fmt.Errorf("searching %q: %w", query, unavailable(err))
	}
	out.Total, out.TotalCapped = min(n, s.maxTotal), n > s.maxTotal
	sql := `SELECT summary, body, title, ts_rank('` + rankWeights + `', tsv, $1::tsquery, 1) AS score
		FROM documents WHERE tsv @@ $1::tsquery ORDER BY score DESC, id DESC LIMIT $2 OFFSET $3`
	if n > s.rankLimit {
		out.Ranking = store.RankRecent
		sql = `SELECT summary, body, title, 0.0::real AS score
			FROM documents WHERE tsv @@ $1::tsquery ORDER BY id DESC LIMIT $2 OFFSET $3`
	}
	rows, err := s.text.Query(ctx, sql, tsq, page.Limit, page.Offset)
	if err != nil {
		return out, fmt.Errorf("searching %q: %w", query, unavailable(err))
	}
	defer rows.Close()
	for rows.Next() {
		var sumJSON, body, title string
		var score float32
		var hit store.SearchHit
		if err := rows.Scan(&sumJSON, &body, &title, &score); err != nil {
			return out, fmt.Errorf("searching %q: %w", query, err)
		}
		if err := json.Unmarshal([]byte(sumJSON), &hit.DocumentSummary); err != nil {
			return out, fmt.Errorf("decoding document summary: %w", err)
		}
		hit.Score = float64(score)
		hit.Snippet, hit.Highlights = textindex.Snippet(body, q, snippetWidth)
		if len(hit.Highlights) == 0 {
			if snip, hl := textindex.Snippet(title, q, snippetWidth); len(hl) > 0 {
				hit.Snippet, hit.Highlights = snip, hl
			}
		}
		out.Items = append(out.Items, hit)
	}
	if err := rows.Err(); err != nil {
		return out, fmt.Errorf("searching %q: %w", query, unavailable(err))
	}
	return out, nil
}
