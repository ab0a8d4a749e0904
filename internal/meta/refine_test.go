package meta_test

import (
	"strings"
	"testing"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/kb"
	"github.com/marsad/marsad/internal/link"
	"github.com/marsad/marsad/internal/meta"
	"github.com/marsad/marsad/internal/quotes"
	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/timeline"
)

// refineDoc runs the stages the refinement needs (tokens, linking, quotes)
// on a body, gives it the publication window from–to ("" for open), and
// refines it.
func refineDoc(t *testing.T, body, from, to string) (record.Published, []string) {
	t.Helper()
	tl, err := timeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	base, err := kb.Default()
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Doc{ID: "t", Path: "t.txt", Body: body}
	for _, s := range arabic.Sentences(body) {
		d.Sentences = append(d.Sentences, doc.Span{Start: s.Start, End: s.End})
	}
	d.Tokens = arabic.Tokenize(body)
	for _, st := range []interface{ Process(*doc.Doc) error }{&link.Stage{}, quotes.Stage{}} {
		if err := st.Process(d); err != nil {
			t.Fatal(err)
		}
	}
	d.Published = record.Published{Basis: record.BasisUnknown}
	if from != "" || to != "" {
		d.Published = record.Published{From: record.Str(from), To: record.Str(to), Basis: record.BasisInferred}
	}
	return meta.Refine(d, tl, base)
}

