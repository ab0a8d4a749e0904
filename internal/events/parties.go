package events

import (
	"github.com/marsad/marsad/internal/kb"
)

// Countries as parties. «أبرمته روسيا وتركيا», «اتفاق بين تركيا وروسيا»: in
// a sentence that reports an agreement, a country named as a subject or
// between the parties, not after a preposition of place, stands for its
// government, and is no place of the event.

// partyClasses are the trigger classes whose sentences make countries
// parties.
var partyClasses = []string{"agreement", "ceasefire"}

// partyPrepositions may stand before a party: «بين روسيا وتركيا», «مع تركيا».
var partyPrepositions = stemSet("بين", "مع")

// buildCountryParties turns country mentions into their governments where
// a sentence reports an agreement.
func (c *docContext) buildCountryParties() {
	if c.kb == nil {
		return
	}
	var added []*mention
	for _, m := range c.mentions {
		if !m.place || m.virtual || m.first != m.last {
			continue
		}
		k := c.kbEntry(m.ent)
		if k == nil || k.Kind != "country" || !c.partyPosition(m.first) {
			continue
		}
		si := c.tokSent[m.first]
		if si < 0 || !c.sentenceHas(c.sents[si], partyClasses...) {
			continue
		}
		gov := countryGovernment(c.kb, k.Country)
		if gov == nil {
			continue
		}
		m.place = false
		added = append(added, c.virtualMention(entityOf(gov), m.first, m.last, false))
	}
	if len(added) > 0 {
		c.mentions = append(c.mentions, added...)
		sortMentions(c.mentions)
	}
}

// partyPosition reports whether the country word at token i can name an
// actor: it carries no preposition (a conjunction is fine) and follows no
// preposition but «بين» and «مع».
func (c *docContext) partyPosition(i int) bool {
	t := &c.v.toks[i]
	for _, p := range t.Proclitics() {
		if p != "و" {
			return false
		}
	}
	if i == 0 {
		return true
	}
	prev := &c.v.toks[i-1]
	if len(prev.Proclitics()) == 0 && prepositions[prev.Stem] && !partyPrepositions[prev.Stem] {
		return false
	}
	return !c.isCueAt(cuePlaceNoun, i-1) && !c.isCueAt(cueDirection, i-1)
}

// countryGovernment is a country's national government: the first
// government entry the base has for it («الحكومة العراقية» before the
// Kurdistan region's).
func countryGovernment(base *kb.KB, cc string) *kb.Entry {
	if gs := kbByCountry(base, kb.GOV, "government")[cc]; len(gs) > 0 {
		return gs[0]
	}
	return nil
}
