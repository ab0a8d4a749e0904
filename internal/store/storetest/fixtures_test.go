package storetest

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/fixtures.jsonl from Fixtures()")

// fixturesFile is the JSON Lines form of Fixtures, loaded by the browser
// tests and usable with 'marsad ingest'.
var fixturesFile = filepath.Join("..", "testdata", "fixtures.jsonl")

func fixturesJSONL(t *testing.T) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, d := range Fixtures() {
		if err := enc.Encode(d); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

func TestFixturesFileUpToDate(t *testing.T) {
	want := fixturesJSONL(t)
	if *update {
		if err := os.WriteFile(fixturesFile, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(fixturesFile)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/store/storetest -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale: run go test ./internal/store/storetest -update", fixturesFile)
	}
}

// TestFixtureSpansMatchText checks every offset of the fixtures against
// the body, in code points, as the contract requires.
func TestFixtureSpansMatchText(t *testing.T) {
	for _, d := range append(Fixtures(), Generate(0), Generate(99)) {
		body := []rune(d.Body)
		for _, e := range d.Entities {
			for _, m := range e.Mentions {
				if got := string(body[m.Start:m.End]); got != m.Text {
					t.Errorf("%s entity %s: span %d-%d is %q, mention says %q", d.DocID, e.ID, m.Start, m.End, got, m.Text)
				}
			}
		}
		for _, ev := range d.Events {
			if got := string(body[ev.Span[0]:ev.Span[1]]); got != ev.Evidence {
				t.Errorf("%s event: span %v is %q, evidence %q", d.DocID, ev.Span, got, ev.Evidence)
			}
		}
		for _, q := range d.Quotes {
			if got := string(body[q.Span[0]:q.Span[1]]); got != q.Text {
				t.Errorf("%s quote: span %v is %q, text %q", d.DocID, q.Span, got, q.Text)
			}
		}
	}
}

func TestGenerateIsDeterministicAndUnique(t *testing.T) {
	a, b := Generate(42), Generate(42)
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if !bytes.Equal(ja, jb) {
		t.Error("Generate(42) differs between calls")
	}
	seen := map[string]bool{}
	for i := 0; i < 500; i++ {
		body := Generate(i).Body
		if seen[body] {
			t.Fatalf("Generate(%d) repeats an earlier body", i)
		}
		seen[body] = true
	}
}
