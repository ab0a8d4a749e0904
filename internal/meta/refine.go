package meta

import (
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/kb"
	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/timeline"
)

// RefineStage narrows an inferred publication window with what the text
// says beyond the dates it names: the weekday of «أمس الجمعة», the age of
// the article's war («في شهرها السابع»), landmark events named as past or
// upcoming, reported territorial changes that match a landmark, and the
// dated roles of the people it names. Each constraint it applies is added
// to published.evidence; one that contradicts stronger ones is dropped with
// a warning. A stated date is left alone.
//
// It runs after linking (it reads the entities: places, people, sides, the
// article's countries) and quotes (a deictic word inside a direct quote is
// the speaker's, not the article's), before events, which resolve their
// dates against the window it leaves. The metadata stage cannot do this
// itself: it runs before the text is tokenised and linked.
type RefineStage struct {
	// Timeline overrides the embedded timeline (tests).
	Timeline *timeline.Timeline
	// KB overrides the default knowledge base (people's roles, places).
	KB *kb.KB
}

// Name implements pipeline.Stage.
func (RefineStage) Name() string { return "pubdate" }

var (
	refineOnce sync.Once
	refineTL   *timeline.Timeline
	refineKB   *kb.KB
)

// Process implements pipeline.Stage. Missing reference data only makes
// the window wider; it is never an error.
func (s RefineStage) Process(d *doc.Doc) error {
	tl, base := s.Timeline, s.KB
	if tl == nil || base == nil {
		refineOnce.Do(func() {
			refineTL, _ = timeline.Default()
			refineKB, _ = kb.Default()
		})
		if tl == nil {
			tl = refineTL
		}
		if base == nil {
			base = refineKB
		}
	}
	p, warnings := Refine(d, tl, base)
	d.Published = p
	for _, w := range warnings {
		d.Warn("%s", w)
	}
	return nil
}

// Refine returns the document's publication window narrowed by what its
// text says (see RefineStage), with a warning for each constraint dropped
// because it contradicts stronger ones. tl and base may be nil.
func Refine(d *doc.Doc, tl *timeline.Timeline, base *kb.KB) (record.Published, []string) {
	p := d.Published
	if p.Basis == record.BasisStated || strings.TrimSpace(d.Body) == "" {
		return p, nil
	}
	r := newRefiner(d, tl, base)
	cs := r.weekdays()
	cs = append(cs, r.named()...)
	cs = append(cs, r.territory()...)
	cs = append(cs, r.roles()...)
	cs = append(cs, r.anchored()...)
	base0 := windowOf(p)
	w, _, _ := Solve(base0, cs)
	cs = append(cs, r.warTime(w)...)
	w, applied, dropped := Solve(base0, cs)
	var warnings []string
	for _, c := range dropped {
		warnings = append(warnings, "publication date: ignored "+c.note()+": it contradicts stronger evidence")
	}
	if len(applied) == 0 {
		if p.Basis == record.BasisInferred && p.Date == nil && p.From != nil && p.To != nil {
			p.Likely = record.Str(day(w.likely(false)))
		}
		return p, warnings
	}
	notes := make([]string, 0, len(applied)+1)
	if p.Evidence != "" && p.Basis == record.BasisInferred {
		notes = append(notes, p.Evidence)
	}
	for _, c := range applied {
		notes = append(notes, c.note())
	}
	// The lower bound is pegged when the constraint that set it reports
	// an event; a later one that only repeated it does not count.
	pegged, cur := false, base0.snap()
	for _, c := range applied {
		next := cur.narrow(c)
		if !next.From.Equal(cur.From) {
			pegged = c.Peg
		}
		cur = next
	}
	return w.published(strings.Join(notes, "; "), pegged), warnings
}

// refiner is one document prepared for reading publication clues.
type refiner struct {
	d     *doc.Doc
	tl    *timeline.Timeline
	kb    *kb.KB
	runes []rune
	toks  []arabic.Token
	// sents are token ranges [first, end) of the sentences.
	sents   [][2]int
	tokSent []int
	// mentions are the timeline's names found in the text.
	mentions []timeline.Mention
	// ents are the entity mentions located on tokens, in text order.
	ents []entMention
	// quoted holds the code-point spans of direct quotes.
	quoted []doc.Span
	// countries weighs the countries the article is about by mentions.
	countries map[string]int
	// anchors are landmark references found by named and territory,
	// which anchored dates by weekday.
	anchors []anchor
	// sentDates caches the date expressions of a sentence by its first
	// token, for anchored.
	sentDates map[int][]arabic.DateExpr
}

// entMention is one entity mention on tokens.
type entMention struct {
	ent         *record.Entity
	first, last int
}

// anchor is a landmark the text refers to, at tokens [first, last].
type anchor struct {
	l           *timeline.Landmark
	first, last int
	text        string
}

