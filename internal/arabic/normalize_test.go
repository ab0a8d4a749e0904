package arabic

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"diacritics and shadda", "قُوّاتُ", "قوات"},
		{"tatweel", "الجـــيش", "الجيش"},
		{"alef forms", "أحمد إبراهيم آمال ٱلله", "احمد ابراهيم امال الله"},
		{"alef maqsura", "مستشفى على", "مستشفي علي"},
		{"taa marbuta", "مدينة", "مدينه"},
		{"hamza seats", "مسؤول رئيس", "مسوول رييس"},
		{"persian letters", "پاریس چاد ڤيينا گاز کابل", "باريس جاد فيينا كاز كابل"},
		{"urdu heh and yeh", "ہے", "هي"},
		{"maghrebi qaf", "ڨالمة", "قالمه"},
		{"lam-alef ligature", "ﻻ ﻷ", "لا لا"},
		{"allah ligature", "ﷲ", "الله"},
		{"presentation forms", "ﺑﻨﻐﺎﺯﻱ", "بنغازي"},
		{"arabic-indic digits", "٢٠٢٠ ۱۴", "2020 14"},
		{"digit separators", "١٬٠٠٠ و٣٫٥ و٥٠٪", "1,000 و3.5 و50%"},
		{"latin lower case", "AFP Reuters ÉTÉ", "afp reuters été"},
		{"invisible marks", "طرا\u200cبلس\u200f", "طرابلس"},
		{"already normal", "قوات الجيش", "قوات الجيش"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNormalizeDoesNotAllocateNormalText(t *testing.T) {
	s := "قوات الجيش الليبي في طرابلس 2020"
	if n := testing.AllocsPerRun(100, func() { _ = Normalize(s) }); n != 0 {
		t.Errorf("Normalize of normal text allocates %v times, want 0", n)
	}
}

func TestNormalizeMap(t *testing.T) {
	tests := []struct {
		in, find, wantOrig string
	}{
		{"وقُوّاتُ الجيشِ في طرابلسَ", "قوات", "قُوّاتُ"},
		{"وقُوّاتُ الجيشِ في طرابلسَ", "طرابلس", "طرابلسَ"},
		{"إلى ﺑﻨﻐﺎﺯﻱ غداً", "بنغازي", "ﺑﻨﻐﺎﺯﻱ"},
		{"قال ﷲ", "الله", "ﷲ"},
		{"الـــجيش", "الجيش", "الـــجيش"},
	}
	for _, tt := range tests {
		norm, off := NormalizeMap(tt.in)
		if norm != Normalize(tt.in) {
			t.Fatalf("NormalizeMap(%q) norm = %q, Normalize = %q", tt.in, norm, Normalize(tt.in))
		}
		checkOffsets(t, tt.in, norm, off)
		b := strings.Index(norm, tt.find)
		if b < 0 {
			t.Fatalf("%q not in %q", tt.find, norm)
		}
		i := utf8.RuneCountInString(norm[:b])
		j := i + utf8.RuneCountInString(tt.find)
		r := []rune(tt.in)
		if got := strings.TrimSpace(string(r[off[i]:off[j]])); got != tt.wantOrig {
			t.Errorf("match %q in %q maps back to %q, want %q", tt.find, tt.in, got, tt.wantOrig)
		}
	}
}

// checkOffsets verifies the NormalizeMap contract on any input.
func checkOffsets(t *testing.T, s, norm string, off []int) {
	t.Helper()
	n := utf8.RuneCountInString(norm)
	if len(off) != n+1 {
		t.Fatalf("NormalizeMap(%q): %d offsets for %d code points", s, len(off), n)
	}
	if off[n] != RuneLen(s) {
		t.Fatalf("NormalizeMap(%q): final offset %d, want %d", s, off[n], RuneLen(s))
	}
	for i := 1; i < len(off); i++ {
		if off[i] < off[i-1] || off[i] < 0 || off[i] > RuneLen(s) {
			t.Fatalf("NormalizeMap(%q): offsets not monotonic at %d: %v", s, i, off)
		}
	}
	src := []rune(s)
	for i, r := range []rune(norm) {
		o := src[off[i]]
		if f := foldRune(o); f != expand && f != r && !(o == utf8.RuneError) {
			t.Fatalf("NormalizeMap(%q): norm[%d]=%q comes from %q which folds to %q", s, i, r, o, f)
		}
	}
}

func TestClean(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"presentation forms", "ﺍﻟﺠﻴﺶ ﻻ", "الجيش لا"},
		{"nbsp and thin spaces", "قوات\u00a0الجيش\u2009اليوم", "قوات الجيش اليوم"},
		{"line breaks", "سطر\r\nسطر\rسطر\u2028سطر", "سطر\nسطر\nسطر\nسطر"},
		{"controls and bidi", "\ufeffقال\u200f \u202bالناطق\u202c\x07", "قال الناطق"},
		{"tab", "أ\tب", "أ ب"},
		{"decomposed hamza", "ا\u0654حمد ا\u0655براهيم ا\u0653مال و\u0654", "أحمد إبراهيم آمال ؤ"},
		{"invalid utf-8", "قوات\xff\xfeالجيش", "قواتالجيش"},
		{"keeps diacritics and newlines", "قُوّات\nالجيش", "قُوّات\nالجيش"},
		{"soft hyphen", "طرا\u00adبلس", "طرابلس"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Clean(tt.in); got != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	clean := "نص نظيف\nبسطرين"
	if n := testing.AllocsPerRun(50, func() { _ = Clean(clean) }); n != 0 {
		t.Errorf("Clean of clean text allocates %v times", n)
	}
}

func TestIsArabicLetter(t *testing.T) {
	for _, r := range "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئىةپچڤگیﺑ" {
		if !IsArabicLetter(r) {
			t.Errorf("IsArabicLetter(%q) = false", r)
		}
	}
	for _, r := range "a1٣ًـ،؟ " {
		if IsArabicLetter(r) {
			t.Errorf("IsArabicLetter(%q) = true", r)
		}
	}
}

// Ligatures spelled out make the matching form longer than its source:
// the room made for it must grow, however many there are.
func TestNormalizeLongExpansions(t *testing.T) {
	s := strings.Repeat("ﷺﷻ", 500) + "محمد"
	if got, want := Normalize(s), normalizeReference(s); got != want {
		t.Errorf("Normalize of %d ligatures: %d bytes, want %d", 1000, len(got), len(want))
	}
}
