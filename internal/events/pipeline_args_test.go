package events_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/pipeline"
	"github.com/marsad/marsad/internal/record"
)

// analyzeText runs the whole pipeline on a short article written for a
// test, dated by its first line.
func analyzeText(t *testing.T, text string) *doc.Doc {
	t.Helper()
	p := pipeline.Pipeline{Stages: sampleStages(t)}
	d := &doc.Doc{ID: "t.txt", Path: "t.txt", Format: doc.Text, Raw: []byte(text)}
	if err := p.Run(d); err != nil {
		t.Fatal(err)
	}
	return d
}

// Air strikes a later sentence reports without naming who flew them are
// the strikes of the planes the article named just before.
func TestAirStrikesTakeTheEarlierStriker(t *testing.T) {
	d := analyzeText(t, "تاريخ النشر: 12 يناير 2024\n"+
		"شنت طائرات أمريكية وبريطانية غارات على مواقع في محافظة الحديدة فجر الجمعة.\n"+
		"وذكرت قناة محلية أن أربع غارات استهدفت مطار صنعاء في اليوم نفسه.")
	var got []string
	for _, e := range d.Events {
		got = append(got, e.SubEventType+" "+actorName(e.Actor1))
		if e.SubEventType == "Air/drone strike" && actorName(e.Actor1) != "القوات الأمريكية" {
			t.Errorf("strike by %q, want القوات الأمريكية", actorName(e.Actor1))
		}
	}
	if len(d.Events) != 2 {
		t.Errorf("want two strikes, got %v", got)
	}
}

