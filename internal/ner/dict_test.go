package ner

import (
	"compress/gzip"
	"os"
	"path/filepath"
	"testing"

	"github.com/marsad/marsad/internal/arabic"
)

func TestWordDictClasses(t *testing.T) {
	d := NewWordDict([]string{arabic.Normalize("مدرسة"), arabic.Normalize("كتاب"), arabic.Normalize("قال")})
	tests := []struct {
		word string
		want uint8
	}{
		{"كتاب", dictKnown},
		{"مدرسة", dictKnown},
		{"والكتاب", dictStripped},  // conjunction and article
		{"كتابهم", dictStripped},   // a pronoun
		{"مدرستها", dictStripped},  // taa marbuta written ت before it
		{"بمدرستهم", dictStripped}, // both ends
		{"ماكرون", dictUnknown},
		{"قالب", dictUnknown}, // a form is not a prefix match
		{"2011", dictNotArabic},
		{"CNN", dictNotArabic},
		{"،", dictNotArabic},
	}
	for _, tt := range tests {
		if got := d.class(arabic.Normalize(tt.word)); got != tt.want {
			t.Errorf("%s: class %d, want %d", tt.word, got, tt.want)
		}
	}
	if d.Len() != 3 {
		t.Errorf("Len %d, want 3", d.Len())
	}
}

// CompactWordForms drops only what the lookup finds again by stripping.
func TestCompactWordForms(t *testing.T) {
	forms := map[string]bool{}
	for _, w := range []string{"كتاب", "كتابه", "كتابهم", "مدرسه", "مدرستها", "سلام"} {
		forms[arabic.Normalize(w)] = true
	}
	kept := CompactWordForms(forms)
	if len(kept) != 3 {
		t.Errorf("kept %q, want the three bare forms", kept)
	}
	d := NewWordDict(kept)
	for f := range forms {
		if d.class(f) == dictUnknown {
			t.Errorf("%s lost by compaction", f)
		}
	}
}

func TestReadWordDict(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "forms.txt.gz")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	z := gzip.NewWriter(f)
	z.Write([]byte("# a comment\nمدرسة\n\nكتاب\n"))
	z.Close()
	f.Close()
	d, err := ReadWordDict(path)
	if err != nil {
		t.Fatal(err)
	}
	if d.Len() != 2 || d.class(arabic.Normalize("المدرسة")) != dictStripped {
		t.Errorf("read %d forms; المدرسة class %d", d.Len(), d.class(arabic.Normalize("المدرسة")))
	}
	if _, err := ReadWordDict(filepath.Join(dir, "missing.txt")); err == nil {
		t.Error("missing file: no error")
	}
}

// The shipped table holds ordinary words, not the names the tagger looks for.
func TestShippedWordDict(t *testing.T) {
	d, err := ReadWordDict("data/ayaspell-forms.txt.gz")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"المدرسة", "وقال", "الحكومة", "بالسلاح", "اجتماعاتهم"} {
		if c := d.class(arabic.Normalize(w)); c == dictUnknown {
			t.Errorf("%s: unknown to the shipped dictionary", w)
		}
	}
	for _, w := range []string{"غورباتشوف", "شوارزنيغر", "ستراسبورغ"} {
		if c := d.class(arabic.Normalize(w)); c != dictUnknown {
			t.Errorf("%s: class %d in the shipped dictionary, want unknown", w, c)
		}
	}
}
