package arabic

import (
	"strings"
	"time"
)

// Precision is how finely a date expression locates its day.
type Precision uint8

// Precisions, finest first.
const (
	Day   Precision = iota // one day: «5 يونيو 2020», «أمس», «الجمعة»
	Week                   // about a week: «الأسبوع الماضي», «مطلع الشهر», «قبل أسبوع»
	Month                  // a month: «يونيو 2020», «الشهر الماضي», «قبل 14 شهرا»
	Year                   // a year: «عام 2019», «العام الماضي»
)

var precisionNames = [...]string{"day", "week", "month", "year"}

// String names the precision ("day", "week", "month", "year").
func (p Precision) String() string {
	if int(p) < len(precisionNames) {
		return precisionNames[p]
	}
	return "precision?"
}

// DateKind says what sort of expression a date was read from.
type DateKind uint8

// Date kinds.
const (
	CalendarDate DateKind = iota // a month name: «5 يونيو 2020», «يونيو/حزيران», «29 مايو الماضي»
	NumericDate                  // «2020-06-05», «05/06/2020», «2020/06/05»
	YearDate                     // «عام 2019», «العام الماضي», «في 2019»
	WeekdayDate                  // «الجمعة», «الخميس الماضي», «أمس الجمعة», «مساء الأحد»
	DeicticDate                  // «أمس», «البارحة», «أول أمس», «اليوم», «غداً»
	PeriodDate                   // «الأسبوع الماضي», «الشهر الماضي», «مطلع الشهر», «خلال الأيام الماضية»
	AgoDate                      // «منذ 14 شهرا», «قبل يومين»
	HijriDate                    // a Hijri calendar date: «15 رمضان 1441 هـ», «عام 1441 هـ»
)

var dateKindNames = [...]string{"calendar", "numeric", "year", "weekday", "deictic", "period", "ago", "hijri"}

// String names the kind ("calendar", "weekday"...).
func (k DateKind) String() string {
	if int(k) < len(dateKindNames) {
		return dateKindNames[k]
	}
	return "kind?"
}

// DateExpr is a date or period stated in text, resolved to days.
type DateExpr struct {
	// Start and End are code-point offsets of the expression in the text.
	Start, End int
	Text       string
	// From and To are the first and last day the expression allows
	// (inclusive, UTC midnight): one day for «أمس», the whole month for
	// «يونيو 2020».
	From, To  time.Time
	Precision Precision
	// Relative is true when the days depend on the reference date («أمس»,
	// «الجمعة», «29 مايو الماضي» without a year).
	Relative bool
	// Future is true when the expression points after the reference date
	// («غداً», «الأسبوع المقبل»): a plan or a forecast, not an event.
	Future bool
	Kind   DateKind
	// Anchored is true for a span counted from an event the text names
	// rather than from ref («بعد أسبوعين من الهجوم», «قبل يومين من
	// الانتخابات»). From and To are then that event's days, read as if the
	// clause the phrase belongs to were at ref: «بعد أسبوعين من الهجوم» in
	// a report dated ref puts the attack two weeks before ref.
	Anchored bool
}

// FindDates returns the date expressions of text, in order, resolved against
// ref, the day the text was written (its publication date). A zero ref
// resolves only absolute expressions: those that state a year («5 يونيو
// 2020», «عام 2019», «نهاية 2019») and full numeric dates.
//
// Relative expressions resolve as a news reader would:
//   - a month and day without a year is their nearest occurrence on or
//     before ref («29 مايو» in June 2020 is 2020-05-29); «الماضي» forces one
//     strictly before ref and «المقبل» one strictly after;
//   - a bare weekday («الجمعة», «يوم الجمعة») is the most recent such day on
//     or before ref: the article's own day counts, so «الجمعة» in a Friday
//     article is that Friday and in a Saturday one the day before; with
//     «الماضي» the day must be strictly before ref, with «المقبل» after;
//     «ليلة الجمعة» is the night before Friday and spans Thursday and Friday;
//   - weeks run Saturday to Friday, as in most Arab countries;
//   - «مطلع/أوائل» a month is its days 1–10, «منتصف» 10–20, «أواخر/نهاية»
//     20 to the end; of a year: January–March, May–August, October–December.
func FindDates(text string, ref time.Time) []DateExpr {
	return FindDatesIn(text, Tokenize(text), ref)
}

// FindDatesIn is FindDates for a text already tokenised: toks must be
// Tokenize(text).
func FindDatesIn(text string, toks []Token, ref time.Time) []DateExpr {
	d := newDateReader(text, toks, ref)
	var out []DateExpr
	for j := 0; j < len(d.toks); {
		if e, next, ok := d.at(j); ok {
			e.Start, e.End = d.toks[j].Start, d.toks[next-1].End
			e.Text = d.text.span(e.Start, e.End)
			if !e.Relative || d.hasRef {
				out = append(out, e)
			}
			j = next
			continue
		}
		j++
	}
	return out
}

// dateReader walks the tokens of one text.
type dateReader struct {
	text   *runeText
	toks   []Token
	nums   numReader
	hasRef bool
	ref    time.Time // UTC midnight of the reference day
}

