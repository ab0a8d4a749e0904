package arabic

import (
	"strconv"
	"strings"
	"time"
)

var (
	timeOfDay  = []string{"صباح", "مساء", "ليل", "ليله", "فجر", "ظهر", "عصر", "ظهيره", "صبيحه", "عشيه", "نهار", "منتصف"}
	notToday   = map[string]bool{}
	notMonday  = map[string]bool{}
	periodPart = map[string]int{}
)

// Readers of date expressions, as bits of a trigger mask, in the order
// dateReader.at tries them.
const (
	trigPart uint8 = 1 << iota
	trigDay
	trigNumeric
	trigCalendar
	trigYear
	trigPeriod
	trigAgo
)

// leadIns are the words that may precede a plural period («خلال الأيام
// الماضية»), and pluralPeriods those periods.
var (
	leadIns       = map[string]bool{"في": true, "خلال": true, "طيله": true, "طوال": true}
	pluralPeriods = map[string]bool{"الساعات": true, "الايام": true, "الاسابيع": true, "الاشهر": true, "الشهور": true}
)

// dateTriggers maps the normalised words a date expression can begin with
// (with and without the article) to the readers that may start there.
var dateTriggers = map[string]uint8{}

// Parts of a period.
const (
	partEarly = iota + 1
	partMiddle
	partLate
)

func init() {
	for _, w := range []string{"الاول", "الثاني", "الثالث", "الرابع", "الخامس", "التالي", "السابق", "نفسه", "ذاته",
		"الذي", "التي", "الوطني", "العالمي", "الدولي", "الاخير", "المشهود", "الموعود"} {
		notToday[w] = true
	}
	for _, w := range []string{"معا", "من", "منهما", "منهم", "كليهما", "الاخرين"} {
		notMonday[w] = true
	}
	trig := func(m uint8, words ...string) {
		for _, w := range words {
			dateTriggers[w] |= m
			if strings.HasPrefix(w, "ال") {
				dateTriggers[w[len("ال"):]] |= m
			}
		}
	}
	for w := range monthWords {
		trig(trigCalendar, w)
	}
	for w := range weekdayWords {
		trig(trigDay, w)
	}
	for w := range ordinalDays {
		trig(trigCalendar, w)
	}
	trig(trigDay, timeOfDay...)
	trig(trigDay, "يوم", "امس", "البارحه", "الامس", "اول", "اليوم", "الليله", "غدا", "غد")
	trig(trigDay|trigAgo, "بعد")
	trig(trigAgo, "منذ", "قبل")
	trig(trigYear, "عام", "العام", "سنه", "السنه", "عامي")
	trig(trigYear|trigPeriod, "هذا", "هذه")
	trig(trigPeriod, "الاسبوع", "الشهر", "خلال", "طيله", "طوال", "في", "الساعات", "الايام", "الاسابيع", "الاشهر", "الشهور")
	trig(trigCalendar, "شهر")
	for w, p := range map[string]int{
		"مطلع": partEarly, "اوايل": partEarly, "بدايه": partEarly, "مستهل": partEarly, "اول": partEarly,
		"منتصف": partMiddle, "اواسط": partMiddle,
		"اواخر": partLate, "نهايه": partLate, "ختام": partLate, "اخر": partLate,
	} {
		periodPart[w] = p
		trig(trigPart, w)
	}
}