// TestRefine checks every kind of constraint on sentences written for it.
func TestRefine(t *testing.T) {
	tests := []struct {
		name, body string
		from, to   string // the window before
		// want: the window after ("date" when one day is left), and a piece
		// of the evidence ("" when nothing may change).
		wantFrom, wantTo, wantDate, evidence string
	}{
		// Weekdays.
		{"yesterday Friday", "قال المتحدث باسم الجيش اليمني أمس الجمعة إن قواته صدت هجوما قرب مأرب.",
			"2021-03-08", "2021-03-20", "2021-03-13", "2021-03-20", "", "«أمس الجمعة» → a Saturday"},
		{"today Sunday leaves one day", "أعلنت السلطات اليوم الأحد فرض حظر التجول في مدينة عدن.",
			"2021-03-08", "2021-03-14", "", "", "2021-03-14", "«اليوم الأحد»"},
		{"the day before yesterday", "وقعت الاشتباكات أول أمس الخميس في ضواحي تعز.",
			"2021-03-08", "2021-03-14", "", "", "2021-03-13", "«أول أمس الخميس»"},
		{"weekdays that disagree say nothing", "قال المتحدث أمس الجمعة إن القوات تقدمت، وأضاف اليوم الأربعاء أن القتال توقف في عدن.",
			"2021-03-08", "2021-03-20", "2021-03-08", "2021-03-20", "", ""},
		// The age of a war.
		{"a named war in its seventh month", "ومع دخول الحرب في السودان شهرها السابع يعاني المدنيون في الخرطوم من نقص الغذاء.",
			"", "", "2023-10-15", "2023-11-14", "", "(war sd-war from 2023-04-15)"},
		{"the article's war, named elsewhere", "وتدور الحرب في شهرها السابع منذ أن أطلقت قوات حفتر عملية طوفان الكرامة للسيطرة على طرابلس.",
			"", "", "2019-10-04", "2019-11-03", "", "(war ly-tripoli-2019"},
		{"a year after a landmark", "بعد مرور عام على سقوط الموصل لا تزال المدينة تحت سيطرة التنظيم.",
			"", "", "2015-06-08", "2015-07-10", "", "(from iq-2014-mosul-falls"},
		{"more than a year after", "وتأتي هذه التطورات بعد أكثر من عام على انطلاق عملية طوفان الكرامة في ليبيا.",
			"", "", "2020-04-04", "2021-04-03", "", "«بعد أكثر من عام"},
		{"the hundredth day of a war", "دخلت الحرب على غزة يومها المئة وسط تحذيرات أممية من المجاعة.",
			"", "", "2024-01-13", "2024-01-15", "", "(war ps-2023 from 2023-10-07)"},
		{"the tenth anniversary of a war", "ومع اقتراب الذكرى العاشرة لانطلاق عاصفة الحزم تتواصل المعارك في مأرب.",
			"", "", "2025-03-19", "2025-04-02", "", "(war ye-coalition from 2015-03-26)"},
		{"an anniversary", "أحيا ناشطون في ريف دمشق الذكرى الثانية لمجزرة الكيماوي في الغوطة.",
			"", "", "2015-08-14", "2015-08-28", "", "الذكرى الثانية"},
		// Named wars and landmarks.
		{"a war's own name", "منذ انطلاق عاصفة الحزم تغيرت خريطة السيطرة في اليمن.",
			"", "", "2015-03-26", "", "", "(war ye-coalition from 2015-03-26)"},
		{"a conference as past", "وقال إن نتائج مؤتمر برلين لم تنفذ حتى الآن في ليبيا.",
			"", "", "2020-01-19", "", "", "as past"},
		{"a conference as upcoming", "وتستعد الأطراف الليبية لمؤتمر برلين المرتقب الذي سيعقد بمشاركة دول عدة.",
			"", "", "", "2020-01-19", "", "as upcoming"},
		{"a bare conference says nothing", "ودعا الوزير الليبي الدول المشاركة في مؤتمر برلين إلى احترام حظر السلاح.",
			"", "", "", "", "", ""},
		{"a landmark of another country counts not", "عقد مؤتمر برلين للسينما دورته الجديدة بحضور نجوم من فرنسا.",
			"", "", "", "", "", ""},
		{"an upcoming round of a series bounds nothing", "تنطلق الجولة المقبلة من محادثات أستانا حول سوريا بمشاركة روسيا وتركيا.",
			"", "", "", "", "", ""},
		{"a campaign is not its outcome", "تتواصل معركة تحرير الرقة بمشاركة قوات سوريا الديمقراطية في سوريا.",
			"", "", "", "", "", ""},
		// Territorial changes.
		{"a takeover that matches a landmark", "أعلنت قوات حكومة الوفاق سيطرتها على مدينة ترهونة بعد انسحاب قوات حفتر.",
			"2020-05-20", "2020-06-30", "2020-06-05", "2020-06-30", "", "(territory ly-2020-tarhuna, 2020-06-05)"},
		{"a takeover by the other side", "سيطرت قوات حفتر على مدينة ترهونة دون قتال بعد اتفاق مع الكانيات.",
			"2019-04-01", "2019-05-30", "2019-04-01", "2019-05-30", "", ""},
		{"an attempt is no takeover", "فشلت قوات حكومة الوفاق في السيطرة على ترهونة رغم القصف المكثف.",
			"2020-05-20", "2020-06-30", "2020-05-20", "2020-06-30", "", ""},
		// A weekday tied to a landmark.
		{"a landmark dated by its weekday", "وسيطرت قوات حكومة الوفاق على قاعدة الوطية يوم الاثنين بعد حصار دام أسابيع.",
			"2020-05-01", "2020-05-31", "2020-05-18", "2020-05-24", "", "(ly-2020-watiya on Monday 2020-05-18)"},
		{"another weekday dates something else", "وسيطرت قوات حكومة الوفاق على قاعدة الوطية يوم الأربعاء بعد حصار دام أسابيع.",
			"2020-05-01", "2020-05-31", "2020-05-18", "2020-05-31", "", "(territory ly-2020-watiya"},
		// People's roles.
		{"a title held", "التقى رئيس الوزراء العراقي مصطفى الكاظمي وفدا أمريكيا في بغداد.",
			"", "", "2020-05-07", "2022-10-27", "", "(kb:mustafa-kadhimi)"},
		{"a former title", "وقال رئيس الوزراء العراقي السابق حيدر العبادي إن الحكومة أخطأت.",
			"", "", "2018-10-25", "", "", "former"},
		{"a head of a council is a «رئيس»", "وقال رئيس المجلس الرئاسي فائز السراج إن الحكومة ماضية في خطتها.",
			"", "", "2016-03-01", "2021-03-15", "", "(kb:fayez-sarraj)"},
		{"the nearest title is the person's", "استقبل رئيس الوزراء الليبي في أنقرة الرئيس التركي رجب طيب أردوغان.",
			"", "", "2014-08-01", "", "", "(kb:erdogan)"},
		{"a role in the past tense bounds nothing", "وكان حيدر العبادي رئيس الوزراء آنذاك في بغداد.",
			"", "", "", "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, _ := refineDoc(t, tc.body, tc.from, tc.to)
			got := func(s *string) string { return record.Deref(s) }
			if tc.wantDate != "" {
				if got(p.Date) != tc.wantDate {
					t.Errorf("date %q (window %s..%s), want %s; evidence %q", got(p.Date), got(p.From), got(p.To), tc.wantDate, p.Evidence)
				}
			} else if p.Date != nil || got(p.From) != tc.wantFrom || got(p.To) != tc.wantTo {
				t.Errorf("window %s..%s (date %q), want %s..%s; evidence %q", got(p.From), got(p.To), got(p.Date), tc.wantFrom, tc.wantTo, p.Evidence)
			}
			if tc.evidence != "" && !strings.Contains(p.Evidence, tc.evidence) {
				t.Errorf("evidence %q lacks %q", p.Evidence, tc.evidence)
			}
			if tc.evidence == "" && tc.from == "" && tc.to == "" && p.Basis != record.BasisUnknown {
				t.Errorf("basis %q, want unknown; evidence %q", p.Basis, p.Evidence)
			}
		})
	}
}

