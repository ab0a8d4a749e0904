package meta

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestFindNear: reading only the windows around years and month names
// finds the same absolute dates and relative months as reading the whole
// text, at the same offsets.
func TestFindNear(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no examples")
	}
	var texts []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	texts = append(texts, "في ٥ يونيو ٢٠٢٠ وقعت اشتباكات، وفي 29 مايو الماضي ثم في يوليو 2019 وبعدها في 3 أغسطس 2019.\nوفي أبريل الماضي.")
	ref := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	key := func(ms []Mention, keep func(Mention) bool) []string {
		var out []string
		for _, m := range ms {
			if keep(m) {
				out = append(out, fmt.Sprintf("%d:%s:%s", m.Start, m.Text, m.From.Format("2006-01-02")))
			}
		}
		return out
	}
	absolute := func(m Mention) bool { return !m.Relative }
	relMonth := func(m Mention) bool { return m.Relative && m.Calendar }
	for i, text := range texts {
		whole := key(ArabicDates(text, time.Time{}), absolute)
		near := key(findNear(text, yearAt, ArabicDates, time.Time{}), absolute)
		if !slices.Equal(whole, near) {
			t.Errorf("text %d, absolute dates:\nwhole %q\nnear  %q", i, whole, near)
		}
		whole = key(ArabicDates(text, ref), relMonth)
		near = key(findNear(text, monthNameAt, ArabicDates, ref), relMonth)
		if !slices.Equal(whole, near) {
			t.Errorf("text %d, relative months:\nwhole %q\nnear  %q", i, whole, near)
		}
	}
	if i, j := yearAt("عام ٢٠١٩ م"); i < 0 || !strings.HasPrefix("عام ٢٠١٩ م"[i:j], "٢٠١٩") {
		t.Errorf("yearAt on Arabic-Indic digits: %d %d", i, j)
	}
	if i, _ := monthNameAt("وفي حزيران الماضي"); i < 0 {
		t.Errorf("monthNameAt missed حزيران")
	}
	if i, _ := monthNameAt("وباب المدينة"); i >= 0 {
		t.Errorf("monthNameAt found a month in «وباب»")
	}
}
