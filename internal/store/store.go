// Package store defines where analysed documents live once the pipeline has
// produced them: the Store interface that every backend (SQLite now,
// PostgreSQL later) implements, and the query and result types the HTTP API
// and the web UI read. Implementations must pass the shared suite in
// store/storetest so that the API behaves the same on every backend.
package store

import (
	"context"
	"errors"
	"time"

	"github.com/marsad/marsad/internal/record"
)

// ErrNotFound is returned (wrapped or bare) when an id names nothing.
var ErrNotFound = errors.New("not found")

// ErrBadQuery is returned (wrapped) when a filter or query cannot be used,
// such as a search with no searchable word. The API answers it with 400.
var ErrBadQuery = errors.New("bad query")

// Store keeps documents with their entities, events, quotes and stories and
// answers the queries of the API. Implementations are safe for concurrent use:
// many readers may run while one PutDocument is in progress.
type Store interface {
	// PutDocument stores d. A document whose content hash is already stored
	// changes nothing and returns inserted=false. A document whose DocID is
	// stored with a different content hash replaces the old version.
	PutDocument(ctx context.Context, d record.Document) (inserted bool, err error)
	// PutDocuments stores docs as PutDocument would, all or none, reporting
	// for each whether it was inserted. Bulk ingest uses it: one transaction
	// for many documents is much faster than one each. A document repeated
	// within docs is inserted once.
	PutDocuments(ctx context.Context, docs []record.Document) (inserted []bool, err error)
	// GetDocument returns the stored record of a document by its DocID.
	GetDocument(ctx context.Context, docID string) (record.Document, error)
	// ListDocuments returns document summaries, newest publication first.
	ListDocuments(ctx context.Context, f DocumentFilter) (DocumentPage, error)
	// ListEvents returns events matching f, newest first.
	ListEvents(ctx context.Context, f EventFilter) (EventPage, error)
	// EventTimeline counts the events matching f per day (paging ignored;
	// events with no date left out), oldest day first.
	EventTimeline(ctx context.Context, f EventFilter) ([]DayCount, error)
	// GetEvent returns one event by its id.
	GetEvent(ctx context.Context, id string) (EventRow, error)
	// ListStories returns stories (documents sharing a story id), newest first.
	ListStories(ctx context.Context, p Page) (StoryPage, error)
	// GetStory returns one story with its sources, events and contradictions.
	GetStory(ctx context.Context, id string) (StoryDetail, error)
	// ListActors returns actors with the labels each outlet gives them,
	// most mentioned first.
	ListActors(ctx context.Context, f ActorFilter) (ActorPage, error)
	// Search runs a full-text query over titles and bodies, returning
	// highlighted snippets: best match first when at most RankLimit
	// documents match, most recently stored first otherwise.
	Search(ctx context.Context, query string, p Page) (SearchPage, error)
	// ScanDocuments calls fn with each stored document f selects, whole
	// (record and body), in publication order (undated first, then by day;
	// in storage order within a day), until fn returns an error, which
	// ScanDocuments returns. Story linking reads the store through it.
	ScanDocuments(ctx context.Context, f ScanFilter, fn func(record.Document) error) error
	// SetStories records the cross-document ids of stored documents that
	// have no story id yet: each document's StoryID and DuplicateOf and its
	// events' MergedID (matched by event id, as stored). A document is
	// matched by DocID and ContentHash; one that is gone, changed, or
	// already has a story id is left as it is and reported false, so of
	// two linkers racing the first one's ids stay.
	SetStories(ctx context.Context, docs []record.Document) (updated []bool, err error)
	// Lease takes or renews, for holder, the lease called name: held by
	// one holder at a time, it lapses ttl after it was last renewed. It
	// reports whether holder holds it now and how many times it has
	// changed hands, so a holder that finds the count moved knows another
	// held it meanwhile. A ttl of 0 gives the lease up if holder holds it.
	// Processes sharing a store use it to let one of them do a job at a
	// time (linking stories: see internal/storylink).
	Lease(ctx context.Context, name, holder string, ttl time.Duration) (held bool, handovers int64, err error)
	// Stats counts what is stored.
	Stats(ctx context.Context) (Stats, error)
	// Close releases the store; no method may be called afterwards.
	Close() error
}

