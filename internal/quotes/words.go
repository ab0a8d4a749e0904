package quotes

import (
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/arabic"
)

// stripConj removes a leading conjunction و or ف from a normalised word
// when a word of at least two letters is left.
func stripConj(w string) (string, bool) {
	if (strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف")) && utf8.RuneCountInString(w) > 2 {
		return w[len("و"):], true
	}
	return w, false
}

// stripPrep removes a leading one-letter preposition ب, ل or ك (لل is
// ل + ال), returning the rest and the preposition.
func stripPrep(w string) (string, string) {
	if utf8.RuneCountInString(w) < 3 {
		return w, ""
	}
	if strings.HasPrefix(w, "لل") {
		return "ا" + w[len("ل"):], "ل"
	}
	for _, p := range []string{"ب", "ل", "ك"} {
		if strings.HasPrefix(w, p) {
			return w[len(p):], p
		}
	}
	return w, ""
}

// stripArticle removes the article ال when at least two letters are left.
func stripArticle(w string) (string, bool) {
	if strings.HasPrefix(w, "ال") && utf8.RuneCountInString(w) > 3 {
		return w[len("ال"):], true
	}
	return w, false
}

// stem is a word without conjunction, preposition and article: the key of
// the word lists.
func stem(w string) string {
	w, _ = stripConj(w)
	if s, ok := stripArticle(w); ok {
		return s
	}
	if s, p := stripPrep(w); p != "" {
		if s2, ok := stripArticle(s); ok {
			return s2
		}
	}
	return w
}

// in reports whether token i's word is in the list, as written, without
// its conjunction, or as a stem.
func (a *analyser) in(i int, list map[string]bool) bool {
	if i < 0 || i >= len(a.toks) {
		return false
	}
	n := a.toks[i].Norm
	if list[n] || list[a.word(i)] {
		return true
	}
	if s := stem(n); list[s] {
		return true
	}
	return list[a.toks[i].Stem]
}

// inExact is in without stemming: the word as written or without its
// conjunction.
func (a *analyser) inExact(i int, list map[string]bool) bool {
	if i < 0 || i >= len(a.toks) {
		return false
	}
	return list[a.toks[i].Norm] || list[a.word(i)]
}

func (a *analyser) isPunct(i int) bool {
	return i >= 0 && i < len(a.toks) && a.toks[i].Kind == arabic.Punct
}

func (a *analyser) isWord(i int) bool {
	return i >= 0 && i < len(a.toks) && a.toks[i].Kind == arabic.Word
}

func (a *analyser) text(i int) string {
	if i < 0 || i >= len(a.toks) {
		return ""
	}
	return a.toks[i].Text
}

func (a *analyser) isComma(i int) bool {
	t := a.text(i)
	return t == "،" || t == ","
}

func (a *analyser) isColon(i int) bool { return a.text(i) == ":" }

// isTerminal reports whether token i ends a clause outright.
func (a *analyser) isTerminal(i int) bool {
	switch a.text(i) {
	case ".", "!", "?", "؟", "؛", ";", "…":
		return true
	}
	return false
}

// openQuote reports whether token i opens a paired quotation.
func (a *analyser) openQuote(i int) bool {
	return i >= 0 && i < len(a.toks) && a.closeOf[i] > i
}

// enclitics are the attached pronouns a complementizer can carry.
var enclitics = []string{"", "ه", "ها", "هم", "هما", "هن", "ني", "نا", "كم", "ك"}

// isThat reports whether a normalised word is «إن/أن» with an optional
// attached pronoun («إنها», «أنهم»).
func isThat(w string) bool {
	rest, ok := strings.CutPrefix(w, "ان")
	if !ok {
		return false
	}
	for _, e := range enclitics {
		if rest == e {
			return true
		}
	}
	return false
}

// complementizer reports whether tokens at i introduce reported content:
// «إن», «أن», «بأن», «وإن», «إلى أن» (with attached pronouns), or a colon.
// It returns the number of tokens the complementizer takes.
func (a *analyser) complementizer(i int) int {
	if i < 0 || i >= len(a.toks) {
		return 0
	}
	if a.isColon(i) {
		return 1
	}
	w := a.word(i)
	if isThat(w) {
		if i > 0 && a.inExact(i-1, timeConjunctions) {
			return 0 // «بعد أن» is a time clause
		}
		return 1
	}
	if strings.HasPrefix(w, "ب") && isThat(w[len("ب"):]) {
		return 1
	}
	if w == "الي" && i+1 < len(a.toks) && isThat(a.word(i+1)) {
		return 2
	}
	return 0
}

