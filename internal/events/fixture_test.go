package events

import (
	"strings"
	"testing"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/doc"
)

// fixtureArticle is an article written for these tests in the style of a
// wire report, with a lead, quotes, background and commentary.
const fixtureArticle = `الخرطوم - سيطرت قوات الدعم السريع يوم الجمعة على مدينة الفاشر بعد معارك عنيفة مع الجيش السوداني استمرت ثلاثة أيام.
وقالت مصادر عسكرية إن الجيش السوداني انسحب من قيادة الفرقة السادسة في المدينة واتجه نحو الغرب.
وأضافت المصادر أن 40 عنصرا من قوات الدعم السريع قتلوا خلال المواجهات، فيما أسر الجيش السوداني 12 مقاتلا.
من جهته، قال الجيش السوداني في بيان إن طائراته شنت غارات جوية على تجمعات قوات الدعم السريع قرب الفاشر أمس، ما أدى إلى مقتل العشرات منهم.
وفي الخرطوم، تظاهر مئات السكان يوم الخميس احتجاجا على انقطاع المياه، وفرقت الشرطة المتظاهرين بالغاز المسيل للدموع.
وهددت قوات الدعم السريع بمواصلة الهجوم على مدن أخرى في الإقليم، فيما دعت الأمم المتحدة إلى وقف فوري لإطلاق النار.
ويستعد الجيش السوداني لشن هجوم مضاد لاستعادة المدينة خلال الأيام المقبلة، بحسب مصادر مطلعة.
ونفى الجيش السوداني أن تكون طائراته قد قصفت سوقا شعبيا في المدينة.
وكانت قوات الدعم السريع قد سيطرت على مدينة نيالا في أكتوبر من عام 2019 قبل أن تنسحب منها.
هل تصمد المدينة أمام الهجوم المقبل؟`

var fixtureEntities = []ent{entRSF, entSAF, entFasher, entKhartoum,
	{id: "t:nyala", typ: "GPE", name: "نيالا", lat: 12.05, lon: 24.88, forms: []string{"نيالا"}}}

// TestFixtureArticle reads the fixture article: the takeover, the
// withdrawal folded into it, the captures, the air strike with «العشرات»,
// the protest with intervention; and nothing from the threat, the call, the
// plan, the denial, the stale background or the question.
func TestFixtureArticle(t *testing.T) {
	d := mkDoc(t, fixtureArticle, "2020-02-08", fixtureEntities...)
	evs := extract(t, d)
	want := []struct {
		sub, place string
		fatalities int // -1: null
	}{
		{"Non-state actor overtakes territory", "الفاشر", 40},
		{"Arrests", "الفاشر", -1},
		{"Air/drone strike", "الفاشر", 10},
		{"Protest with intervention", "الخرطوم", -1},
		// A concrete event months before publication keeps its own date.
		{"Non-state actor overtakes territory", "نيالا", -1},
	}
	if len(evs) != len(want) {
		t.Fatalf("want %d events, got %d: %s", len(want), len(evs), describe(evs))
	}
	for i, w := range want {
		e := evs[i]
		if e.SubEventType != w.sub || e.Location == nil || e.Location.Name != w.place {
			t.Errorf("event %d: got %s, want %s @%s", i, describe(evs[i:i+1]), w.sub, w.place)
		}
		switch {
		case w.fatalities < 0 && e.Fatalities != nil:
			t.Errorf("event %d: fatalities %d, want null", i, *e.Fatalities)
		case w.fatalities >= 0 && (e.Fatalities == nil || *e.Fatalities != w.fatalities):
			t.Errorf("event %d: fatalities %v, want %d", i, e.Fatalities, w.fatalities)
		}
		// The first three are reported by sources or the army; the rest by
		// the outlet, which this document does not name.
		if i < 3 && (e.ClaimedBy == nil || e.ClaimedBy.Name == nil) {
			t.Errorf("event %d: no claimant", i)
		}
	}
	if evs[0].Actor1 == nil || evs[0].Actor1.Name != "قوات الدعم السريع" || evs[0].Actor2 == nil || evs[0].Actor2.Name != "الجيش السوداني" {
		t.Errorf("takeover actors: %s", describe(evs[:1]))
	}
	if *evs[0].Date != "2020-02-07" || evs[0].TimePrecision != 1 {
		t.Errorf("takeover date %s precision %d, want 2020-02-07 precision 1", *evs[0].Date, evs[0].TimePrecision)
	}
	if *evs[4].Date != "2019-10-31" || evs[4].TimePrecision != 3 {
		t.Errorf("earlier takeover dated %s precision %d, want 2019-10-31 precision 3", *evs[4].Date, evs[4].TimePrecision)
	}
	if evs[2].ClaimedBy.Name == nil || *evs[2].ClaimedBy.Name != "الجيش السوداني" {
		t.Errorf("air strike claimed by %v, want the army", evs[2].ClaimedBy.Name)
	}
}

// TestDeterministicIDs: the same document gives the same ids; ids differ
// between events.
func TestDeterministicIDs(t *testing.T) {
	a := extract(t, mkDoc(t, fixtureArticle, "2020-02-08", fixtureEntities...))
	b := extract(t, mkDoc(t, fixtureArticle, "2020-02-08", fixtureEntities...))
	seen := map[string]bool{}
	for i := range a {
		if a[i].ID != b[i].ID {
			t.Errorf("event %d: id %s then %s", i, a[i].ID, b[i].ID)
		}
		if seen[a[i].ID] {
			t.Errorf("id %s repeated", a[i].ID)
		}
		seen[a[i].ID] = true
	}
}

// TestBadInput: empty, non-Arabic and odd input yield no events and no
// panic.
func TestBadInput(t *testing.T) {
	for _, body := range []string{"", "   \n\n", "The army took the town on Friday.", "\x00\x01\x02", strings.Repeat("،", 500), "؟؟؟ !!!", strings.Repeat("قصف ", 2000)} {
		d := &doc.Doc{ID: "bad", Body: body}
		_ = extract(t, d)
	}
}

// fixtureDoc is the fixture article ready for the events stage, as the
// pipeline would hand it over.
func fixtureDoc(b *testing.B) *doc.Doc {
	d := mkDoc(b, fixtureArticle, "2020-02-08", fixtureEntities...)
	d.Tokens = arabic.Tokenize(d.Body)
	for _, s := range arabic.Sentences(d.Body) {
		d.Sentences = append(d.Sentences, doc.Span{Start: s.Start, End: s.End})
	}
	for _, p := range arabic.Paragraphs(d.Body) {
		d.Paragraphs = append(d.Paragraphs, doc.Span{Start: p.Start, End: p.End})
	}
	return d
}

// BenchmarkExtract measures the events stage alone on the fixture
// article (tokens and sentences given, as in the pipeline).
func BenchmarkExtract(b *testing.B) {
	lex, err := DefaultLexicon()
	if err != nil {
		b.Fatal(err)
	}
	d := fixtureDoc(b)
	events, sentences := 0, len(d.Sentences)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		events += len(Extract(d, lex, nil))
	}
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(events)/secs, "events/s")
	b.ReportMetric(float64(sentences*b.N)/secs, "sentences/s")
}
