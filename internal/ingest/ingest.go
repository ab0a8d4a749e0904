// Package ingest fills a store from inputs: marsad/v1 JSON Lines (records
// written by 'marsad analyze') are stored as they are; every other input
// (text, HTML, JSON Lines of raw articles) goes through the analysis
// pipeline first. A bad input is reported and skipped; the run goes on.
package ingest

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/marsad/marsad/internal/analyze"
	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/export"
	"github.com/marsad/marsad/internal/input"
	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/store"
	"github.com/marsad/marsad/internal/storylink"
)

// Options control an ingest run.
type Options struct {
	// Workers and MaxBytes are passed to the analysis (see analyze.Options).
	Workers  int
	MaxBytes int64
	// Stdin is read for the path "-"; nil means os.Stdin.
	Stdin io.Reader
	// OnError receives each input or record that could not be stored.
	OnError func(err error)
	// OnWarning receives analysis warnings (where names the file and line).
	OnWarning func(where, warning string)
	// Progress, when set, receives the analysis progress line.
	Progress io.Writer
	// NoStories stores documents without cross-document ids (story id,
	// near-duplicate link, merged event ids); 'marsad serve' links them
	// later. Otherwise documents are linked as they are stored, consistent
	// with the stories already in the store (see internal/storylink), or
	// left to the process linking the store's stories if one is.
	NoStories bool
	// OnNote receives remarks about the run that are not problems.
	OnNote func(note string)
}

// Stats count what a run did.
type Stats struct {
	Stored    int // documents new to the store (or replacing an older version)
	Unchanged int // documents already stored with the same content
	Failed    int // inputs or records reported through OnError
	// Seeded counts the stored documents read to continue their stories.
	Seeded  int
	Elapsed time.Duration
}

// Run stores the documents that paths name into st. The error returned is
// a failure of the store itself, which stops the run; problems with inputs
// are counted in Stats.Failed.
func Run(ctx context.Context, st store.Store, paths []string, opts Options) (Stats, error) {
	started := time.Now()
	sink := &storeWriter{ctx: ctx, st: st, opts: opts}
	var out export.Writer = sink
	if !opts.NoStories {
		linking, err := storylink.StartInline(ctx, st)
		if err != nil {
			return sink.stats(started), fmt.Errorf("linking stories: %w", err)
		}
		defer linking.Close()
		if !linking.Held() && opts.OnNote != nil {
			opts.OnNote("another process (marsad serve) is linking stories in this database; it will link these documents")
		}
		sink.s.Seeded = linking.Seeded
		out = linking.Writer(sink)
	}
	// Raw inputs go to the analysis in chunks, so that a directory of a
	// million files is never listed in memory at once.
	var raw []string
	analyse := func() error {
		if len(raw) == 0 {
			return nil
		}
		_, err := analyze.Run(raw, out, analyze.Options{Workers: opts.Workers, MaxBytes: opts.MaxBytes,
			Stdin: opts.Stdin, OnError: sink.fail, OnWarning: opts.OnWarning, Progress: opts.Progress})
		raw = raw[:0]
		return err
	}
	for src := range input.Sources(paths) {
		if src.Err == nil && src.Path != input.Stdin && IsRecordFile(src.Path) {
			if err := analyse(); err != nil {
				return sink.stats(started), err
			}
			if err := LoadRecords(src.Path, opts.MaxBytes, out.Write, sink.fail); err != nil {
				return sink.stats(started), err
			}
			if err := sink.flush(); err != nil {
				return sink.stats(started), err
			}
			continue
		}
		raw = append(raw, src.Path)
		if len(raw) == analysisChunk {
			if err := analyse(); err != nil {
				return sink.stats(started), err
			}
		}
	}
	if err := analyse(); err != nil {
		return sink.stats(started), err
	}
	return sink.stats(started), nil
}

// analysisChunk is how many raw inputs one analysis run takes.
const analysisChunk = 10000

// batchSize is how many documents go into the store per transaction.
const batchSize = 64

// storeWriter is an export.Writer that puts documents into the store, in
// batches (see store.Store.PutDocuments).
type storeWriter struct {
	ctx     context.Context
	st      store.Store
	opts    Options
	s       Stats
	pending []record.Document
}

func (w *storeWriter) stats(started time.Time) Stats {
	s := w.s
	s.Elapsed = time.Since(started)
	return s
}

func (w *storeWriter) fail(err error) {
	w.s.Failed++
	if w.opts.OnError != nil {
		w.opts.OnError(err)
	}
}

// Write queues d for the store. A document the store would refuse as
// invalid is reported and skipped; a store error stops the run.
func (w *storeWriter) Write(d record.Document) error {
	if _, err := store.Prepare(d); err != nil {
		w.fail(&doc.InputError{Path: record.Deref(d.Source.Path), Line: d.Source.Line, Err: err})
		return nil
	}
	w.pending = append(w.pending, d)
	if len(w.pending) >= batchSize {
		return w.flush()
	}
	return nil
}

func (w *storeWriter) flush() error {
	if len(w.pending) == 0 {
		return nil
	}
	inserted, err := w.st.PutDocuments(w.ctx, w.pending)
	if err != nil {
		first := w.pending[0].Source
		return fmt.Errorf("storing the %d documents from %s on: %w", len(w.pending), record.Deref(first.Path), err)
	}
	for _, ok := range inserted {
		if ok {
			w.s.Stored++
		} else {
			w.s.Unchanged++
		}
	}
	w.pending = w.pending[:0]
	return nil
}

// Close stores what is still queued; the store itself outlives the run.
func (w *storeWriter) Close() error { return w.flush() }
