package stories

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/marsad/marsad/internal/geo"
	"github.com/marsad/marsad/internal/record"
)

// cluster runs docs through a fresh Clusterer in order and returns them by id.
func cluster(t *testing.T, docs []record.Document) map[string]*record.Document {
	t.Helper()
	c, err := NewClusterer(Options{})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*record.Document{}
	for i := range docs {
		c.Add(&docs[i])
		byID[docs[i].DocID] = &docs[i]
	}
	return byID
}

func TestNearDuplicates(t *testing.T) {
	cut := strings.Join(strings.Split(taizWire, "\n")[:3], "\n")
	tests := []struct {
		name          string
		first, second string
		wantDup       bool
	}{
		{"edited wire copy", taizWire, taizWireEdited, true},
		{"copy cut after three paragraphs", taizWire, cut, true},
		{"identical text", adenProtest, adenProtest, true},
		{"same event, independent writing", taizWire, taizIndependent, false},
		{"same place and topic, another day", taizWire, taizLater, false},
		{"unrelated", taizWire, adenProtest, false},
		{"empty body", taizWire, "", false},
		{"punctuation only", "،،، ...", "،،، ...", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := []record.Document{
				newDoc("first", "أ", "", "", "2021-03-10", tt.first),
				newDoc("second", "ب", "", "", "2021-03-10", tt.second),
			}
			got := cluster(t, docs)
			if dup := got["second"].DuplicateOf == "first"; dup != tt.wantDup {
				t.Errorf("DuplicateOf = %q, want duplicate: %v", got["second"].DuplicateOf, tt.wantDup)
			}
			if got["first"].DuplicateOf != "" {
				t.Errorf("the earlier document is marked a duplicate of %q", got["first"].DuplicateOf)
			}
		})
	}
}

func TestDuplicateOfPointsToTheFirstCopy(t *testing.T) {
	docs := []record.Document{
		newDoc("a", "أ", "", "", "2021-03-10", taizWire),
		newDoc("b", "ب", "", "", "2021-03-10", taizWireEdited),
		newDoc("c", "ج", "", "", "2021-03-11", taizWireEdited),
	}
	got := cluster(t, docs)
	for _, id := range []string{"b", "c"} {
		if got[id].DuplicateOf != "a" {
			t.Errorf("%s: DuplicateOf = %q, want a", id, got[id].DuplicateOf)
		}
	}
}

func TestDuplicatesExpireWithTheWindow(t *testing.T) {
	docs := []record.Document{
		newDoc("a", "أ", "", "", "2021-03-10", taizWire),
		newDoc("filler", "ب", "", "", "2021-05-01", adenProtest), // moves time on
		newDoc("b", "ب", "", "", "2021-05-02", taizWireEdited),
	}
	got := cluster(t, docs)
	if got["b"].DuplicateOf != "" {
		t.Errorf("a copy seven weeks later is linked to %q; its original should have been forgotten", got["b"].DuplicateOf)
	}
}

func TestStories(t *testing.T) {
	got := cluster(t, allFixtures())
	tests := []struct {
		name      string
		same      []string // documents that must share a story
		different []string // documents that must each be in another story than same[0]
	}{
		{"one shelling, four outlets", []string{"taiz-wire-afq", "taiz-wire-nahar", "taiz-maydan", "taiz-sanaa-denial"},
			[]string{"aden-protest", "taiz-april"}},
		{"a town's fall, both sides' outlets", []string{"gharyan-west", "gharyan-east"},
			[]string{"gharyan-recap", "misrata-clash"}},
		{"same district, July and December", []string{"salah-july"},
			[]string{"salah-december", "sabha-july", "salah-other-dyad"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := got[tt.same[0]].StoryID
			if want == "" {
				t.Fatalf("%s has no story id", tt.same[0])
			}
			for _, id := range tt.same[1:] {
				if got[id].StoryID != want {
					t.Errorf("%s in %s, want %s (with %s)", id, got[id].StoryID, want, tt.same[0])
				}
			}
			for _, id := range tt.different {
				if got[id].StoryID == want {
					t.Errorf("%s joined %s's story %s", id, tt.same[0], want)
				}
			}
		})
	}
	if id := got["taiz-wire-afq"].StoryID; id != "story:taiz-wire-afq" {
		t.Errorf("story id %q, want it named after its first document", id)
	}
}

