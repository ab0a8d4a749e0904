package analyze

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/marsad/marsad/internal/clean"
	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/export"
	"github.com/marsad/marsad/internal/meta"
	"github.com/marsad/marsad/internal/pipeline"
	"github.com/marsad/marsad/internal/synth"
)

// textLayer is the part of the pipeline this benchmark measures: clean,
// metadata and the Arabic core, without the later layers.
func textLayer() []pipeline.Stage {
	return []pipeline.Stage{clean.Stage{}, meta.Stage{}, ArabicStage{}}
}

// BenchmarkTextLayer measures the text layer on one core: a generated
// scraped article per op, from raw text to a document with body, metadata,
// sentences and tokens. It reports articles/s; MB/s is of the raw input.
func BenchmarkTextLayer(b *testing.B) {
	pages := synth.Corpus(1, 1000)
	var total int64
	for _, p := range pages {
		total += int64(len(p.Text))
	}
	b.SetBytes(total / int64(len(pages)))
	p := pipeline.Pipeline{Stages: textLayer()}
	// Warm the Arabic core's lazily loaded lexicon outside the timing.
	p.Run(&doc.Doc{Format: doc.Text, Raw: []byte(pages[0].Text)})
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; b.Loop(); i++ {
		pg := pages[i%len(pages)]
		d := &doc.Doc{ID: "x.txt", Path: "x.txt", Format: doc.Text, Raw: []byte(pg.Text)}
		if err := p.Run(d); err != nil {
			b.Fatal(err)
		}
	}
	reportRates(b, b.N, total/int64(len(pages))*int64(b.N), cpuTime()-cpu0)
}

// reportRates reports articles per second of wall time, and articles and
// MB per CPU-second — the per-core figures, which hold on a machine shared
// with other jobs where wall time does not.
func reportRates(b *testing.B, articles int, bytes int64, cpu time.Duration) {
	b.ReportMetric(float64(articles)/b.Elapsed().Seconds(), "articles/s")
	if cpu > 0 {
		b.ReportMetric(float64(articles)/cpu.Seconds(), "articles/cpu-s")
		b.ReportMetric(float64(bytes)/1e6/cpu.Seconds(), "MB/cpu-s")
	}
}

// BenchmarkAnalyzeFiles measures `marsad analyze` end to end on one worker:
// reading files from disk, the text layer, and writing JSON Lines.
func BenchmarkAnalyzeFiles(b *testing.B) {
	dir := b.TempDir()
	pages := synth.Corpus(2, 500)
	var total int64
	paths := make([]string, len(pages))
	for i, p := range pages {
		paths[i] = filepath.Join(dir, fmt.Sprintf("%04d.txt", i))
		if err := os.WriteFile(paths[i], []byte(p.Text), 0o644); err != nil {
			b.Fatal(err)
		}
		total += int64(len(p.Text))
	}
	b.SetBytes(total)
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		st, err := Run([]string{dir}, export.NewJSONL(io.Discard), Options{Workers: 1, Stages: textLayer()})
		if err != nil || st.Docs != len(pages) {
			b.Fatal(err, st)
		}
	}
	reportRates(b, b.N*len(pages), total*int64(b.N), cpuTime()-cpu0)
}
