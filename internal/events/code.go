package events

import (
	"strings"

	"github.com/marsad/marsad/internal/kb"
	"github.com/marsad/marsad/internal/record"
)

// Territory policy. ACLED codes a place taken by state forces ("Military
// Forces of X", including each faction of a split state, as it does for
// Libya's GNA and Haftar's forces) as "Government regains territory", and
// a place taken by anyone else as "Non-state actor overtakes territory".
// marsad reads "state" from the knowledge base: an actor is a state force
// when it is a government body (type GOV), or when its side has a
// government among its members (a GOV entry with the same side, such as
// the GNA for "LY-GNA" or the interim government for "LY-LNA"). Rebels,
// jihadists, militias and mercenaries whose side has no government are
// non-state. When the taker is unknown, the side it took the place from
// decides (taken from a state → non-state taker), and failing that the
// verb: «استعاد», «استرد», «حرر» (regained, liberated) read as government.
var regainWords = stemSet("استعاد", "استعادت", "استعادوا", "استعاده", "استرد", "استردت", "استرداد",
	"استرجع", "استرجاع", "حرر", "حررت", "تحرير", "استعدنا", "حررنا")

// isState reports whether an actor is a state force by the policy above.
func (c *docContext) isState(a *actorRef) bool {
	if a == nil {
		return false
	}
	if a.typ == record.GOV || a.typ == kb.GOV {
		return true
	}
	if c.kb != nil {
		for e := c.kb.Get(a.id); e != nil; e = c.kb.Get(e.Parent) {
			if e.Type == kb.GOV {
				return true
			}
			if e.Parent == "" || e.Parent == e.ID {
				break
			}
		}
	}
	return a.side != "" && (c.govSides[a.side] || strings.HasSuffix(a.side, "-GOV"))
}

// code fills an event's ACLED type, sub-type and CAMEO code from its class
// and the cues of its clause and sentence.
func (c *docContext) code(ev *candidate) {
	cls := ev.trig.class
	ev.eventType, ev.subType, ev.cameo = cls.eventType, cls.subType, cls.cameo
	s := ev.sent
	cl := s.clauses[ev.clause]
	inClause := func(kind string) bool { return c.cueIn(s, kind, cl.first, cl.end) }
	inSentence := func(kind string) bool { return c.cueIn(s, kind, s.first, s.end) }
	switch cls.subType {
	case "@territory":
		switch {
		case ev.nonViolent:
			ev.eventType, ev.subType, ev.cameo = "Strategic developments", "Non-violent transfer of territory", "0874"
		case ev.actor1 != nil:
			ev.subType = territorySub(c.isState(ev.actor1))
		case ev.actor2 != nil:
			ev.subType = territorySub(!c.isState(ev.actor2))
		default:
			ev.subType = territorySub(c.v.is(ev.first, keys(regainWords)...))
		}
	case "@attack":
		if sub, ok := c.weapon(s, cl, ""); ok {
			ev.eventType, ev.subType, ev.cameo = "Explosions/Remote violence", sub, remoteCAMEO[sub]
		} else if c.civilianTarget(ev) {
			ev.eventType, ev.subType, ev.cameo = "Violence against civilians", "Attack", "180"
		} else {
			ev.subType, ev.cameo = "Armed clash", "193"
		}
	case "@remote":
		def := "Shelling/artillery/missile attack"
		if cls.name == "explosion" {
			def = "Remote explosive/landmine/IED"
		}
		sub, _ := c.weapon(s, cl, def)
		ev.subType, ev.cameo = sub, remoteCAMEO[sub]
	case "@kill":
		if sub, ok := c.weapon(s, cl, ""); ok {
			// «قتل ثلاثة بغارة لطائرة مسيرة»: the weapon makes the type.
			ev.eventType, ev.subType, ev.cameo = "Explosions/Remote violence", sub, remoteCAMEO[sub]
		} else if c.civilianTarget(ev) || !c.armedVictims(ev) {
			ev.subType = "Attack"
		} else {
			ev.eventType, ev.subType, ev.cameo = "Battles", "Armed clash", "193"
		}
	case "@protest":
		switch {
		case inSentence(cueExcessive):
			ev.subType, ev.cameo = "Excessive force against protesters", "175"
		case inSentence(cueRiot):
			ev.eventType, ev.subType, ev.cameo = "Riots", "Violent demonstration", "145"
		case inSentence(cueIntervention):
			ev.subType, ev.cameo = "Protest with intervention", "1411"
		default:
			ev.subType = "Peaceful protest"
		}
	case "@riot":
		if inSentence(cueMob) && !inSentence(cueProtester) {
			ev.subType = "Mob violence"
		} else {
			ev.subType = "Violent demonstration"
		}
	}
	if ev.verb && ev.cameo != "" {
		ev.cameo = c.refineCAMEO(ev, cl)
	}
	if cls.name == "disperse" && inSentence(cueExcessive) {
		ev.subType, ev.cameo = "Excessive force against protesters", "175"
	}
	if cls.name == "clash" && inClause(cueProtester) {
		ev.eventType, ev.subType, ev.cameo = "Riots", "Violent demonstration", "145"
	}
}

