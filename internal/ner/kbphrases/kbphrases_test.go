package kbphrases

import (
	"reflect"
	"testing"

	"github.com/marsad/marsad/internal/kb"
	"github.com/marsad/marsad/internal/ner"
)

func TestFromKB(t *testing.T) {
	k, err := kb.New([]*kb.Entry{
		{ID: "kb:test-country", Type: kb.GPE, Kind: "country", Name: "بلاد الاختبار", Aliases: []string{"الاختبارية"}, Adjectives: []string{"الاختباري"}, Source: kb.SourceCurated},
		{ID: "kb:test-person", Type: kb.PER, Name: "سالم المختبر", Source: kb.SourceCurated},
		{ID: "kb:test-militia", Type: kb.ArmedGroup, Name: "كتيبة الاختبار", Source: kb.SourceCurated},
		{ID: "gn:1", Type: kb.GPE, Kind: "village", Name: "قرية التجربة", Aliases: []string{"تجريبة"}, Population: 800, Source: kb.SourceGeoNames},
		{ID: "gn:2", Type: kb.GPE, Kind: "city", Name: "مدينة المختبرات", Population: 250000, Source: kb.SourceGeoNames},
		{ID: "pet:1", Type: kb.PER, Name: "فاحص المعايير", Source: kb.SourcePetrarch},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []ner.Phrase{
		{Name: "بلاد الاختبار", Class: "LOC"}, {Name: "الاختبارية", Class: "LOC"}, {Name: "الاختباري", Class: "ADJ"},
		{Name: "سالم المختبر", Class: "PERS"},
		{Name: "كتيبة الاختبار", Class: "ORG"},
		{Name: "قرية التجربة", Class: "LOC2"}, {Name: "تجريبة", Class: "LOC3"},
		{Name: "مدينة المختبرات", Class: "LOC"},
		{Name: "فاحص المعايير", Class: "PERS2"},
	}
	got := FromKB(k)
	byName := map[string]ner.Phrase{}
	for _, p := range got {
		byName[p.Name] = p
	}
	for _, w := range want {
		if byName[w.Name] != w {
			t.Errorf("%s: got class %q, want %q", w.Name, byName[w.Name].Class, w.Class)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d phrases, want %d: %v", len(got), len(want), got)
	}
	g := ner.NewPhraseGazetteer(got)
	tags := g.GazetteerTags([]string{"وصل", "سالم", "المختبر", "إلى", "ببلاد", "الاختبار"})
	if want := []string{"", "B-PERS", "I-PERS", "", "B-LOC", "I-LOC"}; !reflect.DeepEqual(tags, want) {
		t.Errorf("gazetteer tags %q, want %q", tags, want)
	}
}

func TestDefault(t *testing.T) {
	phrases, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if g := ner.NewPhraseGazetteer(phrases); g.Len() < 1000 {
		t.Errorf("only %d phrases from the knowledge base", g.Len())
	}
}
