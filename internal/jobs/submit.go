package jobs

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/ingest"
	"github.com/marsad/marsad/internal/input"
	"github.com/marsad/marsad/internal/queue"
	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/server"
)

// Publisher puts jobs on the queue; *queue.Queue is one.
type Publisher interface {
	Publish(ctx context.Context, it queue.Item) (queue.Published, error)
}

// SubmitOptions control Submit.
type SubmitOptions struct {
	// MaxBytes caps one document (0: input.DefaultMaxBytes).
	MaxBytes int64
	// Stdin is read for the path "-"; nil means os.Stdin.
	Stdin io.Reader
	// OnError receives each input that could not be read; the run goes on.
	OnError func(err error)
}

// SubmitStats count what Submit did.
type SubmitStats struct {
	Queued     int // jobs the queue took
	Duplicates int // jobs the queue already had (same content, published lately)
	Failed     int // inputs that could not be read
	Elapsed    time.Duration
}

// Submit queues one job per article that paths name (files, directories,
// "-"), as 'marsad ingest' would store them: marsad/v1 JSON Lines as
// records, everything else as articles to analyse. The error returned is a
// failure of the queue, which stops the run; unreadable inputs are counted
// and reported through OnError.
func Submit(ctx context.Context, pub Publisher, paths []string, opts SubmitOptions) (SubmitStats, error) {
	started := time.Now()
	var st SubmitStats
	fail := func(err error) {
		st.Failed++
		if opts.OnError != nil {
			opts.OnError(err)
		}
	}
	put := func(j Job) error {
		res, err := publishJob(ctx, pub, j)
		if err != nil {
			return err
		}
		if res.Duplicate {
			st.Duplicates++
		} else {
			st.Queued++
		}
		return nil
	}
	for src := range input.Sources(paths) {
		if ctx.Err() != nil {
			break
		}
		if src.Err == nil && src.Path != input.Stdin && ingest.IsRecordFile(src.Path) {
			putRecord := func(d record.Document) error { return put(FromRecord(d)) }
			if err := ingest.LoadRecords(src.Path, opts.MaxBytes, putRecord, fail); err != nil {
				st.Elapsed = time.Since(started)
				return st, err
			}
			continue
		}
		for item := range input.Read(slices.Values([]input.Source{src}), input.Options{MaxBytes: opts.MaxBytes, Stdin: opts.Stdin}) {
			if item.Err != nil {
				fail(item.Err)
				continue
			}
			if err := put(FromDoc(item.Doc)); err != nil {
				st.Elapsed = time.Since(started)
				return st, err
			}
		}
	}
	st.Elapsed = time.Since(started)
	return st, ctx.Err()
}

func publishJob(ctx context.Context, pub Publisher, j Job) (queue.Published, error) {
	data, err := j.Encode()
	if err != nil {
		return queue.Published{}, fmt.Errorf("encoding the job of %s: %w", j.Source(), err)
	}
	return pub.Publish(ctx, queue.Item{ID: j.Key(), Source: j.Source(), Data: data})
}

// Queued is the outcome of one posted article (the server's type, so the
// API shows it as it is).
type Queued = server.QueuedArticle

// SubmitBytes queues the articles of one posted body (text, HTML, or JSON
// Lines of raw articles), named as ingest.NamePosted says from the
// request's name and url, as the server names the articles it analyses
// itself. An article that cannot be read is reported in its Queued entry;
// the error returned is a queue failure.
func SubmitBytes(ctx context.Context, pub Publisher, name, url string, data []byte, maxBytes int64) ([]Queued, error) {
	docs, errs := ingest.ReadPosted(name, url, data, maxBytes)
	var out []Queued
	for _, err := range errs {
		source := name
		var ie *doc.InputError
		if errors.As(err, &ie) {
			source = ie.Path
			if ie.Line > 0 {
				source = fmt.Sprintf("%s:%d", ie.Path, ie.Line)
			}
		}
		out = append(out, Queued{Source: source, Error: err.Error()})
	}
	for _, d := range docs {
		j := FromDoc(d)
		res, err := publishJob(ctx, pub, j)
		if err != nil {
			return out, err
		}
		out = append(out, Queued{Source: j.Source(), ID: d.ID, Seq: res.Seq, Duplicate: res.Duplicate})
	}
	return out, nil
}
