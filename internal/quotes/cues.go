package quotes

import (
	"strings"

	"github.com/marsad/marsad/internal/arabic"
)

// cueKind is the construction a quote was found through.
type cueKind uint8

const (
	cueVerb        cueKind = iota // «قال X إن...»
	cueParticiple                 // «..., مضيفا أن...»
	cueAttribution                // «بحسب X», «وفق قوله»
	cueCameIn                     // «جاء في البيان أن...»
	cueTransfer                   // «نقل X عن Y قوله إن...»
	cueTitled                     // «نشر X مقالا بعنوان “...”»
)

// subjectMode says where a quote's speaker comes from.
type subjectMode uint8

const (
	subjExplicit subjectMode = iota // a phrase of the sentence
	subjPronoun                     // left implicit: the last speaker
	subjMain                        // a participle: the speaker of the clause it continues
)

// candidate is one reporting construction of a sentence on its way to
// becoming a quote.
type candidate struct {
	kind cueKind
	verb *verbCue
	// tok is the cue's token; cueEnd ends the cue words; cueFrom is where
	// the cue text starts (after a conjunction).
	tok, cueEnd, cueFrom int
	cueText              string
	// clause is the first token of the cue's clause; cuts says whether
	// that clause ends the content of a quote before it (an embedded
	// «إن المسؤول قال...» does not).
	clause int
	cuts   bool
	mode   subjectMode
	// sp0, sp1 are the tokens of the speaker phrase, spFrom where its text
	// starts (after a preposition folded into the first token); name0,
	// name1 the part that names the speaker when it is narrower
	// («شهادات نقلها | جنود...»).
	sp0, sp1, spFrom int
	name0, name1     int
	// content is the first token of what was said, -1 when it is before
	// the cue (trailing) or absent.
	content      int
	trailing     bool
	pronounAgent bool
	// absorbed is a trailing attribution inside another quote's content;
	// override is such an attribution naming the speaker of a quote whose
	// subject was implicit.
	absorbed bool
	override *candidate
}

// verbInfo returns the reporting verb at token i, if any, and whether it
// carries an object pronoun («أكده»).
func (a *analyser) verbInfo(i int) (*verbCue, bool) {
	if !a.isWord(i) {
		return nil, false
	}
	w := a.word(i)
	if c := verbForms[w]; c != nil {
		return a.initialOK(i, c), false
	}
	if strings.HasPrefix(w, "ل") { // «ليعلن»: the lam of purpose
		if rest := w[len("ل"):]; strings.HasPrefix(rest, "ي") || strings.HasPrefix(rest, "ت") {
			if c := verbForms[rest]; c != nil {
				return c, false
			}
		}
	}
	for _, suf := range []string{"هما", "هم", "ها", "ه"} {
		if rest, ok := strings.CutSuffix(w, suf); ok {
			if c := verbForms[rest]; c != nil {
				return a.initialOK(i, c), true
			}
		}
	}
	return nil, false
}

// initialOnly verbs are also common adjectives («مصدر تابع للجيش»): they
// report speech only after a conjunction («وتابع»).
var initialOnly = map[string]bool{"تابع": true, "أردف": true, "استطرد": true}

func (a *analyser) initialOK(i int, c *verbCue) *verbCue {
	if initialOnly[c.lemma] && !a.conj[i] {
		return nil
	}
	return c
}

func (a *analyser) verbAt(i int) *verbCue {
	c, _ := a.verbInfo(i)
	return c
}

func (a *analyser) participleAt(i int) *verbCue {
	if !a.isWord(i) {
		return nil
	}
	if c := participleForm[a.toks[i].Norm]; c != nil {
		return c
	}
	return participleForm[a.word(i)]
}

// attributionAt reports whether token i is «بحسب», «وفقا», «نقلا»...
func (a *analyser) attributionAt(i int) bool {
	_, ok := a.attribution(i)
	return ok
}

