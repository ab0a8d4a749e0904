package events

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/record"
)

// candidate is an event as it is being read: a trigger in a sentence, then
// its arguments and its coding.
type candidate struct {
	trig        *trigger
	first, last int // trigger tokens
	sent        *sentence
	clause      int

	eventType, subType, cameo string
	actor1, actor2            *actorRef
	assoc                     []*actorRef
	place                     *placeRef
	date                      when
	deaths                    []deathFigure
	fatalities                *int
	claim                     *record.Claim
	// verb is true when the trigger is a finite verb here (not its noun).
	verb bool
	// nonViolent: the sentence says the place changed hands without a fight.
	nonViolent bool
	// ref is true for a definite event noun with no place or date of its
	// own («الهجوم», «الغارات»): it refers to an event told before.
	ref bool
	// claimed is true for an event named in a claim of responsibility
	// («تبنت الجماعة الهجوم»): its doer is the claimant.
	claimed bool
	// listed is true when the event is one of a list of places taken.
	listed bool
	// merged counts the reports merged into this one.
	merged int
	// civilians is true when the dead, wounded or targets the sentence
	// reports with the event are civilians and none are fighters.
	civilians bool
}

// detect finds the event triggers of sentence s that report events.
func (c *docContext) detect(s *sentence) []*candidate {
	var out []*candidate
	for i := s.first; i < s.end; i++ {
		hs := c.v.matchAt(&c.lex.trigSet, i, s.end)
		if len(hs) == 0 {
			continue
		}
		h := hs[0]
		// A word spelled as verb and noun alike takes the noun's entry
		// where it is a noun: «القصف», «من أسر».
		if c.lex.triggers[h.idx].verb && c.nounContext(i) {
			for _, o := range hs {
				if !c.lex.triggers[o.idx].verb && o.last >= h.last-1 {
					h = o
					break
				}
			}
		}
		i = h.last
		// A phrase with a gap may step over another trigger («دمرت غارات
		// جوية منظومة»): read that one too.
		for k := h.first + 1; k < h.last; k++ {
			if c.startsTrigger(k, s.end) {
				i = k - 1
				break
			}
		}
		t := c.lex.triggers[h.idx]
		ev := &candidate{trig: t, first: h.first, last: h.last, sent: s, clause: s.clauseOf(h.first)}
		if c.insideName(h.first, h.last) {
			c.drop(ev, "part of a name") // «اللواء 444 قتال» is a brigade
			continue
		}
		ev.verb = t.verb && !c.nounContext(h.first)
		if why := c.notEvent(ev); why != "" && !(ablate["modality"] && why != "not concrete") && !(ablate["soft"] && why == "not concrete") {
			c.drop(ev, why)
			continue
		}
		responsibility := c.cueIn(s, cueResponsibility, s.first, s.end) && !c.ownPlaceOrDate(ev)
		// «تبنت الجماعة الهجوم» claims the act; «حمّلت الحكومة الجماعة
		// مسؤولية الهجوم» blames another, who is no claimant.
		ev.claimed = responsibility && !c.blames(s, ev.first)
		ev.ref = !ev.verb && c.v.toks[h.first].HasArticle() && !c.ownPlaceOrDate(ev) || responsibility
		out = append(out, ev)
	}
	return c.absorb(out)
}

// absorb folds triggers that belong to another event of the same sentence
// into it: killings are the outcome of the attack or clash they are
// reported with, and arrests, dispersals and clashes around a protest are
// part of it.
func (c *docContext) absorb(evs []*candidate) []*candidate {
	if ablate["absorb"] {
		return evs
	}
	main, protest, strike := 0, false, false
	for _, ev := range evs {
		// A killing is the outcome of an attack or a clash told with it,
		// not of an arrest or a takeover told beside it.
		if ev.trig.flags&flagOutcome == 0 && violentType[ev.trig.class.eventType] {
			main++
		}
		switch ev.trig.class.name {
		case "protest":
			protest = true
		case "strike", "airstrike", "attack", "explosion":
			strike = true
		}
	}
	var out []*candidate
	keptKill := false
	for _, ev := range evs {
		name := ev.trig.class.name
		switch {
		case protest && (name == "arrest" || name == "disperse" || name == "kill" || name == "clash" || name == "attack"):
			continue
		case strike && name == "disrupt" && c.v.is(ev.first, "تدمير", "دمر", "دمرت", "دمروا"):
			// «تدمير منظومات الدفاع الجوي بضربات طائرات»: the strike's result.
			continue
		case ev.trig.flags&flagOutcome != 0 && main > 0:
			continue
		case ev.trig.flags&flagOutcome != 0:
			if keptKill {
				continue
			}
			keptKill = true
		}
		out = append(out, ev)
	}
	return out
}

