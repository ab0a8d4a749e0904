package stories

import (
	"cmp"
	"math"
	"slices"
)

// Story clustering is single-pass ("leader" clustering with centroids, as in
// news-stream systems such as Miranda et al. 2018): a document joins the
// open story it scores best against, if that score clears a threshold, or
// starts a story. The score adds
//   - the cosine of TF-IDF vectors of content words (document vs the story's
//     centroid), with document frequencies counted online;
//   - the share of the document's knowledge-base ids (actors, organisations,
//     places; weighted by rarity) the story also names;
//   - a bonus when the document reports a tightly dated event that a
//     document of the story reports too (the same merged event);
//
// and a story is only open to documents published within StoryGapDays of its
// own dates, so the same place and topic weeks later is a different story.
// Candidate stories come from an inverted index over each story's heaviest
// terms and ids, so the cost of a document does not grow with the number of
// stories.

// Weights of the score's parts beside the text cosine, and the text
// cosine below which they are not counted.
const (
	entityWeight  = 0.2
	eventWeight   = 0.25
	minTextCosine = 0.1
)

// Bounds that keep per-document work and per-story memory constant.
const (
	maxDocTerms      = 48  // terms kept in a document vector
	maxCentroidTerms = 128 // terms kept in a story centroid
	maxStoryEnts     = 48  // ids kept per story
	queryTerms       = 12  // document terms looked up in the index
	postTerms        = 16  // centroid terms a story is indexed under
	postEnts         = 8   // ids a story is indexed under
	maxPosting       = 512 // stories per index key; commoner keys say little
	maxScored        = 32  // candidate stories scored in full per document
)

// termWeight is one weighted term of a vector.
type termWeight struct {
	h uint64
	w float32
}

// storyState is an open story.
type storyState struct {
	slot int32
	id   string
	// centroid is the sum of the members' unit vectors, sorted by hash.
	centroid []termWeight
	cnorm    float64
	// ents count the documents naming each id, sorted by hash.
	ents []termCount
	// span covers the publication windows of the story's dated documents.
	span     window
	hasSpan  bool
	lastSeen day
	size     int
	posted   []uint64
	// stamp and hits are the candidate score for the document being added.
	stamp uint64
	hits  float64
}

// idf is the inverse document frequency of a term or id, counted online.
func (c *Clusterer) idf(h uint64) float64 {
	return c.logN - logPlusOne(c.df[h]) + 1
}

// logTable holds ln(n+1) for small n: idf is computed for every term of
// every document, and most frequencies are small.
var logTable = func() (t [4096]float64) {
	for i := range t {
		t[i] = math.Log(float64(i + 1))
	}
	return
}()

func logPlusOne(n uint32) float64 {
	if n < uint32(len(logTable)) {
		return logTable[n]
	}
	return math.Log(float64(n) + 1)
}

// docVector is the document's unit TF-IDF vector over its heaviest terms,
// sorted by hash, and the hashes of its queryTerms heaviest terms.
func (c *Clusterer) docVector(f *features) (vec []termWeight, query []uint64) {
	vec = make([]termWeight, 0, len(f.terms))
	for _, t := range f.terms {
		vec = append(vec, termWeight{t.h, float32((1 + math.Log(float64(t.n))) * c.idf(t.h))})
	}
	slices.SortFunc(vec, byWeightDesc)
	vec = vec[:min(len(vec), maxDocTerms)]
	query = make([]uint64, min(len(vec), queryTerms))
	for i := range query {
		query[i] = vec[i].h
	}
	slices.SortFunc(vec, byHash)
	norm := 0.0
	for _, t := range vec {
		norm += float64(t.w) * float64(t.w)
	}
	if norm > 0 {
		inv := float32(1 / math.Sqrt(norm))
		for i := range vec {
			vec[i].w *= inv
		}
	}
	return vec, query
}

// byWeightDesc orders terms by weight, heaviest first, then by hash.
func byWeightDesc(a, b termWeight) int {
	switch {
	case a.w > b.w:
		return -1
	case a.w < b.w:
		return 1
	case a.h < b.h:
		return -1
	case a.h > b.h:
		return 1
	}
	return 0
}

func byHash(a, b termWeight) int { return cmp.Compare(a.h, b.h) }

