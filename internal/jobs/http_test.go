package jobs

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/marsad/marsad/internal/ingest"
	"github.com/marsad/marsad/internal/metrics"
	"github.com/marsad/marsad/internal/queue"
	"github.com/marsad/marsad/internal/server"
	"github.com/marsad/marsad/internal/store"
)

// queueServer returns the HTTP server with the queue's endpoints plugged in,
// as 'marsad serve --nats' runs it, on a fresh queue and store.
func queueServer(t *testing.T, token string) (*server.Server, *queue.Queue, store.Store) {
	t.Helper()
	e := startServer(t)
	q := connect(t, e, queue.Options{})
	reg := metrics.NewRegistry()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	mon, err := NewQueueMonitor(ctx, reg, q)
	if err != nil {
		t.Fatal(err)
	}
	api := &QueueAPI{Queue: q, Monitor: mon, Metrics: reg}
	st := openSQLite(t)
	srv := server.New(st, server.Options{Token: token, Routes: api.Routes(), Enqueue: api.Enqueue})
	return srv, q, st
}

type call struct {
	method, target, body, token, remote string
}

func (c call) do(h http.Handler) *httptest.ResponseRecorder {
	r := httptest.NewRequest(c.method, c.target, strings.NewReader(c.body))
	if c.token != "" {
		r.Header.Set("Authorization", "Bearer "+c.token)
	}
	r.RemoteAddr = "127.0.0.1:5555"
	if c.remote != "" {
		r.RemoteAddr = c.remote
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	return rec
}

const article = "قالت مصادر محلية إن اشتباكات عنيفة اندلعت صباح اليوم في مدينة سرت بين قوتين مسلحتين."

const record1 = `{"schema":"marsad/v1","doc_id":"rec-1","title":"عنوان","body":"نص خبر عن اشتباكات في المدينة"}`

func TestQueueAPIQueuesPostedArticles(t *testing.T) {
	srv, q, st := queueServer(t, "tok")
	tests := []struct {
		name   string
		c      call
		status int
		want   string
	}{
		{"no token", call{method: "POST", target: "/api/articles", body: article}, 401, "Authorization: Bearer"},
		{"wrong token", call{method: "POST", target: "/api/articles", body: article, token: "nope"}, 401, "Bearer"},
		{"queued", call{method: "POST", target: "/api/articles?name=sirte", body: article, token: "tok"}, 202, `"id":"sirte"`},
		{"again", call{method: "POST", target: "/api/articles?name=sirte", body: article, token: "tok"}, 202, `"duplicates":1`},
		{"unnamed", call{method: "POST", target: "/api/articles", body: article + " ثم هدأت.", token: "tok"}, 202, `"id":"posted-`},
		{"bad parameter", call{method: "POST", target: "/api/articles?nme=x", body: article, token: "tok"}, 400, "unknown parameter"},
		{"empty", call{method: "POST", target: "/api/articles", body: "  ", token: "tok"}, 400, "empty request body"},
		{"binary", call{method: "POST", target: "/api/articles?name=blob", body: "\x00\x01\x02binary", token: "tok"}, 400, "blob: binary data"},
		{"records are stored at once", call{method: "POST", target: "/api/articles", body: record1, token: "tok"}, 201, `"stored":1`},
	}
	for _, tt := range tests {
		rec := tt.c.do(srv)
		if rec.Code != tt.status || !strings.Contains(rec.Body.String(), tt.want) {
			t.Errorf("%s: %d %s; want %d with %q", tt.name, rec.Code, rec.Body.String(), tt.status, tt.want)
		}
	}
	if _, err := st.GetDocument(context.Background(), "rec-1"); err != nil {
		t.Errorf("the posted record was not stored: %v", err)
	}
	qs, err := q.Stats(context.Background())
	if err != nil || qs.Depth != 2 {
		t.Errorf("queue after posting: %+v, %v; want the two distinct articles", qs, err)
	}
	var state struct{ Depth int }
	rec := call{method: "GET", target: "/api/queue"}.do(srv)
	if json.Unmarshal(rec.Body.Bytes(), &state); rec.Code != 200 || state.Depth != 2 {
		t.Errorf("GET /api/queue: %d %s", rec.Code, rec.Body.String())
	}
}

func TestQueueAPIWithoutTokenRefusesWrites(t *testing.T) {
	srv, _, _ := queueServer(t, "")
	for _, target := range []string{"/api/articles", "/api/deadletters/1/retry"} {
		rec := call{method: "POST", target: target, body: article, token: "x"}.do(srv)
		if rec.Code != 403 || !strings.Contains(rec.Body.String(), "writes are disabled") {
			t.Errorf("POST %s: %d %s", target, rec.Code, rec.Body.String())
		}
	}
}

func TestQueueAPIDeadLettersAndMetrics(t *testing.T) {
	srv, q, _ := queueServer(t, "tok")
	if _, err := q.Publish(context.Background(), queue.Item{ID: "junk", Source: "junk.bin", Data: []byte("{not a job")}); err != nil {
		t.Fatal(err)
	}
	m := NewMetrics(metrics.NewRegistry())
	runWorkers(t, []*Worker{{Queue: q, Store: openSQLite(t), Metrics: m, Logf: t.Logf}},
		func() bool { return m.DeadLettered.Value() == 1 })

	rec := call{method: "GET", target: "/api/deadletters"}.do(srv)
	var page struct {
		Total int
		Items []map[string]any
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &page); err != nil || rec.Code != 200 || page.Total != 1 || len(page.Items) != 1 {
		t.Fatalf("GET /api/deadletters: %d %s", rec.Code, rec.Body.String())
	}
	item := page.Items[0]
	if item["source"] != "junk.bin" || !strings.Contains(item["error"].(string), "not a marsad job") || item["data"] != nil {
		t.Errorf("dead letter as shown: %v", item)
	}
	tests := []struct {
		name   string
		c      call
		status int
	}{
		{"remote read without token", call{method: "GET", target: "/api/deadletters", remote: "10.0.0.9:1234"}, 401},
		{"remote read with token", call{method: "GET", target: "/api/deadletters", remote: "10.0.0.9:1234", token: "tok"}, 200},
		{"remote queue without token", call{method: "GET", target: "/api/queue", remote: "10.0.0.9:1234"}, 401},
		{"bad limit", call{method: "GET", target: "/api/deadletters?limit=0"}, 400},
		{"bad offset", call{method: "GET", target: "/api/deadletters?offset=x"}, 400},
		{"retry without token", call{method: "POST", target: "/api/deadletters/1/retry"}, 401},
		{"retry bad number", call{method: "POST", target: "/api/deadletters/abc/retry", token: "tok"}, 400},
		{"retry unknown", call{method: "POST", target: "/api/deadletters/99/retry", token: "tok"}, 404},
		{"retry", call{method: "POST", target: "/api/deadletters/1/retry", token: "tok"}, 202},
		{"retry twice", call{method: "POST", target: "/api/deadletters/1/retry", token: "tok"}, 404},
		{"retry with GET", call{method: "GET", target: "/api/deadletters/1/retry"}, 404},
		{"metrics remote", call{method: "GET", target: "/metrics", remote: "10.0.0.9:1234"}, 401},
	}
	for _, tt := range tests {
		if rec := tt.c.do(srv); rec.Code != tt.status {
			t.Errorf("%s: %d %s, want %d", tt.name, rec.Code, rec.Body.String(), tt.status)
		}
	}
	// The monitor samples every few seconds; wait for the requeued job.
	deadline := time.Now().Add(10 * time.Second)
	for {
		rec = call{method: "GET", target: "/metrics"}.do(srv)
		body := rec.Body.String()
		if strings.Contains(body, "\nmarsad_queue_depth 1\n") && strings.Contains(body, "\nmarsad_dead_letters 0\n") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("/metrics never showed the requeued job:\n%s", body)
		}
		time.Sleep(200 * time.Millisecond)
	}
	if ct := rec.Header().Get("Content-Type"); ct != metrics.ContentType {
		t.Errorf("/metrics content type %q", ct)
	}
}

