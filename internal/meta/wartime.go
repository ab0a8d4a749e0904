package meta

import (
	"fmt"
	"sort"
	"time"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/timeline"
)

// Time units of a war's age.
const (
	unitDay = iota + 1
	unitWeek
	unitMonth
	unitYear
)

var (
	// periodUnits are the nouns of «في شهرها السابع», «في عامها الخامس».
	periodUnits = map[string]int{}
	// countUnits are the units of «بعد مرور عامين على», «ستة أشهر على».
	countUnits = map[string]int{}
	// dualUnits are the dual forms: «عامين» is two years.
	dualUnits = map[string]int{}
	// ordinals are ordinal numbers as keys (the article off).
	ordinals = map[string]int{}
	// referentWords stand for the article's war when no name is given.
	referentWords = words("الحرب", "العدوان", "المعارك", "المعركة", "القتال", "الاقتتال", "النزاع", "الصراع",
		"الثورة", "الحملة", "الهجوم", "اندلاع", "بدء", "بداية", "انطلاق", "اندلاعها", "الأزمة", "العملية")
	approxWords = words("نحو", "قرابة", "حوالي", "زهاء", "قرابه")
)

func init() {
	add := func(m map[string]int, u int, ws ...string) {
		for w := range words(ws...) {
			m[w] = u
		}
	}
	add(periodUnits, unitDay, "يوم")
	add(periodUnits, unitWeek, "أسبوع")
	add(periodUnits, unitMonth, "شهر")
	add(periodUnits, unitYear, "عام", "سنة")
	add(countUnits, unitDay, "يوم", "أيام", "يوما")
	add(countUnits, unitWeek, "أسبوع", "أسابيع", "أسبوعا")
	add(countUnits, unitMonth, "شهر", "أشهر", "شهور", "شهرا")
	add(countUnits, unitYear, "عام", "أعوام", "سنة", "سنوات", "سنين", "عاما")
	add(dualUnits, unitDay, "يومين", "يومان")
	add(dualUnits, unitWeek, "أسبوعين", "أسبوعان")
	add(dualUnits, unitMonth, "شهرين", "شهران")
	add(dualUnits, unitYear, "عامين", "عامان", "سنتين", "سنتان")
	for n, ws := range map[int][]string{
		1: {"الأول", "الأولى"}, 2: {"الثاني", "الثانية"}, 3: {"الثالث", "الثالثة"}, 4: {"الرابع", "الرابعة"},
		5: {"الخامس", "الخامسة"}, 6: {"السادس", "السادسة"}, 7: {"السابع", "السابعة"}, 8: {"الثامن", "الثامنة"},
		9: {"التاسع", "التاسعة"}, 10: {"العاشر", "العاشرة"}, 20: {"العشرين"}, 30: {"الثلاثين"}, 40: {"الأربعين"},
		50: {"الخمسين"}, 100: {"المئة", "المائة", "المئوية"}, 1000: {"الألف"},
	} {
		add(ordinals, n, ws...)
	}
}

// ageClue is one phrase that dates the article by the age of a war or the
// time since a landmark: the days it allows, given the referent's start.
type ageClue struct {
	first, last int
	// span gives the window for a referent that started between two days.
	span func(earliest, latest time.Time) (time.Time, time.Time)
	// referent is the war or landmark the phrase names, if it names one;
	// otherwise the article's war is meant.
	war      *timeline.War
	landmark *timeline.Landmark
}

// warTime reads the age of the article's war: «الحرب في شهرها السابع»,
// «في عامها الخامس», «بعد مرور عام على اندلاع الحرب», «الذكرى الثانية
// لسقوط الموصل». A phrase that names its war or landmark counts from it.
// One that says only «الحرب» counts from the article's war: among the wars
// of the countries it is about and those it names, the ones whose age fits
// the window the other clues (w) leave; if several fit, one the text names
// and then the latest to start.
func (r *refiner) warTime(w Window) []Constraint {
	if r.tl == nil {
		return nil
	}
	var out []Constraint
	for _, s := range r.sents {
		for i := s[0]; i < s[1]; i++ {
			clue, ok := r.ordinalAge(i, s)
			if !ok {
				clue, ok = r.elapsed(i, s)
			}
			if !ok {
				clue, ok = r.anniversary(i, s)
			}
			if !ok {
				continue
			}
			if c, ok := r.resolveAge(clue, w); ok {
				out = append(out, c)
			}
			i = clue.last
		}
	}
	return out
}

