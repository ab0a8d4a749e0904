package minhash

import (
	"math"
	"math/rand/v2"
	"testing"
)

// set returns n distinct shingle hashes starting at from.
func set(from, n int) []uint64 {
	out := make([]uint64, n)
	for i := range out {
		out[i] = Mix64(uint64(from + i))
	}
	return out
}

func TestSimilarityEstimatesJaccard(t *testing.T) {
	tests := []struct {
		name       string
		a, b       []uint64
		wantJ, tol float64
	}{
		{"identical", set(0, 300), set(0, 300), 1, 0},
		{"disjoint", set(0, 300), set(1000, 300), 0, 0.03},
		{"half shared", set(0, 300), set(100, 300), 200.0 / 400, 0.15},
		{"mostly shared", set(0, 300), set(30, 300), 270.0 / 330, 0.12},
		{"small sets, densified", set(0, 10), set(5, 10), 5.0 / 15, 0.2},
		{"tiny identical", set(7, 2), set(7, 2), 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sa, ok := Sign(tt.a)
			if !ok {
				t.Fatal("Sign reported no shingles")
			}
			sb, _ := Sign(tt.b)
			got := sa.Similarity(&sb)
			if math.Abs(got-tt.wantJ) > tt.tol {
				t.Errorf("similarity %.3f, want %.3f ± %.2f", got, tt.wantJ, tt.tol)
			}
		})
	}
}

func TestEstimatorIsUnbiasedOnAverage(t *testing.T) {
	// Over many random pairs at J = 1/3 the mean estimate must be close to
	// 1/3; a biased densification would drift for small sets.
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{12, 60, 600} {
		sum := 0.0
		const trials = 200
		for i := 0; i < trials; i++ {
			base := int(r.Int32())
			a := set(base, n)
			b := set(base+n/2, n)
			sa, _ := Sign(a)
			sb, _ := Sign(b)
			sum += sa.Similarity(&sb)
		}
		want := float64(n/2) / float64(n+n-n/2)
		if got := sum / trials; math.Abs(got-want) > 0.03 {
			t.Errorf("n=%d: mean estimate %.3f, want %.3f", n, got, want)
		}
	}
}

func TestSignIsDeterministicAndEmptyIsReported(t *testing.T) {
	a, _ := Sign(set(0, 50))
	b, _ := Sign(set(0, 50))
	if a != b {
		t.Fatal("two signatures of the same set differ")
	}
	if _, ok := Sign(nil); ok {
		t.Fatal("Sign(nil) reported a signature")
	}
}

func TestShinglesDependOnOrder(t *testing.T) {
	w := []uint64{HashString("قصف"), HashString("مدينة"), HashString("سرت"), HashString("امس")}
	rev := []uint64{w[3], w[2], w[1], w[0]}
	a := Shingles(w, 4, nil)
	b := Shingles(rev, 4, nil)
	if len(a) != 1 || len(b) != 1 || a[0] == b[0] {
		t.Fatalf("shingles %v and %v: want one each, different", a, b)
	}
	if got := len(Shingles(w, 2, nil)); got != 3 {
		t.Errorf("2-word shingles of 4 words: %d, want 3", got)
	}
	if got := len(Shingles(w[:2], 4, nil)); got != 1 {
		t.Errorf("short text: %d shingles, want 1", got)
	}
}

func TestContainment(t *testing.T) {
	// B is the first half of A: |A|=200, |B|=100, J = 0.5, containment 1.
	if got := Containment(0.5, 200, 100); math.Abs(got-1) > 1e-9 {
		t.Errorf("containment %.3f, want 1", got)
	}
	if got := Containment(0, 200, 100); got != 0 {
		t.Errorf("containment of disjoint sets %.3f, want 0", got)
	}
	if got := Containment(0.5, 0, 100); got != 0 {
		t.Errorf("containment with an empty set %.3f, want 0", got)
	}
}

func TestIndexFindsSimilarAndForgetsRemoved(t *testing.T) {
	x := DefaultIndex()
	sigs := map[int32]Signature{}
	add := func(id int32, s []uint64) {
		sig, _ := Sign(s)
		sigs[id] = sig
		x.Add(id, &sig)
	}
	add(1, set(0, 300))
	add(2, set(20, 300))       // J ≈ 0.88 with 1
	add(3, set(5000, 300))     // unrelated
	add(4, set(0, 300))        // identical to 1
	q, _ := Sign(set(10, 300)) // J ≈ 0.94 with 1, 0.94 with 2
	got := x.Candidates(&q, nil)
	want := []int32{1, 2, 4}
	if len(got) != len(want) {
		t.Fatalf("candidates %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("candidates %v, want %v", got, want)
		}
	}
	for _, id := range []int32{1, 2, 3, 4} {
		s := sigs[id]
		x.Remove(id, &s)
	}
	if got := x.Candidates(&q, nil); len(got) != 0 {
		t.Errorf("after removal candidates %v, want none", got)
	}
	if x.Len() != 0 {
		t.Errorf("after removal %d band keys remain", x.Len())
	}
}

func TestNewIndexRejectsOversizedBanding(t *testing.T) {
	if _, err := NewIndex(40, 4); err == nil {
		t.Fatal("40×4 bands accepted for a signature of 128")
	}
}
