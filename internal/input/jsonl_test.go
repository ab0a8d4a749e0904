package input

import (
	"errors"
	"strings"
	"testing"

	"github.com/marsad/marsad/internal/doc"
)

func TestJSONLRecords(t *testing.T) {
	dump := strings.Join([]string{
		`{"id": "a-1", "title": "عنوان", "text": "نص الخبر الأول", "date": "2024-05-01", "url": "https://x.example/a", "source": "موقع"}`,
		``,
		`{"content": "نص الخبر الثاني", "published": "2024-05-02T10:00:00Z", "outlet": "صحيفة"}`,
		`{"id": 42, "body": "نص الخبر الثالث", "date_extracted": "2024-05-03", "source": {"name": "وكالة", "url": "https://y.example"}}`,
		`{"id": "broken", "text": "نص`,
		`["an", "array"]`,
		`{"id": "no-text", "title": "عنوان فقط"}`,
		`{"id": "blank-text", "text": "   "}`,
		`null`,
		`{"text": "نص الخبر الأخير", "agency": "رويترز"}`,
	}, "\n")
	items := readAll(t, []string{"-"}, Options{Stdin: strings.NewReader(dump)})
	type want struct {
		line                         int
		id, title, date, url, outlet string
		text                         string
		err                          string
	}
	wants := []want{
		{line: 1, id: "a-1", title: "عنوان", date: "2024-05-01", url: "https://x.example/a", outlet: "موقع", text: "نص الخبر الأول"},
		{line: 3, id: "stdin:3", date: "2024-05-02T10:00:00Z", outlet: "صحيفة", text: "نص الخبر الثاني"},
		{line: 4, id: "42", date: "2024-05-03", outlet: "وكالة", text: "نص الخبر الثالث"},
		{line: 5, err: "broken JSON"},
		{line: 6, err: "not a JSON object but a JSON array"},
		{line: 7, err: "no article text"},
		{line: 8, err: "no article text"},
		{line: 9, err: "not a JSON object but null"},
		{line: 10, id: "stdin:10", text: "نص الخبر الأخير"},
	}
	if len(items) != len(wants) {
		t.Fatalf("got %d items, want %d", len(items), len(wants))
	}
	for i, w := range wants {
		it := items[i]
		if w.err != "" {
			var ie *doc.InputError
			if !errors.As(it.Err, &ie) || ie.Line != w.line || ie.Path != "-" || !strings.Contains(it.Err.Error(), w.err) {
				t.Errorf("line %d: got error %v, want %q at that line", w.line, it.Err, w.err)
			}
			continue
		}
		if it.Err != nil {
			t.Errorf("line %d: %v", w.line, it.Err)
			continue
		}
		d := it.Doc
		got := want{line: d.Line, id: d.ID, title: d.Given.Title, date: d.Given.Date, url: d.Given.URL, outlet: d.Given.Outlet, text: string(d.Raw)}
		if got != w {
			t.Errorf("line %d:\n got %+v\nwant %+v", w.line, got, w)
		}
		if d.Format != doc.JSONL {
			t.Errorf("line %d: format %q", w.line, d.Format)
		}
	}
	if items[8].Doc.Given.Agency != "رويترز" {
		t.Errorf("agency field not read: %+v", items[8].Doc.Given)
	}
}

func TestJSONLLongLine(t *testing.T) {
	long := `{"text": "` + strings.Repeat("ا", 400) + `"}`
	dump := long + "\n" + `{"text": "نص قصير"}` + "\n"
	items := readAll(t, []string{"-"}, Options{MaxBytes: 200, Stdin: strings.NewReader(dump)})
	if len(items) != 2 {
		t.Fatalf("got %d items", len(items))
	}
	if !errors.Is(items[0].Err, ErrTooBig) {
		t.Errorf("long line: %v", items[0].Err)
	}
	if items[1].Doc == nil || items[1].Doc.Line != 2 {
		t.Errorf("the line after a long one must still be read at line 2: %+v", items[1])
	}
}

func TestJSONLInvalidUTF8(t *testing.T) {
	dump := "{\"text\": \"نص \xff فيه خلل\"}\n"
	items := readAll(t, []string{"-"}, Options{Stdin: strings.NewReader(dump)})
	if len(items) != 1 || items[0].Doc == nil {
		t.Fatalf("%+v", items)
	}
	if w := items[0].Doc.Warnings; len(w) != 1 || !strings.Contains(w[0], "invalid UTF-8") {
		t.Errorf("warnings = %q", w)
	}
}
