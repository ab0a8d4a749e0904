package analyze

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/export"
	"github.com/marsad/marsad/internal/pipeline"
	"github.com/marsad/marsad/internal/record"
)

const (
	para1 = "قالت مصادر محلية إن اشتباكات عنيفة اندلعت فجر اليوم بين مجموعتين مسلحتين في وسط المدينة، ما أدى إلى مقتل ثلاثة أشخاص."
	para2 = "وأضافت المصادر أن الاشتباكات استخدمت فيها أسلحة متوسطة وثقيلة، وأن السكان لزموا منازلهم حتى ساعات الظهر."
)

func article(title string) string {
	return title + "\n" + para1 + "\n\n" + para2 + "\n"
}

// collect is an export.Writer that keeps what it is given.
type collect struct {
	docs   []record.Document
	closed bool
	failAt int // fail the n-th write (1-based); 0 never
}

func (c *collect) Write(d record.Document) error {
	if c.failAt > 0 && len(c.docs)+1 == c.failAt {
		return errors.New("disk full")
	}
	c.docs = append(c.docs, d)
	return nil
}

func (c *collect) Close() error { c.closed = true; return nil }

func writeFiles(t *testing.T, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, b := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestBadInputs: every bad input gets one message naming it (and its
// line), the good ones are all written, in input order.
func TestBadInputs(t *testing.T) {
	english := "Clashes erupt again\nFighting erupted again in the city on Friday, and the United Nations said that it was deeply concerned about civilians.\nThe clashes were the worst in months, residents said, and the main road was closed for hours."
	dump := strings.Join([]string{
		`{"id": "j1", "title": "خبر أول", "text": "` + para1 + `\n` + para2 + `"}`,
		`{"id": "j2", "text": "` + para1,
		`{"title": "خبر ثالث", "content": "` + para2 + `\n` + para1 + `"}`,
	}, "\n")
	dir := writeFiles(t, map[string][]byte{
		"01-good.txt":       []byte(article("اشتباكات في وسط المدينة")),
		"02-empty.txt":      {},
		"03-binary.txt":     []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00"),
		"04-damaged.txt":    append([]byte(article("خبر فيه بايت تالف")), 0xC3, 0x28),
		"05-english.txt":    []byte(english),
		"06-broken.html":    []byte("<html><body><div><p>" + para1 + "<p>" + para2 + "</div></span>"),
		"07-dump.jsonl":     []byte(dump),
		"08-nothing.html":   []byte("<html><body><nav>الرئيسية</nav></body></html>"),
		"09-latin1.txt":     bytes.Repeat([]byte("caf\xe9 d\xe9j\xe0 "), 50),
		"10-good-too.txt":   []byte(article("خبر أخير")),
		"sub/11-deeper.txt": []byte(article("خبر في مجلد فرعي")),
	})
	var errs []string
	var warnings []string
	out := &collect{}
	st, err := Run([]string{dir}, out, Options{
		Workers:   3,
		OnError:   func(err error) { errs = append(errs, err.Error()) },
		OnWarning: func(where, w string) { warnings = append(warnings, where+": "+w) },
	})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range out.docs {
		ids = append(ids, d.DocID)
	}
	wantIDs := []string{"01-good.txt", "04-damaged.txt", "06-broken.html", "j1", "07-dump.jsonl:3", "10-good-too.txt", "11-deeper.txt"}
	if strings.Join(ids, " ") != strings.Join(wantIDs, " ") {
		t.Errorf("written %v\nwant    %v", ids, wantIDs)
	}
	wantErrs := []string{
		"02-empty.txt: empty input",
		"03-binary.txt: binary data",
		"05-english.txt: clean: not Arabic: the text looks like English",
		"07-dump.jsonl:2: broken JSON",
		"08-nothing.html: clean: no article text found",
		"09-latin1.txt: not UTF-8 text",
	}
	if len(errs) != len(wantErrs) {
		t.Fatalf("errors:\n%s", strings.Join(errs, "\n"))
	}
	for i, w := range wantErrs {
		if !strings.Contains(errs[i], filepath.Join(dir, "")) || !strings.Contains(errs[i], w) {
			t.Errorf("error %d = %q, want it to name the file and say %q", i, errs[i], w)
		}
	}
	if st.Docs != len(wantIDs) || st.Failed != len(wantErrs) {
		t.Errorf("stats %+v", st)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "04-damaged.txt: invalid UTF-8") {
		t.Errorf("warnings %q", warnings)
	}
	if !out.closed {
		t.Errorf("writer not closed")
	}
	if len(out.docs[1].Warnings) != 1 {
		t.Errorf("the record must carry its warning: %+v", out.docs[1].Warnings)
	}
}

// TestWriteFailureStops: a failing writer ends the run with an error that
// says so, without hanging the workers.
func TestWriteFailureStops(t *testing.T) {
	files := map[string][]byte{}
	for i := range 50 {
		files[fmt.Sprintf("%02d.txt", i)] = []byte(article("خبر رقم " + fmt.Sprint(i)))
	}
	dir := writeFiles(t, files)
	out := &collect{failAt: 3}
	st, err := Run([]string{dir}, out, Options{Workers: 2})
	if err == nil || !strings.Contains(err.Error(), "disk full") || !strings.Contains(err.Error(), "02.txt") {
		t.Errorf("error = %v", err)
	}
	if st.Docs != 2 {
		t.Errorf("docs written %d, want 2", st.Docs)
	}
}

// inflight counts documents analysed but not yet written.
type inflight struct {
	now, peak *atomic.Int64
}

func (inflight) Name() string { return "count" }

func (f inflight) Process(*doc.Doc) error {
	n := f.now.Add(1)
	for {
		p := f.peak.Load()
		if n <= p || f.peak.CompareAndSwap(p, n) {
			return nil
		}
	}
}

type countingWriter struct {
	collect
	now *atomic.Int64
}

func (c *countingWriter) Write(d record.Document) error {
	c.now.Add(-1)
	return c.collect.Write(d)
}

// TestStreaming: however many articles there are, only a few per worker
// are held between being read and being written.
func TestStreaming(t *testing.T) {
	var b strings.Builder
	for i := range 2000 {
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprint(i), "text": para1 + "\n" + para2})
		b.Write(line)
		b.WriteByte('\n')
	}
	var now, peak atomic.Int64
	stages := append(textLayer(), inflight{&now, &peak})
	out := &countingWriter{now: &now}
	const workers = 4
	st, err := Run([]string{"-"}, out, Options{Workers: workers, Stages: stages, Stdin: strings.NewReader(b.String())})
	if err != nil || st.Docs != 2000 {
		t.Fatalf("%v %+v", err, st)
	}
	for i, d := range out.docs {
		if d.DocID != fmt.Sprint(i) {
			t.Fatalf("document %d written as %d: order lost", i, i)
		}
	}
	// The queues hold 4 jobs per worker each, plus one per worker at work.
	if limit := int64(9*workers + 2); peak.Load() > limit {
		t.Errorf("%d documents in memory at once; the bound is %d", peak.Load(), limit)
	}
}

