package build

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/marsad/marsad/internal/kb"
)

// GeoRow is one line of GeoNames cities500.txt.
type GeoRow struct {
	ID          int
	Name, ASCII string
	Alternates  []string
	Lat, Lon    float64
	FeatureCode string
	Country     string
	Population  int
}

// ReadGeoNames parses cities500.txt (tab-separated, GeoNames' "geoname" table).
func ReadGeoNames(r io.Reader, file string) ([]GeoRow, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	var out []GeoRow
	for n := 1; sc.Scan(); n++ {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 19 {
			return nil, fmt.Errorf("%s:%d: %d columns, want 19", file, n, len(f))
		}
		id, err := strconv.Atoi(f[0])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: geonameid %q", file, n, f[0])
		}
		lat, err1 := strconv.ParseFloat(f[4], 64)
		lon, err2 := strconv.ParseFloat(f[5], 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("%s:%d: coordinates %q,%q", file, n, f[4], f[5])
		}
		pop, _ := strconv.Atoi(f[14])
		row := GeoRow{ID: id, Name: cleanName(f[1]), ASCII: f[2], Lat: lat, Lon: lon,
			FeatureCode: f[7], Country: f[8], Population: pop}
		if f[3] != "" {
			row.Alternates = strings.Split(f[3], ",")
		}
		out = append(out, row)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no rows", file)
	}
	return out, nil
}

// RegionCountries are the countries whose towns are kept down to cities500's
// smallest when GeoNames has an Arabic name for them, and from 15,000 people
// even without one: the Arab world, its neighbours in conflict, the Sahel
// and the Horn of Africa.
var RegionCountries = map[string]bool{}

func init() {
	for _, c := range strings.Fields(`DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE
		EH SS TR IR IL CY ML NE TD BF NG ET ER CF AF SN`) {
		RegionCountries[c] = true
	}
}

// keepGeo decides whether a GeoNames row enters the base: towns of the
// region with an Arabic name or 15,000 people, and elsewhere capitals and
// cities of 200,000 with an Arabic name.
func keepGeo(r *GeoRow, hasArabic, named bool) bool {
	switch {
	case named:
		return true
	case RegionCountries[r.Country]:
		return hasArabic || r.Population >= 15000
	case r.FeatureCode == "PPLC":
		return true
	}
	return hasArabic && r.Population >= 200000
}

// adminPrefixes begin alternate names that name an administrative unit
// around a town rather than the town; those names are not the town's.
var adminPrefixes = []string{"محافظة ", "محافظه ", "ولاية ", "مديرية ", "قضاء ", "ناحية ", "منطقة ", "مركز ",
	"إقليم ", "اقليم ", "مقاطعة ", "بلدية ", "شعبية ", "لواء ", "كانتون ", "مقاطعه ", "منطقه "}

// townPrefixes begin names that are the town's: «مدينة طرطوس» is Tartus.
var townPrefixes = []string{"مدينة ", "مدينه ", "بلدة ", "قرية ", "قريه "}

// arabicNames returns the Arabic names among GeoNames alternate names,
// best first: the spelling news text attests most, then the fewest words,
// then spellings without a final «ى» or a stray hamza seat (GeoNames has
// transliterations such as «لأندأن» beside «لندن»). Names of the
// administrative unit around a town are left out.
func arabicNames(alts []string, attest func(string) int) []string {
	var out []string
	for _, a := range alts {
		a = cleanName(a)
		if !isArabic(a) {
			continue
		}
		skip := false
		for _, p := range adminPrefixes {
			if strings.HasPrefix(a, p) {
				skip = true
			}
		}
		if skip {
			continue
		}
		for _, p := range townPrefixes {
			if rest, ok := strings.CutPrefix(a, p); ok && rest != "" {
				out = uniqueAppend(out, rest)
			}
		}
		out = uniqueAppend(out, a)
	}
	odd := func(s string) int {
		n := strings.Count(s, "ى") + strings.Count(s, "ئ")
		for _, w := range strings.Fields(s) {
			n += strings.Count(w[min(len(w), 2):], "أ") // hamza on alef inside a word
		}
		return n
	}
	score := map[string]int{}
	for _, n := range out {
		if attest != nil {
			score[n] = attest(kb.Key(n))
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if score[out[i]] != score[out[j]] {
			return score[out[i]] > score[out[j]]
		}
		wi, wj := len(strings.Fields(out[i])), len(strings.Fields(out[j]))
		if wi != wj {
			return wi < wj
		}
		return odd(out[i]) < odd(out[j])
	})
	return out
}

