package server

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/marsad/marsad/internal/store/sqlite"
	"github.com/marsad/marsad/internal/store/storetest"
)

const testToken = "s3cret-token"

// newTestServer serves a fresh store holding the fixtures on loopback.
func newTestServer(t *testing.T, opts Options) (*httptest.Server, *sqlite.Store) {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "marsad.db"))
	if err != nil {
		t.Fatal(err)
	}
	storetest.Load(t, st)
	ts := httptest.NewServer(New(st, opts))
	t.Cleanup(func() { ts.Close(); st.Close() })
	return ts, st
}

// get fetches path and decodes a JSON body into out (when non-nil).
func get(t *testing.T, ts *httptest.Server, path string, out any) int {
	t.Helper()
	resp, err := http.Get(ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if out != nil {
		if err := json.Unmarshal(body, out); err != nil {
			t.Fatalf("GET %s: body is not JSON: %v\n%s", path, err, body)
		}
	}
	return resp.StatusCode
}

type listResponse struct {
	Total int               `json:"total"`
	Items []json.RawMessage `json:"items"`
	Error string            `json:"error"`
}

func TestListEndpoints(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	q := url.QueryEscape
	tests := []struct {
		path      string
		total     int
		items     int
		substring string // must appear in the body
	}{
		{"/api/articles", 5, 5, ""},
		{"/api/articles?outlet=" + q(storetest.OutletA), 2, 2, ""},
		{"/api/articles?from=2024-06&to=2024-07-31", 2, 2, ""},
		{"/api/articles?story=" + storetest.StoryClash, 2, 2, ""},
		{"/api/articles?q=" + q("القوات") + "&limit=2", 3, 2, ""},
		{"/api/articles?limit=2&offset=4", 5, 1, ""},
		{"/api/events", 5, 5, ""},
		{"/api/events?from=2024-05-10&to=2024-05-10", 2, 2, "merged-clash"},
		{"/api/events?bbox=12,30,17,34", 4, 4, ""},
		{"/api/events?bbox=12,30,17,34&type=Battles", 2, 2, ""},
		{"/api/events?type=" + q("Air/drone strike"), 1, 1, ""},
		{"/api/events?actor=kb:guard", 2, 2, ""},
		{"/api/events?actor=" + q("الحرس"), 2, 2, ""},
		{"/api/events?outlet=" + q(storetest.OutletC), 2, 2, ""},
		{"/api/events?q=" + q("والقوات"), 2, 2, ""},
		{"/api/events?doc=" + storetest.DocStrike, 1, 1, ""},
		{"/api/events?limit=2&offset=2", 5, 2, ""},
		{"/api/stories", 1, 1, storetest.StoryClash},
		{"/api/actors", 7, 7, "مليشيات"},
		{"/api/actors?q=" + q("الدرع"), 1, 1, "kb:shield"},
		{"/api/search?q=" + q("قوات"), 3, 3, "highlights"},
		{"/api/search?q=" + q("قوات") + "&limit=1&offset=1", 3, 1, ""},
	}
	for _, tt := range tests {
		var res listResponse
		if code := get(t, ts, tt.path, &res); code != http.StatusOK {
			t.Errorf("GET %s: status %d (%s)", tt.path, code, res.Error)
			continue
		}
		if res.Total != tt.total || len(res.Items) != tt.items {
			t.Errorf("GET %s: total %d, %d items; want %d, %d", tt.path, res.Total, len(res.Items), tt.total, tt.items)
		}
		if tt.substring != "" {
			raw, _ := json.Marshal(res.Items)
			if !strings.Contains(string(raw), tt.substring) {
				t.Errorf("GET %s: body lacks %q", tt.path, tt.substring)
			}
		}
	}
}

func TestGetByID(t *testing.T) {
	ts, st := newTestServer(t, Options{})
	d, err := st.GetDocument(context.Background(), storetest.DocStrike)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		DocID  string `json:"doc_id"`
		Body   string `json:"body"`
		Events []struct {
			ID   string `json:"id"`
			Span [2]int `json:"span"`
		} `json:"events"`
	}
	if code := get(t, ts, "/api/articles/"+storetest.DocStrike, &doc); code != 200 || doc.Body != d.Body || len(doc.Events) != 1 {
		t.Fatalf("GET article: %d %+v", code, doc)
	}
	var ev struct {
		ID    string `json:"id"`
		DocID string `json:"doc_id"`
	}
	if code := get(t, ts, "/api/events/"+url.PathEscape(doc.Events[0].ID), &ev); code != 200 || ev.DocID != storetest.DocStrike {
		t.Errorf("GET event %s: %d %+v", doc.Events[0].ID, code, ev)
	}
	var story struct {
		Contradictions []struct{ Field string } `json:"contradictions"`
		Sources        []any                    `json:"sources"`
	}
	if code := get(t, ts, "/api/stories/"+storetest.StoryClash, &story); code != 200 || len(story.Sources) != 2 || len(story.Contradictions) == 0 {
		t.Errorf("GET story: %d %+v", code, story)
	}
	var stats struct{ Documents int }
	if code := get(t, ts, "/api/stats", &stats); code != 200 || stats.Documents != 5 {
		t.Errorf("GET stats: %d %+v", code, stats)
	}
	var tl struct {
		Days []struct {
			Day    string
			Events int
		}
	}
	if code := get(t, ts, "/api/timeline?type=Battles", &tl); code != 200 || len(tl.Days) != 1 || tl.Days[0].Events != 2 {
		t.Errorf("GET timeline: %d %+v", code, tl)
	}
}