// dayWord reads deictic days and weekdays, with a time of day before them:
// «أمس», «مساء أمس», «أول أمس», «اليوم», «غداً», «يوم الجمعة», «الخميس
// الماضي», «ليل أمس الخميس», «ليلة السبت».
func (d *dateReader) dayWord(j int) (DateExpr, int, bool) {
	k := j
	eve := false
	if tod, ok := d.base(k, func(s string) bool { return contains(timeOfDay, s) }); ok {
		eve = tod == "ليله"
		k++
	}
	if d.is(k, "يوم") {
		k++
	}
	switch {
	case d.is(k, "امس", "البارحه", "الامس"):
		off := -1
		k++
		if d.isExact(k, "الاول") {
			off, k = -2, k+1 // «أمس الأول»
		}
		t := d.ref.AddDate(0, 0, off)
		from, p := t, Day
		if wd, ok := d.weekdayAt(k); ok {
			k++
			if wd != t.Weekday() {
				// «أمس الجمعة» in a text dated Wednesday: the text is older
				// than its date. The day was that Friday, or at latest
				// the day before the reference.
				from = t.AddDate(0, 0, -((int(t.Weekday()) - int(wd) + 7) % 7))
				p = Week
			}
		}
		return window(from, t, p, DeicticDate, true), k, true
	case d.is(k, "اول") && (d.isExact(k+1, "امس") || d.isExact(k+1, "من") && d.isExact(k+2, "امس")):
		if d.isExact(k+1, "من") {
			k++
		}
		t := d.ref.AddDate(0, 0, -2)
		return window(t, t, Day, DeicticDate, true), k + 2, true
	case d.is(k, "اليوم") && !notToday[d.norm(k+1)] && !d.isExact(k-1, "ذلك", "نفس", "ذات"):
		k++
		if _, ok := d.weekdayAt(k); ok {
			k++ // «اليوم الأحد»
		}
		return window(d.ref, d.ref, Day, DeicticDate, true), k, true
	case d.is(k, "الليله") && !d.isExact(k+1, "الماضيه", "الاولي"):
		return window(d.ref, d.ref, Day, DeicticDate, true), k + 1, true
	case d.is(k, "غدا"):
		t := d.ref.AddDate(0, 0, 1)
		return d.future(window(t, t, Day, DeicticDate, true)), k + 1, true
	case d.is(k, "بعد") && d.isExact(k+1, "غد"):
		t := d.ref.AddDate(0, 0, 2)
		return d.future(window(t, t, Day, DeicticDate, true)), k + 2, true
	}
	wd, ok := d.weekdayAt(k)
	if !ok {
		return DateExpr{}, j, false
	}
	k++
	// An explicit date after the weekday decides: «الجمعة 5 يونيو 2020».
	if e, n, ok := d.calendar(k); ok && e.Precision == Day {
		return e, n, true
	}
	if e, n, ok := d.numeric(k); ok && e.Precision == Day {
		return e, n, true
	}
	var t time.Time
	switch q := d.qualifierAt(k); q {
	case qualFuture:
		k++
		t = d.ref.AddDate(0, 0, (int(wd)-int(d.ref.Weekday())+6)%7+1)
	default:
		back := (int(d.ref.Weekday()) - int(wd) + 7) % 7
		if q == qualPast {
			k++
			if back == 0 {
				back = 7
			}
		}
		t = d.ref.AddDate(0, 0, -back)
	}
	from := t
	if eve {
		from = t.AddDate(0, 0, -1) // «ليلة الجمعة» is Thursday night
	}
	return d.future(window(from, t, Day, WeekdayDate, true)), k, true
}

// weekdayAt reads a weekday name at token j, unless the word means «the
// two» («بين الاثنين»).
func (d *dateReader) weekdayAt(j int) (time.Weekday, bool) {
	if d.norm(j) == "" {
		return 0, false
	}
	wd, ok := Weekday(d.toks[j].Norm)
	if !ok {
		return 0, false
	}
	if wd == time.Monday && (notMonday[d.norm(j+1)] || d.isExact(j-1, "بين", "كلا")) {
		return 0, false
	}
	if wd == time.Sunday && d.isExact(j+1, "من") {
		return 0, false // «الأحد من» is «the one of»
	}
	return wd, true
}

// numeric reads «2020-06-05», «05/06/2020» (day first, the Arab
// convention; month first only when the day could not be a month),
// «2020/06/05», «5.6.2020», «06/2020» and «2019-2020».
func (d *dateReader) numeric(j int) (DateExpr, int, bool) {
	if j >= len(d.toks) || d.toks[j].Kind != Number {
		return DateExpr{}, j, false
	}
	t := d.toks[j]
	if j >= 2 && d.toks[j-1].Kind == Punct && isDateSep(d.toks[j-1].Norm) && d.toks[j-2].Kind == Number &&
		d.toks[j-1].Start == d.toks[j-2].End && d.toks[j].Start == d.toks[j-1].End {
		return DateExpr{}, j, false // the middle of a chain that did not read as a date
	}
	var parts []string
	k := j + 1
	if strings.Count(t.Norm, ".") == 2 && !strings.Contains(t.Norm, ",") {
		parts = strings.Split(t.Norm, ".")
	} else {
		parts = []string{t.Norm}
		sep := ""
		spaced := false
		for len(parts) < 3 && k+1 < len(d.toks) && d.toks[k].Kind == Punct && isDateSep(d.toks[k].Norm) &&
			d.toks[k].Norm != ":" && (sep == "" || sep == d.toks[k].Norm) && d.toks[k+1].Kind == Number {
			spaced = spaced || d.toks[k].Start != d.toks[k-1].End || d.toks[k+1].Start != d.toks[k].End
			sep = d.toks[k].Norm
			parts = append(parts, d.toks[k+1].Norm)
			k += 2
		}
		if spaced && len(parts) < 3 {
			return DateExpr{}, j, false // «10 - 15» is a range; only «27 - 11 - 2024» reads as a date
		}
	}
	if len(parts) < 2 {
		return DateExpr{}, j, false
	}
	n := make([]int, len(parts))
	for i, p := range parts {
		if p == "" || len(p) > 4 || strings.ContainsAny(p, ".,،") {
			return DateExpr{}, j, false
		}
		v, err := strconv.Atoi(p)
		if err != nil {
			return DateExpr{}, j, false
		}
		n[i] = v
	}
	if d.isExact(k, "م") {
		k++
	}
	if len(parts) == 2 {
		switch {
		case len(parts[0]) == 4 && len(parts[1]) == 4 && n[1] > n[0] && n[0] >= 1000:
			return window(day(n[0], 1, 1), day(n[1], 12, 31), Year, YearDate, false), k, true
		case len(parts[1]) == 4 && n[0] >= 1 && n[0] <= 12:
			m := time.Month(n[0])
			return window(day(n[1], m, 1), monthEnd(n[1], m), Month, NumericDate, false), k, true
		case len(parts[0]) == 4 && n[1] >= 1 && n[1] <= 12:
			m := time.Month(n[1])
			return window(day(n[0], m, 1), monthEnd(n[0], m), Month, NumericDate, false), k, true
		}
		return DateExpr{}, j, false
	}
	var y, m, dd int
	switch {
	case len(parts[0]) == 4:
		y, m, dd = n[0], n[1], n[2]
	case len(parts[2]) == 4:
		y, m, dd = n[2], n[1], n[0]
		if m > 12 && dd <= 12 {
			m, dd = dd, m // 06/25/2020: an English-style date
		}
	default:
		return DateExpr{}, j, false
	}
	if y < 1000 || m < 1 || m > 12 || dd < 1 || dd > daysIn(y, time.Month(m)) {
		return DateExpr{}, j, false
	}
	at := day(y, time.Month(m), dd)
	return window(at, at, Day, NumericDate, false), k, true
}

