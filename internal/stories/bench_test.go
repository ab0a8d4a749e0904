package stories

import (
	"runtime"
	"testing"

	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/stories/synth"
)

// BenchmarkClusterer clusters and deduplicates synthetic corpora of 25k,
// 50k and 100k articles (274 a day; 20% wire copies) and a dense one (100k
// articles in 30 days, where far more stays in memory). Run it with
//
//	go test ./internal/stories -run '^$' -bench Clusterer -benchtime 1x
//
// It reports the time per document, the memory the Clusterer holds at the
// end (heap growth over the corpus itself), what it allocated, and the
// quality against the generator's truth.
func BenchmarkClusterer(b *testing.B) {
	// A steady stream of 274 articles a day (100k a year): cost per document
	// should not grow with the number of documents.
	stream := func(n int) synth.Config {
		c := synth.DefaultConfig(n)
		c.Days = n * 365 / 100_000
		return c
	}
	dense := synth.DefaultConfig(100_000)
	dense.Days = 30
	cases := []struct {
		name     string
		cfg      synth.Config
		parallel bool // AddAll: prepare on GOMAXPROCS goroutines, add in order
	}{
		{"docs=25k", stream(25_000), true},
		{"docs=50k", stream(50_000), true},
		{"docs=100k", stream(100_000), true},
		{"docs=100k/sequential", stream(100_000), false},
		{"docs=100k-in-30-days", dense, true},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			corpus := synth.Generate(tc.cfg)
			n := len(corpus.Docs)
			ptrs := make([]*record.Document, n)
			for i := range corpus.Docs {
				ptrs[i] = &corpus.Docs[i]
			}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			cpu0 := cpuSeconds()
			b.ResetTimer()
			var c *Clusterer
			for range b.N {
				c, _ = NewClusterer(Options{})
				if tc.parallel {
					c.AddAll(ptrs, 0)
				} else {
					for _, d := range ptrs {
						c.Add(d)
					}
				}
			}
			b.StopTimer()
			cpu := (cpuSeconds() - cpu0) / float64(b.N)
			runtime.ReadMemStats(&after)
			allocMB := float64(after.TotalAlloc-before.TotalAlloc) / float64(b.N) / (1 << 20)
			runtime.GC()
			runtime.ReadMemStats(&after)
			held := float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / (1 << 20)
			st := c.Stats()
			runtime.KeepAlive(c)

			q := synth.Evaluate(corpus)
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e9, "s/run")
			b.ReportMetric(cpu, "cpu-s/run")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/doc")
			b.ReportMetric(held, "MB-held")
			b.ReportMetric(allocMB, "MB-alloc")
			b.ReportMetric(q.StoryF1, "story-F1")
			b.ReportMetric(q.DuplicatePrecision, "dup-P")
			b.ReportMetric(q.DuplicateRecall, "dup-R")
			b.Logf("%s: %d docs, %d stories (truth %d), story P %.3f R %.3f; dup P %.3f R %.3f; live at end: %d docs, %d stories, %d events; heap sys %.0f MB",
				tc.name, n, q.Stories, q.TrueStories, q.StoryPrecision, q.StoryRecall, q.DuplicatePrecision, q.DuplicateRecall,
				st.LiveDocuments, st.LiveStories, st.LiveEvents, float64(after.HeapSys)/(1<<20))
		})
	}
}

// BenchmarkBuilder builds the story objects of a clustered 25k corpus.
func BenchmarkBuilder(b *testing.B) {
	corpus := synth.Generate(synth.DefaultConfig(25_000))
	c, _ := NewClusterer(Options{})
	for i := range corpus.Docs {
		c.Add(&corpus.Docs[i])
	}
	b.ResetTimer()
	for range b.N {
		bl := NewBuilder()
		for i := range corpus.Docs {
			bl.Add(&corpus.Docs[i])
		}
		if got := len(bl.Stories()); got == 0 {
			b.Fatal("no stories")
		}
		_ = bl.Framing()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(corpus.Docs)), "ns/doc")
}

// TestSyntheticQuality guards the clustering on a small synthetic corpus:
// the generator's stories and copies must be found well. The thresholds are
// far below what the benchmark reports, to fail on breakage, not on tuning.
func TestSyntheticQuality(t *testing.T) {
	corpus := synth.Generate(synth.DefaultConfig(3000))
	c, _ := NewClusterer(Options{})
	for i := range corpus.Docs {
		c.Add(&corpus.Docs[i])
	}
	q := synth.Evaluate(corpus)
	t.Logf("%+v", q)
	for name, v := range map[string]float64{"story F1": q.StoryF1, "duplicate precision": q.DuplicatePrecision, "duplicate recall": q.DuplicateRecall} {
		if v < 0.8 {
			t.Errorf("%s %.3f, want at least 0.8", name, v)
		}
	}
}
