package events

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"time"

	"github.com/marsad/marsad/internal/record"
)

// records turns the events into marsad/v1 events, in text order.
func (c *docContext) records(evs []*candidate) []record.Event {
	sort.SliceStable(evs, func(a, b int) bool { return evs[a].first < evs[b].first })
	out := make([]record.Event, 0, len(evs))
	for _, ev := range evs {
		if !record.ValidACLED(ev.eventType, ev.subType) {
			continue // a rule produced no valid pair; never emit one
		}
		span := ev.sent.span
		evidence := string(c.runes[span.Start:span.End])
		loc := c.location(ev.place)
		cc := ""
		if loc != nil {
			cc = record.Deref(loc.Country)
		}
		if cc == "" {
			cc = c.docCountry()
		}
		r := record.Event{
			EventType:    ev.eventType,
			SubEventType: ev.subType,
			CAMEO:        ev.cameo,
			Actor1:       c.actorRecord(ev.actor1, cc),
			Actor2:       c.actorRecord(ev.actor2, cc),
			AssocActors:  []record.Actor{},
			Location:     loc,
			Fatalities:   ev.fatalities,
			ClaimedBy:    ev.claim,
			Evidence:     evidence,
			Span:         [2]int{span.Start, span.End},
		}
		for _, a := range ev.assoc {
			r.AssocActors = append(r.AssocActors, *c.actorRecord(a, cc))
		}
		switch {
		case ev.date.known:
			day := dayString(c.day(ev.date))
			from, to := dayString(ev.date.from), dayString(ev.date.to)
			if c.pub.known && ev.date.to.After(c.pub.day) {
				to = dayString(c.pub.day)
			}
			r.Date, r.DateFrom, r.DateTo = &day, &from, &to
			r.TimePrecision = timePrecision(ev.date)
			if ev.date.to.Sub(ev.date.from) > maxDatedWindow {
				// A day picked from a window of months would read as a fact;
				// ACLED's coarsest precision is a month, so give the window only.
				r.Date = nil
			}
			r.DateBasis, r.DateLandmark = ev.date.basis, ev.date.landmark
		case !ev.date.openFrom.IsZero():
			// An open publication window: no day, but a lower bound.
			r.DateFrom = record.Str(dayString(ev.date.openFrom))
			r.DateBasis = ev.date.basis
		}
		if r.TimePrecision < 1 {
			// No day and no closed window: ACLED's coarsest precision.
			r.TimePrecision = 3
		}
		ts, te := c.v.toks[ev.first].Start, c.v.toks[ev.last].End
		r.Trigger = &record.Span{Text: string(c.runes[ts:te]), Start: ts, End: te}
		where := ""
		if r.Location != nil {
			where = r.Location.ID + "|" + r.Location.Name
			if r.Location.NamedPlace != "" {
				where += "|" + r.Location.NamedPlace
			}
		}
		r.ID = eventID(c.d.ID, r.Span, r.EventType, r.SubEventType, where, ts)
		out = append(out, r)
	}
	return out
}

// maxDatedWindow is the widest date window an event may have and still get
// one day in record.Event.Date: a publication known to within a month
// (ACLED's time precision 3) plus the week before it an undated event may lie.
const maxDatedWindow = (31 + undatedDays) * 24 * time.Hour

// location is the marsad/v1 location of a place.
func (c *docContext) location(p *placeRef) *record.Location {
	if p == nil {
		return nil
	}
	e := p.ent
	loc := &record.Location{
		ID: e.ID, Name: e.Name, NameEn: e.NameEn, Lat: e.Lat, Lon: e.Lon,
		Admin1: record.Str(e.Admin1), Country: e.Country, GeoPrecision: p.precision,
		NamedPlace: p.named,
	}
	if entry := c.kbEntry(e); entry != nil {
		if loc.Admin1 == nil {
			loc.Admin1 = record.Str(entry.Admin1)
		}
		if loc.Country == nil {
			loc.Country = record.Str(entry.Country)
		}
		if loc.Lat == nil && entry.HasCoords {
			loc.Lat, loc.Lon = record.Float(entry.Lat), record.Float(entry.Lon)
		}
	}
	return loc
}

// actorRecord is the marsad/v1 actor of an event in country cc, with its
// ACLED actor type code.
func (c *docContext) actorRecord(a *actorRef, cc string) *record.Actor {
	r := a.record()
	if r != nil {
		r.Inter = c.inter(a, cc)
	}
	return r
}

// eventID is a deterministic id: the same document, evidence, coding,
// place and trigger give the same id on every run.
func eventID(docID string, span [2]int, typ, sub, loc string, trigger int) string {
	h := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d:%d\x00%s\x00%s\x00%s\x00%d", docID, span[0], span[1], typ, sub, loc, trigger)))
	return "ev:" + hex.EncodeToString(h[:8])
}