// chooseStory returns the open story the document belongs to, or nil.
func (c *Clusterer) chooseStory(f *features, vec []termWeight, query []uint64, datedEvents []int32, dupOf *docState, pub window, dated bool) *storyState {
	if dupOf != nil {
		// A copy belongs where its original went.
		if st := c.stories[dupOf.story]; st != nil {
			return st
		}
	}
	// Candidates accumulate their hits on themselves: no map per document.
	c.stamp++
	c.touched = c.touched[:0]
	for _, h := range query {
		c.hitPosting(h, 1)
	}
	for _, t := range f.ents {
		c.hitPosting(t.h, 1)
	}
	var shared []*storyState // stories that report one of the document's dated events
	for _, slot := range datedEvents {
		m := c.merged[slot]
		if m == nil {
			continue
		}
		for _, s := range m.stories {
			if st := c.stories[s]; st != nil {
				c.hit(st, 10)
				shared = append(shared, st)
			}
		}
	}
	// Only stories open to the document's date are scored, the most hit first.
	cands := c.touched[:0:0]
	for _, st := range c.touched {
		if dated && st.hasSpan && pub.gap(st.span) > c.opt.StoryGapDays {
			continue
		}
		cands = append(cands, st)
	}
	if len(cands) > maxScored {
		slices.SortFunc(cands, func(a, b *storyState) int {
			if x := cmp.Compare(b.hits, a.hits); x != 0 {
				return x
			}
			return cmp.Compare(a.slot, b.slot)
		})
		cands = cands[:maxScored]
	}
	var best *storyState
	bestScore := 0.0
	for _, st := range cands {
		threshold := c.opt.StoryThreshold
		if !dated || !st.hasSpan {
			threshold = c.opt.UndatedThreshold
		}
		s := c.storyScore(f, vec, st, slices.Contains(shared, st))
		if s >= threshold && (best == nil || s > bestScore || s == bestScore && st.slot < best.slot) {
			best, bestScore = st, s
		}
	}
	return best
}

// hitPosting credits the stories filed under key with the key's rarity.
func (c *Clusterer) hitPosting(key uint64, weight float64) {
	sts := c.postings[key]
	if len(sts) == 0 {
		return
	}
	w := weight * c.idf(key)
	for _, st := range sts {
		c.hit(st, w)
	}
}

// hit adds w to a candidate story's hits for the current document.
func (c *Clusterer) hit(st *storyState, w float64) {
	if st.stamp != c.stamp {
		st.stamp, st.hits = c.stamp, 0
		c.touched = append(c.touched, st)
	}
	st.hits += w
}

// storyScore is the similarity of a document to a story.
func (c *Clusterer) storyScore(f *features, vec []termWeight, st *storyState, sharesEvent bool) float64 {
	s := 0.0
	if st.cnorm > 0 {
		dot := 0.0
		i, j := 0, 0
		for i < len(vec) && j < len(st.centroid) {
			switch a, b := vec[i].h, st.centroid[j].h; {
			case a < b:
				i++
			case a > b:
				j++
			default:
				dot += float64(vec[i].w) * float64(st.centroid[j].w)
				i++
				j++
			}
		}
		s = dot / st.cnorm
	}
	if s < minTextCosine && len(vec) > 0 {
		// Shared names and events alone do not make a story: two stories
		// about the same actors in the same town share them too.
		return s
	}
	if len(f.ents) > 0 {
		// Each id counts by the share of the story's documents naming it,
		// so that a large story does not match every document naming any
		// of the many ids its documents name between them.
		shared, all := 0.0, 0.0
		j := 0
		for _, e := range f.ents {
			w := c.idf(e.h)
			all += w
			for j < len(st.ents) && st.ents[j].h < e.h {
				j++
			}
			if j < len(st.ents) && st.ents[j].h == e.h {
				shared += w * min(1, float64(st.ents[j].n)/float64(st.size))
			}
		}
		s += entityWeight * shared / all
	}
	if sharesEvent {
		s += eventWeight
	}
	return s
}

func (c *Clusterer) openStory(docID string) *storyState {
	st := &storyState{slot: c.newSlot(), id: "story:" + docID}
	c.stories[st.slot] = st
	c.stats.Stories++
	return st
}

