package ner

import (
	"slices"
	"testing"
)

// The word and context features that tagging sums separately are exactly
// the features training reads, for every token, in both passes.
func TestSplitFeatures(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, useDoc := range []bool{false, true} {
		x := m.state().x
		x.useDoc = useDoc
		for _, sent := range fixture(t) {
			doc := make([]uint64, 2*len(sent.Words))
			for i := range doc {
				doc[i] = uint64(i*7 + 3)
			}
			x.prepare(sent.Words, nil, doc)
			for i := range sent.Words {
				want := x.features(i, nil)
				got := x.contextFeatures(i, x.wordFeatures(i, nil))
				slices.Sort(want)
				slices.Sort(got)
				if !slices.Equal(got, want) {
					t.Fatalf("useDoc %v, %q word %d: split features differ\n got %v\nwant %v", useDoc, sent.Words, i, got, want)
				}
			}
		}
	}
}

// Tagging with the word-score cache gives the scores of summing every
// feature, whatever the cache already holds.
func TestWordScoreCacheMatchesFullSum(t *testing.T) {
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	s := m.state()
	for pass := 0; pass < 2; pass++ { // the second pass reads from the cache
		for _, sent := range fixture(t) {
			got := append([]int(nil), m.decode(s, m.stages[0], sent.Words, nil, nil)...)
			x := m.state().x
			x.prepare(sent.Words, nil, nil)
			emit := make([]float32, len(sent.Words)*numLabels)
			for i := range sent.Words {
				var acc scores
				m.stages[0].table.add(&acc, x.features(i, nil))
				m.emitRow(m.stages[0], &acc, emit[i*numLabels:(i+1)*numLabels])
			}
			ref := &tagState{}
			want := viterbi(ref, len(sent.Words), emit, &m.stages[0].trans)
			if !slices.Equal(got, want) {
				t.Fatalf("pass %d, %q: cached %v, full sum %v", pass, sent.Words, got, want)
			}
		}
	}
}
