package stories

import (
	"container/heap"
	"math"
	"runtime"
	"strconv"
	"sync"

	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/stories/minhash"
)

// Clusterer assigns documents, one at a time and in the order they come, to
// near-duplicate families, news stories and merged events. It is the
// streaming half of the cross-document layer: Add decides at once and never
// revisits a document added earlier, so a caller can write each document out
// as soon as Add returns. A Builder turns the annotated documents into story
// objects afterwards.
//
// Memory is bounded by time, not by the number of documents: a story that has
// had no document for StoryGapDays+LatenessDays, a merged event older than
// EventDays and a near-duplicate original older than DuplicateDays (all
// counted back from the newest publication date seen) are forgotten. Input
// should therefore come roughly in publication order; a document arriving
// later than that starts a new story instead of joining its old one.
//
// A Clusterer is not safe for concurrent use.
type Clusterer struct {
	opt Options

	nextSlot  int32
	watermark day
	dated     bool // a dated document has set the watermark
	ndocs     int
	logN      float64 // ln(ndocs+1)
	df        map[uint64]uint32

	docs     map[int32]*docState
	lsh      *minhash.Index
	stories  map[int32]*storyState
	postings map[uint64][]*storyState
	merged   map[int32]*mergedState
	// eventIndex files open merged events under grid cells, place ids and names.
	eventIndex map[uint64][]int32

	docQ, storyQ, events evictionQueue

	scratch    scratch
	scratchIDs []int32
	stamp      uint64        // numbers the documents, for storyState.hits
	touched    []*storyState // candidate stories of the current document
	stats      Stats
}

// Stats counts what a Clusterer has done and holds.
type Stats struct {
	Documents  int // documents added
	Duplicates int // documents found to be near-duplicates
	Stories    int // stories started
	Events     int // event reports seen
	Merged     int // merged events opened
	// Live counts are what is held in memory now.
	LiveDocuments, LiveStories, LiveEvents int
}

// docState is what a document leaves behind for its later near-duplicates.
type docState struct {
	slot     int32
	id       string
	root     string // the first document of its near-duplicate family
	sig      minhash.Signature
	shingles int
	story    int32
	merged   []int32
	day      day
}

// NewClusterer returns an empty Clusterer; zero fields of opt take their
// defaults. It fails only on invalid options.
func NewClusterer(opt Options) (*Clusterer, error) {
	opt, err := opt.withDefaults()
	if err != nil {
		return nil, err
	}
	return &Clusterer{
		opt:        opt,
		df:         make(map[uint64]uint32),
		docs:       make(map[int32]*docState),
		lsh:        minhash.DefaultIndex(),
		stories:    make(map[int32]*storyState),
		postings:   make(map[uint64][]*storyState),
		merged:     make(map[int32]*mergedState),
		eventIndex: make(map[uint64][]int32),
	}, nil
}

// Stats reports the Clusterer's counts.
func (c *Clusterer) Stats() Stats {
	s := c.stats
	s.LiveDocuments, s.LiveStories, s.LiveEvents = len(c.docs), len(c.stories), len(c.merged)
	return s
}

// preciseDays is the widest publication window still used as a date: a
// document "published some time this month" cannot date a story.
const preciseDays = 7

// Add sets d.DuplicateOf (the earliest document d nearly duplicates, or ""),
// d.StoryID (an existing story's id, or a new one named after d) and the
// MergedID of each of d's events. The ids of documents added before are
// never changed.
func (c *Clusterer) Add(d *record.Document) {
	f := computeFeatures(d, c.opt.ShingleWords, &c.scratch)
	c.add(d, &f)
}

// Prepared is the part of Add's work that depends on the document alone
// (normalising, shingling, signing, counting terms): about half of it.
type Prepared struct{ f features }

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// Prepare does the document-only part of Add. Unlike Add it is safe to call
// from many goroutines at once, so a caller can prepare documents in
// parallel and then add them in order with AddPrepared. d must not change
// between Prepare and AddPrepared.
func (c *Clusterer) Prepare(d *record.Document) *Prepared {
	s := scratchPool.Get().(*scratch)
	p := &Prepared{computeFeatures(d, c.opt.ShingleWords, s)}
	scratchPool.Put(s)
	return p
}

// AddPrepared is Add for a document already prepared by Prepare.
func (c *Clusterer) AddPrepared(d *record.Document, p *Prepared) { c.add(d, &p.f) }

