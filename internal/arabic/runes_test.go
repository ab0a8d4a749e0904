package arabic

import (
	"slices"
	"testing"
)

func TestRunesMatchesConversion(t *testing.T) {
	for _, s := range []string{
		"", "abc", "قال الجيش: 35 قتيلا", "ﻻ ٣٥ ۱۲ 😀 é", "\xff\xfe", "\xd8", "ق\xd8", "\xe2\x80", "a\xc0\xafb", "\xed\xa0\x80",
	} {
		if got, want := Runes(s), []rune(s); !slices.Equal(got, want) {
			t.Errorf("Runes(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzRunes(f *testing.F) {
	f.Add("طرابلس (رويترز) - قال")
	f.Add("\xd9\xa0\xff")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Runes(s), []rune(s); !slices.Equal(got, want) {
			t.Fatalf("Runes(%q) = %q, want %q", s, got, want)
		}
	})
}
