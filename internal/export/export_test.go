package export

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/marsad/marsad/internal/record"
)

func TestJSONLWritesOneObjectPerLine(t *testing.T) {
	var out bytes.Buffer
	w, err := New(JSONL, &out)
	if err != nil {
		t.Fatal(err)
	}
	docs := []record.Document{
		{Schema: record.Schema, DocID: "a.txt", Title: record.Str("عنوان <b>"), Body: "سطر أول\nسطر ثان", Published: record.Published{Basis: record.BasisUnknown}},
		{Schema: record.Schema, DocID: "b.txt", Body: "نص", Published: record.Published{Basis: record.BasisUnknown}},
	}
	for _, d := range docs {
		if err := w.Write(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != len(docs) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(docs), out.String())
	}
	if !strings.Contains(lines[0], "عنوان <b>") {
		t.Errorf("Arabic or markup escaped: %s", lines[0])
	}
	for i, l := range lines {
		var got record.Document
		if err := json.Unmarshal([]byte(l), &got); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if got.DocID != docs[i].DocID || got.Body != docs[i].Body {
			t.Errorf("line %d: got %q/%q", i+1, got.DocID, got.Body)
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	_, err := New("xlsx", &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "jsonl") {
		t.Errorf("want an error listing the known formats, got %v", err)
	}
}
