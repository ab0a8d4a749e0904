package analyze

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestProgress(t *testing.T) {
	var out bytes.Buffer
	p := newProgress(&out, 1000)
	p.draw(Stats{Docs: 9, Failed: 1, Bytes: 500}, 2*time.Second)
	got := out.String()
	for _, want := range []string{"\r[", "===============               ]", " 50%", "9 docs, 1 failed, 5 docs/s"} {
		if !strings.Contains(got, want) {
			t.Errorf("progress line %q lacks %q", got, want)
		}
	}
	p.finish(Stats{Docs: 10, Bytes: 1000, Elapsed: time.Second})
	if !strings.HasSuffix(out.String(), "\n") || !strings.Contains(out.String(), "100%") {
		t.Errorf("finish must draw the full bar and end the line: %q", out.String())
	}
	// Standard input has no known size: counts only.
	out.Reset()
	newProgress(&out, 0).draw(Stats{Docs: 3}, time.Second)
	if strings.Contains(out.String(), "[") || !strings.Contains(out.String(), "3 docs") {
		t.Errorf("unknown total: %q", out.String())
	}
	// No writer, no output and no panic.
	newProgress(nil, 10).update(Stats{})
}
