package metrics

import (
	"math"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestWriteText(t *testing.T) {
	r := NewRegistry()
	c := r.Counter("marsad_articles_total", "Articles processed.")
	g := r.Gauge("marsad_queue_depth", "Messages waiting.\nSecond line with a \\ backslash.")
	r.GaugeFunc("marsad_unknown", "Not known right now.", func() float64 { return math.NaN() })
	r.GaugeFunc("marsad_big", "Infinite.", func() float64 { return math.Inf(1) })
	c.Inc()
	c.Add(2.5)
	g.Set(7)
	g.Add(-2)
	var b strings.Builder
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	want := `# HELP marsad_articles_total Articles processed.
# TYPE marsad_articles_total counter
marsad_articles_total 3.5
# HELP marsad_big Infinite.
# TYPE marsad_big gauge
marsad_big +Inf
# HELP marsad_queue_depth Messages waiting.\nSecond line with a \\ backslash.
# TYPE marsad_queue_depth gauge
marsad_queue_depth 5
`
	if b.String() != want {
		t.Errorf("exposition:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestRegistryRefusesBadNamesAndDuplicates(t *testing.T) {
	tests := []struct {
		name string
		reg  func(r *Registry)
	}{
		{"bad name", func(r *Registry) { r.Counter("marsad-articles", "x") }},
		{"leading digit", func(r *Registry) { r.Gauge("1x", "x") }},
		{"duplicate", func(r *Registry) { r.Counter("a_total", "x"); r.Gauge("a_total", "y") }},
	}
	for _, tt := range tests {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", tt.name)
				}
			}()
			tt.reg(NewRegistry())
		}()
	}
}

func TestServeHTTP(t *testing.T) {
	r := NewRegistry()
	r.Counter("x_total", "X.").Inc()
	rec := httptest.NewRecorder()
	r.ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if ct := rec.Header().Get("Content-Type"); ct != ContentType {
		t.Errorf("content type %q", ct)
	}
	if !strings.Contains(rec.Body.String(), "\nx_total 1\n") {
		t.Errorf("body %q", rec.Body.String())
	}
}

func TestRate(t *testing.T) {
	now := time.Unix(1000, 0)
	r := NewRate(4 * time.Second)
	r.now = func() time.Time { return now }
	steps := []struct {
		advance time.Duration
		mark    float64
		want    float64
	}{
		{0, 10, 0},            // the current second does not count yet
		{time.Second, 6, 2.5}, // (10)/4
		{time.Second, 0, 4},   // (10+6)/4
		{3 * time.Second, 0, 1.5},
		{10 * time.Second, 0, 0}, // everything has left the window
	}
	for i, s := range steps {
		now = now.Add(s.advance)
		if s.mark > 0 {
			r.Mark(s.mark)
		}
		if got := r.PerSecond(); got != s.want {
			t.Errorf("step %d: %v per second, want %v", i, got, s.want)
		}
	}
}
