// Package kbphrases turns marsad's knowledge base into the phrase list the
// NER model's gazetteer is built from. It lives apart from package ner so
// that tagging never depends on the knowledge base: a trained model carries
// its own copy of the phrases.
package kbphrases

import (
	"strings"

	"github.com/marsad/marsad/internal/kb"
	"github.com/marsad/marsad/internal/ner"
)

// FromKB returns every Arabic name in k with its NER class and every
// nationality adjective with the class ADJ, in the base's entry order.
// Names of minor entries get a class of their own, the NER class with "2"
// appended ("3" for one-word names of minor places): places that are not
// countries, capitals, regions or cities of 100,000 people, and entries
// taken from PETRARCH's dictionaries. Their names are often common words
// too (GeoNames lists «سنة» as a village), so the model learns to trust
// them less than the curated and major names.
func FromKB(k *kb.KB) []ner.Phrase {
	var out []ner.Phrase
	for _, e := range k.Entries() {
		class := e.NERClass()
		isMinor := minor(e)
		for _, n := range e.Names() {
			c := class
			switch {
			case isMinor && class == "LOC" && !strings.Contains(strings.TrimSpace(n), " "):
				c += "3"
			case isMinor:
				c += "2"
			}
			out = append(out, ner.Phrase{Name: n, Class: c})
		}
		for _, a := range e.Adjectives {
			out = append(out, ner.Phrase{Name: a, Class: "ADJ"})
		}
	}
	return out
}

// majorPlaceKinds are the kinds of place whose names are rarely anything
// else.
var majorPlaceKinds = map[string]bool{"country": true, "capital": true, "admin1": true, "region": true, "district": true}

// majorPopulation is the population from which a town's names count as
// major.
const majorPopulation = 100000

func minor(e *kb.Entry) bool {
	if e.Source == kb.SourcePetrarch {
		return true
	}
	if !e.IsPlace() || e.Source == kb.SourceCurated {
		return false
	}
	return !majorPlaceKinds[e.Kind] && e.Population < majorPopulation
}

// Default returns the phrases of the embedded knowledge base.
func Default() ([]ner.Phrase, error) {
	k, err := kb.Default()
	if err != nil {
		return nil, err
	}
	return FromKB(k), nil
}
