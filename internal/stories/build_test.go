package stories

import (
	"slices"
	"strings"
	"testing"

	"github.com/marsad/marsad/internal/record"
)

// build clusters the fixtures and builds their stories.
func build(t *testing.T, docs []record.Document) (*Builder, map[string]*record.Document) {
	t.Helper()
	got := cluster(t, docs)
	b := NewBuilder()
	for i := range docs {
		b.Add(&docs[i])
	}
	return b, got
}

// mergedEvent finds the merged event a document's event belongs to.
func mergedEvent(t *testing.T, b *Builder, got map[string]*record.Document, doc string, event int) MergedEvent {
	t.Helper()
	id := mergedOf(t, got, doc, event)
	for _, m := range b.MergedEvents() {
		if m.MergedID == id {
			return m
		}
	}
	t.Fatalf("merged event %s not built", id)
	return MergedEvent{}
}

func TestMergedEventSummary(t *testing.T) {
	b, got := build(t, allFixtures())
	tests := []struct {
		name               string
		doc                string
		wantSources        int
		wantArticles       int
		wantFatalities     *int
		wantDate           string // "" when the window is wider than a day
		wantFrom, wantTo   string
		wantDocs           []string
		wantLocationName   string
		wantContradictions []string // kinds, in order
		wantStories        int
	}{
		{
			name: "shelling of the Taiz market", doc: "taiz-wire-afq",
			// The agency once (two outlets carry its copy), the independent
			// outlet, the accused side's outlet.
			wantSources: 3, wantArticles: 4,
			wantFatalities: record.Int(9), wantDate: "2021-03-10",
			wantDocs:           []string{"taiz-wire-afq", "taiz-wire-nahar", "taiz-maydan", "taiz-sanaa-denial", "taiz-sanaa-denial"},
			wantLocationName:   "حي الروضة",
			wantContradictions: []string{"fatalities", "blame", "denial"},
			wantStories:        1,
		},
		{
			name: "fall of Gharyan", doc: "gharyan-west",
			wantSources: 3, wantArticles: 3,
			wantDate:           "2019-06-26",
			wantDocs:           []string{"gharyan-west", "gharyan-east", "gharyan-recap"},
			wantLocationName:   "غريان",
			wantContradictions: []string{"control", "denial"},
			wantStories:        2, // the recap a week later is a story of its own
		},
		{
			name: "a single report", doc: "salah-december",
			wantSources: 1, wantArticles: 1, wantDate: "2019-12-02",
			wantDocs: []string{"salah-december"}, wantLocationName: "صلاح الدين", wantStories: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := mergedEvent(t, b, got, tt.doc, 0)
			if m.NumSources != tt.wantSources || m.NumArticles != tt.wantArticles {
				t.Errorf("%d sources, %d articles; want %d, %d", m.NumSources, m.NumArticles, tt.wantSources, tt.wantArticles)
			}
			if !equalIntPtr(m.Fatalities, tt.wantFatalities) {
				t.Errorf("fatalities %v, want %v (the lowest figure)", deref(m.Fatalities), deref(tt.wantFatalities))
			}
			if record.Deref(m.Date) != tt.wantDate {
				t.Errorf("date %q (%s..%s), want %q", record.Deref(m.Date), record.Deref(m.DateFrom), record.Deref(m.DateTo), tt.wantDate)
			}
			var docs []string
			for _, s := range m.Sources {
				docs = append(docs, s.DocID)
			}
			if !slices.Equal(docs, tt.wantDocs) {
				t.Errorf("sources %v, want %v", docs, tt.wantDocs)
			}
			if m.Location == nil || m.Location.Name != tt.wantLocationName {
				t.Errorf("location %+v, want %s", m.Location, tt.wantLocationName)
			}
			var kinds []string
			for _, c := range m.Contradictions {
				kinds = append(kinds, c.Kind)
			}
			if !slices.Equal(kinds, tt.wantContradictions) {
				t.Errorf("contradictions %v, want %v", kinds, tt.wantContradictions)
			}
			if len(m.StoryIDs) != tt.wantStories {
				t.Errorf("in stories %v, want %d", m.StoryIDs, tt.wantStories)
			}
		})
	}
}

