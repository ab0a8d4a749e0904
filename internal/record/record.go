// Package record defines the marsad/v1 output record: the JSON object written
// for every analysed document (see docs/output-v1.md). Everything downstream of
// the pipeline — exports, the store, the API, the web UI, story clustering —
// reads these types, never the pipeline's internal Doc, so that a JSONL file
// written by one marsad can be loaded by another.
//
// Fields may be added; none may be renamed or dropped without a new schema.
// Text offsets count Unicode code points in Body. Dates are YYYY-MM-DD.
package record

// Schema is the value of every record's "schema" field.
const Schema = "marsad/v1"

// Document is the analysis of one input article.
type Document struct {
	Schema    string    `json:"schema"`
	DocID     string    `json:"doc_id"`
	Source    Source    `json:"source"`
	Title     *string   `json:"title"`
	Published Published `json:"published"`
	Body      string    `json:"body"`
	Entities  []Entity  `json:"entities"`
	Events    []Event   `json:"events"`
	Quotes    []Quote   `json:"quotes"`
	Framing   []Framing `json:"framing"`

	// Extensions of marsad/v1 (documented in docs/output-v1.md).

	// ContentHash is the hex SHA-256 of the normalised body: the key that makes
	// re-ingesting the same article a no-op.
	ContentHash string `json:"content_hash,omitempty"`
	// Language is the detected language of the body ("ar" for Arabic).
	Language string `json:"language,omitempty"`
	// StoryID groups documents about the same news story.
	StoryID string `json:"story_id,omitempty"`
	// DuplicateOf names an earlier document this one nearly duplicates.
	DuplicateOf string `json:"duplicate_of,omitempty"`
	// Perspective records how the article's naming of the sides was resolved.
	Perspective *Perspective `json:"perspective,omitempty"`
	// Warnings are problems found while analysing the document that did not stop it.
	Warnings []string `json:"warnings,omitempty"`
}

// Source says where a document came from.
type Source struct {
	Path   *string `json:"path"`
	URL    *string `json:"url"`
	Outlet *string `json:"outlet"`
	Agency *string `json:"agency"`
	// Line is the 1-based line of a JSON Lines input; 0 otherwise.
	Line int `json:"line,omitempty"`
}

// Published is the publication date: a day when known, always a window.
type Published struct {
	Date *string `json:"date"`
	From *string `json:"from"`
	To   *string `json:"to"`
	// Basis is "stated", "inferred" or "unknown".
	Basis string `json:"basis"`
	// Evidence is the text the date was read from (extension).
	Evidence string `json:"evidence,omitempty"`
	// Likely is, for an inferred window, the day within it the evidence
	// points to most (extension): the day after the latest reported event
	// the window rests on, else its middle. It is an estimate, not a date:
	// Date stays null. Undated events are recorded on it.
	Likely *string `json:"likely,omitempty"`
}

// Publication date bases.
const (
	BasisStated   = "stated"
	BasisInferred = "inferred"
	BasisUnknown  = "unknown"
)

// Entity is one person, organisation, group or place named in the document,
// linked to the knowledge base when it is known there.
type Entity struct {
	ID       string    `json:"id"`
	Type     string    `json:"type"`
	Name     string    `json:"name"`
	NameEn   *string   `json:"name_en"`
	Lat      *float64  `json:"lat"`
	Lon      *float64  `json:"lon"`
	Country  *string   `json:"country"`
	Mentions []Mention `json:"mentions"`

	// Extensions.

	// Side is the conflict side the knowledge base or the article's
	// perspective assigns (e.g. "LNA", "GNA"), if any.
	Side string `json:"side,omitempty"`
	// Admin1 is the first-level administrative division of a place.
	Admin1 string `json:"admin1,omitempty"`
	// InKB is true when the entity is a knowledge-base entry.
	InKB bool `json:"in_kb,omitempty"`
}

// Entity types.
const (
	PER        = "PER"
	ORG        = "ORG"
	ArmedGroup = "ARMED_GROUP"
	GOV        = "GOV"
	LOC        = "LOC"
	GPE        = "GPE"
	FAC        = "FAC"
	MISC       = "MISC"
)

// Mention is one occurrence of an entity in Body.
type Mention struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Label is the descriptor the article attaches to the mention, such as
	// «مليشيات» or «قوات» (extension; feeds Framing).
	Label string `json:"label,omitempty"`
}