// A spokesman's account of an attack the article just reported, with no
// place of its own, is that attack, not a second one at the last place
// named.
func TestRestatedAttackIsOneEvent(t *testing.T) {
	d := analyzeText(t, "تاريخ النشر: 12 يناير 2024\n"+
		"أعلنت جماعة الحوثي أنها استهدفت سفينة تجارية في خليج عدن بصاروخ، فيما قصفت طائرات أمريكية مواقع في مدينة الحديدة.\n"+
		"وقال المتحدث باسم الحوثيين يحيى سريع إن القوات البحرية نفذت عملية استهدفت السفينة.")
	n := 0
	for _, e := range d.Events {
		if actorName(e.Actor1) == "جماعة أنصار الله" {
			n++
			if e.Location == nil || e.Location.Name != "خليج عدن" {
				t.Errorf("the attack placed at %+v, want خليج عدن", e.Location)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d Houthi attacks, want one", n)
	}
}

// «حمّلت X Y مسؤولية الغارة»: X's claim that Y did it; X is no doer.
func TestBlameIsAClaim(t *testing.T) {
	d := analyzeText(t, "تاريخ النشر: 3 يوليو 2019\n"+
		"قتل 40 مهاجرا في غارة جوية استهدفت مركزا للمهاجرين في تاجوراء ليل الثلاثاء.\n"+
		"وحملت حكومة الوفاق الوطني قوات حفتر مسؤولية الغارة.")
	if len(d.Events) != 1 {
		t.Fatalf("want one strike, got %d", len(d.Events))
	}
	e := d.Events[0]
	if got := actorName(e.Actor1); got != "الجيش الوطني الليبي" {
		t.Errorf("doer %q, want الجيش الوطني الليبي", got)
	}
	if e.ClaimedBy == nil || record.Deref(e.ClaimedBy.Name) != "حكومة الوفاق الوطني" {
		t.Errorf("claimed by %+v, want حكومة الوفاق الوطني", e.ClaimedBy)
	}
}

// Two groups of one camp fighting each other, named after the noun's
// adjuncts; a brigade named «قتال» is no second clash; the agreement that
// ended the fighting is an agreement, dated by the article, not a Friday
// read in «سوق الجمعة».
func TestClashBetweenAllies(t *testing.T) {
	d := analyzeText(t, "تاريخ النشر: 15 أغسطس 2023\n"+
		"اندلعت اشتباكات عنيفة، مساء الاثنين، بين جهاز الردع واللواء 444 قتال في عدة أحياء من العاصمة الليبية طرابلس.\n"+
		"وأعلن المجلس الاجتماعي لسوق الجمعة التوصل إلى اتفاق لوقف إطلاق النار.")
	checkEventLines(t, d, func(e record.Event) string {
		return e.SubEventType + " " + actorName(e.Actor1) + " / " + actorName(e.Actor2) + " " + record.Deref(e.Date)
	},
		"Armed clash جهاز الردع لمكافحة الإرهاب والجريمة المنظمة / اللواء 444 قتال 2023-08-14",
		"Agreement  /  2023-08-15",
	)
}

// A raid that made arrests is the arrests; confrontations between youths
// and soldiers are a riot against the soldiers, not a battle with the
// war's other camp.
func TestRaidArrestsAndYouthsRiot(t *testing.T) {
	d := analyzeText(t, "تاريخ النشر: 8 نوفمبر 2023\n"+
		"اقتحمت قوات الاحتلال مخيم جنين واعتقلت عشرة شبان، فيما اندلعت مواجهات بين الشبان وقوات الاحتلال أصيب خلالها خمسة فلسطينيين بالرصاص الحي.")
	checkEventLines(t, d, func(e record.Event) string {
		return e.SubEventType + " " + actorName(e.Actor1) + " / " + actorName(e.Actor2)
	},
		"Arrests الجيش الإسرائيلي / ",
		"Violent demonstration مثيرو شغب (فلسطين) / الجيش الإسرائيلي",
	)
}

// In an article written from Haftar's side, «المليشيات» are the other
// camp's forces; «المدعومة من تركيا» names a backer, not a place; and a
// later strike with no place of its own is at the town taken, not at the
// city that locates it («الوشكة غرب سرت»).
func TestOneCampsArticle(t *testing.T) {
	d := analyzeText(t, "تاريخ النشر: 10 يوليو 2020\n"+
		"تمكنت وحدات القوات المسلحة العربية الليبية، اليوم، من تحرير منطقة الوشكة غرب سرت بعد معارك عنيفة مع المليشيات الإرهابية المدعومة من تركيا.\n"+
		"وقال المتحدث باسم الجيش إن سلاح الجو نفذ عدة غارات على تجمعات المليشيات.")
	checkEventLines(t, d, func(e record.Event) string {
		return e.SubEventType + " " + actorName(e.Actor1) + " / " + actorName(e.Actor2) + " @" + e.Location.Name
	},
		"Government regains territory الجيش الوطني الليبي / قوات حكومة الوفاق @الوشكة",
		"Air/drone strike سلاح الجو التابع للجيش الوطني الليبي / قوات حكومة الوفاق @الوشكة",
	)
}

// A quarter named without coordinates («حي سعوان») lies in the city named
// with it the sentence before, not in the province named after the city.
func TestQuarterLiesInACity(t *testing.T) {
	d := analyzeText(t, "تاريخ النشر: 10 مارس 2022\n"+
		"شن طيران التحالف غارات على مواقع في العاصمة صنعاء ومحافظة مأرب فجر الخميس.\n"+
		"وقالت قناة محلية إن غارة أخرى استهدفت منزلا في حي سعوان، ما أدى إلى سقوط قتيلين.")
	var places []string
	for _, e := range d.Events {
		places = append(places, e.Location.Name)
		if e.Fatalities != nil && *e.Fatalities == 2 && (e.Location == nil || e.Location.Name != "صنعاء") {
			t.Errorf("the strike on the quarter placed at %+v, want صنعاء", e.Location)
		}
	}
	// Strikes on two places joined by و are two events, as ACLED codes them.
	if strings.Join(places, ",") != "صنعاء,محافظة مأرب" {
		t.Errorf("strikes at %q, want صنعاء and محافظة مأرب", places)
	}
}

// Shells that fell are shelling, not a town that fell; «المدينة» is the
// town its own sentence names, not one named earlier with «مدينة».
func TestShellsFellOnTheTownOfTheSentence(t *testing.T) {
	d := analyzeText(t, "تاريخ النشر: 20 فبراير 2024\n"+
		"هاجمت قوات الدعم السريع قرية قرب مدينة ود مدني أمس.\n"+
		"وفي الفاشر، قال ناشطون إن قذائف سقطت يوم الجمعة على سوق المدينة، ما أدى إلى مقتل 5 أشخاص.")
	var got []string
	for _, e := range d.Events {
		f := 0
		if e.Fatalities != nil {
			f = *e.Fatalities
		}
		got = append(got, fmt.Sprintf("%s @%s %d", e.SubEventType, e.Location.Name, f))
	}
	if len(got) != 2 || got[1] != "Shelling/artillery/missile attack @الفاشر 5" {
		t.Errorf("events %q, want the second a shelling of الفاشر with 5 dead", got)
	}
}

// An arrest the authorities of a town announce happened in that town, not
// at the place the sentence before named.
func TestArrestByATownsAuthorities(t *testing.T) {
	d := analyzeText(t, "تاريخ النشر: 20 فبراير 2024\n"+
		"وقعت اشتباكات في مدينة الفاشر أمس.\n"+
		"كما أعلنت السلطات في بورتسودان اعتقال ثلاثة أشخاص بتهمة التخابر.")
	for _, e := range d.Events {
		if e.SubEventType == "Arrests" && (e.Location == nil || e.Location.Name != "بورتسودان") {
			t.Errorf("arrest placed at %+v, want بورتسودان", e.Location)
		}
	}
}

// checkEventLines reports the document's events, one line each as line writes
// them, when they are not exactly want, in order.
func checkEventLines(t *testing.T, d *doc.Doc, line func(record.Event) string, want ...string) {
	t.Helper()
	var got []string
	for _, e := range d.Events {
		got = append(got, line(e))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("events\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func actorName(a *record.Actor) string {
	if a == nil {
		return ""
	}
	return a.Name
}

// Arguments read by the whole pipeline from sentences of kinds the
// samples lack: countries as the parties of an agreement (not its place),
// the withdrawing side as the other side of the attack it left, the place
// of an attack named as the cause of what the sentence reports, the doer
// of an accusation or of a weapon's launch, the state's forces as victims.
func TestPipelineArguments(t *testing.T) {
	tests := []struct {
		name, text    string
		sub           string
		place, a1, a2 string
		dead          int  // fatalities; 0: not checked
		noA2          bool // the event must have no actor2
	}{
		{
			name:  "agreement between countries",
			text:  "تاريخ النشر: 6 مارس 2020\nوقعت روسيا وتركيا اتفاقا لوقف إطلاق النار في إدلب يوم الخميس.",
			sub:   "Agreement",
			place: "إدلب", a1: "الحكومة الروسية", a2: "الحكومة التركية",
		},
		{
			name:  "withdrawal after an attack",
			text:  "تاريخ النشر: 28 مايو 2015\nانسحبت القوات الحكومية من مدينة سرت إثر هجوم واسع شنه تنظيم داعش.",
			sub:   "Armed clash",
			place: "سرت", a1: "تنظيم الدولة الإسلامية",
		},
		{
			name:  "security forces and protesters",
			text:  "تاريخ النشر: 28 أكتوبر 2019\nأصيب خمسة متظاهرين بجروح عندما أطلقت قوات الأمن الرصاص الحي لتفريق احتجاجات في مدينة كربلاء.",
			sub:   "Excessive force against protesters",
			place: "كربلاء", a1: "القوات الأمنية العراقية", a2: "متظاهرون (العراق)",
		},
		{
			name:  "a raid and the arrest it made",
			text:  "تاريخ النشر: 18 أبريل 2023\nداهمت قوات الأمن التونسية منزل زعيم حزب النهضة راشد الغنوشي في تونس واعتقلته.",
			sub:   "Arrests",
			place: "تونس", a1: "الحكومة التونسية", a2: "راشد الغنوشي",
		},
		{
			name:  "the accused of an accusation is the doer",
			text:  "تاريخ النشر: 10 يوليو 2023\nاتهمت منظمات حقوقية عناصر من قوات الدعم السريع باغتصاب نساء في مدينة الجنينة خلال الأسبوع الماضي.",
			sub:   "Sexual violence",
			place: "الجنينة", a1: "قوات الدعم السريع", a2: "مدنيون (السودان)",
		},
		{
			name:  "foreign planes over a curated locality",
			text:  "تاريخ النشر: 10 يوليو 2023\nقصفت الطائرات الحربية الروسية بلدات في جبل الزاوية بعد منتصف الليل.",
			sub:   "Air/drone strike",
			place: "جبل الزاوية", a1: "القوات المسلحة الروسية",
		},
		{
			name:  "soldiers killed by unnamed gunmen",
			text:  "تاريخ النشر: 3 مايو 2021\nنقلت قناة تلفزيونية عن مصدر أمني قوله إن مسلحين هاجموا نقطة تفتيش في مدينة سامراء وقتلوا جنديين.",
			sub:   "Armed clash",
			place: "سامراء", a1: "مجموعة مسلحة مجهولة (العراق)", a2: "القوات الأمنية العراقية",
		},
		{
			name:  "a weapon and the verb of who fired it",
			text:  "تاريخ النشر: 16 يونيو 2021\nقتلت امرأة وأصيب طفلان بقذيفة أطلقها الحوثيون على حي سكني في مدينة تعز.",
			sub:   "Shelling/artillery/missile attack",
			place: "تعز", a1: "جماعة أنصار الله", a2: "مدنيون (اليمن)", dead: 1,
		},
		{
			name:  "the parties of a charge are not the arrest's",
			text:  "تاريخ النشر: 5 يونيو 2024\nاعتقلت قوات الدعم السريع 20 شخصا في قرية ود النورة بولاية الجزيرة بتهمة التعاون مع الجيش.",
			sub:   "Arrests",
			place: "ولاية الجزيرة", a1: "قوات الدعم السريع", noA2: true,
		},
		{
			name:  "the shelling's doer after ل, its target after على",
			text:  "تاريخ النشر: 7 مايو 2019\nقتل مدنيان جراء قصف صاروخي لقوات النظام على مدينة خان شيخون أمس.",
			sub:   "Shelling/artillery/missile attack",
			place: "خان شيخون", a1: "الجيش العربي السوري", a2: "مدنيون (سوريا)", dead: 2,
		},
		{
			name:  "what a protest was against is no party to it",
			text:  "تاريخ النشر: 7 مايو 2024\nتظاهر مئات الطلاب في عمان احتجاجا على الغارات الإسرائيلية على غزة.",
			sub:   "Peaceful protest",
			place: "عمّان", a1: "متظاهرون (الأردن)", noA2: true,
		},
		{
			name:  "an indefinite security force is the state's",
			text:  "تاريخ النشر: 15 مارس 2021\nاعتقلت قوة أمنية ثلاثة مطلوبين في حي الشعب شرقي بغداد أمس.",
			sub:   "Arrests",
			place: "بغداد", a1: "القوات الأمنية العراقية",
		},
		{
			name: "the country across a border is not the place; the victims' army is their country's",
			text: "تاريخ النشر: 3 يونيو 2024\nقتل خمسة عشر جنديا ماليا في هجوم شنه مسلحون على موقع للجيش في قرية نائية قرب الحدود مع النيجر.\n" +
				"وتبنت جماعة نصرة الإسلام والمسلمين الهجوم في بيان.",
			sub:   "Armed clash",
			place: "مالي", a1: "جماعة نصرة الإسلام والمسلمين", a2: "القوات المسلحة المالية", dead: 15,
		},
		{
			name: "a blast is not the act of the police who report it, but of its claimant",
			text: "تاريخ النشر: 3 يونيو 2024\nقالت الشرطة الصومالية إن سيارة مفخخة انفجرت أمام مطعم في مقديشو مساء الخميس.\n" +
				"وأعلنت حركة الشباب مسؤوليتها عن التفجير.",
			sub:   "Remote explosive/landmine/IED",
			place: "مقديشو", a1: "حركة الشباب المجاهدين",
		},
		{
			name:  "a riot in protest at a death is not that death",
			text:  "تاريخ النشر: 3 يونيو 2024\nأحرق محتجون غاضبون مقر الشرطة في مدينة عطبرة احتجاجا على مقتل شاب برصاص قوات الأمن.",
			sub:   "Violent demonstration",
			place: "عطبرة", a1: "مثيرو شغب (السودان)", noA2: true,
		},
		{
			name:  "looting by unnamed gunmen",
			text:  "تاريخ النشر: 3 يونيو 2024\nنهب مسلحون مجهولون محلات تجارية في سوق مدينة نيالا أمس.",
			sub:   "Looting/property destruction",
			place: "نيالا", a1: "مجموعة مسلحة مجهولة (السودان)",
		},
		{
			name: "«قواته» in a spokesman's report are his side's; «الحيش» is «الجيش»",
			text: "تاريخ النشر: 18 يناير 2020\nقال المتحدث باسم الحيش الليبي أحمد المسماري إن الوضع في سرت مستقر.\n" +
				"وأضاف أن قواته أسرت 15 عنصرا من قوات الوفاق في المدينة.",
			sub:   "Arrests",
			place: "سرت", a1: "الجيش الوطني الليبي", a2: "قوات حكومة الوفاق",
		},
		{
			name:  "«المدينة» after a town named only in an actor's name",
			text:  "تاريخ النشر: 10 يونيو 2018\nشنت طائرات تابعة للجيش الوطني الليبي غارات على مواقع لمجلس شورى مجاهدي درنة وسط المدينة أمس.",
			sub:   "Air/drone strike",
			place: "درنة", a1: "الجيش الوطني الليبي", a2: "مجلس شورى مجاهدي درنة",
		},
		{
			name:  "«استشهد» counts its dead; «فجر اليوم» in an undated article is dawn, not a blast",
			text:  "استشهد ثمانية مواطنين، بينهم ثلاثة أطفال، فجر اليوم الأربعاء، في غارة شنتها طائرات الاحتلال الإسرائيلي على منزل في بلدة بني سهيلا شرق خان يونس.",
			sub:   "Air/drone strike",
			place: "بني سهيلا", a1: "الجيش الإسرائيلي", a2: "مدنيون (فلسطين)", dead: 8,
		},
		{
			name:  "foiling an infiltration is a clash with the infiltrators, whose ل-phrase names them",
			text:  "تاريخ النشر: 10 مارس 2022\nأعلنت هيئة تحرير الشام في إدلب إحباط محاولة تسلل لقوات النظام على محور جبل الزاوية، وقتل أربعة عناصر منها.",
			sub:   "Armed clash",
			place: "جبل الزاوية", a1: "هيئة تحرير الشام", a2: "الجيش العربي السوري", dead: 4,
		},
		{
			name:  "a merchant ship as the target",
			text:  "تاريخ النشر: 12 يناير 2024\nقال الحوثيون إنهم استهدفوا ناقلة نفط في خليج عدن بصواريخ بحرية يوم الخميس.",
			sub:   "Shelling/artillery/missile attack",
			place: "خليج عدن", a1: "جماعة أنصار الله", a2: "مدنيون (اليمن)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := analyzeText(t, tt.text)
			if len(d.Events) != 1 {
				t.Fatalf("want one event, got %d: %+v", len(d.Events), d.Events)
			}
			e := d.Events[0]
			if e.SubEventType != tt.sub {
				t.Errorf("sub-type %q, want %q", e.SubEventType, tt.sub)
			}
			if e.Location == nil || e.Location.Name != tt.place {
				t.Errorf("location %+v, want %s", e.Location, tt.place)
			}
			if got := actorName(e.Actor1); got != tt.a1 {
				t.Errorf("actor1 %q, want %q", got, tt.a1)
			}
			if tt.a2 != "" && actorName(e.Actor2) != tt.a2 {
				t.Errorf("actor2 %q, want %q", actorName(e.Actor2), tt.a2)
			}
			if tt.noA2 && e.Actor2 != nil {
				t.Errorf("actor2 %q, want none", actorName(e.Actor2))
			}
			if tt.sub == "Violent demonstration" && e.Fatalities != nil {
				t.Errorf("fatalities %d, want none", *e.Fatalities)
			}
			if tt.dead > 0 && (e.Fatalities == nil || *e.Fatalities != tt.dead) {
				t.Errorf("fatalities %v, want %d", e.Fatalities, tt.dead)
			}
			if tt.a2 == "" && tt.sub == "Armed clash" && e.Actor2 == nil {
				t.Errorf("actor2 missing")
			}
		})
	}
}
