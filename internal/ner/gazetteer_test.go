package ner

import (
	"reflect"
	"strings"
	"testing"
)

func TestPhraseGazetteer(t *testing.T) {
	g := NewPhraseGazetteer([]Phrase{
		{"طرابلس", "LOC"},
		{"طرابلس الغرب", "LOC"},
		{"الأمم المتحدة", "ORG"},
		{"الجزيرة", "LOC"},
		{"الجزيرة", "ORG"},
		{"الليبي", "ADJ"},
	})
	tests := []struct{ in, want string }{
		{"وصل إلى طرابلس الغرب أمس", "_ _ B-LOC I-LOC _"},
		{"في طرابلس", "_ B-LOC"},
		{"وبطرابلس", "B-LOC"},            // proclitics on the first word
		{"للأمم المتحدة", "B-ORG I-ORG"}, // ل + article, elided alef
		{"أمم متحدة", "B-ORG I-ORG"},     // without the article
		{"قناة الجزيرة", "_ B-LOC+ORG"},  // two classes
		{"الجيش الليبي", "_ B-ADJ"},
		{"طرابلسي", "_"},
	}
	for _, tt := range tests {
		got := g.GazetteerTags(strings.Fields(tt.in))
		for i := range got {
			if got[i] == "" {
				got[i] = "_"
			}
		}
		if want := strings.Fields(tt.want); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %q, want %q", tt.in, got, want)
		}
	}
	if g.Len() != 5 {
		t.Errorf("Len %d, want 5 distinct phrases", g.Len())
	}
}
