package sqlite

import (
	"context"
	"os"
	"testing"
	"time"
)

func TestScratchExplain(t *testing.T) {
	path := os.Getenv("SCRATCH_DB")
	if path == "" {
		t.Skip()
	}
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, q := range []string{
		`SELECT count(*) FROM events e WHERE e.id IN (SELECT event FROM event_actors WHERE actor_id IN ('gen:a3'))`,
		`SELECT e.id, e.date FROM events e WHERE e.id IN (SELECT event FROM event_actors WHERE actor_id IN ('gen:a3')) ORDER BY e.date DESC, e.id DESC LIMIT 200`,
		`SELECT count(*) FROM event_actors WHERE actor_id = 'gen:a3'`,
		`SELECT count(DISTINCT event) FROM event_actors WHERE actor_id = 'gen:a3'`,
		`SELECT count(*) FROM events e WHERE e.lon BETWEEN 12.5 AND 13.5 AND e.lat BETWEEN 32.5 AND 33.2`,
		`SELECT e.id, e.date FROM events e WHERE e.lon BETWEEN 12.5 AND 13.5 AND e.lat BETWEEN 32.5 AND 33.2 ORDER BY e.date DESC, e.id DESC LIMIT 200`,
	} {
		rows, err := s.reader.QueryContext(ctx, "EXPLAIN QUERY PLAN "+q)
		if err != nil {
			t.Fatal(err)
		}
		t.Log(q)
		for rows.Next() {
			var a, b, c int
			var d string
			rows.Scan(&a, &b, &c, &d)
			t.Log("   ", d)
		}
		rows.Close()
		start := time.Now()
		for i := 0; i < 5; i++ {
			rows, err := s.reader.QueryContext(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for rows.Next() {
				n++
			}
			rows.Close()
		}
		t.Logf("    %v per run", time.Since(start)/5)
	}
}