func newRefiner(d *doc.Doc, tl *timeline.Timeline, base *kb.KB) *refiner {
	r := &refiner{d: d, tl: tl, kb: base, runes: d.Runes(), toks: d.Tokens, sentDates: map[int][]arabic.DateExpr{}}
	if len(r.toks) == 0 {
		r.toks = arabic.Tokenize(d.Body)
	}
	spans := d.Sentences
	if len(spans) == 0 {
		for _, s := range arabic.Sentences(d.Body) {
			spans = append(spans, doc.Span{Start: s.Start, End: s.End})
		}
	}
	r.tokSent = make([]int, len(r.toks))
	for i := range r.tokSent {
		r.tokSent[i] = -1
	}
	for _, sp := range spans {
		i, j := arabic.TokenRange(r.toks, arabic.Span{Start: sp.Start, End: sp.End})
		if i >= j {
			continue
		}
		for k := i; k < j; k++ {
			r.tokSent[k] = len(r.sents)
		}
		r.sents = append(r.sents, [2]int{i, j})
	}
	if tl != nil {
		r.mentions = tl.Find(r.toks)
	}
	for _, q := range d.Quotes {
		if q.Direct {
			r.quoted = append(r.quoted, doc.Span{Start: q.Span[0], End: q.Span[1]})
		}
	}
	r.locateEntities()
	r.countries = r.articleCountries()
	return r
}

// locateEntities places every entity mention on the tokens it covers.
func (r *refiner) locateEntities() {
	toks := r.toks
	for ei := range r.d.Entities {
		e := &r.d.Entities[ei]
		for _, m := range e.Mentions {
			first, last, ok := arabic.TokensCovering(toks, m.Start, m.End)
			if !ok {
				continue
			}
			r.ents = append(r.ents, entMention{ent: e, first: first, last: last})
		}
	}
	sort.SliceStable(r.ents, func(a, b int) bool { return r.ents[a].first < r.ents[b].first })
}

// articleCountries weighs each country by the mentions of entities in it
// (places by their country, actors by their side's country) and of its
// nationality adjectives, plus the countries of the wars the text names.
func (r *refiner) articleCountries() map[string]int {
	out := map[string]int{}
	for _, e := range r.d.Entities {
		c := ""
		switch {
		case e.Country != nil && *e.Country != "":
			c = *e.Country
		case len(e.Side) > 3 && e.Side[2] == '-' && e.Side[:3] != "INT":
			c = e.Side[:2]
		}
		if c != "" {
			out[c] += len(e.Mentions)
		}
	}
	for _, m := range r.mentions {
		if m.War != nil {
			for _, c := range m.War.Countries {
				out[c]++
			}
		}
	}
	// Nationality adjectives («الأطراف الليبية») name a country without
	// making it an entity.
	if r.kb != nil {
		for _, m := range r.kb.Match(r.toks) {
			if m.Adjective && len(m.Entries) > 0 && m.Entries[0].Country != "" {
				out[m.Entries[0].Country]++
			}
		}
	}
	return out
}

// mainCountries are the countries with at least a third of the weight of
// the most mentioned one: what the article is about, not what it cites.
func (r *refiner) mainCountries() []string {
	top := 0
	for _, n := range r.countries {
		top = max(top, n)
	}
	var out []string
	for c, n := range r.countries {
		if n > 0 && 3*n >= top {
			out = append(out, c)
		}
	}
	sort.Strings(out)
	return out
}

// sentenceOf returns the token range of the sentence holding token i, or
// the whole text when it lies outside every sentence.
func (r *refiner) sentenceOf(i int) (int, int) {
	if i >= 0 && i < len(r.tokSent) && r.tokSent[i] >= 0 {
		s := r.sents[r.tokSent[i]]
		return s[0], s[1]
	}
	return 0, len(r.toks)
}

// inQuote reports whether token i lies inside a direct quote.
func (r *refiner) inQuote(i int) bool {
	at := r.toks[i].Start
	for _, q := range r.quoted {
		if at >= q.Start && at < q.End {
			return true
		}
	}
	return false
}

// text returns the body text of tokens [first, last].
func (r *refiner) text(first, last int) string {
	if first < 0 || last >= len(r.toks) || first > last {
		return ""
	}
	return string(r.runes[r.toks[first].Start:r.toks[last].End])
}

// key is the matching form of token i: normalised, typos corrected, the
// clitics and the article off («وبالسيطرة» → "سيطره").
func (r *refiner) key(i int) string {
	if i < 0 || i >= len(r.toks) {
		return ""
	}
	t := &r.toks[i]
	if t.Kind != arabic.Word {
		return t.Norm
	}
	return t.Stem
}

// keyIn reports whether token i's key is in set.
func (r *refiner) keyIn(i int, set map[string]bool) bool {
	k := r.key(i)
	return k != "" && set[k]
}

// words builds a set of matching forms from written words.
func words(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		k := arabic.Canonical(arabic.Normalize(w))
		if strings.HasPrefix(k, "ال") && len([]rune(k)) >= 4 {
			k = strings.TrimPrefix(k, "ال")
		}
		m[k] = true
	}
	return m
}

// hasProclitic reports whether token i carries the proclitic p.
func (r *refiner) hasProclitic(i int, p string) bool {
	for _, x := range r.toks[i].Proclitics() {
		if x == p {
			return true
		}
	}
	return false
}

// isPunct reports whether token i is one of the marks.
func (r *refiner) isPunct(i int, marks string) bool {
	t := &r.toks[i]
	return t.Kind == arabic.Punct && strings.Contains(marks, t.Norm)
}

// dayAfter is t plus n days.
func dayAfter(t time.Time, n int) time.Time { return t.AddDate(0, 0, n) }
