package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"github.com/marsad/marsad/internal/ingest"
	"github.com/marsad/marsad/internal/store"
	_ "github.com/marsad/marsad/internal/store/postgres" // --db postgres://...
	_ "github.com/marsad/marsad/internal/store/sqlite"   // --db FILE
	"github.com/marsad/marsad/internal/storylink"
)

func init() {
	register("ingest", "analyse articles (or load marsad/v1 JSONL) into the database that 'serve' reads", runIngest)
}

// defaultDB is the database file ingest and serve use without --db.
const defaultDB = "marsad.db"

func runIngest(args []string) int {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	db := fs.String("db", defaultDB, "database: an SQLite `FILE` (created if missing) or a postgres:// URL")
	quiet := fs.Bool("quiet", false, "no progress bar and no summary")
	workers := fs.Int("j", 0, "documents analysed at once (default: one per CPU)")
	maxMB := fs.Int("max-mb", 10, "largest document read, in `MB`")
	noStories := fs.Bool("no-stories", false, "store without story ids, duplicate links and merged event ids ('marsad serve' links them later)")
	natsURL := fs.String("nats", "", "queue the articles on the NATS server at `URL` for 'marsad worker' processes instead of storing them here")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: marsad ingest [flags] PATH...\n\nPATH is a .txt, .html/.htm or .jsonl file, a directory (read recursively), or - for standard input.\nJSON Lines files of marsad/v1 records (from 'marsad analyze') are stored without re-analysis.\nRe-ingesting an article with the same content changes nothing.\nArticles join the stories already stored (story id, near-duplicate link, merged event ids);\nrecords that carry a story id keep theirs.\n\nflags:")
		fs.PrintDefaults()
	}
	paths, err := parseInterspersed(fs, args)
	if err == flag.ErrHelp {
		return 0
	}
	if err != nil {
		return 2
	}
	if len(paths) == 0 {
		fs.Usage()
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if *natsURL != "" {
		return runIngestQueue(ctx, *natsURL, paths, *maxMB, *quiet) // queue_flags.go
	}
	st, err := store.Open(ctx, *db)
	if err != nil {
		fmt.Fprintf(os.Stderr, "marsad ingest: %v\n", err)
		return 2
	}
	defer st.Close()
	opts := ingest.Options{
		Workers:   *workers,
		MaxBytes:  int64(*maxMB) << 20,
		NoStories: *noStories,
		OnError:   func(err error) { fmt.Fprintf(os.Stderr, "marsad: %v\n", err) },
		OnNote: func(note string) {
			if !*quiet {
				fmt.Fprintf(os.Stderr, "marsad ingest: %s\n", note)
			}
		},
		OnWarning: func(where, msg string) {
			if !*quiet {
				fmt.Fprintf(os.Stderr, "marsad: %s: warning: %s\n", where, msg)
			}
		},
	}
	if !*quiet && isTerminal(os.Stderr) {
		opts.Progress = os.Stderr
	}
	res, err := ingest.Run(ctx, st, paths, opts)
	if err != nil {
		fmt.Fprintf(os.Stderr, "marsad ingest: %v\n", err)
		return 2
	}
	if !*quiet {
		fmt.Fprintf(os.Stderr, "marsad ingest: %s: %d stored, %d unchanged, %d failed in %.1fs\n",
			*db, res.Stored, res.Unchanged, res.Failed, res.Elapsed.Seconds())
		if res.Seeded > 0 {
			fmt.Fprintf(os.Stderr, "marsad ingest: stories continued from the %d documents stored in the last %d days\n",
				res.Seeded, storylink.WindowDays())
		}
	}
	if res.Failed > 0 {
		return 1
	}
	return 0
}
