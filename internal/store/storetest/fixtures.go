package storetest

import (
	"fmt"
	"strings"

	"github.com/marsad/marsad/internal/record"
)

// Fixture document ids, for tests that look them up.
const (
	DocClashA   = "fx-clash-a"
	DocClashB   = "fx-clash-b"
	DocStrike   = "fx-strike"
	DocProtest  = "fx-protest"
	DocXSS      = "fx-xss"
	StoryClash  = "story-clash"
	MergedClash = "merged-clash"
)

// Outlets of the fixtures.
const (
	OutletA = "صحيفة الميزان"
	OutletB = "شبكة الأفق"
	OutletC = "وكالة السهم"
)

// Fixtures returns five hand-written documents (original text, not taken
// from any outlet) that exercise every store feature: two outlets reporting
// one clash with different death tolls and labels (a story with a
// contradiction), a strike written with full diacritics, a protest with a
// Latin run, and an article whose body carries HTML and script that must
// stay inert wherever it is shown.
func Fixtures() []record.Document {
	return []record.Document{clashA(), clashB(), strike(), protest(), xss()}
}

// span returns the code-point [start, end) of the first sub in body.
func span(body, sub string) [2]int {
	i := strings.Index(body, sub)
	if i < 0 {
		panic(fmt.Sprintf("fixture: %q not in body", sub))
	}
	start := len([]rune(body[:i]))
	return [2]int{start, start + len([]rune(sub))}
}

func mention(body, sub, label string) record.Mention {
	s := span(body, sub)
	return record.Mention{Text: sub, Start: s[0], End: s[1], Label: label}
}

func place(id, name, nameEn string, lat, lon float64) *record.Location {
	return &record.Location{ID: id, Name: name, NameEn: record.Str(nameEn), Lat: record.Float(lat), Lon: record.Float(lon),
		Admin1: record.Str(name), Country: record.Str("Libya"), GeoPrecision: 1}
}

func event(body, evidence string, typ, sub, date string, a1, a2 *record.Actor, loc *record.Location, deaths *int, merged string) record.Event {
	return record.Event{EventType: typ, SubEventType: sub, Date: record.Str(date), TimePrecision: 1,
		Actor1: a1, Actor2: a2, AssocActors: []record.Actor{}, Location: loc, Fatalities: deaths,
		Evidence: evidence, Span: span(body, evidence), MergedID: merged}
}

var (
	guard    = &record.Actor{ID: "kb:guard", Name: "كتيبة الحرس", NameEn: record.Str("Guard Brigade"), Side: "east"}
	shield   = &record.Actor{ID: "kb:shield", Name: "قوة الدرع", NameEn: record.Str("Shield Force"), Side: "west"}
	airArm   = &record.Actor{ID: "kb:air", Name: "سلاح الجو", NameEn: record.Str("Air Force")}
	civil    = &record.Actor{ID: "civilians", Name: "مدنيون", NameEn: record.Str("Civilians")}
	crowd    = &record.Actor{ID: "protesters", Name: "متظاهرون", NameEn: record.Str("Protesters")}
	tripoli  = func() *record.Location { return place("geo:tripoli", "طرابلس", "Tripoli", 32.8872, 13.1913) }
	sirte    = func() *record.Location { return place("geo:sirte", "سرت", "Sirte", 31.2089, 16.5887) }
	benghazi = func() *record.Location { return place("geo:benghazi", "بنغازي", "Benghazi", 32.1167, 20.0667) }
)

func doc(id, outlet, title, date, body string) record.Document {
	return record.Document{Schema: record.Schema, DocID: id,
		Source:    record.Source{Path: record.Str("fixtures/" + id + ".txt"), URL: record.Str("https://example.org/" + id), Outlet: record.Str(outlet)},
		Title:     record.Str(title),
		Published: record.Published{Date: record.Str(date), From: record.Str(date), To: record.Str(date), Basis: record.BasisStated},
		Body:      body, Language: "ar",
		Entities: []record.Entity{}, Events: []record.Event{}, Quotes: []record.Quote{}, Framing: []record.Framing{}}
}

