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
		})
	}
}
