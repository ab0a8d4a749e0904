package arabic

import (
	"testing"

	"github.com/blevesearch/bleve/v2/analysis/lang/ar"
	"github.com/blevesearch/bleve/v2/registry"
)

// The benchmarks run on the same generated corpus, one call per article as
// the pipeline makes them, so that their MB/s sit side by side:
//
//	go test -run '^$' -bench 'NormalizeTokenize|Bleve' ./internal/arabic/

func BenchmarkNormalizeTokenize(b *testing.B) {
	articles := benchArticles()
	DefaultLexicon() // loaded once per process, not per text
	b.SetBytes(int64(corpusBytes(articles)))
	b.ReportAllocs()
	tokens := 0
	for b.Loop() {
		tokens = 0
		for _, a := range articles {
			_ = Normalize(a)
			tokens += len(Tokenize(a))
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkNormalizeTokenizeCold is BenchmarkNormalizeTokenize with the
// caches of words already read emptied before each pass over the corpus:
// the speed of a process that has just started.
func BenchmarkNormalizeTokenizeCold(b *testing.B) {
	articles := benchArticles()
	base := DefaultLexicon()
	b.SetBytes(int64(corpusBytes(articles)))
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		lex := base.Extend(nil, nil) // same words, empty caches
		b.StartTimer()
		for _, a := range articles {
			_ = Normalize(a)
			_ = lex.Tokenize(a)
		}
	}
}

func corpusBytes(articles []string) int {
	n := 0
	for _, a := range articles {
		n += len(a)
	}
	return n
}

func BenchmarkTokenize(b *testing.B) {
	text := benchCorpus()
	DefaultLexicon()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		_ = Tokenize(text)
	}
}

func BenchmarkNormalize(b *testing.B) {
	text := benchCorpus()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		_ = Normalize(text)
	}
}

func BenchmarkBleveArabicAnalyzer(b *testing.B) {
	articles := benchArticles()
	texts := make([][]byte, len(articles))
	for i, a := range articles {
		texts[i] = []byte(a)
	}
	analyzer, err := registry.NewCache().AnalyzerNamed(ar.AnalyzerName)
	if err != nil {
		b.Fatalf("bleve %s analyzer: %v", ar.AnalyzerName, err)
	}
	b.SetBytes(int64(corpusBytes(articles)))
	b.ReportAllocs()
	tokens := 0
	for b.Loop() {
		tokens = 0
		for _, t := range texts {
			tokens += len(analyzer.Analyze(t))
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkSentences(b *testing.B) {
	articles := benchArticles()
	b.SetBytes(int64(corpusBytes(articles)))
	for b.Loop() {
		for _, a := range articles {
			_ = Sentences(a)
		}
	}
}

// tokenized returns the corpus articles with their tokens, as a pipeline
// that tokenises once holds them.
func tokenized() ([]string, [][]Token) {
	articles := benchArticles()
	toks := make([][]Token, len(articles))
	for i, a := range articles {
		toks[i] = Tokenize(a)
	}
	return articles, toks
}

func BenchmarkFindNumbersIn(b *testing.B) {
	articles, toks := tokenized()
	b.SetBytes(int64(corpusBytes(articles)))
	for b.Loop() {
		for i, a := range articles {
			_ = FindNumbersIn(a, toks[i])
		}
	}
}

func BenchmarkFindDatesIn(b *testing.B) {
	articles, toks := tokenized()
	ref := d("2020-06-13")
	b.SetBytes(int64(corpusBytes(articles)))
	for b.Loop() {
		for i, a := range articles {
			_ = FindDatesIn(a, toks[i], ref)
		}
	}
}
