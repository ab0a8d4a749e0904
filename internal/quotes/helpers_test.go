package quotes

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/record"
)

// ent is a hand-built entity for the fixtures: every occurrence of each
// surface form in the body becomes a mention.
type ent struct {
	id, typ, name string
	surfaces      []string
}

// docWith builds a document over body with the given entities, as the
// entity stage would leave it (Sentences and Tokens are left to Find).
func docWith(body string, ents ...ent) *doc.Doc {
	d := &doc.Doc{Body: body}
	for _, e := range ents {
		re := record.Entity{ID: e.id, Type: e.typ, Name: e.name}
		for _, s := range e.surfaces {
			for _, start := range occurrences(body, s) {
				re.Mentions = append(re.Mentions, record.Mention{Text: s, Start: start, End: start + utf8.RuneCountInString(s)})
			}
		}
		d.Entities = append(d.Entities, re)
	}
	return d
}

// occurrences returns the code-point offsets of s in body.
func occurrences(body, s string) []int {
	var out []int
	for from := 0; ; {
		i := strings.Index(body[from:], s)
		if i < 0 {
			return out
		}
		out = append(out, utf8.RuneCountInString(body[:from+i]))
		from += i + len(s)
	}
}

// checkSpans fails unless every quote's Span covers exactly its Text in
// code points of the body.
func checkSpans(t *testing.T, body string, qs []record.Quote) {
	t.Helper()
	runes := []rune(body)
	for _, q := range qs {
		s, e := q.Span[0], q.Span[1]
		if s < 0 || e > len(runes) || s >= e {
			t.Errorf("quote %q: span %v outside body of %d code points", q.Text, q.Span, len(runes))
			continue
		}
		if got := string(runes[s:e]); got != q.Text {
			t.Errorf("quote span %v is %q, text is %q", q.Span, got, q.Text)
		}
	}
}
