package ner

import (
	"fmt"
	"io"
	"math/rand/v2"
	"time"

	"github.com/marsad/marsad/internal/arabic"
)

// TrainConfig sets how a model is trained.
type TrainConfig struct {
	// Algorithm is "perceptron" (averaged structured perceptron) or "crf"
	// (L-BFGS on the L2-regularised likelihood).
	Algorithm string
	// Epochs is the number of passes of the averaged perceptron.
	Epochs int
	// Iterations bounds the L-BFGS iterations of the CRF.
	Iterations int
	// L2 is the CRF's L2 penalty (1/σ²).
	L2 float64
	// Seed fixes the sentence order of every epoch, so training is
	// reproducible bit for bit.
	Seed uint64
	// MinCount drops features seen fewer times in the training data.
	MinCount int
	// Gazetteer, when set, adds dictionary-membership features; it is
	// stored in the model.
	Gazetteer *PhraseGazetteer
	// Names is a name lexicon (see ReadNameLists); it is stored in the
	// model.
	Names map[string]uint8
	// Dict, when set, adds general-dictionary features (see WordDict); it
	// is stored in the model.
	Dict *WordDict
	// NameScorer enables the name-likeness features (see nameScorer).
	NameScorer bool
	// Memory enables label-memory features (see memoryTable).
	Memory bool
	// DocWindow, when positive, adds a second pass with document features
	// over the sentences within DocWindow of each sentence.
	DocWindow int
	// Dropout is the share of training tokens whose word-identity features
	// are hidden in each perceptron epoch, so that the model also learns to
	// tag from context, affixes, lexicons and the gazetteer, as it must for
	// words it never saw.
	Dropout float64
	// OBias is subtracted from the score of O at every word of the last
	// stage when the model tags (see Model.oBias); it is chosen by
	// cross-validation and does not change the learnt weights.
	OBias float32
	// TypeBias is added to the scores of each entity type's labels (PERS,
	// LOC, ORG, MISC) when the model tags; like OBias, it is chosen by
	// cross-validation.
	TypeBias [4]float32
	// Prune drops, from the finished model, the feature rows whose largest
	// absolute weight is below it (see weightTable.pruned).
	Prune float32
	// Log receives progress lines; nil discards them.
	Log io.Writer
}

// docFolds is the number of folds that give the second pass first-pass
// labels of sentences the first pass did not learn from.
const docFolds = 5

// trainSentence is a training sentence turned into feature rows.
type trainSentence struct {
	labels []int
	// feats[off[i]:off[i+1]] are the feature rows of token i, its
	// word-identity rows first (nid[i] of them).
	feats []int32
	off   []int32
	nid   []uint8
}

// Train fits a model to tagged sentences. Training is deterministic: the
// same data and config give the same weights. The returned model holds
// the quantised weights its file stores.
func Train(sents []Sentence, cfg TrainConfig) (*Model, error) {
	start := time.Now()
	labels, err := goldLabels(sents)
	if err != nil {
		return nil, err
	}
	norms := make([][]string, len(sents))
	for si, s := range sents {
		norms[si] = make([]string, len(s.Words))
		for i, w := range s.Words {
			norms[si][i] = arabic.Normalize(w)
		}
	}
	m := &Model{gaz: cfg.Gazetteer, names: cfg.Names, dict: cfg.Dict, docWindow: cfg.DocWindow, oBias: cfg.OBias, typeBias: cfg.TypeBias}
	first, memory, scorer, err := m.trainStage(sents, labels, norms, nil, cfg)
	if err != nil {
		return nil, err
	}
	m.stages, m.memory, m.scorer = []*stage{first}, memory, scorer
	if cfg.DocWindow > 0 {
		oof := make([][]int, len(sents))
		for f := range docFolds {
			a, b := len(sents)*f/docFolds, len(sents)*(f+1)/docFolds
			rest := func(all [][]string) [][]string { return append(append([][]string{}, all[:a]...), all[b:]...) }
			subSents := append(append([]Sentence{}, sents[:a]...), sents[b:]...)
			subLabels := append(append([][]int{}, labels[:a]...), labels[b:]...)
			st, mem, sc, err := m.trainStage(subSents, subLabels, rest(norms), nil, cfg)
			if err != nil {
				return nil, err
			}
			sub := &Model{stages: []*stage{st}, memory: mem, scorer: sc, gaz: m.gaz, names: m.names, dict: m.dict}
			s := sub.state()
			for si := a; si < b; si++ {
				oof[si] = append([]int(nil), sub.decode(s, st, sents[si].Words, norms[si], nil)...)
			}
			cfg.logf("document fold %d/%d done (%s)\n", f+1, docFolds, time.Since(start).Round(time.Millisecond))
		}
		doc := docSummaries(norms, oof, cfg.DocWindow)
		second, _, _, err := m.trainStage(sents, labels, norms, doc, cfg)
		if err != nil {
			return nil, err
		}
		m.stages = append(m.stages, second)
	}
	if cfg.Prune > 0 {
		m.prune(cfg.Prune)
	}
	q, err := m.quantised()
	if err != nil {
		return nil, err
	}
	rows := 0
	for _, st := range q.stages {
		rows += st.table.n
	}
	cfg.logf("trained in %s: %d stage(s), %d feature rows\n", time.Since(start).Round(time.Millisecond), len(q.stages), rows)
	return q, nil
}