func TestContradictionsCarryBothSidesEvidence(t *testing.T) {
	b, got := build(t, allFixtures())
	m := mergedEvent(t, b, got, "taiz-wire-afq", 0)
	byKind := map[string]Contradiction{}
	for _, c := range m.Contradictions {
		byKind[c.Kind] = c
	}
	tests := []struct {
		kind          string
		wantA, wantB  string // doc ids
		wantSaysA     string
		wantSaysB     string
		wantEvidenceB string // a piece of B's evidence
	}{
		{"fatalities", "taiz-wire-afq", "taiz-maydan", "fatalities: 12", "fatalities: 9", "تسعة أشخاص"},
		{"blame", "taiz-wire-afq", "taiz-sanaa-denial", "carried out by الحوثيون (Houthi)", "carried out by قوات موالية للحكومة (Government)", "مليشيات موالية للتحالف"},
		{"denial", "taiz-wire-afq", "taiz-sanaa-denial", "reports it", "denies it", "نفى متحدث عسكري"},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			c, ok := byKind[tt.kind]
			if !ok {
				t.Fatalf("no %s contradiction in %+v", tt.kind, m.Contradictions)
			}
			if c.A.DocID != tt.wantA || c.B.DocID != tt.wantB {
				t.Errorf("between %s and %s, want %s and %s", c.A.DocID, c.B.DocID, tt.wantA, tt.wantB)
			}
			if c.A.Says != tt.wantSaysA || c.B.Says != tt.wantSaysB {
				t.Errorf("says %q / %q, want %q / %q", c.A.Says, c.B.Says, tt.wantSaysA, tt.wantSaysB)
			}
			if c.A.Evidence == "" || !strings.Contains(c.B.Evidence, tt.wantEvidenceB) {
				t.Errorf("evidence %q / %q, want B to contain %q", c.A.Evidence, c.B.Evidence, tt.wantEvidenceB)
			}
		})
	}
}

func TestNoContradictionWithinOneSource(t *testing.T) {
	// Two copies of one agency's wire disagreeing on the toll are one
	// source's revision, not two sources at odds.
	a := newDoc("a", "أ", "وكالة", "", "2021-03-10", taizWire)
	b := newDoc("b", "ب", "وكالة", "", "2021-03-10", taizWireEdited)
	l := locTaizRawda
	event(&a, explos, shelling, "2021-03-10", l, nil, nil, record.Int(12), "قصف مدفعي استهدف سوقا شعبيا")
	event(&b, explos, shelling, "2021-03-10", l, nil, nil, record.Int(14), "قصف مدفعي استهدف سوقا شعبيا")
	bl, got := build(t, []record.Document{a, b})
	m := mergedEvent(t, bl, got, "a", 0)
	if m.NumArticles != 2 || m.NumSources != 1 {
		t.Fatalf("%d articles from %d sources, want 2 from 1", m.NumArticles, m.NumSources)
	}
	if len(m.Contradictions) != 0 {
		t.Errorf("contradictions within one source: %+v", m.Contradictions)
	}
}

func TestStoryObjects(t *testing.T) {
	b, _ := build(t, allFixtures())
	stories := b.Stories()
	var taiz *Story
	for i := range stories {
		if stories[i].StoryID == "story:taiz-wire-afq" {
			taiz = &stories[i]
		}
		if stories[i].Kind != KindStory {
			t.Errorf("story %s has kind %q", stories[i].StoryID, stories[i].Kind)
		}
	}
	if taiz == nil {
		t.Fatal("no story named after taiz-wire-afq")
	}
	if want := []string{"taiz-wire-afq", "taiz-wire-nahar", "taiz-maydan", "taiz-sanaa-denial"}; !slices.Equal(taiz.DocIDs, want) {
		t.Errorf("doc ids %v, want %v", taiz.DocIDs, want)
	}
	if want := []string{"صحيفة الأفق", "قناة النهار", "موقع الميدان", "صوت الجبل"}; !slices.Equal(taiz.Outlets, want) {
		t.Errorf("outlets %v, want %v", taiz.Outlets, want)
	}
	if record.Deref(taiz.DateFrom) != "2021-03-10" || record.Deref(taiz.DateTo) != "2021-03-11" {
		t.Errorf("dates %s..%s, want 2021-03-10..2021-03-11", record.Deref(taiz.DateFrom), record.Deref(taiz.DateTo))
	}
	if len(taiz.Duplicates) != 1 || taiz.Duplicates[0] != (Duplicate{"taiz-wire-nahar", "taiz-wire-afq"}) {
		t.Errorf("duplicates %+v", taiz.Duplicates)
	}
	if len(taiz.MergedEvents) != 1 {
		t.Errorf("%d merged events, want 1", len(taiz.MergedEvents))
	}
	if taiz.NumSources != 3 || taiz.NumArticles != 4 {
		t.Errorf("%d sources, %d articles; want 3, 4", taiz.NumSources, taiz.NumArticles)
	}
}

func TestBuilderWithoutIDs(t *testing.T) {
	// Documents never clustered: each is its own story, each event its own.
	docs := taizDocs()[:2]
	b := NewBuilder()
	for i := range docs {
		b.Add(&docs[i])
	}
	if n := len(b.Stories()); n != 2 {
		t.Errorf("%d stories, want 2", n)
	}
	if n := len(b.MergedEvents()); n != 2 {
		t.Errorf("%d merged events, want 2", n)
	}
}

func TestHasDenial(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"ونفى المتحدث أن تكون قواته قد انسحبت", true},
		{"وصف الأنباء بأنها عارية عن الصحة", true},
		{"كذّبت الوزارة الرواية", true},
		{"أكد المتحدث أن قواته انسحبت", false},
		{"المنفى الاختياري للمعارضين", false}, // «نفى» inside another word
		{"", false},
	}
	for _, tt := range tests {
		if got := hasDenial(tt.text); got != tt.want {
			t.Errorf("hasDenial(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func equalIntPtr(a, b *int) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

func deref(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}
