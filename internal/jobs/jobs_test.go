package jobs

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/marsad/marsad/internal/analyze"
	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/ingest"
	"github.com/marsad/marsad/internal/metrics"
	"github.com/marsad/marsad/internal/pipeline"
	"github.com/marsad/marsad/internal/queue"
	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/store"
	"github.com/marsad/marsad/internal/store/sqlite"
	"github.com/marsad/marsad/internal/synth"
)

func startServer(t *testing.T) *queue.Embedded {
	t.Helper()
	e, err := queue.StartEmbedded(t.TempDir(), "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.Shutdown)
	return e
}

func connect(t *testing.T, e *queue.Embedded, opts queue.Options) *queue.Queue {
	t.Helper()
	opts.Logf = t.Logf
	q, err := queue.Connect(context.Background(), e.URL(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	return q
}

func openSQLite(t *testing.T) store.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "marsad.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// writeArticles writes n generated Arabic conflict articles as text files.
func writeArticles(t *testing.T, dir string, seed uint64, n int) {
	t.Helper()
	for i, p := range synth.Corpus(seed, n) {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("art-%04d.txt", i)), []byte(p.Text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// runWorkers runs workers until cond holds, then stops them.
func runWorkers(t *testing.T, workers []*Worker, cond func() bool) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	errs := make(chan error, len(workers))
	for _, w := range workers {
		wg.Add(1)
		go func(w *Worker) {
			defer wg.Done()
			errs <- w.Run(ctx)
		}(w)
	}
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			cancel()
			wg.Wait()
			t.Fatal("workers did not finish in 60s")
		}
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}

func stats(t *testing.T, s store.Store) store.Stats {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// eventsPerDoc maps each stored document to its number of events.
func eventsPerDoc(t *testing.T, s store.Store) map[string]int {
	t.Helper()
	out := map[string]int{}
	for off := 0; ; off += store.MaxLimit {
		page, err := s.ListDocuments(context.Background(), store.DocumentFilter{Page: store.Page{Limit: store.MaxLimit, Offset: off}})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range page.Items {
			out[d.DocID] = d.Events
		}
		if len(page.Items) < store.MaxLimit {
			return out
		}
	}
}

// TestWorkersStoreWhatIngestStores queues generated articles, has two
// workers store them, and compares the store with a single-process ingest
// of the same files.
func TestWorkersStoreWhatIngestStores(t *testing.T) {
	const n = 40
	dir := t.TempDir()
	writeArticles(t, dir, 7, n)
	e := startServer(t)
	producer := connect(t, e, queue.Options{})
	res, err := Submit(context.Background(), producer, []string{dir}, SubmitOptions{})
	if err != nil || res.Queued != n || res.Failed != 0 {
		t.Fatalf("Submit: %+v, %v", res, err)
	}
	// Submitting again within the duplicate window queues nothing.
	again, err := Submit(context.Background(), producer, []string{dir}, SubmitOptions{})
	if err != nil || again.Queued != 0 || again.Duplicates != n {
		t.Fatalf("second Submit: %+v, %v", again, err)
	}
	st := openSQLite(t)
	reg := metrics.NewRegistry()
	m := NewMetrics(reg)
	var workers []*Worker
	for i := range 2 {
		workers = append(workers, &Worker{Queue: connect(t, e, queue.Options{}), Store: st, Concurrency: 2,
			Name: fmt.Sprintf("w%d", i), Metrics: m, Logf: t.Logf})
	}
	runWorkers(t, workers, func() bool { return m.Processed.Value() == n })

	ref := openSQLite(t)
	if _, err := ingest.Run(context.Background(), ref, []string{dir}, ingest.Options{Workers: 1}); err != nil {
		t.Fatal(err)
	}
	got, want := stats(t, st), stats(t, ref)
	t.Logf("workers: %d documents, %d events; ingest: %d documents, %d events", got.Documents, got.Events, want.Documents, want.Events)
	if got.Documents != n || got.Documents != want.Documents || got.Events != want.Events || got.Entities != want.Entities {
		t.Errorf("workers stored %d documents, %d events, %d entities; ingest stored %d, %d, %d",
			got.Documents, got.Events, got.Entities, want.Documents, want.Events, want.Entities)
	}
	gotPer, wantPer := eventsPerDoc(t, st), eventsPerDoc(t, ref)
	for id, n := range wantPer {
		if gotPer[id] != n {
			t.Errorf("%s: %d events from the workers, %d from ingest", id, gotPer[id], n)
		}
	}
	if m.Stored.Value() != n || m.Unchanged.Value() != 0 || m.Failures.Value() != 0 {
		t.Errorf("metrics: stored %v unchanged %v failures %v", m.Stored.Value(), m.Unchanged.Value(), m.Failures.Value())
	}
	var text strings.Builder
	reg.WriteText(&text)
	if !strings.Contains(text.String(), fmt.Sprintf("marsad_articles_processed_total %d\n", n)) {
		t.Errorf("/metrics text lacks the processed count:\n%s", text.String())
	}
}

func TestPoisonArticlesGoToDeadLetters(t *testing.T) {
	dir := t.TempDir()
	writeArticles(t, dir, 11, 3)
	poison := map[string]string{
		"english.txt": "This text is in English and is not something marsad can analyse.\n",
		"empty.html":  "<html><body><script>var x = 1;</script></body></html>",
	}
	for name, text := range poison {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	e := startServer(t)
	q := connect(t, e, queue.Options{Tries: 3})
	if _, err := Submit(context.Background(), q, []string{dir}, SubmitOptions{}); err != nil {
		t.Fatal(err)
	}
	// A message that is not a job at all.
	if _, err := q.Publish(context.Background(), queue.Item{ID: "junk", Source: "junk", Data: []byte("{not json")}); err != nil {
		t.Fatal(err)
	}
	st := openSQLite(t)
	m := NewMetrics(metrics.NewRegistry())
	w := &Worker{Queue: q, Store: st, Metrics: m, Logf: t.Logf}
	runWorkers(t, []*Worker{w}, func() bool { return m.Processed.Value() == 3 && m.DeadLettered.Value() == 3 })
	page, err := q.DeadLetters(context.Background(), 10, 0)
	if err != nil {
		t.Fatal(err)
	}
	errs := map[string]string{}
	for _, dl := range page.Items {
		errs[filepath.Base(dl.Source)] = dl.Error
		if dl.Deliveries != 1 {
			t.Errorf("%s was tried %d times; a bad article needs one", dl.Source, dl.Deliveries)
		}
	}
	for name, want := range map[string]string{"english.txt": "not Arabic", "empty.html": "no article text", "junk": "not a marsad job"} {
		if !strings.Contains(errs[name], want) {
			t.Errorf("dead letter of %s: error %q, want it to mention %q (all: %v)", name, errs[name], want, errs)
		}
	}
	if n := stats(t, st).Documents; n != 3 {
		t.Errorf("%d documents stored, want the 3 good ones", n)
	}
}

// flakyStore fails with ErrUnavailable a few times, as a database that
// restarts does.
type flakyStore struct {
	store.Store
	failures atomic.Int32
}

func (f *flakyStore) PutDocuments(ctx context.Context, docs []record.Document) ([]bool, error) {
	if f.failures.Add(-1) >= 0 {
		return nil, fmt.Errorf("%w: connection refused", store.ErrUnavailable)
	}
	return f.Store.PutDocuments(ctx, docs)
}

func (f *flakyStore) PutDocument(ctx context.Context, d record.Document) (bool, error) {
	inserted, err := f.PutDocuments(ctx, []record.Document{d})
	if err != nil {
		return false, err
	}
	return inserted[0], nil
}

func TestUnavailableStoreDoesNotSpendTries(t *testing.T) {
	dir := t.TempDir()
	writeArticles(t, dir, 5, 1)
	e := startServer(t)
	q := connect(t, e, queue.Options{Tries: 2})
	if _, err := Submit(context.Background(), q, []string{dir}, SubmitOptions{}); err != nil {
		t.Fatal(err)
	}
	flaky := &flakyStore{Store: openSQLite(t)}
	flaky.failures.Store(2)
	m := NewMetrics(metrics.NewRegistry())
	w := &Worker{Queue: q, Store: flaky, Metrics: m, Logf: t.Logf}
	runWorkers(t, []*Worker{w}, func() bool { return m.Processed.Value() == 1 })
	if left := flaky.failures.Load(); left >= 0 {
		t.Fatalf("the store never failed (%d failures left); the test proves nothing", left+1)
	}
	if m.Failures.Value() != 0 || m.DeadLettered.Value() != 0 {
		t.Errorf("a database outage counted against the article: %v failures, %v dead", m.Failures.Value(), m.DeadLettered.Value())
	}
	if n := stats(t, flaky).Documents; n != 1 {
		t.Errorf("%d documents stored, want 1", n)
	}
}

func TestSubmitRecordsAndBadPaths(t *testing.T) {
	dir := t.TempDir()
	line := `{"schema":"` + record.Schema + `","doc_id":"rec-1","body":"نص تجريبي قصير عن اشتباكات في المدينة."}` + "\n"
	if err := os.WriteFile(filepath.Join(dir, "records.jsonl"), []byte(line+"not json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var published []queue.Item
	pub := publisherFunc(func(ctx context.Context, it queue.Item) (queue.Published, error) {
		published = append(published, it)
		return queue.Published{Seq: uint64(len(published))}, nil
	})
	var reported []error
	res, err := Submit(context.Background(), pub, []string{dir, filepath.Join(dir, "missing.txt")},
		SubmitOptions{OnError: func(err error) { reported = append(reported, err) }})
	if err != nil {
		t.Fatal(err)
	}
	if res.Queued != 1 || res.Failed != 2 || len(reported) != 2 {
		t.Fatalf("Submit: %+v, errors %v", res, reported)
	}
	job, err := Decode(published[0].Data)
	if err != nil || job.Record == nil || job.Record.DocID != "rec-1" || !strings.HasPrefix(published[0].ID, "r-") {
		t.Errorf("queued %+v (%v), want the record job", published[0], err)
	}
	if !strings.Contains(reported[0].Error(), "records.jsonl:2") || !strings.Contains(reported[1].Error(), "missing.txt") {
		t.Errorf("errors do not name their inputs: %v", reported)
	}
}

type publisherFunc func(ctx context.Context, it queue.Item) (queue.Published, error)

func (f publisherFunc) Publish(ctx context.Context, it queue.Item) (queue.Published, error) {
	return f(ctx, it)
}

func TestPublishFailureStopsSubmit(t *testing.T) {
	dir := t.TempDir()
	writeArticles(t, dir, 3, 2)
	pub := publisherFunc(func(context.Context, queue.Item) (queue.Published, error) {
		return queue.Published{}, errors.New("nats: connection closed")
	})
	if _, err := Submit(context.Background(), pub, []string{dir}, SubmitOptions{}); err == nil {
		t.Error("Submit went on after the queue failed")
	}
}

func TestDecodeRefusesNonJobs(t *testing.T) {
	for _, data := range []string{"", "{}", `{"article":{"text":"x"},"record":{"doc_id":"y"}}`, "[1,2]"} {
		if _, err := Decode([]byte(data)); err == nil {
			t.Errorf("Decode(%q) accepted it", data)
		}
	}
}

// pickyStore refuses any batch holding the document "bad", as a database
// refuses a transaction with one row it cannot take.
type pickyStore struct {
	store.Store
	batches atomic.Int32
}

func (p *pickyStore) PutDocuments(ctx context.Context, docs []record.Document) ([]bool, error) {
	p.batches.Add(1)
	for _, d := range docs {
		if d.DocID == "bad" {
			return nil, errors.New("value too long")
		}
	}
	return p.Store.PutDocuments(ctx, docs)
}

func (p *pickyStore) PutDocument(ctx context.Context, d record.Document) (bool, error) {
	inserted, err := p.PutDocuments(ctx, []record.Document{d})
	if err != nil {
		return false, err
	}
	return inserted[0], nil
}

func TestCommitBatchesAndIsolatesABadRecord(t *testing.T) {
	picky := &pickyStore{Store: openSQLite(t)}
	w := &Worker{Store: picky, commits: make(chan commitRequest)}
	ids := []string{"good-1", "bad", "good-2"}
	replies := make([]chan commitResult, len(ids))
	for i, id := range ids {
		replies[i] = make(chan commitResult, 1)
		go func(i int, id string) {
			w.commits <- commitRequest{doc: record.Document{DocID: id, Body: "نص رقم " + id}, reply: replies[i]}
		}(i, id)
	}
	time.Sleep(100 * time.Millisecond) // all three wait to be taken together
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go w.commit(ctx)
	for i, id := range ids {
		res := <-replies[i]
		if (res.err != nil) != (id == "bad") || (res.err == nil && !res.inserted) {
			t.Errorf("%s: %+v", id, res)
		}
	}
	// One failed batch of three, then one by one.
	if n := picky.batches.Load(); n != 4 {
		t.Errorf("%d transactions, want 4 (a batch, then three single ones)", n)
	}
	if n := stats(t, picky).Documents; n != 2 {
		t.Errorf("%d documents stored, want the 2 good ones", n)
	}
}

// slowStage makes every analysis take a while.
type slowStage struct{ d time.Duration }

func (s slowStage) Name() string { return "slow" }

func (s slowStage) Process(*doc.Doc) error {
	time.Sleep(s.d)
	return nil
}

func TestStoppingWorkerGivesBackUnstartedJobs(t *testing.T) {
	const n = 12
	dir := t.TempDir()
	writeArticles(t, dir, 13, n)
	e := startServer(t)
	q := connect(t, e, queue.Options{})
	if _, err := Submit(context.Background(), q, []string{dir}, SubmitOptions{}); err != nil {
		t.Fatal(err)
	}
	m := NewMetrics(metrics.NewRegistry())
	w := &Worker{Queue: q, Store: openSQLite(t), Metrics: m, Logf: t.Logf,
		Stages: append([]pipeline.Stage{slowStage{600 * time.Millisecond}}, analyze.DefaultStages(analyze.StageOptions{})...)}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	waitUntil(t, func() bool { return m.Processed.Value() >= 1 })
	cancel()
	stopped := time.Now()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if d := time.Since(stopped); d > 3*time.Second {
		t.Errorf("stopping took %v: jobs in hand were analysed instead of given back", d)
	}
	st, err := q.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	processed := int(m.Processed.Value())
	if m.Failures.Value() != 0 || int(st.Depth) != n-processed || st.Dead != 0 {
		t.Errorf("after stopping: %d processed, %v failures, queue %+v; want the other %d waiting", processed,
			m.Failures.Value(), st, n-processed)
	}
}

func waitUntil(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met in 30s")
		}
		time.Sleep(10 * time.Millisecond)
	}
}
