package events

import (
	"strings"

	"github.com/marsad/marsad/internal/kb"
	"github.com/marsad/marsad/internal/record"
)

// Places without coordinates. The gazetteer lacks many villages, camps and
// valleys («بلدة كفررمان», «مخيم أبو شوك»). ACLED then codes the event at
// the nearest place it can locate that contains the named one, with
// geo_precision 2, or at the country with 3; so does marsad, keeping the
// name the text gives in the location's named_place. The container is a
// place named with the unlocated one — in its sentence, its paragraph, or
// the paragraph before — since the text locates a little-known place by a
// better-known one («بقضاء النبطية جنوبي لبنان»); failing that, the
// country.

// hasCoords reports whether a place can be put on a map.
func (c *docContext) hasCoords(e *record.Entity) bool {
	if e.Lat != nil && e.Lon != nil {
		return true
	}
	k := c.kbEntry(e)
	return k != nil && k.HasCoords
}

// locate returns p when it has coordinates, else the place that contains
// it as the text names it, or the country, with the precision that implies
// and p's name kept; p itself when nothing can be found.
func (c *docContext) locate(p *placeRef, ev *candidate) *placeRef {
	if p == nil || c.hasCoords(p.ent) || ablate["locate"] {
		return p
	}
	named := p.ent.Name
	if p.named != "" {
		named = p.named
	}
	if q := c.container(p, ev.sent); q != nil {
		out := *q
		out.named, out.inClause = named, p.inClause
		out.precision = max(q.precision, kb.PrecisionPart)
		return &out
	}
	if q := c.countryPlace(ev.sent); q != nil {
		q.named, q.inClause = named, p.inClause
		return q
	}
	return p
}

// container is the located place named closest to an unlocated one: after
// it in its sentence first (the text locates a small place by a larger one
// that follows it), then before it, then in the rest of its paragraph and
// the paragraph before, nearest first. Countries are left to countryPlace.
func (c *docContext) container(p *placeRef, s *sentence) *placeRef {
	usable := func(m *mention) bool {
		if !m.place || m.ent == p.ent || !c.hasCoords(m.ent) || c.isCountry(m.ent) {
			return false
		}
		ms := c.sents[max(c.tokSent[m.first], 0)]
		return c.placeUsable(ms, m) || c.dateline(m)
	}
	var after, before *mention
	for _, m := range c.mentionsIn(s.first, s.end) {
		if !usable(m) {
			continue
		}
		if m.first > p.m.last && after == nil {
			after = m
		}
		if m.last < p.m.first {
			before = m
		}
	}
	pick := after
	if pick == nil {
		pick = before
	}
	if pick == nil {
		// A quarter («حي سعوان») lies in a city: a city named nearby
		// contains it rather than a province named closer.
		quarter := p.m.first > 0 && c.v.is(p.m.first-1, "حي", "ضاحيه", "احياء")
		best, bestTown := -1, false
		for _, m := range c.mentions {
			ms := c.tokSent[m.first]
			if ms < 0 || !usable(m) {
				continue
			}
			if para := c.sents[ms].para; para != s.para && para != s.para-1 {
				continue
			}
			town := quarter && c.townLevel(m.ent)
			if d := abs(m.first - p.m.first); best < 0 || town && !bestTown || town == bestTown && d < best {
				pick, best, bestTown = m, d, town
			}
		}
	}
	if pick == nil {
		return nil
	}
	return c.placeOf(pick, c.sents[max(c.tokSent[pick.first], 0)], false)
}

// townLevel reports whether a place is a town or a city, not a province.
func (c *docContext) townLevel(e *record.Entity) bool {
	k := c.kbEntry(e)
	return k != nil && townKinds[k.Kind]
}

// isCountry reports whether a place entity is a whole country.
func (c *docContext) isCountry(e *record.Entity) bool {
	if strings.HasPrefix(e.ID, "iso:") {
		return true
	}
	k := c.kbEntry(e)
	return k != nil && k.Kind == "country"
}

// countryPlace is the country an event in sentence s happened in, as a
// place of precision 3: a country the sentence names, else the country
// its paragraph names, else the country the article's places lie in.
func (c *docContext) countryPlace(s *sentence) *placeRef {
	var pick *mention
	for _, m := range c.mentionsIn(s.first, s.end) {
		if m.place && c.isCountry(m.ent) && c.hasCoords(m.ent) && !s.inSource(m.first) && !c.acrossBorder(m) {
			pick = m
			break
		}
	}
	if pick == nil {
		for _, m := range c.mentions {
			if ms := c.tokSent[m.first]; ms >= 0 && c.sents[ms].para == s.para && m.place && c.isCountry(m.ent) && c.hasCoords(m.ent) && !c.acrossBorder(m) {
				pick = m
				break
			}
		}
	}
	if pick != nil {
		return &placeRef{ent: pick.ent, m: pick, precision: kb.PrecisionRegion, country: true}
	}
	e := c.countryEntity(c.docCountry())
	if e == nil {
		return nil
	}
	return &placeRef{ent: e, precision: kb.PrecisionRegion, country: true}
}

// countryEntity is a country of the knowledge base as an entity.
func (c *docContext) countryEntity(cc string) *record.Entity {
	if cc == "" || c.kb == nil {
		return nil
	}
	if k := c.kb.Country(cc); k != nil && k.HasCoords {
		return entityOf(k)
	}
	return nil
}

// countryOf is the ISO code of the country a place lies in, or "".
func (c *docContext) countryOf(e *record.Entity) string {
	if e == nil {
		return ""
	}
	if cc := record.Deref(e.Country); cc != "" {
		return cc
	}
	if k := c.kbEntry(e); k != nil && k.Country != "" {
		return k.Country
	}
	if strings.HasPrefix(e.ID, "iso:") {
		return strings.TrimPrefix(e.ID, "iso:")
	}
	return ""
}

// docCountry is the country the article is about: the one its located
// places lie in most often (a town counts for its country as much as the
// country's own name does), the earlier named on a tie.
func (c *docContext) docCountry() string {
	if c.mainCountry != nil {
		return *c.mainCountry
	}
	counts := map[string]int{}
	first := map[string]int{}
	// Places count twice, the actors' countries once: «قتل عشرون جنديا
	// ماليا قرب الحدود مع بوركينا فاسو» is about Mali, whose army and
	// armed groups the text names, not about the country across the border.
	for _, m := range c.mentions {
		var cc string
		weight := 1
		switch {
		case m.place && !c.acrossBorder(m):
			cc, weight = c.countryOf(m.ent), 2
		case m.actor && m.ent.Country != nil:
			cc = *m.ent.Country
		}
		if cc == "" {
			continue
		}
		if _, ok := first[cc]; !ok {
			first[cc] = m.first
		}
		counts[cc] += weight
	}
	best := ""
	for cc, n := range counts {
		if best == "" || n > counts[best] || n == counts[best] && first[cc] < first[best] {
			best = cc
		}
	}
	c.mainCountry = &best
	return best
}

// placeCountry gives an event the text leaves unplaced (after merging, so
// that it could join a placed report of itself first) the country it
// happened in, at precision 3: an event always has coordinates when the
// text names a place that has them.
func (c *docContext) placeCountry(ev *candidate) {
	if ev.place != nil || ablate["locate"] {
		return
	}
	ev.place = c.countryPlace(ev.sent)
}
