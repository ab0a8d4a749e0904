package ner

import "strings"

// A label memory records how each word was tagged in the training data, so
// the model can learn how far to trust "this word was a person's name
// elsewhere" for words it saw too rarely to weigh on their own. During
// training the memory of each sentence comes from the other folds only
// (jackknifing), so its reliability matches what unseen text will get.

// memoryFolds is the number of jackknife folds.
const memoryFolds = 5

// labelCounts counts a word's training labels.
type labelCounts [numLabels]uint32

// memoryTable maps normalised words, and stems prefixed with a NUL byte, to
// a summary of their training labels (see summariseLabels). Stems are
// looked up in their own map so that tagging builds no key strings.
type memoryTable struct {
	counts  map[string]labelCounts // while building
	summary map[string]uint64      // as stored in the model file
	words   map[string]uint64
	stems   map[string]uint64
}

func newMemoryTable() *memoryTable {
	return &memoryTable{counts: map[string]labelCounts{}}
}

// add counts the labels of one sentence under its normalised words and
// stems.
func (t *memoryTable) add(norms []string, labels []int) {
	for i, n := range norms {
		c := t.counts[n]
		c[labels[i]]++
		t.counts[n] = c
		if _, stem := segmentNorm(n); stem != n {
			k := "\x00" + stem
			c := t.counts[k]
			c[labels[i]]++
			t.counts[k] = c
		}
	}
}

// finish turns the counts into summaries; the table is read-only after.
func (t *memoryTable) finish() *memoryTable {
	t.summary = make(map[string]uint64, len(t.counts))
	for k, c := range t.counts {
		t.summary[k] = summariseLabels(c)
	}
	t.counts = nil
	return t.split()
}

// split fills the lookup maps from the summaries.
func (t *memoryTable) split() *memoryTable {
	t.words, t.stems = map[string]uint64{}, map[string]uint64{}
	for k, v := range t.summary {
		if rest, ok := strings.CutPrefix(k, "\x00"); ok {
			t.stems[rest] = v
		} else {
			t.words[k] = v
		}
	}
	return t
}

// feature returns the summary of a word, or of a stem when stem is true;
// 0 when it was never seen.
func (t *memoryTable) feature(w string, stem bool) uint64 {
	if stem {
		return t.stems[w]
	}
	return t.words[w]
}

// summariseLabels packs label counts into a small value: the majority label,
// how dominant it is, how often the word was seen, and whether it was ever
// part of an entity.
func summariseLabels(c labelCounts) uint64 {
	total, best := uint32(0), 0
	for l, v := range c {
		total += v
		if v > c[best] {
			best = l
		}
	}
	share := uint64(0) // below half
	switch f := float64(c[best]) / float64(total); {
	case f >= 0.95:
		share = 2
	case f >= 0.5:
		share = 1
	}
	count := uint64(0)
	switch {
	case total >= 10:
		count = 2
	case total >= 3:
		count = 1
	}
	ent := uint64(0)
	if c[0] < total {
		ent = 1
	}
	return 1 + uint64(best) | share<<8 | count<<12 | ent<<16
}
