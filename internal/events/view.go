package events

import (
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/arabic"
)

// tokenView is a document's tokens with the forms each may be matched by.
type tokenView struct {
	toks  []arabic.Token
	forms [][]string
}

func newTokenView(toks []arabic.Token) *tokenView {
	v := &tokenView{toks: toks, forms: make([][]string, len(toks))}
	for i := range toks {
		v.forms[i] = formsOf(&toks[i])
	}
	return v
}

// formsOf lists the strings a token matches a lexicon word by: its clitic-
// free stem, its whole normal form, the normal form without a leading
// conjunction (the segmenter may keep «وقف» whole), and the stem without the
// alef of the accusative tanween («هجوما» → هجوم).
func formsOf(t *arabic.Token) []string {
	if t.Kind != arabic.Word {
		return []string{t.Norm}
	}
	out := make([]string, 0, 4)
	add := func(s string) {
		if s == "" {
			return
		}
		for _, o := range out {
			if o == s {
				return
			}
		}
		out = append(out, s)
	}
	add(t.Stem)
	add(t.Norm)
	if n := t.Norm; (strings.HasPrefix(n, "و") || strings.HasPrefix(n, "ف")) && utf8.RuneCountInString(n) > 3 {
		add(n[len("و"):])
	}
	if s := t.Stem; strings.HasSuffix(s, "ا") && utf8.RuneCountInString(s) > 3 {
		add(strings.TrimSuffix(s, "ا"))
	}
	return out
}

// has reports whether token i fills word w.
func (v *tokenView) has(i int, w *word) bool {
	for _, f := range v.forms[i] {
		for _, a := range w.alts {
			if f == a {
				return true
			}
		}
	}
	return false
}

// is reports whether token i has one of the given stems.
func (v *tokenView) is(i int, stems ...string) bool {
	if i < 0 || i >= len(v.toks) {
		return false
	}
	for _, f := range v.forms[i] {
		for _, s := range stems {
			if f == s {
				return true
			}
		}
	}
	return false
}

// hit is a phrase found in the tokens: its index in its set and the first
// and last token it covers.
type hit struct {
	idx         int
	first, last int
}

// matchAt returns the phrases of s that start at token i and end before
// token end, longest first.
func (v *tokenView) matchAt(s *phraseSet, i, end int) []hit {
	var out []hit
	seen := map[int]bool{}
	for _, f := range v.forms[i] {
		for _, idx := range s.byFirst[f] {
			if seen[idx] {
				continue
			}
			seen[idx] = true
			if last, ok := v.matchRest(s.phrases[idx], 1, i, end); ok {
				out = append(out, hit{idx: idx, first: i, last: last})
			}
		}
	}
	// Longest first; ties keep lexicon order.
	for a := 1; a < len(out); a++ {
		for b := a; b > 0 && out[b].last > out[b-1].last; b-- {
			out[b], out[b-1] = out[b-1], out[b]
		}
	}
	return out
}

// matchRest matches words k.. of p after token prev; it returns the last
// token of the match. A gap skips words but never punctuation.
func (v *tokenView) matchRest(p *phrase, k, prev, end int) (int, bool) {
	if k == len(p.words) {
		return prev, true
	}
	w := &p.words[k]
	for j := prev + 1; j <= prev+1+w.gap && j < end; j++ {
		if j > prev+1 && v.toks[j-1].Kind == arabic.Punct {
			break
		}
		if v.has(j, w) {
			if last, ok := v.matchRest(p, k+1, j, end); ok {
				return last, true
			}
		}
	}
	return 0, false
}

// find returns every match of s in tokens [from, to), left to right,
// without overlaps (the longest wins at each start).
func (v *tokenView) find(s *phraseSet, from, to int) []hit {
	var out []hit
	for i := max(from, 0); i < to && i < len(v.toks); i++ {
		if hs := v.matchAt(s, i, to); len(hs) > 0 {
			out = append(out, hs[0])
			i = hs[0].last
		}
	}
	return out
}

// endsAt reports whether a phrase of s ends exactly at token at-1 and
// starts at or after from (within the two tokens before at, or a phrase
// that reaches it).
func (v *tokenView) endsAt(s *phraseSet, from, at int) bool {
	for i := max(from, at-3); i < at; i++ {
		for _, h := range v.matchAt(s, i, at) {
			if h.last == at-1 {
				return true
			}
		}
	}
	return false
}
