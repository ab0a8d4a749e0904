package link

import (
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/record"
)

// run links a text the way the pipeline would: sentences and tokens from
// the Arabic core, then the stage.
func run(t testing.TB, s *Stage, text string) *doc.Doc {
	t.Helper()
	d := &doc.Doc{Path: "test.txt", Body: text}
	for _, sp := range arabic.Sentences(text) {
		d.Sentences = append(d.Sentences, doc.Span{Start: sp.Start, End: sp.End})
	}
	d.Tokens = arabic.Tokenize(text)
	if err := s.Process(d); err != nil {
		t.Fatal(err)
	}
	return d
}

var stage = &Stage{}

func entity(d *doc.Doc, id string) *record.Entity {
	for i := range d.Entities {
		if d.Entities[i].ID == id {
			return &d.Entities[i]
		}
	}
	return nil
}

func idsOf(d *doc.Doc) []string {
	var out []string
	for _, e := range d.Entities {
		out = append(out, e.ID)
	}
	return out
}

// The test articles are written for these tests.
const proGNA = `قصفت مليشيات حفتر أحياء سكنية في جنوب طرابلس، فيما تصدت قوات الجيش الليبي للهجوم وأجبرت المهاجمين على التراجع نحو ترهونة.
وقال المتحدث باسم قوات حكومة الوفاق إن الجيش الليبي سيواصل عملياته.`

const proLNA = `أعلن الجيش الوطني الليبي أن وحداته تقدمت في محور عين زارة، وقال اللواء أحمد المسماري إن مليشيات الوفاق تكبدت خسائر.
وأضاف أن قوات الجيش الليبي تسيطر على مواقع جديدة قرب طرابلس.`

func TestPerspective(t *testing.T) {
	tests := []struct {
		name, text, leaning, army string
	}{
		{"pro-GNA", proGNA, "LY-GNA", "kb:gna-forces"},
		{"pro-LNA", proLNA, "LY-LNA", "kb:lna"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := run(t, stage, tt.text)
			p := d.Perspective
			if p == nil || p.Leaning != tt.leaning {
				t.Fatalf("perspective %+v, want leaning %s", p, tt.leaning)
			}
			for name, got := range p.Resolved {
				if strings.Contains(name, "الجيش الليبي") && got != tt.army {
					t.Errorf("«%s» read as %q, want %s", name, got, tt.army)
				}
			}
			if len(p.Resolved) == 0 {
				t.Error("nothing resolved")
			}
			if len(p.Evidence) == 0 {
				t.Error("no evidence recorded")
			}
			army := entity(d, tt.army)
			if army == nil {
				t.Fatalf("no entity %s in %v", tt.army, idsOf(d))
			}
			found := false
			for _, m := range army.Mentions {
				found = found || strings.Contains(m.Text, "الجيش الليبي")
			}
			if !found {
				t.Errorf("«الجيش الليبي» is not a mention of %s: %+v", tt.army, army.Mentions)
			}
		})
	}
}

func TestLabels(t *testing.T) {
	d := run(t, stage, proGNA)
	lna := entity(d, "kb:lna")
	if lna == nil || len(lna.Mentions) == 0 || lna.Mentions[0].Label != "مليشيات" || lna.Side != "LY-LNA" {
		t.Fatalf("LNA entity %+v", lna)
	}
	d = run(t, stage, "وقال إن عناصر الجيش الوطني الليبي انسحبوا.")
	if lna := entity(d, "kb:lna"); lna == nil || lna.Mentions[0].Label != "عناصر" {
		t.Errorf("label before the name: %+v", lna)
	}
}

