package synth

// Quality compares the story ids and duplicate links set on a corpus's
// documents with the corpus's truth.
type Quality struct {
	// Pairwise story clustering: of the document pairs put in one story, the
	// share that truly are (precision), and of the true pairs, the share
	// found (recall).
	StoryPrecision, StoryRecall, StoryF1 float64
	Stories, TrueStories                 int
	// Near-duplicates: of the documents marked as copies, the share that are
	// copies of the document they name (or of its original); of the true
	// copies, the share marked so.
	DuplicatePrecision, DuplicateRecall float64
}

// Evaluate scores the ids set on c.Docs.
func Evaluate(c Corpus) Quality {
	var q Quality
	type cell struct {
		pred string
		true int
	}
	cells := map[cell]int{}
	pred := map[string]int{}
	truth := map[int]int{}
	for i := range c.Docs {
		cells[cell{c.Docs[i].StoryID, c.Story[i]}]++
		pred[c.Docs[i].StoryID]++
		truth[c.Story[i]]++
	}
	pairs := func(n int) float64 { return float64(n) * float64(n-1) / 2 }
	var tp, pp, tt float64
	for _, n := range cells {
		tp += pairs(n)
	}
	for _, n := range pred {
		pp += pairs(n)
	}
	for _, n := range truth {
		tt += pairs(n)
	}
	q.Stories, q.TrueStories = len(pred), len(truth)
	if pp > 0 {
		q.StoryPrecision = tp / pp
	}
	if tt > 0 {
		q.StoryRecall = tp / tt
	}
	if q.StoryPrecision+q.StoryRecall > 0 {
		q.StoryF1 = 2 * q.StoryPrecision * q.StoryRecall / (q.StoryPrecision + q.StoryRecall)
	}

	index := make(map[string]int, len(c.Docs))
	for i := range c.Docs {
		index[c.Docs[i].DocID] = i
	}
	root := func(i int) int {
		if c.Original[i] >= 0 {
			return c.Original[i]
		}
		return i
	}
	var marked, right, copies, found float64
	for i := range c.Docs {
		isCopy := c.Original[i] >= 0
		if isCopy {
			copies++
		}
		if c.Docs[i].DuplicateOf == "" {
			continue
		}
		marked++
		if j, ok := index[c.Docs[i].DuplicateOf]; ok && isCopy && root(j) == root(i) {
			right++
		}
		if isCopy {
			found++
		}
	}
	if marked > 0 {
		q.DuplicatePrecision = right / marked
	}
	if copies > 0 {
		q.DuplicateRecall = found / copies
	}
	return q
}
