package textindex

import (
	"slices"
	"strings"
	"testing"
)

func TestQueryFindsCliticAndDiacriticVariants(t *testing.T) {
	tests := []struct {
		query, text string
		want        bool
	}{
		{"قوات", "تقدمت والقوات نحو الجسر", true},
		{"قوات", "قُوّاتُ الحرس انسحبت", true},
		{"قوات", "وقواتها في المدينة", true},
		{"القوات", "قوات الحرس", true},
		{"وزارة", "أعلنت الوزارة أمس", true},
		{"الوزارة", "بيان وزارة الصحة", true},
		{"مدرسة", "قصفت المدرسةُ", true},
		{"للمدينة", "دخلوا المدينة", true},
		{"أمن", "الامن العام", true},
		{"قوات", "قوة صغيرة", false},
		{"قصف", "هجوم بري", false},
		{"Reuters", "نقلت وكالة REUTERS", true},
		{"٣", "سقط 3 قتلى", true},
	}
	for _, tt := range tests {
		q := ParseQuery(tt.query)
		got := false
		for _, term := range Terms(tt.text) {
			if q.Matches(term.Forms) {
				got = true
			}
		}
		if got != tt.want {
			t.Errorf("query %q in %q: matched=%v, want %v (query forms %v)", tt.query, tt.text, got, tt.want, q.Groups)
		}
	}
}

func TestFormsOfOneWord(t *testing.T) {
	tests := []struct {
		word string
		want []string
	}{
		{"والقوات", []string{"قوات"}},
		{"للقوات", []string{"قوات"}},
		{"وقواتها", []string{"قوات", "قواتها", "وقوات", "وقواتها"}},
		{"بغداد", []string{"بغداد", "غداد"}}, // the lexicon keeps the name whole
		{"الله", []string{"الله", "له"}},
		{"في", []string{"في"}},
	}
	for _, tt := range tests {
		if got := Forms(tt.word); !slices.Equal(got, tt.want) {
			t.Errorf("Forms(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

func TestIndexTextHoldsEveryForm(t *testing.T) {
	got := IndexText("وصلت والقوات، قُوّاتُ!")
	for _, want := range []string{"قوات", "صلت", "وصلت"} {
		if !slices.Contains(strings.Fields(got), want) {
			t.Errorf("IndexText = %q, missing %q", got, want)
		}
	}
	if strings.ContainsAny(got, "،!ُّ") {
		t.Errorf("IndexText kept punctuation or diacritics: %q", got)
	}
}

func TestParseQueryEmpty(t *testing.T) {
	for _, s := range []string{"", "   ", "؟!،", "\u064e\u064f"} {
		if !ParseQuery(s).Empty() {
			t.Errorf("ParseQuery(%q) not empty: %v", s, ParseQuery(s).Groups)
		}
	}
}

func TestSnippetHighlightsMatches(t *testing.T) {
	text := strings.Repeat("كلمة عادية هنا ", 30) + "ثم تقدمت والقوات إلى الجسر وعادت القوات مساء " + strings.Repeat("نص إضافي ", 30)
	snip, hl := Snippet(text, ParseQuery("قوات"), 120)
	runes := []rune(snip)
	if len(hl) != 2 {
		t.Fatalf("want 2 highlights, got %v in %q", hl, snip)
	}
	if got := string(runes[hl[0][0]:hl[0][1]]); got != "والقوات" {
		t.Errorf("first highlight = %q", got)
	}
	if got := string(runes[hl[1][0]:hl[1][1]]); got != "القوات" {
		t.Errorf("second highlight = %q", got)
	}
	if !strings.HasPrefix(snip, "… ") || !strings.HasSuffix(snip, " …") {
		t.Errorf("snippet not marked as cut: %q", snip)
	}
}

func TestSnippetShortTextAndNoMatch(t *testing.T) {
	snip, hl := Snippet("نص قصير", ParseQuery("غائب"), 100)
	if snip != "نص قصير" || len(hl) != 0 {
		t.Errorf("got %q %v", snip, hl)
	}
}
