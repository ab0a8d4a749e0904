package quotes

import (
	"strings"
	"unicode"

	"github.com/marsad/marsad/internal/record"
)

// speaker is a resolved speaker: the record, the phrase as written, and
// the stem of its head noun for later anaphora («المصدر» → «مصدر...»).
type speaker struct {
	rec  record.Speaker
	text string
	head string
}

// unnamedHeads head phrases for unnamed sources: «مصادر عسكرية», «مسؤول
// تركي», «اثنان من السكان». Such a speaker is not linked to an entity
// named inside its phrase («مصدر مقرب من حفتر» is not Haftar).
var unnamedHeads = words(`
مصدر مصادر مسؤول مسؤولون مسؤولين مسؤولة مسؤولو شاهد شهود ساكن سكان مواطن مواطنون مواطنين خبير
خبراء محلل محللون محللين مراقب مراقبون ناشط ناشطون نشطاء دبلوماسي دبلوماسيون عضو أعضاء ضابط
ضباط جندي جنود مقاتل مقاتلون عنصر عناصر عدد بعض اثنان اثنين ثلاثة أحد إحدى تقارير تقرير وسائل
شهادات شهادة مقربون مقربين طبيب أطباء مسعف مسعفون أهالي عائلة قيادي قياديون
`)

// resolve finds the speaker of a candidate. emitted and speakers are the
// quotes of the sentence so far.
func (a *analyser) resolve(c *candidate, emitted []*candidate, speakers []speaker, s sentence) (speaker, bool) {
	switch {
	case c.override != nil:
		return a.phraseSpeaker(c.override), true
	case c.mode == subjExplicit:
		return a.phraseSpeaker(c), true
	case c.mode == subjMain:
		return a.mainSpeaker(c, emitted, speakers, s)
	}
	return a.lastSpeaker()
}

func (a *analyser) lastSpeaker() (speaker, bool) {
	if len(a.history) == 0 {
		return speaker{}, false
	}
	return a.history[len(a.history)-1], true
}

// phraseSpeaker builds the speaker of a candidate's subject phrase.
func (a *analyser) phraseSpeaker(c *candidate) speaker {
	text := a.phraseText(c.sp0, c.sp1, c.spFrom)
	n0, n1 := c.sp0, c.sp1
	name := text
	if c.name0 >= 0 {
		n0, n1 = c.name0, c.name1
		name = a.phraseText(n0, n1, -1)
	}
	return a.makeSpeaker(n0, n1, text, name)
}

// phraseText is the text of tokens [t0, t1) as written, from code point
// from when the first token holds a preposition that is not part of it.
func (a *analyser) phraseText(t0, t1, from int) string {
	if from < 0 {
		from = a.toks[t0].Start
		if a.conj[t0] {
			from++
		}
	}
	to := a.toks[t1-1].End
	text := string(a.runes[from:to])
	if t := &a.toks[t0]; from == t.Start+1 && strings.HasPrefix(t.Norm, "لل") {
		if strings.HasPrefix(t.Stem, "ل") && t.Norm == "ل"+t.Stem {
			text = "ال" + text // «للجنة» less its «لـ» is «اللجنة»: the stem's ل bears the article
		} else {
			text = "ا" + text // «للموقع» less its «لـ» is «الموقع»
		}
	}
	return strings.TrimFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) && !isMark(string(r)) && !(r == ')' && strings.ContainsRune(text, '('))
	})
}

// makeSpeaker links the phrase [t0, t1) to an entity where it names one,
// or to an earlier speaker it refers back to.
func (a *analyser) makeSpeaker(t0, t1 int, text, name string) speaker {
	h := t0
	for h < t1-1 && (a.inExact(h, contentNouns) || a.inExact(h, demonstratives)) {
		h++
	}
	sp := speaker{text: text, head: stem(a.toks[h].Norm)}
	if ent, whole := a.linkPhrase(t0, t1, h); ent != nil {
		sp.rec.ID = record.Str(ent.ID)
		sp.rec.Name = cleanName(name)
		if whole {
			sp.rec.Name = ent.Name
		}
		return sp
	}
	sp.rec.Name = cleanName(name)
	switch {
	case a.inExact(h-1, demonstratives) || h > t0 && a.inExact(t0, demonstratives):
		if prev := a.antecedent(sp.head); prev != nil {
			sp.rec = prev.rec
		} else if n, id := a.namedBefore(h); n != "" {
			sp.rec = record.Speaker{ID: id, Name: n}
		}
	case isArticled(a.toks[h].Norm) && a.in(h, speakerNouns) && !a.hasActor(t0, t1):
		if prev := a.antecedent(sp.head); prev != nil {
			sp.rec = prev.rec
		}
	}
	return sp
}

