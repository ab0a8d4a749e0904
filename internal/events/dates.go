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
	// maxRefDays is the widest publication window whose every day a
	// relative expression is read against; a wider one is read at its
	// ends and middle only.
	maxRefDays = 62
)

// Date bases: where an event's date comes from (record.Event.DateBasis).
const (
	basisText        = "text"        // a date expression of the text
	basisPublication = "publication" // the publication window (the text gives none)
	basisTimeline    = "timeline"    // a landmark of the reference timeline
)

// pubDates is the publication date as the events are resolved against it.
type pubDates struct {
	// known is true when the window is closed: a day, or both ends.
	known bool
	// exact is true when the day itself is known.
	exact bool
	// day is the publication day, or the latest day of the window.
	day      time.Time
	from, to time.Time
	// likely is the day the window's evidence points to most
	// (record.Published.Likely); zero when the publication says none.
	likely time.Time
	// after and before bound an open window («on or after 2019-04-06»):
	// too wide to resolve «الجمعة» against, but they bound an undated
	// event.
	after, before time.Time
}

func publicationDates(p0 record.Published) pubDates {
	p := p0
	parse := func(s *string) (time.Time, bool) {
		if s == nil {
			return time.Time{}, false
		}
		t, err := time.Parse(dayLayout, *s)
		return t, err == nil
	}
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
		p := pubDates{known: true, exact: from.Equal(to), day: to, from: from, to: to}
		if t, ok := parse(p0.Likely); ok && !t.Before(from) && !t.After(to) {
			p.likely = t
		}
		return p
	case okF:
		return pubDates{after: from}
	case okT:
		return pubDates{before: to}
	}
	return pubDates{}
}

// refs are the days relative expressions are resolved against: every day
// of the publication window, or its ends and middle when it is wide.
func (p pubDates) refs() []time.Time {
	if !p.known {
		return nil
	}
	days := int(p.to.Sub(p.from).Hours()/24 + 0.5)
	if days > maxRefDays {
		return []time.Time{p.from, p.mid(), p.to}
	}
	out := make([]time.Time, 0, days+1)
	for t := p.from; !t.After(p.to); t = t.AddDate(0, 0, 1) {
		out = append(out, t)
	}
	return out
}

// mid is the middle day of the window, the earlier of two.
func (p pubDates) mid() time.Time {
	days := int(p.to.Sub(p.from).Hours()/24 + 0.5)
	return p.from.AddDate(0, 0, days/2)
}

// dateMention is a date expression of a sentence, resolved to a window of
// days that covers every reading the publication window allows.
type dateMention struct {
	first, last int // tokens
	from, to    time.Time
	precision   arabic.Precision
	future      bool
	// likely is the day recorded for the expression: the last day of the
	// reading most publication days of the window give (see findDates).
	likely time.Time
	// since is true after «منذ»: the start of a state, not an event's day.
	since bool
	text  string
}

// insideName reports whether tokens first..last lie within a longer
// entity mention: a weekday or month in a place's or a body's name.
func (c *docContext) insideName(first, last int) bool {
	for _, m := range c.mentions {
		if m.first <= first && m.last >= last && m.last > m.first && !m.virtual {
			return true
		}
	}
	return false
}

// reading is one resolution of an expression against one reference day.
type reading struct{ from, to time.Time }

