package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/marsad/marsad/internal/store"
	"github.com/marsad/marsad/internal/store/storetest"
)

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := Open(context.Background(), filepath.Join(t.TempDir(), "marsad.db"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestReopenKeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "marsad.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	storetest.Load(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := s.Search(context.Background(), "قوات", store.Page{})
	if err != nil || res.Total != 3 {
		t.Errorf("after reopening: search total %d, err %v", res.Total, err)
	}
}

func TestOpenBadPath(t *testing.T) {
	if _, err := Open(context.Background(), filepath.Join(t.TempDir(), "missing", "dir", "x.db")); err == nil {
		t.Error("Open in a missing directory succeeded")
	}
	if _, err := Open(context.Background(), ""); err == nil {
		t.Error("Open(\"\") succeeded")
	}
}

// TestSearchOrderingsAndCappedTotal lowers the limits so that a handful of
// documents reach the newest-first ordering and the capped count.
func TestSearchOrderingsAndCappedTotal(t *testing.T) {
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "marsad.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i := 0; i < 6; i++ {
		if _, err := s.PutDocument(context.Background(), storetest.Generate(i)); err != nil {
			t.Fatal(err)
		}
	}
	s.rankLimit, s.maxTotal = 3, 4
	tests := []struct {
		query   string
		total   int
		capped  bool
		ranking string
	}{
		{"تقرير", 4, true, store.RankRecent},           // in every generated article
		{"تقرير رقم 2", 1, false, store.RankRelevance}, // only article 2 has the number 2
	}
	for _, tt := range tests {
		res, err := s.Search(context.Background(), tt.query, store.Page{Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != tt.total || res.TotalCapped != tt.capped || res.Ranking != tt.ranking {
			t.Errorf("Search(%q): total %d capped %v ranking %q; want %d %v %q",
				tt.query, res.Total, res.TotalCapped, res.Ranking, tt.total, tt.capped, tt.ranking)
		}
	}
	recent, _ := s.Search(context.Background(), "تقرير", store.Page{Limit: 3})
	var got []string
	for _, h := range recent.Items {
		got = append(got, h.DocID)
	}
	if want := []string{"gen-0000005", "gen-0000004", "gen-0000003"}; !slices.Equal(got, want) {
		t.Errorf("newest-first hits = %v, want %v", got, want)
	}
}

func TestOpenRefusesOtherSchemaVersion(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.writer.Exec(`PRAGMA user_version = 99`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(context.Background(), path); err == nil || !strings.Contains(err.Error(), "version 99") {
		t.Errorf("opening a version-99 file: %v", err)
	}
}

// TestOpenMigratesVersion1 turns a file back into the version-1 schema
// (event_actors without dates or types) and checks that Open migrates it
// and that event lists answer as before.
func TestOpenMigratesVersion1(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v1.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	storetest.Load(t, s)
	filters := []store.EventFilter{{Actor: "kb:guard"}, {Actor: "kb:guard", EventType: "Battles"}, {Actor: "الدرع"},
		{Actor: "kb:guard", From: "2024-05-10", To: "2024-05-10"}, {Actor: "مسلحون", From: "2024-08"}}
	before := eventLists(t, s, filters)
	for _, q := range []string{
		`CREATE TABLE ea1 (event INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE, actor_id TEXT NOT NULL)`,
		`INSERT INTO ea1 SELECT event, actor_id FROM event_actors`,
		`DROP TABLE event_actors`,
		`ALTER TABLE ea1 RENAME TO event_actors`,
		`CREATE INDEX event_actors_event ON event_actors(event)`,
		`CREATE INDEX event_actors_id ON event_actors(actor_id, event)`,
		`PRAGMA user_version = 1`,
	} {
		if _, err := s.writer.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var version int
	if err := s.reader.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil || version != schemaVersion {
		t.Errorf("after migrating: version %d, %v", version, err)
	}
	if after := eventLists(t, s, filters); !slices.Equal(after, before) {
		t.Errorf("event lists after migrating:\n%v\nbefore:\n%v", after, before)
	}
}

// eventLists lists the event ids each filter selects, one line per filter.
func eventLists(t *testing.T, s store.Store, filters []store.EventFilter) []string {
	t.Helper()
	var out []string
	for _, f := range filters {
		page, err := s.ListEvents(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		if page.Total == 0 {
			t.Fatalf("%+v selects nothing: the test would prove nothing", f)
		}
		var ids []string
		for _, r := range page.Items {
			ids = append(ids, r.ID)
		}
		out = append(out, fmt.Sprintf("%+v: %d %v", f, page.Total, ids))
	}
	return out
}
