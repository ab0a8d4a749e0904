package events

import (
	"slices"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/kb"
	"github.com/marsad/marsad/internal/record"
)

// actorRef is an event participant, resolved to the knowledge base.
type actorRef struct {
	id, name string
	nameEn   *string
	side     string
	typ      string
	text     string
	m        *mention
	// guessed is true for a side the knowledge base supplied because the
	// text named only the other one (opponent): a weaker reading than the
	// text's own, which the conventions may replace.
	guessed bool
}

func (a *actorRef) record() *record.Actor {
	if a == nil {
		return nil
	}
	return &record.Actor{ID: a.id, Name: a.name, NameEn: a.nameEn, Side: a.side, Text: a.text}
}

func (a *actorRef) same(b *actorRef) bool {
	return a != nil && b != nil && (a.id != "" && a.id == b.id || a.id == "" && a.name == b.name)
}

// hint is what a mention's surroundings say about its part in an event.
type hint uint8

const (
	hintNone   hint = iota
	hintAgent       // «على يد X», «من قبل X», «بيد X»
	hintTarget      // «مواقع X», «ضد X», «على X»
	hintFrom        // «من قبضة X»: the side a place was taken from
	hintWith        // «مع X»: the other side of a clash
	hintHolder      // «كانت تتمركز فيها X»: who held the place
	hintVictim      // «مقتل 35 عنصرا من X»
)

// actorOf resolves a mention to the actor it stands for. A person acts for
// the body they command or speak for on the publication day («حفتر» → the
// LNA), when the knowledge base knows their role.
func (c *docContext) actorOf(m *mention) *actorRef {
	e := m.ent
	a := &actorRef{id: e.ID, name: e.Name, nameEn: e.NameEn, side: e.Side, typ: e.Type, text: m.m.Text, m: m}
	if e.Type != record.PER || c.kb == nil {
		return a
	}
	entry := c.kb.Get(e.ID)
	if entry == nil {
		return a
	}
	date := ""
	if c.pub.known {
		date = c.pub.day.Format(dayLayout)
	}
	for _, r := range entry.RoleAt(date) {
		org := c.kb.Get(r.Org)
		if org == nil || !org.IsActor() || org.Type == kb.PER {
			continue
		}
		a.id, a.name, a.typ = org.ID, org.Name, org.Type
		a.nameEn = record.Str(org.NameEn)
		if org.Side != "" {
			a.side = org.Side
		}
		return a
	}
	return a
}

// doerByLam reports whether an actor mention after an event noun is
// written with ل and followed, in its clause, by «على» and what was hit.
func (c *docContext) doerByLam(m *mention, cl clause) bool {
	if !hasProclitic(&c.v.toks[m.first], "ل") {
		return false
	}
	for k := m.last + 1; k < cl.end && k <= m.last+4; k++ {
		if c.v.is(k, "علي") {
			return true
		}
	}
	return false
}

