package ingest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"runtime/debug"
	"slices"
	"strconv"

	"github.com/marsad/marsad/internal/analyze"
	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/input"
	"github.com/marsad/marsad/internal/pipeline"
	"github.com/marsad/marsad/internal/record"
)

// PostedPath is the source path of a posted article whose request gave no name.
const PostedPath = "posted"

// NamePosted gives an article read from a request body (text, HTML, or a
// line of JSON Lines) a stable id. The input reader calls such an article
// "stdin" ("stdin:N" for line N), so without this every post would share
// one id and replace the one before. The rule, the same whether the article
// is analysed in the request or queued:
//
//   - an id of its own (a JSON Lines "id" field) is kept;
//   - else the request's name: name, or name:N for line N of JSON Lines;
//   - else its URL (a JSON Lines "url", or the request's url for a body
//     that is one article): "url-" and 16 hex digits of the URL's SHA-256;
//   - else its text: "posted-" and 12 hex digits of the text's SHA-256.
//
// Posting the same article again therefore names it the same way, and the
// store keeps one copy; posting a changed version under the same name or
// URL replaces the old one. d.Path becomes name (PostedPath when empty).
func NamePosted(d *doc.Doc, name, url string) {
	if d.Line == 0 && url != "" && d.Given.URL == "" {
		d.Given.URL = url
	}
	if d.Path = name; name == "" {
		d.Path = PostedPath
	}
	readerID := "stdin"
	if d.Line > 0 {
		readerID += ":" + strconv.Itoa(d.Line)
	}
	if d.ID != readerID {
		return // the article's own id
	}
	switch {
	case name != "" && d.Line > 0:
		d.ID = name + ":" + strconv.Itoa(d.Line)
	case name != "":
		d.ID = name
	case d.Given.URL != "":
		d.ID = "url-" + hexHash([]byte(d.Given.URL), 16)
	default:
		d.ID = "posted-" + hexHash(d.Raw, 12)
	}
}

func hexHash(b []byte, digits int) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])[:digits]
}

// ReadPosted reads the articles of a request body, named by NamePosted. An
// article that cannot be read is returned as an error naming the request
// (and the line), beside the articles that could.
func ReadPosted(name, url string, data []byte, maxBytes int64) ([]*doc.Doc, []error) {
	var docs []*doc.Doc
	var errs []error
	where := name
	if where == "" {
		where = PostedPath
	}
	src := slices.Values([]input.Source{{Path: input.Stdin}})
	for item := range input.Read(src, input.Options{MaxBytes: maxBytes, Stdin: bytes.NewReader(data)}) {
		if item.Err != nil {
			var ie *doc.InputError
			if errors.As(item.Err, &ie) {
				ie.Path = where
			}
			errs = append(errs, item.Err)
			continue
		}
		NamePosted(item.Doc, name, url)
		docs = append(docs, item.Doc)
	}
	return docs, errs
}

// AnalyzeBytes analyses the articles of one posted body (text, HTML or JSON
// Lines of raw articles), named as NamePosted says, and returns their
// records. It has the shape of server.AnalyzeFunc. The articles that could
// not be read or analysed are reported in the error only when none could.
func AnalyzeBytes(ctx context.Context, name, url string, data []byte) ([]record.Document, error) {
	docs, errs := ReadPosted(name, url, data, 0)
	p := &pipeline.Pipeline{Stages: analyze.DefaultStages(analyze.StageOptions{})}
	var out []record.Document
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := analyseOne(p, d); err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, d.Record())
	}
	if len(out) == 0 {
		if len(errs) > 0 {
			return nil, errors.Join(errs...)
		}
		return nil, errors.New("no article found in the body")
	}
	return out, nil
}

// analyseOne runs the pipeline on d; a panic in a stage costs this article
// only, not the server.
func analyseOne(p *pipeline.Pipeline, d *doc.Doc) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &doc.InputError{Path: d.Path, Line: d.Line,
				Err: fmt.Errorf("internal error in the analysis (please report): %v\n%s", r, debug.Stack())}
		}
	}()
	if err := p.Run(d); err != nil {
		var ie *doc.InputError
		if errors.As(err, &ie) {
			return err
		}
		return &doc.InputError{Path: d.Path, Line: d.Line, Err: err}
	}
	return nil
}
