package meta

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/marsad/marsad/internal/record"
)

// Constraint is one thing a text says about when it was published: a range
// of days, open at either end, and the weekdays it allows. Evidence says
// what the text says and what that means.
type Constraint struct {
	From, To time.Time // zero when open
	// Weekdays has bit 1<<time.Weekday set for each day of the week the
	// constraint allows; 0 allows any.
	Weekdays uint8
	// Strength orders constraints: when two contradict, the stronger one
	// stands and the weaker is dropped with a warning.
	Strength int
	Evidence string
	// Peg marks a lower bound set by an event the article reports (a
	// landmark it refers to as done, one it dates by weekday): news is
	// written within days of its latest event, so the article most likely
	// appeared just after such a bound.
	Peg bool
}

// Strengths of the kinds of constraint, strongest first. A date the text
// states and what it says of today (weekdays) outrank knowledge brought
// from outside the text (the timeline, people's roles), and among that,
// what is tied to the article's own wording outranks what is inferred
// from a place or a title.
const (
	StrengthText      = 100 // absolute and relative dates the text names (Published)
	StrengthWeekday   = 90  // «أمس الجمعة», «اليوم الأحد»
	StrengthAnchored  = 80  // a landmark the text dates by weekday («...يوم الاثنين»)
	StrengthWarTime   = 70  // «الحرب في شهرها السابع», «الذكرى الثانية لـ»
	StrengthNamed     = 60  // a war or landmark named as past or upcoming
	StrengthTerritory = 50  // a reported territorial change that matches a landmark
	StrengthRole      = 20  // a person's dated role («رئيس وزراء إيطاليا كونتي»)
)

// Window is a publication window: the days from From to To (either may be
// open) on the weekdays Weekdays allows (0: any).
type Window struct {
	From, To time.Time
	Weekdays uint8
	// none marks weekday constraints that allow no day together.
	none bool
}

// Empty reports whether no day satisfies the window.
func (w Window) Empty() bool {
	return w.none || !w.From.IsZero() && !w.To.IsZero() && w.To.Before(w.From)
}

// Day reports the single day the window allows, if it allows exactly one.
func (w Window) Day() (time.Time, bool) {
	if w.From.IsZero() || w.To.IsZero() || !w.From.Equal(w.To) {
		return time.Time{}, false
	}
	return w.From, true
}

// narrow intersects the window with a constraint and moves bounded ends
// onto allowed weekdays.
func (w Window) narrow(c Constraint) Window {
	if !c.From.IsZero() && (w.From.IsZero() || c.From.After(w.From)) {
		w.From = c.From
	}
	if !c.To.IsZero() && (w.To.IsZero() || c.To.Before(w.To)) {
		w.To = c.To
	}
	if c.Weekdays != 0 {
		if w.Weekdays != 0 && w.Weekdays&c.Weekdays == 0 {
			return Window{none: true}
		}
		if w.Weekdays == 0 {
			w.Weekdays = c.Weekdays
		} else {
			w.Weekdays &= c.Weekdays
		}
	}
	return w.snap()
}

// snap moves From forward and To back to the nearest allowed weekday.
func (w Window) snap() Window {
	if w.Weekdays&0x7f == 0 {
		return w
	}
	if !w.From.IsZero() {
		for w.Weekdays&(1<<uint(w.From.Weekday())) == 0 {
			w.From = w.From.AddDate(0, 0, 1)
		}
	}
	if !w.To.IsZero() {
		for w.Weekdays&(1<<uint(w.To.Weekday())) == 0 {
			w.To = w.To.AddDate(0, 0, -1)
		}
	}
	return w
}