// geoKind maps GeoNames feature codes to entry kinds and precision.
func geoKind(code string) string {
	switch code {
	case "PPLC":
		return "capital"
	case "PPLA", "PPLA2":
		return "city"
	case "PPLX":
		return "neighbourhood"
	}
	return "town"
}

// GeoEntries turns the kept GeoNames rows into entries "gn:ID". A curated
// name replaces GeoNames' Arabic names. Rows of Libya are left to the
// caller to merge with OSM. Single-word names in f.Common, the words news
// text uses for other things, are dropped from small places, and aliases
// that would take over a reserved name are dropped everywhere; a place left
// without an Arabic name keeps its English one.
func GeoEntries(rows []GeoRow, names []CityName, f Filter) ([]*kb.Entry, error) {
	type key struct{ cc, name string }
	named := map[key]*CityName{}
	for i := range names {
		named[key{names[i].Country, strings.ToLower(names[i].NameEn)}] = &names[i]
	}
	// The most populous row of a name in a country takes the curated name.
	best := map[key]int{}
	for i := range rows {
		r := &rows[i]
		for _, n := range []string{r.Name, r.ASCII} {
			k := key{r.Country, strings.ToLower(n)}
			if _, ok := named[k]; !ok {
				continue
			}
			if j, seen := best[k]; !seen || rows[j].Population < r.Population {
				best[k] = i
			}
		}
	}
	curated := map[int]*CityName{}
	for k, i := range best {
		curated[i] = named[k]
	}
	var missing []string
	for i := range names {
		cn := &names[i]
		if _, ok := best[key{cn.Country, strings.ToLower(cn.NameEn)}]; !ok {
			missing = append(missing, cn.line.errorf("no GeoNames row %q in %s", cn.NameEn, cn.Country).Error())
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(missing, "\n"))
	}
	var out []*kb.Entry
	for i := range rows {
		r := &rows[i]
		ar := arabicNames(r.Alternates, f.Attest)
		cn := curated[i]
		if cn != nil {
			// Curated names replace GeoNames' own, which for famous cities
			// include old, foreign and polemical names («صهيون»).
			ar = append([]string{cn.Name}, cn.Aliases...)
		} else if r.Population < 50000 {
			ar = dropCommon(ar, f.Common)
			if len(ar) > 1 {
				ar = append(ar[:1], f.aliases(ar[1:])...)
			}
		} else if len(ar) > 1 {
			ar = append(ar[:1], f.aliases(ar[1:])...)
		}
		ar = uniqueKeys(ar)
		if !keepGeo(r, len(ar) > 0, cn != nil) {
			continue
		}
		e := &kb.Entry{
			ID: "gn:" + strconv.Itoa(r.ID), Type: kb.GPE, Kind: geoKind(r.FeatureCode),
			NameEn: r.Name, Country: r.Country, Lat: r.Lat, Lon: r.Lon, HasCoords: true,
			Population: r.Population, Precision: kb.PrecisionTown, Source: kb.SourceGeoNames,
		}
		if r.ASCII != r.Name && r.ASCII != "" {
			e.AliasesEn = []string{r.ASCII}
		}
		if len(ar) > 0 {
			e.Name, e.Aliases = ar[0], ar[1:]
		}
		if err := e.Validate(); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// dropCommon removes one-word names that are common words («الحكومة»,
// «النصر»): matched in text they would be wrong far more often than right.
func dropCommon(names []string, common map[string]bool) []string {
	var out []string
	for _, n := range names {
		if w := wordKeys(n); len(w) == 1 && common[w[0]] {
			continue
		}
		out = append(out, n)
	}
	return out
}

// Filter keeps gazetteer names from colliding with common words and with
// better-known names.
type Filter struct {
	// Common holds the keys of one-word common words.
	Common map[string]bool
	// Reserved holds the keys of curated names (countries, regions,
	// actors): an alias of a GeoNames town may not take them over
	// («الجزائر» is Algeria, whatever Algiers' alternate names say).
	Reserved map[string]bool
	// Attest counts a key's occurrences in news text; nil counts nothing.
	Attest func(key string) int
}

// aliases drops the names that collide with reserved or common words.
func (f Filter) aliases(names []string) []string {
	var out []string
	for _, n := range names {
		k := kb.Key(n)
		if f.Reserved[k] || !strings.Contains(k, " ") && f.Common[k] {
			continue
		}
		out = append(out, n)
	}
	return out
}

// uniqueKeys drops names whose key an earlier name already has.
func uniqueKeys(names []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		if k := kb.Key(n); !seen[k] {
			seen[k] = true
			out = append(out, n)
		}
	}
	return out
}
