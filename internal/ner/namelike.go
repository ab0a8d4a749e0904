package ner

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode/utf8"
)

// A name-likeness scorer says, from a word's letters alone, how much it
// looks like a person's, a place's, an organisation's or another name:
// a logistic regression over the character n-grams of the word's stem,
// trained on the word types of the training data, each type once, so that
// rare words weigh as much as common ones. The tagger uses its bucketed
// verdict as a feature. For training sentences the verdict comes from a
// scorer trained on the other folds (as the label memory does), so the
// tagger learns how far to trust it on words it never saw.

// numTypes is O plus the entity types.
const numTypes = 1 + len(entityTypes)

// nameScorer holds the n-gram weights of the regression.
type nameScorer struct {
	weights map[uint64][numTypes]float32
	bias    [numTypes]float32
}

// nameGramKeys appends the hashes of the 2- to 4-grams of stem with word
// boundaries marked, and a length feature.
func nameGramKeys(stem string, out []uint64) []uint64 {
	var offs [40]int
	n := 0
	for off := range stem {
		if n == len(offs)-1 {
			break
		}
		offs[n] = off
		n++
	}
	end := len(stem)
	if n == len(offs)-1 {
		end = offs[n-1]
		n--
	}
	offs[n] = end
	out = append(out, mix(0x6c656e, uint64(min(n, 12))))
	// positions -1 and n stand for the boundaries
	at := func(i int) uint64 {
		switch {
		case i < 0:
			return '^'
		case i >= n:
			return '$'
		}
		r, _ := utf8.DecodeRuneInString(stem[offs[i]:])
		return uint64(r)
	}
	for size := 2; size <= 4; size++ {
		for i := -1; i+size <= n+1; i++ {
			h := uint64(size)
			for k := range size {
				h = mix(h, at(i+k))
			}
			out = append(out, h)
		}
	}
	return out
}

// probs returns the scorer's type probabilities for a stem.
func (s *nameScorer) probs(stem string, buf []uint64) ([numTypes]float32, []uint64) {
	buf = nameGramKeys(stem, buf[:0])
	z := s.bias
	for _, k := range buf {
		if w, ok := s.weights[k]; ok {
			for t := range z {
				z[t] += w[t]
			}
		}
	}
	return softmax(z), buf
}

func softmax(z [numTypes]float32) [numTypes]float32 {
	mx := z[0]
	for _, v := range z[1:] {
		mx = max(mx, v)
	}
	sum := float32(0)
	for t := range z {
		z[t] = float32(math.Exp(float64(z[t] - mx)))
		sum += z[t]
	}
	for t := range z {
		z[t] /= sum
	}
	return z
}

// verdict packs the scorer's view of a stem into a feature value: the most
// likely entity type and its probability in five steps.
func (s *nameScorer) verdict(stem string, buf []uint64) (uint64, []uint64) {
	p, buf := s.probs(stem, buf)
	best := 1
	for t := 2; t < numTypes; t++ {
		if p[t] > p[best] {
			best = t
		}
	}
	step := uint64(min(4, int(p[best]*5)))
	return 1 + uint64(best)<<4 | step, buf
}

// typeCountsOf counts, per normalised stem, the entity types it was tagged
// with in sentences.
func typeCountsOf(norms [][]string, labels [][]int, keep func(si int) bool) map[string][numTypes]float32 {
	out := map[string][numTypes]float32{}
	for si := range norms {
		if !keep(si) {
			continue
		}
		for i, n := range norms[si] {
			_, stem := segmentNorm(n)
			c := out[stem]
			c[typeOf(labels[si][i])]++
			out[stem] = c
		}
	}
	return out
}

// trainNameScorer fits the regression to word types by AdaGrad on the
// L2-regularised cross-entropy against each type's label distribution.
func trainNameScorer(types map[string][numTypes]float32, seed uint64) *nameScorer {
	stems := make([]string, 0, len(types))
	for s := range types {
		if strings.ContainsFunc(s, func(r rune) bool { return r >= 0x0621 && r <= 0x064A }) {
			stems = append(stems, s)
		}
	}
	slices.Sort(stems)
	grams := make([][]uint64, len(stems))
	targets := make([][numTypes]float32, len(stems))
	for i, s := range stems {
		grams[i] = nameGramKeys(s, nil)
		c := types[s]
		total := float32(0)
		for _, v := range c {
			total += v
		}
		for t := range c {
			targets[i][t] = c[t] / total
		}
	}
	w := map[uint64]*[2 * numTypes]float32{} // weights, then AdaGrad sums
	var bias, biasG [numTypes]float32
	const (
		rate   = 0.2
		l2     = 1e-4
		epochs = 8
	)
	rng := rand.New(rand.NewPCG(seed, 0x6e616d65))
	order := make([]int, len(stems))
	for i := range order {
		order[i] = i
	}
	for range epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			z := bias
			for _, k := range grams[i] {
				if v, ok := w[k]; ok {
					for t := range numTypes {
						z[t] += v[t]
					}
				}
			}
			p := softmax(z)
			var g [numTypes]float32
			for t := range g {
				g[t] = p[t] - targets[i][t]
			}
			for t := range g {
				biasG[t] += g[t] * g[t]
				bias[t] -= rate * g[t] / float32(math.Sqrt(float64(biasG[t])+1e-6))
			}
			for _, k := range grams[i] {
				v, ok := w[k]
				if !ok {
					v = new([2 * numTypes]float32)
					w[k] = v
				}
				for t := range numTypes {
					gt := g[t] + l2*v[t]
					v[numTypes+t] += gt * gt
					v[t] -= rate * gt / float32(math.Sqrt(float64(v[numTypes+t])+1e-6))
				}
			}
		}
	}
	s := &nameScorer{weights: make(map[uint64][numTypes]float32, len(w)), bias: bias}
	for k, v := range w {
		var row [numTypes]float32
		keep := false
		for t := range numTypes {
			row[t] = v[t]
			if math.Abs(float64(v[t])) >= 0.02 {
				keep = true
			}
		}
		if keep {
			s.weights[k] = row
		}
	}
	return s
}
