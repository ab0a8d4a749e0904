package events

import (
	"testing"
	"testing/fstest"

	"github.com/marsad/marsad/internal/record"
)

// TestDates resolves date expressions against the publication day
// (Saturday 13 March 2021) and against a window.
func TestDates(t *testing.T) {
	tests := []struct {
		name, body, pub string
		from, to        string // publication window when pub is ""
		date            string
		precision       int
	}{
		{"weekday", "قصفت مدفعية الحوثيين مدينة تعز يوم الجمعة.", "2021-03-13", "", "", "2021-03-12", 1},
		{"yesterday", "قصفت مدفعية الحوثيين مدينة تعز أمس.", "2021-03-13", "", "", "2021-03-12", 1},
		{"last night", "قصفت مدفعية الحوثيين مدينة تعز ليل أمس الجمعة.", "2021-03-13", "", "", "2021-03-12", 1},
		{"day and month", "قصفت مدفعية الحوثيين مدينة تعز في 5 مارس الماضي.", "2021-03-13", "", "", "2021-03-05", 1},
		{"last month", "قصفت مدفعية الحوثيين مدينة تعز الشهر الماضي.", "2021-03-13", "", "", "2021-02-28", 3},
		{"last week", "قصفت مدفعية الحوثيين مدينة تعز الأسبوع الماضي.", "2021-03-13", "", "", "2021-03-12", 2},
		{"undated", "قصفت مدفعية الحوثيين مدينة تعز.", "2021-03-13", "", "", "2021-03-13", 2},
		// Undated in a window: the middle of the window, within the window
		// from a week before its start to its end.
		{"undated in a window", "قصفت مدفعية الحوثيين مدينة تعز.", "", "2021-03-01", "2021-03-20", "2021-03-10", 3},
		{"weekday in a window", "قصفت مدفعية الحوثيين مدينة تعز يوم الجمعة.", "", "2021-03-13", "2021-03-16", "2021-03-12", 1},
		// Two Tuesdays are possible: the window keeps both (precision 2),
		// and the day recorded is the one six of the seven days give.
		{"weekday, two candidates", "قصفت مدفعية الحوثيين مدينة تعز يوم الثلاثاء.", "", "2021-03-15", "2021-03-21", "2021-03-16", 2},
		{"yesterday in a window", "قصفت مدفعية الحوثيين مدينة تعز أمس.", "", "2021-03-15", "2021-03-17", "2021-03-16", 2},
		{"two weeks after a bombing", "قصفت مدفعية الحوثيين مدينة تعز بعد أسبوعين من تفجير سيارة مفخخة.", "2021-03-13", "", "", "2021-03-13", 2},
		{"month with year", "قصفت مدفعية الحوثيين مدينة تعز في يوليو من عام 2020.", "2021-03-13", "", "", "2020-07-31", 3},
		{"date of the report, not of a prior fact", "قالت مصادر يوم الخميس إن مدفعية الحوثيين قصفت تعز بعد هجوم شنته القوات في يناير الماضي.", "2021-03-13", "", "", "2021-03-11", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := mkDoc(t, tc.body, tc.pub, entHouthi, entTaiz)
			if tc.pub == "" {
				d.Published = record.Published{From: record.Str(tc.from), To: record.Str(tc.to), Basis: record.BasisInferred}
			}
			evs := extract(t, d)
			var ev *record.Event
			for i := range evs {
				if evs[i].SubEventType == "Shelling/artillery/missile attack" {
					ev = &evs[i]
				}
			}
			if ev == nil || ev.Date == nil {
				t.Fatalf("no dated shelling in %s", describe(evs))
			}
			if *ev.Date != tc.date || ev.TimePrecision != tc.precision {
				t.Errorf("date %s precision %d, want %s precision %d", *ev.Date, ev.TimePrecision, tc.date, tc.precision)
			}
			if *ev.DateFrom > *ev.Date || *ev.Date > *ev.DateTo {
				t.Errorf("date %s outside window %s–%s", *ev.Date, *ev.DateFrom, *ev.DateTo)
			}
		})
	}
}

