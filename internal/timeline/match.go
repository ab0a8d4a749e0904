package timeline

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/arabic"
)

// Mention is a name of a war or a landmark found in a text.
type Mention struct {
	// First and Last are the indexes of the first and last token, inclusive.
	First, Last int
	// Start and End are code-point offsets, End exclusive.
	Start, End int
	// Text is the matched name as the timeline writes it.
	Text string
	// War is set for a war's name, Landmark for a landmark's alias.
	War      *War
	Landmark *Landmark
	// Generic marks a generic war name («الحرب في السودان»).
	Generic bool
	// Series marks an alias naming a series that began with the landmark.
	Series bool
}

// phrase is one name, as word keys.
type phrase struct {
	words    []string
	text     string
	war      *War
	generic  bool
	landmark *Landmark
	series   bool
}

// phraseIndex maps a first word key to the phrases starting with it,
// longest first.
type phraseIndex map[string][]*phrase

func buildIndex(t *Timeline) phraseIndex {
	idx := phraseIndex{}
	add := func(p *phrase) {
		if len(p.words) == 0 {
			return
		}
		idx[p.words[0]] = append(idx[p.words[0]], p)
	}
	for _, w := range t.wars {
		for _, n := range w.Names {
			add(&phrase{words: Key(n), text: n, war: w})
		}
		for _, n := range w.Generic {
			add(&phrase{words: Key(n), text: n, war: w, generic: true})
		}
	}
	for _, l := range t.landmarks {
		for _, a := range l.Aliases {
			add(&phrase{words: Key(a.Text), text: a.Text, landmark: l, series: a.Series})
		}
	}
	for k := range idx {
		ps := idx[k]
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].words) > len(ps[j].words) })
	}
	return idx
}

// Key is the matching form of a name: its words normalised, typos
// corrected, without the article. Two names with the same key are the same
// name to the matcher.
func Key(name string) []string {
	norm := arabic.Normalize(name)
	var out []string
	for _, w := range strings.FieldsFunc(norm, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		out = append(out, stripAl(arabic.Canonical(w)))
	}
	return out
}

// stripAl removes a leading article, keeping at least two letters.
func stripAl(w string) string {
	if strings.HasPrefix(w, "ال") && utf8.RuneCountInString(w) >= 4 {
		return w[len("ال"):]
	}
	return w
}

// fillers are words a text may insert inside a name without changing what
// it names: «هجوم [قوات] حفتر على طرابلس», «تحرير [مدينة] الرقة».
var fillers = map[string]bool{}

func init() {
	for _, w := range []string{"قوات", "مليشيات", "ميليشيات", "مليشيا", "ميليشيا", "عناصر", "مسلحي", "مقاتلي",
		"كتائب", "مدينة", "بلدة", "منطقة", "محافظة", "ولاية", "مدينتي"} {
		fillers[Key(w)[0]] = true
	}
}

// barriers are punctuation marks a name never spans.
var barriers = map[string]bool{".": true, "!": true, "?": true, "؟": true, "؛": true, ";": true, ":": true, "،": true, ",": true}

// word is a token as the matcher sees it: its key, the key of its stem,
// and (first words only) the key without a leading clitic letter the
// segmenter left on («لمؤتمر»).
type word struct {
	tok     int
	keys    [3]string
	barrier bool
}

func (w *word) is(k string) bool { return k != "" && (w.keys[0] == k || w.keys[1] == k) }

// proclitics are the clitic letters a name's first word may carry, longest
// first.
var proclitics = []string{"وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك"}

// bare strips clitic letters off a key the segmenter left whole: «لمؤتمر»
// → «موتمر», «للجيش» → «جيش»; "" when none applies.
func bare(k string) string {
	for _, p := range proclitics {
		rest, ok := strings.CutPrefix(k, p)
		if !ok || utf8.RuneCountInString(rest) < 3 {
			continue
		}
		if strings.HasSuffix(p, "ل") && strings.HasPrefix(rest, "ل") {
			return stripAl("ا" + rest) // للجيش = ل + الجيش
		}
		return stripAl(rest)
	}
	return ""
}

// Find returns the names of wars and landmarks in a token sequence (as
// arabic.Tokenize returns it), longest match first, left to right, without
// overlaps. A clitic on the first word («بعملية بركان الغضب»), the article
// anywhere and quotation marks are ignored; up to two filler words may be
// inserted.
func (t *Timeline) Find(toks []arabic.Token) []Mention {
	words := make([]word, 0, len(toks))
	for i := range toks {
		tk := &toks[i]
		switch tk.Kind {
		case arabic.Word, arabic.Number, arabic.Latin:
			w := word{tok: i}
			w.keys[0] = stripAl(arabic.Canonical(tk.Norm))
			if tk.Enclitic == "" && tk.Stem != "" {
				w.keys[1] = stripAl(tk.Stem)
			}
			if len(tk.Proclitics()) == 0 {
				w.keys[2] = bare(w.keys[0])
			}
			words = append(words, w)
		case arabic.Punct:
			if barriers[tk.Norm] {
				words = append(words, word{tok: i, barrier: true})
			}
		}
	}
	var out []Mention
	for i := 0; i < len(words); {
		if words[i].barrier {
			i++
			continue
		}
		var best *phrase
		bestEnd := -1
		for _, k := range words[i].keys {
			if k == "" {
				continue
			}
			for _, p := range t.index[k] {
				if best != nil && len(p.words) <= len(best.words) {
					break
				}
				if end, ok := matchFrom(p.words, words, i); ok {
					best, bestEnd = p, end
					break
				}
			}
		}
		if best == nil {
			i++
			continue
		}
		first, last := words[i].tok, words[bestEnd].tok
		out = append(out, Mention{
			First: first, Last: last, Start: toks[first].Start, End: toks[last].End, Text: best.text,
			War: best.war, Landmark: best.landmark, Generic: best.generic, Series: best.series,
		})
		i = bestEnd + 1
	}
	return out
}

// matchFrom matches the phrase words against words from i on and returns
// the index of the last word used.
func matchFrom(pw []string, words []word, i int) (int, bool) {
	k, skips := i+1, 0
	for _, w := range pw[1:] {
		for k < len(words) && !words[k].barrier && !words[k].is(w) && skips < 2 && fillers[words[k].keys[0]] {
			k++
			skips++
		}
		if k >= len(words) || words[k].barrier || !words[k].is(w) {
			return 0, false
		}
		k++
	}
	return k - 1, true
}