// findDates reads the date expressions of sentence s. A relative
// expression («الجمعة», «أمس») is read against every day the publication
// may have been: its window spans all readings, and the day recorded is
// the reading most of those days give — for «الثلاثاء» in an article
// published between a Monday and the Sunday after, the Tuesday of that
// week, which six of the seven days give. An absolute expression reads
// the same against all.
func (c *docContext) findDates(s *sentence) {
	text := string(c.runes[s.span.Start:s.span.End])
	toks := arabic.Tokenize(text)
	refs := c.pub.refs()
	var found [][]arabic.DateExpr
	if len(refs) == 0 {
		found = append(found, arabic.FindDatesIn(text, toks, time.Time{}))
	} else {
		first := arabic.FindDatesIn(text, toks, refs[0])
		found = append(found, first)
		relative := false
		for _, e := range first {
			relative = relative || e.Relative
		}
		if relative {
			for _, r := range refs[1:] {
				found = append(found, arabic.FindDatesIn(text, toks, r))
			}
		}
	}
	byStart := map[int]*dateMention{}
	votes := map[int]map[reading]int{}
	var order []int
	for _, list := range found {
		for _, e := range list {
			dm := byStart[e.Start]
			if dm == nil {
				first, last := c.tokensOf(s.span.Start+e.Start, s.span.Start+e.End)
				if first < 0 || c.insideName(first, last) {
					continue // «سوق الجمعة» is a place, not a Friday
				}
				dm = &dateMention{first: first, last: last, from: e.From, to: e.To, precision: e.Precision, future: e.Future, text: e.Text}
				dm.since = first > s.first && c.v.is(first-1, "منذ") || c.v.is(first, "منذ")
				byStart[e.Start] = dm
				votes[e.Start] = map[reading]int{}
				order = append(order, e.Start)
			}
			votes[e.Start][reading{e.From, e.To}]++
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
	target := c.pub.likely
	if target.IsZero() && c.pub.known {
		target = c.pub.mid()
	}
	for _, k := range order {
		dm := byStart[k]
		dm.likely = likeliest(votes[k], target).to
		s.dates = append(s.dates, *dm)
	}
}

// likeliest is the reading given most often; among equals the one that
// ends nearest the likeliest publication day (the later when still tied).
func likeliest(votes map[reading]int, target time.Time) reading {
	var best reading
	n := -1
	dist := func(r reading) time.Duration {
		d := r.to.Sub(target)
		if d < 0 {
			d = -d
		}
		return d
	}
	for r, v := range votes {
		switch {
		case v > n, v == n && dist(r) < dist(best), v == n && dist(r) == dist(best) && r.to.After(best.to):
			best, n = r, v
		}
	}
	return best
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
	// basis says where the date comes from (basisText...); landmark is the
	// timeline id for basisTimeline.
	basis    string
	landmark string
	// openFrom bounds an undated event of an article whose publication
	// window is open: the date is unknown, but not before this day.
	openFrom time.Time
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
		day := d.likely
		if c.pub.known && day.After(c.pub.to) {
			day = c.pub.to
		}
		if day.Before(d.from) {
			day = d.from
		}
		return when{from: d.from, to: d.to, day: day, stated: true, precision: d.precision, known: true, basis: basisText}
	}
	if prev != nil && prev.date.stated && prev.date.basis == basisText && prev.sent.para == s.para && prev.sent != s && prev.date.precision <= arabic.Week {
		return prev.date
	}
	return c.undated()
}

// undatedDays is how many days before publication an undated event may
// lie: a news report tells what happened in the week before it was
// published (ACLED's time precision 2, "within a week").
const undatedDays = 7

// undated is the date of an event the text does not date: any day from a
// week before the earliest publication day to the latest one. The day
// recorded is the publication day the evidence points to most
// (record.Published.Likely): just after the event the window's lower bound
// rests on when it rests on one (the article's news peg, whose follow-ups
// it reports), else the middle of the window, which is as far as can be
// from both ends the article may have been written at, so the error is at
// most half the window. On a known publication day it is that day, the
// day most reports describe.
func (c *docContext) undated() when {
	if !c.pub.known {
		if !c.pub.after.IsZero() {
			return when{openFrom: c.pub.after.AddDate(0, 0, -undatedDays), basis: basisPublication}
		}
		return when{}
	}
	day := c.pub.mid()
	if !c.pub.likely.IsZero() {
		day = c.pub.likely
	}
	w := when{from: c.pub.from.AddDate(0, 0, -undatedDays), to: c.pub.to, day: day, known: true, basis: basisPublication}
	w.precision = arabic.Week
	if c.pub.to.Sub(c.pub.from) > 24*time.Hour {
		w.precision = arabic.Month
	}
	return w
}

// subordinate reports whether clause k of s is opened by a subordinator.
func (c *docContext) subordinate(s *sentence, k int) bool {
	cl := s.clauses[k]
	t := &c.v.toks[cl.first]
	return t.Kind == arabic.Word && (subordinators[t.Stem] || t.Stem == "قبل")
}

// day is the one day recorded for an event: the day its date chose (the
// likeliest reading of its expression, the landmark's day, the middle of
// the publication window), else the latest day its window allows that is
// not after publication.
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

// timePrecision is ACLED's time_precision for a window of days: 1 for a
// day the text or the timeline gives, 2 within a week, 3 wider.
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
