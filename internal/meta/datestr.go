package meta

import (
	"strconv"
	"strings"
	"time"
)

// monthNumbers maps folded Gregorian month names — Egyptian/Gulf
// (يناير), Levantine/Iraqi (كانون الثاني), Maghrebi (جانفي) and English — to
// their numbers. Hijri months are left out on purpose: a stamp such as
// «5 ذو الحجة 1445 هـ - 13 يونيو 2024» is read by its Gregorian part.
var monthNumbers = func() map[string]int {
	names := [][]string{
		{"يناير", "كانون الثاني", "جانفي", "january", "jan"},
		{"فبراير", "شباط", "فيفري", "february", "feb"},
		{"مارس", "آذار", "march", "mar"},
		{"أبريل", "ابريل", "إبريل", "نيسان", "أفريل", "april", "apr"},
		{"مايو", "أيار", "ماي", "may"},
		{"يونيو", "يونيه", "حزيران", "جوان", "june", "jun"},
		{"يوليو", "يوليه", "تموز", "جويلية", "july", "jul"},
		{"أغسطس", "اغسطس", "آب", "أوت", "august", "aug"},
		{"سبتمبر", "أيلول", "september", "sep", "sept"},
		{"أكتوبر", "اكتوبر", "تشرين الأول", "october", "oct"},
		{"نوفمبر", "تشرين الثاني", "november", "nov"},
		{"ديسمبر", "كانون الأول", "december", "dec"},
	}
	m := map[string]int{}
	for i, ns := range names {
		for _, n := range ns {
			m[foldWords(n)] = i + 1
		}
	}
	return m
}()

// ParseStated reads a date as pages and metadata state it: ISO 8601
// ("2024-08-03T09:40:00+03:00"), numeric day-first stamps ("27 - 11 -
// 2024", "18/01/2025"; month-first when the day cannot be a month), year
// first ("2025/01/18"), and month names in Arabic or English with weekday,
// time and Hijri equivalent around them ("Jun 6, 2020", «السبت 18 يناير 2025 -
// 09:45 م»). A date without a year is not a stated date.
func ParseStated(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if len(s) >= 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t, true
		}
	}
	for _, layout := range []string{time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC} {
		if t, err := time.Parse(layout, s); err == nil {
			return date(t.Year(), int(t.Month()), t.Day())
		}
	}
	words := strings.Fields(foldWords(s))
	// With a month name: the day is the number next to it, the year the
	// first plausible four-digit number after the day.
	for i := 0; i < len(words); i++ {
		m, n := monthAt(words, i)
		if m == 0 {
			continue
		}
		day, year := 0, 0
		if i > 0 {
			day = small(words[i-1], 31)
		}
		if day == 0 && i+n < len(words) {
			day = small(words[i+n], 31) // "Jun 6, 2020"
		}
		for _, w := range words[i+n:] {
			if y := yearOf(w); y > 0 {
				year = y
				break
			}
		}
		if day > 0 && year > 0 {
			return date(year, m, day)
		}
	}
	// Numbers only: the first run of three that holds a year.
	var nums []string
	for _, w := range words {
		if _, err := strconv.Atoi(w); err == nil {
			nums = append(nums, w)
		}
	}
	for i := 0; i+2 < len(nums); i++ {
		a, b, c := nums[i], nums[i+1], nums[i+2]
		if y := yearOf(a); y > 0 && len(a) == 4 {
			return date(y, small(b, 12), small(c, 31))
		}
		if y := yearOf(c); y > 0 && len(c) == 4 {
			d, m := small(a, 31), small(b, 31)
			if m > 12 && d <= 12 {
				d, m = m, d // month first: "11/27/2024"
			}
			return date(y, m, d)
		}
	}
	return time.Time{}, false
}

// monthAt returns the month named at words[i] (one or two words) and how
// many words the name spans; 0 when none.
func monthAt(words []string, i int) (int, int) {
	if i+1 < len(words) {
		if m := monthNumbers[words[i]+" "+words[i+1]]; m > 0 {
			return m, 2
		}
	}
	return monthNumbers[words[i]], 1
}

// small parses w as a number from 1 to max; 0 otherwise.
func small(w string, max int) int {
	w = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "th"), "st"), "nd")
	n, err := strconv.Atoi(w)
	if err != nil || n < 1 || n > max || len(w) > 2 {
		return 0
	}
	return n
}

// yearOf parses a four-digit Gregorian year of the news era; 0 otherwise.
func yearOf(w string) int {
	if len(w) != 4 {
		return 0
	}
	n, err := strconv.Atoi(w)
	if err != nil || n < 1900 || n > 2200 {
		return 0
	}
	return n
}

// date builds a calendar date, refusing impossible ones (31 February).
func date(y, m, d int) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}