// hintOf reads the cue before an actor mention.
func (c *docContext) hintOf(s *sentence, m *mention) hint {
	lex, v := c.lex, c.v
	if m.virtual {
		switch {
		case m.ofTrigger:
			return hintAgent // «غارة إسرائيلية»: the strike's doer
		case c.victimBefore(s, m.first):
			return hintVictim // «مقتل جنديين عراقيين»
		case c.isCueAt(cueTarget, m.first) && !c.isCueAt(cueForce, m.first):
			return hintTarget // «مواقع إسرائيلية»
		case hasProclitic(&v.toks[m.first], "ل") && m.first > s.first && (c.isCueAt(cueTarget, m.first-1) || c.isCueAt(cueFighter, m.first-1)):
			return hintTarget // «حاجزا للجيش»: the army's checkpoint
		}
	}
	cl := s.clauses[s.clauseOf(m.first)]
	at := m.first
	// A force noun may stand between the cue and the name: «على يد قوات X».
	back := at
	if back > cl.first && c.isCueAt(cueForce, back-1) {
		back--
	}
	from := max(s.first, back-3)
	for _, b := range []int{at, back} {
		switch {
		case v.endsAt(lex.cues[cueAgent], from, b):
			// «التابعة لـ» after a target noun names the target's owner.
			if b > s.first && v.is(b-1, "تابع", "تابعه", "تابعين", "تابعون") && !c.ownsWeapon(s, b-1) {
				return hintTarget
			}
			return hintAgent
		case v.endsAt(lex.cues[cueFrom], from, b):
			return hintFrom
		}
	}
	// «بين X و Y»: X acted, Y is the other side.
	if at > s.first && v.is(at-1, "بين") {
		return hintNone
	}
	if at > s.first && hasConjunction(&v.toks[at]) && c.afterBetween(s, at) {
		return hintWith
	}
	// «مقتل 35 عنصرا من X», «أسر 10 من X», «العشرات من مسلحي قوات X».
	for _, b := range []int{at, back} {
		if b <= s.first || !v.is(b-1, "من") && !hasProclitic(&v.toks[b], "من") {
			continue
		}
		for i := b - 2; i >= max(s.first, b-4); i-- {
			t := &v.toks[i]
			if t.Kind == arabic.Number || c.figureAt(s, i) || c.isCueAt(cueDeath, i) || c.isCueAt(cueCaptive, i) ||
				c.isCueAt(cueForce, i) || quantityWords[t.Stem] || c.startsTrigger(i, s.end) {
				return hintVictim
			}
		}
	}
	for _, b := range []int{at, back} {
		prev := b - 1
		if prev < s.first {
			continue
		}
		switch {
		case v.is(prev, "ضد"):
			return hintTarget
		case c.isCueAt(cueTarget, prev) && !c.isCueAt(cueForce, prev):
			return hintTarget
		case v.is(prev, "علي") && !(prev > s.first && v.is(prev-1, "يد", "ايدي")):
			return hintTarget
		}
	}
	if v.endsAt(lex.cues[cueWith], from, at) || v.endsAt(lex.cues[cueWith], from, back) {
		return hintWith
	}
	for i := max(cl.first, at-4); i < at; i++ {
		if c.isCueAt(cueHolder, i) {
			return hintHolder
		}
	}
	return hintNone
}

// victimBefore reports whether the people named at token at are counted
// as dead, wounded or captured: a number or a casualty word just before.
func (c *docContext) victimBefore(s *sentence, at int) bool {
	for i := at - 1; i >= max(s.first, at-2); i-- {
		t := &c.v.toks[i]
		if t.Kind == arabic.Punct {
			return false
		}
		if t.Kind == arabic.Number || c.figureAt(s, i) || c.isCueAt(cueDeath, i) || c.isCueAt(cueWounded, i) || c.isCueAt(cueCaptive, i) {
			return true
		}
	}
	return false
}

// quantityWords count a group, so «من X» after them names the group:
// «أسرت عددا من جنود حفتر».
var quantityWords = stemSet("عدد", "عددا", "عشرات", "بعض", "مييات", "ميات", "الاف", "العشرات", "جل", "معظم", "اغلب")

// ownsWeapon reports whether «التابعة» at token i follows a weapon or a
// force noun within three words: «طائرات مسيرة تابعة للجيش».
func (c *docContext) ownsWeapon(s *sentence, i int) bool {
	for k := i - 1; k >= max(s.first, i-3); k-- {
		if c.isCueAt(cueAir, k) || c.isCueAt(cueShelling, k) || c.isCueAt(cueForce, k) {
			return true
		}
	}
	return false
}

// afterBetween reports whether the mention at token at is the second of
// «بين X و Y»: an actor mention right after «بين» ends just before it.
func (c *docContext) afterBetween(s *sentence, at int) bool {
	for _, m := range c.mentions {
		if m.actor && m.last == at-1 && m.first > s.first && c.v.is(m.first-1, "بين") {
			return true
		}
	}
	return false
}

// isPatientNoun reports whether the noun after an event noun is what the
// event was done to («اعتقال ناشط», «قصف المدينة») rather than who did it
// («هجوم قوات حفتر», «انسحاب المرتزقة»).
func isPatientNoun(ev *candidate) bool {
	if ev.verb {
		return false
	}
	switch ev.trig.class.name {
	case "arrest", "abduct", "kill", "assassinate", "sexual", "disperse", "loot", "strike", "bodies", "disrupt":
		return true
	case "attack":
		first := ev.trig.words[0].alts[0]
		return first == "استهداف" || first == "اقتحام" || first == "مداهمه"
	case "clash":
		// «صد هجوم لقوات X», «إحباط محاولة تسلل لقوات X»: what was
		// repelled is the other side's.
		first := ev.trig.words[0].alts[0]
		return first == "صد" || first == "احباط"
	}
	return false
}

