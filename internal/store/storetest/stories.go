package storetest

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/store"
)

// scanIDs lists the documents ScanDocuments passes for f.
func scanIDs(t *testing.T, s store.Store, f store.ScanFilter) ([]string, []record.Document) {
	t.Helper()
	var ids []string
	var docs []record.Document
	err := s.ScanDocuments(context.Background(), f, func(d record.Document) error {
		ids = append(ids, d.DocID)
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		t.Fatalf("ScanDocuments(%+v): %v", f, err)
	}
	return ids, docs
}

func testScanDocuments(t *testing.T, s store.Store) {
	ctx := context.Background()
	Load(t, s)
	undated := Generate(7)
	undated.DocID, undated.Published = "undated", record.Published{Basis: record.BasisUnknown}
	if _, err := s.PutDocument(ctx, undated); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		f    store.ScanFilter
		want []string
	}{
		{"unlinked, undated first then by date", store.ScanFilter{}, []string{"undated", DocStrike, DocProtest, DocXSS}},
		{"unlinked, limited", store.ScanFilter{Limit: 2}, []string{"undated", DocStrike}},
		{"unlinked from a month", store.ScanFilter{From: "2024-07"}, []string{DocProtest, DocXSS}},
		{"linked", store.ScanFilter{Linked: true}, []string{DocClashA, DocClashB}},
		{"linked from a day", store.ScanFilter{Linked: true, From: "2024-05-11"}, []string{DocClashB}},
	}
	for _, tt := range tests {
		if got, _ := scanIDs(t, s, tt.f); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
	_, docs := scanIDs(t, s, store.ScanFilter{Linked: true})
	if docs[0].Body == "" || len(docs[0].Events) != 1 || docs[0].Events[0].ID == "" || docs[0].ContentHash == "" {
		t.Errorf("scanned document is not whole: %+v", docs[0])
	}
	stop := errors.New("enough")
	n := 0
	err := s.ScanDocuments(ctx, store.ScanFilter{}, func(record.Document) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("an error from fn: scan returned %v after %d documents", err, n)
	}
}

func testSetStories(t *testing.T, s store.Store) {
	ctx := context.Background()
	Load(t, s)
	_, unlinked := scanIDs(t, s, store.ScanFilter{})
	strike, protest := unlinked[0], unlinked[1]
	if strike.DocID != DocStrike || protest.DocID != DocProtest {
		t.Fatalf("unlinked documents: %s, %s", strike.DocID, protest.DocID)
	}
	strike.StoryID, strike.DuplicateOf = StoryClash, DocClashA
	strike.Events[0].MergedID = MergedClash
	protest.StoryID = "story:" + DocProtest
	changed := protest
	changed.ContentHash = "0000"
	gone := protest
	gone.DocID = "no-such-document"
	updated, err := s.SetStories(ctx, []record.Document{strike, protest, changed, gone})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(updated, []bool{true, true, false, false}) {
		t.Errorf("SetStories reported %v, want the two stored documents updated", updated)
	}
	got, err := s.GetDocument(ctx, DocStrike)
	if err != nil || got.StoryID != StoryClash || got.DuplicateOf != DocClashA || got.Events[0].MergedID != MergedClash ||
		got.Body != strike.Body || got.Events[0].ID != strike.Events[0].ID {
		t.Errorf("stored record after SetStories: %+v, %v", got, err)
	}
	ev, err := s.GetEvent(ctx, strike.Events[0].ID)
	if err != nil || ev.Event.MergedID != MergedClash {
		t.Errorf("stored event after SetStories: %+v, %v", ev, err)
	}
	story, err := s.GetStory(ctx, StoryClash)
	if err != nil || story.Documents != 3 {
		t.Errorf("story %s: %d documents, %v; want the strike joined", StoryClash, story.Documents, err)
	}
	list, err := s.ListDocuments(ctx, store.DocumentFilter{StoryID: StoryClash})
	if err != nil || list.Total != 3 || list.Items[0].DocID != DocStrike || list.Items[0].StoryID != StoryClash {
		t.Errorf("documents of %s: %+v, %v", StoryClash, list, err)
	}
	if stories, _ := s.ListStories(ctx, store.Page{}); stories.Total != 2 {
		t.Errorf("%d stories, want 2", stories.Total)
	}
	if ids, _ := scanIDs(t, s, store.ScanFilter{}); !slices.Equal(ids, []string{DocXSS}) {
		t.Errorf("unlinked after SetStories: %v", ids)
	}
	// A document linked already keeps its ids: the first linker wins.
	again := strike
	again.StoryID = "story:other"
	if updated, err := s.SetStories(ctx, []record.Document{again}); err != nil || updated[0] {
		t.Errorf("relinking a linked document: %v, %v", updated, err)
	}
	if got, _ := s.GetDocument(ctx, DocStrike); got.StoryID != StoryClash {
		t.Errorf("relinking changed the story id to %q", got.StoryID)
	}
	if _, err := s.SetStories(ctx, []record.Document{unlinked[2]}); err == nil {
		t.Error("SetStories of a document with no story id succeeded")
	}
}

func testLease(t *testing.T, s store.Store) {
	ctx := context.Background()
	steps := []struct {
		name, lease, holder string
		ttl                 time.Duration
		held                bool
		handovers           int64
	}{
		{"free lease taken", "stories", "a", time.Hour, true, 1},
		{"renewed by its holder", "stories", "a", time.Hour, true, 1},
		{"refused to another", "stories", "b", time.Hour, false, 1},
		{"another lease is free", "other", "b", time.Hour, true, 1},
		{"given up", "stories", "a", 0, false, 1},
		{"given up lease taken", "stories", "b", time.Hour, true, 2},
		{"giving up another's lease does nothing", "stories", "a", 0, false, 2},
		{"still held", "stories", "a", time.Hour, false, 2},
		{"renewed for a moment", "stories", "b", time.Millisecond, true, 2},
	}
	for _, st := range steps {
		held, n, err := s.Lease(ctx, st.lease, st.holder, st.ttl)
		if err != nil || held != st.held || n != st.handovers {
			t.Errorf("%s: held %v, %d handovers, %v; want %v, %d", st.name, held, n, err, st.held, st.handovers)
		}
	}
	time.Sleep(20 * time.Millisecond)
	if held, n, err := s.Lease(ctx, "stories", "a", time.Hour); !held || n != 3 || err != nil {
		t.Errorf("lapsed lease: held %v, %d handovers, %v; want taken, 3", held, n, err)
	}
}
