package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/marsad/marsad/internal/jobs"
	"github.com/marsad/marsad/internal/queue"
	"github.com/marsad/marsad/internal/store"
)

// serveQueueFlags are the work-queue flags of 'marsad serve'.
type serveQueueFlags struct {
	nats, addr, dir *string
	workers, tries  *int
	ackWait         *time.Duration
}

func addServeQueueFlags(fs *flag.FlagSet) *serveQueueFlags {
	return &serveQueueFlags{
		nats: fs.String("nats", "", "queue posted articles on NATS JetStream: 'embedded' runs a server in this process, "+
			"nats://HOST:PORT uses an external one (default: analyse posts in the request)"),
		addr:    fs.String("nats-addr", queue.DefaultEmbeddedAddr, "loopback `HOST:PORT` where the embedded NATS server listens for 'marsad worker' processes"),
		dir:     fs.String("nats-dir", "marsad-nats", "`DIR` where the embedded NATS server keeps the queue"),
		workers: fs.Int("workers", 1, "with --nats, articles this server analyses at once (0: only 'marsad worker' processes do)"),
		tries:   fs.Int("tries", queue.DefaultTries, "with --nats, tries before an article goes to the dead letters"),
		ackWait: fs.Duration("ack-wait", queue.DefaultAckWait, "with --nats, how long an unfinished article waits before another worker gets it"),
	}
}

// start starts the queue service when --nats is given; nil otherwise.
func (f *serveQueueFlags) start(ctx context.Context, st store.Store) (*jobs.Service, error) {
	if *f.nats == "" {
		return nil, nil
	}
	logger := log.New(os.Stderr, "marsad serve: ", log.LstdFlags)
	svc, err := jobs.StartService(ctx, jobs.ServiceConfig{
		NATS: *f.nats, EmbeddedAddr: *f.addr, EmbeddedDir: *f.dir, Workers: *f.workers, Tries: *f.tries,
		AckWait: *f.ackWait, Store: st, Logf: logger.Printf,
	})
	if err != nil {
		return nil, err
	}
	fmt.Printf("marsad: work queue at %s (%d in-process workers); add workers with: marsad worker --nats %s --db DB\n",
		svc.WorkerURL(), *f.workers, svc.WorkerURL())
	return svc, nil
}

// runIngestQueue queues the articles paths name instead of storing them.
func runIngestQueue(ctx context.Context, natsURL string, paths []string, maxMB int, quiet bool) int {
	if natsURL == jobs.Embedded {
		fmt.Fprintln(os.Stderr, "marsad ingest: --nats needs a server address: start 'marsad serve --nats embedded' and pass the nats:// address it prints")
		return 2
	}
	q, err := queue.Connect(ctx, natsURL, queue.Options{Name: "marsad ingest"})
	if err != nil {
		fmt.Fprintf(os.Stderr, "marsad ingest: %v\n", err)
		return 2
	}
	defer q.Close()
	res, err := jobs.Submit(ctx, q, paths, jobs.SubmitOptions{
		MaxBytes: int64(maxMB) << 20,
		OnError:  func(err error) { fmt.Fprintf(os.Stderr, "marsad: %v\n", err) },
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "marsad ingest: %v\n", err)
		return 2
	}
	if !quiet {
		fmt.Fprintf(os.Stderr, "marsad ingest: %s: %d queued, %d already queued, %d failed in %.1fs\n",
			q.Where(), res.Queued, res.Duplicates, res.Failed, res.Elapsed.Seconds())
	}
	if res.Failed > 0 {
		return 1
	}
	return 0
}