// Event is one conflict event, coded in ACLED's taxonomy.
type Event struct {
	// ID is deterministic: the same document and evidence give the same ID.
	ID            string    `json:"id,omitempty"`
	EventType     string    `json:"event_type"`
	SubEventType  string    `json:"sub_event_type"`
	CAMEO         string    `json:"cameo,omitempty"`
	Date          *string   `json:"date"`
	DateFrom      *string   `json:"date_from,omitempty"`
	DateTo        *string   `json:"date_to,omitempty"`
	TimePrecision int       `json:"time_precision"`
	Actor1        *Actor    `json:"actor1"`
	Actor2        *Actor    `json:"actor2"`
	AssocActors   []Actor   `json:"assoc_actors"`
	Location      *Location `json:"location"`
	Fatalities    *int      `json:"fatalities"`
	ClaimedBy     *Claim    `json:"claimed_by"`
	Evidence      string    `json:"evidence"`
	Span          [2]int    `json:"span"`

	// Extensions.

	// Trigger is the word or phrase the event was detected from.
	Trigger *Span `json:"trigger,omitempty"`
	// MergedID is shared by reports of the same event across documents.
	MergedID string `json:"merged_id,omitempty"`
	// DateBasis says where Date comes from: "text" (a date expression of
	// the text), "publication" (the text gives none; the publication
	// window does) or "timeline" (a landmark of the reference timeline
	// the event matches).
	DateBasis string `json:"date_basis,omitempty"`
	// DateLandmark is the timeline id of that landmark, for "timeline".
	DateLandmark string `json:"date_landmark,omitempty"`
}

// Actor is an event participant.
type Actor struct {
	ID     string  `json:"id"`
	Name   string  `json:"name"`
	NameEn *string `json:"name_en,omitempty"`
	Side   string  `json:"side,omitempty"`
	// Text is the surface form the actor was read from (extension).
	Text string `json:"text,omitempty"`
	// Inter is ACLED's actor type code in this event (extension): 1 state
	// forces, 2 rebel groups, 3 political militias, 4 identity militias,
	// 5 rioters, 6 protesters, 7 civilians, 8 external or other forces;
	// 0 (omitted) when it cannot be told.
	Inter int `json:"inter,omitempty"`
}

// Location is where an event happened.
type Location struct {
	ID           string   `json:"id,omitempty"`
	Name         string   `json:"name"`
	NameEn       *string  `json:"name_en,omitempty"`
	Lat          *float64 `json:"lat"`
	Lon          *float64 `json:"lon"`
	Admin1       *string  `json:"admin1"`
	Country      *string  `json:"country"`
	GeoPrecision int      `json:"geo_precision"`
	// NamedPlace is the place the text names when the gazetteer cannot
	// locate it (extension): the location is then the place the text
	// names around it (geo_precision 2 or 3) or the country (3).
	NamedPlace string `json:"named_place,omitempty"`
}

// Claim names who asserts an event.
type Claim struct {
	ID   *string `json:"id"`
	Name *string `json:"name"`
}

// Quote is direct or reported speech.
type Quote struct {
	Speaker     Speaker `json:"speaker"`
	SpeakerText string  `json:"speaker_text"`
	Cue         string  `json:"cue"`
	Text        string  `json:"text"`
	Span        [2]int  `json:"span"`
	// Direct is true for speech between quotation marks (extension).
	Direct bool `json:"direct,omitempty"`
}

// Speaker is the person or body a quote is attributed to.
type Speaker struct {
	ID   *string `json:"id"`
	Name string  `json:"name"`
}

// Framing lists the labels an article uses for one actor, counted.
type Framing struct {
	Actor  string         `json:"actor"`
	Labels map[string]int `json:"labels"`
	// Name is the actor's canonical name (extension).
	Name string `json:"name,omitempty"`
}

// Span is a stretch of Body with its text.
type Span struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Perspective records which side the article writes from and how its
// ambiguous names (such as «الجيش الليبي») were resolved.
type Perspective struct {
	// Leaning is the side whose own names the article uses, or "" if unclear.
	Leaning string `json:"leaning"`
	// Resolved maps an ambiguous name to the entity id it was linked to.
	Resolved map[string]string `json:"resolved,omitempty"`
	// Evidence lists the cues the decision rests on.
	Evidence []string `json:"evidence,omitempty"`
}

// Str returns a pointer to s, or nil when s is empty: JSON null for "unknown".
func Str(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Float returns a pointer to f.
func Float(f float64) *float64 { return &f }

// Int returns a pointer to n.
func Int(n int) *int { return &n }

// Deref returns *s, or "" when s is nil.
func Deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