func clashA() record.Document {
	body := "اندلعت اشتباكات عنيفة فجر الجمعة في حي الزهور بطرابلس بين كتيبة الحرس ومليشيات قوة الدرع.\n" +
		"وقال مصدر طبي إن أربعة أشخاص قتلوا في الاشتباكات التي استمرت ساعات.\n" +
		"وأكد المتحدث باسم كتيبة الحرس أن \"القوات استعادت السيطرة على الحي\" بعد انسحاب المسلحين."
	d := doc(DocClashA, OutletA, "اشتباكات في حي الزهور بطرابلس", "2024-05-10", body)
	d.StoryID = StoryClash
	d.Entities = []record.Entity{
		{ID: "kb:guard", Type: record.ArmedGroup, Name: "كتيبة الحرس", NameEn: record.Str("Guard Brigade"), Side: "east", InKB: true,
			Mentions: []record.Mention{mention(body, "كتيبة الحرس", "كتيبة")}},
		{ID: "kb:shield", Type: record.ArmedGroup, Name: "قوة الدرع", NameEn: record.Str("Shield Force"), Side: "west", InKB: true,
			Mentions: []record.Mention{mention(body, "ومليشيات قوة الدرع", "مليشيات")}},
		{ID: "geo:tripoli", Type: record.GPE, Name: "طرابلس", NameEn: record.Str("Tripoli"), Lat: record.Float(32.8872), Lon: record.Float(13.1913),
			Country: record.Str("Libya"), Mentions: []record.Mention{mention(body, "طرابلس", "")}},
	}
	d.Events = []record.Event{event(body, "اندلعت اشتباكات عنيفة فجر الجمعة في حي الزهور بطرابلس بين كتيبة الحرس ومليشيات قوة الدرع.",
		"Battles", "Armed clash", "2024-05-10", guard, shield, tripoli(), record.Int(4), MergedClash)}
	q := "القوات استعادت السيطرة على الحي"
	d.Quotes = []record.Quote{{Speaker: record.Speaker{ID: record.Str("kb:guard"), Name: "المتحدث باسم كتيبة الحرس"},
		SpeakerText: "المتحدث باسم كتيبة الحرس", Cue: "وأكد", Text: q, Span: span(body, q), Direct: true}}
	d.Framing = []record.Framing{
		{Actor: "kb:shield", Name: "قوة الدرع", Labels: map[string]int{"مليشيات": 1}},
		{Actor: "kb:guard", Name: "كتيبة الحرس", Labels: map[string]int{"كتيبة": 2}},
	}
	return d
}

func clashB() record.Document {
	body := "شهدت منطقة الزهور في طرابلس مواجهات مسلحة يوم الجمعة بين قوات الدرع وعصابات الحرس.\n" +
		"وأفادت مصادر محلية بمقتل ستة أشخاص وإصابة آخرين، فيما تضررت منازل المدنيين."
	d := doc(DocClashB, OutletB, "مواجهات مسلحة في طرابلس", "2024-05-11", body)
	d.StoryID = StoryClash
	d.Entities = []record.Entity{
		{ID: "kb:shield", Type: record.ArmedGroup, Name: "قوة الدرع", Side: "west", InKB: true,
			Mentions: []record.Mention{mention(body, "قوات الدرع", "قوات")}},
		{ID: "kb:guard", Type: record.ArmedGroup, Name: "كتيبة الحرس", Side: "east", InKB: true,
			Mentions: []record.Mention{mention(body, "وعصابات الحرس", "عصابات")}},
	}
	d.Events = []record.Event{event(body, "شهدت منطقة الزهور في طرابلس مواجهات مسلحة يوم الجمعة بين قوات الدرع وعصابات الحرس.",
		"Battles", "Armed clash", "2024-05-10", shield, guard, tripoli(), record.Int(6), MergedClash)}
	d.Framing = []record.Framing{
		{Actor: "kb:shield", Name: "قوة الدرع", Labels: map[string]int{"قوات": 1}},
		{Actor: "kb:guard", Name: "كتيبة الحرس", Labels: map[string]int{"عصابات": 1}},
	}
	return d
}

