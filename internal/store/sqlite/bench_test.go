package sqlite

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/store"
	"github.com/marsad/marsad/internal/store/storetest"
)

// BenchmarkIngest measures PutDocument of generated articles into a fresh
// database: the articles/s metric is the ingest rate.
func BenchmarkIngest(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	docs := make([]record.Document, b.N)
	for i := range docs {
		docs[i] = storetest.Generate(i)
	}
	b.ResetTimer()
	cpu := cpuSeconds()
	for i := range docs {
		if _, err := s.PutDocument(ctx, docs[i]); err != nil {
			b.Fatal(err)
		}
	}
	reportIngest(b, cpu)
}

// ingestBatch is the batch size of BenchmarkIngestBatch and of the bulk
// builds, as 'marsad ingest' uses.
const ingestBatch = 100

// BenchmarkIngestBatch measures PutDocuments in batches of ingestBatch, the
// way 'marsad ingest' stores analysed articles.
func BenchmarkIngestBatch(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	docs := make([]record.Document, b.N)
	for i := range docs {
		docs[i] = storetest.Generate(i)
	}
	b.ResetTimer()
	cpu := cpuSeconds()
	for i := 0; i < len(docs); i += ingestBatch {
		if _, err := s.PutDocuments(ctx, docs[i:min(len(docs), i+ingestBatch)]); err != nil {
			b.Fatal(err)
		}
	}
	reportIngest(b, cpu)
}

// reportIngest reports the ingest rate by the wall clock and the CPU time
// per article (all of the process's threads, since cpu0), which holds on
// a shared machine where the wall clock does not.
func reportIngest(b *testing.B, cpu0 float64) {
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric((cpuSeconds()-cpu0)*1000/float64(b.N), "cpu-ms/article")
}

// benchQueries mix words found in most articles (ordered newest first),
// names found in a few thousand (ranked by BM25), full names found in a few
// dozen, clitic forms and multi-word queries.
var benchQueries = []string{"قوات", "والقوات", "الجيش", "غارة", "قصف المدينة", "وقف إطلاق النار",
	"الهلال الأحمر", "تجويع", "بالمدينة", "طرابلس",
	"الككلي", "والسنوسي", "منصور", "لمفتاح", "خالد الزوي", "ناصر الدبيبة", "سعيد الحاسي", "فتحي باشاغا",
	"عادل التاجوري", "الهادي الورفلي غارة"}

// benchStore opens the database of n generated articles that the search
// benchmark reads, building it on first use (it is kept in the system's
// temporary directory, or at $MARSAD_BENCH_DB, so later runs skip the build).
func benchStore(b *testing.B, n int) *Store {
	ctx := context.Background()
	path := os.Getenv("MARSAD_BENCH_DB")
	if path == "" {
		path = filepath.Join(os.TempDir(), fmt.Sprintf("marsad-bench-%d.db", n))
	}
	s, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if st.Documents < n {
		b.Logf("building %s with %d generated articles (once)", path, n)
		start := time.Now()
		for i := st.Documents; i < n; i += ingestBatch {
			batch := make([]record.Document, 0, ingestBatch)
			for j := i; j < min(n, i+ingestBatch); j++ {
				batch = append(batch, storetest.Generate(j))
			}
			if _, err := s.PutDocuments(ctx, batch); err != nil {
				b.Fatal(err)
			}
		}
		b.Logf("built in %s (%.0f articles/s)", time.Since(start).Round(time.Second),
			float64(n-st.Documents)/time.Since(start).Seconds())
	}
	return s
}

func benchDocs() int {
	if n, err := strconv.Atoi(os.Getenv("MARSAD_BENCH_DOCS")); err == nil && n > 0 {
		return n
	}
	return 100_000
}

// BenchmarkSearch measures Search (count, BM25 ranking of the first page of
// 20, and highlighted snippets) over 100,000 generated articles, reporting
// the latency percentiles over all the queries run.
func BenchmarkSearch(b *testing.B) {
	s := benchStore(b, benchDocs())
	defer s.Close()
	runLatency(b, func(ctx context.Context, q string) error {
		_, err := s.Search(ctx, q, store.Page{Limit: 20})
		return err
	})
}

// eventFilters are the event lists the map view asks for: by type, date
// range, bounding box, actor, outlet and text, alone and combined.
var eventFilters = []struct {
	name string
	f    store.EventFilter
}{
	{"all", store.EventFilter{}},
	{"type", store.EventFilter{EventType: "Battles"}},
	{"subtype+month", store.EventFilter{EventType: "Air/drone strike", From: "2024-03-01", To: "2024-03-31"}},
	{"week", store.EventFilter{From: "2024-06-01", To: "2024-06-07"}},
	{"bbox", store.EventFilter{BBox: &store.BBox{MinLon: 12.5, MinLat: 32.5, MaxLon: 13.5, MaxLat: 33.2}}},
	{"bbox+type+from", store.EventFilter{BBox: &store.BBox{MinLon: 9, MinLat: 19, MaxLon: 26, MaxLat: 34}, EventType: "Protests", From: "2024-05"}},
	{"actor-id", store.EventFilter{Actor: "gen:a3"}},
	{"actor-name+type", store.EventFilter{Actor: "الصمود", EventType: "Battles"}},
	{"outlet+from", store.EventFilter{Outlet: "وكالة السهم", From: "2024-02"}},
	{"text-name", store.EventFilter{Query: "الككلي"}},
	{"text-fullname", store.EventFilter{Query: "خالد الزوي"}},
	{"text+type", store.EventFilter{Query: "قصف", EventType: "Battles"}},
}

// BenchmarkListEvents measures event lists of 200 (the map's page) under
// each filter mix of eventFilters, reporting latency percentiles per mix.
func BenchmarkListEvents(b *testing.B) {
	s := benchStore(b, benchDocs())
	defer s.Close()
	ctx := context.Background()
	for _, ef := range eventFilters {
		b.Run(ef.name, func(b *testing.B) {
			f := ef.f
			f.Limit = 200
			// Warm the page cache once so the figures are for a running server.
			if _, err := s.ListEvents(ctx, f); err != nil {
				b.Fatal(err)
			}
			lat := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				start := time.Now()
				if _, err := s.ListEvents(ctx, f); err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(start))
			}
			b.StopTimer()
			reportLatency(b, lat)
		})
	}
}

func runLatency(b *testing.B, run func(context.Context, string) error) {
	ctx := context.Background()
	// Warm the page cache once so the figures are for a running server.
	for _, q := range benchQueries {
		if err := run(ctx, q); err != nil {
			b.Fatal(err)
		}
	}
	var lat []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := benchQueries[i%len(benchQueries)]
		start := time.Now()
		if err := run(ctx, q); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	reportLatency(b, lat)
}

func reportLatency(b *testing.B, lat []time.Duration) {
	slices.Sort(lat)
	pct := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, "max-ms")
}
