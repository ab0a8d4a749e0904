// Package input reads articles as they are found — plain scraped text, HTML
// pages, JSON Lines dumps; files, directories or standard input — into
// doc.Doc values, one at a time, so that a run over a million articles holds
// only the ones being analysed. A problem with one input becomes a
// doc.InputError naming the file (and line) and the others are still read.
package input

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"

	"github.com/marsad/marsad/internal/doc"
)

// DefaultMaxBytes caps one document (a file, or one JSON Lines record): a
// news article is a few kilobytes, so 10 MB is far beyond any real one and
// keeps a stray dump or log from exhausting memory.
const DefaultMaxBytes = 10 << 20

// Stdin is the path that names standard input.
const Stdin = "-"

// Options control reading.
type Options struct {
	// MaxBytes caps one document; 0 means DefaultMaxBytes.
	MaxBytes int64
	// Stdin is read for the path "-"; nil means os.Stdin.
	Stdin io.Reader
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

// Source is one input file found by Sources.
type Source struct {
	Path string
	// Format is known from the extension; "" means it is sniffed from the content.
	Format doc.Format
	Size   int64 // bytes; 0 for standard input
	// Err is set when the path cannot be read at all (it does not exist).
	Err error
}

// Item is one document read from the inputs, or the error that stopped it.
type Item struct {
	Doc *doc.Doc
	Err error // a *doc.InputError
	// Bytes is how much of the input this item consumed, for progress.
	Bytes int64
}

// Sources yields the files that paths name, in order: a file as given, a
// directory's .txt, .html, .htm and .jsonl files recursively in lexical
// order (hidden files and folders skipped), "-" for standard input. It
// walks lazily, so a directory of a million files is never held in memory.
func Sources(paths []string) iter.Seq[Source] {
	return func(yield func(Source) bool) {
		for _, p := range paths {
			if !expand(p, yield) {
				return
			}
		}
	}
}

// expand yields the sources of one path; false means stop.
func expand(p string, yield func(Source) bool) bool {
	if p == Stdin {
		return yield(Source{Path: p})
	}
	info, err := os.Stat(p)
	if err != nil {
		return yield(Source{Path: p, Err: cleanErr(err)})
	}
	if !info.IsDir() {
		return yield(Source{Path: p, Format: formatOf(p), Size: info.Size()})
	}
	found, stopped := false, false
	err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if !yield(Source{Path: path, Err: cleanErr(err)}) {
				stopped = true
				return filepath.SkipAll
			}
			return nil
		}
		if path != p && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || formatOf(path) == "" {
			return nil
		}
		size := int64(0)
		if fi, err := d.Info(); err == nil {
			size = fi.Size()
		}
		found = true
		if !yield(Source{Path: path, Format: formatOf(path), Size: size}) {
			stopped = true
			return filepath.SkipAll
		}
		return nil
	})
	switch {
	case stopped:
		return false
	case err != nil:
		return yield(Source{Path: p, Err: cleanErr(err)})
	case !found:
		return yield(Source{Path: p, Err: fmt.Errorf("no .txt, .html, .htm or .jsonl files in this directory")})
	}
	return true
}

// cleanErr drops the path that os errors repeat, since InputError names it.
func cleanErr(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

// formatOf maps a file extension to an input format; "" when unknown.
func formatOf(path string) doc.Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text":
		return doc.Text
	case ".html", ".htm", ".xhtml":
		return doc.HTML
	case ".jsonl", ".ndjson":
		return doc.JSONL
	}
	return ""
}

// sniff guesses the format of content that came without a known extension.
func sniff(b []byte) doc.Format {
	t := bytes.TrimLeft(b, " \t\r\n\ufeff\xef\xbb\xbf")
	switch {
	case len(t) > 0 && t[0] == '{':
		return doc.JSONL
	case len(t) > 0 && t[0] == '<':
		return doc.HTML
	}
	return doc.Text
}

// Read yields the documents of sources in order. JSON Lines files are
// streamed line by line; other files are read whole, up to the size cap.
func Read(sources iter.Seq[Source], opts Options) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		for s := range sources {
			if s.Err != nil {
				if !yield(Item{Err: &doc.InputError{Path: s.Path, Err: s.Err}}) {
					return
				}
				continue
			}
			if !readSource(s, opts, yield) {
				return
			}
		}
	}
}

// readSource yields the documents of one source; false means stop.
func readSource(s Source, opts Options, yield func(Item) bool) bool {
	fail := func(err error, size int64) bool {
		return yield(Item{Err: &doc.InputError{Path: s.Path, Err: err}, Bytes: size})
	}
	var r io.Reader
	if s.Path == Stdin {
		r = opts.Stdin
		if r == nil {
			r = os.Stdin
		}
	} else {
		f, err := os.Open(s.Path)
		if err != nil {
			return fail(cleanErr(err), s.Size)
		}
		defer f.Close()
		r = f
	}
	format := s.Format
	if format == "" {
		// Sniff from the first bytes without losing them.
		br := newPeekReader(r)
		format = sniff(br.peek(512))
		r = br
	}
	if format == doc.JSONL {
		return readJSONL(s.Path, r, opts.maxBytes(), yield)
	}
	limit := opts.maxBytes()
	if s.Size > limit {
		return fail(tooBig(s.Size, limit), s.Size)
	}
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return fail(fmt.Errorf("read: %w", err), s.Size)
	}
	if int64(len(b)) > limit {
		return fail(tooBig(-1, limit), s.Size)
	}
	text, warnings, err := decode(b)
	if err != nil {
		return fail(err, int64(len(b)))
	}
	if format == doc.Text && looksHTML(text) {
		format = doc.HTML // a saved page with the wrong extension
	}
	if format == doc.Text && strings.HasPrefix(strings.TrimSpace(text), "[") && strings.HasSuffix(strings.TrimSpace(text), "]") {
		return fail(ErrJSONArray, int64(len(b)))
	}
	d := &doc.Doc{ID: docID(s.Path), Path: s.Path, Format: format, Raw: []byte(text)}
	for _, w := range warnings {
		d.Warn("%s", w)
	}
	return yield(Item{Doc: d, Bytes: int64(len(b))})
}

func tooBig(size, limit int64) error {
	if size < 0 {
		return fmt.Errorf("%w: over the %s limit for one document", ErrTooBig, megabytes(limit))
	}
	return fmt.Errorf("%w: %s, over the %s limit for one document", ErrTooBig, megabytes(size), megabytes(limit))
}

func megabytes(n int64) string {
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// looksHTML reports whether text starts as an HTML document does.
func looksHTML(text string) bool {
	t := strings.TrimLeft(text, " \t\r\n\ufeff")
	head := strings.ToLower(t[:min(len(t), 15)])
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html")
}

// docID is a document's stable id: its file name, "stdin" for standard input.
func docID(path string) string {
	if path == Stdin {
		return "stdin"
	}
	return filepath.Base(path)
}

// peekReader lets the start of a stream be inspected and still be read.
type peekReader struct {
	r    io.Reader
	head []byte
}

func newPeekReader(r io.Reader) *peekReader { return &peekReader{r: r} }

func (p *peekReader) peek(n int) []byte {
	buf := make([]byte, n)
	k, _ := io.ReadFull(p.r, buf)
	p.head = buf[:k]
	return p.head
}

func (p *peekReader) Read(b []byte) (int, error) {
	if len(p.head) > 0 {
		n := copy(b, p.head)
		p.head = p.head[n:]
		return n, nil
	}
	return p.r.Read(b)
}
