package storetest

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/marsad/marsad/internal/store"
)

// Concurrency parameters: bounded so the test stays quick on two cores.
const (
	concurrentReaders = 50
	concurrentDocs    = 200
)

// testConcurrentReaders ingests generated documents while 50 readers query
// the store; no reader may fail, no reader may see counts go backwards, and
// every document must be stored at the end.
func testConcurrentReaders(t *testing.T, s store.Store) {
	ctx := context.Background()
	var done atomic.Bool
	var reads atomic.Int64
	errs := make(chan error, concurrentReaders+1)
	var wg sync.WaitGroup
	for r := 0; r < concurrentReaders; r++ {
		wg.Add(1)
		go func(r int) {
			defer wg.Done()
			lastDocs, lastEvents := 0, 0
			for i := 0; ; i++ {
				finished := done.Load()
				var err error
				switch (r + i) % 4 {
				case 0:
					var st store.Stats
					st, err = s.Stats(ctx)
					if err == nil && (st.Documents < lastDocs || st.Events < lastEvents) {
						err = fmt.Errorf("reader %d: counts went back from %d/%d to %d/%d",
							r, lastDocs, lastEvents, st.Documents, st.Events)
					}
					lastDocs, lastEvents = st.Documents, st.Events
				case 1:
					_, err = s.Search(ctx, "القوات", store.Page{Limit: 10})
				case 2:
					_, err = s.ListEvents(ctx, store.EventFilter{EventType: "Battles", Page: store.Page{Limit: 20}})
				case 3:
					_, err = s.ListDocuments(ctx, store.DocumentFilter{Page: store.Page{Limit: 20}})
				}
				reads.Add(1)
				if err != nil {
					errs <- err
					return
				}
				if finished {
					return
				}
			}
		}(r)
	}
	wantEvents := 0
	for i := 0; i < concurrentDocs; i++ {
		d := Generate(i)
		wantEvents += len(d.Events)
		if _, err := s.PutDocument(ctx, d); err != nil {
			errs <- fmt.Errorf("writer: %w", err)
			break
		}
	}
	done.Store(true)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	st := mustStats(t, s)
	if st.Documents != concurrentDocs || st.Events != wantEvents {
		t.Errorf("after ingest: %d documents, %d events; want %d, %d", st.Documents, st.Events, concurrentDocs, wantEvents)
	}
	if reads.Load() < concurrentReaders {
		t.Errorf("only %d reads ran", reads.Load())
	}
}
