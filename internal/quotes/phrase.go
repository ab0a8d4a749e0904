package quotes

import (
	"strings"

	"github.com/marsad/marsad/internal/record"
)

// maxPhrase bounds a speaker phrase, in tokens.
const maxPhrase = 24

// phraseEnd returns where the noun phrase that starts at token i ends
// (exclusive, at most lim), or i when no phrase starts there.
//
// A phrase is a head noun with its adjectives, genitives, names, «باسم»
// and «في/من» phrases, a name in quotation marks after a noun that takes
// one («موقع “...”»), a parenthesis, and a name in apposition after a
// comma. Strict parsing, for a subject after its verb, stops where the
// content may begin: at an indefinite word once the phrase is definite
// («أعلن الجيش | سيطرته...»), and at «بـ» and most «لـ» phrases. Loose
// parsing, for a subject before its verb whose end is known, lets names
// and prepositional phrases in.
func (a *analyser) phraseEnd(i, lim int, loose bool) int {
	return a.phraseEndFrom(i, lim, loose, false, nil)
}

// phraseEndFrom is phraseEnd for a phrase whose first token may carry a
// preposition that is not part of it («بالقيادة» after «ما يعرف»,
// «للموقع» after «وفقا»), and that ends before the prepositions stops
// (a verb's content preposition: «حذر المبعوث | من...»).
func (a *analyser) phraseEndFrom(i, lim int, loose, prepStart bool, stops []string) int {
	j := i
	started := false
	def := false     // the current (sub)phrase is definite
	affil := false   // the last word was «المؤيد», «مقرب»...: a preposition may follow
	docHead := false // the last word was a document noun: «لـ» names its author
	name := 0        // words a title still lets in as a name («العقيد | فلان الفلاني»)
	for j < lim && j-i < maxPhrase {
		if m := a.mentionFrom(j); m != nil && m.t1 <= lim && (started || a.prepOf(j) == "" || prepStart) {
			j, started, def, affil, docHead = m.t1, true, true, false, false
			continue
		}
		if a.isPunct(j) {
			switch {
			case started && a.openQuote(j) && a.closeOf[j] < lim && a.nameQuote(j):
				j, def = a.closeOf[j]+1, true
				continue
			case started && a.text(j) == "(":
				if k := a.closeParen(j, lim); k > 0 {
					j = k + 1
					continue
				}
			case started && a.isComma(j):
				if k := a.apposition(j+1, lim); k > 0 {
					j = k
					continue
				}
			}
			return j
		}
		if !a.isWord(j) || a.stopWord(j) {
			return j
		}
		w := a.word(j)
		if a.conj[j] && j > i {
			// Coordination («مسؤولين ليبيين ومصريين») continues a phrase.
			if !started || a.prepOf(j) != "" && !loose {
				return j
			}
			def = def || a.isDefinite(j)
			j++
			continue
		}
		switch {
		case w == "باسم":
			if !started {
				return j
			}
			j, def, affil = j+1, false, false
			continue
		case w == "في":
			if !started || a.isTime(j+1) || a.in(j+1, adjunctNouns) {
				return j
			}
			j, def, affil = j+1, false, false
			continue
		case w == "من":
			if !started || a.inExact(j+1, introducerHeads) || a.inExact(j+1, timeConjunctions) || hasPrep(stops, w) {
				return j
			}
			j, def, affil = j+1, false, false
			continue
		case stopPreps[w]:
			if started && affil && (w == "علي" || w == "عن") {
				j, def, affil = j+1, false, false
				continue
			}
			return j
		}
		prep := a.prepOf(j)
		if prep == "" && affil {
			// «المؤيد لفلان»: after such an adjective a name the
			// segmenter does not know still carries its preposition.
			if _, p := stripPrep(w); p == "ل" || p == "ب" {
				prep = p
			}
		}
		if prepStart && j == i {
			prep = ""
		}
		switch prep {
		case "ل":
			if !started || a.in(j, dativeNouns) || a.text(j) == "لـ" || a.openQuote(j+1) {
				return j
			}
			if !(affil || def || docHead || loose) {
				return j
			}
			j, def, affil, docHead = j+1, a.isDefinite(j), false, false
			continue
		case "ب", "ك":
			if !started || !loose {
				return j
			}
			j, def, affil = j+1, a.isDefinite(j), false
			continue
		}
		title := a.in(j, titleWords)
		if started && def && !loose && !title && !a.in(j, affiliationWords) {
			// Once definite, the phrase takes no new indefinite noun
			// («أعلن الجيش | سيطرته») unless a title announces a name.
			possessed := a.toks[j].Enclitic != "" && !isArticled(a.toks[j].Norm)
			if possessed || !a.isDefinite(j) && name == 0 {
				return j
			}
			// A definite noun after a definite phrase is an adjective or
			// the start of the object («الناطق باسم القوات المسلحة |
			// السيطرة على المطار»).
			if isArticled(a.toks[j].Norm) && a.prepOf(j) == "" && name == 0 && !a.adjectiveLike(j) {
				return j
			}
		}
		switch {
		case title:
			name = 3
		case name > 0:
			name--
		}
		started = true
		def = def || a.isDefinite(j)
		affil = a.in(j, affiliationWords)
		docHead = a.in(j, documentNouns)
		j++
	}
	return j
}

