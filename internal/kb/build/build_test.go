package build

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/marsad/marsad/internal/kb"
)

func TestParseCountries(t *testing.T) {
	src := "# comment\nLY | LBY | ليبيا | Libya | دولة ليبيا | 27,17 | ليبي |\nRU | RUS | روسيا | Russia | | 61.5,105.3 | روسي | روس\n"
	cs, err := ParseCountries(strings.NewReader(src), "countries.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 || cs[0].ISO3 != "LBY" || cs[0].Entry.ID != "iso:LY" || cs[0].Entry.Type != kb.GPE {
		t.Fatalf("got %+v", cs)
	}
	want := []string{"ليبي", "ليبية", "ليبيين", "ليبيون", "ليبيات"}
	if !reflect.DeepEqual(cs[0].Entry.Adjectives, want) {
		t.Errorf("adjectives %q, want %q", cs[0].Entry.Adjectives, want)
	}
	if adj := cs[1].Entry.Adjectives; adj[len(adj)-1] != "روس" {
		t.Errorf("irregular form missing: %q", adj)
	}
	for _, bad := range []string{"LYB | LBY | ليبيا | Libya | | 27,17 | |", "LY | LBY | ليبيا | Libya | | 27 | |", "LY | LBY | ليبيا | Libya | | 97,17 | |"} {
		if _, err := ParseCountries(strings.NewReader(bad), "countries.txt"); err == nil || !strings.Contains(err.Error(), "countries.txt:1") {
			t.Errorf("%q: error %v, want one naming countries.txt:1", bad, err)
		}
	}
}

