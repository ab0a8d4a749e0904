package storetest

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/marsad/marsad/internal/store"
)

// eventDocs lists the document of each event in a page.
func eventDocs(p store.EventPage) []string {
	var out []string
	for _, r := range p.Items {
		out = append(out, r.DocID)
	}
	return out
}

func testListEventsFilters(t *testing.T, s store.Store) {
	ctx := context.Background()
	Load(t, s)
	libyaWest := &store.BBox{MinLon: 12, MinLat: 30, MaxLon: 17, MaxLat: 34}
	tests := []struct {
		name string
		f    store.EventFilter
		want []string
	}{
		{"all newest first", store.EventFilter{}, []string{DocXSS, DocProtest, DocStrike, DocClashB, DocClashA}},
		{"from", store.EventFilter{From: "2024-06-02"}, []string{DocXSS, DocProtest, DocStrike}},
		{"to", store.EventFilter{To: "2024-06-01"}, []string{DocClashB, DocClashA}},
		{"from and to one day", store.EventFilter{From: "2024-05-10", To: "2024-05-10"}, []string{DocClashB, DocClashA}},
		{"bbox", store.EventFilter{BBox: libyaWest}, []string{DocXSS, DocStrike, DocClashB, DocClashA}},
		{"bbox and type", store.EventFilter{BBox: libyaWest, EventType: "Battles"}, []string{DocClashB, DocClashA}},
		{"sub-event type", store.EventFilter{EventType: "Air/drone strike"}, []string{DocStrike}},
		{"actor id", store.EventFilter{Actor: "kb:guard"}, []string{DocClashB, DocClashA}},
		{"actor name fragment with diacritics", store.EventFilter{Actor: "الدِّرع"}, []string{DocClashB, DocClashA}},
		{"actor English name", store.EventFilter{Actor: "air force"}, []string{DocStrike}},
		{"outlet", store.EventFilter{Outlet: OutletA}, []string{DocProtest, DocClashA}},
		{"query with clitic", store.EventFilter{Query: "قوات"}, []string{DocStrike, DocClashB}},
		{"query on place name", store.EventFilter{Query: "طرابلس"}, []string{DocClashB, DocClashA}},
		{"document", store.EventFilter{DocID: DocStrike}, []string{DocStrike}},
		{"nothing matches", store.EventFilter{EventType: "Riots"}, nil},
	}
	for _, tt := range tests {
		page, err := s.ListEvents(ctx, tt.f)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got := eventDocs(page); !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
		if page.Total != len(tt.want) {
			t.Errorf("%s: total %d, want %d", tt.name, page.Total, len(tt.want))
		}
	}
	if _, err := s.ListEvents(ctx, store.EventFilter{Query: "؟!"}); !errors.Is(err, store.ErrBadQuery) {
		t.Errorf("query with no word: error %v, want ErrBadQuery", err)
	}
}

func testListEventsPaging(t *testing.T, s store.Store) {
	ctx := context.Background()
	Load(t, s)
	all, err := s.ListEvents(ctx, store.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var paged []string
	for off := 0; off < all.Total; off += 2 {
		p, err := s.ListEvents(ctx, store.EventFilter{Page: store.Page{Limit: 2, Offset: off}})
		if err != nil {
			t.Fatal(err)
		}
		if p.Total != all.Total {
			t.Errorf("offset %d: total %d, want %d", off, p.Total, all.Total)
		}
		if len(p.Items) > 2 {
			t.Errorf("offset %d: %d items past the limit", off, len(p.Items))
		}
		for _, r := range p.Items {
			paged = append(paged, r.ID)
		}
	}
	var whole []string
	for _, r := range all.Items {
		whole = append(whole, r.ID)
	}
	if !slices.Equal(paged, whole) {
		t.Errorf("pages %v do not add up to the list %v", paged, whole)
	}
	past, err := s.ListEvents(ctx, store.EventFilter{Page: store.Page{Offset: 100}})
	if err != nil || len(past.Items) != 0 || past.Total != all.Total {
		t.Errorf("offset past the end: %d items, total %d, err %v", len(past.Items), past.Total, err)
	}
}

func testGetEvent(t *testing.T, s store.Store) {
	ctx := context.Background()
	Load(t, s)
	doc, err := s.GetDocument(ctx, DocStrike)
	if err != nil {
		t.Fatal(err)
	}
	id := doc.Events[0].ID
	row, err := s.GetEvent(ctx, id)
	if err != nil {
		t.Fatalf("GetEvent(%s): %v", id, err)
	}
	if row.DocID != DocStrike || row.Outlet != OutletC || row.Event.SubEventType != "Air/drone strike" ||
		row.Event.Fatalities == nil || *row.Event.Fatalities != 2 || row.Event.Span != doc.Events[0].Span {
		t.Errorf("GetEvent(%s) = %+v", id, row)
	}
	if _, err := s.GetEvent(ctx, "no-such-event"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("GetEvent(unknown) error = %v, want ErrNotFound", err)
	}
}

func testEventIDCollision(t *testing.T, s store.Store) {
	ctx := context.Background()
	a, b := Fixtures()[2], Fixtures()[3]
	a.Events[0].ID = "shared-id"
	b.Events[0].ID = "shared-id"
	if _, err := s.PutDocument(ctx, a); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutDocument(ctx, b); err != nil {
		t.Fatal(err)
	}
	ra, err := s.GetEvent(ctx, "shared-id")
	if err != nil || ra.DocID != a.DocID {
		t.Fatalf("GetEvent(shared-id) = %s, %v; want the first document's event", ra.DocID, err)
	}
	scoped := store.ScopedEventID(b.DocID, "shared-id")
	rb, err := s.GetEvent(ctx, scoped)
	if err != nil || rb.DocID != b.DocID {
		t.Fatalf("GetEvent(%s) = %s, %v; want the second document's event", scoped, rb.DocID, err)
	}
	got, err := s.GetDocument(ctx, b.DocID)
	if err != nil || got.Events[0].ID != scoped {
		t.Errorf("stored document carries event id %q, want %q", got.Events[0].ID, scoped)
	}
}

func testEventTimeline(t *testing.T, s store.Store) {
	ctx := context.Background()
	Load(t, s)
	tests := []struct {
		f    store.EventFilter
		want []store.DayCount
	}{
		{store.EventFilter{}, []store.DayCount{{Day: "2024-05-10", Events: 2}, {Day: "2024-06-02", Events: 1}, {Day: "2024-07-15", Events: 1}, {Day: "2024-08-01", Events: 1}}},
		{store.EventFilter{EventType: "Battles", Page: store.Page{Limit: 1}}, []store.DayCount{{Day: "2024-05-10", Events: 2}}},
		{store.EventFilter{Outlet: OutletC, From: "2024-07"}, []store.DayCount{{Day: "2024-08-01", Events: 1}}},
		{store.EventFilter{EventType: "Riots"}, []store.DayCount{}},
	}
	for _, tt := range tests {
		got, err := s.EventTimeline(ctx, tt.f)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("EventTimeline(%+v) = %v, want %v", tt.f, got, tt.want)
		}
	}
}
