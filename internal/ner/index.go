package ner

import "math"

// weightTable maps feature hashes to their quantised label weights with open
// addressing and linear probing. A slot holds the key and its weights side
// by side, so scoring a feature costs one cache line, which is what bounds
// tagging speed.
type weightTable struct {
	slots []slot
	mask  uint64
	// shift takes a key's top bits as its home slot: keys are stored in
	// ascending order, so loading writes the table front to back.
	shift uint
	// scale turns summed int16 weights into scores.
	scale float32
	n     int
	// present has one bit per key (by the key's low bits), eight bits per
	// slot's worth of keys: small enough to stay in cache, it answers most
	// lookups of features the model never kept without touching a slot.
	present []uint64
	pmask   uint64
}

// slot is 64 bytes, one cache line.
type slot struct {
	key uint64 // 0 marks an empty slot
	w   [numLabels]int16
	_   [64 - 8 - 2*numLabels]byte
}

// newWeightTable returns a table sized for n keys at most half full.
func newWeightTable(n int, scale float32) *weightTable {
	size, bits := 16, uint(4)
	for size < 2*n {
		size <<= 1
		bits++
	}
	bitsN := uint64(size) * 4 // 8 bits per key at half load
	return &weightTable{slots: make([]slot, size), mask: uint64(size - 1), shift: 64 - bits, scale: scale,
		present: make([]uint64, bitsN/64), pmask: bitsN - 1}
}

// put stores the weights of key, which must not be 0 (see fixKey).
func (t *weightTable) put(key uint64, w [numLabels]int16) {
	for i := key >> t.shift; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.key == 0 {
			t.n++
		}
		if s.key == 0 || s.key == key {
			s.key, s.w = key, w
			b := key & t.pmask
			t.present[b>>6] |= 1 << (b & 63)
			return
		}
	}
}

// get returns the weights of key, or nil.
func (t *weightTable) get(key uint64) *[numLabels]int16 {
	if b := key & t.pmask; t.present[b>>6]&(1<<(b&63)) == 0 {
		return nil
	}
	for i := key >> t.shift; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		switch s.key {
		case key:
			return &s.w
		case 0:
			return nil
		}
	}
}

// fixKey keeps the empty-slot marker out of the key space.
func fixKey(h uint64) uint64 {
	if h == 0 {
		return 1
	}
	return h
}

// quantisedStage turns float weights (numLabels per key) into a stage with
// 16-bit weights; keys whose weights all round to zero are dropped.
func quantisedStage(keys []uint64, weights []float32, trans [numLabels + 1][numLabels]float32) *stage {
	big := float32(0)
	for _, v := range weights {
		big = max(big, float32(math.Abs(float64(v))))
	}
	scale := float32(1)
	if big > 0 {
		scale = big / math.MaxInt16
	}
	kept := 0
	qs := make([][numLabels]int16, len(keys))
	for r := range keys {
		row := weights[r*numLabels : (r+1)*numLabels]
		nonzero := false
		for l, v := range row {
			q := math.Round(float64(v / scale))
			qs[r][l] = int16(max(math.MinInt16, min(math.MaxInt16, q)))
			nonzero = nonzero || qs[r][l] != 0
		}
		if !nonzero {
			keys[r] = 0
			continue
		}
		kept++
	}
	st := &stage{table: newWeightTable(kept, scale), trans: trans}
	for r, k := range keys {
		if k != 0 {
			st.table.put(k, qs[r])
		}
	}
	return st
}

// pruned returns a copy of the table without the keys whose largest
// absolute weight is below threshold: half the features of a trained model
// move no score by more than a few thousandths, and dropping them makes the
// model smaller and faster to load and to run.
func (t *weightTable) pruned(threshold float32) *weightTable {
	limit := int32(math.Ceil(float64(threshold / t.scale)))
	keep := func(s *slot) bool {
		for _, v := range s.w {
			if int32(v) >= limit || -int32(v) >= limit {
				return true
			}
		}
		return false
	}
	n := 0
	for i := range t.slots {
		if s := &t.slots[i]; s.key != 0 && keep(s) {
			n++
		}
	}
	out := newWeightTable(n, t.scale)
	for i := range t.slots {
		if s := &t.slots[i]; s.key != 0 && keep(s) {
			out.put(s.key, s.w)
		}
	}
	return out
}
