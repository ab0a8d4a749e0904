package clean

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/marsad/marsad/internal/synth"
)

// BenchmarkText measures the plain-text cleaner alone on generated pages.
func BenchmarkText(b *testing.B) {
	pages := synth.Corpus(3, 500)
	var total int64
	for _, p := range pages {
		total += int64(len(p.Text))
	}
	b.SetBytes(total / int64(len(pages)))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Text(pages[i%len(pages)].Text, Options{})
	}
}

// BenchmarkHTML measures extraction of the example page with trafilatura
// and the cleaner.
func BenchmarkHTML(b *testing.B) {
	page, err := os.ReadFile(filepath.Join("..", "..", "examples", "somalia-mogadishu-attack.html"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := HTML(page); err != nil {
			b.Fatal(err)
		}
	}
}
