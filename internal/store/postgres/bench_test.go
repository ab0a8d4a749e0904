package postgres

import (
	"context"
	"sort"
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
