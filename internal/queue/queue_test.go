package queue

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/marsad/marsad/internal/queue/natstest"
)

// startQueue starts an embedded server and connects to it over TCP, as a
// worker process would.
func startQueue(t *testing.T, opts Options) (*Embedded, *Queue) {
	t.Helper()
	e, err := StartEmbedded(t.TempDir(), "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.Shutdown)
	return e, connectTo(t, e.URL(), opts)
}

// onBothServers runs test against the embedded server and, when the
// nats-server binary is installed, against a standalone one (Debian ships
// an older release than the library embeds).
func onBothServers(t *testing.T, test func(t *testing.T, start func(t *testing.T, opts Options) *Queue)) {
	t.Run("embedded", func(t *testing.T) {
		test(t, func(t *testing.T, opts Options) *Queue { _, q := startQueue(t, opts); return q })
	})
	t.Run("nats-server", func(t *testing.T) {
		test(t, func(t *testing.T, opts Options) *Queue {
			s, err := natstest.Start(context.Background())
			if errors.Is(err, natstest.ErrNoServer) {
				t.Skip(err)
			}
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(s.Stop)
			return connectTo(t, s.URL, opts)
		})
	})
}

func connectTo(t *testing.T, url string, opts Options) *Queue {
	t.Helper()
	if opts.Logf == nil {
		opts.Logf = t.Logf
	}
	q, err := Connect(context.Background(), url, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	return q
}

// consumeUntil runs Consume until done reports true or the deadline passes.
func consumeUntil(t *testing.T, q *Queue, opts ConsumeOptions, h Handler, done func() bool) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- q.Consume(ctx, opts, h) }()
	deadline := time.Now().Add(30 * time.Second)
	for !done() {
		if time.Now().After(deadline) {
			cancel()
			<-errc
			t.Fatal("timed out waiting for the jobs")
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	if err := <-errc; err != nil {
		t.Fatalf("Consume: %v", err)
	}
}

func publish(t *testing.T, q *Queue, items ...Item) {
	t.Helper()
	for _, it := range items {
		if _, err := q.Publish(context.Background(), it); err != nil {
			t.Fatal(err)
		}
	}
}

func mustStats(t *testing.T, q *Queue) Stats {
	t.Helper()
	st, err := q.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestEveryJobHandledOnce(t *testing.T) {
	onBothServers(t, func(t *testing.T, start func(t *testing.T, opts Options) *Queue) {
		q := start(t, Options{})
		const n = 40
		for i := range n {
			publish(t, q, Item{ID: fmt.Sprintf("job-%d", i), Source: fmt.Sprintf("مقال-%d.txt", i), Data: []byte(fmt.Sprint(i))})
		}
		// A job published again with the same id is dropped by the server.
		res, err := q.Publish(context.Background(), Item{ID: "job-3", Data: []byte("3")})
		if err != nil || !res.Duplicate {
			t.Fatalf("republishing job-3: %+v, %v; want a duplicate", res, err)
		}
		var mu sync.Mutex
		seen := map[string]int{}
		sources := map[string]bool{}
		var outcomes []Outcome
		consumeUntil(t, q, ConsumeOptions{Concurrency: 4, OnResult: func(d *Delivery, err error, o Outcome) {
			mu.Lock()
			outcomes = append(outcomes, o)
			mu.Unlock()
		}}, func(ctx context.Context, d *Delivery) error {
			mu.Lock()
			defer mu.Unlock()
			seen[string(d.Data)]++
			sources[d.Source] = true
			return nil
		}, func() bool { mu.Lock(); defer mu.Unlock(); return len(outcomes) == n })
		for i := range n {
			if seen[fmt.Sprint(i)] != 1 {
				t.Errorf("job %d handled %d times", i, seen[fmt.Sprint(i)])
			}
		}
		if !sources["مقال-7.txt"] {
			t.Errorf("sources lost on the way: %v", sources)
		}
		if st := mustStats(t, q); st.Depth != 0 || st.Settled != n || st.Dead != 0 {
			t.Errorf("after consuming: %+v", st)
		}
	})
}

func TestFailingJobIsRetriedThenDeadLettered(t *testing.T) {
	onBothServers(t, func(t *testing.T, start func(t *testing.T, opts Options) *Queue) {
		q := start(t, Options{Tries: 3, AckWait: 5 * time.Second})
		publish(t, q, Item{ID: "poison", Source: "poison.txt", Data: []byte("always fails")},
			Item{ID: "bad", Source: "bad.txt", Data: []byte("unreadable")})
		var mu sync.Mutex
		attempts := map[string][]int{}
		dead := 0
		consumeUntil(t, q, ConsumeOptions{OnResult: func(d *Delivery, err error, o Outcome) {
			if o == Dead {
				mu.Lock()
				dead++
				mu.Unlock()
			}
		}}, func(ctx context.Context, d *Delivery) error {
			mu.Lock()
			attempts[d.Source] = append(attempts[d.Source], d.Attempt)
			mu.Unlock()
			if d.Source == "bad.txt" {
				return Permanent(errors.New("not an article"))
			}
			return errors.New("the analysis broke")
		}, func() bool { mu.Lock(); defer mu.Unlock(); return dead == 2 })
		if got := fmt.Sprint(attempts["poison.txt"]); got != "[1 2 3]" {
			t.Errorf("poison attempts %s, want [1 2 3]", got)
		}
		if got := fmt.Sprint(attempts["bad.txt"]); got != "[1]" {
			t.Errorf("a permanent failure was tried %s times, want once", got)
		}
		page, err := q.DeadLetters(context.Background(), 10, 0)
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != 2 || len(page.Items) != 2 {
			t.Fatalf("dead letters %+v", page)
		}
		byName := map[string]DeadLetter{}
		for _, dl := range page.Items {
			byName[dl.Source] = dl
		}
		if dl := byName["poison.txt"]; dl.Error != "the analysis broke" || dl.Deliveries != 3 || string(dl.Data) != "always fails" {
			t.Errorf("poison dead letter %+v", dl)
		}
		if dl := byName["bad.txt"]; dl.Error != "not an article" || dl.Deliveries != 1 {
			t.Errorf("bad dead letter %+v", dl)
		}
		if st := mustStats(t, q); st.Depth != 0 || st.Dead != 2 {
			t.Errorf("stats after dead-lettering: %+v", st)
		}

		// After a fix, a dead letter goes back on the queue with fresh tries.
		if _, err := q.Requeue(context.Background(), byName["poison.txt"].Seq); err != nil {
			t.Fatal(err)
		}
		if _, err := q.Requeue(context.Background(), byName["poison.txt"].Seq); !errors.Is(err, ErrNoDeadLetter) {
			t.Errorf("requeueing twice: %v, want ErrNoDeadLetter", err)
		}
		var fixed []int
		consumeUntil(t, q, ConsumeOptions{}, func(ctx context.Context, d *Delivery) error {
			mu.Lock()
			fixed = append(fixed, d.Attempt)
			mu.Unlock()
			return nil
		}, func() bool { mu.Lock(); defer mu.Unlock(); return len(fixed) == 1 })
		if fixed[0] != 1 {
			t.Errorf("a requeued job starts at attempt %d, want 1", fixed[0])
		}
		if st := mustStats(t, q); st.Depth != 0 || st.Dead != 1 {
			t.Errorf("stats after the requeued job: %+v", st)
		}
	})
}

// grab takes one delivery with a bare pull and drops it, as a worker
// killed mid-job does.
func grab(t *testing.T, q *Queue) {
	t.Helper()
	c, err := q.consumer(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	msg, err := c.Next(jetstream.FetchMaxWait(5 * time.Second))
	if err != nil {
		t.Fatalf("fetching the job to drop: %v", err)
	}
	_ = msg // never acknowledged
}

func TestJobOfDeadWorkerIsRedelivered(t *testing.T) {
	onBothServers(t, func(t *testing.T, start func(t *testing.T, opts Options) *Queue) {
		q := start(t, Options{AckWait: time.Second})
		publish(t, q, Item{ID: "a", Source: "a.txt", Data: []byte("a")})
		grab(t, q)
		var mu sync.Mutex
		var attempts []int
		began := time.Now()
		consumeUntil(t, q, ConsumeOptions{}, func(ctx context.Context, d *Delivery) error {
			mu.Lock()
			attempts = append(attempts, d.Attempt)
			mu.Unlock()
			return nil
		}, func() bool { mu.Lock(); defer mu.Unlock(); return len(attempts) == 1 })
		if attempts[0] != 2 {
			t.Errorf("redelivered as attempt %d, want 2", attempts[0])
		}
		if time.Since(began) > 10*time.Second {
			t.Errorf("redelivery took %v with a 1s ack wait", time.Since(began))
		}
	})
}

func TestJobWhoseTriesAllDiedIsDeadLettered(t *testing.T) {
	onBothServers(t, func(t *testing.T, start func(t *testing.T, opts Options) *Queue) {
		q := start(t, Options{Tries: 2, AckWait: 500 * time.Millisecond})
		publish(t, q, Item{ID: "crasher", Source: "crasher.txt", Data: []byte("kills workers")})
		grab(t, q)
		grab(t, q)
		called := false
		dead := false
		var mu sync.Mutex
		consumeUntil(t, q, ConsumeOptions{OnResult: func(d *Delivery, err error, o Outcome) {
			mu.Lock()
			dead = o == Dead
			mu.Unlock()
		}}, func(ctx context.Context, d *Delivery) error {
			called = true
			return nil
		}, func() bool { mu.Lock(); defer mu.Unlock(); return dead })
		if called {
			t.Error("the handler ran a job whose tries were used up")
		}
		page, err := q.DeadLetters(context.Background(), 0, 0)
		if err != nil || len(page.Items) != 1 || !strings.Contains(page.Items[0].Error, "gave up after 2 tries") {
			t.Errorf("dead letters %+v, %v", page, err)
		}
	})
}

func TestMaxDeliveriesAdvisoryBuriesLostJob(t *testing.T) {
	e, q := startQueue(t, Options{Tries: 1, AckWait: 300 * time.Millisecond})
	watcher := connectTo(t, e.URL(), Options{Tries: 1, AckWait: 300 * time.Millisecond})
	stop, err := watcher.watchMaxDeliveries("watcher")
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	publish(t, q, Item{ID: "lost", Source: "lost.txt", Data: []byte("x")})
	grab(t, q) // the try
	grab(t, q) // the burying delivery, lost too
	// The server notices the limit when it next looks for a job to hand
	// out, so a worker must be asking; none may get the lost job.
	c, err := q.consumer(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if msg, err := c.Next(jetstream.FetchMaxWait(2 * time.Second)); err == nil {
		t.Fatalf("a job past its delivery limit was delivered again (attempt %v)", msg)
	}
	deadline := time.Now().Add(15 * time.Second)
	for {
		st := mustStats(t, q)
		if st.Dead == 1 && st.Depth == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the lost job was not buried: %+v", st)
		}
		time.Sleep(100 * time.Millisecond)
	}
	page, _ := q.DeadLetters(context.Background(), 0, 0)
	if len(page.Items) != 1 || page.Items[0].Source != "lost.txt" || !strings.Contains(page.Items[0].Error, "stopped delivering") {
		t.Errorf("dead letters %+v", page)
	}
}

func TestLongJobKeptAliveNotRedelivered(t *testing.T) {
	e, q := startQueue(t, Options{AckWait: 600 * time.Millisecond})
	other := connectTo(t, e.URL(), Options{AckWait: 600 * time.Millisecond})
	publish(t, q, Item{ID: "long", Source: "long.txt", Data: []byte("long")})
	var mu sync.Mutex
	deliveries := 0
	handler := func(ctx context.Context, d *Delivery) error {
		mu.Lock()
		deliveries++
		mu.Unlock()
		time.Sleep(2500 * time.Millisecond) // four ack waits
		return nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go other.Consume(ctx, ConsumeOptions{}, handler)
	consumeUntil(t, q, ConsumeOptions{}, handler, func() bool { return mustStats(t, q).Depth == 0 })
	mu.Lock()
	defer mu.Unlock()
	if deliveries != 1 {
		t.Errorf("a job in progress was delivered %d times", deliveries)
	}
}

func TestLargeJobTravelsAsObject(t *testing.T) {
	onBothServers(t, func(t *testing.T, start func(t *testing.T, opts Options) *Queue) {
		q := start(t, Options{})
		big := bytes.Repeat([]byte("نص طويل "), 200_000) // about 2.6 MB, over NATS's 1 MB
		publish(t, q, Item{ID: "big", Source: "big.txt", Data: big})
		var got []byte
		var mu sync.Mutex
		consumeUntil(t, q, ConsumeOptions{}, func(ctx context.Context, d *Delivery) error {
			mu.Lock()
			got = d.Data
			mu.Unlock()
			return nil
		}, func() bool { mu.Lock(); defer mu.Unlock(); return got != nil })
		if !bytes.Equal(got, big) {
			t.Fatalf("large job arrived with %d bytes, want %d", len(got), len(big))
		}
		store, err := q.blobs(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		// The object goes with the job's acknowledgement.
		deadline := time.Now().Add(5 * time.Second)
		for {
			_, err := store.GetInfo(context.Background(), "big")
			if errors.Is(err, jetstream.ErrObjectNotFound) {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("the job's object is still there: %v", err)
			}
			time.Sleep(50 * time.Millisecond)
		}
	})
}

func TestPresenceCountsWorkers(t *testing.T) {
	_, q := startQueue(t, Options{})
	p, err := q.WatchPresence()
	if err != nil {
		t.Fatal(err)
	}
	defer p.Stop()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- q.Consume(ctx, ConsumeOptions{Concurrency: 3, Worker: "w1"}, func(context.Context, *Delivery) error { return nil })
	}()
	waitFor(t, func() bool { w, s := p.Workers(); return w == 1 && s == 3 })
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { w, _ := p.Workers(); return w == 0 })
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met in 10s")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestConnectErrors(t *testing.T) {
	tests := []struct {
		url, want string
	}{
		{"", "empty NATS address"},
		{"http://127.0.0.1:4222", "want nats://HOST:PORT"},
		{"nats://user:secret@", "want nats://HOST:PORT"},
		{"nats://127.0.0.1:1", "cannot reach NATS at nats://127.0.0.1:1"},
	}
	for _, tt := range tests {
		began := time.Now()
		_, err := Connect(context.Background(), tt.url, Options{ConnectTimeout: 2 * time.Second})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Connect(%q) error = %v, want it to mention %q", tt.url, err, tt.want)
		}
		if err != nil && strings.Contains(err.Error(), "secret") {
			t.Errorf("Connect(%q) shows the password: %v", tt.url, err)
		}
		if d := time.Since(began); d > 10*time.Second {
			t.Errorf("Connect(%q) took %v to fail", tt.url, d)
		}
	}
}

func TestEmbeddedAddress(t *testing.T) {
	tests := []struct {
		addr, want string
	}{
		{"0.0.0.0:4222", "only loopback"},
		{"192.168.1.5:0", "only loopback"},
		{"localhost", "want HOST:PORT"},
		{"127.0.0.1:99999", "bad port"},
	}
	for _, tt := range tests {
		_, err := StartEmbedded(t.TempDir(), tt.addr)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("StartEmbedded(%q) error = %v, want %q", tt.addr, err, tt.want)
		}
	}
	e, err := StartEmbedded(t.TempDir(), "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer e.Shutdown()
	busy := strings.TrimPrefix(e.URL(), "nats://")
	if _, err := StartEmbedded(t.TempDir(), busy); err == nil || !strings.Contains(err.Error(), "cannot listen") {
		t.Errorf("a second server on %s: %v", busy, err)
	}
}
