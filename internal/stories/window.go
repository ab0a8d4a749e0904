package stories

import (
	"time"

	"github.com/marsad/marsad/internal/record"
)

// day counts days since 1970-01-01; arithmetic on dates is integer arithmetic.
type day int32

// parseDay reads a YYYY-MM-DD date.
func parseDay(s string) (day, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	num := func(b string) (int, bool) {
		n := 0
		for i := 0; i < len(b); i++ {
			if b[i] < '0' || b[i] > '9' {
				return 0, false
			}
			n = n*10 + int(b[i]-'0')
		}
		return n, true
	}
	y, ok1 := num(s[:4])
	m, ok2 := num(s[5:7])
	d, ok3 := num(s[8:])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 2019-02-30 rolls over: reject
		return 0, false
	}
	return day(t.Unix() / 86400), true
}

// String formats the day as YYYY-MM-DD.
func (d day) String() string {
	return time.Unix(int64(d)*86400, 0).UTC().Format("2006-01-02")
}

// window is a closed range of days: when something happened or was published,
// as precisely as the text allows.
type window struct{ from, to day }

func (w window) width() int { return int(w.to-w.from) + 1 }

// gap is the number of days between two windows, 0 when they overlap.
func (w window) gap(o window) int {
	return max(0, int(w.from-o.to), int(o.from-w.to))
}

// windowOf builds a window from the three optional date fields records use.
func windowOf(date, from, to *string) (window, bool) {
	if date != nil {
		if d, ok := parseDay(*date); ok {
			return window{d, d}, true
		}
	}
	f, okF := day(0), false
	t, okT := day(0), false
	if from != nil {
		f, okF = parseDay(*from)
	}
	if to != nil {
		t, okT = parseDay(*to)
	}
	switch {
	case okF && okT && f <= t:
		return window{f, t}, true
	case okF && okT: // reversed: take it as meant
		return window{t, f}, true
	case okF:
		return window{f, f}, true
	case okT:
		return window{t, t}, true
	}
	return window{}, false
}

// publishedWindow is the document's publication window.
func publishedWindow(d *record.Document) (window, bool) {
	p := d.Published
	return windowOf(p.Date, p.From, p.To)
}

// reportLead is how long before its publication an undated event is assumed
// to have happened at most: news reports events of the past days or weeks.
const reportLead = 14

// eventWindow is when an event happened: its own dates, or else the weeks
// before the article's publication.
func eventWindow(e *record.Event, pub window, pubOK bool) (window, bool) {
	if w, ok := windowOf(e.Date, e.DateFrom, e.DateTo); ok {
		return w, true
	}
	if pubOK {
		return window{pub.from - reportLead, pub.to}, true
	}
	return window{}, false
}
