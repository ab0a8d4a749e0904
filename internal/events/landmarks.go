package events

import (
	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/geo"
	"github.com/marsad/marsad/internal/timeline"
)

// landmarkKm is how far from a landmark's place an event may be placed and
// still be a report of it: the town and its outskirts, its airport, the
// front line at its edge.
const landmarkKm = 25

// gainSubTypes are the sub-types whose first actor took the place.
var gainSubTypes = map[string]bool{"Government regains territory": true, "Non-state actor overtakes territory": true}

// timelineDate dates an event by the timeline landmark it reports, when
// the text leaves its day open: same class of event, the same place or one
// within landmarkKm, the landmark's day inside the days the event may
// have happened on, and no side named that the landmark does not involve
// (a takeover's taker must be the landmark's first actor). The nearest
// such landmark gives the day, with time precision 1; two equally near
// with different days leave the event as it was.
func (c *docContext) timelineDate(ev *candidate) {
	w := ev.date
	if c.tl == nil || ev.place == nil || !w.known || w.stated && !w.from.Before(w.to) {
		return
	}
	classes := timeline.ClassesFor(ev.eventType, ev.subType)
	if len(classes) == 0 {
		return
	}
	e := ev.place.ent
	lat, lon, has := 0.0, 0.0, false
	if e.Lat != nil && e.Lon != nil {
		lat, lon, has = *e.Lat, *e.Lon, true
	} else if k := c.kbEntry(e); k != nil && k.HasCoords {
		lat, lon, has = k.Lat, k.Lon, true
	}
	to := w.to
	if c.pub.known && to.After(c.pub.to) {
		to = c.pub.to
	}
	var best *timeline.Landmark
	bestKm, tie := 0.0, false
	for _, l := range c.tl.Near(e.ID, lat, lon, has, landmarkKm, classes...) {
		if l.Date.Before(w.from) || l.Date.After(to) || !c.sidesFit(ev, l) {
			continue
		}
		if e.Country != nil && *e.Country != "" && *e.Country != l.Country {
			continue
		}
		km := 0.0
		if l.PlaceID != e.ID && has && l.HasCoords {
			km = geo.DistanceKm(lat, lon, l.Lat, l.Lon)
		}
		switch {
		case best == nil || km < bestKm:
			best, bestKm, tie = l, km, false
		case km == bestKm && !l.Date.Equal(best.Date):
			tie = true
		}
	}
	if best == nil || tie {
		return
	}
	d := best.Date
	ev.date = when{from: d, to: d, day: d, stated: true, precision: arabic.Day, known: true, basis: basisTimeline, landmark: best.ID}
}

// sidesFit reports whether the sides an event names are the landmark's.
func (c *docContext) sidesFit(ev *candidate, l *timeline.Landmark) bool {
	if len(l.Actor1)+len(l.Actor2) == 0 {
		return true
	}
	in := func(a *actorRef, set []string) bool {
		for _, s := range set {
			if a.side == s || a.id == s {
				return true
			}
		}
		return false
	}
	for k, a := range []*actorRef{ev.actor1, ev.actor2} {
		if a == nil || a.side == "" {
			continue
		}
		if k == 0 && gainSubTypes[ev.subType] && len(l.Actor1) > 0 {
			if !in(a, l.Actor1) {
				return false
			}
			continue
		}
		if !in(a, l.Sides()) {
			return false
		}
	}
	return true
}
