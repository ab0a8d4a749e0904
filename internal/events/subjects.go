package events

import (
	"strings"

	"github.com/marsad/marsad/internal/record"
)

// Who acted when the clause does not say: the subject a report implies,
// shares with the verb before, or an accusation names, and the other side
// of a two-sided event when only one is named.

// impliedSubject finds the doer of an event whose clause names none: a
// pronoun on the trigger or a dropped subject refers to the source of a
// report around it («قالت غرفة العمليات إن قواتها سيطرت»), to an actor
// earlier in the sentence, or to the previous event's actor.
func (c *docContext) impliedSubject(ev *candidate, all []actorMention, prevActor *actorRef) *actorRef {
	s := ev.sent
	// «قواتنا»: our forces are the speaker's.
	// «قواتنا» in anyone's words, «قواته» in a report of what someone
	// said («وأضاف أن قواته أسرت ...»): the speaker's forces.
	ours, his, reported := false, false, false
	for i := s.first; i <= ev.last; i++ {
		switch t := &c.v.toks[i]; {
		case t.Enclitic == "نا" && c.isCueAt(cueForce, i):
			ours = true
		case (t.Enclitic == "ه" || t.Enclitic == "ها" || t.Enclitic == "هم") && c.isCueAt(cueForce, i) && s.clauseOf(i) == ev.clause:
			his = true
		}
	}
	for _, sp := range s.speakers {
		if sp.cue.first < ev.first && !sp.according {
			reported = true
		}
	}
	ours = ours || his && reported
	for k := len(s.speakers) - 1; k >= 0; k-- {
		sp := s.speakers[k]
		// Only a reporting verb has a subject who speaks («قالت»,
		// «أعلنت»); after «في بيان بثته إذاعة» comes a broadcaster.
		if sp.cue.first >= ev.first || sp.according || sp.last < sp.first || !c.lex.verbs[c.v.toks[sp.cue.first].Stem] {
			continue
		}
		// The source of the report speaks of its own side's acts: an
		// armed or state actor («قال الجيش إن قواته سيطرت»), not a monitor
		// or a ministry of health reporting others' acts.
		// A blast is not the act of whoever reports it («قالت الشرطة إن
		// سيارة مفخخة انفجرت»).
		if selfDetonating[ev.trig.class.name] {
			break
		}
		if sp.who != nil && !c.isCueAt(cueSource, sp.first) && !c.isMedia(sp.who) && c.canAct(sp.who) {
			return c.actorOf(sp.who)
		}
		// «أكد الجيش أنه استعاد»: a source the linker did not name is the
		// doer; do not borrow another actor of the sentence.
		if sp.who == nil && !c.isCueAt(cueSource, sp.first) && c.isCueAt(cueForce, sp.first) {
			return nil
		}
		break
	}
	if ours {
		if sp := c.earlierSpeaker(s, ev.first); sp != nil && sp.who != nil && !c.isMedia(sp.who) {
			return c.actorOf(sp.who)
		}
	}
	// An actor of an earlier clause, unless that clause is subordinate to
	// another predicate («فور انسحاب مرتزقة الفاغنر»). A verbal noun
	// heading a subordinate clause of its own («بعد تحرير غريان») leaves
	// its doer unsaid: it is not the main clause's subject.
	if !ev.verb && c.subordinate(s, ev.clause) && c.v.toks[ev.first].Enclitic == "" && ev.first <= s.clauses[ev.clause].first+1 {
		return prevActor
	}
	for k := len(all) - 1; k >= 0; k-- {
		am := all[k]
		mk := s.clauseOf(am.m.first)
		if mk != ev.clause && c.subordinate(s, mk) {
			continue
		}
		if am.m.last < ev.first && !am.src && (am.hint == hintNone || am.hint == hintAgent && mk == ev.clause) {
			return c.actorOf(am.m)
		}
	}
	// «قالت مصادر في قوات شرق ليبيا إنها انسحبت»: the forces the sources
	// belong to.
	for k := len(all) - 1; k >= 0; k-- {
		if am := all[k]; am.m.last < ev.first && am.src && c.canAct(am.m) {
			return c.actorOf(am.m)
		}
	}
	if prevActor != nil {
		return prevActor
	}
	return nil
}

var selfDetonating = map[string]bool{"explosion": true, "ied": true, "suicide": true}

// accusedOf returns the actor an accusation names as the doer of an event
// noun it governs with ب: «اتهم X ب+trigger», «متهمة X بالوقوف وراء».
func (c *docContext) accusedOf(ev *candidate, inClause []actorMention) *actorRef {
	t := &c.v.toks[ev.first]
	if ev.verb || len(t.Proclitics()) == 0 || t.Proclitics()[0] != "ب" {
		return nil
	}
	cl := ev.sent.clauses[ev.clause]
	cue := -1
	for i := ev.first - 1; i >= cl.first && i >= ev.first-8; i-- {
		if accusationWords[c.v.toks[i].Stem] {
			cue = i
			break
		}
	}
	if cue < 0 {
		return nil
	}
	var acc *actorRef
	for _, am := range inClause {
		if am.m.first > cue && am.m.last < ev.first && !am.src {
			acc = c.actorOf(am.m)
		}
	}
	return acc
}