// stopWord reports whether token i cannot be inside a speaker phrase: it
// begins a clause, an adjunct or the content.
func (a *analyser) stopWord(i int) bool {
	if !a.valid(i) {
		return true
	}
	if a.stop[i] == 0 {
		a.stop[i] = 2
		if a.isStopWord(i) {
			a.stop[i] = 1
		}
	}
	return a.stop[i] == 1
}

func (a *analyser) isStopWord(i int) bool {
	if a.complementizer(i) > 0 {
		return true
	}
	if a.verbAt(i) != nil || a.participleAt(i) != nil || a.attributionAt(i) {
		return true
	}
	return a.inExact(i, relativePronouns) || a.inExact(i, clauseIntroducers) || a.inExact(i, transmitVerbs) ||
		a.inExact(i, auxiliaries) || a.isTime(i) || a.inExact(i, adverbs) ||
		a.inExact(i, pronounAgents) || a.inExact(i, personalPronouns) || a.introducerAt(i) > 0
}

var personalPronouns = words("هو هي هم هما هن نحن أنا")

// pronounPreps are prepositions that carry an attached pronoun as their
// whole object («معها», «عليه»): they close a phrase.
var pronounPreps = words("مع على عن من في ل ب إلى لدى عند")

func (a *analyser) isPronounPrep(i int) bool {
	t := &a.toks[i]
	return t.Enclitic != "" && pronounPreps[t.Stem]
}

// nameQuote reports whether the quotation opened at token i is a name
// inside a phrase («موقع “مدى مصر”») rather than speech.
func (a *analyser) nameQuote(i int) bool {
	if a.in(i-1, nameTakers) {
		return true
	}
	c := a.closeOf[i]
	return a.quoteWords(i) <= 2 && a.isWord(c+1) && a.complementizer(c+1) == 0
}

// closeParen returns the token closing the parenthesis at i, within a few
// words and before lim, or -1.
func (a *analyser) closeParen(i, lim int) int {
	for k := i + 1; k < lim && k <= i+10; k++ {
		if a.text(k) == ")" {
			return k
		}
		if a.isTerminal(k) {
			break
		}
	}
	return -1
}

// apposition returns the end of a person's name (with its titles) that
// follows a comma at i and is itself closed by a comma, an adjunct, a
// complementizer or the end of the clause: «المتحدث باسم العملية، محمد
// قنونو، أمس، ...». It returns 0 when there is none.
func (a *analyser) apposition(i, lim int) int {
	k := i
	for k < lim && a.in(k, titleWords) && a.mentionFrom(k) == nil {
		k++
	}
	m := a.mentionFrom(k)
	if m == nil || m.ent.Type != record.PER || m.t1 > lim {
		return 0
	}
	e := m.t1
	if e == lim || a.isPunct(e) || a.complementizer(e) > 0 || a.isTime(e) || a.stopWord(e) {
		return e
	}
	return 0
}