// TestUndatedLikely: an undated event takes the publication day the
// metadata found likeliest; with an open window it has no day, only a
// lower bound, and ACLED's coarsest time precision, 3.
func TestUndatedLikely(t *testing.T) {
	d := mkDoc(t, "قصفت مدفعية الحوثيين مدينة تعز.", "", entHouthi, entTaiz)
	d.Published = record.Published{From: record.Str("2021-03-01"), To: record.Str("2021-03-20"), Likely: record.Str("2021-03-02"), Basis: record.BasisInferred}
	evs := extract(t, d)
	if len(evs) != 1 || evs[0].Date == nil || *evs[0].Date != "2021-03-02" || *evs[0].DateFrom != "2021-02-22" || evs[0].DateBasis != "publication" {
		t.Errorf("undated with a likely day: %s", describe(evs))
	}
	// A publication window of months: the window, but no day in it.
	d = mkDoc(t, "قصفت مدفعية الحوثيين مدينة تعز.", "", entHouthi, entTaiz)
	d.Published = record.Published{From: record.Str("2021-03-01"), To: record.Str("2021-09-30"), Basis: record.BasisInferred}
	evs = extract(t, d)
	if len(evs) != 1 || evs[0].Date != nil || evs[0].DateFrom == nil || *evs[0].DateFrom != "2021-02-22" || *evs[0].DateTo != "2021-09-30" || evs[0].TimePrecision != 3 {
		t.Errorf("undated in a window of months: %s", describe(evs))
	}
	d = mkDoc(t, "قصفت مدفعية الحوثيين مدينة تعز.", "", entHouthi, entTaiz)
	d.Published = record.Published{From: record.Str("2021-03-01"), Basis: record.BasisInferred}
	evs = extract(t, d)
	if len(evs) != 1 || evs[0].Date != nil || evs[0].DateFrom == nil || *evs[0].DateFrom != "2021-02-22" || evs[0].TimePrecision != 3 {
		t.Errorf("undated in an open window: %s", describe(evs))
	}
}

// TestStaleBackground: an event long before publication is background and
// is skipped; one within the year keeps its own date.
func TestStaleBackground(t *testing.T) {
	old := extract(t, mkDoc(t, "قصفت الطائرات مدينة الموصل في يونيو 2015.", "2021-03-13", entMosul))
	if len(old) != 0 {
		t.Errorf("2015 strike in a 2021 article: got %s", describe(old))
	}
	recent := extract(t, mkDoc(t, "وفر القائد بعد تحرير مدينة الموصل في يوليو من عام 2020.", "2021-03-13", entMosul))
	if len(recent) != 1 || *recent[0].Date != "2020-07-31" || recent[0].TimePrecision != 3 {
		t.Errorf("liberation in July 2020: got %s", describe(recent))
	}
}

func TestFatalities(t *testing.T) {
	tests := []struct {
		name, body string
		want       *int
	}{
		{"exact", "قتل 12 مدنيا في قصف مدفعي على مدينة تعز أمس.", record.Int(12)},
		{"noun after figure", "أسفر قصف مدفعي على مدينة تعز أمس عن سقوط 7 قتلى.", record.Int(7)},
		{"dozens is ten", "قتل العشرات من مقاتلي الحوثيين في اشتباكات مع الجيش اليمني في تعز أمس.", record.Int(10)},
		{"dozens of them", "شنت الطائرات غارات على مواقع الحوثيين في تعز أمس وقتلت عشرات منهم.", record.Int(10)},
		{"at least", "قتل أكثر من 20 شخصا في تفجير انتحاري بمدينة تعز أمس.", record.Int(20)},
		{"lowest of a range", "قتل ما بين 15 و20 مدنيا في قصف على مدينة تعز أمس.", record.Int(15)},
		{"wounded are not dead", "أصيب 9 مدنيين في قصف مدفعي على مدينة تعز أمس.", nil},
		{"dead and wounded", "قتل 3 مدنيين وأصيب 11 آخرون في قصف مدفعي على مدينة تعز أمس.", record.Int(3)},
		{"captives are not dead", "أسرت القوات الحكومية 14 مقاتلا من الحوثيين في تعز أمس.", nil},
		{"unknown", "قصفت مدفعية الحوثيين أحياء في مدينة تعز أمس.", nil},
		{"one soldier", "انفجرت عبوة ناسفة بدورية في تعز أمس ما أدى إلى مقتل جندي.", record.Int(1)},
		{"no casualties", "سقطت قذائف على حي في مدينة تعز أمس دون وقوع إصابات.", record.Int(0)},
		{"both sides add", "قتل 5 من الجيش اليمني و8 من الحوثيين في اشتباكات بمدينة تعز أمس.", record.Int(13)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := extract(t, mkDoc(t, tc.body, "2021-03-13", entTaiz, entHouthi, entYeArmy, entYeGov))
			if len(evs) != 1 {
				t.Fatalf("want one event, got %s", describe(evs))
			}
			got := evs[0].Fatalities
			switch {
			case tc.want == nil && got != nil:
				t.Errorf("fatalities %d, want null", *got)
			case tc.want != nil && (got == nil || *got != *tc.want):
				t.Errorf("fatalities %v, want %d", got, *tc.want)
			}
		})
	}
}

