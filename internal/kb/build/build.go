package build

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/marsad/marsad/internal/geo"
	"github.com/marsad/marsad/internal/kb"
)

// Options names the inputs and the output folder of a build. Empty optional
// inputs are skipped with their entries missing from the result, so a
// build without the large gazetteers still compiles the curated sources.
type Options struct {
	// Src is data/kb/src: countries.txt, places-*.txt, actors-*.txt,
	// cities-ar.txt, ambiguous.txt, common-words.txt.
	Src string
	// OSM is the OSM Libya gazetteer JSON.
	OSM string
	// GeoNames is GeoNames cities500.txt.
	GeoNames string
	// Petrarch is the folder with actor_dict_ar_v4.txt and agents.all.ar.txt.
	Petrarch string
	// ANERcorp is the ANERcorp training file: words it almost never tags
	// as names are kept out of the small places' names.
	ANERcorp string
	// Out is the folder kb.tsv, ambiguous.tsv and agents.tsv are written to.
	Out string
	// Log receives progress lines; nil is silent.
	Log io.Writer
}

// Result is a compiled knowledge base.
type Result struct {
	Entries   []*kb.Entry
	Ambiguous []kb.AmbiguousName
	Agents    []kb.Agent
	// Common lists the keys of common words (common-words.txt and those
	// read from ANERcorp).
	Common []string
	// Camps are the two main sides of each country's war.
	Camps []kb.Camps
}

// Curated compiles data/kb/src alone: countries, curated places and actors,
// ambiguous names, in the order they are written to kb.tsv.
func Curated(src string) (*Result, []Country, error) {
	var res Result
	countries, err := parseFile(filepath.Join(src, "countries.txt"), ParseCountries)
	if err != nil {
		return nil, nil, err
	}
	for _, c := range countries {
		res.Entries = append(res.Entries, c.Entry)
	}
	for _, pattern := range []string{"places-*.txt", "actors-*.txt"} {
		files, _ := filepath.Glob(filepath.Join(src, pattern))
		sort.Strings(files)
		if len(files) == 0 {
			return nil, nil, fmt.Errorf("%s: no %s", src, pattern)
		}
		for _, f := range files {
			parse := ParsePlaces
			if strings.HasPrefix(filepath.Base(f), "actors-") {
				parse = ParseActors
			}
			es, err := parseFile(f, parse)
			if err != nil {
				return nil, nil, err
			}
			res.Entries = append(res.Entries, es...)
		}
	}
	leaderAliases(res.Entries)
	res.Ambiguous, err = parseFile(filepath.Join(src, "ambiguous.txt"), ParseAmbiguous)
	if err != nil {
		return nil, nil, err
	}
	res.Camps, err = parseFile(filepath.Join(src, "camps.txt"), ParseCamps)
	if err != nil {
		return nil, nil, err
	}
	if err := checkRefs(res.Entries, res.Ambiguous); err != nil {
		return nil, nil, err
	}
	return &res, countries, nil
}

