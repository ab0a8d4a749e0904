// Package build compiles marsad's knowledge base: the hand-written sources in
// data/kb/src, the OpenStreetMap Libya gazetteer, GeoNames cities500 and the
// PETRARCH Arabic dictionaries become data/kb/kb.tsv and ambiguous.tsv, the
// files internal/kb embeds. `marsad build-kb` runs it.
package build

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/marsad/marsad/internal/kb"
)

// The curated sources are plain text, one record per line (places,
// countries, city names, ambiguous names) or per block (actors), so that
// people can review and extend them in a diff. '#' starts a comment line;
// fields are separated by '|', list items by '/'.

// sourceLine is one non-comment line of a curated file with its position.
type sourceLine struct {
	file string
	num  int
	text string
}

func (l sourceLine) errorf(format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", l.file, l.num, fmt.Sprintf(format, args...))
}

// readLines returns the non-blank, non-comment lines of a curated file.
func readLines(r io.Reader, file string) ([]sourceLine, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	var out []sourceLine
	for n := 1; sc.Scan(); n++ {
		t := strings.TrimSpace(sc.Text())
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		out = append(out, sourceLine{file, n, t})
	}
	return out, sc.Err()
}

// fields splits a line on '|' and trims each field; missing trailing fields
// come back empty up to n.
func fields(t string, n int) []string {
	f := strings.Split(t, "|")
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	for len(f) < n {
		f = append(f, "")
	}
	return f
}