var violentType = map[string]bool{"Battles": true, "Explosions/Remote violence": true, "Violence against civilians": true}

// notEvent says why a trigger does not report an event that happened, or
// "" when it does.
func (c *docContext) notEvent(ev *candidate) string {
	s, v := ev.sent, c.v
	cl := s.clauses[ev.clause]
	tok := &v.toks[ev.first]
	t := ev.trig
	verb := ev.verb
	switch {
	case s.question:
		return "question"
	case futureVerb(tok):
		return "future"
	case t.flags&flagNoArticle != 0 && tok.HasArticle():
		return "other sense"
	}
	for _, d := range s.dates {
		if ev.first >= d.first && ev.first <= d.last {
			return "part of a date" // «فجر الأحد» is dawn, not a blast
		}
	}
	// «فجر اليوم الأربعاء» when the article gives no day to read it by.
	if v.is(ev.first, "فجر") && ev.first == ev.last && ev.first+1 < s.end && dayWord(&v.toks[ev.first+1]) {
		return "part of a date"
	}
	if t.class.name == "bodies" && c.bodiesOfVictims(ev) {
		return "victims of another event"
	}
	// Clause scope: what stands before the trigger in its own clause.
	before := func(kind string) bool {
		_, ok := c.cueBefore(s, kind, cl.first, ev.first)
		return ok
	}
	for i := cl.first; i < ev.first; i++ {
		if futureVerb(&v.toks[i]) {
			return "future"
		}
	}
	if h, ok := c.cueBefore(s, cueNegation, max(cl.first, ev.first-4), ev.first); ok && !c.stativeAt(h.first) {
		return "negated"
	}
	if c.stative(ev) {
		return "stative"
	}
	switch {
	case before(cueFuture):
		return "plan"
	case before(cueThreat):
		return "threat"
	case before(cueFailure):
		return "failed"
	}
	// Sentence scope: a call, a condition, an opinion or a denial governs
	// what follows it in the sentence, up to a clause that states a fact.
	for _, kind := range []string{cueCall, cueCondition, cueOpinion, cueDenial} {
		if c.governs(s, kind, ev.first) {
			return kind
		}
	}
	if c.deniedAfter(s, ev.last) {
		return "denied"
	}
	for _, d := range s.dates {
		if d.future && d.first >= cl.first && d.last < cl.end {
			return "future"
		}
	}
	// «يتبادلان القصف عبر الحدود منذ أكتوبر», «استعاد الجيش عددا من
	// البلدات منذ أغسطس 2022»: a state or a tally since a date.
	end := cl.end
	if ev.clause+1 < len(s.clauses) && v.is(s.clauses[ev.clause+1].first, "منذ") {
		end = s.clauses[ev.clause+1].end
	}
	for _, d := range s.dates {
		if d.since && d.first >= cl.first && d.last < end && !c.recentSince(&d) && !c.sinceMeasure(s, d.first) {
			return "ongoing"
		}
	}
	// «هجمات متكررة», «انسحاب تدريجي»: a process, not an event.
	if !verb && c.cueIn(s, cueOngoing, ev.last+1, min(ev.last+3, s.end)) {
		return "ongoing"
	}
	// «بعد أسابيع من المعارك»: fighting that lasted weeks, told as a span.
	if !verb && ev.first-2 >= s.first && v.is(ev.first-1, "من") && longSpans[v.toks[ev.first-2].Stem] {
		return "ongoing"
	}
	// «منذ اندلاع الحرب في أبريل الماضي، قتل آلاف المدنيين»: a toll since
	// a war or a season began, not one event.
	if c.sinceLongAgo(s) {
		return "toll"
	}
	if !verb {
		if c.purpose(ev) {
			return "purpose"
		}
		if c.inResponseTo(ev) {
			return "response"
		}
		if ev.first > s.first && c.isCueAt(cueConstruct, ev.first-1) && onlyArticle(&v.toks[ev.first]) {
			return "construct"
		}
		if c.cueIn(s, cueGeneric, s.first, s.end) {
			return "generic"
		}
	}
	if t.class.name == "kill" && c.accidental(s) {
		return "accident"
	}
	// «داهمت قوات الأمن منزله واعتقلته»: the raid is how the arrest was
	// made, one event.
	if t.class.name == "attack" && raidWords[v.toks[ev.first].Stem] && c.sentenceHas(s, "arrest") {
		return "arrest raid"
	}
	if _, ok := c.cueBefore(s, cueJudicial, max(cl.first, ev.first-3), ev.first); ok {
		return "judicial"
	}
	if t.flags&flagSoft != 0 {
		if c.governs(s, cueEvaluation, ev.first) {
			return "commentary"
		}
		// «تبنت الجماعة الهجوم»: a claim names an event told before.
		if !c.concrete(ev) && !c.cueIn(s, cueResponsibility, s.first, s.end) {
			return "not concrete"
		}
	}
	// «قذائف سقطت على سوق المدينة»: shells fell, no town did.
	if t.class.name == "fall" {
		for k := max(cl.first, ev.first-3); k < ev.first; k++ {
			if c.isCueAt(cueShelling, k) || c.isCueAt(cueAir, k) {
				return "shells fell"
			}
		}
	}
	if t.class.name == "protest" && v.toks[ev.first].Stem == "احتجاجا" && c.sentenceHasBefore(s, ev.first) {
		// «تظاهر مئات احتجاجا على ...», «أحرق محتجون مقر الشرطة احتجاجا
		// على ...»: the adverb says why the act before it was done.
		return "in protest"
	}
	if t.flags&flagComplete != 0 && !c.completed(s, cl) {
		return "no agreement"
	}
	if (t.flags&flagComplete != 0 || t.class.name == "agreement") && c.existingAgreement(ev) {
		return "existing agreement"
	}
	return ""
}

