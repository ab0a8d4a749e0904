package stories

import (
	"slices"

	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/stories/minhash"
)

// Event families: event types that outlets code differently for the same
// happening. A town changing hands is a battle won to one outlet and a
// withdrawal to another, so the three territorial sub-types merge with each
// other; every other event type is its own family.
const territoryFamily = "territory"

var territorial = map[string]bool{
	"Government regains territory":        true,
	"Non-state actor overtakes territory": true,
	"Non-violent transfer of territory":   true,
}

// familyOf is the merge family of an event, "" when it has no type.
func familyOf(e *record.Event) string {
	if territorial[e.SubEventType] {
		return territoryFamily
	}
	return e.EventType
}

// report is one document's account of an event, resolved for matching.
type report struct {
	family  string
	subType string
	win     window
	hasWin  bool
	loc     place
	hasLoc  bool
	// sides are the distinct conflict sides of actor1 and actor2.
	sides      []string
	actor1Side string
}

// sideOf is an actor's side, from the actor or else from the document's entity.
func sideOf(a *record.Actor, d *record.Document) string {
	if a == nil {
		return ""
	}
	if a.Side != "" {
		return a.Side
	}
	if a.ID == "" {
		return ""
	}
	for i := range d.Entities {
		if d.Entities[i].ID == a.ID {
			return d.Entities[i].Side
		}
	}
	return ""
}

func resolveReport(d *record.Document, e *record.Event, pub window, pubOK bool) report {
	r := report{family: familyOf(e), subType: e.SubEventType}
	r.win, r.hasWin = eventWindow(e, pub, pubOK)
	r.loc, r.hasLoc = placeOf(e.Location)
	r.actor1Side = sideOf(e.Actor1, d)
	for _, s := range []string{r.actor1Side, sideOf(e.Actor2, d)} {
		if s != "" && !slices.Contains(r.sides, s) {
			r.sides = append(r.sides, s)
		}
	}
	return r
}

// mergedState is a merged event open to new reports.
type mergedState struct {
	slot   int32
	id     string
	family string
	// subTypes are the sub-event types reported so far.
	subTypes []string
	// Every report's window overlaps [maxFrom, minTo] give or take the slack:
	// for intervals, that is the same as every pair of reports overlapping.
	maxFrom, minTo day
	hasWin         bool
	// anchor is the most precise location reported so far.
	anchor place
	hasLoc bool
	sides  []string
	// actor1Sides are the sides reports name as the event's first actor.
	actor1Sides []string
	// lastDoc is the slot of the last document that reported the event, and
	// lastDocPlace where that report put it. A document that names an event
	// twice names the same place twice; two events a document places apart
	// (an airport and a district of one city) are two events, however close.
	lastDoc      int32
	lastDocPlace place
	lastDay      day
	// stories are the slots of the stories whose documents report it and
	// date it within a week.
	stories []int32
	keys    []uint64
}

// maxMergeWindowDays is the widest date window a report may have and still be
// merged with other reports: about a month, ACLED's coarsest time precision.
const maxMergeWindowDays = 31

// compatible says whether report r can be of merged event m.
func (c *Clusterer) compatible(m *mergedState, r *report) bool {
	if m.family != r.family || r.family == "" {
		return false
	}
	// A report dated only to within months cannot be told from other fights
	// at the same place; merging it would join events that may be a year apart.
	if r.hasWin && r.win.width() > maxMergeWindowDays || m.hasWin && int(m.minTo-m.maxFrom)+1 > maxMergeWindowDays {
		return false
	}
	slack := day(c.opt.DateSlackDays)
	if m.hasWin && r.hasWin && (r.win.from > m.minTo+slack || m.maxFrom > r.win.to+slack) {
		return false
	}
	if m.hasLoc && r.hasLoc {
		if _, ok := placeMatch(m.anchor, r.loc, c.opt.MergeRadiusKm); !ok {
			return false
		}
	}
	// Two reports that each name both sides of an event and share none are
	// about different fights; one naming a single side may blame the other.
	if len(r.sides) >= 2 && len(m.sides) >= 2 && !intersects(r.sides, m.sides) {
		return false
	}
	return true
}

