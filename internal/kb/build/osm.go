package build

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/marsad/marsad/internal/kb"
)

// osmFile is the layout of the OSM Libya gazetteer
// (github.com/mosabsomaer/Libya-cities-dataset-JSON).
type osmFile struct {
	Data []struct {
		Name []map[string]string `json:"name"`
		Lat  float64             `json:"latitude"`
		Lon  float64             `json:"longitude"`
		ID   int                 `json:"id"`
		Type string              `json:"type"`
	} `json:"data"`
}

// ParseOSMLibya reads the OSM Libya gazetteer into place entries. Names that the file's "ar" field holds in Latin script become
// English names; ids are per type in the file, hence "osm:ly:town:12". A leading «مدينة» ("city of") is dropped from the name and
// kept as an alias.
func ParseOSMLibya(r io.Reader, file string) ([]*kb.Entry, error) {
	var f osmFile
	if err := json.NewDecoder(r).Decode(&f); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if len(f.Data) == 0 {
		return nil, fmt.Errorf("%s: no places in \"data\"", file)
	}
	var out []*kb.Entry
	for _, p := range f.Data {
		names := map[string]string{}
		for _, m := range p.Name {
			for k, v := range m {
				names[k] = cleanName(v)
			}
		}
		ar, en := names["ar"], names["en"]
		if isArabic(en) && !isArabic(ar) {
			ar, en = en, ar // a few records have the two swapped
		}
		if ar != "" && !isArabic(ar) {
			if en == "" {
				en = ar
			}
			ar = ""
		}
		if ar == "" && en == "" {
			continue
		}
		e := &kb.Entry{
			ID: "osm:ly:" + p.Type + ":" + strconv.Itoa(p.ID), Type: kb.GPE, Kind: osmKind(p.Type),
			Name: ar, NameEn: en, Country: "LY", Lat: p.Lat, Lon: p.Lon, HasCoords: true,
			Precision: kb.PrecisionTown, Source: kb.SourceOSM,
		}
		if rest, ok := strings.CutPrefix(ar, "مدينة "); ok {
			e.Name = rest
			e.Aliases = append(e.Aliases, ar)
		}
		for _, k := range []string{"de", "fr", "it"} {
			if v := names[k]; v != "" && v != en {
				e.AliasesEn = uniqueAppend(e.AliasesEn, v)
			}
		}
		if err := e.Validate(); err != nil {
			return nil, fmt.Errorf("%s: %v", file, err)
		}
		out = append(out, e)
	}
	return out, nil
}

func osmKind(t string) string {
	switch t {
	case "city", "town", "village", "hamlet":
		return t
	}
	return "place"
}

// cleanName drops invisible marks (a stray left-to-right mark ends some OSM
// names) and separators the TSV uses, and collapses spaces.
func cleanName(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.Is(unicode.Cf, r):
			return -1
		case r == '|' || r == '\t' || r == '\n' || r == '\r' || r == ';':
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// isArabic reports whether s is written in Arabic letters (spaces allowed).
func isArabic(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case r >= 0x0621 && r <= 0x065F, r == 0x0670:
			n++
		case r == ' ' || r == '-':
		default:
			return false
		}
	}
	return n > 0
}
