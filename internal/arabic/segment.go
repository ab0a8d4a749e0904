package arabic

import (
	"strings"
	"unicode/utf8"
)

// Clitic segmentation. A word is read as
//
//	[conjunction و ف] [preposition ب ل ك | future س] [article ال] stem [pronoun]
//
// and every reading the letters allow is weighed against the lexicon: a split
// is taken only when the stem is a known word and the word as a whole is not
// clearly more frequent than its split reading would explain. Each clitic has
// a weight (kappa) for how freely it attaches: و attaches to anything, ك and
// س rarely, so a word starting with ك needs much more evidence to be split.
// Over-splitting is the worse error: «فرنسا» read as ف + «رنسا» destroys a
// name, while «بمصراتة» left whole only costs a lookup downstream.

// hints carries what the surface spelling says that the normalised form no
// longer shows.
type hints struct {
	// hamza has bit i set when code point i of the normalised word (i < 32)
	// was written with a hamza or madda (أ إ آ ؤ ئ): such a letter is never
	// the alef of the article nor a conjunction و.
	hamza uint32
	// lastTa: the word ends in ة, which is never the pronoun ه.
	lastTa bool
	// lastMaqsura: the word ends in ى or ئ, which is never the pronoun ي.
	lastMaqsura bool
}

func (h hints) hamzaAt(i int) bool { return i < 32 && h.hamza&(1<<uint(i)) != 0 }

// signature is the part of the hints segmentation can depend on: hamza on
// the first three letters (where a conjunction, preposition and article
// may start) and the spelling of the last letter.
func (h hints) signature() uint8 {
	s := uint8(h.hamza & 7)
	if h.lastTa {
		s |= 8
	}
	if h.lastMaqsura {
		s |= 16
	}
	return s
}

const (
	conjNone = iota
	conjWa
	conjFa
)

const (
	midNone = iota
	midBi
	midLi
	midKa
	midSa
)

var (
	conjForms = [...]string{"", "و", "ف"}
	midForms  = [...]string{"", "ب", "ل", "ك", "س"}
	// Weights: how freely each clitic attaches (see the package comment above).
	conjKappa = [...]float64{1, 3, 1}
	midKappa  = [...]float64{1, 1.5, 1.5, 0.15, 0.5}
	// midMinEvidence: ك (like) is rare in news and starts many words
	// («كبرى», «كتائب»), so its stem must be well attested.
	midMinEvidence = [...]float64{0, 1, 1, 50, 1}
)

// artKappa weighs the article. Its stem evidence is smoothed by one, so a
// word that begins with a bare ال and is not protected is always split.
const artKappa = 2

// enclitics, longest first so that «هما» is tried before «ما»-less «ها».
var enclitics = [...]struct {
	form  string
	kappa float64
}{
	{"هما", 0.5}, {"كما", 0.1}, {"ها", 0.5}, {"هم", 0.5}, {"هن", 0.2},
	{"كم", 0.3}, {"كن", 0.05}, {"نا", 0.3}, {"ني", 0.2}, {"ه", 0.5}, {"ك", 0.3}, {"ي", 0.5},
}

// procliticSets interns every proclitic list Segment can return, so tokens
// share them instead of allocating. The index is conj*10 + mid*2 + art.
var procliticSets = func() (t [30][]string) {
	for c := range conjForms {
		for m := range midForms {
			for a := 0; a < 2; a++ {
				var l []string
				if c != conjNone {
					l = append(l, conjForms[c])
				}
				if m != midNone {
					l = append(l, midForms[m])
				}
				if a == 1 {
					l = append(l, "ال")
				}
				t[c*10+m*2+a] = l[:len(l):len(l)]
			}
		}
	}
	return t
}()

