package clean

import (
	"strings"
	"testing"
)

func TestCueMatching(t *testing.T) {
	for _, cues := range []cueSet{commentCues, listCues, shareCues, socialNames, formCues, copyrightCues, navWords} {
		for c := range cues.phrases {
			if first, _, _ := strings.Cut(c, " "); cues.longest[first] < len(strings.Fields(c)) {
				t.Errorf("cue %q is longer than its index says", c)
			}
		}
	}
	tests := []struct {
		text string
		cues cueSet
		want int
	}{
		{"شارك على فيسبوك وتويتر", socialNames, 1}, // «وتويتر» has a clitic: not the word
		{"Facebook Twitter WhatsApp", socialNames, 3},
		{"Your email address will not be published.", formCues, 1},
		{"هذا الموقع يستخدم Akismet للحد من التعليقات المزعجة", formCues, 2},
		{"جميع الحقوق محفوظة © 2024", copyrightCues, 2}, // the phrase and «الحقوق محفوظة» inside it
		{"قالت مصادر محلية إن الاشتباكات استمرت", formCues, 0},
		{"", formCues, 0},
	}
	for _, tt := range tests {
		if got := tt.cues.count(fold(tt.text)); got != tt.want {
			t.Errorf("countCues(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
	if listCues.starts(fold("اقرأ أيضاً: خبر")) != 2 || listCues.starts(fold("أقرأ")) != 0 {
		t.Errorf("startsWithCue")
	}
}
