// Package kb is marsad's knowledge base: the places, countries, actors and
// ambiguous names that linking resolves mentions to. The data is compiled by
// `marsad build-kb` into data/kb and embedded in the binary; Default loads it
// once into an in-memory index with lookup by normalised name and a longest-
// match gazetteer over tokens.
package kb

import (
	"fmt"
	"math"
	"strings"
)

// Entry types. They follow the marsad/v1 entity types.
const (
	PER        = "PER"
	ORG        = "ORG"
	ArmedGroup = "ARMED_GROUP"
	GOV        = "GOV"
	LOC        = "LOC"
	GPE        = "GPE"
	FAC        = "FAC"
	MISC       = "MISC"
)

// knownTypes are the types an entry may have.
var knownTypes = map[string]bool{PER: true, ORG: true, ArmedGroup: true, GOV: true, LOC: true, GPE: true, FAC: true, MISC: true}

// Geographic precision levels, as ACLED's geo_precision: 1 a named town or
// site, 2 part of a region or a district, 3 a larger region or a country.
const (
	PrecisionTown   = 1
	PrecisionPart   = 2
	PrecisionRegion = 3
)

// Sources of entries.
const (
	SourceCurated  = "curated"  // data/kb/src, written for marsad
	SourceOSM      = "osm"      // OpenStreetMap Libya gazetteer (ODbL)
	SourceGeoNames = "geonames" // GeoNames cities500 (CC BY 4.0)
	SourcePetrarch = "petrarch" // Open Event Data Alliance Arabic dictionaries (MIT), pre-2019
)

// Role is a position a person held, with its dates as YYYY, YYYY-MM or
// YYYY-MM-DD; an empty To means the role continues.
type Role struct {
	// Title is the position in English, e.g. "spokesperson", "prime minister".
	Title string
	// Org is the id of the entry the position belongs to, or its name when
	// the base has no entry for it.
	Org      string
	From, To string
}

// Active reports whether the role covered the given YYYY-MM-DD date. Partial
// dates compare by their prefix, so a role "2014"–"2020" covers 2020-06-05.
func (r Role) Active(date string) bool {
	if date == "" {
		return r.To == ""
	}
	if r.From != "" && date[:min(len(date), len(r.From))] < r.From {
		return false
	}
	if r.To != "" && date[:min(len(date), len(r.To))] > r.To {
		return false
	}
	return true
}

// Entry is one thing the base knows: a person, organisation, armed group,
// government body, country, place or facility.
type Entry struct {
	// ID is stable across rebuilds: "kb:" curated, "iso:" countries,
	// "gn:" GeoNames ids, "osm:ly:" the OSM Libya gazetteer, "pet:" PETRARCH.
	ID   string
	Type string
	// Kind refines Type: "country", "city", "town", "village", "district",
	// "region", "governorate", "airport", "base", "militia", "party", ...
	Kind string
	// Name is the canonical Arabic name, NameEn the canonical English one.
	Name, NameEn string
	// Aliases are other Arabic names, own, neutral or hostile.
	Aliases []string
	// AliasesEn are other English or Latin-script names.
	AliasesEn []string
	// Hostile lists aliases used by the entry's opponents («مليشيات حفتر»);
	// Own lists the names the entry and its allies use for themselves. Both
	// are also in Aliases. Linking reads them to infer an article's leaning.
	Hostile, Own []string
	// Adjectives are the nisba forms that refer to a country («الليبي»,
	// «الليبيين»); they are not aliases because «الجيش الليبي» is not Libya.
	Adjectives []string
	// Side is the conflict side, e.g. "LY-LNA", "YE-HOUTHI"; "" if none.
	Side string
	// Country is the ISO 3166-1 alpha-2 code; "" for international bodies.
	Country string
	// Admin1 is the first-level division a place lies in.
	Admin1 string
	// Parent is the id of a containing entry: a brigade's army, a
	// neighbourhood's city.
	Parent    string
	Lat, Lon  float64
	HasCoords bool
	// Population is GeoNames' figure, 0 when unknown.
	Population int
	// Precision is the geographic precision of the coordinates (1–3); 0 for
	// entries that are not places.
	Precision int
	Roles     []Role
	Source    string
	// CAMEO is the PETRARCH actor code, e.g. "LBYGOV", when there is one.
	CAMEO string
}