// Solve narrows base by the constraints, strongest first (in the order
// given among equals). applied lists the constraints that narrowed the
// window, in the order they did; one that only repeats what stronger ones
// said is in neither list. A constraint that would leave no day is not
// applied: it comes back in dropped, and the window keeps what the
// stronger ones said.
func Solve(base Window, cs []Constraint) (w Window, applied, dropped []Constraint) {
	order := make([]Constraint, len(cs))
	copy(order, cs)
	sort.SliceStable(order, func(i, j int) bool { return order[i].Strength > order[j].Strength })
	w = base.snap()
	for _, c := range order {
		next := w.narrow(c)
		switch {
		case next.Empty():
			dropped = append(dropped, c)
		case next != w:
			w = next
			applied = append(applied, c)
		}
	}
	return w, applied, dropped
}

// windowOf is the window a publication record already gives.
func windowOf(p record.Published) Window {
	var w Window
	if t, ok := parseDay(p.Date); ok {
		return Window{From: t, To: t}
	}
	if t, ok := parseDay(p.From); ok {
		w.From = t
	}
	if t, ok := parseDay(p.To); ok {
		w.To = t
	}
	return w
}

func parseDay(s *string) (time.Time, bool) {
	if s == nil {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", *s)
	return t, err == nil
}

// published writes a window as the record's inferred publication date:
// a date only when one day is left. pegged says the lower bound is an
// event the article reports (see Constraint.Peg).
func (w Window) published(evidence string, pegged bool) record.Published {
	p := record.Published{Basis: record.BasisInferred, Evidence: evidence}
	if d, ok := w.Day(); ok {
		s := day(d)
		p.Date, p.From, p.To = &s, &s, &s
		return p
	}
	if !w.From.IsZero() {
		p.From = record.Str(day(w.From))
	}
	if !w.To.IsZero() {
		p.To = record.Str(day(w.To))
		if !w.From.IsZero() {
			p.Likely = record.Str(day(w.likely(pegged)))
		}
	}
	if p.From == nil && p.To == nil {
		p.Basis = record.BasisUnknown
	}
	return p
}

// likely is the day of a closed window the evidence points to most: the
// day after a pegged lower bound, else the middle; on an allowed weekday.
func (w Window) likely(pegged bool) time.Time {
	days := int(w.To.Sub(w.From).Hours()/24 + 0.5)
	t := w.From.AddDate(0, 0, days/2)
	if pegged {
		t = w.From.AddDate(0, 0, min(1, days))
	}
	if w.Weekdays&0x7f != 0 {
		for k := 0; k < 7; k++ {
			for _, c := range []time.Time{t.AddDate(0, 0, k), t.AddDate(0, 0, -k)} {
				if !c.Before(w.From) && !c.After(w.To) && w.Weekdays&weekdayBit(c.Weekday()) != 0 {
					return c
				}
			}
		}
	}
	return t
}

// weekdayBit is the mask of one weekday.
func weekdayBit(d time.Weekday) uint8 { return 1 << uint(d) }

// weekdayNames lists the days of a mask in English, for evidence.
func weekdayNames(mask uint8) string {
	var out []string
	for d := time.Sunday; d <= time.Saturday; d++ {
		if mask&weekdayBit(d) != 0 {
			out = append(out, d.String())
		}
	}
	return strings.Join(out, "/")
}

// describe says what a constraint allows, for evidence: "on or after
// 2020-06-05", "2019-10-04..2019-11-03", "a Saturday".
func (c Constraint) describe() string {
	var parts []string
	switch {
	case !c.From.IsZero() && !c.To.IsZero() && c.From.Equal(c.To):
		parts = append(parts, "on "+day(c.From))
	case !c.From.IsZero() && !c.To.IsZero():
		parts = append(parts, day(c.From)+".."+day(c.To))
	case !c.From.IsZero():
		parts = append(parts, "on or after "+day(c.From))
	case !c.To.IsZero():
		parts = append(parts, "on or before "+day(c.To))
	}
	if c.Weekdays != 0 {
		parts = append(parts, "a "+weekdayNames(c.Weekdays))
	}
	return strings.Join(parts, ", ")
}

// note is the evidence line of an applied constraint.
func (c Constraint) note() string { return fmt.Sprintf("%s → %s", c.Evidence, c.describe()) }
