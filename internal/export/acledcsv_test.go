package export

import (
	"bytes"
	"encoding/csv"
	"testing"

	"github.com/marsad/marsad/internal/record"
)

// acledHeader is ACLED's export header, written out here rather than taken
// from ACLEDColumns so that a change to either is caught.
var acledHeader = []string{
	"event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
	"actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
	"iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
	"source", "source_scale", "notes", "fatalities", "tags", "timestamp",
}

// readCSV parses CSV output and checks its shape: ACLED's header, then rows
// of as many fields.
func readCSV(t *testing.T, out []byte) []map[string]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(out))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v", err)
	}
	if len(rows) == 0 {
		t.Fatal("no header")
	}
	if len(rows[0]) != len(acledHeader) {
		t.Fatalf("header has %d columns, want %d: %v", len(rows[0]), len(acledHeader), rows[0])
	}
	for i, h := range acledHeader {
		if rows[0][i] != h {
			t.Errorf("column %d is %q, want %q", i+1, rows[0][i], h)
		}
	}
	var out2 []map[string]string
	for n, row := range rows[1:] {
		if len(row) != len(acledHeader) {
			t.Errorf("row %d has %d fields, want %d", n+1, len(row), len(acledHeader))
			continue
		}
		m := map[string]string{}
		for i, h := range acledHeader {
			m[h] = row[i]
		}
		out2 = append(out2, m)
	}
	return out2
}

// TestACLEDCSVRow: a strike by a foreign army on civilians in Lebanon,
// reported by a national agency, fills every column the record allows.
func TestACLEDCSVRow(t *testing.T) {
	d := record.Document{
		Schema: record.Schema, DocID: "lb-1",
		Source: record.Source{Outlet: record.Str("موقع محلي"), Agency: record.Str("NNA")},
		Body:   "قتل مدنيان في غارة.",
		Events: []record.Event{{
			ID: "ev:1", EventType: "Explosions/Remote violence", SubEventType: "Air/drone strike",
			Date: record.Str("2024-10-05"), TimePrecision: 1,
			Actor1:      &record.Actor{ID: "kb:idf", Name: "الجيش الإسرائيلي", NameEn: record.Str("Israel Defense Forces"), Inter: 8},
			Actor2:      &record.Actor{ID: "acled:civilians:LB", Name: "مدنيون (لبنان)", NameEn: record.Str("Civilians (Lebanon)"), Inter: 7},
			AssocActors: []record.Actor{},
			Location: &record.Location{Name: "النبطية", NameEn: record.Str("Nabatieh"), Lat: record.Float(33.378), Lon: record.Float(35.484),
				Admin1: record.Str("Nabatieh"), Country: record.Str("LB"), GeoPrecision: 2, NamedPlace: "كفر سالم"},
			Fatalities: record.Int(2), Evidence: "قتل مدنيان\nفي غارة.", Span: [2]int{0, 19},
		}},
	}
	var buf bytes.Buffer
	w := NewACLEDCSV(&buf)
	w.Timestamp = 1730800000
	if err := w.Write(d); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, buf.Bytes())
	if len(rows) != 1 {
		t.Fatalf("%d rows, want 1", len(rows))
	}
	want := map[string]string{
		"event_id_cnty": "ev:1", "event_date": "2024-10-05", "year": "2024", "time_precision": "1",
		"disorder_type": "Political violence", "actor1": "Israel Defense Forces", "inter1": "8",
		"actor2": "Civilians (Lebanon)", "inter2": "7", "interaction": "78", "civilian_targeting": "Civilian targeting",
		"iso": "422", "region": "Middle East", "country": "Lebanon", "admin1": "Nabatieh", "location": "Nabatieh",
		"latitude": "33.3780", "longitude": "35.4840", "geo_precision": "2", "source": "موقع محلي; NNA",
		"source_scale": "National", "notes": "قتل مدنيان في غارة.", "fatalities": "2", "tags": "", "timestamp": "1730800000",
	}
	for k, v := range want {
		if rows[0][k] != v {
			t.Errorf("%s = %q, want %q", k, rows[0][k], v)
		}
	}
}

