package ner

import "github.com/marsad/marsad/internal/arabic"

// Stream tags a long text sentence by sentence in bounded memory, with the
// same result as TagDocument on the whole text: each sentence is given its
// final tags once the docWindow sentences after it have had a first pass.
type Stream struct {
	m   *Model
	out func(words []string, labels []int) error
	s   *tagState
	// buf holds sentences first..first+len(buf)-1; next is the index of the
	// next sentence to emit, and counts covers sentences from lo to the
	// last added.
	buf    []pending
	first  int
	next   int
	lo     int
	counts docCounts
	err    error
}

type pending struct {
	words, norms []string
	stems        []string
	labels       []int
}

// NewStream returns a stream that calls out with each sentence and its tags,
// in input order. The slices passed to out are the caller's words and a
// fresh tag slice.
func (m *Model) NewStream(out func(words, tags []string) error) *Stream {
	return m.newLabelStream(func(words []string, labels []int) error {
		tags := make([]string, len(labels))
		for i, l := range labels {
			tags[i] = bioNames[l]
		}
		return out(words, tags)
	})
}

// newLabelStream is NewStream reporting label indexes; labels is only valid
// during the call.
func (m *Model) newLabelStream(out func(words []string, labels []int) error) *Stream {
	return &Stream{m: m, out: out, s: m.state(), counts: newDocCounts()}
}

// Add tags one sentence (after the following ones arrive, when the model
// has a document stage). It returns the first error out returned.
func (st *Stream) Add(words []string) error {
	if st.err != nil {
		return st.err
	}
	p := pending{words: words, norms: make([]string, len(words))}
	for i, w := range words {
		p.norms[i] = arabic.Normalize(w)
	}
	p.labels = append([]int(nil), st.m.decode(st.s, st.m.stages[0], words, p.norms, nil)...)
	if len(st.m.stages) == 1 {
		st.err = st.out(p.words, p.labels)
		st.next++
		st.first++
		return st.err
	}
	p.stems = make([]string, len(words))
	for i, n := range p.norms {
		_, p.stems[i] = segmentNorm(n)
	}
	st.buf = append(st.buf, p)
	st.count(&st.buf[len(st.buf)-1], 1)
	for st.err == nil && st.first+len(st.buf)-1 >= st.next+st.m.docWindow {
		st.flushOne()
	}
	return st.err
}

// Close tags the sentences still waiting for their following context.
func (st *Stream) Close() error {
	for st.err == nil && st.next < st.first+len(st.buf) {
		st.flushOne()
	}
	if st.s != nil {
		st.m.pool.Put(st.s)
		st.s = nil
	}
	return st.err
}

// flushOne gives sentence next its second pass and emits it, then drops
// the sentences no later sentence's window reaches.
func (st *Stream) flushOne() {
	for st.lo < st.next-st.m.docWindow {
		st.count(&st.buf[st.lo-st.first], -1)
		st.lo++
	}
	p := &st.buf[st.next-st.first]
	doc := make([]uint64, 2*len(p.words))
	for i := range p.words {
		own := typeOf(p.labels[i])
		doc[2*i] = summarise(st.counts.words[p.norms[i]], own)
		doc[2*i+1] = summarise(st.counts.stems[p.stems[i]], own)
	}
	st.s.x.useDoc = true
	labels := st.m.decode(st.s, st.m.stages[1], p.words, p.norms, doc)
	st.s.x.useDoc = false
	st.err = st.out(p.words, labels)
	st.next++
	// Sentences before lo are out of every remaining window.
	drop := st.lo - st.first
	if drop > 0 {
		st.buf = append(st.buf[:0], st.buf[drop:]...)
		st.first = st.lo
	}
}

func (st *Stream) count(p *pending, d int) {
	for i, n := range p.norms {
		st.counts.add(n, p.stems[i], typeOf(p.labels[i]), d)
	}
}
