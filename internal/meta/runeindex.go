package meta

import "unicode/utf8"

// runeIndex finds the byte offset of a code-point offset of s without
// decoding s from its start: it holds the byte offset of every 64th code
// point, and the index is built lazily, on the first window asked for.
type runeIndex struct {
	s     string
	marks []int
	runes int
}

const runeIndexStep = 64

func newRuneIndex(s string) *runeIndex { return &runeIndex{s: s} }

func (ix *runeIndex) build() {
	ix.marks = make([]int, 0, len(ix.s)/(runeIndexStep*2)+1)
	for b := range ix.s {
		if ix.runes%runeIndexStep == 0 {
			ix.marks = append(ix.marks, b)
		}
		ix.runes++
	}
}

// byteAt is the byte offset of code point r, 0 <= r <= the rune count.
func (ix *runeIndex) byteAt(r int) int {
	if r >= ix.runes {
		return len(ix.s)
	}
	b := ix.marks[r/runeIndexStep]
	for k := r - r%runeIndexStep; k < r; k++ {
		_, n := utf8.DecodeRuneInString(ix.s[b:])
		b += n
	}
	return b
}

// window returns the code points [from, to) of s, clamped.
func (ix *runeIndex) window(from, to int) string {
	if ix.marks == nil {
		ix.build()
	}
	from = max(from, 0)
	if from >= ix.runes || from >= to {
		return ""
	}
	return ix.s[ix.byteAt(from):ix.byteAt(min(to, ix.runes))]
}
