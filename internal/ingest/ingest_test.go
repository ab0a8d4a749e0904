package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marsad/marsad/internal/store"
	"github.com/marsad/marsad/internal/store/sqlite"
)

func openStore(t *testing.T) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func run(t *testing.T, st *sqlite.Store, paths ...string) (Stats, []string) {
	t.Helper()
	var errs []string
	res, err := Run(context.Background(), st, paths, Options{OnError: func(err error) { errs = append(errs, err.Error()) }})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return res, errs
}

const fixtures = "../store/testdata/fixtures.jsonl"

func TestRecordsAreStoredOnceAndReingestChangesNothing(t *testing.T) {
	st := openStore(t)
	res, errs := run(t, st, fixtures)
	if res.Stored != 5 || res.Unchanged != 0 || res.Failed != 0 || len(errs) != 0 {
		t.Fatalf("first ingest: %+v %v", res, errs)
	}
	res, _ = run(t, st, fixtures)
	if res.Stored != 0 || res.Unchanged != 5 {
		t.Errorf("second ingest: %+v, want all unchanged", res)
	}
	stats, _ := st.Stats(context.Background())
	if stats.Documents != 5 || stats.Events != 5 {
		t.Errorf("store holds %d documents, %d events", stats.Documents, stats.Events)
	}
}

func TestBadRecordLinesAreReportedAndSkipped(t *testing.T) {
	good, err := os.ReadFile(fixtures)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(strings.TrimSpace(string(good)), "\n")
	mixed := lines[0] + "{broken json\n" + `{"schema":"marsad/v1","doc_id":"empty","body":""}` + "\n" + lines[1]
	path := filepath.Join(t.TempDir(), "mixed.jsonl")
	if err := os.WriteFile(path, []byte(mixed), 0o644); err != nil {
		t.Fatal(err)
	}
	st := openStore(t)
	res, errs := run(t, st, path, filepath.Join(t.TempDir(), "missing.txt"))
	if res.Stored != 2 || res.Failed != 3 {
		t.Errorf("got %+v, want 2 stored and 3 failed; errors %v", res, errs)
	}
	joined := strings.Join(errs, "\n")
	for _, want := range []string{"mixed.jsonl:2", "mixed.jsonl:3", "missing.txt"} {
		if !strings.Contains(joined, want) {
			t.Errorf("errors do not name %s:\n%s", want, joined)
		}
	}
}

func TestRawArticlesAreAnalysedAndStored(t *testing.T) {
	dir := t.TempDir()
	text := "أعلنت السلطات المحلية في مدينة الساحل إغلاق الطريق الرئيسي بعد اشتباكات مسلحة مساء الأحد.\n" +
		"وقال شهود إن القوات انتشرت في الشوارع."
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.txt"), []byte{0xff, 0xfe, 0x00, 0x01}, 0o644); err != nil {
		t.Fatal(err)
	}
	st := openStore(t)
	res, errs := run(t, st, dir, fixtures)
	if res.Stored != 6 || res.Failed != 1 {
		t.Errorf("got %+v, want 6 stored (1 analysed, 5 records) and the binary file failed; errors %v", res, errs)
	}
	hits, err := st.Search(context.Background(), "والقوات", store.Page{Limit: 10})
	if err != nil || hits.Total != 4 {
		t.Errorf("search after ingest: %d hits, %v; want the analysed article and 3 fixtures", hits.Total, err)
	}
	res, _ = run(t, st, dir)
	if res.Stored != 0 || res.Unchanged != 1 {
		t.Errorf("re-ingesting the analysed article: %+v", res)
	}
}