func TestParsePlaces(t *testing.T) {
	src := "kb:x-a | GPE admin1 | الجفرة | Jufra | شعبية الجفرة / منطقة الجفرة | LY | Al Jufrah | 29.1,15.9 | 3 |\n"
	ps, err := ParsePlaces(strings.NewReader(src), "p.txt")
	if err != nil {
		t.Fatal(err)
	}
	e := ps[0]
	if e.Kind != "admin1" || e.Precision != 3 || len(e.Aliases) != 2 || !e.HasCoords || e.Admin1 != "Al Jufrah" {
		t.Errorf("got %+v", e)
	}
	for _, bad := range []string{
		"x-a | GPE town | ا | A | | LY | | 29,15 | 1 |",     // id without kb:
		"kb:x | GPE town | ا | A | | LY | | 29;15 | 1 |",    // coordinates
		"kb:x | GPE town | ا | A | | LY | | 29,15 | one |",  // precision
		"kb:x | PLACE town | ا | A | | LY | | 29,15 | 1 |",  // type
		"kb:x | GPE town | ا | A | | Libya | | 29,15 | 1 |", // country
		"kb:x | GPE town | ا | A | | LY | | 29,15 | 7 |",    // precision range
	} {
		if _, err := ParsePlaces(strings.NewReader(bad), "p.txt"); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

const actorsSrc = `# test actors
id: kb:force
type: ARMED_GROUP militia
ar: قوة المثال
en: Example Force
aka: قوة المثال الخاصة
own: حماة المثال
hostile: عصابة المثال
side: XX-A
country: LY

id: kb:leader
type: PER
ar: سالم المثالي
en: Salem al-Mithali
aka: المثالي
side: XX-A
country: LY
role: commander @ kb:force @ 2019-04 @ 2020-06
`

func TestParseActors(t *testing.T) {
	es, err := ParseActors(strings.NewReader(actorsSrc), "actors-x.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 2 {
		t.Fatalf("%d entries", len(es))
	}
	force, leader := es[0], es[1]
	if force.Kind != "militia" || !reflect.DeepEqual(force.Aliases, []string{"قوة المثال الخاصة", "حماة المثال", "عصابة المثال"}) {
		t.Errorf("force %+v", force)
	}
	if len(leader.Roles) != 1 || leader.Roles[0] != (kb.Role{Title: "commander", Org: "kb:force", From: "2019-04", To: "2020-06"}) {
		t.Errorf("roles %+v", leader.Roles)
	}
	leaderAliases(es)
	if !contains(force.Aliases, "قوات المثالي") || !contains(force.Hostile, "مليشيات المثالي") || contains(force.Hostile, "قوات المثالي") {
		t.Errorf("leader aliases: %q / hostile %q", force.Aliases, force.Hostile)
	}
	for _, bad := range []string{
		"type: PER\nar: س\n",                                      // no id first
		"id: kb:a\ntype: PER\nar: س\nfoo: bar\n",                  // unknown key
		"id: kb:a\ntype: PER\nar: س\nrole: x @ y @ 2020 @ 2019\n", // dates reversed
		"id: kb:a\ntype: PER\nar: س\nrole: x @ y @ 20-01 @\n",     // malformed date
		"id: a\ntype: PER\nar: س\n",                               // id prefix
		"id: kb:a\ntype: PERSON\nar: س\n",                         // type
	} {
		if _, err := ParseActors(strings.NewReader(bad), "a.txt"); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func TestParseAmbiguous(t *testing.T) {
	as, err := ParseAmbiguous(strings.NewReader("الاسم | *kb:a@XX-A / kb:b@XX-B | note\n"), "amb.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := []kb.Reading{{ID: "kb:a", Leaning: "XX-A", Default: true}, {ID: "kb:b", Leaning: "XX-B"}}
	if !reflect.DeepEqual(as[0].Readings, want) || as[0].Note != "note" {
		t.Errorf("got %+v", as[0])
	}
	for _, bad := range []string{"الاسم | kb:a@XX-A | one reading", "الاسم | kb:a / kb:b |"} {
		if _, err := ParseAmbiguous(strings.NewReader(bad), "amb.txt"); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// A dictionary in PETRARCH's layout, written for this test.
const petrarchSrc = `سالم_المثالي_
	[LBYGOV 20100101-20151231]
	[LBYELI 20160101-18000101]
حركة_مثال_ليبي_  [LBYREB]
وزير_مثال_  [LBYGOV]
مثال  [LBY]
جيش  [MIL]
شرق_مثالي_  [LBYMED]
`

func TestPetrarch(t *testing.T) {
	actors, err := ReadPetrarchActors(strings.NewReader(petrarchSrc), "actors.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(actors) != 6 || len(actors[0].codes) != 2 || actors[0].codes[1].to != "" || actors[0].codes[0].from != "2010-01-01" {
		t.Fatalf("parsed %+v", actors)
	}
	es := PetrarchEntries(actors, map[string]string{"LBY": "LY"}, map[string]bool{})
	got := map[string]*kb.Entry{}
	for _, e := range es {
		got[e.ID] = e
	}
	if len(es) != 2 {
		t.Errorf("kept %d entries: %v", len(es), es)
	}
	if p := got["pet:سالم_المثالي"]; p == nil || p.Type != kb.PER || p.Country != "LY" || len(p.Roles) != 2 || p.CAMEO != "LBYGOV" {
		t.Errorf("person %+v", p)
	}
	if o := got["pet:حركة_مثال_ليبي"]; o == nil || o.Type != kb.ArmedGroup || o.Source != kb.SourcePetrarch {
		t.Errorf("group %+v", o)
	}
	agents, err := ReadPetrarchAgents(strings.NewReader("# c\nSEPARATIST [~REB]انفصالي\n\nDISPLACED_PEOPLE {} [~REF]النازحين\n"), "agents.txt")
	if err != nil || len(agents) != 2 || agents[1] != (kb.Agent{Name: "النازحين", Code: "REF", English: "displaced people"}) {
		t.Errorf("agents %+v, %v", agents, err)
	}
}

const osmSrc = `{"metadata": {}, "data": [
 {"name": [{"ar": "مدينة المثال", "en": "Mithal", "fr": "Mithale"}], "latitude": 32.9, "longitude": 13.2, "id": 1, "type": "city"},
 {"name": [{"ar": "Swapped", "en": "القرية المبدلة"}], "latitude": 30.1, "longitude": 15.2, "id": 1, "type": "village"},
 {"name": [{"ar": "التضامن"}], "latitude": 31.1, "longitude": 15.2, "id": 2, "type": "village"},
 {"name": [{"de": "Nur"}], "latitude": 31.1, "longitude": 15.2, "id": 3, "type": "village"}
]}`

func TestParseOSMLibya(t *testing.T) {
	es, err := ParseOSMLibya(strings.NewReader(osmSrc), "osm.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 3 {
		t.Fatalf("%d entries", len(es))
	}
	if es[0].ID != "osm:ly:city:1" || es[0].Name != "المثال" || !contains(es[0].Aliases, "مدينة المثال") || !contains(es[0].AliasesEn, "Mithale") {
		t.Errorf("city %+v", es[0])
	}
	if es[1].ID != "osm:ly:village:1" || es[1].Name != "القرية المبدلة" || es[1].NameEn != "Swapped" {
		t.Errorf("swapped %+v", es[1])
	}
	if kept := dropCommonSmall(es, map[string]bool{kb.Key("التضامن"): true}); len(kept) != 2 {
		t.Errorf("common-word village kept: %d", len(kept))
	}
	if _, err := ParseOSMLibya(strings.NewReader(`{"data": []}`), "osm.json"); err == nil {
		t.Error("empty gazetteer accepted")
	}
}

// geoLine writes a cities500 row.
func geoLine(id, name, alts, lat, lon, code, cc, pop string) string {
	f := make([]string, 19)
	f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[14] = id, name, name, alts, lat, lon, "P", code, cc, pop
	return strings.Join(f, "\t") + "\n"
}

func TestGeoEntries(t *testing.T) {
	src := geoLine("1", "Mithal", "لأندأن,مثال,Mithal", "15.3", "44.2", "PPLC", "YE", "100000") +
		geoLine("2", "Smallplace", "الحكومة", "15.1", "44.1", "PPL", "YE", "900") +
		geoLine("3", "Farplace", "بعيدة", "48.1", "2.1", "PPL", "FR", "900") +
		geoLine("4", "Noname", "", "15.2", "44.3", "PPL", "YE", "20000") +
		geoLine("5", "Curated", "اسم خاطئ", "15.4", "44.4", "PPL", "YE", "10")
	rows, err := ReadGeoNames(strings.NewReader(src), "cities500.txt")
	if err != nil {
		t.Fatal(err)
	}
	f := Filter{Common: map[string]bool{kb.Key("الحكومة"): true}, Reserved: map[string]bool{}, Attest: func(k string) int {
		if k == kb.Key("مثال") {
			return 3
		}
		return 0
	}}
	names := []CityName{{Country: "YE", NameEn: "Curated", Name: "المنتقى"}}
	es, err := GeoEntries(rows, names, f)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*kb.Entry{}
	for _, e := range es {
		byID[e.ID] = e
	}
	if e := byID["gn:1"]; e == nil || e.Name != "مثال" || e.Kind != "capital" {
		t.Errorf("attested spelling first: %+v", e)
	}
	if byID["gn:2"] != nil || byID["gn:3"] != nil {
		t.Error("kept a common-word village or a small town far away")
	}
	if e := byID["gn:4"]; e == nil || e.Name != "" || e.NameEn != "Noname" {
		t.Errorf("region town of 20,000 without an Arabic name: %+v", e)
	}
	if e := byID["gn:5"]; e == nil || e.Name != "المنتقى" || len(e.Aliases) != 0 {
		t.Errorf("curated name: %+v", e)
	}
	if _, err := GeoEntries(rows, []CityName{{Country: "YE", NameEn: "Nowhere", Name: "لا"}}, f); err == nil {
		t.Error("a curated name without a GeoNames row is an error")
	}
	if _, err := ReadGeoNames(strings.NewReader("1\tshort\n"), "c.txt"); err == nil {
		t.Error("short row accepted")
	}
}

// TestRun builds a small knowledge base from every kind of source and loads it.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src")
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("src/countries.txt", "LY | LBY | ليبيا | Libya | | 27,17 | ليبي |\nYE | YEM | اليمن | Yemen | | 15.6,47.6 | يمني |\n")
	write("src/places-x.txt", "kb:ly-a | GPE admin1 | شعبية المثال | Mithal | | LY | Mithal | 32.9,13.2 | 3 |\n"+
		"kb:ly-b | GPE admin1 | شعبية البعيد | Baeed | | LY | Baeed | 25,20 | 3 |\n")
	write("src/actors-x.txt", actorsSrc)
	write("src/ambiguous.txt", "قوة الجيش | *kb:force@XX-A / kb:leader@XX-B |\n")
	write("src/cities-ar.txt", "YE | Mithal | مثال |\n")
	write("src/common-words.txt", "التضامن\n")
	write("src/admin1-towns.txt", "LY | Baeed | القرية المبدلة\n")
	write("src/camps.txt", "LY | XX-A / XX-B | test\n")
	osm := write("osm.json", osmSrc)
	geo := write("cities500.txt", geoLine("7", "Mithal", "", "15.3", "44.2", "PPLC", "YE", "100000")+
		geoLine("8", "Mithal", "مثال", "32.91", "13.21", "PPLA", "LY", "5000"))
	pet := write("petrarch/actor_dict_ar_v4.txt", petrarchSrc)
	write("petrarch/agents.all.ar.txt", "SEPARATIST [~REB]انفصالي\n")
	conll := write("train.txt", "المثال B-LOC\nفي O\nفي O\nفي O\nفي O\nفي O\n")
	out := filepath.Join(dir, "out")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	res, err := Run(Options{Src: src, OSM: osm, GeoNames: geo, Petrarch: filepath.Dir(pet), ANERcorp: conll, Out: out})
	if err != nil {
		t.Fatal(err)
	}
	if !contains(res.Common, "في") || !contains(res.Common, kb.Key("التضامن")) {
		t.Errorf("common %q", res.Common)
	}
	k, err := kb.Load(os.DirFS(out))
	if err != nil {
		t.Fatal(err)
	}
	city := k.Get("osm:ly:city:1")
	if city == nil || city.Population != 5000 || city.Admin1 != "Mithal" || city.Kind != "city" {
		t.Errorf("OSM city merged with GeoNames: %+v", city)
	}
	if v := k.Get("osm:ly:village:1"); v == nil || v.Admin1 != "Baeed" {
		t.Errorf("admin1 from admin1-towns.txt: %+v", v)
	}
	if k.Get("gn:8") != nil {
		t.Error("the merged GeoNames row is still there")
	}
	if ye := k.Get("gn:7"); ye == nil || ye.Name != "مثال" {
		t.Errorf("curated city name: %+v", ye)
	}
	if got := k.Lookup("قوات المثالي"); len(got) == 0 || got[0].ID != "kb:force" {
		t.Errorf("leader alias lookup: %v", got)
	}
	if got := k.Ambiguous("قوة الجيش"); len(got) != 2 {
		t.Errorf("ambiguous: %v", got)
	}
	if k.Get("pet:سالم_المثالي") != nil {
		t.Error("a PETRARCH person whose name a curated entry has was kept")
	}
	if sides, ok := k.Camps("LY"); !ok || sides != [2]string{"XX-A", "XX-B"} {
		t.Errorf("camps %v %v", sides, ok)
	}
	if a := k.Agent("انفصالي"); a == nil || a.Code != "REB" {
		t.Errorf("agent %+v", a)
	}
	// The build is deterministic.
	before, _ := os.ReadFile(filepath.Join(out, "kb.tsv"))
	if _, err := Run(Options{Src: src, OSM: osm, GeoNames: geo, Petrarch: filepath.Dir(pet), ANERcorp: conll, Out: out}); err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(filepath.Join(out, "kb.tsv"))
	if string(before) != string(after) {
		t.Error("two builds differ")
	}
}

// TestCompiledMatchesSources fails when data/kb/src was edited without
// rebuilding data/kb/kb.tsv: every curated entry must be there as written.
func TestCompiledMatchesSources(t *testing.T) {
	res, _, err := Curated("../../../data/kb/src")
	if err != nil {
		t.Fatal(err)
	}
	k, err := kb.Default()
	if err != nil {
		t.Fatal(err)
	}
	curated := 0
	for _, e := range k.Entries() {
		if e.Source == kb.SourceCurated {
			curated++
		}
	}
	if curated != len(res.Entries) {
		t.Errorf("kb.tsv has %d curated entries, the sources %d: run marsad build-kb", curated, len(res.Entries))
	}
	for _, want := range res.Entries {
		got := k.Get(want.ID)
		if got == nil {
			t.Errorf("%s is in data/kb/src but not in kb.tsv: run marsad build-kb", want.ID)
			continue
		}
		if got.Type != want.Type || got.Name != want.Name || got.NameEn != want.NameEn || got.Side != want.Side ||
			got.Country != want.Country || got.Lat != want.Lat || got.Lon != want.Lon || got.Precision != want.Precision ||
			!reflect.DeepEqual(got.Aliases, want.Aliases) || !reflect.DeepEqual(got.Roles, want.Roles) ||
			!reflect.DeepEqual(got.Adjectives, want.Adjectives) || (want.Admin1 != "" && got.Admin1 != want.Admin1) {
			t.Errorf("%s differs between data/kb/src and kb.tsv: run marsad build-kb", want.ID)
		}
	}
	amb, err := parseFile("../../../data/kb/src/ambiguous.txt", ParseAmbiguous)
	if err != nil {
		t.Fatal(err)
	}
	if len(amb) != len(k.AmbiguousNames()) {
		t.Errorf("ambiguous.tsv has %d names, the source %d: run marsad build-kb", len(k.AmbiguousNames()), len(amb))
	}
}
