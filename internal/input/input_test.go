package input

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/marsad/marsad/internal/doc"
)

const arabicText = "قالت مصادر محلية إن اشتباكات اندلعت في المدينة صباح اليوم.\n"

// readAll collects the items of paths.
func readAll(t *testing.T, paths []string, opts Options) []Item {
	t.Helper()
	var items []Item
	for it := range Read(Sources(paths), opts) {
		items = append(items, it)
	}
	return items
}

func write(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestBadFiles(t *testing.T) {
	dir := t.TempDir()
	cp1256 := []byte{0xC7, 0xE1, 0xCC, 0xED, 0xD4, ' ', 0xC7, 0xE1, 0xE1, 0xED, 0xC8, 0xED} // «الجيش الليبي»
	tests := []struct {
		name    string
		content []byte
		wantErr error  // nil: the file is read
		errText string // part of the message
		warn    string // part of a warning, when read
		text    string // part of the decoded text, when read
	}{
		{name: "empty.txt", content: nil, wantErr: ErrEmpty},
		{name: "blank.txt", content: []byte(" \n\t\n"), wantErr: ErrEmpty},
		{name: "image.txt", content: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), wantErr: ErrBinary},
		{name: "controls.txt", content: []byte(strings.Repeat("\x01\x02\x03 abc", 50)), wantErr: ErrBinary},
		{name: "damaged.txt", content: append([]byte(arabicText+strings.Repeat(arabicText, 5)), 0xFF), warn: "replaced by U+FFFD", text: "اشتباكات"},
		{name: "latin1.txt", content: []byte(strings.Repeat("d\xe9j\xe0 \xe9t\xe9 ", 40)), wantErr: ErrNotUTF8, errText: "invalid byte sequences"},
		{name: "cp1256.txt", content: cp1256, warn: "Windows-1256", text: "الجيش الليبي"},
		{name: "utf16.txt", content: utf16LE("غارة جوية على مواقع عسكرية"), warn: "UTF-16", text: "غارة جوية"},
		{name: "bom.txt", content: append([]byte("\xef\xbb\xbf"), arabicText...), text: "قالت"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write(t, dir, tt.name, tt.content)
			items := readAll(t, []string{p}, Options{})
			if len(items) != 1 {
				t.Fatalf("got %d items, want 1", len(items))
			}
			it := items[0]
			if tt.wantErr != nil {
				var ie *doc.InputError
				if !errors.As(it.Err, &ie) || ie.Path != p {
					t.Fatalf("want an InputError naming %s, got %v", p, it.Err)
				}
				if !errors.Is(it.Err, tt.wantErr) || !strings.Contains(it.Err.Error(), tt.errText) {
					t.Errorf("error %q: want %v containing %q", it.Err, tt.wantErr, tt.errText)
				}
				return
			}
			if it.Err != nil {
				t.Fatalf("unexpected error: %v", it.Err)
			}
			d := it.Doc
			if d.ID != tt.name || d.Path != p || d.Format != doc.Text {
				t.Errorf("doc = %q %q %q", d.ID, d.Path, d.Format)
			}
			if !strings.Contains(string(d.Raw), tt.text) || strings.HasPrefix(string(d.Raw), "\ufeff") {
				t.Errorf("raw = %q, want it to contain %q without BOM", d.Raw, tt.text)
			}
			if tt.warn == "" && len(d.Warnings) > 0 || tt.warn != "" && (len(d.Warnings) == 0 || !strings.Contains(d.Warnings[0], tt.warn)) {
				t.Errorf("warnings = %q, want %q", d.Warnings, tt.warn)
			}
		})
	}
}