func (cfg *TrainConfig) logf(format string, a ...any) {
	if cfg.Log != nil {
		fmt.Fprintf(cfg.Log, format, a...)
	}
}

// goldLabels returns the BIOES label indexes of BIO-tagged sentences (see
// bioLabels: an I- that cannot continue the tag before it starts a name,
// as conlleval reads it).
func goldLabels(sents []Sentence) ([][]int, error) {
	labels := make([][]int, len(sents))
	for si, s := range sents {
		if len(s.Tags) != len(s.Words) {
			return nil, fmt.Errorf("train: sentence %d has %d words but %d tags", si+1, len(s.Words), len(s.Tags))
		}
		ls, bad := bioLabels(s.Tags)
		if bad >= 0 {
			return nil, fmt.Errorf("train: sentence %d word %d: unknown tag %q", si+1, bad+1, s.Tags[bad])
		}
		labels[si] = ls
	}
	return labels, nil
}

// trainStage trains one stage on sentences; doc, when not nil, holds their
// document summaries and makes it a second stage. It returns the stage and
// the label memory (nil unless cfg.Memory) and name scorer (nil unless
// cfg.NameScorer) of all the sentences.
func (m *Model) trainStage(sents []Sentence, labels [][]int, norms [][]string, doc [][]uint64, cfg TrainConfig) (*stage, *memoryTable, *nameScorer, error) {
	x := &extractor{gaz: m.gaz, names: m.names, dict: m.dict, useDoc: doc != nil}
	var foldMemory []*memoryTable
	var fullMemory *memoryTable
	foldOf := func(si int) int { return si * memoryFolds / len(sents) }
	if cfg.Memory {
		fullMemory = newMemoryTable()
		for range memoryFolds {
			foldMemory = append(foldMemory, newMemoryTable())
		}
		for si := range sents {
			fullMemory.add(norms[si], labels[si])
			for f := range memoryFolds {
				if f != foldOf(si) {
					foldMemory[f].add(norms[si], labels[si])
				}
			}
		}
		fullMemory.finish()
		for _, t := range foldMemory {
			t.finish()
		}
	}
	var foldScorers []*nameScorer
	var fullScorer *nameScorer
	if cfg.NameScorer {
		fullScorer = trainNameScorer(typeCountsOf(norms, labels, func(int) bool { return true }), cfg.Seed)
		for f := range memoryFolds {
			foldScorers = append(foldScorers, trainNameScorer(typeCountsOf(norms, labels, func(si int) bool { return foldOf(si) != f }), cfg.Seed))
		}
		cfg.logf("name scorer: %d n-gram rows\n", len(fullScorer.weights))
	}
	prepare := func(si int) {
		if cfg.Memory {
			x.memory = foldMemory[foldOf(si)]
		}
		if cfg.NameScorer {
			x.scorer = foldScorers[foldOf(si)]
		}
		var d []uint64
		if doc != nil {
			d = doc[si]
		}
		x.prepare(sents[si].Words, norms[si], d)
	}

	// Count features first so rare ones can be dropped before rows are
	// assigned; rows are numbered in order of first appearance, which is
	// deterministic.
	counts := map[uint64]int{}
	var order []uint64
	var buf []uint64
	for si, s := range sents {
		prepare(si)
		for i := range s.Words {
			buf = x.features(i, buf[:0])
			for _, f := range buf {
				f = fixKey(f)
				if counts[f] == 0 {
					order = append(order, f)
				}
				counts[f]++
			}
		}
	}
	rowOf := make(map[uint64]int32, len(order))
	var keys []uint64
	for _, f := range order {
		if counts[f] >= cfg.MinCount {
			rowOf[f] = int32(len(keys))
			keys = append(keys, f)
		}
	}
	cfg.logf("features: %d seen, %d kept (min count %d)\n", len(order), len(keys), cfg.MinCount)

	data := make([]trainSentence, len(sents))
	for si, s := range sents {
		ts := &data[si]
		ts.labels = labels[si]
		prepare(si)
		ts.off = append(ts.off, 0)
		for i := range s.Words {
			buf = x.features(i, buf[:0])
			nid := uint8(0)
			for k, f := range buf {
				if r, ok := rowOf[fixKey(f)]; ok {
					ts.feats = append(ts.feats, r)
					if k < numIdentity {
						nid++
					}
				}
			}
			ts.off = append(ts.off, int32(len(ts.feats)))
			ts.nid = append(ts.nid, nid)
		}
	}
	switch cfg.Algorithm {
	case "perceptron", "":
		return trainPerceptron(data, keys, cfg), fullMemory, fullScorer, nil
	case "crf":
		return trainCRF(data, keys, cfg), fullMemory, fullScorer, nil
	}
	return nil, nil, nil, fmt.Errorf("train: unknown algorithm %q", cfg.Algorithm)
}