var accusationWords = stemSet("اتهم", "اتهمت", "اتهموا", "يتهم", "تتهم", "يتهمون", "متهمة", "متهما", "متهمين")

// sharedSubject is the subject of a verb joined by و or ف to the verb of
// the clause before, which the two share («داهمت قوات الأمن منزله
// واعتقلته»), or of the act a purpose noun opening its clause serves. It
// is the first actor that clause names, not a genitive or an object after
// it.
func (c *docContext) sharedSubject(ev *candidate, all []actorMention) *actorRef {
	s := ev.sent
	t := &c.v.toks[ev.first]
	// «أطلقت قوات الأمن الرصاص لتفريق المحتجين»: a purpose noun's doer is
	// the doer of the act it is the purpose of.
	purpose := !ev.verb && len(t.Proclitics()) > 0 && t.Proclitics()[0] == "ل"
	if ev.clause == 0 || ev.first != s.clauses[ev.clause].first || !purpose && !(ev.verb && hasConjunction(t)) {
		return nil
	}
	prev := s.clauses[ev.clause-1]
	if !purpose && c.subordinate(s, ev.clause-1) {
		return nil
	}
	for _, am := range all {
		if am.m.first >= prev.first && am.m.last < prev.end && !am.src && am.hint == hintNone {
			return c.actorOf(am.m)
		}
	}
	return nil
}

var (
	objectPronouns       = map[string]bool{"ه": true, "ها": true, "هم": true, "هما": true, "هن": true}
	pronounObjectClasses = map[string]bool{"arrest": true, "abduct": true, "kill": true, "assassinate": true}
)

// bilateral reports whether an event has two sides that the knowledge base
// can supply when the text names only one: battles and strikes, and
// captures of fighters — not arrests of people the clause does not call
// fighters («اعتقلت 20 شخصا»).
func (c *docContext) bilateral(ev *candidate) bool {
	switch ev.eventType {
	case "Battles", "Explosions/Remote violence":
		return true
	}
	if ev.trig.class.name != "arrest" {
		return false
	}
	cl := ev.sent.clauses[ev.clause]
	for i := ev.last + 1; i < cl.end; i++ {
		// A force named after the verb is its subject (VSO), not whom
		// it arrested.
		if (c.isCueAt(cueFighter, i) || c.isCueAt(cueCaptive, i)) && c.mentionAt(i) == nil {
			return true
		}
	}
	return false
}

// liberation words name a takeover from the taker's side.
var liberation = stemSet("تحرير", "حرر", "حررت", "حرروا", "تطهير", "طهر", "طهرت")

// opponent is the side fighting a: the actor of the same conflict (the
// side's prefix, «LY» of «LY-GNA») but another side that the document
// names most often, armed and state bodies before people.
func (c *docContext) opponent(a *actorRef) *actorRef {
	if a == nil || a.side == "" {
		return nil
	}
	var o *actorRef
	if other, ok := c.otherCamp(a.side); ok {
		// A war's main camps fight each other, not their allies: Gaza's
		// factions fight Israel, not one another.
		o = c.sideActor(other, "", true)
	} else {
		o = c.sideActor("", a.side, true)
	}
	if o != nil {
		o.guessed = true
	}
	return o
}

// otherCamp returns the side a war's other main camp is on, when side is
// one of a war's two main camps (kb camps).
func (c *docContext) otherCamp(side string) (string, bool) {
	if c.kb == nil {
		return "", false
	}
	cc, _, _ := strings.Cut(side, "-")
	// Israel's camp is in the wars of Gaza and Lebanon: the article's
	// country says which.
	for _, country := range []string{cc, c.docCountry()} {
		sides, ok := c.kb.Camps(country)
		switch {
		case !ok:
		case sides[0] == side:
			return sides[1], true
		case sides[1] == side:
			return sides[0], true
		}
	}
	return "", false
}

// sideActor returns the actor the document names most often on side
// (when side is set), or on another side of the conflict of notSide (when
// notSide is set): armed and state bodies count above people; with
// armedOnly, only armed groups and forces count (an opponent is one).
func (c *docContext) sideActor(side, notSide string, armedOnly bool) *actorRef {
	conflict, _, _ := strings.Cut(side+notSide, "-")
	type score struct {
		ref   *actorRef
		count int
	}
	scores := map[string]*score{}
	var order []string
	for _, m := range c.mentions {
		if !m.actor {
			continue
		}
		r := c.actorOf(m)
		if r.side == "" || notSide != "" && r.side == notSide || side != "" && r.side != side {
			continue
		}
		if p, _, _ := strings.Cut(r.side, "-"); p != conflict {
			continue
		}
		if armedOnly && r.typ != record.ArmedGroup {
			continue
		}
		key := r.id + "|" + r.name
		sc := scores[key]
		if sc == nil {
			sc = &score{ref: r}
			scores[key] = sc
			order = append(order, key)
		}
		sc.count++
		if r.typ != record.PER {
			sc.count += 2
		}
	}
	var best *score
	for _, k := range order {
		if sc := scores[k]; best == nil || sc.count > best.count {
			best = sc
		}
	}
	if best == nil {
		return nil
	}
	r := *best.ref
	r.text = ""
	r.m = nil
	return &r
}
