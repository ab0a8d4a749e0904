package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// addExamples seeds a fuzz corpus with the repository's example pages, on
// top of the seeds kept in testdata/fuzz.
func addExamples(f *testing.F, pattern string) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "examples", pattern))
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(string(b))
		}
	}
}

// FuzzText checks that the plain-text cleaner accounts for every line and
// only ever returns whole input lines, whatever it is given.
func FuzzText(f *testing.F) {
	addExamples(f, "*.txt")
	f.Fuzz(func(t *testing.T, s string) {
		r := Text(s, Options{})
		in := splitLines(s)
		if len(r.Decisions) != len(in) {
			t.Fatalf("%d decisions for %d lines", len(r.Decisions), len(in))
		}
		squeezed := map[string]bool{}
		for _, l := range in {
			squeezed[squeeze(l)] = true
		}
		for _, p := range r.Paragraphs {
			if p == "" || strings.ContainsAny(p, "\n\r") || !squeezed[p] {
				t.Fatalf("paragraph %q is not a whole, non-empty input line", p)
			}
		}
		if r.Title != "" && !squeezed[r.Title] {
			t.Fatalf("title %q is not an input line", r.Title)
		}
		if utf8.ValidString(s) && !utf8.ValidString(strings.Join(r.Paragraphs, "\n")) {
			t.Fatalf("valid input gave invalid UTF-8")
		}
	})
}

// FuzzHTML checks that malformed markup gives paragraphs or an error, never
// a crash or a paragraph with a line break inside.
func FuzzHTML(f *testing.F) {
	addExamples(f, "*.html")
	f.Fuzz(func(t *testing.T, page string) {
		r, _, err := HTML([]byte(page))
		if err != nil {
			if len(r.Paragraphs) > 0 {
				t.Fatalf("error %v with paragraphs", err)
			}
			return
		}
		if len(r.Paragraphs) == 0 {
			t.Fatalf("no error and no paragraphs")
		}
		for _, p := range r.Paragraphs {
			if p == "" || strings.ContainsAny(p, "\n\r") {
				t.Fatalf("bad paragraph %q", p)
			}
		}
	})
}
