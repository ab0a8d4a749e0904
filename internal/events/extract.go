package events

import (
	"strings"
	"time"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/kb"
	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/timeline"
)

// Extract reads the events of a document. It needs Body; it uses
// Sentences, Paragraphs and Tokens when they are set (and computes them
// otherwise), Entities for actors and places, Quotes for claims, and
// Published for dates. base may be nil.
func Extract(d *doc.Doc, lex *Lexicon, base *kb.KB) []record.Event {
	return ExtractWith(d, lex, base, nil)
}

// ExtractWith is Extract with a reference timeline: an event the text
// leaves undated (or dated only to a window) that matches a timeline
// landmark takes the landmark's day. tl may be nil.
func ExtractWith(d *doc.Doc, lex *Lexicon, base *kb.KB, tl *timeline.Timeline) []record.Event {
	if strings.TrimSpace(d.Body) == "" || lex == nil {
		return nil
	}
	c := newDocContext(d, lex, base)
	c.tl = tl
	for i, s := range c.sents {
		c.prepare(s)
		// A paragraph about a remote period stays there until a sentence
		// dates itself: «وفي ثمانينيات القرن الماضي ... ؛ من حرق للقرى».
		if i > 0 && !s.background {
			if prev := c.sents[i-1]; prev.para == s.para && prev.background && !hasUsableDate(s) {
				s.background = true
			}
		}
	}
	var evs []*candidate
	var prev *candidate
	for _, s := range c.sents {
		var inSentence []*candidate
		for _, ev := range c.detect(s) {
			for _, done := range c.complete(ev, prev) {
				inSentence = append(inSentence, done)
			}
		}
		c.attachDeaths(s, inSentence)
		for _, ev := range inSentence {
			ev.civilians = c.civilianVictims(ev)
			c.code(ev, inSentence)
			if ev.actor1 == nil && ev.subType == "Air/drone strike" {
				ev.actor1 = lastStriker(evs, ev)
			}
			ev.claim = c.claimOf(ev)
			if trace != nil {
				trace("keep %-14s %-30s %q ref=%v @%s a1=%s a2=%s day=%s stated=%v", ev.trig.class.name, ev.subType, c.text(ev.first, ev.last), ev.ref,
					placeName(ev.place), actorName(ev.actor1), actorName(ev.actor2), c.day(ev.date).Format(dayLayout), ev.date.stated)
			}
			evs = append(evs, ev)
			prev = ev
		}
	}
	if !ablate["merge"] {
		evs = c.merge(evs)
	}
	for _, ev := range evs {
		c.timelineDate(ev)
		c.placeCountry(ev)
		c.conventions(ev)
	}
	return c.records(evs)
}

// lastStriker is the doer of the air strike reported just before ev, up
// to three sentences back: «شنت طائرات أمريكية غارات على الحديدة ...
// وأفادت قناة بأن خمس غارات استهدفت مطار الحديدة» are the same planes'.
func lastStriker(evs []*candidate, ev *candidate) *actorRef {
	for k := len(evs) - 1; k >= 0; k-- {
		p := evs[k]
		if ev.sent.idx-p.sent.idx > 3 {
			break
		}
		if p.subType == "Air/drone strike" && p.actor1 != nil {
			return p.actor1
		}
	}
	return nil
}

// prepare reads what the sentence says as a whole: whether it asks, its
// dates, its death figures and its report cues.
func (c *docContext) prepare(s *sentence) {
	if s.end > s.first {
		last := &c.v.toks[s.end-1]
		s.question = last.Kind == arabic.Punct && strings.ContainsAny(last.Text, "؟?")
		if !s.question {
			s.question = len(c.v.matchAt(c.lex.cues[cueQuestion], s.first, s.end)) > 0
		}
	}
	s.background = c.cueIn(s, cueBackground, s.first, s.end)
	c.findDates(s)
	c.findDeaths(s)
	c.findSpeakers(s)
}

func hasUsableDate(s *sentence) bool {
	for k := range s.dates {
		if usable(&s.dates[k]) {
			return true
		}
	}
	return false
}

// complete fills an event's arguments; it returns one event per place for
// territorial events with an object list, and none when the arguments show
// it is not to be coded (an unarmed "withdrawal", a dateless background,
// a territorial change with no place).
func (c *docContext) complete(ev *candidate, prev *candidate) []*candidate {
	ev.eventType = ev.trig.class.eventType
	var prevActor *actorRef
	if prev != nil && prev.sent.para == ev.sent.para && ev.sent.idx-prev.sent.idx <= 1 {
		prevActor = prev.actor1
	}
	c.assignRoles(ev, prevActor)
	if ev.trig.flags&flagArmed != 0 && !ablate["armed"] && !c.armed(ev) {
		c.drop(ev, "not armed")
		return nil
	}
	if territorial[ev.trig.class.name] || ev.trig.class.name == "withdraw" {
		ev.nonViolent = c.cueIn(ev.sent, cueNonViolent, ev.last+1, ev.sent.end)
	}
	var prevInPara *candidate
	if prev != nil && prev.sent.para == ev.sent.para {
		prevInPara = prev
	}
	ev.date = c.dateOf(ev, prevInPara)
	if !c.timely(ev) {
		c.drop(ev, "not timely")
		return nil
	}
	places, ok := c.placesOf(ev)
	if !ok {
		c.drop(ev, "no place")
		return nil
	}
	if territorial[ev.trig.class.name] || ev.trig.class.name == "withdraw" {
		var kept []*placeRef
		for _, p := range places {
			if p.precision < kb.PrecisionRegion {
				kept = append(kept, p)
			}
		}
		if len(kept) == 0 {
			c.drop(ev, "region-level territory")
			return nil
		}
		places = kept
	}
	if len(places) == 0 {
		return []*candidate{ev}
	}
	out := make([]*candidate, 0, len(places))
	for k, p := range places {
		e := ev
		if k > 0 {
			cp := *ev
			e = &cp
		}
		e.place = c.locate(p, e)
		e.listed = len(places) > 1
		out = append(out, e)
	}
	return out
}

