package arabic

import (
	"strconv"
	"time"
)

// ordinalDays are the masculine ordinals a day of the month is read with
// («الخامس من يونيو»).
var ordinalDays = map[string]int{
	"الاول": 1, "الحادي": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6,
	"السابع": 7, "الثامن": 8, "التاسع": 9, "العاشر": 10, "العشرين": 20, "الثلاثين": 30,
}

// calendar reads a month-name date: «5 يونيو 2020», «29 مايو الماضي»,
// «يونيو/حزيران 2020», «في يوليو من عام 2019», «الخامس من حزيران»,
// «كانون الثاني», «15 رمضان 1441 هـ».
func (d *dateReader) calendar(j int) (DateExpr, int, bool) {
	k := j
	dayNum := 0
	if k < len(d.toks) && d.toks[k].Kind == Number && len(d.toks[k].Norm) <= 2 && digitCount(d.toks[k].Norm) == len(d.toks[k].Norm) {
		dayNum, _ = strconv.Atoi(d.toks[k].Norm)
		k++
		if d.isExact(k, "من") {
			k++
		}
	} else if n, k2, ok := d.ordinalDay(k); ok && d.isExact(k2, "من") {
		dayNum, k = n, k2+1
	}
	if dayNum < 0 || dayNum > 31 || dayNum == 0 && k != j {
		return DateExpr{}, j, false
	}
	if dayNum > 0 && k > j && d.isExact(k-1, "من") {
		// «العاشر من الشهر الماضي», «5 من الشهر الجاري», «الأول من هذا الشهر»
		if e, n, ok := d.dayOfRelativeMonth(k, dayNum); ok {
			return e, n, true
		}
	}
	named := false
	if d.is(k, "شهر") {
		named = true // «شهر يونيو»
		k++
	}
	me, k2, ok := d.monthAt(k)
	if !ok {
		return DateExpr{}, j, false
	}
	k = k2
	paired := false
	// A second name for the same month: «يونيو/حزيران», «حزيران (يونيو)».
	if k+1 < len(d.toks) && d.toks[k].Kind == Punct && (d.toks[k].Norm == "/" || d.toks[k].Norm == "-") {
		if _, k3, ok := d.monthAt(k + 1); ok {
			k, paired = k3, true
		}
	} else if k+2 < len(d.toks) && d.toks[k].Norm == "(" {
		if _, k3, ok := d.monthAt(k + 1); ok && k3 < len(d.toks) && d.toks[k3].Norm == ")" {
			k, paired = k3+1, true
		}
	}
	y, hijri, k3, hasYear := d.yearAfter(k, me.hijri)
	relYear := 0
	q := qualNone
	if hasYear {
		k = k3
	} else {
		switch {
		case d.isExact(k, "من") && d.isExact(k+1, "العام", "السنه") && d.qualifierAt(k+2) != qualNone:
			relYear, k = d.qualifierAt(k+2), k+3
		case d.isExact(k, "من") && d.isExact(k+1, "هذا", "هذه") && d.isExact(k+2, "العام", "السنه"):
			relYear, k = qualCurrent, k+3
		default:
			if q = d.qualifierAt(k); q != qualNone {
				k++
			}
		}
	}
	if me.ambiguous && dayNum == 0 && !hasYear && relYear == qualNone && q == qualNone && !named && !paired {
		return DateExpr{}, j, false // «مارس» the verb, «صفر» the figure
	}
	if me.hijri || hijri {
		e, ok := d.hijriDate(me.month, dayNum, y, hasYear, q)
		return e, k, ok
	}
	m := time.Month(me.month)
	rel := !hasYear
	switch {
	case hasYear:
	case relYear != qualNone:
		y = d.relYear(relYear).From.Year()
	default:
		y = d.yearFor(m, dayNum, q)
	}
	if dayNum > daysIn(y, m) {
		return DateExpr{}, j, false
	}
	var e DateExpr
	if dayNum > 0 {
		at := day(y, m, dayNum)
		e = window(at, at, Day, CalendarDate, rel)
	} else {
		e = window(day(y, m, 1), monthEnd(y, m), Month, CalendarDate, rel)
	}
	return d.future(e), k, true
}