// Run compiles every source and writes the output files.
func Run(o Options) (*Result, error) {
	logf := func(format string, args ...any) {
		if o.Log != nil {
			fmt.Fprintf(o.Log, format+"\n", args...)
		}
	}
	res, countries, err := Curated(o.Src)
	if err != nil {
		return nil, err
	}
	logf("curated: %d entries, %d ambiguous names", len(res.Entries), len(res.Ambiguous))
	common := map[string]bool{}
	if words, err := parseFile(filepath.Join(o.Src, "common-words.txt"), readWordList); err == nil {
		for _, w := range words {
			common[w] = true
		}
	} else {
		return nil, err
	}
	filter := Filter{Common: common, Reserved: map[string]bool{}}
	for _, e := range res.Entries {
		for _, n := range e.Names() {
			filter.Reserved[kb.Key(n)] = true
		}
	}
	if o.ANERcorp != "" {
		stats, err := parseFile(o.ANERcorp, ReadCoNLLStats)
		if err != nil {
			return nil, err
		}
		for _, w := range stats.CommonWords() {
			common[w] = true
		}
		filter.Attest = stats.Count
		logf("common words: %d", len(common))
	}
	var libya []*kb.Entry
	if o.OSM != "" {
		libya, err = parseFile(o.OSM, ParseOSMLibya)
		if err != nil {
			return nil, err
		}
		libya = dropCommonSmall(libya, common)
		logf("osm libya: %d places", len(libya))
	}
	var geonames []*kb.Entry
	if o.GeoNames != "" {
		rows, err := parseFile(o.GeoNames, ReadGeoNames)
		if err != nil {
			return nil, err
		}
		names, err := parseFile(filepath.Join(o.Src, "cities-ar.txt"), ParseCityNames)
		if err != nil {
			return nil, err
		}
		geonames, err = GeoEntries(rows, names, filter)
		if err != nil {
			return nil, err
		}
		var merged int
		libya, geonames, merged = mergeLibya(libya, geonames)
		logf("geonames: %d places kept of %d (%d merged into OSM Libya)", len(geonames), len(rows), merged)
	}
	places := append(libya, geonames...)
	for _, w := range crossCheck(res.Entries, places, 30) {
		logf("check: %s", w)
	}
	towns, err := parseFile(filepath.Join(o.Src, "admin1-towns.txt"), ParseAdmin1Towns)
	if err != nil {
		return nil, err
	}
	if err := assignAdmin1(res.Entries, places, towns); err != nil {
		return nil, err
	}
	res.Entries = append(res.Entries, places...)
	if o.Petrarch != "" {
		actors, err := parseFile(filepath.Join(o.Petrarch, "actor_dict_ar_v4.txt"), ReadPetrarchActors)
		if err != nil {
			return nil, err
		}
		iso3 := map[string]string{}
		for _, c := range countries {
			iso3[c.ISO3] = c.Entry.Country
		}
		pet := PetrarchEntries(actors, iso3, common)
		pet = dropKnown(res.Entries, pet)
		logf("petrarch: %d actors kept of %d names", len(pet), len(actors))
		res.Entries = append(res.Entries, pet...)
		res.Agents, err = parseFile(filepath.Join(o.Petrarch, "agents.all.ar.txt"), ReadPetrarchAgents)
		if err != nil {
			return nil, err
		}
	}
	if _, err := kb.New(res.Entries, res.Ambiguous); err != nil {
		return nil, err
	}
	res.Common = commonList(common)
	if o.Out != "" {
		if err := writeFile(filepath.Join(o.Out, "kb.tsv"), func(w io.Writer) error { return kb.WriteEntries(w, res.Entries) }); err != nil {
			return nil, err
		}
		if err := writeFile(filepath.Join(o.Out, "ambiguous.tsv"), func(w io.Writer) error { return kb.WriteAmbiguous(w, res.Ambiguous) }); err != nil {
			return nil, err
		}
		if err := writeFile(filepath.Join(o.Out, "agents.tsv"), func(w io.Writer) error { return kb.WriteAgents(w, res.Agents) }); err != nil {
			return nil, err
		}
		if err := writeFile(filepath.Join(o.Out, "common.txt"), func(w io.Writer) error { return kb.WriteWords(w, res.Common) }); err != nil {
			return nil, err
		}
		if err := writeFile(filepath.Join(o.Out, "camps.tsv"), func(w io.Writer) error { return kb.WriteCamps(w, res.Camps) }); err != nil {
			return nil, err
		}
		logf("wrote %d entries to %s", len(res.Entries), o.Out)
	}
	return res, nil
}

func parseFile[T any](path string, parse func(io.Reader, string) (T, error)) (T, error) {
	f, err := os.Open(path)
	if err != nil {
		var zero T
		return zero, err
	}
	defer f.Close()
	return parse(bufio.NewReaderSize(f, 1<<16), path)
}

