package quotes

import (
	"strings"
	"testing"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/doc"
)

// BenchmarkStage measures the quotes stage alone, over a long document of
// the fixtures whose sentences and tokens are already made, as in the
// pipeline. It reports sentences per second.
func BenchmarkStage(b *testing.B) {
	var sb strings.Builder
	var ents []ent
	for range 20 {
		for _, tc := range cases {
			sb.WriteString(tc.body)
			sb.WriteString("\n")
		}
	}
	for _, tc := range cases {
		ents = append(ents, tc.ents...)
	}
	d := docWith(sb.String(), ents...)
	for _, s := range arabic.Sentences(d.Body) {
		d.Sentences = append(d.Sentences, doc.Span{Start: s.Start, End: s.End})
	}
	d.Tokens = arabic.Tokenize(d.Body)
	b.ResetTimer()
	for b.Loop() {
		if err := (Stage{}).Process(d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(d.Sentences))*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}
