// Package ner is marsad's Arabic named-entity recogniser: a linear-chain
// model over sparse lexical, morphological, lexicon, gazetteer and
// document features, trained in Go (see Train) and decoded with Viterbi
// under BIO constraints. It tags persons (PERS), places (LOC),
// organisations (ORG) and other names (MISC) at well over 100,000 tokens a
// second on one CPU core.
package ner

import (
	"math"
	"slices"
	"sync"
)

// Model is a trained tagger. It is safe for concurrent use.
type Model struct {
	// stages are one or two linear-chain scorers; the second sees document
	// features computed from the first one's output.
	stages []*stage
	// docWindow is how many sentences on either side make a document for
	// the second stage.
	docWindow int
	gaz       *PhraseGazetteer
	// names maps normalised words to name-lexicon class bits.
	names  map[string]uint8
	memory *memoryTable
	// dict is the general dictionary of word forms; nil in models trained
	// without it.
	dict *WordDict
	// scorer rates how name-like a word's letters are; nil in models
	// trained without it.
	scorer *nameScorer
	// oBias is subtracted from the score of O at every word of the last
	// stage: the likelihood-trained model is more precise than it recalls,
	// and conlleval's F1 gains from trading a little precision for recall.
	oBias float32
	// typeBias is added to the score of every label of an entity type at
	// the last stage (in entityTypes order), so that recall and precision
	// can be balanced type by type; chosen by cross-validation too.
	typeBias [len(entityTypes)]float32
	pool     sync.Pool
}

// stage is one linear-chain scorer.
type stage struct {
	table *weightTable
	// trans[p][c] scores label c after label p; row numLabels is the
	// sentence start.
	trans [numLabels + 1][numLabels]float32
}

// Span is one entity: the words First..Last (inclusive) and the type
// ("PERS", "LOC", "ORG", "MISC").
type Span struct {
	First, Last int
	Type        string
}

// tagState holds the buffers of one tagging call.
type tagState struct {
	x     extractor
	words wordScoreCache
	feats []uint64
	emit  []float32
	score []float32
	back  []int8
	best  []int
}

func (m *Model) state() *tagState {
	if s, ok := m.pool.Get().(*tagState); ok {
		return s
	}
	return &tagState{x: extractor{gaz: m.gaz, names: m.names, memory: m.memory, dict: m.dict, scorer: m.scorer, cacheWords: true}}
}

// Tag returns one BIO tag per word ("O", "B-PERS", "I-LOC"...). Words are
// tokens as in CoNLL data: punctuation separate, clitics attached. A
// sentence tagged alone is its own document; TagDocument tags better when
// the other sentences of the text are at hand.
func (m *Model) Tag(words []string) []string {
	return m.TagDocument([][]string{words})[0]
}

// TagDocument tags the sentences of one text, using what each sentence says
// about the names in the others.
func (m *Model) TagDocument(sents [][]string) [][]string {
	labels := m.labelDocument(sents)
	out := make([][]string, len(sents))
	for si, ls := range labels {
		tags := make([]string, len(ls))
		for i, l := range ls {
			tags[i] = bioNames[l]
		}
		out[si] = tags
	}
	return out
}

// TagSpans returns the entities of a sentence in order.
func (m *Model) TagSpans(words []string) []Span {
	return m.TagDocumentSpans([][]string{words})[0]
}

// TagDocumentSpans returns the entities of each sentence of a text.
func (m *Model) TagDocumentSpans(sents [][]string) [][]Span {
	labels := m.labelDocument(sents)
	out := make([][]Span, len(sents))
	for si, best := range labels {
		var spans []Span
		for i := 0; i < len(best); i++ {
			l := best[i]
			if l == 0 {
				continue
			}
			j := i
			for opensName(best[j]) && j+1 < len(best) && best[j+1] > 0 && typeOf(best[j+1]) == typeOf(l) {
				j++
			}
			spans = append(spans, Span{First: i, Last: j, Type: entityTypes[typeOf(l)-1]})
			i = j
		}
		out[si] = spans
	}
	return out
}

// labelDocument returns label indexes for every word of every sentence.
func (m *Model) labelDocument(sents [][]string) [][]int {
	out := make([][]int, 0, len(sents))
	st := m.newLabelStream(func(_ []string, labels []int) error {
		out = append(out, append([]int(nil), labels...))
		return nil
	})
	for _, words := range sents {
		st.Add(words)
	}
	st.Close()
	return out
}

// decode returns the best label sequence for words under stage st. The
// result is s.best, valid until the next call.
func (m *Model) decode(s *tagState, st *stage, words, norms []string, doc []uint64) []int {
	n := len(words)
	if n == 0 {
		return nil
	}
	s.x.prepare(words, norms, doc)
	s.emit = grow(s.emit, n*numLabels)
	k := slices.Index(m.stages, st)
	for i := range n {
		// Sum the 16-bit weights exactly, then scale once: the word's
		// own features from the cache, the rest looked up.
		var acc scores
		acc, s.feats = s.words.get(k, st.table, &s.x, i, s.feats)
		s.feats = s.x.contextFeatures(i, s.feats[:0])
		st.table.add(&acc, s.feats)
		m.emitRow(st, &acc, s.emit[i*numLabels:(i+1)*numLabels:(i+1)*numLabels])
	}
	return viterbi(s, n, s.emit, &st.trans)
}

// emitRow turns a token's summed weights under stage st into its label
// scores: scaled, and on the last stage shifted by the O and type biases.
func (m *Model) emitRow(st *stage, acc *scores, row []float32) {
	for l, v := range acc {
		row[l] = float32(v) * st.table.scale
	}
	if st == m.stages[len(m.stages)-1] {
		row[0] -= m.oBias
		for l := 1; l < numLabels; l++ {
			row[l] += m.typeBias[(l-1)/partsPerType]
		}
	}
}

// predecessors lists, for each label, the labels it may follow.
var predecessors = func() [numLabels][]int8 {
	var out [numLabels][]int8
	for c := range numLabels {
		for p := range numLabels {
			if allowed(p, c) {
				out[c] = append(out[c], int8(p))
			}
		}
	}
	return out
}()

// viterbi returns the highest-scoring label sequence that obeys BIOES.
func viterbi(s *tagState, n int, emit []float32, trans *[numLabels + 1][numLabels]float32) []int {
	s.score = grow(s.score, n*numLabels)
	s.back = grow(s.back, n*numLabels)
	negInf := float32(math.Inf(-1))
	for c := range numLabels {
		if allowed(-1, c) {
			s.score[c] = emit[c] + trans[numLabels][c]
		} else {
			s.score[c] = negInf
		}
	}
	for i := 1; i < n; i++ {
		prev := s.score[(i-1)*numLabels : i*numLabels]
		for c := range numLabels {
			best, arg := negInf, int8(0)
			for _, p := range predecessors[c] {
				if v := prev[p] + trans[p][c]; v > best {
					best, arg = v, p
				}
			}
			s.score[i*numLabels+c] = best + emit[i*numLabels+c]
			s.back[i*numLabels+c] = arg
		}
	}
	s.best = grow(s.best, n)
	last := s.score[(n-1)*numLabels : n*numLabels]
	arg := 0
	for c := 1; c < numLabels; c++ {
		if final(c) && last[c] > last[arg] {
			arg = c
		}
	}
	for i := n - 1; i >= 0; i-- {
		s.best[i] = arg
		arg = int(s.back[i*numLabels+arg])
	}
	return s.best
}

func grow[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	return b[:n]
}
