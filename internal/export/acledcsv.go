package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/marsad/marsad/internal/record"
)

// ACLEDCSVFormat is the name of the ACLED CSV format.
const ACLEDCSVFormat = "acled-csv"

func init() { Register(ACLEDCSVFormat, func(w io.Writer) Writer { return NewACLEDCSV(w) }) }

// ACLEDColumns are ACLED's export columns, in ACLED's order.
var ACLEDColumns = []string{
	"event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
	"actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
	"iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
	"source", "source_scale", "notes", "fatalities", "tags", "timestamp",
}

// ACLEDCSV writes one CSV row per event of each document, with ACLED's
// columns. Names are written in English when the record has an English
// name, as ACLED does. What marsad cannot tell is left empty rather than
// guessed: admin2 and admin3, tags, an actor type code the knowledge base
// does not give, the scale of sources it does not know.
//
//   - inter1, inter2: the actors' ACLED type codes (record.Actor.Inter);
//     interaction: the two combined, smaller first ("18"), or the sole
//     actor's code times ten ("60") when there is no actor2.
//   - iso, region, country: ISO 3166-1 numeric code, ACLED region and
//     English name of the location's country.
//   - civilian_targeting: "Civilian targeting" when the event is violence
//     against civilians or actor2 is civilians.
//   - source_scale: from the agency and the outlet (see sources.go).
//   - timestamp: when the rows were written (Unix seconds): ACLED's
//     timestamp is when a row last changed, and a row is made when the
//     article is analysed.
type ACLEDCSV struct {
	w      *csv.Writer
	header bool
	// Timestamp is written in the timestamp column (Unix seconds); 0 leaves
	// it empty. NewACLEDCSV sets it to the time the writer is made.
	Timestamp int64
}

// NewACLEDCSV returns a writer of ACLED CSV rows to w, stamped with the
// current time.
func NewACLEDCSV(w io.Writer) *ACLEDCSV {
	return &ACLEDCSV{w: csv.NewWriter(w), Timestamp: time.Now().Unix()}
}

// Write writes the header (first call only) and a row for each event of d.
func (a *ACLEDCSV) Write(d record.Document) error {
	if !a.header {
		a.header = true
		if err := a.w.Write(ACLEDColumns); err != nil {
			return fmt.Errorf("acled csv: %w", err)
		}
	}
	for i, ev := range d.Events {
		if err := a.w.Write(a.row(d, i, ev)); err != nil {
			return fmt.Errorf("acled csv: document %s event %d: %w", d.DocID, i, err)
		}
	}
	return a.w.Error()
}

// Close writes the header if nothing was written and flushes.
func (a *ACLEDCSV) Close() error {
	if !a.header {
		a.header = true
		if err := a.w.Write(ACLEDColumns); err != nil {
			return fmt.Errorf("acled csv: %w", err)
		}
	}
	a.w.Flush()
	return a.w.Error()
}

// DisorderType is ACLED's disorder type of an event type.
func DisorderType(eventType string) string {
	switch eventType {
	case "Battles", "Explosions/Remote violence", "Violence against civilians":
		return "Political violence"
	case "Protests", "Riots":
		return "Demonstrations"
	case "Strategic developments":
		return "Strategic developments"
	}
	return ""
}

func (a *ACLEDCSV) row(d record.Document, i int, ev record.Event) []string {
	id := ev.ID
	if id == "" {
		id = fmt.Sprintf("%s-e%d", d.DocID, i)
	}
	date := record.Deref(ev.Date)
	if date == "" {
		date = record.Deref(ev.DateFrom)
	}
	year := ""
	if len(date) >= 4 {
		year = date[:4]
	}
	var assoc1, assoc2 []string
	for _, x := range ev.AssocActors {
		// ACLED keeps associates per side; marsad's record does not say which
		// side an associate joins, so all go with actor1.
		assoc1 = append(assoc1, actorName(&x))
	}
	civ := ""
	if ev.EventType == "Violence against civilians" || isCivilians(ev.Actor2) {
		civ = "Civilian targeting"
	}
	var cc, admin1, location, lat, lon, geoPrec string
	if l := ev.Location; l != nil {
		cc, admin1 = record.Deref(l.Country), record.Deref(l.Admin1)
		location = l.Name
		if en := record.Deref(l.NameEn); en != "" {
			location = en
		}
		if l.Lat != nil && l.Lon != nil {
			lat, lon = formatCoord(*l.Lat), formatCoord(*l.Lon)
		}
		if l.GeoPrecision > 0 {
			geoPrec = strconv.Itoa(l.GeoPrecision)
		}
	}
	source := record.Deref(d.Source.Outlet)
	if ag := record.Deref(d.Source.Agency); ag != "" && ag != source {
		source = strings.TrimPrefix(source+"; "+ag, "; ")
	}
	fatalities := ""
	if ev.Fatalities != nil {
		fatalities = strconv.Itoa(*ev.Fatalities)
	}
	timePrec := ""
	if ev.TimePrecision > 0 {
		timePrec = strconv.Itoa(ev.TimePrecision)
	}
	ts := ""
	if a.Timestamp > 0 {
		ts = strconv.FormatInt(a.Timestamp, 10)
	}
	inter1, inter2 := interOf(ev.Actor1), interOf(ev.Actor2)
	ctry := countryOf(cc)
	if cc == "" {
		ctry = country{}
	}
	return []string{
		id, date, year, timePrec, DisorderType(ev.EventType), ev.EventType, ev.SubEventType,
		actorName(ev.Actor1), strings.Join(assoc1, "; "), code(inter1), actorName(ev.Actor2), strings.Join(assoc2, "; "), code(inter2),
		interaction(inter1, inter2), civ,
		ctry.iso, ctry.region, ctry.name, admin1, "", "", location, lat, lon, geoPrec,
		source, sourceScale(d.Source, cc), oneLine(ev.Evidence), fatalities, "", ts,
	}
}

// interOf is an actor's ACLED type code: the one the record gives, else
// the one its id implies for the conventional actors marsad makes
// (acled:civilians:CC and the like, see internal/events).
func interOf(a *record.Actor) int {
	switch {
	case a == nil:
		return 0
	case a.Inter > 0:
		return a.Inter
	case strings.HasPrefix(a.ID, "acled:civilians"):
		return 7
	case strings.HasPrefix(a.ID, "acled:protesters"):
		return 6
	case strings.HasPrefix(a.ID, "acled:rioters"):
		return 5
	case strings.HasPrefix(a.ID, "acled:unidentified"):
		return 3
	}
	return 0
}

func isCivilians(a *record.Actor) bool { return interOf(a) == 7 }

// code writes an actor type code, empty for unknown.
func code(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// interaction combines two actor type codes as ACLED does: the smaller
// first («12»), or the sole actor's code and 0 («60»). Unknown codes give
// no interaction.
func interaction(a, b int) string {
	switch {
	case a <= 0:
		return ""
	case b <= 0:
		return strconv.Itoa(a * 10)
	case a > b:
		a, b = b, a
	}
	return strconv.Itoa(a*10 + b)
}

func actorName(a *record.Actor) string {
	if a == nil {
		return ""
	}
	if en := record.Deref(a.NameEn); en != "" {
		return en
	}
	return a.Name
}

func formatCoord(f float64) string { return strconv.FormatFloat(f, 'f', 4, 64) }

// oneLine folds line breaks so a note stays one visual line in spreadsheets.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
