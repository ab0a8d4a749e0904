package meta

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// runeWindowByScan is the plain reading of runeIndex.window: the code
// points [from, to) of s, clamped.
func runeWindowByScan(s string, from, to int) string {
	rs := []rune(s)
	from, to = max(from, 0), min(to, len(rs))
	if from >= to {
		return ""
	}
	return string(rs[from:to])
}

func FuzzRuneIndexWindow(f *testing.F) {
	f.Add("أعلن الجيش في 29 مايو الماضي أن الانتخابات المقررة في ديسمبر 2026", 10, 40)
	f.Add("\xffق\xd8", 1, 3)
	f.Fuzz(func(t *testing.T, s string, from, to int) {
		if !utf8.ValidString(s) {
			return // bodies are valid UTF-8; the scan would re-encode bad bytes
		}
		ix := newRuneIndex(s)
		if got, want := ix.window(from, to), runeWindowByScan(s, from, to); got != want {
			t.Fatalf("window(%q, %d, %d) = %q, want %q", s, from, to, got, want)
		}
	})
}

func TestRuneIndexWindowLong(t *testing.T) {
	s := strings.Repeat("قصف ab ", 200)
	ix := newRuneIndex(s)
	for _, w := range [][2]int{{0, 5}, {63, 130}, {64, 64}, {1395, 1500}, {-5, 3}, {1399, 1400}, {1400, 1410}} {
		if got, want := ix.window(w[0], w[1]), runeWindowByScan(s, w[0], w[1]); got != want {
			t.Errorf("window(%d, %d) = %q, want %q", w[0], w[1], got, want)
		}
	}
}
