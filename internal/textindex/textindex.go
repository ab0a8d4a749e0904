// Package textindex turns Arabic text into the terms a full-text index stores
// and a query looks up: every word normalised (diacritics, hamza seats, taa
// marbuta folded) and stripped of its clitics, so that «قوات», «والقوات» and
// «قُوّاتُ» are one term. Stores feed these terms to their own engine (SQLite
// FTS5, a PostgreSQL tsvector) instead of the engine's Arabic support, which
// folds neither diacritics nor clitics.
package textindex

import (
	"strings"
	"unicode"

	"github.com/marsad/marsad/internal/arabic"
)

// Term is one indexable word of a text with its place in the source.
type Term struct {
	// Forms are the index forms of the word (see Forms); Forms[0] is the
	// most likely one.
	Forms []string
	// Start and End are code-point offsets of the surface word.
	Start, End int
}

// Terms splits text into indexable terms, in order. Punctuation and symbols
// are dropped; Latin words are lower-cased; numbers are kept.
func Terms(text string) []Term {
	var out []Term
	for _, w := range words(text) {
		forms := Forms(w.text)
		if len(forms) == 0 {
			continue
		}
		out = append(out, Term{Forms: forms, Start: w.start, End: w.end})
	}
	return out
}

// IndexText is the space-separated forms of every word of text, the string
// a store hands to an index whose own tokenizer only splits on spaces.
func IndexText(text string) string {
	var b strings.Builder
	b.Grow(len(text) * 3 / 2)
	for _, t := range Terms(text) {
		for _, f := range t.Forms {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(f)
		}
	}
	return b.String()
}

// Query is a parsed search: a document matches when, for every group, it
// contains at least one of the group's forms.
type Query struct {
	Groups [][]string
}

// ParseQuery reduces a user's query to one group of forms per distinct word.
func ParseQuery(query string) Query {
	seen := map[string]bool{}
	var q Query
	for _, t := range Terms(query) {
		key := strings.Join(t.Forms, " ")
		if seen[key] {
			continue
		}
		seen[key] = true
		q.Groups = append(q.Groups, t.Forms)
	}
	return q
}

// Empty reports whether the query has no searchable word.
func (q Query) Empty() bool { return len(q.Groups) == 0 }

// Stems are the first form of each group, for showing what was searched.
func (q Query) Stems() []string {
	out := make([]string, len(q.Groups))
	for i, g := range q.Groups {
		out[i] = g[0]
	}
	return out
}

// Matches reports whether a word of a text, given its forms, answers any
// group of the query: the test used to highlight matches.
func (q Query) Matches(forms []string) bool {
	for _, g := range q.Groups {
		for _, a := range g {
			for _, b := range forms {
				if a == b {
					return true
				}
			}
		}
	}
	return false
}

// word is a maximal run of letters, marks and digits with its offsets.
type word struct {
	text       string
	start, end int
}

// words splits s on everything that is not a letter, a combining mark or a
// digit. Tatweel and zero-width joiners stay inside words because Normalize
// drops them later.
func words(s string) []word {
	var out []word
	var b strings.Builder
	start, i := -1, 0
	flush := func() {
		if start >= 0 {
			out = append(out, word{text: b.String(), start: start, end: i})
			b.Reset()
			start = -1
		}
	}
	for _, r := range s {
		if inWord(r) {
			if start < 0 {
				start = i
			}
			b.WriteRune(r)
		} else {
			flush()
		}
		i++
	}
	flush()
	return out
}

func inWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) ||
		r == 0x0640 || r == 0x200C || r == 0x200D
}

// Forms returns the index forms of one word: normalised, and with each
// plausible reading of its clitics removed. The first form is the stem that
// arabic.Segment chooses with its lexicon. The rest make recall independent
// of the lexicon: where a leading «و», «ف», «ب», «ك» or «ل» may be a clitic
// or the word's first letter («وقوات» against «وزارة»), both readings are
// kept, so index and query agree whichever is right; the article «ال» and
// its combinations are always split off. It returns nil for a word with
// nothing left to index.
func Forms(w string) []string {
	n := arabic.Normalize(w)
	if n == "" {
		return nil
	}
	if !isArabic(n) {
		return []string{n}
	}
	forms := arabicForms(n)
	if _, stem, _ := arabic.Segment(w); stem != "" && stem != forms[0] {
		out := make([]string, 0, len(forms)+1)
		out = append(out, stem)
		for _, f := range forms {
			if f != stem {
				out = append(out, f)
			}
		}
		return out
	}
	return forms
}

func isArabic(s string) bool {
	for _, r := range s {
		if r >= 0x0600 && r <= 0x06FF {
			return true
		}
	}
	return false
}
