package postgres

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/marsad/marsad/internal/store"
)

// schemaVersion is kept in the marsad_schema table. A database of an older
// version is migrated by Open; one of a newer version is refused.
const schemaVersion = 2

// schemaVersionOf reads the database's schema version: 0 for an empty
// database, 1 for one made before versions were recorded.
func schemaVersionOf(ctx context.Context, tx pgx.Tx) (int, error) {
	var versioned, documents bool
	// Only the schema tables are created in counts: a documents table
	// further along the search path is another database's.
	err := tx.QueryRow(ctx, `SELECT
		EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'marsad_schema'),
		EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'documents')`).
		Scan(&versioned, &documents)
	if err != nil {
		return 0, err
	}
	if !versioned {
		if documents {
			return 1, nil
		}
		return 0, nil
	}
	var version int
	err = tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM marsad_schema`).Scan(&version)
	return version, err
}

// migrateV1 brings a version-1 database to version 2: event_actors is
// rebuilt keyed by actor key (store.ActorKey: version 1 kept an empty id
// for an actor without one) and date, with the event's types, and the
// actor_names table is filled. The keys are computed here from the stored
// event records, in batches, since SQL cannot normalise Arabic as marsad
// does. The rest of the schema is created after it.
func migrateV1(ctx context.Context, tx pgx.Tx) error {
	if _, err := tx.Exec(ctx, `DROP TABLE IF EXISTS event_actors`); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, schema); err != nil {
		return err
	}
	const batch = 5000
	var last int64
	for {
		rows, err := tx.Query(ctx, `SELECT id, date, event_type, sub_event_type, record FROM events
			WHERE id > $1 ORDER BY id LIMIT $2`, last, batch)
		if err != nil {
			return err
		}
		var events []int64
		var dates, types, subTypes []string
		var recs []string
		for rows.Next() {
			var id int64
			var date, typ, sub, rec string
			if err := rows.Scan(&id, &date, &typ, &sub, &rec); err != nil {
				rows.Close()
				return err
			}
			events, dates, types, subTypes, recs = append(events, id), append(dates, date), append(types, typ),
				append(subTypes, sub), append(recs, rec)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(events) == 0 {
			return nil
		}
		b := &pgx.Batch{}
		for i, rec := range recs {
			var row store.EventRow
			if err := json.Unmarshal([]byte(rec), &row); err != nil {
				return fmt.Errorf("event %d: %w", events[i], err)
			}
			keys, norms := actorKeys(row.Event)
			queueActorNames(b, keys, norms)
			b.Queue(`INSERT INTO event_actors (actor_id, date, event, event_type, sub_event_type)
				SELECT DISTINCT k, $1, $2::bigint, $3, $4 FROM unnest($5::text[]) AS a(k)`,
				dates[i], events[i], types[i], subTypes[i], keys)
		}
		if err := tx.SendBatch(ctx, b).Close(); err != nil {
			return err
		}
		last = events[len(events)-1]
	}
}