func TestTripoliByContext(t *testing.T) {
	tests := []struct {
		text, country string
	}{
		{"وصل وفد من بنغازي ومصراتة إلى طرابلس لبحث الأزمة الليبية.", "LY"},
		{"شهدت مدينة طرابلس في شمال لبنان احتجاجات، وانتقلت إلى بيروت وصيدا وعكار.", "LB"},
	}
	for _, tt := range tests {
		d := run(t, stage, tt.text)
		var tripoli *record.Entity
		for i := range d.Entities {
			for _, m := range d.Entities[i].Mentions {
				if m.Text == "طرابلس" {
					tripoli = &d.Entities[i]
				}
			}
		}
		if tripoli == nil || record.Deref(tripoli.Country) != tt.country || tripoli.Lat == nil {
			t.Errorf("%q: طرابلس linked to %+v, want Tripoli in %s with coordinates", tt.text, tripoli, tt.country)
		}
	}
}

func TestMentionOffsetsAndNames(t *testing.T) {
	// Diacritics and an emoji before the names: offsets count code points.
	text := "🙂 قَالَ إن الاشتباكات وصلت بطرابلس وللجيش الوطني الليبي مواقع فيها."
	d := run(t, stage, text)
	runes := []rune(text)
	for _, e := range d.Entities {
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End > len(runes) || string(runes[m.Start:m.End]) != m.Text {
				t.Errorf("%s: mention %+v does not match the body", e.ID, m)
			}
		}
	}
	tripoli := d.Entities[0]
	if tripoli.Name != "طرابلس" || tripoli.Mentions[0].Text != "بطرابلس" || !tripoli.InKB {
		t.Errorf("first entity %+v: want name «طرابلس», mention «بطرابلس»", tripoli)
	}
	lna := entity(d, "kb:lna")
	if lna == nil || lna.Mentions[0].Text != "وللجيش الوطني الليبي" || lna.Name != "الجيش الوطني الليبي" {
		t.Errorf("LNA %+v", lna)
	}
	if !utf8.ValidString(tripoli.Name) {
		t.Error("invalid UTF-8 name")
	}
}

func TestAdjectivesAndCapital(t *testing.T) {
	d := run(t, stage, "التقى وزير الخارجية الروسية بالمسؤولين الليبيين في ليبيا، وقال إن الأتراك يرسلون أسلحة إلى العاصمة.")
	if entity(d, "iso:RU") != nil {
		t.Error("«الخارجية الروسية»: the adjective modifies a noun, Russia is not a mention")
	}
	if entity(d, "iso:TR") == nil {
		t.Error("«الأتراك» used as a noun is a mention of Turkey")
	}
	capital := (*record.Entity)(nil)
	for i := range d.Entities {
		for _, m := range d.Entities[i].Mentions {
			if m.Text == "العاصمة" {
				capital = &d.Entities[i]
			}
		}
	}
	if capital == nil || record.Deref(capital.Country) != "LY" || capital.Type != record.GPE {
		t.Errorf("«العاصمة» in a Libya article: %+v in %v", capital, idsOf(d))
	}
}

func TestCommonWords(t *testing.T) {
	d := run(t, stage, "نشرت الصحف صور الضحايا في بيروت.")
	for _, e := range d.Entities {
		if record.Deref(e.NameEn) == "Tyre" {
			t.Errorf("«صور» (pictures) linked to Tyre")
		}
	}
	d = run(t, stage, "سقطت قذائف في صور وصيدا جنوب لبنان.")
	found := false
	for _, e := range d.Entities {
		found = found || record.Deref(e.NameEn) == "Tyre"
	}
	if !found {
		t.Errorf("«في صور» with Lebanese context: want Tyre, got %v", idsOf(d))
	}
}

// fakeTagger tags given word sequences with a class.
type fakeTagger map[string]string