// existingAgreement reports whether an agreement or truce is named as one
// in force, not as concluded now: «رغم اتفاق وقف إطلاق النار», «خرق
// الهدنة», «الاتفاق الموقع في مارس».
func (c *docContext) existingAgreement(ev *candidate) bool {
	cl := ev.sent.clauses[ev.clause]
	for k := max(cl.first, ev.first-4); k < ev.first; k++ {
		if agreementInForce[c.v.toks[k].Stem] {
			return true
		}
	}
	for k := ev.last + 1; k < min(cl.end, ev.last+6); k++ {
		if t := &c.v.toks[k]; t.HasArticle() && agreementParticiples[t.Stem] {
			return true
		}
	}
	return false
}

var (
	agreementInForce     = stemSet("رغم", "برغم", "بموجب", "خرق", "خروقات", "انتهاك", "انتهاكات", "بنود")
	agreementParticiples = stemSet("موقع", "مبرم", "ساري", "معلن", "قائم", "سابق", "هش")
)

// futureVerb reports whether a token is a verb in the future: the
// segmenter split off its سـ, or it has the shape سـ + imperfect with a
// plural ending that no noun of that shape has («سيواصلون», «ستنفذون»), or
// it is سـ before an imperfect the lexicon knows better than the whole
// word («ستكون»).
func futureVerb(t *arabic.Token) bool {
	if t.Kind != arabic.Word {
		return false
	}
	if hasProclitic(t, "س") && utf8.RuneCountInString(t.Stem) > 2 {
		return true
	}
	n := t.Norm
	if !strings.HasPrefix(n, "س") || utf8.RuneCountInString(n) < 5 {
		return false
	}
	if _, isNumber := arabic.ParseNumber(t.Text); isNumber {
		return false // «ستين»
	}
	rest := n[len("س"):]
	if !strings.HasPrefix(rest, "ي") && !strings.HasPrefix(rest, "ت") && !strings.HasPrefix(rest, "ن") {
		return false
	}
	if (strings.HasSuffix(n, "ون") || strings.HasSuffix(n, "ان")) && !strings.HasPrefix(rest, "يا") && !strings.HasPrefix(rest, "تا") {
		return true
	}
	lex := arabic.DefaultLexicon()
	return lex.Count(rest) > 0 && lex.Count(rest) >= lex.Count(n)
}

// ownPlaceOrDate reports whether an event's clause names a place (or
// refers to one) or a date.
func (c *docContext) ownPlaceOrDate(ev *candidate) bool {
	s := ev.sent
	cl := s.clauses[ev.clause]
	for k := range s.dates {
		if d := &s.dates[k]; usable(d) && d.first >= cl.first && d.last < cl.end {
			return true
		}
	}
	for _, m := range c.mentionsIn(cl.first, cl.end) {
		if m.place && c.placeUsable(s, m) {
			return true
		}
	}
	return c.anaphorIn(cl.first, cl.end) >= 0
}

// bodiesOfVictims reports whether the bodies of a discovery trigger are
// the dead of another event: «انتشلت جثث الضحايا».
func (c *docContext) bodiesOfVictims(ev *candidate) bool {
	for i := ev.first; i <= ev.last && i < len(c.v.toks); i++ {
		if c.isCueAt(cueBody, i) && i+1 < len(c.v.toks) && c.isCueAt(cueVictims, i+1) {
			return true
		}
	}
	return false
}

