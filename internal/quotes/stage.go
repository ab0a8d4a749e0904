// Package quotes finds direct and reported speech in an article: who said
// what, with which reporting verb, and where the words are in the body.
//
// Attribution is read with general rules of Arabic news syntax rather than
// a parser: a reporting verb («قال», «أكد», «أشار إلى»...) with its subject
// after it (VSO) or before it (SVO), a participle that continues the speech
// of the clause before it («مضيفا أن»), an attribution phrase («بحسب X»,
// «وفق قوله», «نقلا عن X»), «جاء في البيان», «نقل X عن Y». Subjects left
// implicit (a pronoun, a relative clause) are resolved to the speaker they
// refer to. Speakers are linked to the entities of the document when an
// entity is named in the speaker phrase.
package quotes

import (
	"sort"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/record"
)

// Stage fills doc.Quotes. It reads Body, Sentences, Tokens and Entities;
// when the Arabic stage has not run, it splits the body itself.
type Stage struct{}

// Name implements pipeline.Stage.
func (Stage) Name() string { return "quotes" }

// Process implements pipeline.Stage.
func (Stage) Process(d *doc.Doc) error {
	d.Quotes = Find(d)
	return nil
}

// Find returns the quotes of d in body order. Every quote's Span satisfies
// body[Span[0]:Span[1]] == Text (in code points).
func Find(d *doc.Doc) []record.Quote {
	if d.Body == "" {
		return nil
	}
	a := newAnalyser(d)
	for si := range a.sents {
		a.sentence(si)
	}
	return a.out
}

// sentence is one sentence of the body as a token range.
type sentence struct {
	from, to int // code points
	t0, t1   int // tokens [t0, t1)
}

// mentionRef is an entity mention as a token range.
type mentionRef struct {
	ent    *record.Entity
	start  int // code point where the mention starts
	t0, t1 int // tokens [t0, t1)
}

func (a *analyser) mentionStart(m *mentionRef) int { return m.start }

// analyser holds what the rules need about one document.
type analyser struct {
	d     *doc.Doc
	runes []rune
	toks  []arabic.Token
	sents []sentence
	// bare is each token's normal form without a leading conjunction و/ف
	// (when what is left is still a word); conj says one was removed.
	bare []string
	conj []bool
	// ments are entity mentions; mentAt maps a token to the longest
	// mention that covers it, or -1.
	ments  []mentionRef
	mentAt []int
	// marks pairs quotation marks: closeOf[i] is the token that closes the
	// quotation opened by token i, or -1; inQuote[i] is the opening token
	// of the quotation token i is inside, or -1.
	closeOf []int
	inQuote []int

	// stop caches stopWord per token: 0 not yet known, 1 yes, 2 no.
	stop []uint8

	history []speaker // speakers so far, for pronouns and anaphora
	out     []record.Quote
}

func newAnalyser(d *doc.Doc) *analyser {
	a := &analyser{d: d, runes: d.Runes()}
	a.toks = d.Tokens
	if len(a.toks) == 0 {
		a.toks = arabic.Tokenize(d.Body)
	}
	a.bare = make([]string, len(a.toks))
	a.stop = make([]uint8, len(a.toks))
	a.conj = make([]bool, len(a.toks))
	for i := range a.toks {
		a.bare[i], a.conj[i] = bareForm(&a.toks[i])
	}
	spans := d.Sentences
	if len(spans) == 0 {
		for _, s := range arabic.Sentences(d.Body) {
			spans = append(spans, doc.Span{Start: s.Start, End: s.End})
		}
	}
	for _, s := range spans {
		t0 := a.tokenAt(s.Start)
		t1 := a.tokenAt(s.End)
		if t0 < t1 {
			a.sents = append(a.sents, sentence{from: s.Start, to: s.End, t0: t0, t1: t1})
		}
	}
	a.indexMentions()
	a.pairMarks()
	return a
}

// bareForm returns a token's normal form without a leading conjunction:
// where the segmenter split one off, or where what is left is a word of
// this package's lists that the segmenter did not know («ونوه», «وندد»).
func bareForm(t *arabic.Token) (string, bool) {
	n := t.Norm
	if len(t.Proclitics()) > 0 && (t.Proclitics()[0] == "و" || t.Proclitics()[0] == "ف") {
		if rest, ok := stripConj(n); ok {
			return rest, true
		}
	}
	rest, ok := stripConj(n)
	if !ok || knownForm(n) {
		return n, false
	}
	if knownForm(rest) {
		return rest, true
	}
	return n, false
}

// knownForm reports whether a normalised word is in the cue lists.
func knownForm(w string) bool {
	if verbForms[w] != nil || participleForm[w] != nil || isThat(w) {
		return true
	}
	_, ok := attributionSet[w]
	return ok
}

// tokenAt returns the index of the first token that ends after offset p.
func (a *analyser) tokenAt(p int) int {
	return sort.Search(len(a.toks), func(i int) bool { return a.toks[i].End > p })
}

func (a *analyser) indexMentions() {
	a.mentAt = make([]int, len(a.toks))
	for i := range a.mentAt {
		a.mentAt[i] = -1
	}
	for ei := range a.d.Entities {
		e := &a.d.Entities[ei]
		for _, m := range e.Mentions {
			if m.End <= m.Start {
				continue
			}
			t0, last, ok := arabic.TokensCovering(a.toks, m.Start, m.End)
			if !ok {
				continue
			}
			t1 := last + 1
			a.ments = append(a.ments, mentionRef{ent: e, start: m.Start, t0: t0, t1: t1})
			k := len(a.ments) - 1
			for t := t0; t < t1; t++ {
				if old := a.mentAt[t]; old < 0 || a.ments[old].t1-a.ments[old].t0 < t1-t0 {
					a.mentAt[t] = k
				}
			}
		}
	}
}

// mentionFrom returns the mention that starts at token i, or nil.
func (a *analyser) mentionFrom(i int) *mentionRef {
	if i < 0 || i >= len(a.toks) || a.mentAt[i] < 0 {
		return nil
	}
	m := &a.ments[a.mentAt[i]]
	if m.t0 != i {
		return nil
	}
	return m
}

// mentionOver returns the mention that covers token i, or nil.
func (a *analyser) mentionOver(i int) *mentionRef {
	if i < 0 || i >= len(a.toks) || a.mentAt[i] < 0 {
		return nil
	}
	return &a.ments[a.mentAt[i]]
}
