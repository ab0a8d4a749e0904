package link

import (
	"math"
	"sort"
	"strings"
	"sync"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/geo"
	"github.com/marsad/marsad/internal/kb"
)

// resolve picks one entry per candidate: first the article's countries
// and the writer's side are read from the names that have one reading,
// then the others are decided in that context.
func (a *article) resolve() {
	for _, c := range a.cands {
		if c.common && !a.confirmed(c) || a.articleMismatch(c) {
			c.drop = true
		}
	}
	for _, c := range a.cands {
		if c.drop || c.ambiguous || len(c.entries) == 0 {
			continue
		}
		if e := c.entries[0]; len(c.entries) == 1 || sameCountry(c.entries) {
			c.weight = a.addCountry(e, 1)
		}
	}
	for _, e := range a.modifiers {
		a.addCountry(e, 0.5)
	}
	a.sides = a.sideEvidence()
	for _, c := range a.cands {
		switch {
		case c.capital:
			if e := capitalOf(a.kb, a.mainCountry()); e != nil {
				c.entries = []*kb.Entry{e}
				c.chosen = e
			} else {
				c.drop = true
			}
		case c.drop || len(c.entries) == 0:
		case c.ambiguous:
			c.chosen = a.reading(c)
		case len(c.entries) == 1:
			c.chosen = c.entries[0]
		default:
			c.chosen = a.best(c)
		}
		if c.chosen != nil && a.implausible(c) {
			c.chosen = nil
			if c.nerType == "LOC" && a.settlementBefore(c) {
				// «بلدة عيل بور»: a place, but not the one of that name
				// elsewhere in the world; kept, without coordinates.
				c.entries = nil
			}
		}
		if c.chosen == nil && len(c.entries) > 0 {
			c.drop = true
		}
	}
}

// confirmed reports whether a weak match (a usually-common word, a small
// village) is used as a name here: the tagger says so, or a word of place
// precedes it and nothing follows that would make it the start of a longer
// name («في صور وصيدا», not «في وادي حوران»).
func (a *article) confirmed(c *cand) bool {
	if c.nerType != "" && c.nerType != "MISC" {
		return true
	}
	if !a.placeCue(c) || a.continues(c.last) || a.headsName(c) {
		return false
	}
	for _, e := range c.entries {
		if e.IsPlace() {
			return true
		}
	}
	return false
}

// headsName reports whether a one-word match is a settlement noun before
// the name it heads: «حي الشعب» is a quarter, not the town Al Hayy.
func (a *article) headsName(c *cand) bool {
	if c.first != c.last || !settlementNouns.has(a.toks[c.first]) || c.last+1 >= len(a.toks) {
		return false
	}
	next := a.toks[c.last+1]
	p := next.Proclitics()
	return next.Kind == arabic.Word && (len(p) == 0 || p[0] != "و" && p[0] != "ف")
}

// continues reports whether the token after last could carry a name on:
// a plain word, with neither a conjunction nor punctuation between.
func (a *article) continues(last int) bool {
	if last+1 >= len(a.toks) {
		return false
	}
	next := a.toks[last+1]
	if next.Kind != arabic.Word || len(next.Proclitics()) > 0 && next.Proclitics()[0] != "ال" {
		return false
	}
	return !a.kb.IsCommonWord(next.Norm)
}

// small reports whether a gazetteer place is a village or a hamlet:
// GeoNames towns under 1,000 people and OSM villages. Their names are too
// often ordinary words to take without a sign that a place is meant.
func small(e *kb.Entry) bool {
	if !e.IsPlace() || e.Source == kb.SourceCurated {
		return false
	}
	switch e.Kind {
	case "village", "hamlet":
		return true
	case "city", "capital":
		return false
	}
	return e.Source == kb.SourceGeoNames && e.Population < 1000
}

// articleMismatch reports a one-word place match whose token carries the
// article while none of the places' names does: «المشهد» (the scene) is
// not «مشهد» (Mashhad), nor «الميدان» (the square) Medan. The tagger can
// overrule it.
func (a *article) articleMismatch(c *cand) bool {
	if c.first != c.last || c.adjective || c.capital || len(c.entries) == 0 || c.nerType == "LOC" {
		return false
	}
	if !hasArticle(a.toks[c.first]) {
		return false
	}
	for _, e := range c.entries {
		if !e.IsPlace() {
			return false
		}
		for _, n := range e.Names() {
			if strings.HasPrefix(arabic.Normalize(n), "ال") {
				return false
			}
		}
	}
	return true
}

// addCountry counts an entry toward the countries the article is about
// and returns the weight it added.
func (a *article) addCountry(e *kb.Entry, w float64) float64 {
	if e.Country == "" {
		return 0
	}
	switch {
	case e.Kind == "country":
		w *= 1.5
	case !e.IsPlace():
		w *= 0.5
	}
	a.countries[e.Country] += w
	return w
}

// countryShare is a country's weight relative to the article's main one,
// in [0, 1].
func (a *article) countryShare(cc string) float64 {
	top := 0.0
	for _, w := range a.countries {
		top = math.Max(top, w)
	}
	if top == 0 {
		return 0
	}
	return a.countries[cc] / top
}

