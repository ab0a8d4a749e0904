package postgres

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/store"
	"github.com/marsad/marsad/internal/store/postgres/pgtest"
	"github.com/marsad/marsad/internal/store/storetest"
	"github.com/marsad/marsad/internal/textindex"
)

// server is the PostgreSQL server of this test binary; nil when none could
// be had (skipReason says why).
var (
	server     *pgtest.Server
	skipReason string
)

func TestMain(m *testing.M) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	s, err := pgtest.Start(ctx, pgtest.Options{})
	cancel()
	if err != nil {
		skipReason = err.Error()
		if !errors.Is(err, pgtest.ErrNoServer) {
			// A server that is there but will not start is a failure, not a skip.
			fmt.Fprintf(os.Stderr, "postgres tests: %v\n", err)
			os.Exit(1)
		}
	}
	server = s
	code := m.Run()
	server.Stop()
	os.Exit(code)
}

// openEmpty returns a store in a schema of its own, dropped after the test.
func openEmpty(t testing.TB) *Store {
	t.Helper()
	if server == nil {
		t.Skipf("no PostgreSQL: %s", skipReason)
	}
	ctx := context.Background()
	address, drop, err := server.NewSchema(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(ctx, address)
	if err != nil {
		drop()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		s.Close()
		drop()
	})
	return s
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return openEmpty(t) })
}

// TestStoreWithPostGIS runs the event filters again with PostGIS, when the
// server has it, so both bounding-box paths are checked.
func TestStoreWithPostGIS(t *testing.T) {
	if server == nil {
		t.Skipf("no PostgreSQL: %s", skipReason)
	}
	if !server.EnablePostGIS(context.Background()) {
		t.Skip("PostGIS is not installed on this server (Debian: postgresql-15-postgis-3); the range-predicate path is tested")
	}
	s := openEmpty(t)
	if !s.PostGIS() {
		t.Fatal("PostGIS is installed but the store does not use it")
	}
	storetest.Load(t, s)
	box := &store.BBox{MinLon: 12, MinLat: 30, MaxLon: 17, MaxLat: 34}
	page, err := s.ListEvents(context.Background(), store.EventFilter{BBox: box})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{storetest.DocXSS, storetest.DocStrike, storetest.DocClashB, storetest.DocClashA}
	var got []string
	for _, r := range page.Items {
		got = append(got, r.DocID)
	}
	if !slices.Equal(got, want) {
		t.Errorf("bbox with PostGIS: got %v, want %v", got, want)
	}
}