func newDateReader(text string, toks []Token, ref time.Time) *dateReader {
	d := &dateReader{text: &runeText{s: text}, toks: toks}
	d.nums = numReader{text: d.text, toks: d.toks}
	if !ref.IsZero() {
		d.hasRef = true
		d.ref = day(ref.Year(), ref.Month(), ref.Day())
	}
	return d
}

// at tries the kinds of expression that may start at token j, most
// specific first.
func (d *dateReader) at(j int) (DateExpr, int, bool) {
	mask := d.triggers(j)
	if mask == 0 {
		return DateExpr{}, j, false
	}
	for i, m := range [...]func(*dateReader, int) (DateExpr, int, bool){
		(*dateReader).partOf, (*dateReader).dayWord, (*dateReader).numeric, (*dateReader).calendar,
		(*dateReader).year, (*dateReader).period, (*dateReader).ago,
	} {
		if mask&(1<<i) == 0 {
			continue
		}
		if e, next, ok := m(d, j); ok && next > j {
			return e, next, true
		}
	}
	return DateExpr{}, j, false
}

// triggers returns which readers may start at token j, as a mask of
// trigPart … trigAgo.
func (d *dateReader) triggers(j int) uint8 {
	t := &d.toks[j]
	switch t.Kind {
	case Number:
		return trigNumeric | trigCalendar | trigYear | trigPart
	case Word:
		m := dateTriggers[t.Norm]
		if t.Stem != t.Norm {
			m |= dateTriggers[t.Stem]
		}
		if m == 0 && len(t.Norm) > 4 && len(t.Proclitics()) == 0 {
			switch t.Norm[:2] {
			case "و", "ف", "ب", "ل":
				m |= dateTriggers[t.Norm[2:]] // a clitic the segmenter left on
			}
		}
		if m == trigPeriod && leadIns[t.Stem] && !pluralPeriods[d.norm(j+1)] {
			return 0 // «في», «خلال» lead in only «الأيام الماضية» and the like
		}
		return m
	}
	return 0
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// monthEnd is the last day of a month.
func monthEnd(y int, m time.Month) time.Time { return day(y, m+1, 0) }

func daysIn(y int, m time.Month) int { return monthEnd(y, m).Day() }

// norm is the normal form of token j, or "" when it is not a word.
func (d *dateReader) norm(j int) string {
	if j < 0 || j >= len(d.toks) || d.toks[j].Kind != Word {
		return ""
	}
	return d.toks[j].Norm
}

// base is the normal form of token j without a leading conjunction or
// preposition, provided what is left is accepted: «وأمس» → "امس",
// «للعام» → "العام", «بالأمس» → "الامس".
func (d *dateReader) base(j int, accept func(string) bool) (string, bool) {
	n := d.norm(j)
	if n == "" {
		return "", false
	}
	if accept(n) {
		return n, true
	}
	for _, p := range [...]string{"و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك"} {
		if !strings.HasPrefix(n, p) || len(n) <= len(p)+2 {
			continue
		}
		rest := n[len(p):]
		if strings.HasSuffix(p, "ل") && strings.HasPrefix(rest, "ل") {
			if r := "ا" + rest; accept(r) {
				return r, true // للعام = ل + العام
			}
		}
		if accept(rest) {
			return rest, true
		}
	}
	return "", false
}

// is reports whether token j, clitics aside, is one of words.
func (d *dateReader) is(j int, words ...string) bool {
	_, ok := d.base(j, func(s string) bool {
		for _, w := range words {
			if s == w {
				return true
			}
		}
		return false
	})
	return ok
}

// isExact reports whether token j is exactly one of words (no clitics).
func (d *dateReader) isExact(j int, words ...string) bool {
	n := d.norm(j)
	for _, w := range words {
		if n == w {
			return true
		}
	}
	return false
}

// Qualifiers after a period: past, current, future.
const (
	qualNone = iota
	qualPast
	qualCurrent
	qualFuture
)

// qualifierAt reads «الماضي», «الجاري», «المقبل» and their feminine forms.
func (d *dateReader) qualifierAt(j int) int {
	switch d.norm(j) {
	case "الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفايت", "الفايته", "السابق", "السابقه":
		return qualPast
	case "الجاري", "الجاريه", "الحالي", "الحاليه":
		return qualCurrent
	case "المقبل", "المقبله", "القادم", "القادمه":
		return qualFuture
	}
	return qualNone
}

// window builds a resolved expression.
func window(from, to time.Time, p Precision, kind DateKind, relative bool) DateExpr {
	return DateExpr{From: from, To: to, Precision: p, Kind: kind, Relative: relative}
}

// future marks an expression that lies after the reference day.
func (d *dateReader) future(e DateExpr) DateExpr {
	e.Future = d.hasRef && e.From.After(d.ref)
	return e
}

// weekStart is the Saturday that begins the week of t.
func weekStart(t time.Time) time.Time {
	back := (int(t.Weekday()) + 1) % 7 // Saturday → 0, Sunday → 1, ... Friday → 6
	return t.AddDate(0, 0, -back)
}