func TestRoles(t *testing.T) {
	tests := []struct {
		name, body string
		ents       []ent
		a1, a2     string
	}{
		{"verb then subject", "قصفت جماعة الحوثي مواقع الجيش اليمني في مأرب أمس.",
			[]ent{entHouthi, entYeArmy, entMarib}, "جماعة الحوثي", "الجيش اليمني"},
		{"subject then verb", "الجيش اليمني استعاد مواقع في مأرب أمس من جماعة الحوثي.",
			[]ent{entHouthi, entYeArmy, entMarib}, "الجيش اليمني", "جماعة الحوثي"},
		{"by the hand of", "سقطت بلدة قرب مأرب أمس على يد الحوثيين بعد معارك مع الجيش اليمني.",
			[]ent{entHouthi, entYeArmy, entMarib}, "جماعة الحوثي", "الجيش اليمني"},
		{"from the grip of", "انتزعت القوات الحكومية بلدة سراقب من قبضة هيئة تحرير الشام يوم الجمعة.",
			[]ent{entSyArmy, entHTS, entSaraqib}, "الجيش السوري", "هيئة تحرير الشام"},
		{"positions of", "شن الجيش السوداني هجوما على تمركزات قوات الدعم السريع في الخرطوم أمس.",
			[]ent{entSAF, entRSF, entKhartoum}, "الجيش السوداني", "قوات الدعم السريع"},
		{"killed of a side", "مقتل 20 عنصرا من قوات الدعم السريع خلال مواجهات مع الجيش السوداني في الخرطوم أمس.",
			[]ent{entSAF, entRSF, entKhartoum}, "الجيش السوداني", "قوات الدعم السريع"},
		{"speaker's own forces", "قال الجيش السوداني في بيان إن قواته سيطرت على حي في الخرطوم أمس بعد معارك مع قوات الدعم السريع.",
			[]ent{entSAF, entRSF, entKhartoum}, "الجيش السوداني", "قوات الدعم السريع"},
		{"other side from the sides", "تقدمت القوات الحكومية في مدينة سراقب أمس وسيطرت على عدة أحياء، فيما تستمر المعارك مع هيئة تحرير الشام في محيطها.",
			[]ent{entSyArmy, entHTS, entSaraqib}, "الجيش السوري", "هيئة تحرير الشام"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := extract(t, mkDoc(t, tc.body, "2021-03-13", tc.ents...))
			if len(evs) == 0 {
				t.Fatal("no event")
			}
			e := evs[0]
			if e.Actor1 == nil || e.Actor1.Name != tc.a1 || e.Actor2 == nil || e.Actor2.Name != tc.a2 {
				t.Errorf("want a1=%s a2=%s, got %s", tc.a1, tc.a2, describe(evs))
			}
		})
	}
}

// TestPronounRefersBack: a sentence with no doer named takes the doer of
// the sentence before it.
func TestPronounRefersBack(t *testing.T) {
	body := "شن الجيش السوري هجوما على مواقع هيئة تحرير الشام في سراقب يوم الخميس. وتمكن بعد ساعات من السيطرة على المدينة."
	evs := extract(t, mkDoc(t, body, "2021-03-13", entSyArmy, entHTS, entSaraqib))
	if len(evs) != 1 || evs[0].SubEventType != "Government regains territory" || evs[0].Actor1 == nil || evs[0].Actor1.Name != "الجيش السوري" {
		t.Fatalf("want one takeover by the army, got %s", describe(evs))
	}
}

