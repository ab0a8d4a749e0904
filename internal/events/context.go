package events

import (
	"sort"
	"sync"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/kb"
	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/timeline"
)

// docContext is one document prepared for event reading: tokens, sentences,
// clauses and entity mentions, indexed by token.
type docContext struct {
	d     *doc.Doc
	lex   *Lexicon
	kb    *kb.KB
	runes []rune
	v     *tokenView
	sents []*sentence
	// mentions are the entity mentions, in text order.
	mentions []*mention
	// tokSent maps a token to its sentence, -1 between sentences.
	tokSent []int
	pub     pubDates
	// govSides are the conflict sides with a government among them.
	govSides map[string]bool
	// tl is the reference timeline that dates undated events; may be nil.
	tl *timeline.Timeline
	// nisbaCache, forces and mainCountry memoise the readings of
	// npactors.go and locate.go for the document.
	nisbaCache  map[string]*record.Entity
	forces      map[string]*record.Entity
	mainCountry *string
}

// sentence is one sentence of the body.
type sentence struct {
	idx        int
	span       doc.Span
	first, end int // tokens [first, end)
	para       int
	clauses    []clause
	dates      []dateMention
	deaths     []deathFigure
	noDeaths   bool // the sentence says nobody was hurt
	speakers   []speech
	question   bool
	background bool
	// cues caches the cue matches of the sentence by kind: queries about
	// cues before or around a trigger then cost a scan of a short list,
	// not a fresh match over the sentence (long sentences stay linear).
	cues map[string][]hit
}

// hits returns the matches of the cues of a kind in sentence s.
func (c *docContext) hits(s *sentence, kind string) []hit {
	if h, ok := s.cues[kind]; ok {
		return h
	}
	if s.cues == nil {
		s.cues = map[string][]hit{}
	}
	h := c.v.find(c.lex.cues[kind], s.first, s.end)
	s.cues[kind] = h
	return h
}

// hitsIn returns the cue matches of a kind that lie within [from, to).
func (c *docContext) hitsIn(s *sentence, kind string, from, to int) []hit {
	var out []hit
	for _, h := range c.hits(s, kind) {
		if h.first >= from && h.last < to {
			out = append(out, h)
		}
	}
	return out
}

// cueIn reports whether a cue of a kind lies within [from, to) of s.
func (c *docContext) cueIn(s *sentence, kind string, from, to int) bool {
	for _, h := range c.hits(s, kind) {
		if h.first >= from && h.last < to {
			return true
		}
	}
	return false
}

// cueStartsAt reports whether a cue phrase of a kind starts at token i
// («سفينة تجارية»); isCueAt knows the one-word cues only.
func (c *docContext) cueStartsAt(s *sentence, kind string, i int) bool {
	for _, h := range c.hits(s, kind) {
		if h.first == i {
			return true
		}
	}
	return false
}

// cueBefore returns the last cue of a kind that starts at or after from
// and ends before at.
func (c *docContext) cueBefore(s *sentence, kind string, from, at int) (hit, bool) {
	var best hit
	found := false
	for _, h := range c.hits(s, kind) {
		if h.first >= from && h.last < at {
			best, found = h, true
		}
	}
	return best, found
}

// clause is a stretch of a sentence's tokens that holds one predication.
type clause struct{ first, end int }

// mention is one occurrence of an entity, located by tokens.
type mention struct {
	ent         *record.Entity
	m           record.Mention
	first, last int // tokens, inclusive
	place       bool
	actor       bool
	// virtual is true for an actor read from a noun phrase (npactors.go)
	// rather than linked by the entity layer; ofTrigger when the phrase's
	// head is the event noun itself («غارة إسرائيلية»), whose doer it names.
	virtual, ofTrigger bool
}

func newDocContext(d *doc.Doc, lex *Lexicon, base *kb.KB) *docContext {
	c := &docContext{d: d, lex: lex, kb: base, runes: d.Runes()}
	toks := d.Tokens
	if len(toks) == 0 && d.Body != "" {
		toks = arabic.Tokenize(d.Body)
	}
	c.v = newTokenView(toks)
	c.pub = publicationDates(d.Published)
	c.govSides = governmentSides(base, d.Entities)
	c.buildSentences()
	c.buildMentions()
	c.buildNPActors()
	c.buildCountryParties()
	return c
}

