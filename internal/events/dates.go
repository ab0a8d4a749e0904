package events

import (
	"sort"
	"time"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/record"
)

const (
	dayLayout = "2006-01-02"
	// staleAfter is how long before publication an event may lie and still
	// be coded: older ones are background («بعد تحرير غريان في يوليو» in an
	// article of the next June is coded; the 1980s are not).
	staleAfter = 366 * 24 * time.Hour
)

// pubDates is the publication date as the events are resolved against it.
type pubDates struct {
	known bool
	// exact is true when the day itself is known.
	exact bool
	// day is the publication day, or the latest day of the window.
	day      time.Time
	from, to time.Time
}

func publicationDates(p record.Published) pubDates {
	parse := func(s *string) (time.Time, bool) {
		if s == nil {
			return time.Time{}, false
		}
		t, err := time.Parse(dayLayout, *s)
		return t, err == nil
	}
	var out pubDates
	if t, ok := parse(p.Date); ok {
		return pubDates{known: true, exact: true, day: t, from: t, to: t}
	}
	from, okF := parse(p.From)
	to, okT := parse(p.To)
	switch {
	case okF && okT:
		if to.Before(from) {
			from, to = to, from
		}
		out = pubDates{known: true, day: to, from: from, to: to}
	case okT:
		out = pubDates{known: true, day: to, from: to, to: to}
	case okF:
		out = pubDates{known: true, day: from, from: from, to: from}
	}
	return out
}

// refs are the days relative expressions are resolved against: the
// publication day, or both ends of its window.
func (p pubDates) refs() []time.Time {
	switch {
	case !p.known:
		return nil
	case p.exact || p.from.Equal(p.to):
		return []time.Time{p.day}
	}
	return []time.Time{p.from, p.to}
}

// dateMention is a date expression of a sentence, resolved to a window of
// days that covers every reading the publication window allows.
type dateMention struct {
	first, last int // tokens
	from, to    time.Time
	precision   arabic.Precision
	future      bool
	// atFrom is the last day the expression allows read against the
	// earliest publication day.
	atFrom time.Time
	// since is true after «منذ»: the start of a state, not an event's day.
	since bool
	text  string
}

// findDates reads the date expressions of sentence s.
func (c *docContext) findDates(s *sentence) {
	text := string(c.runes[s.span.Start:s.span.End])
	refs := c.pub.refs()
	var found [][]arabic.DateExpr
	if len(refs) == 0 {
		found = append(found, arabic.FindDates(text, time.Time{}))
	}
	for _, r := range refs {
		found = append(found, arabic.FindDates(text, r))
	}
	byStart := map[int]*dateMention{}
	var order []int
	for li, list := range found {
		for _, e := range list {
			dm := byStart[e.Start]
			if dm == nil {
				first, last := c.tokensOf(s.span.Start+e.Start, s.span.Start+e.End)
				if first < 0 {
					continue
				}
				dm = &dateMention{first: first, last: last, from: e.From, to: e.To, precision: e.Precision, future: e.Future, text: e.Text, atFrom: e.To}
				dm.since = first > s.first && c.v.is(first-1, "منذ") || c.v.is(first, "منذ")
				byStart[e.Start] = dm
				order = append(order, e.Start)
				continue
			}
			if li == 0 {
				dm.atFrom = e.To
			}
			if e.From.Before(dm.from) {
				dm.from = e.From
			}
			if e.To.After(dm.to) {
				dm.to = e.To
			}
			dm.future = dm.future && e.Future
			if e.Precision > dm.precision {
				dm.precision = e.Precision
			}
		}
	}
	sort.Ints(order)
	for _, k := range order {
		dm := byStart[k]
		// «بعد أسبوعين من تفجير سيارة مفخخة»: not two weeks ahead but the
		// bombing two weeks before the day of the report.
		if dm.future && c.v.is(dm.first, "بعد") && dm.last+1 < s.end && c.v.is(dm.last+1, "من") && len(refs) > 0 {
			ref := refs[0]
			from, to := ref.Add(-dm.to.Sub(ref)), ref.Add(-dm.from.Sub(ref))
			dm.from, dm.to, dm.atFrom, dm.future = from, to, to, false
		}
		s.dates = append(s.dates, *dm)
	}
}

