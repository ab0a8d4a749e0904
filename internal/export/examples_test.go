package export_test

import (
	"bytes"
	"encoding/csv"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/marsad/marsad/internal/analyze"
	"github.com/marsad/marsad/internal/export"
)

// TestExamplesACLEDCSV runs the whole pipeline over the project's example
// articles (several wars, outlets and input formats) into ACLED CSV and
// reads it back with encoding/csv: ACLED's header, a row of 31 fields per
// event, and the columns filled wherever the record allows — a located
// event has its country, ISO code and region; an actor type code gives an
// interaction; civilians as actor2 mark civilian targeting.
func TestExamplesACLEDCSV(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*"))
	if len(paths) == 0 {
		t.Skip("no examples")
	}
	var buf bytes.Buffer
	w, err := export.New(export.ACLEDCSVFormat, &buf)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := analyze.Run(paths, w, analyze.Options{Workers: 1}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v", err)
	}
	if len(rows) < 2 {
		t.Fatalf("%d rows: no events from the examples", len(rows))
	}
	if strings.Join(rows[0], ",") != strings.Join(export.ACLEDColumns, ",") || len(rows[0]) != 31 {
		t.Fatalf("header %v", rows[0])
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	var withInter2, withScale, withCivilians int
	for n, row := range rows[1:] {
		if len(row) != 31 {
			t.Errorf("row %d: %d fields", n+1, len(row))
			continue
		}
		get := func(c string) string { return row[col[c]] }
		if p := get("time_precision"); p != "1" && p != "2" && p != "3" {
			t.Errorf("row %d: time_precision %q", n+1, p)
		}
		if get("latitude") == "" || get("country") == "" || get("iso") == "" || get("region") == "" {
			t.Errorf("row %d: location incomplete: %q %q %q %q (%s)", n+1, get("latitude"), get("country"), get("iso"), get("region"), get("notes"))
		}
		if get("inter1") != "" {
			i1, _ := strconv.Atoi(get("inter1"))
			if get("interaction") == "" || !strings.HasPrefix(get("interaction"), strconv.Itoa(min(i1, atoiOr(get("inter2"), 9)))) {
				t.Errorf("row %d: inter1 %s inter2 %s interaction %q", n+1, get("inter1"), get("inter2"), get("interaction"))
			}
		}
		if get("inter2") != "" {
			withInter2++
		}
		if get("source_scale") != "" {
			withScale++
		}
		if strings.HasPrefix(get("actor2"), "Civilians") {
			withCivilians++
			if get("civilian_targeting") != "Civilian targeting" || get("inter2") != "7" {
				t.Errorf("row %d: civilians without civilian targeting: %v", n+1, row)
			}
		}
		if get("timestamp") == "" || get("notes") == "" {
			t.Errorf("row %d: no timestamp or notes", n+1)
		}
	}
	if withInter2 == 0 || withScale == 0 || withCivilians == 0 {
		t.Errorf("examples give %d rows with inter2, %d with a source scale, %d with civilians: want some of each", withInter2, withScale, withCivilians)
	}
}

func atoiOr(s string, def int) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return def
}
