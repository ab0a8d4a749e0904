//go:build integration

package scaleout

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/marsad/marsad/internal/ingest"
	"github.com/marsad/marsad/internal/jobs"
	"github.com/marsad/marsad/internal/metrics"
	"github.com/marsad/marsad/internal/queue"
	"github.com/marsad/marsad/internal/queue/natstest"
	"github.com/marsad/marsad/internal/store/postgres"
	"github.com/marsad/marsad/internal/store/postgres/pgtest"
	"github.com/marsad/marsad/internal/store/sqlite"
)

// BenchmarkQueue measures articles per second through the queue, from
// queued to stored and acknowledged, with 1 and 2 workers:
//
//   - embedded-sqlite: the single-machine path, NATS embedded in the process
//     and one SQLite file, as 'marsad serve --nats embedded --workers N';
//   - postgres: a standalone nats-server and PostgreSQL (fsync on), each
//     worker with its own connections, as N 'marsad worker' processes;
//   - ingest-sqlite: no queue at all, 'marsad ingest -j N' into SQLite, the
//     baseline the queue's cost is read against.
//
// Queueing happens before the timer starts. Run it with a fixed count
// (scripts/bench-queue.sh uses -benchtime=1000x).
func BenchmarkQueue(b *testing.B) {
	ctx := context.Background()
	embedded, err := queue.StartEmbedded(b.TempDir(), "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	defer embedded.Shutdown()
	nats, err := natstest.Start(ctx)
	if err != nil {
		b.Fatalf("nats-server: %v (scripts/bench-queue.sh installs it)", err)
	}
	defer nats.Stop()
	pg, err := pgtest.Start(ctx, pgtest.Options{Durable: true})
	if err != nil {
		b.Fatalf("PostgreSQL: %v (scripts/bench-queue.sh installs it)", err)
	}
	defer pg.Stop()

	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("embedded-sqlite/workers=%d", workers), func(b *testing.B) {
			st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			q := connectBench(b, embedded.URL())
			benchWorkers(b, q, []*jobs.Worker{{Queue: q, Store: st, Concurrency: workers}})
		})
	}
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("postgres/workers=%d", workers), func(b *testing.B) {
			address, drop, err := pg.NewSchema(ctx)
			if err != nil {
				b.Fatal(err)
			}
			defer drop()
			var ws []*jobs.Worker
			for range workers {
				st, err := postgres.Open(ctx, address)
				if err != nil {
					b.Fatal(err)
				}
				defer st.Close()
				ws = append(ws, &jobs.Worker{Queue: connectBench(b, nats.URL), Store: st, Concurrency: 1})
			}
			benchWorkers(b, ws[0].Queue, ws)
		})
	}
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("ingest-sqlite/workers=%d", workers), func(b *testing.B) {
			dir := b.TempDir()
			writeCorpus(b, dir, nextSeed(), b.N)
			st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			b.ResetTimer()
			began, cpu := time.Now(), cpuTime()
			res, err := ingest.Run(ctx, st, []string{dir}, ingest.Options{Workers: workers})
			elapsed, used := time.Since(began), cpuTime()-cpu
			b.StopTimer()
			if err != nil || res.Stored != b.N {
				b.Fatalf("ingest: %+v, %v", res, err)
			}
			report(b, elapsed, used)
		})
	}
}

var seed atomic.Uint64

// nextSeed gives every run new articles, so none is a duplicate of an
// article an earlier run queued or stored.
func nextSeed() uint64 { return 1000 + seed.Add(1) }

func connectBench(b *testing.B, url string) *queue.Queue {
	b.Helper()
	q, err := queue.Connect(context.Background(), url, queue.Options{Name: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { q.Close() })
	return q
}

// benchWorkers queues b.N new articles, then times the workers from start
// until every article is stored and acknowledged.
func benchWorkers(b *testing.B, q *queue.Queue, workers []*jobs.Worker) {
	ctx := context.Background()
	dir := b.TempDir()
	writeCorpus(b, dir, nextSeed(), b.N)
	res, err := jobs.Submit(ctx, q, []string{dir}, jobs.SubmitOptions{})
	if err != nil || res.Queued != b.N {
		b.Fatalf("queueing %d articles: %+v, %v", b.N, res, err)
	}
	m := jobs.NewMetrics(metrics.NewRegistry())
	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	b.ResetTimer()
	began, cpu := time.Now(), cpuTime()
	for _, w := range workers {
		w.Metrics = m
		wg.Add(1)
		go func(w *jobs.Worker) {
			defer wg.Done()
			if err := w.Run(runCtx); err != nil {
				b.Error(err)
			}
		}(w)
	}
	for m.Processed.Value() < float64(b.N) {
		if m.Failures.Value() > 0 {
			b.Fatalf("%v failed tries", m.Failures.Value())
		}
		time.Sleep(2 * time.Millisecond)
	}
	elapsed, used := time.Since(began), cpuTime()-cpu
	b.StopTimer()
	cancel()
	wg.Wait()
	if got := m.Stored.Value(); got != float64(b.N) {
		b.Fatalf("stored %v of %d", got, b.N)
	}
	report(b, elapsed, used)
}

// report gives the rate, and the CPU time this process spent per article:
// on a machine shared with other work the rate says little, the CPU time
// more (an external nats-server's or PostgreSQL's CPU is not in it).
func report(b *testing.B, elapsed, cpu time.Duration) {
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "articles/s")
	b.ReportMetric(cpu.Seconds()*1000/float64(b.N), "cpu-ms/article")
}

// cpuTime is the user and system CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
