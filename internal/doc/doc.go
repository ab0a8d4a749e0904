// Package doc defines Doc, the one object every pipeline stage shares: the
// input as read, the clean text, and each stage's annotations as spans over it.
// Stages add to a Doc; none reaches into another stage's internals.
package doc

import (
	"fmt"
	"unsafe"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/record"
)

// Format is the kind of input a document was read from.
type Format string

// Input formats.
const (
	Text  Format = "txt"
	HTML  Format = "html"
	JSONL Format = "jsonl"
)

// Span is a stretch of Body in code points, End exclusive.
type Span struct{ Start, End int }

// Given is metadata that came with the input rather than from its text:
// JSON Lines fields, or an HTML page's meta tags.
type Given struct {
	Title, Date, URL, Outlet, Agency string
	// Crawled is a date stamp found on the page that is not known to be the
	// publication date (a site header's "today", the day of the crawl). It
	// bounds the publication date from above, and serves as the stated date
	// only when the text agrees with it.
	Crawled string
}

// Doc is one article on its way through the pipeline.
type Doc struct {
	ID     string
	Path   string // input file, "-" for standard input
	Line   int    // 1-based line of a JSON Lines input; 0 otherwise
	Format Format
	// Raw is the input as read: the file's bytes, or a JSONL object's text field.
	Raw   []byte
	Given Given

	Title     string
	URL       string
	Outlet    string
	Agency    string
	Published record.Published
	// Body is the article text without boilerplate, one paragraph per line.
	Body     string
	Language string

	Paragraphs []Span
	Sentences  []Span
	Tokens     []arabic.Token

	Entities    []record.Entity
	Events      []record.Event
	Quotes      []record.Quote
	Framing     []record.Framing
	Perspective *record.Perspective

	ContentHash string
	StoryID     string
	DuplicateOf string
	Warnings    []string

	runes    []rune
	runesOf  *byte // the Body string runes was decoded from
	runesLen int
}

// Runes returns Body as code points, computed once per body; offsets index
// into it. Stages may assign Body directly, so the cache remembers which
// string it was decoded from rather than trusting SetBody alone.
func (d *Doc) Runes() []rune {
	if d.runes == nil || unsafe.StringData(d.Body) != d.runesOf || len(d.Body) != d.runesLen {
		d.runes = arabic.Runes(d.Body)
		d.runesOf, d.runesLen = unsafe.StringData(d.Body), len(d.Body)
	}
	return d.runes
}

// SetBody replaces Body and drops everything computed from the old one.
func (d *Doc) SetBody(body string) {
	d.Body = body
	d.runes = nil
}

// Text returns the text of a span of Body.
func (d *Doc) Text(s Span) string {
	r := d.Runes()
	if s.Start < 0 {
		s.Start = 0
	}
	if s.End > len(r) {
		s.End = len(r)
	}
	if s.Start >= s.End {
		return ""
	}
	return string(r[s.Start:s.End])
}

// Warn records a problem that did not stop the analysis.
func (d *Doc) Warn(format string, args ...any) {
	d.Warnings = append(d.Warnings, fmt.Sprintf(format, args...))
}

// Where names the document for messages: the file, and the line for JSONL.
func (d *Doc) Where() string {
	if d.Line > 0 {
		return fmt.Sprintf("%s:%d", d.Path, d.Line)
	}
	return d.Path
}

// Record returns the marsad/v1 output record of the document.
func (d *Doc) Record() record.Document {
	r := record.Document{
		Schema:      record.Schema,
		DocID:       d.ID,
		Source:      record.Source{Path: record.Str(d.Path), URL: record.Str(d.URL), Outlet: record.Str(d.Outlet), Agency: record.Str(d.Agency), Line: d.Line},
		Title:       record.Str(d.Title),
		Published:   d.Published,
		Body:        d.Body,
		Entities:    nonNil(d.Entities),
		Events:      nonNil(d.Events),
		Quotes:      nonNil(d.Quotes),
		Framing:     nonNil(d.Framing),
		ContentHash: d.ContentHash,
		Language:    d.Language,
		StoryID:     d.StoryID,
		DuplicateOf: d.DuplicateOf,
		Perspective: d.Perspective,
		Warnings:    d.Warnings,
	}
	if r.Published.Basis == "" {
		r.Published.Basis = record.BasisUnknown
	}
	return r
}

// nonNil makes empty lists encode as [] rather than null, as the contract shows.
func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

// InputError is a problem with one input that stops its analysis but not the run.
type InputError struct {
	Path string
	Line int // 0 when the error is about the whole file
	Err  error
}

func (e *InputError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *InputError) Unwrap() error { return e.Err }
