package postgres

import (
	"fmt"
	"sort"
	"strings"

	"github.com/marsad/marsad/internal/store"
	"github.com/marsad/marsad/internal/textindex"
)

// PostgreSQL's limits on a tsvector: a lexeme is under 2 KiB, positions
// stop at 16383, a lexeme keeps 256 of them, and the whole value stays
// under 1 MiB. Built here, the vector honours them instead of failing on a
// huge article; what is dropped is only ever extra positions of repeated
// words and, past the size cap, words first seen very late in a long text.
const (
	maxLexemeBytes = 2046
	maxPosition    = 16383
	maxPositions   = 256
	maxVectorBytes = 900 << 10
)

// weightedText is one field of a document with its tsvector weight.
type weightedText struct {
	text   string
	weight byte // 'A' to 'D'
}

// tsvectorLiteral renders the index forms of texts as a tsvector literal:
// each word's forms at the word's position, with the field's weight. The
// terms are textindex's, so PostgreSQL's parser and dictionaries never see
// the text; searches build their tsquery from the same forms.
func tsvectorLiteral(fields ...weightedText) string {
	type entry struct {
		positions []string
	}
	entries := map[string]*entry{}
	var order []string
	size := 0
	pos := 0
	for _, f := range fields {
		for _, t := range textindex.Terms(f.text) {
			pos++
			p := fmt.Sprintf("%d%c", min(pos, maxPosition), f.weight)
			for _, form := range t.Forms {
				if len(form) > maxLexemeBytes {
					continue
				}
				e, ok := entries[form]
				if !ok {
					if size+len(form)+16 > maxVectorBytes {
						continue
					}
					e = &entry{}
					entries[form] = e
					order = append(order, form)
					size += len(form) + 8
				}
				if len(e.positions) < maxPositions {
					e.positions = append(e.positions, p)
					size += 2
				}
			}
		}
	}
	sort.Strings(order)
	var b strings.Builder
	b.Grow(size + 4*len(order))
	for i, form := range order {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(quoteLexeme(form))
		b.WriteByte(':')
		b.WriteString(strings.Join(entries[form].positions, ","))
	}
	return b.String()
}

// quoteLexeme quotes a lexeme for tsvector and tsquery input.
func quoteLexeme(s string) string {
	s = strings.ReplaceAll(s, `\`, `\\`)
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// tsqueryLiteral renders a parsed query: every group required, any form of
// a group accepted — the meaning ftsMatch gives it in the SQLite store.
func tsqueryLiteral(q textindex.Query) string {
	groups := make([]string, 0, len(q.Groups))
	for _, g := range q.Groups {
		forms := make([]string, 0, len(g))
		for _, f := range g {
			if len(f) <= maxLexemeBytes {
				forms = append(forms, quoteLexeme(f))
			}
		}
		if len(forms) == 0 {
			// A word no vector can hold matches nothing; no lexeme of
			// ours has a space.
			return quoteLexeme("no such word")
		}
		groups = append(groups, "("+strings.Join(forms, " | ")+")")
	}
	return strings.Join(groups, " & ")
}

// parseQuery parses a user query, refusing one with no searchable word.
func parseQuery(query string) (textindex.Query, error) {
	q := textindex.ParseQuery(query)
	if q.Empty() {
		return q, fmt.Errorf("%w: query %q has no searchable word", store.ErrBadQuery, query)
	}
	return q, nil
}
