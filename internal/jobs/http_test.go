package jobs

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/marsad/marsad/internal/metrics"
	"github.com/marsad/marsad/internal/queue"
)

// frontend returns a Frontend on a fresh queue whose Next records what it
// is passed.
func frontend(t *testing.T, token string) (*Frontend, *queue.Queue, *[]string) {
	t.Helper()
	e := startServer(t)
	q := connect(t, e, queue.Options{})
	var passed []string
	reg := metrics.NewRegistry()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	mon, err := NewQueueMonitor(ctx, reg, q)
	if err != nil {
		t.Fatal(err)
	}
	f := &Frontend{Queue: q, Monitor: mon, Metrics: reg, Token: token,
		Next: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			body, _ := io.ReadAll(r.Body)
			passed = append(passed, r.Method+" "+r.URL.Path+" "+string(body))
			w.WriteHeader(http.StatusTeapot)
		})}
	return f, q, &passed
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

func TestFrontendQueuesPostedArticles(t *testing.T) {
	f, q, passed := frontend(t, "tok")
	tests := []struct {
		name   string
		c      call
		status int
		want   string
	}{
		{"no token", call{method: "POST", target: "/api/articles", body: article}, 401, "Authorization: Bearer"},
		{"wrong token", call{method: "POST", target: "/api/articles", body: article, token: "nope"}, 401, "Bearer"},
		{"queued", call{method: "POST", target: "/api/articles?name=sirte", body: article, token: "tok"}, 202, `"queued":1`},
		{"again", call{method: "POST", target: "/api/articles?name=sirte", body: article, token: "tok"}, 202, `"duplicates":1`},
		{"empty", call{method: "POST", target: "/api/articles", body: "  ", token: "tok"}, 400, "empty request body"},
		{"binary", call{method: "POST", target: "/api/articles?name=blob", body: "\x00\x01\x02binary", token: "tok"}, 400, "blob: binary data"},
		{"records pass through", call{method: "POST", target: "/api/articles", body: `{"schema":"marsad/v1"}`, token: "tok"}, 418, ""},
		{"other routes pass through", call{method: "GET", target: "/api/events"}, 418, ""},
	}
	for _, tt := range tests {
		rec := tt.c.do(f)
		if rec.Code != tt.status || !strings.Contains(rec.Body.String(), tt.want) {
			t.Errorf("%s: %d %s; want %d with %q", tt.name, rec.Code, rec.Body.String(), tt.status, tt.want)
		}
	}
	if len(*passed) != 2 || (*passed)[0] != `POST /api/articles {"schema":"marsad/v1"}` {
		t.Errorf("passed to the server: %q", *passed)
	}
	st, err := q.Stats(context.Background())
	if err != nil || st.Depth != 1 {
		t.Errorf("queue after posting: %+v, %v", st, err)
	}
	var state struct{ Depth int }
	rec := call{method: "GET", target: "/api/queue"}.do(f)
	if json.Unmarshal(rec.Body.Bytes(), &state); rec.Code != 200 || state.Depth != 1 {
		t.Errorf("GET /api/queue: %d %s", rec.Code, rec.Body.String())
	}
}

func TestFrontendWithoutTokenRefusesWrites(t *testing.T) {
	f, _, _ := frontend(t, "")
	for _, target := range []string{"/api/articles", "/api/deadletters/1/retry"} {
		rec := call{method: "POST", target: target, body: article, token: "x"}.do(f)
		if rec.Code != 403 || !strings.Contains(rec.Body.String(), "writes are disabled") {
			t.Errorf("POST %s: %d %s", target, rec.Code, rec.Body.String())
		}
	}
}

func TestFrontendDeadLettersAndMetrics(t *testing.T) {
	f, q, _ := frontend(t, "tok")
	if _, err := q.Publish(context.Background(), queue.Item{ID: "junk", Source: "junk.bin", Data: []byte("{not a job")}); err != nil {
		t.Fatal(err)
	}
	m := NewMetrics(metrics.NewRegistry())
	runWorkers(t, []*Worker{{Queue: q, Store: openSQLite(t), Metrics: m, Logf: t.Logf}},
		func() bool { return m.DeadLettered.Value() == 1 })

	rec := call{method: "GET", target: "/api/deadletters"}.do(f)
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
		{"bad limit", call{method: "GET", target: "/api/deadletters?limit=0"}, 400},
		{"bad offset", call{method: "GET", target: "/api/deadletters?offset=x"}, 400},
		{"retry without token", call{method: "POST", target: "/api/deadletters/1/retry"}, 401},
		{"retry bad number", call{method: "POST", target: "/api/deadletters/abc/retry", token: "tok"}, 400},
		{"retry unknown", call{method: "POST", target: "/api/deadletters/99/retry", token: "tok"}, 404},
		{"retry", call{method: "POST", target: "/api/deadletters/1/retry", token: "tok"}, 202},
		{"retry twice", call{method: "POST", target: "/api/deadletters/1/retry", token: "tok"}, 404},
		{"metrics remote", call{method: "GET", target: "/metrics", remote: "10.0.0.9:1234"}, 401},
	}
	for _, tt := range tests {
		if rec := tt.c.do(f); rec.Code != tt.status {
			t.Errorf("%s: %d %s, want %d", tt.name, rec.Code, rec.Body.String(), tt.status)
		}
	}
	// The monitor samples every few seconds; wait for the requeued job.
	deadline := time.Now().Add(10 * time.Second)
	for {
		rec = call{method: "GET", target: "/metrics"}.do(f)
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