// armed reports whether the acting side of an event is armed: an armed or
// state actor, or a force noun («قوات», «مسلحون») near the trigger.
func (c *docContext) armed(ev *candidate) bool {
	cl := ev.sent.clauses[ev.clause]
	for i := max(cl.first, ev.first-4); i < cl.end && i <= ev.last+4; i++ {
		if c.isCueAt(cueCivilian, i) {
			return false
		}
		if c.isCueAt(cueForce, i) {
			return true
		}
	}
	// A person who fled is not a withdrawal of forces.
	if a := ev.actor1; a != nil && a.m != nil && a.m.ent.Type == record.PER && ev.trig.class.name == "withdraw" {
		return false
	}
	if a := ev.actor1; a != nil {
		switch a.typ {
		case record.ArmedGroup, record.GOV:
			return true
		case record.ORG, record.PER:
			if a.side != "" {
				return true
			}
		}
	}
	return false
}

// timely reports whether an event is recent enough to code: not dated
// only by a year, not long before publication, not after it, and not in a
// sentence about a remote period without a date of its own.
func (c *docContext) timely(ev *candidate) bool {
	w := ev.date
	if !w.known {
		return !ev.sent.background
	}
	if w.stated && w.precision >= arabic.Year {
		return false
	}
	if !w.stated && ev.sent.background {
		return false
	}
	if c.pub.known {
		if w.from.After(c.pub.day) {
			return false
		}
		if c.pub.day.Sub(w.to) > staleAfter {
			return false
		}
	}
	return true
}

// attachDeaths gives each death figure of a sentence to the event it was
// reported with: the nearest event of the sentence, in the same clause if
// one is there. Bodies found count only for a discovery.
func (c *docContext) attachDeaths(s *sentence, evs []*candidate) {
	if len(evs) == 0 {
		return
	}
	for _, f := range s.deaths {
		if c.answeredClause(s, f.first) {
			continue // «احتجاجا على مقتل شاب»: the dead of an earlier event
		}
		var best *candidate
		bestScore := 1 << 30
		for _, ev := range evs {
			if f.bodies != (ev.trig.class.name == "bodies") {
				continue
			}
			score := abs(f.first - ev.first)
			if s.clauseOf(f.first) != ev.clause {
				score += 1000
			}
			if score < bestScore {
				best, bestScore = ev, score
			}
		}
		if best != nil {
			best.deaths = append(best.deaths, f)
		}
	}
	for _, ev := range evs {
		ev.fatalities = fatalitiesOf(ev.deaths)
		if ev.fatalities == nil && s.noDeaths {
			ev.fatalities = record.Int(0)
		}
	}
}

// answeredClause reports whether token i is in a clause that names what
// the sentence's event answered or protested (see opensClause).
func (c *docContext) answeredClause(s *sentence, i int) bool {
	cl := s.clauses[s.clauseOf(i)]
	t := &c.v.toks[cl.first]
	p := t.Proclitics()
	return (len(p) == 0 || len(p) == 1 && hasConjunction(t)) && (responseWords[t.Stem] || protestObjectWords[t.Stem])
}

// trace, when set (tests), is told why each trigger was dropped.
var trace func(format string, args ...any)

// ablate, set only by tests, switches rule classes off to measure what
// each contributes: "modality", "soft", "absorb", "merge", "fallback",
// "opponent", "armed".
var ablate = map[string]bool{}

func (c *docContext) drop(ev *candidate, why string) {
	if trace != nil {
		ctx := []rune(c.text(max(ev.sent.first, ev.first-6), min(ev.sent.end-1, ev.last+6)))
		trace("drop %-16s %-12s %q in «%s»", why, ev.trig.class.name, c.text(ev.first, ev.last), string(ctx))
	}
}

func placeName(p *placeRef) string {
	if p == nil {
		return "-"
	}
	return p.ent.Name
}

func actorName(a *actorRef) string {
	if a == nil {
		return "-"
	}
	return a.name
}

// dayString is a date as YYYY-MM-DD.
func dayString(t time.Time) string { return t.Format(dayLayout) }
