package clean

import (
	"strings"
	"testing"
	"unicode"

	"github.com/marsad/marsad/internal/arabic"
)

// TestSqueezeAndTidy: squeeze collapses every kind of white space, and
// tidy's byte test agrees with it on what needs squeezing.
func TestSqueezeAndTidy(t *testing.T) {
	tests := []struct{ in, want string }{
		{"نص عادي «بين قوسين» — وشرطة…", "نص عادي «بين قوسين» — وشرطة…"},
		{"  نص\tمع\u00a0مسافات\u2009غريبة\u200b ", "نص مع مسافات غريبة"},
		{"\ufeffنص", "نص"},
		{"a\u3000b\u202fc\u2028d", "a b c d"},
		{"", ""},
		{"   ", ""},
	}
	for _, tt := range tests {
		if got := squeeze(tt.in); got != tt.want {
			t.Errorf("squeeze(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for r := rune(0); r < 0x3100; r++ {
		s := "ا" + string(r) + "ب"
		if tidy(s) && r != ' ' && (unicode.IsSpace(r) || r == 0x200B || r == 0xFEFF) {
			t.Errorf("tidy accepts U+%04X, a space squeeze removes", r)
		}
		if tidy(s) && squeeze(s) != s {
			t.Errorf("tidy(%q) but squeeze changes it", s)
		}
	}
	if !tidy(strings.Repeat("كلمة ", 5)+"كلمة") || tidy("كلمة  كلمة") {
		t.Errorf("tidy on plain text")
	}
}

// foldByRunes is fold written the plain way, rune by rune: the reference
// the byte-level fold must agree with.
func foldByRunes(s string) string {
	var b strings.Builder
	space := true
	for _, r := range arabic.Normalize(s) {
		var sep bool
		switch {
		case r >= 0x0621 && r <= 0x064A, r >= '0' && r <= '9', r >= 'a' && r <= 'z':
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		case r < 0x80:
			sep = true
		default:
			sep = unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r)
			r = unicode.ToLower(r)
		}
		if sep {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		b.WriteRune(r)
		space = false
	}
	return strings.TrimRight(b.String(), " ")
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"اقرأ أيضاً: «الجيش» يتقدم", "Related NEWS | Ω ÉTÉ ٣٥", "\xff\xd8 ، ؛ ـــ", "  -- "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := fold(s), foldByRunes(s); got != want {
			t.Fatalf("fold(%q) = %q, want %q", s, got, want)
		}
	})
}

// classAt reads the code points of a string as ranging over it does and
// classifies each as classify does.
func FuzzClassAt(f *testing.F) {
	f.Add("قال «الجيش» 35 Reuters پ ی ي \xff\xd8")
	f.Fuzz(func(t *testing.T, s string) {
		i := 0
		for _, r := range s {
			class, n := classAt(s, i)
			if want := classify(r); class != want {
				t.Fatalf("classAt(%q, %d) = %b, classify(%q) = %b", s, i, class, r, want)
			}
			i += n
		}
		if i != len(s) {
			t.Fatalf("classAt stepped to %d of %d bytes", i, len(s))
		}
	})
}
