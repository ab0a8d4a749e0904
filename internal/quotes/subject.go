package quotes

import "strings"

// Positions of a verb relative to its subject.
const (
	posInitial  = iota // the verb opens its clause: subject after it or implicit
	posSVO             // subject before the verb
	posRelative        // «X الذي قال»
	posTrailing        // «كما قال X», «حسبما أفادت X»: the content is before
	posBlocked         // the verb has a subject that cannot speak
)

// subjectBefore looks left of the verb at i for its subject.
func (a *analyser) subjectBefore(i int, s sentence, objPron bool) (pos, p0, p1 int) {
	if a.conj[i] || strings.HasPrefix(a.word(i), "لي") || strings.HasPrefix(a.word(i), "لت") {
		return posInitial, 0, 0
	}
	k := i - 1
	for k >= s.t0 && a.inExact(k, adverbs) {
		k--
	}
	if k < s.t0 {
		return posInitial, 0, 0
	}
	if a.inExact(k, relativePronouns) {
		e := k
		if a.isComma(e - 1) {
			e--
		}
		// The antecedent is the nearest complete phrase («وصل إلى
		// المدينة | وزير الدفاع | الذي قال»); names the entity stage
		// did not find are let in only when nothing else parses.
		for _, loose := range []bool{false, true} {
			if st := a.phraseBefore(e, s, false, loose); st < e && a.plausible(st, e) {
				return posRelative, st, e
			}
		}
		// «الهجوم الذي أكد الجيش أنه...»: the relative clause has a
		// subject of its own after the verb.
		return posInitial, 0, 0
	}
	// A trailing cue returns where its introducer starts: what it
	// attributes ends there.
	if a.inExact(k, trailingIntroducers) {
		return posTrailing, k, k
	}
	if a.word(k) == "ما" && a.attributionAt(k-1) {
		return posTrailing, k - 1, k - 1
	}
	if a.inExact(k, auxiliaries) {
		return a.subjectAroundAux(k, s)
	}
	if a.boundary(k) {
		return posInitial, 0, 0
	}
	if objPron {
		return posInitial, 0, 0 // «الموقف الفرنسي أكده الوزير»: a topic, the subject follows
	}
	st := a.phraseBefore(k+1, s, true, true)
	if st <= k && a.plausible(st, k+1) {
		return posSVO, st, k + 1
	}
	return posBlocked, 0, 0
}

var (
	trailingIntroducers = words("حسبما كما وفقما بحسبما طبقا")
	kanaWords           = words("كان كانت كانوا وكان وكانت")
	qadWords            = words("قد لقد وقد فقد")
)

// subjectAroundAux reads «X كان قد قال» and «كان X قد قال»; k is the
// auxiliary right before the verb.
func (a *analyser) subjectAroundAux(k int, s sentence) (int, int, int) {
	kk := k
	if a.inExact(k, qadWords) {
		kk = k - 1
	}
	if kk >= s.t0 && a.inExact(kk, kanaWords) {
		if kk == s.t0 || a.boundary(kk-1) || a.conj[kk] {
			return posInitial, 0, 0
		}
		if st := a.phraseBefore(kk, s, true, true); st < kk && a.plausible(st, kk) {
			return posSVO, st, kk
		}
		return posBlocked, 0, 0
	}
	if !a.inExact(k, qadWords) {
		return posInitial, 0, 0
	}
	for m := k - 1; m >= s.t0 && m > k-30; m-- {
		if a.isTerminal(m) {
			break
		}
		if a.inExact(m, kanaWords) {
			e := k
			if a.isComma(e - 1) {
				e--
			}
			if m+1 < e && a.phraseEnd(m+1, e, true) == e && a.plausible(m+1, e) {
				return posSVO, m + 1, e
			}
			break
		}
	}
	return posInitial, 0, 0
}

// boundary reports whether token k ends what comes before a clause:
// punctuation, a connective, a complementizer, another cue.
func (a *analyser) boundary(k int) bool {
	if a.isPunct(k) && !isMark(a.text(k)) {
		return true
	}
	if a.inExact(k, clauseIntroducers) || a.complementizer(k) > 0 || a.introducerAt(k) > 0 ||
		a.inExact(k, personalPronouns) || a.isPronounPrep(k) ||
		k > 0 && a.introducerAt(k-1) == 2 {
		return true
	}
	return a.verbAt(k) != nil || a.participleAt(k) != nil
}

// phraseBefore returns the start of the longest phrase that ends exactly
// at end and starts after the last boundary, or end when there is none.
// whole requires the phrase to fill all the words since the boundary: a
// subject before its verb is not inside a prepositional phrase («إن
// الإمارات بعد التشاور مع | مصر | دعت» has no subject «مصر»).
func (a *analyser) phraseBefore(end int, s sentence, whole, loose bool) int {
	b := end - 1
	for b >= s.t0 && end-b <= 14 {
		if a.inQuote[b] < 0 && (a.boundary(b) || a.inExact(b, relativePronouns) || a.attributionAt(b)) {
			break
		}
		b--
	}
	for st := b + 1; st < end; st++ {
		if a.isPunct(st) {
			continue
		}
		if a.phraseEnd(st, end, loose) == end {
			return st
		}
		if whole {
			break
		}
	}
	return end
}

// backClause moves the start of a clause at k left over the connectives
// and commas that open it.
func (a *analyser) backClause(k int, s sentence) int {
	for k-1 >= s.t0 {
		p := k - 1
		switch {
		case a.isComma(p) || a.text(p) == "و":
		case a.inExact(p, clauseIntroducers) && a.complementizer(p) == 0:
		case a.introducerAt(p) > 0:
		case p > s.t0 && a.introducerAt(p-1) == 2:
			k = p - 1
			continue
		default:
			return k
		}
		k = p
	}
	return k
}