func writeFile(path string, write func(io.Writer) error) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// checkRefs makes sure parents, role organisations written as ids, and
// ambiguous readings name entries that exist, and that ids are unique.
func checkRefs(entries []*kb.Entry, amb []kb.AmbiguousName) error {
	ids := map[string]bool{}
	for _, e := range entries {
		if ids[e.ID] {
			return fmt.Errorf("duplicate id %s", e.ID)
		}
		ids[e.ID] = true
	}
	for _, e := range entries {
		if e.Parent != "" && !ids[e.Parent] {
			return fmt.Errorf("%s: parent %s is not an entry", e.ID, e.Parent)
		}
		for _, r := range e.Roles {
			if strings.HasPrefix(r.Org, "kb:") || strings.HasPrefix(r.Org, "iso:") {
				if !ids[r.Org] {
					return fmt.Errorf("%s: role %q in %s, which is not an entry", e.ID, r.Title, r.Org)
				}
			}
		}
	}
	for _, a := range amb {
		for _, r := range a.Readings {
			if !ids[r.ID] {
				return fmt.Errorf("ambiguous %q: %s is not an entry", a.Name, r.ID)
			}
		}
	}
	return nil
}

// Descriptors that, put before a leader's surname, name the force he leads
// («قوات حفتر», «مليشيات الحوثي»). The hostile ones are what opponents say.
var (
	neutralDescriptors = []string{"قوات", "عناصر", "مسلحي", "مقاتلي", "جماعة", "أنصار"}
	hostileDescriptors = []string{"مليشيات", "ميليشيات", "مليشيا", "ميليشيا", "مرتزقة", "عصابات"}
)

// leaderAliases gives each armed group the names "descriptor + surname" of
// the people recorded as its leader or commander.
func leaderAliases(entries []*kb.Entry) {
	byID := map[string]*kb.Entry{}
	for _, e := range entries {
		byID[e.ID] = e
	}
	for _, e := range entries {
		if e.Type != kb.PER {
			continue
		}
		for _, r := range e.Roles {
			org := byID[r.Org]
			if org == nil || org.Type != kb.ArmedGroup || !leadsGroup(r.Title) {
				continue
			}
			for _, a := range e.Aliases {
				if strings.Contains(a, " ") {
					continue
				}
				for _, d := range neutralDescriptors {
					org.Aliases = uniqueAppend(org.Aliases, d+" "+a)
				}
				for _, d := range hostileDescriptors {
					org.Aliases = uniqueAppend(org.Aliases, d+" "+a)
					org.Hostile = uniqueAppend(org.Hostile, d+" "+a)
				}
			}
		}
	}
}

func leadsGroup(title string) bool {
	switch title {
	case "leader", "commander", "commander-in-chief", "founder":
		return true
	}
	return false
}

// mergeLibya folds GeoNames' Libyan towns into the OSM entries of the same
// town (same name within 15 km), which gain GeoNames' population; GeoNames
// towns OSM lacks are kept.
func mergeLibya(osm, geonames []*kb.Entry) (libya, rest []*kb.Entry, merged int) {
	for _, g := range geonames {
		if g.Country != "LY" || len(osm) == 0 {
			rest = append(rest, g)
			continue
		}
		var best *kb.Entry
		bestD := math.Inf(1)
		for _, o := range osm {
			d := geo.DistanceKm(g.Lat, g.Lon, o.Lat, o.Lon)
			if d < 15 && d < bestD && sameName(g, o) {
				best, bestD = o, d
			}
		}
		if best == nil {
			rest = append(rest, g)
			continue
		}
		merged++
		if g.Population > best.Population {
			best.Population = g.Population
		}
		if g.Kind == "capital" || g.Kind == "city" {
			best.Kind = g.Kind
		}
		if best.Name == "" {
			best.Name = g.Name
		}
		for _, a := range append([]string{g.Name}, g.Aliases...) {
			if a != "" && a != best.Name && kb.Key(a) != kb.Key(best.Name) {
				best.Aliases = uniqueAppend(best.Aliases, a)
			}
		}
		best.AliasesEn = uniqueAppend(best.AliasesEn, append([]string{g.NameEn}, g.AliasesEn...)...)
		best.AliasesEn = removeString(best.AliasesEn, best.NameEn)
	}
	return osm, rest, merged
}

