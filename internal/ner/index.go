package ner

// featureIndex maps feature hashes to weight rows with open addressing and
// linear probing: a flat table is faster to probe than a Go map and is built
// straight from the model file.
type featureIndex struct {
	keys []uint64 // 0 marks an empty slot
	rows []int32
	mask uint64
}

// newFeatureIndex returns an index sized for n keys at most half full.
func newFeatureIndex(n int) featureIndex {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	return featureIndex{keys: make([]uint64, size), rows: make([]int32, size), mask: uint64(size - 1)}
}

// put stores key → row. Key 0 cannot be stored; hashes are remapped away
// from it by fixKey.
func (ix *featureIndex) put(key uint64, row int32) {
	for i := key & ix.mask; ; i = (i + 1) & ix.mask {
		if ix.keys[i] == 0 || ix.keys[i] == key {
			ix.keys[i], ix.rows[i] = key, row
			return
		}
	}
}

// get returns the row of key, or -1.
func (ix *featureIndex) get(key uint64) int32 {
	for i := key & ix.mask; ; i = (i + 1) & ix.mask {
		switch ix.keys[i] {
		case key:
			return ix.rows[i]
		case 0:
			return -1
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
