package framing

import (
	"maps"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/record"
)

// ent is a hand-built entity: every occurrence of each surface form in the
// body becomes a mention; label, when set, is the entity stage's Label.
type ent struct {
	id, typ, side string
	surfaces      []string
	label         string
}

func docWith(body string, ents ...ent) *doc.Doc {
	d := &doc.Doc{Body: body}
	for _, e := range ents {
		re := record.Entity{ID: e.id, Type: e.typ, Name: e.surfaces[0], Side: e.side}
		for _, s := range e.surfaces {
			for from := 0; ; {
				i := strings.Index(body[from:], s)
				if i < 0 {
					break
				}
				start := utf8.RuneCountInString(body[:from+i])
				re.Mentions = append(re.Mentions, record.Mention{Text: s, Start: start, End: start + utf8.RuneCountInString(s), Label: e.label})
				from += i + len(s)
			}
		}
		d.Entities = append(d.Entities, re)
	}
	return d
}

func TestFrame(t *testing.T) {
	tests := []struct {
		name string
		body string
		ents []ent
		want map[string]map[string]int // actor id → labels
	}{
		{
			name: "descriptor before the mention, spellings unified",
			body: "فرت ميليشيات الدعم السريع من المدينة، ثم عادت مليشيات الدعم السريع وهاجمت عناصر الدعم السريع القرية.",
			ents: []ent{{id: "kb:rsf", typ: record.ArmedGroup, surfaces: []string{"الدعم السريع"}}},
			want: map[string]map[string]int{"kb:rsf": {"مليشيات": 2, "عناصر": 1}},
		},
		{
			name: "the actor's own name is a label",
			body: "تقدم الجيش الوطني الليبي نحو المدينة، وقالت قوات حكومة الوفاق إنها صدت الهجوم.",
			ents: []ent{
				{id: "kb:lna", typ: record.ArmedGroup, surfaces: []string{"الجيش الوطني الليبي"}},
				{id: "kb:gna-forces", typ: record.ArmedGroup, surfaces: []string{"قوات حكومة الوفاق"}},
			},
			want: map[string]map[string]int{"kb:lna": {"الجيش": 1}, "kb:gna-forces": {"قوات": 1}},
		},
		{
			name: "clitics are stripped from the descriptor",
			body: "تصدى الأهالي لميليشيات الحوثي ولمرتزقة الحوثي في الجبل.",
			ents: []ent{{id: "kb:houthi", typ: record.ArmedGroup, surfaces: []string{"الحوثي"}}},
			want: map[string]map[string]int{"kb:houthi": {"مليشيات": 1, "مرتزقة": 1}},
		},
		{
			name: "quotation marks between the descriptor and the name",
			body: "وصل مرتزقة «فاغنر» إلى القاعدة.",
			ents: []ent{{id: "kb:wagner", typ: record.ArmedGroup, surfaces: []string{"فاغنر"}}},
			want: map[string]map[string]int{"kb:wagner": {"مرتزقة": 1}},
		},
		{
			name: "the entity stage's label wins and is spelled canonically",
			body: "هاجمت ميليشيات حفتر العاصمة.",
			ents: []ent{{id: "kb:lna", typ: record.ArmedGroup, surfaces: []string{"ميليشيات حفتر"}, label: "ميليشيات"}},
			want: map[string]map[string]int{"kb:lna": {"مليشيات": 1}},
		},
		{
			name: "a group label before a person goes to the force of the person's side",
			body: "انسحبت مليشيات خليفة حفتر من ترهونة، وأعلن الجيش الوطني الليبي إعادة التموضع.",
			ents: []ent{
				{id: "kb:haftar", typ: record.PER, side: "LY-LNA", surfaces: []string{"خليفة حفتر"}},
				{id: "kb:lna", typ: record.ArmedGroup, side: "LY-LNA", surfaces: []string{"الجيش الوطني الليبي"}},
			},
			want: map[string]map[string]int{"kb:lna": {"مليشيات": 1, "الجيش": 1}},
		},
		{
			name: "the entity stage's group label on a person also goes to the force",
			body: "هاجمت مليشيات حفتر العاصمة بينما أعلن الجيش الوطني الليبي هدنة.",
			ents: []ent{
				{id: "kb:haftar", typ: record.PER, side: "LY-LNA", surfaces: []string{"حفتر"}, label: "مليشيات"},
				{id: "kb:lna", typ: record.ArmedGroup, side: "LY-LNA", surfaces: []string{"الجيش الوطني الليبي"}},
			},
			want: map[string]map[string]int{"kb:lna": {"مليشيات": 1, "الجيش": 1}},
		},
		{
			name: "the entity stage's label and the words agree: counted once",
			body: "انسحبت قوات الدعم السريع من الجسر.",
			ents: []ent{{id: "kb:rsf", typ: record.ArmedGroup, surfaces: []string{"قوات الدعم السريع"}, label: "قوات"}},
			want: map[string]map[string]int{"kb:rsf": {"قوات": 1}},
		},
		{
			name: "a group label before a person with no force named stays with the person",
			body: "قاتل جنود خليفة حفتر في الجنوب.",
			ents: []ent{{id: "kb:haftar", typ: record.PER, side: "LY-LNA", surfaces: []string{"خليفة حفتر"}}},
			want: map[string]map[string]int{"kb:haftar": {"جنود": 1}},
		},
		{
			name: "titles and descriptors of a person",
			body: "التقى المشير خليفة حفتر بالسفير، بينما وصفه خصومه بالجنرال الهارب خليفة حفتر.",
			ents: []ent{{id: "kb:haftar", typ: record.PER, surfaces: []string{"المشير خليفة حفتر", "خليفة حفتر"}}},
			want: map[string]map[string]int{"kb:haftar": {"المشير": 1, "الجنرال": 1, "الهارب": 1}},
		},
		{
			name: "rank words are person labels only before a person",
			body: "وصل اللواء المتقاعد خليفة حفتر، وانتشر لواء الصمود في المنطقة.",
			ents: []ent{
				{id: "kb:haftar", typ: record.PER, surfaces: []string{"خليفة حفتر"}},
				{id: "kb:samoud", typ: record.ArmedGroup, surfaces: []string{"لواء الصمود"}},
			},
			want: map[string]map[string]int{"kb:haftar": {"اللواء": 1, "المتقاعد": 1}, "kb:samoud": {"لواء": 1}},
		},
		{
			name: "places and unlabelled actors are left out",
			body: "وصل وزير الخارجية إلى طرابلس والتقى فائز السراج.",
			ents: []ent{
				{id: "gn:tripoli", typ: record.GPE, surfaces: []string{"طرابلس"}},
				{id: "kb:sarraj", typ: record.PER, surfaces: []string{"فائز السراج"}},
			},
			want: map[string]map[string]int{},
		},
		{
			name: "punctuation stops the search for a descriptor",
			body: "هذه قوات، حماس تنفي.",
			ents: []ent{{id: "kb:hamas", typ: record.ORG, surfaces: []string{"حماس"}}},
			want: map[string]map[string]int{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := docWith(tt.body, tt.ents...)
			if err := (Stage{}).Process(d); err != nil {
				t.Fatal(err)
			}
			got := map[string]map[string]int{}
			for _, f := range d.Framing {
				if _, dup := got[f.Actor]; dup {
					t.Errorf("actor %s framed twice", f.Actor)
				}
				got[f.Actor] = f.Labels
				if f.Name == "" {
					t.Errorf("actor %s has no name", f.Actor)
				}
			}
			if !maps.EqualFunc(got, tt.want, maps.Equal) {
				t.Errorf("framing = %v, want %v", got, tt.want)
			}
		})
	}
}

