package stories

import (
	"slices"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/record"
	"github.com/marsad/marsad/internal/stories/minhash"
	"github.com/marsad/marsad/internal/stories/terms"
)

// features is what the Clusterer compares of a document; computing it needs
// no shared state, so it can run ahead of Add on other goroutines.
type features struct {
	sig      minhash.Signature
	hasSig   bool
	shingles int
	// terms are the document's content-word stems, sorted by hash, counted;
	// title words count twice (a headline names the story).
	terms []termCount
	// ents are the knowledge-base ids the document names (entities, event
	// actors and event places), sorted by hash, counted.
	ents []termCount
}

type termCount struct {
	h uint64
	n uint32
}

// scratch holds buffers reused from one document to the next.
type scratch struct {
	words, shingles, stems []uint64
}

// titleWeight is how many times a title word counts.
const titleWeight = 2

func computeFeatures(d *record.Document, shingleWords int, s *scratch) features {
	var f features
	norm := arabic.Normalize(d.Body)

	// One pass gives every word (for shingles) and the content stems (for
	// term weights); a stem equal to its word reuses the word's hash.
	s.words, s.stems = s.words[:0], s.stems[:0]
	terms.Each(norm, func(w string) {
		h := minhash.HashString(w)
		s.words = append(s.words, h)
		if stem, ok := terms.ContentStem(w); ok {
			if len(stem) != len(w) {
				h = minhash.HashString(stem)
			}
			s.stems = append(s.stems, h)
		}
	})
	s.shingles = minhash.Shingles(s.words, shingleWords, s.shingles[:0])
	f.sig, f.hasSig = minhash.Sign(s.shingles)
	f.shingles = distinctCount(s.shingles) // sorts s.shingles: after signing

	if d.Title != nil {
		terms.Content(arabic.Normalize(*d.Title), func(stem string) {
			h := minhash.HashString(stem)
			for range titleWeight {
				s.stems = append(s.stems, h)
			}
		})
	}
	f.terms = countSorted(s.stems)

	var ents []uint64
	for i := range d.Entities {
		e := &d.Entities[i]
		if e.ID == "" {
			continue
		}
		h := entityKey(e.ID)
		for range max(1, len(e.Mentions)) {
			ents = append(ents, h)
		}
	}
	for i := range d.Events {
		e := &d.Events[i]
		for _, a := range []*record.Actor{e.Actor1, e.Actor2} {
			if a != nil && a.ID != "" {
				ents = append(ents, entityKey(a.ID))
			}
		}
		if e.Location != nil && e.Location.ID != "" {
			ents = append(ents, entityKey(e.Location.ID))
		}
	}
	f.ents = countSorted(ents)
	return f
}

// entityKey is the hash of a knowledge-base id, apart from word hashes.
func entityKey(id string) uint64 { return minhash.HashString("\x00entity\x00" + id) }

// countSorted sorts hs in place and returns each distinct value with its count.
func countSorted(hs []uint64) []termCount {
	if len(hs) == 0 {
		return nil
	}
	slices.Sort(hs)
	out := make([]termCount, 0, len(hs)/2+1)
	for i := 0; i < len(hs); {
		j := i + 1
		for j < len(hs) && hs[j] == hs[i] {
			j++
		}
		out = append(out, termCount{hs[i], uint32(j - i)})
		i = j
	}
	return out
}

// distinctCount is the number of distinct values in hs, which it sorts.
func distinctCount(hs []uint64) int {
	slices.Sort(hs)
	return len(slices.Compact(hs))
}
