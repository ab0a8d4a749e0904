package events

import (
	"strings"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/kb"
	"github.com/marsad/marsad/internal/record"
)

// ACLED's coding conventions for the actors a report leaves unnamed. ACLED
// gives every political-violence event a perpetrator and every battle two
// sides: one the text does not name is "Unidentified Armed Group
// (Country)". The victims of violence against civilians, and civilians
// hit by remote violence, are "Civilians (Country)"; demonstrators are
// "Protesters (Country)" or "Rioters (Country)". marsad makes these actors
// with ids of its own, one per country (documented in docs/output-v1.md):
//
//	acled:unidentified:CC  Unidentified Armed Group (Country)
//	acled:civilians:CC     Civilians (Country)
//	acled:protesters:CC    Protesters (Country)
//	acled:rioters:CC       Rioters (Country)
//	acled:military:CC      Military Forces of Country (a state's forces the
//	                       knowledge base has no single entry for)
//
// CC is the ISO 3166-1 alpha-2 code of the event's country; it is left off
// (acled:civilians) when the country is not known.
const (
	idUnidentified = "acled:unidentified"
	idCivilians    = "acled:civilians"
	idProtesters   = "acled:protesters"
	idRioters      = "acled:rioters"
	idMilitary     = "acled:military:"
)

// ACLED's actor type codes (inter1, inter2).
const (
	interState      = 1
	interRebel      = 2
	interPolitical  = 3
	interIdentity   = 4
	interRioters    = 5
	interProtesters = 6
	interCivilians  = 7
	interExternal   = 8
)

// generic names the actors of the conventions, in Arabic and English.
var generic = map[string]struct{ ar, en string }{
	idUnidentified: {"مجموعة مسلحة مجهولة", "Unidentified Armed Group"},
	idCivilians:    {"مدنيون", "Civilians"},
	idProtesters:   {"متظاهرون", "Protesters"},
	idRioters:      {"مثيرو شغب", "Rioters"},
}

// genericActor is a convention's actor for the country of an event.
func (c *docContext) genericActor(kind string, ev *candidate) *actorRef {
	g := generic[kind]
	a := &actorRef{id: kind, name: g.ar, nameEn: record.Str(g.en), typ: record.MISC}
	if kind == idUnidentified {
		a.typ = record.ArmedGroup
	}
	cc := c.eventCountry(ev)
	if cc == "" {
		return a
	}
	a.id += ":" + cc
	ar, en := cc, cc
	if c.kb != nil {
		if k := c.kb.Country(cc); k != nil {
			ar, en = k.Name, acledCountryName(k)
		}
	}
	a.name = g.ar + " (" + ar + ")"
	a.nameEn = record.Str(g.en + " (" + en + ")")
	return a
}

// eventCountry is the ISO code of the country an event happened in.
func (c *docContext) eventCountry(ev *candidate) string {
	if ev.place != nil {
		if cc := c.countryOf(ev.place.ent); cc != "" {
			return cc
		}
	}
	return c.docCountry()
}

// isGeneric reports whether an actor is one of the conventions' actors.
func isGeneric(a *actorRef, kind string) bool {
	return a != nil && (a.id == kind || strings.HasPrefix(a.id, kind+":"))
}

// conventions fills the actors a report leaves unnamed, as ACLED does.
// It runs after merging, so that a report that names an actor lends it to
// the other reports of its event first.
func (c *docContext) conventions(ev *candidate) {
	if ablate["conventions"] {
		return
	}
	switch ev.eventType {
	case "Explosions/Remote violence", "Violence against civilians":
		if ev.actor1 == nil {
			ev.actor1 = c.genericActor(idUnidentified, ev)
		}
		if ev.civilians && (ev.actor2 == nil || ev.actor2.guessed) || ev.eventType == "Violence against civilians" && ev.actor2 == nil {
			ev.actor2 = c.genericActor(idCivilians, ev)
		}
	case "Battles":
		if ev.subType != "Armed clash" {
			return
		}
		// A killing of fighters coded as a clash after roles were read:
		// the war's other side, as for any battle with one side named.
		if ev.actor1 == nil && ev.actor2 != nil && !ablate["opponent"] {
			ev.actor1 = c.opponent(ev.actor2)
		}
		if ev.actor1 == nil {
			ev.actor1 = c.genericActor(idUnidentified, ev)
		}
		if ev.actor2 == nil {
			ev.actor2 = c.stateVictims(ev)
		}
		if ev.actor2 == nil {
			ev.actor2 = c.genericActor(idUnidentified, ev)
		}
	case "Strategic developments":
		// «نهب مسلحون محلات تجارية»: armed men the text does not name.
		if ev.subType == "Looting/property destruction" && ev.actor1 == nil && c.armedSubject(ev) {
			ev.actor1 = c.genericActor(idUnidentified, ev)
		}
	case "Protests":
		c.demonstrators(ev, idProtesters)
	case "Riots":
		c.demonstrators(ev, idRioters)
	}
}