// refineCAMEO gives a more specific CAMEO code of the same family when the
// PETRARCH dictionary codes the trigger verb with an object word that the
// clause has: «أحرق ... منازل» is 1712, «استهدف ... بصواريخ» 194.
func (c *docContext) refineCAMEO(ev *candidate, cl clause) string {
	best := ev.cameo
	root := best[:2]
	for _, f := range c.v.forms[ev.first] {
		for _, p := range c.lex.cameo[f] {
			if !strings.HasPrefix(p.code, root) || len(p.code) < len(best) || p.code == best {
				continue
			}
			for i := cl.first; i < cl.end; i++ {
				if c.v.is(i, p.object) {
					best = p.code
					break
				}
			}
		}
	}
	return best
}

func territorySub(state bool) string {
	if state {
		return "Government regains territory"
	}
	return "Non-state actor overtakes territory"
}

// remoteCAMEO are the CAMEO codes of the remote-violence sub-types.
var remoteCAMEO = map[string]string{
	"Air/drone strike":                  "195",
	"Shelling/artillery/missile attack": "194",
	"Remote explosive/landmine/IED":     "1833",
	"Suicide bomb":                      "1831",
	"Grenade":                           "183",
	"Chemical weapon":                   "2041",
}

// weapon reads the remote-violence sub-type from the weapon cues of a
// clause; def is returned (with ok false) when there is none. Suicide
// attacks are named first, then air power (an air-launched missile is an
// air strike), then chemicals, IEDs, grenades and artillery.
func (c *docContext) weapon(s *sentence, cl clause, def string) (string, bool) {
	for _, w := range []struct{ cue, sub string }{
		{cueSuicide, "Suicide bomb"},
		{cueAir, "Air/drone strike"},
		{cueChemical, "Chemical weapon"},
		{cueIED, "Remote explosive/landmine/IED"},
		{cueGrenade, "Grenade"},
		{cueShelling, "Shelling/artillery/missile attack"},
	} {
		for _, h := range c.hitsIn(s, w.cue, cl.first, cl.end) {
			// «قاعدة جوية», «منظومات الدفاع الجوي» are things, not strikes.
			if h.first > cl.first && c.isCueAt(cueNotWeapon, h.first-1) {
				continue
			}
			return w.sub, true
		}
	}
	return def, false
}

// civilianTarget reports whether an attack or killing was aimed at
// unarmed people: a civilian noun after the trigger in its clause, and no
// armed target named.
func (c *docContext) civilianTarget(ev *candidate) bool {
	cl := ev.sent.clauses[ev.clause]
	if ev.actor2 != nil && ev.actor2.m != nil {
		return false
	}
	for i := ev.last + 1; i < cl.end; i++ {
		if c.isCueAt(cueCivilian, i) {
			return true
		}
	}
	return false
}

// armedVictims reports whether the dead of a killing were fighters.
func (c *docContext) armedVictims(ev *candidate) bool {
	if ev.actor2 != nil {
		return true
	}
	cl := ev.sent.clauses[ev.clause]
	for i := ev.last + 1; i < cl.end; i++ {
		if c.isCueAt(cueForce, i) {
			return true
		}
	}
	for _, f := range ev.deaths {
		if f.victim != nil {
			return true
		}
	}
	return false
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
