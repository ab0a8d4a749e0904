package postgres

import (
	"context"
	"os"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/store"
	"github.com/marsad/marsad/internal/store/storetest"
)

// BenchmarkPutDocuments stores generated articles 64 to a transaction, as
// a worker's committer does under load; it reports documents per second.
func BenchmarkPutDocuments(b *testing.B) {
	s := openEmpty(b)
	ctx := context.Background()
	const batch = 64
	b.ResetTimer()
	began := time.Now()
	for i := 0; i < b.N; i += batch {
		docs := make([]record.Document, 0, batch)
		for j := i; j < min(i+batch, b.N); j++ {
			docs = append(docs, storetest.Generate(j))
		}
		if _, err := s.PutDocuments(ctx, docs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/time.Since(began).Seconds(), "docs/s")
}

// BenchmarkSearch runs searches over 5,000 generated articles and reports
// the median and 99th-percentile latency.
func BenchmarkSearch(b *testing.B) {
	s := openEmpty(b)
	ctx := context.Background()
	const docs = 5000
	for i := 0; i < docs; i += 100 {
		batch := make([]record.Document, 0, 100)
		for j := i; j < i+100; j++ {
			batch = append(batch, storetest.Generate(j))
		}
		if _, err := s.PutDocuments(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	queries := []string{"والقوات", "مسيرة قصف", "البرعصي", "تقرير رقم 4321", "الهلال الأحمر"}
	latencies := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		began := time.Now()
		if _, err := s.Search(ctx, queries[i%len(queries)], store.Page{Limit: 20}); err != nil {
			b.Fatal(err)
		}
		latencies = append(latencies, time.Since(began))
	}
	b.StopTimer()
	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	b.ReportMetric(float64(latencies[len(latencies)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(latencies[len(latencies)*99/100].Microseconds())/1000, "p99-ms")
}

// BenchmarkListEvents measures event lists of 200 under the filter mixes
// of the SQLite store's benchmark, over $MARSAD_BENCH_DOCS generated
// articles (default 20,000, about 40,000 events), reporting latency
// percentiles per mix.
func BenchmarkListEvents(b *testing.B) {
	s := openEmpty(b)
	ctx := context.Background()
	docs := 20_000
	if n, err := strconv.Atoi(os.Getenv("MARSAD_BENCH_DOCS")); err == nil && n > 0 {
		docs = n
	}
	for i := 0; i < docs; i += 100 {
		batch := make([]record.Document, 0, 100)
		for j := i; j < min(docs, i+100); j++ {
			batch = append(batch, storetest.Generate(j))
		}
		if _, err := s.PutDocuments(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := s.pool.Exec(ctx, "ANALYZE"); err != nil {
		b.Fatal(err)
	}
	filters := []struct {
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
	for _, ef := range filters {
		b.Run(ef.name, func(b *testing.B) {
			f := ef.f
			f.Limit = 200
			if _, err := s.ListEvents(ctx, f); err != nil { // warm the cache
				b.Fatal(err)
			}
			latencies := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				began := time.Now()
				if _, err := s.ListEvents(ctx, f); err != nil {
					b.Fatal(err)
				}
				latencies = append(latencies, time.Since(began))
			}
			b.StopTimer()
			sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
			b.ReportMetric(float64(latencies[len(latencies)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(latencies[len(latencies)*99/100].Microseconds())/1000, "p99-ms")
		})
	}
}
