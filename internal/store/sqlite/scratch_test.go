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
		`SELECT count(*) FROM event_actors ea CROSS JOIN events e ON e.id=ea.event WHERE ea.actor_id='gen:a3' AND e.event_type='Battles'`,
		`SELECT count(*) FROM events e WHERE e.event_type='Battles' AND e.id IN (SELECT event FROM event_actors WHERE actor_id='gen:a3')`,
		`SELECT count(*) FROM events e WHERE e.event_type='Battles' AND EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event = e.id AND ea.actor_id='gen:a3')`,
		`SELECT count(*) FROM event_actors ea JOIN events e ON e.id=ea.event WHERE ea.actor_id='gen:a3' AND e.event_type='Battles'`,
		`SELECT ea.event, ea.date FROM event_actors ea CROSS JOIN events e ON e.id=ea.event WHERE ea.actor_id='gen:a3' AND e.event_type='Battles' ORDER BY ea.date DESC, ea.event DESC LIMIT 200`,
		`SELECT count(*) FROM event_actors ea WHERE ea.actor_id='gen:a3'`,
		`SELECT ea.event, ea.date FROM event_actors ea WHERE ea.actor_id='gen:a3' ORDER BY ea.date DESC, ea.event DESC LIMIT 200`,
		`SELECT count(*) FROM events e WHERE e.event_type='Battles'`,
		`SELECT count(*) FROM events e`,
		`SELECT e.id, e.date FROM events e WHERE e.event_type='Battles' ORDER BY e.date DESC, e.id DESC LIMIT 200`,
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
		var best time.Duration
		for i := 0; i < 5; i++ {
			start := time.Now()
			rows, err := s.reader.QueryContext(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
			}
			rows.Close()
			if d := time.Since(start); i == 0 || d < best {
				best = d
			}
		}
		t.Logf("    best %v", best)
	}
}