// TestRefineKeepsStated: a stated date is never refined.
func TestRefineKeepsStated(t *testing.T) {
	d := &doc.Doc{Body: "قال المتحدث أمس الجمعة إن القوات تقدمت في عدن."}
	d.Published = record.Published{Date: record.Str("2021-03-10"), From: record.Str("2021-03-10"), To: record.Str("2021-03-10"), Basis: record.BasisStated}
	p, w := meta.Refine(d, nil, nil)
	if record.Deref(p.Date) != "2021-03-10" || p.Basis != record.BasisStated || len(w) != 0 {
		t.Errorf("stated date changed: %+v %v", p, w)
	}
}

// TestRefineDropsContradiction: a weekday the window cannot hold is
// dropped with a warning, and the stronger window stands.
func TestRefineDropsContradiction(t *testing.T) {
	p, warnings := refineDoc(t, "قال المتحدث أمس الجمعة إن القوات تقدمت قرب عدن.", "2021-03-08", "2021-03-12")
	if record.Deref(p.From) != "2021-03-08" || record.Deref(p.To) != "2021-03-12" {
		t.Errorf("window %s..%s, want 2021-03-08..2021-03-12", record.Deref(p.From), record.Deref(p.To))
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "أمس الجمعة") {
		t.Errorf("warnings %v, want one about «أمس الجمعة»", warnings)
	}
}

// TestRefineLikely: a window pegged by a landmark the article reports
// points to the day after it; otherwise to its middle.
func TestRefineLikely(t *testing.T) {
	p, _ := refineDoc(t, "وسيطرت قوات حكومة الوفاق على قاعدة الوطية يوم الاثنين بعد حصار دام أسابيع.", "2020-05-01", "2020-05-31")
	if record.Deref(p.Likely) != "2020-05-19" {
		t.Errorf("likely %q, want 2020-05-19 (after the landmark)", record.Deref(p.Likely))
	}
	p, _ = refineDoc(t, "ومع دخول الحرب في السودان شهرها السابع يعاني المدنيون في الخرطوم من نقص الغذاء.", "", "")
	if record.Deref(p.Likely) != "2023-10-30" {
		t.Errorf("likely %q, want 2023-10-30 (the middle)", record.Deref(p.Likely))
	}
}

// BenchmarkRefine measures the refinement alone on a linked document.
func BenchmarkRefine(b *testing.B) {
	tl, err := timeline.Default()
	if err != nil {
		b.Fatal(err)
	}
	base, err := kb.Default()
	if err != nil {
		b.Fatal(err)
	}
	body := strings.Repeat("وسيطرت قوات حكومة الوفاق على قاعدة الوطية يوم الاثنين بعد حصار دام أسابيع، فيما قال رئيس الوزراء العراقي مصطفى الكاظمي أمس الجمعة إن الحرب في شهرها السابع.\n", 10)
	d := &doc.Doc{Body: body}
	for _, s := range arabic.Sentences(body) {
		d.Sentences = append(d.Sentences, doc.Span{Start: s.Start, End: s.End})
	}
	d.Tokens = arabic.Tokenize(body)
	if err := (&link.Stage{}).Process(d); err != nil {
		b.Fatal(err)
	}
	d.Published = record.Published{From: record.Str("2020-05-01"), To: record.Str("2020-05-31"), Basis: record.BasisInferred}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		meta.Refine(d, tl, base)
	}
}
