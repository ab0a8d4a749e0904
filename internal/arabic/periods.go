package arabic

import "time"

// Units of time in «قبل يومين», «منذ 14 شهرا», «خلال الأيام الماضية».
const (
	unitHour = iota + 1
	unitDay
	unitWeek
	unitMonth
	unitYear
)

// unitWords maps the singular, plural and accusative forms of each unit.
var unitWords = map[string]int{}

// dualUnits are the dual forms, which carry their own «two».
var dualUnits = map[string]int{}

func init() {
	for u, forms := range map[int][]string{
		unitHour:  {"ساعة", "ساعات", "ساعه"},
		unitDay:   {"يوم", "أيام", "يوما", "يوماً"},
		unitWeek:  {"أسبوع", "أسابيع", "أسبوعا", "أسبوعاً"},
		unitMonth: {"شهر", "أشهر", "شهور", "شهرا", "شهراً"},
		unitYear:  {"عام", "أعوام", "عاما", "عاماً", "سنة", "سنوات", "سنين", "سنه"},
	} {
		for _, f := range forms {
			unitWords[Normalize(f)] = u
		}
	}
	for u, forms := range map[int][]string{
		unitHour:  {"ساعتين", "ساعتان"},
		unitDay:   {"يومين", "يومان"},
		unitWeek:  {"أسبوعين", "أسبوعان"},
		unitMonth: {"شهرين", "شهران"},
		unitYear:  {"عامين", "عامان", "سنتين", "سنتان"},
	} {
		for _, f := range forms {
			dualUnits[Normalize(f)] = u
		}
	}
}

// period reads «الأسبوع الماضي», «هذا الشهر», «الشهر المقبل», «خلال الأيام
// الماضية», «في الأسابيع الأخيرة», «الساعات الماضية».
func (d *dateReader) period(j int) (DateExpr, int, bool) {
	k := j
	if d.isExact(k, "هذا") && d.isExact(k+1, "الاسبوع", "الشهر") {
		return d.calendarPeriod(d.norm(k+1), qualCurrent), k + 2, true
	}
	if d.is(k, "الاسبوع", "الشهر") {
		if q := d.qualifierAt(k + 1); q != qualNone {
			n, _ := d.base(k, func(s string) bool { return s == "الاسبوع" || s == "الشهر" })
			return d.calendarPeriod(n, q), k + 2, true
		}
		return DateExpr{}, j, false
	}
	if d.is(k, "خلال", "طيله", "طوال", "في") {
		k++
	}
	var u int
	switch d.norm(k) {
	case "الساعات":
		u = unitHour
	case "الايام":
		u = unitDay
	case "الاسابيع":
		u = unitWeek
	case "الاشهر", "الشهور":
		u = unitMonth
	default:
		return DateExpr{}, j, false
	}
	k++
	if d.isExact(k, "القليله") {
		k++
	}
	if !d.isExact(k, "الماضيه", "الاخيره", "المنصرمه", "الفايته", "السابقه") {
		return DateExpr{}, j, false
	}
	k++
	from := d.ref
	p := Day
	switch u {
	case unitHour:
		from = d.ref.AddDate(0, 0, -1)
	case unitDay:
		from, p = d.ref.AddDate(0, 0, -7), Week
	case unitWeek:
		from, p = d.ref.AddDate(0, 0, -28), Month
	case unitMonth:
		from, p = d.ref.AddDate(0, -6, 0), Month
	}
	return window(from, d.ref, p, PeriodDate, true), k, true
}

// calendarPeriod is the week or month before, of, or after ref.
func (d *dateReader) calendarPeriod(unit string, q int) DateExpr {
	if unit == "الاسبوع" {
		ws := d.weekOf(q)
		return d.future(window(ws, ws.AddDate(0, 0, 6), Week, PeriodDate, true))
	}
	first := d.ref.AddDate(0, 0, 1-d.ref.Day())
	switch q {
	case qualPast:
		first = first.AddDate(0, -1, 0)
	case qualFuture:
		first = first.AddDate(0, 1, 0)
	}
	return d.future(window(first, monthEnd(first.Year(), first.Month()), Month, PeriodDate, true))
}