// demonstrators makes the crowd of a protest or riot its actor1, as ACLED
// does: a force the report names as acting (police dispersing a protest)
// is the other side, a group that called the protest is associated with
// the crowd. Excessive force is the force's act against the protesters.
func (c *docContext) demonstrators(ev *candidate, kind string) {
	crowd := c.genericActor(kind, ev)
	// A war's other camp guessed for a clash is no party to a crowd's.
	if ev.actor2 != nil && ev.actor2.guessed {
		ev.actor2 = nil
	}
	// What the crowd protested against is no party to the protest: «تظاهر
	// مئات احتجاجا على الغارات الإسرائيلية».
	for _, a := range []**actorRef{&ev.actor1, &ev.actor2} {
		if *a != nil && (*a).m != nil && c.protestedAgainst(ev.sent, (*a).m.first) {
			*a = nil
		}
	}
	a1 := ev.actor1
	armed := a1 != nil && (a1.typ == record.ArmedGroup || a1.typ == record.GOV || c.isState(a1))
	if ev.subType == "Excessive force against protesters" {
		if armed && ev.actor2 == nil {
			ev.actor2 = crowd
		} else if !armed {
			ev.actor1, ev.actor2 = nil, crowd
			if a1 != nil && !containsActor(ev.assoc, a1) {
				ev.assoc = append(ev.assoc, a1)
			}
		}
		return
	}
	switch {
	case a1 == nil:
	case armed && ev.actor2 == nil:
		ev.actor2 = a1
	case !armed && !containsActor(ev.assoc, a1):
		ev.assoc = append(ev.assoc, a1)
	}
	ev.actor1 = crowd
}

// armedSubject reports whether a fighter noun («مسلحون», «عناصر») stands
// within three words of the trigger word in its clause, as its doer; a
// phrase trigger may hold it («نهب مسلحون محلات»).
func (c *docContext) armedSubject(ev *candidate) bool {
	cl := ev.sent.clauses[ev.clause]
	for k := max(cl.first, ev.first-3); k < cl.end && k <= ev.last+3; k++ {
		if k != ev.first && c.isCueAt(cueFighter, k) {
			return true
		}
	}
	return false
}

// protestedAgainst reports whether token i is in what a protest is said
// to be against: a few words after «احتجاجا على», «تنديدا ب», «رفضا ل».
func (c *docContext) protestedAgainst(s *sentence, i int) bool {
	for k := i - 1; k >= max(s.first, i-5); k-- {
		if protestObjectWords[c.v.toks[k].Stem] {
			return true
		}
		if c.v.toks[k].Kind == arabic.Punct {
			return false
		}
	}
	return false
}

var protestObjectWords = stemSet("احتجاجا", "احتجاج", "تنديدا", "تنديد", "رفضا", "استنكارا", "اعتراضا")

// inter is ACLED's actor type code of an actor in an event in country cc,
// or 0 when the knowledge base does not say enough: 1 state forces (8 when
// they act outside their country), 2 rebels, 3 political militias, 4
// identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external or
// other forces (foreign states' forces, mercenaries, international
// bodies).
func (c *docContext) inter(a *actorRef, cc string) int {
	switch {
	case a == nil:
		return 0
	case isGeneric(a, idCivilians):
		return interCivilians
	case isGeneric(a, idProtesters):
		return interProtesters
	case isGeneric(a, idRioters):
		return interRioters
	case isGeneric(a, idUnidentified):
		return interPolitical
	case strings.HasPrefix(a.id, idMilitary):
		return abroad(interState, strings.TrimPrefix(a.id, idMilitary), cc)
	}
	var e *kb.Entry
	if c.kb != nil {
		e = c.kb.Get(a.id)
	}
	if e == nil {
		switch {
		case a.typ == record.GOV || a.typ == record.ArmedGroup && c.isState(a):
			return interState
		}
		return 0
	}
	home := c.homeCountry(e)
	switch kind := e.Kind; {
	case e.Type == kb.GOV, kind == "cameo-gov", kind == "cameo-mil", kind == "cameo-cop", kind == "cameo-spy":
		return abroad(interState, home, cc)
	case e.Type == kb.ORG:
		switch kind {
		case "un-mission", "un-agency", "international", "regional", "alliance", "mission", "cameo-igo":
			return interExternal
		}
		return 0
	case e.Type != kb.ArmedGroup:
		return 0
	case kind == "mercenary":
		return interExternal
	case kind == "rebels" || kind == "jihadist" || kind == "cameo-reb" || kind == "insurgents" || kind == "paramilitary":
		return interRebel
	case kind == "tribal" || kind == "communal" || kind == "ethnic" || kind == "clan":
		return interIdentity
	case kind == "army" || kind == "unit" || kind == "command" || kind == "police" || kind == "guard":
		if c.isState(a) {
			return abroad(interState, home, cc)
		}
		return interPolitical
	case kind == "paramilitary":
		return interRebel
	}
	return interPolitical
}

// abroad turns state forces acting outside their own country into ACLED's
// external forces.
func abroad(code int, home, cc string) int {
	if code == interState && home != "" && cc != "" && home != cc {
		return interExternal
	}
	return code
}

// homeCountry is the country of an entry or of the body it belongs to.
func (c *docContext) homeCountry(e *kb.Entry) string {
	for k := 0; e != nil && k < 8; k++ {
		if e.Country != "" {
			return e.Country
		}
		if e.Parent == "" || e.Parent == e.ID {
			break
		}
		e = c.kb.Get(e.Parent)
	}
	return ""
}

// stateVictims is the state's forces when the sentence of a clash that
// names no second side tells of soldiers, police or their posts («قتلوا
// جنديين», «هاجموا نقطة تفتيش»), unless the first side is the state.
func (c *docContext) stateVictims(ev *candidate) *actorRef {
	s := ev.sent
	found := false
	for i := s.first; i < s.end && !found; i++ {
		found = stateForceWords[c.v.toks[i].Stem]
	}
	if !found {
		return nil
	}
	cc := c.eventCountry(ev)
	if cc == "" {
		return nil
	}
	e := c.countryForces(cc)
	if e == nil || ev.actor1 != nil && ev.actor1.id == e.ID {
		return nil
	}
	return c.actorOf(c.virtualMention(e, ev.first, ev.last, false))
}

var stateForceWords = stemSet("جندي", "جنديا", "جنديان", "جنديين", "جنود", "عسكري", "عسكريين", "عسكريون", "شرطي",
	"شرطيين", "شرطيون", "شرطه", "دوريه", "حاجز", "تفتيش")
