// Package storylink gives stored documents cross-document ids — story id,
// near-duplicate link, merged event ids (internal/stories) — that agree
// with the ones the store already holds, so that an article ingested
// today joins the story of one ingested yesterday.
//
// A Linker is a stories.Clusterer seeded with the stored documents of the
// recent window, replayed in publication order. Replaying assigns the
// Clusterer's own ids to them; the Linker remembers which stored id each
// of those stands for and translates the ids it gives new documents. The
// store thus keeps no clustering state of its own: the documents are the
// state, and any process can rebuild a Linker from them.
//
// The trade-off: seeding reads and re-clusters every document of the
// window (30 days behind the newest stored publication date with the
// default options) once per process start, and a document arriving later
// than the window (a backfill of old articles) starts its own story, as it
// would in one long 'marsad analyze' run. Keeping the Clusterer's state in
// the store instead would make a start cheap but tie the database schema
// to the clustering algorithm's internals.
package storylink

import (
	"context"
	"fmt"
	"slices"
	"sync/atomic"
	"time"

	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/store"
	"github.com/marsad/marsad/internal/stories"
)

// Linker assigns cross-document ids consistent with the documents it was
// seeded with. It is not safe for concurrent use.
type Linker struct {
	c *stories.Clusterer
	// stories and merged translate the Clusterer's ids for seeded stories
	// and merged events into the stored ones.
	stories, merged map[string]string
	// roots maps a seeded document to the first document of its stored
	// near-duplicate family (itself when it is an original).
	roots map[string]string
	// known holds the content hashes of documents seeded or linked: one
	// seen again is already stored, and the store will change nothing.
	known map[string]bool
	// Seeded and Linked count the documents given to Seed and Link.
	Seeded, Linked int
}

// New returns a Linker over an empty Clusterer with marsad's default
// story options.
func New() *Linker {
	c, err := stories.NewClusterer(stories.Options{})
	if err != nil {
		panic(err) // the default options are valid
	}
	return &Linker{c: c, stories: map[string]string{}, merged: map[string]string{},
		roots: map[string]string{}, known: map[string]bool{}}
}

// WindowDays is how far behind the newest stored publication date the
// stored documents can still matter to a new one: the longest of the
// Clusterer's memories (near-duplicate originals, open stories, open
// merged events).
func WindowDays() int {
	o := stories.DefaultOptions()
	return max(o.DuplicateDays, o.StoryGapDays+o.LatenessDays, o.EventDays)
}

func contentHash(d *record.Document) string {
	if d.ContentHash != "" {
		return d.ContentHash
	}
	return store.ContentHash(d.Body)
}

// Seed adds a document that has its ids already (a stored document, or a
// record written by 'marsad analyze'): later documents that join its story,
// its near-duplicate family or one of its merged events get its ids. Seed
// documents in publication order, before linking new ones: once a document
// has been linked, a document given to Seed is only remembered as stored,
// not clustered, since the Clusterer could put it in a story a linked
// document opened, and the two would then disagree on the story's id.
func (l *Linker) Seed(d record.Document) {
	l.known[contentHash(&d)] = true
	if l.Linked > 0 {
		return
	}
	l.Seeded++
	replay := d
	replay.Events = slices.Clone(d.Events)
	l.c.Add(&replay)
	if _, ok := l.stories[replay.StoryID]; !ok && d.StoryID != "" {
		l.stories[replay.StoryID] = d.StoryID
	}
	for i, ev := range replay.Events {
		if _, ok := l.merged[ev.MergedID]; !ok && d.Events[i].MergedID != "" {
			l.merged[ev.MergedID] = d.Events[i].MergedID
		}
	}
	root := d.DuplicateOf
	if root == "" {
		root = d.DocID
	}
	l.roots[d.DocID] = root
}

// Link sets d's StoryID, DuplicateOf and its events' MergedID. A document
// whose content was seeded or linked before is left as it is: it is stored
// already, and storing it again changes nothing.
func (l *Linker) Link(d *record.Document) {
	hash := contentHash(d)
	if l.known[hash] {
		return
	}
	l.known[hash] = true
	l.Linked++
	l.c.Add(d)
	if id, ok := l.stories[d.StoryID]; ok {
		d.StoryID = id
	}
	if root, ok := l.roots[d.DuplicateOf]; ok && d.DuplicateOf != "" {
		d.DuplicateOf = root
	}
	for i := range d.Events {
		if id, ok := l.merged[d.Events[i].MergedID]; ok {
			d.Events[i].MergedID = id
		}
	}
}

// SeedFrom seeds l with the linked documents of st published within
// WindowDays of the newest publication date stored, oldest first, and
// returns how many it read.
func (l *Linker) SeedFrom(ctx context.Context, st store.Store) (int, error) {
	newest, err := st.ListDocuments(ctx, store.DocumentFilter{Page: store.Page{Limit: 1}})
	if err != nil {
		return 0, fmt.Errorf("finding the newest stored document: %w", err)
	}
	if len(newest.Items) == 0 || newest.Items[0].Published == "" {
		return 0, nil // nothing stored, or nothing dated: nothing to place a window on
	}
	from, err := windowStart(newest.Items[0].Published, WindowDays())
	if err != nil {
		return 0, err
	}
	n := 0
	err = st.ScanDocuments(ctx, store.ScanFilter{Linked: true, From: from}, func(d record.Document) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		l.Seed(d)
		n++
		return nil
	})
	if err != nil {
		return n, fmt.Errorf("reading the stored stories: %w", err)
	}
	return n, nil
}

// windowStart is the day days before newest (YYYY-MM-DD, or a longer
// timestamp starting with one).
func windowStart(newest string, days int) (string, error) {
	if len(newest) < 10 {
		return "", fmt.Errorf("newest publication date %q: not YYYY-MM-DD", newest)
	}
	t, err := time.Parse(time.DateOnly, newest[:10])
	if err != nil {
		return "", fmt.Errorf("newest publication date %q: %w", newest, err)
	}
	return t.AddDate(0, 0, -days).Format(time.DateOnly), nil
}

// Writer links the documents written to it and hands them on to Next: a
// document that carries a story id already (a record from 'marsad
// analyze', with its ids) keeps them and is seeded (see Seed), one without
// is linked. 'marsad ingest' puts it in front of the store.
type Writer struct {
	Linker *Linker
	Next   interface {
		Write(record.Document) error
		Close() error
	}
	// off, when set and true, passes documents on untouched.
	off *atomic.Bool
}

// Write links or seeds d and passes it on.
func (w *Writer) Write(d record.Document) error {
	switch {
	case w.off != nil && w.off.Load():
	case d.StoryID != "":
		w.Linker.Seed(d)
	default:
		w.Linker.Link(&d)
	}
	return w.Next.Write(d)
}

// Close closes Next.
func (w *Writer) Close() error { return w.Next.Close() }
