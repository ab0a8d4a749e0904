package clean

import (
	"strings"
	"testing"
	"unicode"
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