// matchScore ranks the compatible merged events a report could join.
func (c *Clusterer) matchScore(m *mergedState, r *report, dupOf *docState) float64 {
	s := 0.0
	if m.hasLoc && r.hasLoc {
		p, _ := placeMatch(m.anchor, r.loc, c.opt.MergeRadiusKm)
		s += 2 * p
	}
	if slices.Contains(m.subTypes, r.subType) {
		s++
	}
	if m.hasWin && r.hasWin {
		// The more of the report's window the event's window covers, the better.
		lo, hi := max(m.maxFrom, r.win.from), min(m.minTo, r.win.to)
		if hi >= lo {
			s += float64(hi-lo+1) / float64(min(r.win.width(), int(m.minTo-m.maxFrom)+1))
		}
	}
	if r.actor1Side != "" && slices.Contains(m.actor1Sides, r.actor1Side) {
		s += 0.5
	}
	if dupOf != nil && slices.Contains(dupOf.merged, m.slot) {
		s += 3 // a wire copy reports what its original reported
	}
	return s
}

// mergeEvents gives every event of d a merged id, joining the best compatible
// open merged event or opening a new one. It returns the merged slots, and
// apart those of the events d itself dates within a week: only these say
// which story d belongs to (an article recalling last month's battle is not
// part of that battle's story).
func (c *Clusterer) mergeEvents(d *record.Document, ds int32, docDay day, pub window, pubOK bool, dupOf *docState) (slots, dated []int32) {
	slots = make([]int32, len(d.Events))
	for i := range d.Events {
		e := &d.Events[i]
		r := resolveReport(d, e, pub, pubOK)
		var best *mergedState
		bestScore := -1.0
		consider := func(m *mergedState) {
			if m.lastDoc == ds && !(r.hasLoc && samePlace(m.lastDocPlace, r.loc)) || !c.compatible(m, &r) {
				return
			}
			if s := c.matchScore(m, &r, dupOf); s > bestScore || s == bestScore && m.slot < best.slot {
				best, bestScore = m, s
			}
		}
		if r.family != "" && r.hasLoc && r.hasWin {
			c.scratchIDs = c.eventCandidates(&r, c.scratchIDs[:0])
			for _, slot := range c.scratchIDs {
				if m := c.merged[slot]; m != nil {
					consider(m)
				}
			}
		}
		if best == nil && dupOf != nil {
			// An event the text gives no place or date for can still be
			// matched in a copy of a document that reported it.
			for _, slot := range dupOf.merged {
				if m := c.merged[slot]; m != nil {
					consider(m)
				}
			}
		}
		if best == nil {
			best = c.openMerged(d, i, &r, ds)
		} else {
			c.joinMerged(best, &r, ds)
		}
		best.lastDay = max(best.lastDay, docDay)
		c.events.push(best.lastDay, best.slot)
		e.MergedID = best.id
		slots[i] = best.slot
		if r.hasWin && r.win.width() <= preciseDays && !containsSlot(dated, best.slot) {
			dated = append(dated, best.slot)
		}
	}
	return slots, dated
}

func (c *Clusterer) openMerged(d *record.Document, i int, r *report, ds int32) *mergedState {
	id := d.Events[i].ID
	if id == "" {
		id = d.DocID + "#" + itoa(i)
	}
	m := &mergedState{
		slot:    c.newSlot(),
		id:      "merged:" + id,
		family:  r.family,
		lastDoc: ds,
	}
	c.joinMerged(m, r, ds)
	c.merged[m.slot] = m
	c.stats.Merged++
	return m
}

func (c *Clusterer) joinMerged(m *mergedState, r *report, ds int32) {
	m.lastDoc, m.lastDocPlace = ds, r.loc
	if !slices.Contains(m.subTypes, r.subType) {
		m.subTypes = append(m.subTypes, r.subType)
	}
	if r.hasWin {
		if !m.hasWin {
			m.maxFrom, m.minTo, m.hasWin = r.win.from, r.win.to, true
		} else {
			m.maxFrom, m.minTo = max(m.maxFrom, r.win.from), min(m.minTo, r.win.to)
		}
		m.lastDay = max(m.lastDay, r.win.to)
	}
	for _, s := range r.sides {
		if !slices.Contains(m.sides, s) {
			m.sides = append(m.sides, s)
		}
	}
	if r.actor1Side != "" && !slices.Contains(m.actor1Sides, r.actor1Side) {
		m.actor1Sides = append(m.actor1Sides, r.actor1Side)
	}
	if r.hasLoc {
		if !m.hasLoc || betterPlace(r.loc, m.anchor) {
			m.anchor, m.hasLoc = r.loc, true
		}
		if r.family != "" && r.hasWin {
			// File the event under this report's place too, so that later
			// reports naming it either way find it.
			for _, k := range c.placeKeys(r.family, r.loc) {
				if !slices.Contains(m.keys, k) {
					m.keys = append(m.keys, k)
					c.eventIndex[k] = append(c.eventIndex[k], m.slot)
				}
			}
		}
	}
}