// isArticled reports whether token i carries the article, possibly after
// a conjunction and a preposition («والجيش», «للجيش»).
func isArticled(w string) bool {
	w, _ = stripConj(w)
	if _, ok := stripArticle(w); ok {
		return true
	}
	if s, p := stripPrep(w); p != "" {
		_, ok := stripArticle(s)
		return ok
	}
	return false
}

// isDefinite reports whether token i makes a phrase definite: the article,
// an attached pronoun, a demonstrative, or being part of a named entity.
func (a *analyser) isDefinite(i int) bool {
	if !a.valid(i) {
		return false
	}
	if isArticled(a.toks[i].Norm) || a.mentAt[i] >= 0 {
		return true
	}
	if a.inExact(i, demonstratives) {
		return true
	}
	return a.toks[i].Enclitic != "" && !a.in(i, speakerNouns)
}

// prepOf returns the one-letter preposition attached to token i (ب, ل,
// ك), after any conjunction, or "". The segmenter knows the words; a name
// it does not know («لحفتر») counts as prefixed when an entity mention
// starts right after the letter.
func (a *analyser) prepOf(i int) string {
	if !a.valid(i) {
		return ""
	}
	t := &a.toks[i]
	if w := a.word(i); w == "ب" || w == "ل" || w == "ك" {
		return w // «لـ» written apart before a quotation or a name
	}
	for _, p := range t.Proclitics() {
		if p == "ب" || p == "ل" || p == "ك" {
			return p
		}
	}
	if m := a.mentionOver(i); m != nil && m.t0 == i {
		skip := 1
		if a.conj[i] {
			skip = 2
		}
		if _, p := stripPrep(a.word(i)); p != "" && a.mentionStart(m) == t.Start+skip {
			return p
		}
	}
	return ""
}

// isTime reports whether token i is a time adjunct word: «أمس», «يوم»,
// a weekday, a month.
func (a *analyser) isTime(i int) bool {
	if !a.valid(i) {
		return false
	}
	if a.in(i, timeWords) {
		return true
	}
	if a.inExact(i, yearWords) {
		return a.in(i+1, timeWords) || i+1 < len(a.toks) && a.toks[i+1].Kind == arabic.Number
	}
	w := a.toks[i].Text
	if _, ok := arabic.Weekday(w); ok {
		return true
	}
	if _, ok := arabic.MonthOf(a.word(i)); ok {
		return true
	}
	return false
}

// introducerAt returns the tokens taken by a sentence adverbial such as
// «من جانبه», «بدوره», «وفي هذا السياق،» starting at i, or 0.
func (a *analyser) introducerAt(i int) int {
	if a.inExact(i, fromWords) && a.inExact(i+1, introducerHeads) {
		return 2
	}
	if a.inExact(i, byRoleWords) {
		return 1
	}
	return 0
}

var (
	timeConjunctions = words("بعد قبل منذ")
	fromWords        = words("من ومن")
	byRoleWords      = words("بدوره بدورها بدورهم")
)

// adjectiveLike reports whether token i, carrying the article, reads as an
// adjective of the phrase before it: relational («الليبي», «الدولية»), a
// participle («المسلحة», «المتحدة»), or a common adjective («العامة»).
func (a *analyser) adjectiveLike(i int) bool {
	if !a.valid(i) {
		return false
	}
	w, ok := stripArticle(a.word(i))
	if !ok {
		return false
	}
	for _, suf := range []string{"ي", "يه", "يين", "يون", "يات"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return strings.HasPrefix(w, "م") || commonAdjectives[w]
}

// word is token i's bare form (see analyser.bare), "" outside the body.
func (a *analyser) word(i int) string {
	if i < 0 || i >= len(a.bare) {
		return ""
	}
	return a.bare[i]
}

// valid reports whether i indexes a token.
func (a *analyser) valid(i int) bool { return i >= 0 && i < len(a.toks) }
