package ner

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// benchText returns sentences to tag: the ANERcorp test split's tokens when
// the shared data is present (only its words are read), else the fixture
// repeated.
func benchText(b *testing.B) [][]string {
	b.Helper()
	var sents []Sentence
	if f, err := os.Open(filepath.Join(anercorpDir, "ANERCorp_CamelLab_test.txt")); err == nil {
		sents, err = ReadCoNLL(f, "test")
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
	} else {
		for range 200 {
			sents = append(sents, fixture(b)...)
		}
	}
	words := make([][]string, len(sents))
	for i, s := range sents {
		words[i] = s.Words
	}
	return words
}

func countTokens(sents [][]string) int {
	n := 0
	for _, s := range sents {
		n += len(s)
	}
	return n
}

// BenchmarkTagDocument tags a whole text as marsad ner does (both passes)
// and reports tokens per second on one goroutine.
func BenchmarkTagDocument(b *testing.B) {
	m, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	text := benchText(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m.TagDocument(text)
	}
	b.ReportMetric(float64(countTokens(text))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkTag tags sentence by sentence, each its own document.
func BenchmarkTag(b *testing.B) {
	m, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	text := benchText(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range text {
			m.Tag(s)
		}
	}
	b.ReportMetric(float64(countTokens(text))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkTagCoNLL measures the marsad ner path end to end: parsing
// CoNLL input, tagging, writing token<TAB>tag.
func BenchmarkTagCoNLL(b *testing.B) {
	m, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	text := benchText(b)
	var in bytes.Buffer
	for _, s := range text {
		for _, w := range s {
			in.WriteString(w + " O\n")
		}
		in.WriteString("\n")
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := m.TagCoNLL(bytes.NewReader(in.Bytes()), "bench", io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(countTokens(text))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkLoad measures reading the embedded model.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := ReadModel(bytes.NewReader(modelFile)); err != nil {
			b.Fatal(err)
		}
	}
}
