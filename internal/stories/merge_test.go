package stories

import (
	"testing"

	"github.com/marsad/marsad/internal/record"
)

func TestMergeRules(t *testing.T) {
	gna := actor("actor:gna", "حكومة الوفاق", "GNA")
	lna := actor("actor:lna", "الجيش الوطني", "LNA")
	isis := actor("actor:is", "تنظيم الدولة", "IS")
	tebu := actor("actor:tebu", "التبو", "Tebu")
	town := loc("geo:town", "البلدة", 32.0, 13.0)
	townNoID := loc("", "البلدة", 32.0, 13.0)
	km20 := loc("geo:near", "قرية قريبة", 32.18, 13.0) // 20 km north
	km40 := loc("geo:far", "قرية بعيدة", 32.36, 13.0)  // 40 km north
	region := &record.Location{ID: "geo:region", Name: "المنطقة الغربية", Lat: record.Float(32.9), Lon: record.Float(13.0), GeoPrecision: 3}
	nameOnly := &record.Location{Name: "البلدة"}
	otherIDNoCoord := &record.Location{ID: "geo:other", Name: "البلدة"}
	anotherIDNoCoord := &record.Location{ID: "geo:another", Name: "البلدة"}

	type ev struct {
		typ, sub       string
		date, from, to string
		loc            *record.Location
		a1, a2         *record.Actor
	}
	clash := func(date string, l *record.Location, a1, a2 *record.Actor) ev {
		return ev{"Battles", "Armed clash", date, "", "", l, a1, a2}
	}
	tests := []struct {
		name string
		a, b ev
		want bool
	}{
		{"same place id, same day", clash("2020-03-01", town, gna, lna), clash("2020-03-01", town, gna, lna), true},
		{"a day apart (slack)", clash("2020-03-01", town, gna, lna), clash("2020-03-02", town, gna, lna), true},
		{"two days apart", clash("2020-03-01", town, gna, lna), clash("2020-03-03", town, gna, lna), false},
		{"window covering the day", clash("2020-03-01", town, gna, lna), ev{"Battles", "Armed clash", "", "2020-02-20", "2020-03-10", town, gna, lna}, true},
		{"window ending before", clash("2020-03-01", town, gna, lna), ev{"Battles", "Armed clash", "", "2020-02-01", "2020-02-27", town, gna, lna}, false},
		{"20 km apart", clash("2020-03-01", town, gna, lna), clash("2020-03-01", km20, gna, lna), true},
		{"40 km apart", clash("2020-03-01", town, gna, lna), clash("2020-03-01", km40, gna, lna), false},
		{"region 100 km away contains the town", clash("2020-03-01", town, gna, lna), clash("2020-03-01", region, gna, lna), true},
		{"same name, no id on one side", clash("2020-03-01", town, gna, lna), clash("2020-03-01", nameOnly, gna, lna), true},
		{"same name, no coordinates, one id", clash("2020-03-01", nameOnly, gna, lna), clash("2020-03-01", otherIDNoCoord, gna, lna), true},
		{"same name, no coordinates, two ids", clash("2020-03-01", otherIDNoCoord, gna, lna), clash("2020-03-01", anotherIDNoCoord, gna, lna), false},
		{"no id, same name and coordinates", clash("2020-03-01", townNoID, gna, lna), clash("2020-03-01", town, gna, lna), true},
		{"reversed dyad", clash("2020-03-01", town, gna, lna), clash("2020-03-01", town, lna, gna), true},
		{"one side named only", clash("2020-03-01", town, gna, nil), clash("2020-03-01", town, lna, nil), true},
		{"disjoint dyads", clash("2020-03-01", town, gna, lna), clash("2020-03-01", town, isis, tebu), false},
		{"other type", clash("2020-03-01", town, gna, lna), ev{"Explosions/Remote violence", "Air/drone strike", "2020-03-01", "", "", town, gna, lna}, false},
		{"territory family across types", ev{"Battles", "Government regains territory", "2020-03-01", "", "", town, gna, lna},
			ev{"Strategic developments", "Non-violent transfer of territory", "2020-03-01", "", "", town, lna, nil}, true},
		{"no type", ev{"", "", "2020-03-01", "", "", town, gna, lna}, ev{"", "", "2020-03-01", "", "", town, gna, lna}, false},
		{"no location", clash("2020-03-01", nil, gna, lna), clash("2020-03-01", nil, gna, lna), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var docs []record.Document
			for i, e := range []ev{tt.a, tt.b} {
				d := newDoc(itoa(i), "منفذ"+itoa(i), "", "", "2020-03-05", "")
				d.Events = []record.Event{{EventType: e.typ, SubEventType: e.sub, Date: record.Str(e.date),
					DateFrom: record.Str(e.from), DateTo: record.Str(e.to), Location: e.loc, Actor1: e.a1, Actor2: e.a2}}
				docs = append(docs, d)
			}
			got := cluster(t, docs)
			if same := got["0"].Events[0].MergedID == got["1"].Events[0].MergedID; same != tt.want {
				t.Errorf("merged: %v, want %v", same, tt.want)
			}
		})
	}
}

