// Package minhash estimates the Jaccard similarity of two shingle sets from
// short fixed-size signatures, and finds candidate near-duplicates among many
// signatures with locality-sensitive hashing (banding).
//
// Signatures use one-permutation hashing with optimal densification
// (Li, Owen & Zhang 2012; Shrivastava 2017): every shingle is hashed once and
// falls into one of Size bins, so signing costs O(shingles + Size) instead of
// O(shingles × Size) for classic MinHash, with the same estimator. All seeds are
// fixed, so a text gets the same signature in every run and on every machine.
package minhash

import "math"

// Size is the number of values in a signature. The standard error of the
// Jaccard estimate is about sqrt(J(1-J)/Size): 0.044 at J = 0.5.
const Size = 128

// Signature is the MinHash sketch of one shingle set.
type Signature [Size]uint32

// Fixed seeds: changing any of them changes every signature.
const (
	seedBins    = 0x6d617273_61643031 // "marsad01"
	seedDensify = 0x64656e73_69667921
	seedShingle = 0x7368696e_676c6521
	seedBand    = 0x62616e64_73212121
)

// Mix64 is the splitmix64 finaliser: a fast, well-distributed bijection on
// 64-bit values, used to derive every hash in this package.
func Mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// HashString is 64-bit FNV-1a of s, mixed: a word's identity for shingling.
func HashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return Mix64(h)
}

// Shingles appends to dst the hashes of every run of w consecutive words,
// given the words' hashes in text order. A text shorter than w words yields
// one shingle of all its words, so that short texts can still be compared.
func Shingles(words []uint64, w int, dst []uint64) []uint64 {
	if len(words) == 0 || w <= 0 {
		return dst
	}
	if len(words) < w {
		w = len(words)
	}
	for i := 0; i+w <= len(words); i++ {
		h := uint64(seedShingle)
		for _, x := range words[i : i+w] {
			// Mixing between words makes the hash depend on word order.
			h = Mix64(h ^ x)
		}
		dst = append(dst, h)
	}
	return dst
}

// Sign computes the signature of the set of shingle hashes (repeats are
// harmless). It reports false when there are no shingles to sign.
func Sign(shingles []uint64) (Signature, bool) {
	var sig Signature
	if len(shingles) == 0 {
		return sig, false
	}
	var filled [Size / 64]uint64
	for i := range sig {
		sig[i] = math.MaxUint32
	}
	for _, s := range shingles {
		y := Mix64(s ^ seedBins)
		bin := y >> (64 - 7) // top 7 bits: Size = 128 bins
		v := uint32(y)
		if v < sig[bin] {
			sig[bin] = v
		}
		filled[bin>>6] |= 1 << (bin & 63)
	}
	// Optimal densification: an empty bin borrows the value of a filled bin
	// chosen by a hash of (bin, attempt), the same choice in every signature,
	// which keeps the estimator unbiased for small sets.
	var original Signature
	copy(original[:], sig[:])
	for i := uint64(0); i < Size; i++ {
		if filled[i>>6]&(1<<(i&63)) != 0 {
			continue
		}
		for attempt := uint64(1); ; attempt++ {
			k := Mix64(i<<32|attempt^seedDensify) & (Size - 1)
			if filled[k>>6]&(1<<(k&63)) != 0 {
				sig[i] = original[k]
				break
			}
		}
	}
	return sig, true
}

// Similarity estimates the Jaccard similarity of the two sets: the fraction
// of positions where their signatures agree.
func (s *Signature) Similarity(o *Signature) float64 {
	same := 0
	for i := range s {
		if s[i] == o[i] {
			same++
		}
	}
	return float64(same) / Size
}

// Containment estimates |A∩B| / min(|A|,|B|) from the Jaccard estimate j and
// the set sizes: a truncated copy of a text is contained in the full one even
// when their Jaccard similarity is low.
func Containment(j float64, sizeA, sizeB int) float64 {
	if sizeA <= 0 || sizeB <= 0 {
		return 0
	}
	inter := j * float64(sizeA+sizeB) / (1 + j)
	c := inter / float64(min(sizeA, sizeB))
	return min(c, 1)
}
