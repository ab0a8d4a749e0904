// Package events reads conflict events out of a document, as a careful
// ACLED coder would: it finds event triggers in each sentence with an
// Arabic lexicon (lexicon/*.tsv), drops what is not an event (threats,
// plans, denials, negation, calls, generic talk, remote background), codes
// each event into ACLED's types and sub-types with a CAMEO code, fills its
// arguments from the entity layer (actors with their sides, the place with
// coordinates and precision, the date resolved against publication, the
// fatalities by ACLED's lowest-figure rule, who claims it), and merges the
// reports of one event as ACLED disaggregates: one event per type, place
// and day. Every event carries the sentence it was read from.
//
// Where the text is silent it codes as ACLED does: doers named only by an
// adjective («غارة إسرائيلية») are the state's forces (npactors.go),
// unnamed perpetrators an unidentified armed group and civilian victims
// civilians of the event's country (conventions.go), a place the
// gazetteer lacks is coded at the place the text locates it by or at the
// country (locate.go), and each actor gets its ACLED type code.
package events

import (
	"fmt"
	"sync"

	"github.com/marsad/marsad/internal/doc"
	"github.com/marsad/marsad/internal/kb"
	"github.com/marsad/marsad/internal/timeline"
)

// Stage is the pipeline stage that fills doc.Events. It reads Body,
// Sentences, Paragraphs, Tokens, Entities, Quotes and Published; run it
// after entity linking and quotes. The zero value uses the embedded lexicon
// and the default knowledge base (for places' precision, people's roles and
// which sides are governments) and reference timeline (for undated events
// that report a landmark); data that cannot be loaded only makes those
// readings coarser.
type Stage struct {
	// Lexicon overrides the embedded lexicon (tests).
	Lexicon *Lexicon
	// KB overrides the default knowledge base.
	KB *kb.KB
	// NoKB runs without a knowledge base.
	NoKB bool
	// Timeline overrides the embedded reference timeline.
	Timeline *timeline.Timeline
	// NoTimeline runs without a timeline: undated events keep the
	// publication window.
	NoTimeline bool
}

// Name implements pipeline.Stage.
func (Stage) Name() string { return "events" }

var (
	defaultKBOnce sync.Once
	defaultKB     *kb.KB
	defaultTLOnce sync.Once
	defaultTL     *timeline.Timeline
)

// Process implements pipeline.Stage.
func (s Stage) Process(d *doc.Doc) error {
	lex := s.Lexicon
	if lex == nil {
		var err error
		if lex, err = DefaultLexicon(); err != nil {
			return fmt.Errorf("events lexicon: %w", err)
		}
	}
	base := s.KB
	if base == nil && !s.NoKB {
		defaultKBOnce.Do(func() {
			if k, err := kb.Default(); err == nil {
				defaultKB = k
			}
		})
		base = defaultKB
	}
	tl := s.Timeline
	if tl == nil && !s.NoTimeline {
		defaultTLOnce.Do(func() {
			if t, err := timeline.Default(); err == nil {
				defaultTL = t
			}
		})
		tl = defaultTL
	}
	d.Events = ExtractWith(d, lex, base, tl)
	return nil
}