// TestQueueRoutesAreDocumented checks that the server with the queue's
// endpoints serves exactly the operations openapi.json describes.
func TestQueueRoutesAreDocumented(t *testing.T) {
	srv, _, _ := queueServer(t, "tok")
	rec := call{method: "GET", target: "/api/openapi.json"}.do(srv)
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	var described []string
	for path, methods := range doc.Paths {
		for method := range methods {
			described = append(described, strings.ToUpper(method)+" "+path)
		}
	}
	sort.Strings(described)
	if served := srv.Routes(); !slices.Equal(served, described) {
		t.Errorf("served routes:\n%s\ndescribed in openapi.json:\n%s", strings.Join(served, "\n"), strings.Join(described, "\n"))
	}
}

// TestQueuedPostsAreNamedAsAnalysedOnes checks that a posted article gets
// the same document id whether a worker analyses it from the queue or the
// server analyses it in the request (ingest.AnalyzeBytes).
func TestQueuedPostsAreNamedAsAnalysedOnes(t *testing.T) {
	ctx := context.Background()
	lines := `{"text":"` + article + `"}` + "\n" +
		`{"text":"أفادت مصادر بأن قوات الأمن فرقت مظاهرة في وسط المدينة مساء أمس.","url":"https://news.example/1"}` + "\n" +
		`{"id":"own-7","text":"أعلنت البلدية إعادة فتح الطريق الساحلي بعد أسبوع من الإغلاق."}`
	tests := []struct{ name, reqName, url, body string }{
		{"text", "", "", article},
		{"named", "sirte", "", article},
		{"url", "", "https://news.example/2", article},
		{"JSON Lines", "", "", lines},
		{"JSON Lines named", "feed", "", lines},
	}
	for _, tt := range tests {
		var jobIDs []string
		pub := publisherFunc(func(_ context.Context, it queue.Item) (queue.Published, error) {
			j, err := Decode(it.Data)
			if err != nil {
				t.Fatal(err)
			}
			jobIDs = append(jobIDs, j.Article.ID)
			return queue.Published{Seq: uint64(len(jobIDs))}, nil
		})
		queued, err := SubmitBytes(ctx, pub, tt.reqName, tt.url, []byte(tt.body), 0)
		if err != nil {
			t.Fatal(err)
		}
		docs, err := ingest.AnalyzeBytes(ctx, tt.reqName, tt.url, []byte(tt.body))
		if err != nil {
			t.Fatal(err)
		}
		var analysed []string
		for _, d := range docs {
			analysed = append(analysed, d.DocID)
		}
		var reported []string
		for _, q := range queued {
			reported = append(reported, q.ID)
		}
		if !slices.Equal(jobIDs, analysed) || !slices.Equal(reported, analysed) {
			t.Errorf("%s: queued as %v (reported %v), analysed as %v", tt.name, jobIDs, reported, analysed)
		}
	}
}
