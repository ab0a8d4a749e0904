package ner

import (
	"bytes"
	"compress/gzip"
	"io"
	"testing"
)

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func gz(t *testing.T, w io.Writer, b []byte) {
	t.Helper()
	z := gzip.NewWriter(w)
	z.Write(b)
	z.Close()
}

// spansOf reads entities from BIO tags as TagSpans reports them.
func spansOf(tags []string) []Span {
	var out []Span
	for i := 0; i < len(tags); i++ {
		p, typ := splitTag(tags[i])
		if p == "O" {
			continue
		}
		j := i
		for j+1 < len(tags) {
			p2, t2 := splitTag(tags[j+1])
			if p2 != "I" || t2 != typ {
				break
			}
			j++
		}
		out = append(out, Span{i, j, typ})
		i = j
	}
	return out
}

// isBIOTag reports whether tag is a BIO tag the model may report.
func isBIOTag(tag string) bool {
	for _, n := range bioNames {
		if n == tag {
			return true
		}
	}
	return false
}
