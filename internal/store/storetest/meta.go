package storetest

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/marsad/marsad/internal/store"
)

func testStories(t *testing.T, s store.Store) {
	ctx := context.Background()
	Load(t, s)
	list, err := s.ListStories(ctx, store.Page{})
	if err != nil {
		t.Fatal(err)
	}
	if list.Total != 1 || len(list.Items) != 1 {
		t.Fatalf("ListStories: total %d, %d items; want 1", list.Total, len(list.Items))
	}
	sum := list.Items[0]
	if sum.ID != StoryClash || sum.Documents != 2 || sum.Events != 2 ||
		!slices.Equal(sum.Outlets, []string{OutletB, OutletA}) && !slices.Equal(sum.Outlets, []string{OutletA, OutletB}) ||
		sum.First != "2024-05-10" || sum.Last != "2024-05-11" || sum.Title == "" {
		t.Errorf("story summary = %+v", sum)
	}
	st, err := s.GetStory(ctx, StoryClash)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Sources) != 2 || st.Sources[0].DocID != DocClashA || len(st.Events) != 2 {
		t.Errorf("story has %d sources (first %v), %d events", len(st.Sources), st.Sources, len(st.Events))
	}
	var fatal *store.Contradiction
	for i, c := range st.Contradictions {
		if c.Field == "fatalities" {
			fatal = &st.Contradictions[i]
		}
		if c.Field == "location" || c.Field == "date" || c.Field == "event_type" {
			t.Errorf("sources agree on %s, but it is reported as a contradiction: %+v", c.Field, c)
		}
	}
	if fatal == nil || fatal.MergedID != MergedClash || len(fatal.Claims) != 2 ||
		fatal.Claims[0].Value != "4" || fatal.Claims[1].Value != "6" ||
		!slices.Equal(fatal.Claims[0].Outlets, []string{OutletA}) {
		t.Errorf("fatalities contradiction = %+v; all: %+v", fatal, st.Contradictions)
	}
	labels := map[string]bool{}
	for _, f := range st.Framing {
		for _, l := range f.Labels {
			labels[f.Actor+"|"+l.Outlet+"|"+l.Label] = true
		}
	}
	for _, want := range []string{"kb:shield|" + OutletA + "|مليشيات", "kb:shield|" + OutletB + "|قوات", "kb:guard|" + OutletB + "|عصابات"} {
		if !labels[want] {
			t.Errorf("story framing lacks %s; has %v", want, labels)
		}
	}
	if _, err := s.GetStory(ctx, "no-such-story"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("GetStory(unknown) error = %v, want ErrNotFound", err)
	}
	if _, err := s.GetStory(ctx, ""); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("GetStory(\"\") error = %v, want ErrNotFound", err)
	}
}

func testActors(t *testing.T, s store.Store) {
	ctx := context.Background()
	Load(t, s)
	page, err := s.ListActors(ctx, store.ActorFilter{})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]store.Actor{}
	for _, a := range page.Items {
		byID[a.ID] = a
	}
	shield, ok := byID["kb:shield"]
	if !ok {
		t.Fatalf("actor kb:shield missing from %+v", page.Items)
	}
	if shield.Documents != 2 || shield.Events != 2 || shield.Name != "قوة الدرع" || shield.Type != "ARMED_GROUP" {
		t.Errorf("kb:shield = %+v", shield)
	}
	want := []store.Label{{Outlet: OutletB, Label: "قوات", Count: 1}, {Outlet: OutletA, Label: "مليشيات", Count: 1}}
	store.SortLabels(want)
	if !slices.Equal(shield.Labels, want) {
		t.Errorf("kb:shield labels = %+v, want %+v", shield.Labels, want)
	}
	if page.Items[0].Documents < page.Items[len(page.Items)-1].Documents {
		t.Errorf("actors not ordered by documents: %+v", page.Items)
	}
	for _, id := range []string{"geo:tripoli", "geo:sirte"} {
		if _, ok := byID[id]; ok {
			t.Errorf("place %s listed as an actor", id)
		}
	}
	filtered, err := s.ListActors(ctx, store.ActorFilter{Query: "الحرس"})
	if err != nil || filtered.Total != 1 || filtered.Items[0].ID != "kb:guard" {
		t.Errorf("ListActors(الحرس) = %+v, %v", filtered, err)
	}
	paged, err := s.ListActors(ctx, store.ActorFilter{Page: store.Page{Limit: 1, Offset: 1}})
	if err != nil || len(paged.Items) != 1 || paged.Total != page.Total || paged.Items[0].ID != page.Items[1].ID {
		t.Errorf("ListActors page 2 = %+v, %v", paged, err)
	}
}

func testStats(t *testing.T, s store.Store) {
	empty := mustStats(t, s)
	if empty.Documents != 0 || empty.Events != 0 || len(empty.Outlets) != 0 {
		t.Errorf("empty store stats = %+v", empty)
	}
	Load(t, s)
	st := mustStats(t, s)
	if st.Documents != 5 || st.Events != 5 || st.Entities != 10 || st.Quotes != 1 || st.Stories != 1 ||
		st.FirstDate != "2024-05-10" || st.LastDate != "2024-08-01" {
		t.Errorf("stats = %+v", st)
	}
	outlets := map[string]store.OutletCount{}
	for _, o := range st.Outlets {
		outlets[o.Outlet] = o
	}
	if o := outlets[OutletA]; o.Documents != 2 || o.Events != 2 {
		t.Errorf("outlet %s = %+v", OutletA, o)
	}
}
