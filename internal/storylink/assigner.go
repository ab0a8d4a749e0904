package storylink

import (
	"context"
	"fmt"
	"time"

	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/store"
)

// Assigner links the documents stored without a story id: those queue
// workers store (each worker analyses its articles alone and cannot know
// what the others are storing), raw articles posted to the API, records
// from 'marsad analyze --no-stories'. It is the single stories consumer
// of a database: 'marsad serve' runs one.
//
// Consistency. Documents are linked one at a time, in publication order
// of what is waiting, by one Clusterer that has seen every document linked
// before it (seeded from the store, then kept up to date with its own
// decisions), so the ids it writes are as consistent as those of one long
// 'marsad analyze' run. Story ids appear a moment after the documents
// (Interval). Only the holder of the store's stories lease (LeaseName)
// links: a second Assigner, or a 'marsad ingest' while one runs, waits
// (ingest stores its documents unlinked for the holder), and a holder
// that finds the lease changed hands since it seeded reseeds, so it sees
// what the other linked. Should two ever link at once (a holder stalled
// past its lease), the store keeps the first ids written for a document,
// and the one refused reseeds.
type Assigner struct {
	Store store.Store
	// Holder names this process in the lease (default host:pid).
	Holder string
	// Interval is how long to wait before looking again when nothing is
	// waiting (default 2 s).
	Interval time.Duration
	// Batch is the most documents linked per transaction (default 200).
	Batch int
	// Logf receives what the Assigner does; nil discards it.
	Logf func(format string, args ...any)

	linker *Linker
	// handovers is the lease's count of holders when linker was seeded.
	handovers int64
	// waiting is set while another process holds the lease.
	waiting bool
}

// Run links waiting documents until ctx is cancelled. A store error is
// logged and the work retried after Interval; Run returns nil when ctx ends.
func (a *Assigner) Run(ctx context.Context) error {
	interval := a.Interval
	if interval <= 0 {
		interval = 2 * time.Second
	}
	defer func() {
		// Give the lease up for the next process, rather than let it lapse.
		release, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		a.Store.Lease(release, LeaseName, a.holder(), 0)
	}()
	for {
		n, err := a.LinkWaiting(ctx)
		if err != nil && ctx.Err() == nil {
			a.logf("stories: %v; retrying in %s", err, interval)
		}
		if n > 0 && err == nil {
			continue // more may be waiting
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(interval):
		}
	}
}

func (a *Assigner) logf(format string, args ...any) {
	if a.Logf != nil {
		a.Logf(format, args...)
	}
}

func (a *Assigner) holder() string {
	if a.Holder == "" {
		a.Holder = DefaultHolder()
	}
	return a.Holder
}

// LinkWaiting takes or renews the stories lease and, holding it, links one
// batch of the documents waiting for a story id; it returns how many it
// linked.
func (a *Assigner) LinkWaiting(ctx context.Context) (int, error) {
	batch := a.Batch
	if batch <= 0 {
		batch = 200
	}
	held, handovers, err := a.Store.Lease(ctx, LeaseName, a.holder(), LeaseTTL)
	if err != nil {
		return 0, err
	}
	if !held {
		if !a.waiting {
			a.logf("stories: another process is linking stories in this database; waiting for its lease")
		}
		a.waiting, a.linker = true, nil
		return 0, nil
	}
	if a.waiting {
		a.logf("stories: took over linking stories")
	}
	a.waiting = false
	if handovers != a.handovers {
		a.linker = nil // someone else linked since we seeded
	}
	var waiting []record.Document
	err = a.Store.ScanDocuments(ctx, store.ScanFilter{Limit: batch}, func(d record.Document) error {
		waiting = append(waiting, d)
		return nil
	})
	if err != nil || len(waiting) == 0 {
		return 0, err
	}
	if a.linker == nil {
		l := New()
		start := time.Now()
		n, err := l.SeedFrom(ctx, a.Store)
		if err != nil {
			return 0, err
		}
		a.logf("stories: seeded with %d stored documents in %s", n, time.Since(start).Round(time.Millisecond))
		a.linker, a.handovers = l, handovers
	}
	for i := range waiting {
		a.linker.Link(&waiting[i])
		if waiting[i].StoryID == "" {
			// The Linker leaves alone a content it has seen: stored twice
			// under two ids, or linked by someone else meanwhile. Start afresh.
			a.linker = nil
			return 0, fmt.Errorf("%s is stored twice or was linked elsewhere; reseeding", waiting[i].DocID)
		}
	}
	updated, err := a.Store.SetStories(ctx, waiting)
	if err != nil {
		// What was linked in memory did not reach the store: start afresh.
		a.linker = nil
		return 0, err
	}
	n := 0
	for _, ok := range updated {
		if ok {
			n++
		}
	}
	if n < len(waiting) {
		// Someone else linked or replaced documents under us: our Clusterer
		// no longer matches the store.
		a.linker = nil
		a.logf("stories: %d of %d documents were linked or replaced elsewhere; reseeding", len(waiting)-n, len(waiting))
	}
	return n, nil
}

// Start runs the Assigner in the background until stop is called; stop
// waits for it to give its lease up.
func (a *Assigner) Start(ctx context.Context) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		a.Run(ctx)
	}()
	return func() {
		cancel()
		<-done
	}
}
