package ner

import (
	"testing"

	"github.com/marsad/marsad/internal/arabic"
)

// The scorer generalises from letters: trained on word types where names
// of one kind share an ending, it rates a new word with that ending as
// that kind.
func TestNameScorerLearnsLetterPatterns(t *testing.T) {
	types := map[string][numTypes]float32{}
	add := func(words []string, typ int) {
		for _, w := range words {
			var c [numTypes]float32
			c[typ] = 3
			types[arabic.Normalize(w)] = c
		}
	}
	add([]string{"سميرنوف", "إيفانوف", "بتروف", "كوزلوف", "سوكولوف", "موروزوف", "فولكوف", "ليبيديف"}, 1)
	add([]string{"بيتسبرغ", "هامبورغ", "ستراسبورغ", "سالزبورغ", "لوكسمبورغ", "إدنبرغ"}, 2)
	add([]string{"كتاب", "مدرسة", "سيارة", "طريق", "شارع", "بيت", "قلم", "باب", "حديقة", "نافذة"}, 0)
	s := trainNameScorer(types, 1)
	p, _ := s.probs(arabic.Normalize("غورباتشوف"), nil)
	if p[1] < p[0] || p[1] < p[2] {
		t.Errorf("غورباتشوف: probabilities %v, want PERS highest", p)
	}
	p, _ = s.probs(arabic.Normalize("فرايبورغ"), nil)
	if p[2] < p[0] || p[2] < p[1] {
		t.Errorf("فرايبورغ: probabilities %v, want LOC highest", p)
	}
	// Training is deterministic.
	again := trainNameScorer(types, 1)
	if len(again.weights) != len(s.weights) || again.bias != s.bias {
		t.Error("two trainings on the same types differ")
	}
}
