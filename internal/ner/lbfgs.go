package ner

import "math"

// lbfgs minimises f with limited-memory BFGS and a backtracking line search
// (Armijo condition). It is deterministic and allocates its history once.
// f returns the value at x and writes the gradient; onIter, when non-nil, is
// called after each iteration and stops the search by returning false.
func lbfgs(x []float64, f func(x, g []float64) float64, maxIter, history int, tol float64, onIter func(iter int, fx float64) bool) float64 {
	n := len(x)
	g := make([]float64, n)
	fx := f(x, g)
	s := make([][]float64, history)
	y := make([][]float64, history)
	for i := range history {
		s[i] = make([]float64, n)
		y[i] = make([]float64, n)
	}
	rho := make([]float64, history)
	alpha := make([]float64, history)
	d := make([]float64, n)
	xNew := make([]float64, n)
	gNew := make([]float64, n)
	stored, head := 0, 0
	for iter := 1; iter <= maxIter; iter++ {
		// Two-loop recursion: d = -H g.
		for i := range d {
			d[i] = -g[i]
		}
		for k := 0; k < stored; k++ {
			j := (head - 1 - k + history) % history
			alpha[j] = rho[j] * dot(s[j], d)
			axpy(-alpha[j], y[j], d)
		}
		if stored > 0 {
			j := (head - 1 + history) % history
			gamma := dot(s[j], y[j]) / dot(y[j], y[j])
			for i := range d {
				d[i] *= gamma
			}
		}
		for k := stored - 1; k >= 0; k-- {
			j := (head - 1 - k + history) % history
			beta := rho[j] * dot(y[j], d)
			axpy(alpha[j]-beta, s[j], d)
		}
		gd := dot(g, d)
		if gd >= 0 { // not a descent direction: restart from steepest descent
			for i := range d {
				d[i] = -g[i]
			}
			gd = dot(g, d)
			stored = 0
		}
		step := 1.0
		if stored == 0 {
			step = 1 / math.Sqrt(dot(g, g))
		}
		var fNew float64
		for tries := 0; ; tries++ {
			for i := range x {
				xNew[i] = x[i] + step*d[i]
			}
			fNew = f(xNew, gNew)
			if fNew <= fx+1e-4*step*gd || tries >= 30 {
				break
			}
			step *= 0.5
		}
		j := head
		for i := range x {
			s[j][i] = xNew[i] - x[i]
			y[j][i] = gNew[i] - g[i]
		}
		if sy := dot(s[j], y[j]); sy > 1e-10 {
			rho[j] = 1 / sy
			head = (head + 1) % history
			stored = min(stored+1, history)
		}
		copy(x, xNew)
		copy(g, gNew)
		improvement := (fx - fNew) / max(math.Abs(fNew), 1)
		fx = fNew
		if onIter != nil && !onIter(iter, fx) {
			break
		}
		if improvement < tol {
			break
		}
	}
	return fx
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func axpy(a float64, x, y []float64) {
	for i := range x {
		y[i] += a * x[i]
	}
}