// linkPhrase returns the entity a speaker phrase names, and whether the
// phrase is that entity itself (rather than someone of it, such as its
// spokesman). A person named in apposition wins («المتحدث باسم الجيش
// أحمد فلان» is the person); an unnamed source is nobody named in it.
func (a *analyser) linkPhrase(t0, t1, h int) (*record.Entity, bool) {
	unnamed := a.in(h, unnamedHeads) && !isArticled(a.toks[h].Norm) && a.mentionOver(h) == nil
	if unnamed {
		return nil, false
	}
	var per *mentionRef
	for k := t0; k < t1; k++ {
		m := a.mentionFrom(k)
		if m == nil || m.t1 > t1 {
			continue
		}
		if m.ent.Type == record.PER && a.prepOf(k) == "" && (k == t0 || a.appositive(k-1)) {
			per = m
		}
		k = m.t1 - 1
	}
	if per != nil {
		return per.ent, true
	}
	if m := a.mentionOver(h); m != nil && m.t0 >= t0 {
		return m.ent, true
	}
	for k := t0; k < t1; k++ {
		m := a.mentionFrom(k)
		if m == nil || m.t1 > t1 || m.ent.Type == record.PER {
			continue
		}
		if actorTypes[m.ent.Type] && !a.in(k-1, affiliationWords) && !(a.prepOf(k) != "" && a.in(k-1, affiliationWords)) {
			return m.ent, false
		}
		k = m.t1 - 1
	}
	return nil, false
}

// appositive reports whether token k, right before a person's name, lets
// the name stand in apposition to the phrase: a title, or the end of a
// complete definite phrase — not a preposition or a noun awaiting its
// genitive («لمليشيات حفتر»).
func (a *analyser) appositive(k int) bool {
	if a.in(k, titleWords) || a.isComma(k) {
		return true
	}
	if a.inExact(k, prepWords) || a.in(k, affiliationWords) {
		return false
	}
	return a.isDefinite(k)
}

func (a *analyser) hasActor(t0, t1 int) bool {
	for k := t0; k < t1; k++ {
		if m := a.mentionOver(k); m != nil && actorTypes[m.ent.Type] {
			return true
		}
	}
	return false
}

// antecedent returns the last speaker whose head noun is head.
func (a *analyser) antecedent(head string) *speaker {
	for k := len(a.history) - 1; k >= 0; k-- {
		if a.history[k].head == head {
			return &a.history[k]
		}
	}
	return nil
}

// namedBefore finds what «هذه المبادرة» points to: the last phrase before
// token h headed by the same noun with the article («المبادرة المصرية»),
// with its adjectives; and the entity it names, if any.
func (a *analyser) namedBefore(h int) (string, *string) {
	head := stem(a.toks[h].Norm)
	for k := h - 1; k >= 0 && k >= h-400; k-- {
		if !isArticled(a.toks[k].Norm) || stem(a.toks[k].Norm) != head || a.inExact(k-1, demonstratives) {
			continue
		}
		e := k + 1
		for e < len(a.toks) && e < k+3 && a.isWord(e) && isArticled(a.toks[e].Norm) && !a.conj[e] && a.prepOf(e) == "" {
			e++
		}
		var id *string
		if m := a.mentionOver(k); m != nil {
			id = record.Str(m.ent.ID)
		}
		return cleanName(a.phraseText(k, e, -1)), id
	}
	return "", nil
}

// mainSpeaker is the speaker a participle continues: the quote before it
// in the sentence (or a person who is the subject of that quote's
// content: «أشار الموقع إلى أن فلانا حاول...، قائلا»), else the agent
// of the clause («رفض من الحكومة، مؤكدة...»), else the nearest actor
// named before it, else the last speaker.
func (a *analyser) mainSpeaker(c *candidate, emitted []*candidate, speakers []speaker, s sentence) (speaker, bool) {
	if n := len(emitted); n > 0 {
		prev := emitted[n-1]
		if m := a.mentionFrom(prev.content); prev.content >= 0 && m != nil && m.ent.Type == record.PER &&
			m.t1 < c.tok && a.isWord(m.t1) && masculine(a.word(c.tok)) {
			return a.makeSpeaker(m.t0, m.t1, a.phraseText(m.t0, m.t1, -1), a.phraseText(m.t0, m.t1, -1)), true
		}
		return speakers[n-1], true
	}
	e := c.tok
	if a.isComma(e - 1) {
		e--
	}
	for m := e - 1; m >= s.t0 && m >= e-8; m-- {
		if a.isPunct(m) {
			break
		}
		if a.word(m) == "من" && m+1 < e && a.phraseEnd(m+1, e, false) == e && a.plausible(m+1, e) {
			t := a.phraseText(m+1, e, -1)
			return a.makeSpeaker(m+1, e, t, t), true
		}
	}
	for k := c.tok - 1; k >= s.t0; k-- {
		if m := a.mentionOver(k); m != nil && actorTypes[m.ent.Type] {
			t := a.phraseText(m.t0, m.t1, -1)
			return a.makeSpeaker(m.t0, m.t1, t, t), true
		}
	}
	return a.lastSpeaker()
}

// masculine reports whether a participle is masculine («مضيفا», «مؤكدين»).
func masculine(w string) bool {
	return strings.HasSuffix(w, "ا") || strings.HasSuffix(w, "ين")
}

// cleanName is a speaker name without quotation marks and extra spaces.
func cleanName(s string) string {
	s = strings.Map(func(r rune) rune {
		if isMark(string(r)) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}