func (a *analyser) attribution(i int) (string, bool) {
	if !a.isWord(i) {
		return "", false
	}
	if p, ok := attributionSet[a.toks[i].Norm]; ok {
		return p, true
	}
	p, ok := attributionSet[a.word(i)]
	return p, ok
}

// detect finds the reporting constructions of sentence s, in order.
func (a *analyser) detect(s sentence) []*candidate {
	var out []*candidate
	for i := s.t0; i < s.t1; i++ {
		if a.inQuote[i] >= 0 || !a.isWord(i) {
			continue
		}
		var c *candidate
		switch {
		case cameInWords[a.word(i)]:
			c = a.cameInCandidate(i, s)
		case transferWords[a.word(i)]:
			c = a.transferCandidate(i, s)
		case a.word(i) == "بعنوان":
			c = a.titledCandidate(i, s)
		case a.attributionAt(i):
			c = a.attributionCandidate(i, s)
		case a.participleAt(i) != nil:
			c = a.participleCandidate(i, s)
		case a.verbAt(i) != nil:
			c = a.verbCandidate(i, s)
		}
		if c == nil {
			continue
		}
		if c.cueFrom < 0 {
			c.cueFrom = a.toks[c.tok].Start
			if a.conj[c.tok] {
				c.cueFrom++
			}
			if c.kind == cueVerb && strings.HasPrefix(a.word(c.tok), "ل") && verbForms[a.word(c.tok)] == nil {
				c.cueFrom++ // «ليعلن»: the cue is «يعلن»
			}
		}
		if c.cueText == "" {
			c.cueText = string(a.runes[c.cueFrom:a.toks[c.cueEnd-1].End])
		}
		out = append(out, c)
	}
	return out
}

var (
	cameInWords   = words("جاء جاءت ورد وردت")
	transferWords = words("نقل نقلت نقلوا ينقل تنقل")
)

// newCandidate starts a candidate for the cue at token i.
func newCandidate(kind cueKind, verb *verbCue, i int) *candidate {
	return &candidate{kind: kind, verb: verb, tok: i, cueEnd: i + 1, cueFrom: -1, clause: i, cuts: true, content: -1, spFrom: -1, name0: -1}
}