// sameName compares two places' Arabic keys and English names, ignoring a
// transliterated article («Al », «Az »…).
func sameName(a, b *kb.Entry) bool {
	ka := map[string]bool{}
	for _, n := range a.Names() {
		ka[kb.Key(n)] = true
	}
	for _, n := range b.Names() {
		if ka[kb.Key(n)] {
			return true
		}
	}
	en := map[string]bool{}
	for _, n := range append([]string{a.NameEn}, a.AliasesEn...) {
		en[latinKey(n)] = true
	}
	for _, n := range append([]string{b.NameEn}, b.AliasesEn...) {
		if n != "" && en[latinKey(n)] {
			return true
		}
	}
	return false
}

func latinKey(s string) string {
	s = strings.ToLower(s)
	for _, p := range []string{"al ", "al-", "el ", "el-", "ad ", "adh ", "ar ", "as ", "ash ", "at ", "az ", "an "} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			s = rest
			break
		}
	}
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' {
			return r
		}
		return -1
	}, s)
}

func removeString(xs []string, s string) []string {
	out := xs[:0]
	for _, x := range xs {
		if x != s && x != "" {
			out = append(out, x)
		}
	}
	return out
}

// dropCommonSmall removes the one-word common-word names («التضامن»,
// «بدر») of places smaller than a city, and the places left without an
// Arabic name.
func dropCommonSmall(es []*kb.Entry, common map[string]bool) []*kb.Entry {
	var out []*kb.Entry
	for _, e := range es {
		if e.Kind != "city" && e.Name != "" {
			names := dropCommon(e.Names(), common)
			if len(names) == 0 {
				continue
			}
			e.Name, e.Aliases = names[0], names[1:]
		}
		out = append(out, e)
	}
	return out
}

// dropKnown leaves out PETRARCH entries whose name is already a curated or
// gazetteer name; a curated entry without a CAMEO code takes the
// dictionary's.
func dropKnown(known, pet []*kb.Entry) []*kb.Entry {
	byKey := map[string][]*kb.Entry{}
	for _, e := range known {
		for _, n := range e.Names() {
			byKey[kb.Key(n)] = append(byKey[kb.Key(n)], e)
		}
	}
	var out []*kb.Entry
	for _, p := range pet {
		if ks := byKey[kb.Key(p.Name)]; len(ks) > 0 {
			for _, k := range ks {
				if k.Source == kb.SourceCurated && k.CAMEO == "" && k.IsActor() {
					k.CAMEO = p.CAMEO
				}
			}
			continue
		}
		out = append(out, p)
	}
	return out
}

// wordKeys splits a name into its match keys.
func wordKeys(name string) []string { return strings.Fields(kb.Key(name)) }

// commonList returns the common words sorted.
func commonList(common map[string]bool) []string {
	out := make([]string, 0, len(common))
	for k := range common {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// crossCheck lists the curated places that a gazetteer place of the same
// name and country contradicts by more than maxKm: a hand-written
// coordinate to look at again, or two places that share a name.
func crossCheck(curated, places []*kb.Entry, maxKm float64) []string {
	byKey := map[string][]*kb.Entry{}
	for _, p := range places {
		for _, n := range p.Names() {
			k := kb.Key(n)
			byKey[k] = append(byKey[k], p)
		}
	}
	var out []string
	for _, c := range curated {
		if !c.IsPlace() || !c.HasCoords || c.Precision > kb.PrecisionTown {
			continue
		}
		for _, n := range c.Names() {
			for _, p := range byKey[kb.Key(n)] {
				if p.Country != c.Country {
					continue
				}
				if d := geo.DistanceKm(c.Lat, c.Lon, p.Lat, p.Lon); d > maxKm {
					out = append(out, fmt.Sprintf("%s «%s» is %.0f km from %s (%s)", c.ID, n, d, p.ID, p.NameEn))
				} else {
					out = append(out, fmt.Sprintf("%s «%s» duplicates %s (%s), %.1f km away", c.ID, n, p.ID, p.NameEn, d))
				}
			}
		}
	}
	return out
}
