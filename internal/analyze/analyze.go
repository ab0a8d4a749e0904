// Package analyze runs marsad's pipeline over a stream of inputs: documents
// are read one at a time, analysed by a bounded pool of workers, and
// written in input order, so memory holds only the documents in flight
// whatever the number of articles.
package analyze

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"time"

	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/export"
	"github.com/marsad/marsad/internal/input"
	"github.com/marsad/marsad/internal/pipeline"
)

// Options control a run. The zero value analyses with DefaultStages on
// every CPU and reports nothing.
type Options struct {
	// Workers is the number of documents analysed at once; 0 means one per CPU.
	Workers int
	// MaxBytes caps one document; 0 means input.DefaultMaxBytes.
	MaxBytes int64
	// Stdin is read for the path "-"; nil means os.Stdin.
	Stdin io.Reader
	// Stages is the pipeline; nil means DefaultStages(StageOptions{}).
	Stages []pipeline.Stage
	// OnError receives, in input order, each input that failed.
	OnError func(err error)
	// OnWarning receives, in input order, the warnings of documents that
	// were analysed (where names the file and line).
	OnWarning func(where, warning string)
	// Progress, when set, receives a progress line that is redrawn in
	// place (a terminal's standard error).
	Progress io.Writer
}

// Stats summarise a run.
type Stats struct {
	Docs    int   // documents written
	Failed  int   // inputs that failed
	Bytes   int64 // input bytes read
	Elapsed time.Duration
}

// job is one input on its way through the workers; done is closed when
// doc or err is final.
type job struct {
	item input.Item
	done chan struct{}
}

// Run analyses the documents that paths name and writes each to w, in
// input order. An input that cannot be read or analysed is passed to
// OnError and counted in Stats.Failed; the run goes on. The error returned
// is a failure to write, which stops the run.
func Run(paths []string, w export.Writer, opts Options) (Stats, error) {
	started := time.Now()
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	stages := opts.Stages
	if stages == nil {
		stages = DefaultStages(StageOptions{})
	}
	p := &pipeline.Pipeline{Stages: stages}
	sources := input.Sources(paths)
	var total int64
	if opts.Progress != nil {
		// A first, cheap walk sizes the bar; without one nothing is held.
		for s := range sources {
			total += s.Size
		}
	}
	bar := newProgress(opts.Progress, total)

	// The producer hands every job to the writer (pending, in order) and,
	// when there is work, to the workers. Both queues are bounded, so at
	// most a few jobs per worker are in memory.
	pending := make(chan *job, 4*workers)
	work := make(chan *job, 4*workers)
	quit := make(chan struct{})
	go func() {
		defer close(pending)
		defer close(work)
		for item := range input.Read(sources, input.Options{MaxBytes: opts.MaxBytes, Stdin: opts.Stdin}) {
			j := &job{item: item, done: make(chan struct{})}
			select {
			case pending <- j:
			case <-quit:
				return
			}
			if item.Err != nil {
				close(j.done)
				continue
			}
			select {
			case work <- j:
			case <-quit:
				close(j.done) // the writer is draining; it must not wait for this one
				return
			}
		}
	}()
	for range workers {
		go func() {
			for j := range work {
				j.item.Err = analyseOne(p, j.item.Doc)
				close(j.done)
			}
		}()
	}

	var st Stats
	var werr error
	for j := range pending {
		<-j.done
		st.Bytes += j.item.Bytes
		if werr != nil {
			continue // draining after a write failure
		}
		if j.item.Err != nil {
			st.Failed++
			if opts.OnError != nil {
				opts.OnError(j.item.Err)
			}
		} else {
			d := j.item.Doc
			if opts.OnWarning != nil {
				for _, warn := range d.Warnings {
					opts.OnWarning(d.Where(), warn)
				}
			}
			if err := w.Write(d.Record()); err != nil {
				werr = fmt.Errorf("write %s: %w", d.Where(), err)
				close(quit)
				continue
			}
			st.Docs++
		}
		bar.update(st)
	}
	if err := w.Close(); err != nil && werr == nil {
		werr = fmt.Errorf("write output: %w", err)
	}
	st.Elapsed = time.Since(started)
	bar.finish(st)
	return st, werr
}

// analyseOne runs the pipeline on d. A panic in a stage is a bug, but it
// must cost this document only, not the run.
func analyseOne(p *pipeline.Pipeline, d *doc.Doc) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &doc.InputError{Path: d.Path, Line: d.Line, Err: fmt.Errorf("internal error (please report): %v", r)}
		}
	}()
	if err := p.Run(d); err != nil {
		var ie *doc.InputError
		if errors.As(err, &ie) {
			return err
		}
		return &doc.InputError{Path: d.Path, Line: d.Line, Err: err}
	}
	// The raw input is not needed once the body is made; dropping it keeps
	// the documents waiting to be written small.
	d.Raw = nil
	return nil
}