// tokensOf returns the first and last token inside code points [start,
// end), or -1 when none is.
func (c *docContext) tokensOf(start, end int) (int, int) {
	toks := c.v.toks
	first := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= start })
	if first >= len(toks) || toks[first].Start >= end {
		return -1, -1
	}
	last := first
	for last+1 < len(toks) && toks[last+1].End <= end {
		last++
	}
	return first, last
}

// when is the date of an event: a window of days, and whether the text
// states it (rather than it being the publication's).
type when struct {
	from, to time.Time
	// day is the one day recorded (see docContext.day).
	day       time.Time
	stated    bool
	precision arabic.Precision
	known     bool
}

// usable reports whether a date mention can date an event.
func usable(d *dateMention) bool { return !d.since && !d.future }

// dateOf finds the date of a candidate: the date in its clause, else the
// nearest in its sentence, else the date of the previous dated event of the
// paragraph, else the publication window.
func (c *docContext) dateOf(ev *candidate, prev *candidate) when {
	s := ev.sent
	cl := s.clauses[ev.clause]
	best, bestDist := -1, 1<<30
	for k := range s.dates {
		d := &s.dates[k]
		if !usable(d) || d.first < cl.first || d.last >= cl.end {
			continue
		}
		if dist := abs(d.first - ev.first); dist < bestDist {
			best, bestDist = k, dist
		}
	}
	if best < 0 {
		for k := range s.dates {
			d := &s.dates[k]
			// A date in another clause dates that clause's own predicate
			// when the clause is subordinate («بعد تحرير غريان في يوليو»,
			// «منذ شنه العدوان في أبريل»); the main clause's date («قالت
			// يوم الجمعة إن قواتها سيطرت») dates the report.
			if !usable(d) || c.subordinate(s, s.clauseOf(d.first)) && s.clauseOf(d.first) != ev.clause {
				continue
			}
			if dist := abs(d.first - ev.first); dist < bestDist {
				best, bestDist = k, dist
			}
		}
	}
	if best >= 0 {
		d := &s.dates[best]
		day := d.atFrom
		if c.pub.known && day.After(c.pub.from) {
			day = c.pub.from
		}
		if day.Before(d.from) {
			day = d.from
		}
		return when{from: d.from, to: d.to, day: day, stated: true, precision: d.precision, known: true}
	}
	if prev != nil && prev.date.stated && prev.sent.para == s.para && prev.sent != s && prev.date.precision <= arabic.Week {
		w := prev.date
		return w
	}
	if !c.pub.known {
		return when{}
	}
	// Undated: a news report tells what happened in the days before it
	// was published. The window opens a week before the earliest
	// publication day; the day recorded is that earliest day.
	prec := arabic.Week
	if c.pub.to.Sub(c.pub.from) > 24*time.Hour {
		prec = arabic.Month
	}
	return when{from: c.pub.from.AddDate(0, 0, -undatedDays), to: c.pub.to, day: c.pub.from, precision: prec, known: true}
}

// undatedDays is how many days before publication an undated event may
// lie: ACLED's time precision 2, "within a week".
const undatedDays = 6

// subordinate reports whether clause k of s is opened by a subordinator.
func (c *docContext) subordinate(s *sentence, k int) bool {
	cl := s.clauses[k]
	t := &c.v.toks[cl.first]
	return t.Kind == arabic.Word && (subordinators[t.Stem] || t.Stem == "قبل")
}

// day is the one day recorded for an event: the latest day that its
// expression allows and that is surely not after publication — the
// expression read against the earliest publication day, clipped to it.
// For a report of "last month" that is the end of that month; for an
// undated report the (earliest) publication day.
func (c *docContext) day(w when) time.Time {
	if !w.day.IsZero() {
		return w.day
	}
	d := w.to
	if c.pub.known && d.After(c.pub.day) {
		d = c.pub.day
	}
	if d.Before(w.from) {
		d = w.from
	}
	return d
}

// timePrecision is ACLED's time_precision for a window of days.
func timePrecision(w when) int {
	days := int(w.to.Sub(w.from).Hours()/24 + 0.5)
	switch {
	case days <= 0 && w.stated:
		return 1
	case days <= 7:
		return 2
	}
	return 3
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