// hostPronouns are prepositions written as one letter that carry a pronoun
// and nothing else («لها», «بهم»): the preposition is the stem.
var hostPronouns = map[string][2]string{
	"له": {"ل", "ه"}, "لها": {"ل", "ها"}, "لهم": {"ل", "هم"}, "لهما": {"ل", "هما"}, "لهن": {"ل", "هن"},
	"لك": {"ل", "ك"}, "لكم": {"ل", "كم"}, "لكما": {"ل", "كما"}, "لنا": {"ل", "نا"},
	"به": {"ب", "ه"}, "بها": {"ب", "ها"}, "بهم": {"ب", "هم"}, "بهما": {"ب", "هما"}, "بهن": {"ب", "هن"},
	"بك": {"ب", "ك"}, "بكم": {"ب", "كم"}, "بنا": {"ب", "نا"},
}

// niHosts are the particles that take the pronoun ني (on nouns «my» is ي).
var niHosts = map[string]bool{"من": true, "عن": true, "ان": true, "لكن": true, "ليت": true, "لعل": true}

// yaHosts are the particles that take the pronoun ي. On nouns «my» is rare
// in news and a final ي is far more often the nisba suffix («عسكري»,
// «ليبي»), so nouns never lose it.
var yaHosts = map[string]bool{"من": true, "عن": true, "ان": true, "لكن": true, "مع": true, "عند": true, "لدي": true, "علي": true, "الي": true}

// analysis is one reading of a word.
type analysis struct {
	conj, mid uint8
	art       bool
	stem, enc string
}

func (a analysis) procIndex() uint8 {
	i := a.conj*10 + a.mid*2
	if a.art {
		i++
	}
	return i
}

func (a analysis) proclitics() []string { return procliticSets[a.procIndex()%30] }

// Segment splits a word into its proclitics, stem and enclitic (attached
// pronoun), all normalised: «والجيش» → [و ال] جيش "", «وقواتها» → [و]
// قوات ها. The word may be given as written or already normalised; as
// written is better, because hamza and taa marbuta tell clitics apart
// («إلى» has no article, «قوة» no pronoun). A word that is not split comes
// back as its own stem. The proclitics slice is shared: do not modify it.
func Segment(word string) (proclitics []string, stem string, enclitic string) {
	return DefaultLexicon().Segment(word)
}

// Segment is the package-level Segment with this lexicon.
func (l *Lexicon) Segment(word string) (proclitics []string, stem string, enclitic string) {
	var b strings.Builder
	norm, h, a := l.readWord(word, true, &b)
	return a.proclitics(), l.canonicalStem(a.stem, h, norm), a.enc
}

// segment chooses the best reading of the normalised word w.
func (l *Lexicon) segment(w string, h hints) analysis {
	whole := analysis{stem: w}
	if len(w) < 4 || !mayHaveClitic(w) { // fewer than two Arabic letters
		return whole
	}
	ew := l.at(w)
	if ew.flags&flagWhole != 0 {
		return whole
	}
	if len(w) <= 8 {
		if hp, ok := hostPronouns[w]; ok {
			return analysis{stem: hp[0], enc: hp[1]}
		}
	}
	s := scorer{l: l, w: w, h: h, wholeCount: float64(ew.count), wholeName: ew.count >= 2 && ew.nameShare() >= 0.5}
	if ew.flags&flagStem != 0 {
		s.wholeCount += handStemEvidence
	}
	s.best, s.bestScore = whole, s.wholeCount
	for conj := uint8(conjNone); conj <= conjFa; conj++ {
		r1 := w
		if conj != conjNone {
			if !strings.HasPrefix(w, conjForms[conj]) || (conj == conjWa && h.hamzaAt(0)) {
				continue
			}
			r1 = w[len(conjForms[conj]):]
			if len(r1) < 4 {
				continue
			}
			if len(r1) <= 8 {
				if hp, ok := hostPronouns[r1]; ok {
					return analysis{conj: conj, stem: hp[0], enc: hp[1]}
				}
			}
			if e := l.at(r1); e.flags&flagWhole != 0 {
				s.consider(analysis{conj: conj, stem: r1}, e, conjKappa[conj])
				continue
			}
		}
		s.mids(conj, r1)
	}
	return s.best
}

// mayHaveClitic reports whether the word w (at least two letters) begins
// with a letter a proclitic can be written with or ends with one a pronoun
// can: only those words need weighing.
func mayHaveClitic(w string) bool {
	switch w[:2] {
	case "و", "ف", "ب", "ل", "ك", "س", "ا":
		return true
	}
	switch w[len(w)-2:] {
	case "ه", "ا", "م", "ن", "ك", "ي":
		return true
	}
	return false
}

