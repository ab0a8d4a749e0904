package storetest

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/marsad/marsad/internal/record"
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
		{"actor and type", store.EventFilter{Actor: "kb:guard", EventType: "Battles"}, []string{DocClashB, DocClashA}},
		{"actor and sub-event type", store.EventFilter{Actor: "kb:guard", EventType: "Armed clash"}, []string{DocClashB, DocClashA}},
		{"actor and another type", store.EventFilter{Actor: "kb:guard", EventType: "Protests"}, nil},
		{"actor and dates", store.EventFilter{Actor: "kb:guard", From: "2024-05", To: "2024-05-10"}, []string{DocClashB, DocClashA}},
		{"actor and later dates", store.EventFilter{Actor: "kb:guard", From: "2024-05-11"}, nil},
		{"actor and outlet", store.EventFilter{Actor: "kb:guard", Outlet: OutletB}, []string{DocClashB}},
		{"actor and bbox", store.EventFilter{Actor: "kb:air", BBox: libyaWest}, []string{DocStrike}},
		{"actor and query", store.EventFilter{Actor: "kb:guard", Query: "عنيفة"}, []string{DocClashA}},
		{"actor and document", store.EventFilter{Actor: "kb:guard", DocID: DocClashB}, []string{DocClashB}},
		{"actor name fragment of two actors", store.EventFilter{Actor: "force"}, []string{DocStrike, DocClashB, DocClashA}},
		{"unknown actor", store.EventFilter{Actor: "kb:nobody"}, nil},
		{"actor of diacritics only", store.EventFilter{Actor: "\u064b\u064c"}, nil},
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
		{store.EventFilter{Actor: "kb:guard"}, []store.DayCount{{Day: "2024-05-10", Events: 2}}},
		{store.EventFilter{Actor: "مدنيون", From: "2024-08"}, []store.DayCount{{Day: "2024-08-01", Events: 1}}},
		{store.EventFilter{Actor: "kb:nobody"}, []store.DayCount{}},
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

// testListEventsByActor checks the actor filter on generated events: one
// actor's events page in the same order as the whole list, are counted
// once when the actor is named twice in an event (actor1 and actor2), and
// an actor without an id is found by its key and by a name fragment.
func testListEventsByActor(t *testing.T, s store.Store) {
	ctx := context.Background()
	var docs []record.Document
	for i := 0; i < 30; i++ {
		docs = append(docs, Generate(i))
	}
	// An event naming one actor twice, and one naming an actor with no id.
	docs[0].Events[0].Actor1, docs[0].Events[0].Actor2 = &record.Actor{ID: "gen:twice", Name: "قوة المثنى"}, &record.Actor{ID: "gen:twice", Name: "قوة المثنى"}
	docs[1].Events[0].Actor1 = &record.Actor{Name: "جماعة بلا معرّف"}
	if _, err := s.PutDocuments(ctx, docs); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		f     store.EventFilter
		total int
	}{
		{"named twice in one event", store.EventFilter{Actor: "gen:twice"}, 1},
		{"no id, by key", store.EventFilter{Actor: store.ActorKey("", "جماعة بلا معرف")}, 1},
		{"no id, by fragment", store.EventFilter{Actor: "بلا معرف"}, 1},
	}
	for _, tt := range tests {
		page, err := s.ListEvents(ctx, tt.f)
		if err != nil || page.Total != tt.total || len(page.Items) != tt.total {
			t.Errorf("%s: total %d, %d items, err %v; want %d", tt.name, page.Total, len(page.Items), err, tt.total)
		}
	}
	// Every generated actor: its events, paged, are the whole list's events
	// naming it, in the same order.
	all, err := s.ListEvents(ctx, store.EventFilter{Page: store.Page{Limit: store.MaxLimit}})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range genActors {
		var want []string
		for _, r := range all.Items {
			for _, x := range store.EventActors(r.Event) {
				if x.ID == a.ID {
					want = append(want, r.ID)
					break
				}
			}
		}
		var got []string
		for off := 0; ; off += 3 {
			p, err := s.ListEvents(ctx, store.EventFilter{Actor: a.ID, EventType: "", Page: store.Page{Limit: 3, Offset: off}})
			if err != nil {
				t.Fatal(err)
			}
			if p.Total != len(want) {
				t.Errorf("actor %s: total %d, want %d", a.ID, p.Total, len(want))
				break
			}
			for _, r := range p.Items {
				got = append(got, r.ID)
			}
			if len(p.Items) < 3 {
				break
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("actor %s: paged events %v, want %v", a.ID, got, want)
		}
	}
}