// yearFor resolves the year of a month (and day) stated without one: the
// nearest occurrence on or before the reference day, strictly before it
// with «الماضي», strictly after it with «المقبل», in its year with
// «الجاري».
func (d *dateReader) yearFor(m time.Month, dayNum, q int) int {
	y := d.ref.Year()
	probe := func(y int) time.Time {
		if dayNum > 0 {
			return day(y, m, min(dayNum, daysIn(y, m)))
		}
		return day(y, m, 1)
	}
	refKey := d.ref
	if dayNum == 0 {
		refKey = day(d.ref.Year(), d.ref.Month(), 1)
	}
	switch q {
	case qualCurrent:
		return y
	case qualFuture:
		if !probe(y).After(refKey) {
			y++
		}
		return y
	case qualPast:
		if !probe(y).Before(refKey) {
			y--
		}
		return y
	}
	if probe(y).After(refKey) {
		y--
	}
	return y
}

// hijriDate resolves a Hijri month (and day, and year) to Gregorian days,
// widened by a day either side for the sighting calendars.
func (d *dateReader) hijriDate(month, dayNum, y int, hasYear bool, q int) (DateExpr, bool) {
	if !hasYear {
		if !d.hasRef {
			return DateExpr{}, false
		}
		hy, hm, hd := GregorianToHijri(d.ref)
		y = hy
		after := month > hm || month == hm && dayNum > hd
		switch {
		case q == qualFuture && !after:
			y++
		case q == qualPast && (after || month == hm && (dayNum == 0 || dayNum == hd)):
			y--
		case q == qualNone && after:
			y--
		}
	}
	if y < 1 || y > 9999 || dayNum > hijriMonthLength(y, month) {
		return DateExpr{}, false
	}
	var e DateExpr
	if dayNum > 0 {
		at := HijriToGregorian(y, month, dayNum)
		e = window(at.AddDate(0, 0, -1), at.AddDate(0, 0, 1), Day, HijriDate, !hasYear)
	} else {
		e = window(HijriToGregorian(y, month, 1).AddDate(0, 0, -1),
			HijriToGregorian(y, month, hijriMonthLength(y, month)).AddDate(0, 0, 1), Month, HijriDate, !hasYear)
	}
	return d.future(e), true
}

// ordinalDay reads a day ordinal at token j: «الخامس», «الحادي عشر»,
// «الخامس والعشرين», «الثلاثين».
func (d *dateReader) ordinalDay(j int) (int, int, bool) {
	n, ok := ordinalDays[d.norm(j)]
	if !ok {
		return 0, j, false
	}
	next := d.norm(j + 1)
	switch {
	case n < 10 && (next == "عشر"):
		return n + 10, j + 2, true
	case n < 10 && (next == "والعشرين" || next == "والثلاثين"):
		if next == "والعشرين" {
			return n + 20, j + 2, true
		}
		if n == 1 {
			return 31, j + 2, true
		}
		return 0, j, false
	case d.norm(j) == "الحادي":
		return 0, j, false
	}
	return n, j + 1, true
}

// monthAt reads a month name at token j, one word or two («كانون الثاني»).
func (d *dateReader) monthAt(j int) (monthEntry, int, bool) {
	var entries []monthEntry
	if _, ok := d.base(j, func(s string) bool {
		entries = monthWords[s]
		return len(entries) > 0
	}); !ok {
		return monthEntry{}, j, false
	}
	next := d.norm(j + 1)
	for _, e := range entries {
		if e.second != "" && e.second == next {
			return e, j + 2, true
		}
	}
	for _, e := range entries {
		if e.second == "" {
			return e, j + 1, true
		}
	}
	return monthEntry{}, j, false
}

// yearAfter reads the year that follows a month name: «2020», «2020م»,
// «من عام 2019», «عام 2019», «1441 هـ».
func (d *dateReader) yearAfter(j int, hijriMonth bool) (y int, hijri bool, next int, ok bool) {
	k := j
	if d.isExact(k, "من") {
		k++
	}
	if d.is(k, "عام", "العام", "سنه", "السنه") {
		k++
	} else if k != j {
		return 0, false, j, false
	}
	y, hijri, next, ok = d.yearNumber(k)
	if !ok {
		return 0, false, j, false
	}
	if y < 1000 && !hijri {
		return 0, false, j, false
	}
	return y, hijri || hijriMonth, next, true
}