// buildSentences locates sentences and paragraphs by tokens and splits
// each sentence into clauses.
func (c *docContext) buildSentences() {
	spans := c.d.Sentences
	if len(spans) == 0 && c.d.Body != "" {
		for _, s := range arabic.Sentences(c.d.Body) {
			spans = append(spans, doc.Span{Start: s.Start, End: s.End})
		}
	}
	paras := c.d.Paragraphs
	if len(paras) == 0 && c.d.Body != "" {
		for _, s := range arabic.Paragraphs(c.d.Body) {
			paras = append(paras, doc.Span{Start: s.Start, End: s.End})
		}
	}
	toks := c.v.toks
	c.tokSent = make([]int, len(toks))
	for i := range c.tokSent {
		c.tokSent[i] = -1
	}
	p := 0
	for _, sp := range spans {
		if sp.Start < 0 || sp.End > len(c.runes) || sp.Start >= sp.End {
			continue
		}
		first := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= sp.Start })
		end := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= sp.End })
		for p < len(paras)-1 && paras[p].End <= sp.Start {
			p++
		}
		s := &sentence{idx: len(c.sents), span: sp, first: first, end: end, para: p}
		for k := first; k < end; k++ {
			c.tokSent[k] = s.idx
		}
		s.clauses = c.splitClauses(first, end)
		c.sents = append(c.sents, s)
	}
}

// buildMentions places every entity mention on the tokens it covers.
func (c *docContext) buildMentions() {
	toks := c.v.toks
	for ei := range c.d.Entities {
		e := &c.d.Entities[ei]
		place, actor := isPlaceType(e.Type), isActorType(e.Type)
		if !place && !actor {
			continue
		}
		for _, m := range e.Mentions {
			first, last, ok := arabic.TokensCovering(toks, m.Start, m.End)
			if !ok {
				continue
			}
			c.mentions = append(c.mentions, &mention{ent: e, m: m, first: first, last: last, place: place, actor: actor})
		}
	}
	sort.SliceStable(c.mentions, func(a, b int) bool {
		ma, mb := c.mentions[a], c.mentions[b]
		if ma.first != mb.first {
			return ma.first < mb.first
		}
		return ma.last > mb.last
	})
}

// mentionsIn returns the mentions that lie within tokens [from, to).
func (c *docContext) mentionsIn(from, to int) []*mention {
	var out []*mention
	for _, m := range c.mentions {
		if m.first >= from && m.last < to {
			out = append(out, m)
		}
	}
	return out
}

func isPlaceType(t string) bool {
	return t == record.LOC || t == record.GPE || t == record.FAC
}

func isActorType(t string) bool {
	return t == record.ORG || t == record.ArmedGroup || t == record.GOV || t == record.PER
}

// text returns the body text of tokens [first, last].
func (c *docContext) text(first, last int) string {
	if first < 0 || last >= len(c.v.toks) || first > last {
		return ""
	}
	return string(c.runes[c.v.toks[first].Start:c.v.toks[last].End])
}

// kbEntry returns the knowledge-base entry of an entity, if any.
func (c *docContext) kbEntry(e *record.Entity) *kb.Entry {
	if c.kb == nil || e == nil || e.ID == "" {
		return nil
	}
	return c.kb.Get(e.ID)
}

// govSidesCache holds the government sides of each knowledge base, which
// are read once: the base is immutable once loaded.
var govSidesCache sync.Map // *kb.KB → map[string]bool

func kbGovSides(base *kb.KB) map[string]bool {
	if base == nil {
		return nil
	}
	if m, ok := govSidesCache.Load(base); ok {
		return m.(map[string]bool)
	}
	m := map[string]bool{}
	for _, e := range base.Entries() {
		if e.Type == kb.GOV && e.Side != "" {
			m[e.Side] = true
		}
	}
	govSidesCache.Store(base, m)
	return m
}

// governmentSides lists the sides that have a government among their
// members: in the knowledge base, or among the document's entities.
func governmentSides(base *kb.KB, ents []record.Entity) map[string]bool {
	out := map[string]bool{}
	for side := range kbGovSides(base) {
		out[side] = true
	}
	for _, e := range ents {
		if e.Type == record.GOV && e.Side != "" {
			out[e.Side] = true
		}
	}
	return out
}
