package stories

import (
	"cmp"
	"slices"

	"github.com/marsad/marsad/internal/record"
)

// Builder collects documents that carry story and merged-event ids (set by a
// Clusterer, or read back from marsad/v1 output) and builds the story
// objects: merged events with their sources and contradictions. It keeps a
// summary of each document, not its text.
type Builder struct {
	stories     map[string]*storyAcc
	storyOrder  []string
	merged      map[string]*mergedAcc
	mergedOrder []string
	// sourceOf maps a document id to its source key, so that a near-duplicate
	// counts as its original's source.
	sourceOf map[string]string
	framing  FramingTable
}

type storyAcc struct {
	id      string
	title   *string
	win     window
	hasWin  bool
	docIDs  []string
	outlets []string
	sources []string
	dups    []Duplicate
	merged  []string
	denials []denialAcc
}

type mergedAcc struct {
	id      string
	reports []reportAcc
	stories []string
}

// reportAcc is a Report with what building and contradiction checks need.
type reportAcc struct {
	Report
	eventType  string
	win        window
	hasWin     bool
	source     string
	actor1Side string
	assoc      []record.Actor
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder {
	return &Builder{
		stories:  make(map[string]*storyAcc),
		merged:   make(map[string]*mergedAcc),
		sourceOf: make(map[string]string),
	}
}

// sourceKey names a document's source for counting independent sources.
func (b *Builder) sourceKey(d *record.Document) string {
	if d.DuplicateOf != "" {
		if k, ok := b.sourceOf[d.DuplicateOf]; ok {
			return k
		}
	}
	if a := record.Deref(d.Source.Agency); a != "" {
		return "agency:" + a
	}
	if o := record.Deref(d.Source.Outlet); o != "" {
		return "outlet:" + o
	}
	return "doc:" + d.DocID
}

// Add takes in one document. A document without a story id is a story of
// its own; an event without a merged id is an event of its own.
func (b *Builder) Add(d *record.Document) {
	b.framing.Add(d)
	src := b.sourceKey(d)
	b.sourceOf[d.DocID] = src

	sid := d.StoryID
	if sid == "" {
		sid = "story:" + d.DocID
	}
	st := b.stories[sid]
	if st == nil {
		st = &storyAcc{id: sid}
		b.stories[sid] = st
		b.storyOrder = append(b.storyOrder, sid)
	}
	if st.title == nil && d.Title != nil && *d.Title != "" {
		st.title = d.Title
	}
	if w, ok := publishedWindow(d); ok {
		if !st.hasWin {
			st.win, st.hasWin = w, true
		} else {
			st.win = window{min(st.win.from, w.from), max(st.win.to, w.to)}
		}
	}
	st.docIDs = append(st.docIDs, d.DocID)
	if o := record.Deref(d.Source.Outlet); o != "" && !slices.Contains(st.outlets, o) {
		st.outlets = append(st.outlets, o)
	}
	if !slices.Contains(st.sources, src) {
		st.sources = append(st.sources, src)
	}
	if d.DuplicateOf != "" {
		st.dups = append(st.dups, Duplicate{DocID: d.DocID, DuplicateOf: d.DuplicateOf})
	}
	st.denials = append(st.denials, denialsOf(d, src)...)

	pub, pubOK := publishedWindow(d)
	for i := range d.Events {
		e := &d.Events[i]
		mid := e.MergedID
		if mid == "" {
			mid = "merged:" + d.DocID + "#" + itoa(i)
		}
		m := b.merged[mid]
		if m == nil {
			m = &mergedAcc{id: mid}
			b.merged[mid] = m
			b.mergedOrder = append(b.mergedOrder, mid)
		}
		m.reports = append(m.reports, b.report(d, e, src, pub, pubOK))
		if !slices.Contains(m.stories, sid) {
			m.stories = append(m.stories, sid)
		}
		if !slices.Contains(st.merged, mid) {
			st.merged = append(st.merged, mid)
		}
	}
}

func (b *Builder) report(d *record.Document, e *record.Event, src string, pub window, pubOK bool) reportAcc {
	r := reportAcc{
		Report: Report{
			DocID:        d.DocID,
			EventID:      e.ID,
			Outlet:       d.Source.Outlet,
			Agency:       d.Source.Agency,
			SubEventType: e.SubEventType,
			Date:         e.Date,
			DateFrom:     e.DateFrom,
			DateTo:       e.DateTo,
			Location:     e.Location,
			Actor1:       withSide(e.Actor1, d),
			Actor2:       withSide(e.Actor2, d),
			Fatalities:   e.Fatalities,
			ClaimedBy:    e.ClaimedBy,
			Evidence:     e.Evidence,
			Denies:       denies(d, e),
		},
		eventType:  e.EventType,
		source:     src,
		actor1Side: sideOf(e.Actor1, d),
		assoc:      e.AssocActors,
	}
	r.win, r.hasWin = eventWindow(e, pub, pubOK)
	return r
}

// withSide returns the actor with its side filled from the document's
// entity when the event leaves it out.
func withSide(a *record.Actor, d *record.Document) *record.Actor {
	if a == nil || a.Side != "" {
		return a
	}
	s := sideOf(a, d)
	if s == "" {
		return a
	}
	c := *a
	c.Side = s
	return &c
}

// Stories returns the story objects in the order their first documents came.
func (b *Builder) Stories() []Story {
	out := make([]Story, 0, len(b.storyOrder))
	for _, sid := range b.storyOrder {
		st := b.stories[sid]
		s := Story{
			Kind:         KindStory,
			StoryID:      st.id,
			Title:        st.title,
			DocIDs:       st.docIDs,
			Outlets:      nonNil(st.outlets),
			NumSources:   len(st.sources),
			NumArticles:  len(st.docIDs),
			Duplicates:   nonNil(st.dups),
			MergedEvents: make([]MergedEvent, 0, len(st.merged)),
		}
		if st.hasWin {
			s.DateFrom, s.DateTo = record.Str(st.win.from.String()), record.Str(st.win.to.String())
		}
		for _, mid := range st.merged {
			s.MergedEvents = append(s.MergedEvents, b.mergedEvent(b.merged[mid]))
		}
		out = append(out, s)
	}
	return out
}

// MergedEvents returns every merged event, in the order of first report.
func (b *Builder) MergedEvents() []MergedEvent {
	out := make([]MergedEvent, 0, len(b.mergedOrder))
	for _, mid := range b.mergedOrder {
		out = append(out, b.mergedEvent(b.merged[mid]))
	}
	return out
}

// Framing returns the framing compared across the documents added.
func (b *Builder) Framing() FramingReport { return b.framing.Report() }

func (b *Builder) mergedEvent(m *mergedAcc) MergedEvent {
	rs := m.reports
	me := MergedEvent{
		MergedID: m.id,
		StoryIDs: m.stories,
		Sources:  make([]Report, len(rs)),
	}
	var docs, sources []string
	for i := range rs {
		me.Sources[i] = rs[i].Report
		if !slices.Contains(docs, rs[i].DocID) {
			docs = append(docs, rs[i].DocID)
		}
		if !slices.Contains(sources, rs[i].source) {
			sources = append(sources, rs[i].source)
		}
	}
	me.NumArticles, me.NumSources = len(docs), len(sources)

	// The sub-type most reports give; the earliest report breaks ties.
	sub := mostCommon(rs, func(r *reportAcc) string { return r.SubEventType })
	for i := range rs {
		if rs[i].SubEventType == sub {
			me.EventType, me.SubEventType = rs[i].eventType, sub
			break
		}
	}

	var w window
	has := false
	for i := range rs {
		if !rs[i].hasWin {
			continue
		}
		if !has {
			w, has = rs[i].win, true
		} else {
			w = window{max(w.from, rs[i].win.from), min(w.to, rs[i].win.to)}
		}
	}
	if has {
		if w.from > w.to { // reports a day apart, joined by the slack
			w.from, w.to = w.to, w.from
		}
		me.DateFrom, me.DateTo = record.Str(w.from.String()), record.Str(w.to.String())
		if w.from == w.to {
			me.Date = me.DateFrom
		}
	}

	for i := range rs {
		l := rs[i].Location
		if l == nil {
			continue
		}
		if me.Location == nil || betterLocation(l, me.Location) {
			me.Location = l
		}
	}

	me.Actor1 = mostCommonActor(rs, func(r *reportAcc) *record.Actor { return r.Actor1 })
	me.Actor2 = mostCommonActor(rs, func(r *reportAcc) *record.Actor { return r.Actor2 })
	me.Actors = []record.Actor{}
	seen := map[string]bool{}
	for i := range rs {
		all := append([]record.Actor{}, rs[i].assoc...)
		for _, a := range []*record.Actor{rs[i].Actor1, rs[i].Actor2} {
			if a != nil {
				all = append(all, *a)
			}
		}
		for _, a := range all {
			if k := actorKey(&a); k != "" && !seen[k] {
				seen[k] = true
				me.Actors = append(me.Actors, a)
			}
		}
	}

	for i := range rs {
		if f := rs[i].Fatalities; f != nil && (me.Fatalities == nil || *f < *me.Fatalities) {
			me.Fatalities = f
		}
	}
	me.Contradictions = contradictions(rs)
	var denials []denialAcc
	for _, sid := range m.stories {
		if st := b.stories[sid]; st != nil {
			denials = append(denials, st.denials...)
		}
	}
	me.Contradictions = append(me.Contradictions, denialContradictions(&me, rs, denials)...)
	return me
}

// betterLocation prefers coordinates, then a finer geo_precision.
func betterLocation(a, b *record.Location) bool {
	ac, bc := a.Lat != nil && a.Lon != nil, b.Lat != nil && b.Lon != nil
	if ac != bc {
		return ac
	}
	return a.GeoPrecision > 0 && (b.GeoPrecision == 0 || a.GeoPrecision < b.GeoPrecision)
}

func actorKey(a *record.Actor) string {
	if a.ID != "" {
		return "id:" + a.ID
	}
	if a.Name != "" {
		return "name:" + a.Name
	}
	return ""
}

// mostCommon returns the most frequent non-empty key, the first one seen on a tie.
func mostCommon(rs []reportAcc, key func(*reportAcc) string) string {
	counts := map[string]int{}
	best, bestN := "", 0
	for i := range rs {
		k := key(&rs[i])
		if k == "" {
			continue
		}
		counts[k]++
	}
	for i := range rs {
		k := key(&rs[i])
		if n := counts[k]; k != "" && n > bestN {
			best, bestN = k, n
		}
	}
	return best
}

func mostCommonActor(rs []reportAcc, get func(*reportAcc) *record.Actor) *record.Actor {
	k := mostCommon(rs, func(r *reportAcc) string {
		if a := get(r); a != nil {
			return actorKey(a)
		}
		return ""
	})
	for i := range rs {
		if a := get(&rs[i]); a != nil && actorKey(a) == k && k != "" {
			return a
		}
	}
	return nil
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

// sortedKeys returns a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.SortFunc(ks, cmp.Compare[string])
	return ks
}