func (c *Clusterer) add(d *record.Document, f *features) {
	c.stats.Documents++
	c.stats.Events += len(d.Events)
	if d.DocID == "" {
		// The contract requires a doc_id; without one the ids made from it
		// must still be unique.
		d.DocID = "anonymous-" + itoa(c.stats.Documents)
	}
	pub, pubOK := publishedWindow(d)
	dated := pubOK && pub.width() <= preciseDays
	docDay := c.watermark
	if dated {
		docDay = pub.to
		if !c.dated || docDay > c.watermark {
			c.watermark, c.dated = docDay, true
			c.evict()
		}
	}

	ds := c.newSlot()
	dupOf := c.findDuplicate(f, d.DocID)
	d.DuplicateOf = ""
	if dupOf != nil {
		d.DuplicateOf = dupOf.root
		c.stats.Duplicates++
	}
	merged, datedEvents := c.mergeEvents(d, ds, docDay, pub, pubOK, dupOf)

	vec, query := c.docVector(f)
	st := c.chooseStory(f, vec, query, datedEvents, dupOf, pub, dated)
	if st == nil {
		st = c.openStory(d.DocID)
	}
	c.joinStory(st, f, vec, pub, dated, docDay)
	d.StoryID = st.id
	for _, slot := range datedEvents {
		if m := c.merged[slot]; m != nil && !containsSlot(m.stories, st.slot) {
			m.stories = append(m.stories, st.slot)
		}
	}

	// Document frequencies are counted after scoring, so that a document
	// does not make its own words look common.
	c.ndocs++
	c.logN = math.Log(float64(c.ndocs + 1))
	for _, t := range f.terms {
		c.df[t.h]++
	}
	for _, t := range f.ents {
		c.df[t.h]++
	}

	if f.hasSig {
		s := &docState{slot: ds, id: d.DocID, root: d.DocID, sig: f.sig, shingles: f.shingles,
			story: st.slot, merged: merged, day: docDay}
		if dupOf != nil {
			s.root = dupOf.root
		}
		c.docs[ds] = s
		c.lsh.Add(ds, &s.sig)
		c.docQ.push(docDay, ds)
	}
}

func (c *Clusterer) newSlot() int32 {
	c.nextSlot++
	return c.nextSlot
}

// evict forgets what the new watermark has put out of reach.
func (c *Clusterer) evict() {
	for _, e := range c.docQ.popBefore(c.watermark - day(c.opt.DuplicateDays)) {
		if s := c.docs[e.slot]; s != nil && s.day == e.day {
			c.lsh.Remove(s.slot, &s.sig)
			delete(c.docs, s.slot)
		}
	}
	for _, e := range c.storyQ.popBefore(c.watermark - day(c.opt.StoryGapDays+c.opt.LatenessDays)) {
		if st := c.stories[e.slot]; st != nil && st.lastSeen == e.day {
			c.dropStory(st)
		}
	}
	for _, e := range c.events.popBefore(c.watermark - day(c.opt.EventDays)) {
		if m := c.merged[e.slot]; m != nil && m.lastDay == e.day {
			c.dropMerged(m)
		}
	}
}

// evictionEntry says that slot was last touched on day; entries made stale
// by a later touch are recognised by their day and skipped.
type evictionEntry struct {
	day  day
	slot int32
}

// evictionQueue is a min-heap of entries by day.
type evictionQueue []evictionEntry

func (q evictionQueue) Len() int           { return len(q) }
func (q evictionQueue) Less(i, j int) bool { return q[i].day < q[j].day }
func (q evictionQueue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *evictionQueue) Push(x any)        { *q = append(*q, x.(evictionEntry)) }
func (q *evictionQueue) Pop() any {
	old := *q
	e := old[len(old)-1]
	*q = old[:len(old)-1]
	return e
}

func (q *evictionQueue) push(d day, slot int32) {
	heap.Push(q, evictionEntry{d, slot})
}

// popBefore removes and returns the entries older than cutoff.
func (q *evictionQueue) popBefore(cutoff day) []evictionEntry {
	var out []evictionEntry
	for q.Len() > 0 && (*q)[0].day < cutoff {
		out = append(out, heap.Pop(q).(evictionEntry))
	}
	return out
}

func containsSlot(xs []int32, x int32) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func itoa(n int) string { return strconv.Itoa(n) }

// AddAll adds docs in order, as Add would one by one, preparing them on
// workers goroutines (0 means GOMAXPROCS) ahead of the single-threaded part.
func (c *Clusterer) AddAll(docs []*record.Document, workers int) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if workers == 1 || len(docs) < 2 {
		for _, d := range docs {
			c.Add(d)
		}
		return
	}
	type job struct {
		d    *record.Document
		p    *Prepared
		done chan struct{}
	}
	// Both queues are bounded: a few documents per worker are in flight.
	pending := make(chan *job, 4*workers)
	work := make(chan *job, 4*workers)
	go func() {
		for _, d := range docs {
			j := &job{d: d, done: make(chan struct{})}
			pending <- j
			work <- j
		}
		close(pending)
		close(work)
	}()
	for range workers {
		go func() {
			for j := range work {
				j.p = c.Prepare(j.d)
				close(j.done)
			}
		}()
	}
	for j := range pending {
		<-j.done
		c.AddPrepared(j.d, j.p)
	}
}
