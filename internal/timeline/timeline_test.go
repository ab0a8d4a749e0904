package timeline

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/kb"
)

func mustDefault(t testing.TB) *Timeline {
	t.Helper()
	tl, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	return tl
}

func mustKB(t testing.TB) *kb.KB {
	t.Helper()
	base, err := kb.Default()
	if err != nil {
		t.Fatalf("kb.Default: %v", err)
	}
	return base
}

// TestDataCoverage: the timeline is broad, not one war's.
func TestDataCoverage(t *testing.T) {
	tl := mustDefault(t)
	if n := len(tl.Landmarks()); n < 200 {
		t.Errorf("%d landmarks, want at least 200", n)
	}
	perCountry := map[string]int{}
	for _, l := range tl.Landmarks() {
		perCountry[l.Country]++
	}
	wide := 0
	for c, n := range perCountry {
		if n >= 7 {
			wide++
		}
		if n > len(tl.Landmarks())/4 {
			t.Errorf("%s holds %d of %d landmarks: the data leans on one war", c, n, len(tl.Landmarks()))
		}
	}
	if wide < 8 {
		t.Errorf("%d countries with at least 7 landmarks, want at least 8: %v", wide, perCountry)
	}
}

// TestDataValid checks every entry against the knowledge base: places
// resolve, actors are known sides or entries, landmarks fall within their
// war, territorial changes have a located place.
func TestDataValid(t *testing.T) {
	tl := mustDefault(t)
	base := mustKB(t)
	sides := map[string]bool{}
	for _, e := range base.Entries() {
		if e.Side != "" {
			sides[e.Side] = true
		}
	}
	for _, w := range tl.Wars() {
		if !w.To.IsZero() && w.End().Before(w.From) {
			t.Errorf("war %s ends before it starts", w.ID)
		}
		for _, c := range w.Countries {
			if base.Country(c) == nil {
				t.Errorf("war %s: country %s not in the knowledge base", w.ID, c)
			}
		}
	}
	for _, l := range tl.Landmarks() {
		if base.Country(l.Country) == nil {
			t.Errorf("landmark %s: country %s not in the knowledge base", l.ID, l.Country)
		}
		if l.Place != "" && l.PlaceID == "" {
			t.Errorf("landmark %s: place %q does not resolve in the knowledge base", l.ID, l.Place)
		}
		if (l.Class == Territory) && !l.HasCoords {
			t.Errorf("landmark %s: a territorial change needs a place with coordinates", l.ID)
		}
		for _, a := range l.Sides() {
			if !sides[a] && base.Get(a) == nil {
				t.Errorf("landmark %s: actor %q is neither a side nor an entry of the knowledge base", l.ID, a)
			}
		}
		if w := tl.War(l.War); w != nil {
			if l.Date.Before(w.Earliest()) || !w.End().IsZero() && l.Date.After(w.End()) {
				t.Errorf("landmark %s (%s) lies outside its war %s", l.ID, l.Date.Format("2006-01-02"), w.ID)
			}
		}
		if l.Date.Year() < 1990 || l.Date.After(time.Now()) {
			t.Errorf("landmark %s: date %s out of range", l.ID, l.Date.Format("2006-01-02"))
		}
	}
}

// TestAliasesUnique: no two entries share a name, so a mention means one
// thing.
func TestAliasesUnique(t *testing.T) {
	tl := mustDefault(t)
	seen := map[string]string{}
	check := func(owner, name string) {
		k := strings.Join(Key(name), " ")
		if k == "" {
			t.Errorf("%s: name %q has no words", owner, name)
			return
		}
		if prev, ok := seen[k]; ok && prev != owner {
			t.Errorf("name %q belongs to both %s and %s", name, prev, owner)
		}
		seen[k] = owner
	}
	for _, w := range tl.Wars() {
		for _, n := range append(append([]string(nil), w.Names...), w.Generic...) {
			check("war "+w.ID, n)
		}
	}
	for _, l := range tl.Landmarks() {
		for _, a := range l.Aliases {
			check("landmark "+l.ID, a.Text)
		}
	}
}