// ordinalAge reads «(الحرب) في شهرها السابع» at token i: a period noun with
// a pronoun, then an ordinal; the referent is named before it.
func (r *refiner) ordinalAge(i int, s [2]int) (ageClue, bool) {
	t := &r.toks[i]
	u := periodUnits[r.key(i)]
	if u == 0 || t.Enclitic != "ها" && t.Enclitic != "ه" {
		return ageClue{}, false
	}
	n, next, ok := r.ordinalAt(i+1, s[1])
	if !ok || n < 1 {
		return ageClue{}, false
	}
	clue := ageClue{first: i, last: next - 1, span: func(lo, hi time.Time) (time.Time, time.Time) {
		from, to := shift(lo, u, n-1), shift(hi, u, n).AddDate(0, 0, -1)
		if u == unitDay { // «يومها المئة»: the day itself, give or take one
			from, to = lo.AddDate(0, 0, n-2), hi.AddDate(0, 0, n)
		}
		return from, to
	}}
	found := false
	for k := i - 1; k >= max(s[0], i-8) && !found; k-- {
		if m, ok := r.mentionEndingAt(k); ok {
			clue.war, clue.landmark, found = m.War, m.Landmark, true
			clue.first = m.First
		} else if r.keyIn(k, referentWords) {
			found = true
			clue.first = k
		}
	}
	return clue, found
}

// elapsed reads «بعد مرور عامين على X», «بعد أكثر من عام على X», «مرور ستة
// أشهر على X», and a headline «عام على حرب السودان».
func (r *refiner) elapsed(i int, s [2]int) (ageClue, bool) {
	k := i
	switch {
	case r.key(k) == "بعد":
		k++
		if r.key(k) == "مرور" || r.key(k) == "مضي" {
			k++
		}
	case r.key(k) == "مرور" || r.key(k) == "مضي":
		k++
	case k == s[0]:
	default:
		return ageClue{}, false
	}
	n, u, more, approx, next, ok := r.durationAt(k, s[1])
	if !ok || next >= s[1] || r.key(next) != "علي" && r.key(next) != "من" {
		return ageClue{}, false
	}
	tol := map[int]int{unitDay: 1, unitWeek: 3, unitMonth: 10, unitYear: 30}[u]
	clue := ageClue{first: i, span: func(lo, hi time.Time) (time.Time, time.Time) {
		switch {
		case more:
			return shift(lo, u, n), shift(hi, u, n+1).AddDate(0, 0, -1)
		case approx:
			return shift(lo, u, n).AddDate(0, 0, -2*tol), shift(hi, u, n).AddDate(0, 0, 2*tol)
		}
		return shift(lo, u, n).AddDate(0, 0, -2), shift(hi, u, n).AddDate(0, 0, tol)
	}}
	return r.referentAfter(clue, next+1, s)
}

// anniversary reads «الذكرى الثانية لسقوط الموصل», «الذكرى السنوية
// العاشرة للحرب»: the article is within a week of the anniversary.
func (r *refiner) anniversary(i int, s [2]int) (ageClue, bool) {
	if r.key(i) != "ذكري" {
		return ageClue{}, false
	}
	k := i + 1
	if r.key(k) == "سنويه" {
		k++
	}
	n, next, ok := r.ordinalAt(k, s[1])
	if !ok || n < 1 {
		return ageClue{}, false
	}
	if r.key(next) == "سنويه" {
		next++
	}
	clue := ageClue{first: i, span: func(lo, hi time.Time) (time.Time, time.Time) {
		return shift(lo, unitYear, n).AddDate(0, 0, -7), shift(hi, unitYear, n).AddDate(0, 0, 7)
	}}
	return r.referentAfter(clue, next, s)
}

// referentAfter finds what an elapsed time counts from, within three
// tokens of k: a timeline name or a word for the article's war.
func (r *refiner) referentAfter(clue ageClue, k int, s [2]int) (ageClue, bool) {
	for j := k; j < min(s[1], k+3); j++ {
		if m, ok := r.mentionStartingAt(j); ok {
			clue.war, clue.landmark, clue.last = m.War, m.Landmark, m.Last
			return clue, true
		}
		if r.keyIn(j, referentWords) {
			clue.last = j
			// «اندلاع الحرب في السودان»: a name right after still decides.
			if m, ok := r.mentionStartingAt(j + 1); ok && m.War != nil {
				clue.war, clue.last = m.War, m.Last
			}
			return clue, true
		}
	}
	return ageClue{}, false
}

// mentionStartingAt and mentionEndingAt find a timeline name at token k.
func (r *refiner) mentionStartingAt(k int) (timeline.Mention, bool) {
	for _, m := range r.mentions {
		if m.First == k {
			return m, true
		}
	}
	return timeline.Mention{}, false
}

func (r *refiner) mentionEndingAt(k int) (timeline.Mention, bool) {
	for _, m := range r.mentions {
		if m.Last == k {
			return m, true
		}
	}
	return timeline.Mention{}, false
}