func TestUnknownIDs404(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	for _, path := range []string{"/api/articles/nope", "/api/events/nope", "/api/stories/nope", "/api/nothing", "/api/events/x/y"} {
		var res listResponse
		if code := get(t, ts, path, &res); code != http.StatusNotFound || res.Error == "" {
			t.Errorf("GET %s: status %d, error %q; want 404 with a message", path, code, res.Error)
		}
	}
}

func TestBadParameters400(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	tests := []struct{ path, mention string }{
		{"/api/events?limit=0", "limit"},
		{"/api/events?limit=abc", "limit"},
		{"/api/events?limit=5000", "limit"},
		{"/api/events?offset=-1", "offset"},
		{"/api/events?from=2024-13-01", "from"},
		{"/api/events?from=yesterday", "from"},
		{"/api/events?to=2024-02-30", "to"},
		{"/api/events?from=2024-06-01&to=2024-05-01", "after"},
		{"/api/events?bbox=1,2,3", "bbox"},
		{"/api/events?bbox=a,b,c,d", "bbox"},
		{"/api/events?bbox=20,30,10,34", "minimum"},
		{"/api/events?bbox=-200,30,10,34", "bbox"},
		{"/api/events?colour=red", "colour"},
		{"/api/events?type=Battles&type=Riots", "once"},
		{"/api/events?q=" + url.QueryEscape("!!!"), "searchable"},
		{"/api/articles?limit=-3", "limit"},
		{"/api/articles?from=2024/05/01", "from"},
		{"/api/search", "q"},
		{"/api/search?q=" + url.QueryEscape("؟،"), "searchable"},
		{"/api/search?q=x&limit=big", "limit"},
		{"/api/stories?offset=x", "offset"},
		{"/api/actors?limit=0", "limit"},
		{"/api/export?format=xml", "format"},
		{"/api/export", "format"},
		{"/api/export?format=jsonl&bbox=1", "bbox"},
		{"/api/timeline?from=2024-99", "from"},
		{"/api/articles/" + storetest.DocStrike + "?x=1", "x"},
	}
	for _, tt := range tests {
		var res listResponse
		code := get(t, ts, tt.path, &res)
		if code != http.StatusBadRequest {
			t.Errorf("GET %s: status %d, want 400", tt.path, code)
			continue
		}
		if !strings.Contains(res.Error, tt.mention) {
			t.Errorf("GET %s: message %q does not mention %q", tt.path, res.Error, tt.mention)
		}
	}
}

