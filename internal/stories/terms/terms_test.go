package terms

import (
	"reflect"
	"testing"

	"github.com/marsad/marsad/internal/arabic"
)

func TestEach(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"قصفت القوات، أمس، مدينة «سرت».", []string{"قصفت", "القوات", "امس", "مدينه", "سرت"}},
		{"  ", nil},
		{"UN: 35 قتيلاً!", []string{"un", "35", "قتيلا"}},
		{"الجيش-الوطني", []string{"الجيش", "الوطني"}},
	}
	for _, tt := range tests {
		var got []string
		Each(arabic.Normalize(tt.in), func(w string) { got = append(got, w) })
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Each(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"والجيش", "جيش"},
		{"بالمدينة", "مدينه"},
		{"للقوات", "قوات"},
		{"فالحكومة", "حكومه"},
		{"وبالقرب", "قرب"},
		{"وزير", "وزير"},   // «و» is a root letter here
		{"الى", "الى"},     // too short once stripped
		{"لبنان", "لبنان"}, // «ل» not before the article
		{"القوات", "قوات"},
	}
	for _, tt := range tests {
		if got := Stem(arabic.Normalize(tt.in)); got != arabic.Normalize(tt.want) {
			t.Errorf("Stem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestContentDropsStopWords(t *testing.T) {
	var got []string
	Content(arabic.Normalize("وقال المتحدث إن القوات سيطرت على المدينة في الصباح"), func(s string) { got = append(got, s) })
	want := []string{"متحدث", "قوات", "سيطرت", "مدينه", "صباح"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Content = %q, want %q", got, want)
	}
}
