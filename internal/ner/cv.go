package ner

import (
	"fmt"
	"time"
)

// CrossValidate scores cfg by k-fold cross-validation over sents: each
// contiguous k-th of the data is tagged, as one document, by a model trained
// on the rest. It returns one evaluation per O bias in biases (the bias is
// applied when tagging, so one training serves them all); with no biases it
// scores cfg.OBias. Contiguous folds keep the articles of the corpus whole,
// so a fold's names are as new to its model as a new text's would be.
func CrossValidate(sents []Sentence, cfg TrainConfig, k int, biases []float32) ([]Evaluation, error) {
	if k < 2 || k > len(sents) {
		return nil, fmt.Errorf("cross-validation: %d folds for %d sentences", k, len(sents))
	}
	if len(biases) == 0 {
		biases = []float32{cfg.OBias}
	}
	evs := make([]*Evaluator, len(biases))
	for i := range evs {
		evs[i] = NewEvaluator()
	}
	start := time.Now()
	for f := range k {
		a, b := len(sents)*f/k, len(sents)*(f+1)/k
		train := append(append([]Sentence{}, sents[:a]...), sents[b:]...)
		m, err := Train(train, cfg)
		if err != nil {
			return nil, fmt.Errorf("cross-validation fold %d: %w", f+1, err)
		}
		words := make([][]string, b-a)
		for i, s := range sents[a:b] {
			words[i] = s.Words
		}
		for bi, bias := range biases {
			m.oBias = bias
			pred := m.TagDocument(words)
			fold := NewEvaluator()
			for i, s := range sents[a:b] {
				if err := evs[bi].Add(s.Tags, pred[i]); err != nil {
					return nil, fmt.Errorf("cross-validation fold %d sentence %d: %w", f+1, a+i+1, err)
				}
				fold.Add(s.Tags, pred[i])
			}
			if bi == 0 {
				cfg.logf("fold %d/%d: F1 %.2f (%s)\n", f+1, k, fold.Result().Overall.F1(), time.Since(start).Round(time.Second))
			}
		}
	}
	out := make([]Evaluation, len(evs))
	for i, e := range evs {
		out[i] = e.Result()
	}
	return out, nil
}