// mergedOf returns the merged id of a document's event.
func mergedOf(t *testing.T, got map[string]*record.Document, doc string, event int) string {
	t.Helper()
	d := got[doc]
	if d == nil || event >= len(d.Events) {
		t.Fatalf("no event %d in %s", event, doc)
	}
	if d.Events[event].MergedID == "" {
		t.Fatalf("event %d of %s has no merged id", event, doc)
	}
	return d.Events[event].MergedID
}

func TestEventMerge(t *testing.T) {
	got := cluster(t, allFixtures())
	type ref struct {
		doc   string
		event int
	}
	tests := []struct {
		name     string
		a, b     ref
		wantSame bool
	}{
		{"wire original and copy", ref{"taiz-wire-afq", 0}, ref{"taiz-wire-nahar", 0}, true},
		{"other outlet, market named without id, 700 m away", ref{"taiz-wire-afq", 0}, ref{"taiz-maydan", 0}, true},
		{"the accused side's account", ref{"taiz-wire-afq", 0}, ref{"taiz-sanaa-denial", 0}, true},
		{"the same document naming it twice", ref{"taiz-sanaa-denial", 0}, ref{"taiz-sanaa-denial", 1}, true},
		{"same city six weeks later", ref{"taiz-wire-afq", 0}, ref{"taiz-april", 0}, false},
		{"other type, same day", ref{"taiz-wire-afq", 0}, ref{"aden-protest", 0}, false},
		{"town taken vs town held: territory family", ref{"gharyan-west", 0}, ref{"gharyan-east", 0}, true},
		{"undated recap whose window covers the day", ref{"gharyan-west", 0}, ref{"gharyan-recap", 0}, true},
		{"same day, 200 km away", ref{"gharyan-west", 0}, ref{"misrata-clash", 0}, false},
		{"same district months apart", ref{"salah-july", 0}, ref{"salah-december", 0}, false},
		{"same day, other city", ref{"salah-july", 0}, ref{"sabha-july", 0}, false},
		{"same place and day, disjoint parties", ref{"salah-july", 0}, ref{"salah-other-dyad", 0}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := mergedOf(t, got, tt.a.doc, tt.a.event), mergedOf(t, got, tt.b.doc, tt.b.event)
			if (a == b) != tt.wantSame {
				t.Errorf("merged ids %q and %q; want same: %v", a, b, tt.wantSame)
			}
		})
	}
}

func TestIDsAreDeterministic(t *testing.T) {
	ids := func() []string {
		var out []string
		for _, d := range cluster(t, allFixtures()) {
			out = append(out, d.DocID+" "+d.StoryID+" "+d.DuplicateOf)
			for _, e := range d.Events {
				out = append(out, e.MergedID)
			}
		}
		slices.Sort(out)
		return out
	}
	if a, b := ids(), ids(); !slices.Equal(a, b) {
		t.Fatalf("two runs differ:\n%v\n%v", a, b)
	}
}

func TestAddSurvivesOddDocuments(t *testing.T) {
	docs := []record.Document{
		{Schema: record.Schema}, // no id, no body, no dates
		newDoc("bad-dates", "", "", "", "2021-02-30", "نص قصير"),
		{Schema: record.Schema, DocID: "event-without-anything", Events: []record.Event{{EventType: "Battles"}}},
		{Schema: record.Schema, DocID: "nan-location", Events: []record.Event{{EventType: "Battles", SubEventType: "Armed clash",
			Location: &record.Location{Name: "x", Lat: record.Float(1e9), Lon: record.Float(-3)}}}},
	}
	got := cluster(t, docs)
	for id, d := range got {
		if d.StoryID == "" {
			t.Errorf("%q: no story id", id)
		}
		for i, e := range d.Events {
			if e.MergedID == "" {
				t.Errorf("%q event %d: no merged id", id, i)
			}
		}
	}
}

func TestOptionsAreChecked(t *testing.T) {
	for _, o := range []Options{{ShingleWords: 20}, {DuplicateJaccard: 1.5}, {MergeRadiusKm: -1}, {EventDays: -2}} {
		if _, err := NewClusterer(o); err == nil {
			t.Errorf("options %+v accepted", o)
		}
	}
}