func utf16LE(s string) []byte {
	b := []byte{0xFF, 0xFE}
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

func TestTooLarge(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "huge.txt")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse 50 MB file: it is refused by its size, before it is read.
	if err := f.Truncate(50 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	ok := write(t, dir, "ok.txt", []byte(arabicText))
	items := readAll(t, []string{p, ok}, Options{})
	if len(items) != 2 {
		t.Fatalf("got %d items", len(items))
	}
	if !errors.Is(items[0].Err, ErrTooBig) || !strings.Contains(items[0].Err.Error(), "50.0 MB") || !strings.Contains(items[0].Err.Error(), "huge.txt") {
		t.Errorf("huge file: %v", items[0].Err)
	}
	if items[1].Err != nil || items[1].Doc == nil {
		t.Errorf("the next file must still be read: %v", items[1].Err)
	}
	// Standard input has no size to check: it is cut off while reading.
	items = readAll(t, []string{"-"}, Options{MaxBytes: 100, Stdin: strings.NewReader(strings.Repeat(arabicText, 10))})
	if len(items) != 1 || !errors.Is(items[0].Err, ErrTooBig) {
		t.Errorf("stdin over the limit: %+v", items)
	}
}

func TestSourcesDirectory(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "b.txt", []byte(arabicText))
	write(t, dir, "a/page.html", []byte("<html><body><p>"+arabicText+"</p></body></html>"))
	write(t, dir, "a/dump.jsonl", []byte(`{"text":"`+strings.TrimSpace(arabicText)+`"}`+"\n"))
	write(t, dir, "notes.md", []byte("not an article"))
	write(t, dir, ".hidden/x.txt", []byte(arabicText))
	write(t, dir, ".draft.txt", []byte(arabicText))
	got := slices.Collect(Sources([]string{dir, filepath.Join(dir, "missing.txt")}))
	var names []string
	for _, s := range got {
		rel, _ := filepath.Rel(dir, s.Path)
		names = append(names, rel+":"+string(s.Format))
	}
	want := []string{"a/dump.jsonl:jsonl", "a/page.html:html", "b.txt:txt", "missing.txt:"}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("Sources = %v, want %v", names, want)
	}
	if got[3].Err == nil || !strings.Contains(got[3].Err.Error(), "no such file") {
		t.Errorf("missing file: %v", got[3].Err)
	}
	empty := t.TempDir()
	if s := slices.Collect(Sources([]string{empty})); len(s) != 1 || s[0].Err == nil {
		t.Errorf("an empty directory must be reported: %+v", s)
	}
}

func TestSniffStdinAndUnknownExtension(t *testing.T) {
	tests := []struct {
		content string
		want    doc.Format
	}{
		{"  <!DOCTYPE html><html></html>", doc.HTML},
		{`{"text": "نص"}`, doc.JSONL},
		{arabicText, doc.Text},
	}
	for _, tt := range tests {
		items := readAll(t, []string{"-"}, Options{Stdin: strings.NewReader(tt.content)})
		if len(items) != 1 || items[0].Doc == nil {
			t.Fatalf("%q: %+v", tt.content, items)
		}
		if d := items[0].Doc; d.Format != tt.want || d.Path != "-" {
			t.Errorf("%q: format %q path %q, want %q", tt.content, d.Format, d.Path, tt.want)
		}
	}
	dir := t.TempDir()
	page := write(t, dir, "saved.txt", []byte("\n<!DOCTYPE html><html><body><p>"+arabicText+"</p></body></html>"))
	if items := readAll(t, []string{page}, Options{}); len(items) != 1 || items[0].Doc == nil || items[0].Doc.Format != doc.HTML {
		t.Errorf("a saved HTML page named .txt is read as HTML: %+v", items)
	}
	array := write(t, dir, "dump.json", []byte(`[{"text": "نص"}, {"text": "نص آخر"}]`))
	if items := readAll(t, []string{array}, Options{}); len(items) != 1 || !errors.Is(items[0].Err, ErrJSONArray) {
		t.Errorf("a JSON array must be refused with advice: %+v", items)
	}
	p := write(t, dir, "article.dat", []byte(arabicText))
	items := readAll(t, []string{p}, Options{})
	if len(items) != 1 || items[0].Doc == nil || items[0].Doc.Format != doc.Text {
		t.Errorf("a named file with an unknown extension is sniffed: %+v", items)
	}
}