func (f fakeTagger) TagDocument(sents [][]string) [][]string {
	out := make([][]string, len(sents))
	for si, words := range sents {
		tags := make([]string, len(words))
		for i := range tags {
			tags[i] = "O"
		}
		phrases := make([]string, 0, len(f))
		for p := range f {
			phrases = append(phrases, p)
		}
		// Shorter phrases first, so that longer ones win where they overlap.
		sort.Slice(phrases, func(i, j int) bool {
			return len(phrases[i]) < len(phrases[j]) || len(phrases[i]) == len(phrases[j]) && phrases[i] < phrases[j]
		})
		for _, phrase := range phrases {
			class := f[phrase]
			ws := strings.Fields(phrase)
			for i := 0; i+len(ws) <= len(words); i++ {
				ok := true
				for j, w := range ws {
					ok = ok && words[i+j] == w
				}
				if ok {
					tags[i] = "B-" + class
					for j := 1; j < len(ws); j++ {
						tags[i+j] = "I-" + class
					}
				}
			}
		}
		out[si] = tags
	}
	return out
}

func TestTaggerAndCoreference(t *testing.T) {
	s := &Stage{NER: fakeTagger{"سالم المثالي": "PERS", "المثالي": "PERS", "بلقاسم حفتر": "PERS", "الحرس البلدي": "ORG"}}
	text := "قال العقيد سالم المثالي إن الحرس البلدي انتشر في طرابلس. وأضاف المثالي أن بلقاسم حفتر غادر المدينة."
	d := run(t, s, text)
	var person *record.Entity
	for i := range d.Entities {
		if d.Entities[i].Name == "سالم المثالي" {
			person = &d.Entities[i]
		}
	}
	if person == nil || person.Type != record.PER || person.InKB || len(person.Mentions) != 2 || !strings.HasPrefix(person.ID, "new:") {
		t.Fatalf("new person with a short form: %+v in %v", person, idsOf(d))
	}
	if person.Mentions[1].Text != "المثالي" {
		t.Errorf("second mention %+v", person.Mentions[1])
	}
	if e := entity(d, "kb:khalifa-haftar"); e != nil {
		t.Errorf("«بلقاسم حفتر» is not Khalifa Haftar: %+v", e)
	}
	if entity(d, "new:حرس_بلدي") == nil {
		t.Errorf("new organisation missing: %v", idsOf(d))
	}
	// Stable ids: the same text gives the same entities.
	if again := run(t, s, text); strings.Join(idsOf(again), ",") != strings.Join(idsOf(d), ",") {
		t.Error("ids differ between two runs")
	}
}

func TestEmptyAndUntokenised(t *testing.T) {
	d := &doc.Doc{Body: ""}
	if err := stage.Process(d); err != nil || len(d.Entities) != 0 || d.Perspective != nil {
		t.Errorf("empty body: %v %v %v", err, d.Entities, d.Perspective)
	}
	d = &doc.Doc{Body: "No Arabic here at all, just English text."}
	if err := stage.Process(d); err != nil {
		t.Error(err)
	}
	d = &doc.Doc{Body: "وصل حفتر إلى بنغازي."}
	if err := stage.Process(d); err != nil || entity(d, "kb:khalifa-haftar") == nil {
		t.Errorf("body without tokens: %v %v", err, idsOf(d))
	}
}

func TestConcurrentUse(t *testing.T) {
	s := &Stage{}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			run(t, s, proLNA)
		}()
	}
	wg.Wait()
}

