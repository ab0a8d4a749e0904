package link

import (
	"testing"
)

// What the linker does with tagger spans that overlap knowledge-base
// names: a mis-tagged phrase around a known person or an adjective tagged
// alone must not become an entity, and a tagged known name the matcher
// missed links to its entry.
func TestTaggedSpansAroundKnownNames(t *testing.T) {
	tests := []struct {
		name    string
		tagger  fakeTagger
		text    string
		wantID  string // an entity that must be there
		wantNot string // an entity id that must not
		// wantType maps entity ids to the type they must have.
		wantType map[string]string
	}{
		{
			name:    "surname with a proclitic inside a tagged phrase",
			tagger:  fakeTagger{"المؤيد لحفتر": "PERS"},
			text:    "وقال النائب المؤيد لحفتر في بيان إن الهدنة انتهت.",
			wantID:  "kb:khalifa-haftar",
			wantNot: "new:مويد_لحفتر",
		},
		{
			name:    "nationality adjective tagged alone",
			tagger:  fakeTagger{"الليبي": "ORG"},
			text:    "وصل الوفد الليبي إلى تونس أمس.",
			wantNot: "new:ليبي",
		},
		{
			name:     "a name after a settlement noun is a place",
			tagger:   fakeTagger{"أبو شوك": "PERS"},
			text:     "سقطت قذائف على مخيم أبو شوك للنازحين شرق المدينة.",
			wantType: map[string]string{"new:ابو_شوك": "LOC"},
		},
		{
			name:    "a weapon tagged as a person",
			tagger:  fakeTagger{"بصاروخ باليستي": "PERS"},
			text:    "استهدفت الجماعة سفينة تجارية بصاروخ باليستي أمس.",
			wantNot: "new:صاروخ_باليستي",
		},
		{
			name:     "a person whose first name is also a common word",
			tagger:   fakeTagger{"ثائر الحسن": "PERS"},
			text:     "قال القائد ثائر الحسن إن الهجوم فشل.",
			wantType: map[string]string{"new:ثاير_حسن": "PER"},
		},
		{
			name:    "a set phrase tagged as a place",
			tagger:  fakeTagger{"بالكامل": "LOC"},
			text:    "سيطرت القوات على مدينة سرت بالكامل أمس.",
			wantNot: "new:كامل",
		},
		{
			name:    "a kind of place alone tagged as a place",
			tagger:  fakeTagger{"المدينة": "LOC"},
			text:    "سقطت قذائف على أحياء المدينة مساء الأحد.",
			wantNot: "new:مدينه",
		},
		{
			name:    "a social network tagged as a place",
			tagger:  fakeTagger{"تلغرام": "LOC"},
			text:    "تبنت الجماعة الهجوم في بيان على تلغرام.",
			wantNot: "new:تلغرام",
		},
		{
			name:   "a known name the tagger found",
			tagger: fakeTagger{"للجيش الوطني الليبي": "ORG"},
			text:   "وصل تقرير من قائد المنطقة العسكرية للجيش الوطني الليبي.",
			wantID: "kb:lna",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := run(t, &Stage{NER: tt.tagger}, tt.text)
			if tt.wantID != "" && entity(d, tt.wantID) == nil {
				t.Errorf("%s missing: %v", tt.wantID, idsOf(d))
			}
			if tt.wantNot != "" && entity(d, tt.wantNot) != nil {
				t.Errorf("%s should not be an entity: %v", tt.wantNot, idsOf(d))
			}
			for id, typ := range tt.wantType {
				e := entity(d, id)
				if e == nil {
					t.Errorf("%s missing: %v", id, idsOf(d))
				} else if e.Type != typ {
					t.Errorf("%s is %s, want %s", id, e.Type, typ)
				}
			}
		})
	}
}

// A curated facility is taken in an article that says nothing else about
// its country; a tagged place whose only gazetteer namesake lies in a
// country the article is not about keeps its name but not the namesake's
// coordinates.
func TestPlausiblePlaces(t *testing.T) {
	d := run(t, stage, "أسقطت الدفاعات الجوية طائرة مسيرة قرب مطار معيتيقة.")
	if entity(d, "kb:ly-mitiga") == nil {
		t.Errorf("kb:ly-mitiga missing: %v", idsOf(d))
	}
	d = run(t, &Stage{NER: fakeTagger{"بور": "LOC"}},
		"استعاد الجيش الصومالي السيطرة على بلدة عيل بور بعد انسحاب مقاتلي حركة الشباب منها.")
	for _, e := range d.Entities {
		if e.Country != nil && *e.Country != "SO" {
			t.Errorf("%s placed in %s", e.ID, *e.Country)
		}
	}
	if e := entity(d, "new:بور"); e == nil || e.Type != "LOC" {
		t.Errorf("new:بور missing or mistyped: %v", idsOf(d))
	}
	// A big foreign city found only by cutting a preposition off a
	// village's name is not meant.
	d = run(t, stage, "طالت الغارات أطراف بلدتي كنصفرة وبليون في ريف إدلب الجنوبي.")
	for _, e := range d.Entities {
		if e.Country != nil && *e.Country != "SY" {
			t.Errorf("%s (%s) placed in %s", e.ID, e.Name, *e.Country)
		}
	}
	// A curated street of one city is not taken for a street of the same
	// name in another country's capital.
	d = run(t, stage, "قتل خمسة جنود صوماليين في تفجير عند نقطة تفتيش على طريق المطار في العاصمة مقديشو.")
	for _, e := range d.Entities {
		if e.Country != nil && *e.Country == "LY" {
			t.Errorf("%s (%s) placed in Libya", e.ID, e.Name)
		}
	}
}