func trainPerceptron(data []trainSentence, keys []uint64, cfg TrainConfig) *stage {
	p := newPerceptron(len(keys))
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x6d61727361642d6e))
	perm := make([]int, len(data))
	for i := range perm {
		perm[i] = i
	}
	for epoch := 1; epoch <= cfg.Epochs; epoch++ {
		rng.Shuffle(len(perm), func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
		mistakes := 0
		for _, si := range perm {
			mistakes += p.learn(&data[si], rng, cfg.Dropout)
		}
		cfg.logf("epoch %d: %d token errors\n", epoch, mistakes)
	}
	return p.model(keys)
}

func trainCRF(data []trainSentence, keys []uint64, cfg TrainConfig) *stage {
	c := newCRF(len(keys))
	f := func(x, g []float64) float64 { return c.objective(x, g, data, cfg.L2) }
	lbfgs(c.theta, f, cfg.Iterations, 6, 1e-7, func(iter int, fx float64) bool {
		if iter%10 == 0 {
			cfg.logf("iteration %d: objective %.2f\n", iter, fx)
		}
		return true
	})
	return c.model(keys)
}

// Evaluate tags sentences, each window of them as one document, and scores
// them against their gold tags as conlleval does.
func (m *Model) Evaluate(sents []Sentence) (Evaluation, error) {
	words := make([][]string, len(sents))
	for i, s := range sents {
		words[i] = s.Words
	}
	pred := m.TagDocument(words)
	ev := NewEvaluator()
	for i, s := range sents {
		if err := ev.Add(s.Tags, pred[i]); err != nil {
			return Evaluation{}, fmt.Errorf("sentence %d: %w", i+1, err)
		}
	}
	return ev.Result(), nil
}

// prune drops the feature rows of every stage whose largest absolute weight
// is below threshold. Pruning a model read from a file gives exactly the
// model that training with the same Prune writes.
func (m *Model) prune(threshold float32) {
	for _, st := range m.stages {
		st.table = st.table.pruned(threshold)
	}
}
