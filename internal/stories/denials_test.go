package stories

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/record"
)

// A document that carries only a denial («نفت ... أن تكون قد قصفت سوق
// المدينة») has no event of its own; the denial still contradicts the
// reports of the event at the place it names, and only at that place.
func TestDocumentDenialContradictsReports(t *testing.T) {
	const reportBody = "قتل 11 مدنيا في قصف مدفعي استهدف سوق حي الروضة في تعز صباح الأربعاء."
	const denialBody = "نفت جماعة الحوثي أن تكون قد قصفت سوق حي الروضة، واتهمت القوات الحكومية بالوقوف وراء الهجوم.\nوقالت الجماعة إن الاتهامات تهدف إلى تضليل الرأي العام."
	houthis := actor(idHouthi, "الحوثيون", "Houthi")
	a := newDoc("report", "منفذ-أ", "", "قصف سوق الروضة", "2021-03-10", reportBody)
	b := newDoc("denial", "منفذ-ب", "", "الحوثي ينفي قصف السوق", "2021-03-10", denialBody)
	e := event(&a, explos, shelling, "2021-03-10", locTaizRawda, houthis, nil, record.Int(11), reportBody)
	e.MergedID = "merged:market"
	other := event(&a, explos, shelling, "2021-03-10", locAden, houthis, nil, nil, reportBody)
	other.MergedID = "merged:aden"
	a.StoryID, b.StoryID = "story:market", "story:market"

	cue := "نفت"
	text := "أن تكون قد قصفت سوق حي الروضة"
	start := strings.Index(denialBody, cue)
	start = utf8.RuneCountInString(denialBody[:start])
	end := start + utf8.RuneCountInString(denialBody[:strings.Index(denialBody, "،")]) - start
	b.Quotes = []record.Quote{{
		Speaker: record.Speaker{ID: record.Str("kb:ye-houthis"), Name: "جماعة الحوثي"},
		Cue:     cue, Text: text, Span: [2]int{start, end},
	}}
	placeAt := utf8.RuneCountInString(denialBody[:strings.Index(denialBody, "حي الروضة")])
	b.Entities = []record.Entity{{ID: locTaizRawda.ID, Type: record.LOC, Name: locTaizRawda.Name,
		Mentions: []record.Mention{{Text: "حي الروضة", Start: placeAt, End: placeAt + utf8.RuneCountInString("حي الروضة")}}}}

	bl := NewBuilder()
	bl.Add(&a)
	bl.Add(&b)
	var market, aden *MergedEvent
	all := bl.MergedEvents()
	for i := range all {
		switch all[i].MergedID {
		case "merged:market":
			market = &all[i]
		case "merged:aden":
			aden = &all[i]
		}
	}
	if market == nil || aden == nil {
		t.Fatalf("merged events missing: %+v", all)
	}
	var denial *Contradiction
	for i, c := range market.Contradictions {
		if c.Kind == "denial" {
			denial = &market.Contradictions[i]
		}
	}
	if denial == nil {
		t.Fatalf("no denial among %+v", market.Contradictions)
	}
	if denial.A.DocID != "report" || denial.B.DocID != "denial" || denial.B.Says != "denies it" {
		t.Errorf("denial %+v", denial)
	}
	if !strings.HasPrefix(denial.B.Evidence, "نفت جماعة الحوثي") || strings.Contains(denial.B.Evidence, "تضليل") {
		t.Errorf("denial evidence %q, want its sentence", denial.B.Evidence)
	}
	if denial.B.ClaimedBy == nil || record.Deref(denial.B.ClaimedBy.Name) != "جماعة الحوثي" {
		t.Errorf("denial claimed by %+v", denial.B.ClaimedBy)
	}
	for _, c := range aden.Contradictions {
		if c.Kind == "denial" {
			t.Errorf("a denial naming another place contradicts the event at %s: %+v", aden.Location.Name, c)
		}
	}
}