// IsPlace reports whether the entry is a location of some kind.
func (e *Entry) IsPlace() bool { return e.Type == LOC || e.Type == GPE || e.Type == FAC }

// IsActor reports whether the entry is a person or a body that acts.
func (e *Entry) IsActor() bool {
	return e.Type == PER || e.Type == ORG || e.Type == ArmedGroup || e.Type == GOV
}

// NERClass is the ANERcorp class of the entry: "PERS", "ORG", "LOC" or "MISC".
func (e *Entry) NERClass() string {
	switch e.Type {
	case PER:
		return "PERS"
	case ORG, ArmedGroup, GOV:
		return "ORG"
	case LOC, GPE, FAC:
		return "LOC"
	}
	return "MISC"
}

// RoleAt returns the roles the entry held on a YYYY-MM-DD date.
func (e *Entry) RoleAt(date string) []Role {
	var out []Role
	for _, r := range e.Roles {
		if r.Active(date) {
			out = append(out, r)
		}
	}
	return out
}

// Names returns the canonical name followed by the Arabic aliases.
func (e *Entry) Names() []string {
	out := make([]string, 0, 1+len(e.Aliases))
	if e.Name != "" {
		out = append(out, e.Name)
	}
	return append(out, e.Aliases...)
}

// Validate checks an entry's invariants: a known type, a name, coordinates in
// range, a precision that matches, dates in order.
func (e *Entry) Validate() error {
	switch {
	case e.ID == "":
		return fmt.Errorf("entry %q: empty id", e.Name)
	case !knownTypes[e.Type]:
		return fmt.Errorf("entry %s: unknown type %q", e.ID, e.Type)
	case e.Name == "" && e.NameEn == "":
		return fmt.Errorf("entry %s: no name", e.ID)
	case strings.ContainsAny(e.Name, "\t\n|"):
		return fmt.Errorf("entry %s: name %q holds a separator", e.ID, e.Name)
	}
	if e.HasCoords {
		if math.IsNaN(e.Lat) || math.IsNaN(e.Lon) || e.Lat < -90 || e.Lat > 90 || e.Lon < -180 || e.Lon > 180 {
			return fmt.Errorf("entry %s: coordinates %v,%v out of range", e.ID, e.Lat, e.Lon)
		}
		if e.Lat == 0 && e.Lon == 0 {
			return fmt.Errorf("entry %s: coordinates 0,0", e.ID)
		}
	}
	if e.IsPlace() && e.HasCoords && (e.Precision < PrecisionTown || e.Precision > PrecisionRegion) {
		return fmt.Errorf("entry %s: place precision %d not in 1..3", e.ID, e.Precision)
	}
	if e.Country != "" && (len(e.Country) != 2 || strings.ToUpper(e.Country) != e.Country) {
		return fmt.Errorf("entry %s: country %q is not an ISO alpha-2 code", e.ID, e.Country)
	}
	for _, r := range e.Roles {
		if r.Title == "" {
			return fmt.Errorf("entry %s: role without title", e.ID)
		}
		if !validDate(r.From) || !validDate(r.To) {
			return fmt.Errorf("entry %s: role %q has a malformed date %q–%q", e.ID, r.Title, r.From, r.To)
		}
		if r.From != "" && r.To != "" && r.To < r.From {
			return fmt.Errorf("entry %s: role %q ends %s before it starts %s", e.ID, r.Title, r.To, r.From)
		}
	}
	return nil
}

// validDate accepts "", YYYY, YYYY-MM and YYYY-MM-DD.
func validDate(s string) bool {
	if s == "" {
		return true
	}
	if len(s) != 4 && len(s) != 7 && len(s) != 10 {
		return false
	}
	for i, c := range s {
		if i == 4 || i == 7 {
			if c != '-' {
				return false
			}
		} else if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