// samePlace reports whether two locations name the same place: the same id,
// or no ids and the same name.
func samePlace(a, b place) bool {
	if a.id != "" || b.id != "" {
		return a.id == b.id
	}
	return a.name != "" && a.name == b.name
}

// betterPlace prefers a location with coordinates, then a more precise one.
func betterPlace(a, b place) bool {
	if a.hasCoord != b.hasCoord {
		return a.hasCoord
	}
	return a.precision < b.precision
}

// placeKeys are the index keys a merged event is filed under for a report's
// place: the grid cells within registerReach of the place, its id and its
// name.
func (c *Clusterer) placeKeys(family string, p place) []uint64 {
	var keys []uint64
	if p.hasCoord {
		la0, la1, lo0, lo1 := cellsAround(p.lat, p.lon, registerReach(c.opt.MergeRadiusKm, p.precision))
		for la := la0; la <= la1; la++ {
			for lo := lo0; lo <= lo1; lo++ {
				keys = append(keys, cellKey(family, la, lo))
			}
		}
	}
	return append(keys, nameKeys(family, p)...)
}

// nameKeys are the id and name keys of a place.
func nameKeys(family string, p place) []uint64 {
	var keys []uint64
	if p.id != "" {
		keys = append(keys, minhash.HashString("\x00id\x00"+family+"\x00"+p.id))
	}
	if p.name != "" {
		keys = append(keys, minhash.HashString("\x00name\x00"+family+"\x00"+p.name))
	}
	return keys
}

// Grid search: an event is filed in the cells within registerReach of its
// place and a report looks in the cells within queryReach of its own. Two
// places d km apart share a cell whenever d ≤ queryReach + registerReach,
// and the reaches are chosen so that this covers the merge radius of every
// pair of precisions: precise events, the most common, are filed in one
// cell and looked up in a few.
func registerReach(base float64, precision int) float64 {
	switch precision {
	case 2:
		return base
	case 3:
		return 5 * base
	}
	return 0
}

func queryReach(base float64, precision int) float64 {
	switch precision {
	case 2:
		return 2 * base
	case 3:
		return 5 * base
	}
	return base
}

func cellKey(family string, la, lo int32) uint64 {
	return minhash.Mix64(minhash.HashString("\x00cell\x00"+family) ^ uint64(uint32(la))<<32 ^ uint64(uint32(lo)))
}

// eventCandidates appends the open merged events filed under the keys a
// report could match: the grid cells within reach, its place id and name.
func (c *Clusterer) eventCandidates(r *report, dst []int32) []int32 {
	start := len(dst)
	if r.loc.hasCoord {
		la0, la1, lo0, lo1 := cellsAround(r.loc.lat, r.loc.lon, queryReach(c.opt.MergeRadiusKm, r.loc.precision))
		for la := la0; la <= la1; la++ {
			for lo := lo0; lo <= lo1; lo++ {
				dst = append(dst, c.eventIndex[cellKey(r.family, la, lo)]...)
			}
		}
	}
	for _, k := range nameKeys(r.family, r.loc) {
		dst = append(dst, c.eventIndex[k]...)
	}
	found := dst[start:]
	slices.Sort(found)
	return append(dst[:start], slices.Compact(found)...)
}

// dropMerged forgets a merged event that can take no more reports.
func (c *Clusterer) dropMerged(m *mergedState) {
	for _, k := range m.keys {
		ids := c.eventIndex[k]
		if i := slices.Index(ids, m.slot); i >= 0 {
			ids = slices.Delete(ids, i, i+1)
		}
		if len(ids) == 0 {
			delete(c.eventIndex, k)
		} else {
			c.eventIndex[k] = ids
		}
	}
	delete(c.merged, m.slot)
}

func intersects(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}