// onlyArticle reports whether a token's only proclitics are a conjunction
// and the article: «والمعارك» may be a genitive, «بالمعارك» may not.
func onlyArticle(t *arabic.Token) bool {
	for _, p := range t.Proclitics() {
		if p != "ال" && p != "و" && p != "ف" {
			return false
		}
	}
	return true
}

// prepositions are the words after which a verb-shaped word is a noun:
// «من أسر», «بما في ذلك قصف».
var prepositions = stemSet("من", "في", "علي", "عن", "الي", "خلال", "بعد", "قبل", "منذ", "حول", "عقب", "اثر",
	"جراء", "ذلك", "اثناء", "ضد", "بين", "حتي", "نحو", "لدي", "عند", "وسط", "رغم", "بسبب", "تجاه")

// nounContext reports whether the word at token i, spelled like a past
// verb and a verbal noun alike («قصف», «أسر», «قتل»), is the noun here: it
// has the article or a preposition on it, or a preposition before it.
func (c *docContext) nounContext(i int) bool {
	t := &c.v.toks[i]
	for _, p := range t.Proclitics() {
		if p == "ال" || p == "ب" || p == "ل" || p == "ك" {
			return true
		}
	}
	if i > 0 && c.v.toks[i-1].Kind == arabic.Word && prepositions[c.v.toks[i-1].Stem] && len(c.v.toks[i-1].Proclitics()) == 0 {
		return true
	}
	return false
}

// completed reports whether a clause has a completion verb that is not
// itself a goal («للتوصل إلى وقف لإطلاق النار» is not an agreement).
func (c *docContext) completed(s *sentence, cl clause) bool {
	for _, h := range c.hitsIn(s, cueCompletion, cl.first, cl.end) {
		if !hasProclitic(&c.v.toks[h.first], "ل") {
			return true
		}
	}
	return false
}

// stativeAt reports whether a stative cue starts at token i («لا تزال»).
func (c *docContext) stativeAt(i int) bool {
	return len(c.v.matchAt(c.lex.cues[cueStative], i, len(c.v.toks))) > 0
}

// stative reports whether the trigger names a state: it lies inside a
// stative phrase («تحت سيطرة») or one ends just before it.
func (c *docContext) stative(ev *candidate) bool {
	cl := ev.sent.clauses[ev.clause]
	for i := max(cl.first, ev.first-3); i <= ev.first; i++ {
		for _, h := range c.v.matchAt(c.lex.cues[cueStative], i, cl.end) {
			if h.last >= ev.first-1 {
				return true
			}
		}
	}
	return false
}

// governs reports whether a cue of a kind stands before token at in
// sentence s with no fact-stating clause opener between them.
func (c *docContext) governs(s *sentence, kind string, at int) bool {
	h, ok := c.cueBefore(s, kind, s.first, at)
	if !ok {
		return false
	}
	for i := h.last + 1; i < at; i++ {
		if t := &c.v.toks[i]; t.Kind == arabic.Word && factualOpeners[t.Stem] {
			return false
		}
	}
	return true
}

// deniedAfter reports whether the sentence denies what it reports after
// the trigger: «... رغم نفيه ذلك».
func (c *docContext) deniedAfter(s *sentence, last int) bool {
	for _, h := range c.hitsIn(s, cueDenial, last+1, s.end) {
		if h.last+3 < s.end && c.cueIn(s, cueDenied, h.last+1, min(s.end, h.last+4)) {
			return true
		}
	}
	return false
}

// purpose reports whether an event noun carries the ل of purpose
// («للاستيلاء على العاصمة»), unless a verb of undergoing precedes it
// («تعرضت للقصف»).
func (c *docContext) purpose(ev *candidate) bool {
	t := &c.v.toks[ev.first]
	p := t.Proclitics()
	for len(p) > 0 && (p[0] == "و" || p[0] == "ف") {
		p = p[1:]
	}
	if len(p) == 0 || p[0] != "ل" {
		return false
	}
	if ev.first > ev.sent.first && c.isCueAt(cuePurposeOK, ev.first-1) {
		return false
	}
	// «أطلقت قوات الأمن الرصاص لتفريق المحتجين»: the force used is the
	// dispersal, done, not intended.
	if ev.trig.class.name == "disperse" {
		cl := ev.sent.clauses[ev.clause]
		for k := cl.first; k < ev.first; k++ {
			if c.lex.verbs[c.v.toks[k].Stem] {
				return false
			}
		}
	}
	return true
}

