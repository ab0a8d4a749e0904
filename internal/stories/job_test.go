package stories

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/record"
)

var update = flag.Bool("update", false, "rewrite testdata/fixtures.jsonl from fixtures_test.go")

const fixturesFile = "testdata/fixtures.jsonl"

// TestFixturesFile keeps testdata/fixtures.jsonl, the fixtures as marsad/v1
// JSON Lines, in step with fixtures_test.go (go test -run FixturesFile -update).
func TestFixturesFile(t *testing.T) {
	var buf bytes.Buffer
	enc := NewEncoder(&buf)
	for _, d := range allFixtures() {
		if err := enc.Encode(d); err != nil {
			t.Fatal(err)
		}
	}
	if *update {
		if err := os.WriteFile(fixturesFile, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(fixturesFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, buf.Bytes()) {
		t.Fatalf("%s is out of date: go test ./internal/stories -run FixturesFile -update", fixturesFile)
	}
}

func TestReader(t *testing.T) {
	good, _ := json.Marshal(newDoc("ok", "", "", "", "2020-01-01", "نص"))
	input := strings.Join([]string{
		string(good),
		"",
		"not json",
		`{"schema":"other/v2","doc_id":"x"}`,
		`{"schema":"marsad/v1"}`,
		"{\"schema\":\"marsad/v1\",\"doc_id\":\"bad\xff\"}",
		`{"kind":"story","story_id":"s"}`,
		`{"schema":"marsad/v1","doc_id":"trunc`,
		string(good),
	}, "\n")
	r := NewReader(strings.NewReader(input), "in.jsonl")
	var ids []string
	var errs []string
	for {
		d, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			var ie *doc.InputError
			if !errors.As(err, &ie) || ie.Path != "in.jsonl" || ie.Line == 0 {
				t.Fatalf("error %v does not name file and line", err)
			}
			errs = append(errs, err.Error())
			continue
		}
		ids = append(ids, d.DocID)
		if d.Source.Line == 0 {
			t.Errorf("document %s without its line", d.DocID)
		}
	}
	if strings.Join(ids, ",") != "ok,ok" {
		t.Errorf("read %v, want ok twice", ids)
	}
	want := []string{"in.jsonl:3: not a JSON object", "in.jsonl:4: not a marsad/v1 record", "in.jsonl:5: record without doc_id",
		"in.jsonl:6: invalid UTF-8", "in.jsonl:8: not a JSON object"}
	if len(errs) != len(want) {
		t.Fatalf("errors %q, want %d", errs, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(errs[i], w) {
			t.Errorf("error %q, want it to start %q", errs[i], w)
		}
	}
}

func TestReaderSkipsEnormousLines(t *testing.T) {
	good, _ := json.Marshal(newDoc("after", "", "", "", "2020-01-01", "نص"))
	big := `{"schema":"marsad/v1","doc_id":"big","body":"` + strings.Repeat("ب", MaxLineBytes/2+10) + `"}`
	r := NewReader(strings.NewReader(big+"\n"+string(good)+"\n"), "big.jsonl")
	if _, err := r.Next(); err == nil || !strings.Contains(err.Error(), "longer than") {
		t.Fatalf("enormous line: error %v", err)
	}
	d, err := r.Next()
	if err != nil || d.DocID != "after" {
		t.Fatalf("after the enormous line: %v, %v", d, err)
	}
}

func TestLooksLikeRecords(t *testing.T) {
	tests := []struct {
		head string
		want bool
	}{
		{"\n  {\"schema\":\"marsad/v1\",\"doc_id\":\"a\"}\n", true},
		{`{"kind":"story"}`, true},
		{`{"text":"مقال","url":"http://x"}`, false}, // JSON Lines of raw articles
		{"<html><body>", false},
		{"خبر عاجل", false},
		{`{"schema":"marsad/v1","body":"cut sh`, true}, // first line longer than the sniff
		{"", false},
	}
	for _, tt := range tests {
		if got := LooksLikeRecords([]byte(tt.head)); got != tt.want {
			t.Errorf("LooksLikeRecords(%q) = %v, want %v", tt.head, got, tt.want)
		}
	}
}

func TestJobRun(t *testing.T) {
	dir := t.TempDir()
	// The fixtures, shuffled to the reverse of publication order: sorting
	// must restore the result of clustering them in order.
	src, err := os.ReadFile(fixturesFile)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(src)), "\n")
	for i, j := 0, len(lines)-1; i < j; i, j = i+1, j-1 {
		lines[i], lines[j] = lines[j], lines[i]
	}
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	recs := write("records.jsonl", strings.Join(lines, "\n")+"\nnot json\n")
	rawFile := write("article.txt", "خبر: اشتباكات في المدينة.\n")
	empty := write("empty.jsonl", "")

	var out, docsOut, framing bytes.Buffer
	var errs []string
	job := Job{Sort: true, Out: &out, Docs: &docsOut, Framing: &framing, Errs: func(err error) { errs = append(errs, err.Error()) }}
	sum, err := job.Run([]string{recs, rawFile, empty, filepath.Join(dir, "missing.jsonl")})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Documents != len(lines) || sum.BadInputs != 4 || sum.Duplicates != 1 {
		t.Errorf("summary %+v; want %d documents, 4 bad inputs, 1 duplicate; errors %q", sum, len(lines), errs)
	}
	for _, want := range []string{"records.jsonl:" + itoa(len(lines)+1), "article.txt: not marsad/v1", "empty.jsonl: empty input", "missing.jsonl"} {
		found := false
		for _, e := range errs {
			found = found || strings.Contains(e, want)
		}
		if !found {
			t.Errorf("no error mentioning %q in %q", want, errs)
		}
	}

	// Every story line parses; the Taiz story has its four documents.
	sc := bufio.NewScanner(&out)
	sc.Buffer(nil, 1<<24)
	stories := map[string]Story{}
	for sc.Scan() {
		var s Story
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil || s.Kind != KindStory {
			t.Fatalf("bad story line %q: %v", sc.Text(), err)
		}
		stories[s.StoryID] = s
	}
	// Reversed input puts the independent report first among same-day
	// documents, so the story is named after it.
	if s, ok := stories["story:taiz-maydan"]; !ok || len(s.DocIDs) != 4 {
		t.Errorf("taiz story %+v in %v", s, stories)
	}
	if sum.Stories != len(stories) {
		t.Errorf("summary says %d stories, output has %d", sum.Stories, len(stories))
	}

	var f FramingReport
	if err := json.Unmarshal(framing.Bytes(), &f); err != nil || f.Kind != KindFraming || len(f.ByOutlet) == 0 {
		t.Errorf("framing %q: %v", framing.String(), err)
	}

	// The documents come back with their ids.
	r := NewReader(&docsOut, "docs")
	n := 0
	for {
		d, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		n++
		if d.StoryID == "" {
			t.Errorf("%s written without story id", d.DocID)
		}
	}
	if n != len(lines) {
		t.Errorf("%d documents written, want %d", n, len(lines))
	}
}

