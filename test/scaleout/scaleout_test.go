//go:build integration

package scaleout

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/marsad/marsad/internal/jobs"
	"github.com/marsad/marsad/internal/queue"
	"github.com/marsad/marsad/internal/queue/natstest"
	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/store"
	"github.com/marsad/marsad/internal/store/postgres"
	"github.com/marsad/marsad/internal/store/postgres/pgtest"
	"github.com/marsad/marsad/internal/store/sqlite"
)

// articleCount is the size of the run; $MARSAD_INTEGRATION_ARTICLES
// overrides it for a quick local try.
func articleCount(t *testing.T) int {
	if s := os.Getenv("MARSAD_INTEGRATION_ARTICLES"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 10 {
			t.Fatalf("MARSAD_INTEGRATION_ARTICLES=%q: want a number of at least 10", s)
		}
		return n
	}
	return 2000
}

// poison are inputs that read fine but that no try can analyse.
var poison = map[string]string{
	"poison-english.txt": "This page is written in English, so marsad's Arabic pipeline refuses it on every try.\n",
	"poison-empty.html":  "<html><head><title>x</title></head><body><script>var nothing = 1;</script></body></html>\n",
	"poison-digits.txt":  "١٢٣٤ ٥٦٧٨ ٩٠\n",
}

// TestScaleOut ingests generated articles through two worker processes
// into PostgreSQL over a standalone nats-server, SIGKILLs one worker in the
// middle, and checks that every article is stored exactly once, that the
// events equal a single-process ingest of the same files, that the poison
// inputs are dead letters visible in the API, and that re-delivering
// articles changes nothing.
func TestScaleOut(t *testing.T) {
	n := articleCount(t)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
	defer cancel()
	bin := marsadBinary(t)
	work := t.TempDir()
	input := filepath.Join(work, "articles")
	names := writeCorpus(t, input, 2026, n)
	for name, text := range poison {
		if err := os.WriteFile(filepath.Join(input, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	pg, err := pgtest.Start(ctx, pgtest.Options{})
	if err != nil {
		t.Fatalf("PostgreSQL: %v (scripts/integration.sh installs it)", err)
	}
	defer pg.Stop()
	dbURL, dropSchema, err := pg.NewSchema(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer dropSchema()
	nats, err := natstest.Start(ctx)
	if err != nil {
		t.Fatalf("nats-server: %v (scripts/integration.sh installs it)", err)
	}
	defer nats.Stop()

	var all logs
	const ackWait = "8s"
	serve := start(t, work, "serve", bin, "serve", "--db", dbURL, "--addr", "127.0.0.1:0", "--nats", nats.URL,
		"--workers", "0", "--token", "secret")
	all.add(serve)
	api := serve.waitForLine(t, servingLine, time.Minute)
	workers := []*process{
		start(t, work, "worker-1", bin, "worker", "--nats", nats.URL, "--db", dbURL, "--concurrency", "2",
			"--ack-wait", ackWait, "--tries", "3", "--name", "worker-1"),
		start(t, work, "worker-2", bin, "worker", "--nats", nats.URL, "--db", dbURL, "--concurrency", "2",
			"--ack-wait", ackWait, "--tries", "3", "--name", "worker-2"),
	}
	for _, w := range workers {
		all.add(w)
		w.waitForLine(t, regexp.MustCompile(`(consuming) from`), time.Minute)
	}

	code, out := run(t, 5*time.Minute, bin, "ingest", "--nats", nats.URL, input)
	if code != 0 || !strings.Contains(out, fmt.Sprintf("%d queued", n+len(poison))) {
		t.Fatalf("marsad ingest --nats: exit %d\n%s", code, out)
	}
	t.Logf("queued: %s", strings.TrimSpace(out))

	st, err := postgres.Open(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	documents := func() int {
		s, err := st.Stats(ctx)
		if err != nil {
			t.Fatalf("reading the store: %v", err)
		}
		return s.Documents
	}

	// Kill worker 1 once a third of the articles are in.
	began := time.Now()
	waitUntil(t, &all, 10*time.Minute, "a third of the articles stored", func() bool {
		if workers[0].exited() || workers[1].exited() {
			t.Fatalf("a worker exited on its own\n%s", all.String())
		}
		return documents() >= n/3
	})
	atKill := documents()
	if err := workers[0].cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-workers[0].done
	t.Logf("SIGKILLed worker-1 with %d of %d articles stored", atKill, n)
	if atKill >= n {
		t.Fatalf("all articles were stored before the kill; the run proves nothing about redelivery")
	}

	// Worker 2 finishes everything, worker 1's unacknowledged articles
	// included once the ack wait runs out.
	var qs struct {
		queue.Stats
		Workers int
	}
	maxRedelivered := 0
	waitUntil(t, &all, 10*time.Minute, "the queue to drain", func() bool {
		if workers[1].exited() {
			t.Fatalf("worker-2 exited\n%s", all.String())
		}
		if err := getJSON(api, "/api/queue", &qs); err != nil {
			t.Fatalf("GET /api/queue: %v", err)
		}
		maxRedelivered = max(maxRedelivered, qs.Redelivered)
		return qs.Depth == 0 && qs.Settled == uint64(n+len(poison))
	})
	elapsed := time.Since(began)
	log2, _ := os.ReadFile(workers[1].log)
	redelivered := strings.Count(string(log2), "its worker stopped")
	t.Logf("drained in %s; worker-2 took over %d articles (at most %d awaiting redelivery at once)",
		elapsed.Round(time.Millisecond), redelivered, maxRedelivered)
	if redelivered == 0 {
		t.Errorf("no article of the killed worker was redelivered: was it idle when killed?\n%s", all.String())
	}

	// Every article stored exactly once.
	got := storeCounts(t, ctx, st, dbURL)
	if got.documents != n || got.distinctHashes != n || got.distinctIDs != n {
		t.Errorf("PostgreSQL holds %d documents (%d distinct contents, %d distinct ids); want %d of each",
			got.documents, got.distinctHashes, got.distinctIDs, n)
	}
	perDoc := eventsPerDoc(t, ctx, st)
	for _, name := range names {
		if _, ok := perDoc[name]; !ok {
			t.Errorf("article %s was never stored", name)
		}
	}

	// The same events as a single process reading the same files.
	refPath := filepath.Join(work, "reference.db")
	code, out = run(t, 10*time.Minute, bin, "ingest", "--db", refPath, "--quiet", input)
	if code != 1 || strings.Count(out, "poison-") != len(poison) {
		t.Fatalf("reference ingest: exit %d (want 1: the poison inputs fail)\n%s", code, out)
	}
	ref, err := sqlite.Open(ctx, refPath)
	if err != nil {
		t.Fatal(err)
	}
	defer ref.Close()
	refStats, err := ref.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if refStats.Documents != n || refStats.Events != got.events || refStats.Entities != got.entities {
		t.Errorf("single process: %d documents, %d events, %d entities; workers: %d, %d, %d",
			refStats.Documents, refStats.Events, refStats.Entities, got.documents, got.events, got.entities)
	}
	refPerDoc := eventsPerDoc(t, ctx, ref)
	diffs := 0
	for id, want := range refPerDoc {
		if perDoc[id] != want && diffs < 10 {
			diffs++
			t.Errorf("%s: %d events from the workers, %d from the single process", id, perDoc[id], want)
		}
	}
	t.Logf("%d documents, %d events, %d entities — the same as the single-process run", got.documents, got.events, got.entities)

	// The workers store documents with no story id; the serve process, the
	// single stories consumer, links them all (internal/storylink).
	waitUntil(t, &all, 5*time.Minute, "the server to link every document to a story", func() bool {
		waiting := 0
		err := st.ScanDocuments(ctx, store.ScanFilter{Limit: 1}, func(record.Document) error { waiting++; return nil })
		if err != nil {
			t.Fatal(err)
		}
		return waiting == 0
	})
	linked, err := st.ListStories(ctx, store.Page{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	refStories, err := ref.ListStories(ctx, store.Page{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("stories: %d linked by the server from the workers' documents, %d linked inline by the single process",
		linked.Total, refStories.Total)
	if linked.Total == 0 || linked.Total > n {
		t.Errorf("%d stories for %d documents", linked.Total, n)
	}

	// The poison inputs are dead letters, each with its error, in the API.
	var dead struct {
		Total int
		Items []queue.DeadLetter
	}
	if err := getJSON(api, "/api/deadletters", &dead); err != nil {
		t.Fatal(err)
	}
	if dead.Total != len(poison) {
		t.Errorf("%d dead letters, want %d: %+v", dead.Total, len(poison), dead.Items)
	}
	for _, dl := range dead.Items {
		base := filepath.Base(dl.Source)
		if _, ok := poison[base]; !ok || !strings.Contains(dl.Error, base) || dl.Deliveries != 1 {
			t.Errorf("dead letter %s: error %q after %d tries", dl.Source, dl.Error, dl.Deliveries)
		}
	}
	// The killed worker drops out of the count once its announcements stop.
	var metrics string
	waitUntil(t, &all, time.Minute, "/metrics to show one worker and no queue", func() bool {
		if metrics, err = getText(api, "/metrics"); err != nil {
			t.Fatal(err)
		}
		return strings.Contains(metrics, "\nmarsad_workers 1\n")
	})
	for _, want := range []string{"\nmarsad_queue_depth 0\n", fmt.Sprintf("\nmarsad_dead_letters %d\n", len(poison))} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %q:\n%s", strings.TrimSpace(want), metrics)
		}
	}

	// Re-delivering articles (queued again under new message ids, so the
	// server's duplicate window does not drop them) changes nothing.
	again, err := queue.Connect(ctx, nats.URL, queue.Options{Name: "scaleout test"})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	repeats := min(100, n)
	var paths []string
	for _, name := range names[:repeats] {
		paths = append(paths, filepath.Join(input, name))
	}
	res, err := jobs.Submit(ctx, renamer{again}, paths, jobs.SubmitOptions{})
	if err != nil || res.Queued != repeats {
		t.Fatalf("re-queueing %d articles: %+v, %v", repeats, res, err)
	}
	waitUntil(t, &all, 5*time.Minute, "the re-delivered articles", func() bool {
		if err := getJSON(api, "/api/queue", &qs); err != nil {
			t.Fatal(err)
		}
		return qs.Depth == 0 && qs.Settled == uint64(n+len(poison)+repeats)
	})
	if after := storeCounts(t, ctx, st, dbURL); after != got {
		t.Errorf("re-delivered articles changed the store: before %+v, after %+v", got, after)
	}
	if t.Failed() {
		t.Log(all.String())
	}
}

// renamer republishes jobs under new message ids, as a re-ingest after the
// duplicate window would.
type renamer struct{ q *queue.Queue }

func (r renamer) Publish(ctx context.Context, it queue.Item) (queue.Published, error) {
	it.ID = fmt.Sprintf("%s-again-%d", it.ID, time.Now().UnixNano())
	return r.q.Publish(ctx, it)
}

type counts struct {
	documents, distinctHashes, distinctIDs, events, entities int
}

func storeCounts(t *testing.T, ctx context.Context, st store.Store, dbURL string) counts {
	t.Helper()
	s, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	c := counts{events: s.Events, entities: s.Entities}
	if err := conn.QueryRow(ctx, `SELECT count(*), count(DISTINCT content_hash), count(DISTINCT doc_id) FROM documents`).
		Scan(&c.documents, &c.distinctHashes, &c.distinctIDs); err != nil {
		t.Fatal(err)
	}
	return c
}

// eventsPerDoc maps each stored document to its number of events.
func eventsPerDoc(t *testing.T, ctx context.Context, s store.Store) map[string]int {
	t.Helper()
	out := map[string]int{}
	for off := 0; ; off += store.MaxLimit {
		page, err := s.ListDocuments(ctx, store.DocumentFilter{Page: store.Page{Limit: store.MaxLimit, Offset: off}})
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

func waitUntil(t *testing.T, l *logs, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s\n%s", timeout, what, l.String())
		}
		time.Sleep(250 * time.Millisecond)
	}
}