func BenchmarkProcess(b *testing.B) {
	text := strings.Repeat(proGNA+"\n"+proLNA+"\n", 10)
	d := &doc.Doc{Body: text}
	for _, sp := range arabic.Sentences(text) {
		d.Sentences = append(d.Sentences, doc.Span{Start: sp.Start, End: sp.End})
	}
	d.Tokens = arabic.Tokenize(text)
	s := &Stage{}
	if err := s.Process(d); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := s.Process(d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(d.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func TestTitledNames(t *testing.T) {
	tests := []struct {
		text string
		want string // name of the new person, "" for none
	}{
		{"وقال العميد سالم المثالي قائد الكتيبة إن الوضع هادئ.", "سالم المثالي"},
		{"وهرب المدعو عبد الرحيم الفلاني المسؤول عن المعسكر.", "عبد الرحيم الفلاني"},
		{"وصرح المدعو المهدي الفلاني للصحفيين.", "المهدي الفلاني"},
		{"تقدم اللواء 106 نحو المدينة.", ""},
		{"وقال الجنرال الهارب إن قواته تتقدم.", ""},
	}
	for _, tt := range tests {
		d := run(t, stage, tt.text)
		got := ""
		for _, e := range d.Entities {
			if e.Type == record.PER && !e.InKB {
				got = e.Name
			}
		}
		if got != tt.want {
			t.Errorf("%q: new person %q, want %q (entities %v)", tt.text, got, tt.want, idsOf(d))
		}
	}
}

func TestPerspectiveOtherWars(t *testing.T) {
	tests := []struct {
		name, text, leaning, ambiguous, want string
	}{
		{"Houthi outlet", `شن طيران العدوان السعودي غارات على صنعاء، فيما تصدى أبطال الجيش واللجان الشعبية لزحف مرتزقة العدوان في مأرب.
وأكد الجيش اليمني أنه سيرد على التصعيد.`, "YE-HOUTHI", "الجيش اليمني", "kb:ye-houthis"},
		{"Yemeni government outlet", `أحبط الجيش الوطني اليمني هجوما لمليشيا الحوثي الانقلابية في مأرب، وقال إن الجيش اليمني استعاد مواقع في صرواح.`,
			"YE-GOV", "الجيش اليمني", "kb:ye-army"},
		{"Sudanese army outlet", `تصدت قوات الجيش لهجوم شنته مليشيا الدعم السريع المتمردة على مدينة الفاشر في ولاية شمال دارفور.`,
			"SD-SAF", "قوات الجيش", "kb:sd-saf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := run(t, stage, tt.text)
			p := d.Perspective
			if p == nil {
				t.Fatal("no perspective")
			}
			if p.Leaning != tt.leaning {
				t.Errorf("leaning %q, want %q (evidence %q)", p.Leaning, tt.leaning, p.Evidence)
			}
			if got := p.Resolved[tt.ambiguous]; got != tt.want {
				t.Errorf("«%s» read as %q, want %s (resolved %v)", tt.ambiguous, got, tt.want, p.Resolved)
			}
		})
	}
}

func TestInstitutions(t *testing.T) {
	d := run(t, stage, "وأدانت الخارجية المغربية الهجوم، فيما قالت وزارة الدفاع التركية إن الجيش المصري لم يتدخل.")
	var morocco *record.Entity
	for i := range d.Entities {
		if d.Entities[i].Name == "الخارجية المغربية" {
			morocco = &d.Entities[i]
		}
	}
	if morocco == nil || morocco.Type != record.GOV || record.Deref(morocco.Country) != "MA" || morocco.InKB {
		t.Errorf("«الخارجية المغربية»: %+v in %v", morocco, idsOf(d))
	}
	if e := entity(d, "kb:tr-army"); e == nil {
		t.Errorf("«وزارة الدفاع التركية» is an alias of Turkey's forces: %v", idsOf(d))
	}
	if e := entity(d, "kb:eg-army"); e == nil || e.Mentions[0].Text != "الجيش المصري" {
		t.Errorf("«الجيش المصري»: %+v", e)
	}
	if entity(d, "iso:TR") != nil || entity(d, "iso:EG") != nil {
		t.Error("an adjective in a body's name is not a mention of the country")
	}
}

// «بعثة الأمم المتحدة» is the UN mission of the country the article is
// about, not Libya's whatever the article.
func TestUNMissionByCountry(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"انفجرت عبوة ناسفة بمركبة تابعة لبعثة الأمم المتحدة قرب مدينة كيدال شمال مالي.", "kb:minusma"},
		{"التقى رئيس بعثة الأمم المتحدة وفدا من مدينة مصراتة في طرابلس.", "kb:unsmil"},
	} {
		d := run(t, stage, tt.text)
		if entity(d, tt.want) == nil {
			t.Errorf("%q: %s missing: %v", tt.text, tt.want, idsOf(d))
		}
	}
}
