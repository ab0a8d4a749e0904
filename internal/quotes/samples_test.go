package quotes_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/marsad/marsad/internal/analyze"
	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/shareddata"
)

// TestSampleSpans runs the default pipeline over the sample articles and
// checks that every quote's span is exactly its text.
func TestSampleSpans(t *testing.T) {
	dir := shareddata.Path("samples", "articles")
	if dir == "" {
		t.Skip("no sample articles in ../shared")
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(paths) == 0 {
		t.Skip("no sample articles at " + dir)
	}
	stages := analyze.DefaultStages(analyze.StageOptions{})
	total := 0
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		d := &doc.Doc{ID: filepath.Base(p), Path: p, Format: doc.Text, Raw: raw}
		for _, st := range stages {
			if err := st.Process(d); err != nil {
				t.Fatalf("%s: %s: %v", d.Where(), st.Name(), err)
			}
		}
		runes := []rune(d.Body)
		for _, q := range d.Quotes {
			s, e := q.Span[0], q.Span[1]
			if s < 0 || e > len(runes) || s >= e || string(runes[s:e]) != q.Text {
				t.Errorf("%s: quote span %v does not hold %q", d.Where(), q.Span, q.Text)
			}
			if q.Speaker.Name == "" || q.Cue == "" {
				t.Errorf("%s: quote %q lacks a speaker or a cue", d.Where(), q.Text)
			}
		}
		total += len(d.Quotes)
	}
	if total == 0 {
		t.Error("no quotes found in the samples")
	}
}