// resolveAge turns a clue into a constraint: from its referent, or from
// the article's war as the docs of warTime say.
func (r *refiner) resolveAge(clue ageClue, w Window) (Constraint, bool) {
	text := r.text(clue.first, clue.last)
	if l := clue.landmark; l != nil && clue.war == nil {
		from, to := clue.span(l.Date, l.Date)
		return Constraint{From: from, To: to, Strength: StrengthWarTime,
			Evidence: fmt.Sprintf("«%s» (from %s, %s)", text, l.ID, day(l.Date))}, true
	}
	type cand struct {
		war      *timeline.War
		from, to time.Time
		named    bool
	}
	var cands []cand
	consider := func(war *timeline.War, named bool) {
		for _, c := range cands {
			if c.war == war {
				return
			}
		}
		from, to := clue.span(war.Earliest(), war.Latest())
		if end := war.End(); !end.IsZero() && from.After(end) {
			return // the war was over before it reached that age
		}
		if !w.From.IsZero() && to.Before(w.From) || !w.To.IsZero() && from.After(w.To) {
			return
		}
		cands = append(cands, cand{war: war, from: from, to: to, named: named})
	}
	if clue.war != nil {
		consider(clue.war, true)
	} else {
		for _, m := range r.mentions {
			if m.War != nil {
				consider(m.War, true)
			}
		}
		for _, c := range r.mainCountries() {
			for _, war := range r.tl.WarsOf(c) {
				consider(war, false)
			}
		}
	}
	if len(cands) == 0 {
		return Constraint{}, false
	}
	sort.SliceStable(cands, func(a, b int) bool {
		if cands[a].named != cands[b].named {
			return cands[a].named
		}
		return cands[a].war.From.After(cands[b].war.From)
	})
	c := cands[0]
	return Constraint{From: c.from, To: c.to, Strength: StrengthWarTime,
		Evidence: fmt.Sprintf("«%s» (war %s from %s)", text, c.war.ID, day(c.war.Earliest()))}, true
}

// ordinalAt reads an ordinal at token k: «السابع», «الحادي عشر», «الـ100»,
// «100». It returns the number and the token after it.
func (r *refiner) ordinalAt(k, end int) (int, int, bool) {
	if k >= end {
		return 0, k, false
	}
	t := &r.toks[k]
	if t.Kind == arabic.Word && (t.Norm == "ال" || t.Norm == "الـ") && k+1 < end && r.toks[k+1].Kind == arabic.Number {
		k++
		t = &r.toks[k]
	}
	if t.Kind == arabic.Number {
		n, ok := arabic.ParseNumber(t.Text)
		return int(n), k + 1, ok && n > 0 && n < 10000
	}
	key := r.key(k)
	if key == "حادي" || key == "حاديه" {
		if k+1 < end && (r.key(k+1) == "عشر" || r.key(k+1) == "عشره") {
			return 11, k + 2, true
		}
		return 0, k, false
	}
	n := ordinals[key]
	if n == 0 {
		return 0, k, false
	}
	if n < 10 && k+1 < end && (r.key(k+1) == "عشر" || r.key(k+1) == "عشره") {
		return n + 10, k + 2, true
	}
	return n, k + 1, true
}

// durationAt reads a span of time at token k: «عام», «عامين», «ستة أشهر»,
// «100 يوم», «أكثر من عام», «نحو عامين».
func (r *refiner) durationAt(k, end int) (n, unit int, more, approx bool, next int, ok bool) {
	if k+1 < end && r.key(k) == "اكثر" && r.key(k+1) == "من" {
		more, k = true, k+2
	} else if k < end && r.keyIn(k, approxWords) {
		approx, k = true, k+1
	}
	if k >= end {
		return 0, 0, false, false, k, false
	}
	key := r.key(k)
	if u := dualUnits[key]; u != 0 {
		return 2, u, more, approx, k + 1, true
	}
	if u := countUnits[key]; u != 0 {
		return 1, u, more, approx, k + 1, true
	}
	v, okN := arabic.ParseNumber(r.toks[k].Text)
	if !okN || v < 1 || v > 5000 || k+1 >= end {
		return 0, 0, false, false, k, false
	}
	if u := countUnits[r.key(k+1)]; u != 0 {
		return int(v), u, more, approx, k + 2, true
	}
	return 0, 0, false, false, k, false
}

// shift moves t by n units.
func shift(t time.Time, unit, n int) time.Time {
	switch unit {
	case unitDay:
		return t.AddDate(0, 0, n)
	case unitWeek:
		return t.AddDate(0, 0, 7*n)
	case unitMonth:
		return t.AddDate(0, n, 0)
	}
	return t.AddDate(n, 0, 0)
}
