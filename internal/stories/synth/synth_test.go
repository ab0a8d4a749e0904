package synth

import (
	"math"
	"reflect"
	"testing"
)

func TestGenerate(t *testing.T) {
	a := Generate(DefaultConfig(2000))
	b := Generate(DefaultConfig(2000))
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two corpora from one seed differ")
	}
	if len(a.Docs) != 2000 || len(a.Story) != 2000 || len(a.Original) != 2000 {
		t.Fatalf("sizes %d %d %d", len(a.Docs), len(a.Story), len(a.Original))
	}
	copies := 0
	for i, o := range a.Original {
		if o < 0 {
			continue
		}
		copies++
		if o >= i {
			t.Fatalf("copy %d comes before its original %d", i, o)
		}
		if a.Original[o] >= 0 || a.Story[o] != a.Story[i] {
			t.Fatalf("copy %d: original %d is a copy or in another story", i, o)
		}
		if *a.Docs[o].Published.Date > *a.Docs[i].Published.Date {
			t.Fatalf("copy %d published before its original", i)
		}
	}
	if rate := float64(copies) / 2000; math.Abs(rate-0.2) > 0.05 {
		t.Errorf("%.2f of the corpus are copies, want about 0.2", rate)
	}
}

func TestEvaluate(t *testing.T) {
	c := Generate(DefaultConfig(300))
	// Perfect answers score 1.
	for i := range c.Docs {
		c.Docs[i].StoryID = "s" + string(rune('a'+c.Story[i]%26)) + string(rune(c.Story[i]))
		c.Docs[i].DuplicateOf = ""
		if o := c.Original[i]; o >= 0 {
			c.Docs[i].DuplicateOf = c.Docs[o].DocID
		}
	}
	q := Evaluate(c)
	if q.StoryF1 != 1 || q.DuplicatePrecision != 1 || q.DuplicateRecall != 1 {
		t.Errorf("perfect answers scored %+v", q)
	}
	// One story for everything: full recall, low precision.
	for i := range c.Docs {
		c.Docs[i].StoryID = "all"
	}
	if q := Evaluate(c); q.StoryRecall != 1 || q.StoryPrecision > 0.1 {
		t.Errorf("one big story scored %+v", q)
	}
}
