package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"github.com/marsad/marsad/internal/record"
)

// GeoJSONFormat is the name of the GeoJSON format.
const GeoJSONFormat = "geojson"

func init() { Register(GeoJSONFormat, func(w io.Writer) Writer { return NewGeoJSON(w) }) }

// GeoJSON writes a FeatureCollection (RFC 7946) with one Point feature per
// located event, streaming: features are written as documents arrive.
// Events without coordinates cannot be placed and are counted in Skipped.
type GeoJSON struct {
	w       *bufio.Writer
	started bool
	n       int
	// Skipped counts events left out for lack of coordinates.
	Skipped int
}

// NewGeoJSON returns a GeoJSON writer to w.
func NewGeoJSON(w io.Writer) *GeoJSON { return &GeoJSON{w: bufio.NewWriter(w)} }

type feature struct {
	Type       string          `json:"type"`
	ID         string          `json:"id"`
	Geometry   point           `json:"geometry"`
	Properties eventProperties `json:"properties"`
}

type point struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

type eventProperties struct {
	EventID      string `json:"event_id"`
	DocID        string `json:"doc_id"`
	Date         string `json:"date"`
	EventType    string `json:"event_type"`
	SubEventType string `json:"sub_event_type"`
	Actor1       string `json:"actor1"`
	Actor2       string `json:"actor2"`
	Location     string `json:"location"`
	// NamedPlace is the unlocated place the text names, when the point is
	// the place around it or the country (record.Location.NamedPlace).
	NamedPlace    string `json:"named_place,omitempty"`
	Admin1        string `json:"admin1,omitempty"`
	Country       string `json:"country,omitempty"`
	GeoPrecision  int    `json:"geo_precision"`
	TimePrecision int    `json:"time_precision"`
	Fatalities    *int   `json:"fatalities"`
	Outlet        string `json:"outlet"`
	URL           string `json:"url"`
	Evidence      string `json:"evidence"`
	MergedID      string `json:"merged_id,omitempty"`
}

func (g *GeoJSON) start() error {
	if g.started {
		return nil
	}
	g.started = true
	_, err := g.w.WriteString(`{"type":"FeatureCollection","features":[`)
	return err
}

// Write adds a feature for each located event of d.
func (g *GeoJSON) Write(d record.Document) error {
	if err := g.start(); err != nil {
		return fmt.Errorf("geojson: %w", err)
	}
	for i, ev := range d.Events {
		l := ev.Location
		if l == nil || l.Lat == nil || l.Lon == nil {
			g.Skipped++
			continue
		}
		id := ev.ID
		if id == "" {
			id = fmt.Sprintf("%s-e%d", d.DocID, i)
		}
		date := record.Deref(ev.Date)
		if date == "" {
			date = record.Deref(ev.DateFrom)
		}
		f := feature{Type: "Feature", ID: id,
			Geometry: point{Type: "Point", Coordinates: [2]float64{*l.Lon, *l.Lat}},
			Properties: eventProperties{EventID: id, DocID: d.DocID, Date: date, EventType: ev.EventType,
				SubEventType: ev.SubEventType, Actor1: actorLabel(ev.Actor1), Actor2: actorLabel(ev.Actor2),
				Location: l.Name, NamedPlace: l.NamedPlace, Admin1: record.Deref(l.Admin1), Country: record.Deref(l.Country),
				GeoPrecision: l.GeoPrecision, TimePrecision: ev.TimePrecision, Fatalities: ev.Fatalities, Outlet: record.Deref(d.Source.Outlet),
				URL: record.Deref(d.Source.URL), Evidence: ev.Evidence, MergedID: ev.MergedID}}
		js, err := json.Marshal(f)
		if err != nil {
			return fmt.Errorf("geojson: document %s event %d: %w", d.DocID, i, err)
		}
		if g.n > 0 {
			g.w.WriteByte(',')
		}
		g.n++
		g.w.WriteByte('\n')
		if _, err := g.w.Write(js); err != nil {
			return fmt.Errorf("geojson: %w", err)
		}
	}
	return nil
}

// Close ends the collection and flushes; an empty collection is still valid.
func (g *GeoJSON) Close() error {
	if err := g.start(); err != nil {
		return fmt.Errorf("geojson: %w", err)
	}
	if _, err := g.w.WriteString("\n]}\n"); err != nil {
		return fmt.Errorf("geojson: %w", err)
	}
	return g.w.Flush()
}

func actorLabel(a *record.Actor) string {
	if a == nil {
		return ""
	}
	return a.Name
}
