package stories

import "github.com/marsad/marsad/internal/record"

// The objects `marsad stories` writes, one per JSON line (docs/stories-v1.md).

// Kinds of output object.
const (
	KindStory   = "story"
	KindFraming = "framing"
)

// Story is one news story: the documents about the same event or
// announcement, with the events they report merged across documents.
type Story struct {
	Kind    string  `json:"kind"`
	StoryID string  `json:"story_id"`
	Title   *string `json:"title"`
	// DateFrom and DateTo span the documents' publication windows.
	DateFrom *string  `json:"date_from"`
	DateTo   *string  `json:"date_to"`
	DocIDs   []string `json:"doc_ids"`
	Outlets  []string `json:"outlets"`
	// NumSources counts independent sources (see MergedEvent.NumSources).
	NumSources  int         `json:"num_sources"`
	NumArticles int         `json:"num_articles"`
	Duplicates  []Duplicate `json:"duplicates"`
	// MergedEvents are the events any document of the story reports, each
	// with all its reports, including those in other stories.
	MergedEvents []MergedEvent `json:"merged_events"`
}

// Duplicate records that a document nearly duplicates an earlier one.
type Duplicate struct {
	DocID       string `json:"doc_id"`
	DuplicateOf string `json:"duplicate_of"`
}

// MergedEvent is one event as reported by one or more documents. Its fields
// summarise the reports conservatively; each report keeps its own reading in
// Sources, and the points where reports disagree are in Contradictions.
type MergedEvent struct {
	MergedID     string `json:"merged_id"`
	EventType    string `json:"event_type"`
	SubEventType string `json:"sub_event_type"`
	// The date window every report agrees with: the latest start and the
	// earliest end of the reports' windows. Date is set when it is one day.
	Date     *string          `json:"date"`
	DateFrom *string          `json:"date_from"`
	DateTo   *string          `json:"date_to"`
	Location *record.Location `json:"location"`
	Actor1   *record.Actor    `json:"actor1"`
	Actor2   *record.Actor    `json:"actor2"`
	// Actors are all the distinct actors the reports name.
	Actors []record.Actor `json:"actors"`
	// Fatalities is the lowest figure any report gives (ACLED's rule).
	Fatalities *int `json:"fatalities"`
	// NumSources counts independent sources: a wire agency once however many
	// outlets carry its copy, else each outlet; a near-duplicate counts as
	// its original's source.
	NumSources     int             `json:"num_sources"`
	NumArticles    int             `json:"num_articles"`
	StoryIDs       []string        `json:"story_ids"`
	Sources        []Report        `json:"sources"`
	Contradictions []Contradiction `json:"contradictions"`
}

// Report is one document's account of a merged event, as that document
// tells it.
type Report struct {
	DocID        string           `json:"doc_id"`
	EventID      string           `json:"event_id,omitempty"`
	Outlet       *string          `json:"outlet"`
	Agency       *string          `json:"agency"`
	SubEventType string           `json:"sub_event_type"`
	Date         *string          `json:"date"`
	DateFrom     *string          `json:"date_from,omitempty"`
	DateTo       *string          `json:"date_to,omitempty"`
	Location     *record.Location `json:"location"`
	Actor1       *record.Actor    `json:"actor1"`
	Actor2       *record.Actor    `json:"actor2"`
	Fatalities   *int             `json:"fatalities"`
	ClaimedBy    *record.Claim    `json:"claimed_by"`
	Evidence     string           `json:"evidence"`
	// Denies is true when the report's evidence or a quote over it denies
	// what it reports (نفى، كذّب، عارٍ عن الصحة...).
	Denies bool `json:"denies,omitempty"`
}

// Contradiction is a point on which two sources' reports of one event
// disagree.
type Contradiction struct {
	// Kind is "fatalities", "control" (who took or holds a place), "blame"
	// (which side the first actor is) or "denial".
	Kind   string `json:"kind"`
	Detail string `json:"detail"`
	A      Claim  `json:"a"`
	B      Claim  `json:"b"`
}

// Claim is one side of a contradiction: who says what, and the text it
// rests on.
type Claim struct {
	DocID     string        `json:"doc_id"`
	Outlet    *string       `json:"outlet"`
	Agency    *string       `json:"agency"`
	ClaimedBy *record.Claim `json:"claimed_by"`
	// Says is the disputed reading in words, e.g. "fatalities: 35".
	Says     string `json:"says"`
	Evidence string `json:"evidence"`
}