func TestSearchOrderingsAndCappedTotal(t *testing.T) {
	s := openEmpty(t)
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
		{"تقرير", 4, true, store.RankRecent},
		{"تقرير رقم 2", 1, false, store.RankRelevance},
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

// TestConcurrentWritersStoreOnce has several writers, each on its own
// pool as separate worker processes would be, put the same documents at
// once: each must be stored exactly once and reported inserted once.
func TestConcurrentWritersStoreOnce(t *testing.T) {
	first := openEmpty(t)
	const writers, docs = 4, 40
	stores := []*Store{first}
	for len(stores) < writers {
		other, err := Open(context.Background(), first.address(t))
		if err != nil {
			t.Fatal(err)
		}
		defer other.Close()
		stores = append(stores, other)
	}
	var mu sync.Mutex
	inserted := map[string]int{}
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w, s := range stores {
		wg.Add(1)
		go func(w int, s *Store) {
			defer wg.Done()
			for i := 0; i < docs; i++ {
				// Writers walk the documents in different orders and batch sizes.
				k := (i*(w+1) + w) % docs
				batch := []record.Document{storetest.Generate(k), storetest.Generate((k + 1) % docs)}
				ok, err := s.PutDocuments(context.Background(), batch)
				if err != nil {
					errs <- fmt.Errorf("writer %d: %w", w, err)
					return
				}
				mu.Lock()
				for j, d := range batch {
					if ok[j] {
						inserted[d.DocID]++
					}
				}
				mu.Unlock()
			}
		}(w, s)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	wantEvents := 0
	for i := 0; i < docs; i++ {
		d := storetest.Generate(i)
		wantEvents += len(d.Events)
		if inserted[d.DocID] != 1 {
			t.Errorf("%s reported inserted %d times, want once", d.DocID, inserted[d.DocID])
		}
	}
	st, err := first.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != docs || st.Events != wantEvents {
		t.Errorf("stored %d documents, %d events; want %d, %d", st.Documents, st.Events, docs, wantEvents)
	}
}

// address returns the URL the store was opened with, for a second pool.
func (s *Store) address(t testing.TB) string {
	t.Helper()
	return s.pool.Config().ConnString()
}

func TestTSVectorLimits(t *testing.T) {
	long := strings.Repeat("قصف ", 400) + strings.Repeat("ب", 3000)
	v := tsvectorLiteral(weightedText{"عنوان", 'A'}, weightedText{long, 'B'})
	if strings.Count(v, ",") > maxPositions {
		t.Errorf("a repeated word kept more than %d positions", maxPositions)
	}
	if strings.Contains(v, strings.Repeat("ب", 3000)) {
		t.Error("a lexeme over PostgreSQL's limit was kept")
	}
	if !strings.HasPrefix(v, "'عنوان':1A") && !strings.Contains(v, "'عنوان':1A") {
		t.Errorf("title not weighted A at position 1: %.80s", v)
	}
	want := map[string]bool{}
	for _, text := range []string{"عنوان", long} {
		for _, term := range textindex.Terms(text) {
			for _, f := range term.Forms {
				if len(f) <= maxLexemeBytes {
					want[f] = true
				}
			}
		}
	}
	s := openEmpty(t)
	var n int
	if err := s.pool.QueryRow(context.Background(), "SELECT length($1::tsvector)", v).Scan(&n); err != nil {
		t.Fatalf("PostgreSQL refused the vector: %v", err)
	}
	if n != len(want) {
		t.Errorf("vector holds %d lexemes, want %d: %.200s", n, len(want), v)
	}
}

func TestQuoteLexeme(t *testing.T) {
	tests := []struct{ in, want string }{
		{"قوات", "'قوات'"},
		{"o'brien", "'o''brien'"},
		{`a\b`, `'a\\b'`},
	}
	for _, tt := range tests {
		if got := quoteLexeme(tt.in); got != tt.want {
			t.Errorf("quoteLexeme(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestOpenErrors(t *testing.T) {
	tests := []struct {
		address, want string
	}{
		{"postgres://marsad:secret@127.0.0.1:1/marsad?sslmode=disable", "postgres store 127.0.0.1:1/marsad"},
		{"postgres://h:notaport/db", "bad database URL"},
	}
	for _, tt := range tests {
		start := time.Now()
		_, err := Open(context.Background(), tt.address)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Open(%q) error = %v, want it to mention %q", tt.address, err, tt.want)
		}
		if err != nil && strings.Contains(err.Error(), "secret") {
			t.Errorf("Open(%q) error shows the password: %v", tt.address, err)
		}
		if d := time.Since(start); d > 15*time.Second {
			t.Errorf("Open(%q) took %v to fail", tt.address, d)
		}
	}
}

// TestOpenMigratesVersion1 turns a store back into the version-1 schema
// (event_actors keyed by raw actor id with names beside, no actor_names,
// no version table) and checks that Open migrates it and that event lists
// answer as before.
func TestOpenMigratesVersion1(t *testing.T) {
	s := openEmpty(t)
	ctx := context.Background()
	storetest.Load(t, s)
	filters := []store.EventFilter{{Actor: "kb:guard"}, {Actor: "kb:guard", EventType: "Battles"}, {Actor: "الدرع"},
		{Actor: store.ActorKey("", "<script>window.__xss=7</script>مسلحون")}, {Actor: "مسلحون", From: "2024-08"}}
	before := eventLists(t, s, filters)
	for i, line := range before {
		if strings.Contains(line, ": 0 []") {
			t.Fatalf("filter %d selects nothing: the test would prove nothing", i)
		}
	}
	for _, q := range []string{
		`CREATE TABLE ea1 (event BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE, actor_id TEXT COLLATE "C" NOT NULL, name TEXT COLLATE "C" NOT NULL)`,
		`INSERT INTO ea1 SELECT ea.event, CASE WHEN ea.actor_id LIKE 'name:%' THEN '' ELSE ea.actor_id END, n.norm
			FROM event_actors ea JOIN actor_names n ON n.actor_id = ea.actor_id`,
		`DROP TABLE event_actors`, `DROP TABLE actor_names`, `DROP TABLE marsad_schema`,
		`ALTER TABLE ea1 RENAME TO event_actors`,
		`CREATE INDEX event_actors_event ON event_actors (event)`,
		`CREATE INDEX event_actors_id ON event_actors (actor_id)`,
	} {
		if _, err := s.pool.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	again, err := Open(ctx, s.address(t))
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	var version int
	if err := again.pool.QueryRow(ctx, `SELECT version FROM marsad_schema`).Scan(&version); err != nil || version != schemaVersion {
		t.Errorf("after migrating: version %d, %v", version, err)
	}
	if after := eventLists(t, again, filters); !slices.Equal(after, before) {
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
		var ids []string
		for _, r := range page.Items {
			ids = append(ids, r.ID)
		}
		out = append(out, fmt.Sprintf("%+v: %d %v", f, page.Total, ids))
	}
	return out
}
