package events

import (
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/kb"
	"github.com/marsad/marsad/internal/record"
)

var (
	testKBOnce sync.Once
	testKB     *kb.KB
	testKBErr  error
)

func loadKB(t testing.TB) *kb.KB {
	t.Helper()
	testKBOnce.Do(func() { testKB, testKBErr = kb.Default() })
	if testKBErr != nil {
		t.Fatalf("knowledge base: %v", testKBErr)
	}
	return testKB
}

// kbDoc builds a document whose entities are every knowledge-base name in
// the body (as a plain linker would find them, nationality adjectives
// left out) plus the hand-made extra ones: places the gazetteer lacks.
func kbDoc(t testing.TB, body, published string, extra ...ent) *doc.Doc {
	t.Helper()
	d := mkDoc(t, body, published, extra...)
	base := loadKB(t)
	toks := arabic.Tokenize(body)
	runes := []rune(body)
	byID := map[string]int{}
	for _, m := range base.Match(toks) {
		if m.Adjective || m.Common || len(m.Entries) == 0 {
			continue
		}
		start, end := toks[m.First].Start, toks[m.Last].End
		if coveredBy(d.Entities, start, end) {
			continue
		}
		e := m.Entries[0]
		k, ok := byID[e.ID]
		if !ok {
			d.Entities = append(d.Entities, *entityOf(e))
			k = len(d.Entities) - 1
			byID[e.ID] = k
		}
		d.Entities[k].Mentions = append(d.Entities[k].Mentions, record.Mention{Text: string(runes[start:end]), Start: start, End: end})
	}
	return d
}

func coveredBy(ents []record.Entity, start, end int) bool {
	for _, e := range ents {
		if covered(e.Mentions, start, end) {
			return true
		}
	}
	return false
}

// extractKB runs the events reader with the default knowledge base and
// checks the invariants of every event.
func extractKB(t testing.TB, d *doc.Doc) []record.Event {
	t.Helper()
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	evs := Extract(d, lex, loadKB(t))
	checkInvariants(t, d, evs)
	return evs
}

// firstOf returns the first event of a type pair, or nil.
func firstOf(evs []record.Event, typ, sub string) *record.Event {
	for i := range evs {
		if evs[i].EventType == typ && (sub == "" || evs[i].SubEventType == sub) {
			return &evs[i]
		}
	}
	return nil
}

func actorID(a *record.Actor) string {
	if a == nil {
		return ""
	}
	return a.ID
}

// TestNounPhraseActors: the doer named by a nationality or group adjective
// on the strike, its weapon or its forces, or by a bare «الجيش», is the
// country's army in the knowledge base, a country-level actor where the
// base has none, or the group.
func TestNounPhraseActors(t *testing.T) {
	tests := []struct {
		name, body, typ string
		actor1, actor2  string
		en1             string // English name of actor1, when it matters
	}{
		{"adjective on the strike", "قتل ثلاثة مدنيين في غارة إسرائيلية على بلدة عيتا الشعب جنوبي لبنان يوم الأحد.",
			"Explosions/Remote violence", "kb:idf", "acled:civilians:LB", ""},
		{"adjective on the aircraft in a periphrasis", "شنت طائرات روسية غارات عنيفة على مدينة سراقب يوم الأحد.",
			"Explosions/Remote violence", "kb:ru-army", "", ""},
		{"adjective on the weapon after its modifier", "قصفت طائرات تركية مسيرة مواقع لحزب العمال الكردستاني قرب مدينة دهوك يوم الأحد.",
			"Explosions/Remote violence", "kb:tr-army", "kb:pkk", ""},
		{"group nisba", "أصيب طفلان بقصف حوثي على حي سكني في مدينة تعز يوم الأحد.",
			"Explosions/Remote violence", "kb:ye-houthis", "acled:civilians:YE", ""},
		{"bare army as genitive", "استهدفت مدفعية الجيش قرى في ريف حماة الشمالي يوم الأحد.",
			"Explosions/Remote violence", "kb:saa", "", ""},
		{"weapon owned by a group", "قتل أربعة أشخاص بقصف مسيرة تابعة للدعم السريع على سوق في مدينة سنار يوم الأحد.",
			"Explosions/Remote violence", "kb:sd-rsf", "", ""},
		{"a state the base has no army for", "قصفت طائرات حربية سعودية مواقع في مدينة صعدة يوم الأحد.",
			"Explosions/Remote violence", "acled:military:SA", "", "Military Forces of Saudi Arabia"},
		{"counted soldiers are victims, not doers", "قتل جنديان عراقيان بانفجار عبوة ناسفة قرب مدينة بغداد يوم الأحد.",
			"Explosions/Remote violence", "acled:unidentified:IQ", "kb:iq-security-forces", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := extractKB(t, kbDoc(t, tc.body, "2024-03-11"))
			ev := firstOf(evs, tc.typ, "")
			if ev == nil {
				t.Fatalf("no %s in %s", tc.typ, describe(evs))
			}
			if got := actorID(ev.Actor1); got != tc.actor1 {
				t.Errorf("actor1 %q, want %q: %s", got, tc.actor1, describe(evs))
			}
			if got := actorID(ev.Actor2); tc.actor2 != "" && got != tc.actor2 {
				t.Errorf("actor2 %q, want %q: %s", got, tc.actor2, describe(evs))
			}
			if tc.en1 != "" && (ev.Actor1 == nil || record.Deref(ev.Actor1.NameEn) != tc.en1) {
				t.Errorf("actor1 English name %v, want %q", ev.Actor1, tc.en1)
			}
		})
	}
}

