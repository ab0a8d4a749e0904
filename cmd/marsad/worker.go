package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"runtime"
	"syscall"

	"github.com/marsad/marsad/internal/jobs"
	"github.com/marsad/marsad/internal/queue"

	// The backends 'marsad worker --db' can open.
	_ "github.com/marsad/marsad/internal/store/postgres"
	_ "github.com/marsad/marsad/internal/store/sqlite"
)

func init() {
	register("worker", "pull articles from the NATS work queue, analyse them and store the records", runWorker)
}

func runWorker(args []string) int {
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	natsURL := fs.String("nats", "nats://"+queue.DefaultEmbeddedAddr, "NATS server `URL` (a comma-separated list for a cluster)")
	db := fs.String("db", defaultDB, "database: a SQLite `FILE` or a postgres:// URL")
	concurrency := fs.Int("concurrency", runtime.GOMAXPROCS(0), "articles analysed at once")
	tries := fs.Int("tries", queue.DefaultTries, "tries before an article goes to the dead letters")
	ackWait := fs.Duration("ack-wait", queue.DefaultAckWait, "how long an unfinished article waits before another worker gets it, if this one dies")
	metricsAddr := fs.String("metrics", "", "serve Prometheus /metrics on `HOST:PORT` (off by default)")
	name := fs.String("name", "", "this worker's name in dead letters (default host:pid)")
	quiet := fs.Bool("quiet", false, "log only failures")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: marsad worker [flags]\n\nRun any number of workers, on any machines, against one queue and one database.\nSIGINT or SIGTERM finishes the articles in progress and exits; a worker that is killed\nleaves its articles to be redelivered after --ack-wait.\n\nflags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "marsad worker: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if *concurrency < 1 || *tries < 1 || *ackWait <= 0 {
		fmt.Fprintln(os.Stderr, "marsad worker: --concurrency and --tries must be at least 1, --ack-wait positive")
		return 2
	}
	logger := log.New(os.Stderr, "marsad worker: ", log.LstdFlags)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop() // a second signal kills at once
	}()
	err := jobs.RunWorker(ctx, jobs.WorkerConfig{
		NATS: *natsURL, DB: *db, Concurrency: *concurrency, Tries: *tries, AckWait: *ackWait,
		MetricsAddr: *metricsAddr, Name: *name, Logf: logger.Printf,
		Ready: func(queueAt, storeAt string) {
			if !*quiet {
				logger.Printf("consuming from %s into %s, %d at a time", queueAt, storeAt, *concurrency)
			}
		},
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "marsad worker: %v\n", err)
		return 2
	}
	if !*quiet {
		logger.Printf("stopped")
	}
	return 0
}
