package kbphrases

import (
	"reflect"
	"testing"

	"github.com/marsad/marsad/internal/kb"
	"github.com/marsad/marsad/internal/ner"
)

func TestFromKB(t *testing.T) {
	k, err := kb.New([]*kb.Entry{
		{ID: "kb:test-country", Type: kb.GPE, Name: "بلاد الاختبار", Aliases: []string{"الاختبارية"}, Adjectives: []string{"الاختباري"}},
		{ID: "kb:test-person", Type: kb.PER, Name: "سالم المختبر"},
		{ID: "kb:test-militia", Type: kb.ArmedGroup, Name: "كتيبة الاختبار"},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []ner.Phrase{
		{Name: "بلاد الاختبار", Class: "LOC"}, {Name: "الاختبارية", Class: "LOC"}, {Name: "الاختباري", Class: "ADJ"},
		{Name: "سالم المختبر", Class: "PERS"},
		{Name: "كتيبة الاختبار", Class: "ORG"},
	}
	if got := FromKB(k); !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
	g := ner.NewPhraseGazetteer(FromKB(k))
	tags := g.GazetteerTags([]string{"وصل", "سالم", "المختبر", "إلى", "ببلاد", "الاختبار"})
	if want := []string{"", "B-PERS", "I-PERS", "", "B-LOC", "I-LOC"}; !reflect.DeepEqual(tags, want) {
		t.Errorf("gazetteer tags %q, want %q", tags, want)
	}
}

func TestDefault(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() < 1000 {
		t.Errorf("only %d phrases from the knowledge base", g.Len())
	}
}