// TestMerge: reports of one event merge: the same clash told twice, a
// clash and the takeover it ended in, a withdrawal and the entry of the
// other side; different places stay apart.
func TestMerge(t *testing.T) {
	tests := []struct {
		name, body string
		ents       []ent
		want       []string // sub-types, in order
		fatalities *int
	}{
		{"same clash twice", "اندلعت اشتباكات بين الجيش اليمني والحوثيين في مأرب يوم الجمعة قتل فيها 12 شخصا. وقالت مصادر محلية إن 15 شخصا قتلوا في اشتباكات مأرب يوم الجمعة.",
			[]ent{entYeArmy, entHouthi, entMarib}, []string{"Armed clash"}, record.Int(12)},
		{"clash then takeover", "اندلعت اشتباكات عنيفة بين الجيش السوري والهيئة في سراقب يوم الجمعة. وتمكن الجيش السوري في اليوم نفسه من السيطرة على سراقب.",
			[]ent{entSyArmy, entHTS, entSaraqib}, []string{"Government regains territory"}, nil},
		{"withdrawal and entry", "انسحبت هيئة تحرير الشام من مدينة سراقب. ودخلت قوات النظام مدينة سراقب بعد ذلك.",
			[]ent{entSyArmy, entHTS, entSaraqib}, []string{"Government regains territory"}, nil},
		{"two places", "قصفت مدفعية الحوثيين مدينة تعز أمس، كما قصفت مدينة مأرب.",
			[]ent{entHouthi, entTaiz, entMarib}, []string{"Shelling/artillery/missile attack", "Shelling/artillery/missile attack"}, nil},
		{"two days", "قصفت مدفعية الحوثيين مدينة تعز يوم الخميس. وقصفت المدفعية المدينة مجددا يوم الجمعة.",
			[]ent{entHouthi, entTaiz}, []string{"Shelling/artillery/missile attack", "Shelling/artillery/missile attack"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := extract(t, mkDoc(t, tc.body, "2021-03-13", tc.ents...))
			if len(evs) != len(tc.want) {
				t.Fatalf("want %v, got %s", tc.want, describe(evs))
			}
			for i, sub := range tc.want {
				if evs[i].SubEventType != sub {
					t.Errorf("event %d: %s, want %s", i, evs[i].SubEventType, sub)
				}
			}
			if tc.fatalities != nil && (evs[0].Fatalities == nil || *evs[0].Fatalities != *tc.fatalities) {
				t.Errorf("fatalities %v, want %d", evs[0].Fatalities, *tc.fatalities)
			}
		})
	}
}

func TestClaims(t *testing.T) {
	tests := []struct {
		name, body string
		quote      *record.Quote // a quote span around the event, if any
		want       string
	}{
		{"reporting verb", "قالت مصادر عسكرية إن الجيش اليمني قصف مواقع الحوثيين في تعز أمس.", nil, "مصادر عسكرية"},
		{"according to", "قصفت مدفعية الحوثيين أحياء في تعز أمس، بحسب مصادر طبية.", nil, "مصادر طبية"},
		{"according to what a source reported", "قصفت مدفعية الحوثيين أحياء في تعز أمس، وفقا لما أفادت به مصادر طبية.", nil, "مصادر طبية"},
		{"named actor", "أعلنت جماعة الحوثي أنها قصفت مواقع الجيش اليمني في تعز أمس.", nil, "جماعة الحوثي"},
		{"pronoun of an earlier speaker", "وأكد يحيى سريع أن قواته قصفت مواقع في تعز أمس، وفق قوله.", nil, "يحيى سريع"},
		{"quote", "قصفت مدفعية الحوثيين أحياء في تعز أمس.", &record.Quote{Speaker: record.Speaker{ID: record.Str("t:x"), Name: "مسؤول محلي"}, Span: [2]int{0, 40}}, "مسؤول محلي"},
		{"outlet", "قصفت مدفعية الحوثيين أحياء في تعز أمس.", nil, "وكالة الأنباء"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := mkDoc(t, tc.body, "2021-03-13", entHouthi, entYeArmy, entTaiz, entSpokesman)
			d.Agency = "وكالة الأنباء"
			if tc.quote != nil {
				d.Quotes = []record.Quote{*tc.quote}
			}
			evs := extract(t, d)
			if len(evs) != 1 {
				t.Fatalf("want one event, got %s", describe(evs))
			}
			if c := evs[0].ClaimedBy; c == nil || c.Name == nil || *c.Name != tc.want {
				t.Errorf("claimed by %v, want %s", c, tc.want)
			}
		})
	}
}

// TestLiberationTakesTheArticlesSide: «تحرير» with no liberator named is
// the doing of the side the article writes from, as linking read it.
func TestLiberationTakesTheArticlesSide(t *testing.T) {
	body := "وفر القائد الميداني بعد تحرير مدينة سراقب يوم الجمعة. وتواصل هيئة تحرير الشام إرسال التعزيزات، فيما يحشد الجيش السوري قواته."
	d := mkDoc(t, body, "2021-03-13", entSaraqib, entHTS, entSyArmy)
	d.Perspective = &record.Perspective{Leaning: "SY-GOV"}
	evs := extract(t, d)
	if len(evs) != 1 || evs[0].Actor1 == nil || evs[0].Actor1.Name != "الجيش السوري" {
		t.Fatalf("want the takeover by the army, got %s", describe(evs))
	}
}