// TestACLEDCSVEmpty: no documents still give the header, and an event
// with nothing known gives a row of the right width with the unknown
// columns empty.
func TestACLEDCSVEmpty(t *testing.T) {
	var buf bytes.Buffer
	w := NewACLEDCSV(&buf)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if rows := readCSV(t, buf.Bytes()); len(rows) != 0 {
		t.Errorf("%d rows from no documents", len(rows))
	}
	buf.Reset()
	w = NewACLEDCSV(&buf)
	d := record.Document{DocID: "x", Events: []record.Event{{EventType: "Protests", SubEventType: "Peaceful protest", TimePrecision: 3}}}
	if err := w.Write(d); err != nil {
		t.Fatal(err)
	}
	w.Close()
	rows := readCSV(t, buf.Bytes())
	if len(rows) != 1 {
		t.Fatalf("%d rows, want 1", len(rows))
	}
	for _, col := range []string{"inter1", "inter2", "interaction", "iso", "region", "country", "source_scale", "civilian_targeting"} {
		if rows[0][col] != "" {
			t.Errorf("%s = %q for an event with nothing known", col, rows[0][col])
		}
	}
	if rows[0]["timestamp"] == "" {
		t.Error("no timestamp")
	}
}

func TestInteraction(t *testing.T) {
	tests := []struct {
		a, b int
		want string
	}{
		{1, 2, "12"}, {2, 1, "12"}, {8, 7, "78"}, {3, 3, "33"}, {6, 0, "60"}, {0, 7, ""}, {0, 0, ""},
	}
	for _, tc := range tests {
		if got := interaction(tc.a, tc.b); got != tc.want {
			t.Errorf("interaction(%d, %d) = %q, want %q", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestInterFromConventionalIDs: records without codes still get them for
// the actors the events stage makes by ACLED's conventions.
func TestInterFromConventionalIDs(t *testing.T) {
	tests := []struct {
		a    *record.Actor
		want int
	}{
		{nil, 0},
		{&record.Actor{ID: "acled:civilians:SD"}, 7},
		{&record.Actor{ID: "acled:protesters:IQ"}, 6},
		{&record.Actor{ID: "acled:rioters"}, 5},
		{&record.Actor{ID: "acled:unidentified:LY"}, 3},
		{&record.Actor{ID: "kb:sd-saf", Inter: 1}, 1},
		{&record.Actor{ID: "kb:someone"}, 0},
	}
	for _, tc := range tests {
		if got := interOf(tc.a); got != tc.want {
			t.Errorf("interOf(%+v) = %d, want %d", tc.a, got, tc.want)
		}
	}
}

func TestSourceScale(t *testing.T) {
	tests := []struct {
		name           string
		outlet, agency string
		url            string
		country        string
		want           string
	}{
		{"world agency", "", "Reuters", "", "SO", "International"},
		{"own national agency", "", "SANA", "", "SY", "National"},
		{"a neighbour's agency", "", "WAM", "", "YE", "Regional"},
		{"a far country's agency", "", "IRNA", "", "SD", "International"},
		{"pan-Arab outlet", "الجزيرة نت", "", "", "LY", "Regional"},
		{"pan-Arab outlet and a world agency", "سكاي نيوز عربية", "AFP", "", "YE", "Regional-International"},
		{"national outlet by its domain", "news.example.iq", "", "", "IQ", "National"},
		{"national outlet by its address", "", "", "https://www.example.ly/news/1", "LY", "National"},
		{"unknown outlet", "موقع محلي", "", "", "LY", ""},
		{"generic domain", "example.tv", "", "", "LY", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := record.Source{Outlet: record.Str(tc.outlet), Agency: record.Str(tc.agency), URL: record.Str(tc.url)}
			if got := sourceScale(src, tc.country); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestCountries: the table covers ACLED's names, ISO numeric codes and
// regions; an unknown code passes through without iso or region.
func TestCountries(t *testing.T) {
	tests := []struct{ code, iso, name, region string }{
		{"LY", "434", "Libya", "Northern Africa"},
		{"SD", "729", "Sudan", "Northern Africa"},
		{"SO", "706", "Somalia", "Eastern Africa"},
		{"ML", "466", "Mali", "Western Africa"},
		{"TD", "148", "Chad", "Middle Africa"},
		{"PS", "275", "Palestine", "Middle East"},
		{"ye", "887", "Yemen", "Middle East"},
		{"ZZ", "", "ZZ", ""},
	}
	for _, tc := range tests {
		c := countryOf(tc.code)
		if c.iso != tc.iso || c.name != tc.name || c.region != tc.region {
			t.Errorf("%s: got %+v, want %s %s %s", tc.code, c, tc.iso, tc.name, tc.region)
		}
	}
	for code, c := range countries {
		if len(code) != 2 || c.name == "" || c.region == "" || c.iso != "" && len(c.iso) != 3 {
			t.Errorf("%s: incomplete entry %+v", code, c)
		}
	}
}
