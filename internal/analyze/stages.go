package analyze

import (
	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/clean"
	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/events"
	"github.com/marsad/marsad/internal/framing"
	"github.com/marsad/marsad/internal/link"
	"github.com/marsad/marsad/internal/meta"
	"github.com/marsad/marsad/internal/ner"
	"github.com/marsad/marsad/internal/pipeline"
	"github.com/marsad/marsad/internal/quotes"
)

// StageOptions configure the default pipeline. The zero value is the
// standard setup.
type StageOptions struct {
	// Dates overrides the date reader of the metadata stage (tests).
	Dates meta.DateFinder
	// NoNER links knowledge-base names only, without the NER tagger's
	// spans (for measuring what the tagger adds).
	NoNER bool
}

// DefaultStages is marsad's pipeline, in order. Later layers (entities,
// events, quotes, framing) are appended here — this list is the one place
// that says what `marsad analyze` does to a document.
func DefaultStages(opts StageOptions) []pipeline.Stage {
	return []pipeline.Stage{
		clean.Stage{},                 // Raw → Title, Body, Paragraphs, Language, Given
		meta.Stage{Dates: opts.Dates}, // Agency, Outlet, Published, ContentHash
		ArabicStage{},                 // Sentences, Tokens
		linkStage(opts),               // Entities, Perspective
		quotes.Stage{},                // Quotes (after the entity stage: speakers link to Entities)
		meta.RefineStage{},            // Published narrowed by weekdays, war time, landmarks, roles (needs Entities, Quotes)
		events.Stage{},                // Events (after entities and quotes: actors, places, claims)
		framing.Stage{},               // Framing, last: labels per actor over Entities
	}
}

// ArabicStage fills a document's Sentences and Tokens from the Arabic
// core, with offsets in code points of Body.
type ArabicStage struct{}

// Name implements pipeline.Stage.
func (ArabicStage) Name() string { return "arabic" }

// Process implements pipeline.Stage.
func (ArabicStage) Process(d *doc.Doc) error {
	spans := arabic.SentencesOf(d.Runes())
	d.Sentences = make([]doc.Span, len(spans))
	for i, s := range spans {
		d.Sentences[i] = doc.Span{Start: s.Start, End: s.End}
	}
	d.Tokens = arabic.Tokenize(d.Body)
	return nil
}

// linkStage returns the entity-linking stage with the embedded NER model,
// which finds the people and organisations the knowledge base lacks. The
// model is loaded once and shared by every pipeline.
func linkStage(opts StageOptions) *link.Stage {
	s := &link.Stage{}
	if opts.NoNER {
		return s
	}
	// The embedded model is checked by package ner's tests; should it ever
	// fail to load, linking still works from the knowledge base alone.
	if m, err := ner.Load(); err == nil {
		s.NER = m
	}
	return s
}
