package events

import (
	"strings"
	"testing"

	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/record"
)

// ent describes an entity of a hand-built test document: every occurrence
// of each of its forms in the body becomes a mention.
type ent struct {
	id, typ, name, side string
	lat, lon            float64
	forms               []string
}

// Entities of the test documents: real places and parties of several wars,
// in sentences written for these tests.
var (
	entSyArmy    = ent{id: "t:sy-army", typ: record.ArmedGroup, name: "الجيش السوري", side: "SY-GOV", forms: []string{"الجيش السوري", "قوات النظام", "القوات الحكومية"}}
	entHTS       = ent{id: "t:hts", typ: record.ArmedGroup, name: "هيئة تحرير الشام", side: "SY-HTS", forms: []string{"هيئة تحرير الشام", "الهيئة"}}
	entISIS      = ent{id: "t:isis", typ: record.ArmedGroup, name: "تنظيم الدولة", side: "INT-ISIS", forms: []string{"تنظيم الدولة"}}
	entHouthi    = ent{id: "t:houthi", typ: record.ArmedGroup, name: "جماعة الحوثي", side: "YE-HOUTHI", forms: []string{"جماعة الحوثي", "الحوثيين", "الحوثيون"}}
	entYeGov     = ent{id: "t:ye-gov", typ: record.GOV, name: "الحكومة اليمنية", side: "YE-GOV", forms: []string{"الحكومة اليمنية"}}
	entYeArmy    = ent{id: "t:ye-army", typ: record.ArmedGroup, name: "الجيش اليمني", side: "YE-GOV", forms: []string{"الجيش اليمني", "القوات الحكومية اليمنية"}}
	entRSF       = ent{id: "t:rsf", typ: record.ArmedGroup, name: "قوات الدعم السريع", side: "SD-RSF", forms: []string{"قوات الدعم السريع", "الدعم السريع"}}
	entSAF       = ent{id: "t:saf", typ: record.ArmedGroup, name: "الجيش السوداني", side: "SD-GOV", forms: []string{"الجيش السوداني"}}
	entIdlib     = ent{id: "t:idlib", typ: record.GPE, name: "إدلب", lat: 35.93, lon: 36.63, forms: []string{"إدلب"}}
	entSaraqib   = ent{id: "t:saraqib", typ: record.GPE, name: "سراقب", lat: 35.86, lon: 36.80, forms: []string{"سراقب"}}
	entMaarrat   = ent{id: "t:maarrat", typ: record.GPE, name: "معرة النعمان", lat: 35.65, lon: 36.67, forms: []string{"معرة النعمان"}}
	entTaiz      = ent{id: "t:taiz", typ: record.GPE, name: "تعز", lat: 13.58, lon: 44.02, forms: []string{"تعز"}}
	entMarib     = ent{id: "t:marib", typ: record.GPE, name: "مأرب", lat: 15.46, lon: 45.32, forms: []string{"مأرب"}}
	entFasher    = ent{id: "t:fasher", typ: record.GPE, name: "الفاشر", lat: 13.63, lon: 25.35, forms: []string{"الفاشر"}}
	entKhartoum  = ent{id: "t:khartoum", typ: record.GPE, name: "الخرطوم", lat: 15.50, lon: 32.56, forms: []string{"الخرطوم"}}
	entMosul     = ent{id: "t:mosul", typ: record.GPE, name: "الموصل", lat: 36.34, lon: 43.13, forms: []string{"الموصل"}}
	entBaghdad   = ent{id: "t:baghdad", typ: record.GPE, name: "بغداد", lat: 33.31, lon: 44.37, forms: []string{"بغداد"}}
	entMisrata   = ent{id: "t:misrata", typ: record.GPE, name: "مصراتة", lat: 32.38, lon: 15.09, forms: []string{"مصراتة"}}
	entZawiya    = ent{id: "t:zawiya", typ: record.GPE, name: "الزاوية", lat: 32.76, lon: 12.73, forms: []string{"الزاوية"}}
	entBeirut    = ent{id: "t:beirut", typ: record.GPE, name: "بيروت", lat: 33.89, lon: 35.50, forms: []string{"بيروت"}}
	entGeneva    = ent{id: "t:geneva", typ: record.GPE, name: "جنيف", lat: 46.20, lon: 6.14, forms: []string{"جنيف"}}
	entSpokesman = ent{id: "t:spokes", typ: record.PER, name: "يحيى سريع", side: "YE-HOUTHI", forms: []string{"يحيى سريع"}}
)