// Mentions left without a label by the entity stage get the one found.
func TestFrameFillsMentionLabels(t *testing.T) {
	d := docWith("هاجمت عصابات الجنجويد القرية ثم انسحب الجنجويد.",
		ent{id: "kb:janjaweed", typ: record.ArmedGroup, surfaces: []string{"الجنجويد"}})
	Frame(d)
	ms := d.Entities[0].Mentions
	if len(ms) != 2 || ms[0].Label != "العصابات" || ms[1].Label != "" {
		t.Errorf("mention labels = %+v, want العصابات then none", ms)
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		word   string
		person bool
		want   string
	}{
		{"الميليشيات", false, "مليشيات"},
		{"وبالمليشيات", false, "مليشيات"},
		{"مليشياته", false, "مليشيات"},
		{"للقوات", false, "قوات"},
		{"قواتها", false, "قوات"},
		{"قيادته", false, "القيادة"},
		{"والجيش", false, "الجيش"},
		{"الثوار", false, "الثوار"},
		{"المرتزقة", false, "مرتزقة"},
		{"اللواء", true, "اللواء"},
		{"اللواء", false, "لواء"},
		{"المدعو", true, "المدعو"},
		{"المدعو", false, ""},
		{"المدينة", false, ""},
		{"قال", false, ""},
	}
	for _, tt := range tests {
		got := ""
		if l, ok := Lookup(tt.word, tt.person); ok {
			got = l.Canonical
		}
		if got != tt.want {
			t.Errorf("Lookup(%q, %v) = %q, want %q", tt.word, tt.person, got, tt.want)
		}
	}
}