// TestGridFindsEveryPairInReach checks the merged-event grid against the
// merge rule itself: for random pairs of reports at random distances and
// precisions, the Clusterer merges exactly the pairs placeMatch accepts.
func TestGridFindsEveryPairInReach(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	for i := 0; i < 400; i++ {
		lat := -60 + r.Float64()*120
		lon := -179 + r.Float64()*358
		dist := r.Float64() * 200 // km
		bearing := r.Float64() * 2 * math.Pi
		lat2 := lat + dist/111.2*math.Cos(bearing)
		lon2 := lon + dist/(111.2*math.Cos(lat*math.Pi/180))*math.Sin(bearing)
		a := &record.Location{Name: "a", Lat: record.Float(lat), Lon: record.Float(lon), GeoPrecision: 1 + r.IntN(3)}
		b := &record.Location{Name: "b", Lat: record.Float(lat2), Lon: record.Float(lon2), GeoPrecision: 1 + r.IntN(3)}
		pa, _ := placeOf(a)
		pb, _ := placeOf(b)
		_, want := placeMatch(pa, pb, DefaultOptions().MergeRadiusKm)
		docs := []record.Document{newDoc("a", "", "", "", "2020-01-01", ""), newDoc("b", "", "", "", "2020-01-01", "")}
		docs[0].Events = []record.Event{{EventType: "Battles", SubEventType: "Armed clash", Date: record.Str("2020-01-01"), Location: a}}
		docs[1].Events = []record.Event{{EventType: "Battles", SubEventType: "Armed clash", Date: record.Str("2020-01-01"), Location: b}}
		got := cluster(t, docs)
		if merged := got["a"].Events[0].MergedID == got["b"].Events[0].MergedID; merged != want {
			t.Errorf("%.1f km apart, precisions %d and %d at (%.2f, %.2f): merged %v, rule says %v",
				geo.DistanceKm(lat, lon, lat2, lon2), a.GeoPrecision, b.GeoPrecision, lat, lon, merged, want)
		}
	}
}

// TestVaguelyDatedReportsStayApart: a report that can only be dated to
// within months (an undated article whose publication is known to a year)
// cannot be told from other fighting at the same place, so it is not merged
// — neither into an earlier precise event nor as the seed of a later one.
func TestVaguelyDatedReportsStayApart(t *testing.T) {
	body := "اندلعت اشتباكات عنيفة في حي صلاح الدين بين القوات الحكومية ومسلحين."
	precise := newDoc("salah-precise", "outlet-a", "", "اشتباكات في صلاح الدين", "2019-05-17", body)
	event(&precise, "Battles", "Armed clash", "2019-05-17", locSalah, actor(idGNA, "قوات الحكومة", "LY-GNA"), actor(idLNA, "مسلحون", "LY-LNA"), nil, body)
	vague := newDoc("salah-vague", "outlet-b", "", "اشتباكات في صلاح الدين", "", body)
	vague.Published = record.Published{From: record.Str("2019-04-06"), To: record.Str("2020-06-01"), Basis: record.BasisInferred}
	ev := event(&vague, "Battles", "Armed clash", "", locSalah, actor(idGNA, "قوات الحكومة", "LY-GNA"), actor(idLNA, "مسلحون", "LY-LNA"), nil, body)
	ev.DateFrom, ev.DateTo = record.Str("2019-04-06"), record.Str("2020-06-01")
	later := newDoc("salah-later", "outlet-c", "", "اشتباكات في صلاح الدين", "2019-05-18", body)
	event(&later, "Battles", "Armed clash", "2019-05-17", locSalah, actor(idGNA, "قوات الحكومة", "LY-GNA"), actor(idLNA, "مسلحون", "LY-LNA"), nil, body)

	got := cluster(t, []record.Document{precise, vague, later})
	p, v, l := mergedOf(t, got, "salah-precise", 0), mergedOf(t, got, "salah-vague", 0), mergedOf(t, got, "salah-later", 0)
	if v == p || v == l {
		t.Errorf("the vaguely dated report was merged: precise %s, vague %s, later %s", p, v, l)
	}
	if p != l {
		t.Errorf("two precise reports of the same clash were not merged: %s, %s", p, l)
	}
}