// violent reports whether an event's class is an act of violence done to
// someone.
func violent(ev *candidate) bool {
	switch ev.trig.class.name {
	case "attack", "strike", "airstrike", "explosion", "ied", "suicide", "grenade", "chemical",
		"kill", "assassinate", "abduct", "arrest", "sexual", "clash":
		return true
	}
	return false
}

// canAct reports whether a mention can be the doer of an act of war or
// protest: an armed or state body, or anyone with a side.
func (c *docContext) canAct(m *mention) bool {
	e := m.ent
	return e.Type == record.ArmedGroup || e.Type == record.GOV || e.Side != ""
}

// isMedia reports whether a mention names a news outlet, which reports
// events but never takes part in them.
func (c *docContext) isMedia(m *mention) bool {
	if e := c.kbEntry(m.ent); e != nil {
		return e.Kind == "media" || e.Kind == "cameo-med"
	}
	return false
}

// actorMention is an actor mention of a sentence with its hint.
type actorMention struct {
	m    *mention
	hint hint
	src  bool // inside a report's source
}

func (c *docContext) actorsOfSentence(s *sentence) []actorMention {
	var out []actorMention
	for _, m := range c.mentionsIn(s.first, s.end) {
		if !m.actor || c.isMedia(m) {
			continue
		}
		// A mention inside a longer actor mention is part of its name.
		inner := false
		for _, o := range c.mentions {
			if o != m && o.actor && o.first <= m.first && o.last >= m.last && (o.first < m.first || o.last > m.last) {
				inner = true
				break
			}
		}
		if inner {
			continue
		}
		out = append(out, actorMention{m: m, hint: c.hintOf(s, m), src: s.inSource(m.first)})
	}
	return out
}

