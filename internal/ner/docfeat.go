package ner

// The second pass reads how the first pass tagged the other occurrences of
// each word in the same document: a name recognised in one sentence («أسيك
// أبيدجان» after «نادي») is evidence in the sentences where its context
// says nothing. A document is the sentences within docWindow of the
// current one, so a long input does not become one document.

// typeCounts counts first-pass types (O, PERS, LOC, ORG, MISC) of a word.
type typeCounts [1 + len(entityTypes)]uint16

// docCounts counts the first-pass types of the words and stems of the
// sentences in a window.
type docCounts struct {
	words, stems map[string]typeCounts
}

func newDocCounts() docCounts {
	return docCounts{words: map[string]typeCounts{}, stems: map[string]typeCounts{}}
}

// add adds d (1 or -1) occurrences of type t to a word and its stem,
// dropping entries that fall to zero so the maps stay window-sized.
func (dc docCounts) add(norm, stem string, t, d int) {
	for _, e := range [2]struct {
		m map[string]typeCounts
		k string
	}{{dc.words, norm}, {dc.stems, stem}} {
		c := e.m[e.k]
		c[t] = uint16(int(c[t]) + d)
		if c == (typeCounts{}) {
			delete(e.m, e.k)
		} else {
			e.m[e.k] = c
		}
	}
}

// docSummaries returns, for every word of every sentence, two summaries
// (of its normalised form and of its stem) of how the first pass labelled
// the word's other occurrences within window sentences on either side.
func docSummaries(norms [][]string, preds [][]int, window int) [][]uint64 {
	out := make([][]uint64, len(norms))
	counts := newDocCounts()
	change := func(s int, d int) {
		for i, n := range norms[s] {
			_, stem := segmentNorm(n)
			counts.add(n, stem, typeOf(preds[s][i]), d)
		}
	}
	lo, hi := 0, -1 // sentences lo..hi are counted
	for s := range norms {
		for hi < min(len(norms)-1, s+window) {
			hi++
			change(hi, 1)
		}
		for lo < s-window {
			change(lo, -1)
			lo++
		}
		vals := make([]uint64, 2*len(norms[s]))
		for i, n := range norms[s] {
			own := typeOf(preds[s][i])
			_, stem := segmentNorm(n)
			vals[2*i] = summarise(counts.words[n], own)
			vals[2*i+1] = summarise(counts.stems[stem], own)
		}
		out[s] = vals
	}
	return out
}

// summarise packs a word's counts, less its own occurrence, into a feature
// value: 0 when it occurs nowhere else; otherwise the commonest entity type
// among the other occurrences, whether that type is the majority, and
// whether any occurrence was left untagged.
func summarise(c typeCounts, own int) uint64 {
	c[own]--
	total, best := 0, 0
	for t, v := range c {
		total += int(v)
		if t > 0 && v > 0 && (best == 0 || v > c[best]) {
			best = t
		}
	}
	if total == 0 {
		return 0
	}
	if best == 0 {
		return 1 // only ever untagged
	}
	major := uint64(0)
	if 2*int(c[best]) >= total {
		major = 1
	}
	untagged := uint64(0)
	if c[0] > 0 {
		untagged = 1
	}
	return 2 + uint64(best) | major<<8 | untagged<<9
}
