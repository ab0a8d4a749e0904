package stories

import (
	"testing"

	"github.com/marsad/marsad/internal/record"
)

func TestLookupLabel(t *testing.T) {
	tests := []struct {
		label    string
		wantTerm string // "" when not in the lexicon
		wantTone Tone
	}{
		{"مليشيات", "مليشيات", Pejorative},
		{"ميليشيات", "مليشيات", Pejorative},
		{"ومليشيات", "مليشيات", Pejorative},
		{"بالميليشيات", "مليشيات", Pejorative},
		{"مليشيات حفتر", "مليشيات", Pejorative},
		{"المرتزقة", "مرتزقة", Pejorative},
		{"الانقلابيين", "الانقلابيين", Pejorative},
		{"الإرهابيين", "الإرهابيين", Pejorative},
		{"الجيش الوطني الليبي", "الجيش", Legitimising},
		{"الثوار", "الثوار", Legitimising},
		{"الشرعية", "الشرعية", Legitimising},
		{"قوات", "قوات", Neutral},
		{"عناصر", "عناصر", Neutral},
		{"حكومة", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		e, ok := LookupLabel(tt.label)
		if ok != (tt.wantTerm != "") || e.Term != tt.wantTerm || e.Tone != tt.wantTone {
			t.Errorf("LookupLabel(%q) = %q %q %v, want %q %q", tt.label, e.Term, e.Tone, ok, tt.wantTerm, tt.wantTone)
		}
	}
}

// labelsOf returns outlet → label → count for one actor.
func labelsOf(r FramingReport, actor string) map[string]map[string]int {
	out := map[string]map[string]int{}
	for _, a := range r.ByActor {
		if a.Actor != actor {
			continue
		}
		for _, o := range a.Outlets {
			out[o.Outlet] = map[string]int{}
			for _, l := range o.Labels {
				out[o.Outlet][l.Label] = l.Count
			}
		}
	}
	return out
}

func TestFramingWhoCallsWhomWhat(t *testing.T) {
	var docs []record.Document
	docs = append(docs, gharyanDocs()...)
	docs = append(docs, salahDocs()...)
	docs = append(docs, taizDocs()...)
	var table FramingTable
	for i := range docs {
		table.Add(&docs[i])
	}
	r := table.Report()
	if r.Kind != KindFraming {
		t.Errorf("kind %q", r.Kind)
	}
	tests := []struct {
		actor, outlet string
		want          map[string]int
		wantTone      string
	}{
		// The western outlet calls Haftar's side militias, and its own side forces.
		{idLNA, "منصة الغرب", map[string]int{"مليشيات": 1, "عناصر": 1}, "mixed"},
		{idGNA, "منصة الغرب", map[string]int{"قوات": 2}, "neutral"},
		// The eastern outlet calls Haftar's side the army, and the other side militias.
		{idLNA, "قناة البرقة", map[string]int{"الجيش": 1, "قوات": 1}, "mixed"},
		{idGNA, "قناة البرقة", map[string]int{"مليشيات": 1, "قوات": 1}, "mixed"},
		{idLNA, "الوسط اليوم", map[string]int{"قوات": 1, "الجيش": 1}, "mixed"},
		// A label the pipeline put on the mention is taken as given.
		{idGovYemen, "صوت الجبل", map[string]int{"مليشيات": 1}, "pejorative"},
		{idHouthi, "صوت الجبل", map[string]int{"قوات": 1}, "neutral"},
		{idHouthi, "صحيفة الأفق", map[string]int{"جماعة": 1}, "neutral"},
	}
	for _, tt := range tests {
		got := labelsOf(r, tt.actor)[tt.outlet]
		if len(got) != len(tt.want) {
			t.Errorf("%s by %s: labels %v, want %v", tt.actor, tt.outlet, got, tt.want)
			continue
		}
		for l, n := range tt.want {
			if got[l] != n {
				t.Errorf("%s by %s: labels %v, want %v", tt.actor, tt.outlet, got, tt.want)
				break
			}
		}
		for _, o := range r.ByOutlet {
			if o.Outlet != tt.outlet {
				continue
			}
			for _, a := range o.Actors {
				if a.Actor == tt.actor && a.Tone != tt.wantTone {
					t.Errorf("%s by %s: tone %q, want %q", tt.actor, tt.outlet, a.Tone, tt.wantTone)
				}
			}
		}
	}
}

func TestFramingPrefersThePipelinesTable(t *testing.T) {
	d := newDoc("f", "منفذ", "", "", "2020-01-01", "هاجمت مرتزقة فاغنر المواقع، وقالت قوات فاغنر إنها صدت الهجوم.")
	entity(&d, "actor:wagner", record.ArmedGroup, "فاغنر", "LNA", "فاغنر")
	d.Framing = []record.Framing{{Actor: "actor:wagner", Labels: map[string]int{"مرتزقة": 3}}}
	out := CompareFraming([]record.Document{d})
	if len(out) != 1 || len(out[0].Actors) != 1 {
		t.Fatalf("framing %+v", out)
	}
	a := out[0].Actors[0]
	if len(a.Labels) != 1 || a.Labels[0].Label != "مرتزقة" || a.Labels[0].Count != 3 || !a.Labels[0].Loaded {
		t.Errorf("labels %+v, want مرتزقة×3 loaded (the pipeline's counts, not re-derived)", a.Labels)
	}
	if len(a.Names) != 1 || a.Names[0].Label != "فاغنر" || a.Names[0].Count != 2 {
		t.Errorf("names %+v, want فاغنر×2", a.Names)
	}
}

func TestFramingDerivesLabelsFromTheWordBefore(t *testing.T) {
	d := newDoc("g", "منفذ", "", "", "2020-01-01", "تقدمت ميليشيات   الدعم نحو المدينة، ثم انسحب الدعم.")
	entity(&d, "actor:rsf", record.ArmedGroup, "الدعم", "", "الدعم")
	out := CompareFraming([]record.Document{d})
	if len(out) != 1 || len(out[0].Actors) != 1 {
		t.Fatalf("framing %+v", out)
	}
	labels := out[0].Actors[0].Labels
	if len(labels) != 1 || labels[0].Label != "مليشيات" || labels[0].Count != 1 || labels[0].Tone != Pejorative {
		t.Errorf("labels %+v, want one مليشيات (pejorative) from the word before the first mention", labels)
	}
}
