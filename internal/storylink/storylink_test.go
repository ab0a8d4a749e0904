package storylink

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/store"
	"github.com/marsad/marsad/internal/store/sqlite"
	"github.com/marsad/marsad/internal/stories"
	"github.com/marsad/marsad/internal/stories/synth"
)

// corpus is a generated news corpus of about n articles over days days:
// stories of several articles, wire copies, events reported by several
// outlets. A copy with the very text of its original is left out: the
// store keeps one document per content.
func corpus(n, days int) []record.Document {
	cfg := synth.DefaultConfig(n)
	cfg.Days = days
	var out []record.Document
	seen := map[string]bool{}
	for _, d := range synth.Generate(cfg).Docs {
		if h := store.ContentHash(d.Body); !seen[h] {
			seen[h] = true
			out = append(out, d)
		}
	}
	return out
}

// oneRun returns the ids one Clusterer gives docs in order: what
// 'marsad analyze' would write for the whole corpus at once.
func oneRun(t *testing.T, docs []record.Document) []string {
	t.Helper()
	c, err := stories.NewClusterer(stories.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range docs {
		d.Events = slices.Clone(d.Events)
		c.Add(&d)
		out = append(out, ids(d))
	}
	return out
}

// ids renders a document's cross-document ids on one line.
func ids(d record.Document) string {
	s := d.DocID + " story=" + d.StoryID + " dup=" + d.DuplicateOf
	for _, e := range d.Events {
		s += " " + e.MergedID
	}
	return s
}

func openStore(t *testing.T) store.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// storedIDs reads the ids of docs back from the store.
func storedIDs(t *testing.T, st store.Store, docs []record.Document) []string {
	t.Helper()
	var out []string
	for _, d := range docs {
		got, err := st.GetDocument(context.Background(), d.DocID)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, ids(got))
	}
	return out
}

func diff(t *testing.T, what string, got, want []string) {
	t.Helper()
	n := 0
	for i := range want {
		if got[i] != want[i] {
			if n++; n <= 5 {
				t.Errorf("%s, document %d:\n got %s\nwant %s", what, i, got[i], want[i])
			}
		}
	}
	if n > 0 {
		t.Errorf("%s: %d of %d documents differ from one run over the whole corpus", what, n, len(want))
	}
}

