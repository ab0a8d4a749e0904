package queue

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime/debug"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Delivery is one job handed to a Handler.
type Delivery struct {
	Item
	// Seq is the job's sequence number in the work stream.
	Seq uint64
	// Attempt counts deliveries of this job, 1 for the first.
	Attempt int
	// Tries is how many attempts a job gets before it is dead-lettered.
	Tries int
	// Queued is when the job was published.
	Queued time.Time
}

// Handler does a job. Returning nil acknowledges the job, which removes it
// from the queue for good: the handler must have committed its result
// first. An error fails this try; see Permanent.
type Handler func(ctx context.Context, d *Delivery) error

// permanentError marks a failure that no retry can fix.
type permanentError struct{ err error }

func (e *permanentError) Error() string { return e.err.Error() }
func (e *permanentError) Unwrap() error { return e.err }

// Permanent wraps an error that is the job's own fault (it cannot be read,
// it is not an article): the job goes to the dead letters at once instead
// of being tried again.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return &permanentError{err}
}

// ErrStopping is returned (wrapped) by a handler that gives a job back
// untouched because its worker is stopping: the job is released at once
// for another worker, and the try is not counted as a failure.
var ErrStopping = errors.New("worker stopping")

// IsPermanent reports whether err was marked by Permanent.
func IsPermanent(err error) bool {
	var p *permanentError
	return errors.As(err, &p)
}

// Outcome is what became of one delivery.
type Outcome int

// Outcomes of a delivery.
const (
	// Done: the handler succeeded and the job was acknowledged.
	Done Outcome = iota
	// Retry: the try failed and the job will be delivered again.
	Retry
	// Dead: the job was moved to the dead letters.
	Dead
	// Released: the worker is stopping and gave the job back unfinished.
	Released
)

// ConsumeOptions configure Consume.
type ConsumeOptions struct {
	// Concurrency is the number of jobs handled at once (default 1).
	Concurrency int
	// Worker names this worker in the dead letters and presence reports
	// (default host:pid).
	Worker string
	// Slots is the capacity the presence reports announce (default
	// Concurrency): a handler may hold more jobs than it works on at once.
	Slots int
	// Grace is how long jobs in progress may run on after the context is
	// cancelled before their handlers' context is cancelled too (default
	// 30s).
	Grace time.Duration
	// OnResult, when set, is told the outcome of every delivery.
	OnResult func(d *Delivery, err error, o Outcome)
}

// Consume handles jobs until ctx is cancelled, then stops fetching, lets
// jobs in progress finish (see ConsumeOptions.Grace), gives back jobs
// fetched but not started, and returns nil. It returns an error when the
// consumer cannot be set up or the connection is closed for good.
func (q *Queue) Consume(ctx context.Context, opts ConsumeOptions, h Handler) error {
	if opts.Concurrency <= 0 {
		opts.Concurrency = 1
	}
	if opts.Grace <= 0 {
		opts.Grace = 30 * time.Second
	}
	if opts.Worker == "" {
		opts.Worker = DefaultWorkerName()
	}
	setupCtx, cancel := context.WithTimeout(ctx, 2*q.opts.ConnectTimeout)
	cons, err := q.consumer(setupCtx)
	cancel()
	if err != nil {
		return err
	}
	stopAdvisories, err := q.watchMaxDeliveries(opts.Worker)
	if err != nil {
		return err
	}
	defer stopAdvisories()
	if opts.Slots <= 0 {
		opts.Slots = opts.Concurrency
	}
	stopPresence := q.announce(opts.Worker, opts.Slots)
	defer stopPresence()

	// A few jobs wait in the client so a slot never idles on a round trip;
	// only a few, because a waiting job gets no progress reports: held past
	// the ack wait, it would be delivered again elsewhere and spend a try.
	iter, err := cons.Messages(jetstream.PullMaxMessages(min(opts.Concurrency, 4) + 1))
	if err != nil {
		return fmt.Errorf("pulling from %s: %w", WorkStream, err)
	}
	// Handlers get a context of their own that outlives ctx by the grace period.
	handlerCtx, cancelHandlers := context.WithCancel(context.Background())
	defer cancelHandlers()
	go func() {
		<-ctx.Done()
		select {
		case <-time.After(opts.Grace):
			cancelHandlers()
		case <-handlerCtx.Done():
		}
	}()

	var wg sync.WaitGroup
	errc := make(chan error, opts.Concurrency)
	for range opts.Concurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				msg, err := iter.Next(jetstream.NextContext(ctx))
				if err != nil {
					if ctx.Err() != nil || (errors.Is(err, jetstream.ErrMsgIteratorClosed) && !errors.Is(err, nats.ErrConnectionClosed)) {
						return
					}
					if errors.Is(err, nats.ErrConnectionClosed) || errors.Is(err, jetstream.ErrConsumerDeleted) {
						errc <- fmt.Errorf("pulling from %s: %w", WorkStream, err)
						return
					}
					// A missed heartbeat while the server restarts: the
					// iterator pulls again by itself.
					q.opts.Logf("queue: %v", err)
					sleep(ctx, time.Second)
					continue
				}
				q.handle(handlerCtx, msg, opts, h)
			}
		}()
	}
	wg.Wait()
	// Jobs fetched but not started go back at once rather than after the ack wait.
	iter.Drain()
	for {
		msg, err := iter.Next(jetstream.NextMaxWait(time.Second))
		if err != nil {
			break
		}
		msg.Nak()
	}
	select {
	case err := <-errc:
		return err
	default:
		return nil
	}
}

