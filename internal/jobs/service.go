package jobs

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/marsad/marsad/internal/metrics"
	"github.com/marsad/marsad/internal/queue"
	"github.com/marsad/marsad/internal/store"
)

// Embedded is the value of a NATS address that asks for the in-process server.
const Embedded = "embedded"

// ServiceConfig is the queue side of 'marsad serve'.
type ServiceConfig struct {
	// NATS is Embedded or a nats:// URL.
	NATS string
	// EmbeddedAddr and EmbeddedDir place the in-process server: its
	// loopback address for worker processes, and its store directory.
	EmbeddedAddr, EmbeddedDir string
	// Workers is the number of articles the server itself analyses at
	// once; 0 leaves all the work to 'marsad worker' processes.
	Workers int
	// Tries and AckWait configure the queue (see queue.Options).
	Tries   int
	AckWait time.Duration
	// Store receives the in-process workers' records.
	Store store.Store
	// Logf receives worker and queue events.
	Logf func(format string, args ...any)
}

// Service runs the queue for a server: the embedded NATS server when asked
// for, in-process workers, the queue monitor, and the HTTP frontend.
type Service struct {
	cfg      ServiceConfig
	embedded *queue.Embedded
	queue    *queue.Queue
	registry *metrics.Registry
	monitor  *QueueMonitor
	cancel   context.CancelFunc
	workers  sync.WaitGroup
	errc     chan error
}

// StartService connects to (or starts) the queue and starts the workers.
func StartService(ctx context.Context, cfg ServiceConfig) (*Service, error) {
	if cfg.Logf == nil {
		cfg.Logf = func(string, ...any) {}
	}
	s := &Service{cfg: cfg, registry: metrics.NewRegistry(), errc: make(chan error, 1)}
	opts := queue.Options{Name: "marsad serve", Tries: cfg.Tries, AckWait: cfg.AckWait, Logf: cfg.Logf}
	address := cfg.NATS
	if cfg.NATS == Embedded {
		e, err := queue.StartEmbedded(cfg.EmbeddedDir, cfg.EmbeddedAddr)
		if err != nil {
			return nil, err
		}
		s.embedded, opts.Embedded = e, e
	}
	q, err := queue.Connect(ctx, address, opts)
	if err != nil {
		s.embedded.Shutdown()
		return nil, err
	}
	s.queue = q
	runCtx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	if s.monitor, err = NewQueueMonitor(runCtx, s.registry, q); err != nil {
		s.Close()
		return nil, err
	}
	if cfg.Workers > 0 {
		w := &Worker{Queue: q, Store: cfg.Store, Concurrency: cfg.Workers, Name: queue.DefaultWorkerName() + "/serve",
			Metrics: NewMetrics(s.registry), Logf: cfg.Logf}
		s.workers.Add(1)
		go func() {
			defer s.workers.Done()
			if err := w.Run(runCtx); err != nil {
				s.errc <- err
			}
		}()
	}
	return s, nil
}

// API returns the queue's endpoints, to plug into the server (Routes and
// Enqueue of server.Options).
func (s *Service) API() *QueueAPI {
	return &QueueAPI{Queue: s.queue, Monitor: s.monitor, Metrics: s.registry}
}

// WorkerURL is the address 'marsad worker' processes connect to.
func (s *Service) WorkerURL() string {
	if s.embedded != nil {
		return s.embedded.URL()
	}
	return s.queue.Where()
}

// Err reports a queue failure of the in-process workers.
func (s *Service) Err() <-chan error { return s.errc }

// Close stops the workers (letting articles in progress finish), closes
// the connection and stops the embedded server.
func (s *Service) Close() error {
	if s.cancel != nil {
		s.cancel()
	}
	s.workers.Wait()
	var err error
	if s.queue != nil {
		err = s.queue.Close()
	}
	s.embedded.Shutdown()
	return err
}

// WorkerConfig is what 'marsad worker' runs with.
type WorkerConfig struct {
	// NATS is the queue's nats:// URL; DB the store's address (see store.Open).
	NATS, DB    string
	Concurrency int
	Tries       int
	AckWait     time.Duration
	// MetricsAddr, when set, serves /metrics there.
	MetricsAddr string
	// Name identifies the worker (default host:pid).
	Name string
	Logf func(format string, args ...any)
	// Ready, when set, is called once the worker is connected and consuming.
	Ready func(queueAt, storeAt string)
}

// RunWorker connects to the queue and the store and works until ctx is
// cancelled. Configuration errors (a bad address, a server that does not
// answer) come back within seconds.
func RunWorker(ctx context.Context, cfg WorkerConfig) error {
	if cfg.Logf == nil {
		cfg.Logf = func(string, ...any) {}
	}
	if cfg.NATS == Embedded {
		return errors.New("a worker connects to a running queue: give the nats:// address that 'marsad serve --nats embedded' printed")
	}
	if err := queue.CheckURL(cfg.NATS); err != nil {
		return err
	}
	q, err := queue.Connect(ctx, cfg.NATS, queue.Options{Name: "marsad worker", Tries: cfg.Tries, AckWait: cfg.AckWait, Logf: cfg.Logf})
	if err != nil {
		return err
	}
	defer q.Close()
	st, err := store.Open(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	reg := metrics.NewRegistry()
	if cfg.MetricsAddr != "" {
		ln, err := net.Listen("tcp", cfg.MetricsAddr)
		if err != nil {
			return fmt.Errorf("metrics address: %w", err)
		}
		srv := &http.Server{Handler: metricsOnly(reg), ReadHeaderTimeout: 10 * time.Second}
		go srv.Serve(ln)
		defer srv.Close()
	}
	w := &Worker{Queue: q, Store: st, Concurrency: cfg.Concurrency, Name: cfg.Name, Metrics: NewMetrics(reg), Logf: cfg.Logf}
	if cfg.Ready != nil {
		cfg.Ready(q.Where(), store.Redact(cfg.DB))
	}
	return w.Run(ctx)
}

func metricsOnly(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/metrics" {
			http.NotFound(w, r)
			return
		}
		h.ServeHTTP(w, r)
	})
}
