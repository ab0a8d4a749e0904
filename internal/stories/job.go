package stories

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"

	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/record"
)

// Analyzer analyses raw article files (text, HTML, JSON Lines of articles)
// and writes each resulting document to sink, in input order; it reports
// bad inputs itself and returns only a failure to write. The analysis
// pipeline provides it (analyze.Run has this shape); a Job without one
// accepts marsad/v1 JSON Lines only.
type Analyzer func(paths []string, sink Sink) error

// Sink receives documents one at a time; export.Writer is one.
type Sink interface {
	Write(record.Document) error
	Close() error
}

// Annotator is a Sink that clusters each document (story id, duplicate
// link, merged ids) before handing it to Next, and collects it in Builder
// when one is set. It is how `marsad analyze` adds the cross-document ids
// to its output as it writes it.
type Annotator struct {
	Clusterer *Clusterer
	Builder   *Builder
	Next      Sink
}

// Write annotates d and passes it on.
func (a *Annotator) Write(d record.Document) error {
	if a.Clusterer != nil {
		a.Clusterer.Add(&d)
	}
	if a.Builder != nil {
		a.Builder.Add(&d)
	}
	if a.Next != nil {
		return a.Next.Write(d)
	}
	return nil
}

// Close closes Next.
func (a *Annotator) Close() error {
	if a.Next != nil {
		return a.Next.Close()
	}
	return nil
}

// sinkFunc adapts a function to Sink.
type sinkFunc func(*record.Document) error

func (f sinkFunc) Write(d record.Document) error { return f(&d) }
func (f sinkFunc) Close() error                  { return nil }

// Job is one run of `marsad stories`: read documents, cluster them, write
// the stories.
type Job struct {
	Options Options
	// KeepIDs uses the story, duplicate and merged ids the input already
	// carries (as written by `marsad analyze`) instead of clustering again.
	KeepIDs bool
	// Sort clusters the documents in publication order rather than input
	// order. It holds every document in memory until all are read.
	Sort bool
	// Analyze reads raw articles; nil makes them an error.
	Analyze Analyzer

	// Out receives the story objects, one per line.
	Out io.Writer
	// Framing receives the framing report; when nil it is the last line of
	// Out, unless NoFraming.
	Framing   io.Writer
	NoFraming bool
	// Docs, if set, receives every input document with its story id,
	// duplicate link and merged ids, as marsad/v1 JSON Lines.
	Docs io.Writer
	// Errs is told of each bad input, which is skipped.
	Errs func(error)
}

// Summary counts what a Job did.
type Summary struct {
	Documents, Stories, MergedEvents, Duplicates, Contradictions, BadInputs int
}

// Run reads the paths (files, directories walked in name order, "-" for
// standard input) and writes the output. It returns an error only when
// output fails; bad inputs go to Errs.
func (j *Job) Run(paths []string) (Summary, error) {
	var sum Summary
	fail := func(err error) {
		sum.BadInputs++
		if j.Errs != nil {
			j.Errs(err)
		}
	}
	var c *Clusterer
	if !j.KeepIDs {
		var err error
		if c, err = NewClusterer(j.Options); err != nil {
			return sum, err
		}
	}
	b := NewBuilder()
	var docsOut *Encoder
	if j.Docs != nil {
		docsOut = NewEncoder(j.Docs)
	}
	process := func(d *record.Document) error {
		if c != nil {
			c.Add(d)
		}
		b.Add(d)
		sum.Documents++
		if d.DuplicateOf != "" {
			sum.Duplicates++
		}
		if docsOut != nil {
			if err := docsOut.Encode(d); err != nil {
				return fmt.Errorf("writing documents: %w", err)
			}
		}
		return nil
	}

	var held []*record.Document
	var outErr error
	emit := func(d *record.Document) {
		if outErr != nil {
			return
		}
		if j.Sort {
			held = append(held, d)
			return
		}
		outErr = process(d)
	}
	var raw []string
	for _, p := range expand(paths, fail) {
		if !j.read(p, emit, fail) {
			raw = append(raw, p)
		}
		if outErr != nil {
			return sum, outErr
		}
	}
	if len(raw) > 0 {
		if j.Analyze == nil {
			for _, p := range raw {
				fail(&doc.InputError{Path: p, Err: errors.New("not marsad/v1 JSON Lines; analyse raw articles first (marsad analyze)")})
			}
		} else if err := j.Analyze(raw, sinkFunc(func(d *record.Document) error { emit(d); return outErr })); err != nil {
			return sum, err
		}
		if outErr != nil {
			return sum, outErr
		}
	}
	if j.Sort {
		sortByPublication(held)
		if c != nil {
			c.AddAll(held, 0)
			c = nil // process must not add them again
		}
		for _, d := range held {
			if err := process(d); err != nil {
				return sum, err
			}
		}
	}

	out := NewEncoder(j.Out)
	for _, s := range b.Stories() {
		sum.Stories++
		if err := out.Encode(s); err != nil {
			return sum, fmt.Errorf("writing stories: %w", err)
		}
	}
	for _, m := range b.MergedEvents() {
		sum.MergedEvents++
		sum.Contradictions += len(m.Contradictions)
	}
	if !j.NoFraming {
		fw := out
		if j.Framing != nil {
			fw = NewEncoder(j.Framing)
		}
		if err := fw.Encode(b.Framing()); err != nil {
			return sum, fmt.Errorf("writing framing: %w", err)
		}
	}
	return sum, nil
}

