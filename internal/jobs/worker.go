package jobs

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/marsad/marsad/internal/analyze"
	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/pipeline"
	"github.com/marsad/marsad/internal/queue"
	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/store"
)

// DefaultAnalysisTimeout bounds the analysis of one article.
const DefaultAnalysisTimeout = 5 * time.Minute

// Worker pulls jobs from the queue, analyses and stores them, and
// acknowledges each after its record is committed.
type Worker struct {
	Queue *queue.Queue
	Store store.Store
	// Concurrency is the number of articles in progress at once (default 1).
	Concurrency int
	// Name identifies the worker in dead letters (default host:pid).
	Name string
	// AnalysisTimeout fails a try whose analysis runs longer (default
	// DefaultAnalysisTimeout): a runaway article must not hold a worker
	// slot for ever.
	AnalysisTimeout time.Duration
	// Metrics, when set, counts what the worker does.
	Metrics *Metrics
	// Logf receives failures and retries; nil discards them.
	Logf func(format string, args ...any)
	// Stages overrides the analysis pipeline (tests); nil is the standard one.
	Stages []pipeline.Stage

	pipe *pipeline.Pipeline
	// stopping is closed when the worker is asked to stop: jobs not yet
	// analysed are then given back rather than started.
	stopping <-chan struct{}
	// analysing holds a token per analysis running, Concurrency at most.
	analysing chan struct{}
	// commits carries records to the committer goroutine.
	commits chan commitRequest
}

// Run works until ctx is cancelled, then finishes the articles in progress
// and returns nil; it returns an error when the queue fails for good.
func (w *Worker) Run(ctx context.Context) error {
	if w.Logf == nil {
		w.Logf = func(string, ...any) {}
	}
	if w.AnalysisTimeout <= 0 {
		w.AnalysisTimeout = DefaultAnalysisTimeout
	}
	stages := w.Stages
	if stages == nil {
		stages = analyze.DefaultStages(analyze.StageOptions{})
	}
	w.pipe = &pipeline.Pipeline{Stages: stages}
	concurrency := max(1, w.Concurrency)
	if w.Metrics != nil {
		w.Metrics.Slots.Add(float64(concurrency))
		defer w.Metrics.Slots.Add(-float64(concurrency))
	}
	w.stopping = ctx.Done()
	w.analysing = make(chan struct{}, concurrency)
	w.commits = make(chan commitRequest)
	commitCtx, stopCommits := context.WithCancel(context.Background())
	committed := make(chan struct{})
	go func() {
		defer close(committed)
		w.commit(commitCtx)
	}()
	defer func() {
		stopCommits()
		<-committed
	}()
	// More jobs are in hand than analyses run, so that while records are
	// committed and acknowledged the next articles are analysed (the CPU
	// never waits for the database), and records finished meanwhile share
	// the next commit.
	return w.Queue.Consume(ctx, queue.ConsumeOptions{Concurrency: jobsInHand(concurrency), Slots: concurrency,
		Worker: w.Name, OnResult: w.observe}, w.handle)
}

// jobsInHand is how many jobs a worker holds for a number of analyses.
func jobsInHand(analyses int) int {
	return 8*analyses + 8
}

// handle does one job. Its errors say whether a retry can help: an article
// that cannot be read or analysed is Permanent; a store that is down is
// waited for, not counted against the article.
func (w *Worker) handle(ctx context.Context, d *queue.Delivery) error {
	if w.Metrics != nil {
		w.Metrics.InProgress.Add(1)
		defer w.Metrics.InProgress.Add(-1)
	}
	if d.Attempt > 1 {
		w.Logf("worker: %s: try %d of %d (an earlier try failed, or its worker stopped)", d.Source, d.Attempt, d.Tries)
	}
	job, err := Decode(d.Data)
	if err != nil {
		return queue.Permanent(err)
	}
	var rec record.Document
	if job.Record != nil {
		rec = *job.Record
	} else if rec, err = w.analyse(ctx, job.Article); err != nil {
		return err
	}
	if _, err := store.Prepare(rec); err != nil {
		return queue.Permanent(&doc.InputError{Path: job.Article.pathOr(rec), Err: err})
	}
	return w.put(ctx, rec)
}

// pathOr names a job's input for an error.
func (a *Article) pathOr(r record.Document) string {
	if a != nil {
		return a.Doc().Where()
	}
	return record.Deref(r.Source.Path)
}

