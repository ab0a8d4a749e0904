package queue

import (
	"encoding/json"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
)

// presenceEvery is how often a consuming worker announces itself; a worker
// not heard from for three periods is counted gone.
const presenceEvery = 5 * time.Second

// DefaultWorkerName is host:pid, unique among the workers of a deployment.
func DefaultWorkerName() string {
	host, err := os.Hostname()
	if err != nil {
		host = "unknown"
	}
	return fmt.Sprintf("%s:%d", host, os.Getpid())
}

// beat is a worker's presence announcement.
type beat struct {
	Worker string `json:"worker"`
	Slots  int    `json:"slots"`
	// Leaving is set on the last beat of a worker that stops cleanly.
	Leaving bool `json:"leaving,omitempty"`
}

// announce publishes this worker's presence until stop is called.
func (q *Queue) announce(worker string, slots int) (stop func()) {
	send := func(leaving bool) {
		data, _ := json.Marshal(beat{Worker: worker, Slots: slots, Leaving: leaving})
		q.nc.Publish(PresenceTopic, data)
	}
	send(false)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(presenceEvery)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				send(false)
			}
		}
	}()
	return func() {
		close(done)
		wg.Wait()
		send(true)
		q.nc.Flush()
	}
}

// Presence counts the workers consuming from the queue, from their
// announcements.
type Presence struct {
	mu      sync.Mutex
	seen    map[string]beat
	at      map[string]time.Time
	sub     *nats.Subscription
	now     func() time.Time
	timeout time.Duration
}

// WatchPresence starts counting workers. Workers announce themselves every
// few seconds, so a count is complete a few seconds after the start.
func (q *Queue) WatchPresence() (*Presence, error) {
	p := &Presence{seen: map[string]beat{}, at: map[string]time.Time{}, now: time.Now, timeout: 3 * presenceEvery}
	sub, err := q.nc.Subscribe(PresenceTopic, func(m *nats.Msg) {
		var b beat
		if json.Unmarshal(m.Data, &b) != nil || b.Worker == "" {
			return
		}
		p.record(b)
	})
	if err != nil {
		return nil, fmt.Errorf("listening for workers: %w", err)
	}
	p.sub = sub
	return p, nil
}

func (p *Presence) record(b beat) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if b.Leaving {
		delete(p.seen, b.Worker)
		delete(p.at, b.Worker)
		return
	}
	p.seen[b.Worker] = b
	p.at[b.Worker] = p.now()
}

// Workers returns the number of live workers and their job slots in all.
func (p *Presence) Workers() (workers, slots int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.now()
	for w, at := range p.at {
		if now.Sub(at) > p.timeout {
			delete(p.at, w)
			delete(p.seen, w)
			continue
		}
		workers++
		slots += p.seen[w].Slots
	}
	return workers, slots
}

// Stop stops listening.
func (p *Presence) Stop() {
	if p != nil && p.sub != nil {
		p.sub.Unsubscribe()
	}
}
