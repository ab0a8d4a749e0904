package ner

import (
	"fmt"
	"time"
)

// CrossValidation holds the models of a k-fold cross-validation over a
// training set: fold f's model was trained on everything but the f-th
// contiguous k-th of the data. Contiguous folds keep the corpus's articles
// whole, so a fold's names are as new to its model as a new text's would
// be. The biases are applied when tagging, so one training serves every
// setting of them.
type CrossValidation struct {
	sents  []Sentence
	models []*Model
	bounds [][2]int
}

// CrossValidate trains the k models of a cross-validation of cfg over
// sents.
func CrossValidate(sents []Sentence, cfg TrainConfig, k int) (*CrossValidation, error) {
	if k < 2 || k > len(sents) {
		return nil, fmt.Errorf("cross-validation: %d folds for %d sentences", k, len(sents))
	}
	cv := &CrossValidation{sents: sents}
	start := time.Now()
	for f := range k {
		a, b := len(sents)*f/k, len(sents)*(f+1)/k
		train := append(append([]Sentence{}, sents[:a]...), sents[b:]...)
		m, err := Train(train, cfg)
		if err != nil {
			return nil, fmt.Errorf("cross-validation fold %d: %w", f+1, err)
		}
		cv.models = append(cv.models, m)
		cv.bounds = append(cv.bounds, [2]int{a, b})
		cfg.logf("fold %d/%d trained (%s)\n", f+1, k, time.Since(start).Round(time.Second))
	}
	return cv, nil
}

// Score tags every fold, as one document, with its model under the given
// biases (see TrainConfig.OBias and TypeBias) and scores the whole.
func (cv *CrossValidation) Score(oBias float32, typeBias [4]float32) (Evaluation, error) {
	ev := NewEvaluator()
	for f, m := range cv.models {
		a, b := cv.bounds[f][0], cv.bounds[f][1]
		words := make([][]string, b-a)
		for i, s := range cv.sents[a:b] {
			words[i] = s.Words
		}
		m.oBias, m.typeBias = oBias, typeBias
		pred := m.TagDocument(words)
		for i, s := range cv.sents[a:b] {
			if err := ev.Add(s.Tags, pred[i]); err != nil {
				return Evaluation{}, fmt.Errorf("cross-validation sentence %d: %w", a+i+1, err)
			}
		}
	}
	return ev.Result(), nil
}

// SearchTypeBias chooses per-type biases under oBias by coordinate ascent
// over steps: each entity type in turn takes the step that scores best
// with the others fixed, for the given number of rounds. It returns the
// biases and their score.
func (cv *CrossValidation) SearchTypeBias(oBias float32, steps []float32, rounds int) ([4]float32, Evaluation, error) {
	var best [4]float32
	bestEv, err := cv.Score(oBias, best)
	if err != nil {
		return best, bestEv, err
	}
	for range rounds {
		for t := range best {
			for _, v := range steps {
				try := best
				try[t] = v
				ev, err := cv.Score(oBias, try)
				if err != nil {
					return best, bestEv, err
				}
				if ev.Overall.F1() > bestEv.Overall.F1()+1e-9 {
					best, bestEv = try, ev
				}
			}
		}
	}
	return best, bestEv, nil
}
