package stories

import (
	"slices"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/record"
)

// A denial is a statement in a document that what others report did not
// happen, or not as they say: «نفت قوات الدعم السريع أن تكون قد قصفت سوق
// الفاشر». The events layer codes no event from it, so the builder keeps
// it, with the places it names, and sets it against the merged events of
// its story at those places.
type denialAcc struct {
	claim  Claim
	source string
	places []string // ids of the place entities the denial names
}

// denialsOf returns the denials a document quotes that name a place.
func denialsOf(d *record.Document, source string) []denialAcc {
	var out []denialAcc
	var runes []rune
	var sentences []arabic.Span
	for i := range d.Quotes {
		q := &d.Quotes[i]
		if !hasDenial(q.Cue) {
			continue
		}
		places := placesWithin(d, q.Span[0], q.Span[1])
		if len(places) == 0 {
			continue
		}
		if runes == nil {
			runes = []rune(d.Body)
			sentences = arabic.SentencesOf(runes)
		}
		who := q.Speaker.Name
		out = append(out, denialAcc{
			claim: Claim{
				DocID: d.DocID, Outlet: d.Source.Outlet, Agency: d.Source.Agency,
				ClaimedBy: &record.Claim{ID: q.Speaker.ID, Name: record.Str(who)},
				Says:      "denies it", Evidence: sentenceAt(runes, sentences, q.Span[0]),
			},
			source: source,
			places: places,
		})
	}
	return out
}

// placesWithin lists the place entities with a mention inside [start, end).
func placesWithin(d *record.Document, start, end int) []string {
	var out []string
	for i := range d.Entities {
		e := &d.Entities[i]
		switch e.Type {
		case record.LOC, record.GPE, record.FAC:
		default:
			continue
		}
		for _, m := range e.Mentions {
			if m.Start >= start && m.End <= end && !slices.Contains(out, e.ID) {
				out = append(out, e.ID)
			}
		}
	}
	return out
}

// sentenceAt returns the sentence of the body's runes holding code point at.
func sentenceAt(runes []rune, sentences []arabic.Span, at int) string {
	for _, s := range sentences {
		if at >= s.Start && at < s.End && s.End <= len(runes) {
			return string(runes[s.Start:s.End])
		}
	}
	return ""
}

// denialContradictions sets the denials of an event's stories against its
// reports: a denial naming the event's place, from another source than a
// report's, contradicts that report.
func denialContradictions(me *MergedEvent, rs []reportAcc, denials []denialAcc) []Contradiction {
	if me.Location == nil || me.Location.ID == "" {
		return nil
	}
	var out []Contradiction
	for _, dn := range denials {
		if !slices.Contains(dn.places, me.Location.ID) || deniedAlready(me.Contradictions, dn.claim.DocID) {
			continue
		}
		for i := range rs {
			if rs[i].source == dn.source || rs[i].Denies {
				continue
			}
			out = append(out, Contradiction{Kind: "denial", Detail: "one source denies what another reports",
				A: claimOf(&rs[i], "reports it"), B: dn.claim})
			break // one asserting report per denial is enough to show it
		}
		if len(out) >= maxPerKind {
			break
		}
	}
	return out
}

// deniedAlready reports whether the event's contradictions hold a denial
// from the document already (its own report of the event denies it).
func deniedAlready(cs []Contradiction, docID string) bool {
	for _, c := range cs {
		if c.Kind == "denial" && c.B.DocID == docID {
			return true
		}
	}
	return false
}