// analyse runs the pipeline over one article, within the timeout. A
// pipeline error is the article's: Permanent. A panic or a timeout may be
// the worker's: an ordinary failed try.
func (w *Worker) analyse(ctx context.Context, a *Article) (record.Document, error) {
	select {
	case <-w.stopping:
		return record.Document{}, queue.ErrStopping
	default:
	}
	select {
	case w.analysing <- struct{}{}:
	case <-w.stopping:
		return record.Document{}, queue.ErrStopping
	case <-ctx.Done():
		return record.Document{}, ctx.Err()
	}
	// Released when the analysis ends or is given up: a runaway analysis
	// keeps its CPU, but not the worker's slot.
	defer func() { <-w.analysing }()
	d := a.Doc()
	type result struct {
		err   error
		panic any
		stack []byte
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- result{panic: r, stack: debug.Stack()}
			}
		}()
		done <- result{err: w.pipe.Run(d)}
	}()
	timer := time.NewTimer(w.AnalysisTimeout)
	defer timer.Stop()
	select {
	case r := <-done:
		if r.panic != nil {
			return record.Document{}, fmt.Errorf("%s: internal error in the analysis (please report): %v\n%s", d.Where(), r.panic, r.stack)
		}
		if r.err != nil {
			var ie *doc.InputError
			if errors.As(r.err, &ie) {
				return record.Document{}, queue.Permanent(r.err)
			}
			return record.Document{}, queue.Permanent(&doc.InputError{Path: d.Path, Line: d.Line, Err: r.err})
		}
		return d.Record(), nil
	case <-timer.C:
		// The analysis goroutine cannot be stopped; it finishes in the
		// background and its result is dropped.
		w.Logf("worker: %s: analysis still running after %s; giving the article up for this try", d.Where(), w.AnalysisTimeout)
		return record.Document{}, fmt.Errorf("%s: analysis did not finish within %s", d.Where(), w.AnalysisTimeout)
	case <-ctx.Done():
		return record.Document{}, ctx.Err()
	}
}

// put stores rec, waiting out a database that is unavailable: the article
// is not at fault, so the try is not spent (the queue hears the job is in
// progress meanwhile).
func (w *Worker) put(ctx context.Context, rec record.Document) error {
	wait := time.Second
	for {
		reply := make(chan commitResult, 1)
		select {
		case w.commits <- commitRequest{doc: rec, reply: reply}:
		case <-ctx.Done():
			return ctx.Err()
		}
		var res commitResult
		select {
		case res = <-reply:
		case <-ctx.Done():
			// The commit may still land; the job comes back and finds it stored.
			return ctx.Err()
		}
		if res.err == nil {
			if w.Metrics != nil {
				if res.inserted {
					w.Metrics.Stored.Inc()
				} else {
					w.Metrics.Unchanged.Inc()
				}
			}
			return nil
		}
		if !errors.Is(res.err, store.ErrUnavailable) || ctx.Err() != nil {
			return fmt.Errorf("storing %s: %w", rec.DocID, res.err)
		}
		w.Logf("worker: storing %s: %v; retrying in %s", rec.DocID, res.err, wait)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
		wait = min(2*wait, 30*time.Second)
	}
}

// commitRequest asks the committer to store one record.
type commitRequest struct {
	doc   record.Document
	reply chan commitResult
}

type commitResult struct {
	inserted bool
	err      error
}

// maxCommitBatch bounds the records committed in one transaction.
const maxCommitBatch = 64

// commitLinger is how long the committer waits for more records before a
// commit. Analyses keep running meanwhile, so the wait costs an article a
// few milliseconds of latency and saves the database most of its commits:
// with SQLite's full-text index a commit of one record costs nearly as much
// as one of ten.
const commitLinger = 50 * time.Millisecond

// commit stores the records the handlers send, several to a transaction
// (see commitLinger). A batch that fails for one bad record
// is stored again one record at a time, so only that record fails.
func (w *Worker) commit(ctx context.Context) {
	for {
		var first commitRequest
		select {
		case first = <-w.commits:
		case <-ctx.Done():
			return
		}
		batch := []commitRequest{first}
		linger := time.NewTimer(commitLinger)
	gather:
		for len(batch) < maxCommitBatch {
			select {
			case r := <-w.commits:
				batch = append(batch, r)
			case <-linger.C:
				break gather
			case <-ctx.Done():
				break gather
			}
		}
		linger.Stop()
		docs := make([]record.Document, len(batch))
		for i, r := range batch {
			docs[i] = r.doc
		}
		inserted, err := w.Store.PutDocuments(ctx, docs)
		if err != nil && len(batch) > 1 && !errors.Is(err, store.ErrUnavailable) {
			for _, r := range batch {
				ok, err := w.Store.PutDocument(ctx, r.doc)
				r.reply <- commitResult{inserted: ok, err: err}
			}
			continue
		}
		for i, r := range batch {
			if err != nil {
				r.reply <- commitResult{err: err}
			} else {
				r.reply <- commitResult{inserted: inserted[i]}
			}
		}
	}
}

func (w *Worker) observe(d *queue.Delivery, err error, o queue.Outcome) {
	if m := w.Metrics; m != nil {
		switch o {
		case queue.Done:
			m.Processed.Inc()
			m.Rate.Mark(1)
		case queue.Retry:
			m.Failures.Inc()
		case queue.Dead:
			m.Failures.Inc()
			m.DeadLettered.Inc()
		}
	}
	switch o {
	case queue.Retry:
		w.Logf("worker: %s (try %d of %d): %v", d.Source, d.Attempt, d.Tries, err)
	case queue.Dead:
		w.Logf("worker: %s: dead-lettered after try %d: %v", d.Source, d.Attempt, err)
	}
}