func TestDefaultStagesFillTheDoc(t *testing.T) {
	d := &doc.Doc{ID: "x.txt", Path: "x.txt", Format: doc.Text, Raw: []byte("طرابلس (رويترز) - " + para1 + "\n" + para2)}
	p := pipeline.Pipeline{Stages: DefaultStages(StageOptions{})}
	if err := p.Run(d); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(p.Names(), ","); !strings.HasPrefix(got, "clean,metadata,arabic") {
		t.Errorf("stages %s", got)
	}
	if d.Agency != "Reuters" || len(d.Sentences) < 2 || len(d.Tokens) < 20 || d.ContentHash == "" || d.Language != "ar" {
		t.Errorf("agency %q, %d sentences, %d tokens, hash %q", d.Agency, len(d.Sentences), len(d.Tokens), d.ContentHash)
	}
	runes := d.Runes()
	for _, tok := range d.Tokens {
		if string(runes[tok.Start:tok.End]) != tok.Text {
			t.Fatalf("token %q at %d:%d is %q in the body", tok.Text, tok.Start, tok.End, string(runes[tok.Start:tok.End]))
		}
	}
	for _, s := range d.Sentences {
		if s.Start < 0 || s.End > len(runes) || s.Start >= s.End {
			t.Fatalf("bad sentence span %+v", s)
		}
	}
	var _ export.Writer = &collect{}
}