// mainCountry is the country the article is most about, or "".
func (a *article) mainCountry() string {
	best, top := "", 0.0
	for cc, w := range a.countries {
		if w > top || w == top && cc < best {
			best, top = cc, w
		}
	}
	return best
}

func sameCountry(es []*kb.Entry) bool {
	for _, e := range es[1:] {
		if e.Country != es[0].Country {
			return false
		}
	}
	return true
}

// best scores the readings of a name by the article's countries, the
// tagger's class, nearness to the places the article names for sure, and
// importance.
func (a *article) best(c *cand) *kb.Entry {
	var best *kb.Entry
	top := math.Inf(-1)
	cue := a.placeCue(c)
	for i, e := range c.entries {
		s := -0.01 * float64(i) // the base's own order breaks ties
		if e.Source == kb.SourceCurated {
			s += 1
		}
		if e.Source == kb.SourcePetrarch {
			s -= 0.5
		}
		if c.nerType != "" {
			if nerClass(e) == c.nerType {
				s += 2
			} else {
				s -= 1
			}
		}
		s += 3 * a.countryShare(e.Country)
		if e.IsPlace() {
			if cue {
				s++
			}
			if a.nearKnownPlace(e, 150) {
				s += 1.5
			}
			s += math.Log10(float64(importance(e))+10) / 7
		}
		if s > top {
			best, top = e, s
		}
	}
	return best
}

// implausible rejects a place of a country the article is not about,
// unless it is a country, a larger region, a capital or a city of a
// million, or the tagger vouches for it: such a match is far more often a
// word that happens to be a town's name («ليل» night / Lille) or a local
// name found elsewhere too («طريق المطار»). A village needs a sign that a
// place is meant even in the article's country.
func (a *article) implausible(c *cand) bool {
	e := c.chosen
	if !e.IsPlace() {
		return false
	}
	if small(e) && !a.confirmed(c) {
		return true
	}
	if e.Kind == "country" || e.Precision >= kb.PrecisionRegion || e.Kind == "capital" || importance(e) >= 1000000 {
		return false
	}
	// A city of a hundred thousand whose name is no common word and no
	// other place's is meant wherever the article is about («اتفاق روسي
	// تركي حول إدلب»), unless a preposition had to be cut off to find it:
	// «وبليون» is a village, not Lyon.
	if importance(e) >= 100000 && len(c.entries) == 1 && !c.common && !c.prepositioned(a.toks) {
		return false
	}
	// The place's own mentions do not make the article about its country.
	own := 0.0
	for _, o := range a.cands {
		if o.chosen == e || len(o.entries) == 1 && o.entries[0] == e {
			own += o.weight
		}
	}
	top := 0.0
	for cc, w := range a.countries {
		if cc == e.Country {
			w -= own
		}
		top = math.Max(top, w)
	}
	if top == 0 {
		// Nothing says where the article is: a tagged place is taken at
		// its word, and so is a curated name of several words («مطار
		// معيتيقة»); a bare one-word match is not.
		return c.nerType != "LOC" && !(e.Source == kb.SourceCurated && c.last > c.first)
	}
	// A curated name of several words stands against weak evidence for
	// another country: «طائرات روسية» bombing «جبل الزاوية» is in Syria.
	if e.Source == kb.SourceCurated && c.last > c.first && top < 1.5 {
		return false
	}
	return (a.countries[e.Country]-own)/top < 0.15
}

// placeCue reports whether a word of place («في», «مدينة», «شمال»)
// introduces the candidate. «شمال ليبيا» cues; «الشمال» (the north) does
// not.
func (a *article) placeCue(c *cand) bool {
	if c.first == 0 {
		return false
	}
	prev := a.toks[c.first-1]
	return placeCues.has(prev) && !hasArticle(prev)
}

// settlementBefore reports whether a settlement noun stands just before
// the candidate, or one word before it (the first word of a name the
// tagger left out: «بلدة عيل بور»).
func (a *article) settlementBefore(c *cand) bool {
	for k := c.first - 1; k >= 0 && k >= c.first-2; k-- {
		if settlementNouns.has(a.toks[k]) {
			return true
		}
		if a.toks[k].Kind != arabic.Word {
			return false
		}
	}
	return false
}

var capitals sync.Map // *kb.KB → map[string]*kb.Entry

// capitalOf returns a country's capital: its most populous gazetteer
// place of kind "capital".
func capitalOf(base *kb.KB, cc string) *kb.Entry {
	if cc == "" {
		return nil
	}
	m, ok := capitals.Load(base)
	if !ok {
		caps := map[string]*kb.Entry{}
		for _, e := range base.Entries() {
			if e.Kind == "capital" && e.HasCoords {
				if old := caps[e.Country]; old == nil || e.Population > old.Population {
					caps[e.Country] = e
				}
			}
		}
		m, _ = capitals.LoadOrStore(base, caps)
	}
	return m.(map[string]*kb.Entry)[cc]
}

