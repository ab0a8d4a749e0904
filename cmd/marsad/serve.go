package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/marsad/marsad/internal/ingest"
	"github.com/marsad/marsad/internal/server"
	"github.com/marsad/marsad/internal/store"
	_ "github.com/marsad/marsad/internal/store/postgres" // --db postgres://...
	_ "github.com/marsad/marsad/internal/store/sqlite"   // --db FILE
	"github.com/marsad/marsad/internal/storylink"
)

func init() {
	register("serve", "serve the web UI and the JSON API over the database", runServe)
}

func runServe(args []string) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	db := fs.String("db", defaultDB, "database: an SQLite `FILE` (created if missing) or a postgres:// URL")
	addr := fs.String("addr", "127.0.0.1:8080", "listen on `HOST:PORT` (port 0 picks a free one)")
	token := fs.String("token", os.Getenv("MARSAD_TOKEN"), "bearer `TOKEN` that POST /api/articles needs (default $MARSAD_TOKEN; none: writes refused)")
	openReads := fs.Bool("open-reads", false, "let clients on other machines read without the token")
	noStories := fs.Bool("no-stories", false, "do not link stories: leave documents stored without a story id (queue workers', posted articles) as they are")
	queueFlags := addServeQueueFlags(fs) // --nats and friends: queue_flags.go
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: marsad serve [flags]\n\nflags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "marsad serve: unexpected argument %q (load articles with 'marsad ingest')\n", fs.Arg(0))
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	st, err := store.Open(ctx, *db)
	if err != nil {
		fmt.Fprintf(os.Stderr, "marsad serve: %v\n", err)
		return 2
	}
	defer st.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(os.Stderr, "marsad serve: %v\n", err)
		return 2
	}
	if !*noStories {
		// Links what workers and posts store without story ids (internal/storylink).
		stopLinking := (&storylink.Assigner{Store: st, Logf: log.New(os.Stderr, "marsad serve: ", log.LstdFlags).Printf}).Start(ctx)
		defer stopLinking()
	}
	opts := server.Options{Token: *token, OpenReads: *openReads, Analyze: ingest.AnalyzeBytes}
	svc, err := queueFlags.start(ctx, st)
	if err != nil {
		fmt.Fprintf(os.Stderr, "marsad serve: %v\n", err)
		return 2
	}
	if svc != nil {
		defer svc.Close()
		api := svc.API()
		opts.Routes, opts.Enqueue = api.Routes(), api.Enqueue
	}
	srv := &http.Server{
		Handler:           server.New(st, opts),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
	}
	fmt.Printf("marsad: serving %s at http://%s/\n", *db, ln.Addr())
	if !isLoopbackAddr(ln.Addr()) && *token == "" && !*openReads {
		fmt.Fprintln(os.Stderr, "marsad serve: warning: listening beyond loopback with no token: other machines can read nothing")
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			fmt.Fprintf(os.Stderr, "marsad serve: %v\n", err)
			return 1
		}
	case <-ctx.Done():
		shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}
	return 0
}

func isLoopbackAddr(a net.Addr) bool {
	t, ok := a.(*net.TCPAddr)
	return ok && t.IP.IsLoopback()
}
