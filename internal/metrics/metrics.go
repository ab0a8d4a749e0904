// Package metrics keeps a process's counters and gauges and writes them in
// the Prometheus text exposition format (version 0.0.4), so any Prometheus
// or compatible scraper can read /metrics. It is deliberately small: no
// labels beyond constant ones, no histograms, no dependency.
package metrics

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Registry holds named metrics.
type Registry struct {
	mu      sync.Mutex
	metrics map[string]metric
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{metrics: map[string]metric{}} }

type metric struct {
	help, kind string
	value      func() float64
}

var validName = regexp.MustCompile(`^[a-zA-Z_:][a-zA-Z0-9_:]*$`)

func (r *Registry) add(name, help, kind string, value func() float64) {
	if !validName.MatchString(name) {
		panic(fmt.Sprintf("metrics: invalid metric name %q", name))
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.metrics[name]; ok {
		panic(fmt.Sprintf("metrics: %q registered twice", name))
	}
	r.metrics[name] = metric{help: help, kind: kind, value: value}
}

// Counter is a value that only goes up.
type Counter struct{ bits atomic.Uint64 }

// Add adds v, which must not be negative.
func (c *Counter) Add(v float64) {
	if v < 0 {
		panic("metrics: counter decreased")
	}
	for {
		old := c.bits.Load()
		if c.bits.CompareAndSwap(old, math.Float64bits(math.Float64frombits(old)+v)) {
			return
		}
	}
}

// Inc adds one.
func (c *Counter) Inc() { c.Add(1) }

// Value returns the count.
func (c *Counter) Value() float64 { return math.Float64frombits(c.bits.Load()) }

// Gauge is a value that goes up and down.
type Gauge struct{ bits atomic.Uint64 }

// Set sets the gauge.
func (g *Gauge) Set(v float64) { g.bits.Store(math.Float64bits(v)) }

// Add adds v (which may be negative).
func (g *Gauge) Add(v float64) {
	for {
		old := g.bits.Load()
		if g.bits.CompareAndSwap(old, math.Float64bits(math.Float64frombits(old)+v)) {
			return
		}
	}
}

// Value returns the gauge's value.
func (g *Gauge) Value() float64 { return math.Float64frombits(g.bits.Load()) }

// Counter registers and returns a counter. Names follow Prometheus
// conventions: a counter's name ends in _total.
func (r *Registry) Counter(name, help string) *Counter {
	c := &Counter{}
	r.add(name, help, "counter", c.Value)
	return c
}

// Gauge registers and returns a gauge.
func (r *Registry) Gauge(name, help string) *Gauge {
	g := &Gauge{}
	r.add(name, help, "gauge", g.Value)
	return g
}

// GaugeFunc registers a gauge whose value is read from f at each scrape.
// f returning NaN leaves the gauge out of that scrape (unknown right now).
func (r *Registry) GaugeFunc(name, help string, f func() float64) {
	r.add(name, help, "gauge", f)
}

// CounterFunc registers a counter whose value is read from f at each scrape.
func (r *Registry) CounterFunc(name, help string, f func() float64) {
	r.add(name, help, "counter", f)
}

// WriteText writes every metric in the text exposition format, sorted by name.
func (r *Registry) WriteText(w io.Writer) error {
	r.mu.Lock()
	names := make([]string, 0, len(r.metrics))
	for n := range r.metrics {
		names = append(names, n)
	}
	ms := make([]metric, len(names))
	sort.Strings(names)
	for i, n := range names {
		ms[i] = r.metrics[n]
	}
	r.mu.Unlock()
	bw := bufio.NewWriter(w)
	for i, n := range names {
		v := ms[i].value()
		if math.IsNaN(v) {
			continue
		}
		fmt.Fprintf(bw, "# HELP %s %s\n# TYPE %s %s\n%s %s\n", n, escapeHelp(ms[i].help), n, ms[i].kind, n, formatValue(v))
	}
	return bw.Flush()
}

// ContentType is the media type of the text exposition format.
const ContentType = "text/plain; version=0.0.4; charset=utf-8"

// ServeHTTP answers a scrape.
func (r *Registry) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	w.Header().Set("Content-Type", ContentType)
	w.Header().Set("Cache-Control", "no-store")
	r.WriteText(w)
}

func escapeHelp(s string) string {
	return strings.NewReplacer(`\`, `\\`, "\n", `\n`).Replace(s)
}

func formatValue(v float64) string {
	switch {
	case math.IsInf(v, 1):
		return "+Inf"
	case math.IsInf(v, -1):
		return "-Inf"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// Rate measures how often something happens per second, over a sliding
// window of whole seconds, for a gauge a person can read without PromQL
// (Prometheus computes its own rates from the counters).
type Rate struct {
	mu      sync.Mutex
	window  int
	buckets []float64
	seconds []int64
	now     func() time.Time
}

// NewRate returns a rate over the last window (at least two seconds).
func NewRate(window time.Duration) *Rate {
	n := max(2, int(window/time.Second))
	return &Rate{window: n, buckets: make([]float64, n+1), seconds: make([]int64, n+1), now: time.Now}
}

// Mark records n occurrences now.
func (r *Rate) Mark(n float64) {
	sec := r.now().Unix()
	r.mu.Lock()
	defer r.mu.Unlock()
	i := int(sec % int64(len(r.buckets)))
	if r.seconds[i] != sec {
		r.seconds[i], r.buckets[i] = sec, 0
	}
	r.buckets[i] += n
}

// PerSecond is the average rate over the window's complete seconds.
func (r *Rate) PerSecond() float64 {
	sec := r.now().Unix()
	r.mu.Lock()
	defer r.mu.Unlock()
	sum := 0.0
	for i, s := range r.seconds {
		// The current second is still filling; the window is the ones before it.
		if s < sec && s >= sec-int64(r.window) {
			sum += r.buckets[i]
		}
	}
	return sum / float64(r.window)
}