// tailEnd extends a phrase over what can only continue it: definite
// words, names, names in quotation marks.
func (a *analyser) tailEnd(j, lim int) int {
	for j < lim {
		if m := a.mentionFrom(j); m != nil && m.t1 <= lim {
			j = m.t1
			continue
		}
		if a.openQuote(j) && a.closeOf[j] < lim && a.quoteWords(j) <= 4 {
			j = a.closeOf[j] + 1
			continue
		}
		if a.isWord(j) && !a.conj[j] && isArticled(a.toks[j].Norm) && a.prepOf(j) == "" && !a.stopWord(j) {
			j++
			continue
		}
		return j
	}
	return j
}

// adjunctPreps open adjuncts that may stand between a verb, its subject and
// its content.
var adjunctPreps = words("في على خلال عبر أمام لدى مع عقب بعد قبل منذ أثناء إثر وسط ضمن أمس")

// skipAdjuncts moves past adjuncts from token p: time words, adverbs,
// commas, «في بيان», «على التلفزيون», «للصحفيين», «لـ“...”». Prepositions
// that introduce the verb's content (preps) are not skipped. It reports
// whether the last thing skipped was a comma.
func (a *analyser) skipAdjuncts(p, lim int, preps []string) (int, bool) {
	comma := false
	start := p
	for p < lim {
		switch {
		case a.isComma(p):
			p, comma = p+1, true
			continue
		case a.isTime(p) || a.inExact(p, adverbs):
			p, comma = p+1, false
			continue
		case a.introducerAt(p) > 0:
			p, comma = p+a.introducerAt(p), false
			continue
		}
		if !a.isWord(p) {
			return p, comma
		}
		w := a.word(p)
		if hasPrep(preps, w) && p == start {
			// A content preposition comes first («أكد على ضرورة...»);
			// after an adjunct it belongs to that adjunct.
			return p, comma
		}
		if adjunctPreps[w] {
			q := a.adjunctEnd(p+1, lim)
			for q < lim && a.isTime(q) {
				q++
			}
			if q == p+1 {
				return p, comma
			}
			p, comma = a.tailEnd(q, lim), false
			continue
		}
		if a.prepOf(p) == "ل" && !hasPrep(preps, "ل") && (a.in(p, dativeNouns) || a.text(p) == "لـ" || a.openQuote(p+1)) {
			p = a.tailEnd(p+1, lim)
			comma = false
			continue
		}
		return p, comma
	}
	return p, comma
}

func hasPrep(preps []string, w string) bool {
	for _, p := range preps {
		if p == w {
			return true
		}
	}
	return false
}

// plausible reports whether the phrase [t0, t1) names someone who can
// speak: a person, a body, a document or a medium, by its head noun or by
// an entity named in it; or people in the plural («الحوثيون»,
// «المحتجون»).
func (a *analyser) plausible(t0, t1 int) bool {
	if t0 >= t1 {
		return false
	}
	if m := a.mentionOver(t0); m != nil {
		return true
	}
	for k := t0; k < t1; k++ {
		if m := a.mentionOver(k); m != nil && actorTypes[m.ent.Type] && a.prepOf(m.t0) == "" && !a.inExact(m.t0-1, prepWords) {
			return true
		}
	}
	// The head noun, past a demonstrative («هذه المبادرة») or a count
	// («أحد سكان الحي», «اثنان من السكان»).
	h := t0
	for h < t1-1 && (a.inExact(h, demonstratives) || a.inExact(h, contentNouns)) {
		h++
	}
	if a.in(h, quantityHeads) && h+1 < t1 {
		h++
		if a.word(h) == "من" && h+1 < t1 {
			h++
			if n := a.toks[h].Norm; strings.HasSuffix(n, "ين") || strings.HasSuffix(n, "ون") {
				return true // «عدد من الليبيين»
			}
		}
	}
	if a.in(h, speakerNouns) || a.in(h, titleWords) {
		return true
	}
	n := a.toks[h].Norm
	s := stem(n)
	return isArticled(n) && (strings.HasSuffix(s, "يون") || strings.HasPrefix(s, "م") && strings.HasSuffix(s, "ون"))
}