// assignRoles finds actor1 (who acted), actor2 (against whom) and the
// actors associated with actor1.
func (c *docContext) assignRoles(ev *candidate, prevActor *actorRef) {
	s := ev.sent
	cl := s.clauses[ev.clause]
	all := c.actorsOfSentence(s)
	var inClause []actorMention
	for _, am := range all {
		if am.m.first >= cl.first && am.m.last < cl.end && !am.src {
			inClause = append(inClause, am)
		}
	}
	role := ev.trig.class.role
	patient := isPatientNoun(ev)

	var subject, agent, target, with *mention
	for _, am := range inClause {
		switch am.hint {
		case hintAgent:
			if agent == nil {
				agent = am.m
			}
		case hintTarget, hintFrom, hintHolder, hintVictim:
			if target == nil || am.m.first > ev.last && target.first < ev.first {
				target = am.m
			}
		case hintWith:
			if with == nil {
				with = am.m
			}
		}
	}
	// The subject: after a verb (VSO) or before it (SVO); after a noun it
	// is the genitive, unless the noun's genitive is its patient.
	var after, beforeM *mention
	for _, am := range inClause {
		if am.hint != hintNone {
			continue
		}
		if am.m.first > ev.last && after == nil {
			after = am.m
		}
		if am.m.last < ev.first {
			beforeM = am.m
		}
	}
	// «شنت طائرات روسية غارات»: a name inside a periphrasis is its subject.
	for _, am := range inClause {
		if am.hint == hintNone && am.m.first > ev.first && am.m.last < ev.last {
			after = am.m
			break
		}
	}
	switch {
	case patient && after != nil && ev.trig.class.eventType == "Explosions/Remote violence" && c.doerByLam(after, cl):
		// «قصف مدفعي لقوات النظام على بلدة كفرنبل»: the noun's ل-phrase
		// before a target with «على» names who shelled.
		subject = after
	case patient && after != nil:
		if target == nil {
			target = after
		}
		subject = beforeM
	case ev.verb || !patient:
		// The subject follows the verb closely (VSO) or the noun as its
		// genitive; a name further on is an object or a complement.
		if after != nil && after.first <= ev.last+3 {
			subject = after
		} else {
			subject = beforeM
		}
	}
	// A violent act's object: the first name after it that is not its
	// subject («استهدفت طائرة مسيرة قياديين في الهيئة»).
	if target == nil && after != nil && after != subject && violent(ev) && after.first <= ev.last+5 {
		target = after
	}

	var a1, a2 *actorRef
	// «اشتباكات ... بين جهاز الردع واللواء 444»: the two sides, however far
	// from the noun and whichever camp each is in.
	between := false
	if subject == nil && agent == nil && ev.trig.class.eventType == "Battles" {
		// The pair may stand in a clause of its own after the noun's
		// adjuncts («اندلعت اشتباكات عنيفة، مساء الاثنين، بين ...»).
		for _, y := range all {
			if y.hint != hintWith || y.src || y.m.first < ev.last {
				continue
			}
			for _, x := range all {
				if x.m.last == y.m.first-1 && x.m.first > s.first && c.v.is(x.m.first-1, "بين") {
					subject, with, between = x.m, y.m, true
				}
			}
			break
		}
	}
	if agent != nil {
		a1 = c.actorOf(agent)
	}
	if target != nil {
		a2 = c.actorOf(target)
	}
	if subject != nil {
		sa := c.actorOf(subject)
		switch role {
		case "loser":
			if a2 == nil {
				a2 = sa
			}
		case "place":
			// The subject of «سقطت» is the place; an actor there held it.
			if a2 == nil {
				a2 = sa
			}
		default:
			if a1 == nil {
				a1 = sa
			}
		}
	}
	if acc := c.accusedOf(ev, inClause); acc != nil && role != "place" && role != "loser" {
		// «اتهمت منظمات قوات الدعم السريع باغتصاب نساء»: the accused is
		// the doer, whoever the accusation's object looked like.
		if a2 != nil && a2.same(acc) {
			a2 = nil
		}
		a1 = acc
	}
	if a1 == nil && role != "place" && role != "loser" {
		a1 = c.sharedSubject(ev, all)
	}
	if a1 == nil && role != "place" && role != "loser" {
		a1 = c.impliedSubject(ev, all, prevActor)
	}
	// «... منزل الغنوشي واعتقلته»: the pronoun on the verb is its object,
	// the actor named last before it.
	if a2 == nil && ev.verb && objectPronouns[c.v.toks[ev.first].Enclitic] && pronounObjectClasses[ev.trig.class.name] {
		for k := len(all) - 1; k >= 0; k-- {
			am := all[k]
			if am.m.last < ev.first && !am.src {
				if a := c.actorOf(am.m); !a.same(a1) {
					a2 = a
				}
				break
			}
		}
	}
	// «تحرير غريان» with no liberator named: an article calls a takeover
	// liberation from the side of the taker, so the article's own side
	// (as linking read its perspective) is the doer.
	if a1 == nil && liberation[c.v.toks[ev.first].Stem] && c.d.Perspective != nil && c.d.Perspective.Leaning != "" {
		a1 = c.sideActor(c.d.Perspective.Leaning, "", false)
	}
	if with != nil {
		w := c.actorOf(with)
		switch {
		case a1 == nil:
			a1 = w
		case a2 == nil:
			a2 = w
		}
	}
	if a1 != nil && a2 != nil && (a1.same(a2) || a1.side != "" && a1.side == a2.side && role != "self" && !between) {
		a2 = nil
	}
	if role == "self" && ev.trig.class.eventType != "Battles" {
		a2 = nil
	}
	// An agreement's other party: the next actor its clause names
	// («وقعت روسيا وتركيا اتفاقا»).
	if slices.Contains(partyClasses, ev.trig.class.name) && a1 != nil && a2 == nil {
		for _, am := range inClause {
			if a := c.actorOf(am.m); !a.same(a1) {
				a2 = a
				break
			}
		}
	}
	if c.bilateral(ev) && !ablate["opponent"] {
		if a1 != nil && a2 == nil {
			a2 = c.opponent(a1)
		} else if a1 == nil && a2 != nil {
			a1 = c.opponent(a2)
		}
	}
	ev.actor1, ev.actor2 = a1, a2
	// Allies named with actor1 in the clause are associated with it.
	if a1 != nil && a1.side != "" {
		for _, am := range inClause {
			a := c.actorOf(am.m)
			if a.side == a1.side && !a.same(a1) && am.hint == hintNone && !containsActor(ev.assoc, a) && (a2 == nil || !a.same(a2)) {
				ev.assoc = append(ev.assoc, a)
			}
		}
	}
}

func containsActor(xs []*actorRef, a *actorRef) bool {
	for _, x := range xs {
		if x.same(a) {
			return true
		}
	}
	return false
}
