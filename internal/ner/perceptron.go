package ner

import "math/rand/v2"

// perceptron is the averaged structured perceptron's state. Averages are
// kept lazily: acc accumulates step*update, and the average is
// w - acc/step (Daumé's trick), so an update costs O(features).
type perceptron struct {
	w, acc     []float64
	trans      [numLabels + 1][numLabels]float64
	transAcc   [numLabels + 1][numLabels]float64
	step       float64
	state      tagState
	transCache [numLabels + 1][numLabels]float32
	// from[i] is where token i's visible features start in this sentence.
	from []int32
}

func newPerceptron(rows int) *perceptron {
	return &perceptron{w: make([]float64, rows*numLabels), acc: make([]float64, rows*numLabels), step: 1}
}

// learn decodes one sentence with the current weights and, if the result is
// wrong, moves the weights toward the gold sequence. Each token's identity
// features are hidden with probability dropout. It returns the number of
// wrongly labelled tokens.
func (p *perceptron) learn(ts *trainSentence, rng *rand.Rand, dropout float64) int {
	n := len(ts.labels)
	s := &p.state
	s.emit = grow(s.emit, n*numLabels)
	p.from = grow(p.from, n)
	for i := range n {
		p.from[i] = ts.off[i]
		if dropout > 0 && rng.Float64() < dropout {
			p.from[i] += int32(ts.nid[i])
		}
	}
	for i := range n {
		row := s.emit[i*numLabels : (i+1)*numLabels]
		clear(row)
		for _, r := range ts.feats[p.from[i]:ts.off[i+1]] {
			w := p.w[int(r)*numLabels : int(r)*numLabels+numLabels]
			for l := range row {
				row[l] += float32(w[l])
			}
		}
	}
	for a := range p.trans {
		for b := range p.trans[a] {
			p.transCache[a][b] = float32(p.trans[a][b])
		}
	}
	pred := viterbi(s, n, s.emit, &p.transCache)
	errors := 0
	for i := range n {
		g, q := ts.labels[i], pred[i]
		if g != q {
			errors++
			for _, r := range ts.feats[p.from[i]:ts.off[i+1]] {
				p.update(int(r)*numLabels+g, 1)
				p.update(int(r)*numLabels+q, -1)
			}
		}
		gp, qp := numLabels, numLabels
		if i > 0 {
			gp, qp = ts.labels[i-1], pred[i-1]
		}
		if g != q || gp != qp {
			p.trans[gp][g]++
			p.transAcc[gp][g] += p.step
			p.trans[qp][q]--
			p.transAcc[qp][q] -= p.step
		}
	}
	p.step++
	return errors
}

func (p *perceptron) update(k int, d float64) {
	p.w[k] += d
	p.acc[k] += p.step * d
}

// model returns the averaged weights as a quantised stage.
func (p *perceptron) model(keys []uint64) *stage {
	weights := make([]float32, len(p.w))
	for k := range p.w {
		weights[k] = float32(p.w[k] - p.acc[k]/p.step)
	}
	var trans [numLabels + 1][numLabels]float32
	for a := range p.trans {
		for b := range p.trans[a] {
			trans[a][b] = float32(p.trans[a][b] - p.transAcc[a][b]/p.step)
		}
	}
	return quantisedStage(append([]uint64(nil), keys...), weights, trans)
}
