package stories

import "github.com/marsad/marsad/internal/stories/minhash"

// findDuplicate returns the earlier document that f's text nearly duplicates,
// or nil. Candidates come from the LSH index; each is checked on its
// signature: a copy either shares most shingles with the original (Jaccard)
// or is mostly contained in it (a copy cut short, or the original with a
// paragraph added). Of several, the most similar wins.
func (c *Clusterer) findDuplicate(f *features, docID string) *docState {
	if !f.hasSig {
		return nil
	}
	var best *docState
	bestScore := 0.0
	c.scratchIDs = c.lsh.Candidates(&f.sig, c.scratchIDs[:0])
	for _, slot := range c.scratchIDs {
		s := c.docs[slot]
		if s == nil || s.id == docID { // the same document added again is not its own copy
			continue
		}
		j := f.sig.Similarity(&s.sig)
		ok := j >= c.opt.DuplicateJaccard
		if !ok && j >= containmentFloor {
			ok = minhash.Containment(j, f.shingles, s.shingles) >= c.opt.DuplicateContainment
		}
		if ok && (j > bestScore || j == bestScore && s.slot < best.slot) {
			best, bestScore = s, j
		}
	}
	return best
}

// containmentFloor is the Jaccard estimate below which containment is not
// trusted: the estimate's error grows relative to small values, and a short
// text sharing a few stock phrases with a long one is not its copy.
const containmentFloor = 0.25