func strike() record.Document {
	body := "أَعْلَنَتْ قُوّاتُ سلاح الجو تنفيذ غارة بطائرة مسيّرة على مخزن ذخيرة جنوب سرت مساء الأحد.\n" +
		"ولم تُسجَّل إصابات بين المدنيين بحسب بيان رسمي، بينما قُتل مسلحان كانا يحرسان المخزن."
	d := doc(DocStrike, OutletC, "غارة بطائرة مسيرة قرب سرت", "2024-06-02", body)
	d.Entities = []record.Entity{
		{ID: "kb:air", Type: record.GOV, Name: "سلاح الجو", NameEn: record.Str("Air Force"), InKB: true,
			Mentions: []record.Mention{mention(body, "قُوّاتُ سلاح الجو", "قوات")}},
		{ID: "geo:sirte", Type: record.GPE, Name: "سرت", Lat: record.Float(31.2089), Lon: record.Float(16.5887),
			Mentions: []record.Mention{mention(body, "سرت", "")}},
	}
	d.Events = []record.Event{event(body, "أَعْلَنَتْ قُوّاتُ سلاح الجو تنفيذ غارة بطائرة مسيّرة على مخزن ذخيرة جنوب سرت مساء الأحد.",
		"Explosions/Remote violence", "Air/drone strike", "2024-06-02", airArm, nil, sirte(), record.Int(2), "")}
	d.Framing = []record.Framing{{Actor: "kb:air", Name: "سلاح الجو", Labels: map[string]int{"قوات": 1}}}
	return d
}

func protest() record.Document {
	body := "تظاهر مئات المواطنين أمام مقر البلدية في بنغازي للمطالبة بتحسين الخدمات.\n" +
		"ودعت بعثة الأمم المتحدة UNSMIL إلى احترام حق التظاهر السلمي، ولم تسجل أي أعمال عنف."
	d := doc(DocProtest, OutletA, "مظاهرة أمام بلدية بنغازي", "2024-07-15", body)
	d.Entities = []record.Entity{
		{ID: "kb:unsmil", Type: record.ORG, Name: "بعثة الأمم المتحدة", NameEn: record.Str("UNSMIL"),
			Mentions: []record.Mention{mention(body, "بعثة الأمم المتحدة UNSMIL", "بعثة")}},
		{ID: "geo:benghazi", Type: record.GPE, Name: "بنغازي", Lat: record.Float(32.1167), Lon: record.Float(20.0667),
			Mentions: []record.Mention{mention(body, "بنغازي", "")}},
	}
	d.Events = []record.Event{event(body, "تظاهر مئات المواطنين أمام مقر البلدية في بنغازي للمطالبة بتحسين الخدمات.",
		"Protests", "Peaceful protest", "2024-07-15", crowd, nil, benghazi(), record.Int(0), "")}
	return d
}

func xss() record.Document {
	body := "<script>document.title='pwned';window.__xss=1</script> نص تجريبي عن هجوم على مدنيين في سرت.\n" +
		"<img src=x onerror=\"window.__xss=2\"> وقال شاهد إن المسلحين خطفوا مدنيين. <a href=\"javascript:window.__xss=3\">رابط</a>\n" +
		"<b onmouseover=\"window.__xss=4\">نص عريض</b> javascript:window.__xss=5"
	d := doc(DocXSS, OutletC, "<img src=x onerror=\"window.__xss=6\"> اختبار العرض الآمن", "2024-08-01", body)
	d.Entities = []record.Entity{
		{ID: "geo:sirte", Type: record.GPE, Name: "سرت", Lat: record.Float(31.2089), Lon: record.Float(16.5887),
			Mentions: []record.Mention{mention(body, "سرت", "")}},
	}
	d.Events = []record.Event{event(body, "<img src=x onerror=\"window.__xss=2\"> وقال شاهد إن المسلحين خطفوا مدنيين.",
		"Violence against civilians", "Abduction/forced disappearance", "2024-08-01",
		&record.Actor{Name: "<script>window.__xss=7</script>مسلحون"}, civil, sirte(), nil, "")}
	return d
}
