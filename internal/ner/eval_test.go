package ner

import (
	"strings"
	"testing"
)

// Expected counts follow conlleval's rules: an entity is correct only when
// its type and both boundaries match; an I- after O (or after another type)
// starts an entity.
func TestEvaluatorMatchesConlleval(t *testing.T) {
	tests := []struct {
		name                  string
		gold, pred            string
		correct, guessed, all int
	}{
		{"exact", "B-PERS I-PERS O B-LOC", "B-PERS I-PERS O B-LOC", 2, 2, 2},
		{"wrong type", "B-PERS O", "B-ORG O", 0, 1, 1},
		{"short right boundary", "B-PERS I-PERS O", "B-PERS O O", 0, 1, 1},
		{"long right boundary", "B-PERS O", "B-PERS I-PERS", 0, 1, 1},
		{"I after O starts an entity", "O I-LOC O", "O B-LOC O", 1, 1, 1},
		{"I after O in both", "I-LOC I-LOC", "B-LOC I-LOC", 1, 1, 1},
		{"type change inside I run", "B-PERS I-LOC", "B-PERS I-PERS", 0, 1, 2},
		{"I of other type in prediction splits", "B-ORG I-ORG", "B-ORG I-LOC", 0, 2, 1},
		{"adjacent entities", "B-LOC B-LOC", "B-LOC B-LOC", 2, 2, 2},
		{"merged adjacent entities", "B-LOC B-LOC", "B-LOC I-LOC", 0, 1, 2},
		{"entity at sentence end", "O B-MISC", "O B-MISC", 1, 1, 1},
		{"nothing", "O O", "O O", 0, 0, 0},
	}
	for _, tt := range tests {
		e := NewEvaluator()
		if err := e.Add(strings.Fields(tt.gold), strings.Fields(tt.pred)); err != nil {
			t.Fatal(err)
		}
		got := e.Result().Overall
		if got.Correct != tt.correct || got.Guessed != tt.guessed || got.Gold != tt.all {
			t.Errorf("%s: correct/guessed/gold = %d/%d/%d, want %d/%d/%d", tt.name,
				got.Correct, got.Guessed, got.Gold, tt.correct, tt.guessed, tt.all)
		}
	}
}

// Entities never continue across sentences: each Add ends with a boundary.
func TestEvaluatorSentenceBoundary(t *testing.T) {
	e := NewEvaluator()
	e.Add([]string{"B-PERS"}, []string{"B-PERS"})
	e.Add([]string{"I-PERS"}, []string{"I-PERS"})
	r := e.Result()
	if r.Overall.Correct != 2 || r.Overall.Gold != 2 {
		t.Errorf("got %+v, want 2 correct of 2", r.Overall)
	}
}

func TestEvaluationScores(t *testing.T) {
	e := NewEvaluator()
	e.Add(strings.Fields("B-PERS I-PERS O B-LOC O B-ORG"), strings.Fields("B-PERS I-PERS O B-LOC B-LOC O"))
	r := e.Result()
	// 2 correct of 3 guessed and 3 gold.
	if p, rc, f := r.Overall.Precision(), r.Overall.Recall(), r.Overall.F1(); !near(p, 66.667) || !near(rc, 66.667) || !near(f, 66.667) {
		t.Errorf("P/R/F = %.3f/%.3f/%.3f", p, rc, f)
	}
	if c := r.ByType["ORG"]; c.Gold != 1 || c.Correct != 0 || c.F1() != 0 {
		t.Errorf("ORG %+v", c)
	}
	if c := r.ByType["LOC"]; c.Guessed != 2 || c.Correct != 1 {
		t.Errorf("LOC %+v", c)
	}
	var b strings.Builder
	r.Write(&b)
	if !strings.Contains(b.String(), "FB1:  66.67") {
		t.Errorf("report lacks the overall F1:\n%s", b.String())
	}
	if err := e.Add([]string{"O"}, nil); err == nil {
		t.Error("length mismatch accepted")
	}
}

func near(a, b float64) bool { return a-b < 0.01 && b-a < 0.01 }