// verbCandidate reads a reporting verb: its subject before it (SVO, a
// relative clause), after it (VSO) or implicit, and where its content
// starts.
func (a *analyser) verbCandidate(i int, s sentence) *candidate {
	vc, objPron := a.verbInfo(i)
	c := newCandidate(cueVerb, vc, i)
	pos, p0, p1 := a.subjectBefore(i, s, objPron)
	switch pos {
	case posBlocked:
		return nil
	case posSVO:
		c.sp0, c.sp1 = p0, p1
		c.clause = a.backClause(p0, s)
		c.cuts = a.complementizer(p0-1) == 0
	case posRelative:
		c.sp0, c.sp1 = p0, p1
		c.cuts = false
	case posTrailing:
		c.trailing = true
		c.clause = p0
	default:
		c.clause = a.backClause(i, s)
	}
	j := i + 1
	if i > s.t0 && strings.HasSuffix(a.word(i-1), "ما") && a.inExact(j, withIt) {
		j++ // «وفق ما أفاد به الدفاع المدني»: the pronoun resumes «ما»
	}
	if pos == posInitial || pos == posTrailing {
		j = a.skipBeforeSubject(j, s.t1)
		switch {
		case a.opensContent(j, vc, s):
			c.mode = subjPronoun
		default:
			j0, from := a.phraseStartAt(j)
			e := a.phraseEndFrom(j0, s.t1, false, from >= 0, vc.preps)
			switch {
			case e == j0:
				c.mode = subjPronoun
			case a.plausible(j0, e):
				e = a.nameBeforeComma(j0, e, s)
				c.sp0, c.sp1, c.spFrom = j0, e, from
				j = e
			case vc.weak || vc.compOnly:
				return nil
			default:
				// An unknown subject before «إن» or a quotation («قالت
				// واشنطن إن»); a definite noun that cannot speak is a
				// subject all the same («أكدت الأحداث صحة...»: no
				// quote); an indefinite one opens the object of a verb
				// whose subject is implicit («وأكد ضرورة...»).
				q, _ := a.skipAdjuncts(e, s.t1, vc.preps)
				switch {
				case a.complementizer(q) > 0 || a.openQuote(q):
					c.sp0, c.sp1, c.spFrom = j0, e, from
					j = e
				case a.isDefinite(j0):
					return nil
				case vc.object:
					c.mode = subjPronoun
				default:
					c.sp0, c.sp1, c.spFrom = j0, e, from
					j = e
				}
			}
		}
	}
	if pos == posInitial && !a.conj[i] && (a.closesQuote(i-1) || a.isComma(i-1) && a.closesQuote(i-2)) {
		// «“...”، يقول فلان، أحد السكان.»: the cue follows its quotation.
		c.trailing = true
		if c.mode == subjExplicit {
			c.sp1 = a.clauseTail(c.sp1, s)
		}
	}
	if c.trailing {
		return c
	}
	if q, _ := a.skipAdjuncts(j, s.t1, vc.preps); a.relayAt(q, s) > q {
		// «ذكرت الوكالة نقلا عن مصادر طبية أن...»: the source speaks.
		k := q + 2
		e := a.phraseEnd(k, s.t1, false)
		c.sp0, c.sp1, c.spFrom, c.mode = k, e, -1, subjExplicit
		j = e
	}
	if objPron {
		// «أكده الوزير»: the object is the topic before the verb, not
		// what follows the subject.
		vc = &verbCue{lemma: vc.lemma, preps: vc.preps, drop: vc.drop, compOnly: true}
	}
	c.content = a.contentAfter(j, s, vc, false)
	if c.content < 0 && pos == posInitial && c.mode == subjExplicit && a.postposed(i, j, s) {
		c.trailing = true
	}
	if c.content < 0 && !c.trailing {
		return nil
	}
	return c
}

// skipBeforeSubject skips what may stand between a verb and its subject:
// time words, adverbs, «عقب ذلك», the audience («للصحفيين»).
func (a *analyser) skipBeforeSubject(j, lim int) int {
	for j < lim {
		switch {
		case a.isTime(j) || a.inExact(j, adverbs):
			j++
		case a.inExact(j, timeConjunctions) && a.inExact(j+1, demonstratives):
			j += 2
		case a.word(j) == "عقب" && a.inExact(j+1, demonstratives):
			j += 2
		case a.prepOf(j) == "ل" && (a.in(j, dativeNouns) || a.text(j) == "لـ" || a.openQuote(j+1)):
			// «وصرح لـ“الصحيفة” مصدر...»: the audience before the subject.
			j = a.tailEnd(j+1, lim)
		default:
			return j
		}
	}
	return j
}

// opensContent reports whether token j begins the content (or an adjunct)
// right after a verb, so that the verb has no subject of its own.
func (a *analyser) opensContent(j int, vc *verbCue, s sentence) bool {
	if j >= s.t1 || a.complementizer(j) > 0 || a.openQuote(j) || a.isPunct(j) {
		return true
	}
	w := a.word(j)
	if hasPrep(vc.preps, w) || a.prepOf(j) == "ب" && hasPrep(vc.preps, "ب") {
		return true
	}
	if adjunctPreps[w] || a.prepOf(j) == "ل" && (a.in(j, dativeNouns) || a.text(j) == "لـ") {
		return true
	}
	return a.verbAt(j) != nil || a.participleAt(j) != nil || a.attributionAt(j)
}

// phraseStartAt skips «ما يعرف بـ» before a phrase; it returns the first
// token of the phrase and, when the phrase starts inside that token after
// a preposition, the code point it starts at (else -1).
func (a *analyser) phraseStartAt(j int) (int, int) {
	if a.word(j) == "ما" && a.inExact(j+1, soCalled) {
		k := j + 2
		if a.text(k) == "بـ" || a.text(k) == "ب" {
			return k + 1, -1
		}
		if a.prepOf(k) == "ب" {
			return k, a.toks[k].Start + 1
		}
		return k, -1
	}
	return j, -1
}