// mkDoc builds a document from a body, a publication day ("" for none)
// and entities located by their forms.
func mkDoc(t testing.TB, body, published string, ents ...ent) *doc.Doc {
	t.Helper()
	d := &doc.Doc{ID: "test", Path: "test.txt", Body: body}
	if published != "" {
		d.Published = record.Published{Date: record.Str(published), From: record.Str(published), To: record.Str(published), Basis: record.BasisStated}
	}
	runes := []rune(body)
	for _, e := range ents {
		re := record.Entity{ID: e.id, Type: e.typ, Name: e.name, Side: e.side, InKB: true}
		if e.lat != 0 {
			re.Lat, re.Lon = record.Float(e.lat), record.Float(e.lon)
		}
		for _, f := range e.forms {
			fr := []rune(f)
			for i := 0; i+len(fr) <= len(runes); i++ {
				if string(runes[i:i+len(fr)]) == f && !covered(re.Mentions, i, i+len(fr)) {
					re.Mentions = append(re.Mentions, record.Mention{Text: f, Start: i, End: i + len(fr)})
				}
			}
		}
		if len(re.Mentions) > 0 {
			d.Entities = append(d.Entities, re)
		}
	}
	return d
}

func covered(ms []record.Mention, start, end int) bool {
	for _, m := range ms {
		if start < m.End && end > m.Start {
			return true
		}
	}
	return false
}

// extract runs the events reader on a hand-built document, without a
// knowledge base, and checks the invariants every event holds.
func extract(t testing.TB, d *doc.Doc) []record.Event {
	t.Helper()
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	evs := Extract(d, lex, nil)
	checkInvariants(t, d, evs)
	return evs
}

// checkInvariants checks what every event holds: an ACLED type pair, the
// evidence at its span, a time precision of 1 to 3, and coordinates when
// it has a location that the document could locate.
func checkInvariants(t testing.TB, d *doc.Doc, evs []record.Event) {
	t.Helper()
	body := []rune(d.Body)
	located := false
	for _, e := range d.Entities {
		located = located || e.Lat != nil && (e.Type == record.GPE || e.Type == record.LOC || e.Type == record.FAC)
	}
	for _, e := range evs {
		if !record.ValidACLED(e.EventType, e.SubEventType) {
			t.Errorf("invalid pair %q/%q", e.EventType, e.SubEventType)
		}
		if e.Span[0] < 0 || e.Span[1] > len(body) || string(body[e.Span[0]:e.Span[1]]) != e.Evidence {
			t.Errorf("body[span] != evidence for %q", e.Evidence)
		}
		if e.TimePrecision < 1 || e.TimePrecision > 3 {
			t.Errorf("time_precision %d for %q", e.TimePrecision, e.Evidence)
		}
		if l := e.Location; l != nil && l.Lat == nil && located {
			t.Errorf("location %q has no coordinates though the document names located places", l.Name)
		}
	}
}

func describe(evs []record.Event) string {
	var b strings.Builder
	for _, e := range evs {
		b.WriteString(e.EventType + "/" + e.SubEventType)
		if e.Location != nil {
			b.WriteString(" @" + e.Location.Name)
		}
		if e.Actor1 != nil {
			b.WriteString(" a1=" + e.Actor1.Name)
		}
		if e.Actor2 != nil {
			b.WriteString(" a2=" + e.Actor2.Name)
		}
		if e.Date != nil {
			b.WriteString(" " + *e.Date)
		}
		if e.Trigger != nil {
			b.WriteString(" «" + e.Trigger.Text + "»")
		}
		b.WriteString("; ")
	}
	return b.String()
}