// Page selects a window of a result list.
type Page struct {
	// Limit is the most rows returned; 0 means DefaultLimit.
	Limit int
	// Offset is the number of rows skipped.
	Offset int
}

// Paging limits shared by every backend.
const (
	DefaultLimit = 50
	MaxLimit     = 1000
)

// Normalized returns p with Limit defaulted and clamped and Offset non-negative.
func (p Page) Normalized() Page {
	if p.Limit <= 0 {
		p.Limit = DefaultLimit
	}
	if p.Limit > MaxLimit {
		p.Limit = MaxLimit
	}
	if p.Offset < 0 {
		p.Offset = 0
	}
	return p
}

// BBox is a bounding box in degrees (WGS 84).
type BBox struct {
	MinLon, MinLat, MaxLon, MaxLat float64
}

// Contains reports whether the point lies inside b (edges included).
func (b BBox) Contains(lat, lon float64) bool {
	return lon >= b.MinLon && lon <= b.MaxLon && lat >= b.MinLat && lat <= b.MaxLat
}

// DocumentFilter selects documents.
type DocumentFilter struct {
	// From and To bound the publication date (YYYY-MM-DD, inclusive).
	From, To string
	Outlet   string
	StoryID  string
	// Query is a full-text query as accepted by Search.
	Query string
	Page
}

// EventFilter selects events. Empty fields do not filter.
type EventFilter struct {
	// From and To bound the event date (YYYY-MM-DD, inclusive). Events with
	// no date are left out when either is set.
	From, To string
	// BBox keeps events located inside it; events with no coordinates are
	// left out when it is set.
	BBox *BBox
	// Actor matches an actor id exactly, or a normalised name fragment of
	// actor1, actor2 or an associated actor.
	Actor string
	// EventType matches ACLED's event type or sub-event type exactly.
	EventType string
	// Outlet matches the outlet of the reporting document exactly.
	Outlet string
	// Query is a full-text query over the event's evidence, actors and place.
	Query string
	// DocID keeps the events of one document.
	DocID string
	Page
}

// ScanFilter selects documents for ScanDocuments.
type ScanFilter struct {
	// Linked selects documents that have a story id; otherwise those that
	// have none (stored with no story id, waiting to be linked).
	Linked bool
	// From keeps documents published on or after this day (YYYY-MM-DD);
	// undated documents are left out when it is set.
	From string
	// Limit stops the scan after this many documents; 0 means no limit.
	Limit int
}

// ActorFilter selects actors.
type ActorFilter struct {
	// Query matches a normalised fragment of the actor's name or its id.
	Query string
	Page
}

// DocumentSummary is one row of a document list.
type DocumentSummary struct {
	DocID       string `json:"doc_id"`
	Title       string `json:"title"`
	Outlet      string `json:"outlet"`
	URL         string `json:"url"`
	Published   string `json:"published"`
	StoryID     string `json:"story_id,omitempty"`
	ContentHash string `json:"content_hash"`
	Events      int    `json:"events"`
	Entities    int    `json:"entities"`
	// Lead is the beginning of the body, for lists.
	Lead string `json:"lead"`
}

// DocumentPage is a window of documents with the total count of the filter.
type DocumentPage struct {
	Total int               `json:"total"`
	Items []DocumentSummary `json:"items"`
}

// EventRow is an event with the document it was read from.
type EventRow struct {
	// ID is the event's store id (see EventIDs).
	ID        string       `json:"id"`
	DocID     string       `json:"doc_id"`
	Outlet    string       `json:"outlet"`
	URL       string       `json:"url"`
	Title     string       `json:"title"`
	Published string       `json:"published"`
	Event     record.Event `json:"event"`
}

// EventPage is a window of events with the total count of the filter.
type EventPage struct {
	Total int        `json:"total"`
	Items []EventRow `json:"items"`
}

// DayCount is the number of events on one day (YYYY-MM-DD).
type DayCount struct {
	Day    string `json:"day"`
	Events int    `json:"events"`
}

// StorySummary is one row of a story list.
type StorySummary struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Documents int      `json:"documents"`
	Events    int      `json:"events"`
	Outlets   []string `json:"outlets"`
	First     string   `json:"first"`
	Last      string   `json:"last"`
}

