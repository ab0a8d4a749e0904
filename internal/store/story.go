package store

import (
	"fmt"
	"sort"
	"strings"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/record"
)

// Summarize returns the list row of a prepared document.
func Summarize(d record.Document) DocumentSummary {
	return DocumentSummary{
		DocID:       d.DocID,
		Title:       record.Deref(d.Title),
		Outlet:      Outlet(d),
		URL:         record.Deref(d.Source.URL),
		Published:   PublishedDate(d),
		StoryID:     d.StoryID,
		ContentHash: d.ContentHash,
		Events:      len(d.Events),
		Entities:    len(d.Entities),
		Lead:        Lead(d.Body, 240),
	}
}

// EventRows returns the events of a stored document as rows.
func EventRows(d record.Document) []EventRow {
	rows := make([]EventRow, len(d.Events))
	for i, ev := range d.Events {
		rows[i] = EventRow{ID: ev.ID, DocID: d.DocID, Outlet: Outlet(d), URL: record.Deref(d.Source.URL),
			Title: record.Deref(d.Title), Published: PublishedDate(d), Event: ev}
	}
	return rows
}

// BuildStory assembles the story view from the stored documents of a story,
// so every backend reports sources, contradictions and framing alike.
// docs must hold stored records (event ids as the store assigned them).
func BuildStory(id string, docs []record.Document) StoryDetail {
	sort.Slice(docs, func(i, j int) bool {
		a, b := PublishedDate(docs[i]), PublishedDate(docs[j])
		if a != b {
			return a < b
		}
		return docs[i].DocID < docs[j].DocID
	})
	s := StoryDetail{StorySummary: StorySummary{ID: id, Outlets: []string{}},
		Sources: []DocumentSummary{}, Events: []EventRow{}, Contradictions: []Contradiction{}, Framing: []ActorLabels{}}
	outlets := map[string]bool{}
	for _, d := range docs {
		sum := Summarize(d)
		s.Sources = append(s.Sources, sum)
		s.Events = append(s.Events, EventRows(d)...)
		if s.Title == "" {
			s.Title = sum.Title
		}
		if o := sum.Outlet; o != "" && !outlets[o] {
			outlets[o] = true
			s.Outlets = append(s.Outlets, o)
		}
		if p := sum.Published; p != "" {
			if s.First == "" || p < s.First {
				s.First = p
			}
			if p > s.Last {
				s.Last = p
			}
		}
	}
	sort.Strings(s.Outlets)
	s.Documents = len(docs)
	s.Events = sortEvents(s.Events)
	s.Contradictions = Contradictions(s.Events)
	s.Framing = StoryFraming(docs)
	return s
}

func sortEvents(rows []EventRow) []EventRow {
	sort.SliceStable(rows, func(i, j int) bool {
		return EventDate(rows[i].Event) < EventDate(rows[j].Event)
	})
	return rows
}

// Contradictions finds, among events that share a MergedID and come from
// more than one document, the fields the reports disagree on. Unknown values
// (no fatality count, no date) are not disagreement.
func Contradictions(rows []EventRow) []Contradiction {
	groups := map[string][]EventRow{}
	var order []string
	for _, r := range rows {
		m := r.Event.MergedID
		if m == "" {
			continue
		}
		if _, ok := groups[m]; !ok {
			order = append(order, m)
		}
		groups[m] = append(groups[m], r)
	}
	sort.Strings(order)
	out := []Contradiction{}
	for _, m := range order {
		g := groups[m]
		docs := map[string]bool{}
		for _, r := range g {
			docs[r.DocID] = true
		}
		if len(docs) < 2 {
			continue
		}
		for _, f := range contradictionFields {
			if c, ok := compareField(m, f, g); ok {
				out = append(out, c)
			}
		}
	}
	return out
}

// contradictionFields are the facts compared across reports, each with the
// value it reads ("" for unknown) and the key two values are equal under.
var contradictionFields = []struct {
	name  string
	value func(record.Event) string
}{
	{"fatalities", func(e record.Event) string {
		if e.Fatalities == nil {
			return ""
		}
		return fmt.Sprint(*e.Fatalities)
	}},
	{"date", EventDate},
	{"event_type", func(e record.Event) string { return e.EventType }},
	{"location", func(e record.Event) string {
		if e.Location == nil {
			return ""
		}
		return e.Location.Name
	}},
	{"actor1", func(e record.Event) string { return actorValue(e.Actor1) }},
	{"actor2", func(e record.Event) string { return actorValue(e.Actor2) }},
}

func actorValue(a *record.Actor) string {
	if a == nil {
		return ""
	}
	return a.Name
}

func compareField(mergedID string, field struct {
	name  string
	value func(record.Event) string
}, g []EventRow) (Contradiction, bool) {
	byKey := map[string]*Claim{}
	var keys []string
	for _, r := range g {
		v := field.value(r.Event)
		if strings.TrimSpace(v) == "" {
			continue
		}
		key := arabic.Normalize(strings.TrimSpace(v))
		c, ok := byKey[key]
		if !ok {
			c = &Claim{Value: v}
			byKey[key] = c
			keys = append(keys, key)
		}
		c.Events = append(c.Events, r.ID)
		if r.Outlet != "" && !contains(c.Outlets, r.Outlet) {
			c.Outlets = append(c.Outlets, r.Outlet)
		}
	}
	if len(keys) < 2 {
		return Contradiction{}, false
	}
	c := Contradiction{MergedID: mergedID, Field: field.name}
	for _, k := range keys {
		c.Claims = append(c.Claims, *byKey[k])
	}
	return c, true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// StoryFraming sums, per actor, the labels each outlet of docs gives it.
func StoryFraming(docs []record.Document) []ActorLabels {
	type key struct{ actor, outlet, label string }
	counts := map[key]int{}
	names := map[string]string{}
	var actors []string
	for _, d := range docs {
		for _, f := range d.Framing {
			if _, ok := names[f.Actor]; !ok {
				actors = append(actors, f.Actor)
				names[f.Actor] = f.Name
			}
			for label, n := range f.Labels {
				counts[key{f.Actor, Outlet(d), label}] += n
			}
		}
	}
	sort.Strings(actors)
	out := []ActorLabels{}
	for _, a := range actors {
		al := ActorLabels{Actor: a, Name: names[a]}
		for k, n := range counts {
			if k.actor == a {
				al.Labels = append(al.Labels, Label{Outlet: k.outlet, Label: k.label, Count: n})
			}
		}
		SortLabels(al.Labels)
		out = append(out, al)
	}
	return out
}

// SortLabels orders labels by outlet, then most used first, then label.
func SortLabels(ls []Label) {
	sort.Slice(ls, func(i, j int) bool {
		if ls[i].Outlet != ls[j].Outlet {
			return ls[i].Outlet < ls[j].Outlet
		}
		if ls[i].Count != ls[j].Count {
			return ls[i].Count > ls[j].Count
		}
		return ls[i].Label < ls[j].Label
	})
}