// year reads «عام 2019», «العام 2019», «سنة 2019», «عامي 2019 و2020»,
// «عام 1441 هـ», «العام الماضي», «هذا العام», and a bare year after «في»,
// «منذ» and the like or before «م».
func (d *dateReader) year(j int) (DateExpr, int, bool) {
	k := j
	switch {
	case d.is(k, "عام", "العام", "سنه", "السنه", "عامي"):
		if y, hijri, n, ok := d.yearNumber(k + 1); ok {
			last := y
			if d.isExact(n, "و") && d.toks[min(n+1, len(d.toks)-1)].Kind == Number {
				if y2, _, n2, ok := d.yearNumber(n + 1); ok && y2 > y {
					last, n = y2, n2 // «عامي 2019 و2020»
				}
			}
			if hijri {
				return d.hijriYear(y, last), n, true
			}
			return window(day(y, 1, 1), day(last, 12, 31), Year, YearDate, false), n, true
		}
		if d.is(k, "العام", "السنه") {
			if q := d.qualifierAt(k + 1); q != qualNone {
				return d.relYear(q), k + 2, true
			}
		}
	case d.is(k, "هذا", "هذه") && d.isExact(k+1, "العام", "السنه"):
		return d.relYear(qualCurrent), k + 2, true
	case j < len(d.toks) && d.toks[j].Kind == Number && digitCount(d.toks[j].Norm) == 4 && len(d.toks[j].Norm) == 4:
		y, _ := strconv.Atoi(d.toks[j].Norm)
		if d.isExact(j+1, "م") || y >= 1900 && y <= 2100 && j > 0 && yearContext[d.norm(j-1)] && !d.followsCount(j+1) {
			n := j + 1
			if d.isExact(n, "م") {
				n++
			}
			return window(day(y, 1, 1), day(y, 12, 31), Year, YearDate, false), n, true
		}
	}
	return DateExpr{}, j, false
}

// followsCount reports whether token j is a noun that makes the figure
// before it a count («في 2000 منزل»), not a year.
func (d *dateReader) followsCount(j int) bool {
	n := d.norm(j)
	return n != "" && !nounStop[n] && d.qualifierAt(j) == qualNone && !isMonthWord(n)
}

// yearNumber reads a year figure at token j, with «م» or «هـ» after it.
func (d *dateReader) yearNumber(j int) (y int, hijri bool, next int, ok bool) {
	if j >= len(d.toks) || d.toks[j].Kind != Number {
		return 0, false, j, false
	}
	s := d.toks[j].Norm
	if len(s) < 3 || len(s) > 4 || digitCount(s) != len(s) {
		return 0, false, j, false
	}
	y, _ = strconv.Atoi(s)
	next = j + 1
	switch d.norm(next) {
	case "م":
		next++
	case "ه", "هجري", "هجريه", "للهجره":
		hijri = true
		next++
	}
	return y, hijri, next, true
}

// relYear is the year before, of, or after the reference day.
func (d *dateReader) relYear(q int) DateExpr {
	y := d.ref.Year()
	switch q {
	case qualPast:
		y--
	case qualFuture:
		y++
	}
	return d.future(window(day(y, 1, 1), day(y, 12, 31), Year, YearDate, true))
}

// hijriYear is the Gregorian window of Hijri years first..last.
func (d *dateReader) hijriYear(first, last int) DateExpr {
	from := HijriToGregorian(first, 1, 1).AddDate(0, 0, -1)
	to := HijriToGregorian(last, 12, hijriMonthLength(last, 12)).AddDate(0, 0, 1)
	return window(from, to, Year, HijriDate, false)
}

func contains(list []string, s string) bool {
	for _, w := range list {
		if w == s {
			return true
		}
	}
	return false
}