var soCalled = words("يعرف يسمى تعرف تسمى يطلق")

// contentAfter returns the first token of what was said after position p
// (past the verb and its subject), or -1. object allows a direct object
// as content without a complementizer.
func (a *analyser) contentAfter(p int, s sentence, vc *verbCue, object bool) int {
	q, comma := a.skipAdjuncts(p, s.t1, vc.preps)
	if q >= s.t1 {
		return -1
	}
	if n := a.complementizer(q); n > 0 {
		r := q + n
		if a.isColon(q) {
			r += a.complementizer(r)
		}
		return r
	}
	if a.openQuote(q) {
		return q
	}
	w := a.word(q)
	if hasPrep(vc.preps, w) {
		if n := a.complementizer(q + 1); n > 0 {
			return q + 1 + n
		}
		if vc.drop {
			return q + 1
		}
		return q
	}
	if a.prepOf(q) == "ب" && hasPrep(vc.preps, "ب") {
		return q
	}
	if vc.compOnly {
		return -1
	}
	if comma && !object && !vc.object {
		// «قال فلان، الذي ...، إن»: a comma-delimited aside before «إن».
		if r := a.findComplementizer(q, s); r > 0 && a.isComma(r-2) {
			return r
		}
	}
	if object || vc.object || comma {
		if a.isWord(q) || a.toks[q].Kind == arabic.Number {
			return q
		}
		return -1
	}
	return a.findComplementizer(q, s)
}

// findComplementizer looks ahead in the clause for the «إن» that opens the
// content when adjuncts or a relative clause stand before it.
func (a *analyser) findComplementizer(q int, s sentence) int {
	for k := q; k < s.t1 && k < q+18; k++ {
		if a.inQuote[k] >= 0 {
			continue
		}
		if a.isTerminal(k) || a.verbAt(k) != nil || a.participleAt(k) != nil || a.attributionAt(k) {
			break
		}
		if n := a.complementizer(k); n > 0 {
			return k + n
		}
		if a.openQuote(k) && a.quoteWords(k) >= 3 {
			return k // a quotation after the speaker's adjuncts
		}
	}
	return -1
}

// postposed reports whether a verb at i with its subject ending at j
// follows the content it reports: «“...”، قال الوزير.».
func (a *analyser) postposed(i, j int, s sentence) bool {
	if i == s.t0 || !(a.isComma(i-1) || a.closesQuote(i-1)) {
		return false
	}
	q, _ := a.skipAdjuncts(j, s.t1, nil)
	return q >= s.t1 || a.isTerminal(q)
}

// closesQuote reports whether token k closes a paired quotation.
func (a *analyser) closesQuote(k int) bool {
	if k < 0 || !isMark(a.text(k)) {
		return false
	}
	return k > 0 && a.inQuote[k-1] >= 0 && a.closeOf[a.inQuote[k-1]] == k
}

// relayAt returns the end of «نقلا عن X» at q when X can speak, or q.
func (a *analyser) relayAt(q int, s sentence) int {
	if p, ok := a.attribution(q); !ok || p != "عن" || q+2 >= s.t1 || a.word(q+1) != "عن" {
		return q
	}
	e := a.phraseEnd(q+2, s.t1, false)
	if e == q+2 || !a.plausible(q+2, e) {
		return q
	}
	return e
}

// clauseTail extends a phrase ending at e over what follows it up to the
// end of the clause: an apposition («فلان، أحد سكان الحي»).
func (a *analyser) clauseTail(e int, s sentence) int {
	k := e
	for k < s.t1 && !a.isTerminal(k) && (a.isWord(k) || a.isComma(k)) {
		k++
	}
	for k > e && a.isComma(k-1) {
		k--
	}
	return k
}
