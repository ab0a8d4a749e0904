package ingest

import (
	"bytes"
	"context"
	"errors"

	"github.com/marsad/marsad/internal/analyze"
	"github.com/marsad/marsad/internal/input"
	"github.com/marsad/marsad/internal/record"
)

// collector is an export.Writer that keeps what it is given.
type collector struct{ docs []record.Document }

func (c *collector) Write(d record.Document) error { c.docs = append(c.docs, d); return nil }
func (c *collector) Close() error                  { return nil }

// AnalyzeBytes analyses one posted article (text, HTML or JSON Lines of raw
// articles) and returns its records, with name as their source path. It
// has the signature of server.AnalyzeFunc.
func AnalyzeBytes(ctx context.Context, name string, data []byte) ([]record.Document, error) {
	var c collector
	var errs []error
	_, err := analyze.Run([]string{input.Stdin}, &c, analyze.Options{
		Workers: 1, Stdin: bytes.NewReader(data),
		OnError: func(err error) { errs = append(errs, err) },
	})
	if err != nil {
		return nil, err
	}
	if len(c.docs) == 0 {
		if len(errs) > 0 {
			return nil, errors.Join(errs...)
		}
		return nil, errors.New("no article found in the body")
	}
	for i := range c.docs {
		c.docs[i].Source.Path = record.Str(name)
	}
	return c.docs, nil
}