// dayWord reports whether a token names a day: a weekday, «اليوم», «أمس».
func dayWord(t *arabic.Token) bool {
	if _, ok := arabic.Weekday(t.Norm); ok {
		return true
	}
	return t.Stem == "يوم" || t.Stem == "امس" || t.Norm == "امس"
}

// longSpans are the plural spans of time that make «X من المعارك» a
// duration rather than an event.
var longSpans = stemSet("اسابيع", "اشهر", "شهور", "سنوات", "سنين", "اعوام", "عقود")

var raidWords = stemSet("داهم", "داهمت", "داهموا", "مداهمة", "مداهمات", "اقتحم", "اقتحمت", "اقتحموا", "اقتحام")

// sentenceHas reports whether a sentence holds a trigger of one of the
// classes.
func (c *docContext) sentenceHas(s *sentence, classes ...string) bool {
	return c.sentenceHasBefore(s, s.end, classes...)
}

// sentenceHasBefore is sentenceHas for the triggers that start before
// token end; with no classes, a trigger of any class.
func (c *docContext) sentenceHasBefore(s *sentence, end int, classes ...string) bool {
	for i := s.first; i < end; i++ {
		for _, h := range c.v.matchAt(&c.lex.trigSet, i, s.end) {
			if len(classes) == 0 || slices.Contains(classes, c.lex.triggers[h.idx].class.name) {
				return true
			}
		}
	}
	return false
}

// accidental reports whether a sentence tells of deaths by accident or
// nature («غرقا إثر انقلاب قارب»): an accident cue and no weapon.
func (c *docContext) accidental(s *sentence) bool {
	if !c.cueIn(s, cueAccident, s.first, s.end) {
		return false
	}
	for _, w := range []string{cueAir, cueShelling, cueIED, cueSuicide, cueGrenade, cueChemical} {
		if c.cueIn(s, w, s.first, s.end) {
			return false
		}
	}
	return true
}

// inResponseTo reports whether an event noun names what the sentence's
// event answered: «ردا على اغتيال قيادي», «انتقاما لمقتل ...». That earlier
// event is reported in its own right elsewhere, if at all.
func (c *docContext) inResponseTo(ev *candidate) bool {
	i := ev.first
	if i-2 >= ev.sent.first && c.v.toks[i-1].Stem == "علي" && (responseWords[c.v.toks[i-2].Stem] || protestObjectWords[c.v.toks[i-2].Stem]) {
		return true // «ردا على اغتيال», «احتجاجا على الغارات»
	}
	t := &c.v.toks[i]
	if i-1 < ev.sent.first || len(t.Proclitics()) == 0 {
		return false
	}
	prev := c.v.toks[i-1].Stem
	switch t.Proclitics()[0] {
	case "ل":
		return responseWords[prev] || protestObjectWords[prev] // «انتقاما لمقتل», «رفضا لقصف»
	case "ب":
		return protestObjectWords[prev] // «تنديدا بالقصف»
	}
	return false
}

var responseWords = stemSet("رد", "ردا", "انتقام", "انتقاما", "ثار", "ثارا")

// concrete reports whether a soft trigger is tied to this world: a place
// named in its clause, a date in its clause or sentence, or a casualty
// figure in its sentence.
func (c *docContext) concrete(ev *candidate) bool {
	s := ev.sent
	cl := s.clauses[ev.clause]
	for _, d := range s.dates {
		if usable(&d) {
			return true
		}
	}
	for _, f := range s.deaths {
		if s.clauseOf(f.first) == ev.clause {
			return true
		}
	}
	// «هجومه على طرابلس» with no date: an ongoing campaign, not one event.
	if c.v.toks[ev.first].Enclitic != "" {
		return false
	}
	// «انسحبت القوات من سرت إثر هجوم شنه التنظيم»: an attack named as the
	// cause of what the sentence reports happened where that did.
	if ev.first > s.first {
		if prev := &c.v.toks[ev.first-1]; causes[prev.Norm] || causes[prev.Stem] {
			for _, m := range c.mentionsIn(s.first, s.end) {
				if m.place && c.placeUsable(s, m) {
					return true
				}
			}
		}
	}
	// A relative clause describing the place belongs to the event's
	// clause: «فرار المليشيات من المناطق التي كانت تحتلها في محيط طرابلس».
	end := cl.end
	if ev.clause+1 < len(s.clauses) {
		if next := s.clauses[ev.clause+1]; relatives[c.v.toks[next.first].Norm] {
			end = next.end
		}
	}
	for _, m := range c.mentionsIn(cl.first, end) {
		if m.place && c.placeUsable(s, m) {
			return true
		}
	}
	return c.anaphorIn(cl.first, end) >= 0
}
