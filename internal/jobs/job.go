// Package jobs puts marsad's work on the queue and does it: producers turn
// inputs (files, directories, posted articles) into jobs, one per article,
// and workers pull jobs, analyse each article with the standard pipeline,
// store the record and only then acknowledge the job. A job carries the
// article exactly as the input reader produced it, so a worker's record is
// the one a single-process 'marsad ingest' would have stored.
package jobs

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/store"
)

// Job is one unit of work: an article to analyse, or a record already
// analysed (from 'marsad analyze') to store as it is.
type Job struct {
	Article *Article         `json:"article,omitempty"`
	Record  *record.Document `json:"record,omitempty"`
}

// Article is an input as the input reader produced it, before analysis.
type Article struct {
	ID       string     `json:"id"`
	Path     string     `json:"path"`
	Line     int        `json:"line,omitempty"`
	Format   doc.Format `json:"format,omitempty"`
	Given    doc.Given  `json:"given"`
	Warnings []string   `json:"warnings,omitempty"`
	// Text is the decoded input: the file's text, or a JSON Lines record's
	// text field.
	Text string `json:"text"`
}

// FromDoc makes the job of a document read by the input reader.
func FromDoc(d *doc.Doc) Job {
	return Job{Article: &Article{ID: d.ID, Path: d.Path, Line: d.Line, Format: d.Format, Given: d.Given,
		Warnings: append([]string(nil), d.Warnings...), Text: string(d.Raw)}}
}

// FromRecord makes the job of an analysed record.
func FromRecord(r record.Document) Job { return Job{Record: &r} }

// Doc rebuilds the document the input reader produced.
func (a *Article) Doc() *doc.Doc {
	return &doc.Doc{ID: a.ID, Path: a.Path, Line: a.Line, Format: a.Format, Raw: []byte(a.Text), Given: a.Given,
		Warnings: append([]string(nil), a.Warnings...)}
}

// Source names where the job came from, for messages.
func (j Job) Source() string {
	switch {
	case j.Article != nil && j.Article.Line > 0:
		return fmt.Sprintf("%s:%d", j.Article.Path, j.Article.Line)
	case j.Article != nil:
		return j.Article.Path
	case j.Record != nil && j.Record.Source.Path != nil && j.Record.Source.Line > 0:
		return fmt.Sprintf("%s:%d", *j.Record.Source.Path, j.Record.Source.Line)
	case j.Record != nil && j.Record.Source.Path != nil:
		return *j.Record.Source.Path
	case j.Record != nil:
		return j.Record.DocID
	}
	return ""
}

// Key identifies the job's content, for the queue to drop a job published
// twice: the hash of the article's text, or the record's content hash. The
// store keys documents by content too, so a dropped duplicate is one that
// would have changed nothing.
func (j Job) Key() string {
	switch {
	case j.Article != nil:
		sum := sha256.Sum256([]byte(j.Article.Text))
		return "a-" + hex.EncodeToString(sum[:16])
	case j.Record != nil:
		hash := j.Record.ContentHash
		if hash == "" {
			hash = store.ContentHash(j.Record.Body)
		}
		return "r-" + hash
	}
	return ""
}

// Encode returns the job as queued.
func (j Job) Encode() ([]byte, error) { return json.Marshal(j) }

// Decode reads a queued job.
func Decode(data []byte) (Job, error) {
	var j Job
	if err := json.Unmarshal(data, &j); err != nil {
		return j, fmt.Errorf("not a marsad job: %w", err)
	}
	if (j.Article == nil) == (j.Record == nil) {
		return j, errors.New("not a marsad job: it must hold exactly one of an article or a record")
	}
	return j, nil
}
