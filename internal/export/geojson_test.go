package export

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/marsad/marsad/internal/record"
)

// TestGeoJSON: one Point per located event, [lon, lat], with the place the
// text named kept; an event without coordinates is counted, not written.
func TestGeoJSON(t *testing.T) {
	d := record.Document{DocID: "sd-1", Events: []record.Event{
		{ID: "ev:a", EventType: "Explosions/Remote violence", SubEventType: "Shelling/artillery/missile attack", TimePrecision: 1,
			Location: &record.Location{Name: "الفاشر", Lat: record.Float(13.63), Lon: record.Float(25.35), Country: record.Str("SD"),
				GeoPrecision: 2, NamedPlace: "مخيم الأمل"}},
		{ID: "ev:b", EventType: "Protests", SubEventType: "Peaceful protest", TimePrecision: 3},
	}}
	var buf bytes.Buffer
	g := NewGeoJSON(&buf)
	if err := g.Write(d); err != nil {
		t.Fatal(err)
	}
	if err := g.Close(); err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Type     string
		Features []struct {
			Geometry   struct{ Coordinates [2]float64 }
			Properties map[string]any
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &fc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, buf.String())
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) != 1 || g.Skipped != 1 {
		t.Fatalf("got %d features, %d skipped: %s", len(fc.Features), g.Skipped, buf.String())
	}
	f := fc.Features[0]
	if f.Geometry.Coordinates != [2]float64{25.35, 13.63} {
		t.Errorf("coordinates %v, want [lon lat]", f.Geometry.Coordinates)
	}
	if f.Properties["named_place"] != "مخيم الأمل" || f.Properties["geo_precision"] != 2.0 || f.Properties["country"] != "SD" {
		t.Errorf("properties %v", f.Properties)
	}
}