// TestNounPhraseActorsNeedAgreement: an adjective that does not agree with
// the noun, or that names a place taken or a thing, names no doer.
func TestNounPhraseActorsNeedAgreement(t *testing.T) {
	for _, body := range []string{
		// «الإسرائيلية» is definite: it does not qualify «غارة».
		"قتل رجل في غارة الإسرائيلية على بلدة عيتا الشعب يوم الأحد.",
		// «الدفاع الجوي الروسية»: an air-defence system, not a strike.
		"دمرت غارة منظومات الدفاع الجوي الروسية قرب مدينة سراقب يوم الأحد.",
	} {
		evs := extractKB(t, kbDoc(t, body, "2024-03-11"))
		for _, ev := range evs {
			if id := actorID(ev.Actor1); id == "kb:idf" || id == "kb:ru-army" {
				t.Errorf("%q: actor1 %s from an adjective that names no doer", body, id)
			}
		}
	}
}

// TestACLEDConventions: unnamed perpetrators are an unidentified armed
// group of the event's country, civilian victims are civilians of it,
// direct attacks on civilians are violence against civilians while
// remote violence stays remote violence, and demonstrators are the
// actors of their protests — each with ACLED's actor type code.
func TestACLEDConventions(t *testing.T) {
	tests := []struct {
		name, body     string
		typ, sub       string
		actor1, inter1 string
		actor2         string
		inter2         int
	}{
		{"IED killing civilians", "قتل ثلاثة مدنيين بانفجار عبوة ناسفة في سوق مدينة منبج يوم الأحد.",
			"Explosions/Remote violence", "Remote explosive/landmine/IED", "acled:unidentified:SY", "3", "acled:civilians:SY", 7},
		{"gunmen killing villagers", "هاجم مسلحون قرية قرب مدينة موبتي يوم الأحد وقتلوا 12 من سكانها.",
			"Violence against civilians", "Attack", "acled:unidentified:ML", "3", "acled:civilians:ML", 7},
		{"shooting at worshippers", "أطلق مسلحون النار على مصلين أمام مسجد في مدينة غاو يوم الأحد.",
			"Violence against civilians", "Attack", "acled:unidentified:ML", "3", "acled:civilians:ML", 7},
		{"shelling of displaced people", "قتل سبعة نازحين بقصف مدفعي على مخيم قرب مدينة الفاشر يوم الأحد.",
			"Explosions/Remote violence", "Shelling/artillery/missile attack", "acled:unidentified:SD", "3", "acled:civilians:SD", 7},
		{"clash between unnamed groups", "اندلعت اشتباكات بين مسلحين في مدينة غريان يوم الأحد.",
			"Battles", "Armed clash", "acled:unidentified:LY", "3", "acled:unidentified:LY", 3},
		{"protest", "تظاهر مئات من السكان في مدينة البصرة يوم الأحد احتجاجا على انقطاع الكهرباء.",
			"Protests", "", "acled:protesters:IQ", "6", "", 0},
		{"foreign forces are external", "قتل مسعفان في غارة إسرائيلية على بلدة ميس الجبل يوم الأحد.",
			"Explosions/Remote violence", "Air/drone strike", "kb:idf", "8", "acled:civilians:LB", 7},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := extractKB(t, kbDoc(t, tc.body, "2024-03-11"))
			ev := firstOf(evs, tc.typ, tc.sub)
			if ev == nil {
				t.Fatalf("no %s/%s in %s", tc.typ, tc.sub, describe(evs))
			}
			if got := actorID(ev.Actor1); got != tc.actor1 {
				t.Errorf("actor1 %q, want %q: %s", got, tc.actor1, describe(evs))
			}
			if ev.Actor1 != nil && strconv.Itoa(ev.Actor1.Inter) != tc.inter1 {
				t.Errorf("inter1 %d, want %s", ev.Actor1.Inter, tc.inter1)
			}
			if got := actorID(ev.Actor2); got != tc.actor2 {
				t.Errorf("actor2 %q, want %q: %s", got, tc.actor2, describe(evs))
			}
			if ev.Actor2 != nil && ev.Actor2.Inter != tc.inter2 {
				t.Errorf("inter2 %d, want %d", ev.Actor2.Inter, tc.inter2)
			}
			if tc.actor1 == "acled:unidentified:SY" && (ev.Actor1 == nil || record.Deref(ev.Actor1.NameEn) != "Unidentified Armed Group (Syria)") {
				t.Errorf("unidentified group named %v", ev.Actor1)
			}
		})
	}
}

