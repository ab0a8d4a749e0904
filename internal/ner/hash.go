package ner

// Features are 64-bit hashes of (template, value) pairs so that extracting
// them allocates nothing; a 64-bit space makes collisions between the few
// hundred thousand features a model keeps negligible.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashString is FNV-1a of s.
func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// mix combines two hashes (splitmix64 finaliser over an asymmetric
// combination, so mix(a, b) != mix(b, a)).
func mix(a, b uint64) uint64 {
	z := a*0x9E3779B97F4A7C15 ^ b
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}