// TestLinkingAcrossRunsMatchesOneRun ingests a corpus in three runs, each
// with a Linker seeded from the store, and checks that every document gets
// exactly the ids one run over the whole corpus gives: stories, wire-copy
// links and merged events continue across runs.
func TestLinkingAcrossRunsMatchesOneRun(t *testing.T) {
	ctx := context.Background()
	docs := corpus(600, 20)
	want := oneRun(t, docs)
	st := openStore(t)
	cuts := []int{0, 250, 251, len(docs)}
	for r := 0; r+1 < len(cuts); r++ {
		l := New()
		n, err := l.SeedFrom(ctx, st)
		if err != nil || n != cuts[r] {
			t.Fatalf("run %d: seeded %d documents, %v; want %d", r, n, err, cuts[r])
		}
		var batch []record.Document
		for _, d := range docs[cuts[r]:cuts[r+1]] {
			d.Events = slices.Clone(d.Events)
			l.Link(&d)
			batch = append(batch, d)
		}
		if _, err := st.PutDocuments(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
	diff(t, "linked in three runs", storedIDs(t, st, docs), want)
	if stories, _ := st.ListStories(ctx, store.Page{}); stories.Total < 50 || stories.Total > 500 {
		t.Errorf("%d stories for 600 articles: the corpus does not exercise stories", stories.Total)
	}
}

// TestAssignerMatchesOneRun stores a corpus with no ids, as queue workers
// do, in two halves, and checks that the Assigner links it exactly as one
// run would, and that a document linked meanwhile by someone else is kept.
func TestAssignerMatchesOneRun(t *testing.T) {
	ctx := context.Background()
	docs := corpus(400, 15)
	want := oneRun(t, docs)
	st := openStore(t)
	for _, half := range [][]record.Document{docs[:200], docs[200:]} {
		if _, err := st.PutDocuments(ctx, half); err != nil {
			t.Fatal(err)
		}
		a := &Assigner{Store: st, Batch: 64, Logf: t.Logf} // a fresh one seeds from the store
		for {
			n, err := a.LinkWaiting(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if n == 0 {
				break
			}
		}
	}
	diff(t, "linked by the Assigner", storedIDs(t, st, docs), want)
}

// linkAll runs a.LinkWaiting until nothing is left or it links nothing.
func linkAll(t *testing.T, a *Assigner) int {
	t.Helper()
	total := 0
	for {
		n, err := a.LinkWaiting(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			return total
		}
		total += n
	}
}

// TestAssignersTakeTurns runs two Assigners on one store: only the lease
// holder links, the other takes over when the lease is given up and
// reseeds, and the ids come out as one run's.
func TestAssignersTakeTurns(t *testing.T) {
	ctx := context.Background()
	docs := corpus(160, 10)
	want := oneRun(t, docs)
	st := openStore(t)
	a, b := &Assigner{Store: st, Holder: "a", Batch: 40}, &Assigner{Store: st, Holder: "b", Batch: 40}
	if _, err := st.PutDocuments(ctx, docs[:80]); err != nil {
		t.Fatal(err)
	}
	if n, err := a.LinkWaiting(ctx); n != 40 || err != nil {
		t.Fatalf("a linked %d, %v; want 40", n, err)
	}
	if n, err := b.LinkWaiting(ctx); n != 0 || err != nil {
		t.Fatalf("b linked %d, %v while a holds the lease", n, err)
	}
	st.Lease(ctx, LeaseName, "a", 0) // a stops
	if n := linkAll(t, b); n != 40 {
		t.Fatalf("b linked %d after taking over, want 40", n)
	}
	if _, err := st.PutDocuments(ctx, docs[80:]); err != nil {
		t.Fatal(err)
	}
	if n, _ := a.LinkWaiting(ctx); n != 0 {
		t.Fatalf("a linked %d while b holds the lease", n)
	}
	st.Lease(ctx, LeaseName, "b", 0)
	if n := linkAll(t, a); n != len(docs)-80 {
		t.Fatalf("a linked %d, want %d", n, len(docs)-80)
	}
	diff(t, "linked by two Assigners in turn", storedIDs(t, st, docs), want)
}

// putter stores what is written to it, one document at a time.
type putter struct{ st store.Store }

func (p putter) Write(d record.Document) error {
	_, err := p.st.PutDocument(context.Background(), d)
	return err
}
func (p putter) Close() error { return nil }

// TestInlineLeavesLinkingToTheHolder ingests inline while an Assigner
// holds the lease: documents are stored unlinked, the Assigner links them,
// and an ingest run with the lease free links as it stores.
func TestInlineLeavesLinkingToTheHolder(t *testing.T) {
	ctx := context.Background()
	docs := corpus(160, 10)
	want := oneRun(t, docs)
	st := openStore(t)
	a := &Assigner{Store: st, Holder: "server"}
	linkAll(t, a) // takes the lease
	in, err := StartInline(ctx, st)
	if err != nil || in.Held() {
		t.Fatalf("StartInline while the server holds the lease: held %v, %v", in.Held(), err)
	}
	w := in.Writer(putter{st})
	for _, d := range docs[:80] {
		d.Events = slices.Clone(d.Events)
		if err := w.Write(d); err != nil {
			t.Fatal(err)
		}
	}
	in.Close()
	if got, _ := st.GetDocument(ctx, docs[0].DocID); got.StoryID != "" {
		t.Fatalf("stored linked (%s) without the lease", got.StoryID)
	}
	if n := linkAll(t, a); n != 80 {
		t.Fatalf("the server linked %d, want 80", n)
	}
	st.Lease(ctx, LeaseName, "server", 0) // the server stops
	in, err = StartInline(ctx, st)
	if err != nil || !in.Held() || in.Seeded != 80 {
		t.Fatalf("StartInline with the lease free: held %v, seeded %d, %v", in.Held(), in.Seeded, err)
	}
	w = in.Writer(putter{st})
	for _, d := range docs[80:] {
		d.Events = slices.Clone(d.Events)
		if err := w.Write(d); err != nil {
			t.Fatal(err)
		}
	}
	in.Close()
	if held, _, _ := st.Lease(ctx, LeaseName, "server", LeaseTTL); !held {
		t.Error("the ingest run kept the lease after Close")
	}
	diff(t, "linked by the server, then inline", storedIDs(t, st, docs), want)
}

func TestWindowStart(t *testing.T) {
	for _, tt := range []struct{ newest, want string }{{"2024-03-05", "2024-02-04"}, {"2024-03-05T10:00:00Z", "2024-02-04"}} {
		if got, err := windowStart(tt.newest, 30); got != tt.want || err != nil {
			t.Errorf("windowStart(%q) = %q, %v; want %q", tt.newest, got, err, tt.want)
		}
	}
	if _, err := windowStart("2024", 30); err == nil {
		t.Error("windowStart accepted a year")
	}
}

func ExampleLinker() {
	l := New()
	first := record.Document{DocID: "a", StoryID: "story:stored-earlier", Body: "نص الخبر الأول",
		Published: record.Published{Date: record.Str("2024-05-01")}}
	l.Seed(first)
	again := first
	again.StoryID = ""
	l.Link(&again) // the same content: left alone, the store has it
	fmt.Printf("%q\n", again.StoryID)
	// Output: ""
}

// TestSeedAfterLinkIsNotClustered gives the Linker a record with ids of
// its own after linking has begun: the record must not change the ids of
// the story a linked document opened.
func TestSeedAfterLinkIsNotClustered(t *testing.T) {
	docs := corpus(60, 5)
	l := New()
	first := docs[0]
	first.Events = slices.Clone(first.Events)
	l.Link(&first)
	var member *record.Document
	c, _ := stories.NewClusterer(stories.Options{})
	for i := range docs {
		d := docs[i]
		d.Events = slices.Clone(d.Events)
		c.Add(&d)
		if i > 0 && d.StoryID == "story:"+first.DocID && d.DuplicateOf == "" {
			member = &docs[i]
			break
		}
	}
	if member == nil {
		t.Skip("the corpus's first story has one document")
	}
	rec := *member
	rec.Events = slices.Clone(rec.Events)
	rec.StoryID = "story:from-another-run"
	l.Seed(rec)
	if l.Seeded != 0 {
		t.Errorf("seeded after linking: %d", l.Seeded)
	}
	next := *member
	next.DocID, next.Body = "later", member.Body+" وأضاف المصدر تفاصيل أخرى."
	next.Events = slices.Clone(next.Events)
	l.Link(&next)
	if next.StoryID == "story:from-another-run" {
		t.Errorf("a linked document took the id %q of a record seeded after linking began", next.StoryID)
	}
}
