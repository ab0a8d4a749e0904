package link

import (
	"sort"
	"strings"

	"github.com/marsad/marsad/internal/kb"
	"github.com/marsad/marsad/internal/record"
)

// surface is the body text of tokens first..last.
func (a *article) surface(first, last int) string {
	return string(a.runes[a.toks[first].Start:a.toks[last].End])
}

// newEntry returns the entity for a name the base lacks, one per type and
// name in the article, with a stable id: "new:" and the name's key.
func (a *article) newEntry(c *cand) *kb.Entry {
	name := a.canonical(c.first, c.last)
	key := kb.Key(name)
	if key == "" {
		return nil
	}
	id := "new:" + strings.ReplaceAll(key, " ", "_")
	if e := a.newEntries[id]; e != nil {
		return e
	}
	typ := entityType(c.nerType)
	if c.newType != "" {
		typ = c.newType
	}
	e := &kb.Entry{ID: id, Type: typ, Name: name, Country: c.country}
	a.newEntries[id] = e
	return e
}

// entityType maps a tagger class to a marsad/v1 entity type.
func entityType(class string) string {
	switch class {
	case "PERS":
		return record.PER
	case "LOC":
		return record.LOC
	case "ORG":
		return record.ORG
	}
	return record.MISC
}

// corefer links short forms to the full names the article uses: a name
// the base lacks that is the last part of exactly one person's longer name
// in the article («الحاسي» after «عبد السلام الحاسي») is that person.
func (a *article) corefer() {
	for _, c := range a.cands {
		if !c.drop && c.chosen == nil && len(c.entries) == 0 && !c.capital {
			c.chosen = a.newEntry(c)
		}
	}
	people := map[string]map[*kb.Entry]bool{} // last-word key → people
	for _, c := range a.cands {
		e := c.chosen
		if c.drop || e == nil || e.Type != kb.PER {
			continue
		}
		for _, n := range append(e.Names(), a.canonical(c.first, c.last)) {
			words := strings.Fields(kb.Key(n))
			if len(words) < 2 {
				continue
			}
			last := words[len(words)-1]
			if people[last] == nil {
				people[last] = map[*kb.Entry]bool{}
			}
			people[last][e] = true
		}
	}
	for _, c := range a.cands {
		e := c.chosen
		if c.drop || e == nil || !strings.HasPrefix(e.ID, "new:") || strings.Contains(c.key, " ") {
			continue
		}
		if e.Type != kb.PER && e.Type != record.MISC {
			continue
		}
		if ps := people[c.key]; len(ps) == 1 {
			for p := range ps {
				c.chosen = p
			}
		}
	}
}

// entities groups the linked candidates into entities, in order of first
// mention.
func (a *article) entities() []record.Entity {
	byID := map[string]*record.Entity{}
	var order []string
	for _, c := range a.cands {
		e := c.chosen
		if c.drop || e == nil {
			continue
		}
		ent := byID[e.ID]
		if ent == nil {
			ent = toRecord(e)
			byID[e.ID] = ent
			order = append(order, e.ID)
		}
		start, end := a.toks[c.first].Start, a.toks[c.last].End
		ent.Mentions = append(ent.Mentions, record.Mention{Text: a.surface(c.first, c.last), Start: start, End: end, Label: c.label})
	}
	out := make([]record.Entity, 0, len(order))
	for _, id := range order {
		ent := byID[id]
		sort.SliceStable(ent.Mentions, func(i, j int) bool { return ent.Mentions[i].Start < ent.Mentions[j].Start })
		out = append(out, *ent)
	}
	return out
}

// toRecord makes the output entity of an entry.
func toRecord(e *kb.Entry) *record.Entity {
	name := e.Name
	if name == "" {
		name = e.NameEn
	}
	r := &record.Entity{ID: e.ID, Type: e.Type, Name: name, NameEn: record.Str(e.NameEn),
		Country: record.Str(e.Country), Side: e.Side, InKB: !strings.HasPrefix(e.ID, "new:")}
	if e.IsPlace() && e.HasCoords {
		r.Lat, r.Lon = record.Float(e.Lat), record.Float(e.Lon)
		r.Admin1 = e.Admin1
	}
	return r
}

// perspective reports the writer's side and how the ambiguous names were
// read; nil when the article has neither.
func (a *article) perspective() *record.Perspective {
	leaning := a.leaningSide()
	if leaning == "" && len(a.resolved) == 0 && len(a.sides.evidence) == 0 {
		return nil
	}
	p := &record.Perspective{Leaning: leaning, Evidence: a.sides.evidence}
	if len(a.resolved) > 0 {
		p.Resolved = a.resolved
	}
	return p
}