func sleep(ctx context.Context, d time.Duration) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}

// handle runs one delivery through h and settles it: ack, retry, or dead letter.
func (q *Queue) handle(ctx context.Context, msg jetstream.Msg, opts ConsumeOptions, h Handler) {
	md, err := msg.Metadata()
	if err != nil {
		q.opts.Logf("queue: a message without JetStream metadata: %v", err)
		msg.Term()
		return
	}
	d := &Delivery{
		Item:    Item{ID: msg.Headers().Get(jetstream.MsgIDHeader), Source: sourceOf(msg.Headers())},
		Seq:     md.Sequence.Stream,
		Attempt: int(md.NumDelivered),
		Tries:   q.opts.Tries,
		Queued:  md.Timestamp,
	}
	report := func(err error, o Outcome) {
		if opts.OnResult != nil {
			opts.OnResult(d, err, o)
		}
	}
	blob := msg.Headers().Get(headerBlob)
	if d.Attempt > d.Tries {
		err := fmt.Errorf("gave up after %d tries that never finished: each worker died or ran past the ack wait of %s",
			d.Tries, q.opts.AckWait)
		q.bury(msg, d, msg.Data(), blob, err, opts.Worker, report)
		return
	}
	d.Data = msg.Data()
	if blob != "" {
		if d.Data, err = q.getBlob(ctx, blob); err != nil {
			q.retry(msg, d, err, report)
			return
		}
	}
	stop := keepAlive(msg, q.opts.AckWait/3)
	err = callHandler(ctx, h, d)
	stop()
	switch {
	case err == nil:
		ackCtx, cancel := context.WithTimeout(context.Background(), q.opts.ConnectTimeout)
		defer cancel()
		if err := msg.DoubleAck(ackCtx); err != nil {
			// The result is committed; the job comes back and the handler
			// finds it done.
			q.opts.Logf("queue: acknowledging %s: %v", d.Source, err)
		}
		if blob != "" {
			q.deleteBlob(ackCtx, blob)
		}
		report(nil, Done)
	case ctx.Err() != nil || errors.Is(err, ErrStopping):
		msg.Nak()
		report(err, Released)
	case IsPermanent(err) || d.Attempt >= d.Tries:
		q.bury(msg, d, msg.Data(), blob, err, opts.Worker, report)
	default:
		q.retry(msg, d, err, report)
	}
}

// callHandler runs h, turning a panic into an error so that one bad job
// costs a try, not the worker.
func callHandler(ctx context.Context, h Handler, d *Delivery) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error (please report): %v\n%s", r, debug.Stack())
		}
	}()
	return h(ctx, d)
}

// retry gives the job back to be delivered again after a delay that grows
// with each try.
func (q *Queue) retry(msg jetstream.Msg, d *Delivery, err error, report func(error, Outcome)) {
	delay := min(time.Minute, time.Duration(1<<min(d.Attempt-1, 6))*time.Second)
	delay += time.Duration(rand.Int64N(int64(delay/4) + 1))
	if nerr := msg.NakWithDelay(delay); nerr != nil {
		q.opts.Logf("queue: giving back %s: %v", d.Source, nerr)
	}
	report(err, Retry)
}

// bury moves the job to the dead letters and removes it from the queue.
// If the dead letter cannot be written, the job is retried instead, so
// nothing is lost.
func (q *Queue) bury(msg jetstream.Msg, d *Delivery, raw []byte, blob string, cause error, worker string,
	report func(error, Outcome)) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*q.opts.ConnectTimeout)
	defer cancel()
	dl := DeadLetter{StreamSeq: d.Seq, ID: d.ID, Source: d.Source, Error: cause.Error(), Deliveries: d.Attempt,
		Failed: time.Now().UTC(), Worker: worker, Blob: blob, Data: raw}
	if err := q.publishDead(ctx, dl); err != nil {
		q.opts.Logf("queue: cannot dead-letter %s (%v); it will be tried again", d.Source, err)
		msg.NakWithDelay(10 * time.Second)
		report(cause, Retry)
		return
	}
	if err := msg.Term(); err != nil {
		q.opts.Logf("queue: removing dead-lettered %s: %v", d.Source, err)
	}
	report(cause, Dead)
}

// keepAlive tells the server the job is still in progress every period, so
// a long article is not redelivered while a live worker is on it.
func keepAlive(msg jetstream.Msg, every time.Duration) (stop func()) {
	every = max(every, 100*time.Millisecond)
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				msg.InProgress()
			}
		}
	}()
	return func() { close(done) }
}