// partOf reads the early, middle or late part of a period: «مطلع الشهر»,
// «أواخر مايو الماضي», «منتصف عام 2019», «نهاية 2019», «مطلع العام».
func (d *dateReader) partOf(j int) (DateExpr, int, bool) {
	p := 0
	if _, ok := d.base(j, func(s string) bool { p = periodPart[s]; return p != 0 }); !ok {
		return DateExpr{}, j, false
	}
	k := j + 1
	if d.is(k, "الشهر") || d.isExact(k, "هذا") && d.isExact(k+1, "الشهر") {
		if d.isExact(k, "هذا") {
			k++
		}
		q := d.qualifierAt(k + 1)
		n := k + 1
		if q != qualNone {
			n++
		}
		t := d.ref.AddDate(0, 0, 1-d.ref.Day())
		switch q {
		case qualPast:
			t = t.AddDate(0, -1, 0)
		case qualFuture:
			t = t.AddDate(0, 1, 0)
		}
		return d.future(partOfMonth(t.Year(), t.Month(), p, true)), n, true
	}
	if d.is(k, "الاسبوع") {
		q := d.qualifierAt(k + 1)
		n := k + 1
		if q != qualNone {
			n++
		}
		ws := d.weekOf(q)
		from := ws.AddDate(0, 0, 2*(p-1))
		return d.future(window(from, from.AddDate(0, 0, 2), Week, PeriodDate, true)), n, true
	}
	if e, n, ok := d.year(k); ok && e.Kind == YearDate && e.From.Year() == e.To.Year() {
		return d.future(partOfYear(e.From.Year(), p, e.Relative)), n, true
	}
	if d.is(k, "العام", "السنه") {
		return d.future(partOfYear(d.ref.Year(), p, true)), k + 1, true // «مطلع العام»
	}
	if k < len(d.toks) && d.toks[k].Kind == Number {
		if y, _, n, ok := d.yearNumber(k); ok && y >= 1000 {
			return partOfYear(y, p, false), n, true // «نهاية 2019»
		}
	}
	if e, n, ok := d.calendar(k); ok && e.Precision == Month && e.Kind == CalendarDate {
		return d.future(partOfMonth(e.From.Year(), e.From.Month(), p, e.Relative)), n, true
	}
	return DateExpr{}, j, false
}

func partOfMonth(y int, m time.Month, p int, rel bool) DateExpr {
	switch p {
	case partEarly:
		return window(day(y, m, 1), day(y, m, 10), Week, PeriodDate, rel)
	case partMiddle:
		return window(day(y, m, 10), day(y, m, 20), Week, PeriodDate, rel)
	}
	return window(day(y, m, 20), monthEnd(y, m), Week, PeriodDate, rel)
}

func partOfYear(y, p int, rel bool) DateExpr {
	switch p {
	case partEarly:
		return window(day(y, 1, 1), day(y, 3, 31), Month, PeriodDate, rel)
	case partMiddle:
		return window(day(y, 5, 1), day(y, 8, 31), Month, PeriodDate, rel)
	}
	return window(day(y, 10, 1), day(y, 12, 31), Month, PeriodDate, rel)
}

// weekOf is the Saturday starting the week before, of, or after ref.
func (d *dateReader) weekOf(q int) time.Time {
	ws := weekStart(d.ref)
	switch q {
	case qualPast:
		return ws.AddDate(0, 0, -7)
	case qualFuture:
		return ws.AddDate(0, 0, 7)
	}
	return ws
}

// dayOfRelativeMonth reads «الشهر الماضي», «الشهر الجاري», «هذا الشهر» at
// token j as the month of day dayNum.
func (d *dateReader) dayOfRelativeMonth(j, dayNum int) (DateExpr, int, bool) {
	q, n := qualNone, j
	switch {
	case d.isExact(j, "الشهر") && d.qualifierAt(j+1) != qualNone:
		q, n = d.qualifierAt(j+1), j+2
	case d.isExact(j, "هذا") && d.isExact(j+1, "الشهر"):
		q, n = qualCurrent, j+2
	default:
		return DateExpr{}, j, false
	}
	first := d.ref.AddDate(0, 0, 1-d.ref.Day())
	switch q {
	case qualPast:
		first = first.AddDate(0, -1, 0)
	case qualFuture:
		first = first.AddDate(0, 1, 0)
	}
	if dayNum > daysIn(first.Year(), first.Month()) {
		return DateExpr{}, j, false
	}
	at := day(first.Year(), first.Month(), dayNum)
	return d.future(window(at, at, Day, CalendarDate, true)), n, true
}
