package build

import (
	"fmt"
	"io"

	"github.com/marsad/marsad/internal/geo"
	"github.com/marsad/marsad/internal/kb"
)

// Admin1Towns names towns of a first-level division (admin1-towns.txt).
type Admin1Towns struct {
	Country, Admin1 string
	Towns           []string
}

// ParseAdmin1Towns reads admin1-towns.txt: CC | admin1 | Arabic town names.
func ParseAdmin1Towns(r io.Reader, file string) ([]Admin1Towns, error) {
	lines, err := readLines(r, file)
	if err != nil {
		return nil, err
	}
	var out []Admin1Towns
	for _, l := range lines {
		f := fields(l.text, 3)
		if len(f[0]) != 2 || f[1] == "" || f[2] == "" {
			return nil, l.errorf("want CC | admin1 | towns")
		}
		out = append(out, Admin1Towns{Country: f[0], Admin1: f[1], Towns: list(f[2])})
	}
	return out, nil
}

// assignAdmin1 gives places without a first-level division the one whose
// seat is nearest, among the curated divisions of their country (kind
// "admin1", listed only for countries whose divisions are all curated) and
// the towns admin1-towns.txt places in a division, which also get theirs.
// Near borders it is an approximation; data/kb/README.md says so.
func assignAdmin1(curated, places []*kb.Entry, towns []Admin1Towns) error {
	type seat struct {
		lat, lon float64
		admin1   string
	}
	seats := map[string][]seat{}
	known := map[string]map[string]bool{}
	for _, e := range curated {
		if e.Kind == "admin1" && e.HasCoords {
			seats[e.Country] = append(seats[e.Country], seat{e.Lat, e.Lon, e.NameEn})
			if known[e.Country] == nil {
				known[e.Country] = map[string]bool{}
			}
			known[e.Country][e.NameEn] = true
		}
	}
	all := append(append([]*kb.Entry{}, curated...), places...)
	for _, t := range towns {
		if !known[t.Country][t.Admin1] {
			return fmt.Errorf("admin1-towns.txt: %s has no admin1 %q", t.Country, t.Admin1)
		}
		for _, name := range t.Towns {
			key, found := kb.Key(name), false
			for _, p := range all {
				if p.Country != t.Country || !p.IsPlace() || !p.HasCoords || p.Kind == "admin1" {
					continue
				}
				for _, n := range p.Names() {
					if kb.Key(n) == key {
						p.Admin1, found = t.Admin1, true
						seats[t.Country] = append(seats[t.Country], seat{p.Lat, p.Lon, t.Admin1})
						break
					}
				}
			}
			if !found {
				return fmt.Errorf("admin1-towns.txt: no place %q in %s", name, t.Country)
			}
		}
	}
	for _, p := range all {
		if p.Admin1 != "" || !p.HasCoords || !p.IsPlace() || p.Kind == "admin1" || p.Kind == "country" {
			continue
		}
		best, bestD := "", 400.0
		for _, s := range seats[p.Country] {
			if d := geo.DistanceKm(p.Lat, p.Lon, s.lat, s.lon); d < bestD {
				best, bestD = s.admin1, d
			}
		}
		p.Admin1 = best
	}
	return nil
}
