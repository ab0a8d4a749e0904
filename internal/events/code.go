package events

import (
	"strings"

	"github.com/marsad/marsad/internal/arabic"

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
		// A force that answers to no government, whatever government its
		// side set up (the RSF's parallel one), is not a state's.
		if e := c.kb.Get(a.id); e != nil && nonState[e.Kind] {
			return false
		}
	}
	return a.side != "" && (c.govSides[a.side] || strings.HasSuffix(a.side, "-GOV"))
}

// nonState are the knowledge-base kinds of armed groups that are never a
// state's forces unless a government commands them (Parent).
var nonState = map[string]bool{"paramilitary": true, "rebels": true, "jihadist": true, "mercenary": true, "cameo-reb": true}

// code fills an event's ACLED type, sub-type and CAMEO code from its class
// and the cues of its clause and sentence; sent are the events read from
// the same sentence.
func (c *docContext) code(ev *candidate, sent []*candidate) {
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
		if sub, ok := c.attackWeapon(ev, sent); ok {
			ev.eventType, ev.subType, ev.cameo = "Explosions/Remote violence", sub, remoteCAMEO[sub]
		} else if c.civilianTarget(ev) || ev.civilians && (ev.actor2 == nil || ev.actor2.guessed) {
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
		if sub, ok := c.attackWeapon(ev, sent); ok {
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
	// «سلم عشرات من عناصر التنظيم أنفسهم»: fighters surrendering hand
	// over no place.
	if cls.name == "handover" && c.reflexiveObject(ev) {
		ev.eventType, ev.subType, ev.cameo = "Strategic developments", "Other", ""
	}
	if cls.name == "disperse" && inSentence(cueExcessive) {
		ev.subType, ev.cameo = "Excessive force against protesters", "175"
	}
	// Protesters who fight, burn or smash make a riot, not a battle or
	// an armed group's looting.
	if (cls.name == "clash" || cls.name == "loot") && (inClause(cueProtester) || c.crowdSide(ev)) {
		ev.eventType, ev.subType, ev.cameo = "Riots", "Violent demonstration", "145"
	}
}

// crowdSide reports whether a clash is «بين» a crowd and someone: «اندلعت
// مواجهات بين الشبان وقوات الاحتلال» is youths against soldiers, a riot.
func (c *docContext) crowdSide(ev *candidate) bool {
	s := ev.sent
	for k := ev.last + 1; k+1 < s.end && k <= ev.last+4; k++ {
		if c.v.is(k, "بين") {
			next := &c.v.toks[k+1]
			return crowdWords[next.Stem] && c.mentionAt(k+1) == nil
		}
	}
	return false
}

var crowdWords = stemSet("شبان", "شباب", "اهالي", "سكان", "محتجين", "متظاهرين", "مواطنين", "فتيه")

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

// attackWeapon reads the weapon of an attack or killing whose verb does
// not say how it was done («استهدف», «هاجم»): the weapon its clause names,
// else one the rest of its sentence names where no other kind of event is
// told. «قال الجيش إنه استهدف بنية تحتية ... مشيرا إلى أن طائراته قصفت
// أيضا مواقع أخرى» is an air strike: the weapon's clause tells a strike by
// the same doer.
func (c *docContext) attackWeapon(ev *candidate, sent []*candidate) (string, bool) {
	s := ev.sent
	if sub, ok := c.weapon(s, s.clauses[ev.clause], ""); ok {
		return sub, true
	}
	// «في قصف استهدف السوق»: the verb describes the strike named just
	// before it.
	for _, o := range sent {
		if o != ev && o.eventType == "Explosions/Remote violence" && o.last < ev.first && ev.first-o.last <= 2 {
			return o.subType, true
		}
	}
	// «بعد هجوم شنته القوات في يناير»: a prior fact keeps its own weapon.
	if ablate["sentenceweapon"] || c.priorFact(s, ev.clause) {
		return "", false
	}
	for k, cl := range s.clauses {
		if k == ev.clause || c.priorFact(s, k) || !c.weaponClauseFits(ev, k, sent) {
			continue
		}
		if sub, ok := c.weapon(s, cl, ""); ok {
			return sub, true
		}
	}
	return "", false
}

// priorFact reports whether clause k of s tells a fact subordinate to
// another: opened by a subordinator, or by «أن» right after one («بعد أن»).
func (c *docContext) priorFact(s *sentence, k int) bool {
	if c.subordinate(s, k) {
		return true
	}
	first := s.clauses[k].first
	if first <= s.first || !complementisers[c.v.toks[first].Stem] {
		return false
	}
	t := &c.v.toks[first-1]
	return t.Kind == arabic.Word && (subordinators[t.Stem] || t.Stem == "قبل")
}

// weaponClauseFits reports whether clause k of an event's sentence may
// lend the event its weapon: the clause tells no event, or only remote
// violence by the event's own doer (or an unnamed one).
func (c *docContext) weaponClauseFits(ev *candidate, k int, sent []*candidate) bool {
	for _, o := range sent {
		if o == ev || o.clause != k {
			continue
		}
		// «واستخدمت في هجومها طائرات مسيرة»: the same attack told again.
		same := o.trig.class == ev.trig.class && c.v.toks[o.first].Enclitic != ""
		if o.trig.class.eventType != "Explosions/Remote violence" && !same {
			return false
		}
		if o.date.stated && ev.date.stated && !c.day(o.date).Equal(c.day(ev.date)) {
			return false
		}
		if o.actor1 != nil && ev.actor1 != nil && !o.actor1.same(ev.actor1) && (o.actor1.side == "" || o.actor1.side != ev.actor1.side) {
			return false
		}
	}
	return true
}

// civilianVictims reports whether the people an event's sentence counts
// as dead, wounded or captured, or names as the event's direct object,
// are civilians and none are fighters: «قتل 12 نازحا», «خمسة أشخاص بينهم
// مسعفان», «قتل مسلحون ثلاثة مزارعين».
func (c *docContext) civilianVictims(ev *candidate) bool {
	s := ev.sent
	civ, armed := false, false
	lastCiv := -1
	for i := s.end - 1; i >= s.first; i-- {
		isCiv, isArmed := c.isCueAt(cueCivPerson, i) || c.cueStartsAt(s, cueCivPerson, i), c.isCueAt(cueFighter, i)
		if !isCiv && !isArmed {
			continue
		}
		counted, object := c.victimPosition(ev, i)
		switch {
		case isCiv && !isArmed && (counted || object):
			civ = true
			lastCiv = i
		case isArmed && counted:
			// «قتل مسلحون ثلاثة مزارعين»: fighters right before the
			// civilians a killing verb counts are its subject.
			if lastCiv > i && lastCiv <= i+5 && s.clauseOf(lastCiv) == s.clauseOf(i) && !c.countedByNumber(s, i) {
				continue
			}
			armed = true
		}
	}
	for _, f := range ev.deaths {
		if f.victim != nil {
			armed = true // «35 عنصرا من X»: the dead belonged to a side
		}
	}
	return civ && !armed
}

// victimPosition says whether the noun at token i names victims: counted
// is true when it is counted («12 نازحا») or follows a casualty word or
// «بينهم»; object when it stands within a few words after the event's
// own verb, as its object or its subject.
func (c *docContext) victimPosition(ev *candidate, i int) (counted, object bool) {
	s := ev.sent
	// «من دون أن تشير إلى سقوط ضحايا مدنيين»: victims denied.
	for k := i - 1; k >= max(s.first, i-8); k-- {
		if c.v.toks[k].Kind == arabic.Punct {
			break
		}
		if c.isCueAt(cueNegation, k) && !c.v.is(k+1, "يقل", "تقل") { // «ما لا يقل عن» counts
			return false, false
		}
	}
	object = ev.verb && ev.clause == s.clauseOf(i) && i > ev.last && i <= ev.last+4
	for _, f := range s.deaths {
		if f.noun && f.first == i {
			return true, object // «قتل مدنيان»: the noun is its own count
		}
	}
	for k := i - 1; k >= max(s.first, i-3); k-- {
		t := &c.v.toks[k]
		if t.Kind == arabic.Number || c.figureAt(s, k) || c.isCueAt(cueDeath, k) || c.isCueAt(cueWounded, k) ||
			c.isCueAt(cueCaptive, k) || c.v.is(k, "بين", "منهم", "معظم", "غالبيه", "اغلب") {
			return true, object
		}
		if t.Kind == arabic.Punct {
			break
		}
	}
	return false, object
}

// countedByNumber reports whether a number or a death figure stands just
// before token i: «جنديان» after «قتل» may be its subject, «5 جنود» not.
func (c *docContext) countedByNumber(s *sentence, i int) bool {
	return i > s.first && (c.v.toks[i-1].Kind == arabic.Number || c.figureAt(s, i-1)) || dualPeople[c.v.toks[i].Stem]
}

// civilianTarget reports whether an attack or killing was aimed at
// unarmed people: a civilian noun after the trigger in its clause, and no
// armed target named.
func (c *docContext) civilianTarget(ev *candidate) bool {
	cl := ev.sent.clauses[ev.clause]
	if ev.actor2 != nil && ev.actor2.m != nil {
		return false
	}
	// From the word after the trigger's first: a phrase trigger may hold
	// its victims («لقي مدنيون حتفهم», «توفي معتقل تحت التعذيب»).
	for i := ev.first + 1; i < cl.end; i++ {
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

// reflexiveObject reports whether «نفسه», «أنفسهم» follows the trigger
// within its clause: the doer's act is on itself.
func (c *docContext) reflexiveObject(ev *candidate) bool {
	cl := ev.sent.clauses[ev.clause]
	for i := ev.last + 1; i < cl.end && i <= ev.last+8; i++ {
		if reflexives[c.v.toks[i].Stem] {
			return true
		}
	}
	return false
}

var reflexives = stemSet("نفس", "انفس", "نفسه", "نفسها", "انفسهم")