// ago reads «منذ 14 شهرا», «قبل يومين», «قبل ثلاثة أيام», «منذ أسبوع»,
// «قبل أيام» and, ahead, «بعد يومين».
func (d *dateReader) ago(j int) (DateExpr, int, bool) {
	sign := -1
	switch {
	case d.is(j, "منذ", "قبل"):
	case d.is(j, "بعد"):
		sign = 1
	default:
		return DateExpr{}, j, false
	}
	k := j + 1
	n := 0.0
	u := 0
	vague := false
	switch w := d.norm(k); {
	case dualUnits[w] != 0:
		n, u = 2, dualUnits[w]
		k++
	case unitWords[w] != 0 && (k+1 >= len(d.toks) || d.toks[k+1].Kind != Number):
		u = unitWords[w]
		switch w {
		case "ايام", "اسابيع", "اشهر", "شهور":
			vague = true // «قبل أيام»: a few
		case "اعوام", "سنوات", "سنين", "ساعات":
			return DateExpr{}, j, false
		default:
			n = 1 // «قبل أسبوع»
		}
		k++
	default:
		v, k2, ok := d.nums.core(k)
		if !ok || v.vague || k2 >= len(d.toks) || unitWords[d.norm(k2)] == 0 {
			return DateExpr{}, j, false
		}
		n, u, k = v.value, unitWords[d.norm(k2)], k2+1
	}
	if n > 100000 {
		return DateExpr{}, j, false
	}
	// «بعد أسبوعين من الهجوم», «قبل يومين من الانتخابات»: the span counts
	// from an event the text names, not from ref. What the phrase dates is
	// that event, read as if the clause it modifies were at ref: two weeks
	// before it for «بعد», two days after it for «قبل».
	anchored := d.isExact(k, "من", "علي") && !d.isExact(k+1, "قبل", "الان", "الحين", "اليوم", "جديد") && !d.is(j, "منذ")
	if anchored {
		sign = -sign
	}
	steps := sign * int(n)
	var e DateExpr
	switch {
	case vague:
		// A few units: between two and six of them.
		far, near := unitShift(d.ref, u, sign*6), unitShift(d.ref, u, sign*2)
		if sign > 0 {
			far, near = near, far
		}
		e = window(far, near, Week, AgoDate, true)
		if u >= unitMonth {
			e.Precision = Month
		}
	case u == unitHour:
		if n <= 24 {
			e = window(d.ref.AddDate(0, 0, min(0, sign)), d.ref.AddDate(0, 0, max(0, sign)), Day, AgoDate, true)
		} else {
			t := d.ref.AddDate(0, 0, steps/24)
			e = window(t, t, Day, AgoDate, true)
		}
	case u == unitDay:
		t := d.ref.AddDate(0, 0, steps)
		e = window(t, t, Day, AgoDate, true)
	case u == unitWeek:
		t := d.ref.AddDate(0, 0, 7*steps)
		e = window(t.AddDate(0, 0, -3), t.AddDate(0, 0, 3), Week, AgoDate, true)
	case u == unitMonth:
		t := d.ref.AddDate(0, 0, 1-d.ref.Day()).AddDate(0, steps, 0)
		e = window(t, monthEnd(t.Year(), t.Month()), Month, AgoDate, true)
	default:
		y := d.ref.Year() + steps
		e = window(day(y, 1, 1), day(y, 12, 31), Year, AgoDate, true)
	}
	e.Anchored = anchored
	return d.future(e), k, true
}

// unitShift moves t by n units.
func unitShift(t time.Time, u, n int) time.Time {
	switch u {
	case unitHour:
		return t.Add(time.Duration(n) * time.Hour)
	case unitDay:
		return t.AddDate(0, 0, n)
	case unitWeek:
		return t.AddDate(0, 0, 7*n)
	case unitMonth:
		return t.AddDate(0, n, 0)
	}
	return t.AddDate(n, 0, 0)
}
