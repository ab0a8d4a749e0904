package ner

import (
	"math"
)

// crf is a linear-chain conditional random field over the same features as
// the perceptron, trained by L-BFGS on the L2-regularised log-likelihood.
// theta holds numLabels weights per feature row followed by the transition
// matrix (numLabels+1 rows, the last for the sentence start).
type crf struct {
	rows  int
	theta []float64
	// buffers for forward-backward
	emit, alpha, beta, scale []float64
	expT                     [numLabels + 1][numLabels]float64
}

func newCRF(rows int) *crf {
	return &crf{rows: rows, theta: make([]float64, rows*numLabels+(numLabels+1)*numLabels)}
}

func (c *crf) transOffset() int { return c.rows * numLabels }

// objective returns the negative regularised log-likelihood at theta and
// writes its gradient to grad.
func (c *crf) objective(theta, grad []float64, data []trainSentence, l2 float64) float64 {
	clear(grad)
	to := c.transOffset()
	for p := range numLabels + 1 {
		for q := range numLabels {
			prev := p
			if p == numLabels {
				prev = -1
			}
			if allowed(prev, q) {
				c.expT[p][q] = math.Exp(theta[to+p*numLabels+q])
			} else {
				c.expT[p][q] = 0
			}
		}
	}
	nll := 0.0
	for si := range data {
		nll += c.sentence(theta, grad, &data[si])
	}
	for k, w := range theta {
		nll += 0.5 * l2 * w * w
		grad[k] += l2 * w
	}
	return nll
}

// sentence adds one sentence's negative log-likelihood gradient to grad and
// returns its negative log-likelihood.
func (c *crf) sentence(theta, grad []float64, ts *trainSentence) float64 {
	n := len(ts.labels)
	L := numLabels
	c.emit = grow(c.emit, n*L)
	c.alpha = grow(c.alpha, n*L)
	c.beta = grow(c.beta, n*L)
	c.scale = grow(c.scale, n)
	to := c.transOffset()

	// Emission scores; the gold path score is gathered on the way.
	gold := 0.0
	shift := 0.0
	for i := range n {
		row := c.emit[i*L : (i+1)*L]
		clear(row)
		for _, r := range ts.feats[ts.off[i]:ts.off[i+1]] {
			w := theta[int(r)*L : int(r)*L+L]
			for l := range row {
				row[l] += w[l]
			}
		}
		g := ts.labels[i]
		gold += row[g]
		prev := numLabels
		if i > 0 {
			prev = ts.labels[i-1]
		}
		gold += theta[to+prev*L+g]
		// Exponentiate relative to the row maximum to stay in range.
		mx := row[0]
		for _, v := range row[1:] {
			mx = max(mx, v)
		}
		shift += mx
		for l := range row {
			row[l] = math.Exp(row[l] - mx)
			if i == n-1 && !final(l) {
				row[l] = 0 // no name may be left open at the end
			}
		}
	}

	// Scaled forward pass.
	logZ := shift
	for i := range n {
		a := c.alpha[i*L : (i+1)*L]
		e := c.emit[i*L : (i+1)*L]
		sum := 0.0
		for q := range L {
			v := 0.0
			if i == 0 {
				v = c.expT[numLabels][q]
			} else {
				pa := c.alpha[(i-1)*L : i*L]
				for p := range L {
					v += pa[p] * c.expT[p][q]
				}
			}
			v *= e[q]
			a[q] = v
			sum += v
		}
		for q := range L {
			a[q] /= sum
		}
		c.scale[i] = sum
		logZ += math.Log(sum)
	}
	// Scaled backward pass.
	for q := range L {
		c.beta[(n-1)*L+q] = 1
	}
	for i := n - 2; i >= 0; i-- {
		b := c.beta[i*L : (i+1)*L]
		nb := c.beta[(i+1)*L : (i+2)*L]
		ne := c.emit[(i+1)*L : (i+2)*L]
		for p := range L {
			v := 0.0
			for q := range L {
				v += c.expT[p][q] * ne[q] * nb[q]
			}
			b[p] = v / c.scale[i+1]
		}
	}

	// Gradient: expected minus observed counts.
	for i := range n {
		a := c.alpha[i*L : (i+1)*L]
		b := c.beta[i*L : (i+1)*L]
		g := ts.labels[i]
		var marg [numLabels]float64
		for q := range L {
			marg[q] = a[q] * b[q]
		}
		marg[g] -= 1
		for _, r := range ts.feats[ts.off[i]:ts.off[i+1]] {
			gr := grad[int(r)*L : int(r)*L+L]
			for q := range L {
				gr[q] += marg[q]
			}
		}
		if i == 0 {
			for q := range L {
				grad[to+numLabels*L+q] += a[q] * b[q]
			}
			grad[to+numLabels*L+g]--
			continue
		}
		pa := c.alpha[(i-1)*L : i*L]
		e := c.emit[i*L : (i+1)*L]
		inv := 1 / c.scale[i]
		for p := range L {
			if pa[p] == 0 {
				continue
			}
			for q := range L {
				if c.expT[p][q] == 0 {
					continue
				}
				grad[to+p*L+q] += pa[p] * c.expT[p][q] * e[q] * b[q] * inv
			}
		}
		grad[to+ts.labels[i-1]*L+g]--
	}
	return logZ - gold
}

// model turns theta into a quantised stage.
func (c *crf) model(keys []uint64) *stage {
	weights := make([]float32, len(keys)*numLabels)
	for k := range weights {
		weights[k] = float32(c.theta[k])
	}
	var trans [numLabels + 1][numLabels]float32
	to := c.transOffset()
	for p := range numLabels + 1 {
		for q := range numLabels {
			trans[p][q] = float32(c.theta[to+p*numLabels+q])
		}
	}
	return quantisedStage(append([]uint64(nil), keys...), weights, trans)
}
