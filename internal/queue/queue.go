// Package queue is marsad's work queue on NATS JetStream: producers put
// jobs (articles to analyse) on a work-queue stream, any number of workers
// on any number of machines pull them through one shared durable consumer,
// and a job is removed only when a worker acknowledges it after its result
// is committed. A worker that dies leaves its jobs to be redelivered once
// the ack wait runs out; a job that keeps failing is moved, with its error,
// to a dead-letter stream after a set number of tries. The package knows
// nothing of articles: jobs are bytes, and the caller's handler decides
// what a failure means.
package queue

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Names of the streams, subjects and consumer marsad uses. They are fixed
// so that every process of a deployment finds the same queue.
const (
	WorkStream    = "MARSAD_ARTICLES"
	WorkSubject   = "marsad.articles"
	DeadStream    = "MARSAD_DEAD"
	DeadSubject   = "marsad.dead"
	ConsumerName  = "marsad-workers"
	BlobBucket    = "marsad-blobs"
	PresenceTopic = "marsad.presence"
)

// Defaults of Options.
const (
	DefaultTries          = 5
	DefaultAckWait        = 30 * time.Second
	DefaultConnectTimeout = 5 * time.Second
)

// Options configure a connection.
type Options struct {
	// Name identifies this client to the server (shown by nats-server).
	Name string
	// Tries is how many times a job is attempted before it goes to the
	// dead letters (default DefaultTries). Workers set it on the consumer.
	Tries int
	// AckWait is how long a delivered job may go without an
	// acknowledgement or progress report before it is redelivered to
	// another worker (default DefaultAckWait).
	AckWait time.Duration
	// ConnectTimeout bounds the first connection (default
	// DefaultConnectTimeout), so a wrong address fails in seconds.
	ConnectTimeout time.Duration
	// Embedded, when set, connects in-process to this server and the URL
	// given to Connect is ignored.
	Embedded *Embedded
	// Logf receives connection events (disconnects, reconnects); nil
	// discards them.
	Logf func(format string, args ...any)
}

func (o Options) withDefaults() Options {
	if o.Tries <= 0 {
		o.Tries = DefaultTries
	}
	if o.AckWait <= 0 {
		o.AckWait = DefaultAckWait
	}
	if o.ConnectTimeout <= 0 {
		o.ConnectTimeout = DefaultConnectTimeout
	}
	if o.Logf == nil {
		o.Logf = func(string, ...any) {}
	}
	if o.Name == "" {
		o.Name = "marsad"
	}
	return o
}

// Queue is a connection to the work queue.
type Queue struct {
	nc   *nats.Conn
	js   jetstream.JetStream
	opts Options
	url  string
	work jetstream.Stream
	dead jetstream.Stream

	blobMu    sync.Mutex
	blobStore jetstream.ObjectStore
}

// CheckURL reports whether address is a NATS server URL (nats:// or
// tls://, or a comma-separated list of them for a cluster), with a message
// that says what is expected when it is not.
func CheckURL(address string) error {
	if strings.TrimSpace(address) == "" {
		return errors.New("empty NATS address: give nats://HOST:PORT")
	}
	for _, part := range strings.Split(address, ",") {
		u, err := url.Parse(strings.TrimSpace(part))
		if err != nil || u.Host == "" || (u.Scheme != "nats" && u.Scheme != "tls") {
			return fmt.Errorf("NATS address %q: want nats://HOST:PORT (or tls://, or a comma-separated list for a cluster)",
				redact(part))
		}
	}
	return nil
}

