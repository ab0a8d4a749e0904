package storylink

import (
	"context"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/store"
)

// LeaseName is the store lease (store.Store.Lease) whose holder links
// stories: one process at a time, so that every decision sees the ones
// before it.
const LeaseName = "stories"

// LeaseTTL is how long the lease outlives its holder's last renewal.
const LeaseTTL = 30 * time.Second

// DefaultHolder names this process in the lease: host and process id.
func DefaultHolder() string {
	host, err := os.Hostname()
	if err != nil {
		host = "unknown-host"
	}
	return fmt.Sprintf("%s:%d", host, os.Getpid())
}

// Inline links the documents of one ingest run as they are stored, under
// the stories lease, kept renewed until Close. When another process holds
// the lease (a 'marsad serve' linking the same database), or the lease is
// lost midway, documents pass through unlinked and the holder links them.
type Inline struct {
	// Seeded is the number of stored documents the Linker was seeded with.
	Seeded int

	linker *Linker
	st     store.Store
	holder string
	lost   atomic.Bool
	stop   chan struct{}
	done   sync.WaitGroup
}

// StartInline takes the stories lease and seeds a Linker from st. Without
// the lease it returns an Inline that links nothing (Held is false).
func StartInline(ctx context.Context, st store.Store) (*Inline, error) {
	in := &Inline{st: st, holder: DefaultHolder(), stop: make(chan struct{})}
	held, _, err := st.Lease(ctx, LeaseName, in.holder, LeaseTTL)
	if err != nil {
		return nil, err
	}
	if !held {
		in.lost.Store(true)
		return in, nil
	}
	in.linker = New()
	if in.Seeded, err = in.linker.SeedFrom(ctx, st); err != nil {
		in.release()
		return nil, err
	}
	in.done.Add(1)
	go in.renew(context.WithoutCancel(ctx))
	return in, nil
}

// Held reports whether this run links (it holds the lease, still).
func (in *Inline) Held() bool { return !in.lost.Load() }

func (in *Inline) renew(ctx context.Context) {
	defer in.done.Done()
	tick := time.NewTicker(LeaseTTL / 3)
	defer tick.Stop()
	for {
		select {
		case <-in.stop:
			return
		case <-tick.C:
			held, _, err := in.st.Lease(ctx, LeaseName, in.holder, LeaseTTL)
			if err == nil && !held {
				// Another process took over: what this run stores from now
				// on waits for it.
				in.lost.Store(true)
				return
			}
		}
	}
}

// Writer returns a writer that links (or seeds, see Writer) each document
// while the lease is held and hands it to next.
func (in *Inline) Writer(next interface {
	Write(record.Document) error
	Close() error
}) *Writer {
	return &Writer{Linker: in.linker, Next: next, off: &in.lost}
}

// Close stops renewing the lease and gives it up.
func (in *Inline) Close() {
	if in.linker == nil {
		return
	}
	close(in.stop)
	in.done.Wait()
	if !in.lost.Load() {
		in.release()
	}
}

func (in *Inline) release() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	in.st.Lease(ctx, LeaseName, in.holder, 0)
}
