package jobs

import (
	"context"
	"math"
	"sync"
	"time"

	"github.com/marsad/marsad/internal/metrics"
	"github.com/marsad/marsad/internal/queue"
)

// Metrics count what the workers of one process do.
type Metrics struct {
	Processed, Stored, Unchanged, Failures, DeadLettered *metrics.Counter
	InProgress, Slots                                    *metrics.Gauge
	Rate                                                 *metrics.Rate
}

// NewMetrics registers the worker metrics in r.
func NewMetrics(r *metrics.Registry) *Metrics {
	m := &Metrics{
		Processed:    r.Counter("marsad_articles_processed_total", "Articles this process finished (stored or found already stored) and acknowledged."),
		Stored:       r.Counter("marsad_articles_stored_total", "Articles this process stored as new."),
		Unchanged:    r.Counter("marsad_articles_unchanged_total", "Articles this process found already stored (redeliveries, re-ingests)."),
		Failures:     r.Counter("marsad_article_failures_total", "Failed tries in this process (each retried or dead-lettered)."),
		DeadLettered: r.Counter("marsad_articles_dead_lettered_total", "Articles this process moved to the dead letters."),
		InProgress:   r.Gauge("marsad_articles_in_progress", "Articles being analysed or stored in this process now."),
		Slots:        r.Gauge("marsad_worker_slots", "Articles this process can work on at once (worker concurrency)."),
		Rate:         metrics.NewRate(10 * time.Second),
	}
	r.GaugeFunc("marsad_articles_per_second", "Articles this process finished per second over the last 10 seconds.", m.Rate.PerSecond)
	return m
}

// QueueMonitor samples the queue's state for /metrics: the depth and dead
// letters every worker shares, the workers present, and how fast the whole
// deployment settles jobs.
type QueueMonitor struct {
	q        *queue.Queue
	presence *queue.Presence

	mu      sync.Mutex
	last    queue.Stats
	ok      bool
	samples []sample
}

type sample struct {
	at      time.Time
	settled uint64
}

// monitorEvery is how often the monitor reads the queue's state; scrapes
// read the last sample, so they cost the server nothing.
const monitorEvery = 2 * time.Second

// rateWindow is the span over which the deployment's rate is computed.
const rateWindow = 30 * time.Second

// NewQueueMonitor registers the queue metrics in r and samples the queue
// until ctx is cancelled.
func NewQueueMonitor(ctx context.Context, r *metrics.Registry, q *queue.Queue) (*QueueMonitor, error) {
	p, err := q.WatchPresence()
	if err != nil {
		return nil, err
	}
	m := &QueueMonitor{q: q, presence: p}
	stat := func(f func(queue.Stats) float64) func() float64 {
		return func() float64 {
			m.mu.Lock()
			defer m.mu.Unlock()
			if !m.ok {
				return math.NaN()
			}
			return f(m.last)
		}
	}
	r.GaugeFunc("marsad_queue_depth", "Articles in the work queue: waiting or in progress, across all workers.",
		stat(func(s queue.Stats) float64 { return float64(s.Depth) }))
	r.GaugeFunc("marsad_queue_waiting", "Articles in the work queue not yet handed to a worker.",
		stat(func(s queue.Stats) float64 { return float64(s.Waiting) }))
	r.GaugeFunc("marsad_queue_in_progress", "Articles handed to a worker and not yet acknowledged.",
		stat(func(s queue.Stats) float64 { return float64(s.InProgress) }))
	r.GaugeFunc("marsad_queue_redelivered", "Articles in progress that were delivered more than once.",
		stat(func(s queue.Stats) float64 { return float64(s.Redelivered) }))
	r.CounterFunc("marsad_queue_published_total", "Articles ever put on the work queue.",
		stat(func(s queue.Stats) float64 { return float64(s.Published) }))
	r.CounterFunc("marsad_queue_settled_total", "Articles gone from the work queue: stored, or dead-lettered.",
		stat(func(s queue.Stats) float64 { return float64(s.Settled) }))
	r.GaugeFunc("marsad_dead_letters", "Articles kept in the dead letters (GET /api/deadletters).",
		stat(func(s queue.Stats) float64 { return float64(s.Dead) }))
	r.GaugeFunc("marsad_queue_settled_per_second", "Articles the whole deployment settled per second over the last 30 seconds.",
		m.settledRate)
	r.GaugeFunc("marsad_workers", "Worker processes consuming from the queue (heard from in the last 15 seconds).",
		func() float64 { w, _ := p.Workers(); return float64(w) })
	r.GaugeFunc("marsad_workers_slots", "Articles all workers together can work on at once.",
		func() float64 { _, s := p.Workers(); return float64(s) })
	m.sample(ctx)
	go func() {
		defer p.Stop()
		t := time.NewTicker(monitorEvery)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				m.sample(ctx)
			}
		}
	}()
	return m, nil
}

func (m *QueueMonitor) sample(ctx context.Context) {
	ctx, cancel := context.WithTimeout(ctx, monitorEvery)
	defer cancel()
	st, err := m.q.Stats(ctx)
	m.mu.Lock()
	defer m.mu.Unlock()
	m.ok = err == nil
	if err != nil {
		return
	}
	m.last = st
	now := time.Now()
	m.samples = append(m.samples, sample{at: now, settled: st.Settled})
	for len(m.samples) > 2 && now.Sub(m.samples[1].at) >= rateWindow {
		m.samples = m.samples[1:]
	}
}

func (m *QueueMonitor) settledRate() float64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.samples) < 2 {
		return 0
	}
	first, last := m.samples[0], m.samples[len(m.samples)-1]
	dt := last.at.Sub(first.at).Seconds()
	if dt <= 0 || last.settled < first.settled {
		return 0
	}
	return float64(last.settled-first.settled) / dt
}

// Stats returns the last sample of the queue's state, and false when the
// server did not answer the last time.
func (m *QueueMonitor) Stats() (queue.Stats, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.last, m.ok
}

// Workers returns the live workers and their slots.
func (m *QueueMonitor) Workers() (workers, slots int) { return m.presence.Workers() }
