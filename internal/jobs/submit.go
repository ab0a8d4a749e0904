package jobs

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/input"
	"github.com/marsad/marsad/internal/queue"
	"github.com/marsad/marsad/internal/record"
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
		if src.Err == nil && src.Path != input.Stdin && isRecordFile(src.Path) {
			if err := readRecords(src.Path, opts.MaxBytes, put, fail); err != nil {
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

// Queued is the outcome of one posted article.
type Queued struct {
	Source string `json:"source"`
	// Seq is the job's number in the queue; 0 when Error is set.
	Seq       uint64 `json:"seq,omitempty"`
	Duplicate bool   `json:"duplicate,omitempty"`
	Error     string `json:"error,omitempty"`
}

// SubmitBytes queues the articles of one posted body (text, HTML, or JSON
// Lines of raw articles), named name. An article that cannot be read is
// reported in its Queued entry; the error returned is a queue failure.
func SubmitBytes(ctx context.Context, pub Publisher, name string, data []byte, maxBytes int64) ([]Queued, error) {
	var out []Queued
	src := slices.Values([]input.Source{{Path: input.Stdin}})
	for item := range input.Read(src, input.Options{MaxBytes: maxBytes, Stdin: bytes.NewReader(data)}) {
		if item.Err != nil {
			msg := item.Err.Error()
			var ie *doc.InputError
			if errors.As(item.Err, &ie) {
				ie.Path = name
				msg = ie.Error()
			}
			out = append(out, Queued{Source: name, Error: msg})
			continue
		}
		item.Doc.Path = name
		j := FromDoc(item.Doc)
		// The reader names standard input "stdin"; every post would share
		// that id and replace the last. The content names it instead.
		if id := j.Article.ID; id == "stdin" || strings.HasPrefix(id, "stdin:") {
			j.Article.ID = name + "-" + j.Key()[2:14]
		}
		res, err := publishJob(ctx, pub, j)
		if err != nil {
			return out, err
		}
		out = append(out, Queued{Source: j.Source(), Seq: res.Seq, Duplicate: res.Duplicate})
	}
	return out, nil
}

// isRecordFile reports whether path is JSON Lines whose first record is
// marsad/v1 output rather than a raw article (as 'marsad ingest' decides).
func isRecordFile(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	for {
		line, err := br.ReadSlice('\n')
		line = bytes.TrimSpace(line)
		if len(line) > 0 || err != nil {
			if len(line) == 0 || line[0] != '{' {
				return false
			}
			var probe struct {
				Schema string `json:"schema"`
			}
			if json.Unmarshal(line, &probe) == nil {
				return probe.Schema == record.Schema
			}
			return bytes.Contains(line, []byte(`"schema":"`+record.Schema+`"`))
		}
	}
}

// readRecords queues every marsad/v1 record of a JSON Lines file.
func readRecords(path string, maxBytes int64, put func(Job) error, fail func(error)) error {
	f, err := os.Open(path)
	if err != nil {
		fail(&doc.InputError{Path: path, Err: err})
		return nil
	}
	defer f.Close()
	if maxBytes <= 0 {
		maxBytes = input.DefaultMaxBytes
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), int(maxBytes))
	n := 0
	for sc.Scan() {
		n++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var d record.Document
		if err := json.Unmarshal(line, &d); err != nil {
			fail(&doc.InputError{Path: path, Line: n, Err: fmt.Errorf("not a marsad/v1 record: %w", err)})
			continue
		}
		if d.Schema != record.Schema {
			fail(&doc.InputError{Path: path, Line: n, Err: fmt.Errorf("schema %q, want %q", d.Schema, record.Schema)})
			continue
		}
		if d.Source.Path == nil {
			d.Source.Path = record.Str(path)
			d.Source.Line = n
		}
		if err := put(FromRecord(d)); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("line %d is longer than %d bytes", n+1, maxBytes)
		}
		fail(&doc.InputError{Path: path, Err: err})
	}
	return nil
}