func TestExport(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	fetch := func(path string) (*http.Response, []byte) {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, b
	}
	resp, body := fetch("/api/export?format=acled-csv&type=Battles")
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil || resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("CSV export: %d %v %s", resp.StatusCode, err, body)
	}
	if len(rows) != 3 || rows[0][0] != "event_id_cnty" || rows[0][30] != "timestamp" || rows[1][5] != "Battles" {
		t.Errorf("CSV export rows = %v", rows)
	}
	resp, body = fetch("/api/export?format=geojson")
	var fc struct {
		Type     string
		Features []any
	}
	if err := json.Unmarshal(body, &fc); err != nil || fc.Type != "FeatureCollection" || len(fc.Features) != 5 {
		t.Errorf("GeoJSON export: %v %s with %d features", err, fc.Type, len(fc.Features))
	}
	resp, body = fetch("/api/export?format=jsonl&outlet=" + url.QueryEscape(storetest.OutletA))
	lines := strings.Split(strings.TrimSpace(string(body)), "\n")
	if resp.StatusCode != 200 || len(lines) != 2 {
		t.Fatalf("JSONL export: %d, %d lines", resp.StatusCode, len(lines))
	}
	for _, l := range lines {
		var d struct {
			Schema string
			Body   string
			Events []any
		}
		if err := json.Unmarshal([]byte(l), &d); err != nil || d.Schema != "marsad/v1" || d.Body == "" || len(d.Events) != 1 {
			t.Errorf("JSONL line: %v %+v", err, d)
		}
	}
	_, body = fetch("/api/export?format=acled-csv&limit=1&offset=1")
	if rows, _ := csv.NewReader(bytes.NewReader(body)).ReadAll(); len(rows) != 2 {
		t.Errorf("paged export: %d rows, want header and one", len(rows))
	}
}

// openAPIOperations reads the operations openapi.json describes, as
// ServeMux patterns ("GET /api/events"), with the query parameters of each
// and whether it needs a work queue (x-requires: queue).
func openAPIOperations(t *testing.T) map[string]openAPIOperation {
	t.Helper()
	var doc struct {
		OpenAPI string `json:"openapi"`
		Paths   map[string]map[string]struct {
			Requires   string `json:"x-requires"`
			Parameters []struct {
				Name string `json:"name"`
				In   string `json:"in"`
			} `json:"parameters"`
			Responses map[string]any `json:"responses"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil || !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi.json: %v, version %q", err, doc.OpenAPI)
	}
	ops := map[string]openAPIOperation{}
	for path, methods := range doc.Paths {
		for method, op := range methods {
			o := openAPIOperation{queue: op.Requires == "queue", responses: op.Responses}
			for _, p := range op.Parameters {
				if p.In == "query" {
					o.query = append(o.query, p.Name)
				}
			}
			sort.Strings(o.query)
			ops[strings.ToUpper(method)+" "+path] = o
		}
	}
	return ops
}

type openAPIOperation struct {
	queue     bool
	query     []string
	responses map[string]any
}

// TestOpenAPIDescribesEveryRoute checks that every route the server
// registers is described in openapi.json and every operation described
// there is registered (the work queue's are checked with the queue, in
// internal/jobs), and that each GET takes exactly the query parameters
// described.
func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	srv := New(nil, Options{})
	ops := openAPIOperations(t)
	registered := map[string]bool{}
	for _, route := range srv.Routes() {
		registered[route] = true
		if _, ok := ops[route]; !ok {
			t.Errorf("route %s is not described in openapi.json", route)
		}
	}
	for route, op := range ops {
		if !op.queue && !registered[route] {
			t.Errorf("openapi.json describes %s, which the server does not serve", route)
		}
		if op.queue && registered[route] {
			t.Errorf("%s is marked x-requires: queue but is served without a queue", route)
		}
	}
	// The 400 for an unknown parameter lists the ones the endpoint takes.
	for route, op := range ops {
		method, path, _ := strings.Cut(route, " ")
		if method != "GET" || op.queue || path == "/api/openapi.json" {
			continue
		}
		path = strings.ReplaceAll(path, "{id}", "x")
		var res struct{ Error string }
		if code := get(t, ts, path+"?zzz=1", &res); code != http.StatusBadRequest {
			t.Errorf("GET %s?zzz=1: %d, want 400", path, code)
			continue
		}
		_, list, _ := strings.Cut(res.Error, "this endpoint takes:")
		var takes []string
		for _, name := range strings.Split(list, ",") {
			if name = strings.TrimSpace(name); name != "" {
				takes = append(takes, name)
			}
		}
		sort.Strings(takes)
		if !slices.Equal(takes, op.query) {
			t.Errorf("%s takes parameters %v; openapi.json describes %v", route, takes, op.query)
		}
	}
	if _, ok := ops["POST /api/articles"].responses["202"]; !ok {
		t.Error("openapi.json does not describe the 202 of POST /api/articles (queued)")
	}
}

func TestUIServedWithCSP(t *testing.T) {
	ts, _ := newTestServer(t, Options{})
	resp, err := http.Get(ts.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "<html") && !strings.Contains(string(body), "<!doctype") {
		t.Errorf("GET /: %d %.80s", resp.StatusCode, body)
	}
	csp := resp.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-eval") {
		t.Errorf("CSP = %q", csp)
	}
}