// list splits a '/'-separated list, trimming items and dropping empty ones.
func list(s string) []string {
	var out []string
	for _, x := range strings.Split(s, "/") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// latLon parses "lat,lon".
func latLon(s string) (lat, lon float64, ok bool, err error) {
	if s == "" {
		return 0, 0, false, nil
	}
	a, b, found := strings.Cut(s, ",")
	if !found {
		return 0, 0, false, fmt.Errorf("coordinates %q are not lat,lon", s)
	}
	if lat, err = strconv.ParseFloat(strings.TrimSpace(a), 64); err != nil {
		return 0, 0, false, fmt.Errorf("latitude %q: %w", a, err)
	}
	if lon, err = strconv.ParseFloat(strings.TrimSpace(b), 64); err != nil {
		return 0, 0, false, fmt.Errorf("longitude %q: %w", b, err)
	}
	return lat, lon, true, nil
}

// Country is a curated country record, kept beside its entry for the build:
// ISO3 codes map PETRARCH's CAMEO codes to countries.
type Country struct {
	Entry *kb.Entry
	ISO3  string
}

// ParseCountries reads countries.txt:
//
//	CC | ISO3 | Arabic name | English name | Arabic aliases | lat,lon | adjective stems | other adjective forms
//
// An adjective stem is the masculine singular without the article («ليبي»);
// its feminine and plural forms are generated. Irregular forms («روس»,
// «أتراك») go in the last field.
func ParseCountries(r io.Reader, file string) ([]Country, error) {
	lines, err := readLines(r, file)
	if err != nil {
		return nil, err
	}
	var out []Country
	for _, l := range lines {
		f := fields(l.text, 8)
		if len(f[0]) != 2 || len(f[1]) != 3 {
			return nil, l.errorf("country codes %q, %q are not ISO alpha-2 and alpha-3", f[0], f[1])
		}
		lat, lon, ok, err := latLon(f[5])
		if err != nil || !ok {
			return nil, l.errorf("country %s: %v", f[0], err)
		}
		e := &kb.Entry{
			ID: "iso:" + f[0], Type: kb.GPE, Kind: "country", Name: f[2], NameEn: f[3],
			Aliases: list(f[4]), Country: f[0], Lat: lat, Lon: lon, HasCoords: true,
			Precision: kb.PrecisionRegion, Source: kb.SourceCurated,
		}
		e.Adjectives = AdjectiveForms(list(f[6]), list(f[7]))
		if err := e.Validate(); err != nil {
			return nil, l.errorf("%v", err)
		}
		out = append(out, Country{Entry: e, ISO3: f[1]})
	}
	return out, nil
}

// AdjectiveForms expands nisba stems to the forms news text uses: «ليبي»
// gives ليبي، ليبية، ليبيين، ليبيون، ليبيات (the article is matched apart).
func AdjectiveForms(stems, extra []string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, s := range stems {
		add(s)
		add(s + "ة")
		add(s + "ين")
		add(s + "ون")
		add(s + "ات")
	}
	for _, s := range extra {
		add(s)
	}
	return out
}

// ParsePlaces reads a curated places file:
//
//	id | TYPE kind | Arabic name | English name | Arabic aliases | CC | admin1 | lat,lon | precision | parent
func ParsePlaces(r io.Reader, file string) ([]*kb.Entry, error) {
	lines, err := readLines(r, file)
	if err != nil {
		return nil, err
	}
	var out []*kb.Entry
	for _, l := range lines {
		f := fields(l.text, 10)
		typ, kind, _ := strings.Cut(f[1], " ")
		lat, lon, ok, err := latLon(f[7])
		if err != nil {
			return nil, l.errorf("%s: %v", f[0], err)
		}
		e := &kb.Entry{
			ID: f[0], Type: typ, Kind: strings.TrimSpace(kind), Name: f[2], NameEn: f[3],
			Aliases: list(f[4]), Country: f[5], Admin1: f[6], Lat: lat, Lon: lon, HasCoords: ok,
			Parent: f[9], Source: kb.SourceCurated,
		}
		if f[8] != "" {
			if e.Precision, err = strconv.Atoi(f[8]); err != nil {
				return nil, l.errorf("%s: precision %q", f[0], f[8])
			}
		}
		if !strings.HasPrefix(e.ID, "kb:") {
			return nil, l.errorf("curated id %q must start with kb:", e.ID)
		}
		if err := e.Validate(); err != nil {
			return nil, l.errorf("%v", err)
		}
		out = append(out, e)
	}
	return out, nil
}

// CityName gives a GeoNames city its Arabic name where GeoNames lacks one
// or has several.
type CityName struct {
	Country, NameEn, Name string
	Aliases               []string
	line                  sourceLine
}

// ParseCityNames reads cities-ar.txt: CC | GeoNames English name | Arabic name | Arabic aliases.
func ParseCityNames(r io.Reader, file string) ([]CityName, error) {
	lines, err := readLines(r, file)
	if err != nil {
		return nil, err
	}
	var out []CityName
	for _, l := range lines {
		f := fields(l.text, 4)
		if len(f[0]) != 2 || f[1] == "" || f[2] == "" {
			return nil, l.errorf("want CC | English name | Arabic name")
		}
		out = append(out, CityName{Country: f[0], NameEn: f[1], Name: f[2], Aliases: list(f[3]), line: l})
	}
	return out, nil
}

// ParseAmbiguous reads ambiguous.txt: name | readings | note, where a reading
// is "id@leaning" and a leading '*' marks the default.
func ParseAmbiguous(r io.Reader, file string) ([]kb.AmbiguousName, error) {
	lines, err := readLines(r, file)
	if err != nil {
		return nil, err
	}
	var out []kb.AmbiguousName
	for _, l := range lines {
		f := fields(l.text, 3)
		a := kb.AmbiguousName{Name: f[0], Note: f[2]}
		for _, s := range list(f[1]) {
			var rd kb.Reading
			if strings.HasPrefix(s, "*") {
				rd.Default, s = true, s[1:]
			}
			id, leaning, ok := strings.Cut(s, "@")
			if !ok || id == "" {
				return nil, l.errorf("reading %q is not id@leaning", s)
			}
			rd.ID, rd.Leaning = strings.TrimSpace(id), strings.TrimSpace(leaning)
			a.Readings = append(a.Readings, rd)
		}
		if a.Name == "" || len(a.Readings) < 2 {
			return nil, l.errorf("an ambiguous name needs a name and two readings")
		}
		out = append(out, a)
	}
	return out, nil
}

// ParseCamps reads camps.txt: CC | side / side | note.
func ParseCamps(r io.Reader, file string) ([]kb.Camps, error) {
	lines, err := readLines(r, file)
	if err != nil {
		return nil, err
	}
	var out []kb.Camps
	for _, l := range lines {
		f := fields(l.text, 3)
		sides := list(f[1])
		if len(f[0]) != 2 || len(sides) != 2 {
			return nil, l.errorf("want CC | side / side")
		}
		out = append(out, kb.Camps{Country: f[0], Sides: [2]string{sides[0], sides[1]}})
	}
	return out, nil
}