// expand replaces directories by the files under them, in name order.
func expand(paths []string, fail func(error)) []string {
	var out []string
	for _, p := range paths {
		if p == "-" {
			out = append(out, p)
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			fail(&doc.InputError{Path: p, Err: err})
			continue
		}
		if !info.IsDir() {
			out = append(out, p)
			continue
		}
		var files []string
		err = filepath.WalkDir(p, func(path string, e fs.DirEntry, err error) error {
			if err != nil {
				fail(&doc.InputError{Path: path, Err: err})
				return nil
			}
			if e.Type().IsRegular() {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			fail(&doc.InputError{Path: p, Err: err})
		}
		slices.Sort(files)
		out = append(out, files...)
	}
	return out
}

// sniffBytes is how much of a file is read to tell records from articles.
const sniffBytes = 64 << 10

// read sends the documents of one marsad/v1 input to emit. It returns false,
// reading nothing, when the input is raw articles.
func (j *Job) read(path string, emit func(*record.Document), fail func(error)) bool {
	var r io.Reader = os.Stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			fail(&doc.InputError{Path: path, Err: err})
			return true
		}
		defer f.Close()
		r = f
	}
	br := bufio.NewReaderSize(r, sniffBytes)
	head, err := br.Peek(sniffBytes)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		fail(&doc.InputError{Path: path, Err: err})
		return true
	}
	if len(head) == 0 {
		fail(&doc.InputError{Path: path, Err: errors.New("empty input")})
		return true
	}
	if !LooksLikeRecords(head) {
		if path == "-" {
			// Standard input cannot be read a second time by the analyser.
			fail(&doc.InputError{Path: path, Err: errors.New("not marsad/v1 JSON Lines (raw articles on standard input: use marsad analyze)")})
			return true
		}
		return false
	}
	rd := NewReader(br, path)
	for {
		d, err := rd.Next()
		if err == io.EOF {
			return true
		}
		if err != nil {
			fail(err)
			var ie *doc.InputError
			if errors.As(err, &ie) && ie.Line > 0 {
				continue // a bad line; the next may be good
			}
			return true
		}
		emit(d)
	}
}

// sortByPublication orders documents by publication date, keeping input
// order among equals; an undated document keeps the date of the dated one
// before it, so that it stays among its neighbours.
func sortByPublication(docs []*record.Document) {
	keys := make([]day, len(docs))
	var last day
	for i, d := range docs {
		if w, ok := publishedWindow(d); ok {
			last = w.to
		}
		keys[i] = last
	}
	idx := make([]int, len(docs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return keys[idx[a]] < keys[idx[b]] })
	sorted := make([]*record.Document, len(docs))
	for i, k := range idx {
		sorted[i] = docs[k]
	}
	copy(docs, sorted)
}
