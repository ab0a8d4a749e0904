package stories

import "fmt"

// Options tune a Clusterer. The zero value of a field means its default;
// DefaultOptions lists them.
type Options struct {
	// ShingleWords is the number of words in a near-duplicate shingle.
	ShingleWords int
	// DuplicateJaccard is the estimated Jaccard similarity of word shingles
	// from which a document is a near-duplicate of an earlier one.
	DuplicateJaccard float64
	// DuplicateContainment is the share of the shorter text's shingles found
	// in the longer one from which a cut or extended copy is a near-duplicate.
	DuplicateContainment float64
	// DuplicateDays is how long a document stays available as the original of
	// later copies, in days behind the newest publication date seen.
	DuplicateDays int

	// StoryGapDays is the largest gap in days between a document's publication
	// window and the dates of a story's documents for it to join the story.
	StoryGapDays int
	// LatenessDays is how far behind the newest publication date a document
	// may arrive and still find its story: a story is dropped from memory
	// when it has had no document for StoryGapDays+LatenessDays.
	LatenessDays int
	// StoryThreshold is the similarity score from which a dated document joins
	// the best-matching story; UndatedThreshold applies to documents whose
	// publication date is unknown or vague (a window wider than a week).
	StoryThreshold   float64
	UndatedThreshold float64

	// DateSlackDays widens event date windows when deciding whether two
	// reports can be of the same event.
	DateSlackDays int
	// MergeRadiusKm is the largest distance between two precisely located
	// reports (geo_precision 1) of one event; it doubles for precision 2 and
	// is multiplied by five for precision 3 (a region).
	MergeRadiusKm float64
	// EventDays is how long a merged event stays open to new reports, in days
	// behind the newest publication date seen.
	EventDays int
}

// DefaultOptions returns the settings marsad uses.
func DefaultOptions() Options {
	return Options{
		ShingleWords:         4,
		DuplicateJaccard:     0.5,
		DuplicateContainment: 0.8,
		DuplicateDays:        14,
		StoryGapDays:         3,
		LatenessDays:         7,
		StoryThreshold:       0.3,
		UndatedThreshold:     0.45,
		DateSlackDays:        1,
		MergeRadiusKm:        30,
		EventDays:            30,
	}
}

// withDefaults fills the zero fields of o from DefaultOptions and checks the rest.
func (o Options) withDefaults() (Options, error) {
	d := DefaultOptions()
	if o.ShingleWords == 0 {
		o.ShingleWords = d.ShingleWords
	}
	if o.DuplicateJaccard == 0 {
		o.DuplicateJaccard = d.DuplicateJaccard
	}
	if o.DuplicateContainment == 0 {
		o.DuplicateContainment = d.DuplicateContainment
	}
	if o.DuplicateDays == 0 {
		o.DuplicateDays = d.DuplicateDays
	}
	if o.StoryGapDays == 0 {
		o.StoryGapDays = d.StoryGapDays
	}
	if o.LatenessDays == 0 {
		o.LatenessDays = d.LatenessDays
	}
	if o.StoryThreshold == 0 {
		o.StoryThreshold = d.StoryThreshold
	}
	if o.UndatedThreshold == 0 {
		o.UndatedThreshold = d.UndatedThreshold
	}
	if o.DateSlackDays == 0 {
		o.DateSlackDays = d.DateSlackDays
	}
	if o.MergeRadiusKm == 0 {
		o.MergeRadiusKm = d.MergeRadiusKm
	}
	if o.EventDays == 0 {
		o.EventDays = d.EventDays
	}
	switch {
	case o.ShingleWords < 1 || o.ShingleWords > 10:
		return o, fmt.Errorf("stories: shingle of %d words: want 1 to 10", o.ShingleWords)
	case o.DuplicateJaccard <= 0 || o.DuplicateJaccard > 1, o.DuplicateContainment <= 0 || o.DuplicateContainment > 1:
		return o, fmt.Errorf("stories: duplicate thresholds %.2f/%.2f: want (0, 1]", o.DuplicateJaccard, o.DuplicateContainment)
	case o.DuplicateDays < 0, o.StoryGapDays < 0, o.LatenessDays < 0, o.DateSlackDays < 0, o.EventDays < 0:
		return o, fmt.Errorf("stories: negative day count in options")
	case o.MergeRadiusKm < 0:
		return o, fmt.Errorf("stories: merge radius %.1f km is negative", o.MergeRadiusKm)
	}
	return o, nil
}
