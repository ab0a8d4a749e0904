package ner

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/marsad/marsad/internal/shareddata"
)

// anercorpDir is ANERcorp in ../shared beside the repository root; "" when
// it is not there (the tests that read it then skip).
var anercorpDir = shareddata.Path("data", "anercorp")

func TestLoad(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := Load(); again != m {
		t.Error("Load returned a second model")
	}
	if len(m.stages) == 0 || m.gaz == nil {
		t.Errorf("embedded model incomplete: %d stages, gazetteer %v", len(m.stages), m.gaz != nil)
	}
}

// The shipped model on sentences written for marsad (never in its training
// data): it must find most of their names.
func TestLoadedModelOnOwnSentences(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	ev, err := m.Evaluate(fixture(t))
	if err != nil {
		t.Fatal(err)
	}
	if f := ev.Overall.F1(); f < 70 {
		t.Errorf("F1 %.1f on testdata/tiny.conll, want ≥ 70", f)
	}
}

// minANERcorpF1 is the entity-level micro-F1 (conlleval) below which the
// shipped model fails on the ANERcorp CAMeL test split. It guards the
// shipped model (72.2) against regressions, in particular against changes
// to arabic.Normalize or the feature code that the weights were not
// trained with. Issue 3 asks for 80 and aims at 84: not reached yet.
const minANERcorpF1 = 72

// TestANERcorp scores the shipped model on the ANERcorp test split when the
// shared data is present. The test split is only ever used here, never in
// training or model selection.
func TestANERcorp(t *testing.T) {
	path := filepath.Join(anercorpDir, "ANERCorp_CamelLab_test.txt")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("ANERcorp test split not available: %v", err)
	}
	defer f.Close()
	sents, err := ReadTagged(f, path)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	ev, err := m.Evaluate(sents)
	if err != nil {
		t.Fatal(err)
	}
	for _, typ := range []string{"PERS", "LOC", "ORG", "MISC"} {
		c := ev.ByType[typ]
		t.Logf("%-4s P %.2f R %.2f F1 %.2f", typ, c.Precision(), c.Recall(), c.F1())
	}
	t.Logf("all  P %.2f R %.2f F1 %.2f (%d tokens)", ev.Overall.Precision(), ev.Overall.Recall(), ev.Overall.F1(), ev.Tokens)
	if f1 := ev.Overall.F1(); f1 < minANERcorpF1 {
		t.Errorf("ANERcorp test F1 %.2f < %d: retrain the model (internal/ner/README.md) if features or arabic.Normalize changed", f1, minANERcorpF1)
	}
}
