// Package storetest is the behaviour every store.Store must have, as a test
// suite: a backend's own test calls Run with a function that opens a fresh,
// empty store. The suite uses only the Store interface, the hand-written
// Fixtures and Generate.
package storetest

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/store"
)

// Run runs the whole suite; open must return a new empty store each call.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"PutIsIdempotent", testPutIsIdempotent},
		{"PutReplacesChangedDocument", testPutReplaces},
		{"PutRejectsBadDocument", testPutRejects},
		{"PutDocumentsBatch", testPutDocumentsBatch},
		{"GetDocument", testGetDocument},
		{"ListDocuments", testListDocuments},
		{"ListEventsFilters", testListEventsFilters},
		{"ListEventsPaging", testListEventsPaging},
		{"ListEventsByActor", testListEventsByActor},
		{"EventTimeline", testEventTimeline},
		{"GetEvent", testGetEvent},
		{"EventIDsScopedAcrossDocuments", testEventIDCollision},
		{"SearchArabic", testSearchArabic},
		{"SearchPagingAndErrors", testSearchPaging},
		{"Stories", testStories},
		{"Actors", testActors},
		{"Stats", testStats},
		{"ScanDocuments", testScanDocuments},
		{"SetStories", testSetStories},
		{"Lease", testLease},
		{"ConcurrentReadersDuringIngest", testConcurrentReaders},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() { s.Close() })
			tt.fn(t, s)
		})
	}
}

// Load puts the fixtures into s, failing the test on any error.
func Load(t testing.TB, s store.Store) {
	t.Helper()
	for _, d := range Fixtures() {
		inserted, err := s.PutDocument(context.Background(), d)
		if err != nil {
			t.Fatalf("PutDocument(%s): %v", d.DocID, err)
		}
		if !inserted {
			t.Fatalf("PutDocument(%s) into an empty store reported not inserted", d.DocID)
		}
	}
}

func mustStats(t *testing.T, s store.Store) store.Stats {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	return st
}

func testPutIsIdempotent(t *testing.T, s store.Store) {
	ctx := context.Background()
	Load(t, s)
	before := mustStats(t, s)
	for _, d := range Fixtures() {
		inserted, err := s.PutDocument(ctx, d)
		if err != nil || inserted {
			t.Errorf("re-putting %s: inserted=%v err=%v, want false, nil", d.DocID, inserted, err)
		}
		// The same content under another id is the same article.
		d.DocID = "other-" + d.DocID
		if inserted, err := s.PutDocument(ctx, d); err != nil || inserted {
			t.Errorf("re-putting %s under a new id: inserted=%v err=%v, want false, nil", d.DocID, inserted, err)
		}
	}
	after := mustStats(t, s)
	if !slices.Equal(statCounts(before), statCounts(after)) {
		t.Errorf("re-ingest changed the store: before %v, after %v", statCounts(before), statCounts(after))
	}
}

func statCounts(st store.Stats) []int {
	return []int{st.Documents, st.Events, st.Entities, st.Quotes, st.Stories}
}

