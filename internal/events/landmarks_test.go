package events

import (
	"testing"

	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/timeline"
)

var (
	entSDF   = ent{id: "t:sdf", typ: record.ArmedGroup, name: "قوات سوريا الديمقراطية", side: "SY-SDF", forms: []string{"قوات سوريا الديمقراطية"}}
	entRaqqa = ent{id: "t:raqqa", typ: record.GPE, name: "الرقة", lat: 35.95, lon: 39.01, forms: []string{"الرقة"}}
)

// TestTimelineDates: an event the text leaves undated takes the day of the
// timeline landmark it reports — same kind, same place, the landmark's day
// within the days the event may have happened on, the taker the
// landmark's — and keeps the publication window otherwise.
func TestTimelineDates(t *testing.T) {
	tl, err := timeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, body, from, to string
		ents                 []ent
		date, basis, mark    string
		precision            int
	}{
		{"takeover matches", "سيطرت قوات سوريا الديمقراطية على مدينة الرقة بعد معارك عنيفة مع تنظيم الدولة.", "2017-10-16", "2017-10-22",
			[]ent{entSDF, entRaqqa, entISIS}, "2017-10-17", "timeline", "sy-2017-raqqa", 1},
		{"landmark outside the window", "سيطرت قوات سوريا الديمقراطية على مدينة الرقة بعد معارك عنيفة مع تنظيم الدولة.", "2018-02-01", "2018-02-05",
			[]ent{entSDF, entRaqqa, entISIS}, "2018-02-03", "publication", "", 3},
		{"another taker", "سيطرت قوات النظام على مدينة الرقة بعد معارك عنيفة مع تنظيم الدولة.", "2017-10-16", "2017-10-22",
			[]ent{entSyArmy, entRaqqa, entISIS}, "2017-10-19", "publication", "", 3},
		{"the text's own day stands", "سيطرت قوات سوريا الديمقراطية يوم الاثنين على مدينة الرقة بعد معارك عنيفة مع تنظيم الدولة.", "2017-10-20", "2017-10-20",
			[]ent{entSDF, entRaqqa, entISIS}, "2017-10-16", "text", "", 1},
		{"a town the Islamic State took", "سيطر تنظيم الدولة على مدينة الموصل بعد انهيار القوات العراقية.", "2014-06-11", "2014-06-13",
			[]ent{entISIS, entMosul}, "2014-06-10", "timeline", "iq-2014-mosul-falls", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := mkDoc(t, tc.body, "", tc.ents...)
			d.Published = record.Published{From: record.Str(tc.from), To: record.Str(tc.to), Basis: record.BasisInferred}
			if tc.from == tc.to {
				d.Published.Date = record.Str(tc.from)
			}
			evs := ExtractWith(d, lex, nil, tl)
			var ev *record.Event
			for i := range evs {
				if evs[i].EventType == "Battles" || evs[i].EventType == "Strategic developments" {
					ev = &evs[i]
					break
				}
			}
			if ev == nil || ev.Date == nil {
				t.Fatalf("no dated territorial event in %s", describe(evs))
			}
			if *ev.Date != tc.date || ev.DateBasis != tc.basis || ev.DateLandmark != tc.mark || ev.TimePrecision != tc.precision {
				t.Errorf("date %s basis %q landmark %q precision %d, want %s %q %q %d", *ev.Date, ev.DateBasis, ev.DateLandmark, ev.TimePrecision,
					tc.date, tc.basis, tc.mark, tc.precision)
			}
		})
	}
}