func TestWideReportJoinsTheEventItCovers(t *testing.T) {
	// Two clashes in one town a week apart, then an undated report whose
	// window covers only the second: it must join the second.
	town := loc("geo:town", "البلدة", 32.0, 13.0)
	mk := func(id, date, from, to string) record.Document {
		d := newDoc(id, id, "", "", "2020-03-20", "")
		d.Events = []record.Event{{EventType: "Battles", SubEventType: "Armed clash", Date: record.Str(date),
			DateFrom: record.Str(from), DateTo: record.Str(to), Location: town}}
		return d
	}
	got := cluster(t, []record.Document{
		mk("first", "2020-03-01", "", ""),
		mk("second", "2020-03-08", "", ""),
		mk("wide", "", "2020-03-05", "2020-03-12"),
	})
	first, second, wide := got["first"].Events[0].MergedID, got["second"].Events[0].MergedID, got["wide"].Events[0].MergedID
	if first == second || wide != second {
		t.Errorf("merged ids first %s, second %s, wide %s: want the wide report with the second", first, second, wide)
	}
}

func TestParseDay(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" when invalid
	}{
		{"2020-06-05", "2020-06-05"},
		{"2020-02-29", "2020-02-29"},
		{"2019-02-29", ""},
		{"2020-13-01", ""},
		{"2020-6-5", ""},
		{"20200605xx", ""},
		{"", ""},
	}
	for _, tt := range tests {
		d, ok := parseDay(tt.in)
		got := ""
		if ok {
			got = d.String()
		}
		if got != tt.want {
			t.Errorf("parseDay(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEventWindow(t *testing.T) {
	pub, _ := windowOf(record.Str("2020-06-20"), nil, nil)
	tests := []struct {
		name             string
		e                record.Event
		wantFrom, wantTo string
	}{
		{"a day", record.Event{Date: record.Str("2020-06-05")}, "2020-06-05", "2020-06-05"},
		{"a window", record.Event{DateFrom: record.Str("2020-05-29"), DateTo: record.Str("2020-06-20")}, "2020-05-29", "2020-06-20"},
		{"reversed window", record.Event{DateFrom: record.Str("2020-06-20"), DateTo: record.Str("2020-05-29")}, "2020-05-29", "2020-06-20"},
		{"open end", record.Event{DateFrom: record.Str("2020-06-01")}, "2020-06-01", "2020-06-01"},
		{"undated: two weeks before publication", record.Event{}, "2020-06-06", "2020-06-20"},
	}
	for _, tt := range tests {
		w, ok := eventWindow(&tt.e, pub, true)
		if !ok || w.from.String() != tt.wantFrom || w.to.String() != tt.wantTo {
			t.Errorf("%s: %s..%s (%v), want %s..%s", tt.name, w.from, w.to, ok, tt.wantFrom, tt.wantTo)
		}
	}
	if _, ok := eventWindow(&record.Event{}, window{}, false); ok {
		t.Error("an undated event in an undated document got a window")
	}
}