func testPutReplaces(t *testing.T, s store.Store) {
	ctx := context.Background()
	Load(t, s)
	d := Fixtures()[0]
	d.Body += "\nوأضاف المصدر أن الهدوء عاد إلى الحي مساء اليوم نفسه."
	d.ContentHash = ""
	inserted, err := s.PutDocument(ctx, d)
	if err != nil || !inserted {
		t.Fatalf("putting a changed version: inserted=%v err=%v", inserted, err)
	}
	got, err := s.GetDocument(ctx, d.DocID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Body != d.Body {
		t.Errorf("GetDocument returned the old body")
	}
	st := mustStats(t, s)
	if st.Documents != len(Fixtures()) || st.Events != countEvents(Fixtures()) {
		t.Errorf("after replacement: %d documents, %d events; want %d, %d",
			st.Documents, st.Events, len(Fixtures()), countEvents(Fixtures()))
	}
	res, err := s.Search(ctx, "الهدوء", store.Page{})
	if err != nil || res.Total != 1 {
		t.Errorf("search for the new text: total=%d err=%v, want 1", res.Total, err)
	}
	res, err = s.Search(ctx, "الزهور", store.Page{})
	if err != nil || res.Total != 2 {
		t.Errorf("search after replacement found %d documents (err %v), want 2: old index rows left?", res.Total, err)
	}
}

func countEvents(docs []record.Document) int {
	n := 0
	for _, d := range docs {
		n += len(d.Events)
	}
	return n
}

func testPutRejects(t *testing.T, s store.Store) {
	bad := []record.Document{
		{DocID: "empty"},
		{DocID: "utf8", Body: "نص \xff\xfe مكسور"},
	}
	for _, d := range bad {
		if _, err := s.PutDocument(context.Background(), d); err == nil {
			t.Errorf("PutDocument(%s) accepted a bad document", d.DocID)
		}
	}
	if n := mustStats(t, s).Documents; n != 0 {
		t.Errorf("rejected documents were stored: %d", n)
	}
}

func testGetDocument(t *testing.T, s store.Store) {
	ctx := context.Background()
	Load(t, s)
	for _, want := range Fixtures() {
		got, err := s.GetDocument(ctx, want.DocID)
		if err != nil {
			t.Fatalf("GetDocument(%s): %v", want.DocID, err)
		}
		if got.Body != want.Body || record.Deref(got.Title) != record.Deref(want.Title) {
			t.Errorf("%s: body or title changed on the way through the store", want.DocID)
		}
		if got.ContentHash == "" || len(got.Entities) != len(want.Entities) || len(got.Events) != len(want.Events) ||
			len(got.Quotes) != len(want.Quotes) || len(got.Framing) != len(want.Framing) {
			t.Errorf("%s: annotations lost: %d/%d entities, %d/%d events, %d/%d quotes", want.DocID,
				len(got.Entities), len(want.Entities), len(got.Events), len(want.Events), len(got.Quotes), len(want.Quotes))
		}
		for i, ev := range got.Events {
			if ev.ID == "" || ev.Span != want.Events[i].Span {
				t.Errorf("%s event %d: id %q span %v, want an id and span %v", want.DocID, i, ev.ID, ev.Span, want.Events[i].Span)
			}
		}
	}
	if _, err := s.GetDocument(ctx, "no-such-doc"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("GetDocument(unknown) error = %v, want ErrNotFound", err)
	}
}

func testListDocuments(t *testing.T, s store.Store) {
	ctx := context.Background()
	Load(t, s)
	tests := []struct {
		name string
		f    store.DocumentFilter
		want []string
	}{
		{"all newest first", store.DocumentFilter{}, []string{DocXSS, DocProtest, DocStrike, DocClashB, DocClashA}},
		{"outlet", store.DocumentFilter{Outlet: OutletA}, []string{DocProtest, DocClashA}},
		{"date range", store.DocumentFilter{From: "2024-05-11", To: "2024-06-30"}, []string{DocStrike, DocClashB}},
		{"month prefix", store.DocumentFilter{From: "2024-05", To: "2024-05"}, []string{DocClashB, DocClashA}},
		{"story", store.DocumentFilter{StoryID: StoryClash}, []string{DocClashB, DocClashA}},
		{"query with clitic", store.DocumentFilter{Query: "للقوات"}, []string{DocStrike, DocClashB, DocClashA}},
		{"paged", store.DocumentFilter{Page: store.Page{Limit: 2, Offset: 1}}, []string{DocProtest, DocStrike}},
	}
	for _, tt := range tests {
		page, err := s.ListDocuments(ctx, tt.f)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		var got []string
		for _, d := range page.Items {
			got = append(got, d.DocID)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
		wantTotal := len(tt.want)
		if tt.f.Limit > 0 {
			wantTotal = len(Fixtures())
		}
		if page.Total != wantTotal {
			t.Errorf("%s: total %d, want %d", tt.name, page.Total, wantTotal)
		}
	}
}

func testPutDocumentsBatch(t *testing.T, s store.Store) {
	ctx := context.Background()
	fx := Fixtures()
	batch := append(fx, fx[1]) // a repeat inside the batch
	inserted, err := s.PutDocuments(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	want := []bool{true, true, true, true, true, false}
	if !slices.Equal(inserted, want) {
		t.Errorf("PutDocuments inserted %v, want %v", inserted, want)
	}
	again, err := s.PutDocuments(ctx, fx[:2])
	if err != nil || !slices.Equal(again, []bool{false, false}) {
		t.Errorf("re-putting a batch: %v, %v", again, err)
	}
	// A bad document fails the whole batch and stores nothing of it.
	bad := []record.Document{Generate(1), {DocID: "empty"}}
	if _, err := s.PutDocuments(ctx, bad); err == nil {
		t.Error("a batch with an empty document was accepted")
	}
	if st := mustStats(t, s); st.Documents != len(fx) {
		t.Errorf("after a refused batch: %d documents, want %d", st.Documents, len(fx))
	}
}
