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
	return w.Queue.Consume(ctx, queue.ConsumeOptions{Concurrency: concurrency, Worker: w.Name, OnResult: w.observe}, w.handle)
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
		inserted, err := w.Store.PutDocument(ctx, rec)
		if err == nil {
			if w.Metrics != nil {
				if inserted {
					w.Metrics.Stored.Inc()
				} else {
					w.Metrics.Unchanged.Inc()
				}
			}
			return nil
		}
		if !errors.Is(err, store.ErrUnavailable) || ctx.Err() != nil {
			return fmt.Errorf("storing %s: %w", rec.DocID, err)
		}
		w.Logf("worker: storing %s: %v; retrying in %s", rec.DocID, err, wait)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
		wait = min(2*wait, 30*time.Second)
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