// TestWeaponMakesTheType: a killing by a weapon of remote violence is that
// violence; destroying a weapon system alone is disrupted weapons use,
// by a strike it is the strike.
func TestWeaponMakesTheType(t *testing.T) {
	tests := []struct{ body, sub string }{
		{"قتل ثلاثة مدنيين بغارة لطائرة مسيرة على سوق في مأرب أمس.", "Air/drone strike"},
		{"دمرت قوات الحكومة اليمنية منصة لإطلاق الصواريخ في مأرب أمس.", "Disrupted weapons use"},
		{"دمرت غارات جوية منظومة دفاع جوي في مأرب أمس.", "Air/drone strike"},
	}
	for _, tc := range tests {
		evs := extract(t, mkDoc(t, tc.body, "2021-03-13", entMarib, entYeGov))
		if len(evs) != 1 || evs[0].SubEventType != tc.sub {
			t.Errorf("«%s»: want %s, got %s", tc.body, tc.sub, describe(evs))
		}
	}
}

// TestLexiconRejectsBadRows: a lexicon that codes a class outside ACLED's
// pairs, names an unknown class or flag, or misses a cue kind is refused.
func TestLexiconRejectsBadRows(t *testing.T) {
	good := func(name string) []byte {
		b, err := lexiconFS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct{ name, file, content string }{
		{"bad pair", "lexicon/classes.tsv", "clash\tBattles\tShelling/artillery/missile attack\t193\tagent\n"},
		{"unknown class", "lexicon/triggers.tsv", "nosuchclass\tN\tهجوم\t\n"},
		{"unknown flag", "lexicon/triggers.tsv", "clash\tN\tاشتباكات\tloud\n"},
		{"bad pos", "lexicon/triggers.tsv", "clash\tX\tاشتباكات\t\n"},
		{"missing cues", "lexicon/cues.tsv", "negation\tN\tلم\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for _, f := range []string{"lexicon/classes.tsv", "lexicon/triggers.tsv", "lexicon/cues.tsv", "lexicon/cameo.tsv"} {
				fsys[f] = &fstest.MapFile{Data: good(f)}
			}
			fsys[tc.file] = &fstest.MapFile{Data: []byte(tc.content)}
			if tc.file == "lexicon/classes.tsv" {
				fsys[tc.file].Data = append(good(tc.file), tc.content...)
			}
			if _, err := LoadLexicon(fsys); err == nil {
				t.Error("want an error")
			}
		})
	}
}

// TestReferencesBack: a definite event noun with no place or date of its
// own, and the acts in a claim of responsibility, are the event told
// before: they add its author, not a new event.
func TestReferencesBack(t *testing.T) {
	body := "انفجرت سيارة مفخخة في سوق شعبي ببغداد أمس ما أدى إلى مقتل سبعة أشخاص.\nوأعلن تنظيم الدولة مسؤوليته عن الهجوم، وقال إنه استهدف تجمعا لقوات الأمن.\nوأدان رئيس الوزراء التفجير."
	evs := extract(t, mkDoc(t, body, "2021-03-13", entBaghdad, entISIS))
	if len(evs) != 1 {
		t.Fatalf("want one event, got %s", describe(evs))
	}
	e := evs[0]
	if e.SubEventType != "Remote explosive/landmine/IED" || e.Actor1 == nil || e.Actor1.Name != "تنظيم الدولة" || e.Fatalities == nil || *e.Fatalities != 7 {
		t.Errorf("want the car bomb by the Islamic State with 7 dead, got %s", describe(evs))
	}
}

// TestDatelineIsNotTheEventsPlace: the place of a dateline is where the
// reporter is; an event whose sentence names no place is not put there.
func TestDatelineIsNotTheEventsPlace(t *testing.T) {
	body := "الخرطوم - قالت مصادر محلية إن غارة جوية استهدفت سوقا مكتظا أمس."
	evs := extract(t, mkDoc(t, body, "2021-03-13", entKhartoum))
	if len(evs) != 1 || evs[0].Location != nil {
		t.Errorf("want one unplaced strike, got %s", describe(evs))
	}
}