// StoryPage is a window of stories with the total count.
type StoryPage struct {
	Total int            `json:"total"`
	Items []StorySummary `json:"items"`
}

// StoryDetail is a story with everything the story view shows.
type StoryDetail struct {
	StorySummary
	Sources []DocumentSummary `json:"sources"`
	Events  []EventRow        `json:"events"`
	// Contradictions are facts about one event on which sources disagree.
	Contradictions []Contradiction `json:"contradictions"`
	// Framing is the labels each outlet of the story gives each actor.
	Framing []ActorLabels `json:"framing"`
}

// Contradiction is one fact of a merged event reported differently by sources.
type Contradiction struct {
	// MergedID groups the reports of the event (record.Event.MergedID).
	MergedID string `json:"merged_id"`
	// Field is "fatalities", "date", "location", "actor1", "actor2" or "event_type".
	Field string `json:"field"`
	// Claims lists each distinct value with the events and outlets reporting it.
	Claims []Claim `json:"claims"`
}

// Claim is one value of a contradicted field.
type Claim struct {
	Value   string   `json:"value"`
	Outlets []string `json:"outlets"`
	Events  []string `json:"events"`
}

// Actor is an actor across all stored documents.
type Actor struct {
	ID        string  `json:"id"`
	Name      string  `json:"name"`
	NameEn    string  `json:"name_en,omitempty"`
	Type      string  `json:"type"`
	Side      string  `json:"side,omitempty"`
	Documents int     `json:"documents"`
	Events    int     `json:"events"`
	Labels    []Label `json:"labels"`
}

// Label counts how often an outlet calls an actor by one label.
type Label struct {
	Outlet string `json:"outlet"`
	Label  string `json:"label"`
	Count  int    `json:"count"`
}

// ActorLabels is the framing of one actor within a story.
type ActorLabels struct {
	Actor  string  `json:"actor"`
	Name   string  `json:"name"`
	Labels []Label `json:"labels"`
}

// ActorPage is a window of actors with the total count of the filter.
type ActorPage struct {
	Total int     `json:"total"`
	Items []Actor `json:"items"`
}

// SearchHit is one document matching a search.
type SearchHit struct {
	DocumentSummary
	// Snippet is a stretch of the title or body around the first matches.
	Snippet string `json:"snippet"`
	// Highlights are [start, end) code-point ranges of matched words in Snippet.
	Highlights [][2]int `json:"highlights"`
	// Score orders hits; higher is better. Comparable only within one search.
	Score float64 `json:"score"`
}

// SearchPage is a window of search hits with the number of matches.
type SearchPage struct {
	// Total counts the matches, up to MaxSearchTotal.
	Total int `json:"total"`
	// TotalCapped is true when more than MaxSearchTotal documents match.
	TotalCapped bool        `json:"total_capped"`
	Items       []SearchHit `json:"items"`
	// Terms are the normalised stems the query was reduced to.
	Terms []string `json:"terms"`
	// Ranking is RankRelevance or RankRecent: how Items are ordered.
	Ranking string `json:"ranking"`
}

// Search limits shared by every backend. Scoring every match of a word
// found in most articles costs a pass over its whole posting list per
// query, so a search with more than RankLimit matches is ordered newest
// first instead of by relevance, and matches are counted up to
// MaxSearchTotal; the search stays fast whatever the size of the archive.
const (
	RankLimit      = 5000
	MaxSearchTotal = 10000
)

// Search orderings.
const (
	RankRelevance = "relevance" // best match first (BM25)
	RankRecent    = "recent"    // most recently stored first
)

// Stats counts what a store holds.
type Stats struct {
	Documents int           `json:"documents"`
	Events    int           `json:"events"`
	Entities  int           `json:"entities"`
	Quotes    int           `json:"quotes"`
	Stories   int           `json:"stories"`
	Outlets   []OutletCount `json:"outlets"`
	// FirstDate and LastDate bound the event dates.
	FirstDate string `json:"first_date"`
	LastDate  string `json:"last_date"`
}

// OutletCount is how much one outlet contributed.
type OutletCount struct {
	Outlet    string `json:"outlet"`
	Documents int    `json:"documents"`
	Events    int    `json:"events"`
}
