package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/store/sqlite"
	"github.com/marsad/marsad/internal/store/storetest"
)

func post(t *testing.T, ts *httptest.Server, token string, body []byte) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/api/articles", bytes.NewReader(body))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	raw, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("POST answer is not JSON: %s", raw)
	}
	return resp.StatusCode, out
}

func generated(t *testing.T, i int) []byte {
	b, err := json.Marshal(storetest.Generate(i))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestPostNeedsToken(t *testing.T) {
	open, _ := newTestServer(t, Options{})
	if code, res := post(t, open, "anything", generated(t, 1)); code != http.StatusForbidden {
		t.Errorf("POST with no token configured: %d %v, want 403", code, res)
	}
	ts, _ := newTestServer(t, Options{Token: testToken})
	for _, tok := range []string{"", "wrong", testToken + "x"} {
		if code, res := post(t, ts, tok, generated(t, 1)); code != http.StatusUnauthorized {
			t.Errorf("POST with token %q: %d %v, want 401", tok, code, res)
		}
	}
	var stats struct{ Documents int }
	get(t, ts, "/api/stats", &stats)
	if stats.Documents != 5 {
		t.Errorf("refused writes changed the store: %d documents", stats.Documents)
	}
}

func TestPostIsIdempotent(t *testing.T) {
	ts, _ := newTestServer(t, Options{Token: testToken})
	body := generated(t, 7)
	code, res := post(t, ts, testToken, body)
	if code != http.StatusCreated || res["stored"] != 1.0 {
		t.Fatalf("first POST: %d %v", code, res)
	}
	code, res = post(t, ts, testToken, body)
	if code != http.StatusOK || res["stored"] != 0.0 || res["unchanged"] != 1.0 {
		t.Errorf("second POST: %d %v, want 200 with nothing stored", code, res)
	}
	// JSON Lines of several records, one already stored.
	lines := bytes.Join([][]byte{body, generated(t, 8), generated(t, 9)}, []byte("\n"))
	code, res = post(t, ts, testToken, lines)
	if code != http.StatusCreated || res["stored"] != 2.0 || res["unchanged"] != 1.0 {
		t.Errorf("JSONL POST: %d %v", code, res)
	}
	var stats struct{ Documents int }
	get(t, ts, "/api/stats", &stats)
	if stats.Documents != 8 {
		t.Errorf("after posts: %d documents, want 8", stats.Documents)
	}
}

func TestPostBadBodies(t *testing.T) {
	ts, _ := newTestServer(t, Options{Token: testToken})
	tests := []struct {
		name string
		body string
	}{
		{"empty", ""},
		{"raw text without an analyser", "نص خبر عادي"},
		{"wrong schema", `{"schema":"other/v2","body":"نص"}`},
		{"broken JSON", `{"schema":"marsad/v1","body":`},
		{"empty document", `{"schema":"marsad/v1","doc_id":"x","body":""}`},
		{"bad second line", `{"schema":"marsad/v1","body":"نص"}` + "\n{oops"},
	}
	for _, tt := range tests {
		if code, res := post(t, ts, testToken, []byte(tt.body)); code != http.StatusBadRequest || res["error"] == "" {
			t.Errorf("%s: %d %v, want 400 with a message", tt.name, code, res)
		}
	}
}

func TestPostRawWithAnalyzer(t *testing.T) {
	analyze := func(_ context.Context, name, _ string, data []byte) ([]record.Document, error) {
		d := storetest.Generate(3)
		d.DocID, d.Body = name, string(data)
		d.Events = nil
		return []record.Document{d}, nil
	}
	ts, _ := newTestServer(t, Options{Token: testToken, Analyze: analyze})
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/api/articles?name=raw-1", bytes.NewReader([]byte("خبر جديد عن القوات")))
	req.Header.Set("Authorization", "Bearer "+testToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("raw POST: %d", resp.StatusCode)
	}
	if code := get(t, ts, "/api/articles/raw-1", nil); code != 200 {
		t.Errorf("analysed article not stored: %d", code)
	}
}

func TestRemoteReadsNeedToken(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	tests := []struct {
		opts   Options
		remote string
		token  string
		want   int
	}{
		{Options{}, "127.0.0.1:5000", "", 200},
		{Options{}, "[::1]:5000", "", 200},
		{Options{Token: testToken}, "203.0.113.9:5000", "", 401},
		{Options{Token: testToken}, "203.0.113.9:5000", testToken, 200},
		{Options{OpenReads: true}, "203.0.113.9:5000", "", 200},
	}
	for _, tt := range tests {
		req := httptest.NewRequest(http.MethodGet, "/api/stats", nil)
		req.RemoteAddr = tt.remote
		if tt.token != "" {
			req.Header.Set("Authorization", "Bearer "+tt.token)
		}
		rec := httptest.NewRecorder()
		New(st, tt.opts).ServeHTTP(rec, req)
		if rec.Code != tt.want {
			t.Errorf("%+v from %s: %d, want %d", tt.opts, tt.remote, rec.Code, tt.want)
		}
	}
}

// TestConcurrentReadersDuringPost runs 50 HTTP readers on loopback while
// articles are posted: no request may fail and no article may be lost.
func TestConcurrentReadersDuringPost(t *testing.T) {
	ts, _ := newTestServer(t, Options{Token: testToken})
	const readers, posts = 50, 100
	var done atomic.Bool
	var failures atomic.Int64
	var firstErr atomic.Value
	paths := []string{"/api/events?limit=20", "/api/search?q=" + url.QueryEscape("القوات"), "/api/stats",
		"/api/articles?limit=10", "/api/actors?limit=10"}
	var wg sync.WaitGroup
	for r := 0; r < readers; r++ {
		wg.Add(1)
		go func(r int) {
			defer wg.Done()
			for i := 0; ; i++ {
				finished := done.Load()
				resp, err := http.Get(ts.URL + paths[(r+i)%len(paths)])
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 200 {
						err = fmt.Errorf("status %d", resp.StatusCode)
					}
				}
				if err != nil {
					failures.Add(1)
					firstErr.CompareAndSwap(nil, err.Error())
					return
				}
				if finished {
					return
				}
			}
		}(r)
	}
	for i := 0; i < posts; i++ {
		if code, res := post(t, ts, testToken, generated(t, 1000+i)); code != http.StatusCreated {
			t.Errorf("POST %d: %d %v", i, code, res)
		}
	}
	done.Store(true)
	wg.Wait()
	if n := failures.Load(); n > 0 {
		t.Errorf("%d readers failed; first: %v", n, firstErr.Load())
	}
	var stats struct{ Documents int }
	get(t, ts, "/api/stats", &stats)
	if stats.Documents != 5+posts {
		t.Errorf("after concurrent posts: %d documents, want %d", stats.Documents, 5+posts)
	}
}