// actorTypes are the entity types that can be speakers in their own right.
var actorTypes = map[string]bool{record.PER: true, record.ORG: true, record.GOV: true, record.ArmedGroup: true}

var prepWords = words("من في عن باسم على إلى الى مع لدى")

// nameBeforeComma extends a speaker phrase ending at e whose head is a
// person's role over the name the entity stage missed: up to three plain
// words closed by a comma that opens an adjunct or the content.
func (a *analyser) nameBeforeComma(t0, e int, s sentence) int {
	if !a.in(t0, personHeads) {
		return e
	}
	k := e
	for k < s.t1 && k < e+3 && a.isWord(k) && !a.stopWord(k) && a.prepOf(k) == "" && !a.conj[k] &&
		a.toks[k].Enclitic == "" && a.mentionOver(k) == nil {
		k++
	}
	if k == e || !a.isComma(k) {
		return e
	}
	n := k + 1
	if a.isTime(n) || a.complementizer(n) > 0 || adjunctPreps[a.word(n)] || a.introducerAt(n) > 0 {
		return k
	}
	return e
}

// adjunctEnd returns the end of the object of an adjunct preposition that
// starts at p. After a noun of speech («في بيان», «في مقابلة») only what
// describes that speech follows — adjectives, its author, its medium, a
// relative verb («في تقرير نشرته اليوم») — so that the content after it
// is not taken in («نفت الوزارة في بيان | صحة الأنباء»).
func (a *analyser) adjunctEnd(p, lim int) int {
	if p >= lim || !a.isWord(p) || !a.in(p, adjunctNouns) {
		return a.phraseEnd(p, lim, false)
	}
	k := p + 1
	for k < lim {
		switch {
		case a.mentionFrom(k) != nil && a.mentionFrom(k).t1 <= lim:
			k = a.mentionFrom(k).t1
		case a.isTime(k):
			k++
		case a.openQuote(k) && a.closeOf[k] < lim && a.nameQuote(k):
			k = a.closeOf[k] + 1
		case !a.isWord(k) || a.stopWord(k) || a.conj[k]:
			return k
		case a.inExact(k, adjunctLinks):
			e := a.phraseEnd(k+1, lim, false)
			if e == k+1 {
				return k
			}
			k = e
		case a.prepOf(k) == "ل" || a.prepOf(k) == "ب":
			k = a.tailEnd(k+1, lim)
		case isArticled(a.toks[k].Norm):
			if k > p+1 && !a.adjectiveLike(k) {
				return k
			}
			k++ // an adjective, or the author right after the noun
		case a.toks[k].Enclitic != "" || a.indefiniteAdjective(k):
			k++ // «نشرته», «أجراه»; «صحفي», «مشترك»
		default:
			return k
		}
	}
	return k
}

// adjunctLinks continue an adjunct with the speech's partner or medium:
// «في اتصال هاتفي مع نظيره», «في تغريدة على حسابه», «عبر الفيديو».
var adjunctLinks = words("مع على عبر")

// indefiniteAdjective reports whether token i reads as an adjective
// without the article: relational («صحفي»), a participle («مشترك»), or
// a common adjective («خاص»).
func (a *analyser) indefiniteAdjective(i int) bool {
	w := a.word(i)
	if isArticled(w) {
		return false
	}
	for _, suf := range []string{"ي", "يه", "يين", "يات"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return strings.HasPrefix(w, "م") && len([]rune(w)) >= 4 || commonAdjectives[w]
}
