package ner

import (
	"testing"
)

func BenchmarkTagExp(b *testing.B) {
	sents := func() []Sentence {
		t := &testing.T{}
		return loadTrain(t)
	}()
	cut := len(sents) * 9 / 10
	cfg := expConfig()
	m, err := Train(sents[:cut], cfg)
	if err != nil {
		b.Fatal(err)
	}
	dev := sents[cut:]
	tokens := 0
	for _, s := range dev {
		tokens += len(s.Words)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range dev {
			m.Tag(s.Words)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