// redact hides a password in a NATS URL.
func redact(address string) string {
	u, err := url.Parse(strings.TrimSpace(address))
	if err != nil || u.User == nil {
		return address
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// Connect connects to the NATS server at address and makes sure the
// streams exist. It fails within about Options.ConnectTimeout when the
// server cannot be reached or has JetStream disabled.
func Connect(ctx context.Context, address string, opts Options) (*Queue, error) {
	opts = opts.withDefaults()
	natsOpts := []nats.Option{
		nats.Name(opts.Name),
		nats.Timeout(opts.ConnectTimeout),
		// Once connected, ride out server restarts.
		nats.MaxReconnects(-1),
		nats.ReconnectWait(time.Second),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			if err != nil {
				opts.Logf("queue: disconnected from NATS: %v", err)
			}
		}),
		nats.ReconnectHandler(func(nc *nats.Conn) { opts.Logf("queue: reconnected to NATS at %s", nc.ConnectedUrlRedacted()) }),
	}
	where := redact(address)
	if opts.Embedded != nil {
		natsOpts = append(natsOpts, nats.InProcessServer(opts.Embedded.srv))
		address, where = opts.Embedded.URL(), "embedded server"
	} else if err := CheckURL(address); err != nil {
		return nil, err
	}
	nc, err := nats.Connect(address, natsOpts...)
	if err != nil {
		return nil, fmt.Errorf("cannot reach NATS at %s: %w", where, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("NATS at %s: %w", where, err)
	}
	q := &Queue{nc: nc, js: js, opts: opts, url: where}
	setupCtx, cancel := context.WithTimeout(ctx, 2*opts.ConnectTimeout)
	defer cancel()
	if err := q.setup(setupCtx); err != nil {
		nc.Close()
		return nil, fmt.Errorf("NATS at %s: %w", where, err)
	}
	return q, nil
}

// setup checks JetStream and creates the streams if they are missing.
// Existing streams are left as they are, so an operator may give them
// replicas or limits of their own.
func (q *Queue) setup(ctx context.Context) error {
	if _, err := q.js.AccountInfo(ctx); err != nil {
		if errors.Is(err, jetstream.ErrJetStreamNotEnabled) || errors.Is(err, jetstream.ErrJetStreamNotEnabledForAccount) {
			return errors.New("JetStream is not enabled on this server (start nats-server with -js)")
		}
		return fmt.Errorf("JetStream does not answer: %w", err)
	}
	var err error
	q.work, err = q.ensureStream(ctx, jetstream.StreamConfig{
		Name:        WorkStream,
		Description: "marsad: articles waiting to be analysed and stored",
		Subjects:    []string{WorkSubject},
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     jetstream.FileStorage,
		Duplicates:  2 * time.Minute,
	})
	if err != nil {
		return err
	}
	q.dead, err = q.ensureStream(ctx, jetstream.StreamConfig{
		Name:        DeadStream,
		Description: "marsad: articles that failed every try, with their errors",
		Subjects:    []string{DeadSubject},
		Retention:   jetstream.LimitsPolicy,
		Storage:     jetstream.FileStorage,
		Duplicates:  2 * time.Minute,
		MaxAge:      90 * 24 * time.Hour,
	})
	return err
}

func (q *Queue) ensureStream(ctx context.Context, cfg jetstream.StreamConfig) (jetstream.Stream, error) {
	s, err := q.js.Stream(ctx, cfg.Name)
	if err == nil {
		return s, nil
	}
	if !errors.Is(err, jetstream.ErrStreamNotFound) {
		return nil, fmt.Errorf("stream %s: %w", cfg.Name, err)
	}
	s, err = q.js.CreateStream(ctx, cfg)
	if errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
		// Another process created it a moment ago.
		return q.js.Stream(ctx, cfg.Name)
	}
	if err != nil {
		return nil, fmt.Errorf("creating stream %s: %w", cfg.Name, err)
	}
	return s, nil
}

// consumer creates or updates the shared durable consumer with this
// connection's tries and ack wait. The consumer allows one delivery more
// than Tries: the extra one only moves a job whose every try was lost (the
// worker died, or ran past the ack wait) to the dead letters.
func (q *Queue) consumer(ctx context.Context) (jetstream.Consumer, error) {
	c, err := q.js.CreateOrUpdateConsumer(ctx, WorkStream, jetstream.ConsumerConfig{
		Durable:       ConsumerName,
		Description:   "marsad workers",
		FilterSubject: WorkSubject,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       q.opts.AckWait,
		MaxDeliver:    q.opts.Tries + 1,
		MaxAckPending: 4096,
		DeliverPolicy: jetstream.DeliverAllPolicy,
	})
	if err != nil {
		return nil, fmt.Errorf("consumer %s on %s: %w", ConsumerName, WorkStream, err)
	}
	return c, nil
}

// Close drains the connection: acknowledgements still buffered are sent.
func (q *Queue) Close() error {
	if q == nil || q.nc == nil {
		return nil
	}
	return q.nc.Drain()
}

// Where names the server for messages (the password hidden).
func (q *Queue) Where() string { return q.url }

// Options returns the options the queue was opened with, defaults filled in.
func (q *Queue) Options() Options { return q.opts }