// joinStory adds a document to a story's centroid, ids, dates and index.
func (c *Clusterer) joinStory(st *storyState, f *features, vec []termWeight, pub window, dated bool, docDay day) {
	st.size++
	st.centroid = addVectors(st.centroid, vec)
	if len(st.centroid) > maxCentroidTerms {
		slices.SortFunc(st.centroid, byWeightDesc)
		st.centroid = st.centroid[:maxCentroidTerms]
		slices.SortFunc(st.centroid, byHash)
	}
	norm := 0.0
	for _, t := range st.centroid {
		norm += float64(t.w) * float64(t.w)
	}
	st.cnorm = math.Sqrt(norm)

	st.ents = addCounts(st.ents, presence(f.ents))
	if len(st.ents) > maxStoryEnts {
		slices.SortFunc(st.ents, func(a, b termCount) int {
			if x := cmp.Compare(b.n, a.n); x != 0 {
				return x
			}
			return cmp.Compare(a.h, b.h)
		})
		st.ents = st.ents[:maxStoryEnts]
		slices.SortFunc(st.ents, func(a, b termCount) int { return cmp.Compare(a.h, b.h) })
	}

	if dated {
		if !st.hasSpan {
			st.span, st.hasSpan = pub, true
		} else {
			st.span = window{min(st.span.from, pub.from), max(st.span.to, pub.to)}
		}
	}
	if st.size == 1 || docDay > st.lastSeen {
		st.lastSeen = docDay
		c.storyQ.push(docDay, st.slot)
	}

	// The centroid's heaviest terms, found without sorting all of it.
	var top [postTerms]termWeight
	n := 0
	for _, t := range st.centroid {
		if n < postTerms {
			top[n] = t
			n++
		} else if byWeightDesc(t, top[postTerms-1]) < 0 {
			top[postTerms-1] = t
		} else {
			continue
		}
		for i := n - 1; i > 0 && byWeightDesc(top[i], top[i-1]) < 0; i-- {
			top[i], top[i-1] = top[i-1], top[i]
		}
	}
	for _, t := range top[:n] {
		c.post(st, t.h)
	}
	ents := slices.Clone(st.ents)
	slices.SortFunc(ents, func(a, b termCount) int { return cmp.Compare(b.n, a.n) })
	for _, e := range ents[:min(len(ents), postEnts)] {
		c.post(st, e.h)
	}
}

// post files the story under key once.
func (c *Clusterer) post(st *storyState, key uint64) {
	if slices.Contains(st.posted, key) {
		return
	}
	sts := c.postings[key]
	if len(sts) >= maxPosting {
		return
	}
	c.postings[key] = append(sts, st)
	st.posted = append(st.posted, key)
}

// dropStory forgets a story no document can join any more.
func (c *Clusterer) dropStory(st *storyState) {
	for _, k := range st.posted {
		sts := c.postings[k]
		if i := slices.Index(sts, st); i >= 0 {
			sts = slices.Delete(sts, i, i+1)
		}
		if len(sts) == 0 {
			delete(c.postings, k)
		} else {
			c.postings[k] = sts
		}
	}
	delete(c.stories, st.slot)
}

// addVectors returns the sum of two hash-sorted vectors.
func addVectors(a, b []termWeight) []termWeight {
	out := make([]termWeight, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i].h < b[j].h:
			out = append(out, a[i])
			i++
		case i == len(a) || b[j].h < a[i].h:
			out = append(out, b[j])
			j++
		default:
			out = append(out, termWeight{a[i].h, a[i].w + b[j].w})
			i++
			j++
		}
	}
	return out
}

// addCounts returns the sum of two hash-sorted count lists.
func addCounts(a, b []termCount) []termCount {
	out := make([]termCount, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i].h < b[j].h:
			out = append(out, a[i])
			i++
		case i == len(a) || b[j].h < a[i].h:
			out = append(out, b[j])
			j++
		default:
			out = append(out, termCount{a[i].h, a[i].n + b[j].n})
			i++
			j++
		}
	}
	return out
}

// presence returns the ids of a count list, each counted once.
func presence(xs []termCount) []termCount {
	out := make([]termCount, len(xs))
	for i, x := range xs {
		out[i] = termCount{x.h, 1}
	}
	return out
}