// encliticsEndingIn lists, for the last letter of a word, the pronouns that
// end in it, longest first.
var encliticsEndingIn = func() map[string][]int {
	m := map[string][]int{}
	for i, e := range enclitics {
		last := e.form[len(e.form)-2:]
		m[last] = append(m[last], i)
	}
	return m
}()

// scorer keeps the best reading found so far.
type scorer struct {
	l          *Lexicon
	w          string
	h          hints
	wholeCount float64
	wholeName  bool // the word itself is mostly a named entity in the corpus
	best       analysis
	bestScore  float64
}

// runeIndex is the code-point index in w of the suffix rest.
func (s *scorer) runeIndex(rest string) int {
	return utf8.RuneCountInString(s.w[:len(s.w)-len(rest)])
}

// mids tries every preposition (or future س) after the conjunction.
func (s *scorer) mids(conj uint8, r1 string) {
	for mid := uint8(midNone); mid <= midSa; mid++ {
		r2 := r1
		kappa := conjKappa[conj]
		if mid != midNone {
			if !strings.HasPrefix(r1, midForms[mid]) {
				continue
			}
			r2 = r1[len(midForms[mid]):]
			if len(r2) < 4 {
				continue
			}
			kappa *= midKappa[mid]
			if mid == midSa {
				s.future(conj, r2, kappa)
				continue
			}
			if e := s.l.at(r2); e.flags&flagWhole != 0 {
				s.consider(analysis{conj: conj, mid: mid, stem: r2}, e, kappa)
				if mid == midLi {
					s.article(conj, mid, r2, kappa) // «للجنة»: ل + اللجنة
				}
				continue
			}
		}
		s.stems(analysis{conj: conj, mid: mid}, r2, kappa)
		s.article(conj, mid, r2, kappa)
	}
}

// article tries the definite article on r2. After ل the article loses its
// alef («للجيش»), and before a stem that starts with ل also its lam
// («للجنة» is ل + ال + لجنة).
func (s *scorer) article(conj, mid uint8, r2 string, kappa float64) {
	a := analysis{conj: conj, mid: mid, art: true}
	kappa *= artKappa
	if mid == midLi {
		if !strings.HasPrefix(r2, "ل") {
			return
		}
		s.articleStem(a, r2[len("ل"):], kappa)
		s.articleStem(a, r2, kappa)
		return
	}
	if !strings.HasPrefix(r2, "ال") || s.h.hamzaAt(s.runeIndex(r2)) || s.l.at(r2).marks&markHamza != 0 {
		return
	}
	s.articleStem(a, r2[len("ال"):], kappa)
}

func (s *scorer) articleStem(a analysis, stem string, kappa float64) {
	n := RuneLen(stem)
	if n < 2 {
		return
	}
	e := s.l.at(stem)
	ev := e.evidence()
	if n == 2 && ev < 5 {
		return
	}
	a.stem = stem
	// Smoothed: the article is the most productive clitic of all.
	s.offer(a, e, kappa*(ev+1))
}

// stems tries r (after proclitics, no article) as a stem, with and without
// an enclitic pronoun.
func (s *scorer) stems(a analysis, r string, kappa float64) {
	if a.conj != conjNone || a.mid != midNone {
		e := s.l.at(r)
		if ev := e.evidence(); (RuneLen(r) >= 3 || ev >= 5) && ev >= midMinEvidence[a.mid] {
			a.stem = r
			s.consider(a, e, kappa)
		}
	}
	if len(r) < 2 {
		return
	}
	for _, ei := range encliticsEndingIn[r[len(r)-2:]] {
		enc := enclitics[ei]
		if !strings.HasSuffix(r, enc.form) {
			continue
		}
		switch enc.form[len(enc.form)-len("ه"):] {
		case "ه":
			if s.h.lastTa || s.l.at(r).marks&markTa != 0 {
				continue
			}
		case "ي":
			if s.h.lastMaqsura || s.l.at(r).marks&markMaqsura != 0 {
				continue
			}
		}
		base := r[:len(r)-len(enc.form)]
		if enc.form == "ني" && !niHosts[base] || enc.form == "ي" && !yaHosts[base] {
			continue
		}
		n := RuneLen(base)
		if n < 2 {
			continue
		}
		e := s.l.at(base)
		b := a
		b.stem, b.enc = base, enc.form
		if e.ta.n > 0 && float64(e.taCount) > e.evidence() {
			// «حكومتها»: the taa marbuta of «حكومة» is written ت before a pronoun.
			b.stem = s.l.str(e.ta)
			e = s.l.at(b.stem)
		}
		if n == 2 && e.evidence() < 5 {
			continue
		}
		s.consider(b, e, kappa*enc.kappa)
	}
}

