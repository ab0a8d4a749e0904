package ner

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/marsad/marsad/internal/arabic"
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

func TestReadPhraseList(t *testing.T) {
	tests := []struct {
		name, text string
		want       []Phrase
		wantErr    bool
	}{
		{"classes and comments", "# a comment\n\nCUR\tدولار\nBODY\tالأمم المتحدة\n",
			[]Phrase{{"دولار", "CUR"}, {"الأمم المتحدة", "BODY"}}, false},
		{"no tab", "CUR دولار\n", nil, true},
		{"empty name", "CUR\t \n", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "list.txt")
			if err := os.WriteFile(path, []byte(tt.text), 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := ReadPhraseList(path)
			if (err != nil) != tt.wantErr {
				t.Fatalf("error %v, want error %v", err, tt.wantErr)
			}
			if err != nil && !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name the file", err)
			}
			if !tt.wantErr && !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	if _, err := ReadPhraseList(filepath.Join(t.TempDir(), "missing.txt")); err == nil {
		t.Error("a missing file gave no error")
	}
}

// The shipped list must parse and hold only gazetteer-sized classes.
func TestShippedPhraseList(t *testing.T) {
	ps, err := ReadPhraseList("data/phrases.txt")
	if err != nil {
		t.Fatal(err)
	}
	classes := map[string]bool{}
	for _, p := range ps {
		classes[p.Class] = true
	}
	if len(ps) < 100 || len(classes) > 10 {
		t.Errorf("%d phrases in %d classes", len(ps), len(classes))
	}
}

func TestGazetteerNameParts(t *testing.T) {
	g := NewPhraseGazetteer([]Phrase{
		{"خليفة حفتر", "PERS"},
		{"فايز السراج", "PERS2"},
		{"مصرف ليبيا المركزي", "ORG"},
		{"سرت", "LOC"},
	})
	tests := []struct {
		word string
		want uint8
	}{
		{"حفتر", 1 << 4},    // last word of a person's name
		{"لحفتر", 1 << 4},   // behind a clitic
		{"خليفة", 1},        // a word before the last
		{"السراج", 1 << 4},  // article and a lower tier alike
		{"ليبيا", 4},        // inside an organisation's name
		{"المركزي", 4 << 4}, // last word of it
		{"سرت", 0},          // one-word names are not parts
		{"طرابلس", 0},
	}
	for _, tt := range tests {
		norm := arabic.Normalize(tt.word)
		_, stem := segmentNorm(norm)
		if got := g.partBits(norm, stem); got != tt.want {
			t.Errorf("%s: parts %#x, want %#x", tt.word, got, tt.want)
		}
	}
}