func TestJobKeepIDsAndAnalyzer(t *testing.T) {
	// Documents that already carry ids keep them; raw articles go to the
	// analyser, whose documents are clustered with the rest.
	dir := t.TempDir()
	d := newDoc("kept", "", "", "", "2020-01-01", "نص")
	d.StoryID = "story:given"
	line, _ := json.Marshal(d)
	recs := filepath.Join(dir, "a.jsonl")
	raw := filepath.Join(dir, "b.txt")
	os.WriteFile(recs, append(line, '\n'), 0o644)
	os.WriteFile(raw, []byte("نص خام"), 0o644)
	var analysed []string
	var out bytes.Buffer
	job := Job{KeepIDs: true, Out: &out, NoFraming: true, Analyze: func(paths []string, sink Sink) error {
		analysed = append(analysed, paths...)
		return sink.Write(newDoc("from-raw", "", "", "", "2020-01-01", "نص"))
	}}
	sum, err := job.Run([]string{recs, raw})
	if err != nil {
		t.Fatal(err)
	}
	if len(analysed) != 1 || analysed[0] != raw || sum.Documents != 2 {
		t.Fatalf("analysed %v, %d documents", analysed, sum.Documents)
	}
	if !strings.Contains(out.String(), `"story_id":"story:given"`) || !strings.Contains(out.String(), `"story_id":"story:from-raw"`) {
		t.Errorf("output %s", out.String())
	}
	if strings.Contains(out.String(), `"kind":"framing"`) {
		t.Error("framing written despite NoFraming")
	}
}

func TestAnnotator(t *testing.T) {
	c, _ := NewClusterer(Options{})
	var got []record.Document
	a := &Annotator{Clusterer: c, Next: sinkFunc(func(d *record.Document) error { got = append(got, *d); return nil })}
	for _, d := range taizDocs()[:2] {
		if err := a.Write(d); err != nil {
			t.Fatal(err)
		}
	}
	if len(got) != 2 || got[1].DuplicateOf != got[0].DocID || got[1].StoryID != got[0].StoryID || got[1].Events[0].MergedID != got[0].Events[0].MergedID {
		t.Errorf("annotated %+v", got)
	}
}
