package events

import (
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/arabic"
)

// What «منذ» («since») does to an event: a tally since a war or a season
// began is no event, what happened since this morning is one, and an
// event measured against a span («أعنف هجوم منذ بداية الحرب») is one too.

// sinceLongAgo reports whether «منذ» in the sentence is followed by the
// start of a war or a span longer than days: «منذ اندلاع الحرب», «منذ
// أشهر», «منذ عام 2011» (date expressions such as «منذ أبريل» are read
// with the sentence's dates). «أعنف هجوم منذ بداية الحرب» measures an
// event against a span: it does not count.
func (c *docContext) sinceLongAgo(s *sentence) bool {
	for i := s.first; i < s.end; i++ {
		if !c.v.is(i, "منذ") || c.sinceMeasure(s, i) {
			continue
		}
		for j := i + 1; j < min(i+4, s.end); j++ {
			t := &c.v.toks[j]
			if sinceLong[t.Stem] || longSpans[t.Stem] || t.Kind == arabic.Number && len(t.Norm) == 4 {
				return true
			}
		}
	}
	return false
}

// sinceMeasure reports whether a superlative or an ordinal stands a few
// words before «منذ» at token i: «أعنف هجوم منذ», «الأول من نوعه منذ».
func (c *docContext) sinceMeasure(s *sentence, i int) bool {
	if i > s.first && c.v.is(i-1, "منذ") {
		i-- // the date mention starts after «منذ»
	}
	for k := i - 1; k >= max(s.first, i-4); k-- {
		stem := c.v.toks[k].Stem
		if ordinals[stem] || utf8.RuneCountInString(stem) == 4 && strings.HasPrefix(stem, "ا") && elativeFrame(stem) {
			return true
		}
	}
	return false
}

// elativeFrame reports whether a four-letter stem has the أفعل shape of a
// comparative whose root ends in a strong letter («اعنف», «اكبر», «اخطر»).
func elativeFrame(stem string) bool {
	r := []rune(stem)
	return r[1] != 'ا' && r[2] != 'ا' && r[3] != 'ه' && r[3] != 'ت'
}

var ordinals = stemSet("اول", "اولي", "الاول", "الاولي", "اعنف", "اسوا", "اشد", "اعلي")

// recentSince reports whether a «منذ» date is the publication day or the
// day before («منذ صباح اليوم», «منذ أمس»): what happened since then is
// an event of that day, not a tally.
func (c *docContext) recentSince(d *dateMention) bool {
	return c.pub.known && d.precision == arabic.Day && !d.from.Before(c.pub.day.AddDate(0, 0, -1))
}

var sinceLong = stemSet("اندلاع", "بدايه", "بدء", "مطلع", "انطلاق", "حرب", "نزاع", "صراع", "ثوره", "شهر", "شهرين", "عام", "عامين", "سنه", "سنتين")