// TestConventionsLeaveOthersAlone: named actors are kept, fighters killed
// are no civilians, and events outside political violence get no
// unidentified perpetrator.
func TestConventionsLeaveOthersAlone(t *testing.T) {
	evs := extractKB(t, kbDoc(t, "قتل خمسة جنود بانفجار عبوة ناسفة استهدفت دورية قرب مدينة درعا يوم الأحد.", "2024-03-11"))
	if ev := firstOf(evs, "Explosions/Remote violence", ""); ev == nil || actorID(ev.Actor2) == "acled:civilians:SY" {
		t.Errorf("soldiers killed coded as civilians: %s", describe(evs))
	}
	evs = extractKB(t, kbDoc(t, "وقعت الحكومة السودانية وقوات الدعم السريع اتفاقا لوقف إطلاق النار في مدينة جدة يوم الأحد.", "2024-03-11"))
	for _, ev := range evs {
		if strings.HasPrefix(actorID(ev.Actor1), "acled:") || strings.HasPrefix(actorID(ev.Actor2), "acled:") {
			t.Errorf("agreement given a conventional actor: %s", describe(evs))
		}
	}
	// Victims the text says were not reported are no civilians.
	evs = extractKB(t, kbDoc(t, "قصفت طائرات روسية مواقع قرب مدينة سراقب يوم الأحد، من دون أن تشير التقارير إلى سقوط ضحايا مدنيين.", "2024-03-11"))
	if ev := firstOf(evs, "Explosions/Remote violence", ""); ev == nil || actorID(ev.Actor2) == "acled:civilians:SY" {
		t.Errorf("denied civilian victims counted: %s", describe(evs))
	}
}

