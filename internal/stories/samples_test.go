package stories_test

import (
	"strings"
	"testing"

	"github.com/marsad/marsad/internal/analyze"
	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/shareddata"
	"github.com/marsad/marsad/internal/stories"
)

// collect is an export.Writer that keeps the documents it is given.
type collect struct{ docs []record.Document }

func (c *collect) Write(d record.Document) error { c.docs = append(c.docs, d); return nil }
func (c *collect) Close() error                  { return nil }

// TestSamplesAcrossOutlets runs the real pipeline and the cross-document
// layer on the shared samples, as `marsad analyze` does, and checks what
// issue 5 measures: two outlets' reports of the fall of Tarhuna become one
// event with two sources; fighting in Ain Zara reported months apart stays
// two events; and the framing table shows who calls Haftar's forces what.
func TestSamplesAcrossOutlets(t *testing.T) {
	dir := shareddata.Path("samples", "articles")
	if dir == "" {
		t.Skip("../shared/samples is not here")
	}
	c, err := stories.NewClusterer(stories.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got collect
	b := stories.NewBuilder()
	w := &stories.Annotator{Clusterer: c, Builder: b, Next: &got}
	if _, err := analyze.Run([]string{dir}, w, analyze.Options{OnError: func(err error) { t.Errorf("sample failed: %v", err) }}); err != nil {
		t.Fatal(err)
	}
	byDoc := map[string]record.Document{}
	for _, d := range got.docs {
		byDoc[d.DocID[:3]] = d
	}
	for _, k := range []string{"000", "001", "003", "004"} {
		if _, ok := byDoc[k]; !ok {
			t.Fatalf("sample %s missing from the output", k)
		}
	}

	// eventsAt lists the merged ids of a document's events at a place.
	eventsAt := func(d record.Document, place, eventType string) []string {
		var ids []string
		for _, e := range d.Events {
			if e.Location != nil && strings.Contains(e.Location.Name, place) && e.EventType == eventType {
				ids = append(ids, e.MergedID)
			}
		}
		return ids
	}

	tarhuna000 := eventsAt(byDoc["000"], "ترهونة", "Battles")
	tarhuna001 := eventsAt(byDoc["001"], "ترهونة", "Battles")
	if len(tarhuna000) == 0 || len(tarhuna001) == 0 {
		t.Fatalf("the fall of Tarhuna not found in both 000 (%v) and 001 (%v)", tarhuna000, tarhuna001)
	}
	shared := ""
	for _, a := range tarhuna000 {
		for _, b := range tarhuna001 {
			if a != "" && a == b {
				shared = a
			}
		}
	}
	if shared == "" {
		t.Errorf("Tarhuna in 000 %v and in 001 %v were not merged", tarhuna000, tarhuna001)
	} else {
		var m *stories.MergedEvent
		for _, me := range b.MergedEvents() {
			if me.MergedID == shared {
				me := me
				m = &me
			}
		}
		if m == nil {
			t.Fatalf("merged event %s not built", shared)
		}
		if m.NumArticles != 2 || m.NumSources != 2 {
			t.Errorf("Tarhuna merged event: %d articles, %d sources; want 2 and 2", m.NumArticles, m.NumSources)
		}
	}

	ainZara003 := eventsAt(byDoc["003"], "عين زارة", "Battles")
	ainZara004 := eventsAt(byDoc["004"], "عين زارة", "Battles")
	if len(ainZara003) == 0 || len(ainZara004) == 0 {
		t.Fatalf("fighting in Ain Zara not found in both 003 (%v) and 004 (%v)", ainZara003, ainZara004)
	}
	for _, a := range ainZara003 {
		for _, b := range ainZara004 {
			if a == b {
				t.Errorf("Ain Zara fighting months apart merged into %s", a)
			}
		}
	}

	// Framing: the labels each document gives Haftar's forces (side LY-LNA).
	labels := func(d record.Document) map[string]int {
		out := map[string]int{}
		sides := map[string]string{}
		for _, e := range d.Entities {
			sides[e.ID] = e.Side
		}
		for _, f := range d.Framing {
			if sides[f.Actor] != "LY-LNA" {
				continue
			}
			for l, n := range f.Labels {
				out[l] += n
			}
		}
		return out
	}
	for _, k := range []string{"000", "003", "004"} {
		if l := labels(byDoc[k]); l["مليشيات"] == 0 {
			t.Errorf("%s: Haftar's forces not framed as مليشيات: %v", k, l)
		}
	}
	l001 := labels(byDoc["001"])
	if l001["مليشيات"] != 0 || l001["قوات"]+l001["الجيش"] == 0 {
		t.Errorf("001 (Reuters): Haftar's forces should be قوات/الجيش, not مليشيات: %v", l001)
	}
}
