package meta

import (
	"fmt"

	"github.com/marsad/marsad/internal/timeline"
)

// Tense cues around a named event. They are matched on token keys (clitics
// and article off), in the sentence of the name: up to six tokens before
// it and four after.
var (
	// upcomingWords say the event is ahead: «مؤتمر برلين المرتقب», «قبيل
	// انعقاد», «اقتراب موعد», «التحضير لـ», «حتى سقوط».
	upcomingWords = words("المرتقب", "المرتقبة", "المقبل", "المقبلة", "القادم", "القادمة", "المقرر", "المقررة",
		"المزمع", "المزمعة", "المنتظر", "المنتظرة", "اقتراب", "تحضير", "تحضيرات", "التحضيرية", "تحضيرا",
		"استعداد", "استعدادا", "قبيل", "موعد", "مسودة", "وشيك", "وشيكة", "يعقد", "تعقد", "ينعقد",
		"تنعقد", "يجري", "تجري", "يبدأ", "تبدأ", "ينطلق", "تنطلق", "لانعقاد", "انتظار", "ترقب", "يرتقب")
	// pastWords say it happened: «الذي عقد», «خلال», «في أعقاب», «مخرجات».
	pastWords = words("عقد", "عقدت", "انعقد", "انعقدت", "جرى", "جرت", "أجريت", "خلال", "أعقاب", "عقب", "بعد", "منذ",
		"إثر", "نتائج", "مخرجات", "مقررات", "توصيات", "الماضي", "الماضية", "السابق", "السابقة", "شهد", "شهدت",
		"وقع", "وقعت", "توقيع", "إبرام", "أبرم", "أبرمت", "تم", "انتهى", "انتهت", "أسفر", "أسفرت", "تلت", "تلا")
	// negationWords make what follows not happen: «لم», «عدم», «فشل».
	negationWords = words("لم", "لن", "لا", "عدم", "دون", "بدون", "إذا", "لو", "فشل", "فشلت", "محاولة",
		"محاولات", "يحاول", "تحاول", "سعي", "يسعى", "تسعى", "بهدف", "أجل", "بغية", "تريد", "يريد", "يهدف", "تهدف",
		"رغبة", "طموح", "حلم", "خطة", "يخطط", "تخطط", "إمكانية", "احتمال", "منع", "يمنع", "تمنع", "تجنب")
	// campaignWords before a territorial alias name the battle, not its
	// outcome: «معركة تحرير الرقة» began months before the city fell.
	campaignWords = words("معركة", "معارك", "عملية", "عمليات", "حملة", "حملات", "هجوم", "خطة", "إطلاق")
)

type tense int

const (
	tenseNone tense = iota
	tensePast
	tenseUpcoming
)

// named reads the wars and landmarks the text names. A war's own name
// («عاصفة الحزم») says the article is not older than the war. A landmark
// named as past puts the article on or after its day; one named as
// upcoming («مؤتمر برلين الذي سيعقد», «المرتقب») on or before it. A
// landmark counts only in an article about its country, and a
// conference or election needs a cue of tense: named bare, it may be
// either.
func (r *refiner) named() []Constraint {
	var out []Constraint
	for _, m := range r.mentions {
		switch {
		case m.War != nil && !m.Generic:
			w := m.War
			out = append(out, Constraint{From: w.Earliest(), Strength: StrengthNamed,
				Evidence: fmt.Sprintf("«%s» (war %s from %s)", r.text(m.First, m.Last), w.ID, day(w.Earliest()))})
		case m.Landmark != nil:
			l := m.Landmark
			if !r.about(l) {
				continue
			}
			ev := fmt.Sprintf("«%s» (%s %s, %s)", r.text(m.First, m.Last), l.Class, l.ID, day(l.Date))
			switch r.tenseOf(m.First, m.Last, l.Class) {
			case tensePast:
				peg := l.Class == timeline.Territory || l.Class == timeline.Attack || l.Class == timeline.Killing || l.Class == timeline.Capture
				out = append(out, Constraint{From: l.Date, Strength: StrengthNamed, Evidence: ev + " as past", Peg: peg})
				r.anchors = append(r.anchors, anchor{l: l, first: m.First, last: m.Last, text: r.text(m.First, m.Last)})
			case tenseUpcoming:
				if !m.Series {
					out = append(out, Constraint{To: l.Date, Strength: StrengthNamed, Evidence: ev + " as upcoming"})
				}
			}
		}
	}
	return out
}

// about reports whether the article concerns the landmark's country or
// its war's.
func (r *refiner) about(l *timeline.Landmark) bool {
	if r.countries[l.Country] > 0 {
		return true
	}
	if w := r.tl.War(l.War); w != nil {
		for _, c := range w.Countries {
			if r.countries[c] > 0 {
				return true
			}
		}
	}
	return false
}

// tenseOf reads whether the event named at tokens [first, last] is past,
// upcoming or neither (denied, attempted, a campaign's name, a bare
// conference or election).
func (r *refiner) tenseOf(first, last int, class timeline.Class) tense {
	sFirst, sEnd := r.sentenceOf(first)
	if r.question(sFirst, sEnd) {
		return tenseNone
	}
	if class == timeline.Territory || class == timeline.Killing || class == timeline.Capture {
		if first > sFirst && r.keyIn(first-1, campaignWords) {
			return tenseNone
		}
	}
	for i := max(sFirst, first-4); i < first; i++ {
		if r.keyIn(i, negationWords) {
			return tenseNone
		}
	}
	// «حتى سقوط النظام»: until it falls.
	if first > sFirst && r.key(first-1) == "حتي" {
		return tenseUpcoming
	}
	// The cue nearest the name decides: «نتائج مؤتمر برلين لم تنفذ بعد».
	upcoming, past := 1<<30, 1<<30
	for i := max(sFirst, first-6); i < min(sEnd, last+5); i++ {
		if i >= first && i <= last {
			continue
		}
		dist := first - i
		if i > last {
			dist = i - last
		}
		switch {
		case r.keyIn(i, upcomingWords) || r.futureVerb(i):
			upcoming = min(upcoming, dist)
		case r.keyIn(i, pastWords):
			past = min(past, dist)
		}
	}
	switch {
	case upcoming < past:
		return tenseUpcoming
	case past < upcoming || class != timeline.Conference && class != timeline.Election:
		return tensePast
	}
	return tenseNone
}

// futureVerb reports whether token i is a verb with the future prefix.
func (r *refiner) futureVerb(i int) bool { return r.hasProclitic(i, "س") }

// question reports whether the sentence asks.
func (r *refiner) question(first, end int) bool {
	for i := first; i < end; i++ {
		if r.isPunct(i, "?؟") {
			return true
		}
	}
	return false
}