// consider scores a reading whose stem has lexicon entry e.
func (s *scorer) consider(a analysis, e *entry, kappa float64) {
	s.offer(a, e, kappa*e.evidence())
}

// offer takes reading a with the given score if it beats the whole word and
// every reading so far.
func (s *scorer) offer(a analysis, e *entry, score float64) {
	if score <= 0 || score <= s.wholeCount || score <= s.bestScore {
		return
	}
	if s.wholeName && e.nameShare() < 0.2 {
		// The corpus knows the word as a name and its would-be stem as an
		// ordinary word («فيصل» and «يصل»): a name is not split.
		return
	}
	s.best, s.bestScore = a, score
}

// futureMinEvidence is how often, in corpus occurrences, an imperfect verb
// (counting its sibling forms) must be attested before a leading س is read
// as the future prefix.
const futureMinEvidence = 2

// future weighs the future prefix س before r. The prefix comes only before
// an imperfect verb: r starts with a person prefix (ي ت ن, or an alef
// written with hamza), the word does not end in ة, is not a name and never
// takes the article. Once that holds and the verb is attested, the whole
// word's own frequency speaks for the split rather than against it
// («سيكون» is frequent because «يكون» is), so the reading is offered above
// the whole word. A verb the corpus lacks in this person or number is
// found through its siblings: «سنواصل» through «يواصل» and «تواصل».
func (s *scorer) future(conj uint8, r string, kappa float64) {
	if RuneLen(r) < 3 || s.h.lastTa || s.wholeName || s.l.at(s.w).art > 0 {
		return
	}
	switch firstRune(r) {
	case 'ي', 'ت', 'ن':
	case 'ا':
		if !s.h.hamzaAt(s.runeIndex(r)) {
			return
		}
	default:
		return
	}
	ev := s.l.imperfectEvidence(r)
	if ev < futureMinEvidence {
		return
	}
	s.offer(analysis{conj: conj, mid: midSa, stem: r}, s.l.at(r), s.wholeCount+kappa*ev)
}

// imperfectEvidence counts the occurrences of an imperfect verb form and
// its siblings: the other person prefixes (ي ت ن ا), with and without the
// plural or dual ending. A form seen mostly with the article is a noun
// («التين»), not a verb, and counts nothing.
func (l *Lexicon) imperfectEvidence(r string) float64 {
	core, suffix := r, ""
	for _, x := range [...]string{"ون", "ين", "ان", "وا"} {
		if strings.HasSuffix(r, x) && RuneLen(r) >= 5 {
			core, suffix = r[:len(r)-len(x)], x
			break
		}
	}
	_, n := utf8.DecodeRuneInString(core)
	rest := core[n:]
	var ev float64
	var seen [8]string
	k := 0
	for _, p := range [...]string{"ي", "ت", "ن", "ا"} {
		for _, f := range [...]string{p + rest, p + rest + suffix} {
			dup := false
			for _, x := range seen[:k] {
				dup = dup || x == f
			}
			if dup {
				continue
			}
			seen[k] = f
			k++
			e := l.at(f)
			if e.art > e.count {
				continue
			}
			ev += float64(e.count)
			if e.flags&(flagStem|flagWhole) != 0 {
				ev += handWholeEvidence
			}
		}
	}
	return ev
}