// TestWeaponFromSentence: an attack verb that names no weapon takes the
// weapon its sentence names for the same act; a prior fact in a
// subordinate clause keeps its own reading.
func TestWeaponFromSentence(t *testing.T) {
	tests := []struct{ name, body, sub string }{
		{"army statement", "قال الجيش الإسرائيلي إنه استهدف مستودعا للأسلحة في بلدة ميس الجبل يوم الأحد، مشيرا إلى أن طائراته قصفت أيضا منصات قريبة.", "Air/drone strike"},
		{"weapon in the clause", "هاجم مسلحون حاجزا للجيش بالقذائف قرب مدينة درعا يوم الأحد.", "Shelling/artillery/missile attack"},
		{"explosive device", "استهدفت عبوة ناسفة دورية للشرطة في مدينة بغداد يوم الأحد.", "Remote explosive/landmine/IED"},
		{"drone named after the verb", "هاجمت قوات الدعم السريع مدينة سنار يوم الأحد، واستخدمت في هجومها طائرات مسيرة.", "Air/drone strike"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := extractKB(t, kbDoc(t, tc.body, "2024-03-11"))
			if len(evs) == 0 || evs[0].SubEventType != tc.sub {
				t.Errorf("want %s first, got %s", tc.sub, describe(evs))
			}
			if ev := firstOf(evs, "Battles", "Armed clash"); ev != nil {
				t.Errorf("armed clash from a remote attack: %s", describe(evs))
			}
		})
	}
	// «بعد أن قصفت المدفعية»: the earlier shelling lends the attack nothing.
	evs := extractKB(t, kbDoc(t, "هاجم مسلحون حاجزا للجيش قرب مدينة درعا يوم الأحد بعد أن قصفت المدفعية مواقعهم.", "2024-03-11"))
	if ev := firstOf(evs, "Battles", "Armed clash"); ev == nil {
		t.Errorf("attack after a shelling: want an armed clash, got %s", describe(evs))
	}
}

// TestLocationFallback: a place the gazetteer lacks is coded at the place
// the text locates it by (precision 2, its name kept), else at the
// country (precision 3); an event the text does not place gets the
// country of the article's places.
func TestLocationFallback(t *testing.T) {
	village := ent{id: "new:village", typ: record.LOC, name: "كفر سالم", forms: []string{"كفر سالم"}}
	camp := ent{id: "new:camp", typ: record.LOC, name: "مخيم الأمل", forms: []string{"مخيم الأمل"}}
	tests := []struct {
		name, body string
		extra      []ent
		loc, named string
		precision  int
	}{
		{"district after the village", "قتل مدنيان في غارة على بلدة كفر سالم بقضاء مرجعيون جنوبي لبنان يوم الأحد.",
			[]ent{village}, "مرجعيون", "كفر سالم", 2},
		{"town in the paragraph", "وصل مئات النازحين إلى مدينة الفاشر خلال الأسبوع الماضي.\nوقتل خمسة نازحين بقصف مدفعي على مخيم الأمل يوم الأحد.",
			[]ent{camp}, "الفاشر", "مخيم الأمل", 2},
		{"country only", "قتل خمسة نازحين بقصف مدفعي على مخيم الأمل في السودان يوم الأحد.",
			[]ent{camp}, "السودان", "مخيم الأمل", 3},
		{"no place in the event's reach", "الفاشر - قصفت المدفعية مواقع قرب الحدود فجر اليوم.",
			nil, "السودان", "", 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := extractKB(t, kbDoc(t, tc.body, "2024-03-11", tc.extra...))
			ev := firstOf(evs, "Explosions/Remote violence", "")
			if ev == nil {
				t.Fatalf("no remote violence in %s", describe(evs))
			}
			l := ev.Location
			if l == nil || l.Lat == nil || l.Name != tc.loc || l.NamedPlace != tc.named || l.GeoPrecision != tc.precision {
				t.Errorf("location %+v, want %s (%s) precision %d", l, tc.loc, tc.named, tc.precision)
			}
		})
	}
}

// TestLocatedVillagesStayApart: two unlocated villages placed at the
// same district on the same day are two events, as ACLED keeps them.
func TestLocatedVillagesStayApart(t *testing.T) {
	a := ent{id: "new:a", typ: record.LOC, name: "كفر سالم", forms: []string{"كفر سالم"}}
	b := ent{id: "new:b", typ: record.LOC, name: "دير ميماس الغربية", forms: []string{"دير ميماس الغربية"}}
	body := "قتل مدني في غارة على بلدة كفر سالم بقضاء مرجعيون يوم الأحد.\nوقتل مدني آخر في غارة على بلدة دير ميماس الغربية بقضاء مرجعيون يوم الأحد."
	evs := extractKB(t, kbDoc(t, body, "2024-03-11", a, b))
	if len(evs) != 2 {
		t.Fatalf("want 2 strikes, got %s", describe(evs))
	}
	if evs[0].Location.NamedPlace == evs[1].Location.NamedPlace {
		t.Errorf("both strikes named %q", evs[0].Location.NamedPlace)
	}
}