// TestLoadErrors: malformed data is refused with its file and line.
func TestLoadErrors(t *testing.T) {
	wars := "id\tcountries\tfrom\tto\tname_en\tnames\nx-war\tLY\t2019-04-04\t2020-06-05\tA war\tحرب ما\n"
	head := "id\tdate\tcountry\twar\tclass\tplace\tactors\tname_en\taliases\n"
	cases := []struct {
		name, wars, landmarks, want string
	}{
		{"bad date", wars, head + "a\t2020-13-01\tLY\tx-war\tterritory\t-\t-\tA\tشيء ما\n", "date"},
		{"month only", wars, head + "a\t2020-06\tLY\tx-war\tterritory\t-\t-\tA\tشيء ما\n", "date"},
		{"unknown class", wars, head + "a\t2020-06-01\tLY\tx-war\tbattle\t-\t-\tA\tشيء ما\n", "class"},
		{"unknown war", wars, head + "a\t2020-06-01\tLY\ty-war\tattack\t-\t-\tA\tشيء ما\n", "unknown war"},
		{"duplicate id", wars, head + "a\t2020-06-01\tLY\t-\tattack\t-\t-\tA\tشيء ما\na\t2020-06-02\tLY\t-\tattack\t-\t-\tB\tشيء آخر\n", "duplicate"},
		{"war ends first", "id\tcountries\tfrom\tto\tname_en\tnames\nx\tLY\t2020-01-01\t2019-01-01\tA\tحرب\n", head, "before it starts"},
		{"short row", wars, head + "a\t2020-06-01\tLY\n", "columns"},
		{"no alias", wars, head + "a\t2020-06-01\tLY\t-\tattack\t-\t-\tA\t\n", "alias"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"data/wars.tsv":         {Data: []byte(tc.wars)},
				"data/landmarks/xx.tsv": {Data: []byte(tc.landmarks)},
			}
			_, err := Load(fsys, nil)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Load error %v, want one about %q", err, tc.want)
			}
			if !strings.Contains(err.Error(), ".tsv") {
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
}

// TestFind matches names on sentences written for this test.
func TestFind(t *testing.T) {
	tl := mustDefault(t)
	cases := []struct {
		text string
		want []string // ids of wars or landmarks, in order
	}{
		{"قال القائد إن قوات عملية بركان الغضب تقدمت جنوبا.", []string{"ly-tripoli-2019"}},
		{"وجاء ذلك بعد مؤتمر برلين الذي شاركت فيه دول عدة.", []string{"ly-2020-berlin-conference"}},
		{"وتحدث عن مؤتمر برلين الثاني المنتظر.", []string{"ly-2021-berlin-two"}},
		{"منذ هجوم قوات حفتر على طرابلس تغير كل شيء.", []string{"ly-tripoli-2019"}},
		{"منذ سقوط الموصل في يد التنظيم.", []string{"iq-2014-mosul-falls"}},
		{"مع استمرار الحرب في السودان، فر الآلاف.", []string{"sd-war"}},
		{"وذلك بعد تحرير مدينة الرقة من التنظيم.", []string{"sy-2017-raqqa"}},
		{"ووقع الطرفان اتفاق «الصخيرات» برعاية أممية.", []string{"ly-2015-skhirat"}},
		{"لم يتحدث أحد عن الموصل اليوم.", nil},
		{"الحرب. في السودان", nil},
	}
	for _, tc := range cases {
		t.Run(tc.text, func(t *testing.T) {
			var got []string
			for _, m := range tl.Find(arabic.Tokenize(tc.text)) {
				switch {
				case m.War != nil:
					got = append(got, m.War.ID)
				case m.Landmark != nil:
					got = append(got, m.Landmark.ID)
				}
				if r := []rune(tc.text); m.Start < 0 || m.End > len(r) || m.Start >= m.End {
					t.Errorf("mention %q has bad offsets %d–%d", m.Text, m.Start, m.End)
				}
			}
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("Find = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestNear(t *testing.T) {
	tl := mustDefault(t)
	base := mustKB(t)
	tarhuna := PlaceEntry("ترهونة", "LY", base)
	if tarhuna == nil {
		t.Fatal("ترهونة does not resolve")
	}
	var ids []string
	for _, l := range tl.Near(tarhuna.ID, tarhuna.Lat, tarhuna.Lon, tarhuna.HasCoords, 25, Territory) {
		ids = append(ids, l.ID)
	}
	if strings.Join(ids, ",") != "ly-2020-tarhuna" {
		t.Errorf("territorial landmarks near Tarhuna = %v", ids)
	}
	if got := tl.Near("", 0, 0, false, 25); len(got) != 0 {
		t.Errorf("Near with no place = %d landmarks", len(got))
	}
}

func TestWarBounds(t *testing.T) {
	tl := mustDefault(t)
	w := tl.War("ly-bunyan")
	if w == nil || !w.FromMonth || w.Latest().Format("2006-01-02") != "2016-05-31" {
		t.Fatalf("ly-bunyan bounds wrong: %+v", w)
	}
	if sd := tl.War("sd-war"); sd == nil || !sd.End().IsZero() {
		t.Errorf("sd-war should be ongoing")
	}
	if n := len(tl.WarsOf("LY")); n < 4 {
		t.Errorf("WarsOf(LY) = %d wars", n)
	}
}

func TestClassesFor(t *testing.T) {
	cases := []struct {
		typ, sub string
		want     string
	}{
		{"Battles", "Government regains territory", "territory"},
		{"Strategic developments", "Non-violent transfer of territory", "territory"},
		{"Explosions/Remote violence", "Air/drone strike", "attack,killing"},
		{"Strategic developments", "Agreement", "agreement"},
		{"Battles", "Armed clash", ""},
		{"Strategic developments", "Change to group/activity", ""},
	}
	for _, tc := range cases {
		var got []string
		for _, c := range ClassesFor(tc.typ, tc.sub) {
			got = append(got, string(c))
		}
		if strings.Join(got, ",") != tc.want {
			t.Errorf("ClassesFor(%s, %s) = %v, want %s", tc.typ, tc.sub, got, tc.want)
		}
	}
}