// nearKnownPlace reports whether a place lies within km of a place the
// article names with a single reading.
func (a *article) nearKnownPlace(e *kb.Entry, km float64) bool {
	if !e.HasCoords {
		return false
	}
	for _, c := range a.cands {
		if c.drop || len(c.entries) != 1 || !c.entries[0].IsPlace() || c.entries[0] == e {
			continue
		}
		o := c.entries[0]
		if o.Kind == "country" || !o.HasCoords {
			continue
		}
		if geo.DistanceKm(e.Lat, e.Lon, o.Lat, o.Lon) <= km {
			return true
		}
	}
	return false
}

func importance(e *kb.Entry) int {
	if e.Population > 0 {
		return e.Population
	}
	switch e.Kind {
	case "capital":
		return 1000000
	case "city":
		return 50000
	case "town":
		return 5000
	}
	return 500
}

// nerClass is the tagger's class for an entry type.
func nerClass(e *kb.Entry) string { return e.NERClass() }

// reading decides a side-dependent name: among the readings of the
// article's countries, the one its writer's side uses, else the default.
func (a *article) reading(c *cand) *kb.Entry {
	amb := a.kb.AmbiguousName(c.key)
	if amb == nil {
		return nil
	}
	var fit []kb.Reading
	for _, r := range amb.Readings {
		cc, _, _ := strings.Cut(r.Leaning, "-")
		e := a.kb.Get(r.ID)
		if a.countryShare(cc) >= 0.3 || e != nil && e.Country != "" && a.countryShare(e.Country) >= 0.3 {
			fit = append(fit, r)
		}
	}
	if len(fit) == 0 {
		return nil
	}
	choice := fit[0]
	for _, r := range fit {
		if r.Default {
			choice = r
			break
		}
	}
	if side := a.sides.leaning(fit); side != "" {
		for _, r := range fit {
			if r.Leaning == side {
				choice = r
				break
			}
		}
	}
	a.resolved[amb.Name] = choice.ID
	return a.kb.Get(choice.ID)
}

// sideScores weighs the evidence of which side the writer is on.
type sideScores struct {
	net      map[string]int // own names minus hostile names, per side
	evidence []string
}

// leaning returns the side of the readings whose net score beats every
// other reading's side, or "".
func (s *sideScores) leaning(rs []kb.Reading) string {
	best, top, tie := "", math.MinInt, false
	seen := map[string]bool{}
	for _, r := range rs {
		if seen[r.Leaning] {
			continue
		}
		seen[r.Leaning] = true
		n := s.net[r.Leaning]
		switch {
		case n > top:
			best, top, tie = r.Leaning, n, false
		case n == top:
			tie = true
		}
	}
	if tie || len(seen) < 2 {
		return ""
	}
	return best
}

// sideEvidence reads the names and descriptors the article uses for each
// side: an actor's own names count for its side, hostile names and
// descriptors («مليشيات», «مرتزقة») against it.
func (a *article) sideEvidence() *sideScores {
	s := &sideScores{net: map[string]int{}}
	for _, c := range a.cands {
		if c.drop || c.ambiguous || len(c.entries) == 0 || c.adjective {
			continue
		}
		e := c.entries[0]
		if e.Side == "" {
			continue
		}
		text := a.surface(c.first, c.last)
		switch {
		case keyIn(c.key, e.Hostile):
			s.net[e.Side]--
			s.evidence = append(s.evidence, "«"+text+"»: hostile name for "+e.ID)
		case c.label != "" && hostileLabels[kb.Key(c.label)]:
			s.net[e.Side]--
			s.evidence = append(s.evidence, "«"+c.label+"» before «"+text+"» ("+e.ID+")")
		case keyIn(c.key, e.Own):
			s.net[e.Side]++
			s.evidence = append(s.evidence, "«"+text+"»: own name of "+e.ID)
		}
	}
	return s
}

func keyIn(key string, names []string) bool {
	for _, n := range names {
		if kb.Key(n) == key {
			return true
		}
	}
	return false
}

// leaningSide is the side the article's evidence favours between the two
// main camps of its main country's war, or "". Hostility to one camp is a
// lean to the other.
func (a *article) leaningSide() string {
	cc := a.mainCountry()
	if cc == "" {
		return ""
	}
	sides := mainCamps(a.kb, cc)
	if len(sides) < 2 {
		return ""
	}
	sort.Slice(sides, func(i, j int) bool {
		ni, nj := a.sides.net[sides[i]], a.sides.net[sides[j]]
		return ni > nj || ni == nj && sides[i] < sides[j]
	})
	if a.sides.net[sides[0]] > a.sides.net[sides[1]] {
		return sides[0]
	}
	return ""
}

// mainCamps returns the two main sides of a country's war.
func mainCamps(base *kb.KB, cc string) []string {
	sides, ok := base.Camps(cc)
	if !ok {
		return nil
	}
	return sides[:]
}

// prepositioned reports whether the candidate's first token carries a
// preposition letter (ب، ل، ك) that matching cut off.
func (c *cand) prepositioned(toks []arabic.Token) bool {
	for _, p := range toks[c.first].Proclitics() {
		if p == "ب" || p == "ل" || p == "ك" {
			return true
		}
	}
	return false
}
